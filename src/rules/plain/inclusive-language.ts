/**
 * inclusive-language: gendered, ableist or othering words, and assumptions
 * about families, titles and holidays.
 *
 * Built on retext-equality's reviewed pattern list (each pattern has its own
 * note and source), matched on the shared prose model the way retext-equality
 * matches: case-insensitive unless a phrase has capitals, apostrophes and
 * hyphens ignored ("able-bodied" = "ablebodied"), and a gendered pair written
 * together ("chairman or chairwoman") is fine. rules/inclusive-language.yml
 * says which patterns and phrases we leave out (with the reason found on
 * help-centre text) and adds support-specific entries ("Dear Sir", "your
 * husband", "Merry Christmas", "his or her").
 */
import { defineRule } from '../define-rule.js';
import { table, vendorLists, type PhraseEntry } from '../../lexicon/data.js';
import { inException, findLiterals, literalPhrases } from '../../lexicon/tables.js';
import { matchCase, PhraseMatcher, type PhraseHit } from '../../lexicon/phrase-matcher.js';
import type { Sentence } from '../../document/prose.js';

const TABLE = 'inclusive-language';

interface EqualityPattern {
  id: string;
  type: 'basic' | 'or';
  categories: string[];
  considerate?: Record<string, string>;
  inconsiderate: Record<string, string>;
  note?: string;
  apostrophe?: boolean;
}


/** One phrase to find, from retext-equality or from our table. */
interface Entry extends PhraseEntry {
  /** retext-equality pattern id (pairs are judged per pattern). */
  pattern?: string;
  /** Gender category within an `or` pattern. */
  category?: string;
  from: 'retext-equality' | 'plainspoke';
}

/** retext-equality's normalisation: lower case, no apostrophes, no hyphens. */
function norm(s: string): string {
  return s.toLowerCase().replace(/[’']/g, '').replace(/-/g, '');
}

interface SkipList {
  skip?: { id: string | string[] }[];
  skipPhrases?: { match: string | string[] }[];
}

let compiled: PhraseMatcher<Entry> | undefined;

function matcher(): PhraseMatcher<Entry> {
  if (compiled) return compiled;
  const m = new PhraseMatcher<Entry>();
  const data = table(TABLE);
  const add = (phrase: string, entry: Entry) => {
    const exact = phrase !== phrase.toLowerCase();
    const words = phrase.split(/\s+/).filter(Boolean);
    const key = exact ? phrase : words.map(norm).join(' ');
    m.add(key, entry, exact);
    // "wheelchair bound" is also written "wheelchair-bound", one word once hyphens go.
    if (!exact && words.length === 2) m.add(words.map(norm).join(''), entry);
  };
  // Our own entries first, so they win where both lists have a phrase.
  for (const e of data.entries) {
    for (const phrase of e.match) if (!/[^\p{L}\p{N}\s'’-]/u.test(phrase)) add(phrase, { ...e, from: 'plainspoke' });
  }
  const skips = (data['retext-equality'] ?? {}) as SkipList;
  const skipIds = new Set((skips.skip ?? []).flatMap((s) => (Array.isArray(s.id) ? s.id : [s.id])));
  const skipPhrases = new Set((skips.skipPhrases ?? []).flatMap((s) => (Array.isArray(s.match) ? s.match : [s.match])).map((p) => p.split(/\s+/).map(norm).join(' ')));
  // retext-equality's own list, read from the installed package at build time (same version, same words).
  for (const p of vendorLists().equality as EqualityPattern[]) {
    if (skipIds.has(p.id)) continue;
    const replace = Object.keys(p.considerate ?? {}).slice(0, 3);
    for (const [phrase, category] of Object.entries(p.inconsiderate)) {
      if (phrase.includes('*') || /[^\p{L}\p{N}\s'’-]/u.test(phrase)) continue;
      if (skipPhrases.has(phrase.split(/\s+/).map(norm).join(' '))) continue;
      add(phrase, { match: [phrase], replace, note: p.note, pattern: p.id, category, from: 'retext-equality', source: 'https://github.com/retextjs/retext-equality' });
    }
  }
  compiled = m;
  return m;
}

/** The sentence as retext-equality sees it: words normalised, positions unchanged. */
function normalised(sentence: Sentence): Sentence {
  return { ...sentence, words: sentence.words.map((w) => ({ ...w, lower: norm(w.lower) })) };
}

/** "chairman or chairwoman", "actor/actress": both sides named, nobody left out. */
function pairedHits(sentence: Sentence, hits: PhraseHit<Entry>[]): Set<PhraseHit<Entry>> {
  const paired = new Set<PhraseHit<Entry>>();
  const text = sentence.block.text;
  for (let i = 0; i + 1 < hits.length; i++) {
    const a = hits[i];
    const b = hits[i + 1];
    if (!a.value.pattern || a.value.pattern !== b.value.pattern || a.value.category === b.value.category) continue;
    const gap = text.slice(a.last.end, b.first.start).toLowerCase().trim();
    if (gap === '/' || gap === 'or' || gap === 'and' || gap === ', or' || gap === ', and') {
      paired.add(a);
      paired.add(b);
    }
  }
  return paired;
}

export default defineRule({
  id: 'inclusive-language',
  family: 'plain',
  description: 'Gendered, ableist or othering words, and assumptions about family, titles and holidays',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    swap: "'{{actual}}' may exclude some readers: use {{expected}}",
    reword: "'{{actual}}' may exclude some readers: reword it",
  },
  check(doc, ctx) {
    const m = matcher();
    const literals = literalPhrases(TABLE);
    for (const sentence of doc.sentences) {
      // Quoted mail and customer words are not the writer's to change.
      if (sentence.block.quote) continue;
      const hits = m.find(normalised(sentence));
      const paired = pairedHits(sentence, hits);
      const found: { start: number; end: number; entry: PhraseEntry; source: string }[] = [];
      for (const hit of hits) {
        if (paired.has(hit) || inException(sentence, hit)) continue;
        found.push({ start: hit.first.start, end: hit.last.end, entry: hit.value, source: hit.value.from });
      }
      for (const h of findLiterals(sentence, literals)) {
        if (found.some((f) => f.start < h.end && h.start < f.end)) continue;
        found.push({ ...h, source: 'plainspoke' });
      }
      for (const f of found) {
        const actual = sentence.block.text.slice(f.start, f.end);
        const suggestions = (f.entry.replace ?? []).map((r) => matchCase(r, actual));
        ctx.report({
          messageId: suggestions.length ? 'swap' : 'reword',
          span: sentence.block.spanOf(f.start, f.end),
          data: { actual, expected: suggestions.map((s) => `'${s}'`).join(' or ') },
          suggestions,
          context: sentence.span,
          ...(f.source === 'retext-equality' ? { source: 'retext-equality' } : {}),
        });
      }
    }
  },
});
