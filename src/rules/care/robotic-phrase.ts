/**
 * robotic-phrase: stock phrases that sound like a script ("we apologize for
 * any inconvenience", "your call is important to us"). Data-driven from
 * rules/robotic-phrase.yml; quotes, blockquotes, code and placeholders never match.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { reportPhrases } from '../kinds/phrase-rule.js';

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
    reportPhrases(doc, ctx, 'robotic-phrase', 'robotic', 'say it in your own words');
  },
});
