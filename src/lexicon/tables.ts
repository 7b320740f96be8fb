/**
 * Compiled phrase tables (rules/<name>.yml): one matcher per table, or per
 * table category, built once per process; exception phrases; literal phrases
 * that hold punctuation. Reads the prose model only, so every layer may use it.
 */
import type { Sentence } from '../document/prose.js';
import { phraseIndex, table, tableEntries, type PhraseEntry } from './data.js';
import { isLiteralPhrase, PhraseMatcher, type PendingPhrase, type PhraseHit } from './phrase-matcher.js';

const matchers = new Map<string, PhraseMatcher<PhraseEntry>>();

/**
 * The compiled matcher for a table, or for one `category` of it, built once per process.
 * A filter (a rule's own selection of entries) is keyed by its source text.
 */
export function tableMatcher(name: string, select?: { category?: string; filter?: (e: PhraseEntry) => boolean }): PhraseMatcher<PhraseEntry> {
  const key = `${name}#${select?.category ?? ''}#${select?.filter?.toString() ?? ''}`;
  let m = matchers.get(key);
  if (!m) {
    m = new PhraseMatcher<PhraseEntry>();
    // The whole table: its phrases by first word from the build's index, so none is read before a sentence needs it (issue 19).
    const index = select?.category === undefined && !select?.filter ? phraseIndex(name) : undefined;
    if (index) {
      // Entries by index, so only those a document's words can hit are parsed (tableEntries).
      const entries = tableEntries(name);
      m.addIndexed((first) => {
        const pairs = index.first(first);
        if (!pairs) return undefined;
        const group: PendingPhrase<PhraseEntry>[] = [];
        for (let k = 0; k < pairs.length; k += 2) {
          const entry = entries.at(pairs[k])!;
          group.push({ phrase: entry.match[pairs[k + 1]], value: entry, exactCase: entry.case === true });
        }
        return group;
      });
    } else for (const entry of table(name).entries) {
      if (select?.category !== undefined && entry.category !== select.category) continue;
      if (select?.filter && !select.filter(entry)) continue;
      // Into the tree when a document first holds the phrase's first word (issue 19).
      for (const phrase of entry.match) m.addLazily(phrase, entry, entry.case === true);
    }
    matchers.set(key, m);
  }
  return m;
}

/** Whether the hit sits inside one of the entry's exception phrases ("just-in-time"). */
export function inException(sentence: Sentence, hit: PhraseHit<PhraseEntry>): boolean {
  const exceptions = hit.value.exceptions;
  if (!exceptions?.length) return false;
  const text = sentence.block.text;
  const from = hit.first.start;
  const to = hit.last.end;
  for (const ex of exceptions) {
    const e = ex.toLowerCase();
    // Only the stretch an exception holding the hit can cover: a long block with many hits must not be
    // lower-cased and searched once per hit (issue 20).
    const ws = Math.max(0, from - e.length);
    const win = text.slice(ws, Math.min(text.length, to + e.length)).toLowerCase();
    let i = win.indexOf(e);
    while (i !== -1 && ws + i <= from) {
      if (ws + i + e.length >= to) return true;
      i = win.indexOf(e, i + 1);
    }
  }
  return false;
}

export interface LiteralPhrase {
  phrase: string;
  entry: PhraseEntry;
  /**
   * A punctuation mark of the phrase ("/" of "and/or"), or undefined (issue 19): a sentence without it
   * cannot hold the phrase, so findLiterals neither lower-cases nor searches that sentence for it. Only an
   * ASCII mark that is not a letter or digit: lower-casing never makes or removes one.
   */
  mark?: string;
}

/** Marks most sentences hold, taken only when the phrase has no other. */
const COMMON_MARKS = ".,-'";

/** The mark findLiterals checks first for a (lower-case) literal phrase. */
function markOf(phrase: string): string | undefined {
  let common: string | undefined;
  for (const ch of phrase) {
    const c = ch.charCodeAt(0);
    if (c >= 128 || (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || /\s/.test(ch)) continue;
    if (!COMMON_MARKS.includes(ch)) return ch;
    common ??= ch;
  }
  return common;
}

function literal(phrase: string, entry: PhraseEntry): LiteralPhrase {
  const mark = markOf(phrase);
  return mark === undefined ? { phrase, entry } : { phrase, entry, mark };
}

const literalLists = new Map<string, LiteralPhrase[]>();

/** Table phrases the word matcher cannot see: they hold punctuation inside or at the end ("e.g.", "and/or"). Built once per table. */
export function literalPhrases(name: string): LiteralPhrase[] {
  let out = literalLists.get(name);
  if (!out) {
    out = [];
    const index = phraseIndex(name);
    // From the build's index when there is one: no pass over every phrase (issue 19), and only these entries parsed.
    if (index) {
      const entries = tableEntries(name);
      for (let k = 0; k < index.literals.length; k += 2) {
        const entry = entries.at(index.literals[k])!;
        out.push(literal(entry.match[index.literals[k + 1]].toLowerCase(), entry));
      }
    } else {
      for (const entry of table(name).entries) {
        for (const phrase of entry.match) if (isLiteralPhrase(phrase)) out.push(literal(phrase.toLowerCase(), entry));
      }
    }
    literalLists.set(name, out);
  }
  return out;
}

/**
 * Literal hits in a sentence (block offsets), at word boundaries, never on masked or quoted words.
 * Only the sentence is lower-cased and searched: a block can hold thousands of sentences (a long
 * HTML page), and reading the whole block for each made the rule quadratic.
 */
/** The words (sorted, not overlapping) that overlap [start, end): a binary search, so a long sentence with many hits stays linear (issue 20). */
function wordsIn<W extends { start: number; end: number }>(words: readonly W[], start: number, end: number): W[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: W[] = [];
  for (let i = lo; i < words.length && words[i].start < end; i++) if (start < words[i].end) out.push(words[i]);
  return out;
}

export function findLiterals(sentence: Sentence, list: readonly LiteralPhrase[]): { start: number; end: number; entry: PhraseEntry }[] {
  const text = sentence.block.text;
  const base = sentence.start;
  const raw = text.slice(base, sentence.end);
  let lower: string | undefined;
  const hits: { start: number; end: number; entry: PhraseEntry }[] = [];
  for (const { phrase, entry, mark } of list) {
    if (mark !== undefined && !raw.includes(mark)) continue;
    lower ??= raw.toLowerCase();
    let j = lower.indexOf(phrase);
    while (j !== -1 && j + phrase.length <= lower.length) {
      const start = base + j;
      const end = start + phrase.length;
      const before = j > 0 ? lower[j - 1] : start > 0 ? text[start - 1] : ' ';
      const after = j + phrase.length < lower.length ? lower[j + phrase.length] : end < text.length ? text[end] : ' ';
      const bounded = !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
      const touched = wordsIn(sentence.words, start, end);
      if (bounded && touched.length && !touched.some((w) => w.masked || w.quoted)) hits.push({ start, end, entry });
      j = lower.indexOf(phrase, j + 1);
    }
  }
  return hits;
}
