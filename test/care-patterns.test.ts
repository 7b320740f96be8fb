/**
 * The grammar-aware care patterns (src/lexicon/care-patterns.ts): lemmas,
 * contractions, gaps, word classes, `unless`, and every care table compiling.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { compilePattern, PatternError, PatternMatcher } from '../src/lexicon/care-patterns.js';
import { compileTable, patternHits } from '../src/lexicon/care-tables.js';
import { expandWord, formsOf } from '../src/lexicon/lemma.js';

function hits(pattern: string, text: string): string[] {
  const m = new PatternMatcher<string>();
  m.add(pattern, pattern);
  const doc = createDoc('t.md', text, 'markdown', 'email');
  return doc.sentences.flatMap((s) => m.find({ words: s.words, text: s.block.text }).map((h) => s.block.text.slice(h.first.start, h.last.end)));
}

describe('word forms', () => {
  it('inflects regular and irregular verbs', () => {
    expect(formsOf('mention')).toEqual(expect.arrayContaining(['mention', 'mentions', 'mentioned', 'mentioning']));
    expect(formsOf('tell')).toEqual(['tell', 'tells', 'told', 'telling']);
    expect(formsOf('state')).toEqual(expect.arrayContaining(['stated', 'stating', 'states']));
    expect(formsOf('apply')).toEqual(expect.arrayContaining(['applies', 'applied', 'applying']));
    expect(formsOf('stop')).toEqual(expect.arrayContaining(['stopped', 'stopping']));
  });

  it('reads contractions as the words they stand for', () => {
    expect(expandWord("should've")).toEqual([['should'], ['have']]);
    expect(expandWord('won’t')).toEqual([['will'], ['not']]);
    expect(expandWord("you'd")).toEqual([['you'], ['would', 'had']]);
    expect(expandWord("customer's")).toEqual([["customer's"]]);
    expect(expandWord("it's")).toEqual([['it'], ['is', 'has']]);
  });
});

describe('pattern matcher', () => {
  const reminder = 'as {i|we} {0-3} <tell|say|explain|mention|state>';

  it('covers tense, person and inserted words with one entry', () => {
    expect(hits(reminder, 'As I mentioned in my previous reply, the fee stays.')).toEqual(['As I mentioned']);
    expect(hits(reminder, 'As we have already explained, the fee stays.')).toEqual(['As we have already explained']);
    expect(hits(reminder, "As I've told you twice, the fee stays.")).toEqual(["As I've told"]);
    expect(hits(reminder, 'As you said, the fee stays.')).toEqual([]);
  });

  it('matches a contraction in either spelling', () => {
    expect(hits("you should've [PP]", 'You should have checked the form.')).toEqual(['You should have checked']);
    expect(hits('you should have [PP]', "You should've checked the form.")).toEqual(["You should've checked"]);
    expect(hits('if you {had} [PP]', "If you'd read the email, you would know.")).toEqual(["If you'd read"]);
  });

  it('never matches quoted words or across punctuation without a gap', () => {
    expect(hits('you failed to', 'She wrote "you failed to pay" in her email.')).toEqual([]);
    expect(hits('please hold', 'Please, hold the door.')).toEqual([]);
    expect(hits('please {0-1} hold', 'Please, hold the door.')).toEqual(['Please, hold']);
  });

  it('reads optional words and word classes', () => {
    expect(hits('you did [NEG] [ADV]? enter', "You didn't actually enter the code.")).toEqual(["You didn't actually enter"]);
    expect(hits('you did [NEG] [ADV]? enter', 'You did not enter the code.')).toEqual(['You did not enter']);
    expect(hits('[NUM] {minute|minutes}', 'It takes about 2 minutes or two minutes.')).toEqual(['2 minutes', 'two minutes']);
  });

  it('anchors a word to the start of the line with ^', () => {
    expect(hits('^again', 'Again, the voucher only works on full-price items.')).toEqual(['Again']);
    expect(hits('^again', 'Thanks again for your patience.')).toEqual([]);
    expect(hits('^once more', 'Once more, the code expired on Sunday.')).toEqual(['Once more']);
    expect(() => compilePattern('^{once more|yet again}')).toThrow(PatternError);
  });

  it('rejects a malformed pattern with a message that names it', () => {
    expect(() => compilePattern('{as|like')).toThrow(PatternError);
    expect(() => compilePattern('you [VERBISH]')).toThrow(/not a word class/);
    expect(() => compilePattern('you {0-9} failed')).toThrow(/at most 6/);
  });

  it('compiles every care table', () => {
    for (const name of ['blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding']) {
      expect(compileTable(name)).toBeGreaterThan(5);
    }
  });

  it('drops a hit inside an `unless` pattern', () => {
    const doc = createDoc('t.md', 'You should have received an email. You should have read the guide.', 'markdown', 'email');
    const found = doc.sentences.flatMap((s) => patternHits('blame-language', { words: s.words, text: s.block.text }, 'hindsight').map((h) => s.block.text.slice(h.first.start, h.last.end)));
    expect(found).toEqual(['You should have read']);
  });
});
