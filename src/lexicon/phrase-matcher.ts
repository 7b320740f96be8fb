/**
 * Finds phrases (word sequences) in sentences from the shared prose model,
 * the way Vale's existence/substitution checks do but on tokens, not regex:
 * linear in the text, immune to pathological patterns.
 */
import type { Sentence, Word } from '../document/prose.js';
import { trimToWord } from '../util/text.js';

export interface PhraseHit<T> {
  /** First and last word of the match. */
  first: Word;
  last: Word;
  words: Word[];
  value: T;
  /** The phrase as listed. */
  phrase: string;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  values: { value: T; phrase: string; exact?: string }[];
}

/** Splits a phrase into the word tokens retext-english produces ("don't" is one word, "e-mail" is one). */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/\s+/)
    .filter(Boolean)
    .map(trimToWord)
    .filter(Boolean);
}

/** phraseWords(phrase)[0] without splitting the rest: the word a phrase can be found from. */
export function firstWord(phrase: string): string | undefined {
  for (const token of phrase.toLowerCase().replace(/’/g, "'").split(/\s+/)) {
    const word = token ? trimToWord(token) : '';
    if (word) return word;
  }
  return undefined;
}

/** A phrase the word matcher cannot see: it holds punctuation inside or at the end ("e.g.", "and/or"). */
export function isLiteralPhrase(phrase: string): boolean {
  return /[^\p{L}\p{N}\s'’-]/u.test(phrase);
}

export interface PendingPhrase<T> {
  phrase: string;
  value: T;
  exactCase: boolean;
}

export interface MatchOptions {
  /** Skip words in quotation marks (customer's words). Default true. */
  skipQuoted?: boolean;
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };
  /**
   * Phrases given to addLazily() and not in the tree yet, by first word (issue 19). Building the tree of a table
   * of a thousand phrases whole took about 3 ms per rule of a one-file run, most of it for words the file never
   * holds. A phrase is only found from its first word, so a group goes in when a sentence first holds the word:
   * the tree then has the same paths, with the values at each node in the order they were given (a group goes in
   * before a later add() under the same first word), so find() gives the same hits.
   */
  private pending: Map<string, PendingPhrase<T>[]> | undefined;
  /** addIndexed()'s groups, and the first words already asked for. */
  private indexed: ((first: string) => PendingPhrase<T>[] | undefined) | undefined;
  private asked: Set<string> | undefined;
  /**
   * The root's child for a first word once take() ran for it, null when it has none (issue 19): find() then
   * looks each word up once, not three times (waiting groups, index, tree). Any add for that first word drops
   * its entry, so the next find() takes and looks again.
   */
  private readonly firstNodes = new Map<string, Node<T> | null>();

  /** `exactCase`: the phrase only matches with this exact capitalisation (e.g. acronyms). */
  add(phrase: string, value: T, exactCase = false): void {
    const words = phraseWords(phrase);
    if (!words.length) return;
    this.take(words[0]);
    this.insert(words, phrase, value, exactCase);
  }

  /**
   * Phrases from a prebuilt index of first words (issue 19): `group(word)` gives the phrases found from that word,
   * in the order addLazily() would have been given them. As addLazily() for each, without a pass over every phrase:
   * a group goes in the tree when find() first meets its word (after any addLazily() group of the same word).
   */
  addIndexed(group: (first: string) => PendingPhrase<T>[] | undefined): void {
    this.indexed = group;
    this.asked = new Set();
    this.firstNodes.clear();
  }

  /** Puts the phrases waiting for this first word in the tree. */
  private take(first: string): void {
    if (this.pending?.has(first)) this.addPending(first);
    if (this.indexed && !this.asked!.has(first)) {
      this.asked!.add(first);
      const group = this.indexed(first);
      if (group) for (const p of group) this.insert(phraseWords(p.phrase), p.phrase, p.value, p.exactCase);
    }
  }

  /** As add(), but the phrase goes in the tree only when find() first meets its first word. */
  addLazily(phrase: string, value: T, exactCase = false): void {
    const first = firstWord(phrase);
    if (first === undefined) return;
    this.firstNodes.delete(first);
    this.pending ??= new Map();
    let group = this.pending.get(first);
    if (!group) this.pending.set(first, (group = []));
    group.push({ phrase, value, exactCase });
  }

  private addPending(first: string): void {
    const group = this.pending!.get(first)!;
    this.pending!.delete(first);
    for (const p of group) this.insert(phraseWords(p.phrase), p.phrase, p.value, p.exactCase);
  }

  private insert(words: string[], phrase: string, value: T, exactCase: boolean): void {
    this.firstNodes.delete(words[0]);
    let node = this.root;
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) node.next.set(w, (n = { next: new Map(), values: [] }));
      node = n;
    }
    node.values.push({ value, phrase, ...(exactCase ? { exact: phrase } : {}) });
  }

  /** Longest matches, left to right, never overlapping, never on masked words. */
  find(sentence: Sentence, opts?: MatchOptions): PhraseHit<T>[] {
    const skipQuoted = opts?.skipQuoted ?? true;
    const words = sentence.words;
    const text = sentence.block.text;
    const hits: PhraseHit<T>[] = [];
    const firstNodes = this.firstNodes;
    for (let i = 0; i < words.length; ) {
      // The first word alone (issue 19): most words start no phrase, so the walk below is skipped for them.
      const head = words[i];
      if (head.masked || (skipQuoted && head.quoted)) {
        i++;
        continue;
      }
      let first = firstNodes.get(head.lower);
      if (first === undefined) {
        this.take(head.lower);
        first = this.root.next.get(head.lower) ?? null;
        firstNodes.set(head.lower, first);
      }
      if (first === null) {
        i++;
        continue;
      }
      let node: Node<T> | undefined = first;
      let bestEnd = -1;
      let bestValue: Node<T>['values'][number] | undefined;
      for (let j = i; ; ) {
        const fit = fitOf(node.values, words, i, j);
        if (fit) {
          bestEnd = j;
          bestValue = fit;
        }
        if (++j >= words.length) break;
        const w = words[j];
        if (w.masked || (skipQuoted && w.quoted)) break;
        // Words of one phrase must be adjacent: only spaces (or a line break) between them.
        if (!blankBetween(text, words[j - 1].end, w.start)) break;
        node = node.next.get(w.lower);
        if (!node) break;
      }
      if (bestValue) {
        const matched = words.slice(i, bestEnd + 1);
        hits.push({ first: matched[0], last: matched[matched.length - 1], words: matched, value: bestValue.value, phrase: bestValue.phrase });
        i = bestEnd + 1;
      } else i++;
    }
    return hits;
  }
}

/** The first value at a node that fits words i..j: any value, or one of exact case whose words are written as listed. */
function fitOf<V extends { exact?: string }>(values: readonly V[], words: readonly Word[], i: number, j: number): V | undefined {
  for (const v of values) if (!v.exact || words.slice(i, j + 1).map((x) => x.text).join(' ') === v.exact) return v;
  return undefined;
}

/** Whether text[start, end) is empty once trimmed; a gap of nothing or one space is answered without a copy. */
function blankBetween(text: string, start: number, end: number): boolean {
  if (end <= start) return true;
  if (end === start + 1 && text.charCodeAt(start) === 32) return true;
  return text.slice(start, end).trim() === '';
}

/** Keeps a replacement's capitalisation in line with the text it replaces ("Utilize" → "Use"). */
export function matchCase(replacement: string, original: string): string {
  if (original && original[0] === original[0].toUpperCase() && original[0] !== original[0].toLowerCase()) {
    return replacement[0].toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
