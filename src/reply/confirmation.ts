/**
 * Checking understanding: a check ("Does that help?"), an invitation ("Just
 * reply here", "Shout if it's still orange") or any question to the customer
 * that is not small talk. Words from rules/confirm-understanding.yml.
 */
import type { ReplyLine } from './lines.js';
import { hitsIn, liveWords } from './words.js';

const CONFIRM = 'confirm-understanding';
const GREETING_QUESTIONS = [['how', 'are', 'you'], ["how's", 'it', 'going'], ['how', 'are', 'things'], ['how', 'have', 'you', 'been'], ['how', 'is', 'your', 'day'], ["how's", 'your', 'day'], ['how', 'can', 'i', 'help'], ['how', 'may', 'i', 'help'], ['what', 'can', 'i', 'do', 'for', 'you']];

/** The first line that checks understanding or invites a reply. */
export function confirmationOf(lines: ReplyLine[]): ReplyLine | undefined {
  const spoken = lines.filter((l) => !l.stage);
  const first = spoken[0];
  // The opening only gathers facts when more follows: a later turn in a script, or a few more lines.
  const laterTurn = first !== undefined && spoken.some((l) => l.turn > first.turn);
  for (const l of lines) {
    if (l.stage) continue;
    if (hitsIn(l, CONFIRM, 'check').length || hitsIn(l, CONFIRM, 'invite').length) return l;
    // A question that opens the reply or a script's first turn gathers facts; later ones invite a reply.
    const opening = l.labelled ? laterTurn && l.turn === first.turn : l === first && spoken.length >= 3;
    if (l.question && !opening && !isGreetingQuestion(l)) return l;
  }
  return undefined;
}

function isGreetingQuestion(l: ReplyLine): boolean {
  const lows = liveWords(l).map((w) => w.lower.replace(/’/g, "'"));
  return GREETING_QUESTIONS.some((g) => lows.some((_, i) => g.every((x, k) => lows[i + k] === x)));
}
