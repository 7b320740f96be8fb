/** Word tables for alt-text-quality, read from rules/alt-text-quality.yml once per process. */
import { table } from '../../lexicon/data.js';
import { normalise } from './hast.js';

export interface AltWords {
  /** Whole alt texts that say nothing ("image", "screenshot"). */
  meaningless: Map<string, string | undefined>;
  /** Openings that only repeat "image" ("photo of …"), longest first. */
  prefixes: { words: string[]; note?: string }[];
}

let cached: AltWords | undefined;

export function altWords(): AltWords {
  if (cached) return cached;
  const meaningless = new Map<string, string | undefined>();
  const prefixes: AltWords['prefixes'] = [];
  for (const e of table('alt-text-quality').entries) {
    for (const m of e.match) {
      const n = normalise(m);
      if (e.category === 'prefix') prefixes.push({ words: n.split(' '), note: e.note });
      else meaningless.set(n, e.note);
    }
  }
  prefixes.sort((a, b) => b.words.length - a.words.length);
  cached = { meaningless, prefixes };
  return cached;
}
