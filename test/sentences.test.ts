/**
 * Sentence splitting on top of parse-english (src/document/prose.ts): the
 * places where it glues two sentences together, and the traps where a full
 * stop does not end one.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';

const sentences = (md: string) => createDoc('a.md', md, 'markdown', 'article').sentences.map((s) => s.text);
const quotedWords = (md: string) => createDoc('a.md', md, 'markdown', 'article').sentences.flatMap((s) => s.words.filter((w) => w.quoted).map((w) => w.text));

describe('sentence splitting', () => {
  it('ends a sentence at an everyday word parse-english reads as an abbreviation', () => {
    expect(sentences('Sign in. Then wait for the code.\n')).toEqual(['Sign in.', 'Then wait for the code.']);
    expect(sentences('Read it on a phone in the sun. Guidelines ask for more contrast.\n')).toEqual(['Read it on a phone in the sun.', 'Guidelines ask for more contrast.']);
    expect(sentences('The office shuts on the day we sat. Next week it opens.\n')).toEqual(['The office shuts on the day we sat.', 'Next week it opens.']);
    expect(sentences('Users must be under 13. If you are older, sign up.\n')).toEqual(['Users must be under 13.', 'If you are older, sign up.']);
  });

  it('ends a sentence at a lone capital before a word that opens sentences, and keeps initials in names', () => {
    expect(sentences('Homes sit in bands from A to H. The band depends on the price.\n')).toEqual(['Homes sit in bands from A to H.', 'The band depends on the price.']);
    expect(sentences('This is covered in Section B. You can leave at any time.\n')).toEqual(['This is covered in Section B.', 'You can leave at any time.']);
    expect(sentences('Ask J. Smith or Mary K. Jones for help.\n')).toHaveLength(1);
    expect(sentences('The run took 31 s. The next one was faster.\n')).toEqual(['The run took 31 s.', 'The next one was faster.']);
  });

  it('keeps abbreviations that are abbreviations', () => {
    expect(sentences('The cable is 12 in. Long cables cost more.\n')).toHaveLength(1);
    expect(sentences('We open Sun. Mon. and Tue. in summer.\n')).toHaveLength(1);
    expect(sentences('Wait for the code in. your inbox.\n')).toHaveLength(1);
  });

  it('starts a sentence at code after a full stop, question or exclamation mark', () => {
    expect(sentences('`0` means no errors. `1` means at least one error.\n')).toEqual(['xxx means no errors.', 'xxx means at least one error.']);
    expect(sentences('Did it work? `npm ci` installs it again!\n')).toEqual(['Did it work?', 'xxxxxxxx installs it again!']);
  });

  it('starts a sentence at a name written in lower case then capitals', () => {
    expect(sentences('Both boards show up on the network. mDNS finds them by name.\n')).toEqual(['Both boards show up on the network.', 'mDNS finds them by name.']);
    expect(sentences('Charge it fully. iPhone models need a newer cable.\n')).toEqual(['Charge it fully.', 'iPhone models need a newer cable.']);
    // Not after e.g., and not a plain lower-case word.
    expect(sentences('Use a phone, e.g. iPhone or Pixel, to scan it.\n')).toHaveLength(1);
    expect(sentences('Wait for the code in. your inbox.\n')).toHaveLength(1);
  });

  it('runs on through code after e.g. and i.e., and through code mid-sentence', () => {
    expect(sentences('Use a tool, e.g. `npm`, to install it.\n')).toHaveLength(1);
    expect(sentences('Use the package manager, i.e. `npm ci`, first.\n')).toHaveLength(1);
    expect(sentences('Run `npm ci` and then `npm test` to check.\n')).toHaveLength(1);
  });

  it('reads straight single quotes as quotation marks, not apostrophes', () => {
    expect(quotedWords("Avoid 'click here' in links.\n")).toEqual(['click', 'here']);
    expect(quotedWords("Select 'Save'. Then close it.\n")).toEqual(['Save']);
    expect(quotedWords('He wrote "see \'Billing\' first" to us.\n')).toEqual(['see', 'Billing', 'first']);
    // Apostrophes: a possessive, a contraction, a lone one before a word with no closing quote.
    expect(quotedWords("Open the users' settings and don't wait.\n")).toEqual([]);
    expect(quotedWords("Music from the '90s plays while you wait.\n")).toEqual([]);
    expect(quotedWords("Open the users' page, then 'Billing', then save.\n")).toEqual(['Billing']);
  });
});
