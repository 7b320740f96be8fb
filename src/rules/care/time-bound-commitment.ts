/**
 * time-bound-commitment: every promise of follow-up or action ("we'll look
 * into it", "you'll hear from us", "someone will follow up", "we'll let you
 * know when…") without a time frame. A time frame is a concrete point or
 * span ("by noon on Thursday", "later this afternoon", "before your next
 * bill"); a condition ("once we hear back from the warehouse") or a vague
 * stand-in ("at the earliest opportunity") is not one. Reads the reply model
 * (src/reply/promises.ts), as the care rubric does. Session 1.13: the span runs
 * to the end of a second action joined by "and" ("I'll raise it with my team
 * leader and come back to you"), so the message quotes the whole promise.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { replyModel } from '../../reply/model.js';
import { careTraced } from '../../reply/trace.js';

export default defineRule({
  id: 'time-bound-commitment',
  family: 'care',
  description: 'A promise of follow-up with no time frame ("we will look into it")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    noTime: "'{{actual}}' makes a promise with no time frame: say when, such as 'by Friday' or 'within 2 business days'",
    vague: "'{{actual}}' says '{{vague}}', which is not a time frame: say when, such as 'by Friday' or 'within 2 business days'",
    condition: "'{{actual}}' waits on '{{vague}}', which is not a time frame: say when you will update them even without news, such as 'by Friday'",
  },
  check(doc, ctx) {
    const model = replyModel(doc);
    const reported = model.promises.filter((p) => !p.timeFrame);
    careTraced('time-bound-commitment', doc, model, reported);
    for (const p of reported) {
      ctx.report({
        messageId: p.condition ? 'condition' : p.vague ? 'vague' : 'noTime',
        span: p.line.block.spanOf(p.first.start, (p.end ?? p.last).end),
        data: { actual: p.end ? p.line.block.text.slice(p.first.start, p.end.end) : p.text, vague: p.vague ?? '' },
        context: p.line.sentence.span,
      });
    }
  },
});
