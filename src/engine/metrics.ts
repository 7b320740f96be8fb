/** Per-file metrics for the JSON report (words, sentences, grade, reading time). */
import type { Doc } from '../document/document.js';
import type { FileMetrics } from '../types.js';
import { addStats, readabilityOf, statsOf } from '../util/readability.js';
import { knownLanguage } from '../lexicon/language.js';
import { REPLY_CHANNELS } from '../types.js';
import { computeCareRubric } from '../care/rubric.js';

/** Average adult silent reading speed for non-fiction (Brysbaert 2019). */
const WORDS_PER_MINUTE = 238;

export function computeMetrics(doc: Doc): FileMetrics {
  // The grade comes from running prose only: headings, cells and alt text are not sentences.
  const isRunning = (b: Doc['prose'][number]) => b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'other';
  // The grade in the file's language's own formula (issue 14), as a US school grade; `language` says which.
  const language = knownLanguage(doc) ?? 'en';
  // Each sentence counted once (issue 19): the whole file's counts are the running prose's plus the rest's.
  const prose = statsOf(doc.prose.filter(isRunning).flatMap((b) => b.sentences), language);
  const all = addStats(prose, statsOf(doc.prose.filter((b) => !isRunning(b)).flatMap((b) => b.sentences), language));
  return {
    words: all.words,
    sentences: all.sentences,
    gradeLevel: readabilityOf(prose, language).grade,
    language,
    readingTimeMinutes: all.words ? Math.max(1, Math.ceil(all.words / WORDS_PER_MINUTE)) : 0,
    // The care rubric scores replies only (src/care/rubric.ts); articles and policies have none.
    ...(REPLY_CHANNELS.includes(doc.channel) ? { care: computeCareRubric(doc) } : {}),
  };
}
