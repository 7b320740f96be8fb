/**
 * The check that every finding lies inside the file, shared by test/property.test.ts (the engine
 * in-process) and test/e2e/robustness.test.ts (the built CLI's JSON report).
 */
import { expect } from 'vitest';

/** Where a finding points, as a FileResult and the JSON report give it (1-based, code points). */
export interface FindingPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Every finding starts and ends inside the text: a real line, a column at most one past its end. */
export function expectInside(text: string, findings: readonly FindingPlace[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  // Each line measured once: 80,000 findings on one 500 KB line must not spread it 80,000 times.
  const widths = new Map<number, number>();
  const width = (line: number) => {
    let w = widths.get(line);
    if (w === undefined) widths.set(line, (w = [...lines[line - 1]].length));
    return w;
  };
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines.length);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeLessThanOrEqual(width(f.line) + 1);
    expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    expect(f.endLine).toBeLessThanOrEqual(lines.length);
    expect(f.endColumn).toBeLessThanOrEqual(width(f.endLine) + 1);
  }
}
