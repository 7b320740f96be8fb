/**
 * "Is this span inside one of these spans?" in O(log n) per question, for
 * rules that ask it once per sentence or paragraph about every link or label
 * of a document (20,000 links made a `some()` per paragraph quadratic, issue 20).
 */
import type { Span } from '../types.js';

/** A test for containment in any of `spans` (which may overlap or nest). */
export function containedInAny(spans: readonly Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // maxEnd[i]: the furthest end among the first i + 1 spans by start.
  const maxEnd: number[] = new Array(sorted.length);
  let m = -Infinity;
  for (let i = 0; i < sorted.length; i++) maxEnd[i] = m = Math.max(m, sorted[i].end);
  return (span) => {
    // The last span that starts at or before span.start.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] >= span.end;
  };
}
