/** The default command: lint paths (or stdin) and print a report. */
import { dirname, resolve, join, sep } from 'node:path';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { CliIO } from '../io.js';
import { wantsColor } from '../io.js';
import { UsageError } from '../../util/errors.js';
import { getFormatter, formatNames } from '../../formatters/index.js';
import { exitCode, onlyErrors, summarise } from '../../report/summary.js';
import { serialisable } from '../../formatters/json.js';
import type { FormatContext } from '../../formatters/types.js';
import { safeJson, safeLine, safeText } from '../../util/terminal.js';
import { didYouMean } from '../../util/suggest.js';
import { parseRuleFlags } from '../rule-flags.js';
import { isIgnoredFile, namedFileStat, type Discovered } from '../../engine/discover.js';
import type { SettingSources } from '../../config/resolve.js';
import { lintFiles, buildReport } from '../../engine/lint-files.js';
import { ConfigResolver } from '../../config/resolve.js';
import type { Channel, Report, Severity } from '../../types.js';
import { displayPath } from '../../engine/discover.js';
import type { LintCache } from '../../engine/cache.js';
import { kindOfPath } from '../../document/kind.js';

export interface LintCliOptions {
  config?: string;
  format: string;
  outputFile?: string;
  channel?: Channel;
  /** `--source-format`: read `.json` inputs as this kind of help-desk export (issue 16). */
  sourceFormat?: string;
  rule: string[];
  maxWarnings?: number;
  quiet?: boolean;
  /** `--verbose`: stylish shows a code frame, the note and the docs link (issue 12). */
  verbose?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation: string;
  baseline?: string | boolean;
  updateBaseline?: boolean;
  /** `--history <folder>`: earlier JSON reports for the HTML insights report (issue 18). */
  history?: string;
  axe: boolean;
  /** `--browser` / `--browser-path <file>`: run axe-core in headless Chromium (issue 19). */
  browser?: boolean;
  browserPath?: string;
  jobs?: number;
  shard?: string;
  progress: boolean;
  color?: boolean;
  debug?: boolean;
  /** `--min-severity`: report only findings at or above this level (CONTRACT 1.1). */
  minSeverity?: string;
  /** `--changed [base]`: true (default base) or the base given. */
  changed?: string | boolean;
  /** `--print-config <file>`. */
  printConfig?: string;
  /** false with `--no-inline-config`. */
  inlineConfig?: boolean;
  /** `--ignore-path <file>`. */
  ignorePath?: string;
  /** false with `--no-ignore`. */
  ignore?: boolean;
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
 * The progress callback, or undefined when there must be none: never in CI,
 * never with --no-progress, and never when a machine format goes to stdout (a
 * pipe reader wants clean output). The callback writes only to a TTY stderr.
 */
export function progressLine(opts: Pick<LintCliOptions, 'progress' | 'format' | 'outputFile'>, io: CliIO, now: () => number = Date.now): ((done: number, total: number, path: string) => void) | undefined {
  if (opts.progress === false || inCI(io.env) || io.env.TERM === 'dumb') return undefined;
  if (opts.format !== 'stylish' && !opts.outputFile) return undefined;
  let last = -Infinity;
  let shown = false;
  // Whether stderr is a TTY, asked only once a run is long enough to show the line: asking makes the stderr
  // stream (src/cli/io.ts), which a short run never needs (issue 19).
  let tty: boolean | undefined;
  return (done, total, path) => {
    if (total < PROGRESS_MIN_FILES) return;
    if (!(tty ??= Boolean(io.stderr.isTTY))) return;
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

/** Severity order for `--min-severity`. */
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function minSeverityOf(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const v = value === 'warn' ? 'warning' : value;
  if (v === 'info' || v === 'warning' || v === 'error') return v;
  throw new UsageError(`--min-severity ${value}: use info, warning or error`);
}

/** Keeps only findings at or above `min` (`--min-severity`); summary and exit code follow what is kept. */
function atLeast(report: Report, min: Severity): Report {
  if (min === 'info') return report;
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => RANK[x.severity] >= RANK[min]) }));
  return { ...report, files, summary: summarise(files) };
}

/** ESLint's line for `--max-warnings`, so an exit code 1 never comes without a reason. */
export function tooManyWarnings(warnings: number, max: number | undefined): string | undefined {
  return max !== undefined && max >= 0 && warnings > max ? `plainspoke: too many warnings (${warnings}, maximum ${max})\n` : undefined;
}

/** A formatter: a built-in name, or the user's own module (`--format ./my-formatter.js`), loaded only because the command line names it. */
export async function loadFormatter(name: string, cwd: string): Promise<(report: Report, ctx: FormatContext) => string | Promise<string>> {
  const builtin = await getFormatter(name);
  if (builtin) return builtin;
  if (!/[\\/]/.test(name) && !/\.[cm]?js$/i.test(name)) {
    throw new UsageError(`--format ${name}: unknown format${didYouMean(name, formatNames())} (use ${formatNames().join(', ')}, or a formatter module such as ./my-formatter.js)`);
  }
  const abs = resolve(cwd, name);
  if (!existsSync(abs)) throw new UsageError(`--format ${name}: no such file (a formatter module exports a default function (report) => string)`);
  let mod: { default?: unknown };
  try {
    try {
      mod = (await import(pathToFileURL(abs).href)) as { default?: unknown };
    } catch (e) {
      // The start-up bundle runs in vm.Script, which has no import(); require() loads ES modules on Node.js 20.19 and later.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING' && code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG') throw e;
      mod = createRequire(import.meta.url)(abs) as { default?: unknown };
    }
  } catch (e) {
    throw new UsageError(`--format ${name}: cannot load it (${safeLine(String((e as Error)?.message ?? e).split('\n')[0])})`);
  }
  const fn = typeof mod.default === 'function' ? mod.default : typeof mod === 'function' ? mod : typeof (mod.default as { default?: unknown } | undefined)?.default === 'function' ? (mod.default as { default: unknown }).default : undefined;
  if (typeof fn !== 'function') throw new UsageError(`--format ${name}: the module must export a default function (report) => string`);
  return async (report, ctx) => {
    // The user's formatter sees the report exactly as --format json writes it.
    const out: unknown = await (fn as (r: unknown, c: FormatContext) => unknown)({ ...report, files: report.files.map(serialisable) }, ctx);
    if (typeof out !== 'string') throw new UsageError(`--format ${name}: the formatter returned ${out === null ? 'null' : typeof out}, not text`);
    return out;
  };
}

/** `--browser` / `--browser-path`: the Chromium to run axe-core in, or a usage error (exit 2) when there is none. */
async function browserOption(opts: LintCliOptions, io: CliIO): Promise<{ browser?: string }> {
  if (!opts.browser && opts.browserPath === undefined) return {};
  if (!opts.axe) return {};
  const { findBrowser, playwrightInstalled } = await import('../../a11y/axe/browser-path.js');
  const found = findBrowser(opts.browserPath, io.env);
  if ('problem' in found) throw new UsageError(found.problem);
  if (!playwrightInstalled()) throw new UsageError('--browser needs the playwright-core package: install it next to plainspoke (npm install playwright-core)');
  return { browser: found.path };
}

/**
 * Whether nothing in this run reads the findings' fingerprints (issue 19). Only the JSON, SARIF and HTML
 * reports, a formatter module, the baseline and the cache do; a stylish run (a pre-commit hook) then skips
 * the hashing and the load of node:crypto, about 3 ms of CPU. The findings are otherwise the same.
 */
export function fingerprintsUnread(opts: Pick<LintCliOptions, 'format' | 'cache' | 'updateBaseline' | 'baseline' | 'history'>): boolean {
  const plain = opts.format === 'stylish' || opts.format === 'github' || opts.format === 'junit';
  return plain && !opts.cache && !opts.updateBaseline && (opts.baseline === undefined || opts.baseline === false) && opts.history === undefined;
}

export async function runLint(paths: string[], opts: LintCliOptions, io: CliIO): Promise<number> {
  if (opts.printConfig !== undefined) return printConfig(opts.printConfig, paths, opts, io);
  const formatter = await loadFormatter(opts.format, io.cwd);
  const minSeverity = minSeverityOf(opts.minSeverity);
  if (opts.stdin && paths.length) throw new UsageError('--stdin lints standard input: leave out the paths');
  if (opts.stdin && opts.fix) throw new UsageError('--fix needs files: it cannot change standard input (--fix-dry-run prints the fixes)');
  if (opts.stdin && opts.changed !== undefined && opts.changed !== false) throw new UsageError('--changed lints files that git knows: it cannot be used with --stdin');
  const cli = { channel: opts.channel, rules: parseRuleFlags(opts.rule), configFile: opts.config, ...(opts.sourceFormat ? { sourceFormat: opts.sourceFormat } : {}) };
  // --format html is the insights report: the config's groups and --history's earlier reports, read up front (issue 18).
  const insights = opts.format === 'html' || opts.history !== undefined ? await (await import('../../formatters/html.js')).insightsFromCli(opts, io.cwd, cli) : undefined;
  const run = { noAxe: !opts.axe, fix: Boolean(opts.fix || opts.fixDryRun), ...(opts.inlineConfig === false ? { noInlineConfig: true } : {}), ...(fingerprintsUnread(opts) ? { fingerprints: false } : {}), ...(await browserOption(opts, io)) };
  const discoverOptions = { ignore: opts.ignore !== false, ...(opts.ignorePath ? { ignorePath: resolve(io.cwd, opts.ignorePath) } : {}) };
  const progress = progressLine(opts, io);
  const debug = (line: string) => {
    if (opts.debug) io.stderr.write(`plainspoke: debug: ${safeLine(line)}\n`);
  };

  // `--baseline [file]` takes an optional value, so `--baseline docs/` would swallow the path
  // to lint. A value that is a folder, a Markdown/HTML file or a glob is a path, not the baseline.
  if (typeof opts.baseline === 'string' && looksLikeInput(opts.baseline, io.cwd)) {
    paths = [opts.baseline, ...paths];
    opts = { ...opts, baseline: true };
  }
  // `--changed [base]` has the same problem: a value git does not know as a commit is a path.
  let changed: import('../git.js').ChangedFiles | undefined;
  if (opts.changed !== undefined && opts.changed !== false) {
    const git = await import('../git.js');
    let base = typeof opts.changed === 'string' ? opts.changed : undefined;
    if (base !== undefined && !git.isCommit(base, io.cwd, io.env) && (looksLikeInput(base, io.cwd) || existsSync(resolve(io.cwd, base)))) {
      paths = [base, ...paths];
      base = undefined;
    }
    changed = git.changedFiles(base, io.cwd, io.env);
    debug(`--changed: comparing with ${changed.label} (merge base ${changed.base.slice(0, 12)}): ${changed.files.length} changed file${changed.files.length === 1 ? '' : 's'}`);
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
      io.stderr.write(`plainspoke: ${safeLine((e as Error).message.split(';')[0])}: writing a new one\n`);
    }
    if (!known && !opts.updateBaseline) throw new UsageError(`--baseline ${baselineName}: no such file (create it with --update-baseline)`);
  }

  // Fix runs lint the text they change, so they neither read nor fill the cache.
  let cache: LintCache | undefined;
  if (opts.cache && !run.fix && !opts.stdin) cache = (await import('../../engine/cache.js')).LintCache.load(cachePath(opts.cacheLocation, io.cwd));
  if (cache?.problem) io.stderr.write(`plainspoke: --cache-location ${safeLine(opts.cacheLocation)}: ${cache.problem}; it is not used and is replaced by a new cache\n`);
  // -o, --update-baseline and the cache never write over a file being linted, and their folders
  // are made before the lint, so a run never fails at its end (issues 20 and 17).
  const outputs = await import('../../engine/output-targets.js');
  const targets = outputs.writeTargets(io.cwd, [
    { flag: '--output-file', shown: opts.outputFile },
    { flag: '--update-baseline', shown: opts.updateBaseline ? baselineName : undefined },
    { flag: '--cache-location', shown: cache ? opts.cacheLocation : undefined, abs: cache?.path },
  ]);
  outputs.refuseFolders(targets);
  const beforeLint = (files: readonly Discovered[]) => outputs.guardTargets(targets, files, namedFileStat);
  if (opts.stdin) beforeLint([]);

  let report: Report;
  let stdinText: { path: string; text: string } | undefined;
  if (opts.stdin) {
    const name = opts.stdinFilename ?? 'stdin.md';
    const abs = resolve(io.cwd, name);
    const resolver = new ConfigResolver(io.cwd, cli);
    const text = await io.readStdin();
    const path = displayPath(abs, io.cwd);
    if (opts.stdinFilename && (await isIgnoredFile(abs, (a) => resolver.isIgnored(a), discoverOptions))) {
      // ESLint: an ignored --stdin-filename is skipped with a warning.
      io.stderr.write(`plainspoke: warning: ${safeLine(name)}: is ignored, so it was skipped (use --no-ignore to lint it)\n`);
      report = buildReport([]);
    } else {
      // The Node API's text lint (src/api), as the language server and the MCP server use it; it loads the
      // parsers only here, so a pooled run's main thread never loads them (issue 6).
      const { lintTextWith } = await import('../../api/internal.js');
      const result = await lintTextWith(text, { path, absPath: abs }, resolver, run);
      report = buildReport([result]);
      stdinText = { path, text };
      debug(`linted standard input as ${path} (channel ${result.channel}; config ${describeConfigs(resolver, abs, io.cwd)})`);
    }
  } else if (changed) {
    const wanted = changedWithin(changed.files, paths, io.cwd);
    if (wanted.length === 0) {
      io.stderr.write(`plainspoke: no Markdown or HTML files changed since ${safeLine(changed.label)}${paths.length ? ` in ${safeLine(paths.join(', '))}` : ''}\n`);
      report = buildReport([]);
    } else {
      ({ report } = await lintFiles(wanted, { cwd: io.cwd, cli, ...run, onProgress: progress, cache, beforeLint, jobs: opts.jobs, shard: opts.shard, timing: io.env.PLAINSPOKE_TIMING === '1', discover: { ...discoverOptions, quietIgnored: true } }));
    }
  } else {
    // --jobs, --shard and PLAINSPOKE_TIMING=1 (per-stage times for `npm run bench`): issue 6.
    let warnings: string[];
    ({ report, warnings } = await lintFiles(paths, { cwd: io.cwd, cli, ...run, onProgress: progress, cache, beforeLint, jobs: opts.jobs, shard: opts.shard, timing: io.env.PLAINSPOKE_TIMING === '1', discover: discoverOptions }));
    for (const w of warnings) io.stderr.write(`plainspoke: warning: ${safeLine(w)}\n`);
  }
  if (run.browser) await (await import('../../a11y/axe/browser.js')).closeBrowser();
  if (opts.debug) {
    const resolver = new ConfigResolver(io.cwd, cli);
    for (const f of report.files) if (!f.error && !opts.stdin) debug(`linted ${f.path} (channel ${f.channel}; config ${describeConfigs(resolver, resolve(io.cwd, f.path), io.cwd)})`);
  }
  if (cache) {
    await cache.save().catch((e: NodeJS.ErrnoException) => {
      io.stderr.write(`plainspoke: --cache-location ${safeLine(opts.cacheLocation)}: cannot write the cache (${e.code ?? e.message}); the next run lints every file again\n`);
    });
  }

  for (const f of report.files) if (f.error) io.stderr.write(`plainspoke: ${safeLine(f.error)}\n`);
  if (opts.fix || opts.fixDryRun) {
    let diff = '';
    let errors: string[] = [];
    if (stdinText) {
      // --stdin --fix-dry-run: the diff of what --fix would change in the text read.
      const fixed = report.files[0]?.fixedText;
      if (fixed !== undefined && fixed !== stdinText.text) {
        const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
        diff = createTwoFilesPatch(`a/${stdinText.path}`, `b/${stdinText.path}`, stdinText.text, fixed, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
      }
    } else {
      const { writeFixes } = await import('../../engine/write-fixes.js');
      ({ diff, errors } = await writeFixes(report, io.cwd, Boolean(opts.fixDryRun)));
    }
    for (const e of errors) io.stderr.write(`plainspoke: ${safeLine(e)}\n`);
    // The diff goes to stdout unless a machine format needs stdout for itself; the report follows it.
    if (opts.fixDryRun) (opts.format === 'stylish' || opts.outputFile ? io.stdout : io.stderr).write(safeText(diff));
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
      io.stderr.write(`plainspoke: wrote ${size} known finding${size === 1 ? '' : 's'} to ${safeLine(baselineName)}${fixed ? ` (${fixed} fixed since the last one)` : ''}\n`);
    } else {
      report = baselineMod.applyBaseline(report, previous).report;
    }
  }

  // --quiet hides warnings but, as in ESLint, --max-warnings still counts them; --min-severity drops
  // findings from the report and the exit code alike (CONTRACT 1.1).
  let shown = minSeverity ? atLeast(report, minSeverity) : report;
  const warnings = shown.summary.warnings;
  if (opts.quiet) shown = onlyErrors(shown);
  const ctx: FormatContext = { cwd: io.cwd, color: !opts.outputFile && opts.format === 'stylish' && wantsColor(io, opts.color, io.stdout), ...(opts.verbose ? { verbose: true } : {}), ...(stdinText ? { readSource: (p: string) => (p === stdinText.path ? stdinText.text : undefined) } : {}) };
  const text = await (insights ?? formatter)(shown, ctx);
  if (opts.outputFile) {
    outputs.createFolder(targets.find((t) => t.flag === '--output-file')!);
    try {
      // Blocking (issue 19): the run is over, and node:fs/promises wrote a 2 MB report in four round trips
      // to the thread pool, after loading itself (about 2 ms) in a warm --cache run that needs it for nothing else.
      writeFileSync(resolve(io.cwd, opts.outputFile), text);
    } catch (e) {
      throw new UsageError(`--output-file ${opts.outputFile}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else io.stdout.write(text);
  const code = exitCode({ ...shown, summary: { ...shown.summary, warnings } }, opts.maxWarnings);
  const tooMany = tooManyWarnings(warnings, opts.maxWarnings);
  if (tooMany && code !== 2) io.stderr.write(tooMany);
  return code;
}

/** The config files that shape a file's settings, for --debug. */
function describeConfigs(resolver: ConfigResolver, abs: string, cwd: string): string {
  try {
    const files = resolver.configFiles(dirname(abs)).map((f) => displayPath(f.replace(/#plainspoke$/, ''), cwd));
    return files.length ? files.join(', ') : 'none found';
  } catch (e) {
    return `unreadable (${(e as Error).message})`;
  }
}

/** Changed files (absolute) that are Markdown or HTML and inside the paths asked for (all of them when none are given). */
function changedWithin(files: string[], paths: string[], cwd: string): string[] {
  const lintable = files.filter((f) => kindOfPath(f) && existsSync(f));
  const rel = (abs: string) => displayPath(abs, cwd);
  if (!paths.length) return lintable.map(rel);
  const tests = paths.map((p) => {
    const abs = resolve(cwd, p);
    if (/[*?{}[\]]/.test(p)) {
      const m = picomatch(p.replace(/\\/g, '/').replace(/^\.\//, ''), { dot: true });
      return (f: string) => m(rel(f));
    }
    return (f: string) => f === abs || f.startsWith(abs.endsWith(sep) ? abs : `${abs}${sep}`);
  });
  return lintable.filter((f) => tests.some((t) => t(f))).map(rel);
}

/** `--print-config <file>`: the settings one file gets, and where each came from (ESLint's --print-config). */
async function printConfig(file: string, paths: string[], opts: LintCliOptions, io: CliIO): Promise<number> {
  if (paths.length) throw new UsageError('--print-config takes one file: leave out the other paths');
  const cli = { channel: opts.channel, rules: parseRuleFlags(opts.rule), configFile: opts.config };
  const abs = resolve(io.cwd, file);
  const path = displayPath(abs, io.cwd);
  const resolver = new ConfigResolver(io.cwd, cli);
  let front: import('../../config/front-matter.js').FrontSettings | undefined;
  if (kindOfPath(abs) === 'markdown' && existsSync(abs)) {
    const text = readFileSync(abs, 'utf8');
    const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
    if (m) front = (await import('../../config/front-matter.js')).frontSettings(m[1], path);
  }
  const sources: SettingSources = {};
  const s = resolver.resolve(abs, front, sources);
  const ignored = await isIgnoredFile(abs, (a) => resolver.isIgnored(a), { ignore: opts.ignore !== false, ...(opts.ignorePath ? { ignorePath: resolve(io.cwd, opts.ignorePath) } : {}) });
  const from = (key: string) => sources[key] ?? 'default';
  const rules: Record<string, { severity: string; options?: Record<string, unknown>; from: string }> = {};
  for (const id of Object.keys(s.rules).sort()) {
    const r = s.rules[id];
    rules[id] = { severity: r.severity, ...(Object.keys(r.options).length ? { options: r.options } : {}), from: from(`rules.${id}`) };
  }
  const out = {
    file: path,
    ignored,
    configFiles: resolver.configFiles(dirname(abs)).map((f) => displayPath(f.replace(/#plainspoke$/, ''), io.cwd)),
    preset: s.preset,
    channel: { value: s.channel, from: from('channel') },
    rules,
    vocabulary: { ...s.vocabulary, from: from('vocabulary') },
    placeholders: { ...s.placeholders, from: from('placeholders') },
    theme: { ...s.theme, from: from('theme') },
    maxFileSize: { value: s.maxFileSize, from: from('maxFileSize') },
    timeout: { value: s.timeout, from: from('timeout') },
  };
  io.stdout.write(`${safeJson(JSON.stringify(out, null, 2))}\n`);
  return 0;
}
