/**
 * blame-language: wording that blames the customer ("you failed to", "as I
 * already said"). Data-driven from rules/blame-language.yml; only the reply's
 * own words count (never quotes, blockquotes, code or placeholders).
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { eachPhrase } from '../kinds/phrase-rule.js';

export default defineRule({
  id: 'blame-language',
  family: 'care',
  description: 'Wording that blames the customer ("you failed to", "as I already said")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    blame: "'{{actual}}' blames the customer: {{note}}",
  },
  check(doc, ctx) {
    eachPhrase(doc, 'blame-language', ({ sentence, hit, actual, suggestions }) => {
      // Alt text describes a screenshot; the words in it are not the reply's.
      if (sentence.block.kind === 'alt') return;
      ctx.report({
        messageId: 'blame',
        span: sentence.block.spanOf(hit.first.start, hit.last.end),
        data: { actual: actual.replace(/\s+/g, ' '), note: hit.value.note ?? 'say what happened and what to do next' },
        suggestions,
        context: sentence.span,
      });
    });
  },
});
