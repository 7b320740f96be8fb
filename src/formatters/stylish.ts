/** `--format stylish`: grouped by file, `line:column  severity  message  rule-id`, a summary line. */
import pc from 'picocolors';
import type { Formatter } from './types.js';
import type { Severity } from '../types.js';
import { safeLine } from '../util/terminal.js';
import { itemKey, itemLabel } from './item-label.js';

export const stylish: Formatter = (report, ctx) => {
  const c = pc.createColors(ctx.color);
  const sevColour: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const file of report.files) {
    const care = file.metrics?.care;
    if (!file.findings.length && !file.error && !care) continue;
    // Paths and messages come from the files: never let them reach the terminal with control characters (issue 20).
    out.push(c.underline(safeLine(file.path)));
    if (care) out.push(`  ${c.dim('care score')} ${care.score}/4${careGaps(care)}`);
    if (file.error) out.push(`  ${c.red('error')}  ${safeLine(file.error)}`);
    const rows = file.findings.map((f) => [`${f.line}:${f.column}`, f.severity, safeLine(f.message), safeLine(f.ruleId)] as const);
    const w0 = Math.max(0, ...rows.map((r) => r[0].length));
    const w1 = Math.max(0, ...rows.map((r) => r[1].length));
    const w2 = Math.max(0, ...rows.map((r) => r[2].length));
    // A help-desk export's findings are grouped by item (issue 16): a line naming it, then its findings.
    let item: string | undefined;
    for (const [i, [pos, sev, msg, id]] of rows.entries()) {
      const it = file.findings[i].item;
      if (it && itemKey(it) !== item) out.push(`  ${c.bold(safeLine(itemLabel(it)))}`);
      item = itemKey(it);
      out.push(`${it ? '    ' : '  '}${c.dim(pos.padEnd(w0))}  ${sevColour[sev](sev.padEnd(w1))}  ${msg.padEnd(w2)}  ${c.dim(id)}`);
    }
    out.push('');
  }
  const s = report.summary;
  const failedFiles = report.files.filter((f) => f.error).length;
  const problems = s.errors + s.warnings + s.infos;
  const parts = [`${s.errors} ${plural(s.errors, 'error')}`, `${s.warnings} ${plural(s.warnings, 'warning')}`, `${s.infos} ${plural(s.infos, 'info')}`];
  let line = problems === 0 && failedFiles === 0 ? c.green(`✔ ${s.files} ${plural(s.files, 'file')} checked, no problems`) : `${s.errors || failedFiles ? c.red('✖') : c.yellow('⚠')} ${problems} ${plural(problems, 'problem')} (${parts.join(', ')}) in ${s.files} ${plural(s.files, 'file')}`;
  if (failedFiles) line += c.red(`, ${failedFiles} ${plural(failedFiles, 'file')} could not be linted`);
  out.push(line);
  if (s.fixable) out.push(c.dim(`  ${s.fixable} ${plural(s.fixable, 'finding')} can be fixed with --fix`));
  if (report.baseline) out.push(c.dim(`  baseline: ${report.baseline.hidden} known ${plural(report.baseline.hidden, 'finding')} hidden, ${report.baseline.fixed} fixed since it was written`));
  return `${out.join('\n')}\n`;
};

function careGaps(care: NonNullable<NonNullable<import('../types.js').FileResult['metrics']>['care']>): string {
  const missing: string[] = [];
  if (!care.namesImpact.met) missing.push('name the impact');
  if (!care.offersNextStep.met) missing.push('offer a next step');
  if (!care.timeFrame.met) missing.push('give a time frame');
  if (!care.confirmsUnderstanding.met) missing.push('invite a reply');
  return missing.length ? ` (to improve: ${missing.join(', ')})` : '';
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
