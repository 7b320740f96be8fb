/**
 * jargon: legalese ("herein", "pursuant to", "shall") and corporate jargon
 * ("leverage", "touch base") from rules/jargon.yml, plus the config's
 * `vocabulary.reject` terms, which are always flagged.
 *
 * Policies are full of legalese: in the policy channel each table term is
 * reported once per file, at its first use, with the number of uses, so a
 * terms-of-service page gets one "shall" finding that says "used 37 times",
 * not 37 findings that bury everything else. Rejected terms are the team's own
 * decision and are reported every time.
 */
import { defineRule } from '../define-rule.js';
import type { PhraseEntry } from '../../lexicon/data.js';
import { eachPhrase, perEntry } from '../kinds/phrase-rule.js';
import { findLiterals, literalPhrases } from '../../lexicon/tables.js';
import { matchCase, PhraseMatcher } from '../../lexicon/phrase-matcher.js';
import type { Sentence } from '../../document/prose.js';
import type { Span } from '../../types.js';

const TABLE = 'jargon';

interface Options {
  /** Report each table term once per file (first use, with a count) instead of every use. */
  onePerFile: boolean;
}

interface Hit {
  sentence: Sentence;
  span: Span;
  /** Block offsets of the match. */
  from: number;
  to: number;
  actual: string;
  entry: PhraseEntry;
  suggestions: string[];
}

/** "leverage means…", "What is leverage?", "…indemnify us. This means you cover our costs." */
const MEANS = new Set(['means', 'meaning', 'refers', 'describes']);
const BACK_REFS = new Set(['this', 'that', 'it', 'which']);

function definedTerms(sentences: readonly Sentence[], hits: readonly Hit[]): Set<PhraseEntry> {
  const out = new Set<PhraseEntry>();
  if (!hits.length) return out;
  const index = new Map<Sentence, number>();
  sentences.forEach((x, i) => index.set(x, i));
  for (const h of hits) {
    const w = h.sentence.words;
    const first = w.findIndex((x) => x.start >= h.from);
    const lastWord = w.findIndex((x) => x.end >= h.to);
    const a = first === -1 ? 0 : first;
    const b = lastWord === -1 ? w.length - 1 : lastWord;
    const nextWords = w.slice(b + 1, b + 3).map((x) => x.lower);
    const prevWords = w.slice(Math.max(0, a - 2), a).map((x) => x.lower);
    let yes = MEANS.has(nextWords[0] ?? '') || (nextWords[0] === 'is' && ['when', 'a', 'an', 'the', 'how'].includes(nextWords[1] ?? ''));
    yes ||= prevWords.join(' ') === 'what is' || prevWords.join(' ') === 'what does' || prevWords[prevWords.length - 1] === "what's";
    if (!yes) {
      // The next sentence explains it: "You agree to indemnify us. This means you cover our costs."
      const i = index.get(h.sentence);
      const next = i === undefined ? undefined : sentences[i + 1];
      if (next && next.block === h.sentence.block) {
        const n = next.words.slice(0, 3).map((x) => x.lower);
        yes = (BACK_REFS.has(n[0] ?? '') && MEANS.has(n[1] ?? '')) || (n[0] === 'in' && n[1] === 'other' && n[2] === 'words');
      }
    }
    if (yes) out.add(h.entry);
  }
  return out;
}

/** A capital in mid-sentence: a product or a defined term ("the Synergy Pro mouse"). */
function isName(h: Hit): boolean {
  const w = h.sentence.words;
  const i = w.findIndex((x) => x.start === h.from);
  return i > 0 && /^\p{Lu}/u.test(w[i].text) && !/^\p{Lu}+$/u.test(w[i].text);
}

const rejectMatchers = new Map<string, PhraseMatcher<string>>();

function rejectMatcher(terms: readonly string[]): PhraseMatcher<string> {
  const key = terms.join('\0');
  let m = rejectMatchers.get(key);
  if (!m) {
    m = new PhraseMatcher<string>();
    for (const t of terms) m.add(t, t);
    rejectMatchers.set(key, m);
  }
  return m;
}

export default defineRule<Options>({
  id: 'jargon',
  family: 'plain',
  description: 'Legalese, corporate jargon and the config’s rejected terms',
  defaultSeverity: 'warning',
  channels: 'all',
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  acceptsVocabulary: true,
  options: {
    type: 'object',
    properties: { onePerFile: { type: 'boolean' } },
    additionalProperties: false,
  },
  defaults: { onePerFile: false },
  channelDefaults: { policy: { onePerFile: true } },
  messages: {
    swap: "'{{actual}}' is {{category}}: use {{expected}}",
    drop: "'{{actual}}' is {{category}}: say it in plain words",
    swapCounted: "'{{actual}}' is {{category}} (used {{count}} times in this file): use {{expected}}",
    dropCounted: "'{{actual}}' is {{category}} (used {{count}} times in this file): say it in plain words",
    rejected: "'{{actual}}' is on your team's list of words to avoid: reword it",
  },
  check(doc, ctx) {
    // The team's own list first; a table term on it is reported once, as rejected.
    const rejected = new Set<string>();
    const reject = ctx.settings.vocabulary.reject;
    if (reject.length) {
      const matcher = rejectMatcher(reject);
      for (const sentence of doc.sentences) {
        if (sentence.block.quote) continue;
        for (const hit of matcher.find(sentence)) {
          const span = sentence.block.spanOf(hit.first.start, hit.last.end);
          rejected.add(`${span.start}:${span.end}`);
          ctx.report({ messageId: 'rejected', span, data: { actual: sentence.block.text.slice(hit.first.start, hit.last.end) }, context: sentence.span });
        }
      }
    }

    const hits: Hit[] = [];
    eachPhrase(doc, TABLE, ({ sentence, hit, actual, suggestions }) => {
      hits.push({ sentence, span: sentence.block.spanOf(hit.first.start, hit.last.end), from: hit.first.start, to: hit.last.end, actual, entry: hit.value, suggestions });
    });
    const literals = literalPhrases(TABLE);
    if (literals.length) {
      for (const sentence of doc.sentences) {
        if (sentence.block.quote) continue;
        for (const h of findLiterals(sentence, literals)) {
          const actual = sentence.block.text.slice(h.start, h.end);
          hits.push({ sentence, span: sentence.block.spanOf(h.start, h.end), from: h.start, to: h.end, actual, entry: h.entry, suggestions: (h.entry.replace ?? []).map((r) => matchCase(r, actual)) });
        }
      }
      hits.sort((a, b) => a.span.start - b.span.start);
    }

    // A capital in mid-sentence is a name ("the Synergy Pro mouse"); a term the file defines is the reader's to learn.
    const defined = definedTerms(doc.sentences, hits);
    const kept = hits.filter((h) => !rejected.has(`${h.span.start}:${h.span.end}`) && !defined.has(h.entry) && !isName(h));
    for (const { hit: h, count, counted } of perEntry(kept, Boolean(ctx.options.onePerFile))) {
      const category = typeof h.entry.category === 'string' ? h.entry.category : 'jargon';
      const base = h.suggestions.length ? 'swap' : 'drop';
      ctx.report({
        messageId: counted ? `${base}Counted` : base,
        span: h.span,
        data: { actual: h.actual, category, expected: h.suggestions.map((s) => `'${s}'`).join(' or '), count },
        suggestions: h.suggestions,
        context: h.sentence.span,
      });
    }
  },
});
