/**
 * The care rubric (metrics.care): the four things a caring reply does, read
 * from the same reply model as the care rules (src/reply/), so a rule
 * finding and a rubric gap always agree:
 *
 * - namesImpact (src/reply/impact.ts): no apology or bad news, or a line
 *   names what it meant for the customer. acknowledge-impact reports when unmet.
 * - offersNextStep (src/reply/next-step.ts): an option, an instruction, an
 *   action taken or a promise of action (rubric only, no rule).
 * - timeFrame (src/reply/promises.ts): no promise of follow-up, or every
 *   promise has a time frame. time-bound-commitment reports each one without.
 * - confirmsUnderstanding (src/reply/confirmation.ts): a check, an
 *   invitation or a question. confirm-understanding reports when unmet.
 *
 * `line` is the line that meets the criterion; it is left out when a
 * criterion is met because there was nothing to meet (no bad news, no promise).
 */
import type { Doc } from '../document/document.js';
import { replyModel, type ReplyLine } from '../reply/model.js';
import type { CareCriterion, CareRubric } from '../types.js';

/** The care rubric for one reply (CareRubric in src/types.ts). */
export function computeCareRubric(doc: Doc): CareRubric {
  const model = replyModel(doc);
  const at = (l: ReplyLine | undefined): CareCriterion => (l ? { met: true, line: doc.loc.point(l.span.start).line } : { met: false });

  const impact = model.impact;
  const namesImpact: CareCriterion = impact.needs.length === 0 ? { met: true } : at(impact.impact);

  const promises = model.promises;
  const untimed = promises.filter((p) => !p.timeFrame);
  const timeFrame: CareCriterion = promises.length === 0 ? { met: true } : untimed.length ? { met: false } : at(promises[0].timeFrame);

  const offersNextStep = at(model.nextStep);
  const confirmsUnderstanding: CareCriterion = model.confirmation || model.confirmNeeded ? at(model.confirmation) : { met: true };
  const score = [namesImpact, offersNextStep, timeFrame, confirmsUnderstanding].filter((c) => c.met).length;
  return { namesImpact, offersNextStep, timeFrame, confirmsUnderstanding, score };
}
