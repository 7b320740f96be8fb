/**
 * The good-reply model (issue 13): does this reply as a whole read as a fine one? A logistic model
 * over reply-wide facts the reply model finds (apologies, bad news and the impact model's scores,
 * promises, their time frames and the promise model's scores, holds, the check of understanding,
 * the next step, greeting and sign-off, stock and blame phrases, counts, channel and length), never
 * the reply's own words. Trained on many writers (scripts/train-good-reply.mjs) and stored in
 * rules/good-reply.model.json.
 *
 * When it is sure the reply is fine (at least the threshold), the reply model drops the weakest care
 * findings (acknowledge-impact, and a lone blame-language finding): the reply model then reports no
 * unmet impact, so the rules and the care rubric agree. Promises keep their plain status: on blind
 * sets a veto of time-bound-commitment lost 2 finds for 1 good reply left alone (session 1.11).
 */
import { blameCues, blameShapes, ownsFault } from '../lexicon/blame-features.js';
import { replyRefuses } from '../lexicon/blame-sentence.js';
import { logisticScore, modelSlot, type LogisticModel } from '../lexicon/logistic.js';
import type { HoldInfo } from './hold.js';
import { impactLineScore, type ImpactCheck } from './impact.js';
import type { ReplyLine } from './lines.js';
import { promiseScore, type PromiseInfo } from './promises.js';
import { liveWords } from './words.js';

/** The model of rules/good-reply.model.json and its threshold. */
export interface GoodReplyModel extends LogisticModel {
  /** The reply counts as fine when the model gives it at least this. */
  threshold: number;
  /** A threshold per rule, in place of `threshold` (blame-language asks for more). */
  thresholds?: Record<string, number>;
}

/** The rules whose findings a fine reply drops. */
export const VETOED_RULES = ['acknowledge-impact', 'blame-language'] as const;
export type VetoedRule = (typeof VETOED_RULES)[number];

const slot = modelSlot<GoodReplyModel>('good-reply.model.json', (m) => typeof m.bias === 'number' && typeof m.threshold === 'number' && Boolean(m.weights) && typeof m.weights === 'object');

/**
 * Sets the model in place of the file (tests, and the trainer, which measures the rules alone with `null`).
 * @public
 */
export const useGoodReplyModel = slot.use;

/** The model, read on first use. */
export const goodReplyModel = slot.get;

/** What the reply model found, raw (before the good-reply model). */
export interface ReplyFacts {
  channel: string;
  lines: readonly ReplyLine[];
  spoken: readonly ReplyLine[];
  impact: ImpactCheck;
  promises: readonly PromiseInfo[];
  holds: readonly HoldInfo[];
  confirmation: ReplyLine | undefined;
  confirmNeeded: boolean;
  nextStep: ReplyLine | undefined;
  greeting: ReplyLine | undefined;
  signOff: ReplyLine | undefined;
  blame: number;
  robotic: number;
}

/** A count as a few bins: "name:0", "name:1", "name:2+" (or up to `top`). */
function count(f: Set<string>, name: string, n: number, top = 2): void {
  f.add(`${name}:${n >= top ? `${top}+` : n}`);
}

/** A score as cumulative steps: "name>0.2", "name>0.4"… for each step it passes. */
function steps(f: Set<string>, name: string, p: number | undefined, at: readonly number[]): void {
  if (p === undefined) return;
  for (const s of at) if (p >= s) f.add(`${name}>${s}`);
}

const STEPS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

/** The reply-wide features of the good-reply model. */
export function goodReplyFeatures(r: ReplyFacts): string[] {
  const f = new Set<string>();
  f.add(`ch:${r.channel}`);
  const spoken = r.spoken;
  count(f, 'lines', spoken.length, 12);
  if (spoken.length <= 3) f.add('lines<=3');
  else if (spoken.length <= 6) f.add('lines<=6');
  else if (spoken.length <= 10) f.add('lines<=10');
  else f.add('lines>10');
  const words = spoken.reduce((n, l) => n + liveWords(l).length, 0);
  f.add(words < 30 ? 'words<30' : words < 60 ? 'words<60' : words < 120 ? 'words<120' : words < 200 ? 'words<200' : 'words>=200');
  if (r.lines.some((l) => l.speaker === 'customer')) f.add('script');
  if (r.lines.some((l) => l.stage)) f.add('stage');
  count(f, 'questions', spoken.filter((l) => l.question).length);
  // Apologies, bad news, impact.
  // The model was trained before blame counted for impact (src/reply/impact.ts): it reads the check as it was then.
  const needs = r.impact.needs.filter((n) => !n.blame);
  const impact = r.impact.impact ?? r.impact.blamed;
  count(f, 'needs', needs.length, 3);
  for (const n of needs) f.add(`need:${n.kind}`);
  if (needs.some((n) => n.vague)) f.add('need:vague');
  if (impact) f.add('impact');
  if (needs.length && !impact) f.add('impact:open');
  const impactScores = spoken.map((l) => impactLineScore(l)).filter((p): p is number => p !== undefined);
  if (impactScores.length) steps(f, 'impact-max', Math.max(...impactScores), STEPS);
  // Promises and their time frames.
  const untimed = r.promises.filter((p) => !p.timeFrame);
  count(f, 'promises', r.promises.length, 3);
  count(f, 'untimed', untimed.length, 3);
  if (r.promises.some((p) => p.timeFrame)) f.add('timed');
  if (untimed.some((p) => p.condition)) f.add('untimed:condition');
  else if (untimed.some((p) => p.vague)) f.add('untimed:vague');
  const promiseScores = untimed.map((p) => promiseScore(p, spoken)).filter((p): p is number => p !== undefined);
  if (promiseScores.length) {
    steps(f, 'promise-max', Math.max(...promiseScores), STEPS);
    steps(f, 'promise-min', Math.min(...promiseScores), STEPS);
  }
  // Holds, the check, the next step, the frame of the reply.
  count(f, 'holds', r.holds.length);
  if (r.holds.some((h) => !h.asked)) f.add('hold:unasked');
  if (r.confirmation) f.add('confirm');
  if (r.confirmNeeded) f.add('confirm:needed');
  if (r.nextStep) f.add('next-step');
  if (r.greeting) f.add('greeting');
  if (r.signOff) f.add('sign-off');
  count(f, 'blame', r.blame);
  count(f, 'robotic', r.robotic);
  // Grammar that points at the customer's past action (the blame rule's cues and shapes), and a line that owns the fault.
  const cues = spoken.filter((l) => !l.question && blameCues(l.words).length > 0).length;
  count(f, 'blame-cues', cues);
  if (spoken.some((l) => blameShapes(l.words, l.question).length > 0)) f.add('blame-shape');
  if (spoken.some((l) => ownsFault(l.words) >= 0)) f.add('owns-fault');
  if (replyRefuses(spoken.map((l) => l.words))) f.add('refuses');
  return [...f];
}

/**
 * The model's probability that the reply is fine, or undefined with no model (for tools and tests).
 * @public
 */
export function goodReplyScore(r: ReplyFacts): number | undefined {
  const m = goodReplyModel();
  return m ? logisticScore(m, goodReplyFeatures(r)) : undefined;
}

/** The rules whose findings the model drops: those whose threshold the reply's score reaches (none with no model). */
export function goodReplyVetoes(r: ReplyFacts): ReadonlySet<VetoedRule> {
  const m = goodReplyModel();
  const p = goodReplyScore(r);
  if (!m || p === undefined) return new Set();
  return new Set(VETOED_RULES.filter((rule) => p >= (m.thresholds?.[rule] ?? m.threshold)));
}
