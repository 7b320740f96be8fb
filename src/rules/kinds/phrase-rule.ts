/** Shared engine for data-driven rules (rules/<id>.yml): find each entry's phrases in the prose and report them. */
import type { Doc } from '../../document/document.js';
import type { Sentence } from '../../document/prose.js';
import type { RuleContext } from '../define-rule.js';
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
export function eachPhrase(doc: Doc, name: string, fn: (r: PhraseReport) => void, opts: { filter?: (e: PhraseEntry) => boolean; skipQuotes?: boolean } = {}): void {
  const matcher = tableMatcher(name, { filter: opts.filter });
  for (const sentence of doc.sentences) {
    if (opts.skipQuotes !== false && sentence.block.quote) continue;
    for (const hit of matcher.find(sentence)) {
      if (inException(sentence, hit)) continue;
      const actual = sentence.block.text.slice(hit.first.start, hit.last.end);
      const suggestions = (hit.value.replace ?? []).map((r) => matchCase(r, actual));
      fn({ sentence, hit, actual, suggestions });
    }
  }
}

