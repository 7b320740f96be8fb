/**
 * A word a rule suggests must not be one another rule reports. The seed-67 audit found jargon offering "easily" for
 * "seamlessly", which minimizing-language then reports. Every replacement in the word tables is put where
 * minimizing-language looks for a belittling word (after "you can", after "it's", opening a sentence) and linted with
 * that rule alone: none may be reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';

const root = join(import.meta.dirname, '..');

/** Every `replace` value of every table, with the table's name. */
function replacements(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const file of readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.yml'))) {
    const table = parse(readFileSync(join(root, 'rules', file), 'utf8')) as { entries?: Array<{ replace?: string | string[] }> };
    for (const e of table.entries ?? []) for (const r of [e.replace ?? []].flat()) if (/^[a-z][a-z' -]*$/i.test(r)) out.push([file, r]);
  }
  return out;
}

describe('suggested words', () => {
  it('are more than a handful', () => {
    expect(replacements().length).toBeGreaterThan(500);
  });
  it('are never words minimizing-language reports', async () => {
    const all = replacements();
    // "It's …" only for one word: "It's quick fix." is no sentence a writer would make of "a quick fix".
    const shapes = (r: string) => [`You can ${r} change the plan.`, r.includes(' ') ? `It's done.` : `It's ${r}.`, `${r[0].toUpperCase()}${r.slice(1)}, the page opens.`];
    const lines = all.flatMap(([, r]) => shapes(r));
    const resolver = ConfigResolver.fromData({}, 'suggestions-consistent.test', root);
    const text = lines.join('\n\n') + '\n';
    const result = await lintSource({ path: 'suggestions.md', absPath: join(root, 'suggestions.md'), bytes: new TextEncoder().encode(text) }, resolver, { noAxe: true, only: ['minimizing-language'] });
    expect(result.error).toBeUndefined();
    const reported = result.findings.map((f) => {
      const i = Math.floor((f.line - 1) / 2 / 3);
      return `${all[i][0]}: '${all[i][1]}'`;
    });
    expect([...new Set(reported)]).toEqual([]);
  });
  it('keep the subject and the strength of a phrase that holds them (seed-70 audit: "Must" for "You may be required to")', async () => {
    const text = 'You may be required to show your ID.\n\nWe are required to keep records.\n\nYou will be required to sign.\n';
    const resolver = ConfigResolver.fromData({}, 'suggestions-consistent.test', root);
    const result = await lintSource({ path: 'required.md', absPath: join(root, 'required.md'), bytes: new TextEncoder().encode(text) }, resolver, { noAxe: true, only: ['simpler-words'] });
    expect(result.findings.map((f) => [f.line, f.column, f.suggestions])).toEqual([
      [1, 1, ['You may need to']],
      [3, 1, ['We must']],
      [5, 1, ['You must', 'You will need to']],
    ]);
  });
});
