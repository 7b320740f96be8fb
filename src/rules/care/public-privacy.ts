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
import { batchOf, findPersonalShapes, keptInApp, notTheirs, ourLine, type ShapeKind } from '../../lexicon/privacy-shapes.js';

const WHAT: Record<PersonalKind | ShapeKind, string> = {
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
  partial: 'part of a card, phone or account number',
  family: "the name of the customer's family member or pet",
  health: 'a health detail',
  money: "the customer's money details",
  handle: 'a username',
  bank: 'bank details',
  ip: 'an IP address',
  link: 'a private link',
};

/** The words of text[from, to), lower case: what stands before a number in its sentence. */
function wordsBefore(text: string, from: number, to: number): string[] {
  return text.slice(Math.max(from, to - 80), to).toLowerCase().split(/\s+/).filter(Boolean);
}

/** The words of text[from, to), lower case: what follows a request in its sentence. */
function wordsOf(text: string, from: number, to: number): string[] {
  return text.slice(from, Math.min(to, from + 160)).toLowerCase().split(/\s+/).filter(Boolean);
}

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
      // "Add your card details in your account settings": the data goes into the app, not the reply.
      if (keptInApp(wordsOf(doc.text, r.span.end, r.context.end))) continue;
      ctx.report({
        messageId: 'asksPublic',
        span: r.span,
        data: { actual: r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text, asked: quoteList(r.asked) },
        suggestions: ["Send us a private message with these details and we'll look into it there"],
        context: r.context,
      });
    }
    // A number the customer is told to ring is ours or our staff's: "you can call her directly on 0161 …".
    const found: { kind: PersonalKind | ShapeKind; span: { start: number; end: number }; text: string; context: { start: number; end: number } }[] = findPersonalData(doc).filter(
      (d) =>
        (d.kind !== 'phone' || !ourLine(wordsBefore(doc.text, d.context.start, d.span.start))) &&
        // "Gift cards ending in 2025": a batch, not one customer's card.
        (d.kind !== 'card' || !batchOf(wordsBefore(doc.text, d.context.start, d.span.start))) &&
        // "Bulletin ID: ASEC-23-001", "pin PWM2": a public document's number, a pin on a board.
        !notTheirs(d.kind, d.text, wordsBefore(doc.text, d.context.start, d.span.start)),
    );
    for (const s of findPersonalShapes(doc)) if (!found.some((d) => d.span.start < s.span.end && s.span.start < d.span.end)) found.push(s);
    found.sort((a, b) => a.span.start - b.span.start);
    for (const d of found) {
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
