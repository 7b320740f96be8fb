// The blame-language grammar cues added in session 1.6 (counting, going over it before, stress,
// other customers, "please read"), and the clause check on pattern hits.
import { describe, expect, it } from 'vitest';
import { blameCues, blameShapes, crossesClause, ownsFault, waivesCharge } from '../src/lexicon/blame-features.js';

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

const shapes = (s: string, question = false) => {
  const ws = s.split(/\s+/).filter(Boolean);
  return blameShapes(words(s), question).map((c) => `${c.kind}:${ws.slice(c.first, c.last + 1).join(' ')}`);
};

describe('blame shapes and kind shapes, session 1.10', () => {
  it('finds sarcasm, their failure, a rhetorical question and counting our answers', () => {
    expect(shapes("I'm not sure how much plainer the label could be.")).toEqual(['sarcasm:not sure how much plainer']);
    expect(shapes('We cannot really be expected to read minds.')).toEqual(['sarcasm:We cannot really be expected to read']);
    expect(shapes('As nobody had thought to ring us, the van left.')).toEqual(['their-failure:nobody had thought to']);
    expect(shapes("Most owners don't bother checking the filter.")).toEqual(["others:Most owners don't bother checking"]);
    expect(shapes('Did you test the socket before booking?', true)).toEqual(['hindsight:Did you test the socket before booking?']);
    expect(shapes("We've answered your question twice now.")).toEqual(["repeat:We've answered your question twice"]);
    expect(shapes("You've had the manual since March.")).toEqual(["documented:You've had the manual since"]);
  });

  it('leaves our own failures, choices, offers and real questions alone', () => {
    expect(shapes('Nobody thought to tell you about the closure.')).toEqual([]);
    expect(shapes("I've chased the depot three times today.")).toEqual([]);
    expect(shapes('Did you get the code I sent?', true)).toEqual([]);
    expect(shapes("Don't bother printing the label.")).toEqual([]);
    expect(shapes("You've had the phone for two years.")).toEqual([]);
    expect(shapes("Prices shouldn't come as a surprise.")).toEqual([]);
  });

  it('reads "we told you the wrong time" as our fault, and a charge let go as kind', () => {
    expect(ownsFault(words('We told you the wrong delivery time.'))).toBe(0);
    expect(ownsFault(words('I said you entered the wrong code.'))).toBe(-1);
    expect(waivesCharge(words('Because of the strike, the late fee has been removed.'))).toBe(true);
    expect(waivesCharge(words("It's on the booking, but we'll drop the fee this once."))).toBe(false);
  });
});
