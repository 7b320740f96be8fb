/** Findings → LSP diagnostics: ranges from the raw offsets (UTF-16, as LSP counts), severity, code and docs link. */
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RawFinding, Severity, Span } from '../types.js';
import { docsUrlFor } from '../rules/docs-url.js';

/** A finding as the server keeps it: the diagnostic sent and what code actions need. */
export interface Entry {
  diagnostic: Diagnostic;
  finding: Finding;
  /** Offsets into the document as the editor holds it (a byte-order mark counted). */
  span: Span;
  /** The safe fix, in the editor's offsets. */
  fix?: { span: Span; text: string };
  /** The words found (the span's text), for "allow this word". */
  word: string;
}

const SEVERITY: Record<Severity, 1 | 2 | 3> = { error: 1, warning: 2, info: 3 };

export function toEntry(doc: TextDocument, text: string, finding: Finding, raw: RawFinding | undefined, shift: number): Entry {
  const span = raw ? { start: raw.span.start + shift, end: raw.span.end + shift } : spanOfPoints(doc, text, finding);
  const range: Range = { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
  const href = finding.docsUrl ?? docsUrlFor(finding.ruleId);
  const related: DiagnosticRelatedInformation[] = [];
  const note = (finding as { note?: unknown }).note;
  if (typeof note === 'string' && note && !finding.message.includes(note)) related.push({ location: { uri: doc.uri, range }, message: note });
  if (finding.suggestions?.length) related.push({ location: { uri: doc.uri, range }, message: `Try: ${finding.suggestions.map((s) => `'${s}'`).join(' or ')}` });
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[finding.severity] ?? 2,
    code: finding.ruleId,
    codeDescription: { href },
    source: finding.source === 'plainspoke' ? 'plainspoke' : `plainspoke (${finding.source})`,
    message: finding.message,
    ...(related.length ? { relatedInformation: related } : {}),
  };
  return {
    diagnostic,
    finding,
    span,
    ...(raw?.fix ? { fix: { span: { start: raw.fix.span.start + shift, end: raw.fix.span.end + shift }, text: raw.fix.text } } : {}),
    word: text.slice(span.start, span.end),
  };
}

/**
 * Offsets from a finding's 1-based line and column when the raw finding is
 * missing. Report columns count code points; LSP counts UTF-16 units.
 */
function spanOfPoints(doc: TextDocument, text: string, f: Finding): Span {
  const at = (line: number, column: number) => {
    const start = doc.offsetAt({ line: line - 1, character: 0 });
    let o = start;
    for (let c = 1; c < column && o < text.length && text[o] !== '\n' && text[o] !== '\r'; c++) {
      const code = text.charCodeAt(o);
      o += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return o;
  };
  return { start: at(f.line, f.column), end: at(f.endLine, f.endColumn) };
}

/** A diagnostic for a file that could not be linted (a config error…), at its first character. */
export function errorDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'plainspoke', message };
}
