/**
 * hold-permission: a hold or a transfer, in words ("please hold while I
 * check", "I'll transfer you to billing") or stage directions ("(places the
 * caller on hold)", "[transfer to billing]"), without first asking and
 * saying for how long. "Hold" meaning something else (a hold on a card,
 * holding a button down, transferring a phone number) is not a hold. Reads
 * the reply model (src/reply/hold.ts).
 *
 * Channels: phone, and chat too, because chat agents also pause a
 * conversation to check something and the customer deserves the same ask.
 */
import { defineRule } from '../define-rule.js';
import { replyModel } from '../../reply/model.js';
import { careTraced } from '../../reply/trace.js';

export default defineRule({
  id: 'hold-permission',
  family: 'care',
  description: 'A phone or chat script that puts the customer on hold without asking first',
  defaultSeverity: 'warning',
  channels: ['phone', 'chat'],
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    noAsk: "'{{actual}}' puts the customer on hold without asking: ask first and say how long: 'May I put you on hold for two minutes?'",
    noAskTransfer: "'{{actual}}' transfers the customer without asking: say where and how long it takes, then ask: 'May I transfer you to billing? It takes about a minute'",
    noTime: "'{{actual}}' comes after an ask that never says how long: add the wait, as in 'for about two minutes'",
  },
  check(doc, ctx) {
    const model = replyModel(doc);
    const reported = model.holds.filter((h) => !(h.asked && h.duration));
    careTraced('hold-permission', doc, model, reported);
    for (const h of reported) {
      ctx.report({
        messageId: !h.asked ? (h.kind === 'transfer' ? 'noAskTransfer' : 'noAsk') : 'noTime',
        span: h.line.block.spanOf(h.first.start, h.last.end),
        data: { actual: h.text },
        suggestions: [h.kind === 'transfer' ? 'May I transfer you to the right team? It takes about a minute.' : 'May I put you on hold for about two minutes while I check?'],
        context: h.line.sentence.span,
      });
    }
  },
});
