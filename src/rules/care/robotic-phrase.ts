/**
 * robotic-phrase: stock lines that sound like a script, in all their
 * variants ("valued customer", "we apologise for any inconvenience caused",
 * "at your earliest convenience"). Patterns in rules/robotic-phrase.yml; the
 * reply model (src/reply/) keeps quotes and the customer's turns out.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { replyModel } from '../../reply/model.js';
import { reportPhrases } from '../kinds/reply-phrases.js';

export default defineRule({
  id: 'robotic-phrase',
  family: 'care',
  description: 'Stock phrases that sound like a script ("your call is important to us")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    robotic: "'{{actual}}' sounds like a script: {{note}}",
  },
  check(doc, ctx) {
    reportPhrases(ctx, replyModel(doc).robotic, 'robotic', 'say it in your own words');
  },
});
