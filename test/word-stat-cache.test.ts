/**
 * Issue 19: statsOf keeps each word's count on the word (prose.ts `enStat`, `enStatOf`). The kept count
 * must give the same stats as counting afresh, and a copy of a word with another text must count again.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import type { Word } from '../src/document/prose.js';
import { statsOf } from '../src/util/readability.js';

const TEXT = 'The administrator configured the authentication settings yesterday. Then the ATmega4809 board rebooted.';

/** The same words as plain objects without the kept count (as other code may build them). */
function bare(words: readonly Word[]): Word[] {
  return words.map(({ enStat: _s, enStatOf: _o, ...rest }) => rest);
}

describe('statsOf with counts kept on the words', () => {
  it('gives the same stats the first time, the second time and for words without the fields', () => {
    const doc = createDoc('a.md', TEXT, 'markdown', 'article');
    const fresh = statsOf(doc.sentences.map((s) => ({ words: bare(s.words) })));
    const first = statsOf(doc.sentences);
    const second = statsOf(doc.sentences);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(fresh).toEqual({ words: 12, sentences: 2, syllables: 27, polysyllables: 5, longWords: 6 });
  });

  it('counts a copy of a word with another text again', () => {
    const doc = createDoc('a.md', TEXT, 'markdown', 'article');
    const words = doc.sentences[0].words;
    statsOf([{ words }]);
    const long = words.find((w) => w.text === 'authentication')!;
    expect(long.enStatOf).toBe('authentication');
    const copy = { ...long, text: 'cat' };
    expect(statsOf([{ words: [copy] }])).toEqual(statsOf([{ words: bare([copy]) }]));
    expect(statsOf([{ words: [copy] }])).toEqual({ words: 1, sentences: 1, syllables: 1, polysyllables: 0, longWords: 0 });
  });
});
