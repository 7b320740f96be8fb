/**
 * Holds and transfers: "please hold while I check", "I'll transfer you to
 * billing", "(places the caller on hold)", "[transfer to billing]". A hold
 * is fine when the agent asked first (a question with an ask: "May I put you
 * on hold?", "Is it alright if I transfer you?", or "if that's OK") and said
 * for how long ("for about two minutes", "the wait is around five
 * minutes"), in the hold's own line or a few lines before. "Hold" meaning
 * something else ("press and hold the button", "a hold on your card") is not
 * a hold: the patterns in rules/hold-permission.yml say so.
 */
import type { Word } from '../document/prose.js';
import type { ReplyLine } from './lines.js';
import { hitsIn, hitText } from './words.js';

const TABLE = 'hold-permission';
/** How many lines before a hold an ask may stand. */
const LOOK_BACK = 4;

export interface HoldInfo {
  line: ReplyLine;
  first: Word;
  last: Word;
  text: string;
  kind: 'hold' | 'transfer';
  /** The agent asked first. */
  asked: boolean;
  /** The agent said how long. */
  duration: boolean;
}

/** Every hold or transfer in the reply (all lines, so the customer's "Sure" can stand between). */
export function holdsOf(lines: ReplyLine[]): HoldInfo[] {
  const out: HoldInfo[] = [];
  let askedAt = -10;
  let askedHit: Word | undefined;
  lines.forEach((line, i) => {
    // A stage direction after a customer's turn is the hold the agent just asked about ("Customer: Yeah." then "(caller on hold)").
    if (line.speaker !== 'agent' && !(line.stage && askedAt >= i - 3)) return;
    const hits = line.stage ? [...hitsIn(line, TABLE, 'stage'), ...hitsIn(line, TABLE, 'hold'), ...hitsIn(line, TABLE, 'transfer')] : [...hitsIn(line, TABLE, 'hold'), ...hitsIn(line, TABLE, 'transfer')];
    hits.sort((a, b) => a.first.start - b.first.start);
    const hit = hits[0];
    if (!hit) return;
    // "Is it okay if I put you on hold?" followed by "(caller on hold)": the question asks, the stage direction is the hold.
    if (line.question && !line.stage && lines.slice(i + 1, i + 4).some((l) => l.stage && hitsIn(l, TABLE, 'stage').length + hitsIn(l, TABLE, 'hold').length > 0)) {
      askedAt = i;
      askedHit = hit.first;
      return;
    }
    // "Bear with me, I'm putting you on hold": one hold, quoted whole; a stage direction quoted whole too.
    const live = line.words.filter((w) => !w.masked);
    const start = line.stage && live.length ? live[0] : hit.first;
    const end = line.stage && live.length ? live[live.length - 1] : hits.reduce((m, h) => (h.last.end > m.end ? h.last : m), hit.last);
    // Asking in this line, the next one ("Is that OK?"), or a few lines before.
    const window: ReplyLine[] = [line];
    for (let k = i - 1; k >= 0 && i - k <= LOOK_BACK; k--) {
      const l = lines[k];
      // An earlier hold ends the look-back: its ask was for that hold.
      if (l.speaker === 'agent' && k < i - 1 && hitsIn(l, TABLE, 'hold').length + hitsIn(l, TABLE, 'transfer').length > 0 && !l.question) break;
      window.push(l);
    }
    const next = lines[i + 1];
    if (next && next.speaker === 'agent' && !next.stage && next.block === line.block) window.push(next);
    const agent = window.filter((l) => l.speaker === 'agent');
    // The hold's own line and the question right after it ("Is that OK?") ask about this hold.
    const asked = agent.some((l) => asks(l, l === line || l === next));
    // The wait may come a line or two after the ask: "Would that be alright? It's usually under a minute's wait."
    const after = [lines[i + 1], lines[i + 2]].filter((l): l is ReplyLine => Boolean(l) && l.speaker === 'agent' && !l.stage && l.block === line.block);
    const duration = [...agent, ...after].some((l) => hitsIn(l, TABLE, 'duration').length > 0);
    // The hold asked about in an earlier question: its span runs from the question to the stage direction, so either reads as the hold.
    const from = line.stage && askedHit && askedAt >= i - 3 && lines[askedAt].block === line.block ? askedHit : start;
    if (line.stage) askedHit = undefined;
    out.push({ line, first: from, last: end, text: hitText(line, start, end), kind: hits.some((h) => h.value.category === 'transfer') || (line.stage && /transfer|connect|through/i.test(hitText(line, start, end))) ? 'transfer' : 'hold', asked, duration });
  });
  return out;
}

/** A question with an ask in it ("May I…?", "Is it OK if…?"), or "if that's OK with you" anywhere. */
function asks(l: ReplyLine, self: boolean): boolean {
  const cues = hitsIn(l, TABLE, 'permission');
  if (cues.some((c) => c.value.anywhere === true)) return true;
  if (!l.question || cues.length === 0) return false;
  // An earlier question must be about the hold, not "Can I have your account number?".
  return self || hitsIn(l, TABLE, 'hold-topic').length > 0 || hitsIn(l, TABLE, 'hold').length > 0 || hitsIn(l, TABLE, 'transfer').length > 0;
}
