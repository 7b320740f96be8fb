/**
 * rules/*.yml are checked against their strict JSON Schemas in rules/_schema/:
 * every table has one, every table passes, and a misspelt key fails with the
 * file, line and column and the key it was meant to be.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTablesFromYaml } from '../src/lexicon/data.js';
import { parseCheckedTable } from '../src/lexicon/table-schema.js';
import { RuleDataError } from '../src/util/errors.js';

const root = join(import.meta.dirname, '..');
const rulesDir = join(root, 'rules');
const tables = readdirSync(rulesDir)
  .filter((n) => n.endsWith('.yml'))
  .map((n) => n.slice(0, -4));

/** A rules folder holding one table and a copy of the real schema for it. */
function folderWith(name: string, yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-schema-'));
  mkdirSync(join(dir, '_schema'));
  writeFileSync(join(dir, `${name}.yml`), yaml);
  writeFileSync(join(dir, '_schema', `${name}.schema.json`), readFileSync(join(rulesDir, '_schema', `${name}.schema.json`)));
  return dir;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleDataError);
    return (e as Error).message;
  }
  throw new Error('expected a RuleDataError');
}

describe('rule data schemas', () => {
  it('finds the tables', () => {
    expect(tables.length).toBeGreaterThan(10);
  });

  for (const name of tables) {
    it(`rules/${name}.yml has a strict schema and passes it`, () => {
      const schema = JSON.parse(readFileSync(join(rulesDir, '_schema', `${name}.schema.json`), 'utf8')) as {
        additionalProperties: boolean;
        definitions: { entry: { additionalProperties: boolean } };
      };
      expect(schema.additionalProperties).toBe(false);
      expect(schema.definitions.entry.additionalProperties).toBe(false);
      expect(() => parseCheckedTable(rulesDir, name)).not.toThrow();
    });
  }

  it('a misspelt entry key fails with file, line, column and the key meant', () => {
    const dir = folderWith('jargon', ['kind: substitution', 'entries:', '  - match: [herein]', '    replace: [here]', '    exeptions: [herein below]', ''].join('\n'));
    expect(errorOf(() => parseCheckedTable(dir, 'jargon'))).toBe("rules/jargon.yml:5:5: unknown key 'exeptions' in entries[0] (did you mean 'exceptions'?)");
    // The build reads the tables through the same check, so the typo fails the build.
    expect(errorOf(() => readTablesFromYaml(dir))).toBe("rules/jargon.yml:5:5: unknown key 'exeptions' in entries[0] (did you mean 'exceptions'?)");
  });

  it('a misspelt top-level key fails at its line', () => {
    const dir = folderWith('jargon', ['kind: substitution', 'entrys:', '  - match: [herein]', ''].join('\n'));
    expect(errorOf(() => parseCheckedTable(dir, 'jargon'))).toBe("rules/jargon.yml:1:1: the table must have required property 'entries'");
  });

  it('a category outside the table enum fails and lists the allowed ones', () => {
    const dir = folderWith('jargon', ['kind: substitution', 'entries:', '  - match: [herein]', '    replace: [here]', '    category: legalease', ''].join('\n'));
    expect(errorOf(() => parseCheckedTable(dir, 'jargon'))).toMatch(/^rules\/jargon\.yml:5:15: entries\[0\]\.category must be one of: /);
  });

  it('broken YAML names the line', () => {
    const dir = folderWith('jargon', ['kind: substitution', 'entries:', '  - match: [herein', ''].join('\n'));
    expect(errorOf(() => parseCheckedTable(dir, 'jargon'))).toMatch(/^rules\/jargon\.yml:\d+:\d+: /);
  });
});
