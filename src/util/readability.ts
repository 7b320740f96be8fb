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
      if (w.masked || !/\p{L}/u.test(w.text)) continue;
      n++;
      syllables += /^\p{Lu}{2,}s?$/u.test(w.text) ? 1 : syllable(w.text);
    }
    if (n) {
      words += n;
      count++;
    }
  }
  return { words, sentences: count, syllables };
}

/** Flesch–Kincaid grade level (US school grade), one decimal; 0 for empty text. */
export function gradeLevel(s: TextStats): number {
  if (!s.words || !s.sentences) return 0;
  const g = 0.39 * (s.words / s.sentences) + 11.8 * (s.syllables / s.words) - 15.59;
  return Math.round(Math.max(0, g) * 10) / 10;
}
