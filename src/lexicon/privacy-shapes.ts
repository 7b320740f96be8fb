/**
 * More shapes of personal data in a public reply (issue 13), read on the words
 * of the prose model next to src/care/privacy.ts, which finds the plain shapes
 * (an e-mail address, "order #48213", "12 Elm Street"). These are the shapes a
 * new writer used and no list had:
 *   - part of a number: "the card ending 4417", "the mobile ending 09", "last four digits 1234";
 *   - a family member or pet by name: "your daughter Amira", "your dog Biscuit";
 *   - health and money: "your knee surgery", "your prescription for sertraline", "your £2,340 overdraft";
 *   - an address in pieces: "flat 3", "Apartment 12B", "your unit 214", "number 22 on Rosebank Avenue",
 *     "your house on Fern Lane", "your taps at 14 Larch Close";
 *   - an e-mail address in words: "jo dot baker at gmail dot com", "priya.s [at] outlook [dot] com";
 *   - a username after its label: "your gamer tag xXShadowFoxXx";
 *   - a date of birth in more words: "the fourth of July 1988", "14 Feb 92";
 *   - a number plate of any country after its label: "plate 7ABC123", "registration KL 447 MX";
 *   - bank details: an IBAN, "sort code 20-45-77"; an IP address ("81.144.22.190", not a private range);
 *   - a reference code: "Policy HX 2291 0047", "it's under QZ19DK";
 *   - a private link: "the link to your gallery is snapify.co/g/samuel-okoro-8812".
 * Each shape needs what ties it to the customer (a label, "your", a debt word), and our own details
 * ("our flat", "the helpline") stay ours. Also here: ourLine, which tells a number the customer is told
 * to ring ("you can call her directly on 0161 …") from theirs. Word lists live in
 * rules/public-privacy.yml; the small closed sets kept here are grammar (ordinals, possessives).
 * Linear in the number of words; the only regular expressions test one word at a time.
 */
import type { Doc } from '../document/document.js';
import type { Sentence, Word } from '../document/prose.js';
import type { Span } from '../types.js';
import { table } from './data.js';

export type ShapeKind = 'partial' | 'family' | 'name' | 'health' | 'money' | 'address' | 'email' | 'handle' | 'birth' | 'plate' | 'bank' | 'ip' | 'order' | 'link';

export interface ShapeFinding {
  kind: ShapeKind;
  span: Span;
  text: string;
  /** The sentence it stands in (for the baseline fingerprint). */
  context: Span;
}

const lists = new Map<string, Set<string>>();
/** A category of rules/public-privacy.yml, lower case, read once. */
function list(category: string): Set<string> {
  let s = lists.get(category);
  if (!s) lists.set(category, (s = new Set(table('public-privacy').entries.filter((e) => e.category === category).flatMap((e) => e.match.map((m) => String(m).toLowerCase())))));
  return s;
}

const POSSESSIVE = new Set(['your', 'ur', 'yr', 'his', 'her', 'their']);
const YOU = new Set(['you', 'u', "you're", 'youre', "you've", "you'd", 'yours']);
const OURS = new Set(['our', 'us', 'ours', "we're"]);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first', 'twenty-second', 'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh', 'twenty-eighth', 'twenty-ninth', 'thirtieth', 'thirty-first']);
const COUNTS = new Set(['two', 'three', 'four', 'five', 'six', '2', '3', '4', '5', '6']);

/** A word's lower-case text without trailing punctuation and with straight apostrophes. */
function norm(w: Word | undefined): string {
  if (!w) return '';
  let s = w.lower.replace(/[’‘]/g, "'");
  while (s.length > 1 && /[.,!?;:)\]]$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** A word without the punctuation after it ("on,", "(9am)."): a loop, not a regular expression. */
function trimPunct(s: string): string {
  let e = s.length;
  while (e > 0 && '.,!?;:()'.includes(s[e - 1])) e--;
  return s.slice(0, e);
}

/** Only spaces (at most two) between words a and b of the block. */
function spaced(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length > 0 && gap.length <= 2 && gap.trim() === '';
}

/** Every new shape of personal data in the document, in file order. */
export function findPersonalShapes(doc: Doc): ShapeFinding[] {
  const out: ShapeFinding[] = [];
  for (const sentence of doc.sentences) scan(doc, sentence, out);
  return out.filter((f) => !doc.placeholders.some((p) => p.span.start < f.span.end && f.span.start < p.span.end)).sort((a, b) => a.span.start - b.span.start);
}

function scan(doc: Doc, sentence: Sentence, out: ShapeFinding[]): void {
  const words = sentence.words;
  const ws = words.map(norm);
  const text = sentence.block.text;
  const add = (kind: ShapeKind, from: number, to: number, end?: number) => {
    // "£2,340 overdraft": the currency sign belongs to the amount.
    const start = kind === 'money' && currencyBefore(text, words[from]) ? text.lastIndexOf(text.slice(0, words[from].start).trimEnd().slice(-1), words[from].start) : words[from].start;
    const span = sentence.block.spanOf(start, end ?? words[to].end);
    if (out.some((o) => o.span.start < span.end && span.start < o.span.end)) return;
    out.push({ kind, span, text: doc.slice(span), context: sentence.span });
  };
  const ours = (i: number) => oursBefore(ws, i);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.masked) continue;
    const lw = ws[i];
    const next = words[i + 1];
    // Part of a number: "ending 09", "ends in 482", "last four digits 1234", "****1234".
    const part = partialAt(words, ws, i, text);
    if (part !== -1) {
      add('partial', i, part);
      i = part;
      continue;
    }
    // "your daughter Amira", "her brother Finn", "your dog Biscuit".
    if ((list('family-word').has(lw) || list('pet-word').has(lw)) && (POSSESSIVE.has(ws[i - 1]) || (POSSESSIVE.has(ws[i - 2]) && list('family-adjective').has(ws[i - 1])))) {
      const n = words[i + 1];
      // Tied to a booking, a policy or a place in the same sentence ("… to the booking", "… place on the swim class").
      const tied = ws.some((x) => list('family-tie').has(x) || list('order-word').has(x));
      if (n && !n.masked && spaced(text, w, n) && isName(n) && tied) {
        add('family', i, i + 1, n.start + n.text.replace(/[,.;:!?]$/, '').replace(/['’]s$/, '').length);
        i++;
        continue;
      }
      // "your wife, Maria Lopez, can collect": a full name set off by commas.
      const m = words[i + 2];
      if (n && m && tied && text.slice(w.end, n.start) === ', ' && isName(n) && spaced(text, n, m) && isName(m)) {
        add('family', i, i + 2, m.start + m.text.replace(/[,.;:!?]$/, '').replace(/['’]s$/, '').length);
        i += 2;
        continue;
      }
    }
    // Health: "your knee surgery", "you're pregnant", "your prescription for sertraline".
    const health = healthAt(ws, i);
    if (health !== -1) {
      add('health', i, health);
      i = health;
      continue;
    }
    // Money a customer owes or holds: "your £2,340 overdraft", "£180 in arrears", "your balance of £4,812.60".
    if (currencyBefore(text, w) && /^\d/.test(w.text)) {
      const m = moneyAt(words, ws, i, text);
      if (m) {
        add('money', m[0], m[1]);
        i = Math.max(i, m[1]);
        continue;
      }
    }
    // "two payments behind", "three months in arrears", said of the customer.
    if ((lw === 'behind' || lw === 'arrears') && list('arrears-count').has(ws[i - 1] === 'in' ? ws[i - 2] : ws[i - 1]) && youBefore(ws, i, 6)) {
      const from = ws[i - 1] === 'in' ? i - 3 : i - 2;
      if (from >= 0 && (COUNTS.has(ws[from]) || /^\d{1,2}$/.test(ws[from]) || ['a', 'one', 'several', 'few'].includes(ws[from]))) {
        add('money', from, i);
        continue;
      }
    }
    // "booked under Okonkwo", "the table is under Reyes": a surname a booking is filed under.
    if (ws[i - 1] === 'under' && ws.slice(Math.max(0, i - 5), i - 1).some((b) => list('name-under-lead').has(b)) && isName(w) && !w.quoted && !/['"‘“]/.test(text.slice(words[i - 1].end, w.start))) {
      const n2 = words[i + 1];
      const last = n2 && spaced(text, w, n2) && isName(n2) ? i + 1 : i;
      add('name', i, last, words[last].start + words[last].text.replace(/[,.;:!?]$/, '').replace(/['’]s$/, '').length);
      i = last;
      continue;
    }
    // "your ZIP 94107", "postcode: D02 X285", "Eircode A65 F4E2".
    if (list('zip-label').has(lw)) {
      let k = i + 1;
      if (ws[k] === 'code' || ws[k] === 'is' || ws[k] === 'of') k++;
      if (ws[k] === 'is') k++;
      const z = words[k];
      const zt = z ? z.text.replace(/[,.;:!?)]$/, '') : '';
      if (z && !z.masked && /^[A-Z0-9]{2,5}(?:-\d{4})?$/.test(zt) && /\d/.test(zt) && !/^(?:19|20)\d{2}$/.test(zt) && !ours(i)) {
        const z2 = words[k + 1];
        const second = z2 && text.slice(z.end, z2.start) === ' ' && /^[A-Z0-9]{3,4}$/.test(z2.text.replace(/[,.;:!?)]$/, '')) && /\d/.test(z2.text) && /[A-Z]/.test(z2.text + zt);
        const end = second ? k + 1 : k;
        add('address', k, end, words[end].start + words[end].text.replace(/[,.;:!?)]$/, '').length);
        i = end;
        continue;
      }
    }
    // "flat 3", "Apartment 12B", "your unit 214", "room 12 … in your name".
    if (next && !next.masked && /^[A-Z]?\d{1,4}[A-Za-z]?$/.test(next.text.replace(/[,.;:]$/, '')) && /\d/.test(next.text) && !ours(i)) {
      const after = words[i + 2];
      const unitAfter = after && (list('not-address-after').has(norm(after)) || /^[%£$€]/.test(text.slice(next.end, next.end + 1)) || currencyBefore(text, next));
      const flat = list('flat-word').has(lw) && !unitAfter && ws[i - 1] !== 'a';
      const unit = list('unit-word').has(lw) && !unitAfter && (POSSESSIVE.has(ws[i - 1]) || inYourName(ws));
      if (flat || unit) {
        add('address', i, i + 1, next.end - (/[,.;:]$/.test(next.text) ? 1 : 0));
        i++;
        continue;
      }
    }
    // "number 22 on Rosebank Avenue".
    if (lw === 'number' && next && /^\d{1,4}[a-z]?$/i.test(ws[i + 1]) && (ws[i + 2] === 'on' || ws[i + 2] === 'in')) {
      const end = streetNameEnd(words, i + 3, text);
      if (end !== -1 && !ours(i)) {
        add('address', i, end);
        i = end;
        continue;
      }
    }
    // "your taps at 14 Larch Close", "your house on Fern Lane": a street tied to the customer.
    if (/^\d{1,5}[a-z]?$/i.test(w.text) && streetTied(ws, i) && !ours(i)) {
      const end = streetNameEnd(words, i + 1, text);
      if (end !== -1) {
        add('address', i, end);
        i = end;
        continue;
      }
    }
    if ((lw === 'on' || lw === 'in') && list('home-word').has(ws[i - 1]) && (POSSESSIVE.has(ws[i - 2]) || POSSESSIVE.has(ws[i - 3])) && !ours(i)) {
      const end = streetNameEnd(words, i + 1, text);
      if (end !== -1) {
        add('address', i + 1, end);
        i = end;
        continue;
      }
    }
    // "jo dot baker at gmail dot com", "priya.s [at] outlook [dot] com".
    if (lw === 'at' && i > 0) {
      const e = spelledEmailAt(words, ws, i);
      if (e && !ours(e[0])) {
        add('email', e[0], e[1]);
        i = e[1];
        continue;
      }
    }
    // "your gamer tag xXShadowFoxXx", "username: jsmith_88".
    const handle = handleAt(words, ws, i, text);
    if (handle !== -1) {
      add('handle', handle, handle);
      i = handle;
      continue;
    }
    // "date of birth … the fourth of July 1988", "DOB 14 Feb 92".
    const birth = birthAt(words, ws, i);
    if (birth !== -1) {
      add('birth', i, birth);
      i = birth;
      continue;
    }
    // "plate 7ABC123", "registration KL 447 MX", "the car B-MW 4521".
    const plate = plateAt(words, ws, i, text);
    if (plate !== -1) {
      add('plate', i, plate);
      i = plate;
      continue;
    }
    // "GB29 NWBK 6016 1331 9268 19", "sort code 20-45-77".
    const iban = ibanAt(words, i, text);
    if (iban !== -1) {
      add('bank', i, iban);
      i = iban;
      continue;
    }
    if (/^\d{2}-\d{2}-\d{2}$/.test(ws[i]) && ws.slice(Math.max(0, i - 3), i).some((b) => list('bank-label').has(b))) {
      add('bank', i, i);
      continue;
    }
    // "81.144.22.190" (a public address: not 10.x, 192.168.x, 127.x).
    if (publicIp(ws[i]) && !ws.slice(Math.max(0, i - 3), i).some((b) => list('not-ip-before').has(b))) {
      add('ip', i, i, w.start + ws[i].length);
      continue;
    }
    // "Policy HX 2291 0047", "booked under QZ19DK".
    const code = codeAt(words, ws, i, text);
    if (code !== -1) {
      add('order', i, code);
      i = code;
      continue;
    }
    // "the link to your gallery is snapify.co/g/samuel-okoro-8812".
    const link = privateLinkAt(words, ws, i, text);
    if (link) {
      const span = sentence.block.spanOf(w.start, link);
      if (!out.some((o) => o.span.start < span.end && span.start < o.span.end)) out.push({ kind: 'link', span, text: doc.slice(span), context: sentence.span });
      while (i + 1 < words.length && words[i + 1].start < link) i++;
    }
  }
}

/** "our", "us", "we're" in the five words before, with no "your" or "you" after it: the detail is ours. */
function oursBefore(ws: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    if (POSSESSIVE.has(ws[k]) || YOU.has(ws[k])) return false;
    if (OURS.has(ws[k]) || list('ours-lead').has(ws[k])) return true;
  }
  return false;
}

/** "your" or "you" in the n words before word i. */
function youBefore(ws: readonly string[], i: number, n: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - n; k--) if (POSSESSIVE.has(ws[k]) || YOU.has(ws[k])) return true;
  return false;
}

/**
 * "your taps at 14 Larch Close", "your home at …": a possessive in the seven words before a numbered street,
 * with no place of ours ("your parcel is at the depot, …") and no errand the customer runs there ("collect your
 * parcel from …"), unless a home word says whose it is ("your house", "your door").
 */
function streetTied(ws: readonly string[], i: number): boolean {
  let owned = -1;
  for (let k = i - 1; k >= 0 && k >= i - 7; k--) if (POSSESSIVE.has(ws[k])) { owned = k; break; }
  if (owned === -1) return false;
  if (list('home-word').has(ws[owned + 1] ?? '')) return true;
  const near = ws.slice(Math.max(0, i - 7), i);
  return !near.some((b) => list('not-personal-before').has(b) || list('visit-verb').has(b));
}

/** "in your name", "you're in", "you're staying in": the sentence ties a unit or a room to the customer. */
function inYourName(ws: readonly string[]): boolean {
  for (let k = 0; k < ws.length; k++) {
    if (ws[k] === 'your' && ws[k + 1] === 'name' && ws[k - 1] === 'in') return true;
    if ((ws[k] === "you're" || ws[k] === 'youre' || (ws[k] === 'you' && ws[k + 1] === 'are')) && ['in', 'staying', 'renting', 'booked'].includes(ws[k + (ws[k] === 'you' ? 2 : 1)] ?? '')) return true;
  }
  return false;
}

/** A first name: a capital and lower case letters ("Amira", "Biscuit", "O'Neill"), not a month, a day or "I". */
function isName(w: Word): boolean {
  const t = w.text.replace(/['’]s$/, '').replace(/[,.;:!?]$/, '');
  if (!/^\p{Lu}\p{Ll}{1,14}(?:[-'’]\p{Lu}?\p{Ll}+)?$/u.test(t)) return false;
  const l = t.toLowerCase();
  return !MONTHS.has(l) && !DAYS.has(l) && !list('not-a-name').has(l);
}

/** A currency sign right before the word ("£2,340", "$ 80"), or "£2" split from ",340". */
function currencyBefore(text: string, w: Word): boolean {
  const c = text.slice(Math.max(0, w.start - 2), w.start).trim();
  return c.length > 0 && /[£$€]$/.test(c);
}

/** "ending 09", "ends in 482", "ending with 7731", "last four digits 1234", "****1234": the index of the digits, or -1. */
function partialAt(words: readonly Word[], ws: readonly string[], i: number, text: string): number {
  const w = ws[i];
  const digitsAt = (k: number) => {
    const x = words[k];
    if (!x || x.masked) return false;
    const t = ws[k];
    if (!/^\d{2,4}$/.test(t) || currencyBefore(text, x)) return false;
    // "ends in 2027", "the membership ends in 2027", "ending in 5 days", "ends at 10": a year only after a card ("the Visa ending 2019").
    if (/^(?:19|20)\d{2}$/.test(t) && (ws[k - 1] === 'in' || !ws.slice(Math.max(0, i - 3), i).some((b) => list('card-word').has(b)))) return false;
    const after = ws[k + 1] ?? '';
    return !list('not-partial-after').has(after) && !/^[%:]/.test(text.slice(x.end, x.end + 1));
  };
  // "****1234", "xxxx-1234", "•••• 1234".
  if (/^[*•x]{2,}-?\d{2,4}$/i.test(words[i].text) && /^[*•xX]{2,}/.test(words[i].text) && !/^x+$/i.test(words[i].text)) return i;
  if (list('partial-lead').has(w) && !batchOf(ws.slice(Math.max(0, i - 5), i))) {
    // The owner is near: "the card ending", "the mobile ending", "account ending", "the one ending in" (a number ends, a sale does not).
    const owned = ws.slice(Math.max(0, i - 3), i).some((b) => list('partial-owner').has(b) || list('card-word').has(b) || b === 'one' || b === 'number');
    if (!owned) return -1;
    let k = i + 1;
    if (['in', 'with', 'on', 'as'].includes(ws[k])) k++;
    return digitsAt(k) ? k : -1;
  }
  if (w === 'last' && COUNTS.has(ws[i + 1] ?? '')) {
    let k = i + 2;
    if (['digits', 'numbers', 'digit'].includes(ws[k])) k++;
    if (['of', 'on'].includes(ws[k])) {
      // "last four digits of your card 1234"
      let q = k + 1;
      while (q < ws.length && q <= k + 4 && !/^\d/.test(ws[q])) q++;
      k = q;
    }
    if (['are', 'is', 'were', 'being'].includes(ws[k])) k++;
    return digitsAt(k) ? k : -1;
  }
  return -1;
}

/** The last word of a health detail starting at word i ("knee surgery", "pregnant", "prescription for sertraline"), or -1. */
function healthAt(ws: readonly string[], i: number): number {
  const w = ws[i];
  const owner = (n: number) => {
    for (let k = i - 1; k >= 0 && k >= i - n; k--) {
      if (POSSESSIVE.has(ws[k]) || YOU.has(ws[k])) return true;
      if (OURS.has(ws[k]) || ws[k] === 'the' || ws[k] === 'a' || ws[k] === 'an' || ws[k] === 'any' || ws[k] === 'all') return false;
    }
    return false;
  };
  if (list('health-word').has(w) && owner(3) && !list('health-not-before').has(ws[i - 1] ?? '')) return i;
  // A procedure names a body part before it: "your knee surgery", "her hip operation" (not "your GP surgery").
  if (list('health-procedure').has(w) && list('body-part').has(ws[i - 1] ?? '') && owner(3)) return i;
  // "your prescription for sertraline" (not "your prescription for collection").
  if (list('health-weak').has(w) && ws[i + 1] === 'for' && owner(2)) {
    const x = ws[i + 2] ?? '';
    if (/^\p{L}{4,}$/u.test(x) && !list('health-not-after').has(x) && !MONTHS.has(x) && !DAYS.has(x) && !POSSESSIVE.has(x)) return i + 2;
  }
  return -1;
}

/** "your £2,340 overdraft", "£180 in arrears", "your balance of £4,812.60", "you owe £300": [first, last] word, or undefined. */
function moneyAt(words: readonly Word[], ws: readonly string[], i: number, text: string): [number, number] | undefined {
  // The amount may run over "2", "340" or "4", "812.60".
  let end = i;
  while (end + 1 < words.length && /^\d{3}(?:\.\d{1,2})?$/.test(ws[end + 1]) && text.slice(words[end].end, words[end + 1].start) === ',') end++;
  // A debt word right after ("overdraft", "in arrears", "overdrawn", "behind").
  for (let k = end + 1; k < ws.length && k <= end + 3; k++) {
    if (list('money-word').has(ws[k])) {
      // "the £25 overdraft fee" is a price, not what the customer owes.
      if (list('not-money-after').has(ws[k + 1] ?? '')) break;
      if (youBefore(ws, i, 6) || ws[k] === 'arrears' || ws[k] === 'overdrawn') return [i, k];
      break;
    }
    // Not "of": "the first £50 of your overdraft" is how the product works.
    if (!['in', 'on', 'unpaid', 'unauthorised', 'unarranged', 'arranged', 'total', 'outstanding'].includes(ws[k])) break;
  }
  // A debt word before, tied to the customer: "your overdraft of", "you owe", "your balance is".
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (list('money-word').has(ws[k]) || ws[k] === 'owe' || ws[k] === 'owing') {
      const tied = ws[k] === 'owe' || ws[k] === 'owing' ? YOU.has(ws[k - 1] ?? '') || ws[k - 1] === 'still' : youBefore(ws, k, 3);
      return tied ? [k, end] : undefined;
    }
    if (!['of', 'is', 'was', 'now', 'at', 'stands', 'still', 'currently', 'just', 'over', 'about', 'around', 'nearly', 'almost'].includes(ws[k])) return undefined;
  }
  return undefined;
}

/** Capitalised words ending in a street word, from word `from`: "Rosebank Avenue", "Mill Lane". The index of the street word, or -1. */
function streetNameEnd(words: readonly Word[], from: number, text: string): number {
  for (let k = from; k < words.length && k <= from + 3; k++) {
    const w = words[k];
    if (!w || w.masked) return -1;
    if (k > from && !spaced(text, words[k - 1], w)) return -1;
    if (k > from && list('street-word').has(norm(w).replace(/\.$/, '')) && /^\p{Lu}/u.test(w.text)) return k;
    if (!/^\p{Lu}\p{Ll}+$/u.test(w.text.replace(/[,.]$/, '')) || /[,.]$/.test(w.text)) return -1;
  }
  return -1;
}

/** "jo dot baker at gmail dot com": [first, last] word of an address spelled with "at" and "dot", or undefined. */
function spelledEmailAt(words: readonly Word[], ws: readonly string[], a: number): [number, number] | undefined {
  const part = (x: string | undefined) => x !== undefined && /^[a-z0-9][a-z0-9._+-]{0,40}$/.test(x);
  // The mailbox, back over "dot" pieces: "jo dot baker".
  let s = a - 1;
  if (!part(ws[s]) || words[s].masked) return undefined;
  while (s - 2 >= 0 && ws[s - 1] === 'dot' && part(ws[s - 2])) s -= 2;
  const local = ws.slice(s, a).filter((x) => x !== 'dot').join('.');
  // The domain: "gmail dot com", "outlook.com", "gmail dot co dot uk".
  let e = a + 1;
  if (!part(ws[e])) return undefined;
  const host = [ws[e]];
  while (ws[e + 1] === 'dot' && part(ws[e + 2])) {
    host.push(ws[e + 2]);
    e += 2;
  }
  const domain = host.join('.');
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (!domain.includes('.') || !list('mail-tld').has(tld)) return undefined;
  // Spelled out, or a mail provider's address with a symbol in it ("priya.s at outlook.com").
  if (e === a + 1 && !list('mail-provider').has(host[0].split('.')[0])) return undefined;
  if (list('role-mailbox').has(local) || local.split(/[.\-_+]/).some((p) => list('role-mailbox').has(p))) return undefined;
  return [s, e];
}

/** "your gamer tag xXShadowFoxXx", "username: jsmith_88": the index of the handle, or -1. */
function handleAt(words: readonly Word[], ws: readonly string[], i: number, text: string): number {
  let k = i;
  if (list('handle-label').has(`${ws[i]} ${ws[i + 1] ?? ''}`)) k = i + 1;
  else if (!list('handle-label').has(ws[i])) return -1;
  if (ws[k + 1] === 'is' || ws[k + 1] === 'of') k++;
  const h = words[k + 1];
  // "@jess_runs" is the handle we reply to: public already.
  if (!h || h.masked || text.slice(h.start - 1, h.start) === '@') return -1;
  const t = h.text.replace(/[,.;:!?]$/, '');
  if (!/^@?[A-Za-z0-9_.-]{5,30}$/.test(t) || /^[A-Z]?[a-z]+$/.test(t) && !t.startsWith('@')) return -1;
  // A handle has a digit, an underscore or capitals inside ("xXShadowFoxXx").
  return /\d|_|^@|[a-z][A-Z]/.test(t) && !list('not-a-name').has(t.toLowerCase()) ? k + 1 : -1;
}

/** A date of birth in words after a birth word: "the fourth of July 1988", "14 Feb 92", "4th July '88". The last word, or -1. */
function birthAt(words: readonly Word[], ws: readonly string[], i: number): number {
  // "Birthday" alone may be a party ("your birthday lunch on 4 June 2027"): a date of birth needs "born", "DOB", "birth".
  if (!ws.slice(Math.max(0, i - 6), i).some((b) => b !== 'birthday' && list('birth-word').has(b.replace(/[:.]$/, '')))) return -1;
  const day = (x: string | undefined) => x !== undefined && (/^(?:[1-9]|0[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/.test(x) || ORDINALS.has(x));
  const month = (x: string | undefined) => x !== undefined && MONTHS.has(x.replace(/\.$/, ''));
  const year = (k: number) => {
    const x = words[k]?.text.replace(/[,.;:!?]$/, '');
    return x !== undefined && /^(?:(?:19|20)\d{2}|['’]\d{2}|\d{2})$/.test(x);
  };
  let k = i;
  if (ws[k] === 'the' && day(ws[k + 1])) k++;
  if (day(ws[k])) {
    let m = k + 1;
    if (ws[m] === 'of') m++;
    if (month(ws[m]) && year(m + 1)) return m + 1;
    return -1;
  }
  if (month(ws[k])) {
    let d = k + 1;
    if (ws[d] === 'the') d++;
    if (day(ws[d]) && year(d + 1)) return d + 1;
  }
  return -1;
}

/** A number plate of any country after "plate", "reg", "registration" (or a vehicle word right before): the last word, or -1. */
function plateAt(words: readonly Word[], ws: readonly string[], i: number, text: string): number {
  const window = ws.slice(Math.max(0, i - 3), i);
  const labelled = window.some((b) => list('plate-label').has(b)) || list('plate-word').has(ws[i - 1] ?? '');
  // "registration code ABC12345" is a licence key, not a plate.
  if (!labelled || window.some((b) => list('not-plate-between').has(b))) return -1;
  let k = i;
  let joined = '';
  while (k < words.length && k < i + 3) {
    const t = words[k].text.replace(/[,.;:!?)]$/, '');
    if (words[k].masked || !/^[A-Z0-9]{1,7}(?:-[A-Z0-9]{1,4})?$/.test(t)) break;
    if (k > i && !(text.slice(words[k - 1].end, words[k].start) === ' ' && !/[,.;:!?)]$/.test(words[k - 1].text))) break;
    joined += t.replace(/-/g, '');
    k++;
  }
  k--;
  if (k < i) return -1;
  const letters = joined.replace(/[^A-Z]/g, '').length;
  const digits = joined.replace(/\D/g, '').length;
  return joined.length >= 5 && joined.length <= 9 && letters >= 1 && digits >= 2 ? k : -1;
}

/** An IBAN: two letters, two digits, then groups (15 to 34 characters in all). The last word, or -1. */
function ibanAt(words: readonly Word[], i: number, text: string): number {
  const first = words[i].text;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{0,30}$/.test(first)) return -1;
  let joined = first;
  let k = i;
  while (k + 1 < words.length && joined.length < 34 && /^[A-Z0-9]{1,4}$/.test(words[k + 1].text.replace(/[,.;:]$/, '')) && text.slice(words[k].end, words[k + 1].start) === ' ') {
    joined += words[k + 1].text.replace(/[,.;:]$/, '');
    k++;
    if (/[,.;:]$/.test(words[k].text)) break;
  }
  return joined.length >= 15 && joined.length <= 34 && /\d{6}/.test(joined.slice(4)) ? k : -1;
}

/** A public IPv4 address (not a private, loopback or example range). */
function publicIp(t: string): boolean {
  const parts = t.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return false;
  const [a, b] = parts.map(Number);
  // Documentation ranges ("203.0.113.42") stand for an address in instructions.
  if ((a === 192 && b === 0 && parts[2] === '2') || (a === 198 && b === 51 && parts[2] === '100') || (a === 203 && b === 0 && parts[2] === '113')) return false;
  if (a === 10 || a === 127 || a === 0 || a >= 224 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254)) return false;
  // Public DNS resolvers people are told to use ("8.8.8.8", "1.1.1.1").
  return !(parts.every((p) => p === parts[0]) || t === '8.8.4.4' || t === '1.0.0.1' || t === '9.9.9.9');
}

/** "Policy HX 2291 0047", "booked under QZ19DK", "it's under QZ19DK": the last word of a reference, or -1. */
function codeAt(words: readonly Word[], ws: readonly string[], i: number, text: string): number {
  const t = words[i].text.replace(/[,.;:!?)]$/, '');
  // Letters, then groups of digits, after a record label.
  if (/^[A-Z]{1,4}$/.test(t) && ws.slice(Math.max(0, i - 3), i).some((b) => list('order-word').has(b) || list('id-document-word').has(b))) {
    let k = i;
    let digits = 0;
    while (k + 1 < words.length && /^\d{2,8}$/.test(ws[k + 1]) && text.slice(words[k].end, words[k + 1].start) === ' ') {
      digits += ws[k + 1].length;
      k++;
    }
    if (digits >= 6) return k;
  }
  // "your customer number 70042218", "client ref: AB-2291".
  const label = ['number', 'no', 'no.', 'id', 'ref', 'reference', 'code', '#'].includes(ws[i - 1] ?? '') ? i - 2 : ws[i - 1] === 'is' && ['number', 'no', 'id', 'ref', 'reference'].includes(ws[i - 2] ?? '') ? i - 3 : -1;
  if (label >= 0 && list('holder-word').has(ws[label]) && /\d/.test(t) && /^[A-Z0-9][A-Z0-9-]{4,19}$/i.test(t) && !/^(?:19|20)\d{2}$/.test(t)) return i;
  // "under QZ19DK": a code of capitals and digits a booking is filed under.
  if (ws[i - 1] === 'under' && list('under-lead').has(ws[i - 2] ?? '') && /^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{5,12}$/.test(t)) return i;
  return -1;
}

/**
 * A link to something of the customer's ("your gallery", "your order", "your tracking") whose path holds
 * a digit or a long piece: "snapify.co/g/samuel-okoro-8812". The end offset in the block, or undefined.
 */
function privateLinkAt(words: readonly Word[], ws: readonly string[], i: number, text: string): number | undefined {
  const w = words[i];
  if (!/^[a-z0-9]/i.test(w.text) || (i > 0 && text.slice(words[i - 1].end, w.start).trim() !== '')) return undefined;
  let end = w.start;
  while (end < text.length && end - w.start < 300 && !/\s/.test(text[end])) end++;
  while (end > w.start && /[.,;:!?)]/.test(text[end - 1])) end--;
  const url = text.slice(w.start, end).replace(/^https?:\/\//i, '');
  const slash = url.indexOf('/');
  if (slash <= 0) return undefined;
  const host = url.slice(0, slash);
  if (!/^[a-z0-9-]+\.[a-z0-9.-]+$/i.test(host) || !/\.[a-z]{2,}$/i.test(host)) return undefined;
  const path = url.slice(slash + 1);
  // A piece with a digit ("samuel-okoro-8812", "a8f3k2"), not a help article ("help.shop.com/articles/360012345").
  const pieces = path.split(/[/?=&#]/);
  if (!pieces.some((p) => /\d/.test(p) && p.length >= 6 && !/^(?:19|20)\d{2}$/.test(p)) || pieces.some((p) => list('not-private-path').has(p.toLowerCase())) || /^(?:help|support|docs|status)\./i.test(host)) return undefined;
  // Tied to the customer: "your gallery", "your order" in the eight words before.
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (list('link-owner').has(ws[k]) && (POSSESSIVE.has(ws[k - 1] ?? '') || POSSESSIVE.has(ws[k - 2] ?? ''))) return end;
  }
  return undefined;
}

/**
 * A phone number that is ours or our staff's because the customer is told to ring it: "you can call her
 * directly on 0161 …", "ring the clinic on …", "the helpline, 0345 …". `before` is the words of the
 * sentence before the number, lower case.
 */
export function ourLine(before: readonly string[]): boolean {
  const ws = before.map((b) => trimPunct(b.replace(/[’‘]/g, "'")));
  const n = ws.length;
  const theirs = (x: string) => x === 'your' || x === 'ur' || x === 'yr' || x === 'yours' || x === 'me' || x === 'my';
  for (let k = n - 1; k >= 0 && k >= n - 4; k--) if (list('our-line').has(ws[k]) && !ws.slice(Math.max(0, k - 2), n).some(theirs)) return true;
  if (ws[n - 1] !== 'on' && ws[n - 1] !== 'at' && ws[n - 1] !== 'via') return false;
  for (let k = n - 2; k >= 0 && k >= n - 6; k--) {
    if (theirs(ws[k]) || YOU.has(ws[k]) || ws[k] === 'his' || ws[k] === 'their') return false;
    if (list('reach-verb').has(ws[k])) {
      // Told to the customer: "you can call", "please ring", "just call", or at the start of the clause.
      const p = ws[k - 1];
      return p === undefined || ['you', 'can', 'could', 'please', 'just', 'or', 'then', 'and', 'to', 'directly', 'also'].includes(p);
    }
  }
  return false;
}

/**
 * The words after a request, up to the next clause ("… and we'll check"), put the data somewhere private
 * in an app or a site: "add your new email address there", "add your card details in your account
 * settings". `after` is the words of the sentence after the request, lower case.
 */
export function keptInApp(after: readonly string[]): boolean {
  const ws = after.map((b) => trimPunct(b.replace(/[’‘]/g, "'")));
  if (ws[0] === 'there' || (ws[0] === 'in' && ws[1] === 'there')) return true;
  for (let k = 0; k < ws.length && k < 12; k++) {
    if (list('clause-stop').has(ws[k]) && k > 0) return false;
    if (['in', 'into', 'under', 'on', 'via', 'through', 'to', 'onto'].includes(ws[k])) {
      for (let q = k + 1; q < ws.length && q <= k + 3; q++) if (list('app-place').has(ws[q])) return true;
    }
  }
  return false;
}

/** "Gift cards ending in 2025", "all accounts ending 00": a batch of cards, not one customer's. `before` is lower case. */
export function batchOf(before: readonly string[]): boolean {
  return before.slice(-5).some((b) => list('batch-word').has(trimPunct(b)));
}

/**
 * A finding of src/care/privacy.ts that is no one's data after all: "Bulletin ID: ASEC-23-001" (a public
 * document's number), "pin PWM2" (a pin on a board: a PIN is digits). `before` is the words before it, lower case.
 */
export function notTheirs(kind: string, text: string, before: readonly string[]): boolean {
  const ws = before.map(trimPunct);
  if (kind === 'id') {
    const label = ws.findLastIndex((b) => list('id-document-word').has(b));
    return label > 0 && list('public-id-before').has(ws[label - 1]);
  }
  // "Your membership ends in 2027": a year, not the digits of a card ("the card ending in 2019" keeps them).
  if (kind === 'card' && /^(?:19|20)\d{2}$/.test(text)) return ws[ws.length - 1] === 'in' && !ws.slice(-5).some((b) => ['card', 'visa', 'mastercard', 'amex', 'debit', 'credit'].includes(b));
  if (kind === 'secret') {
    const k = ws.findLastIndex((b) => list('secret-word').has(b) || list('secret-code').has(b));
    return k !== -1 && ws[k] === 'pin' && /[a-z]/i.test(text);
  }
  return false;
}
