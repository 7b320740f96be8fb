/** Small number helpers for the insights report. */

export function per1000(findings: number, words: number): number {
  return words > 0 ? round1((findings * 1000) / words) : 0;
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return round1(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
}

export function mean(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  return round1(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Multiset difference by key: how many of `a` are not matched in `b`. */
export function countKeys(keys: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
