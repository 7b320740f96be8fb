/**
 * The model of a support reply, built once per document and shared by the
 * care rules and the care rubric (so a rule finding and a rubric gap always
 * agree): its lines and who speaks them, greeting and sign-off, apologies,
 * bad news and impact, promises and their time frames, holds and transfers,
 * the check of understanding, the next step, blame and stock phrases.
 *
 * Everything is computed lazily, on first use: a rule that only needs the
 * holds never builds the promises.
 */
import type { Doc } from '../document/document.js';
import { goodReplyFeatures, goodReplyVetoes, type ReplyFacts, type VetoedRule } from './good-reply.js';
import { confirmationOf, continuesOnOurSide, modelConfirmationOf } from './confirmation.js';
import { holdsOf, type HoldInfo } from './hold.js';
import { impactOf, type ImpactCheck } from './impact.js';
import { replyLines, type ReplyLine } from './lines.js';
import { nextStepOf } from './next-step.js';
import { promisesOf, type PromiseInfo } from './promises.js';
import { hitsIn, liveWords, wordList, type Hit } from './words.js';

export type { ReplyLine } from './lines.js';
export type { PromiseInfo } from './promises.js';
export type { HoldInfo } from './hold.js';
export type { ImpactCheck } from './impact.js';

export interface PhraseFinding {
  line: ReplyLine;
  hit: Hit;
}

export interface ReplyModel {
  /** Every line, the customer's turns included. */
  readonly lines: readonly ReplyLine[];
  /** The agent's own words: no customer turns, no stage directions. */
  readonly spoken: ReplyLine[];
  readonly greeting: ReplyLine | undefined;
  readonly signOff: ReplyLine | undefined;
  readonly impact: ImpactCheck;
  readonly promises: PromiseInfo[];
  readonly holds: HoldInfo[];
  readonly confirmation: ReplyLine | undefined;
  /** Whether the reply needs a check at all: a short thank-you for praise does not. */
  readonly confirmNeeded: boolean;
  readonly nextStep: ReplyLine | undefined;
  readonly blame: PhraseFinding[];
  readonly robotic: PhraseFinding[];
  /**
   * The rules the good-reply model (src/reply/good-reply.ts) drops, sure the reply is fine: with acknowledge-impact,
   * `impact` has no need; with blame-language, the rule drops a lone finding. `promises` is never changed.
   */
  readonly vetoed: ReadonlySet<VetoedRule>;
  /** The facts the good-reply model reads, before it: the trainer (scripts/train-good-reply.mjs) reads them. */
  readonly facts: ReplyFacts;
}

const models = new WeakMap<Doc, ReplyModel>();

/** The reply model of a document, built once. */
export function replyModel(doc: Doc): ReplyModel {
  let m = models.get(doc);
  if (!m) models.set(doc, (m = build(doc)));
  return m;
}

function lazy<T>(fn: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = fn();
      done = true;
    }
    return v;
  };
}

function build(doc: Doc): ReplyModel {
  const lines = lazy(() => replyLines(doc));
  const spoken = lazy(() => lines().filter((l) => l.speaker === 'agent' && !l.stage));
  const promises = lazy(() => promisesOf(spoken(), lines()));
  const phrases = (name: string) => lazy(() => spoken().flatMap((line) => hitsIn(line, name).map((hit) => ({ line, hit }))));
  const blame = phrases('blame-language');
  const robotic = phrases('robotic-phrase');
  const rawImpact = lazy(() => impactOf(spoken(), lines()));
  const holds = lazy(() => holdsOf(lines()));
  const confirmation = lazy(() => confirmationOf(spoken(), lines()) ?? modelConfirmationOf(spoken(), doc.channel));
  // Whether the reply needs a check (rules/confirm-understanding.md, "When a reply needs a check").
  const confirmNeeded = lazy(() => {
    const s = spoken();
    // A short thank-you for praise.
    if (s.length <= 4 && rawImpact().needs.length === 0 && s.some((l) => hitsIn(l, 'confirm-understanding', 'praise').length > 0)) return false;
    // A caller's last "Okay." is no check (session 1.17): seven writers still wanted one, none let it pass.
    // A macro is a notice: it needs a check only when it leaves something open, bad news or a wait with no date.
    // Bad news that already says what it means for the customer, with nothing promised open, leaves nothing open.
    if (doc.channel === 'macro') return (rawImpact().needs.length > 0 && !rawImpact().impact) || promises().some((p) => !p.timeFrame);
    // We speak next, at a stated time ("Sam will DM you within the hour"): that contact is the check.
    // Not on a live call, and not after bad news that does not say what it means for the customer.
    const impactNamed = rawImpact().needs.length === 0 || rawImpact().impact !== undefined;
    if (doc.channel !== 'phone' && impactNamed && holds().length === 0 && continuesOnOurSide(s, promises(), isSignOff)) return false;
    return true;
  });
  const nextStep = lazy(() => nextStepOf(spoken(), new Set(promises().map((p) => p.line))));
  const greeting = lazy(() => spoken().find((l, i) => i < 2 && l.opens && wordList('greeting').has(liveWords(l)[0]?.lower ?? '')));
  const signOff = lazy(() => {
    const s = spoken();
    for (let i = s.length - 1; i >= Math.max(0, s.length - 3); i--) if (isSignOff(s[i])) return s[i];
    return undefined;
  });
  const facts = lazy((): ReplyFacts => ({
    channel: doc.channel,
    lines: lines(),
    spoken: spoken(),
    impact: rawImpact(),
    promises: promises(),
    holds: holds(),
    confirmation: confirmation(),
    confirmNeeded: confirmNeeded(),
    nextStep: nextStep(),
    greeting: greeting(),
    signOff: signOff(),
    blame: blame().length,
    robotic: robotic().length,
  }));
  const vetoed = lazy(() => goodReplyVetoes(facts()));
  // A fine reply: no unmet impact, for the rules and the rubric alike.
  const impact = lazy((): ImpactCheck => {
    const raw = rawImpact();
    return raw.needs.length && !raw.impact && vetoed().has('acknowledge-impact') ? { needs: [] } : raw;
  });
  return {
    get lines() { return lines(); },
    get spoken() { return spoken(); },
    get greeting() { return greeting(); },
    get signOff() { return signOff(); },
    get impact() { return impact(); },
    get promises() { return promises(); },
    get holds() { return holds(); },
    get confirmation() { return confirmation(); },
    get confirmNeeded() { return confirmNeeded(); },
    get nextStep() { return nextStep(); },
    get blame() { return blame(); },
    get robotic() { return robotic(); },
    get vetoed() { return vetoed(); },
    get facts() { return facts(); },
  };
}

/**
 * The good-reply model's features for a document (scripts/train-good-reply.mjs imports it from dist/).
 * @public
 */
export function goodReplyFeaturesOf(doc: Doc): string[] {
  return goodReplyFeatures(replyModel(doc).facts);
}

/** A short closing line: "Best, Sam", "Thanks, the Support team", "Have a good day". */
export function isSignOff(l: ReplyLine): boolean {
  const words = l.words.filter((w) => !w.masked);
  return words.length > 0 && words.length <= 6 && wordList('sign-off').has(words[0].lower);
}
