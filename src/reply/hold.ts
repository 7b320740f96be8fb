/**
 * Holds and transfers: "please hold while I check", "I'll transfer you to
 * billing", "(places the caller on hold)", "[transfer to billing]". A hold
 * is fine when the agent asked first (a question with an ask: "May I put you
 * on hold?", "Is it alright if I transfer you?", or "if that's OK") and said
 * for how long ("for about two minutes", "the wait is around five
 * minutes"), in the hold's own line or a few lines before. "Hold" meaning
 * something else ("press and hold the button", "a hold on your card") is not
 * a hold: the patterns in rules/hold-permission.yml say so.
 *
 * A stage direction is the agent's action whoever spoke before it; a short
 * bare line of stage words ("— on hold —") is one too. "One sec." is a hold
 * only as a whole line or clause. The stage direction that carries out a hold
 * already judged in words a few lines before (after an ask that was not
 * about it) is not reported twice.
 */
import type { Word } from '../document/prose.js';
import type { ReplyLine } from './lines.js';
import { patternHits } from '../lexicon/care-tables.js';
import { hitsIn, hitText, type Hit } from './words.js';

const TABLE = 'hold-permission';
/** How many lines before a hold an ask may stand. */
const LOOK_BACK = 4;
/**
 * A stage direction this close after a hold said in words is that same hold: at most this many turns
 * (ask, "Yes please", a last check, "Yes, thanks", then "(transfers call)") and this many sentences.
 */
const SAME_HOLD_TURNS = 4;
const SAME_HOLD_LINES = 12;

/** How many times the speaker changes from line `from` to line `to`. */
function turnsBetween(lines: readonly ReplyLine[], from: number, to: number): number {
  let n = 0;
  for (let k = from + 1; k <= to; k++) if (lines[k].speaker !== lines[k - 1].speaker) n++;
  return n;
}

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
export function holdsOf(lines: readonly ReplyLine[]): HoldInfo[] {
  const out: HoldInfo[] = [];
  let askedAt = -10;
  let askedHit: Word | undefined;
  let spokenHold = -10;
  const stageHold = (l: ReplyLine) => l.stage && hitsIn(l, TABLE, 'stage').length + hitsIn(l, TABLE, 'hold').length + transferHits(l).length > 0;
  lines.forEach((line, i) => {
    // A stage direction is the agent's action whoever spoke last ("Customer: My bill's wrong." then "[transfers to billing]").
    // A short line of stage words with no brackets ("— on hold —", "Transferring…") is one too.
    // "Customer: Can you see it?" then "Hold on.": the customer asking us to wait, in their own turn, is no hold of ours.
    const bare = !line.stage && !line.question && !ownLabel(line) && aloneHits(line).some((h) => h.first === line.words[0] && h.last === line.words[line.words.length - 1] && !(line.speaker === 'customer' && h.value.spoken === true));
    if (line.speaker !== 'agent' && !line.stage && !bare) return;
    // "I'll need to pass you to returns. Would that be alright?" … "[transfer to returns]": the hold in words was judged; its stage direction is the same hold.
    // A stage direction right after the words ("I'll transfer you now." "[transfer to returns]") is still reported on its own.
    // Near is counted in turns, not sentences: the agent may ask in four sentences and check understanding before the transfer.
    if (line.stage && spokenHold >= 0 && i - spokenHold <= SAME_HOLD_LINES && turnsBetween(lines, spokenHold, i) <= SAME_HOLD_TURNS && spokenHold < i - 1 && lines[spokenHold].block === line.block && askedAt < spokenHold && !lines.slice(spokenHold + 1, i).some((l) => l.stage)) return;
    const hits = line.stage ? [...hitsIn(line, TABLE, 'stage'), ...hitsIn(line, TABLE, 'hold'), ...transferHits(line)] : [...hitsIn(line, TABLE, 'hold'), ...transferHits(line), ...aloneHits(line).filter((h) => wholeClause(line, h) && !(lines[i + 1] && stageHold(lines[i + 1])))];
    hits.sort((a, b) => a.first.start - b.first.start);
    const hit = hits[0];
    const stageAfter = lines.slice(i + 1, i + 4).some(stageHold);
    // "Could you hold for me?" followed by "(hold)": the question asks, with no hold words of its own.
    if (!hit && line.question && !line.stage && stageAfter && hitsIn(line, TABLE, 'hold-ask').length > 0) {
      askedAt = i;
      askedHit = hitsIn(line, TABLE, 'hold-ask')[0]?.first;
      return;
    }
    if (!hit) return;
    // "Is it okay if I put you on hold?" followed by "(caller on hold)": the question asks, the stage direction is the hold.
    if (line.question && !line.stage && stageAfter) {
      askedAt = i;
      askedHit = hit.first;
      return;
    }
    // "Bear with me, I'm putting you on hold": one hold, quoted whole; a stage direction quoted whole too.
    const live = line.words.filter((w) => !w.masked);
    const start = line.stage && live.length ? live[0] : hit.first;
    const end = line.stage && live.length ? live[live.length - 1] : hits.reduce((m, h) => (h.last.end > m.end ? h.last : m), hit.last);
    // "I'll transfer you now." then "[transfer to returns]": one hold. Its span runs on to the stage
    // direction, so a reader who points at either finds it.
    const said = line.stage ? out[out.length - 1] : undefined;
    if (said && said.line === lines[i - 1] && said.line.block === line.block) {
      said.last = end;
      if (said.kind === 'hold' && /transfer|connect|through/i.test(hitText(line, start, end))) said.kind = 'transfer';
      return;
    }
    // Asking in this line, the next one ("Is that OK?"), or a few lines before.
    const window: ReplyLine[] = [line];
    for (let k = i - 1; k >= 0 && i - k <= LOOK_BACK; k--) {
      const l = lines[k];
      // An earlier hold ends the look-back: its ask was for that hold.
      if (l.speaker === 'agent' && k < i - 1 && hitsIn(l, TABLE, 'hold').length + transferHits(l).length > 0 && !l.question) break;
      // So does an earlier stage direction: "Could you hold?" "(hold)" … "Hold on, I'll go and ask" is a new hold.
      if (l.stage && stageHold(l)) break;
      window.push(l);
    }
    const next = lines[i + 1];
    // The ask may follow in the same turn: "I can transfer you to billing. The wait is about five minutes. Would you like me to?"
    for (const l of line.stage ? [] : lines.slice(i + 1, i + 3)) {
      if (l.speaker !== 'agent' || l.stage || l.block !== line.block) break;
      window.push(l);
    }
    const agent = window.filter((l) => l.speaker === 'agent');
    // The hold's own line and the question right after it ("Is that OK?") ask about this hold.
    const asked = agent.some((l) => asks(l, l === line || l === next));
    // The wait may come a line or two after the ask: "Would that be alright? It's usually under a minute's wait."
    // Never after a stage direction: by then the hold is over ("Thanks. The hub went down ten minutes ago").
    const after = line.stage ? [] : [lines[i + 1], lines[i + 2]].filter((l): l is ReplyLine => Boolean(l) && l.speaker === 'agent' && !l.stage && l.block === line.block);
    const duration = [...agent, ...after].some((l) => hitsIn(l, TABLE, 'duration').length > 0);
    // The hold asked about in an earlier question: its span runs from the question to the stage direction, so either reads as the hold.
    const from = line.stage && askedHit && askedAt >= i - 3 && lines[askedAt].block === line.block ? askedHit : (line.stage && leadIn(lines[i - 1], line, out)) || start;
    if (line.stage) askedHit = undefined;
    else spokenHold = i;
    out.push({ line, first: from, last: end, text: hitText(line, start, end), kind: hits.some((h) => String(h.value.category).startsWith('transfer')) || (line.stage && /transfer|connect|through/i.test(hitText(line, start, end))) ? 'transfer' : 'hold', asked, duration });
  });
  return out;
}

/**
 * Hits of the transfer patterns. "Move", "switch", "refer" and "redirect" transfer only toward a person or a team
 * (`transfer-person`): "I can move you to the 12th" moves a booking, "let me refer you to our size chart" points to a page.
 */
function transferHits(line: ReplyLine): Hit[] {
  return [...hitsIn(line, TABLE, 'transfer'), ...hitsIn(line, TABLE, 'transfer-person')];
}

/**
 * "One moment." then "[chat on hold]": the agent's words that announce the hold, in the line right
 * before its stage direction and not reported on their own. The hold's span starts there, so a
 * reader who points at the words and one who points at the stage direction both find it.
 */
function leadIn(prev: ReplyLine | undefined, stage: ReplyLine, reported: readonly HoldInfo[]): Word | undefined {
  if (!prev || prev.speaker !== 'agent' || prev.stage || prev.question || prev.block !== stage.block) return undefined;
  if (reported.some((h) => h.line === prev)) return undefined;
  const hits = [...hitsIn(prev, TABLE, 'hold'), ...aloneHits(prev)].sort((a, b) => a.first.start - b.first.start);
  return hits[0]?.first;
}

/** Hits of the 'hold-alone' patterns; the line's last word may keep its full stop ("One sec.", an abbreviation to the tokeniser). */
function aloneHits(line: ReplyLine): Hit[] {
  const ws = line.words;
  const last = ws[ws.length - 1];
  const strip = last !== undefined && last.lower.length > 2 && last.lower.indexOf('.') === last.lower.length - 1;
  const run = strip ? ws.map((w, k) => (k === ws.length - 1 ? { ...w, lower: w.lower.slice(0, -1) } : w)) : ws;
  return patternHits(TABLE, { words: run, text: line.block.text }, 'hold-alone').map((h) => ({ ...h, first: ws[run.indexOf(h.first)], last: ws[run.indexOf(h.last)], words: h.words.map((w) => ws[run.indexOf(w)]) }));
}

/** The line opens with its own speaker label ("Customer: On hold?"). */
function ownLabel(l: ReplyLine): boolean {
  const text = l.block.text;
  const from = text.lastIndexOf('\n', l.start - 1) + 1;
  return text.slice(from, l.start).includes(':');
}

/** The hit is a whole clause of the line: "One sec.", "Let me grab a colleague, two secs", not "one second is all it takes". */
function wholeClause(l: ReplyLine, h: { first: Word; last: Word }): boolean {
  const words = l.words;
  const text = l.block.text;
  const a = words.indexOf(h.first);
  const b = words.indexOf(h.last);
  const startsClause = a === 0 || text.slice(words[a - 1].end, h.first.start).trim() !== '';
  const endsClause = b === words.length - 1 || text.slice(h.last.end, words[b + 1].start).trim() !== '';
  return startsClause && endsClause && !l.question;
}

/** What a verifying check checks: "check you're in Room 312", "check your postcode", "check that". */
const VERIFIED = new Set(['you', "you're", 'your', 'that', 'if', 'whether', 'the', 'this', 'it', "it's"]);

/** A question with an ask in it ("May I…?", "Is it OK if…?"), or "if that's OK with you" anywhere. */
function asks(l: ReplyLine, self: boolean): boolean {
  const cues = hitsIn(l, TABLE, 'permission');
  if (cues.some((c) => c.value.anywhere === true)) return true;
  if (!l.question || cues.length === 0) return false;
  // An earlier question must be about the hold, not "Can I have your account number?" or "Can I just check you're in Room 312?"
  // (a check followed by what it checks verifies a fact; "while I check", "check with billing" is about the hold).
  const topic = hitsIn(l, TABLE, 'hold-topic').filter((h) => !(h.first.lower === 'check' && VERIFIED.has(l.words[l.words.indexOf(h.last) + 1]?.lower.replace(/’/g, "'") ?? '')));
  return self || topic.length > 0 || hitsIn(l, TABLE, 'hold').length > 0 || transferHits(l).length > 0;
}
