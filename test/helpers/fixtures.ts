/**
 * Inline expectations in fixtures (DESIGN 6.1):
 *   <!-- expect rule-id/messageId -->            a finding of rule-id with that messageId on this line
 *   <!-- expect rule-id/messageId@17 -->         … starting at column 17
 *   <!-- expect rule-id/messageId:+1 -->         … on the next line (or :-2 two lines up)
 *   <!-- expect-next-line rule-id/messageId -->  … on the next line
 *   <!-- expect axe/image-alt/violation@24 -->   an axe-core rule: `axe/<axe-id>/<messageId>`
 *   <!-- plainspoke-config {"channel":"macro"} -->  config for this fixture
 * The old form without `/messageId` (`<!-- expect rule-id@17 -->`) is still read while fixtures
 * are converted; `node scripts/fixture-message-ids.mjs` adds the messageIds. Once every fixture
 * names them, REQUIRE_MESSAGE_ID is switched on and a marker without one fails.
 * Findings and markers become sorted `line:col ruleId/messageId` strings so a failure shows a readable diff.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConfigResolver } from '../../src/config/resolve.js';
import { lintSource } from '../../src/engine/lint-source.js';
import type { FileResult } from '../../src/types.js';

/**
 * When true, every marker must name the messageId (`passive-voice/passive@12`). The lead switches
 * this on once `node scripts/fixture-message-ids.mjs` has run over every fixture folder.
 */
export const REQUIRE_MESSAGE_ID = true;

export interface Expectation {
  line: number;
  column?: number;
  ruleId: string;
  messageId?: string;
}

const MARKER = /<!--\s*expect(-next-line)?\s+([^>]*?)\s*-->/g;
/** `rule-id` or `axe/<axe-id>`, then `/messageId` (camelCase), `@column`, `:±lines`. */
const ITEM = /^((?:axe\/)?[a-z0-9]+(?:-[a-z0-9]+)*)(?:\/([A-Za-z][A-Za-z0-9_]*))?(?:@(\d+))?(?::([+-]\d+))?$/;

export function parseExpectations(text: string, opts: { requireMessageId?: boolean; file?: string } = {}): Expectation[] {
  const requireId = opts.requireMessageId ?? REQUIRE_MESSAGE_ID;
  const out: Expectation[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, i) => {
    for (const m of lineText.matchAll(MARKER)) {
      const nextLine = Boolean(m[1]);
      for (const item of m[2].split(/[\s,]+/).filter(Boolean)) {
        const im = ITEM.exec(item);
        if (!im) throw new Error(`bad marker '${item}' on line ${i + 1}`);
        if (requireId && !im[2]) {
          const where = opts.file ? ` (${opts.file})` : '';
          throw new Error(`marker '${item}' on line ${i + 1}${where} names no messageId: run \`npm run build && node scripts/fixture-message-ids.mjs ${opts.file ? dirname(opts.file) : 'fixtures/rules/<id>'}\` to add it`);
        }
        const line = i + 1 + (nextLine ? 1 : 0) + (im[4] ? Number(im[4]) : 0);
        out.push({ ruleId: im[1], line, ...(im[3] ? { column: Number(im[3]) } : {}), ...(im[2] ? { messageId: im[2] } : {}) });
      }
    }
  });
  return out;
}

export function fixtureConfig(text: string): unknown {
  const m = /<!--\s*plainspoke-config\s+(\{[^]*?\})\s*-->/.exec(text);
  return m ? JSON.parse(m[1]) : {};
}

/** The registered rule that reports a finding id (`axe/<id>` findings come from the `axe` rule). */
export function reportingRule(id: string): string {
  return id.startsWith('axe/') ? 'axe' : id;
}

/**
 * Rules a fixture runs: the rule under test and any rule a marker names. `unused-disable` needs
 * every rule (a disable comment is unused only if the rule it names ran), so its fixtures run all.
 */
export function rulesFor(ruleId: string, expected: readonly Expectation[]): string[] | undefined {
  if (ruleId === 'unused-disable' || expected.some((e) => e.ruleId === 'unused-disable')) return undefined;
  return [...new Set([reportingRule(ruleId), ...expected.map((e) => reportingRule(e.ruleId))])].sort();
}

/** Lints a fixture file with its inline config (everything else at defaults); `only` limits the rules run. */
export async function lintFixture(file: string, opts: { noAxe?: boolean; only?: readonly string[] } = {}): Promise<FileResult> {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const resolver = ConfigResolver.fromData(fixtureConfig(text), `${basename(file)} (plainspoke-config)`, dirname(file));
  return lintSource({ path: basename(file), absPath: resolve(file), bytes }, resolver, { noAxe: opts.noAxe ?? false, ...(opts.only ? { only: opts.only } : {}) });
}

/**
 * Compares markers with findings for the rule under test and any rule a marker names.
 * Columns are compared only where a marker pins one, messageIds only where a marker names one.
 */
export function compare(result: FileResult, expected: Expectation[], ruleId: string): { actual: string[]; wanted: string[] } {
  const ids = new Set([ruleId, ...expected.map((e) => e.ruleId)]);
  const findings = result.findings.filter((f) => ids.has(f.ruleId) || (ruleId === 'axe' && f.ruleId.startsWith('axe/')));
  const pinned = new Set(expected.filter((e) => e.column !== undefined).map((e) => `${e.line}:${e.ruleId}`));
  const named = new Set(expected.filter((e) => e.messageId !== undefined).map((e) => `${e.line}:${e.ruleId}`));
  const actual = findings
    .map((f) => {
      const key = `${f.line}:${f.ruleId}`;
      const id = named.has(key) ? `${f.ruleId}/${f.messageId ?? '?'}` : f.ruleId;
      return pinned.has(key) ? `${f.line}:${f.column} ${id}` : `${f.line} ${id}`;
    })
    .sort();
  const wanted = expected
    .map((e) => {
      const id = e.messageId !== undefined ? `${e.ruleId}/${e.messageId}` : e.ruleId;
      return e.column !== undefined ? `${e.line}:${e.column} ${id}` : `${e.line} ${id}`;
    })
    .sort();
  return { actual, wanted };
}
