/** Grade-level arithmetic shared by the readability rule and file metrics. */
import { syllable } from 'syllable';
import type { Word } from '../document/prose.js';

export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

/** Counts words and syllables, leaving out masked words (placeholders, code, URLs). */
export function statsOf(sentences: readonly { words: readonly Word[] }[]): TextStats {
  let words = 0;
  let syllables = 0;
  let count = 0;
  for (const s of sentences) {
    let n = 0;
    for (const w of s.words) {
      if (w.masked) continue;
      const syl = syllablesOf(w.text);
      if (syl < 0) continue;
      n++;
      syllables += syl;
    }
    if (n) {
      words += n;
      count++;
    }
  }
  return { words, sentences: count, syllables };
}

/**
 * Syllables in a word, -1 when it has no letter (not counted). Memoised: the
 * `syllable` package was a fifth of a whole run's time, and words repeat
 * (issue 6). The memo is bounded so a huge vocabulary cannot grow it forever.
 */
const memo = new Map<string, number>();
function syllablesOf(text: string): number {
  let n = memo.get(text);
  if (n === undefined) {
    n = !/\p{L}/u.test(text) ? -1 : /^\p{Lu}{2,}s?$/u.test(text) ? 1 : syllable(text);
    if (memo.size >= 50_000) memo.clear();
    memo.set(text, n);
  }
  return n;
}

/** Flesch–Kincaid grade level (US school grade), one decimal; 0 for empty text. */
export function gradeLevel(s: TextStats): number {
  if (!s.words || !s.sentences) return 0;
  const g = 0.39 * (s.words / s.sentences) + 11.8 * (s.syllables / s.words) - 15.59;
  return Math.round(Math.max(0, g) * 10) / 10;
}
