/**
 * Apologies, bad news and impact. Bad news is an event that went wrong for
 * this customer (delay, outage, charge, fee, refusal, loss, cancellation,
 * lockout, mistake); impact is what it meant for them (time lost, money, a
 * missed event, worry, being without a service, having to do something
 * again). A line that blames the customer never names the impact, and a
 * reply that blames them with no other news still owes it (session 1.12).
 * The words come from rules/acknowledge-impact.yml; the tests here are
 * grammar: a rule for some day ("If we can't reach you, …") is not news,
 * an option ("you can cancel at any time") is not news, and impact words
 * about someone else are not this customer's impact. In a phone or chat
 * script the customer may give the bad news themselves ("Customer: nobody
 * turned up"): the agent's reply still has to name what it meant for them.
 */
import type { Word } from '../document/prose.js';
import { blameCueModel, blameCues, blameFeatures, blameScore, blameShapes, crossesClause, ownsFault } from '../lexicon/blame-features.js';
import { impactFeatures, impactScore, replyFeatures, type ImpactModel } from '../lexicon/impact-features.js';
import { modelSlot } from '../lexicon/logistic.js';
import type { ReplyLine } from './lines.js';
import { hitsIn, hitText, liveWords, mentionsYou } from './words.js';

const IMPACT = 'acknowledge-impact';

export interface ImpactNeed {
  line: ReplyLine;
  first: Word;
  last: Word;
  trigger: string;
  /**
   * `reported`: the customer gave the news in their own turn; `line` is the agent's answer.
   * `complaint`: a stock answer to a complaint ("we take all comments very seriously").
   */
  kind: 'apology' | 'bad-news' | 'reported' | 'complaint';
  /** A vague stand-in for the impact ("any inconvenience"). */
  vague?: string;
  /** Found only because the line blames the customer (the good-reply model, trained before, does not read it). */
  blame?: true;
}

export interface ImpactCheck {
  needs: ImpactNeed[];
  /** The line that names the impact, when one does. */
  impact?: ReplyLine;
  /** A line that reads as impact but blames the customer, so it does not count (the good-reply model reads it as before). */
  blamed?: ReplyLine;
}

/** Words that open a condition: the line is a rule or a maybe, never news. */
const CONDITIONAL = new Set(['if', 'whenever', 'unless', 'should']);
/** Words that open a time or concession clause: a condition only when the line looks ahead ("Once it ships, you'll …"). */
const TIME_CLAUSE = new Set(['when', 'where', 'although', 'though', 'while', 'once', 'before', 'after']);
const LOOKS_AHEAD = new Set(['will', "'ll", 'can', 'may', 'might', 'could', 'would', 'shall', 'need', 'needs', 'must']);
const PAST = new Set(['was', 'were', 'has', 'had', 'have', 'did', "didn't", "wasn't", "weren't", "hasn't", "hadn't", "haven't", "couldn't", 'been']);
/** Modal words after which a bare verb is an option or a maybe ("you can cancel", "it may change"). */
const OPTION_MODALS = new Set(['can', 'could', 'may', 'might']);
/** Words before "to" that make "to cancel" a wish or an instruction, not news. */
const TO_OPTION = new Set(['want', 'wants', 'like', 'love', 'need', 'needs', 'able', 'free', 'how', 'wish', 'choose', 'decide', 'prefer', 'rather', 'easy', 'simple', 'way', 'option', 'chance', 'welcome', 'plan', 'planning', 'asked', 'asking']);

/** Apologies and bad news in the agent's lines, and the line that names their impact, if any. `all` adds the customer's turns of a script. */
export function impactOf(lines: ReplyLine[], all: readonly ReplyLine[] = lines): ImpactCheck {
  const needs: ImpactNeed[] = [];
  let impact: ReplyLine | undefined;
  let blamed: ReplyLine | undefined;
  const agent = new Set(lines);
  const own = new Set<ReplyLine>();
  for (const l of all) {
    if (agent.has(l) || l.speaker !== 'customer' || l.stage || hitsIn(l, IMPACT, 'how-to').length) continue;
    const reply = all.find((x) => x.index > l.index && agent.has(x));
    if (!reply) continue;
    // The customer's own news; "I can't find the setting" is a how-to question, not news.
    // "We're running late and won't make it back": the customer's own plan is not our news.
    const news = hitsIn(l, IMPACT, 'bad-news');
    const hit = news.find((h) => !['i', 'we'].includes(h.first.lower) && !ownDoing(l, h.first, h.last) && !possibility(l, h.first) && !option(l, h.first, h.last));
    // "I've forgotten my locker code": the customer's own act is no news, for the patterns or the model.
    if (!hit && news.some((h) => ownDoing(l, h.first, h.last))) own.add(l);
    if (l.question) {
      // "The app says Mia's been bitten?" — "Yes, on her arm": the agent confirms the news.
      if (hit && !conditional(l) && confirms(reply)) needs.push({ line: reply, first: hit.first, last: hit.last, trigger: hitText(l, hit.first, hit.last), kind: 'reported' });
      continue;
    }
    // "the guest says hers doesn't work" — "That's an easy one to miss": what the agent reassures about is no news.
    if (hit && reassured(l, all, agent)) continue;
    if (hit && !conditional(l)) {
      needs.push({ line: reply, first: hit.first, last: hit.last, trigger: hitText(l, hit.first, hit.last), kind: 'reported' });
      continue;
    }
    // "My daughter's retainer has snapped in half" — "I've ordered a new one": a fix answers
    // something that went wrong, in words no list holds. A fix alone is never news.
    const report = conditional(l) || hitsIn(l, IMPACT, 'customer-asks').length ? undefined : hitsIn(l, IMPACT, 'customer-report')[0];
    if (report && answerOf(l, all, agent).some((x) => remedy(x))) needs.push({ line: reply, first: report.first, last: report.last, trigger: hitText(l, report.first, report.last), kind: 'reported' });
  }
  // "Good news — your number transfer is booked": changes in a reply that opens with good news are not bad news.
  const goodNews = lines.some((l) => hitsIn(l, IMPACT, 'good-news').length > 0);
  // "The noise you heard is normal. There's nothing to worry about": what the agent reassures about is no news.
  const calm = (l: ReplyLine, h: { first: Word }) => {
    if ([...hitsIn(l, IMPACT, 'reassurance'), ...hitsIn(l, IMPACT, 'covered')].some((r) => r.first.start > h.first.start)) return true;
    const next = lines[lines.indexOf(l) + 1];
    return next !== undefined && next.block === l.block && hitsIn(next, IMPACT, 'reassurance').some((r) => r.first === liveWords(next)[0] || r.first === liveWords(next)[1] || r.first === liveWords(next)[2]);
  };
  for (const l of lines) {
    if (!impact && namesImpactInReply(l)) {
      if (blamesCustomer(l)) blamed ??= l;
      else impact = l;
    }
    // "Sorry, could you resend the file?" is a polite ask, not an apology; but a line that
    // only ends in a question ("the fee kicked in on 1 June. want the link?") still gives its news.
    if (l.question && !statedBefore(l, l.words[l.words.length - 1])) continue;
    const apology = sympathy(l, all, agent) ? undefined : hitsIn(l, IMPACT, 'apology').find((h) => !inQuestion(l, h.last));
    // "We've cancelled your old direct debit as you asked": an action they asked for is not news.
    const asked = hitsIn(l, IMPACT, 'requested');
    // "Customer: We're cancelling, we're moving abroad" — "I've cancelled it": the customer's own request, done.
    const echoed = echoes(l, all, agent);
    const bad = conditional(l) ? undefined : hitsIn(l, IMPACT, 'bad-news').find((h) => !inQuestion(l, h.last) && !afterIf(l, h.first) && !asked.some((r) => sameClause(l, r.first, h.first)) && !echoed(h.first) && !calm(l, h) && !concession(l, h.first) && !fallback(l, h.first) && !generic(l, h.first) && !deniedByNothing(l, h.first) && !aheadClause(l, h.first) && !wentDownWell(l, h.last) && !priceList(l, h.last) && !checkedFor(l, h.first) && (h.value.event !== true || (!possibility(l, h.first) && !option(l, h.first, h.last))));
    const hit = apology && (!bad || apology.first.start <= bad.first.start) ? apology : bad;
    if (!hit) {
      // A change of plan for the customer's thing, or a stock answer to a complaint.
      const change = goodNews ? undefined : changeOfPlan(l, askedFor(l, all, agent));
      const complaint = change || answersQuestion(l, lines) ? undefined : hitsIn(l, IMPACT, 'complaint').find((h) => !inQuestion(l, h.last));
      const other = change ?? complaint;
      if (other) needs.push({ line: l, first: other.first, last: other.last, trigger: hitText(l, other.first, other.last), kind: change ? 'bad-news' : 'complaint' });
      continue;
    }
    const vague = hitsIn(l, IMPACT, 'vague')[0];
    needs.push({ line: l, first: hit.first, last: hit.last, trigger: hitText(l, hit.first, hit.last), kind: hit === apology ? 'apology' : 'bad-news', ...(vague ? { vague: hitText(l, vague.first, vague.last) } : {}) });
  }
  if (needs.length === 0) {
    const need = modelNeed(lines, all);
    // The customer's own act was the only news in the reply ("I locked myself out"): the model reads that turn too, so it is not asked.
    if (need && own.size === 0) needs.push(need);
  }
  if (needs.length === 0 && own.size === 0) {
    // "You'd have saved yourself the call-out if you'd tried the reset first": a reply that points at the customer's own act answers something that went wrong for them.
    const l = lines.find((x) => !conditional(x) && blamesCustomer(x));
    const w = l && liveWords(l);
    if (l && w && w.length > 0) needs.push({ line: l, first: w[0], last: w[w.length - 1], trigger: hitText(l, w[0], w[Math.min(w.length, 10) - 1]) + (w.length > 10 ? ' …' : ''), kind: 'complaint', blame: true });
  }
  // "We spotted your order was missing a house number, so before it ships we've sent you a DM": a slip we caught and fixed before it reached the customer.
  if (needs.length > 0 && caughtInTime(lines, needs)) needs.length = 0;
  // "The 9:40 is cancelled on Sunday, but you're booked on the 11:10, so this doesn't touch your trip": news that misses this customer.
  if (needs.length > 0 && unaffected(lines, needs)) needs.length = 0;
  needs.sort((a, b) => a.line.index - b.line.index);
  return { needs, ...(impact ? { impact } : {}), ...(blamed ? { blamed } : {}) };
}

/**
 * "That's really on your end, I'm afraid", "You'd have been told at the counter that those are non-exchangeable": a
 * statement that points at the customer's own act, read as blame-language reads it (its word list, its shapes and its
 * cue model at its own threshold). It tells them whose fault it was; it never says what the problem meant for them.
 */
function blamesCustomer(l: ReplyLine): boolean {
  if (l.question || ownsFault(l.words) >= 0) return false;
  if (hitsIn(l, 'blame-language').some((h) => !crossesClause(hitText(l, h.first, h.last)))) return true;
  if (blameShapes(l.words, l.question).length > 0) return true;
  const m = blameCueModel();
  const cues = blameCues(l.words);
  return m != null && cues.length > 0 && blameScore(m, blameFeatures(l.words, cues)) >= m.threshold;
}

/** The customer as the subject of the clause: "we're running late and won't make it back", "I'm cancelling my plan". */
const OWN = new Set(['i', 'we', "i'm", "we're", "i'll", "we'll"]);
const BE_AUX = new Set(['am', 'are', 'was', 'were', 'just', 'really', 'now', 'probably', 'definitely', 'also', 'still']);
/** Heads of the customer's own plans and doings: going somewhere, changing their own plan, a future. */
const OWN_HEADS = new Set(['running', 'going', 'coming', 'travelling', 'traveling', 'leaving', 'moving', 'driving', 'flying', 'heading', 'cancelling', 'canceling', 'changing', 'switching', 'planning', 'thinking', 'hoping', 'staying', 'will', "won't", 'wont', 'might', 'may', 'be', 'not']);

/** A customer's news that is their own plan or doing ("we're running late and won't make it back"), not something done to them. */
function ownDoing(l: ReplyLine, first: Word, last: Word): boolean {
  const idx = l.words.indexOf(last);
  const at = l.words.indexOf(first);
  let start = at;
  while (start > 0 && !/[.;:!?,—–]/.test(l.block.text.slice(l.words[start - 1].end, l.words[start].start))) start--;
  const clause = l.words.slice(start, idx + 1).map((w) => w.lower.replace(/’/g, "'"));
  const subj = clause[0] ?? '';
  if (ownAct(clause, at - start)) return true;
  if (!OWN.has(subj)) return false;
  const heads: string[] = [];
  const headAt = (k: number) => {
    while (k < clause.length && BE_AUX.has(clause[k])) k++;
    if (k < clause.length) heads.push(clause[k]);
  };
  headAt(1);
  clause.forEach((w, k) => ['and', 'but', 'so'].includes(w) && headAt(k + 1));
  return heads.length > 0 && heads.every((h) => OWN_HEADS.has(h) || (subj.endsWith("'ll") && h !== 'get'));
}

/** The customer as the doer: "I've", "we've", "I'd", "I" ("I've forgotten my code", "I locked myself out"). */
const OWN_PERFECT = new Set(["i've", "we've", "i'd", "we'd", 'i', 'we']);
/** Verbs after "I've" that say what was done to the customer or what it cost them, not what they did: news still. */
const SUFFERED = new Set(['been', 'had', 'got', 'gotten', 'received', 'paid', 'lost', 'missed', 'waited', 'spent', 'tried', 'called', 'rung', 'phoned', 'emailed', 'chased', 'wasted', 'left', 'heard', 'seen', 'noticed', 'found', 'checked', 'asked', 'sent', 'ordered', 'bought', 'booked', 'come', 'travelled', 'traveled', 'driven', 'was', 'were', 'am', 'are', "'m", "'re", 'have', 'has', 'not', "haven't", "hasn't", "hadn't", "didn't", "can't", "couldn't", "won't", 'no', 'never', 'still', 'just', 'now']);
/** Words that start another clause, or another doer, between the customer's verb and the news ("I ordered it and it came broken"). */
const OTHER_CLAUSE = new Set(['and', 'but', 'so', 'it', "it's", 'they', "they've", 'he', 'she', 'which', 'that', 'because', 'then', 'when', 'after', 'since', 'as', 'you', 'your', 'yet', 'though']);
const OWN_SKIP = new Set(['already', 'just', 'also', 'actually', 'completely', 'totally', 'stupidly', 'accidentally', 'somehow']);

/**
 * "I've forgotten my locker code", "I've already taken it apart and boxed it": the customer's own act, told in
 * the perfect with the customer as the doer, is not news of ours. "I've been charged twice", "I've had no reply",
 * "I've lost my card" and "I've waited all day" still are (what was done to them, or what it cost them).
 * `at` is where the news starts in the clause: the customer's verb itself, or for a simple past ("I typed the wrong
 * PIN") a word after it with no other clause or doer between.
 */
function ownAct(clause: string[], at: number): boolean {
  if (!OWN_PERFECT.has(clause[0] ?? '') || at > 3) return false;
  let k = 1;
  if ((clause[0] === 'i' || clause[0] === 'we') && ['have', 'had'].includes(clause[1] ?? '')) k = 2;
  // "I locked myself out", "I typed the wrong PIN": a simple past with the customer as the doer, the news in its own clause.
  else if ((clause[0] === 'i' || clause[0] === 'we') && clause.slice(1, at).some((x) => OTHER_CLAUSE.has(x))) return false;
  while (OWN_SKIP.has(clause[k] ?? '')) k++;
  const v = clause[k] ?? '';
  // A past participle of the customer's own doing: "forgotten", "taken apart", "deleted", "unplugged".
  const simplePast = k === 1 && (clause[0] === 'i' || clause[0] === 'we');
  return v.length > 3 && !SUFFERED.has(v) && (v.endsWith('ed') || v.endsWith('en') || ['forgot', 'broke', 'put', 'shut', 'cut', 'set', 'done', 'made', 'hit'].includes(v)) && (at <= k || simplePast);
}

const SYMPATHY_FILL = new Set(['i', "i'm", 'am', 'we', "we're", 'are', 'so', 'very', 'really', 'truly', 'terribly', 'awfully', 'sorry', 'oh', 'ah', 'to', 'hear', 'that']);

/**
 * "I'm so sorry." in a script, answering a customer's turn that tells no news of ours and no
 * problem with their thing ("He's fourteen and he can't get up any more"): sympathy, not an apology.
 */
function sympathy(l: ReplyLine, all: readonly ReplyLine[], agent: ReadonlySet<ReplyLine>): boolean {
  const words = liveWords(l).map((w) => w.lower.replace(/’/g, "'"));
  if (!words.includes('sorry') || !words.every((w) => SYMPATHY_FILL.has(w))) return false;
  for (let i = l.index - 1; i >= 0; i--) {
    const x = all[i];
    if (!x || x.stage) continue;
    if (agent.has(x)) return false;
    return x.speaker === 'customer' && !hitsIn(x, IMPACT, 'bad-news').length && !hitsIn(x, IMPACT, 'customer-report').length;
  }
  return false;
}

/** The words of the customer's last turn before this line, when it asks for something or gives their own plan. */
function echoes(l: ReplyLine, all: readonly ReplyLine[], agent: ReadonlySet<ReplyLine>): (w: Word) => boolean {
  for (let i = l.index - 1; i >= 0; i--) {
    const x = all[i];
    if (!x || x.stage) continue;
    if (agent.has(x) || x.speaker !== 'customer') continue;
    const ownPlan = x.words.some((w, k) => OWN.has(w.lower.replace(/’/g, "'")) && OWN_HEADS.has(x.words[k + 1]?.lower ?? ''));
    if (!ownPlan && !hitsIn(x, IMPACT, 'customer-asks').length) return () => false;
    const stems = new Set(x.words.filter((w) => w.lower.length >= 5).map((w) => w.lower.slice(0, 5)));
    // The same verb: "cancel" in the ask, "cancelled" in the answer.
    return (w: Word) => w.lower.length >= 5 && /^[a-z]+$/.test(w.lower) && stems.has(w.lower.slice(0, 5));
  }
  return () => false;
}

/** The agent's answer to a customer's turn reassures them ("That's an easy one to miss", "nothing to worry about"). */
function reassured(l: ReplyLine, all: readonly ReplyLine[], agent: ReadonlySet<ReplyLine>): boolean {
  return answerOf(l, all, agent).some((x) => hitsIn(x, IMPACT, 'reassurance').some((h) => !inQuestion(x, h.last)));
}

const ANSWERS = new Set(['yes', 'no', 'yep', 'nope', 'yeah', 'yup']);

/**
 * "Thanks for flagging this! Yes, the deadline still applies": the next line answers a yes-or-no
 * question, so the thanks is for a question, not a stock answer to a complaint.
 */
function answersQuestion(l: ReplyLine, lines: readonly ReplyLine[]): boolean {
  const next = lines[lines.indexOf(l) + 1];
  return next !== undefined && next.block === l.block && ANSWERS.has(liveWords(next)[0]?.lower ?? '');
}

/** The agent's first words confirm what the customer asked ("Yes, on her arm"). */
function confirms(reply: ReplyLine): boolean {
  return ['yes', 'yeah', 'yep', 'yup', 'sadly', 'unfortunately'].includes(liveWords(reply)[0]?.lower ?? '');
}

/** The agent's lines that answer a customer's line: up to the customer's next turn. */
function answerOf(l: ReplyLine, all: readonly ReplyLine[], agent: ReadonlySet<ReplyLine>): ReplyLine[] {
  const out: ReplyLine[] = [];
  for (const x of all) {
    if (x.index <= l.index || x.stage) continue;
    if (x.speaker === 'customer') {
      if (out.length) break;
      continue;
    }
    if (agent.has(x)) out.push(x);
  }
  return out;
}

/** A fix offered in a statement ("I've ordered a new one", "we'll remake it"), not a question or a condition. */
function remedy(l: ReplyLine): boolean {
  if (conditional(l)) return false;
  return hitsIn(l, IMPACT, 'remedy').some((h) => !inQuestion(l, h.last) && !afterIf(l, h.first));
}

/** The customer's last turn before this line asks for a change ("I'd like to move Bella's jab"). */
function askedFor(l: ReplyLine, all: readonly ReplyLine[], agent: ReadonlySet<ReplyLine>): boolean {
  for (let i = l.index - 1; i >= 0; i--) {
    const x = all[i];
    if (!x || agent.has(x) || x.stage || x.speaker !== 'customer') continue;
    return hitsIn(x, IMPACT, 'customer-asks').length > 0;
  }
  return false;
}

const POSSESSIVE_NOT = new Set(["let's", "it's", "that's", "there's", "here's", "what's", "he's", "she's", "who's", "where's", "how's", "this's", "today's", "tomorrow's", "yesterday's", "everyone's", "everything's", "nothing's", "one's"]);

/** The line is about the customer's thing: "your workshop", "Aisha's group", "the puppy you reserved". */
function customersThing(l: ReplyLine): boolean {
  return mentionsYou(l) || liveWords(l).some((w, i) => i > 0 && /^\p{Lu}\p{Ll}+['’]s$/u.test(w.text) && !POSSESSIVE_NOT.has(w.lower.replace(/’/g, "'")));
}

/** Words after "as" that make it a comparison or a plan, not a reason ("as planned", "as you asked", "as well"). */
const AS_NOT_REASON = new Set(['planned', 'requested', 'asked', 'agreed', 'discussed', 'arranged', 'usual', 'normal', 'promised', 'part', 'well', 'soon', 'long', 'much', 'many', 'far', 'quickly', 'possible', 'you', 'per', 'of', 'such', 'follows', 'below', 'above', 'shown', 'expected', 'always', 'before', 'ever', 'a', 'an', 'good', 'if', 'though', 'normal', 'scheduled', 'booked', 'standard']);
const REASONS = new Set(['because', 'since', 'due', 'owing', 'instead', "'cause", 'cos', 'coz']);
/** Modal and wish words: a line with them offers an option ("you can collect it instead"). */
const OFFER = new Set(['can', 'could', 'may', 'might', 'would', "'d", 'prefer', 'like', 'happy', 'want', 'option', 'choose', 'if', 'whether', 'or']);

/** The line gives a reason for the change or sets it against the plan ("because", "as the hall is", "instead", "rather than"). */
function hasReason(l: ReplyLine, strict = false): boolean {
  const live = liveWords(l);
  // Strict: a cause ("because", "as the hall is …"), not only a swap ("instead").
  return live.some((w, i) => (REASONS.has(w.lower) && !(w.lower === 'instead' && (strict || live[i + 1]?.lower === 'of'))) || (!strict && (w.lower === 'rather' && live[i + 1]?.lower === 'than')) || (w.lower === 'as' && i > 0 && !AS_NOT_REASON.has(live[i + 1]?.lower ?? '')));
}

/** Who made the change: the words of the clause before the verb ("we've swapped", "you sent back", "the dentist has switched"). */
function madeBy(l: ReplyLine, verb: Word): 'we' | 'you' | 'other' | 'none' {
  const i = l.words.indexOf(verb);
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const w = l.words[j];
    if (/[,;:.!?—–]/.test(l.block.text.slice(w.end, l.words[j + 1].start))) break;
    const x = w.lower.replace(/’/g, "'");
    if (['i', 'we', "i've", "we've", "i'll", "we'll", "i'd", "we'd", "i'm", "we're"].includes(x)) return 'we';
    if (['you', "you've", "you'd", "you'll", "you're"].includes(x)) return 'you';
    // "Nothing else about your booking has changed": no change.
    if (['nothing', 'not', 'never', 'no', "hasn't", "haven't", "hadn't", "won't", "isn't", "wasn't", "didn't", "doesn't", "don't", "weren't", "aren't"].includes(x)) return 'none';
    if (['and', 'but', 'so', 'because', 'since', 'as', 'which', 'who', 'that'].includes(x)) break;
  }
  return 'other';
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re"]);
/** Past forms that are a change made ("moved", "sent", "gone"); a base form only after "is" (non-native "is change to"). "Nothing changes", "your plan change", "switched on" are not. */
function changed(l: ReplyLine, w: Word): boolean {
  const x = w.lower;
  const next = l.words[l.words.indexOf(w) + 1]?.lower ?? '';
  // "switched on", "moved across to the new app": no change of plan.
  if (['on', 'off', 'across', 'over'].includes(next)) return false;
  if (x.endsWith('ed') || ['sent', 'gone', 'went', 'put', 'given', 'gave'].includes(x)) return true;
  return BE.has(l.words[l.words.indexOf(w) - 1]?.lower.replace(/’/g, "'") ?? '') && !x.endsWith('ing') && !x.endsWith('s');
}

/** "was changed", "has been moved", "got pushed": a passive. */
function passive(l: ReplyLine, w: Word): boolean {
  let i = l.words.indexOf(w) - 1;
  while (i > 0 && isAdverb(l.words[i].lower)) i--;
  return ['is', 'are', 'was', 'were', 'be', 'been', 'got', 'get', 'gets', 'being'].includes(l.words[i]?.lower ?? '');
}

/** Someone or something is named as the cause: "pushed to March by the consulate", "Ms Haines leaves, so your group will be merged". */
function causedBy(l: ReplyLine, w: Word): boolean {
  const i = l.words.indexOf(w);
  return l.words.slice(i + 1).some((x) => x.lower === 'by') || l.words.slice(0, i).some((x) => x.lower === 'so');
}

/** Change words after which a reason is needed even when someone else made the change ("the exam board returned your paper" is no news). */
const REASON_ONLY = new Set(['return', 'returned', 'rejected', 'refused', 'bounced', 'send', 'sent', 'sends', 'sending', 'hand', 'handed', 'give', 'gave', 'given', 'bounce']);

/**
 * A change of plan for the customer's thing, in any verb: "your workshop has moved to the smaller
 * studio", "the dentist has switched your check-up", "the council sent your form back because …",
 * "your cake has gone onto the Monday bake instead". Not a change they asked for, not good news
 * ("moved to the bigger hall"), not one we made with no reason given ("we've moved your files").
 */
function changeOfPlan(l: ReplyLine, asked: boolean): { first: Word; last: Word } | undefined {
  if (asked || (l.question && !statedBefore(l, l.words[l.words.length - 1])) || conditional(l) || !customersThing(l)) return undefined;
  if (hitsIn(l, IMPACT, 'requested').length || liveWords(l).some((w) => OFFER.has(w.lower.replace(/’/g, "'")))) return undefined;
  const reason = hasReason(l);
  const cause = hasReason(l, true);
  for (const h of hitsIn(l, IMPACT, 'change')) {
    // "your plan is changing from £20 to £18": a coming change, read by the price patterns.
    if (!changed(l, h.first) || inQuestion(l, h.last) || afterIf(l, h.first) || option(l, h.first, h.last) || possibility(l, h.first)) continue;
    const by = madeBy(l, h.first);
    if (by === 'you' || by === 'none') continue;
    // "We've changed the address, so it goes there on Tuesday instead": our change needs a cause to be news.
    const back = REASON_ONLY.has(h.first.lower) && (h.words.some((w) => w.lower === 'back') || !['send', 'sent', 'sends', 'sending', 'hand', 'handed', 'give', 'gave', 'given'].includes(h.first.lower));
    // "The password on your account was changed today": a passive with no one named and no cause is a notice, not news.
    if (passive(l, h.first) && !reason && !causedBy(l, h.first)) continue;
    if (by === 'we' ? cause : reason || !back) return h;
  }
  // "your 3pm session now sits on Thursday at 10 instead", "is now with Tom rather than Ana".
  const live = liveWords(l);
  const swap = live.find((w, i) => (w.lower === 'instead' && live[i + 1]?.lower !== 'of') || (w.lower === 'rather' && live[i + 1]?.lower === 'than'));
  // "I've changed the address, so it goes there on Tuesday instead": a change we made, with no cause given.
  const ours = live.some((w) => ['i', 'we', "i've", "we've", "i'll", "we'll", "i'd", "we'd", "i'm", "we're"].includes(w.lower.replace(/’/g, "'")));
  if (swap && !ours && live.some((w) => ['your', 'yours'].includes(w.lower))) return { first: swap, last: swap };
  return undefined;
}

/** Whether a sentence end (". ", "! ") stands in the line before this word: the line holds a statement before its question. */
function statedBefore(l: ReplyLine, w: Word | undefined): boolean {
  if (!w) return false;
  const text = l.block.text.slice(l.words[0]?.start ?? w.start, w.start);
  return /[.!;]\s/.test(text);
}

/** Whether a word stands in the question part of a line (no sentence end between it and the question mark). */
function inQuestion(l: ReplyLine, w: Word): boolean {
  if (!l.question) return false;
  const end = l.words[l.words.length - 1]?.end ?? w.end;
  return !/[.!;]\s/.test(l.block.text.slice(w.end, end));
}

/**
 * A line that states a rule or a maybe: it opens with "if", "unless", "in case", or with a
 * time clause ("when", "once", "after") and looks ahead ("Once it ships, you'll get an email").
 * "After three failed attempts your account was locked" and "After waiting in all day, that's
 * a day of work gone" are facts.
 */
function conditional(l: ReplyLine): boolean {
  const live = liveWords(l);
  const a = live[0]?.lower ?? '';
  if (CONDITIONAL.has(a) || (a === 'in' && live.slice(1, 4).some((w) => w.lower === 'case' || w.lower === 'cases' || w.lower === 'event'))) return true;
  if (!TIME_CLAUSE.has(a)) return false;
  const words = live.map((w) => w.lower.replace(/’/g, "'"));
  return looksAhead(words) || !words.some((w) => PAST.has(w) || w.endsWith("'ve") || w.endsWith("'d"));
}

/** A time clause that looks ahead ("Once it ships, you'll …"): impact words in it are a maybe. */
function maybeLine(l: ReplyLine): boolean {
  const live = liveWords(l);
  const a = live[0]?.lower ?? '';
  const words = live.map((w) => w.lower.replace(/’/g, "'"));
  // "If your sites run there, your customers couldn't reach you": the condition only says who it was about.
  if (a === 'if') return !words.some((w) => PAST.has(w) || w === 'meant') || words.some((w) => w === 'would' || w.endsWith("'d") || w === 'will' || w.endsWith("'ll"));
  if (!TIME_CLAUSE.has(a)) return conditional(l);
  return looksAhead(words);
}

/**
 * Where the main clause of an "if" line starts, when it states something now ("If you've got a
 * deadline then, we know that's stressful timing"); undefined when it looks ahead or gives a step.
 */
function statedAfterIf(l: ReplyLine): number | undefined {
  if (liveWords(l)[0]?.lower !== 'if') return undefined;
  const i = l.words.findIndex((w, k) => k > 0 && /,/.test(l.block.text.slice(l.words[k - 1].end, w.start)));
  if (i < 0) return undefined;
  const main = l.words.slice(i).map((w) => w.lower.replace(/’/g, "'"));
  if (looksAhead(main) || main.some((w) => w === 'would' || w.endsWith("'d") || w === 'please')) return undefined;
  return l.words[i].start;
}

function looksAhead(words: string[]): boolean {
  return words.some((w) => LOOKS_AHEAD.has(w) || w.endsWith("'ll"));
}

/**
 * A word inside an "if" clause: "Reply here if the new day doesn't show". The clause ends at a
 * comma: "If your sites run there, your customers couldn't reach you" states a fact.
 */
function afterIf(l: ReplyLine, first: Word): boolean {
  return l.words.some((w) => w.start < first.start && ['if', 'unless', 'whether'].includes(w.lower) && !/[,;:.!—–]/.test(l.block.text.slice(w.end, first.start)));
}

const CONCEDE = new Set(['though', 'although', 'despite', 'notwithstanding']);
const OWNERS = new Set(['you', 'your', "you're", "you've", "you'd", 'we', 'our', "we've", "we're", "we'd", 'i', "i've", 'my', 'us']);

/**
 * "Yes, the deadline still applies, even though the HMRC portal was down on Tuesday": news set aside
 * in a concession clause about someone else's thing, not the customer's or ours, is not our news.
 */
function concession(l: ReplyLine, first: Word): boolean {
  const i = l.words.indexOf(first);
  for (let j = i - 1; j >= 0 && i - j <= 8; j--) {
    const x = l.words[j].lower.replace(/’/g, "'");
    if (OWNERS.has(x)) return false;
    if (CONCEDE.has(x)) return j > 0 && !l.words.slice(j + 1, i).some((w) => /[,;:.!?—–]/.test(l.block.text.slice(w.end, w.end + 1)));
  }
  return false;
}

/** Openers of a clause that says what happens if the customer does not act ("after that", "otherwise"). */
const FALLBACK = [['after', 'that'], ['otherwise'], ['failing', 'that'], ['if', 'not'], ['or', 'else'], ['after', 'which']];

/**
 * "We can hold it for you until Friday at noon; after that it goes back to the waiting list": what
 * happens if the customer does not take up an offer is a rule, not news.
 */
function fallback(l: ReplyLine, first: Word): boolean {
  const i = l.words.indexOf(first);
  const opener = [...clauseBefore(l, first), ...l.words.slice(i, i + 2)].slice(0, 2).map((w) => w.lower);
  return FALLBACK.some((f) => f.every((x, k) => opener[k] === x));
}

/** Words of quantity and of people that make a clause about people in general ("loads of people arrive late"). */
const MANY = new Set(['loads', 'lots', 'plenty', 'many', 'most', 'lot']);
const PEOPLE = new Set(['people', 'guests', 'customers', 'residents', 'students', 'passengers', 'users', 'members', 'clients', 'patients', 'owners', 'drivers', 'folk', 'folks', 'families']);

/** The clause around a word, from the last punctuation before it to the word. */
function clauseBefore(l: ReplyLine, first: Word): Word[] {
  let i = l.words.indexOf(first);
  const end = i;
  while (i > 0 && !/[,;:.!?—–()]/.test(l.block.text.slice(l.words[i - 1].end, l.words[i].start))) i--;
  return l.words.slice(i, end);
}

/** "Not at all, loads of people arrive late": people in general, not this customer's news. */
function generic(l: ReplyLine, first: Word): boolean {
  const c = clauseBefore(l, first).map((w) => w.lower);
  return c.some((w, k) => MANY.has(w) && c.slice(k + 1, k + 3).some((x) => PEOPLE.has(x)));
}

/**
 * "Put your repeat in ten days before you run out": a time clause about some day ("before",
 * "in case") with no past tense is advice, not news. "We cancelled it before you arrived" is.
 */
function aheadClause(l: ReplyLine, first: Word): boolean {
  const c = clauseBefore(l, first).map((w) => w.lower.replace(/’/g, "'"));
  const k = c.findIndex((w, n) => w === 'before' || (w === 'case' && c[n - 1] === 'in'));
  if (k === -1) return false;
  const i = l.words.indexOf(first);
  const rest = [...c.slice(k + 1), ...l.words.slice(i, i + 2).map((w) => w.lower.replace(/’/g, "'"))];
  return !rest.some((w) => PAST.has(w) || w.endsWith("'ve") || w.endsWith("'d") || (w.length > 4 && w.endsWith('ed')));
}

/**
 * "a £5 fee applies to card payments" states a price list, not news; "the £15 de-matting charge applies.", "so the
 * late fee still applies" is news: there the charge that applies ends its clause.
 */
function priceList(l: ReplyLine, last: Word): boolean {
  if (last.lower !== 'applies' && last.lower !== 'apply') return false;
  const next = l.words[l.words.indexOf(last) + 1];
  return next !== undefined && !/[,;:.!?)—–]/.test(l.block.text.slice(last.end, next.start));
}

/** "the canapés went down well", "it went down a treat": praise, not an outage. */
function wentDownWell(l: ReplyLine, last: Word): boolean {
  const i = l.words.indexOf(last);
  if (last.lower !== 'down') return false;
  const a = l.words[i + 1]?.lower;
  const b = l.words[i + 2]?.lower;
  return a === 'well' || (a === 'a' && (b === 'treat' || b === 'storm'));
}

/** Words after which a clause is what we check for, not what happened ("let me check it's not booked out"). */
const CHECK_FOR = new Set(['check', 'checking', 'ensure', 'ensuring', 'confirm']);

/**
 * "let me check it's not booked out after you", "I'll make sure it isn't cancelled": the bad news is what a check
 * looks for, not news. The check verb ("check", "make sure", "ensure", "confirm", maybe with "that") opens the clause
 * at most three words before the news, and the line looks ahead ("let me", "I'll", "I will", "we'll").
 */
function checkedFor(l: ReplyLine, first: Word): boolean {
  const w = l.words.map((x) => x.lower.replace(/’/g, "'"));
  const i = l.words.indexOf(first);
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const sure = w[k] === 'sure' && w[k - 1] === 'make';
    if (!CHECK_FOR.has(w[k]) && !sure) continue;
    const v = sure ? k - 1 : k;
    const before = w.slice(Math.max(0, v - 2), v);
    return before.includes('let') || before.some((x) => /^(?:i|we)'ll$/.test(x)) || (before.includes('will') && before.some((x) => x === 'i' || x === 'we'));
  }
  return false;
}

/** Two words with no "but" or "however" between them: "cancelled as requested, but the box had already been charged". */
function sameClause(l: ReplyLine, a: Word, b: Word): boolean {
  const [x, y] = a.start <= b.start ? [a, b] : [b, a];
  return !l.words.some((w) => w.start > x.start && w.start < y.start && CONTRAST.has(w.lower));
}

const CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'unfortunately', 'sadly']);

/** Nouns of time, money and effort: "the hour you spent", "the money you paid" name the loss. */
const LOSS_NOUNS = new Set(['time', 'hour', 'hours', 'day', 'days', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'week', 'weeks', 'money', 'effort', 'trip', 'journey', 'fare', 'fares', 'leave', 'holiday']);
const PREPOSITIONS = new Set(['of', 'for', 'to', 'with', 'from', 'by', 'at', 'on', 'about', 'than', 'like', 'thank', 'let', 'help', 'tell', 'told', 'give', 'gave', 'send', 'sent', 'ask', 'asked', 'assure', 'remind', 'show', 'us', 'me', 'them']);
const EXPERIENCE = new Set(['planned', 'hoped', 'needed', 'wanted', 'saved', 'budgeted', 'counted', 'relied', 'waited', 'spent', 'lost', 'missed', 'wasted', 'travelled', 'traveled', 'drove', 'driven', 'cleared', 'arranged', 'rearranged', 'queued', 'chased', 'expected', 'hoping', 'planning', 'waiting', 'counting', 'relying', 'saving']);
const HINDSIGHT = new Set(["shouldn't", 'should', 'never', "needn't", 'ought']);
const DET = new Set(['the', 'a', 'an', 'your', 'this', 'that', 'these', 'those', 'any', 'each', 'every', 'our']);

/** Words after which "you" opens a clause of its own ("I know you had to", "so you missed"). */
const CLAUSE_OPENERS = new Set(['and', 'so', 'but', 'because', 'as', 'since', 'which', 'then', 'now', 'when', 'after', 'before', 'until', 'if', 'though', 'although', 'while', 'where', 'once', 'or', 'also', 'still', 'already', 'even', 'just', 'really', 'know', 'knew', 'realise', 'realize', 'understand', 'see', 'saw', 'appreciate', 'imagine', 'hope', 'think', 'remember', 'gather', 'noticed', 'heard', 'means', 'meant', 'mean', 'sorry', 'afraid', 'sure', 'clear', 'shame', 'pity', 'left', 'made', 'kept', 'that', 'why', 'how', 'what', 'whether']);

/**
 * "The deposit you paid", "the room you booked": "you" right after a noun opens a relative clause
 * that restates the order, not what the problem cost them. "I know you paid", "so you paid twice" name it.
 */
function restated(l: ReplyLine, first: Word): boolean {
  if (!['you', "you'd", "you've", 'you’d', 'you’ve'].includes(first.lower)) return false;
  const i = l.words.indexOf(first);
  const prev = l.words[i - 1];
  if (!prev || prev.masked || /[,;:.!?—–()]/.test(l.block.text.slice(prev.end, first.start))) return false;
  const p = prev.lower.replace(/’/g, "'");
  if (CLAUSE_OPENERS.has(p) || PREPOSITIONS.has(p) || LOSS_NOUNS.has(p) || !/^[a-z]+$/.test(p)) return false;
  // "the spot you'd planned for", "the money you needed": a plan or a need is the impact, not a restated order.
  const verb = l.words.slice(i + 1, i + 3).find((w) => !['had', 'have', 'already', 'really', 'just', 'been'].includes(w.lower));
  // "two trips to the post office you shouldn't have made": hindsight about their effort is the impact.
  if (verb && (EXPERIENCE.has(verb.lower) || HINDSIGHT.has(verb.lower.replace(/’/g, "'")))) return false;
  // A noun phrase before it: "the deposit you", "the new card you".
  return [l.words[i - 2], l.words[i - 3]].some((w) => w && DET.has(w.lower));
}

/** "it can be cancelled", "may be delayed", "needs to be cancelled": a possibility, not news ("had to be cancelled" is news). */
function possibility(l: ReplyLine, first: Word): boolean {
  const i = l.words.indexOf(first);
  const a = l.words[i - 2]?.lower;
  const b = l.words[i - 1]?.lower;
  if (b !== 'be') return false;
  if (OPTION_MODALS.has(a ?? '')) return true;
  return a === 'to' && !['had', 'has', 'have', 'going', 'about', "'ve", "'d"].includes(l.words[i - 3]?.lower ?? '');
}

/**
 * A bare verb after "can", "may" or a wish ("you can cancel at any time", "if you'd like to
 * cancel", "you'll need to cancel the old one") is an option or an instruction, not news.
 */
function option(l: ReplyLine, first: Word, last: Word = first): boolean {
  const w = first.lower;
  if (first !== last) return false;
  // "reply CANCEL": a keyword to type, not news.
  if (first.text.length > 1 && first.text === first.text.toUpperCase() && /^\p{Lu}+$/u.test(first.text)) return true;
  // "tap Subscription and choose Cancel", "click on Cancel booking": the name of a button in a step, not news.
  if (/^\p{Lu}/u.test(first.text) && uiLabel(l, first)) return true;
  if (w.endsWith('ed') || w.endsWith('ing') || w.endsWith('en')) return false;
  let i = l.words.indexOf(first) - 1;
  while (i > 0 && isAdverb(l.words[i].lower)) i--;
  const b = l.words[i]?.lower.replace(/’/g, "'") ?? '';
  if (OPTION_MODALS.has(b)) return true;
  // "To cancel, reply CANCEL": a purpose, not news.
  if (b === 'to') return i === 0 || TO_OPTION.has(l.words[i - 1]?.lower ?? '');
  // "you'll cancel …", "you should cancel …": the customer's own step.
  if (/^you('ll|'d)$/.test(b)) return true;
  return ['will', 'should', 'would'].includes(b) && l.words[i - 1]?.lower === 'you';
}

/** Verbs of a step on screen, before the name of a button or menu ("tap", "click on", "choose"). */
const UI_VERBS = new Set(['tap', 'click', 'choose', 'select', 'press', 'hit', 'pick', 'open']);

/** A capitalised word right after "tap", "click (on)", "choose" or "select" (and maybe "the"), not at the start of a sentence. */
function uiLabel(l: ReplyLine, w: Word): boolean {
  let i = l.words.indexOf(w) - 1;
  if (['the', 'on'].includes(l.words[i]?.lower ?? '')) i--;
  if (l.words[i]?.lower === 'on' && l.words[i - 1]?.lower === 'click') i--;
  const v = l.words[i];
  return v !== undefined && UI_VERBS.has(v.lower) && !/[.!?]/.test(l.block.text.slice(v.end, w.start));
}

const NOTHING = new Set(['nothing', "nothing's", 'none']);
const NOTHING_SKIP = new Set(['was', 'is', "'s", 'has', 'had', 'been', 'were', 'are', 'else', 'actually', 'at', 'all', 'that', 'which', 'got']);

/** "The engineer found nothing broken", "nothing was damaged", "nothing else is missing": news denied by "nothing". */
function deniedByNothing(l: ReplyLine, first: Word): boolean {
  let i = l.words.indexOf(first) - 1;
  while (i >= 0 && NOTHING_SKIP.has(l.words[i].lower.replace(/’/g, "'")) && first.start - l.words[i].start < 40) i--;
  const w = l.words[i];
  return w !== undefined && NOTHING.has(w.lower.replace(/’/g, "'")) && !/[,;:.!?—–]/.test(l.block.text.slice(w.end, first.start));
}

/** The agent reports a fix of their own as done: "I've corrected it", "we've sent you a DM", "I have switched it over". */
function ownFixDone(l: ReplyLine): boolean {
  const w = liveWords(l).map((x) => x.lower.replace(/’/g, "'"));
  return w.some((x, i) => {
    let k = i + 1;
    if (x === 'i' || x === 'we') {
      if (w[k] !== 'have') return false;
      k++;
    } else if (x !== "i've" && x !== "we've") return false;
    while (['just', 'now', 'already', 'also', 'gone', 'and', 'quickly'].includes(w[k] ?? '')) k++;
    const v = w[k] ?? '';
    return v.length > 2 && v !== 'been' && v !== 'had' && (v.endsWith('ed') || ['sent', 'set', 'put', 'made', 'done', 'got', 'given'].includes(v));
  });
}

/**
 * A slip we caught and put right before it cost the customer anything: no apology, no news from the customer's own
 * turn, the agent says what they fixed ("I've corrected it") and that the customer's plan stands ("so your cake is
 * still on for Thursday", "before it ships", "your 30GB is live from today"): rules/acknowledge-impact.yml `intact`.
 * Not when the agent frames it as bad news ("unfortunately", "sadly").
 */
function caughtInTime(lines: ReplyLine[], needs: ImpactNeed[]): boolean {
  if (needs.some((n) => n.kind !== 'bad-news' || n.vague)) return false;
  const from = Math.min(...needs.map((n) => n.line.index));
  const after = lines.filter((l) => l.index >= from && !conditional(l));
  if (lines.some((l) => hitsIn(l, IMPACT, 'bad-news').some((h) => h.words.some((w) => ['unfortunately', 'sadly', 'afraid'].includes(w.lower))))) return false;
  return after.some((l) => ownFixDone(l)) && after.some((l) => hitsIn(l, IMPACT, 'intact').some((h) => !inQuestion(l, h.last) && !afterIf(l, h.first)));
}

const FIRST_PERSON = new Set(['i', 'we', 'our', 'us', 'my', 'me', "i've", "we've", "i'd", "we'd", "i'll", "we'll", "i'm", "we're"]);

/**
 * News the agent says does not reach this customer: "so it didn't affect you", "this doesn't touch your trip",
 * "your account isn't affected" (rules/acknowledge-impact.yml `unaffected`), at or after the news, in a reply with no
 * apology and no news from the customer's own turn.
 */
function unaffected(lines: ReplyLine[], needs: ImpactNeed[]): boolean {
  if (needs.some((n) => n.kind !== 'bad-news' || n.vague)) return false;
  // "Your Saturday class was cancelled … It doesn't affect next week's booking": the news is about their own thing, so it reached them.
  if (needs.some((n) => clauseBefore(n.line, n.first).some((w) => ['your', 'yours'].includes(w.lower) || /^\p{Lu}\p{Ll}+['’]s$/u.test(w.text)))) return false;
  const from = Math.min(...needs.map((n) => n.line.index));
  return lines.some((l) => l.index >= from && !conditional(l) && hitsIn(l, IMPACT, 'unaffected').some((h) => !inQuestion(l, h.last) && !afterIf(l, h.first)));
}

function isAdverb(w: string): boolean {
  return ['also', 'still', 'always', 'easily', 'just', 'simply', 'then', 'now', 'even', 'only', 'anytime'].includes(w);
}

/** The models of rules/acknowledge-impact.model.json (scripts/train-impact-model.mjs) and their thresholds. */
export interface ImpactModels {
  /** Does this agent sentence name the impact? */
  sentence: ImpactModel;
  /** Does this reply give bad news? */
  reply: ImpactModel;
  /** A line the patterns read as impact counts when the sentence model gives it at least this. */
  low: number;
  /** Any other statement counts when the sentence model gives it at least this. */
  high: number;
  /** A reply with no bad news the patterns know is bad news when the reply model gives it at least this. */
  badNews: number;
}

/** The models, read on first use: only when a care rule or the rubric asks about impact. */
const models = modelSlot<ImpactModels>('acknowledge-impact.model.json');

/**
 * Sets the models in place of the file (tests, and scripts/train-impact-model.mjs, which
 * measures the patterns alone with `null`); `undefined` reads the file again on next use.
 */
export const useImpactModels = models.use;
const impactModels = models.get;

const featureCache = new WeakMap<ReplyLine, string[]>();

/** A line's features for the models (src/lexicon/impact-features.ts), made once. */
function featuresOf(l: ReplyLine): string[] {
  let f = featureCache.get(l);
  if (!f) featureCache.set(l, (f = impactFeatures(l.words, l.block.text, l.question)));
  return f;
}

/**
 * Whether a line names the impact, reading the patterns and the sentence model
 * together: a pattern line counts unless the model is nearly sure it names
 * nothing ("You should have read the guide before ordering"), and a statement
 * the model is sure of counts in words no pattern lists ("that's a weekend's
 * worth of food binned").
 */
export function namesImpactInReply(l: ReplyLine): boolean {
  const m = impactModels();
  const pattern = namesImpact(l);
  if (!m) return pattern;
  const p = impactScore(m.sentence, featuresOf(l));
  // "…, which means you're still stuck on mobile data": impact words in a clause that spells out what it means for the customer count, whatever the model says.
  return pattern ? p >= m.low || consequence(l) || feelingWithCause(l) : !l.question && (p >= m.high || spared(l) || meantime(l));
}

/**
 * "Sorry for the worry that the miles had gone missing", "I'm sorry about the stress when the card was declined": an
 * apology for a feeling (an impact word of the patterns) with what it was about. Not "sorry for the worry" alone,
 * which names nothing (the `vague` patterns).
 */
function feelingWithCause(l: ReplyLine): boolean {
  const w = l.words.map((x) => x.lower.replace(/’/g, "'"));
  const impacts = hitsIn(l, IMPACT, 'impact');
  return hitsIn(l, IMPACT, 'apology').some((a) => {
    let k = l.words.indexOf(a.last) + 1;
    if (w[k] !== 'for' && w[k] !== 'about') return false;
    k++;
    if (w[k] === 'all') k++;
    if (w[k] === 'the' || w[k] === 'that' || w[k] === 'this') k++;
    const feeling = l.words[k];
    return feeling !== undefined && ['that', 'when', 'while'].includes(w[k + 1] ?? '') && impacts.some((h) => h.last === feeling);
  });
}

/** Spans of the wait the customer is left with: "in the meantime", "until then", "till then". */
const MEANTIME = [['in', 'the', 'meantime'], ['until', 'then'], ['till', 'then'], ['until', 'it', 'is'], ['until', "it's"], ['while', 'you', 'wait']];

/**
 * "Sorry the pool's not looking its best in the meantime", "sorry you're stuck without the van until then": an
 * apology for what the customer's thing is not, for the wait they are left with. It names being without the service.
 */
function meantime(l: ReplyLine): boolean {
  const w = l.words.map((x) => (x.masked || x.quoted ? '' : x.lower.replace(/’/g, "'")));
  return hitsIn(l, IMPACT, 'apology').some((a) => {
    const from = l.words.indexOf(a.last) + 1;
    const rest = w.slice(from, from + 16);
    const end = rest.findIndex((x, k) => MEANTIME.some((m) => m.every((y, j) => rest[k + j] === y)));
    if (end < 2) return false;
    const clause = rest.slice(0, end);
    // Only "sorry (that) <the customer's thing or you> <is not / without …>": never "sorry, we'll call you in the meantime".
    const start = clause[0] === 'that' ? 1 : 0;
    if (!['the', 'your', 'you', "you're", 'you’re'].includes(clause[start] ?? '') && !/'s$/.test(clause[start + 1] ?? '')) return false;
    if (clause.some((x) => FIRST_PERSON.has(x))) return false;
    return clause.some((x) => x === 'not' || x === 'without' || x === 'no' || x.endsWith("n't") || x === 'stuck');
  });
}

const SPARED_SUBJECT = new Set(['you', "you're", "you'll", "you've", "you'd", 'there', "there's"]);
const SPARED_NOT = new Set(['not', "don't", "won't", "needn't", "aren't", "isn't", 'never', "wouldn't", "shouldn't", 'no', 'longer']);
const SPARED_PAST = new Set(['was', 'were', 'had', 'did', "didn't", "wasn't", "weren't", "hadn't"]);

/**
 * "I've booked the engineer and I'll drop two heaters round so you're not freezing while you wait", "so you won't
 * have to repeat yourself", "so there's no need to rush your last morning": a fix followed by "so" and the harm it
 * spares the customer. Naming the harm shows the agent grasped what the problem meant for them, in words no
 * list holds. Only a harm spared now or later: "so there was no fault" reports a past fact.
 */
function spared(l: ReplyLine): boolean {
  const w = l.words.map((x) => (x.masked || x.quoted ? '' : x.lower.replace(/’/g, "'")));
  for (let i = 0; i < w.length; i++) {
    if (w[i] !== 'so') continue;
    let k = i + 1;
    if (w[k] === 'that') k++;
    if (!SPARED_SUBJECT.has(w[k] ?? '')) continue;
    // "so there's no need to rush" spares them; "so there won't be a replay" is the loss itself.
    if ((w[k] === 'there' || w[k] === "there's") && !w.slice(k + 1, k + 4).includes('need')) continue;
    const rest = w.slice(k + 1, k + 4);
    if (rest.some((x) => SPARED_PAST.has(x))) continue;
    if (SPARED_NOT.has(w[k + 1] ?? '') || rest.some((x) => SPARED_NOT.has(x) || x.endsWith("n't"))) return !afterIf(l, l.words[i]);
  }
  return false;
}

/** Openers of a clause that says what something meant for the customer: "which means", "that meant". */
const MEANS = new Set(['means', 'meant', 'meaning']);
const MEANS_BEFORE = new Set(['which', 'that', 'this', 'it', 'so']);
const YOU_SUBJECT = new Set(['you', "you're", "you've", "you'd"]);
/** Words after "you" that make the clause an option or good news, not what it cost them ("which means you can rebook"). */
const NOT_COST = new Set(['can', 'could', 'may', 'might', "won't", 'will', "'ll", "don't", "didn't", "needn't", 'get', 'keep', 'save']);

/**
 * "…, which means you're still stuck on mobile data", "That meant you had to take the day off": a clause after
 * "means" or "meant" with the customer as its subject, and impact words (the patterns) in that clause. It spells
 * out what the problem meant for them. Not "which means you can rebook" (an option) or "which means you won't be
 * charged" (good news).
 */
function consequence(l: ReplyLine): boolean {
  const w = l.words.map((x) => x.lower.replace(/’/g, "'"));
  for (let i = 0; i < w.length; i++) {
    if (!MEANS.has(w[i])) continue;
    // "which means", "that meant", "it meant": a clause about what came before.
    if (!MEANS_BEFORE.has(w[i - 1] ?? '')) continue;
    let k = i + 1;
    if (w[k] === 'that') k++;
    if (!YOU_SUBJECT.has(w[k] ?? '')) continue;
    let v = k + 1;
    while (['still', 'also', 'now', 'just'].includes(w[v] ?? '')) v++;
    if (NOT_COST.has(w[v] ?? '')) continue;
    const from = l.words[k].start;
    if (hitsIn(l, IMPACT, 'impact').some((h) => h.last.start >= from && !afterIf(l, h.first))) return true;
  }
  return false;
}

/**
 * Bad news in words no pattern lists ("berth fees will increase by 6%", "gift memberships
 * are non-transferable"): the reply model reads the whole reply, the customer's turns
 * included. The need stands at the agent's line that weighs most in the model, or at the
 * agent's answer to the customer's turn when that weighs more.
 */
function modelNeed(lines: ReplyLine[], all: readonly ReplyLine[]): ImpactNeed | undefined {
  const m = impactModels();
  if (!m || lines.length === 0) return undefined;
  const agent = new Set(lines);
  const customer = all.filter((l) => l.speaker === 'customer' && !l.stage && !agent.has(l));
  const features = replyFeatures(lines.map(featuresOf), customer.map(featuresOf));
  if (impactScore(m.reply, features) < m.badNews) return undefined;
  const weight = (l: ReplyLine, prefix = '') => {
    let z = 0;
    for (const k of new Set(featuresOf(l).filter((x) => x.startsWith('w:') || x.startsWith('g:') || (!prefix && x.startsWith('b:'))))) z += m.reply.weights[`${prefix}${k}`] ?? 0;
    return z;
  };
  let best: { line: ReplyLine; from: ReplyLine; z: number } | undefined;
  for (const l of lines) {
    if (liveWords(l).length === 0) continue;
    const z = weight(l);
    if (!best || z > best.z) best = { line: l, from: l, z };
  }
  for (const c of customer) {
    const reply = all.find((x) => x.index > c.index && agent.has(x) && liveWords(x).length > 0);
    const z = weight(c, 'c:');
    if (reply && liveWords(c).length > 0 && (!best || z > best.z)) best = { line: reply, from: c, z };
  }
  if (!best) return undefined;
  const words = liveWords(best.from);
  const shown = words.length > 10 ? `${hitText(best.from, words[0], words[9])} …` : hitText(best.from, words[0], words[words.length - 1]);
  return { line: best.line, first: words[0], last: words[words.length - 1], trigger: shown, kind: best.from === best.line ? 'bad-news' : 'reported' };
}

/** Impact words in a line; those marked `needsYou` count only in a line about the customer. */
export function namesImpact(l: ReplyLine): boolean {
  // A question ("Anything you'd like me to go over again?") or a condition ("If you have questions about what this means for you") names nothing.
  if (l.question && !statedBefore(l, l.words[l.words.length - 1])) return false;
  // "If you've got a deadline in that window, we know that's stressful timing": the main clause states it.
  const from = maybeLine(l) ? statedAfterIf(l) : 0;
  if (from === undefined) return false;
  const you = mentionsYou(l);
  // "Let me know if you get stuck": impact words in an "if" clause are a hypothetical.
  const hypothetical = (h: { first: Word }) => afterIf(l, h.first);
  // A stock line of sympathy ("We know this is frustrating") sounds like impact but names nothing.
  const stock = hitsIn(l, 'robotic-phrase');
  // So does a vague stand-in ("sorry for any upset caused").
  const vague = hitsIn(l, IMPACT, 'vague');
  const overlaps = (list: { first: Word; last: Word }[], h: { first: Word; last: Word }) => list.some((x) => x.first.start <= h.last.start && h.first.start <= x.last.start);
  // Impact words that go beyond the stock line ("we know that's stressful timing") still count.
  const within = (list: { first: Word; last: Word }[], h: { first: Word; last: Word }) => list.some((x) => x.first.start <= h.first.start && h.last.start <= x.last.start);
  return hitsIn(l, IMPACT, 'impact').some((h) => h.first.start >= from && (you || h.value.needsYou !== true) && !hypothetical(h) && !inQuestion(l, h.last) && !within(stock, h) && !overlaps(vague, h) && !restated(l, h.first)) || (from === 0 && gerundVerdict(l));
}

/** "-ing" words that open a line but are no experience: prepositions, pronouns, greetings. */
const NOT_GERUND = new Set(['according', 'following', 'regarding', 'concerning', 'including', 'during', 'considering', 'assuming', 'pending', 'notwithstanding', 'something', 'nothing', 'anything', 'everything', 'morning', 'evening', 'thanking', 'wishing', 'hoping', 'looking', 'checking', 'speaking', 'reading', 'moving', 'bearing', 'judging', 'starting', 'beginning']);
const COPULA = new Set(['is', 'was', 'are', 'were', 'be', 'been', "isn't", "wasn't", "aren't", "weren't", 'sounds', 'sounded', 'feels', 'felt', 'seems', 'seemed']);
/** Words before the verb that show the "-ing" words were an adverbial phrase with a subject of its own ("Looking at it, it is …", "Checking the logs we are …"). */
/** Prepositions after which "you" or "it" is an object, not a subject ("a queue behind you is mortifying"). */
const OBJECT_AFTER = new Set(['behind', 'with', 'for', 'to', 'at', 'on', 'from', 'near', 'beside', 'around', 'like', 'than', 'of', 'about', 'without', 'into', 'onto', 'past', 'after', 'before', 'under', 'over']);
const NOMINATIVE = new Set(['i', 'we', 'he', 'she', 'they', 'there']);
const OWN_SUBJECT = new Set(['it', 'there', 'this', 'that', 'which', 'who', 'what', 'he', 'she', 'they', 'we', 'i', 'you', 'everything', 'nothing', 'something', 'anything', 'all']);
/** "-ing" words after the verb that are no verdict ("is going to", "is working", "is pending"). */
const NOT_VERDICT = new Set(['going', 'getting', 'being', 'coming', 'working', 'happening', 'loading', 'pending', 'running', 'ongoing', 'using', 'showing', 'saying', 'doing', 'having', 'making', 'taking', 'waiting', 'processing', 'everything', 'nothing', 'something', 'anything', 'missing', 'trying', 'looking', 'checking', 'sorting', 'fixing', 'handling', 'booking', 'arriving', 'leaving', 'moving', 'changing', 'covering', 'including', 'bring', 'thing']);
const VERDICT_SKIP = new Set(['so', 'really', 'very', 'truly', 'pretty', 'quite', 'utterly', 'just', 'incredibly', 'deeply', 'frankly', 'completely', 'absolutely', 'such', 'a', 'an', 'honestly', 'genuinely', 'bound', 'to', 'be', 'have', 'been', 'must', 'would', 'will', 'can', 'could']);

/**
 * The customer's own experience as the subject, with a verdict on it: "Standing at a checkout
 * with a full trolley and a queue behind you is mortifying", "Being £200 down over the school
 * holidays is no small thing", "Boiling kettles to bath the kids is not how anyone wants to spend
 * a week". The line opens with an "-ing" word, the verb follows in the same clause with no
 * subject of its own, and the words after it judge (rules/acknowledge-impact.yml `evaluation`,
 * or an "-ing" word: "is exhausting"). "Resetting the router is the quickest fix" judges nothing.
 */
function gerundVerdict(l: ReplyLine): boolean {
  const live = liveWords(l);
  const w0 = live[0];
  const g = w0?.lower.replace(/’/g, "'") ?? '';
  if (!w0 || g.length < 5 || !g.endsWith('ing') || NOT_GERUND.has(g) || live[1]?.lower === 'to') return false;
  let c = -1;
  for (let i = 1; i < live.length && i < 25; i++) {
    // The clause ends at a comma or a stop: "Having checked, it is fine".
    if (/[,;:.!?—–()]/.test(l.block.text.slice(live[i - 1].end, live[i].start))) return false;
    const x = live[i].lower.replace(/’/g, "'");
    // "Ringing us four times to find out where it was is not how it should work": the verb of a clause inside is skipped.
    if (COPULA.has(x) && !(i >= 3 && OWN_SUBJECT.has(live[i - 1].lower.replace(/’/g, "'")) && !OBJECT_AFTER.has(live[i - 2].lower))) {
      c = i;
      break;
    }
    if (NOMINATIVE.has(x) || x.startsWith("i'") || x.startsWith("we'") || x.startsWith("it'") || x.startsWith("that'") || x.startsWith("there'")) return false;
  }
  // "Looking at the order you are due a refund": no verb without a subject of its own ("Fixing it is a pain" is fine).
  if (c < 1) return false;
  const verdicts = hitsIn(l, IMPACT, 'evaluation');
  const window = live.slice(c, c + 5);
  if (verdicts.some((h) => window.includes(h.first))) return true;
  // "is mortifying", "is utterly exhausting": an "-ing" word as the verdict.
  const next = live.slice(c + 1).find((w) => !VERDICT_SKIP.has(w.lower));
  const n = next?.lower ?? '';
  return !/^(isn't|wasn't|aren't|weren't)$/.test(live[c].lower.replace(/’/g, "'")) && n.length > 6 && n.endsWith('ing') && !NOT_VERDICT.has(n);
}

/** The sentence model's score for a line (does it name the impact?), or undefined with no model: the good-reply model reads it (src/reply/good-reply.ts). */
export function impactLineScore(l: ReplyLine): number | undefined {
  const m = impactModels();
  return m ? impactScore(m.sentence, featuresOf(l)) : undefined;
}
