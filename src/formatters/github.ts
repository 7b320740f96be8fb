/**
 * `--format github`: GitHub Actions workflow commands, one per finding, which
 * the runner turns into annotations on the pull request's changed lines:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`.
 * Escaping follows @actions/core (toolkit/packages/core/src/command.ts):
 * data escapes `%`, CR and LF; properties also escape `:` and `,`.
 */
import type { Formatter } from './types.js';
import type { Severity } from '../types.js';

/** Escapes the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title) of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: Formatter = (report) => {
  const out: string[] = [];
  for (const file of report.files) {
    const path = escapeProperty(file.path);
    if (file.error) out.push(`::error file=${path},title=${escapeProperty('plainspoke')}::${escapeData(file.error)}`);
    for (const f of file.findings) {
      const props = [`file=${path}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${escapeProperty(f.ruleId)}`];
      out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  // A plain last line for the log: annotations are capped per step, the count is not.
  const s = report.summary;
  const failed = report.files.filter((f) => f.error).length;
  let line = `plainspoke: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info in ${s.files} file${s.files === 1 ? '' : 's'}`;
  if (failed) line += `, ${failed} could not be linted`;
  if (report.baseline) line += ` (baseline: ${report.baseline.hidden} hidden, ${report.baseline.fixed} fixed)`;
  out.push(line);
  return `${out.join('\n')}\n`;
};
