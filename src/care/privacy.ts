/**
 * Personal data in a public reply: e-mail addresses, phone numbers, order or
 * ticket numbers, card digits, street addresses, postcodes, dates of birth and
 * number plates (findPersonalData); and requests that the customer post theirs
 * in public (findPersonalRequests: a small clause grammar over the words of
 * rules/public-privacy.yml, described above that function). Found on the words of the
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

export type PersonalKind = 'email' | 'phone' | 'order' | 'card' | 'address' | 'birth' | 'plate' | 'name' | 'id' | 'secret';

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
  let prev: Sentence | undefined;
  for (const sentence of doc.sentences) {
    scanSentence(doc, sentence, add, carried(prev, sentence));
    prev = sentence;
  }
  scanLinks(doc, add);
  return out.sort((a, b) => a.span.start - b.span.start);
}

function overlapsPlaceholder(doc: Doc, span: Span): boolean {
  return doc.placeholders.some((p) => p.span.start < span.end && span.start < p.span.end);
}

/**
 * The words an abbreviation cut off: "Account no. 55123456" is split after "no.", so the number's
 * sentence starts with it. When the sentence before (same block) ends in a short word with a full stop
 * right before this one, its last words still name what the number is.
 */
function carried(prev: Sentence | undefined, sentence: Sentence): Word[] {
  if (!prev || prev.block !== sentence.block || prev.words.length === 0 || sentence.words.length === 0) return [];
  const last = prev.words[prev.words.length - 1];
  const first = sentence.words[0];
  const gap = sentence.block.text.slice(last.end, first.start);
  if (!/^\.?\s{1,2}$/.test(gap) && !/^\s{1,2}$/.test(gap)) return [];
  if (!/^[a-z]{1,4}\.?$/i.test(last.text) || !(last.text.endsWith('.') || gap.startsWith('.'))) return [];
  if (!/^[#(+*]?\d/.test(sentence.block.text.slice(first.start - (/[#(+*]/.test(sentence.block.text[first.start - 1] ?? '') ? 1 : 0), first.end))) return [];
  return prev.words.slice(-3);
}

function scanSentence(doc: Doc, sentence: Sentence, add: (d: PersonalData) => void, lead: Word[] = []): void {
  const block = sentence.block;
  const words = sentence.words;
  const context = sentence.span;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const company = companyCue(wordsBefore(words, i, 4));
    if (w.masked) {
      // Behind the mask: a link or code span may still hold an address. Placeholders never do.
      if (!company) for (const e of emailsIn(doc.text, w.span.start, w.span.end, true, sentToCustomer(words, i))) add({ kind: 'email', span: e, text: doc.slice(e), context });
      continue;
    }
    if (w.text.includes('@')) {
      if (company) continue;
      for (const e of emailsIn(block.text, w.start, w.end, false, sentToCustomer(words, i))) {
        const span = block.spanOf(e.start, e.end);
        add({ kind: 'email', span, text: doc.slice(span), context });
      }
      continue;
    }
    // Ours when "our" and a place of ours come a little earlier: "Our Leeds store is at 14 Kings Road".
    const near = wordsBefore(words, i, 7);
    const next = words[i + 1];
    // "Is this 22 Harrow Road?": a demonstrative asks about the customer's place; "this address" is another matter.
    const place = (b: string) => list('not-personal-before').has(b) && !OURS.has(b) && b !== 'this' && b !== 'that';
    // "The depot is at 14 Hall Lane": a place of ours, with no "your". "We're at 22 Market Street", "based at …": where we are.
    const ours = company || (near.some((b) => OURS.has(b)) && near.some(place)) || (near.slice(-4).some(place) && !near.some((b) => POSSESSIVE.has(b))) || whereWeAre(near);
    // "Your reservation under the name Harriet Cole": a full name tied to a booking.
    const named = nameAt(words, i, block.text);
    // Only a name tied to something of the customer's: "your table under the name …", "booked in the name of …"
    // ("we trade under the name Brightwater Energy" is ours).
    const tied = (b: string) => POSSESSIVE.has(b) || list('order-word').has(b) || /^(?:booked|reserved|held|found|listed|registered|ordered|made|table|room|appointment|seat|seats)$/.test(b);
    if (named !== -1 && !ours && wordsBefore(words, i, 5).some(tied)) {
      const span = block.spanOf(words[named - 1].start, words[named].end);
      add({ kind: 'name', span, text: doc.slice(span), context });
      i = named;
      continue;
    }
    // A UK number plate after "reg", "registration" or "plate": "AB12 CDE".
    if (/^[A-Z]{2}\d{2}$/.test(w.text) && next && /^[A-Z]{3}$/.test(next.text) && wordsBefore(words, i, 3).some((b) => list('plate-word').has(b))) {
      const span = block.spanOf(w.start, next.end);
      add({ kind: 'plate', span, text: doc.slice(span), context });
      i++;
      continue;
    }
    // A date of birth: "DOB of 12/03/1985", "born on 12.03.1985".
    const date = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)/.exec(block.text.slice(w.start, w.start + 12));
    if (date && wordsBefore(words, i, 4).some((b) => list('birth-word').has(b))) {
      const span = block.spanOf(w.start, w.start + date[0].length);
      add({ kind: 'birth', span, text: doc.slice(span), context });
      while (i + 1 < words.length && words[i + 1].end <= w.start + date[0].length) i++;
      continue;
    }
    // A date of birth in words: "born 3rd March 1990", "date of birth down as March 3, 1990".
    const spelled = wordDateEnd(words, i);
    if (spelled !== -1 && wordsBefore(words, i, 6).some((b) => list('birth-word').has(b.replace(/[:.]$/, '')))) {
      const span = block.spanOf(w.start, words[spelled].end);
      add({ kind: 'birth', span, text: doc.slice(span), context });
      i = spelled;
      continue;
    }
    // A full UK postcode: "LS6 2AB", "SW1A 1AA" (an area alone, "NG7", says little about who).
    if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(w.text) && next && !next.masked && /^\d[A-Z]{2}$/.test(next.text) && /^\s+$/.test(block.text.slice(w.end, next.start))) {
      if (!ours) {
        const span = block.spanOf(w.start, next.end);
        add({ kind: 'address', span, text: doc.slice(span), context });
      }
      i++;
      continue;
    }
    // A street address: "12 Elm Street", "4B Harbour Rd".
    if (/^\d{1,5}[a-z]?$/i.test(w.text)) {
      const end = streetEnd(words, i, block.text);
      if (end !== -1 && !ours) {
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
    // A password, PIN or door code written out: "the password is Grad2024!", "we've reset your PIN to 4821".
    const secret = secretAt(words, i);
    if (secret !== -1) {
      const span = block.spanOf(words[secret].start, words[secret].end);
      add({ kind: 'secret', span, text: doc.slice(span), context });
      i = secret;
      continue;
    }
    // A National Insurance number in groups after "NI number": "QQ 12 34 56 C".
    const ni = /^[A-Z]{2}$/.test(w.text) ? groupedIdEnd(words, i, block.text) : -1;
    if (ni !== -1 && idDocumentLabel(wordsBefore(words, i, 4))) {
      const span = block.spanOf(w.start, words[ni].end);
      add({ kind: 'id', span, text: doc.slice(span), context });
      i = ni;
      continue;
    }
    if (!/\d/.test(w.text)) continue;
    const run = numberRun(words, i, block.text);
    const last = words[run.end];
    const before = i < 4 ? [...lead.map((x) => x.lower.replace(/\.$/, '')), ...wordsBefore(words, i, 4)].slice(-4) : wordsBefore(words, i, 4);
    const start = extendLeft(block.text, w.start);
    const span = block.spanOf(start, last.end);
    let kind = classify(run.digits, run.words, before, block.text[w.start - 1] === '#');
    // "Call 0161 496 0000 to book": a number the customer is told to ring is ours.
    if (kind === 'phone' && (toldToCall(words, i, block.text) || toldToCallOn(words, i, block.text))) kind = undefined;
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

/**
 * A company cue in the words before: "contact us at", "an email from". "From" is the customer's when they
 * come first: "you emailed from jess@…", "your trip from 22 Hartley Road".
 */
function companyCue(before: string[]): boolean {
  return before.some((b, k) => list('company-cue').has(b) && !(b === 'from' && before.slice(0, k).some((x) => YOU.has(x) || POSSESSIVE.has(x))));
}

/** "We're at …", "we are based at …", "located on …": the place is ours. */
function whereWeAre(near: string[]): boolean {
  const k = near.length;
  if (near[k - 1] !== 'at' && near[k - 1] !== 'on') return false;
  const b = (near[k - 2] ?? '').replace(/’/g, "'");
  return list('ours-lead').has(b) || (b === 'are' && near[k - 3] === 'we');
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** "3rd March 1990", "3 Mar 1990", "March 3, 1990", "March 3rd 1990": the index of the year, or -1. */
function wordDateEnd(words: Word[], i: number): number {
  const day = (x: Word | undefined) => x !== undefined && /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?$/i.test(x.text);
  const month = (x: Word | undefined) => x !== undefined && MONTHS.has(x.lower.replace(/[.,]$/, ''));
  const year = (x: Word | undefined) => x !== undefined && /^(?:19|20)\d{2}$/.test(x.text);
  if (day(words[i]) && words[i + 1]?.lower === 'of' && month(words[i + 2]) && year(words[i + 3])) return i + 3;
  if (day(words[i]) && month(words[i + 1]) && year(words[i + 2])) return i + 2;
  if (month(words[i]) && day(words[i + 1]) && year(words[i + 2])) return i + 2;
  return -1;
}

/** "under the name Harriet Cole", "in the name of Ben Ode": the index of the name's last word, or -1. */
function nameAt(words: Word[], i: number, text: string): number {
  const w = words[i];
  if (w.lower !== 'under' && w.lower !== 'in') return -1;
  if (words[i + 1]?.lower !== 'the' || words[i + 2]?.lower !== 'name') return -1;
  let k = i + 3;
  if (words[k]?.lower === 'of') k++;
  const first = words[k];
  const second = words[k + 1];
  const cap = (x: Word | undefined) => x !== undefined && !x.masked && /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?$/u.test(x.text);
  if (!cap(first) || !cap(second) || !/^\s+$/.test(text.slice(first.end, second.start))) return -1;
  return k + 1;
}

/** Words that may come before a verb told to the customer: "please call", "then ring". */
const BEFORE_IMPERATIVE = new Set(['please', 'just', 'simply', 'or', 'and', 'then', 'pls']);

/** The verb at `c` heads its clause, as a step told to the customer: the text or a clause starts there, or "please", "just"… come first. */
function headsClause(words: Word[], c: number, text: string): boolean {
  const p = words[c - 1];
  return p === undefined || /[,;:.!?()–—-]/.test(text.slice(p.end, words[c].start)) || BEFORE_IMPERATIVE.has(p.lower);
}

/** "Call 0161 496 0000", "please ring 0800 …": a verb at the head of its clause, told to the customer. */
function toldToCall(words: Word[], i: number, text: string): boolean {
  const v = words[i - 1];
  if (!v || !list('call-verb').has(v.lower)) return false;
  if (!/^\s+$/.test(text.slice(v.end, words[i].start))) return false;
  return headsClause(words, i - 1, text);
}

/**
 * "You can call her directly on 0161 …", "please ring the surgery on 0161 …": the customer is told to ring
 * someone else on the number, so it is that person's or team's line, not the customer's. "We'll call you on 07700 …"
 * is the customer's.
 */
function toldToCallOn(words: Word[], i: number, text: string): boolean {
  const on = words[i - 1];
  if (!on || (on.lower !== 'on' && on.lower !== 'at')) return false;
  for (let c = i - 2; c >= 0 && i - c <= 7; c--) {
    const v = words[c];
    if (/[,;:.!?()]/.test(text.slice(v.end, words[c + 1].start))) return false;
    const between = words.slice(c + 1, i - 1).map((w) => w.lower.replace(/’/g, "'"));
    // "We'll call you on 07700 …" is the customer's number; "call me back on 07700 …" is one person's own line.
    if (between.some((b) => ['you', 'your', 'yourself', 'u', 'me', 'my'].includes(b))) return false;
    if (!list('call-verb').has(v.lower)) continue;
    if (headsClause(words, c, text)) return true;
    // "You can call her directly on …".
    return ['can', 'could', 'should', 'may'].includes(words[c - 1].lower) && ['you', "you'll", 'you’ll'].includes(words[c - 2]?.lower ?? '');
  }
  return false;
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
  // An identity, licence or membership number after its label: "licence number PATEL907127P99XY", "passport 123456789".
  if (idDocumentLabel(before) && n >= 5 && !year && (idLike || /^(?=.*\d)[A-Z0-9]{6,}$/.test(single))) return 'id';
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

/** The label right before a number names an identity document: "licence number", "passport no.", "NI number is" (not "policy covers up to"). */
function idDocumentLabel(before: string[]): boolean {
  for (let k = before.length - 1; k >= 0 && k >= before.length - 4; k--) {
    const b = before[k].replace(/[:,]$/, '').replace(/’/g, "'");
    if (list('id-document-word').has(b.replace(/\.$/, ''))) return true;
    if (!list('id-label').has(b)) return false;
  }
  return false;
}

/**
 * The word that gives a secret away after the word at i: "password is Grad2024!", "PIN: 4821", "gate code
 * is 7731", "reset your password to Blue2024" (a code needs a word such as "door" or "login" before it: a
 * discount code is no secret). The secret holds a digit and has four characters or more. The index, or -1.
 */
function secretAt(words: Word[], i: number): number {
  const w = words[i].lower.replace(/[:=]$/, '');
  const qualified = list('secret-word').has(w) || (list('secret-code').has(w) && list('secret-code-qualifier').has(words[i - 1]?.lower ?? ''));
  if (!qualified || words[i].masked) return -1;
  for (let k = i + 1; k < words.length && k <= i + 3; k++) {
    const x = words[k];
    let t = x.text;
    while (t.length > 0 && '.,!?;'.includes(t[t.length - 1])) t = t.slice(0, -1);
    // Not a year, a time, an ordinal or a count ("reset on 3rd", "at 10:30", "2024").
    if (/\d/.test(t) && t.length >= 4 && !/^(?:19|20)\d{2}$/.test(t) && !/^\d+(?:st|nd|rd|th|am|pm|%)$/i.test(t) && !/^\d{1,2}[:.]\d{2}$/.test(t)) return k;
    if (!list('secret-link').has(x.lower.replace(/[:=]$/, '').replace(/’/g, "'"))) return -1;
  }
  return -1;
}

/** "QQ 12 34 56 C": two capitals, then digit pairs (six digits in all), then a letter A–D; the index of the last word, or -1. */
function groupedIdEnd(words: Word[], i: number, text: string): number {
  let digits = 0;
  let k = i + 1;
  while (k < words.length && digits < 6 && /^\d{2,6}$/.test(words[k].text) && /^ $/.test(text.slice(words[k - 1].end, words[k].start))) {
    digits += words[k].text.length;
    k++;
  }
  if (digits !== 6) return -1;
  const last = words[k];
  return last && /^[A-D]$/.test(last.text) && /^ $/.test(text.slice(words[k - 1].end, last.start)) ? k : k - 1;
}

/**
 * An address we send the customer's mail to is theirs, even a shared mailbox: "we've resent invoice 12 to
 * billing@acme.co.uk", "we'll email it to accounts@…", "the one on your account, billing@…". An address the
 * customer is told to write to ("email billing@…", "you sent it to support@…") stays ours.
 */
function sentToCustomer(words: Word[], i: number): boolean {
  const before = wordsBefore(words, i, 8).map((b) => b.replace(/[’]/g, "'").replace(/[:,]$/, ''));
  const k = before.length;
  if (POSSESSIVE.has(before[k - 1] ?? '') || (before[k - 1] === 'at' && YOU.has(before[k - 2] ?? ''))) return true;
  // "your address, billing@…", "your email accounts@…".
  if ((POSSESSIVE.has(before[k - 2] ?? '') || POSSESSIVE.has(before[k - 3] ?? '')) && ['address', 'email', 'e-mail', 'inbox', 'mailbox'].includes(before[k - 1] ?? '')) return true;
  if (before[k - 1] !== 'to') return false;
  for (let j = k - 2; j >= 0; j--) {
    const b = before[j];
    if (YOU.has(b) || b === 'please' || b === 'can' || b === 'could') return false;
    if (list('sent-to-verb').has(b)) return !before.slice(0, j).some((x) => YOU.has(x));
    if (list('send-base').has(b)) return ['we', "we'll", 'i', "i'll", 'will', 'shall', "we've", "i've"].includes(before[j - 1] ?? '') || (before[j - 1] === 'can' && ['we', 'i'].includes(before[j - 2] ?? ''));
  }
  return false;
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

/** A shared mailbox a customer's business has ("billing", "accounts.payable"), not a team of ours ("support"). */
function customerMailbox(local: string): boolean {
  const parts = local.toLowerCase().split(/[.\-_+]/);
  return parts.some((p) => list('customer-mailbox').has(p)) || !isRoleMailbox(local);
}

/** E-mail addresses in text[from, to): a linear scan around each "@" (no regex backtracking). Shared mailboxes count only when `role` (the customer's). */
function emailsIn(text: string, from: number, to: number, once = false, role = false): Span[] {
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
    if (isRoleMailbox(name) && !(role && customerMailbox(name))) continue;
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

/** A request to post personal data in public: "Reply with your postcode", "Could you comment with your date of birth?". */
export interface PersonalRequest {
  span: Span;
  /** The words from the request verb to the last piece of data asked for. */
  text: string;
  /** What is asked for, as written ("postcode", "account number"). */
  asked: string[];
  context: Span;
}

/** A category of rules/public-privacy.yml as single words and as runs of words ("date of birth"), read once. */
interface Phrases {
  words: Set<string>;
  /** Runs of two or more words, by their first word. */
  runs: Map<string, string[][]>;
}
const phraseCache = new Map<string, Phrases>();
function phrases(category: string): Phrases {
  let p = phraseCache.get(category);
  if (!p) {
    p = { words: new Set(), runs: new Map() };
    for (const m of list(category)) {
      const parts = m.split(/\s+/);
      if (parts.length === 1) p.words.add(m);
      else p.runs.set(parts[0], [...(p.runs.get(parts[0]) ?? []), parts]);
    }
    phraseCache.set(category, p);
  }
  return p;
}

/** How many words of `ws` from `j` a phrase of the category covers (the longest), or 0. */
function matchAt(ws: readonly string[], j: number, category: string): number {
  const p = phrases(category);
  let best = p.words.has(ws[j]) ? 1 : 0;
  for (const run of p.runs.get(ws[j]) ?? []) {
    if (run.length > best && run.every((r, k) => ws[j + k] === r)) best = run.length;
  }
  return best;
}

/** A phrase of the category starts between words `from` and `to`. */
function hasPhraseIn(ws: readonly string[], from: number, to: number, category: string): boolean {
  for (let j = from; j <= to && j < ws.length; j++) if (matchAt(ws, j, category)) return true;
  return false;
}

/** Where a phrase of the category first starts in `ws`, or Infinity. */
function firstPhrase(ws: readonly string[], category: string): number {
  for (let j = 0; j < ws.length; j++) if (matchAt(ws, j, category)) return j;
  return Infinity;
}

/** Facts about a sentence, each worked out once on first use (a long sentence with many requests stays linear). */
class SentenceFacts {
  private cache = new Map<string, number>();
  private lastPublic?: number;
  private lastPlease?: number;
  constructor(
    private readonly words: readonly Word[],
    private readonly ws: readonly string[],
    private readonly text: string,
  ) {}
  /** The first word of a phrase of the category, or Infinity. */
  first(category: string): number {
    let f = this.cache.get(category);
    if (f === undefined) this.cache.set(category, (f = firstPhrase(this.ws, category)));
    return f;
  }
  /** The last word of a public cue ("here", "in the comments"), or -1. */
  lastPublicCue(): number {
    if (this.lastPublic === undefined) {
      this.lastPublic = -1;
      for (let j = this.ws.length - 1; j >= 0; j--) if (matchAt(this.ws, j, 'public-cue')) { this.lastPublic = j; break; }
    }
    return this.lastPublic;
  }
  /** The last "please" that ends a clause ("Your postcode please, and …"), or -1. */
  lastClausePlease(): number {
    if (this.lastPlease === undefined) {
      this.lastPlease = -1;
      for (let k = this.ws.length - 1; k >= 0; k--) {
        if (PLEASE.has(this.ws[k]) && (k === this.ws.length - 1 || breakBefore(this.words, k + 1, this.text, true))) { this.lastPlease = k; break; }
      }
    }
    return this.lastPlease;
  }
}

const YOU = new Set(['you', 'u', 'ya', 'ye']);
/** Words before "your phone", "the email" that make it a place, not data asked for: "into your phone", "to your email". */
const PLACE_WORDS = new Set(['into', 'onto', 'to', 'in', 'on', 'from', 'via', 'by', 'at']);
/** Words that may stand between "your" and what it owns without changing what it is ("your full details", "your new number"). */
const PLAIN_ADJECTIVES = new Set(['full', 'new', 'current', 'latest', 'own', 'old', 'correct', 'updated', 'usual', 'best', 'main', 'preferred']);
const PLEASE = new Set(['please', 'pls', 'plz', 'thanks', 'ta']);
const WE = new Set(['we', 'i', "we'll", "i'll", "we'd", "i'd", 'will', 'would', 'shall']);
const POSSESSIVE = new Set(['your', 'ur', 'yr', 'his', 'her', 'their', 'yours']);
const NOT_POSSESSIVE = new Set(["it's", "that's", "let's", "what's", "there's", "here's", "who's", "he's", "she's"]);
/** Words after an id-word that point at what it belongs to: "the number on your card", "the name on the booking". */
const POINTERS = new Set(['of', 'on', 'from', 'for', 'printed', 'linked', 'registered', 'associated', 'used', 'attached', 'at', 'to', 'in', 'under', 'shown']);

function normWord(w: Word): string {
  let s = w.lower.replace(/[’‘]/g, "'");
  while (s.length > 1 && /[.,!?;:)]$/.test(s) && s !== 'no.') s = s.slice(0, -1);
  return s;
}

/** Punctuation other than a comma (or an emoji) between words j-1 and j: a clause starts at j. */
function breakBefore(words: readonly Word[], j: number, text: string, commaBreaks: boolean): boolean {
  if (j <= 0) return true;
  const gap = text.slice(words[j - 1].end, words[j].start);
  for (const c of gap) {
    if (/\s/.test(c) || c === '"' || c === "'" || c === '“' || c === '”' || c === '‘' || c === '’' || c === '*' || c === '_' || c === '/' || c === '&' || c === '+') continue;
    if ((c === ',' || c === ':') && !commaBreaks) continue;
    return true;
  }
  return false;
}

function isPossessive(w: string | undefined): boolean {
  if (!w) return false;
  return POSSESSIVE.has(w) || (w.endsWith("'s") && w.length > 2 && !NOT_POSSESSIVE.has(w)) || (w.endsWith("s'") && w.length > 3);
}

type VerbKind = 'ask' | 'need' | 'we' | 'mind';

/**
 * The verb at i is said to the customer as a request: "Reply …", "Please send …", "could you
 * post …", "if you reply …", "feel free to comment …", "please to send …" ('ask'); "we'll need …"
 * ('need'); "can we get …" ('we'); "(would you) mind sending …" ('mind').
 */
function isRequest(words: readonly Word[], ws: readonly string[], i: number, text: string, kind: VerbKind): boolean {
  let k = i;
  for (;;) {
    if (breakBefore(words, k, text, true)) return kind === 'ask' || kind === 'need';
    if (!list('soft-word').has(ws[k - 1])) break;
    k--;
  }
  const b = ws[k - 1];
  const a = ws[k - 2] ?? '';
  // "Check the app and reply with …", "could you check your inbox and reply …": the clause before "and" asks too.
  if (kind === 'ask' && CONJUNCTIONS.has(b)) return askingClause(words, ws, k - 1, text);
  if (kind === 'need') return WE.has(b);
  if (kind === 'we') return ['we', 'i'].includes(b) && ['can', 'could', 'may'].includes(a);
  if (kind === 'mind') return b === 'mind';
  if (YOU.has(b)) return list('ask-lead').has(a);
  if (['can', 'could', 'may', 'might'].includes(b)) return YOU.has(a);
  if (b === 'to' && ['free', 'you', 'u', 'able', 'please', 'kindly', 'pls', 'plz'].includes(a)) return true;
  // "Quickest is to just reply with …", "the best way is to post …": advice that asks.
  if (b === 'to' && (a === 'is' || a === "'s") && list('advice-lead').has(ws[k - 3] ?? '')) return true;
  // "Are you happy to share …", "you're welcome to post …" (not "we're happy to send …").
  if (b === 'to' && ['happy', 'willing', 'ok', 'okay', 'welcome', 'able'].includes(a)) return ws.slice(Math.max(0, k - 5), k - 2).some((w) => YOU.has(w) || w === "you're" || w === 'youre');
  return false;
}

const CONJUNCTIONS = new Set(['and', 'or', '&', 'plus', 'but']);
const SUBJECTS = new Set(['we', 'i', 'they', 'he', 'she', 'it', 'there', "we'll", "i'll", "we've", "i've", "we're", "i'm", "they'll", "it'll", "he'll", "she'll", "it's", "that's", 'who', 'which', 'that']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall', "won't", "can't", "couldn't", "wouldn't", 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did', 'do']);

/**
 * The clause that ends before the conjunction at `c` is a request itself: it has "could you …",
 * or it starts with a verb and has no subject or modal ("Check the app and …"), so the verb after
 * the conjunction is said to the customer too. "We'll check and …" and "The engineer will call
 * and …" are not.
 */
function askingClause(words: readonly Word[], ws: readonly string[], c: number, text: string): boolean {
  let s = c;
  while (s > 0 && !breakBefore(words, s, text, true) && c - s < 12) s--;
  for (let j = s; j < c; j++) if (YOU.has(ws[j]) && list('ask-lead').has(ws[j - 1] ?? '')) return true;
  for (let j = s; j < c; j++) if (SUBJECTS.has(ws[j]) || MODALS.has(ws[j])) return false;
  const first = ws[s] ?? '';
  return c > s && !['the', 'a', 'an', 'our', 'your', 'my', 'this', 'that', 'these', 'those', 'you', 'u'].includes(first);
}

/** The verb in an -ing form: "sending" → "send", "sharing" → "share", "dropping" → "drop", "replying" → "reply". */
function unGerund(w: string): string[] {
  if (w.length < 6 || !w.endsWith('ing')) return [];
  const stem = w.slice(0, -3);
  const out = [stem, `${stem}e`];
  if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1));
  return out;
}

/** How the word at i can ask for something, if at all. */
function verbKind(ws: readonly string[], i: number): VerbKind | undefined {
  const w = ws[i];
  if (list('request-verb').has(w)) return 'ask';
  if (list('need-verb').has(w)) return 'need';
  if (list('we-verb').has(w)) return 'we';
  if (unGerund(w).some((g) => list('request-verb').has(g))) return 'mind';
  return undefined;
}

/** "don't", "never" or "no" in the few words before the verb, inside its clause. */
function negatedBefore(words: readonly Word[], ws: readonly string[], i: number, text: string, span = 5): boolean {
  for (let j = i - 1; j >= 0 && j >= i - span; j--) {
    if (list('negation').has(ws[j])) return true;
    if (breakBefore(words, j, text, true)) break;
  }
  return false;
}

interface Asked {
  from: number;
  to: number;
}

/** Personal data starting at word j of a request's object, or undefined. */
function personalAt(words: readonly Word[], ws: readonly string[], j: number, text: string): Asked | undefined {
  const before = ws[j - 1];
  // "into your phone", "to your email": a place the data is in, not the data.
  const place = (from: number) => {
    const a = ws[from - 1] ?? '';
    return PLACE_WORDS.has(a) || ((isPossessive(a) || a === 'the') && PLACE_WORDS.has(ws[from - 2] ?? ''));
  };
  const blocked = (from: number, to: number) =>
    place(from) ||
    (before !== undefined && list('not-personal-before').has(before)) || matchAt(ws, to + 1, 'not-personal-after') > 0 || negatedBefore(words, ws, from, text, 3) || ws.slice(Math.max(0, from - 3), from).includes('our');
  // An id-word right after ("phone number", "reg number", "PIN code") belongs to the same piece of data.
  const withId = (to: number) => (matchAt(ws, to + 1, 'id-word') ? to + 1 : to);
  const strong = matchAt(ws, j, 'personal-word');
  if (strong) {
    const to = j + strong - 1;
    return blocked(j, to) ? undefined : { from: j, to: withId(to) };
  }
  // "your number" (not "your seat number": a word between must make it personal); "your new mobile".
  const owner = isPossessive(before) || (isPossessive(ws[j - 2]) && (!ws[j].startsWith('number') || PLAIN_ADJECTIVES.has(before ?? '')));
  // "your mobile" is a number; "your phone on charge" is the phone itself.
  const device = list('device-word').has(ws[j]) && !matchAt(ws, j + 1, 'id-word') && list('device-after').has(ws[j + 1] ?? '');
  if (matchAt(ws, j, 'owned-word') && owner && !device && !blocked(j, j)) return { from: list('id-qualifier').has(before ?? '') ? j - 1 : j, to: withId(j) };
  if (matchAt(ws, j, 'owned-word') && matchAt(ws, j + 1, 'id-word') && ws[j] !== 'number' && ws[j] !== 'numbers' && !blocked(j, j + 1)) return { from: j, to: j + 1 };
  const w = ws[j];
  // "the last 4 of your card": a count, then what it belongs to.
  if ((/^\d{1,2}$/.test(w) || ['four', 'six', 'three', 'two'].includes(w)) && ws[j + 1] === 'of') {
    for (let q = j + 2; q < ws.length && q <= j + 5; q++) if (list('id-qualifier').has(ws[q]) && !matchAt(ws, q + 1, 'not-personal-after')) return { from: j, to: q };
  }
  if (!matchAt(ws, j, 'id-word')) return undefined;
  if (w === 'name' || w === 'names') {
    if (ws[j + 1] === 'of' || blocked(j, j)) return undefined;
    let q = j - 1;
    while (q >= 0 && list('name-part').has(ws[q])) q--;
    return q < j - 1 || isPossessive(ws[q]) || (ws[j + 1] === 'on' && ws.slice(j + 2, j + 5).some((x) => list('id-qualifier').has(x))) ? { from: q < j - 1 ? q + 1 : j, to: j } : undefined;
  }
  if (blocked(j, j)) return undefined;
  // A question or an answer is personal only as a secret: "the answer to your security question".
  if (['question', 'questions', 'answer', 'answers'].includes(w)) {
    const secret = ws.slice(Math.max(0, j - 3), j).some((x) => list('secret-qualifier').has(x)) || (POINTERS.has(ws[j + 1] ?? '') && ws.slice(j + 2, j + 6).some((x) => list('secret-qualifier').has(x)));
    return secret ? { from: j, to: j } : undefined;
  }
  // A qualifier just before: "account number", "booking reference", "student ID", "card details", "the card's last 4 digits".
  for (let q = j - 1; q >= 0 && q >= j - 3; q--) {
    if (breakBefore(words, q + 1, text, true) || ws[q] === 'and') break;
    if (list('id-qualifier').has(ws[q].replace(/'s$/, '')) || matchAt(ws, q, 'personal-word')) return { from: q, to: j };
  }
  // A number to contact them by: "the best number to reach you on".
  if ((w === 'number' || w === 'no') && ws[j + 1] === 'to' && list('contact-verb').has(ws[j + 2] ?? '') && YOU.has(ws[j + 3] ?? '')) return { from: j, to: j + 3 };
  // "your details", "your full details", "your ID" (not "your seat number": that word says what the number is).
  if (['number', 'numbers', 'details', 'id', 'ids', 'reference', 'ref', 'info', 'information', 'digits'].includes(w) && (isPossessive(before) || (isPossessive(ws[j - 2]) && PLAIN_ADJECTIVES.has(before ?? '')))) return { from: j, to: j };
  // Or what it belongs to, after it: "the long number printed on your RFID card", "the last four digits of your card".
  if (POINTERS.has(ws[j + 1] ?? '')) {
    for (let q = j + 1; q < ws.length && q <= j + 7; q++) {
      if (list('clause-stop').has(ws[q]) && q > j + 1) break;
      if (list('id-qualifier').has(ws[q]) && !matchAt(ws, q + 1, 'not-personal-after')) return { from: j, to: q };
    }
  }
  return undefined;
}

/**
 * Requests to post personal data in a public reply. A request verb said to the customer
 * (imperative, "can you …", "if you …", "feel free to …", "we'll need …", "what's your …?"),
 * with personal data in its object, and no private channel in the sentence (or, when the
 * sentence names no public place, in the sentence before).
 */
export function findPersonalRequests(doc: Doc): PersonalRequest[] {
  const out: PersonalRequest[] = [];
  let prev: Sentence | undefined;
  /** Sentences left in which a list of data may answer a request that named none ("Could you reply with a few details? Your name and postcode."). */
  let pending = 0;
  for (const sentence of doc.sentences) {
    const before = prev && prev.block === sentence.block ? prev : undefined;
    prev = sentence;
    const words = sentence.words;
    const ws = words.map(normWord);
    const text = sentence.block.text;
    const question = sentence.text.includes('?');
    const facts = new SentenceFacts(words, ws, text);
    const privateHere = () => facts.first('private-channel') < Infinity;
    let beforePrivate: boolean | undefined;
    let askedNothing = false;
    let found = false;
    for (let i = 0; i < words.length; i++) {
      if (words[i].masked || words[i].quoted) continue;
      const verb = ws[i];
      const kind = verbKind(ws, i);
      // "Your full name and date of birth in the comments, please": a request with no verb.
      const verbless = !kind && isPossessive(verb) && breakBefore(words, i, text, true) && (question || facts.lastClausePlease() > i || facts.lastPublicCue() >= i);
      if (!kind && !verbless) continue;
      if ((verb === 'which' || verb.startsWith('what')) && !question) continue;
      if (kind && !isRequest(words, ws, i, text, kind)) continue;
      if (negatedBefore(words, ws, i, text)) continue;
      let start = verbless ? i : i + 1;
      // "let us know your email": only "let us/me know" and "let us have" ask for something.
      if (verb === 'let') {
        if (!['us', 'me'].includes(ws[i + 1] ?? '') || !['know', 'have'].includes(ws[i + 2] ?? '')) continue;
        start = i + 3;
      }
      const object = objectOf(words, ws, text, start, i + 20);
      let { asked, end } = object;
      // "We'll need your licence number, can you reply with it here?": "it" stands for the data named just before.
      let carried: string | undefined;
      if (!asked.length && !verbless && kind !== 'need' && kind !== 'we') {
        const it = pronounAt(ws, start, verb);
        const public_ = it !== -1 && (list('public-verb').has(verb) || unGerund(verb).some((g) => list('public-verb').has(g)) || facts.lastPublicCue() > it);
        carried = public_ ? lastDataIn(doc, sentence, i) ?? (before ? lastDataIn(doc, before, before.words.length) : undefined) : undefined;
        if (carried) {
          asked = [{ from: it, to: it }];
          end = it;
        }
      }
      if (!asked.length) {
        // "Could you reply with a few details?": the data may follow in the next sentence or list item.
        if (kind && ['reply', 'comment', 'post', 'send', 'drop', 'share', 'tweet', 'provide', 'confirm', 'include', 'pop', 'leave', 'need'].includes(verb)) askedNothing = true;
        continue;
      }
      const v = i;
      i = end;
      // A private channel anywhere in the sentence ("… or DM us"); a private place only up to the end of the request ("… into the form on our website").
      if ((privateHere() && !overruled(ws, v)) || hasPhraseIn(ws, v, end, 'private-cue')) continue;
      // "We'll need your licence number. Could you DM it to us?": the next sentence says where it goes.
      if ((kind === 'need' || kind === 'we') && sentPrivately(doc, sentence)) continue;
      beforePrivate ??= before !== undefined && firstPhrase(before.words.map(normWord), 'private-channel') < Infinity;
      if (beforePrivate && facts.first('public-cue') > end) continue;
      found = true;
      const span = sentence.block.spanOf(words[v].start, words[asked[asked.length - 1].to].end);
      if (carried) {
        // The data itself was asked for earlier in the sentence ("we'll need your X, can you reply with it?"): one finding for both.
        const earlier = out.length ? out[out.length - 1] : undefined;
        if (earlier && earlier.context.start === sentence.span.start) {
          earlier.span = { start: earlier.span.start, end: span.end };
          earlier.text = doc.slice(earlier.span);
        } else out.push({ span, text: doc.slice(span), asked: [carried], context: sentence.span });
        continue;
      }
      out.push({ span, text: doc.slice(span), asked: asked.map((a) => doc.slice(sentence.block.spanOf(words[a.from].start, words[a.to].end))), context: sentence.span });
    }
    // A list of data and nothing else: after a request that named none, or as a question ("Order number and postcode?").
    if (!found && (pending > 0 || question) && words.length && !privateHere() && facts.first('private-cue') === Infinity) {
      const { asked } = objectOf(words, ws, text, 0, words.length - 1);
      if (asked.length && onlyData(ws, asked)) {
        const span = sentence.block.spanOf(words[asked[0].from].start, words[asked[asked.length - 1].to].end);
        out.push({ span, text: doc.slice(span), asked: asked.map((a) => doc.slice(sentence.block.spanOf(words[a.from].start, words[a.to].end))), context: sentence.span });
        found = true;
      }
    }
    if (askedNothing && !found && !privateHere() && facts.first('private-cue') === Infinity) pending = 3;
    else if (pending > 0) pending = found || privateHere() ? 0 : pending - 1;
  }
  return out;
}

/**
 * Every private channel in the sentence comes before a "but" that comes before the request: "DM works,
 * but honestly quickest is to just reply with your serial number". The request wins.
 */
function overruled(ws: readonly string[], v: number): boolean {
  let contrast = -1;
  for (let j = v - 1; j >= 0; j--) if (list('contrast').has(ws[j])) { contrast = j; break; }
  if (contrast === -1) return false;
  for (let j = contrast; j < ws.length; j++) if (matchAt(ws, j, 'private-channel')) return false;
  return firstPhrase(ws, 'private-channel') < contrast;
}

/** The sentence after this one, in the same block, sends something to a private channel and points at no public place. */
function sentPrivately(doc: Doc, sentence: Sentence): boolean {
  const next = doc.sentences[doc.sentences.indexOf(sentence) + 1];
  if (!next || next.block !== sentence.block) return false;
  const ws = next.words.map(normWord);
  return firstPhrase(ws, 'private-channel') < Infinity && firstPhrase(ws, 'public-cue') === Infinity;
}

/** "with it", "it", "them back": the index of a pronoun object right after a verb that can put it in the reply, or -1. */
function pronounAt(ws: readonly string[], start: number, verb: string): number {
  if (!list('pronoun-verb').has(verb) && !unGerund(verb).some((g) => list('pronoun-verb').has(g))) return -1;
  let j = start;
  if (ws[j] === 'with' || ws[j] === 'back') j++;
  if (ws[j] === 'with') j++;
  if (!list('pronoun').has(ws[j] ?? '')) return -1;
  // "that" or "this" before a noun is a determiner ("post this photo"), not a pronoun.
  return (ws[j] === 'that' || ws[j] === 'this') && /^[a-z]/.test(ws[j + 1] ?? '') && !list('public-cue').has(ws[j + 1] ?? '') && !['over', 'across', 'back', 'in', 'on', 'below', 'please'].includes(ws[j + 1] ?? '') ? -1 : j;
}

/** The last personal data named in a sentence's words before word `to` ("your licence number"), as written, or undefined. */
function lastDataIn(doc: Doc, sentence: Sentence, to: number): string | undefined {
  const words = sentence.words;
  const ws = words.map(normWord);
  let found: Asked | undefined;
  for (let j = 0; j < to && j < words.length; j++) {
    if (words[j].masked) continue;
    const hit = personalAt(words, ws, j, sentence.block.text);
    if (hit) {
      found = hit;
      j = Math.max(j, hit.to);
    }
  }
  return found ? doc.slice(sentence.block.spanOf(words[found.from].start, words[found.to].end)) : undefined;
}

/** The personal data in a request's object, from word `start` to the end of its clause (at most word `last`). */
function objectOf(words: readonly Word[], ws: readonly string[], text: string, start: number, last: number): { asked: Asked[]; end: number } {
  const asked: Asked[] = [];
  let end = start - 1;
  for (let j = start; j < words.length && j <= last; j++) {
    if (j > start && breakBefore(words, j, text, false)) break;
    // ", can you reply …", ", please reply …": a new request starts after the comma.
    if (j > start && breakBefore(words, j, text, true) && ((['can', 'could', 'would', 'will'].includes(ws[j]) && YOU.has(ws[j + 1] ?? '')) || PLEASE.has(ws[j]) && ws[j] !== 'thanks' && ws[j] !== 'ta' && j + 1 < ws.length)) break;
    // "to" ends the object before a verb ("… to check"), not before a place ("reply to this post").
    if (ws[j] === 'to' ? !['this', 'that', 'the', 'our', 'a', 'us', 'me', 'it', 'my'].includes(ws[j + 1] ?? '') : list('clause-stop').has(ws[j])) break;
    end = j;
    if (words[j].masked || words[j].quoted) continue;
    const hit = personalAt(words, ws, j, text);
    if (hit) {
      asked.push(hit);
      j = Math.max(j, hit.to);
      end = j;
    }
  }
  return { asked, end: Math.max(end, start) };
}

/** Filler around a bare list of data: "Your full name, and the postcode on the account, please?" */
const LIST_FILLER = new Set(['your', 'ur', 'the', 'a', 'an', 'and', 'or', '&', '+', 'plus', 'also', 'just', 'in', 'on', 'of', 'with', 'as', 'well', 'too', 'both', 'this', 'that', 'reply', 'x', 'pls', 'plz', 'please', 'thanks', 'ta', 'then', 'oh', 'ok', 'okay', 'great', 'so']);

/** Every word of the sentence is data asked for or filler: a list of data, not a statement about it. */
function onlyData(ws: readonly string[], asked: readonly Asked[]): boolean {
  let k = 0;
  for (let j = 0; j < ws.length; j++) {
    while (k < asked.length && asked[k].to < j) k++;
    if (k < asked.length && asked[k].from <= j) continue;
    const w = ws[j];
    if (LIST_FILLER.has(w) || list('id-qualifier').has(w) || list('name-part').has(w) || PLAIN_ADJECTIVES.has(w) || matchAt(ws, j, 'public-cue') || /^[\d-]+$/.test(w)) continue;
    return false;
  }
  return true;
}
