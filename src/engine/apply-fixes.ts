/**
 * Applies safe fixes to a document: non-overlapping, last to first so offsets hold.
 *
 * A fix may only change prose the rules read (issue 20): its span must lie
 * wholly inside a run of words of one sentence, each word unmasked and copied
 * 1:1 from the file, with nothing but the file's own text between them. So a
 * fix never reaches a URL, a placeholder, markup between words, an attribute
 * (alt text included: a fix leaves alt text to the writer), nor the text of
 * code, keys, sample output, variables, form controls or images — in
 * Markdown (inline code, code blocks, raw HTML) and HTML alike. A fix that
 * fails this test is dropped: the finding stays, as a suggestion.
 */
import type { Doc } from '../document/document.js';
import type { RawFinding, Span } from '../types.js';

/** Elements whose text no fix may change: code, keys, sample output, variables, form controls and UI labels, images, embedded content. */
export const FIX_PROTECTED_ELEMENTS = ['code', 'kbd', 'samp', 'var', 'tt', 'pre', 'script', 'style', 'template', 'textarea', 'select', 'option', 'button', 'label', 'input', 'img', 'svg', 'math'] as const;

interface Ranges {
  /** Sorted, disjoint source spans of word runs a fix may change. */
  runs: Span[];
  /** Sorted, merged source spans of protected elements. */
  shielded: Span[];
}

const rangesOf = new WeakMap<Doc, Ranges>();

/** Whether a fix's span may be changed in this document. */
export function fixAllowed(doc: Doc, span: Span): boolean {
  if (!(span.start >= 0 && span.end >= span.start && span.end <= doc.text.length)) return false;
  let r = rangesOf.get(doc);
  if (!r) {
    r = { runs: wordRuns(doc), shielded: shieldedSpans(doc) };
    rangesOf.set(doc, r);
  }
  return insideOne(r.runs, span) && !touchesAny(r.shielded, span);
}

/** The findings, with every fix that may not be applied taken off (the finding stays, not fixable). */
export function dropUnsafeFixes(doc: Doc, findings: RawFinding[]): RawFinding[] {
  if (!findings.some((f) => f.fix)) return findings;
  return findings.map((f) => {
    if (!f.fix || fixAllowed(doc, f.fix.span)) return f;
    const { fix: _dropped, ...rest } = f;
    return rest;
  });
}

export function applyFixes(doc: Doc, findings: readonly RawFinding[]): string {
  const text = doc.text;
  const fixes = findings
    .filter((f) => f.fix && fixAllowed(doc, f.fix.span))
    .map((f) => f.fix!)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const fix of fixes) {
    // Overlapping fixes: keep the first; a second --fix run picks up the rest.
    if (fix.span.start < at) continue;
    out += text.slice(at, fix.span.start) + fix.text;
    at = fix.span.end;
  }
  return out + text.slice(at);
}

/** Runs of unmasked words copied 1:1 from the file, within one sentence, outside alt text. */
function wordRuns(doc: Doc): Span[] {
  const text = doc.text;
  const runs: Span[] = [];
  for (const sentence of doc.sentences) {
    const block = sentence.block;
    if (block.kind === 'alt') continue;
    let run: Span | undefined;
    let prev: (typeof sentence.words)[number] | undefined;
    for (const w of sentence.words) {
      const exact = !w.masked && w.span.end - w.span.start === w.end - w.start && block.text.slice(w.start, w.end) === text.slice(w.span.start, w.span.end);
      if (!exact) {
        if (run) runs.push(run);
        run = undefined;
        prev = undefined;
        continue;
      }
      const joined = run && prev && w.span.start >= prev.span.end && block.text.slice(prev.end, w.start) === text.slice(prev.span.end, w.span.start);
      if (run && joined) run.end = w.span.end;
      else {
        if (run) runs.push(run);
        run = { start: w.span.start, end: w.span.end };
      }
      prev = w;
    }
    if (run) runs.push(run);
  }
  return runs.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Source spans of protected elements (hast positions; Markdown's raw HTML included), merged. */
function shieldedSpans(doc: Doc): Span[] {
  const spans: Span[] = [];
  for (const tag of FIX_PROTECTED_ELEMENTS) {
    for (const el of doc.elements(tag)) {
      const s = el.position?.start?.offset;
      const e = el.position?.end?.offset;
      if (s !== undefined && e !== undefined && e > s) spans.push({ start: s, end: e });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Whether one run holds the whole span (runs sorted by start). */
function insideOne(runs: Span[], span: Span): boolean {
  // The last run starting at or before the span's start; a few before it too, should runs ever overlap.
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (runs[i].end >= span.end) return true;
  return false;
}

/** Whether the span overlaps (or, when empty, sits inside) any merged span. */
function touchesAny(spans: Span[], span: Span): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= spans.length) return false;
  const s = spans[lo];
  return span.end > span.start ? s.start < span.end : s.start < span.start;
}
