/**
 * Personal data in a public reply: e-mail addresses, phone numbers, order or
 * ticket numbers, card digits and street addresses. Found on the words of the
 * prose model; the one look behind the mask is for links and code, because an
 * address in a link or a code span is still posted in public. Placeholders are
 * never personal data in the template ({{ticket.id}} is a name, not a number).
 *
 * Quoted text counts too (decided on purpose): repeating the customer's phone
 * number in a public reply spreads it, even in their own words.
 *
 * Company contact details are not personal data: role addresses
 * (support@, help@…), toll-free numbers and numbers introduced as ours
 * ("call us at …") are left alone.
 */
import type { Doc } from '../document/document.js';
import type { Sentence, Word } from '../document/prose.js';
import type { Span } from '../types.js';
import { table } from '../lexicon/data.js';

export type PersonalKind = 'email' | 'phone' | 'order' | 'card' | 'address';

export interface PersonalData {
  kind: PersonalKind;
  span: Span;
  text: string;
  /** The sentence it stands in (for the baseline fingerprint). */
  context: Span;
}

/** Word lists from rules/public-privacy.yml, read once. */
const list = (category: string): Set<string> => {
  let s = lists.get(category);
  if (!s) lists.set(category, (s = new Set(table('public-privacy').entries.filter((e) => e.category === category).flatMap((e) => e.match.map((m) => String(m).toLowerCase())))));
  return s;
};
const lists = new Map<string, Set<string>>();
const OURS = new Set(['us', 'our', 'ours']);

/** Every piece of personal data in the document, in file order, each once. */
export function findPersonalData(doc: Doc): PersonalData[] {
  const out: PersonalData[] = [];
  const seen = new Set<string>();
  const add = (d: PersonalData) => {
    if (overlapsPlaceholder(doc, d.span)) return;
    const key = `${d.span.start}:${d.span.end}`;
    if (seen.has(key) || out.some((o) => o.span.start < d.span.end && d.span.start < o.span.end)) return;
    seen.add(key);
    out.push(d);
  };
  for (const sentence of doc.sentences) scanSentence(doc, sentence, add);
  scanLinks(doc, add);
  return out.sort((a, b) => a.span.start - b.span.start);
}

function overlapsPlaceholder(doc: Doc, span: Span): boolean {
  return doc.placeholders.some((p) => p.span.start < span.end && span.start < p.span.end);
}

function scanSentence(doc: Doc, sentence: Sentence, add: (d: PersonalData) => void): void {
  const block = sentence.block;
  const words = sentence.words;
  const context = sentence.span;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const company = wordsBefore(words, i, 4).some((b) => list('company-cue').has(b));
    if (w.masked) {
      // Behind the mask: a link or code span may still hold an address. Placeholders never do.
      if (!company) for (const e of emailsIn(doc.text, w.span.start, w.span.end, true)) add({ kind: 'email', span: e, text: doc.slice(e), context });
      continue;
    }
    if (w.text.includes('@')) {
      if (company) continue;
      for (const e of emailsIn(block.text, w.start, w.end)) {
        const span = block.spanOf(e.start, e.end);
        add({ kind: 'email', span, text: doc.slice(span), context });
      }
      continue;
    }
    // A street address: "12 Elm Street", "4B Harbour Rd".
    if (/^\d{1,5}[a-z]?$/i.test(w.text)) {
      const end = streetEnd(words, i, block.text);
      if (end !== -1 && !company) {
        const span = block.spanOf(w.start, words[end].end);
        add({ kind: 'address', span, text: doc.slice(span), context });
        i = end;
        continue;
      }
    }
    if (w.lower === 'po' || w.lower === 'p.o') {
      const box = words[i + 1];
      const num = words[i + 2];
      if (box?.lower === 'box' && num && /^\d+$/.test(num.text)) {
        const span = block.spanOf(w.start, num.end);
        add({ kind: 'address', span, text: doc.slice(span), context });
        i += 2;
        continue;
      }
    }
    if (!/\d/.test(w.text)) continue;
    const run = numberRun(words, i, block.text);
    const last = words[run.end];
    const before = wordsBefore(words, i, 4);
    const start = extendLeft(block.text, w.start);
    const span = block.spanOf(start, last.end);
    let kind = classify(run.digits, run.words, before, block.text[w.start - 1] === '#');
    // A line with opening hours after it ("0161 496 0192 (9am–6pm daily)") or "the box office is on …" is the business's own number.
    if ((kind === 'phone' || (kind === 'order' && run.digits.length >= 10 && run.words.length > 1)) && (openingHours(block.text.slice(last.end, last.end + 40)) || listedAs(before))) kind = undefined;
    if (kind) add({ kind, span, text: doc.slice(span), context });
    i = run.end;
  }
}

/** Consecutive number words ("555 123 4567", "4242 4242 4242 4242") joined only by spaces, dashes, dots or brackets. */
function numberRun(words: Word[], i: number, text: string): { end: number; digits: string; words: string[] } {
  const first = words[i];
  const parts = [first.text];
  let end = i;
  if (/^[\d\-.]+$/.test(first.text)) {
    for (let k = i + 1; k < words.length; k++) {
      const w = words[k];
      if (w.masked || !/^\d[\d\-.]*$/.test(w.text)) break;
      const gap = text.slice(words[k - 1].end, w.start);
      if (gap.length > 3 || !/^[\s\-.()+/]*$/.test(gap)) break;
      parts.push(w.text);
      end = k;
    }
  }
  return { end, digits: parts.join('').replace(/\D/g, ''), words: parts };
}

/** Keeps a leading "+" or "(" of a phone number, a "#" of an order number and the "****" of card digits in the span. */
function extendLeft(text: string, start: number): number {
  let s = start;
  while (s > 0 && start - s < 16 && (text[s - 1] === '+' || text[s - 1] === '(' || text[s - 1] === '#' || text[s - 1] === '*')) s--;
  return s;
}

function wordsBefore(words: Word[], i: number, n: number): string[] {
  return words.slice(Math.max(0, i - n), i).map((w) => w.lower);
}

/** "A-1234", "ORD12345", "1234-5678", "12AB": up to five letters, a dash, a digit, then digits and dashes, then letters and digits (a scan, no backtracking regex). */
/** Opening hours right after a number: "(9am–6pm daily)", "(open 10am-6pm)", ", Monday to Friday". */
function openingHours(after: string): boolean {
  const t = after.trimStart().replace(/^[(,–-]\s*/, '').toLowerCase();
  return /^(?:open\s+|lines open\s+|from\s+)?\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)?\s?(?:[–-]|to)\s?\d{1,2}/.test(t) || /^(?:open\s+)?(?:mon|tue|wed|thu|fri|sat|sun|daily|weekdays|24\/7|24 hours)/.test(t);
}

/** "They're on 0161 …", "the box office is on …": a number given as where to reach someone, not the customer's. */
function listedAs(before: string[]): boolean {
  const k = before.length;
  return before[k - 1] === 'on' && ['is', 'are', "they're", "we're", 'they’re', 'we’re', "it's", 'it’s'].includes(before[k - 2] ?? '');
}

function isIdLike(s: string): boolean {
  let i = 0;
  while (i < s.length && i < 5 && /[a-z]/i.test(s[i])) i++;
  if (s[i] === '-') i++;
  if (!/\d/.test(s[i] ?? '')) return false;
  i++;
  while (i < s.length && /[\d-]/.test(s[i])) i++;
  while (i < s.length && /[a-z\d]/i.test(s[i])) i++;
  return i === s.length;
}

function classify(digits: string, parts: string[], before: string[], hash: boolean): PersonalKind | undefined {
  const n = digits.length;
  const near = (set: Set<string>) => before.some((b) => set.has(b));
  const single = parts.length === 1 ? parts[0] : '';
  const hasLetters = /[a-z]/i.test(single);
  if (near(list('card-word')) && n === 4 && !hasLetters) return 'card';
  const year = /^(19|20)\d{2}$/.test(single);
  const idLike = parts.length > 1 || isIdLike(single);
  // A bare "#2234" is as likely an issue or a pull request: it needs "order", "ticket"… or six digits.
  if ((near(list('order-word')) || (hash && n >= 6)) && n >= 4 && !year && idLike) return 'order';
  // Booking codes mix capitals and digits ("ABC123", "1Z999AA1").
  if (near(list('order-word')) && n >= 2 && /^(?=.*[A-Z])[A-Z0-9-]{5,}$/.test(single)) return 'order';
  // A tracking or reference number: capitals then eight or more digits ("JD0002211458").
  if (/^[A-Z]{1,4}\d{8,}[A-Z]{0,3}$/.test(single)) return 'order';
  if (hasLetters) return undefined;
  if (n >= 13 && n <= 19 && (parts.every((p) => /^\d{4}$/.test(p) || /^\d{3,6}$/.test(p)) || /^\d{13,19}$/.test(single)) && !/[.]/.test(parts.join(''))) {
    // Grouped in fours or one long run: a card number.
    if (parts.length >= 3 || /^\d{13,19}$/.test(single)) return 'card';
  }
  // Dates, decimals, IP addresses and versions are not phone numbers.
  if (/^\d{4}-\d{2}-\d{2}$/.test(single) || /^\d+\.\d+$/.test(single) || /^\d{1,3}(?:\.\d{1,3}){2,3}$/.test(single)) return undefined;
  const phoneLike = (n >= 10 && n <= 15 && (parts.length > 1 || /[-.]/.test(single) || n === 10 || n === 11)) || (n === 7 && /^\d{3}[-.]\d{4}$/.test(single));
  if (!phoneLike) return undefined;
  if (near(OURS)) return undefined;
  const local = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (list('toll-free').has(local.slice(0, 3)) || list('toll-free').has(local.slice(0, 4))) return undefined;
  return 'phone';
}

/** The index of the street-type word ending an address that starts at word i, or -1. */
function streetEnd(words: Word[], i: number, text: string): number {
  for (let k = i + 1; k < words.length && k <= i + 4; k++) {
    const w = words[k];
    if (w.masked || w.quoted !== words[i].quoted) return -1;
    const gap = text.slice(words[k - 1].end, w.start);
    if (!/^[\s]+$/.test(gap)) return -1;
    if (k > i + 1 && list('street-word').has(w.lower.replace(/\.$/, ''))) return k;
    // Street names are capitalised ("Elm", "Old Mill") or ordinals ("5th").
    if (!(/^\p{Lu}/u.test(w.text) || /^\d+(st|nd|rd|th)$/i.test(w.text))) return -1;
  }
  return -1;
}

/** A shared company mailbox: "support@", "legal-support@", "admin.it@". */
function isRoleMailbox(local: string): boolean {
  const l = local.toLowerCase();
  return list('role-mailbox').has(l) || l.split(/[.\-_+]/).some((part) => list('role-mailbox').has(part));
}

/** E-mail addresses in text[from, to): a linear scan around each "@" (no regex backtracking). */
function emailsIn(text: string, from: number, to: number, once = false): Span[] {
  const out: Span[] = [];
  const local = (c: string) => /[A-Za-z0-9._%+-]/.test(c);
  const domain = (c: string) => /[A-Za-z0-9.-]/.test(c);
  for (let at = text.indexOf('@', from); at !== -1 && at < to; at = text.indexOf('@', at + 1)) {
    let s = at;
    // Bounded both ways (RFC 5321 limits), so a long run of '@' stays linear.
    while (s > from && at - s < 64 && local(text[s - 1])) s--;
    let e = at + 1;
    while (e < to && e - at < 255 && domain(text[e])) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const name = text.slice(s, at);
    const host = text.slice(at + 1, e);
    const dot = host.lastIndexOf('.');
    if (!name || dot <= 0 || !/^[A-Za-z]{2,}$/.test(host.slice(dot + 1))) continue;
    if (isRoleMailbox(name)) continue;
    out.push({ start: s, end: e });
    // A link shows the address twice ("[a@b.co](mailto:a@b.co)"): once is enough.
    if (once) break;
  }
  return out;
}

/** `mailto:` and `tel:` links whose address is not shown in the text ("[write to Sam](mailto:sam@…)"). */
function scanLinks(doc: Doc, add: (d: PersonalData) => void): void {
  for (const a of doc.elements('a')) {
    const href = a.properties?.href;
    const pos = a.position;
    if (typeof href !== 'string' || pos?.start.offset === undefined || pos.end.offset === undefined) continue;
    const span = { start: pos.start.offset, end: pos.end.offset };
    const lower = href.toLowerCase();
    // "email us at <a href=mailto:…>": the company's own address.
    const before = doc.text.slice(Math.max(0, span.start - 40), span.start).toLowerCase().split(/[^a-z.]+/).filter(Boolean).slice(-4);
    if (before.some((b) => list('company-cue').has(b))) continue;
    if (lower.startsWith('mailto:')) {
      const mailbox = lower.slice(7).split('@')[0];
      if (!mailbox || isRoleMailbox(mailbox) || overlapsPlaceholder(doc, span) || href.includes('{{')) continue;
      add({ kind: 'email', span, text: href.slice(7), context: span });
    } else if (lower.startsWith('tel:')) {
      const digits = href.replace(/\D/g, '');
      const local = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
      const label = doc.slice(span).toLowerCase();
      if (digits.length < 7 || list('toll-free').has(local.slice(0, 3)) || /\b(us|our)\b/.test(label) || href.includes('{{')) continue;
      add({ kind: 'phone', span, text: href.slice(4), context: span });
    }
  }
}
