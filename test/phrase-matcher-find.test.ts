/**
 * Issue 19: PhraseMatcher.find() looks at a word's first node before walking, and reads the gap between two
 * words without a copy when it is empty or one space. The hits must stay as they were: longest match, left to
 * right, words of a phrase only joined by blanks, masked and quoted words never matched, exact case kept.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { PhraseMatcher } from '../src/lexicon/phrase-matcher.js';

function hits(text: string, quoted = true): string[] {
  const m = new PhraseMatcher<string>();
  m.add('log in', 'a');
  m.add('log in to', 'b');
  m.addLazily('in order to', 'c');
  m.add('ATM', 'd', true);
  const doc = createDoc('a.md', text, 'markdown', 'article');
  return doc.sentences.flatMap((s) => m.find(s, { skipQuoted: quoted }).map((h) => `${h.value}:${h.words.map((w) => w.text).join(' ')}`));
}

describe('PhraseMatcher.find', () => {
  it('takes the longest phrase and goes on after it', () => {
    expect(hits('You log in to the site in order to pay.')).toEqual(['b:log in to', 'c:in order to']);
  });
  it('joins words over any blank run but not over punctuation', () => {
    expect(hits('Then log  in now.')).toEqual(['a:log in']);
    expect(hits('Then log\nin now.')).toEqual(['a:log in']);
    expect(hits('Then log, in order to pay.')).toEqual(['c:in order to']);
  });
  it('keeps exact case and leaves code and quoted words alone', () => {
    expect(hits('Use the ATM or the atm.')).toEqual(['d:ATM']);
    expect(hits('Run `log` in to start.')).toEqual([]);
    expect(hits('He said "log in" there.')).toEqual([]);
    expect(hits('He said "log in" there.', false)).toEqual(['a:log in']);
  });
});
