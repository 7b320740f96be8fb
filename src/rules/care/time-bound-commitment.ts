/**
 * time-bound-commitment: a promise of follow-up or action with no time frame
 * ("we'll look into it", "someone will get back to you"). A promise is met by
 * a time ("by Friday", "within 2 business days", "today"), in its own
 * sentence or the next, or by an event after it ("once your return
 * arrives"); "soon" and "as soon as possible" are not time frames. Shares its
 * detector with the care rubric (src/care/rubric.ts, timeFrame).
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { findPromises } from '../../care/rubric.js';

export default defineRule({
  id: 'time-bound-commitment',
  family: 'care',
  description: 'A promise of follow-up with no time frame ("we will look into it")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    noTime: "'{{actual}}' makes a promise with no time frame: say when, such as 'by Friday' or 'within 2 business days'",
    vague: "'{{actual}}' says '{{vague}}', which is not a time frame: say when, such as 'by Friday' or 'within 2 business days'",
  },
  check(doc, ctx) {
    for (const p of findPromises(doc)) {
      if (p.timeFrame) continue;
      ctx.report({
        messageId: p.vague ? 'vague' : 'noTime',
        span: p.sentence.block.spanOf(p.first.start, p.last.end),
        data: { actual: p.text, vague: p.vague ?? '' },
        context: p.sentence.span,
      });
    }
  },
});
