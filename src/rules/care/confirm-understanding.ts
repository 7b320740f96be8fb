/**
 * confirm-understanding: a reply that never checks understanding or invites
 * a reply. A whole-reply rule: it reports once per file, at the last
 * paragraph, where the check usually goes. Shares its detector with the care
 * rubric (src/care/rubric.ts, confirmsUnderstanding).
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { findConfirmation } from '../../care/rubric.js';
import { replySentences } from '../../care/lexicon.js';

export default defineRule({
  id: 'confirm-understanding',
  family: 'care',
  description: 'A reply that never checks understanding or invites a reply',
  defaultSeverity: 'warning',
  channels: replyChannels,
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    missing: "This reply never checks that it helped: ask 'Does that fix it for you?' or end with 'Reply here if anything is unclear'",
  },
  check(doc, ctx) {
    const sentences = replySentences(doc);
    if (sentences.length === 0 || findConfirmation(doc)) return;
    // The last paragraph before the sign-off ("Best, Sam"): its first sentence, where the check belongs.
    let lastIdx = sentences.length - 1;
    while (lastIdx > 0 && (isSignOff(sentences, lastIdx) || !PROSE.has(sentences[lastIdx].block.kind))) lastIdx--;
    const lastBlock = sentences[lastIdx].block;
    const s = sentences.find((x) => x.block === lastBlock)!;
    const live = s.words.filter((w) => !w.masked);
    ctx.report({
      messageId: 'missing',
      span: live.length ? s.block.spanOf(live[0].start, live[live.length - 1].end) : s.span,
      context: s.span,
    });
  },
});

/** Where a closing check can go: running text, not a table cell. */
const PROSE = new Set(['paragraph', 'list-item']);

const SIGN_OFFS = new Set(['best', 'thanks', 'thank', 'regards', 'kind', 'warm', 'warmly', 'cheers', 'sincerely', 'yours', 'all', 'take', 'talk', 'speak', 'many', 'with', 'have']);

/** A short closing paragraph: "Best, Sam", "Thanks, the Support team", "Have a good day". */
function isSignOff(sentences: ReturnType<typeof replySentences>, i: number): boolean {
  const block = sentences[i].block;
  const words = sentences.filter((s) => s.block === block).flatMap((s) => s.words.filter((w) => !w.masked));
  return words.length > 0 && words.length <= 6 && SIGN_OFFS.has(words[0].lower);
}
