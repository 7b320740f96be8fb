/**
 * Apologies, bad news and impact. Bad news is an event that went wrong for
 * this customer (delay, outage, charge, fee, refusal, loss, cancellation,
 * lockout, mistake); impact is what it meant for them (time lost, money, a
 * missed event, worry, being without a service, having to do something
 * again). The words come from rules/acknowledge-impact.yml; the tests here
 * are grammar: a rule for some day ("If we can't reach you, …") is not news,
 * and impact words about someone else are not this customer's impact.
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
  kind: 'apology' | 'bad-news';
  /** A vague stand-in for the impact ("any inconvenience"). */
  vague?: string;
}

export interface ImpactCheck {
  needs: ImpactNeed[];
  /** The line that names the impact, when one does. */
  impact?: ReplyLine;
}

const CONDITIONAL = new Set(['if', 'when', 'whenever', 'unless', 'should', 'where', 'although', 'though', 'while', 'once', 'before', 'after']);

/** Apologies and bad news in the agent's lines, and the line that names their impact, if any. */
export function impactOf(lines: ReplyLine[]): ImpactCheck {
  const needs: ImpactNeed[] = [];
  let impact: ReplyLine | undefined;
  for (const l of lines) {
    if (!impact && namesImpact(l)) impact = l;
    // "Sorry, could you resend the file?" is a polite ask, not an apology; but a line that
    // only ends in a question ("the fee kicked in on 1 June. want the link?") still gives its news.
    if (l.question && !statedBefore(l, l.words[l.words.length - 1])) continue;
    const apology = hitsIn(l, IMPACT, 'apology').find((h) => !inQuestion(l, h.last));
    const bad = conditional(l) ? undefined : hitsIn(l, IMPACT, 'bad-news').find((h) => !inQuestion(l, h.last) && (h.value.event !== true || !possibility(l, h.first)));
    const hit = apology && (!bad || apology.first.start <= bad.first.start) ? apology : bad;
    if (!hit) continue;
    const vague = hitsIn(l, IMPACT, 'vague')[0];
    needs.push({ line: l, first: hit.first, last: hit.last, trigger: hitText(l, hit.first, hit.last), kind: hit === apology ? 'apology' : 'bad-news', ...(vague ? { vague: hitText(l, vague.first, vague.last) } : {}) });
  }
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

function conditional(l: ReplyLine): boolean {
  const live = liveWords(l);
  const a = live[0]?.lower;
  return CONDITIONAL.has(a ?? '') || (a === 'in' && live.slice(1, 4).some((w) => w.lower === 'case' || w.lower === 'cases' || w.lower === 'event'));
}


/** "it can be cancelled", "may be delayed": a possibility, not news. */
function possibility(l: ReplyLine, first: Word): boolean {
  const i = l.words.indexOf(first);
  const a = l.words[i - 2]?.lower;
  const b = l.words[i - 1]?.lower;
  return b === 'be' && ['can', 'could', 'may', 'might', 'to'].includes(a ?? '');
}

/** Impact words in a line; those marked `needsYou` count only in a line about the customer. */
export function namesImpact(l: ReplyLine): boolean {
  // A question ("Anything you'd like me to go over again?") or a condition ("If you have questions about what this means for you") names nothing.
  if ((l.question && !statedBefore(l, l.words[l.words.length - 1])) || conditional(l)) return false;
  const you = mentionsYou(l);
  // "Let me know if you get stuck": impact words in an "if" clause are a hypothetical.
  const hypothetical = (h: { first: { start: number } }) => l.words.some((w) => w.start < h.first.start && ['if', 'unless', 'whether'].includes(w.lower));
  // A stock line of sympathy ("We know this is frustrating") sounds like impact but names nothing.
  const stock = hitsIn(l, 'robotic-phrase');
  const isStock = (h: { first: Word; last: Word }) => stock.some((x) => x.first.start <= h.last.start && h.first.start <= x.last.start);
  return hitsIn(l, IMPACT, 'impact').some((h) => (you || h.value.needsYou !== true) && !hypothetical(h) && !inQuestion(l, h.last) && !isStock(h));
}
