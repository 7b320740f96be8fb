/**
 * blame-language: wording that blames the customer ("you failed to", "as I
 * already said"). Data-driven from rules/blame-language.yml; only the reply's
 * own words count (never quotes, blockquotes, code or placeholders).
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { reportPhrases } from '../kinds/phrase-rule.js';

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
    reportPhrases(doc, ctx, 'blame-language', 'blame', 'say what happened and what to do next');
  },
});
