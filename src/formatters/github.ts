/**
 * `--format github`: GitHub Actions workflow commands, one per finding, which
 * the runner turns into annotations on the pull request's changed lines:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`.
 * Escaping follows @actions/core (toolkit/packages/core/src/command.ts):
 * data escapes `%`, CR and LF; properties also escape `:` and `,`.
 */
import type { Formatter } from './types.js';
import type { Severity } from '../types.js';
import { itemLabel } from './item-label.js';

// C0 controls other than CR and LF, DEL, C1 controls: raw ESC must never reach the log (issue 20, item 13).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Escapes the message part of a workflow command: `%`, CR and LF by GitHub's rules; other control characters are removed. */
export function escapeData(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\t' ? ' ' : '')).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
      // GitHub drops the columns of an annotation that spans lines, so they are sent only for one-line findings (issue 17).
      const oneLine = f.endLine <= f.line;
      const props = oneLine
        ? [`file=${path}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.line}`, `endColumn=${Math.max(f.endColumn, f.column)}`, `title=${escapeProperty(f.ruleId)}`]
        : [`file=${path}`, `line=${f.line}`, `endLine=${f.endLine}`, `title=${escapeProperty(f.ruleId)}`];
      out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.item ? `${itemLabel(f.item)}: ${f.message}` : f.message)}`);
    }
  }
  // A plain last line for the log: annotations are capped per step, the count is not.
  const s = report.summary;
  const failed = report.files.filter((f) => f.error).length;
  let line = `plainspoke: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info in ${s.files} file${s.files === 1 ? '' : 's'}`;
  if (failed) line += `, ${failed} could not be linted`;
  if (report.baseline) line += ` (baseline: ${report.baseline.hidden} hidden, ${report.baseline.fixed} fixed)`;
  out.push(escapeData(line));
  return `${out.join('\n')}\n`;
};
