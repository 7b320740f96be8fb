/**
 * `--format stylish`: grouped by file, `line:column  severity  message  rule-id`, a summary line.
 * With `--verbose` (ctx.verbose) each finding also shows the line it is on as a short code frame with
 * the found words underlined (`^^^^`), why it matters (the finding's note) and the rule's docs link.
 */
import { resolve } from 'node:path';
import pc from 'picocolors';
import type { FormatContext, Formatter } from './types.js';
import type { Finding, Severity } from '../types.js';
import { safeLine } from '../util/terminal.js';
import { readFileSafelySync } from '../util/read-file-safely.js';
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
    const lineOf = ctx.verbose && file.findings.length ? sourceLines(file.path, ctx) : undefined;
    for (const [i, [pos, sev, msg, id]] of rows.entries()) {
      const it = file.findings[i].item;
      if (it && itemKey(it) !== item) out.push(`  ${c.bold(safeLine(itemLabel(it)))}`);
      item = itemKey(it);
      const indent = it ? '    ' : '  ';
      if (ctx.verbose && i > 0) out.push('');
      out.push(`${indent}${c.dim(pos.padEnd(w0))}  ${sevColour[sev](sev.padEnd(w1))}  ${msg.padEnd(w2)}  ${c.dim(id)}`);
      if (ctx.verbose) out.push(...details(file.findings[i], lineOf, `${indent}  `, c, sevColour[sev]));
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

type Colours = ReturnType<typeof pc.createColors>;

/** The code frame, the note and the docs link of one finding (`--verbose`), each line starting with `indent`. */
function details(f: Finding, lineOf: ((n: number) => string | undefined) | undefined, indent: string, c: Colours, colour: (s: string) => string): string[] {
  const out: string[] = [];
  const frame = lineOf ? codeFrame(lineOf(f.line), f) : undefined;
  if (frame) {
    const gutter = String(f.line);
    out.push(`${indent}${c.dim(`${gutter} |`)} ${frame.text}`);
    out.push(`${indent}${c.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(frame.at)}${colour('^'.repeat(frame.width))}`);
  }
  if (f.note) out.push(`${indent}${c.dim('why:')} ${safeLine(f.note)}`);
  if (f.docsUrl) out.push(`${indent}${c.dim('docs:')} ${safeLine(f.docsUrl)}`);
  return out;
}

/** Code points shown around the finding when its line is long. */
const FRAME_BEFORE = 40;
const FRAME_WIDTH = 100;

/**
 * One source line as shown (tabs as one space, control characters as visible escapes, long lines cut
 * around the finding with `…`), and where the underline starts and how wide it is, in shown columns.
 */
export function codeFrame(lineText: string | undefined, f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): { text: string; at: number; width: number } | undefined {
  if (lineText === undefined) return undefined;
  const chars = Array.from(lineText);
  const start = Math.min(Math.max(f.column - 1, 0), chars.length);
  let end = f.endLine > f.line ? chars.length : Math.min(Math.max(f.endColumn - 1, start), chars.length);
  if (end === start) end = Math.min(start + 1, Math.max(chars.length, start + 1));
  let from = 0;
  let to = chars.length;
  if (chars.length > FRAME_WIDTH) {
    from = Math.max(0, Math.min(start - FRAME_BEFORE, chars.length - FRAME_WIDTH));
    to = Math.min(chars.length, from + FRAME_WIDTH);
  }
  const shown = (ch: string): string => (ch === '\t' ? ' ' : safeLine(ch));
  let text = from > 0 ? '…' : '';
  let at = -1;
  let width = 0;
  for (let i = from; i < to; i++) {
    const s = shown(chars[i]);
    if (i === start) at = text.length;
    if (i >= start && i < end) width += s.length;
    text += s;
  }
  if (at === -1) at = text.length;
  if (to < chars.length) text += '…';
  // Past the end of the line (a finding on a line break): one caret after the text.
  return { text, at, width: Math.max(width, 1) };
}

/** The file's lines, read once (standard input through ctx.readSource), safely: a regular file under 16 MB. */
function sourceLines(path: string, ctx: FormatContext): (n: number) => string | undefined {
  let lines: string[] | undefined | null = null;
  return (n) => {
    if (lines === null) {
      let text = ctx.readSource?.(path);
      if (text === undefined) {
        const read = readFileSafelySync(resolve(ctx.cwd, path), { limit: 16 * 1024 * 1024 });
        text = read.ok ? read.bytes.toString('utf8') : undefined;
      }
      if (text?.charCodeAt(0) === 0xfeff) text = text.slice(1);
      lines = text?.split(/\r\n|\r|\n/);
    }
    return lines?.[n - 1];
  };
}

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
