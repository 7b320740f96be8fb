import { describe, expect, it } from 'vitest';
import { entriesOf, readTablesFromYaml, serialiseTable, tableFromLine, type PhraseTable } from '../src/lexicon/data.js';

const entryAt = (t: PhraseTable, i: number) => entriesOf(t).at(i);

// Issue 19: dist/rule-data.json writes each table's entries apart, so a run parses only the entries it uses.
const ascii = (json: string) => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('table entries parsed one at a time', () => {
  const tables = readTablesFromYaml();

  it('writes every table as JSON that reads back the same', () => {
    for (const [name, t] of Object.entries(tables)) expect(JSON.parse(serialiseTable(t, ascii)), name).toEqual(t);
  });

  it('gives each entry by index, the same object every time, and the whole list as the table has it', () => {
    for (const name of ['jargon', 'simpler-words', 'inclusive-language']) {
      const t = tables[name];
      const lazy = tableFromLine(Buffer.from(serialiseTable(t, ascii)))!;
      expect(lazy, name).toBeDefined();
      const { entries: _, ...rest } = t;
      for (const [k, v] of Object.entries(rest)) expect(lazy[k], `${name}.${k}`).toEqual(v);
      expect(lazy.kind).toBe(t.kind);
      // Some entries first (as a one-file run reads them), then the whole list.
      const seen = new Map<number, unknown>();
      for (const i of [t.entries.length - 1, 0, 7]) {
        const e = entryAt(lazy, i);
        expect(e, `${name}[${i}]`).toEqual(t.entries[i]);
        seen.set(i, e);
        expect(entryAt(lazy, i)).toBe(e);
      }
      const all = lazy.entries;
      expect(all).toEqual(t.entries);
      for (const [i, e] of seen) expect(all[i]).toBe(e);
      expect(lazy.entries).toBe(all);
    }
  });

  it('parses the whole list at once when no entry was read first', () => {
    const t = tables.jargon;
    const lazy = tableFromLine(Buffer.from(serialiseTable(t, ascii)))!;
    expect(lazy.entries).toEqual(t.entries);
    expect(entryAt(lazy, 3)).toBe(lazy.entries[3]);
  });

  it('keeps a table with no entries, or a line in another layout, whole', () => {
    const empty: PhraseTable = { kind: 'list', entries: [] };
    expect(JSON.parse(serialiseTable(empty))).toEqual(empty);
    expect(tableFromLine(Buffer.from(serialiseTable(empty)))).toBeUndefined();
    expect(tableFromLine(Buffer.from(JSON.stringify(tables.jargon)))).toBeUndefined();
  });
});
