/** `--format json`: exactly the report schema (../shared/schema/report.schema.json). */
import type { Formatter } from './types.js';
import type { FileResult } from '../types.js';

/** Drops fields that are ours alone (fixed text); keeps fingerprints, metrics and suppressions. */
export function serialisable(f: FileResult): Omit<FileResult, 'fixedText'> {
  const { fixedText: _fixed, ...rest } = f;
  return rest;
}

export const json: Formatter = (report) =>
  `${JSON.stringify({ ...report, files: report.files.map(serialisable) }, null, 2)}\n`;
