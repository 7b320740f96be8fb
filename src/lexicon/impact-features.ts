/**
 * Features of one reply sentence for the acknowledge-impact sentence model
 * (rules/acknowledge-impact.model.json, trained by scripts/train-impact-model.mjs).
 * The same code makes the features when the model is trained and when the rule
 * runs, so the two can never drift apart.
 *
 * Features are lemmas ("w:wait"), lemma pairs ("b:without_heat") and a few
 * grammar shapes of an impact sentence ("g:…"): the customer as the one who
 * went through something ("you had to", "you'd planned", "left you without"),
 * a frame ("I know", "I can imagine", "must have", "that meant"), and a
 * consequence (a span of time, a sum of money, "again", "without").
 */
import { expandWord, regularBaseOf } from './lemma.js';
import { logisticScore, type LogisticModel } from './logistic.js';

/** What the features read of a word (a Word of the prose model fits). */
export interface FeatureWord {
  lower: string;
  start: number;
  end: number;
  masked: boolean;
  quoted: boolean;
}

const lemmas = new Map<string, string>();

/** The lemma of a word: a verb or plural noun form taken back to its base when the base makes it. */
function lemmaOf(w: string): string {
  let l = lemmas.get(w);
  if (l !== undefined) return l;
  l = regularBaseOf(w) ?? IRREGULAR_BASE.get(w) ?? w;
  lemmas.set(w, l);
  return l;
}

/** Past forms of common irregular verbs, back to their base (grammar, not wording). */
const IRREGULAR_BASE = new Map<string, string>(
  Object.entries({
    was: 'be', were: 'be', been: 'be', is: 'be', are: 'be', am: 'be', had: 'have', has: 'have', did: 'do', done: 'do',
    went: 'go', gone: 'go', came: 'come', made: 'make', took: 'take', taken: 'take', got: 'get', gave: 'give', given: 'give',
    left: 'leave', lost: 'lose', spent: 'spend', paid: 'pay', kept: 'keep', meant: 'mean', felt: 'feel', sat: 'sit',
    stood: 'stand', knew: 'know', known: 'know', told: 'tell', said: 'say', thought: 'think', brought: 'bring',
    bought: 'buy', sent: 'send', put: 'put', drove: 'drive', driven: 'drive', missed: 'miss', stuck: 'stick', ran: 'run',
    began: 'begin', begun: 'begin', found: 'find', heard: 'hear', held: 'hold', saw: 'see', seen: 'see',
  }),
);

const YOU = new Set(['you', 'your', 'yours', 'yourself']);
const FRAME_VERBS = new Set(['know', 'imagine', 'understand', 'appreciate', 'realise', 'realize', 'gather', 'see', 'get', 'hear']);
const CONSEQUENCE_VERBS = new Set(['mean', 'leave', 'cost', 'put', 'make', 'keep', 'force', 'stop', 'spoil', 'ruin']);
const TIME_UNITS = new Set(['minute', 'hour', 'day', 'night', 'week', 'weekend', 'month', 'morning', 'afternoon', 'evening', 'fortnight', 'year']);
const SPAN_WORDS = new Set(['all', 'whole', 'entire', 'every', 'another', 'two', 'three', 'four', 'five', 'six', 'several', 'a', 'an', 'half']);
const AGAIN = new Set(['again', 'twice', 'second', 'another', 'extra', 'more', 'repeat']);
const MODAL_HAVE = new Set(['must', 'would', 'will', 'might', 'could', 'should']);
const COPULA = new Set(['be', 'feel', 'sound', 'seem']);

/** The features of a sentence: its words (masked and quoted words left out) over the block text they stand in. */
export function impactFeatures(words: readonly FeatureWord[], text: string, question = false): string[] {
  const toks: string[] = [];
  for (const w of words) {
    if (w.masked || w.quoted) continue;
    const before = text.slice(Math.max(0, w.start - 1), w.start);
    if (/^[0-9][0-9.,]*$/.test(w.lower)) {
      toks.push(/[£$€¥]/.test(before) ? '#money' : '#num');
      continue;
    }
    if (!/[a-z]/.test(w.lower)) continue;
    for (const alts of expandWord(w.lower)) toks.push(alts.includes('had') ? 'had' : alts[0]);
  }
  const lem = toks.map((t) => (t.startsWith('#') ? t : lemmaOf(t)));
  const f = new Set<string>();
  for (const l of lem) f.add(`w:${l}`);
  for (let i = 0; i + 1 < lem.length; i++) f.add(`b:${lem[i]}_${lem[i + 1]}`);
  for (let i = 0; i < lem.length; i++) {
    const t = toks[i];
    const l = lem[i];
    const n1 = lem[i + 1] ?? '';
    const n2 = lem[i + 2] ?? '';
    const n3 = lem[i + 3] ?? '';
    if (t === 'you') {
      // "you had to", "you've had to", "you'd planned", "you waited", "you missed".
      const verb = [toks[i + 1], toks[i + 2]].find((x) => x && !['have', 'had', 'already', 'just', 'really', 'even', 'been', 'would', 'not'].includes(x)) ?? '';
      if ((n1 === 'have' && n2 === 'to') || (n2 === 'have' && n3 === 'to')) f.add('g:you-had-to');
      if (/ed$/.test(verb) || (IRREGULAR_BASE.has(verb) && !['is', 'are', 'am'].includes(verb))) f.add('g:you+past');
      if (toks[i - 1] && FRAME_VERBS.has(lem[i - 1] ?? '')) f.add('g:frame-you');
    }
    if (YOU.has(t) && i > 0 && CONSEQUENCE_VERBS.has(lem[i - 1])) f.add('g:left-you');
    if ((t === 'i' || t === 'we') && (FRAME_VERBS.has(n1) || (n1 === 'can' && FRAME_VERBS.has(n2)) || (n1 === 'do' && FRAME_VERBS.has(n2)))) f.add('g:i-know');
    if (MODAL_HAVE.has(l) && n1 === 'have' && (n2 === 'be' || /ed$/.test(toks[i + 2] ?? ''))) f.add('g:must-have');
    if ((l === 'that' || l === 'which' || l === 'this' || l === 'it') && CONSEQUENCE_VERBS.has(n1)) f.add('g:that-meant');
    if (l === 'without') f.add('g:without');
    if (TIME_UNITS.has(l) && i > 0 && (SPAN_WORDS.has(lem[i - 1]) || lem[i - 1] === '#num')) f.add('g:time-span');
    if (l === '#money') f.add('g:money');
    if (AGAIN.has(l)) f.add('g:again');
    if (COPULA.has(l) && /(ing|ful|ed)$/.test(toks[i + 1] ?? '') && (toks[i + 1]?.length ?? 0) > 5) f.add('g:verdict');
  }
  if (toks.some((t) => YOU.has(t))) f.add('g:you');
  if (question) f.add('g:question');
  f.add(toks.length <= 6 ? 'g:short' : toks.length <= 16 ? 'g:mid' : 'g:long');
  return [...f];
}

/** A logistic model over those features (src/lexicon/logistic.ts). */
export type ImpactModel = LogisticModel;

/** The model's probability that a sentence names the impact on the customer (or, for the reply model, that a reply gives bad news). */
export const impactScore: (model: ImpactModel, features: readonly string[]) => number = logisticScore;

/**
 * The features of a whole reply for the bad-news model: every feature of the agent's
 * sentences, and the customer's words in a script marked "c:" ("Customer: I've been charged twice").
 */
export function replyFeatures(agent: readonly (readonly string[])[], customer: readonly (readonly string[])[]): string[] {
  const f = new Set<string>();
  for (const line of agent) for (const k of line) if (!k.startsWith('g:short') && !k.startsWith('g:mid') && !k.startsWith('g:long')) f.add(k);
  for (const line of customer) for (const k of line) if (k.startsWith('w:') || k.startsWith('g:')) f.add(`c:${k}`);
  f.add(customer.length ? 'r:script' : 'r:reply');
  return [...f];
}
