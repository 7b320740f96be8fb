/** Small text helpers written as loops, so hostile input cannot make them slow (no backtracking). */

const WORDISH = /[\p{L}\p{N}]/u;

/** Trims everything that is not a letter or digit from both ends, in linear time. */
export function trimToWord(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && !WORDISH.test(s[start])) start++;
  while (end > start && !WORDISH.test(s[end - 1])) end--;
  return s.slice(start, end);
}

/** Drops trailing characters that are in `chars` (a loop: `/[…]+$/` rescans from every start). */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}
