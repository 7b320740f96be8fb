/**
 * Turns in a script. The customer's turns ("Customer: I was charged twice…", "Caller: …"): their words, not
 * the writer's. The care rules read them as the customer's already (src/reply/lines.ts); the writing
 * rules (sentence length, passive voice, plainer words…) must not ask the writer to shorten or
 * reword what the customer said. A turn runs from the start of its text line, label included, to
 * the end of its last word.
 */
import type { Doc } from '../document/document.js';
import type { Span } from '../types.js';
import { replyLines } from './lines.js';

/** The spans of the customer's turns, in order; none when no line carries a customer label. */
export function customerTurnSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const line of replyLines(doc)) {
    if (line.speaker !== 'customer' || !line.labelled) continue;
    const start = doc.text.lastIndexOf('\n', line.span.start - 1) + 1;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, line.span.end);
    else out.push({ start, end: line.span.end });
  }
  return out;
}

/**
 * Where each speaker label of a script starts ("Agent:", "**Customer:**"): a label is not one of the
 * sentence's words, so sentence-length neither counts it nor quotes it ("Agent I'm sorry…").
 */
export function speakerLabelStarts(doc: Doc): Set<number> {
  const out = new Set<number>();
  for (const line of replyLines(doc)) {
    if (!line.labelled || !line.opens) continue;
    const words = line.sentence.words;
    const at = words.indexOf(line.words[0]);
    const label = at > 0 ? words[at - 1] : undefined;
    if (label && doc.text.slice(label.span.end, line.words[0].span.start).includes(':')) out.add(label.span.start);
  }
  return out;
}
