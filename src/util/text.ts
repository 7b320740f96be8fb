/** Small text helpers written as loops, so hostile input cannot make them slow (no backtracking). */

import { isAsciiWordCode } from './ascii-class.js';

const WORDISH = /[\p{L}\p{N}]/u;

/**
 * A letter or digit at `s[i]`, read by code below U+0250 so English text (and the "é" of "résumé" in a
 * word table) never compiles the \p expression (issue 19): from U+00C0 to U+024F every code but × and ÷
 * is a letter (test/ascii-class.test.ts checks all of them).
 */
function wordishAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return isAsciiWordCode(c);
  if (c >= 0xc0 && c < 0x250) return c !== 0xd7 && c !== 0xf7;
  return WORDISH.test(s[i]);
}

/** Trims everything that is not a letter or digit from both ends, in linear time. */
export function trimToWord(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && !wordishAt(s, start)) start++;
  while (end > start && !wordishAt(s, end - 1)) end--;
  return s.slice(start, end);
}

/** Drops trailing characters that are in `chars` (a loop: `/[…]+$/` rescans from every start). */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}
