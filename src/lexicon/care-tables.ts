/**
 * Care pattern tables: rules/<name>.yml entries whose `match` phrases are
 * grammar-aware patterns (src/lexicon/care-patterns.ts), compiled once per
 * process and only when a care rule or the care rubric first asks, so
 * articles, policies and one-file hooks never pay for them. An entry may list
 * `unless` patterns: a hit that overlaps one of them is not a hit ("you
 * should have received" is not hindsight).
 */
import { table, type PhraseEntry } from './data.js';
import { PatternMatcher, type PatternHit, type WordRun } from './care-patterns.js';

interface Entry {
  matcher: PatternMatcher<PhraseEntry>;
  unless: Map<PhraseEntry, PatternMatcher<PhraseEntry>>;
}

const compiled = new Map<string, Entry>();

function build(name: string, category: string | undefined): Entry {
  const key = `${name}#${category ?? ''}`;
  let e = compiled.get(key);
  if (!e) {
    e = { matcher: new PatternMatcher<PhraseEntry>(), unless: new Map() };
    for (const entry of table(name).entries) {
      if (category !== undefined && entry.category !== category) continue;
      for (const p of entry.match) e.matcher.add(p, entry);
      const unless = entry.unless;
      if (Array.isArray(unless) && unless.length) {
        const m = new PatternMatcher<PhraseEntry>();
        for (const p of unless) if (typeof p === 'string') m.add(p, entry);
        e.unless.set(entry, m);
      }
    }
    compiled.set(key, e);
  }
  return e;
}

/** Hits of a table (or one `category` of it) in a run of words, minus those inside an `unless` pattern. */
export function patternHits(name: string, run: WordRun, category?: string): PatternHit<PhraseEntry>[] {
  const e = build(name, category);
  const hits = e.matcher.find(run);
  if (!hits.length || !e.unless.size) return hits;
  return hits.filter((h) => {
    const u = e.unless.get(h.value);
    if (!u) return true;
    return !u.find(run).some((x) => x.first.start <= h.last.start && h.first.start <= x.last.start);
  });
}

/** Compiles every pattern of a table, throwing on the first bad one (tests and `rules` validation). */
export function compileTable(name: string): number {
  return build(name, undefined).matcher.size;
}
