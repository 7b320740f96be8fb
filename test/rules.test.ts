/**
 * Walks fixtures/rules/<id>/* and checks every inline expectation (DESIGN 6.1). A fixture runs only
 * the rule under test and the rules its markers name (`rulesFor`), so another rule's change never
 * breaks it; markers name the messageId that must fire (`passive-voice/passive@12`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, lintFixture, parseExpectations, rulesFor } from './helpers/fixtures.js';

const repo = join(import.meta.dirname, '..');
const root = join(repo, 'fixtures', 'rules');

for (const ruleId of readdirSync(root).sort()) {
  const dir = join(root, ruleId);
  if (!statSync(dir).isDirectory()) continue;
  const id = ruleId.replace(/^axe-/, 'axe/');
  describe(id, () => {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(md|html)$/.test(name)) continue;
      it(name, async () => {
        const file = join(dir, name);
        const text = readFileSync(file, 'utf8');
        const expected = parseExpectations(text, { file: relative(repo, file) });
        const result = await lintFixture(file, { only: rulesFor(id, expected) });
        expect(result.error).toBeUndefined();
        if (name.startsWith('valid')) expect(expected, 'valid fixtures carry no expect markers').toEqual([]);
        else expect(expected.length, 'invalid fixtures need expect markers').toBeGreaterThan(0);
        const { actual, wanted } = compare(result, expected, id);
        expect(actual).toEqual(wanted);
      });
    }
  });
}
