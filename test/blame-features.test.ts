// The blame-language sentence model: the grammar cues it may speak about, and its data file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blameCues, blameFeatures, blameScore, ownsFault, type BlameModel } from '../src/lexicon/blame-features.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean).map((w) => ({ lower: w.toLowerCase().replace(/[.,;:!?]+$/, ''), masked: false, quoted: false }));
const cues = (s: string) => {
  const ws = s.split(/\s+/).filter(Boolean);
  return blameCues(words(s)).map((c) => `${c.kind}:${ws.slice(c.first, c.last + 1).join(' ')}`);
};

describe('blame cues', () => {
  it('finds hindsight, their action, reminders and missed steps, and quotes those words', () => {
    expect(cues('You should have read the guide first.')).toEqual(['hindsight:You should have read']);
    expect(cues('Clearing the gutters would have stopped the damp.')).toEqual(['hindsight:would have stopped']);
    expect(cues('If the form had been signed, it would have gone through.')).toContain('hindsight:If the form had been signed,');
    expect(cues('You left it on the default setting.')).toEqual(['you-did:You left it']);
    expect(cues('As I said in my last email, the fee stands.')[0]).toBe('reminder:As I said');
    expect(cues('The readings were not submitted for months.')).toEqual(['step-missed:readings were not submitted']);
  });

  it('leaves our own fault, conditions and plain steps alone', () => {
    expect(cues('I should have mentioned it sooner.')).toEqual([]);
    expect(cues('If you signed in with Google, use that button.')).toEqual([]);
    expect(cues('Add the previous email address to the account.')).toEqual([]);
    expect(cues('You are on the account page now.')).toEqual([]);
    expect(cues('You agree to these terms.')).toEqual([]);
  });
});

describe('rules/blame-language.model.json', () => {
  const model = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'rules', 'blame-language.model.json'), 'utf8')) as BlameModel;

  it('is a logistic model with a threshold and numeric weights over the features the code makes', () => {
    expect(model.threshold).toBeGreaterThanOrEqual(0.5);
    expect(model.threshold).toBeLessThan(1);
    expect(typeof model.bias).toBe('number');
    const keys = Object.keys(model.weights);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.every((k) => /^[wslcqg]:/.test(k) && Number.isFinite(model.weights[k]))).toBe(true);
  });

  it('scores hindsight about their action above the threshold and our own plans below it', () => {
    const score = (s: string) => blameScore(model, blameFeatures(words(s)));
    expect(score('Checking the tyre pressure before the trip would have avoided the blowout.')).toBeGreaterThanOrEqual(model.threshold);
    expect(score('The parcel would have reached you on Tuesday if our van had not broken down.')).toBeLessThan(model.threshold);
  });
});

describe('ownsFault', () => {
  it('covers a sentence that owns the fault, and what follows an apology', () => {
    expect(ownsFault(words('As we discussed, the fee was charged twice, which was our error.'))).toBe(0);
    expect(ownsFault(words('That was my own mistake, and the refund is on its way.'))).toBe(0);
    expect(ownsFault(words("I'm sorry you spent the week worrying that you'd missed the date."))).toBe(1);
    expect(ownsFault(words('We apologise for the mix-up with your order.'))).toBe(1);
  });

  it('does not cover a turn, a denial, or blame before the apology', () => {
    expect(ownsFault(words('Sorry, but you should have read the terms.'))).toBe(-1);
    expect(ownsFault(words("It's not our fault that you missed the slot."))).toBe(-1);
    expect(ownsFault(words("I'm sorry you feel that way, however the fee stands."))).toBe(-1);
    const late = ownsFault(words("You should have checked the size guide, and I'm sorry you didn't."));
    expect(late).toBe(9);
  });

  it('covers a choice left to them, our own failure, and empathy from us', () => {
    expect(ownsFault(words("Honestly, it's your call."))).toBe(0);
    expect(ownsFault(words('It is entirely up to you whether you keep the old router.'))).toBe(0);
    expect(ownsFault(words("Had we sent the reminder on time, you wouldn't have been charged, and that's on us."))).toBe(0);
    expect(ownsFault(words('I should have checked before I told you the date.'))).toBe(0);
    expect(ownsFault(words('We got it wrong when you called on Monday.'))).toBe(0);
    expect(ownsFault(words('After all the work you put into it, this is the last thing you deserved.'))).toBe(0);
    expect(ownsFault(words('You booked it for Friday, and I understand how frustrating the wait is.'))).toBe(7);
    expect(ownsFault(words("You entered the old card, and I know that's a pain."))).toBe(7);
  });

  it('does not cover a past decision, our conditions, or "I can see that you…"', () => {
    expect(ownsFault(words('It was your call to cancel the cover.'))).toBe(-1);
    expect(ownsFault(words('If you had called us sooner, we could have stopped the payment.'))).toBe(-1);
    expect(ownsFault(words('I can see that you entered the wrong postcode.'))).toBe(-1);
    expect(ownsFault(words('I know that you were told about the fee at booking.'))).toBe(-1);
    expect(ownsFault(words("I understand, but as I said, it isn't on us."))).toBe(-1);
  });
});
