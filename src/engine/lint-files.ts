/** A whole run: discover files, lint each, collect a Report. No console here (DESIGN 5). */
import { readFile } from 'node:fs/promises';
import type { FileResult, Report } from '../types.js';
import { ConfigResolver, type CliOverrides } from '../config/resolve.js';
import { discover, type Discovered } from './discover.js';
import { failed, lintSource, type LintOptions } from './lint-source.js';
import { summarise } from '../report/summary.js';
import { VERSION } from '../util/version.js';

export interface RunSettings extends LintOptions {
  cwd: string;
  cli?: CliOverrides;
  /** Called after each file, for the progress line. */
  onProgress?: (done: number, total: number, path: string) => void;
}

export function buildReport(files: FileResult[]): Report {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tool: { name: 'plainspoke', version: VERSION }, files: sorted, summary: summarise(sorted) };
}

/** Reads a file, turning file-system errors into a one-line reason. */
export async function readSource(file: Discovered): Promise<Uint8Array | string> {
  try {
    return await readFile(file.absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)'
      : code === 'ENOENT' ? 'disappeared before it could be read'
      : code === 'EISDIR' ? 'is a folder, not a file'
      : code === 'ELOOP' ? 'is a symbolic link loop'
      : `cannot be read (${code ?? (e as Error).message})`;
    return `${file.path}: ${why}`;
  }
}

export async function lintFiles(inputs: readonly string[], run: RunSettings): Promise<{ report: Report; files: Discovered[] }> {
  const resolver = new ConfigResolver(run.cwd, run.cli);
  const inputErrors: string[] = [];
  const files = await discover(inputs, run.cwd, (abs) => resolver.isIgnored(abs), inputErrors);
  // A path that matches nothing is reported (exit 2) and the other paths are still linted.
  const results: FileResult[] = inputErrors.map((message) => ({ path: message.slice(0, message.indexOf(': ')) || '.', channel: 'article', findings: [], error: message }));
  let done = 0;
  for (const file of files) {
    const bytes = await readSource(file);
    results.push(typeof bytes === 'string' ? failed(file.path, 'article', bytes) : await lintSource({ ...file, bytes }, resolver, run));
    run.onProgress?.(++done, files.length, file.path);
  }
  return { report: buildReport(results), files };
}
