/** The default command: lint paths (or stdin) and print a report. */
import { resolve, join } from 'node:path';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { CliIO } from '../io.js';
import { wantsColor } from '../io.js';
import { UsageError } from '../../util/errors.js';
import { getFormatter, formatNames } from '../../formatters/index.js';
import { exitCode, onlyErrors } from '../../report/summary.js';
import { lintFiles, buildReport } from '../../engine/lint-files.js';
import { failed } from '../../engine/failed.js';
import { ConfigResolver } from '../../config/resolve.js';
import { parseSeverity } from '../../config/settings.js';
import { getRule } from '../../rules/registry.js';
import type { RawRuleEntry } from '../../config/schema.js';
import type { Channel, Report } from '../../types.js';
import { displayPath } from '../../engine/discover.js';
import type { LintCache } from '../../engine/cache.js';
import { kindOfPath } from '../../document/kind.js';

export interface LintCliOptions {
  config?: string;
  format: string;
  outputFile?: string;
  channel?: Channel;
  rule: string[];
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation: string;
  baseline?: string | boolean;
  updateBaseline?: boolean;
  axe: boolean;
  jobs?: number;
  shard?: string;
  progress: boolean;
  color?: boolean;
  debug?: boolean;
}

/** `--rule id:severity` → rule entries. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RawRuleEntry> {
  const out: Record<string, RawRuleEntry> = {};
  for (const flag of flags) {
    const i = flag.lastIndexOf(':');
    const id = i === -1 ? flag : flag.slice(0, i);
    const sev = i === -1 ? undefined : flag.slice(i + 1);
    if (!getRule(id)) throw new UsageError(`--rule ${flag}: '${id}' is not a plainspoke rule (run 'plainspoke rules' to list them)`);
    const severity = parseSeverity(sev);
    if (!severity) throw new UsageError(`--rule ${flag}: give a severity after the colon: off, info, warn or error`);
    out[id] = { severity };
  }
  return out;
}

/** True on a CI server (most set CI; `CI=false` or `0` means not). */
export function inCI(env: CliIO['env']): boolean {
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return true;
  return Boolean(env.GITHUB_ACTIONS || env.BUILDKITE || env.TF_BUILD || env.JENKINS_URL || env.GITLAB_CI);
}

/** Files at or above which a run shows the progress line: short runs end before it would help. */
export const PROGRESS_MIN_FILES = 20;

/**
 * The progress callback, or undefined when there must be none: only on a TTY
 * stderr, never in CI, never with --no-progress, and never when a machine
 * format goes to stdout (a pipe reader wants clean output).
 */
export function progressLine(opts: Pick<LintCliOptions, 'progress' | 'format' | 'outputFile'>, io: CliIO, now: () => number = Date.now): ((done: number, total: number, path: string) => void) | undefined {
  if (opts.progress === false || !io.stderr.isTTY || inCI(io.env) || io.env.TERM === 'dumb') return undefined;
  if (opts.format !== 'stylish' && !opts.outputFile) return undefined;
  let last = -Infinity;
  let shown = false;
  return (done, total, path) => {
    if (total < PROGRESS_MIN_FILES) return;
    if (done === total) {
      if (shown) io.stderr.write('\r\x1b[K');
      return;
    }
    // A terminal redraw per file slows big runs; ten a second is plenty to read.
    const t = now();
    if (t - last < 100) return;
    last = t;
    shown = true;
    const name = path.length > 60 ? `…${path.slice(-59)}` : path;
    io.stderr.write(`\r\x1b[K${done}/${total} ${name}`);
  };
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) that gets `.plainspokecache`. */
function cachePath(location: string, cwd: string): string {
  const abs = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(abs, '.plainspokecache');
  try {
    if (statSync(abs).isDirectory()) return join(abs, '.plainspokecache');
  } catch {
    /* not there yet: a file */
  }
  return abs;
}

/** Whether a `--baseline` value is really a path to lint. */
function looksLikeInput(value: string, cwd: string): boolean {
  if (kindOfPath(value) || /[*?{}[\]]/.test(value)) return true;
  try {
    return statSync(resolve(cwd, value)).isDirectory();
  } catch {
    return false;
  }
}

export async function runLint(paths: string[], opts: LintCliOptions, io: CliIO): Promise<number> {
  const formatter = await getFormatter(opts.format);
  if (!formatter) throw new UsageError(`--format ${opts.format}: unknown format (use ${formatNames().join(', ')})`);
  if (opts.stdin && paths.length) throw new UsageError('--stdin lints standard input: leave out the paths');
  if (opts.stdin && (opts.fix || opts.fixDryRun)) throw new UsageError('--fix needs files: it cannot fix standard input');
  const cli = { channel: opts.channel, rules: parseRuleFlags(opts.rule), configFile: opts.config };
  const run = { noAxe: !opts.axe, fix: Boolean(opts.fix || opts.fixDryRun) };
  const progress = progressLine(opts, io);

  // `--baseline [file]` takes an optional value, so `--baseline docs/` would swallow the path
  // to lint. A value that is a folder, a Markdown/HTML file or a glob is a path, not the baseline.
  if (typeof opts.baseline === 'string' && looksLikeInput(opts.baseline, io.cwd)) {
    paths = [opts.baseline, ...paths];
    opts = { ...opts, baseline: true };
  }
  // The baseline is read before linting, so a bad baseline file fails fast.
  const baselineWanted = (opts.baseline !== undefined && opts.baseline !== false) || Boolean(opts.updateBaseline);
  const baselineName = typeof opts.baseline === 'string' ? opts.baseline : '.plainspoke-baseline.json';
  const baselineMod = baselineWanted ? await import('../../engine/baseline.js') : undefined;
  let known: import('../../engine/baseline.js').Baseline | undefined;
  if (baselineMod) {
    const abs = resolve(io.cwd, baselineName);
    try {
      known = await baselineMod.readBaseline(abs, baselineName);
    } catch (e) {
      // --update-baseline replaces a broken file; a plain --baseline run must not guess.
      if (!opts.updateBaseline) throw e;
      io.stderr.write(`plainspoke: ${(e as Error).message.split(';')[0]}: writing a new one\n`);
    }
    if (!known && !opts.updateBaseline) throw new UsageError(`--baseline ${baselineName}: no such file (create it with --update-baseline)`);
  }

  // Fix runs lint the text they change, so they neither read nor fill the cache.
  let cache: LintCache | undefined;
  if (opts.cache && !run.fix && !opts.stdin) cache = (await import('../../engine/cache.js')).LintCache.load(cachePath(opts.cacheLocation, io.cwd));

  let report: Report;
  if (opts.stdin) {
    const name = opts.stdinFilename ?? 'stdin.md';
    const abs = resolve(io.cwd, name);
    const resolver = new ConfigResolver(io.cwd, cli);
    const text = await io.readStdin();
    const path = displayPath(abs, io.cwd);
    let result;
    try {
      // Loaded here so a pooled run's main thread never loads the parsers (issue 6).
      const { lintSource } = await import('../../engine/lint-source.js');
      result = await lintSource({ path, absPath: abs, bytes: new TextEncoder().encode(text) }, resolver, run);
    } catch (e) {
      result = failed(path, 'article', e);
    }
    report = buildReport([result]);
  } else {
    // --jobs, --shard and PLAINSPOKE_TIMING=1 (per-stage times for `npm run bench`): issue 6.
    ({ report } = await lintFiles(paths, { cwd: io.cwd, cli, ...run, onProgress: progress, cache, jobs: opts.jobs, shard: opts.shard, timing: io.env.PLAINSPOKE_TIMING === '1' }));
  }
  if (cache) {
    await cache.save().catch((e: NodeJS.ErrnoException) => {
      io.stderr.write(`plainspoke: --cache-location ${opts.cacheLocation}: cannot write the cache (${e.code ?? e.message}); the next run lints every file again\n`);
    });
  }

  for (const f of report.files) if (f.error) io.stderr.write(`plainspoke: ${f.error}\n`);
  if (opts.fix || opts.fixDryRun) {
    const { writeFixes } = await import('../../engine/write-fixes.js');
    const { diff, errors } = await writeFixes(report, io.cwd, Boolean(opts.fixDryRun));
    for (const e of errors) io.stderr.write(`plainspoke: ${e}\n`);
    // The diff goes to stdout unless a machine format needs stdout for itself.
    if (opts.fixDryRun) (opts.format === 'stylish' || opts.outputFile ? io.stdout : io.stderr).write(diff);
    if (errors.length) return 2;
  }

  if (baselineMod) {
    const abs = resolve(io.cwd, baselineName);
    const previous = known ?? baselineMod.emptyBaseline();
    if (opts.updateBaseline) {
      const { fixed } = baselineMod.applyBaseline(report, previous);
      const next = baselineMod.updatedBaseline(previous, report);
      try {
        await baselineMod.writeBaseline(abs, next);
      } catch (e) {
        throw new UsageError(`--update-baseline: cannot write ${baselineName} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      const applied = baselineMod.applyBaseline(report, next);
      report = { ...applied.report, baseline: { hidden: applied.hidden, fixed } };
      const size = baselineMod.baselineSize(next);
      io.stderr.write(`plainspoke: wrote ${size} known finding${size === 1 ? '' : 's'} to ${baselineName}${fixed ? ` (${fixed} fixed since the last one)` : ''}\n`);
    } else {
      report = baselineMod.applyBaseline(report, previous).report;
    }
  }

  const shown = opts.quiet ? onlyErrors(report) : report;
  const text = formatter(shown, { cwd: io.cwd, color: !opts.outputFile && opts.format === 'stylish' && wantsColor(io, opts.color, io.stdout) });
  if (opts.outputFile) {
    try {
      await writeFile(resolve(io.cwd, opts.outputFile), text);
    } catch (e) {
      throw new UsageError(`--output-file ${opts.outputFile}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else if (!opts.fixDryRun || opts.format !== 'stylish') io.stdout.write(text);
  return exitCode(shown, opts.maxWarnings);
}
