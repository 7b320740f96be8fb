/**
 * Checking understanding: a check ("Does that help?"), an invitation ("Just
 * reply here", "Shout if it's still orange") or any question to the customer
 * that is not small talk. Words from rules/confirm-understanding.yml.
 */
import type { ReplyLine } from './lines.js';
import { hitsIn, liveWords } from './words.js';

const CONFIRM = 'confirm-understanding';
const HOLD = 'hold-permission';
const GREETING_QUESTIONS = [['how', 'are', 'you'], ["how's", 'it', 'going'], ['how', 'are', 'things'], ['how', 'have', 'you', 'been'], ['how', 'is', 'your', 'day'], ["how's", 'your', 'day'], ['how', 'can', 'i', 'help'], ['how', 'may', 'i', 'help'], ['what', 'can', 'i', 'do', 'for', 'you']];

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
    if (hitsIn(l, HOLD, 'hold').length || hitsIn(l, HOLD, 'transfer').length) {
      if (l.question && hitsIn(l, HOLD, 'transfer').length && !continuesAfterStage(l, all)) return l;
      continue;
    }
    if (hitsIn(l, CONFIRM, 'check').length || hitsIn(l, CONFIRM, 'invite').length) return l;
    // A question that opens the reply or a script's first turn gathers facts; later ones invite a reply.
    const opening = l.labelled ? laterTurn && l.turn === first.turn : l === first && spoken.length >= 3;
    const early = l.labelled && l.turn < lastTurn;
    if (l.question && !opening && !early && !isGreetingQuestion(l)) return l;
  }
  return undefined;
}

/** An agent speaks again after a stage direction that follows this line (the call went on after the hold or transfer). */
function continuesAfterStage(l: ReplyLine, all: readonly ReplyLine[]): boolean {
  const at = all.indexOf(l);
  const stage = all.findIndex((x, k) => k > at && x.stage);
  return stage !== -1 && all.some((x, k) => k > stage && x.speaker === 'agent' && !x.stage);
}

function isGreetingQuestion(l: ReplyLine): boolean {
  const lows = liveWords(l).map((w) => w.lower.replace(/’/g, "'"));
  return GREETING_QUESTIONS.some((g) => lows.some((_, i) => g.every((x, k) => lows[i + k] === x)));
}
