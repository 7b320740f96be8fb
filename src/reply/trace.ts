/**
 * A debug hook for the care rules that read the reply model (acknowledge-impact, hold-permission,
 * time-bound-commitment): each calls it with the reply model and what it reported, so a counts-only
 * diagnostic (scripts/care-clean-fire-causes.mjs) can say which layer fired. Unset, it costs one check.
 */
import type { Doc } from '../document/document.js';
import type { ReplyModel } from './model.js';

export type CareTrace = (rule: string, doc: Doc, model: ReplyModel, reported: readonly unknown[]) => void;

let hook: CareTrace | undefined;

/**
 * Sets (or clears) the hook.
 * @public
 */
export function traceCare(fn?: CareTrace): void {
  hook = fn;
}

/** Calls the hook when one is set. */
export function careTraced(rule: string, doc: Doc, model: ReplyModel, reported: readonly unknown[]): void {
  hook?.(rule, doc, model, reported);
}
