/**
 * Checking understanding: a check ("Does that help?"), an invitation ("Just
 * reply here", "Shout if it's still orange") or any question to the customer
 * that is not small talk. Words from rules/confirm-understanding.yml.
 *
 * The grammar around the words:
 * - An invitation is addressed to the customer: "let us know" after "they'll"
 *   or "the engineer will" is a third party's promise, and after "didn't" it
 *   is a reproach, not an open door.
 * - A question gathers facts when it opens the reply or comes in an earlier
 *   turn of a script; a question that asks whether the plan suits ("Does
 *   Thursday suit?", "Is 3 o'clock alright for you?") checks in any turn.
 * - A rhetorical question is no check: a reproach ("Did you not see the
 *   email?") or a question the reply answers itself ("Why does the charge
 *   show twice? Your bank …").
 * - A fake check ("We trust this clarifies the matter") asks nothing: it is
 *   in no list.
 *
 * A reply needs no check when we speak next at a stated time
 * (continuesOnOurSide): its last line promises contact or action with a
 * time frame ("Sam will DM you within the hour", "A mechanic's booked for
 * tomorrow between 8 and 10"). That next contact is the check.
 */
import { impactFeatures } from '../lexicon/impact-features.js';
import { expandWord } from '../lexicon/lemma.js';
import { logisticScore, modelSlot, type LogisticModel } from '../lexicon/logistic.js';
import type { ReplyLine } from './lines.js';
import type { PromiseInfo } from './promises.js';
import { hitsIn, liveWords, type Hit } from './words.js';

const CONFIRM = 'confirm-understanding';
const HOLD = 'hold-permission';
const GREETING_QUESTIONS = [['how', 'are', 'you'], ["how's", 'it', 'going'], ['how', 'are', 'things'], ['how', 'have', 'you', 'been'], ['how', 'is', 'your', 'day'], ["how's", 'your', 'day'], ['how', 'can', 'i', 'help'], ['how', 'may', 'i', 'help'], ['what', 'can', 'i', 'do', 'for', 'you']];
const HELLOS = new Set(['hello', 'hi', 'hiya', 'hey', 'hallo']);

/** The first line that checks understanding or invites a reply. */
export function confirmationOf(lines: ReplyLine[], all: readonly ReplyLine[] = lines): ReplyLine | undefined {
  const spoken = lines.filter((l) => !l.stage);
  const first = spoken[0];
  // The opening only gathers facts when more follows: a later turn in a script, or a few more lines.
  const laterTurn = first !== undefined && spoken.some((l) => l.turn > first.turn);
  // In a script, a plain question before the agent's last turn gathers facts ("What's your name?").
  const lastTurn = Math.max(-1, ...spoken.filter((l) => l.speaker === 'agent').map((l) => l.turn));
  for (const l of lines) {
    if (l.stage) continue;
    // "I'll transfer you to billing, is that alright?" asks about the hold, not about the answer; it is the
    // last check only when the transfer ends the call (nobody speaks for us after the stage direction).
    const holds = [...hitsIn(l, HOLD, 'hold'), ...hitsIn(l, HOLD, 'transfer'), ...hitsIn(l, HOLD, 'transfer-loose')];
    if (holds.length) {
      if (l.question && hitsIn(l, HOLD, 'transfer').length + hitsIn(l, HOLD, 'transfer-loose').length > 0 && !continuesAfterStage(l, all)) return l;
      // "Do reply if you'd like me to switch you over": an open door first, the transfer only an offer after it.
      const door = hitsIn(l, CONFIRM, 'invite').find((h) => addressedToCustomer(l, h));
      if (!l.question && door && holds.every((h) => h.first.start > door.last.end)) return l;
      continue;
    }
    if (hitsIn(l, CONFIRM, 'check').length || hitsIn(l, CONFIRM, 'invite').some((h) => addressedToCustomer(l, h))) return l;
    if (l.question && hitsIn(l, CONFIRM, 'ask').length) return l;
    // A question that opens the reply or a script's first turn gathers facts; later ones invite a reply.
    const opening = l.labelled ? laterTurn && l.turn === first.turn : l === first && spoken.length >= 3;
    const early = l.labelled && l.turn < lastTurn;
    if ((l.question || midQuestion(l)) && !opening && !early && !isGreetingQuestion(l) && !isRhetorical(l, lines)) return l;
  }
  return undefined;
}

/** A question mark inside the line, where the splitter did not cut ("do you want to go ahead? we need an answer"). */
function midQuestion(l: ReplyLine): boolean {
  const ws = l.words;
  for (let i = 0; i + 1 < ws.length; i++) if (l.block.text.slice(ws[i].end, ws[i + 1].start).includes('?')) return true;
  return false;
}

/** An agent speaks again after a stage direction that follows this line (the call went on after the hold or transfer). */
function continuesAfterStage(l: ReplyLine, all: readonly ReplyLine[]): boolean {
  const at = all.indexOf(l);
  const stage = all.findIndex((x, k) => k > at && x.stage);
  return stage !== -1 && all.some((x, k) => k > stage && x.speaker === 'agent' && !x.stage);
}

function lowers(l: ReplyLine): string[] {
  return liveWords(l).map((w) => w.lower.replace(/’/g, "'"));
}

/** "How are you?", and "Delivery team, hello?" (a second agent picking up). */
function isGreetingQuestion(l: ReplyLine): boolean {
  const lows = lowers(l);
  if (HELLOS.has(lows[lows.length - 1] ?? '')) return true;
  return GREETING_QUESTIONS.some((g) => lows.some((_, i) => g.every((x, k) => lows[i + k] === x)));
}

const WH = new Set(['why', 'what', 'how']);
const YOU = new Set(['you', 'your', 'yours', 'yourself']);

/**
 * A question that asks nothing of the customer: a reproach ("Did you not read the email?", "Haven't you
 * checked your spam folder?") or one the reply answers itself ("What happens next? Your claim goes to …").
 */
function isRhetorical(l: ReplyLine, lines: readonly ReplyLine[]): boolean {
  const toks = liveWords(l).flatMap((w) => expandWord(w.lower).map((alts) => alts[0]));
  // "did you not", "didn't you" (did not you), "haven't you": a negative question aimed at the customer.
  for (let i = 0; i + 2 < toks.length && i < 3; i++) {
    if ((toks[i + 1] === 'you' && toks[i + 2] === 'not') || (toks[i + 1] === 'not' && toks[i + 2] === 'you')) return true;
  }
  // A why/what/how question, not about the customer, with more of the same paragraph after it.
  const w0 = toks[0] === 'so' || toks[0] === 'and' ? toks[1] : toks[0];
  if (!WH.has(w0 ?? '')) return false;
  const aboutYou = toks.some((t, i) => YOU.has(t) && toks[i - 1] !== 'for' && toks[i - 1] !== 'to');
  if (aboutYou) return false;
  const next = lines[lines.indexOf(l) + 1];
  return next !== undefined && next.block === l.block && !next.question && next.speaker === l.speaker;
}

const MODALS = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'did', 'had', 'has', 'have']);
const SUBJECTS = new Set(['i', 'we', 'they', 'he', 'she', 'it', 'someone', 'somebody', 'nobody', 'everyone', 'who', 'which']);
const SKIP = new Set(['please', 'do', 'just', 'also', 'then', 'definitely', 'certainly', 'happily', 'gladly', 'probably', 'kindly', 'soon', 'quickly', 'directly', 'personally', 'really', 'always']);

/**
 * An invitation speaks to the customer: "let us know", "you can reach out", "please get in touch". The same
 * words after another subject ("they'll let us know", "the engineer will get in touch", "we didn't hear")
 * or after a negation ("nobody contacted us", "you didn't let us know") are news, not an open door.
 */
function addressedToCustomer(l: ReplyLine, h: Hit): boolean {
  const ws = l.words;
  if (asksForData(l, h)) return false;
  const at = ws.indexOf(h.first);
  if (at <= 0) return true;
  // The words before the hit, in the same clause, contractions split: "they'll" → they will.
  const before: string[] = [];
  for (let i = at - 1; i >= 0 && before.length < 6; i--) {
    const gap = l.block.text.slice(ws[i].end, ws[i + 1].start);
    if (/[,;:.!?()\n–—-]/.test(gap)) break;
    const parts = expandWord(ws[i].lower).map((alts) => alts[0]);
    before.unshift(...parts);
  }
  let i = before.length - 1;
  while (i >= 0 && SKIP.has(before[i])) i--;
  const w = before[i];
  if (w === undefined) return true;
  if (w === 'you') return true;
  if (w === 'not' || w === 'never' || w === 'no') return false;
  if (SUBJECTS.has(w)) return false;
  // "Thank you for write to us": thanks for a message already sent, not an open door.
  if (w === 'for' && before.slice(0, i).some((x) => x === 'thank' || x === 'thanks')) return false;
  // "you were asked to send it over", "you were meant to let us know": a reproach, not an invitation.
  if (w === 'to' && i > 0 && /^(?:asked|told|meant|supposed|required|expected|reminded|needed|had)$/.test(before[i - 1])) return false;
  // "no need to reply", "you don't need to get in touch": the door is shut, not opened.
  if (w === 'to' && i > 1 && before[i - 1] === 'need' && (before[i - 2] === 'no' || before[i - 2] === 'not')) return false;
  // "the form says that you need to tell us": a duty reported, not an invitation.
  if (before.slice(0, i).some((x, k) => x === 'that' && before[k + 1] === 'you' && /^(?:need|must|should|have|had|were|are|was)$/.test(before[k + 2] ?? ''))) return false;
  if (MODALS.has(w)) {
    let k = i - 1;
    while (k >= 0 && SKIP.has(before[k])) k--;
    // "you can reach out": the customer; "the team will get in touch", "they may get in touch": someone else.
    return k < 0 || before[k] === 'you';
  }
  return true;
}

const SEND = new Set(['send', 'dm', 'message', 'email', 'e-mail', 'text', 'pm', 'inbox']);
const DATA = new Set(['your', 'the', 'some', 'this', 'that', 'these', 'those', 'both', 'any']);

/** "DM us your case reference", "email us the receipt": a request for details is a next step, not an open door. */
function asksForData(l: ReplyLine, h: Hit): boolean {
  if (h.words.length !== 2 || !SEND.has(h.first.lower)) return false;
  const next = l.words[l.words.indexOf(h.last) + 1];
  return next !== undefined && !next.masked && DATA.has(next.lower) && !/[,;:.!?]/.test(l.block.text.slice(h.last.end, next.start));
}

/**
 * The conversation goes on from our side at a stated time: the reply's last line (before the sign-off)
 * holds a promise with a time frame, and no promise in the reply is left without one (src/reply/promises.ts).
 * "Sam will DM you within the hour to confirm the time": the customer need not write back, we will.
 * A condition ("once the restock lands") or a vague time ("as soon as we can") is no stated time.
 */
export function continuesOnOurSide(spoken: readonly ReplyLine[], promises: readonly PromiseInfo[], isSignOff: (l: ReplyLine) => boolean): boolean {
  if (promises.length === 0 || promises.some((p) => !p.timeFrame)) return false;
  let i = spoken.length - 1;
  // Leave out the sign-off and the name under it ("Kind regards,\nSophie Grant\nBrightsmile").
  // A sign-off only when nothing but a short name line or two follows it ("Thanks for the photos. Mo will …" is not one).
  for (let k = i; k >= Math.max(0, spoken.length - 3); k--) {
    if (isSignOff(spoken[k]) && spoken.slice(k + 1).every((l) => l.words.length <= 4)) i = k - 1;
  }
  while (i >= 0 && spoken[i].stage) i--;
  const last = spoken[i];
  if (!last || last.question) return false;
  // The last line is the promise (or gives its time frame): nothing comes after our next contact. It is
  // something someone does ("Sam will DM you", "a mechanic will swap the tube"), not a state or an event
  // ("Payment will be collected on 28 May", "Your account will be unlocked within 30 minutes").
  return promises.some((p) => (p.line === last || p.timeFrame === last) && !isPassive(p) && !thingActs(p));
}

const THINGS = new Set(['it', "it'll", 'which', 'this', 'that', 'these', 'those']);

/** "They'll leaf up come spring", "which should reach your account": a thing, not someone on our side, does it. */
function thingActs(p: PromiseInfo): boolean {
  const first = p.first.lower.replace(/’/g, "'");
  if (THINGS.has(first)) return true;
  if (first !== 'they' && first !== "they'll") return false;
  const ws = p.line.words;
  return !ws.slice(ws.indexOf(p.first)).some((w) => /^(?:you|your)$/.test(w.lower));
}

/** "will be delivered", "will be collected": the promise has no one acting in it. */
function isPassive(p: PromiseInfo): boolean {
  const ws = p.line.words;
  const from = ws.indexOf(p.first);
  const to = ws.indexOf(p.last);
  if (from === -1 || to === -1) return false;
  return ws.slice(from, to + 1).some((w) => w.lower === 'be' || w.lower === 'been' || w.lower === 'being');
}

/** The model of rules/confirm-understanding.model.json (scripts/train-confirm-clean.mjs) and its threshold. */
export interface ConfirmModel extends LogisticModel {
  /** A line the patterns do not read as a check counts as one when the model gives it at least this. */
  threshold: number;
}

const confirmModel = modelSlot<ConfirmModel>('confirm-understanding.model.json');

/** Sets the model in place of the file (tests, and the trainer, which measures the patterns alone with `null`). */
export const useConfirmModel = confirmModel.use;

/**
 * The features of an agent line for the confirmation model: its words (lemmas and pairs, as the impact model reads
 * them, with the grammar shapes), whether it is a question, and where it stands (the opening line, the last line,
 * the last paragraph), and the channel.
 */
export function confirmFeatures(l: ReplyLine, spoken: readonly ReplyLine[], channel: string): string[] {
  const f = new Set(impactFeatures(l.words, l.block.text, l.question).filter((k) => k.startsWith('w:') || k.startsWith('b:') || k === 'g:you' || k === 'g:question' || k === 'g:short' || k === 'g:mid' || k === 'g:long'));
  const live = liveWords(l);
  if (live[0]) f.add(`first:${live[0].lower.replace(/’/g, "'")}`);
  const i = spoken.indexOf(l);
  if (i === 0) f.add('p:first');
  if (i === spoken.length - 1) f.add('p:last');
  else if (i >= spoken.length - 3) f.add('p:end');
  const lastBlock = spoken[spoken.length - 1]?.block;
  if (l.block === lastBlock) f.add('p:last-block');
  if (l.labelled) f.add('p:script');
  if (midQuestion(l)) f.add('g:question');
  f.add(`ch:${channel}`);
  return [...f];
}

/**
 * A line the model reads as a check or an open door, for a reply whose wording the patterns do not know
 * ("Any trouble with the new code, ping me"): not the opening line, not a stage direction, only the agent's.
 */
export function modelConfirmationOf(spoken: readonly ReplyLine[], channel: string): ReplyLine | undefined {
  const m = confirmModel.get();
  if (!m) return undefined;
  for (let i = 1; i < spoken.length; i++) {
    const l = spoken[i];
    if (l.stage) continue;
    if (logisticScore(m, confirmFeatures(l, spoken, channel)) >= m.threshold) return l;
  }
  return undefined;
}
