/**
 * Care patterns filed by the first words the build gives (issue 19): a
 * matcher that compiles a pattern only when a line holds one of its first
 * words finds exactly what a matcher that compiles everything at once finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { firstWordsOf, neededWordsOf, PatternMatcher } from '../src/lexicon/care-patterns.js';
import { serialiseFirstWords } from '../src/lexicon/care-tables.js';
import { table } from '../src/lexicon/data.js';
import { expandWord, formsOf } from '../src/lexicon/lemma.js';

/** Two of the care tables (the others use the same code): a test of every table took about 9 s. */
const TABLES = ['blame-language', 'hold-permission'];

/** The text of every care fixture, so the matchers meet many first words. */
function fixtureText(): string {
  const parts: string[] = [];
  for (const id of TABLES) {
    const dir = join('fixtures', 'rules', id);
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.md')) parts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return parts.join('\n\n');
}

describe('care patterns filed by first word', () => {
  it('gives the first words, 0 for a pattern that can start anywhere, -1 for an empty one', () => {
    expect(firstWordsOf('as {i|we} {0-3} <tell|say>')).toEqual(['as']);
    expect(firstWordsOf('{you|we} <tell>')).toEqual(['you', 'we']);
    expect(firstWordsOf("you've <forget>")).toEqual(['you']);
    expect(firstWordsOf('[ADV] wrong')).toBe(0);
    expect(firstWordsOf('already? sent')).toBe(0);
    expect(firstWordsOf('—')).toBe(-1);
  });

  it('gives the words a match needs besides its first', () => {
    expect(neededWordsOf('you should have <read>')).toEqual([['should'], ['have'], ['read', 'reads', 'reading']]);
    expect(neededWordsOf('as {i|we} {0-3} <tell|say>')).toEqual([['i', 'we'], expect.arrayContaining(['tell', 'said'])]);
    expect(neededWordsOf('you {really|just}? <forget>')).toEqual([['forget', 'forgets', 'forgot', 'forgotten', 'forgetting']]);
    expect(neededWordsOf('[ADV] wrong')).toEqual([['wrong']]);
  });

  it('finds the same hits as a matcher that compiles every pattern at once', () => {
    const doc = createDoc('t.md', fixtureText(), 'markdown', 'email');
    const index = JSON.parse(serialiseFirstWords(Object.fromEntries(TABLES.map((n) => [n, table(n)])))) as Record<string, Record<string, [readonly string[] | 0 | -1, string[][]?]>>;
    let total = 0;
    for (const name of TABLES) {
      const eager = new PatternMatcher<number>();
      const lazy = new PatternMatcher<number>();
      table(name).entries.forEach((entry, i) => {
        for (const p of entry.match) {
          eager.add(p, i);
          lazy.add(p, i, index[name][p][0], index[name][p][1]);
        }
      });
      expect(lazy.size).toBe(eager.size);
      for (const s of doc.sentences) {
        const run = { words: s.words, text: s.block.text };
        const a = eager.find(run).map((h) => [h.first.start, h.last.end, h.value, h.phrase]);
        const b = lazy.find(run).map((h) => [h.first.start, h.last.end, h.value, h.phrase]);
        expect(b).toEqual(a);
        total += a.length;
      }
    }
    expect(total).toBeGreaterThan(30);
  });
});

describe('words that are names on every object', () => {
  it('reads "constructor" and "toString" as plain words', () => {
    expect(expandWord('constructor')).toEqual([['constructor']]);
    expect(expandWord('tostring')).toEqual([['tostring']]);
    expect(formsOf('constructor')).toContain('constructors');
    const doc = createDoc('t.md', 'The constructor will call you. You should have read the valueOf note.', 'markdown', 'email');
    const m = new PatternMatcher<string>();
    m.add('you should have <read>', 'x');
    expect(doc.sentences.flatMap((s) => m.find({ words: s.words, text: s.block.text }).map((h) => h.phrase))).toEqual(['you should have <read>']);
  });
});
