/** Shared engine for data-driven rules (rules/<id>.yml): find each entry's phrases in the prose and report them. */
import type { Doc } from '../../document/document.js';
import type { Sentence } from '../../document/prose.js';
import type { PhraseEntry } from '../../lexicon/data.js';
import { matchCase, type PhraseHit } from '../../lexicon/phrase-matcher.js';
import { inException, tableMatcher } from '../../lexicon/tables.js';

export interface PhraseReport {
  sentence: Sentence;
  hit: PhraseHit<PhraseEntry>;
  /** The matched text as written. */
  actual: string;
  /** Replacements, cased like the original. */
  suggestions: string[];
}

/** Runs a table over every sentence, skipping quoted words, masked words and exceptions. */
export function eachPhrase(doc: Doc, name: string, fn: (r: PhraseReport) => void, opts: { filter?: (e: PhraseEntry) => boolean; skipQuotes?: boolean; skipQuotedWords?: boolean; exceptions?: boolean } = {}): void {
  const matcher = tableMatcher(name, { filter: opts.filter });
  for (const sentence of doc.sentences) {
    if (opts.skipQuotes !== false && sentence.block.quote) continue;
    for (const hit of matcher.find(sentence, { skipQuoted: opts.skipQuotedWords !== false })) {
      if (opts.exceptions !== false && inException(sentence, hit)) continue;
      const actual = sentence.block.text.slice(hit.first.start, hit.last.end);
      const suggestions = (hit.value.replace ?? []).map((r) => matchCase(r, actual));
      fn({ sentence, hit, actual, suggestions });
    }
  }
}

/**
 * Hits to report, each with how many uses of its entry the file has. With `onePerFile`
 * (policies: a repeated term is one finding) only the first hit of each entry is kept and
 * `counted` says the finding stands for several uses.
 */
export function perEntry<H extends { entry: PhraseEntry }>(hits: readonly H[], onePerFile: boolean): { hit: H; count: number; counted: boolean }[] {
  const counts = new Map<PhraseEntry, number>();
  for (const h of hits) counts.set(h.entry, (counts.get(h.entry) ?? 0) + 1);
  const seen = new Set<PhraseEntry>();
  const out: { hit: H; count: number; counted: boolean }[] = [];
  for (const hit of hits) {
    const count = counts.get(hit.entry) ?? 1;
    if (!onePerFile) {
      out.push({ hit, count, counted: false });
      continue;
    }
    if (seen.has(hit.entry)) continue;
    seen.add(hit.entry);
    out.push({ hit, count, counted: count > 1 });
  }
  return out;
}
