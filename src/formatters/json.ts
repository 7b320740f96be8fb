/** `--format json`: exactly the report schema (../shared/schema/report.schema.json). */
import type { Formatter } from './types.js';
import type { FileResult } from '../types.js';
import { safeJson } from '../util/terminal.js';

/** Drops fields that are ours alone (fixed text); keeps fingerprints, metrics and suppressions. */
export function serialisable(f: FileResult): Omit<FileResult, 'fixedText' | 'fixedFrom'> {
  const { fixedText: _fixed, fixedFrom: _from, ...rest } = f;
  return rest;
}

export const json: Formatter = (report) =>
  // Control characters from file names or text are written as \u escapes, never raw (issue 20).
  `${safeJson(JSON.stringify({ ...report, files: report.files.map(serialisable) }, null, 2))}\n`;
