/**
 * Apologies, bad news and impact. Bad news is an event that went wrong for
 * this customer (delay, outage, charge, fee, refusal, loss, cancellation,
 * lockout, mistake); impact is what it meant for them (time lost, money, a
 * missed event, worry, being without a service, having to do something
 * again). The words come from rules/acknowledge-impact.yml; the tests here
 * are grammar: a rule for some day ("If we can't reach you, …") is not news,
 * an option ("you can cancel at any time") is not news, and impact words
 * about someone else are not this customer's impact. In a phone or chat
 * script the customer may give the bad news themselves ("Customer: nobody
 * turned up"): the agent's reply still has to name what it meant for them.
 */
import type { Word } from '../document/prose.js';
import type { ReplyLine } from './lines.js';
import { hitsIn, hitText, liveWords, mentionsYou } from './words.js';

const IMPACT = 'acknowledge-impact';

export interface ImpactNeed {
  line: ReplyLine;
  first: Word;
  last: Word;
  trigger: string;
  /** `reported`: the customer gave the news in their own turn; `line` is the agent's answer. */
  kind: 'apology' | 'bad-news' | 'reported';
  /** A vague stand-in for the impact ("any inconvenience"). */
  vague?: string;
}

export interface ImpactCheck {
  needs: ImpactNeed[];
  /** The line that names the impact, when one does. */
  impact?: ReplyLine;
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
  const agent = new Set(lines);
  for (const l of all) {
    if (agent.has(l) || l.speaker !== 'customer' || l.stage || l.question || hitsIn(l, IMPACT, 'how-to').length) continue;
    const reply = all.find((x) => x.index > l.index && agent.has(x));
    if (!reply) continue;
    // The customer's own news; "I can't find the setting" is a how-to question, not news.
    const hit = hitsIn(l, IMPACT, 'bad-news').find((h) => !['i', 'we'].includes(h.first.lower) && !possibility(l, h.first) && !option(l, h.first, h.last));
    if (hit && !conditional(l)) needs.push({ line: reply, first: hit.first, last: hit.last, trigger: hitText(l, hit.first, hit.last), kind: 'reported' });
  }
  for (const l of lines) {
    if (!impact && namesImpact(l)) impact = l;
    // "Sorry, could you resend the file?" is a polite ask, not an apology; but a line that
    // only ends in a question ("the fee kicked in on 1 June. want the link?") still gives its news.
    if (l.question && !statedBefore(l, l.words[l.words.length - 1])) continue;
    const apology = hitsIn(l, IMPACT, 'apology').find((h) => !inQuestion(l, h.last));
    // "We've cancelled your old direct debit as you asked": an action they asked for is not news.
    const asked = hitsIn(l, IMPACT, 'requested');
    const bad = conditional(l) ? undefined : hitsIn(l, IMPACT, 'bad-news').find((h) => !inQuestion(l, h.last) && !afterIf(l, h.first) && !asked.some((r) => sameClause(l, r.first, h.first)) && (h.value.event !== true || (!possibility(l, h.first) && !option(l, h.first, h.last))));
    const hit = apology && (!bad || apology.first.start <= bad.first.start) ? apology : bad;
    if (!hit) continue;
    const vague = hitsIn(l, IMPACT, 'vague')[0];
    needs.push({ line: l, first: hit.first, last: hit.last, trigger: hitText(l, hit.first, hit.last), kind: hit === apology ? 'apology' : 'bad-news', ...(vague ? { vague: hitText(l, vague.first, vague.last) } : {}) });
  }
  needs.sort((a, b) => a.line.index - b.line.index);
  return { needs, ...(impact ? { impact } : {}) };
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
  if (verb && EXPERIENCE.has(verb.lower)) return false;
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

function isAdverb(w: string): boolean {
  return ['also', 'still', 'always', 'easily', 'just', 'simply', 'then', 'now', 'even', 'only', 'anytime'].includes(w);
}

/** Impact words in a line; those marked `needsYou` count only in a line about the customer. */
export function namesImpact(l: ReplyLine): boolean {
  // A question ("Anything you'd like me to go over again?") or a condition ("If you have questions about what this means for you") names nothing.
  if ((l.question && !statedBefore(l, l.words[l.words.length - 1])) || maybeLine(l)) return false;
  const you = mentionsYou(l);
  // "Let me know if you get stuck": impact words in an "if" clause are a hypothetical.
  const hypothetical = (h: { first: Word }) => afterIf(l, h.first);
  // A stock line of sympathy ("We know this is frustrating") sounds like impact but names nothing.
  const stock = hitsIn(l, 'robotic-phrase');
  // So does a vague stand-in ("sorry for any upset caused").
  const vague = hitsIn(l, IMPACT, 'vague');
  const overlaps = (list: { first: Word; last: Word }[], h: { first: Word; last: Word }) => list.some((x) => x.first.start <= h.last.start && h.first.start <= x.last.start);
  return hitsIn(l, IMPACT, 'impact').some((h) => (you || h.value.needsYou !== true) && !hypothetical(h) && !inQuestion(l, h.last) && !overlaps(stock, h) && !overlaps(vague, h) && !restated(l, h.first));
}
