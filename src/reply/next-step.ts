/**
 * A next step: an option, an instruction, a step list, an action taken
 * ("I've issued a refund") or a promise of action. Rubric only.
 */
import type { Word } from '../document/prose.js';
import type { ReplyLine } from './lines.js';
import { hitsIn, wordList } from './words.js';

const COMMIT = 'time-bound-commitment';

/** The first line that offers an option or a next step. */
export function nextStepOf(lines: ReplyLine[], promised: Set<ReplyLine>): ReplyLine | undefined {
  for (const l of lines) {
    if (l.stage) continue;
    if (promised.has(l)) return l;
    if (l.block.kind === 'list-item') return l;
    if (hitsIn(l, COMMIT, 'next-step').some((h) => h.value.imperative !== true || isLead(l, h.first))) return l;
    if (tookAction(l)) return l;
  }
  return undefined;
}

function isLead(l: ReplyLine, w: Word): boolean {
  const leads = wordList('step-lead');
  for (const x of l.words) {
    if (x === w) return true;
    if (x.masked || leads.has(x.lower)) continue;
    return false;
  }
  return false;
}

/** "I've issued a refund", "we have reset your password": something was done for the customer. */
function tookAction(l: ReplyLine): boolean {
  const done = wordList('done');
  const ws = l.words;
  for (let i = 0; i < ws.length - 1; i++) {
    const w = ws[i].lower.replace(/’/g, "'");
    let next = ws[i + 1];
    if ((w === 'i' || w === 'we') && next.lower === 'have') next = ws[i + 2];
    else if (w !== "i've" && w !== "we've") continue;
    if (next?.lower === 'just' || next?.lower === 'also' || next?.lower === 'now') next = ws[ws.indexOf(next) + 1];
    if (next && (done.has(next.lower) || (/^[a-z]{3,}ed$/.test(next.lower) && next.lower !== 'needed'))) return true;
  }
  return false;
}
