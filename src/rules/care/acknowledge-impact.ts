/**
 * acknowledge-impact: bad news or an apology-worthy event (delay, outage,
 * charge, fee, refusal, loss, cancellation, lockout, mistake) with no line
 * that names what it meant for this customer (time lost, money, a missed
 * event, worry, being without a service, having to do something again). A
 * whole-reply rule: it reports once, at the first apology or bad news. Reads
 * the reply model (src/reply/impact.ts), as the care rubric does.
 *
 * Session 1.14 (issue 13): a line no pattern reads as impact now needs the sentence model's
 * score of at least 0.8 (`high` in rules/acknowledge-impact.model.json; it was 0.7). Lines
 * between 0.7 and 0.8 were a price, a fact or a quip, not what the problem meant for the
 * customer, and they hid 11 of the 67 dev misses.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { replyModel } from '../../reply/model.js';
import { careTraced } from '../../reply/trace.js';

export default defineRule({
  id: 'acknowledge-impact',
  family: 'care',
  description: 'A reply that apologises or gives bad news but never names its impact on the customer',
  defaultSeverity: 'warning',
  channels: replyChannels,
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    apology: "'{{actual}}' apologises but the reply never says how this affected the customer: name the impact, such as what they lost, missed or waited for",
    vague: "'{{vague}}' names no impact: say what actually happened to the customer, as in 'left you without internet for two days'",
    badNews: "'{{actual}}' gives bad news but the reply never says what it means for the customer: name the impact before the next step",
    complaint: "'{{actual}}' answers a complaint but the reply never says what went wrong for the customer: name the impact, such as what they lost, missed or waited for",
    reported: "The customer says '{{actual}}' but the reply never says what it meant for them: name the impact, such as the time they lost or what they had to do again",
  },
  check(doc, ctx) {
    const model = replyModel(doc);
    const { needs, impact } = model.impact;
    careTraced('acknowledge-impact', doc, model, impact || needs.length === 0 ? [] : needs.slice(0, 1));
    if (impact || needs.length === 0) return;
    const first = needs[0];
    const l = first.line;
    ctx.report({
      messageId: first.vague ? 'vague' : first.kind === 'apology' ? 'apology' : first.kind === 'reported' ? 'reported' : first.kind === 'complaint' ? 'complaint' : 'badNews',
      span: l.block.spanOf(l.words.filter((w) => !w.masked)[0]?.start ?? l.start, l.words.filter((w) => !w.masked).at(-1)?.end ?? l.end),
      data: { actual: first.trigger, vague: first.vague ?? '' },
      context: l.sentence.span,
    });
  },
});
