/**
 * Small helpers over reply lines: pattern hits from the care tables, the
 * words as written, second person, and the reply's own word lists
 * (rules/care-reply.yml).
 */
import type { Word } from '../document/prose.js';
import type { PhraseEntry } from '../lexicon/data.js';
import { table } from '../lexicon/data.js';
import type { PatternHit } from '../lexicon/care-patterns.js';
import { patternHits } from '../lexicon/care-tables.js';
import { inException } from '../lexicon/tables.js';
import type { ReplyLine } from './lines.js';

export type Hit = PatternHit<PhraseEntry>;

/** Hits of one category of a care table in a line; quoted and masked words never match; exceptions honoured; an entry with `skipQuestions` never matches a question ("You picked the wrong plan? No worries"). */
export function hitsIn(line: ReplyLine, name: string, category?: string): Hit[] {
  return patternHits(name, { words: line.words, text: line.block.text }, category).filter((h) => !inException(line.sentence, h) && !(line.question && h.value.skipQuestions === true));
}

/** The words of a hit as written. */
export function hitText(line: ReplyLine, first: Word, last: Word): string {
  return line.block.text.slice(first.start, last.end).replace(/\s+/g, ' ');
}

/** Words the customer can read (not masked, not quoted). */
export function liveWords(line: ReplyLine): Word[] {
  return line.words.filter((w) => !w.masked && !w.quoted);
}

const YOU = new Set(['you', 'your', 'yours', 'yourself', "you're", "you've", "you'll", "you'd", 'you’re', 'you’ve', 'you’ll', 'you’d']);

/** The line talks to or about the customer. */
export function mentionsYou(line: ReplyLine): boolean {
  return line.words.some((w) => !w.masked && !w.quoted && YOU.has(w.lower));
}

const lists = new Map<string, Set<string>>();

/** A word list from rules/care-reply.yml (one `category`), as a set of lower-case words. */
export function wordList(category: string, name = 'care-reply'): Set<string> {
  const key = `${name}#${category}`;
  let s = lists.get(key);
  if (!s) {
    s = new Set(table(name).entries.filter((e) => e.category === category).flatMap((e) => e.match.map((m) => m.toLowerCase().replace(/’/g, "'"))));
    lists.set(key, s);
  }
  return s;
}
