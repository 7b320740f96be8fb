/** Applies safe fixes to a text: non-overlapping, last to first so offsets hold. */
import type { RawFinding } from '../types.js';

export function applyFixes(text: string, findings: readonly RawFinding[]): string {
  const fixes = findings
    .filter((f) => f.fix)
    .map((f) => f.fix!)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const fix of fixes) {
    // Overlapping fixes: keep the first; a second --fix run picks up the rest.
    if (fix.span.start < at) continue;
    out += text.slice(at, fix.span.start) + fix.text;
    at = fix.span.end;
  }
  return out + text.slice(at);
}
