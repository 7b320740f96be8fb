/**
 * The lines of a reply: the sentences a customer reads, cut further at line
 * breaks and brackets so a phone script reads as turns and stage directions.
 *
 *   Agent: Let me check that.         → a line spoken by the agent
 *   (places the caller on hold)       → a stage direction
 *   Customer: Sure.                   → the customer's turn (never checked as our words)
 *
 * Speaker labels ("Agent:", "Rep:", "Customer:", "Caller:") set who speaks
 * until the next label. Quoted mail (blockquotes), headings, alt text and
 * captions are not the reply.
 */
import type { Doc } from '../document/document.js';
import type { ProseBlock, Sentence, Word } from '../document/prose.js';
import type { Span } from '../types.js';

export type Speaker = 'agent' | 'customer';

export interface ReplyLine {
  /** The sentence the line belongs to. */
  sentence: Sentence;
  block: ProseBlock;
  /** The line's words (a speaker label left out). */
  words: Word[];
  /** Block offsets of the line, from its first to its last word (and closing punctuation). */
  start: number;
  end: number;
  span: Span;
  /** Who speaks: a label set it, or the agent by default. */
  speaker: Speaker;
  /** The speaker came from a label ("Agent:"), not the default. */
  labelled: boolean;
  /** A bracketed action: "(transfers the call)", "[place on hold]". */
  stage: boolean;
  /** Ends with a question mark. */
  question: boolean;
  /** The line opens a paragraph (or a turn). */
  opens: boolean;
  /** Position in the reply, 0-based. */
  index: number;
  /** Turn in a script (a new one at each speaker label), or paragraph in a plain reply. */
  turn: number;
}

const REPLY_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'other']);
const AGENT_LABELS = new Set(['agent', 'rep', 'representative', 'advisor', 'adviser', 'associate', 'specialist', 'support', 'operator', 'csr', 'tech', 'technician', 'me', 'staff', 'assistant', 'expert', 'consultant', 'coordinator', 'concierge', 'host', 'pharmacist', 'nurse', 'banker', 'engineer', 'dispatcher', 'you']);
const CUSTOMER_LABELS = new Set(['customer', 'caller', 'client', 'member', 'guest', 'user', 'patient', 'student', 'passenger', 'tenant', 'driver', 'rider', 'buyer', 'shopper', 'cust', 'policyholder', 'subscriber', 'parent', 'resident', 'traveller', 'traveler', 'homeowner', 'account holder', 'cardholder', 'applicant', 'owner', 'visitor']);

/** Each Doc's lines, made once: the reply model, the script turns and inclusive-language all read them. */
const made = new WeakMap<Doc, readonly ReplyLine[]>();

/** The reply's lines, in order (read-only: they are shared). */
export function replyLines(doc: Doc): readonly ReplyLine[] {
  let lines = made.get(doc);
  if (!lines) made.set(doc, (lines = buildLines(doc)));
  return lines;
}

function buildLines(doc: Doc): ReplyLine[] {
  const out: ReplyLine[] = [];
  let speaker: Speaker = 'agent';
  let labelled = false;
  let lastBlock: ProseBlock | undefined;
  let lastEnd = 0;
  let turn = -1;
  for (const s of doc.sentences) {
    if (s.block.quote || !REPLY_KINDS.has(s.block.kind)) continue;
    const text = s.block.text;
    const words = s.words;
    if (!words.some((w) => !w.masked && !w.quoted)) continue;
    const newBlock = s.block !== lastBlock;
    lastBlock = s.block;
    // The sentence may start after a bracket the splitter left out: "… is in.\n[Agent checks with dentist]".
    const from = newBlock ? s.start : Math.min(s.start, Math.max(lastEnd, text.lastIndexOf('\n', s.start - 1) + 1));
    lastEnd = s.end;
    if (newBlock && !labelled) turn++;
    // Cut the sentence into pieces at line breaks and brackets.
    let group: Word[] = [];
    let stage = bracketOpens(text.slice(from, words[0].start));
    let opens = newBlock || /\n/.test(text.slice(Math.max(0, s.start - 2), s.start));
    const flush = (endAt: number, nextGap: string) => {
      if (!group.length) return;
      let ws = group;
      let ownLabel = false;
      // "Agent: …" / "**Customer:** …": a label sets the speaker.
      const first = ws[0];
      // "Agent 2:" / "Customer 1:": a known label with a number.
      const numbered = ws.length > 2 && /^\d{1,2}$/.test(ws[1].text) && (AGENT_LABELS.has(first.lower) || CUSTOMER_LABELS.has(first.lower)) && text.slice(ws[1].end, ws[2].start).includes(':');
      const gap = numbered ? ':' : ws.length > 1 ? text.slice(first.end, ws[1].start) : text.slice(first.end, endAt);
      if (opens && !first.masked && gap.includes(':') && !/\d/.test(first.text)) {
        const l = first.lower;
        if (AGENT_LABELS.has(l) || CUSTOMER_LABELS.has(l) || (/^\p{Lu}/u.test(first.text) && ws.length > 1 && first.text.length <= 20 && !/[.?!]/.test(gap))) {
          speaker = CUSTOMER_LABELS.has(l) ? 'customer' : 'agent';
          labelled = true;
          ownLabel = true;
          turn++;
          ws = ws.slice(numbered ? 2 : 1);
        }
      }
      if (ws.length) {
        const last = ws[ws.length - 1];
        const tail = nextGap;
        const question = tail.includes('?');
        const start = ws[0].start;
        let end = last.end;
        const m = /^[^\p{L}\p{N}\s]*/u.exec(tail);
        if (m) end += m[0].length;
        // "*puts customer on hold*" in a labelled script (the asterisks rendered away): an unlabelled line
        // opening with a lower-case action word ("puts", "transfers", "holding") is a stage direction.
        const w0 = ws[0].text;
        const action = !stage && opens && labelled && !ownLabel && ws.length <= 8 && /^\p{Ll}/u.test(w0) && /(?:s|ing)$/.test(w0) && !question;
        out.push({ sentence: s, block: s.block, words: ws, start, end, span: s.block.spanOf(start, end), speaker, labelled, stage: stage || action, question, opens, index: out.length, turn: Math.max(0, turn) });
      }
      group = [];
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (i > 0) {
        const gap = text.slice(words[i - 1].end, w.start);
        const opensBracket = bracketOpens(gap);
        const closesBracket = /[)\]]/.test(gap);
        const br = gap.includes('\n');
        if (br || opensBracket || (closesBracket && stage)) {
          flush(w.start, gap);
          opens = br;
          stage = opensBracket ? true : closesBracket ? false : stage;
        }
      }
      group.push(w);
    }
    flush(s.end, text.slice(words[words.length - 1].end, s.end));
    // A question mark anywhere after the last word counts (closing quotes, brackets).
  }
  // A stage direction only when it stands on its own or opens a line; "(about two minutes)" inside a sentence is an aside.
  for (const l of out) if (l.stage && !l.opens && !isAction(l)) l.stage = false;
  return out;
}

function bracketOpens(gap: string): boolean {
  return /[([]/.test(gap);
}

/** "(transfers the call)": a bracketed piece that starts with a verb-like word or names an action. */
function isAction(l: ReplyLine): boolean {
  const w = l.words[0]?.lower ?? '';
  return /s$/.test(w) || /ing$/.test(w) || ['hold', 'place', 'put', 'transfer', 'mute', 'pause', 'silence', 'music', 'wait'].includes(w);
}
