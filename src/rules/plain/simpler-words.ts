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
import { eachPhrase } from '../kinds/phrase-rule.js';
import { findLiterals, literalPhrases } from '../../lexicon/tables.js';
import { matchCase } from '../../lexicon/phrase-matcher.js';

const TABLE = 'simpler-words';

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
