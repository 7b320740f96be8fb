/**
 * The care rubric: the four things a caring reply does, found with the same
 * phrase tables the care rules use (rules/acknowledge-impact.yml,
 * rules/time-bound-commitment.yml, rules/confirm-understanding.yml), so a
 * rule finding and a rubric gap always agree:
 *
 * - namesImpact: no apology or bad news, or one of them has impact words in
 *   its own sentence or the one just before or after ("left you without
 *   internet for two days", "right before your trip"). The bad news itself
 *   ("your order was delayed") is not its impact. acknowledge-impact
 *   reports when this is unmet.
 * - offersNextStep: an option, an instruction, a step list, an action taken
 *   ("I've issued a refund") or a promise of action (rubric only, no rule).
 * - timeFrame: no promise of follow-up, or every promise has a time frame.
 *   time-bound-commitment reports each promise without one.
 * - confirmsUnderstanding: a check ("Does that help?"), an invitation ("Just
 *   reply here") or a question to the customer. confirm-understanding
 *   reports when this is unmet.
 *
 * `line` is the line that meets the criterion; it is left out when a
 * criterion is met because there was nothing to meet (no bad news, no promise).
 */
import type { Doc } from '../document/document.js';
import type { Sentence, Word } from '../document/prose.js';
import type { PhraseEntry } from '../lexicon/data.js';
import type { PhraseHit } from '../lexicon/phrase-matcher.js';
import type { CareCriterion, CareRubric } from '../types.js';
import { hitsIn, hitText, isQuestion, lineAt, liveWords, memo, mentionsYou, replySentences } from './lexicon.js';

const IMPACT = 'acknowledge-impact';
const COMMIT = 'time-bound-commitment';
const CONFIRM = 'confirm-understanding';

/* ------------------------------------------------------------------ promises */

export interface PromiseInfo {
  sentence: Sentence;
  /** From the future marker ("we'll", "will") to the end of the promised action. */
  first: Word;
  last: Word;
  /** The promise as written, e.g. "We'll look into". */
  text: string;
  /** The sentence (this one or the next) that gives the time frame, when there is one. */
  timeFrame?: Sentence;
  /** A vague stand-in for a time frame ("as soon as possible"), when that is all there is. */
  vague?: string;
}

/** Subjects that make "will …" a promise by a person or a team. */
const HUMAN = new Set(['we', 'i', 'someone', 'somebody', 'they', 'he', 'she', 'team', 'agent', 'agents', 'specialist', 'specialists', 'colleague', 'colleagues', 'engineer', 'engineers', 'staff', 'support', 'manager', 'supervisor', 'representative', 'rep', 'department', 'technician', 'technicians', 'courier', 'carrier', 'expert', 'experts', 'member', 'person', 'who']);
/** Capitalised words that start a sentence but are not a name ("This will fix it"). */
const NOT_A_NAME = new Set(['this', 'that', 'it', 'these', 'those', 'which', 'there', 'what', 'here', 'the', 'a', 'an', 'nothing', 'everything', 'something', 'anything', 'you', 'your', 'my', 'our', 'their', 'his', 'her', 'its', 'if', 'when', 'once', 'after', 'before', 'please', 'then', 'so', 'and', 'but', 'or', 'all', 'any', 'every', 'each', 'some', 'no', 'next', 'now', 'today', 'tomorrow', 'also', 'only', 'just', 'as', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'to', 'of', 'otherwise', 'unfortunately', 'hopefully', 'soon', 'eventually']);
/** Words allowed between a subject and "will" ("we also will", "I personally will"). */
const ADVERBS = new Set(['also', 'then', 'still', 'definitely', 'personally', 'certainly', 'gladly', 'happily', 'now', 'surely', 'absolutely', 'all', 'both', 'really', 'myself', 'ourselves']);
const NEGATIONS = new Set(['not', 'never', "n't", 'no']);
/** How many words may stand between "will" and the promised action ("we'll take a closer look into"). */
const MAX_GAP = 4;

/** Every promise of follow-up or action in the reply, each with its time frame if it has one. */
export function findPromises(doc: Doc): PromiseInfo[] {
  return memo(doc, 'promises', () => promisesOf(replySentences(doc)));
}

function promisesOf(sentences: Sentence[]): PromiseInfo[] {
  const found: { idx: number; p: PromiseInfo; hit: PhraseHit<PhraseEntry> }[] = [];
  sentences.forEach((sentence, idx) => {
    if (isQuestion(sentence)) return;
    const hits = [...hitsIn(sentence, COMMIT, 'promise'), ...hitsIn(sentence, COMMIT, 'promise-you'), ...hitsIn(sentence, COMMIT, 'promise-now')].sort((a, b) => a.first.start - b.first.start);
    for (const hit of hits) {
      // "We're looking into it" is a promise as it stands; the others need "will" before them.
      const marker = hit.value.category === 'promise-now' ? hit.first : futureMarker(sentence, hit);
      if (!marker || isPolicy(sentence, hit)) continue;
      found.push({ idx, hit, p: { sentence, first: marker, last: hit.last, text: hitText(sentence, marker, hit.last) } });
      // One promise per sentence: "we'll investigate and get back to you" is one commitment.
      break;
    }
  });
  const promised = new Set(found.map((f) => f.idx));
  for (const { idx, hit, p } of found) {
    const sentence = sentences[idx];
    const next = sentences[idx + 1];
    if (hasTimeFrame(sentence)) p.timeFrame = sentence;
    // "We'll look into it. This usually takes 2 business days." — but not the next promise's own time frame.
    else if (next && !promised.has(idx + 1) && !isQuestion(next) && hasTimeFrame(next)) p.timeFrame = next;
    else {
      const vague = hitsIn(sentence, COMMIT, 'vague')[0];
      if (vague) p.vague = hitText(sentence, vague.first, vague.last);
      else if (hasEventAfter(sentence, hit)) p.timeFrame = sentence;
    }
  }
  return found.map((f) => f.p);
}

/** The "will" / "we'll" / "going to" that makes this hit a promise by the right subject, if any. */
function futureMarker(sentence: Sentence, hit: PhraseHit<PhraseEntry>): Word | undefined {
  const words = sentence.words;
  const at = words.indexOf(hit.first);
  const passive = hit.phrase.toLowerCase().startsWith('be ');
  const customerIsSubject = hit.value.category === 'promise-you';
  for (let j = at - 1; j >= 0 && at - j <= MAX_GAP + 1; j--) {
    const w = words[j];
    if (w.quoted) return undefined;
    let subject: Subject | undefined;
    let marker = w;
    if (w.lower.endsWith("'ll")) {
      const who = w.lower.slice(0, -3);
      subject = { word: w, start: w, person: HUMAN.has(who) || isName(w), you: who === 'you' };
    } else if (w.lower === 'will' || w.lower === 'shall') {
      subject = subjectOf(words, j, sentence.block.text);
    } else if (w.lower === 'to' && words[j - 1]?.lower === 'going') {
      // "we're going to", "I am going to"
      let k = j - 2;
      if (k >= 0 && ['am', 'are', 'is'].includes(words[k].lower)) k--;
      const sw = words[k];
      const who = sw?.lower.replace(/'(re|m|s)$/, '');
      if (sw) subject = { word: sw, start: sw, person: HUMAN.has(who ?? '') || isName(sw), you: who === 'you' };
      marker = sw ?? w;
    } else continue;
    if (!subject) return undefined;
    // "we are not going to", "I will never", "we won't": no promise.
    for (let k = Math.min(words.indexOf(subject.start), j); k < at; k++) {
      if (NEGATIONS.has(words[k].lower) || words[k].lower.endsWith("n't")) return undefined;
    }
    const start = subject.person || subject.you ? subject.start : marker;
    if (passive) return start;
    if (customerIsSubject) return subject.you ? start : undefined;
    return subject.person ? start : undefined;
  }
  return undefined;
}

const PRONOUNS = new Set(['we', 'i', 'someone', 'somebody', 'they', 'he', 'she', 'you']);

/** A capitalised word that is not "This"/"That"…, or a placeholder: someone's name. */
function isName(w: Word): boolean {
  if (w.masked) return true;
  const first = w.text[0];
  return Boolean(first) && first !== first.toLowerCase() && !NOT_A_NAME.has(w.lower) && !/ing$/.test(w.lower) && !PRONOUNS.has(w.lower);
}

interface Subject {
  /** The subject word ("we", "team", "Maria"). */
  word: Word;
  /** Where the promise starts in the text ("Our team will…", "Maria from billing will…"). */
  start: Word;
  /** A person or a team: the promise is someone's word. */
  person: boolean;
  /** The customer ("you will hear back"). */
  you: boolean;
}

const DETERMINERS = new Set(['our', 'the', 'a', 'an', 'my', 'one', 'someone']);

/**
 * Who makes the promise before "will": the nearest person or team within a
 * few words ("we", "our billing team", "Maria from billing", a name
 * placeholder), stopping at a comma. Without one, the word right before
 * "will" ("this will fix it").
 */
function subjectOf(words: Word[], j: number, text: string): Subject | undefined {
  let nearest: Word | undefined;
  for (let k = j - 1; k >= 0 && j - k <= 4; k--) {
    const w = words[k];
    if (/[,;:]/.test(text.slice(w.end, words[k + 1].start))) break;
    if (ADVERBS.has(w.lower)) continue;
    nearest ??= w;
    if (w.lower === 'you' && w === nearest) return { word: w, start: w, person: false, you: true };
    // A capitalised plural opening the sentence is a thing, not a name ("Updates will fix it").
    if (HUMAN.has(w.lower) || (isName(w) && !(k === 0 && /s$/.test(w.lower)))) {
      const det = words[k - 1];
      const start = det && DETERMINERS.has(det.lower) && !/[,;:]/.test(text.slice(det.end, w.start)) ? det : w;
      return { word: w, start, person: true, you: false };
    }
    // Only nouns and their small words can stand between a subject and "will".
    if (PRONOUNS.has(w.lower) || ['this', 'that', 'it', 'which', 'what', 'and', 'or', 'but', 'if', 'so'].includes(w.lower)) break;
  }
  return nearest ? { word: nearest, start: nearest, person: false, you: false } : undefined;
}

const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'few', 'couple', 'several', 'half']);
const UNITS = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'business', 'working']);
const CLOCK_SUFFIX = new Set(['am', 'pm', 'a.m', 'p.m', 'a.m.', 'p.m.', "o'clock"]);

/** Whether a sentence says when: a time-frame phrase, a number with a unit, a clock time or a date. */
export function hasTimeFrame(sentence: Sentence): boolean {
  if (hitsIn(sentence, COMMIT, 'time-frame').length) return true;
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.masked || w.quoted) continue;
    const l = w.lower;
    const isNumber = /^\d+(?:[.,]\d+)?$/.test(l) || /^\d+-\d+$/.test(l) || NUMBER_WORDS.has(l);
    if (isNumber) {
      for (let k = i + 1; k < words.length && k <= i + 4; k++) {
        if (UNITS.has(words[k].lower)) return true;
        if (!['to', 'or', 'of', 'more', 'couple', 'few', 'calendar', 'and', 'a', 'half'].includes(words[k].lower) && !/^\d/.test(words[k].lower) && !NUMBER_WORDS.has(words[k].lower)) break;
      }
      if (/^\d{1,2}$/.test(l) && CLOCK_SUFFIX.has(words[i + 1]?.lower ?? '')) return true;
    }
    if (/^\d+(?:h|hr|hrs|min|mins)$/.test(l)) return true;
    if (/^\d{1,2}(?::\d{2})?(?:am|pm)$/.test(l) || /^\d{1,2}:\d{2}$/.test(l)) return true;
    if (/^\d{1,2}(?:st|nd|rd|th)$/.test(l)) return true;
    if (/^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$/.test(l) && l.includes('/')) return true;
    if (/^\d{4}-\d{2}-\d{2}$/.test(l)) return true;
    if (w.text === 'May' && /^\d/.test(words[i + 1]?.lower ?? '')) return true;
  }
  return false;
}

/**
 * "we'll refund you once your return arrives": an event says when. A
 * follow-up ("we'll look into it") needs the event after it: "once you
 * reply, we'll look into it" says when the work starts, not when it ends.
 */
function hasEventAfter(sentence: Sentence, hit: PhraseHit<PhraseEntry>): boolean {
  const anywhere = hit.value.followUp !== true;
  return hitsIn(sentence, COMMIT, 'event').some((e) => anywhere || e.first.start > hit.last.start);
}

const EVERYONE = new Set(['any', 'all', 'every', 'each']);

/**
 * A policy for everyone, not a promise to this customer: "we will
 * investigate any abuse report", "all requests will be reviewed", "in each
 * case, we will …".
 */
function isPolicy(sentence: Sentence, hit: PhraseHit<PhraseEntry>): boolean {
  const words = sentence.words;
  const at = words.indexOf(hit.last);
  if (EVERYONE.has(words[at + 1]?.lower ?? '')) return true;
  return words.slice(0, words.indexOf(hit.first)).some((w) => EVERYONE.has(w.lower) && !w.quoted);
}

/* -------------------------------------------------------------------- impact */

export interface ImpactNeed {
  sentence: Sentence;
  /** The apology or bad-news words, as written. */
  trigger: string;
  kind: 'apology' | 'bad-news';
  /** A vague stand-in for the impact in the same sentence ("any inconvenience"). */
  vague?: string;
}

export interface ImpactCheck {
  /** Apologies and bad news, in file order. */
  needs: ImpactNeed[];
  /** The sentence that names the impact, when one does. */
  impact?: Sentence;
}

/** Apologies and bad news in the reply, and the sentence that names their impact, if any. */
export function checkImpact(doc: Doc): ImpactCheck {
  return memo(doc, 'impact', () => impactOf(replySentences(doc)));
}

function impactOf(sentences: Sentence[]): ImpactCheck {
  const needs: ImpactNeed[] = [];
  const needIdx: number[] = [];
  sentences.forEach((s, i) => {
    // "Sorry, could you resend the file?" is a polite ask, not an apology.
    if (isQuestion(s)) return;
    const apology = hitsIn(s, IMPACT, 'apology')[0];
    // A rule for some day ("If we can't reach you, …", "In cases where we are unable to …") is not news.
    const bad = conditional(s) ? undefined : hitsIn(s, IMPACT, 'bad-news').find((h) => h.value.event !== true || (tiedToReply(s) && !possibility(s, h.first) && !properNoun(s, h.first)));
    const hit = apology && (!bad || apology.first.start <= bad.first.start) ? apology : bad;
    if (!hit) return;
    const vague = hitsIn(s, IMPACT, 'vague')[0];
    needs.push({ sentence: s, trigger: hitText(s, hit.first, hit.last), kind: hit === apology ? 'apology' : 'bad-news', ...(vague ? { vague: hitText(s, vague.first, vague.last) } : {}) });
    needIdx.push(i);
  });
  for (const i of needIdx) {
    for (const j of [i, i - 1, i + 1]) {
      const s = sentences[j];
      if (s && namesImpact(s)) return { needs, impact: s };
    }
  }
  return { needs };
}

const US = new Set(['we', 'our', 'us', "we're", "we've", "we'll", 'i', "i'm", "i've", 'my']);
const CONDITIONAL = new Set(['if', 'when', 'once', 'before', 'after', 'should', 'whenever', 'unless', 'where', 'although', 'though', 'while']);

/** The sentence opens with a condition: "If …", "When …", "In cases where …", "Although …". */
function conditional(s: Sentence): boolean {
  const live = liveWords(s);
  const a = live[0]?.lower;
  return CONDITIONAL.has(a ?? '') || (a === 'in' && live.slice(1, 4).some((w) => w.lower === 'case' || w.lower === 'cases' || w.lower === 'event'));
}

/**
 * An event ("cancelled", "delayed") is bad news for this customer when the
 * sentence is about them or us, and is not a rule for some day ("When you
 * delete your account, subscriptions are canceled").
 */
function tiedToReply(s: Sentence): boolean {
  const live = liveWords(s);
  if (!live.length) return false;
  return mentionsYou(s) || live.some((w) => US.has(w.lower));
}

/** "the Denied Persons List": a capitalised word inside a sentence is a name, not an event. */
function properNoun(s: Sentence, w: Word): boolean {
  return w !== liveWords(s)[0] && /^\p{Lu}/u.test(w.text);
}

/** "it can be canceled", "may be delayed": a possibility, not news. */
function possibility(s: Sentence, first: Word): boolean {
  const i = s.words.indexOf(first);
  const a = s.words[i - 2]?.lower;
  const b = s.words[i - 1]?.lower;
  return b === 'be' && ['can', 'could', 'may', 'might', 'to'].includes(a ?? '');
}

/**
 * Impact words in a sentence: "left you without", "frustrating", "your
 * trip". The bad news itself ("your order was delayed") is not its impact:
 * the impact is what it did to the customer.
 */
export function namesImpact(sentence: Sentence): boolean {
  const you = mentionsYou(sentence);
  return hitsIn(sentence, IMPACT, 'impact').some((h) => you || h.value.needsYou !== true);
}

/* ------------------------------------------------------ confirm understanding */

/** Small talk that is a question but checks nothing. */
const GREETING_QUESTIONS = [['how', 'are', 'you'], ["how's", 'it', 'going'], ['how', 'are', 'things'], ['how', 'have', 'you', 'been'], ['how', 'is', 'your', 'day'], ["how's", 'your', 'day']];

/** The first sentence that checks understanding or invites a reply. */
export function findConfirmation(doc: Doc): Sentence | undefined {
  return memo(doc, 'confirmation', () => confirmationOf(replySentences(doc)));
}

function confirmationOf(sentences: Sentence[]): Sentence | undefined {
  for (const s of sentences) {
    if (hitsIn(s, CONFIRM, 'check').length || hitsIn(s, CONFIRM, 'invite').length) return s;
    if (isQuestion(s) && !isGreetingQuestion(s)) return s;
  }
  return undefined;
}

function isGreetingQuestion(s: Sentence): boolean {
  const lows = liveWords(s).map((w) => w.lower);
  return GREETING_QUESTIONS.some((g) => lows.some((_, i) => g.every((x, k) => lows[i + k] === x)));
}

/* ----------------------------------------------------------------- next step */

const STEP_LEADS = new Set(['please', 'just', 'simply', 'first', 'then', 'next', 'now', 'also', 'so', 'and', 'finally', 'kindly', 'meanwhile', 'firstly', 'secondly', 'lastly']);
const DONE_IRREGULAR = new Set(['sent', 'made', 'set', 'put', 'done', 'given', 'taken', 'reset', 'refunded', 'issued', 'added', 'credited', 'escalated', 'arranged', 'booked', 'shipped']);

/** The first sentence that offers an option or a next step. */
export function findNextStep(doc: Doc): Sentence | undefined {
  const sentences = replySentences(doc);
  const promised = new Set(findPromises(doc).map((p) => p.sentence));
  for (const s of sentences) {
    if (promised.has(s)) return s;
    if (s.block.kind === 'list-item') return s;
    if (hitsIn(s, COMMIT, 'next-step').some((h) => h.value.imperative !== true || isLead(s, h.first))) return s;
    if (tookAction(s)) return s;
  }
  return undefined;
}

/** Whether the word starts the sentence's instruction (after "Please", "First", a comma). */
function isLead(s: Sentence, w: Word): boolean {
  for (const x of s.words) {
    if (x === w) return true;
    if (x.masked || STEP_LEADS.has(x.lower)) continue;
    return false;
  }
  return false;
}

/** "I've issued a refund", "we have reset your password": something was done for the customer. */
function tookAction(s: Sentence): boolean {
  const ws = s.words;
  for (let i = 0; i < ws.length - 1; i++) {
    const l = ws[i].lower;
    let next = ws[i + 1];
    if ((l === 'i' || l === 'we') && next.lower === 'have') next = ws[i + 2];
    else if (l !== "i've" && l !== "we've") continue;
    if (next && (DONE_IRREGULAR.has(next.lower) || (/^[a-z]{3,}ed$/.test(next.lower) && next.lower !== 'needed'))) return true;
  }
  return false;
}

/* -------------------------------------------------------------------- rubric */

/** The care rubric for one reply (CareRubric in src/types.ts). */
export function computeCareRubric(doc: Doc): CareRubric {
  const line = (s: Sentence | undefined): CareCriterion => (s ? { met: true, line: lineAt(doc, s.span.start) } : { met: false });

  const impact = checkImpact(doc);
  const namesImpact: CareCriterion = impact.needs.length === 0 ? { met: true } : line(impact.impact);

  const promises = findPromises(doc);
  const untimed = promises.filter((p) => !p.timeFrame);
  const timeFrame: CareCriterion = promises.length === 0 ? { met: true } : untimed.length ? { met: false } : { met: true, line: lineAt(doc, promises[0].timeFrame!.span.start) };

  const offersNextStep = line(findNextStep(doc));
  const confirmsUnderstanding = line(findConfirmation(doc));
  const score = [namesImpact, offersNextStep, timeFrame, confirmsUnderstanding].filter((c) => c.met).length;
  return { namesImpact, offersNextStep, timeFrame, confirmsUnderstanding, score };
}
