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
 *
 * Beyond the listed actions, grammarHits finds a promise with ANY verb: a
 * future marker then a lexical verb ("we'll top up your balance", "I will to
 * check with warehouse"), a passive about our action on their case ("it'll be
 * sorted", "your parcel will be re-routed"), a future or present progressive
 * by a person or team ("we are sending a new one"), and a thing we send that
 * moves on its own ("a refund of the difference will go through"). The
 * clause classes that are no commitment are data (not-an-action,
 * not-an-action-passive, not-an-action-now, visit, case-moves, case-nouns).
 */
import type { Word } from '../document/prose.js';
import { impactFeatures } from '../lexicon/impact-features.js';
import { regularBaseOf } from '../lexicon/lemma.js';
import { logisticScore, modelSlot, type LogisticModel } from '../lexicon/logistic.js';
import { holdsOf } from './hold.js';
import type { ReplyLine } from './lines.js';
import { hitsIn, hitText, wordList, type Hit } from './words.js';
import type { PhraseEntry } from '../lexicon/data.js';

const COMMIT = 'time-bound-commitment';

export interface PromiseInfo {
  line: ReplyLine;
  /** From the subject or future marker to the end of the promised action. */
  first: Word;
  last: Word;
  /** The promise as written, e.g. "We'll look into". */
  text: string;
  /**
   * Where the whole commitment ends, when a second action joined by "and" shares its subject and marker ("I'll raise
   * it with my team leader and come back to you"): the rule reports up to here.
   */
  end?: Word;
  /** The line (this one or the next) that gives the time frame, when there is one. */
  timeFrame?: ReplyLine;
  /** A vague stand-in ("as soon as possible") or a condition ("once we hear back"), when that is all there is. */
  vague?: string;
  /** The stand-in is a condition, not a vague time. */
  condition?: boolean;
  /** Which branch gave the time frame (diagnostics: scripts/promise-miss-causes.mjs). */
  timeBy?: string;
  /** In `raw` mode: the gate that rules the clause out as a promise, if any (diagnostics). */
  gate?: string;
  /** The layer that found it: a table category ("promise", with `entry`), the grammar ("grammar:promise") or "aim", for diagnostics. */
  source?: string;
  /** The table entry that found it, when one did (diagnostics). */
  entry?: PhraseEntry;
}

const ADVERBS = new Set(['also', 'then', 'still', 'definitely', 'personally', 'certainly', 'gladly', 'happily', 'now', 'surely', 'absolutely', 'all', 'both', 'really', 'myself', 'ourselves', 'themselves', 'probably', 'likely', 'usually', 'normally', 'hopefully', 'just', 'be', 'directly', 'then']);
const NEGATIONS = new Set(['not', 'never', "n't", 'no']);
const MAX_GAP = 7;
/** A promise inside a clause like "no idea when you'll get back" is not one. */
const CLAUSE = new Set(['when', 'if', 'whether', 'until', 'unless', 'once', 'before', 'after', 'where', 'how', 'what', 'why']);
const PRONOUNS = new Set(['we', 'i', 'someone', 'somebody', 'they', 'he', 'she', 'you']);
const DETERMINERS = new Set(['our', 'the', 'a', 'an', 'my', 'one', 'someone', 'your']);
const EVERYONE = new Set(['any', 'all', 'every', 'each']);

/**
 * Every promise in the given lines (the agent's own words), each with its time frame if it has one.
 * `raw` keeps the clauses the grammar calls no promise (policies, offers, standing commitments, the
 * customer's own step…) and skips the model: scripts/train-promise-model.mjs learns from them.
 */
export function promisesOf(lines: ReplyLine[], all: readonly ReplyLine[] = lines, raw = false): PromiseInfo[] {
  const found: { idx: number; p: PromiseInfo; hit: Hit }[] = [];
  lines.forEach((line, idx) => {
    // A question asks; but "Can you reply with your email and we'll send a reset link?" still promises, after "and".
    const asking = line.question;
    const hits = [...hitsIn(line, COMMIT, 'promise'), ...hitsIn(line, COMMIT, 'promise-you'), ...hitsIn(line, COMMIT, 'promise-now')].sort((a, b) => a.first.start - b.first.start);
    let after = -1;
    for (const hit of hits) {
      const marker = hit.value.category === 'promise-now' ? hit.first : futureMarker(line, hit);
      if (!marker) continue;
      const gate = promiseGate(lines, idx, hit, marker) ?? (clauseVerbIsNoAction(line, marker, hit) ? 'clause-verb-no-action' : undefined);
      if (!raw && gate) continue;
      // "we'll investigate and get back to you" is one commitment: a second one needs its own subject.
      if (marker.start <= after) continue;
      found.push({ idx, hit, p: { line, first: marker, last: hit.last, text: hitText(line, marker, hit.last), ...(raw && gate ? { gate } : {}), source: String(hit.value.category), entry: hit.value } });
      after = hit.last.start;
    }
    // The grammar: a future marker and any action verb, for verbs no list names ("we'll top up your balance").
    const listed = found.filter((f) => f.idx === idx).map((f) => f.p);
    for (const hit of grammarHits(line)) {
      const ongoing = hit.value.category === 'promise-now';
      const marker = ongoing ? hit.first : futureMarker(line, hit);
      if (!marker) continue;
      const gate = promiseGate(lines, idx, hit, marker);
      if (!raw && gate) continue;
      if (listed.some((p) => marker.start <= p.last.end && hit.last.start >= p.first.start)) continue;
      const p: PromiseInfo = { line, first: marker, last: hit.last, text: hitText(line, marker, hit.last), ...(raw && gate ? { gate } : {}), source: `grammar:${hit.value.category}` };
      listed.push(p);
      found.push({ idx, hit, p });
    }
    // "We aim to respond to all complaints as soon as possible": an aim with only a vague stand-in for its time.
    if (!asking && !found.some((f) => f.idx === idx)) {
      const aim = hitsIn(line, COMMIT, 'aim').find((h) => !line.words.slice(0, line.words.indexOf(h.first)).some((w) => CLAUSE.has(w.lower) || NEGATIONS.has(w.lower)));
      const vague = aim && hitsIn(line, COMMIT, 'vague').find((v) => v.first.start > aim.last.start);
      if (aim && vague && !hasTimeFrame(line, aim.first.start)) {
        const act = line.words[line.words.indexOf(aim.last) + 1];
        if (act && act.start < vague.first.start) found.push({ idx, hit: aim, p: { line, first: aim.first, last: act, text: hitText(line, aim.first, act), source: 'aim' } });
      }
    }
  });
  found.sort((a, b) => a.idx - b.idx || a.p.first.start - b.p.first.start);
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
    // "I'll email you the steps within ten minutes, and I'll also ask the audiologist": another matter ("also") after an
    // earlier promise of the line; the time said after that promise is its own. "… by 5pm, and we'll email you either way" shares it.
    const earlier = found.filter((o) => o.idx === idx && o.p.first.start < p.first.start).map((o) => o.p.first.start);
    const at = line.words.indexOf(p.first);
    const another = line.words.slice(at + 1, at + 3).some((w) => norm(w) === 'also');
    // "… and I'll also send the form then": "then" points back to the earlier time.
    const then = line.words.slice(line.words.indexOf(p.last) + 1, line.words.indexOf(p.last) + 4).some((w) => norm(w) === 'then');
    const skip: [number, number] | undefined = earlier.length && another && !then ? [Math.min(...earlier), p.first.start] : undefined;
    if (vagueAfter ? hasTimeFrame(line, p.first.start, true) : hasTimeFrame(line, p.first.start, false, skip)) {
      p.timeFrame = line;
      p.timeBy = 'same-line';
    } else if (prev && prev.block === line.block && comesBack(line, p) && timedHold(prev)) {
      // "Would you mind if I put the chat on hold for 3 or 4 minutes? I'll come straight back to you here": the hold's length is when.
      p.timeFrame = prev;
      p.timeBy = 'hold-before';
    }
    else if (next && (!promised.has(idx + 1) || (f.hit.value.category === 'promise-now' && !hitsIn(line, COMMIT, 'vague').length)) && !next.question && next.block === line.block && !farewell(next) && hasTimeFrame(next) && !onlyNow(next)) {
      p.timeFrame = next;
      p.timeBy = 'next-line';
    } else if (prev && !prev.question && prev.block === line.block && tiedToEvent(line, p, prev) && hasTimeFrame(prev) && !onlyNow(prev) && !calledOff(prev)) {
      // "They've committed to a decision by 3pm today. I'll message you as soon as I have it": the event has a time.
      p.timeFrame = prev;
      p.timeBy = 'event-before';
    } else if (!hitsIn(line, COMMIT, 'vague').length && arrangementTime(lines, idx, p)) {
      // "Your fitting is booked for Thursday at 2pm. The installer will bring the brackets": the visit's time is the promise's.
      p.timeFrame = arrangementTime(lines, idx, p);
      p.timeBy = 'arrangement';
    } else if (!hitsIn(line, COMMIT, 'vague').length && thenBack(all, line, p)) {
      // "Customer: Could you ring me after 5pm? Agent: Of course, I'll ring you then.": "then" names a time said just before.
      p.timeFrame = thenBack(all, line, p);
      p.timeBy = 'then-back';
    } else if (!hitsIn(line, COMMIT, 'vague').length && !hitsIn(line, COMMIT, 'event').some((e) => e.first.start > p.first.start) && sameMatter(lines, idx, p)) {
      // "We'll reissue the payment today and it will arrive by Friday. We'll recover the first payment ourselves": the same matter, already dated.
      p.timeFrame = sameMatter(lines, idx, p);
      p.timeBy = 'same-matter';
    } else if (another && !hitsIn(line, COMMIT, 'vague').length && alsoInTimedTurn(all, lines, idx)) {
      // "Agent: Thanks for holding. Jamie's fifteen minutes away with a replacement. I'll also refund the popcorn hire.": one turn of a live call, already dated.
      p.timeFrame = alsoInTimedTurn(all, lines, idx);
      p.timeBy = 'also-timed-turn';
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
  const out = found.map((f) => f.p);
  for (const p of out) joinedAction(p, out);
  const m = raw ? null : promiseModel();
  // The model (rules/time-bound-commitment.model.json) reads each promise the grammar left without a time: one it
  // is sure the customer is not left waiting on ("we'll honour the quote", "any questions, we'll help") is no promise.
  return m ? out.filter((p) => p.timeFrame || logisticScore(m, promiseFeatures(p, lines)) >= m.threshold) : out;
}

/** The model of rules/time-bound-commitment.model.json (scripts/train-promise-model.mjs) and its threshold. */
export interface PromiseModel extends LogisticModel {
  /** A promise with no time frame stays a promise when the model gives it at least this. */
  threshold: number;
  /** Which set of features the model was trained on: 2 adds the second set of reply facts. */
  features?: number;
}

const model = modelSlot<PromiseModel>('time-bound-commitment.model.json');

/** Sets the model in place of the file (tests, and the trainer, which measures the grammar alone with `null`). */
export const usePromiseModel = model.use;

/** The model, read on first use: only when time-bound-commitment or the rubric reads the promises. */
const promiseModel = model.get;

/** The trainer's choice of feature set; otherwise the model file's (`features: 2` adds the second set of reply facts). */
let featureSet: number | undefined;

/**
 * Turns the second set of reply facts on or off (the trainer, which measures both sets, imports it from dist/).
 * @public
 */
export function usePromiseFeatures(version: number | undefined): void {
  featureSet = version;
}

/** Whether promiseFeatures adds the second set of reply facts. */
const featuresV2 = () => (featureSet ?? promiseModel()?.features ?? 1) >= 2;

function lemma(w: string): string {
  return regularBaseOf(w) ?? w;
}

/**
 * The features of a promise for the model: the words of its sentence (lemmas and pairs, as the impact model reads
 * them), the words before its marker ("pre:"), inside the promise ("in:") and after it ("post:"), the sentence's
 * first word, and a few facts of the reply (a vague stand-in or a condition, a question, a time said elsewhere).
 */
export function promiseFeatures(p: PromiseInfo, lines: readonly ReplyLine[]): string[] {
  const line = p.line;
  const f = new Set(impactFeatures(line.words, line.block.text, line.question).filter((k) => !k.startsWith('g:')));
  const words = line.words.filter((w) => !w.masked && !w.quoted && /[a-z]/.test(w.lower));
  const at = words.indexOf(p.first);
  const end = words.indexOf(p.last);
  if (words[0]) f.add(`first:${lemma(norm(words[0]))}`);
  if (at !== -1) {
    for (const w of words.slice(Math.max(0, at - 6), at)) f.add(`pre:${lemma(norm(w))}`);
    if (at > 0) f.add(`subj:${norm(words[at - 1])}`);
    else f.add('subj:none');
    f.add(`m:${norm(p.first)}`);
  }
  if (at !== -1 && end !== -1) for (const w of words.slice(at + 1, end + 1)) f.add(`in:${lemma(norm(w))}`);
  if (end !== -1) for (const w of words.slice(end + 1, end + 7)) f.add(`post:${lemma(norm(w))}`);
  if (p.condition) f.add('r:condition');
  else if (p.vague) f.add('r:vague');
  if (line.question) f.add('r:question');
  const i = lines.indexOf(line);
  if (i === lines.length - 1) f.add('r:last');
  if (i === 0) f.add('r:first');
  // Where it stands in its paragraph: a closing promise ("We'll be in touch.") or an opening one.
  if (lines[i + 1]?.block !== line.block) f.add('r:para-last');
  if (lines[i - 1]?.block !== line.block) f.add('r:para-first');
  // A time said in another line: in the same paragraph, or elsewhere in the reply.
  const timed = lines.filter((l) => l !== line && hasTimeFrame(l) && !onlyNow(l));
  if (timed.some((l) => l.block === line.block)) f.add('r:time-paragraph');
  else if (timed.length) f.add('r:time-reply');
  if (featuresV2()) {
    // Why a promise may leave nobody waiting, in grammar, not wording: a time in the line just before or after,
    // the customer acting first ("if you'd rather …, tell me and I'll …", "reply and we'll …"), a question the
    // customer is asked later in the reply (the door is open).
    if (timed.includes(lines[i - 1]) || timed.includes(lines[i + 1])) f.add('r:time-next');
    if (at > 0) {
      const before = words.slice(0, at).map(norm);
      const cond = before.findIndex((w) => CLAUSE.has(w));
      if (cond !== -1 && before.slice(cond + 1).some((w) => w === 'you' || w.startsWith("you'"))) f.add('r:if-you');
      const w0 = before[0];
      if (before[before.length - 1] === 'and' && !PRONOUNS.has(w0) && !DETERMINERS.has(w0) && !CLAUSE.has(w0)) f.add('r:imperative-and');
      else if (before[before.length - 2] === 'and' && before.length >= 2 && !PRONOUNS.has(w0) && !DETERMINERS.has(w0) && !CLAUSE.has(w0)) f.add('r:imperative-and');
    }
    if (lines.slice(i + 1).some((l) => l.question)) f.add('r:question-after');
  }
  return [...f];
}

/**
 * "I'll ring you then", "we'll get it to you before that": a time word that points back, to a time said in one of
 * the two lines before, by either speaker. The line that says it.
 */
function thenBack(all: readonly ReplyLine[], line: ReplyLine, p: PromiseInfo): ReplyLine | undefined {
  const words = line.words;
  const text = line.block.text;
  const at = words.indexOf(p.last);
  let points = false;
  for (let k = at + 1; k < words.length && k <= at + 5; k++) {
    const l = norm(words[k]);
    const end = k + 1 >= words.length || /[,;:.!?]/.test(text.slice(words[k].end, words[k + 1].start));
    if (l === 'then' && end && !['and', 'but', 'until', 'till', 'since', 'so'].includes(norm(words[k - 1]))) points = true;
    if (l === 'that' && end && ['before', 'by', 'after'].includes(norm(words[k - 1])) && k - 1 > at) points = norm(words[k - 1]) !== 'after';
    if (end) break;
  }
  if (!points) return undefined;
  // All the reply's lines, the customer's too: the time may be theirs ("Could you ring me after 5pm?").
  const at2 = all.indexOf(line);
  for (let k = at2 - 1; at2 !== -1 && k >= 0 && at2 - k <= 2; k--) if (!all[k].stage && hasTimeFrame(all[k]) && !onlyNow(all[k])) return all[k];
  return undefined;
}

/** Words too common to tie two sentences to one matter. */
const COMMON = new Set(['this', 'that', 'them', 'they', 'there', 'then', 'than', 'your', 'yours', 'ours', 'with', 'from', 'into', 'onto', 'about', 'over', 'back', 'just', 'also', 'still', 'again', 'what', 'which', 'when', 'where', 'while', 'will', 'would', 'could', 'should', 'have', 'been', 'being', 'were', 'here', 'everything', 'anything', 'something', 'thing', 'things', 'know', 'sure', 'some', 'very', 'more', 'time', 'today', 'tomorrow', 'sorry', 'thanks', 'please', 'ourselves', 'myself', 'yourself', 'team', 'need', 'make', 'sure', 'first', 'new', 'done', 'away', 'down', 'touch', 'update', 'updates', 'news']);

/** The words of a promise's object ("recover the first payment"): after its verb, up to punctuation, at most five. */
function objectWords(line: ReplyLine, p: PromiseInfo): string[] {
  const words = line.words;
  const text = line.block.text;
  const from = words.indexOf(p.last);
  const out: string[] = [];
  for (let k = from; k < words.length && k <= from + 5; k++) {
    if (k > from && /[,;:.!?()—–]/.test(text.slice(words[k - 1].end, words[k].start))) break;
    out.push(norm(words[k]));
  }
  return out;
}

function stem(w: string): string {
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * An earlier line of the same paragraph that dates the same matter: it looks ahead (a "will", "'ll" or
 * "going to"), has a time frame, and names a thing the promise acts on ("I've asked finance to reissue the
 * payment today, and it will arrive by Friday. We'll recover the first payment ourselves"). Another matter
 * ("Your refund will arrive by Friday. We'll also look into why it was late") shares no such word.
 */
function sameMatter(lines: ReplyLine[], idx: number, p: PromiseInfo): ReplyLine | undefined {
  const line = lines[idx];
  const nouns = new Set(objectWords(line, p).filter((w) => /^[a-z][a-z-]{3,}$/.test(w) && !COMMON.has(w) && !NOT_VERB.has(w)).map(stem));
  if (!nouns.size) return undefined;
  for (let k = idx - 1; k >= 0 && idx - k <= 3; k--) {
    const o = lines[k];
    if (o.block !== line.block) break;
    if (o.question || o.speaker !== 'agent' || !hasTimeFrame(o) || onlyNow(o) || calledOff(o)) continue;
    const ahead = o.words.some((w, n) => FUTURE.has(norm(w)) || norm(w).endsWith("'ll") || (norm(w) === 'to' && norm(o.words[n - 1] ?? w) === 'going'));
    if (ahead && o.words.some((w) => nouns.has(stem(norm(w))))) return o;
  }
  return undefined;
}

/** The promise waits on an event named after it ("as soon as I have it", "the moment they land"), not on a vague time. */
function tiedToEvent(line: ReplyLine, p: PromiseInfo, prev: ReplyLine): boolean {
  // "as soon as possible", "shortly": vague, whatever came before. "as soon as we have an update": an event.
  const news = /^(?:as soon as|once|when) (?:we|i) (?:have|know|hear|get)/;
  if (hitsIn(line, COMMIT, 'vague').some((v) => v.first.start > p.first.start && !news.test(v.phrase))) return false;
  // The event is the one the line before dates: it points back ("as soon as I have it", "the moment they land")
  // or names the same thing. "They go every August. We'll post here once the restock lands" names a new one.
  const back = new Set(['it', 'they', 'them', 'that', 'this', 'he', 'she', 'him', 'her', 'there', 'news', 'update', 'answer', 'decision', 'result', 'results', 'word', 'back']);
  const prevWords = new Set(prev.words.map((w) => stem(norm(w))));
  return hitsIn(line, COMMIT, 'event').some((e) => {
    if (e.first.start <= p.first.start) return false;
    const at = line.words.indexOf(e.last);
    const clause = line.words.slice(at + 1, at + 7).map(norm);
    // "the moment I hear", "as soon as we know": news of what the line before dates.
    if (['i', 'we'].includes(clause[0] ?? '') && ['hear', 'know', 'have', 'get', 'find'].includes(clause[1] ?? '')) return true;
    return clause.some((w) => back.has(w) || (w.length > 3 && !COMMON.has(w) && prevWords.has(stem(w))));
  });
}

/**
 * A line in the same paragraph that books a visit or a delivery with a time ("We deliver on the 14th between 8am and
 * noon"), when the promise `p` at `idx` is about what happens then (rules/time-bound-commitment.yml, `at-visit`: the
 * visitor acts, or the action is done there), not a follow-up, a new arrangement or another matter of its own ("We'll
 * also refund the delivery charge", "I'll ask our billing team to look at the reading").
 */
function arrangementTime(lines: ReplyLine[], idx: number, p: PromiseInfo): ReplyLine | undefined {
  const line = lines[idx];
  if (hitsIn(line, COMMIT, 'follow-up').length) return undefined;
  // The promise's own words, from up to three words before its marker (its subject) to its end.
  const at = line.words.indexOf(p.first);
  const from = line.words[Math.max(0, at - 3)].start;
  if (!hitsIn(line, COMMIT, 'at-visit').some((h) => h.first.start >= from && h.first.start <= p.last.start)) return undefined;
  return lines.find((o, k) => k !== idx && o.block === line.block && o.speaker === 'agent' && !o.question && hitsIn(o, COMMIT, 'arrangement').length > 0 && !hitsIn(o, COMMIT, 'arrangement-off').length && hasTimeFrame(o));
}

/**
 * A description of a service, not a follow-up: the sentence says what is included ("your plan includes a yearly
 * service, and we'll refund the call-out fee"), the promise rides on an offer ("we can move you to a smaller unit
 * and our team will do the carrying"), or names a job as a noun ("will do the packing").
 */
function describesService(line: ReplyLine, marker: Word): boolean {
  if (hitsIn(line, COMMIT, 'included').some((h) => !h.words.some((w) => w.quoted))) return true;
  const words = line.words;
  const at = words.indexOf(marker);
  // "we can look at it and our team will get back to you": a follow-up stays a promise.
  const followUp = hitsIn(line, COMMIT, 'follow-up').some((h) => h.first.start > marker.start);
  for (let k = 1; k < at && !followUp; k++) {
    // Only an offer made on a condition ("If the new price doesn't work for you, we can …"), never "We can confirm … and will".
    if (['can', 'could'].includes(words[k].lower) && ['we', 'i'].includes(words[k - 1].lower) && words.slice(0, k).some((w) => w.lower === 'if') && words.slice(k + 1, at).some((w) => w.lower === 'and')) return true;
  }
  const after = words.slice(at, at + 6).map((w) => w.lower);
  if (coverShare(line, at)) return true;
  const d = after.indexOf('do');
  return d !== -1 && after[d + 1] === 'the' && /[a-z]{3}ing$/.test(after[d + 2] ?? '');
}

/** Verbs that, with an amount and "of"/"towards", state how much of a cost we cover. */
const COVER = new Set(['pay', 'cover', 'refund', 'reimburse', 'contribute', 'put']);

/**
 * A settlement decision, not a follow-up: "so we'll pay £1,150 of the £1,500 quote", "we'll cover 80% of the
 * cost", "we'll put £200 towards the repair". The verb right after the marker, then an amount (a number, maybe
 * after a currency sign), then "of" or "towards" within three words.
 */
function coverShare(line: ReplyLine, at: number): boolean {
  const words = line.words;
  const v = words[at + 1];
  if (!v || !COVER.has(v.lower)) return false;
  let k = at + 2;
  if (['up', 'only', 'just'].includes(words[k]?.lower ?? '')) k += words[k].lower === 'up' && words[k + 1]?.lower === 'to' ? 2 : 1;
  const amount = words[k];
  if (!amount || !/^\d/.test(amount.lower)) return false;
  return words.slice(k + 1, k + 4).some((w) => ['of', 'towards', 'toward'].includes(w.lower));
}

/** "If you'd like, we'll …" is an offer; "if that's OK, I'll …" still promises. Only "if you want/need/prefer" before the marker makes it an offer. */
function conditionalAsk(line: ReplyLine, marker: Word): boolean {
  const words = line.words;
  const at = words.indexOf(marker);
  const before = words.slice(0, at).map((w) => w.lower);
  const i = before.lastIndexOf('if');
  // "If you'd like to talk about it, reply and we'll get back to you when we can": the offer names a follow-up and a
  // vague time for it, so once they reply they wait on a time we never gave.
  if (i !== -1 && vagueFollowUp(line, marker)) return false;
  // "Next time you order, we'll …", "Whenever you're ready, we'll …": what we do when the customer acts again.
  const opener = before[0] === 'the' ? before.slice(1) : before;
  if ((opener[0] === 'whenever' || (NEXT_TIME.has(opener[0]) && opener[1] === 'time')) && i === -1) return true;
  // "If anything changes, ring me and we'll adjust it": they call, and it is done on that call.
  // "pop in and we'll loan her a spare pair", "bring it in and we'll tune it": done at the customer's visit.
  // "bring it in and we'll have a look": a look has no end the customer can see, so it still needs a time.
  const open = hitsIn(line, COMMIT, 'open-check').some((h) => h.first.start > marker.start && words.indexOf(h.first) - at <= 3);
  if (!open && ['and', 'then'].includes(before[before.length - 1] ?? '') && hitsIn(line, COMMIT, 'visit').some((v) => v.last.start < marker.start && !line.words.slice(words.indexOf(v.last) + 1, at).some((x) => /[.!?;]/.test(line.block.text.slice(x.end, x.end + 1))))) return true;
  // "Should you need to cancel, we'll refund the deposit": a condition in the customer's hands, a policy.
  const sh = before.lastIndexOf('should');
  // "Should the item arrive damaged, we'll send a replacement": the inverted "should" opens a condition ended by a comma.
  const opensClause = sh === 0 || (sh > 0 && /[,;:.!?]/.test(line.block.text.slice(words[sh - 1].end, words[sh].start)));
  if (sh !== -1 && opensClause && (before[sh + 1] === 'you' || words.slice(sh + 1, at).some((w, n, a) => n < a.length - 1 && /,/.test(line.block.text.slice(w.end, a[n + 1].start))) || /,\s*$/.test(line.block.text.slice(words[at - 1]?.end ?? 0, marker.start)))) return true;
  // "Just reply with dates that suit and I'll book it": done when they answer with their choice.
  if (['and', 'then'].includes(before[before.length - 1] ?? '') && onReply(line, marker)) return true;
  const CONTACT = ['ring', 'call', 'phone', 'email', 'e-mail', 'reply', 'contact', 'message', 'tell', 'text', 'dm', 'let'];
  // "If it happens again, could you DM us so we can look at your account?": the same offer, after "so".
  if (i !== -1 && before.slice(i + 1).some((b) => CONTACT.includes(b)) && ['and', 'then', 'so', 'that'].includes(before[before.length - 1] ?? '')) return true;
  // "If you reply to this email, a member of our team will pick it up": the customer's message starts it.
  if (i !== -1 && before[i + 1] === 'you' && CONTACT.includes(before[i + 2] ?? '') && at - i <= 12) return true;
  // "When you ring the helpline, the advisor will ask for your policy number": what happens on the customer's own call.
  const wn = Math.max(before.lastIndexOf('when'), before.lastIndexOf('once'), before.lastIndexOf('whenever'));
  if (wn !== -1 && before[wn + 1] === 'you' && CONTACT.includes(before[wn + 2] ?? '') && at - wn <= 12) return true;
  if (i === -1) return false;
  // "asked if you wanted paper bills", "I checked if you had credit left": "if" after asking or checking means "whether".
  if (WHETHER_AFTER.has(before[i - 1] ?? '')) return false;
  // "I'll ask the owner if she can do anything and someone will call you": "if" after our own "I'll ask …" means "whether".
  if (askedWhether(line, at, i)) return false;
  // "If it happens again, we'll replace it", "if anything goes wrong, we'll fix it", "if it's still dripping, we'll send someone":
  // a guarantee that waits on something that may never happen, not a promise with a date to give.
  if (before.slice(i + 1).some((b) => RECUR.has(b)) && !before.slice(i + 1).some((b) => ['ok', 'okay', 'alright', 'fine'].includes(b))) return true;
  // "If I can't get through, I'll leave a voicemail": a fallback for our own step, not a new promise.
  if (['i', 'we'].includes(before[i + 1] ?? '') && before.slice(i + 2, i + 4).some((b) => NEGATIONS.has(b) || /n['’]t$/.test(b) || b === 'cannot')) return true;
  // "If you'd like", "if you'd rather": the customer's wish. "If you had credit left", "if you ordered before Friday": a fact, still a promise.
  const who = (before[i + 1] ?? '').replace(/’/g, "'");
  if (who === "you'd") return true;
  // "If you could share a photo of it, we'll sort it": a request, and the promise follows their answer.
  if (who === 'you' && ['could', 'can'].includes(before[i + 2] ?? '')) return true;
  return who === 'you' && before.slice(i + 2, i + 5).some((b) => WISH.has(b.replace(/’/g, "'")));
}

/** Verbs of asking or checking that take an object before "if" ("ask the owner if", "check with the team if"). */
const ASK_IF = new Set(['ask', 'check', 'see']);

/**
 * "I'll ask the owner if she can do anything": the "if" at `i` (of the words before the marker at `at`) follows our own
 * promise to ask or check, up to four words back, in one clause. It means "whether": no condition on the promise after it.
 */
function askedWhether(line: ReplyLine, at: number, i: number): boolean {
  const words = line.words;
  const text = line.block.text;
  for (let k = i - 2; k >= 0 && i - k <= 4; k--) {
    if (/[,;:.!?]/.test(text.slice(words[k].end, words[k + 1].start))) return false;
    if (!ASK_IF.has(norm(words[k]))) continue;
    const m = words[k - 1] ? norm(words[k - 1]) : '';
    // Our own step: "I'll ask", "we will check", "I'm going to ask"; never the customer's ("ask your landlord if").
    const ours = /^(?:i|we)'ll$/.test(m) || (['will', 'to'].includes(m) && ['i', 'we', 'going'].includes(norm(words[k - 2] ?? words[k])));
    return ours && k < at;
  }
  return false;
}

/** A follow-up after the marker ("we'll get back to you") with a vague stand-in for its time after it ("when we can"). */
function vagueFollowUp(line: ReplyLine, marker: Word): boolean {
  const f = hitsIn(line, COMMIT, 'follow-up').find((h) => h.first.start > marker.start && line.words.indexOf(h.first) - line.words.indexOf(marker) <= 4);
  return f !== undefined && hitsIn(line, COMMIT, 'vague').some((v) => v.first.start > f.first.start);
}

/**
 * The customer answers with a choice and we act on it ("Just reply with dates that suit and I'll
 * book it", "reply yes and I'll book it in"): done when they reply, like a visit they make
 * (rules/time-bound-commitment.yml, on-reply and on-reply-action). "Reply with your reg and we'll
 * arrange recovery" gives details we need: they still wait.
 */
function onReply(line: ReplyLine, marker: Word): boolean {
  const words = line.words;
  const at = words.indexOf(marker);
  const asked = hitsIn(line, COMMIT, 'on-reply').some((h) => h.last.start < marker.start && !words.slice(words.indexOf(h.last), at).some((w, k, a) => k < a.length - 1 && /[.!?;]/.test(line.block.text.slice(w.end, a[k + 1].start))));
  if (!asked) return false;
  let k = at + 1;
  if (/^(?:will|shall)$/.test(norm(marker))) k++;
  while (k < words.length && ADVERBS.has(norm(words[k])) && norm(words[k]) !== 'be') k++;
  return words[k] !== undefined && wordList('on-reply-action', COMMIT).has(norm(words[k]));
}

/**
 * What rules a hit out as a promise, for a listed pattern and a grammar hit alike: a policy, a condition
 * or a fallback the customer starts, a description of the service, a step on this call, a clause such as
 * "no idea when you'll get back", or a question that only asks.
 */
function promiseGate(lines: ReplyLine[], idx: number, hit: Hit, marker: Word): string | undefined {
  const line = lines[idx];
  if (isPolicy(line, hit, marker)) return 'policy';
  if (standing(line, marker)) return 'standing';
  if (conditionalAsk(line, marker)) return 'conditional-ask';
  if (customerStep(line, marker)) return 'customer-step';
  if (fallbackAsked(lines, idx, marker)) return 'fallback-asked';
  if (describesService(line, marker)) return 'describes-service';
  if (inCall(line, marker)) return 'in-call';
  if (onlyIfFound(line, marker, hit)) return 'only-if-found';
  const prev = line.words[line.words.indexOf(marker) - 1];
  if (prev && CLAUSE.has(prev.lower) && !cleft(line, marker)) return `clause-${prev.lower}`;
  if (warning(line, marker)) return 'warning';
  return line.question && !askedThenPromised(line, marker) ? 'question' : undefined;
}

/**
 * "Please update your card, otherwise your plan will be paused", "or else the order will be cancelled": what happens
 * if the customer does not act is a warning, not a promise. "Otherwise" or "or else" opens the promise's clause, at
 * most four words before its marker, and its subject is not "I" or "we".
 */
function warning(line: ReplyLine, marker: Word): boolean {
  const words = line.words;
  const at = words.indexOf(marker);
  // "Otherwise I'll call you on Wednesday": our own step is a fallback we promise, not a warning.
  if (/^(?:i|we)'ll$/.test(norm(marker)) || ['i', 'we'].includes(norm(words[at - 1] ?? marker))) return false;
  for (let k = at - 1; k >= 0 && at - k <= 4; k--) {
    const l = norm(words[k]);
    if (l === 'otherwise' || (l === 'else' && norm(words[k - 1] ?? words[k]) === 'or')) return true;
    if (/[.!?;]/.test(line.block.text.slice(words[k].end, words[k + 1].start))) return false;
  }
  return false;
}

/**
 * A standing commitment, which holds from now on and leaves nothing to wait for (rules/time-bound-commitment.yml,
 * standing): "we'll honour the old price", "we'll stick to them", "we'll keep your details on file", "we'll make
 * sure it doesn't happen again", "I'll leave the ticket open". Its verb comes right after the marker.
 */
function standing(line: ReplyLine, marker: Word): boolean {
  const words = line.words;
  let k = words.indexOf(marker) + 1;
  if (/^(?:will|shall)$/.test(norm(marker)) || (norm(marker) === 'going' && norm(words[k] ?? marker) === 'to')) k++;
  while (k < words.length && ADVERBS.has(norm(words[k])) && norm(words[k]) !== 'be') k++;
  // "We'll honour the old price and update you": a follow-up joined to it still needs a time.
  if (hitsIn(line, COMMIT, 'follow-up').some((h) => h.first.start > marker.start)) return false;
  return words[k] !== undefined && notAnAction(line, words[k], 'standing');
}

/** Verbs of finding something out: a contact promised only if we find a problem may never come. */
const FIND = new Set(['find', 'spot', 'notice', 'see', 'need', 'discover', 'come', 'hit', 'run']);
const FOUND_THING = new Set(['anything', 'something', 'any', 'a', 'an', 'more', 'across', 'into', 'further', 'other']);
const CONTACT_VERBS = new Set(['ring', 'call', 'phone', 'email', 'e-mail', 'text', 'contact', 'message', 'tell', 'let', 'warn', 'update']);

/**
 * "We'll ring you if we find anything that needs fixing", "the fitter will call you if he spots a problem": a
 * contact that comes only if we find something. It may never come, so there is no time to give.
 */
function onlyIfFound(line: ReplyLine, marker: Word, hit: Hit): boolean {
  const words = line.words.map(norm);
  const at = line.words.indexOf(hit.last);
  // Only a contact: "we'll replace it if we find a fault" still leaves them waiting for the check.
  if (!words.slice(line.words.indexOf(marker), at + 1).some((w) => CONTACT_VERBS.has(w) || CONTACT_VERBS.has(w.replace(/^(?:we|i|he|she|they)'ll$/, '')))) return false;
  const i = words.findIndex((w, k) => k > at && k <= at + 4 && w === 'if');
  if (i === -1) return false;
  for (let k = i + 1; k <= i + 4 && k < words.length; k++) {
    if (FIND.has(words[k]) || FIND.has(words[k].replace(/s$/, ''))) return FOUND_THING.has(words[k + 1] ?? '');
  }
  return false;
}

/** Words that soften an imperative ("just reply here", "please bring it"). */
const SOFTENERS = new Set(['just', 'simply', 'please', 'then', 'so', 'do', 'kindly', 'now', 'again']);
/** Words that open a sentence with something the customer may or may not have ("Any questions, …", "Anything else, …"). */
const MAYBE_OPENERS = new Set(['any', 'anything', 'whenever', 'otherwise', 'meanwhile']);

/**
 * A step the customer may choose to take, and what we do in answer: "Any questions, just reply here and
 * we'll help", "If you haven't got your shoes yet, bring something the same height and we'll pin to that",
 * "You can tell us which times are off-limits, and we'll stick to them". One grammatical shape: the clause
 * before "and" has the customer as its doer (an imperative, or "you can/could"), and the sentence makes
 * that step optional (an "if", an opening "Any …", "you can", "feel free to"). The customer starts it, so
 * there is nothing to date. A request we need answered ("Reply with your reg and we'll arrange
 * recovery") is no option, and an answer they wait for ("… and we'll have a look", "… and we'll get
 * back to you") still needs a time.
 */
function customerStep(line: ReplyLine, marker: Word): boolean {
  const words = line.words;
  const text = line.block.text;
  const at = words.indexOf(marker);
  if (at < 2 || !['and', 'then'].includes(norm(words[at - 1]))) return false;
  // The answer is a look or a follow-up: the customer waits for its outcome.
  if (hitsIn(line, COMMIT, 'open-check').some((h) => h.first.start > marker.start && words.indexOf(h.first) - at <= 3)) return false;
  if (hitsIn(line, COMMIT, 'follow-up').some((h) => h.first.start > marker.start && words.indexOf(h.first) - at <= 4)) return false;
  const cut = sentenceCut(line, marker.start);
  const sentence = words.slice(0, at - 1).filter((w) => w.start > cut);
  if (!sentence.length) return false;
  // The clause before "and": back to the last comma, semicolon, colon or dash.
  let s = at - 1;
  // ", and we'll stick to them": the comma before "and" ends the customer's clause, it does not start it.
  if (s > 0 && /,/.test(text.slice(words[s - 1].end, words[s].start))) s--;
  while (s > 0 && words[s - 1].start > cut && !/[,;:—–(]/.test(text.slice(words[s - 1].end, words[s].start))) s--;
  const clause = words.slice(s, at - 1);
  let k = 0;
  while (k < clause.length && SOFTENERS.has(norm(clause[k]))) k++;
  const first = clause[k];
  const youCan = clause.some((w, n) => norm(w) === 'you' && ['can', 'could'].includes(norm(clause[n + 1] ?? w)) && n + 1 < clause.length) || clause.some((w, n) => (norm(w) === 'free' && norm(clause[n - 1] ?? w) === 'feel') || (norm(w) === 'welcome' && norm(clause[n + 1] ?? w) === 'to'));
  const imperative = first !== undefined && plainWord(first) && !NOT_VERB.has(norm(first)) && !PRONOUNS.has(norm(first)) && !DETERMINERS.has(norm(first)) && !/(?:[a-z]{3}ing|ed|[^s]s)$/.test(norm(first)) && !norm(first).includes("'") && !wordList('human-subject').has(norm(first));
  if (!imperative && !youCan) return false;
  const lows = sentence.map(norm);
  const optional = youCan || lows.includes('if') || MAYBE_OPENERS.has(lows[0]) || (lows.includes('in') && lows[lows.indexOf('in') + 1] === 'case');
  return optional;
}

/** Words that ask the customer to get in touch. */
const ASK_CONTACT = new Set(['reply', 'tell', 'let', 'message', 'email', 'ring', 'call', 'text', 'shout', 'dm', 'drop']);

/**
 * "Could you let me know if the notice is still showing after the 14th? I'll chase it personally":
 * the line before asks them to tell us if something happens, and the promise opens the next line.
 * An offer the customer starts, like "If it's still showing, reply and I'll chase it". A request
 * for details ("Could you reply with your member number? We'll look into it") is no condition.
 */
function fallbackAsked(lines: ReplyLine[], idx: number, marker: Word): boolean {
  const line = lines[idx];
  const prev = lines[idx - 1];
  if (!prev || !prev.question || prev.block !== line.block || line.words.indexOf(marker) > 1) return false;
  const w = prev.words.map(norm);
  const c = w.findIndex((x) => ASK_CONTACT.has(x));
  if (c === -1) return false;
  if (w.slice(c + 1).some((x) => x === 'if' || x === 'whether')) return true;
  // "If it hasn't appeared by next Friday, would you let me know?": the "if" clause comes first. Only a
  // contingency ("hasn't", "still", "again"), never a request for details ("If you can, could you send me your reference?").
  const i = w.indexOf('if');
  return i !== -1 && i < c && w.slice(i + 1, c).some((x) => NEGATIONS.has(x) || /n't$/.test(x) || x === 'cannot' || RECUR.has(x));
}

/** Words in an "if" clause that make it a contingency that may never come ("if it happens again", "if you ever need"). */
const RECUR = new Set(['again', 'ever', 'still', 'anything', 'wrong', 'recurs', 'returns']);
/** Words that open a sentence about the customer's next time ("Next time you order, we'll pack it in a bigger box"). */
const NEXT_TIME = new Set(['next', 'whenever']);

/** Words after "if you" that make the clause the customer's wish ("if you want", "if you ever need", "if you would prefer"). */
const WISH = new Set(['want', 'wants', 'need', 'needs', 'prefer', 'like', 'wish', 'would', "'d", 'rather', 'fancy', 'require']);
/** Words before "if" that make it "whether" ("asked if you wanted", "checked if you had"). */
const WHETHER_AFTER = new Set(['ask', 'asked', 'asking', 'asks', 'check', 'checked', 'checking', 'checks', 'see', 'saw', 'seeing', 'know', 'wonder', 'wondered', 'wondering', 'confirm', 'confirmed', 'find', 'found', 'tell', 'told', 'sure', 'whether']);

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
  // "It'll ask for your password", "That'll open the export box": a pronoun that opens a sentence is no name, contracted or not.
  const bare = w.lower.replace(/’/g, "'").replace(/'(?:ll|s|d|re|ve|m)$/, '');
  return Boolean(first) && first !== first.toLowerCase() && !wordList('not-a-name').has(w.lower) && !wordList('not-a-name').has(bare) && !/ing$/.test(w.lower) && !PRONOUNS.has(w.lower);
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
    } else if (l === 'can' && j > 2 && ['we', 'i'].includes(norm(words[j - 1])) && ['so', 'that'].includes(norm(words[j - 2])) && openCheckAfter(line, j)) {
      // "Please reply with your postcode so we can look into it": we will act for them once they do, and they wait for the outcome.
      subject = { word: words[j - 1], start: words[j - 1], person: true, you: false };
      marker = words[j - 1];
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
      // "Going to escalate this to tier 2 for you.": a chatty future with no subject is the writer's.
      if (words[j - 1] && (k < 0 || ['am', 'are', 'is'].includes(words[k + 1]?.lower ?? '') === false && clauseStart(words, j - 1, text))) subject = { word: words[j - 1], start: words[j - 1], person: true, you: false };
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

/** A look whose outcome is open ("look into it", "investigate") right after the word at `j` (rules/time-bound-commitment.yml, open-check). */
function openCheckAfter(line: ReplyLine, j: number): boolean {
  return hitsIn(line, COMMIT, 'open-check').some((h) => {
    const k = line.words.indexOf(h.first);
    return k > j && k - j <= 2;
  });
}

/** The word at `j` opens a clause: nothing but placeholders before it, or punctuation or an emoji just before. */
function clauseStart(words: Word[], j: number, text: string): boolean {
  // Only placeholders or a social handle ("@tomw Will get this fixed") before it.
  if (words.slice(0, j).every((x) => x.masked || text[x.start - 1] === '@')) return true;
  const gap = text.slice(words[j - 1].end, words[j].start);
  return gap.trim() !== '' && !/^['’"”]/.test(gap.trim());
}

/**
 * A promise inside a question: "Can you reply with your email and we'll send a reset link?", "Could you
 * send a photo so I can look at it?". The question asks; the promise after "and" or "so" still stands.
 */
function askedThenPromised(line: ReplyLine, marker: Word): boolean {
  const at = line.words.indexOf(marker);
  const prev = line.words[at - 1];
  if (!prev) return false;
  if (['and', 'then'].includes(prev.lower) && /^(?:we|i)['’]ll$/.test(marker.lower)) return true;
  return ['so', 'that'].includes(prev.lower) && ['we', 'i'].includes(marker.lower) && line.words[at + 1]?.lower === 'can';
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
    // "Until then the fridge will keep running": a capitalised word behind a determiner is not the subject.
    const behindThing = nearest !== w && words.slice(k + 1, j).some((x) => DETERMINERS.has(x.lower) && !['someone', 'one'].includes(x.lower));
    if (isHuman(w.lower, human) || (isName(w) && !behindThing && !(k === 0 && /s$/.test(w.lower)))) {
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
    if ((det === 'our' || det === 'your' || det === 'my') && /(?:er|or|ist|ian|ant|smith|man|woman|person|guys|folks|crew)$/.test(w.lower) && w === nearest) return { word: w, start: words[k - 1], person: true, you: false };
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

/**
 * "Your parcel was due on Thursday, so we'll look into what happened": a time in an earlier clause, joined to the
 * promise by "and", "so", "as", "because"…, dates that clause, not the promise. Not when that clause looks ahead
 * itself ("We'll ring you on Thursday and we'll bring the form") or books something ("The fitter is booked for
 * Monday and he'll bring the brackets"): then the promise rides on its time.
 */
function otherClause(line: ReplyLine, w: Word, from: number, cut: number): boolean {
  if (!Number.isFinite(from)) return false;
  const words = line.words;
  const k = words.indexOf(w);
  let j = -1;
  for (let n = k + 1; n < words.length && words[n].start < from; n++) if (CLAUSE_JOINERS.has(norm(words[n]))) j = n;
  if (j === -1) return false;
  const clause = words.slice(0, j).filter((x) => x.start > cut);
  // "Please bring your ID to the box office on the night and they will be printed for you": the customer's own step
  // at that time; what we do then shares it.
  if (imperativeOpens(clause, w)) return false;
  if (clause.some((x, n) => FUTURE.has(norm(x)) || norm(x).endsWith("'ll") || (norm(x) === 'to' && norm(clause[n - 1] ?? x) === 'going'))) return false;
  const end = words[j].start;
  // "The engineer comes on Tuesday, so he'll fix the tap then": "then" points back to that time.
  if (words.some((x, n) => x.start > from && norm(x) === 'then' && !['and', 'but', 'until', 'till', 'since'].includes(norm(words[n - 1] ?? x)))) return false;
  return !hitsIn(line, COMMIT, 'arrangement').some((h) => h.first.start > cut && h.first.start < end);
}

const CLAUSE_JOINERS = new Set([...JOINERS, 'as']);

/** The clause opens with an imperative (after "please", "just"…): a plain verb, not the time word itself, a pronoun, a determiner or a joiner. */
function imperativeOpens(clause: Word[], time: Word): boolean {
  let k = 0;
  while (k < clause.length && SOFTENERS.has(norm(clause[k]))) k++;
  const first = clause[k];
  if (!first || first === time || !plainWord(first)) return false;
  const l = norm(first);
  return k > 0 ? !NOT_VERB.has(l) : !NOT_VERB.has(l) && !PRONOUNS.has(l) && !DETERMINERS.has(l) && !CLAUSE.has(l) && !CLAUSE_JOINERS.has(l) && !/(?:ing|ed|ly|[^s]s)$/.test(l) && !l.includes("'") && !wordList('human-subject').has(l) && !['since', 'sorry', 'unfortunately', 'yesterday', 'last', 'earlier'].includes(l);
}

/** A joiner stands between a time word that ends at `w` and the promise at offset `from`. */
function joinedBefore(line: ReplyLine, w: Word, from: number): boolean {
  return line.words.some((x) => x.start > w.start && x.start < from && JOINERS.has(x.lower));
}

const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'few', 'couple', 'several', 'half', '24', '48', '72']);
const UNITS = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'business', 'working', 'seconds', 'second', 'sec', 'secs', 'fortnight', 'weekday', 'weekdays']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const CLOCK_LEADS = new Set(['at', 'by', 'before', 'until', 'till', 'around', 'after']);
const CLOCK_SUFFIX = new Set(['am', 'pm', 'a.m', 'p.m', 'a.m.', 'p.m.', "o'clock", 'o’clock']);

/** Words before a number that make "2 days" a time frame ("within 2 days"), not a length ("for 2 days"). */
const SPAN_LEADS = new Set(['within', 'in', 'by', 'takes', 'take', 'taking', 'about', 'around', 'roughly', 'approximately', 'up', 'under', 'than', 'next', 'another', 'allow', 'before', 'inside', 'usually', 'normally', 'typically', 'latest', 'expect']);

/** Whether a line says when: a time-frame pattern, a number with a unit, a clock time or a date. `from`: only words at or after this offset count for bare numbers. */
/** "What I'll do is get the manager to ring you": a cleft that states the promise, not a clause about one. */
function cleft(line: ReplyLine, marker: Word): boolean {
  const at = line.words.indexOf(marker);
  const prev = line.words[at - 1]?.lower;
  let k = at + 1;
  if (/^(?:will|shall)$/.test(marker.lower)) k++;
  return prev === 'what' && line.words[k]?.lower === 'do' && ['is', "'s"].includes(line.words[k + 1]?.lower ?? '');
}

/** "A recovery truck is with it now": a present state; its "now" dates no news to come. */
function onlyNow(line: ReplyLine): boolean {
  const hits = hitsIn(line, COMMIT, 'time-frame');
  return hits.length > 0 && hits.every((h) => ['now', 'right now'].includes(h.words.map((w) => w.lower).join(' '))) && !line.words.some((w) => /\d/.test(w.lower));
}

/** "Hold on, I'll check with the lab": the line opens by asking them to wait, so the check is done while they wait. */
function inCall(line: ReplyLine, marker: Word): boolean {
  // "Hold on, I'll check with the lab and email you": a follow-up after the check still needs a time.
  if (hitsIn(line, COMMIT, 'follow-up').some((h) => h.first.start > marker.start)) return false;
  return hitsIn(line, COMMIT, 'in-call').some((h) => h.last.start < marker.start && line.words.indexOf(h.first) <= 1 && line.words.indexOf(marker) - line.words.indexOf(h.last) <= 2);
}

/** Words that call a plan off: "we've had to postpone your repair on Wednesday" dates the plan that is off, not a promise. */
const CALLED_OFF = new Set(['postpone', 'postponed', 'cancel', 'cancelled', 'canceled', 'call', 'called', 'delay', 'delayed', 'reschedule', 'rescheduled', 'move', 'moved']);

function calledOff(line: ReplyLine): boolean {
  return line.words.some((w, i) => CALLED_OFF.has(norm(w)) && (norm(w) !== 'call' && norm(w) !== 'called' ? true : norm(line.words[i + 1] ?? w) === 'off'));
}

/** "Bye now.", "Goodbye for now": a sign-off, whose "now" dates nothing. */
function farewell(line: ReplyLine): boolean {
  return ['bye', 'goodbye', 'bye-bye', 'byebye', 'cheerio', 'ta-ra', 'tara'].includes(line.words.find((w) => !w.masked)?.lower.replace(/[.,!]$/, '') ?? '');
}

/**
 * A live call or chat (the customer has turns of their own): an "also" promise in the agent's turn after a line of the
 * same turn that gives a time ("The new SIM goes out today, so it's with you Thursday. I'll also text you the crime
 * reference"). The customer is on the line and hears the plan as one; an email's "We'll also refund the fee" after a
 * dated visit is a matter of its own and still needs a time.
 */
function alsoInTimedTurn(all: readonly ReplyLine[], lines: ReplyLine[], idx: number): ReplyLine | undefined {
  const line = lines[idx];
  if (line.speaker !== 'agent' || !all.some((l) => l.speaker === 'customer' && !l.stage && l.labelled)) return undefined;
  for (let j = idx - 1; j >= 0 && idx - j <= 2; j--) {
    const prev = lines[j];
    if (prev.turn !== line.turn || prev.block !== line.block || prev.question) return undefined;
    if (hasTimeFrame(prev) && !onlyNow(prev) && !calledOff(prev)) return prev;
  }
  return undefined;
}

/** A promise to come back to the customer on this call or chat: "I'll come straight back to you", "I'll be right back". */
function comesBack(line: ReplyLine, p: PromiseInfo): boolean {
  const words = line.words;
  const at = words.indexOf(p.first);
  const end = Math.min(words.length, words.indexOf(p.last) + 4);
  return words.slice(at + 1, end).some((w) => norm(w) === 'back') && !hitsIn(line, COMMIT, 'follow-up').some((h) => h.words.some((w) => ['email', 'e-mail', 'call', 'ring', 'phone', 'text', 'write'].includes(norm(w))));
}

/** A line that asks to put the customer on hold and says for how long ("for 3 or 4 minutes", "for about two minutes"). */
function timedHold(line: ReplyLine): boolean {
  return holdsOf([line]).some((h) => h.kind === 'hold' && h.duration);
}

/** "at some point next week", "sometime this month": a span hedged so the customer still can't plan. */
function hedged(line: ReplyLine, first: Word): boolean {
  const at = line.words.indexOf(first);
  const a = line.words[at - 1]?.lower;
  const b = line.words[at - 2]?.lower;
  return a === 'sometime' || (b === 'some' && (a === 'point' || a === 'stage' || a === 'time'));
}

/** Words a full stop may follow without ending a sentence ("3 p.m. today", "approx. 2 days"). */
const NOT_SENTENCE_END = new Set(['a.m', 'p.m', 'am', 'pm', 'approx', 'no', 'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs']);

/**
 * Where the sentence that holds offset `from` starts, when the line holds more than one ("its
 * delivered now. we'll look into compensation": a chat line the splitter left whole). A time word
 * in an earlier sentence dates that sentence, not the promise.
 */
function sentenceCut(line: ReplyLine, from: number): number {
  if (!Number.isFinite(from)) return Number.NEGATIVE_INFINITY;
  const words = line.words;
  let cut = Number.NEGATIVE_INFINITY;
  for (let i = 0; i + 1 < words.length && words[i + 1].start <= from; i++) {
    const w = words[i];
    // The stop may be part of the word in a line the splitter kept whole ("now." then "we'll").
    const stop = /^[.!?]+\s/.test(line.block.text.slice(w.end, words[i + 1].start)) || (/[a-z][.!?]$/.test(w.lower) && /^\s/.test(line.block.text.slice(w.end, words[i + 1].start)));
    if (stop && !NOT_SENTENCE_END.has(w.lower.replace(/[.!?]$/, '')) && !/^\d/.test(w.lower)) cut = w.end;
  }
  return cut;
}

export function hasTimeFrame(line: ReplyLine, from = Number.POSITIVE_INFINITY, onlyAfter = false, skip?: [number, number]): boolean {
  const cut = sentenceCut(line, from);
  /** `skip`: words from an earlier promise of the line up to this one belong to that promise. */
  const skipped = (start: number) => skip !== undefined && start >= skip[0] && start < skip[1];
  // "use block A for now": "for now" means in the meantime; it dates nothing.
  // Only in a later sentence than the promise: "I'll leave the ticket open for now" keeps it.
  const forNow = (h: Hit) => Number.isFinite(from) && h.first.start > from && /[.!?]\s/.test(line.block.text.slice(from, h.first.start)) && h.words.length === 1 && norm(h.first) === 'now' && norm(line.words[line.words.indexOf(h.first) - 1] ?? h.first) === 'for';
  // "… would've saved you this back in the autumn, but we'll get someone round": a time before a "but" dates the other side of it.
  const contrast = (end: number) => Number.isFinite(from) && end <= from && line.words.some((x) => x.start >= end && x.start < from && norm(x) === 'but');
  if (hitsIn(line, COMMIT, 'time-frame').some((h) => (!onlyAfter || h.first.start >= from) && h.last.end > cut && !skipped(h.first.start) && !forNow(h) && !hedged(line, h.first) && !contrast(h.last.end) && !(h.last.end <= from && TODAY.has(h.words.map((w) => w.lower).join(' ')) && joinedBefore(line, h.last, from)) && !(h.last.end <= from && otherClause(line, h.last, from, cut)))) return true;
  const words = line.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (onlyAfter && w.start < from) continue;
    if (w.end <= cut || skipped(w.start)) continue;
    if (w.masked || w.quoted) continue;
    if (w.end <= from && otherClause(line, w, from, cut)) continue;
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
    // "at 9.15", "by 5.30": a clock time with a dot, after a word that leads a time (never a price: "£9.15").
    if (/^\d{1,2}\.[0-5]\d$/.test(l) && CLOCK_LEADS.has(words[i - 1]?.lower ?? '') && !/[£$€]$/.test(line.block.text.slice(Math.max(0, w.start - 1), w.start))) return true;
    // "by mid-July", "early-March": part of a month.
    if (/^(?:mid|early|late|end)-[a-z]+$/.test(l) && MONTHS.has(l.slice(l.indexOf('-') + 1))) return true;
    if (/^\d{1,2}(?:st|nd|rd|th)$/.test(l)) return true;
    if (/^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$/.test(l) && l.includes('/')) return true;
    if (/^\d{4}-\d{2}-\d{2}$/.test(l)) return true;
    if (w.text === 'May' && (/^\d/.test(words[i + 1]?.lower ?? '') || /^\d{1,2}(?:st|nd|rd|th)?$/.test(words[i - 1]?.lower ?? ''))) return true;
  }
  return false;
}

/** Words that never start the action after a future marker: pronouns, determiners, prepositions, joiners. */
const NOT_VERB = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'our', 'my', 'their', 'his', 'her', 'its', 'you', 'we', 'i', 'they', 'he', 'she', 'it', 'me', 'us', 'them', 'him', 'from', 'at', 'in', 'on', 'of', 'with', 'for', 'by', 'and', 'or', 'but', 'if', 'so', 'as', 'not', 'never', 'no', 'yes', 'there', 'here', 'be', 'also', 'too', 'soon', 'later', 'well', 'up', 'out', 'off', 'over', 'about', 'after', 'before', 'when', 'once', 'what', 'which', 'who', 'how', 'why', 'where', 'all', 'any', 'some', 'each', 'every', 'more', 'less', 'very', 'only', 'even', 'ever', 'again', 'please', 'thanks', 'thank', 'sorry', 'too']);
const FUTURE = new Set(['will', 'shall', 'gonna', 'should']);
const BE_FORMS = new Set(['am', 'are', 'is', "'m", "'re", "'s"]);
const STOP_OBJECT = new Set(['and', 'or', 'but', 'if', 'when', 'once', 'as', 'so', 'because', 'by', 'within', 'before', 'after', 'until', 'till', 'while', 'then', 'today', 'tomorrow', 'tonight', 'soon', 'shortly', 'asap']);
const PARTICIPLE_IRREGULAR = new Set(['sent', 'done', 'made', 'set', 'put', 'paid', 'built', 'given', 'taken', 'shown', 'fixed', 'sorted', 'brought', 'kept', 'sold', 'rebuilt', 'resent', 're-sent', 'redone', 'rewritten', 'withdrawn', 'refit', 'undone']);

function norm(w: Word): string {
  return w.lower.replace(/’/g, "'");
}

function plainWord(w: Word | undefined): w is Word {
  return Boolean(w) && !w!.masked && !w!.quoted && /^[a-z][a-z'-]*$/.test(norm(w!));
}

/** The words after the action verb that name what is done ("top up your balance"): up to three, until punctuation or a joiner. */
function objectEnd(line: ReplyLine, v: number): Word {
  const words = line.words;
  const text = line.block.text;
  let last = v;
  for (let k = v + 1; k < words.length && k <= v + 3; k++) {
    if (/[,;:.!?()—–]/.test(text.slice(words[k - 1].end, words[k].start)) || words[k].masked || STOP_OBJECT.has(norm(words[k]))) break;
    last = k;
  }
  return words[last];
}

/** A hit that starts at `from` and is not one of the clause classes that are no commitment (rules/time-bound-commitment.yml, `not-an-action`). */
const lineHits = new WeakMap<ReplyLine, Map<string, Hit[]>>();

function notAnAction(line: ReplyLine, at: Word, category: string): boolean {
  let byCategory = lineHits.get(line);
  if (!byCategory) lineHits.set(line, (byCategory = new Map()));
  let hits = byCategory.get(category);
  if (!hits) byCategory.set(category, (hits = hitsIn(line, COMMIT, category)));
  return hits.some((h) => h.first === at);
}

function fakeHit(line: ReplyLine, first: Word, last: Word, category: string, phrase: string): Hit {
  const words = line.words.slice(line.words.indexOf(first), line.words.indexOf(last) + 1);
  return { first, last, words, phrase, value: { match: [phrase], category } as unknown as Hit['value'] };
}

/**
 * Promises found by grammar, whatever the verb: a future marker ("will", "'ll",
 * "shall", "going to", "gonna", "should") then any action verb, or a person or
 * team in the present progressive ("we're sending a new one"). The subject,
 * negation, habits, offers and questions are checked as for listed promises;
 * the clause classes that are not commitments ("I'll be honest", "we'll need
 * your order number", "I'm writing to…") are data in rules/time-bound-commitment.yml.
 */
function grammarHits(line: ReplyLine): Hit[] {
  const words = line.words;
  const human = wordList('human-subject');
  const out: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.masked || w.quoted) continue;
    const l = norm(w);
    const future = FUTURE.has(l) || l.endsWith("'ll") || (l === 'to' && norm(words[i - 1] ?? w) === 'going');
    const subjectWord = l.endsWith("'m") || l.endsWith("'re") || (l.endsWith("'s") && isHuman(l.slice(0, -2), human)) ? l.replace(/'(?:m|re|s)$/, '') : BE_FORMS.has(l) ? norm(words[i - 1] ?? w) : undefined;
    const ongoing = !future && subjectWord !== undefined && (['i', 'we'].includes(subjectWord) || (isHuman(subjectWord, human) && !['you', 'they', 'he', 'she', 'it', 'someone', 'somebody'].includes(subjectWord)));
    if (!future && !ongoing && (l === 'is' || l === 'are')) {
      // "The refund is on its way to your card", "a replacement is already on its way": what we send, moving now.
      const way = onItsWay(words, i);
      const subj = way === -1 ? undefined : caseSubjectStart(words, i);
      if (subj) out.push(fakeHit(line, subj, objectEnd(line, way), 'promise-now', 'on its way'));
      continue;
    }
    if (!future && !ongoing) continue;
    if (l === 'should' && ['have', "'ve"].includes(norm(words[i + 1] ?? w))) continue;
    let k = i + 1;
    // "I will to check" (non-native), "we'll also", "will definitely": skip to the verb.
    while (k < words.length && k - i <= 3 && (ADVERBS.has(norm(words[k])) && norm(words[k]) !== 'be' || ['currently', 'actually', 'personally', 'now', 'to', 'quickly', 'kindly', 'already'].includes(norm(words[k])))) k++;
    // "I'll have to check with the warehouse": the verb after "have to" is the action (not "you'll have to").
    if (ourHaveTo(words, i, k)) k += 2;
    const v = words[k];
    if (!plainWord(v)) continue;
    const lv = norm(v);
    if (ongoing) {
      if (!lv.endsWith('ing') || lv === 'going' || NOT_VERB.has(lv) || notAnAction(line, v, 'not-an-action-now')) continue;
      const subj = l.includes("'") ? w : words[i - 1];
      out.push(fakeHit(line, subj, objectEnd(line, k), 'promise-now', lv));
      continue;
    }
    if (lv === 'be') {
      // "it'll be sorted", "your parcel will be re-routed": a passive about our action on their case (never "you will be charged").
      let m = k + 1;
      while (m < words.length && m - k <= 2 && ADVERBS.has(norm(words[m])) && norm(words[m]) !== 'be') m++;
      const p = words[m];
      if (!plainWord(p)) continue;
      const lp = norm(p);
      const you = l === "you'll" || norm(words[i - 1] ?? w) === 'you';
      if (!you && (/[a-z]{2}ed$/.test(lp) || PARTICIPLE_IRREGULAR.has(lp)) && !notAnAction(line, p, 'not-an-action-passive')) {
        out.push(fakeHit(line, v, objectEnd(line, m), 'promise', `be ${lp}`));
      } else if (lp.endsWith('ing') && !notAnAction(line, p, 'not-an-action-now') && !notAnAction(line, v, 'not-an-action')) {
        // "we'll be sending a new one": a future progressive is the same promise.
        out.push(fakeHit(line, p, objectEnd(line, m), 'promise', lp));
      }
      continue;
    }
    if (l === 'will' && notAnAction(line, v, 'case-moves') && caseSubject(words, i)) {
      // "A refund of the difference will go through": what we send moves on its own; a promise like a passive.
      out.push(fakeHit(line, v, objectEnd(line, k), 'promise', `be ${lv}`));
      continue;
    }
    // "someone will come fix it", "we'll come and fix it": the second verb is the action.
    const w2 = words[k + 1]?.lower === 'and' ? words[k + 2] : words[k + 1];
    if (['come', 'go'].includes(lv) && plainWord(w2) && !NOT_VERB.has(norm(w2)) && !['back', 'in', 'out', 'round', 'over', 'by', 'to', 'down', 'through', 'along', 'ahead', 'off', 'up', 'home', 'there'].includes(norm(w2)) && !notAnAction(line, w2, 'not-an-action')) {
      out.push(fakeHit(line, v, objectEnd(line, words.indexOf(w2)), 'promise', norm(w2)));
      continue;
    }
    if (NOT_VERB.has(lv) || notAnAction(line, v, 'not-an-action')) continue;
    // "Will do!", "I'll do that": agreeing, not an action named.
    if (lv === 'do' && (k === words.length - 1 || /[,;:.!?]/.test(line.block.text.slice(v.end, words[k + 1].start)) || ['that', 'this', 'it', 'so'].includes(norm(words[k + 1])))) continue;
    out.push(fakeHit(line, v, objectEnd(line, k), 'promise', lv));
  }
  return out;
}

/** "We'll need your order number to find the booking": the clause's own verb after the marker is no action, so a listed action later in it is not promised. */
function clauseVerbIsNoAction(line: ReplyLine, marker: Word, hit: Hit): boolean {
  const words = line.words;
  const end = words.indexOf(hit.first);
  for (let i = words.indexOf(marker); i >= 0 && i < end; i++) {
    const l = norm(words[i]);
    if (!(FUTURE.has(l) || l.endsWith("'ll") || (l === 'to' && i > 0 && norm(words[i - 1]) === 'going'))) continue;
    let k = i + 1;
    while (k < end && ADVERBS.has(norm(words[k])) && norm(words[k]) !== 'be') k++;
    if (ourHaveTo(words, i, k) && k + 2 <= end) k += 2;
    // "Someone will be with you", "we'll be sure to pass this along": the listed "be …" forms decide for themselves.
    return k < end && norm(words[k]) !== 'be' && notAnAction(line, words[k], 'not-an-action');
  }
  return false;
}

/**
 * "have to" at `k` after the "will" at `i`: "we'll have to order a new part" promises the order. Not after
 * "you" ("you'll have to ask for a new link" is the customer's step).
 */
function ourHaveTo(words: Word[], i: number, k: number): boolean {
  if (norm(words[i]) === "you'll" || (i > 0 && norm(words[i - 1]) === 'you')) return false;
  return norm(words[k] ?? words[0]) === 'have' && norm(words[k + 1] ?? words[0]) === 'to' && words[k + 2] !== undefined;
}

/** A thing we send or arrange ("a refund of the difference", "your replacement") is the subject of the "will" at `i`. */
function caseSubject(words: Word[], i: number): boolean {
  const nouns = wordList('case-nouns', COMMIT);
  for (let k = i - 1; k >= 0 && i - k <= 5; k--) {
    const l = norm(words[k]);
    // "your replacement", "a new card", "your redemption statement": a determiner up to two words before the noun.
    if (nouns.has(l)) return [words[k - 1], words[k - 2]].some((d, n) => d !== undefined && (['a', 'an', 'the', 'your', 'our', 'this', 'that'].includes(norm(d)) || (n === 0 && norm(d) === 'new')));
    if (['and', 'but', 'so', 'it', 'this', 'that', 'which', 'you', 'we', 'i', 'they'].includes(l)) return false;
  }
  return false;
}

/** The word that opens the case noun's phrase before the "is" at `i` ("The refund", "your new card"), when caseSubject holds. */
function caseSubjectStart(words: Word[], i: number): Word | undefined {
  if (!caseSubject(words, i)) return undefined;
  const nouns = wordList('case-nouns', COMMIT);
  for (let k = i - 1; k >= 0 && i - k <= 5; k--) {
    if (!nouns.has(norm(words[k]))) continue;
    for (let d = k - 1; d >= 0 && k - d <= 2; d--) if (['a', 'an', 'the', 'your', 'our', 'this', 'that'].includes(norm(words[d]))) return words[d];
    return words[k];
  }
  return undefined;
}

/** "is on its way", "are already on their way", "is now on the way": the index of "way" after the "is" at `i`, or -1. */
function onItsWay(words: Word[], i: number): number {
  let k = i + 1;
  while (k < words.length && k - i <= 3 && ['now', 'already', 'currently', 'also', 'all', 'both', 'just'].includes(norm(words[k]))) k++;
  if (norm(words[k] ?? words[i]) !== 'on' || !['its', 'their', 'the'].includes(norm(words[k + 1] ?? words[i])) || norm(words[k + 2] ?? words[i]) !== 'way') return -1;
  return words[k + 2].masked || words[k + 2].quoted ? -1 : k + 2;
}

/**
 * "I'll raise it with my team leader to see if there's any flexibility and come back to you": a second action joined by
 * "and" in the same sentence shares the promise's subject and marker, so the promise runs to its end (p.end). Stops at
 * a sentence end, at another promise of the list, and at a joined clause with its own subject ("and the team will").
 */
function joinedAction(p: PromiseInfo, all: PromiseInfo[]): void {
  const line = p.line;
  const words = line.words;
  const text = line.block.text;
  const from = words.indexOf(p.last);
  if (from === -1) return;
  const next = all.filter((o) => o.line === line && o.first.start > p.last.start).map((o) => o.first.start);
  const stop = next.length ? Math.min(...next) : Number.POSITIVE_INFINITY;
  for (let k = from + 1; k < words.length - 1 && k - from <= 14; k++) {
    if (/[.!?;:]/.test(text.slice(words[k - 1].end, words[k].start)) || words[k].start >= stop) return;
    if (norm(words[k]) !== 'and') continue;
    let v = k + 1;
    if (['then', 'also'].includes(norm(words[v]))) v++;
    const w = words[v];
    if (!plainWord(w) || w.start >= stop) continue;
    const lw = norm(w);
    if (NOT_VERB.has(lw) || PRONOUNS.has(lw) || DETERMINERS.has(lw) || lw.includes("'") || /(?:ing|ed)$/.test(lw) || wordList('human-subject').has(lw)) continue;
    // "… and will", "… and should": a verb with its own marker is a promise of its own.
    if (FUTURE.has(lw) || ['can', 'could', 'may', 'might', 'would', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had'].includes(lw)) return;
    p.end = objectEnd(line, v);
    return;
  }
}

/** The promise model's score for a promise (is the customer left waiting on it?), or undefined with no model: the good-reply model reads it (src/reply/good-reply.ts). */
export function promiseScore(p: PromiseInfo, lines: readonly ReplyLine[]): number | undefined {
  const m = promiseModel();
  return m ? logisticScore(m, promiseFeatures(p, lines)) : undefined;
}
