/**
 * Suggested words in the form of the word found (src/lexicon/word-form.ts, issue 14, 1.17): blind audits of jargon
 * and simpler-words found verbs offered for adjectives ("Optimized design" → "Improve") and swaps that did not agree
 * ("modifications" → "change").
 */
import { describe, expect, it } from 'vitest';
import { fitSwaps, inflectPhrase, participleBeforeNoun } from '../src/lexicon/word-form.js';

const optimise = {
  match: ['optimise', 'optimize', 'optimises', 'optimizes', 'optimised', 'optimized', 'optimising', 'optimizing', 'optimisation', 'optimization', 'optimisations', 'optimizations'],
  replace: ['improve', 'make better'],
  forms: { noun: ['improvement', 'improvements'] },
};
const streamline = { match: ['streamline', 'streamlines', 'streamlined', 'streamlining'], replace: ['simplify', 'speed up'] };
const reach = { match: ['reach out', 'reached out', 'reaching out', 'reach out to', 'reached out to', 'reaching out to'], replace: ['contact', 'get in touch with'] };
const deprecate = { match: ['deprecated', 'deprecate', 'deprecates', 'deprecating', 'deprecation'], replace: ['no longer supported', 'being retired'] };
const including = { match: ['including without limitation', 'including, without limitation'], replace: ['including'] };
const fit = (actual: string, entry: { match: string[]; replace: string[]; forms?: unknown }, beforeNoun = false) => fitSwaps({ actual, entry, beforeNoun });

describe('swaps in the form of the word found', () => {
  it('inflect a verb entry to the tense found', () => {
    expect(fit('optimises', optimise)).toEqual(['improves', 'makes better']);
    expect(fit('streamlined', streamline)).toEqual(['simplified', 'sped up']);
    expect(fit('streamlining', streamline)).toEqual(['simplifying', 'speeding up']);
    expect(fit('reaching out to', reach)).toEqual(['contacting', 'getting in touch with']);
    expect(fit('Reached out', reach)).toEqual(['contacted', 'got in touch with']);
  });
  it('give a participle before a noun one-word swaps only', () => {
    expect(fit('Optimized', optimise, true)).toEqual(['improved']);
    expect(fit('streamlined', streamline, true)).toEqual(['simplified']);
  });
  it("give a noun the entry's noun swaps, agreeing in number, or none", () => {
    expect(fit('optimisation', optimise)).toEqual(['improvement']);
    expect(fit('optimizations', optimise)).toEqual(['improvements']);
    expect(fit('deprecation', deprecate)).toEqual([]);
  });
  it('give no swap when the swaps are for another form and cannot be moved', () => {
    expect(fit('deprecate', deprecate)).toEqual([]);
    expect(fit('deprecated', deprecate)).toEqual(['no longer supported', 'being retired']);
  });
  it('keep the one of a pair that agrees', () => {
    const mod = { match: ['modification', 'modifications'], replace: ['change', 'changes'] };
    expect(fit('modifications', mod)).toEqual(['changes']);
    expect(fit('Modification', mod)).toEqual(['change']);
    const applicable = { match: ['is applicable to', 'are applicable to'], replace: ['applies to', 'apply to'] };
    expect(fit('is applicable to', applicable)).toEqual(['applies to']);
    expect(fit('are applicable to', applicable)).toEqual(['apply to']);
  });
  it('leave entries of one form, and marks around a word, alone', () => {
    expect(fit('including, without limitation', including)).toEqual(['including']);
    expect(fit('utilise', { match: ['utilize', 'utilise'], replace: ['use'] })).toEqual(['use']);
  });
  it('inflect the first word of a phrase, irregular verbs too', () => {
    expect(inflectPhrase('meet', 'ed')).toBe('met');
    expect(inflectPhrase('get in touch with', 's')).toBe('gets in touch with');
  });
  it('read a participle as an adjective only before a noun', () => {
    expect(participleBeforeNoun('^', 'design')).toBe(true);
    expect(participleBeforeNoun('a', 'setup')).toBe(true);
    expect(participleBeforeNoun('we', 'the')).toBe(false);
    expect(participleBeforeNoun('is', 'for')).toBe(false);
    expect(participleBeforeNoun('^', undefined)).toBe(false);
  });
});
