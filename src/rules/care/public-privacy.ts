/**
 * public-privacy: personal data in a public (social) reply: e-mail
 * addresses, phone numbers, order or ticket numbers, card digits, street
 * addresses. Unlike the other care rules it looks behind the mask, because an
 * address in a link or a code span is still posted in public; placeholders
 * are names in the template, never data, and are left alone. See
 * src/care/privacy.ts for what counts and what is left out on purpose.
 */
import { defineRule } from '../define-rule.js';
import { findPersonalData, type PersonalKind } from '../../care/privacy.js';

const WHAT: Record<PersonalKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  order: 'an order or ticket number',
  card: 'card digits',
  address: 'a street address',
};

export default defineRule({
  id: 'public-privacy',
  family: 'care',
  description: 'Personal data (e-mail, phone, order or card numbers, addresses) in a public social reply',
  defaultSeverity: 'error',
  channels: ['social'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    personal: "'{{actual}}' is {{what}} in a public reply: remove it and ask the customer to continue in a private message",
  },
  check(doc, ctx) {
    for (const d of findPersonalData(doc)) {
      ctx.report({
        messageId: 'personal',
        span: d.span,
        data: { actual: d.text.length > 40 ? `${d.text.slice(0, 37)}…` : d.text, what: WHAT[d.kind] },
        suggestions: ["Send us a private message and we'll look into it there"],
        context: d.context,
      });
    }
  },
});
