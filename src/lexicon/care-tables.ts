/**
 * Care pattern tables: rules/<name>.yml entries whose `match` phrases are
 * grammar-aware patterns (src/lexicon/care-patterns.ts), compiled once per
 * process and only when a care rule or the care rubric first asks, so
 * articles, policies and one-file hooks never pay for them. An entry may list
 * `unless` patterns: a hit that overlaps one of them is not a hit ("you
 * should have received" is not hindsight). An entry may list `needs`
 * patterns: a hit counts only when one of them also matches elsewhere in the
 * same line ("if you had read it" is hindsight only with a "would"/"could"
 * clause beside it: "if you had read it, you'd have seen the date");
 * `after` patterns must match later in the line than the hit. An
 * entry may list `avoid` patterns: a hit does not count when one of them
 * matches anywhere in the same line ("you entered the wrong date" is blame;
 * "we showed the wrong date, so you entered it" is not).
 *
 * A table with `entriesApart: true` matches each guarded entry on its own, so
 * a hit that its entry's `unless` (or `needs`, `avoid`, `after`) throws out
 * never hides a shorter hit of another entry at the same words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, runningFromSource } from '../util/package-root.js';
import { table, type PhraseEntry, type PhraseTable } from './data.js';
import { firstWordsOf, neededWordsOf, PatternMatcher, type FirstWords, type PatternHit, type WordRun } from './care-patterns.js';

/**
 * The first words of every care pattern, made at build time by the pattern compiler itself
 * (scripts/build-rule-data.mjs): a run files each pattern under them and compiles it only when a
 * line holds one (issue 19: compiling the care tables took about 0.3 s of a one-reply run). One table
 * per line, parsed when the table is first used. Not read when running from source, where the YAML
 * or the compiler may have changed since the build.
 */
export const FIRST_WORDS_FILE = 'care-first-words.json';

/** A pattern → its first words and, when it has any, the word sets it needs (neededWordsOf()). */
type FirstWordIndex = Map<string, [FirstWords, string[][]?]>;

/** Pattern syntax: a gap, a group, verb forms, a word class or a line start. */
const PATTERN_SIGN = /[{<[^]/;

/**
 * The FIRST_WORDS_FILE text for the care tables among these: those with pattern syntax, whose every pattern
 * compiles. Any other table stays out and, if a run matches it as patterns, is compiled at run time as before.
 */
export function serialiseFirstWords(tables: Record<string, PhraseTable>): string {
  const lines: string[] = [];
  for (const [name, t] of Object.entries(tables)) {
    if (!t.entries.some((e) => e.match.some((p) => PATTERN_SIGN.test(p)))) continue;
    const index: FirstWordIndex = new Map();
    try {
      for (const entry of t.entries) {
        for (const key of ['match', 'unless', 'needs', 'avoid', 'after'] as const) {
          const list = entry[key];
          if (!Array.isArray(list)) continue;
          for (const p of list) if (typeof p === 'string' && !index.has(p)) {
            const first = firstWordsOf(p);
            const need = first === -1 ? [] : neededWordsOf(p);
            index.set(p, need.length ? [first, need] : [first]);
          }
        }
      }
    } catch {
      continue;
    }
    lines.push(`${JSON.stringify(name)}:${JSON.stringify(Object.fromEntries(index))}`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Lines of FIRST_WORDS_FILE by table (a string is a line not parsed yet); null when there is none. */
let firstWordLines: Map<string, string | FirstWordIndex> | null | undefined;

/** The arguments PatternMatcher.add() takes after the value, from the index (none without one). */
function known(index: FirstWordIndex | undefined, pattern: string): [FirstWords?, string[][]?] {
  const k = index?.get(pattern);
  return k ? [k[0], k[1]] : [];
}

function firstWordIndex(name: string): FirstWordIndex | undefined {
  if (firstWordLines === undefined) {
    firstWordLines = null;
    if (!runningFromSource) {
      try {
        const text = readFileSync(join(packageRoot, 'dist', FIRST_WORDS_FILE), 'utf8');
        const lines = new Map<string, string | FirstWordIndex>();
        for (const raw of text.split('\n')) {
          if (!raw.startsWith('"')) continue;
          const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
          const colon = line.indexOf('":');
          lines.set(JSON.parse(line.slice(0, colon + 1)) as string, line.slice(colon + 2));
        }
        firstWordLines = lines;
      } catch {
        firstWordLines = null;
      }
    }
  }
  const v = firstWordLines?.get(name);
  if (typeof v !== 'string') return v;
  const index: FirstWordIndex = new Map(Object.entries(JSON.parse(v) as Record<string, [FirstWords, string[][]?]>));
  firstWordLines!.set(name, index);
  return index;
}

/**
 * The filter patterns of one entry, each in its own matcher: one filter's hit
 * never hides another's ("if you'd like" must not hide "like to be more
 * careful"). Only run when the entry has a hit, so the cost stays small.
 */
class Filter {
  private readonly matchers: PatternMatcher<PhraseEntry>[] = [];
  constructor(patterns: readonly unknown[], entry: PhraseEntry, index: FirstWordIndex | undefined) {
    for (const p of patterns) {
      if (typeof p !== 'string') continue;
      const m = new PatternMatcher<PhraseEntry>();
      m.add(p, entry, ...known(index, p));
      this.matchers.push(m);
    }
  }
  compileAll(): void {
    for (const m of this.matchers) m.compileAll();
  }
  find(run: WordRun): PatternHit<PhraseEntry>[] {
    return this.matchers.flatMap((m) => m.find(run));
  }
}

interface Entry {
  matcher: PatternMatcher<PhraseEntry>;
  unless: Map<PhraseEntry, Filter>;
  needs: Map<PhraseEntry, Filter>;
  avoid: Map<PhraseEntry, Filter>;
  after: Map<PhraseEntry, Filter>;
  /** With `entriesApart`: the entries with no filter, together, and each guarded entry alone. */
  apart?: { plain: PatternMatcher<PhraseEntry>; guarded: PatternMatcher<PhraseEntry>[] };
}

const compiled = new Map<string, Entry>();

function build(name: string, category: string | undefined): Entry {
  const key = `${name}#${category ?? ''}`;
  let e = compiled.get(key);
  if (!e) {
    e = { matcher: new PatternMatcher<PhraseEntry>(), unless: new Map(), needs: new Map(), avoid: new Map(), after: new Map() };
    const index = firstWordIndex(name);
    for (const entry of table(name).entries) {
      if (category !== undefined && entry.category !== category) continue;
      for (const p of entry.match) e.matcher.add(p, entry, ...known(index, p));
      for (const key of ['unless', 'needs', 'avoid', 'after'] as const) {
        const list = entry[key];
        if (Array.isArray(list) && list.length) e[key].set(entry, new Filter(list, entry, index));
      }
    }
    if (table(name).entriesApart === true) {
      const apart = { plain: new PatternMatcher<PhraseEntry>(), guarded: [] as PatternMatcher<PhraseEntry>[] };
      for (const entry of table(name).entries) {
        if (category !== undefined && entry.category !== category) continue;
        const guarded = e.unless.has(entry) || e.needs.has(entry) || e.avoid.has(entry) || e.after.has(entry);
        const m = guarded ? new PatternMatcher<PhraseEntry>() : apart.plain;
        for (const p of entry.match) m.add(p, entry, ...known(index, p));
        if (guarded) apart.guarded.push(m);
      }
      e.apart = apart;
    }
    compiled.set(key, e);
  }
  return e;
}

/** Hits of a table (or one `category` of it) in a run of words, minus those inside an `unless` pattern, missing a `needs` pattern or beside an `avoid` one. */
export function patternHits(name: string, run: WordRun, category?: string): PatternHit<PhraseEntry>[] {
  const e = build(name, category);
  if (e.apart) return apartHits(e, e.apart, run);
  const hits = e.matcher.find(run);
  if (!hits.length || (!e.unless.size && !e.needs.size && !e.avoid.size && !e.after.size)) return hits;
  return hits.filter((h) => keep(e, h, run));
}

const overlaps = (x: PatternHit<PhraseEntry>, h: PatternHit<PhraseEntry>) => x.first.start <= h.last.start && h.first.start <= x.last.start;

/** Each guarded entry matched alone and filtered, then all hits merged: leftmost first, the longest at a start, never overlapping. */
function apartHits(e: Entry, apart: NonNullable<Entry['apart']>, run: WordRun): PatternHit<PhraseEntry>[] {
  const all = apart.plain.find(run);
  for (const m of apart.guarded) for (const h of m.find(run)) if (keep(e, h, run)) all.push(h);
  if (all.length < 2) return all;
  all.sort((a, b) => a.first.start - b.first.start || b.last.start - a.last.start);
  const out: PatternHit<PhraseEntry>[] = [];
  for (const h of all) if (!out.length || !overlaps(out[out.length - 1], h)) out.push(h);
  return out;
}

/** Whether a hit survives its entry's `unless`, `avoid`, `needs` and `after` patterns. */
function keep(e: Entry, h: PatternHit<PhraseEntry>, run: WordRun): boolean {
  const u = e.unless.get(h.value);
  if (u && u.find(run).some((x) => overlaps(x, h))) return false;
  const a = e.avoid.get(h.value);
  if (a && a.find(run).length) return false;
  const n = e.needs.get(h.value);
  if (n && !n.find(run).some((x) => !overlaps(x, h))) return false;
  const f = e.after.get(h.value);
  return !f || f.find(run).some((x) => x.first.start > h.last.start);
}

/** Compiles every pattern of a table, throwing on the first bad one (tests and `rules` validation). */
export function compileTable(name: string): number {
  const e = build(name, undefined);
  e.matcher.compileAll();
  for (const key of ['unless', 'needs', 'avoid', 'after'] as const) for (const f of e[key].values()) f.compileAll();
  return e.matcher.size;
}
