/**
 * hold-permission: a script that puts the customer on hold, or tells them to
 * wait, without asking first. "May I place you on a brief hold?" asks; "I'm
 * putting you on hold" does not. A hold phrase is fine in a question with an
 * ask ("Is it OK if I put you on hold?"), next to "if that's OK with you", or
 * when the next sentence asks ("Is that OK?").
 *
 * Channels: phone, and chat too, because chat agents also pause a
 * conversation to check something ("Please wait while I check") and the
 * customer deserves the same ask.
 */
import { defineRule } from '../define-rule.js';
import { hitsIn, hitText, isQuestion, replySentences } from '../../care/lexicon.js';
import type { Sentence } from '../../document/prose.js';

const TABLE = 'hold-permission';

export default defineRule({
  id: 'hold-permission',
  family: 'care',
  description: 'A phone or chat script that puts the customer on hold without asking first',
  defaultSeverity: 'warning',
  channels: ['phone', 'chat'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    noAsk: "'{{actual}}' puts the customer on hold without asking: ask first and say how long: 'May I put you on hold for two minutes?'",
  },
  check(doc, ctx) {
    const sentences = replySentences(doc);
    sentences.forEach((s, i) => {
      const hold = hitsIn(s, TABLE, 'hold')[0];
      if (!hold) return;
      if (asks(s) || (sentences[i + 1] && sentences[i + 1].block === s.block && asks(sentences[i + 1]))) return;
      ctx.report({
        messageId: 'noAsk',
        span: s.block.spanOf(hold.first.start, hold.last.end),
        data: { actual: hitText(s, hold.first, hold.last) },
        suggestions: ['May I place you on a brief hold while I check?'],
        context: s.span,
      });
    });
  },
});

/** A question with an ask in it, or "if that's OK with you" anywhere. */
function asks(s: Sentence): boolean {
  const cues = hitsIn(s, TABLE, 'permission');
  if (cues.some((c) => c.value.anywhere === true)) return true;
  return isQuestion(s) && cues.length > 0;
}
