/**
 * blame-language: wording that blames the customer: reminders that they were
 * told ("as I already said", "like I mentioned before"), hindsight ("you
 * should have…", "if you had…"), pointing at their error, at terms they
 * agreed to, or at their not reading. Patterns in rules/blame-language.yml
 * cover tense, person, contractions and inserted words; the reply model
 * (src/reply/) keeps quotes, the customer's turns and stage directions out.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { replyModel } from '../../reply/model.js';
import { reportPhrases } from '../kinds/reply-phrases.js';

export default defineRule({
  id: 'blame-language',
  family: 'care',
  description: 'Wording that blames the customer ("you failed to", "as I already said")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    blame: "'{{actual}}' blames the customer: {{note}}",
  },
  check(doc, ctx) {
    reportPhrases(ctx, replyModel(doc).blame, 'blame', 'say what happened and what to do next');
  },
});
