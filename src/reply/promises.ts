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
 *
 * The grammar, clause by clause: the subject (a person, a team, a name, "IT";
 * none at all in "Will get this fixed!"), the marker ("will", "'ll", "shall",
 * "going to", "gonna"; "should" when someone else or the customer waits:
 * "you should hear back"; "can" after "so": "so our manager can look into
 * it"), then the action from rules/time-bound-commitment.yml. Negation,
 * questions, offers ("if you'd like, I'll…"), habits ("will usually"), and
 * "any"/"all" policies are not promises. A time word in an earlier clause
 * ("I have now started it and it will be processed") is not the promise's.
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
    // A question asks; but "Can you reply with your email and we'll send a reset link?" still promises, after "and".
    const asking = line.question;
    const hits = [...hitsIn(line, COMMIT, 'promise'), ...hitsIn(line, COMMIT, 'promise-you'), ...hitsIn(line, COMMIT, 'promise-now')].sort((a, b) => a.first.start - b.first.start);
    let after = -1;
    for (const hit of hits) {
      const marker = hit.value.category === 'promise-now' ? hit.first : futureMarker(line, hit);
      if (!marker || isPolicy(line, hit, marker) || conditionalAsk(line, marker)) continue;
      // "we'll investigate and get back to you" is one commitment: a second one needs its own subject.
      if (marker.start <= after) continue;
      const prev = line.words[line.words.indexOf(marker) - 1];
      if (prev && CLAUSE.has(prev.lower)) continue;
      if (asking && !(prev && ['and', 'then'].includes(prev.lower) && /^(?:we|i)['’]ll$/.test(marker.lower))) continue;
      found.push({ idx, hit, p: { line, first: marker, last: hit.last, text: hitText(line, marker, hit.last) } });
      after = hit.last.start;
    }
  });
  const promised = new Set(found.map((f) => f.idx));
  const lastOf = new Map<number, Hit>();
  for (const f of found) lastOf.set(f.idx, f.hit);
  for (const f of found) {
    const { idx, p } = f;
    const line = lines[idx];
    const next = lines[idx + 1];
    const prev = lines[idx - 1];
    // "it may take a few days, and we will be in touch at the earliest opportunity": the vague words after the promise are its time.
    const vagueAfter = hitsIn(line, COMMIT, 'vague').some((v) => v.first.start > p.first.start);
    if (vagueAfter ? hasTimeFrame(line, p.first.start, true) : hasTimeFrame(line, p.first.start)) p.timeFrame = line;
    else if (next && (!promised.has(idx + 1) || (f.hit.value.category === 'promise-now' && !hitsIn(line, COMMIT, 'vague').length)) && !next.question && next.block === line.block && hasTimeFrame(next)) p.timeFrame = next;
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

/** A person or a team, singular or plural ("our drivers", "the engineers"). */
function isHuman(lower: string, human: Set<string>): boolean {
  const l = lower.replace(/’/g, "'");
  return human.has(l) || (l.length > 3 && l.endsWith('s') && human.has(l.slice(0, -1)));
}

function isName(w: Word): boolean {
  if (w.masked) return true;
  // "IT", "HR", "DVLA": a team or a body in capitals, never the pronoun "it".
  if (/^\p{Lu}{2,6}$/u.test(w.text)) return true;
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
      // "You'll need to verify your email" is the customer's own step, never our promise ("You'll" is no name).
      subject = { word: w, start: w, person: who !== 'you' && (human.has(who) || isName(w)), you: who === 'you' };
    } else if (l === 'will' || l === 'shall') {
      subject = subjectOf(words, j, text, human);
      // "I'm on it, will message you with news", "Will get this fixed for you!": a chatty future with no subject is the writer's.
      if (!subject && clauseStart(words, j, text)) subject = { word: w, start: w, person: true, you: false };
    } else if (l === 'should' && !['have', "'ve", 'not', "n't"].includes(words[j + 1]?.lower.replace(/’/g, "'") ?? '')) {
      // "You should hear back from the team", "someone should be in touch": an expectation we set is a promise.
      // Not "we should" or "I should" (a plan or hindsight), and never "should have".
      subject = subjectOf(words, j, text, human);
      // "The courier has been chased and should be in touch": the subject opens the clause.
      if (subject && subject.word.lower === 'and') {
        const opener = words.slice(0, Math.min(words.indexOf(subject.word), 5)).find((x) => !x.masked && isHuman(x.lower, human) && !['i', 'we'].includes(x.lower));
        subject = opener ? { word: opener, start: opener, person: true, you: false } : subject;
      }
      if (!subject || ['i', 'we'].includes(subject.word.lower) || (!subject.person && !subject.you) || hit.first.lower === 'see') return undefined;
    } else if (l === 'can' && j > 0 && isHuman(words[j - 1].lower, human) && !['i', 'we', 'you', 'they', 'who'].includes(words[j - 1].lower)) {
      // "DM us your reference so our branch manager can look into it": someone else will act for the customer.
      let k = j - 1;
      while (k > 0 && j - k < 4 && !['so', 'that'].includes(words[k - 1].lower) && !/[,;:.]/.test(text.slice(words[k - 1].end, words[k].start))) k--;
      if (k === 0 || !['so', 'that'].includes(words[k - 1].lower)) continue;
      subject = { word: words[j - 1], start: words[k], person: true, you: false };
    } else if (l === 'gonna') {
      // "Gonna get a new one out to you": a chatty future; no subject means the writer.
      const sw = clauseStart(words, j, text) ? undefined : words[j - 1];
      const who = sw?.lower.replace(/’/g, "'").replace(/'(re|m|s)$/, '');
      if (sw && ['is', 'are', "'s", 'it', 'this', 'that', 'which', 'what'].includes(who ?? '')) return undefined;
      // "at all 😕 Gonna get a new one out": a word that is no one ends the clause before; the writer speaks.
      subject = sw && (human.has(who ?? '') || who === 'you' || isName(sw)) ? { word: sw, start: sw, person: human.has(who ?? '') || isName(sw), you: who === 'you' } : { word: w, start: w, person: true, you: false };
    } else if (l === 'to' && words[j - 1]?.lower === 'going') {
      let k = j - 2;
      if (k >= 0 && ['am', 'are', 'is'].includes(words[k].lower)) k--;
      const sw = words[k];
      const who = sw?.lower.replace(/’/g, "'").replace(/'(re|m|s)$/, '');
      if (sw) subject = { word: sw, start: sw, person: human.has(who ?? '') || isName(sw), you: who === 'you' };
      // "Someone from IT is going to give you a ring": the person may stand a few words back.
      if (subject && !subject.person && !subject.you && k + 1 < words.length) subject = subjectOf(words, k + 1, text, human) ?? subject;
      marker = subject?.start ?? sw ?? w;
    } else continue;
    if (!subject) return undefined;
    if (subject.word.lower === 'and' || subject.word.lower === 'then') {
      // "We've kept your order and will email you": the subject opens the clause.
      // "The team has been told and will be in touch": the subject is the first person or team in the clause.
      const opener = words.slice(0, Math.min(words.indexOf(subject.word), 5)).find((x) => !x.masked && isHuman(x.lower.replace(/’/g, "'").replace(/'(ve|re|m|d|ll|s)$/, ''), human));
      if (opener) subject = { word: opener, start: marker, person: true, you: false };
    }
    for (let k = Math.min(words.indexOf(subject.start), j); k < at; k++) {
      if (NEGATIONS.has(words[k].lower) || /n['’]t$/.test(words[k].lower)) return undefined;
    }
    const start = subject.person || subject.you ? subject.start : marker;
    if (habitual(line, words[j], hit)) return undefined;
    // "You'll be done in no time", "you'll be ready to go": the customer's own state, not our promise.
    if (passive) return subject.you && ['done', 'ready', 'finished', 'completed', 'set'].includes(hit.last.lower) ? undefined : start;
    if (customerIsSubject) return subject.you ? start : undefined;
    return subject.person ? start : undefined;
  }
  return undefined;
}

/** The word at `j` opens a clause: nothing but placeholders before it, or punctuation or an emoji just before. */
function clauseStart(words: Word[], j: number, text: string): boolean {
  // Only placeholders or a social handle ("@tomw Will get this fixed") before it.
  if (words.slice(0, j).every((x) => x.masked || text[x.start - 1] === '@')) return true;
  const gap = text.slice(words[j - 1].end, words[j].start);
  return gap.trim() !== '' && !/^['’"”]/.test(gap.trim());
}

/** "The courier will usually leave a card": a habit word between the marker and the action makes it a policy. */
function habitual(line: ReplyLine, marker: Word, hit: Hit): boolean {
  const hab = hitsIn(line, COMMIT, 'habitual');
  // Before the action or just after it ("it will be done automatically").
  const words = line.words;
  const after = words[Math.min(words.length - 1, words.indexOf(hit.last) + 2)];
  return hab.some((h) => h.first.start > marker.start && h.first.start <= after.start);
}

function subjectOf(words: Word[], j: number, text: string, human: Set<string>): Subject | undefined {
  let nearest: Word | undefined;
  for (let k = j - 1; k >= 0 && j - k <= 4; k--) {
    const w = words[k];
    if (/[,;:]/.test(text.slice(w.end, words[k + 1].start))) break;
    // "@tomw Will get this fixed": a social handle is who we answer, not who acts.
    if (text[w.start - 1] === '@') break;
    if (ADVERBS.has(w.lower)) continue;
    nearest ??= w;
    if (w.lower === 'you' && w === nearest) return { word: w, start: w, person: false, you: true };
    if (isHuman(w.lower, human) || (isName(w) && !(k === 0 && /s$/.test(w.lower)))) {
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

function isPolicy(line: ReplyLine, hit: Hit, marker: Word): boolean {
  const words = line.words;
  const at = words.indexOf(hit.last);
  if (EVERYONE.has(words[at + 1]?.lower ?? '') || hit.words.slice(1).some((w) => EVERYONE.has(w.lower))) return true;
  // "All claims will be reviewed": "all" in the promise's own clause (not "at all 😕 Gonna …" before it).
  const text = line.block.text;
  let from = words.indexOf(marker);
  while (from > 0 && words.indexOf(marker) - from < 4 && text.slice(words[from - 1].end, words[from].start).trim() === '') from--;
  return words.slice(from, words.indexOf(hit.first)).some((w, k, a) => EVERYONE.has(w.lower) && !w.quoted && a[k - 1]?.lower !== 'at');
}

/** Clause joiners: "I have now started your form and it will be processed" — "now" belongs to the first clause. */
const JOINERS = new Set(['and', 'but', 'so', 'because', 'since', 'which', 'who', 'while', 'whilst', 'although', 'though']);

/** Times that often date what was already done ("I have now started it", "I spoke to them today"), not what is promised. */
const TODAY = new Set(['now', 'right now', 'today', 'this morning', 'this afternoon', 'this evening']);

/** A joiner stands between a time word that ends at `w` and the promise at offset `from`. */
function joinedBefore(line: ReplyLine, w: Word, from: number): boolean {
  return line.words.some((x) => x.start > w.start && x.start < from && JOINERS.has(x.lower));
}

const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'few', 'couple', 'several', 'half', '24', '48', '72']);
const UNITS = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'business', 'working', 'seconds', 'second', 'sec', 'secs', 'fortnight', 'weekday', 'weekdays']);
const CLOCK_LEADS = new Set(['at', 'by', 'before', 'until', 'till', 'around']);
const CLOCK_SUFFIX = new Set(['am', 'pm', 'a.m', 'p.m', 'a.m.', 'p.m.', "o'clock", 'o’clock']);

/** Words before a number that make "2 days" a time frame ("within 2 days"), not a length ("for 2 days"). */
const SPAN_LEADS = new Set(['within', 'in', 'by', 'takes', 'take', 'taking', 'about', 'around', 'roughly', 'approximately', 'up', 'under', 'than', 'next', 'another', 'allow', 'before', 'inside', 'usually', 'normally', 'typically', 'latest', 'expect']);

/** Whether a line says when: a time-frame pattern, a number with a unit, a clock time or a date. `from`: only words at or after this offset count for bare numbers. */
export function hasTimeFrame(line: ReplyLine, from = Number.POSITIVE_INFINITY, onlyAfter = false): boolean {
  if (hitsIn(line, COMMIT, 'time-frame').some((h) => (!onlyAfter || h.first.start >= from) && !(h.last.end <= from && TODAY.has(h.words.map((w) => w.lower).join(' ')) && joinedBefore(line, h.last, from)))) return true;
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
    // "I'll give you a ring at 4", "by 5": an hour of the day.
    const hour = l.replace(/\.$/, '');
    if (/^\d{1,2}$/.test(hour) && Number(hour) >= 1 && Number(hour) <= 12 && CLOCK_LEADS.has(words[i - 1]?.lower ?? '') && !UNITS.has(words[i + 1]?.lower ?? '')) return true;
    if (/^\d{1,2}(?:[:.]\d{2})?(?:am|pm)$/.test(l) || /^\d{1,2}:\d{2}$/.test(l)) return true;
    if (/^\d{1,2}(?:st|nd|rd|th)$/.test(l)) return true;
    if (/^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$/.test(l) && l.includes('/')) return true;
    if (/^\d{4}-\d{2}-\d{2}$/.test(l)) return true;
    if (w.text === 'May' && (/^\d/.test(words[i + 1]?.lower ?? '') || /^\d{1,2}(?:st|nd|rd|th)?$/.test(words[i - 1]?.lower ?? ''))) return true;
  }
  return false;
}
