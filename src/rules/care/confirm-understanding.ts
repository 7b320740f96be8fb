/**
 * confirm-understanding: a reply that never checks understanding or invites
 * a reply. A whole-reply rule: it reports once, at the last paragraph before
 * the sign-off, where the check usually goes. Reads the reply model
 * (src/reply/confirmation.ts), as the care rubric does.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { isSignOff, replyModel } from '../../reply/model.js';
import { careTraced } from '../../reply/trace.js';

/** Where a closing check can go: running text, not a table cell. */
const PROSE = new Set(['paragraph', 'list-item']);

export default defineRule({
  id: 'confirm-understanding',
  family: 'care',
  description: 'A reply that never checks understanding or invites a reply',
  defaultSeverity: 'warning',
  channels: replyChannels,
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    missing: "This reply never checks that it helped: ask 'Does that fix it for you?' or end with 'Reply here if anything is unclear'",
  },
  check(doc, ctx) {
    const model = replyModel(doc);
    const lines = model.spoken;
    if (lines.length === 0 || model.confirmation || !model.confirmNeeded) {
      careTraced('confirm-understanding', doc, model, []);
      return;
    }
    let i = lines.length - 1;
    // Skip the sign-off block ("Best,\nSam") and anything that is not running text.
    const signOff = (k: number) => {
      const block = lines[k].block;
      const first = lines.find((x) => x.block === block)!;
      return isSignOff(first) && lines.filter((x) => x.block === block).reduce((n, x) => n + x.words.length, 0) <= 8;
    };
    while (i > 0 && (signOff(i) || !PROSE.has(lines[i].block.kind))) i--;
    const block = lines[i].block;
    const l = lines.find((x) => x.block === block)!;
    const live = l.words.filter((w) => !w.masked);
    careTraced('confirm-understanding', doc, model, [l]);
    ctx.report({
      messageId: 'missing',
      span: live.length ? l.block.spanOf(live[0].start, live[live.length - 1].end) : l.span,
      context: l.sentence.span,
    });
  },
});
