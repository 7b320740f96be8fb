/**
 * "The sentence" of a finding, for the insights report and the drill. Findings
 * carry line and column only, so the sentence is found again here: the file is
 * read and parsed into the same prose model the rules use, and the sentence
 * that holds the finding's start is returned. Findings outside running prose
 * (an image, a table, a heading jump) get the source line instead.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDoc, kindOfPath, type Doc } from '../../document/document.js';
import type { Channel, Finding } from '../../types.js';
import type { Sentence } from '../../document/prose.js';

/** Longest text shown for one finding. */
export const MAX_SENTENCE = 160;
/** Files larger than this are not read again for sentences. */
const MAX_BYTES = 2 * 1024 * 1024;

export interface SentenceSource {
  /** Text of a report path (standard input, tests); files on disk are read otherwise. */
  readSource?: (path: string) => string | undefined;
  cwd: string;
}

/** The text shown for a finding, and a key that is the same for every finding in the same sentence. */
export interface Located {
  text: string;
  key: string;
}

export type SentenceOf = (path: string, channel: Channel, finding: Pick<Finding, 'line' | 'column'>) => Located | undefined;

/** Lines read around a finding: the block of text between blank lines, at most this far each way. */
const BLOCK_REACH = 12;

/**
 * A lookup that reads each file once and parses only the block of lines
 * around each finding (between blank lines), not the whole file: a report of
 * 500 files stays fast. `whole: true` parses whole files (the drill, a few files).
 */
export function sentenceFinder(src: SentenceSource, opts: { whole?: boolean; maxLength?: number } = {}): SentenceOf {
  const max = opts.maxLength ?? MAX_SENTENCE;
  const texts = new Map<string, string | undefined>();
  const docs = new Map<string, Doc | undefined>();
  const linesOf = new Map<string, string[]>();
  const textOf = (path: string): string | undefined => {
    if (texts.has(path)) return texts.get(path);
    let text: string | undefined;
    try {
      text = (src.readSource?.(path) ?? readText(resolve(src.cwd, path)))?.replace(/^\uFEFF/, '');
    } catch {
      text = undefined;
    }
    texts.set(path, text);
    return text;
  };
  const parse = (key: string, path: string, text: string, channel: Channel): Doc | undefined => {
    if (docs.has(key)) return docs.get(key);
    let doc: Doc | undefined;
    const kind = kindOfPath(path);
    try {
      if (kind) doc = createDoc(path, text, kind, channel);
    } catch {
      doc = undefined;
    }
    docs.set(key, doc);
    return doc;
  };
  let current: string | undefined;
  return (path, channel, finding) => {
    // Findings come file by file: keep one file's text and parses at a time, so memory stays small.
    if (path !== current) {
      texts.clear();
      docs.clear();
      linesOf.clear();
      current = path;
    }
    const text = textOf(path);
    if (text === undefined) return undefined;
    if (opts.whole) {
      const doc = parse(path, path, text, channel);
      const found = doc ? sentenceIn(doc, finding.line, finding.column, max) : undefined;
      return found ? { text: found.text, key: `${path}\0${found.start}` } : undefined;
    }
    let lines = linesOf.get(path);
    if (!lines) linesOf.set(path, (lines = text.split(/\r\n|\r|\n/)));
    const at = Math.min(Math.max(finding.line, 1), lines.length) - 1;
    let first = at;
    while (first > 0 && at - first < BLOCK_REACH && lines[first - 1].trim() !== '') first--;
    let last = at;
    while (last < lines.length - 1 && last - at < BLOCK_REACH && lines[last + 1].trim() !== '') last++;
    const doc = parse(`${path}\0${first}\0${last}`, path, lines.slice(first, last + 1).join('\n'), channel);
    const found = doc ? sentenceIn(doc, at - first + 1, finding.column, max) : undefined;
    return found ? { text: found.text, key: `${path}\0${first}\0${found.start}` } : undefined;
  };
}

function readText(abs: string): string | undefined {
  try {
    const st = statSync(abs);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** The sentence holding a line and column, else the trimmed source line; `start` is where it starts in the doc. */
export function sentenceIn(doc: Doc, line: number, column: number, max = MAX_SENTENCE): { text: string; start: number } | undefined {
  let offset: number;
  try {
    offset = doc.loc.offset(line, column);
  } catch {
    return undefined;
  }
  let sentences: Doc['sentences'];
  try {
    sentences = doc.sentences;
  } catch {
    sentences = [];
  }
  // The shortest sentence holding the offset (alt text sits inside a paragraph's span).
  let best: { sentence: Sentence; length: number } | undefined;
  for (const s of sentences) {
    const end = Math.max(s.span.end, s.span.start + 1);
    if (s.span.start <= offset && offset < end && (!best || end - s.span.start < best.length)) best = { sentence: s, length: end - s.span.start };
  }
  // A sentence that is all code, URL or image says nothing: the source line does.
  if (best && !best.sentence.words.every((w) => w.masked)) {
    const sp = best.sentence.span;
    // Where the finding sits in the sentence, as a share of its length: a long sentence is clipped around it.
    const share = sp.end > sp.start ? Math.min(1, Math.max(0, (offset - sp.start) / (sp.end - sp.start))) : 0;
    return { text: clip(shownText(doc, best.sentence), share, max), start: sp.start };
  }
  const text = doc.loc.lineText(line).trim();
  return text ? { text: clip(text, Math.min(1, column / Math.max(1, text.length)), max), start: doc.loc.lineStart(line) } : undefined;
}

/** The sentence with its masked runs (placeholders, code, URLs) put back from the source. */
function shownText(doc: Doc, s: Sentence): string {
  const b = s.block;
  let out = '';
  let at = s.start;
  for (const m of b.masked) {
    if (m.end <= s.start) continue;
    if (m.start >= s.end) break;
    const from = Math.max(m.start, s.start);
    const to = Math.min(m.end, s.end);
    out += b.text.slice(at, from) + doc.slice(b.spanOf(from, to));
    at = to;
  }
  return out + b.text.slice(at, s.end);
}

/** One line of at most MAX_SENTENCE characters; a longer one keeps a window around `share` (0 = start). */
function clip(s: string, share = 0, max = MAX_SENTENCE): string {
  const one = s.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const at = Math.round(share * one.length);
  let from = Math.max(0, Math.min(at - Math.round(max / 3), one.length - max));
  // Start and end on a word boundary.
  if (from > 0) {
    const space = one.indexOf(' ', from);
    from = space >= 0 && space < from + 20 ? space + 1 : from;
  }
  let to = Math.min(one.length, from + max);
  if (to < one.length) {
    const space = one.lastIndexOf(' ', to);
    to = space > to - 20 && space > from ? space : to;
  }
  return `${from > 0 ? '…' : ''}${one.slice(from, to)}${to < one.length ? '…' : ''}`;
}
