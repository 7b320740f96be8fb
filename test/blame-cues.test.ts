// The blame-language grammar cues added in session 1.6 (counting, going over it before, stress,
// other customers, "please read"), and the clause check on pattern hits.
import { describe, expect, it } from 'vitest';
import { blameCues, crossesClause } from '../src/lexicon/blame-features.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean).map((w) => ({ lower: w.toLowerCase().replace(/[.,;:!?]+$/, ''), masked: false, quoted: false }));
const cues = (s: string) => {
  const ws = s.split(/\s+/).filter(Boolean);
  return blameCues(words(s)).map((c) => `${c.kind}:${ws.slice(c.first, c.last + 1).join(' ')}`);
};

describe('blame cues, session 1.6', () => {
  it('finds counting, going over it before, stress, other customers and "please read"', () => {
    expect(cues('For the third time, the shuttle leaves from gate B.')).toContain('repeat:the third time,');
    expect(cues('We have replied to you three times already.')).toContain('repeat:three times');
    expect(cues('I went through this with you on Monday.')).toContain('reminder:I went through this with you on Monday.');
    expect(cues('You really can\'t miss the red button.')).toContain("emphasis:can't miss");
    expect(cues('Everyone else manages it fine.')).toEqual(['others:Everyone else manages']);
    expect(cues('Please do read the care card first.')).toEqual(['documented:Please do read']);
  });

  it('leaves choices of time, our own checks and places alone', () => {
    expect(cues('You can pick two times that suit you.')).toEqual([]);
    expect(cues('Most customers choose the yearly plan.')).toEqual([]);
    expect(cues('It sounds like a leak on your side of the boundary.')).toEqual([]);
  });
});

describe('crossesClause', () => {
  it('is true when a hit runs into a new clause of ours', () => {
    expect(crossesClause("it's in, I'll send you the tenancy agreement")).toBe(true);
    expect(crossesClause("it's in and I'll send you the form")).toBe(true);
  });

  it('is false inside one clause, or when the next clause is theirs', () => {
    expect(crossesClause('When you signed up, you ticked')).toBe(false);
    expect(crossesClause('it is in and I think')).toBe(false);
    expect(crossesClause('You selected standard delivery at checkout, so')).toBe(false);
  });
});
