/**
 * `plainspoke merge-reports a.json b.json …`: joins the JSON reports of a
 * sharded run (`--shard i/n` in a CI matrix) into one report and prints it in
 * any format. The merged report is byte-identical to the report of one
 * unsharded run over the same files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIO } from '../io.js';
import { wantsColor } from '../io.js';
import { UsageError } from '../../util/errors.js';
import { safeLine } from '../../util/terminal.js';
import { exitCode, summarise } from '../../report/summary.js';
import { CHANNELS, SEVERITIES, type FileResult, type Report } from '../../types.js';

export interface MergeOptions {
  format: string;
  outputFile?: string;
  maxWarnings?: number;
  color?: boolean;
}

export async function runMergeReports(files: string[], opts: MergeOptions, io: CliIO): Promise<number> {
  const { loadFormatter, tooManyWarnings } = await import('./lint.js');
  const formatter = await loadFormatter(opts.format, io.cwd);
  if (files.length === 0) throw new UsageError('merge-reports: give the JSON reports to merge (written with --format json)');

  const reports: { name: string; report: Report }[] = [];
  for (const name of files) reports.push({ name, report: await readReport(name, io.cwd) });

  const version = reports[0].report.tool.version;
  for (const { name, report } of reports) {
    if (report.tool.version !== version) {
      throw new UsageError(`${name}: was written by plainspoke ${report.tool.version} and ${reports[0].name} by ${version}: merge reports from one version`);
    }
  }

  checkShards(reports);

  // Shards never share a file; an identical entry (an input error every shard reports) is kept once.
  const byPath = new Map<string, { from: string; file: FileResult; text: string }>();
  let baseline: Report['baseline'];
  for (const { name, report } of reports) {
    for (const file of report.files) {
      const text = JSON.stringify(file);
      const seen = byPath.get(file.path);
      if (seen) {
        if (seen.text !== text) throw new UsageError(`${name}: '${file.path}' is also in ${seen.from} with other results: merge reports of different shards of one run`);
        continue;
      }
      byPath.set(file.path, { from: name, file, text });
    }
    if (report.baseline) {
      baseline ??= { hidden: 0, fixed: 0 };
      baseline.hidden += report.baseline.hidden;
      baseline.fixed += report.baseline.fixed;
    }
  }

  const merged = [...byPath.values()].map((x) => x.file).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const report: Report = { tool: { name: 'plainspoke', version }, files: merged, summary: summarise(merged), ...(baseline ? { baseline } : {}) };

  for (const f of report.files) if (f.error) io.stderr.write(`plainspoke: ${safeLine(f.error)}\n`);
  const text = await formatter(report, { cwd: io.cwd, color: !opts.outputFile && opts.format === 'stylish' && wantsColor(io, opts.color, io.stdout) });
  if (opts.outputFile) {
    try {
      await writeFile(resolve(io.cwd, opts.outputFile), text);
    } catch (e) {
      throw new UsageError(`--output-file ${opts.outputFile}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else io.stdout.write(text);
  const code = exitCode(report, opts.maxWarnings);
  const tooMany = tooManyWarnings(report.summary.warnings, opts.maxWarnings);
  if (tooMany && code !== 2) io.stderr.write(tooMany);
  return code;
}

/**
 * Reports of a `--shard i/n` run carry `shard: { index, total }`: the set must
 * hold every shard of one total exactly once (issue 17). Reports with no shard
 * (whole runs) merge as before, but never mixed with shards.
 */
function checkShards(reports: { name: string; report: Report }[]): void {
  const sharded = reports.filter((r) => r.report.shard);
  if (sharded.length === 0) return;
  const plain = reports.find((r) => !r.report.shard);
  if (plain) throw new UsageError(`${plain.name}: is not a shard's report, but ${sharded[0].name} is (shard ${sharded[0].report.shard!.index}/${sharded[0].report.shard!.total}): merge the reports of one sharded run`);
  const total = sharded[0].report.shard!.total;
  const byIndex = new Map<number, string>();
  for (const { name, report } of sharded) {
    const s = report.shard!;
    if (s.total !== total) throw new UsageError(`${name}: is shard ${s.index}/${s.total}, but ${sharded[0].name} is shard ${sharded[0].report.shard!.index}/${total}: merge the reports of one sharded run`);
    const seen = byIndex.get(s.index);
    if (seen !== undefined) throw new UsageError(`${name}: shard ${s.index}/${total} is given twice (also ${seen})`);
    byIndex.set(s.index, name);
  }
  const missing: number[] = [];
  for (let i = 1; i <= total; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length) throw new UsageError(`merge-reports: shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${total}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: give the report of every shard`);
}

/** Reads and checks one report; every problem is a one-line error naming the file (exit 2). */
async function readReport(name: string, cwd: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, name), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a report' : `cannot be read (${code ?? (e as Error).message})`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${name}: is not JSON (${(e as Error).message.split('\n')[0]}): write reports with --format json`);
  }
  const problem = reportProblem(data);
  if (problem) throw new UsageError(`${name}: is not a plainspoke JSON report: ${problem}`);
  return data as Report;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** What is wrong with a report's shape, or undefined when it is fine. */
export function reportProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'it must be an object';
  if (!isObject(data.tool) || data.tool.name !== 'plainspoke' || typeof data.tool.version !== 'string') return "'tool' must be { name: 'plainspoke', version }";
  if (!Array.isArray(data.files)) return "'files' must be a list";
  for (const [i, f] of data.files.entries()) {
    const at = `files[${i}]`;
    if (!isObject(f)) return `'${at}' must be an object`;
    if (typeof f.path !== 'string' || f.path === '') return `'${at}.path' must be a path`;
    if (typeof f.channel !== 'string' || !(CHANNELS as readonly string[]).includes(f.channel)) return `'${at}.channel' must be one of ${CHANNELS.join(', ')}`;
    if (f.error !== undefined && typeof f.error !== 'string') return `'${at}.error' must be text`;
    if (f.metrics !== undefined && !isObject(f.metrics)) return `'${at}.metrics' must be an object`;
    if (f.suppressed !== undefined && !Array.isArray(f.suppressed)) return `'${at}.suppressed' must be a list`;
    if (!Array.isArray(f.findings)) return `'${at}.findings' must be a list`;
    for (const [j, x] of f.findings.entries()) {
      const fat = `${at}.findings[${j}]`;
      if (!isObject(x)) return `'${fat}' must be an object`;
      if (typeof x.ruleId !== 'string' || typeof x.message !== 'string' || typeof x.source !== 'string') return `'${fat}' needs ruleId, message and source`;
      if (!(SEVERITIES as readonly unknown[]).includes(x.severity)) return `'${fat}.severity' must be one of ${SEVERITIES.join(', ')}`;
      for (const k of ['line', 'column', 'endLine', 'endColumn']) if (!isCount(x[k])) return `'${fat}.${k}' must be a whole number`;
      if (typeof x.fixable !== 'boolean') return `'${fat}.fixable' must be true or false`;
    }
  }
  if (!isObject(data.summary)) return "'summary' must be an object";
  if (data.shard !== undefined && (!isObject(data.shard) || !isCount(data.shard.index) || !isCount(data.shard.total) || !(Number(data.shard.index) >= 1) || !(Number(data.shard.index) <= Number(data.shard.total)))) {
    return "'shard' must be { index, total } with 1 ≤ index ≤ total";
  }
  if (data.baseline !== undefined && (!isObject(data.baseline) || !isCount(data.baseline.hidden) || !isCount(data.baseline.fixed))) return "'baseline' must be { hidden, fixed }";
  return undefined;
}
