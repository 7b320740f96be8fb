/** The default command: lint paths (or stdin) and print a report. */
import { resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { CliIO } from '../io.js';
import { wantsColor } from '../io.js';
import { UsageError } from '../../util/errors.js';
import { getFormatter, formatNames } from '../../formatters/index.js';
import { exitCode, onlyErrors } from '../../report/summary.js';
import { lintFiles, buildReport } from '../../engine/lint-files.js';
import { lintSource, failed } from '../../engine/lint-source.js';
import { ConfigResolver } from '../../config/resolve.js';
import { parseSeverity } from '../../config/settings.js';
import { getRule } from '../../rules/registry.js';
import type { RawRuleEntry } from '../../config/schema.js';
import type { Channel, Report } from '../../types.js';
import { displayPath } from '../../engine/discover.js';
import { writeFixes } from '../../engine/write-fixes.js';

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

export async function runLint(paths: string[], opts: LintCliOptions, io: CliIO): Promise<number> {
  const formatter = await getFormatter(opts.format);
  if (!formatter) throw new UsageError(`--format ${opts.format}: unknown format (use ${formatNames().join(', ')})`);
  if (opts.stdin && paths.length) throw new UsageError('--stdin lints standard input: leave out the paths');
  if (opts.stdin && (opts.fix || opts.fixDryRun)) throw new UsageError('--fix needs files: it cannot fix standard input');
  const cli = { channel: opts.channel, rules: parseRuleFlags(opts.rule), configFile: opts.config };
  const run = { noAxe: !opts.axe, fix: Boolean(opts.fix || opts.fixDryRun) };
  const toStdout = !opts.outputFile;
  const progress =
    opts.progress && Boolean(io.stderr.isTTY) && !io.env.CI && !(opts.format !== 'stylish' && toStdout)
      ? (done: number, total: number, path: string) => {
          if (total < 20) return;
          io.stderr.write(`\r\x1b[K${done}/${total} ${path.length > 60 ? `…${path.slice(-59)}` : path}`);
          if (done === total) io.stderr.write('\r\x1b[K');
        }
      : undefined;

  let report: Report;
  if (opts.stdin) {
    const name = opts.stdinFilename ?? 'stdin.md';
    const abs = resolve(io.cwd, name);
    const resolver = new ConfigResolver(io.cwd, cli);
    const text = await io.readStdin();
    const path = displayPath(abs, io.cwd);
    let result;
    try {
      result = await lintSource({ path, absPath: abs, bytes: new TextEncoder().encode(text) }, resolver, run);
    } catch (e) {
      result = failed(path, 'article', e);
    }
    report = buildReport([result]);
  } else {
    ({ report } = await lintFiles(paths, { cwd: io.cwd, cli, ...run, onProgress: progress }));
  }

  for (const f of report.files) if (f.error) io.stderr.write(`plainspoke: ${f.error}\n`);
  if (opts.fix || opts.fixDryRun) {
    const { diff, errors } = await writeFixes(report, io.cwd, Boolean(opts.fixDryRun));
    for (const e of errors) io.stderr.write(`plainspoke: ${e}\n`);
    if (opts.fixDryRun) io.stdout.write(diff);
    if (errors.length) return 2;
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
