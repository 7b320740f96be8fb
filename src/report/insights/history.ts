/**
 * `--history <folder>`: earlier JSON reports (`--format json`), for the
 * trend lines and the "since the previous report" numbers of the insights
 * report. Read oldest first by file name, so names such as `2026-11-01.json`
 * sort by date. A file that is not a plainspoke report is an exit-2 error
 * naming the file.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readFileSafelySync } from '../../util/read-file-safely.js';
import { UsageError } from '../../util/errors.js';
import { summarise } from '../summary.js';
import type { FileResult, Report } from '../../types.js';
import type { EarlierReport } from './compute.js';
import { trimEndChars } from '../../util/text.js';

/** An earlier report bigger than this is refused (a run of 100,000 files is far below). */
export const MAX_HISTORY_BYTES = 256 * 1024 * 1024;
/** Reports read at most; the newest are kept. */
export const MAX_HISTORY_REPORTS = 24;

export function readHistory(folder: string, cwd: string): EarlierReport[] {
  const abs = resolve(cwd, folder);
  let names: string[];
  try {
    if (!statSync(abs).isDirectory()) throw new UsageError(`--history ${folder}: is not a folder (give the folder that holds earlier JSON reports)`);
    names = readdirSync(abs).filter((n) => n.toLowerCase().endsWith('.json'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--history ${folder}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  names.sort();
  return names.slice(-MAX_HISTORY_REPORTS).map((name) => ({ label: name.replace(/\.json$/i, ''), report: readReport(join(abs, name), `${trimEndChars(folder, '/')}/${name}`) }));
}

function readReport(abs: string, shown: string): Report {
  const read = readFileSafelySync(abs, { limit: MAX_HISTORY_BYTES });
  if (!read.ok) throw new UsageError(`--history: ${shown}: ${read.reason}`);
  let data: unknown;
  try {
    data = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    throw new UsageError(`--history: ${shown}: is not a plainspoke JSON report (not valid JSON)`);
  }
  return asReport(data, shown);
}

/** Checks the parts of a JSON report the insights use; keeps only those. */
export function asReport(data: unknown, shown: string): Report {
  const d = data as { tool?: { name?: unknown; version?: unknown }; files?: unknown };
  if (!d || typeof d !== 'object' || d.tool?.name !== 'plainspoke' || !Array.isArray(d.files)) {
    throw new UsageError(`--history: ${shown}: is not a plainspoke JSON report (write one with --format json)`);
  }
  const files: FileResult[] = [];
  for (const [i, raw] of (d.files as unknown[]).entries()) {
    const f = raw as Partial<FileResult>;
    if (!f || typeof f.path !== 'string' || !Array.isArray(f.findings)) throw new UsageError(`--history: ${shown}: files[${i}] is not a file entry of a plainspoke report`);
    for (const x of f.findings) {
      if (!x || typeof x.ruleId !== 'string' || typeof x.message !== 'string') throw new UsageError(`--history: ${shown}: files[${i}] holds a finding with no rule id or message`);
    }
    files.push({ path: f.path, channel: f.channel ?? 'article', findings: f.findings, ...(f.metrics ? { metrics: f.metrics } : {}), ...(f.error ? { error: String(f.error) } : {}) } as FileResult);
  }
  return { tool: { name: 'plainspoke', version: typeof d.tool.version === 'string' ? d.tool.version : '0.0.0' }, files, summary: summarise(files) };
}
