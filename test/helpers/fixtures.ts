/**
 * Inline expectations in fixtures (DESIGN 6.1):
 *   <!-- expect rule-id -->            a finding of rule-id on this line
 *   <!-- expect rule-id@17 -->         … starting at column 17
 *   <!-- expect rule-id:+1 -->         … on the next line (or :-2 two lines up)
 *   <!-- expect-next-line rule-id -->  … on the next line
 *   <!-- plainspoke-config {"channel":"macro"} -->  config for this fixture
 * Findings and markers become sorted `line:col ruleId` strings so a failure shows a readable diff.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConfigResolver } from '../../src/config/resolve.js';
import { lintSource } from '../../src/engine/lint-source.js';
import type { FileResult } from '../../src/types.js';

export interface Expectation {
  line: number;
  column?: number;
  ruleId: string;
}

const MARKER = /<!--\s*expect(-next-line)?\s+([^>]*?)\s*-->/g;

export function parseExpectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, i) => {
    for (const m of lineText.matchAll(MARKER)) {
      const nextLine = Boolean(m[1]);
      for (const item of m[2].split(/[\s,]+/).filter(Boolean)) {
        const im = /^((?:axe\/)?[a-z0-9-]+)(?:@(\d+))?(?::([+-]\d+))?$/.exec(item);
        if (!im) throw new Error(`bad marker '${item}' on line ${i + 1}`);
        const line = i + 1 + (nextLine ? 1 : 0) + (im[3] ? Number(im[3]) : 0);
        out.push({ ruleId: im[1], line, ...(im[2] ? { column: Number(im[2]) } : {}) });
      }
    }
  });
  return out;
}

export function fixtureConfig(text: string): unknown {
  const m = /<!--\s*plainspoke-config\s+(\{[^]*?\})\s*-->/.exec(text);
  return m ? JSON.parse(m[1]) : {};
}

/** Lints a fixture file with its inline config (everything else at defaults). */
export async function lintFixture(file: string, opts: { noAxe?: boolean } = {}): Promise<FileResult> {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const resolver = ConfigResolver.fromData(fixtureConfig(text), `${basename(file)} (plainspoke-config)`, dirname(file));
  return lintSource({ path: basename(file), absPath: resolve(file), bytes }, resolver, { noAxe: opts.noAxe ?? false });
}

/**
 * Compares markers with findings for the rule under test and any rule a marker names.
 * Columns are compared only where a marker pins one.
 */
export function compare(result: FileResult, expected: Expectation[], ruleId: string): { actual: string[]; wanted: string[] } {
  const ids = new Set([ruleId, ...expected.map((e) => e.ruleId)]);
  const findings = result.findings.filter((f) => ids.has(f.ruleId));
  const pinned = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.line}:${e.ruleId}`));
  const actual = findings
    .map((f) => (pinned.has(`${f.line}:${f.ruleId}`) ? `${f.line}:${f.column} ${f.ruleId}` : `${f.line} ${f.ruleId}`))
    .sort();
  const wanted = expected.map((e) => (e.column !== undefined ? `${e.line}:${e.column} ${e.ruleId}` : `${e.line} ${e.ruleId}`)).sort();
  return { actual, wanted };
}
