/**
 * sentence-length: a sentence with more words than the channel allows.
 * Placeholders, inline code and URLs are masked in the prose model and do not
 * count: `{{ticket.requester.first_name}}` is one name, not five words.
 * Words in quotation marks do not count either (an error message, the
 * customer's words). Headings and alt text are left to their own rules;
 * blockquotes are the customer's words.
 */
import { defineRule } from '../define-rule.js';

interface Options {
  /** Most words a sentence may have. */
  max: number;
}

const SKIP = new Set(['heading', 'alt']);

export default defineRule<Options>({
  id: 'sentence-length',
  family: 'plain',
  description: 'A sentence longer than the channel’s limit',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: {
    type: 'object',
    properties: { max: { type: 'integer', minimum: 3 } },
    additionalProperties: false,
  },
  defaults: { max: 25 },
  channelDefaults: {
    article: { max: 25 },
    policy: { max: 30 },
    email: { max: 22 },
    chat: { max: 20 },
    macro: { max: 20 },
    phone: { max: 20 },
    social: { max: 15 },
  },
  messages: {
    long: 'This sentence has {{count}} words, over the limit of {{max}}: split it or cut words',
  },
  check(doc, ctx) {
    const { max } = ctx.options;
    for (const block of doc.prose) {
      if (SKIP.has(block.kind) || block.quote) continue;
      for (const sentence of block.sentences) {
        let count = 0;
        // Quoted words are someone else's (an error message, the customer): the writer's own words are what count.
        for (const w of sentence.words) if (!w.masked && !w.quoted && /[\p{L}\p{N}]/u.test(w.text)) count++;
        if (count <= max) continue;
        ctx.report({ messageId: 'long', span: sentence.span, data: { count, max }, context: sentence.span });
      }
    }
  },
});
