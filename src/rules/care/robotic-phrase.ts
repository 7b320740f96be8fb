/**
 * robotic-phrase: stock phrases that sound like a script ("we apologize for
 * any inconvenience", "your call is important to us"). Data-driven from
 * rules/robotic-phrase.yml; quotes, blockquotes, code and placeholders never match.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { eachPhrase } from '../kinds/phrase-rule.js';

export default defineRule({
  id: 'robotic-phrase',
  family: 'care',
  description: 'Stock phrases that sound like a script ("your call is important to us")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    robotic: "'{{actual}}' sounds like a script: {{note}}",
  },
  check(doc, ctx) {
    eachPhrase(doc, 'robotic-phrase', ({ sentence, hit, actual, suggestions }) => {
      // Alt text describes a screenshot; the words in it are not the reply's.
      if (sentence.block.kind === 'alt') return;
      ctx.report({
        messageId: 'robotic',
        span: sentence.block.spanOf(hit.first.start, hit.last.end),
        data: { actual: actual.replace(/\s+/g, ' '), note: hit.value.note ?? 'say it in your own words' },
        suggestions,
        context: sentence.span,
      });
    });
  },
});
