/**
 * public-privacy: personal data in a public (social) reply: e-mail
 * addresses, phone numbers, order or ticket numbers, card digits, street
 * addresses, postcodes, dates of birth, number plates; and requests that the
 * customer post theirs in public ("Reply with your postcode", "Could you
 * comment with your date of birth?"), read by findPersonalRequests. Unlike the other care rules it looks behind the mask, because an
 * address in a link or a code span is still posted in public; placeholders
 * are names in the template, never data, and are left alone. See
 * src/care/privacy.ts for what counts and what is left out on purpose.
 */
import { defineRule } from '../define-rule.js';
import { findPersonalData, findPersonalRequests, type PersonalKind } from '../../care/privacy.js';

const WHAT: Record<PersonalKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  order: 'an order or ticket number',
  card: 'card digits',
  address: 'a street address',
  birth: 'a date of birth',
  plate: 'a number plate',
  name: "a customer's full name",
  id: 'an ID, licence or membership number',
  secret: 'a password or PIN',
};

/** "'postcode'", "'email' and 'API key'", "'name', 'date of birth' and 'address'". */
function quoteList(items: readonly string[]): string {
  const q = [...new Set(items.map((i) => i.toLowerCase()))].map((i) => `'${i}'`);
  return q.length === 1 ? `their ${q[0]}` : `their ${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

export default defineRule({
  id: 'public-privacy',
  family: 'care',
  description: 'Personal data (e-mail, phone, order or card numbers, addresses) in a public social reply, or a request to post it there',
  defaultSeverity: 'error',
  channels: ['social'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    personal: "'{{actual}}' is {{what}} in a public reply: remove it and ask the customer to continue in a private message",
    asksPublic: "'{{actual}}' asks the customer to post {{asked}} where anyone can read it: ask them to send it in a private message instead",
  },
  check(doc, ctx) {
    for (const r of findPersonalRequests(doc)) {
      ctx.report({
        messageId: 'asksPublic',
        span: r.span,
        data: { actual: r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text, asked: quoteList(r.asked) },
        suggestions: ["Send us a private message with these details and we'll look into it there"],
        context: r.context,
      });
    }
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
