/**
 * robotic-phrase: stock lines that sound like a script, in all their
 * variants ("valued customer", "we apologise for any inconvenience caused",
 * "at your earliest convenience"). Patterns in rules/robotic-phrase.yml; the
 * reply model (src/reply/) keeps quotes and the customer's turns out.
 *
 * Entries marked `inScript` (category `courtesy`: "Thank you for your
 * email.", "Thanks for your patience.") are stock only when the same reply
 * has another stock line; alone they are a plain courtesy. When they do not
 * count, the line is matched again without them, so a courtesy hit never
 * hides a longer stock line that overlaps it.
 */
import { defineRule, replyChannels } from '../define-rule.js';
import { replyModel, type PhraseFinding } from '../../reply/model.js';
import { namesImpact } from '../../reply/impact.js';
import { hitsIn } from '../../reply/words.js';
import { reportPhrases } from '../kinds/reply-phrases.js';

/** The categories of rules/robotic-phrase.yml other than `courtesy` (rules/_schema/robotic-phrase.schema.json). */
const STOCK_CATEGORIES = ['apology', 'closing', 'empathy', 'filler', 'formula', 'stock', 'thanks'];

const courtesy = (f: PhraseFinding) => f.hit.value.inScript === true;

export default defineRule({
  id: 'robotic-phrase',
  family: 'care',
  description: 'Stock phrases that sound like a script ("your call is important to us")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    robotic: "'{{actual}}' sounds like a script: {{note}}",
  },
  check(doc, ctx) {
    // "…, so that's a wasted half-day for you and I completely understand your frustration": a stock line of empathy
    // in a sentence that names the impact in its own words is backed by it, not a script.
    const all = replyModel(doc).robotic.filter((f) => !(f.hit.value.category === 'empathy' && namesImpact(f.line)));
    if (!all.some(courtesy) || all.some((f) => !courtesy(f))) {
      reportPhrases(ctx, all, 'robotic', 'say it in your own words');
      return;
    }
    // Only courtesy lines: match their lines again without them.
    const lines = new Set(all.map((f) => f.line));
    const found: PhraseFinding[] = [];
    for (const line of lines) {
      const hits = STOCK_CATEGORIES.flatMap((c) => hitsIn(line, 'robotic-phrase', c));
      hits.sort((a, b) => a.first.start - b.first.start || b.last.start - a.last.start);
      let end = -1;
      for (const hit of hits) {
        if (hit.first.start <= end) continue;
        end = hit.last.start;
        found.push({ line, hit });
      }
    }
    // A stock line found this way makes the reply a script after all: courtesy lines it does not cover count too.
    const covered = (f: PhraseFinding) => found.some((g) => g.line === f.line && g.hit.first.start <= f.hit.last.start && f.hit.first.start <= g.hit.last.start);
    const extra = found.length ? all.filter((f) => !covered(f)) : [];
    reportPhrases(ctx, [...found, ...extra], 'robotic', 'say it in your own words');
  },
});
