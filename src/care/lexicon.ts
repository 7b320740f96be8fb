/**
 * Shared helpers for the care rules and the care rubric: phrase tables split
 * by `category`, the sentences that count as "the reply", and small word tests.
 * Everything here reads the shared prose model (sentences and words), never
 * raw text, so placeholders, code, links and quoted words never match.
 */
import type { Doc } from '../document/document.js';
import type { Sentence, Word } from '../document/prose.js';
import { table, type PhraseEntry } from '../lexicon/data.js';
import type { PhraseHit } from '../lexicon/phrase-matcher.js';
import { inException, tableMatcher } from '../lexicon/tables.js';

/** Hits of one category in a sentence: quoted and masked words never match, exceptions are honoured. */
export function hitsIn(sentence: Sentence, name: string, category: string): PhraseHit<PhraseEntry>[] {
  return tableMatcher(name, { category })
    .find(sentence)
    .filter((h) => !inException(sentence, h));
}

/** Block kinds whose sentences are the reply itself (not headings, alt text or captions). */
const REPLY_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'other']);

/**
 * The sentences a customer reads as the reply: outside blockquotes (quoted
 * mail, the customer's own words), not headings, alt text or captions, and
 * with at least one word that is not masked.
 */
export function replySentences(doc: Doc): Sentence[] {
  return memo(doc, 'replySentences', () => doc.sentences.filter((s) => !s.block.quote && REPLY_KINDS.has(s.block.kind) && s.words.some((w) => !w.masked && !w.quoted)));
}

const memos = new WeakMap<Doc, Map<string, unknown>>();

/** Computes a value once per document: the care rules and the rubric ask the same questions. */
export function memo<T>(doc: Doc, key: string, fn: () => T): T {
  let m = memos.get(doc);
  if (!m) memos.set(doc, (m = new Map()));
  if (!m.has(key)) m.set(key, fn());
  return m.get(key) as T;
}

/** Whether the sentence ends with a question mark (after closing quotes or brackets). */
export function isQuestion(sentence: Sentence): boolean {
  const t = sentence.block.text;
  for (let i = sentence.end - 1; i >= sentence.start; i--) {
    const c = t[i];
    if (c === '?') return true;
    if (c === ' ' || c === '"' || c === '”' || c === "'" || c === '’' || c === ')' || c === '*' || c === '_') continue;
    return false;
  }
  return false;
}

/** Second person: the sentence talks to or about the customer. */
const YOU = new Set(['you', 'your', 'yours', 'yourself', "you're", "you've", "you'll", "you'd"]);

export function mentionsYou(sentence: Sentence): boolean {
  return sentence.words.some((w) => !w.masked && !w.quoted && YOU.has(w.lower));
}

/** The words of a hit as written. */
export function hitText(sentence: Sentence, first: Word, last: Word): string {
  return sentence.block.text.slice(first.start, last.end).replace(/\s+/g, ' ');
}

/** Words the customer can read (not masked, not quoted). */
export function liveWords(sentence: Sentence): Word[] {
  return sentence.words.filter((w) => !w.masked && !w.quoted);
}

/** 1-based line of a file offset. */
export function lineAt(doc: Doc, offset: number): number {
  return doc.loc.point(offset).line;
}
