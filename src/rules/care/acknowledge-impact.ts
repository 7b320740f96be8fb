/**
 * acknowledge-impact: a reply that apologises or gives bad news but never
 * says what the problem did to the customer. A whole-reply rule: it reports
 * once per file, at the first apology or bad-news sentence, and only when no
 * sentence near an apology names the impact. Shares its detector with the
 * care rubric (src/care/rubric.ts, namesImpact).
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { checkImpact } from '../../care/rubric.js';

export default defineRule({
  id: 'acknowledge-impact',
  family: 'care',
  description: 'A reply that apologises or gives bad news but never names its impact on the customer',
  defaultSeverity: 'warning',
  channels: replyChannels,
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    apology: "'{{actual}}' apologises but the reply never says how this affected the customer: name the impact, such as what they lost, missed or waited for",
    vague: "'{{vague}}' names no impact: say what actually happened to the customer, as in 'left you without internet for two days'",
    badNews: "'{{actual}}' gives bad news but the reply never says what it means for the customer: name the impact before the next step",
  },
  check(doc, ctx) {
    const { needs, impact } = checkImpact(doc);
    if (impact || needs.length === 0) return;
    const first = needs[0];
    const s = first.sentence;
    const live = s.words.filter((w) => !w.masked);
    const span = live.length ? s.block.spanOf(live[0].start, live[live.length - 1].end) : s.span;
    ctx.report({
      messageId: first.vague ? 'vague' : first.kind === 'apology' ? 'apology' : 'badNews',
      span,
      data: { actual: first.trigger, vague: first.vague ?? '' },
      context: s.span,
    });
  },
});
