/**
 * "Did you mean …?" by edit distance (fastest-levenshtein), for rule ids in
 * configs, `--rule`, `explain` and disable comments (issue 17).
 */
import { distance } from 'fastest-levenshtein';

/**
 * The known names closest to `input`, best first: within an edit distance
 * that grows with the length (a third of the name, at least 2), or one that
 * holds the other (`passive` → `passive-voice`).
 */
export function closest(input: string, known: readonly string[], max = 3): string[] {
  const word = input.toLowerCase();
  if (!word) return [];
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: [string, number][] = [];
  for (const k of known) {
    const kl = k.toLowerCase();
    if (kl === word) return [k];
    const d = distance(word, kl);
    // A name that holds the other (at least 4 characters, so 'a' does not match everything) counts as close.
    const contains = word.length >= 4 && (kl.includes(word) || word.includes(kl));
    if (d <= limit) scored.push([k, d]);
    else if (contains) scored.push([k, limit + 1 + Math.abs(kl.length - word.length) / 100]);
  }
  scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, max).map(([k]) => k);
}

/** ` (did you mean 'x'?)`, ` (did you mean 'x' or 'y'?)`, or '' when nothing is close. */
export function didYouMean(input: string, known: readonly string[]): string {
  const near = closest(input, known, 2);
  return near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : '';
}
