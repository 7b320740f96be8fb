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
import { table, type PhraseEntry } from './data.js';
import { PatternMatcher, type PatternHit, type WordRun } from './care-patterns.js';

/**
 * The filter patterns of one entry, each in its own matcher: one filter's hit
 * never hides another's ("if you'd like" must not hide "like to be more
 * careful"). Only run when the entry has a hit, so the cost stays small.
 */
class Filter {
  private readonly matchers: PatternMatcher<PhraseEntry>[] = [];
  constructor(patterns: readonly unknown[], entry: PhraseEntry) {
    for (const p of patterns) {
      if (typeof p !== 'string') continue;
      const m = new PatternMatcher<PhraseEntry>();
      m.add(p, entry);
      this.matchers.push(m);
    }
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
    for (const entry of table(name).entries) {
      if (category !== undefined && entry.category !== category) continue;
      for (const p of entry.match) e.matcher.add(p, entry);
      for (const key of ['unless', 'needs', 'avoid', 'after'] as const) {
        const list = entry[key];
        if (Array.isArray(list) && list.length) e[key].set(entry, new Filter(list, entry));
      }
    }
    if (table(name).entriesApart === true) {
      const apart = { plain: new PatternMatcher<PhraseEntry>(), guarded: [] as PatternMatcher<PhraseEntry>[] };
      for (const entry of table(name).entries) {
        if (category !== undefined && entry.category !== category) continue;
        const guarded = e.unless.has(entry) || e.needs.has(entry) || e.avoid.has(entry) || e.after.has(entry);
        const m = guarded ? new PatternMatcher<PhraseEntry>() : apart.plain;
        for (const p of entry.match) m.add(p, entry);
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
  return build(name, undefined).matcher.size;
}
