/**
 * The blame-language sentence reader (rules/blame-language.sentence.json, trained by
 * scripts/train-blame-sentence.mjs): general features of any reply sentence, so the model
 * can read wordings no pattern lists.
 *
 * Unlike the cue model (blame-features.ts), nothing here was written from reading the
 * development replies: word lemmas and lemma pairs (the model keeps only those seen in
 * replies of at least three writers), who the sentence is about ("you" or "we"), tense,
 * modals of duty and hindsight ("should have", "had to", "need to have"), verbs of
 * knowing, reading, telling, agreeing and confirming, negation, stress words
 * ("clearly", "already", "again"), documents ("terms", "email", "FAQ") and how they
 * combine. The model weighs them; the word classes (rules/blame-sentence.yml) only name
 * kinds of words.
 *
 * The same code makes the features when the model is trained and when the rule runs.
 */
import { isPast, lemmaOf, namesOnly, tokensOf, type FeatureWord } from './blame-features.js';
import { table } from './data.js';
import { logisticScore, type LogisticModel } from './logistic.js';

/**
 * Word classes: kinds of words, not wordings (each gives one feature, "k:<class>"). They are
 * editorial data in rules/blame-sentence.yml (one entry per class, its `category`), read on
 * first use so a run that never reads a reply never loads them. A word's classes keep the
 * table's order, as the trained weights expect.
 */
let classOf: Map<string, string[]> | undefined;
function classesOf(): Map<string, string[]> {
  if (classOf) return classOf;
  const m = new Map<string, string[]>();
  for (const e of table('blame-sentence').entries) {
    const k = String(e.category);
    for (const w of e.match) (m.get(w) ?? m.set(w, []).get(w)!).push(k);
  }
  classOf = m;
  return m;
}

// Closed grammar sets (not editorial word lists): they stay in code.
const SAME_PAST = new Set(['read', 'put', 'set', 'let', 'cut', 'hit', 'shut', 'quit', 'spread', 'upset']);
const MODALS = new Set(['should', 'could', 'would', 'might', 'must', 'ought', 'may']);
const YOU = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
const WE = new Set(['i', 'we', 'my', 'our', 'me', 'us']);
/** Words that may stand before an imperative verb at the start: "Please read…", "Just check…". */
const LEAD = new Set(['please', 'just', 'so', 'again', 'now', 'also', 'kindly', 'and', 'but', 'then', 'do']);
/** Words that do not begin an imperative. */
const NOT_VERB = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'there', 'here', 'as', 'if', 'when', 'thanks', 'thank', 'hi', 'hello', 'dear', 'sorry', 'unfortunately', 'yes', 'no', 'ok', 'okay', 'great', 'good', 'all', 'our', 'my', 'your', 'their', 'his', 'her', 'its']);

/** Modals and verbs that, negated, say no: "we can't", "it won't", "we're not able to". */
const REFUSING = new Set(['can', 'could', 'will', 'would', 'able', 'possible', 'covered', 'allowed']);

/**
 * Whether a reply says no or puts something right (session 1.9): a line with a word of refusing or
 * correcting (rules/blame-sentence.yml, class "refuse": "unable", "declined", "actually") or a negated
 * "can", "will", "able" ("we can't refund it", "it won't be covered"). The reader then also reads
 * every sentence of that reply that speaks to the customer, not only those that point at the past:
 * blame sits beside a refusal ("the size that was selected at checkout, so it's a mismatch").
 */
export function replyRefuses(lines: readonly (readonly FeatureWord[])[]): boolean {
  const classOfWord = classesOf();
  for (const words of lines) {
    const t = tokensOf(words);
    for (let i = 0; i < t.length; i++) {
      if ((classOfWord.get(t[i].w) ?? classOfWord.get(lemmaOf(t[i].w)))?.includes('refuse')) return true;
      if (t[i].w === 'not' && (REFUSING.has(t[i - 1]?.w ?? '') || (t[i - 1]?.w === 'be' && REFUSING.has(t[i + 1]?.w ?? '')) || REFUSING.has(t[i + 1]?.w ?? '') || REFUSING.has(t[i + 2]?.w ?? ''))) return true;
    }
  }
  return false;
}

/** What the reader knows of the whole reply: whether it says no or puts something right (replyRefuses). */
export interface BlameReplyContext {
  refuses: boolean;
}

/** The features of one sentence (words of the prose model, or their training copies), and of its reply when given. */
export function blameSentenceFeatures(words: readonly FeatureWord[], reply?: BlameReplyContext): string[] {
  const t = tokensOf(words);
  const classOfWord = classesOf();
  const f = new Set<string>();
  if (reply?.refuses) f.add('r:refuses');
  const lem = t.map((x) => (/^\d/.test(x.w) ? '#' : lemmaOf(x.w)));
  const n = t.length;
  f.add(n <= 6 ? 'n:short' : n <= 15 ? 'n:mid' : n <= 30 ? 'n:long' : 'n:vlong');
  for (let i = 0; i < n; i++) {
    f.add(`u:${lem[i]}`);
    if (i + 1 < n) f.add(`b:${lem[i]}_${lem[i + 1]}`);
    for (const k of classOfWord.get(lem[i]) ?? classOfWord.get(t[i].w) ?? []) f.add(`k:${k}`);
  }
  // Who speaks of whom: "you" as the first person named, "we" as the first.
  const firstPerson = t.find((x) => YOU.has(x.w) || WE.has(x.w));
  const hasYou = t.some((x) => YOU.has(x.w));
  const hasWe = t.some((x) => WE.has(x.w));
  if (hasYou) f.add('p:you');
  if (hasWe) f.add('p:we');
  if (firstPerson) f.add(YOU.has(firstPerson.w) ? 'p:you-first' : 'p:we-first');
  // Imperative: a bare verb-like word first (after "please", "just").
  let s = 0;
  while (s < n - 1 && LEAD.has(t[s].w)) s++;
  if (n > 1 && t[s] && !NOT_VERB.has(t[s].w) && !YOU.has(t[s].w) && !WE.has(t[s].w) && lemmaOf(t[s].w) === t[s].w && !/^\d/.test(t[s].w) && !t[s].w.endsWith('ly') && !t[s].w.endsWith('ing')) f.add('p:imperative');
  f.add(`f:${lem[s] ?? ''}`);
  // Subjects and their verbs: "you" / "we" / other, followed (within two words) by a past form, a perfect or a modal.
  // Past forms, and the irregular ones spelled as their base ("should have read", "you have put").
  const past = t.map((x) => isPast(x.w) || SAME_PAST.has(x.w));
  for (let i = 0; i < n; i++) {
    const w = t[i].w;
    const who = w === 'you' ? 'you' : w === 'i' || w === 'we' ? 'we' : w === 'it' || w === 'this' || w === 'that' ? 'it' : '';
    // Modal + have + participle: hindsight ("should have", "could have", "would've").
    if (MODALS.has(w)) {
      let j = i + 1;
      if (t[j]?.w === 'to') j++;
      if (t[j]?.w === 'not' || t[j]?.w === 'never') {
        f.add('m:modal-neg');
        j++;
      }
      if (t[j]?.w === 'have' && past[j + 1]) {
        f.add(`m:${w}-have`);
        f.add('m:hindsight');
        const before = t[i - 1]?.w ?? '';
        f.add(`m:hindsight-${before === 'you' ? 'you' : before === 'i' || before === 'we' ? 'we' : 'other'}`);
        for (const k of classOfWord.get(lemmaOf(t[j + 1].w)) ?? []) f.add(`m:hindsight+${k}`);
      } else f.add(`m:${w}`);
    }
    // "had to", "needed to", "were supposed to", "need to have".
    if ((w === 'had' || w === 'needed' || w === 'supposed' || w === 'expected' || w === 'required' || w === 'meant') && t[i + 1]?.w === 'to') f.add(`m:${w}-to`);
    if ((w === 'need' || w === 'needed') && t[i + 1]?.w === 'to' && t[i + 2]?.w === 'have') f.add('m:need-to-have');
    if (!who) continue;
    let j = i + 1;
    while (j < n && j <= i + 3 && (classOfWord.get(t[j].w)?.includes('stress') || t[j].w === 'not' || t[j].w === 'never' || t[j].w === 'just' || t[j].w === 'also')) j++;
    const v = t[j];
    if (!v) continue;
    const vl = lemmaOf(v.w);
    let tense = '';
    if (v.w === 'have' || v.w === 'has' || v.w === 'had') {
      if (past[j + 1]) {
        tense = v.w === 'had' ? 'pluperfect' : 'perfect';
        for (const k of classOfWord.get(lemmaOf(t[j + 1].w)) ?? []) f.add(`v:${who}-${tense}+${k}`);
      } else if (v.w === 'had') tense = 'past';
      else tense = 'present';
    } else if (v.w === 'did' || v.w === 'was' || v.w === 'were') {
      tense = 'past';
      const nx = t[j + 1]?.w === 'not' || t[j + 1]?.w === 'never' ? t[j + 2] : t[j + 1];
      if (nx) for (const k of classOfWord.get(lemmaOf(nx.w)) ?? []) f.add(`v:${who}-past+${k}`);
      if (t[j + 1]?.w === 'not' || t[j + 1]?.w === 'never') f.add(`v:${who}-past-neg`);
      if (v.w !== 'did' && nx && past[t.indexOf(nx)]) f.add(`v:${who}-passive`);
    } else if (past[j]) {
      tense = 'past';
      for (const k of classOfWord.get(vl) ?? []) f.add(`v:${who}-past+${k}`);
    } else if (MODALS.has(v.w) || v.w === 'will' || v.w === 'can') tense = 'modal';
    else tense = 'present';
    f.add(`v:${who}-${tense}`);
  }
  // Crosses the linear model cannot make on its own.
  const has = (k: string) => f.has(k);
  const cross = (a: string, b: string) => {
    if (has(a) && has(b)) f.add(`x:${a}&${b}`);
  };
  for (const a of ['p:you', 'p:we', 'p:imperative', 'r:refuses']) for (const b of ['k:know', 'k:read', 'k:tell', 'k:agree', 'k:doc', 'k:stress', 'k:earlier', 'k:later', 'k:duty', 'k:fault', 'k:sorry', 'k:neg', 'k:cause', 'k:others', 'k:cond', 'm:hindsight']) cross(a, b);
  for (const [a, b] of [['k:doc', 'k:tell'], ['k:doc', 'k:earlier'], ['k:tell', 'k:earlier'], ['k:stress', 'k:tell'], ['k:doc', 'k:agree'], ['k:doc', 'k:neg'], ['k:later', 'k:please'], ['k:fault', 'k:cause'], ['v:you-past', 'k:fault'], ['v:you-past', 'k:neg'], ['v:we-past', 'k:earlier'], ['k:sorry', 'k:fault'], ['r:refuses', 'p:you'], ['r:refuses', 'v:you-past'], ['r:refuses', 'v:it-passive'], ['r:refuses', 'v:you-perfect']]) cross(a, b);
  return [...f];
}

/**
 * Whether a sentence speaks to the customer, from its features: it names them ("you", "your"),
 * tells them to do something ("Please read…"), or points back at our earlier words ("per my
 * last email", "I explained before"). Only those sentences are read by the model.
 */
export function addressesCustomer(features: readonly string[]): boolean {
  // In a reply that says no or puts something right, any sentence that names them.
  if (features.includes('r:refuses') && features.includes('p:you')) return true;
  return features.some((k) => k === 'p:you' || k === 'p:imperative' || k === 'x:k:tell&k:earlier' || k === 'x:k:doc&k:earlier') && features.some((k) => PAST_SIGN.has(k) || /^v:[a-z]+-(past|perfect|pluperfect|passive)/.test(k));
}
/**
 * Blame is about what happened before: a past or perfect verb, hindsight ("should have", "had
 * to"), an earlier time or message, or advice for next time. A sentence in the present only
 * ("You agree to these terms", "Select the button") is a rule or a step, so it is not read.
 */
const PAST_SIGN = new Set(['m:hindsight', 'm:had-to', 'm:needed-to', 'm:supposed-to', 'm:expected-to', 'm:required-to', 'm:meant-to', 'm:need-to-have', 'k:earlier', 'k:later']);

/**
 * The words to quote for a sentence the model flags, as word indexes [first, last]: the whole
 * sentence when it is short, else up to twelve words from the first "you" or "your" (from the
 * start when that comes early or not at all). Masked and quoted words are never the ends.
 * A "you" that only names a thing ("the details you entered", namesOnly) is passed over when another
 * follows, so the quote starts where the sentence turns to them (session 1.14): "…, so you'll need to…".
 */
export function blameSentenceQuote(words: readonly FeatureWord[]): [number, number] {
  const live = words.map((w, i) => (w.masked || w.quoted || !/[a-z0-9]/i.test(w.lower) ? -1 : i)).filter((i) => i >= 0);
  if (!live.length) return [0, Math.max(0, words.length - 1)];
  if (live.length <= 14) return [live[0], live[live.length - 1]];
  const isYou = (i: number) => YOU.has(words[i].lower.split(/['\u2019]/)[0]);
  // The first "you" that does more than name a thing; the first "you" at all when there is no other.
  const turn = live.findIndex((i) => isYou(i) && !namesOnly(words, i, i));
  const you = turn >= 0 ? turn : live.findIndex(isYou);
  const from = you < 0 || you < 4 ? 0 : you;
  return [live[from], live[Math.min(live.length - 1, from + 11)]];
}

/** The sentence model (src/lexicon/logistic.ts); it speaks at p ≥ threshold. */
export interface BlameSentenceModel extends LogisticModel {
  threshold: number;
}

/** The model's probability that a sentence blames the customer. */
export const blameSentenceScore: (model: BlameSentenceModel, features: readonly string[]) => number = logisticScore;
