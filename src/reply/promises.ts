/**
 * Promises of follow-up or action, and their time frames. A promise is an
 * action after "will", "'ll", "shall" or "going to" said by a person or a
 * team ("we'll look into it", "someone will follow up", "Maria will call"),
 * the customer waiting for us ("you'll hear from us"), or work under way
 * ("we're looking into it"). A time frame is a concrete point or span ("by
 * noon on Thursday", "later this afternoon", "within 2 business days",
 * "before your next bill"), in the promise's own line or the next. A
 * condition ("once we hear back from the warehouse") or a vague stand-in
 * ("as soon as possible") is not one.
 */
import type { Word } from '../document/prose.js';
import type { ReplyLine } from './lines.js';
import { hitsIn, hitText, wordList, type Hit } from './words.js';

const COMMIT = 'time-bound-commitment';

export interface PromiseInfo {
  line: ReplyLine;
  /** From the subject or future marker to the end of the promised action. */
  first: Word;
  last: Word;
  /** The promise as written, e.g. "We'll look into". */
  text: string;
  /** The line (this one or the next) that gives the time frame, when there is one. */
  timeFrame?: ReplyLine;
  /** A vague stand-in ("as soon as possible") or a condition ("once we hear back"), when that is all there is. */
  vague?: string;
  /** The stand-in is a condition, not a vague time. */
  condition?: boolean;
}

const ADVERBS = new Set(['also', 'then', 'still', 'definitely', 'personally', 'certainly', 'gladly', 'happily', 'now', 'surely', 'absolutely', 'all', 'both', 'really', 'myself', 'ourselves', 'themselves', 'probably', 'likely', 'usually', 'normally', 'hopefully', 'just', 'be', 'directly', 'then']);
const NEGATIONS = new Set(['not', 'never', "n't", 'no']);
const MAX_GAP = 7;
/** A promise inside a clause like "no idea when you'll get back" is not one. */
const CLAUSE = new Set(['when', 'if', 'whether', 'until', 'unless', 'once', 'before', 'after', 'where', 'how', 'what', 'why']);
const PRONOUNS = new Set(['we', 'i', 'someone', 'somebody', 'they', 'he', 'she', 'you']);
const DETERMINERS = new Set(['our', 'the', 'a', 'an', 'my', 'one', 'someone', 'your']);
const EVERYONE = new Set(['any', 'all', 'every', 'each']);

/** Every promise in the given lines (the agent's own words), each with its time frame if it has one. */
export function promisesOf(lines: ReplyLine[]): PromiseInfo[] {
  const found: { idx: number; p: PromiseInfo; hit: Hit }[] = [];
  lines.forEach((line, idx) => {
    if (line.question) return;
    const hits = [...hitsIn(line, COMMIT, 'promise'), ...hitsIn(line, COMMIT, 'promise-you'), ...hitsIn(line, COMMIT, 'promise-now')].sort((a, b) => a.first.start - b.first.start);
    let after = -1;
    for (const hit of hits) {
      const marker = hit.value.category === 'promise-now' ? hit.first : futureMarker(line, hit);
      if (!marker || isPolicy(line, hit) || conditionalAsk(line, marker)) continue;
      // "we'll investigate and get back to you" is one commitment: a second one needs its own subject.
      if (marker.start <= after) continue;
      const prev = line.words[line.words.indexOf(marker) - 1];
      if (prev && CLAUSE.has(prev.lower)) continue;
      found.push({ idx, hit, p: { line, first: marker, last: hit.last, text: hitText(line, marker, hit.last) } });
      after = hit.last.start;
    }
  });
  const promised = new Set(found.map((f) => f.idx));
  const lastOf = new Map<number, Hit>();
  for (const f of found) lastOf.set(f.idx, f.hit);
  for (const { idx, p } of found) {
    const line = lines[idx];
    const next = lines[idx + 1];
    const prev = lines[idx - 1];
    // "it may take a few days, and we will be in touch at the earliest opportunity": the vague words after the promise are its time.
    const vagueAfter = hitsIn(line, COMMIT, 'vague').some((v) => v.first.start > p.first.start);
    if (vagueAfter ? hasTimeFrame(line, p.first.start, true) : hasTimeFrame(line, p.first.start)) p.timeFrame = line;
    else if (next && !promised.has(idx + 1) && !next.question && next.block === line.block && hasTimeFrame(next)) p.timeFrame = next;
    else if (prev && !prev.question && prev.block === line.block && tiedToEvent(line, p) && hasTimeFrame(prev)) {
      // "They've committed to a decision by 3pm today. I'll message you as soon as I have it": the event has a time.
      p.timeFrame = prev;
    } else {
      const vague = hitsIn(line, COMMIT, 'vague')[0];
      if (vague) p.vague = hitText(line, vague.first, vague.last);
      else {
        // "including when to book the check-up": "when to" asks, it names no event.
        const cond = hitsIn(line, COMMIT, 'event').find((e) => e.first.start > p.first.start && line.words[line.words.indexOf(e.last) + 1]?.lower !== 'to');
        if (cond) {
          const words = line.words;
          const at = words.indexOf(cond.first);
          const upto = words.slice(at, Math.min(words.length, at + 5));
          p.vague = hitText(line, upto[0], upto[upto.length - 1]);
          p.condition = true;
        }
      }
    }
  }
  return found.map((f) => f.p);
}

/** The promise waits on an event named after it ("as soon as I have it", "the moment they land"), not on a vague time. */
function tiedToEvent(line: ReplyLine, p: PromiseInfo): boolean {
  // "as soon as possible", "shortly": vague, whatever came before. "as soon as we have an update": an event.
  const news = /^(?:as soon as|once|when) (?:we|i) (?:have|know|hear|get)/;
  if (hitsIn(line, COMMIT, 'vague').some((v) => v.first.start > p.first.start && !news.test(v.phrase))) return false;
  return hitsIn(line, COMMIT, 'event').some((e) => e.first.start > p.first.start);
}

/** "If you'd like, we'll …" is an offer; "if that's OK, I'll …" still promises. Only "if you want/need/prefer" before the marker makes it an offer. */
function conditionalAsk(line: ReplyLine, marker: Word): boolean {
  const words = line.words;
  const at = words.indexOf(marker);
  const before = words.slice(0, at).map((w) => w.lower);
  const i = before.lastIndexOf('if');
  // "If anything changes, ring me and we'll adjust it": they call, and it is done on that call.
  const CONTACT = ['ring', 'call', 'phone', 'email', 'e-mail', 'reply', 'contact', 'message', 'tell', 'text', 'dm', 'let'];
  if (i !== -1 && before.slice(i + 1).some((b) => CONTACT.includes(b)) && ['and', 'then'].includes(before[before.length - 1] ?? '')) return true;
  return i !== -1 && ['you', "you'd", 'you’d'].includes(before[i + 1] ?? '') && ['want', 'need', 'prefer', 'like', 'would', "'d", 'wish', 'ever', "d"].some((x) => before.slice(i + 1, i + 4).some((b) => b === x || b.endsWith(x)));
}

interface Subject {
  word: Word;
  start: Word;
  person: boolean;
  you: boolean;
}

function isName(w: Word): boolean {
  if (w.masked) return true;
  const first = w.text[0];
  return Boolean(first) && first !== first.toLowerCase() && !wordList('not-a-name').has(w.lower) && !/ing$/.test(w.lower) && !PRONOUNS.has(w.lower);
}

function futureMarker(line: ReplyLine, hit: Hit): Word | undefined {
  const words = line.words;
  const text = line.block.text;
  const human = wordList('human-subject');
  const at = words.indexOf(hit.first);
  const passive = hit.phrase.toLowerCase().startsWith('be ');
  const customerIsSubject = hit.value.category === 'promise-you';
  // "I'll ask the parts team whether they have one in stock and get back to you": a second verb joined by "and" shares the first one's "will".
  const reach = ['and', 'then'].includes(words[at - 1]?.lower ?? '') ? 2 * MAX_GAP + 2 : MAX_GAP + 1;
  for (let j = at - 1; j >= 0 && at - j <= reach; j--) {
    const w = words[j];
    if (w.quoted) return undefined;
    let subject: Subject | undefined;
    let marker = w;
    const l = w.lower.replace(/’/g, "'");
    if (l.endsWith("'ll")) {
      const who = l.slice(0, -3);
      subject = { word: w, start: w, person: human.has(who) || isName(w), you: who === 'you' };
    } else if (l === 'will' || l === 'shall') {
      subject = subjectOf(words, j, text, human);
    } else if (l === 'gonna') {
      // "Gonna get a new one out to you": a chatty future; no subject means the writer.
      const sw = words[j - 1];
      const who = sw?.lower.replace(/’/g, "'").replace(/'(re|m|s)$/, '');
      subject = sw && !['is', 'are', "'s", 'it', 'this', 'that'].includes(who ?? '') ? { word: sw, start: sw, person: human.has(who ?? '') || isName(sw), you: who === 'you' } : sw ? undefined : { word: w, start: w, person: true, you: false };
      if (!subject) return undefined;
    } else if (l === 'to' && words[j - 1]?.lower === 'going') {
      let k = j - 2;
      if (k >= 0 && ['am', 'are', 'is'].includes(words[k].lower)) k--;
      const sw = words[k];
      const who = sw?.lower.replace(/’/g, "'").replace(/'(re|m|s)$/, '');
      if (sw) subject = { word: sw, start: sw, person: human.has(who ?? '') || isName(sw), you: who === 'you' };
      marker = sw ?? w;
    } else continue;
    if (!subject) return undefined;
    if (subject.word.lower === 'and' || subject.word.lower === 'then') {
      // "We've kept your order and will email you": the subject opens the clause.
      const opener = words.slice(0, words.indexOf(subject.word)).find((x) => !x.masked);
      const who = opener?.lower.replace(/’/g, "'").replace(/'(ve|re|m|d|ll)$/, '');
      if (opener && human.has(who ?? '')) subject = { word: opener, start: marker, person: true, you: false };
    }
    for (let k = Math.min(words.indexOf(subject.start), j); k < at; k++) {
      if (NEGATIONS.has(words[k].lower) || /n['’]t$/.test(words[k].lower)) return undefined;
    }
    const start = subject.person || subject.you ? subject.start : marker;
    if (passive) return start;
    if (customerIsSubject) return subject.you ? start : undefined;
    return subject.person ? start : undefined;
  }
  return undefined;
}

function subjectOf(words: Word[], j: number, text: string, human: Set<string>): Subject | undefined {
  let nearest: Word | undefined;
  for (let k = j - 1; k >= 0 && j - k <= 4; k--) {
    const w = words[k];
    if (/[,;:]/.test(text.slice(w.end, words[k + 1].start))) break;
    if (ADVERBS.has(w.lower)) continue;
    nearest ??= w;
    if (w.lower === 'you' && w === nearest) return { word: w, start: w, person: false, you: true };
    if (human.has(w.lower) || (isName(w) && !(k === 0 && /s$/.test(w.lower)))) {
      // "Maria from billing", "someone in our returns team": the subject starts at the person.
      let h = k;
      while (h >= 2 && ['from', 'at', 'in', 'on', 'of', 'with'].includes(words[h - 1].lower) && !/[,;:]/.test(text.slice(words[h - 2].end, words[h - 1].start))) {
        const p = words[h - 2];
        if (human.has(p.lower) || isName(p)) h -= 2;
        else break;
      }
      if (h !== k) return { word: words[h], start: words[h], person: true, you: false };
      const det = words[k - 1];
      const start = det && DETERMINERS.has(det.lower) && !/[,;:]/.test(text.slice(det.end, w.start)) ? det : w;
      return { word: w, start, person: true, you: false };
    }
    // "our surveyor", "your tutor": a role after "our"/"your" is a person.
    const det = words[k - 1]?.lower;
    if ((det === 'our' || det === 'your' || det === 'my') && /(?:er|or|ist|ian|ant)$/.test(w.lower) && w === nearest) return { word: w, start: words[k - 1], person: true, you: false };
    if (PRONOUNS.has(w.lower) || ['this', 'that', 'it', 'which', 'what', 'and', 'or', 'but', 'if', 'so'].includes(w.lower)) break;
  }
  return nearest ? { word: nearest, start: nearest, person: false, you: false } : undefined;
}

function isPolicy(line: ReplyLine, hit: Hit): boolean {
  const words = line.words;
  const at = words.indexOf(hit.last);
  if (EVERYONE.has(words[at + 1]?.lower ?? '') || hit.words.slice(1).some((w) => EVERYONE.has(w.lower))) return true;
  return words.slice(0, words.indexOf(hit.first)).some((w) => EVERYONE.has(w.lower) && !w.quoted);
}

const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'few', 'couple', 'several', 'half', '24', '48', '72']);
const UNITS = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'business', 'working', 'seconds', 'second', 'sec', 'secs', 'fortnight', 'weekday', 'weekdays']);
const CLOCK_SUFFIX = new Set(['am', 'pm', 'a.m', 'p.m', 'a.m.', 'p.m.', "o'clock", 'o’clock']);

/** Words before a number that make "2 days" a time frame ("within 2 days"), not a length ("for 2 days"). */
const SPAN_LEADS = new Set(['within', 'in', 'by', 'takes', 'take', 'taking', 'about', 'around', 'roughly', 'approximately', 'up', 'under', 'than', 'next', 'another', 'allow', 'before', 'inside', 'usually', 'normally', 'typically', 'latest', 'expect']);

/** Whether a line says when: a time-frame pattern, a number with a unit, a clock time or a date. `from`: only words at or after this offset count for bare numbers. */
export function hasTimeFrame(line: ReplyLine, from = Number.POSITIVE_INFINITY, onlyAfter = false): boolean {
  if (hitsIn(line, COMMIT, 'time-frame').some((h) => !onlyAfter || h.first.start >= from)) return true;
  const words = line.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (onlyAfter && w.start < from) continue;
    if (w.masked || w.quoted) continue;
    const l = w.lower;
    const isNumber = /^\d+(?:[.,]\d+)?$/.test(l) || /^\d+[-–]\d+$/.test(l) || NUMBER_WORDS.has(l);
    if (isNumber) {
      const lead = words.slice(Math.max(0, i - 3), i).some((x) => SPAN_LEADS.has(x.lower));
      for (let k = i + 1; k < words.length && k <= i + 4; k++) {
        if (UNITS.has(words[k].lower)) {
          if (lead || w.start >= from) return true;
          break;
        }
        if (!['to', 'or', 'of', 'more', 'couple', 'few', 'calendar', 'and', 'a', 'half', 'full', 'working', 'business', 'clear'].includes(words[k].lower) && !/^\d/.test(words[k].lower) && !NUMBER_WORDS.has(words[k].lower)) break;
      }
      if (/^\d{1,2}$/.test(l) && CLOCK_SUFFIX.has(words[i + 1]?.lower ?? '')) return true;
    }
    if (/^\d+(?:h|hr|hrs|min|mins)$/.test(l)) return true;
    if (/^\d{1,2}(?:[:.]\d{2})?(?:am|pm)$/.test(l) || /^\d{1,2}:\d{2}$/.test(l)) return true;
    if (/^\d{1,2}(?:st|nd|rd|th)$/.test(l)) return true;
    if (/^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$/.test(l) && l.includes('/')) return true;
    if (/^\d{4}-\d{2}-\d{2}$/.test(l)) return true;
    if (w.text === 'May' && (/^\d/.test(words[i + 1]?.lower ?? '') || /^\d{1,2}(?:st|nd|rd|th)?$/.test(words[i - 1]?.lower ?? ''))) return true;
  }
  return false;
}
