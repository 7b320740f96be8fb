/**
 * simpler-words: a word or phrase with a plainer twin ("utilize" → "use",
 * "in order to" → "to"), from the curated table rules/simpler-words.yml.
 * Only entries marked `fix: safe` are applied by --fix; the rest are
 * suggestions, because the right word depends on the sentence.
 *
 * A match written with a capital in mid-sentence is a name or a defined
 * term ("the Modification" in a contract) and is left alone.
 *
 * The shared phrase matcher works on words, so table phrases that hold
 * punctuation ("e.g.", "and/or") are found here by their literal text, still
 * never inside code, placeholders, URLs or quotes.
 */
import { defineRule } from '../define-rule.js';
import { table, type PhraseEntry } from '../data.js';
import { eachPhrase } from '../kinds/phrase-rule.js';
import { matchCase } from '../kinds/phrase-matcher.js';
import type { Sentence } from '../../document/prose.js';

const TABLE = 'simpler-words';

export interface LiteralPhrase {
  phrase: string;
  entry: PhraseEntry;
}

/** Table phrases the word matcher cannot see: they hold punctuation inside or at the end ("e.g.", "and/or"). */
export function literalPhrases(name: string): LiteralPhrase[] {
  const out: LiteralPhrase[] = [];
  for (const entry of table(name).entries) {
    for (const phrase of entry.match) if (/[^\p{L}\p{N}\s'’-]/u.test(phrase)) out.push({ phrase: phrase.toLowerCase(), entry });
  }
  return out;
}

/** Literal hits in a sentence (block offsets), at word boundaries, never on masked or quoted words. */
export function findLiterals(sentence: Sentence, list: readonly LiteralPhrase[]): { start: number; end: number; entry: PhraseEntry }[] {
  const text = sentence.block.text;
  const lower = text.toLowerCase();
  const hits: { start: number; end: number; entry: PhraseEntry }[] = [];
  for (const { phrase, entry } of list) {
    let i = lower.indexOf(phrase, sentence.start);
    while (i !== -1 && i + phrase.length <= sentence.end) {
      const end = i + phrase.length;
      const before = i > 0 ? lower[i - 1] : ' ';
      const after = end < lower.length ? lower[end] : ' ';
      const bounded = !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
      const touched = sentence.words.filter((w) => w.start < end && i < w.end);
      if (bounded && touched.length && !touched.some((w) => w.masked || w.quoted)) hits.push({ start: i, end, entry });
      i = lower.indexOf(phrase, i + 1);
    }
  }
  return hits;
}

export default defineRule({
  id: 'simpler-words',
  family: 'plain',
  description: 'A word or phrase with a plainer alternative',
  // A plainer word is a suggestion, not a defect: info keeps CI green; plainspoke:strict raises it.
  defaultSeverity: 'info',
  channels: 'all',
  fixable: true,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    simpler: "Use {{expected}} instead of '{{actual}}'",
  },
  check(doc, ctx) {
    eachPhrase(doc, TABLE, ({ sentence, hit, actual, suggestions }) => {
      // A capital in mid-sentence marks a name or a defined term ("the Modification", "Termination Assistance"):
      // swapping it would break the definition.
      if (sentence.words.indexOf(hit.first) > 0 && /^\p{Lu}/u.test(hit.first.text)) return;
      const span = sentence.block.spanOf(hit.first.start, hit.last.end);
      ctx.report({
        messageId: 'simpler',
        span,
        data: { actual, expected: suggestions.map((x) => `'${x}'`).join(' or ') },
        suggestions,
        ...(hit.value.fix === 'safe' && suggestions.length ? { fix: { span, text: suggestions[0] } } : {}),
        context: sentence.span,
      });
    });
    const list = literalPhrases(TABLE);
    if (!list.length) return;
    for (const sentence of doc.sentences) {
      if (sentence.block.quote) continue;
      for (const hit of findLiterals(sentence, list)) {
        const actual = sentence.block.text.slice(hit.start, hit.end);
        const suggestions = (hit.entry.replace ?? []).map((r) => matchCase(r, actual));
        const span = sentence.block.spanOf(hit.start, hit.end);
        ctx.report({
          messageId: 'simpler',
          span,
          data: { actual, expected: suggestions.map((s) => `'${s}'`).join(' or ') },
          suggestions,
          ...(hit.entry.fix === 'safe' && suggestions.length ? { fix: { span, text: suggestions[0] } } : {}),
          context: sentence.span,
        });
      }
    }
  },
});
