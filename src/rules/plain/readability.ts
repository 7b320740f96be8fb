/**
 * readability: a paragraph whose Flesch–Kincaid grade is above the channel's
 * target. Reported at the paragraph so writers know where to start; the
 * document's grade goes in the report's `metrics` (engine/metrics.ts).
 *
 * Only running prose is judged (paragraphs and list items, not headings,
 * table cells or alt text), and only paragraphs of `minWords` words or more:
 * the formula swings wildly on a 10-word step ("Select Settings > Security")
 * and a short line is rarely the problem. Quoted blocks are the customer's
 * words, not ours.
 */
import { defineRule } from '../define-rule.js';
import { gradeLevel, statsOf } from '../../util/readability.js';

interface Options {
  /** Highest Flesch–Kincaid grade a paragraph may have. */
  target: number;
  /** Paragraphs with fewer words than this are not judged. */
  minWords: number;
}

const RUNNING = new Set(['paragraph', 'list-item', 'other']);

export default defineRule<Options>({
  id: 'readability',
  family: 'plain',
  description: 'A paragraph above the channel’s reading grade',
  // A grade is a statistic, not a defect: info keeps CI green and still shows where to start.
  // plainspoke:strict raises it to warning.
  defaultSeverity: 'info',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: {
    type: 'object',
    properties: {
      target: { type: 'number', minimum: 1, maximum: 20 },
      minWords: { type: 'integer', minimum: 1 },
    },
    additionalProperties: false,
  },
  defaults: { target: 8, minWords: 30 },
  channelDefaults: {
    article: { target: 8 },
    policy: { target: 10 },
    macro: { target: 6 },
    chat: { target: 6 },
    social: { target: 6 },
    email: { target: 7 },
    phone: { target: 7 },
  },
  messages: {
    hard: 'This paragraph reads at grade {{grade}}, above the grade {{target}} target: use shorter sentences and shorter words',
  },
  check(doc, ctx) {
    const { target, minWords } = ctx.options;
    for (const block of doc.prose) {
      if (!RUNNING.has(block.kind) || block.quote) continue;
      const sentences = block.sentences;
      if (!sentences.length) continue;
      const stats = statsOf(sentences);
      if (stats.words < minWords) continue;
      const grade = gradeLevel(stats);
      if (grade <= target) continue;
      const first = sentences[0];
      const last = sentences[sentences.length - 1];
      const span = block.spanOf(first.start, last.end);
      ctx.report({
        messageId: 'hard',
        span,
        data: { grade: grade.toFixed(1).replace(/\.0$/, ''), target },
        context: span,
      });
    }
  },
});
