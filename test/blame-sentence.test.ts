// The blame-language sentence reader: its general features, which sentences it reads, what it quotes, and its data file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressesCustomer, blameSentenceFeatures, blameSentenceQuote, blameSentenceScore, replyRefuses, type BlameSentenceModel } from '../src/lexicon/blame-sentence.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean).map((w) => ({ lower: w.toLowerCase().replace(/[.,;:!?]+$/, ''), masked: false, quoted: false }));
const features = (s: string) => blameSentenceFeatures(words(s));

describe('blame sentence features', () => {
  it('names who the sentence is about, hindsight, tense and word classes', () => {
    const f = features('You should have read the terms before you signed.');
    expect(f).toEqual(expect.arrayContaining(['p:you', 'p:you-first', 'm:should-have', 'm:hindsight', 'm:hindsight-you', 'k:read', 'k:doc', 'v:you-past+agree', 'x:p:you&m:hindsight']));
    expect(features('I explained this in my last email.')).toEqual(expect.arrayContaining(['p:we', 'v:we-past+tell', 'x:k:tell&k:earlier']));
    expect(features('Please read the guide next time.')).toEqual(expect.arrayContaining(['p:imperative', 'f:read', 'k:later']));
  });

  it('reads only sentences that speak to the customer', () => {
    expect(addressesCustomer(features('You entered the wrong code.'))).toBe(true);
    expect(addressesCustomer(features('Please check the form next time.'))).toBe(true);
    expect(addressesCustomer(features('You agree to these terms.'))).toBe(false);
    expect(addressesCustomer(features('Select the button on the home page.'))).toBe(false);
    expect(addressesCustomer(features('As explained in the previous email, the fee stands.'))).toBe(true);
    expect(addressesCustomer(features('The engineer arrives at ten.'))).toBe(false);
  });

  it('knows whether the reply says no or puts something right, and then reads any sentence that names them', () => {
    expect(replyRefuses([words('Thanks for the photos.'), words("We can't refund the second ticket.")])).toBe(true);
    expect(replyRefuses([words("I'm afraid the claim was declined.")])).toBe(true);
    expect(replyRefuses([words('It is actually the larger size.')])).toBe(true);
    expect(replyRefuses([words('Thanks for the photos.'), words('The refund is on its way and you will see it on Friday.')])).toBe(false);
    const f = blameSentenceFeatures(words('You agree to these terms.'), { refuses: true });
    expect(f).toEqual(expect.arrayContaining(['r:refuses', 'x:r:refuses&p:you']));
    expect(addressesCustomer(f)).toBe(true);
    expect(addressesCustomer(blameSentenceFeatures(words('The engineer arrives at ten.'), { refuses: true }))).toBe(false);
  });

  it('quotes a short sentence whole and a long one from "you"', () => {
    expect(blameSentenceQuote(words('You entered the wrong code.'))).toEqual([0, 4]);
    const long = words('Thanks for waiting on this one, and I checked the account this morning, but you left the old card on it so the payment went there');
    const [a, b] = blameSentenceQuote(long);
    expect(long[a].lower).toBe('you');
    expect(b - a).toBe(11);
  });
});

describe('rules/blame-language.sentence.json', () => {
  const model = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'rules', 'blame-language.sentence.json'), 'utf8')) as BlameSentenceModel;

  it('is a logistic model with a threshold and numeric weights over the features the code makes', () => {
    expect(model.threshold).toBeGreaterThanOrEqual(0.5);
    expect(model.threshold).toBeLessThan(1);
    expect(typeof model.bias).toBe('number');
    const keys = Object.keys(model.weights);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.every((k) => /^[ubkpmvxfnr]:/.test(k) && Number.isFinite(model.weights[k]))).toBe(true);
  });

  it('scores plain next steps below the threshold', () => {
    const score = (s: string) => blameSentenceScore(model, features(s));
    expect(score('I have booked the engineer for Tuesday morning and will text you when they are on the way.')).toBeLessThan(model.threshold);
    expect(score('You can pick any time that suits you.')).toBeLessThan(model.threshold);
  });
});
