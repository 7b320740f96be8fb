/**
 * The time-bound-commitment model (rules/time-bound-commitment.model.json, made by
 * scripts/train-promise-model.mjs): the file it loads from, the features it reads, and how it
 * gates the promises the grammar finds with no time frame.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { replyModel } from '../src/reply/model.js';
import { promiseFeatures, promisesOf, usePromiseModel } from '../src/reply/promises.js';

const root = join(import.meta.dirname, '..');

function reply(text: string) {
  return replyModel(createDoc('reply.md', text, 'markdown', 'email'));
}

afterEach(() => usePromiseModel(undefined));

describe('promise model', () => {
  it('is a logistic model with a threshold', () => {
    const m = JSON.parse(readFileSync(join(root, 'rules', 'time-bound-commitment.model.json'), 'utf8'));
    expect(typeof m.bias).toBe('number');
    expect(m.threshold).toBeGreaterThan(0);
    expect(m.threshold).toBeLessThan(1);
    expect(Object.keys(m.weights).length).toBeGreaterThan(100);
  });

  it('reads where the promise stands and the words around it', () => {
    const r = reply('Thanks for the photos. We will replace the kettle.');
    usePromiseModel(null);
    const [p] = promisesOf(r.spoken, r.lines);
    expect(p.text).toBe('We will replace the');
    expect(promiseFeatures(p, r.spoken)).toEqual(expect.arrayContaining(['subj:none', 'first:we', 'in:replace', 'post:kettle', 'r:last', 'r:para-last', 'w:replace']));
  });

  it('reads, in its second set, why a promise may leave nobody waiting', () => {
    usePromiseModel({ bias: 10, weights: {}, threshold: 0.5, features: 2 });
    const r = reply("If you'd like other dates, just reply and I'll move the booking. Anything else?");
    const [p] = promisesOf(r.spoken, r.lines, true);
    expect(promiseFeatures(p, r.spoken)).toEqual(expect.arrayContaining(['r:if-you', 'r:question-after']));
    const r2 = reply("Reply to this email and we'll swap the size. We post swaps every Monday.");
    const [p2] = promisesOf(r2.spoken, r2.lines, true);
    expect(promiseFeatures(p2, r2.spoken)).toEqual(expect.arrayContaining(['r:imperative-and', 'r:time-next']));
    usePromiseModel({ bias: 10, weights: {}, threshold: 0.5, features: 1 });
    expect(promiseFeatures(p2, r2.spoken)).not.toContain('r:imperative-and');
  });

  it('keeps a promise with no time frame only when the model gives it the threshold', () => {
    const text = 'Thanks for the photos. We will replace the kettle.';
    usePromiseModel({ bias: -10, weights: {}, threshold: 0.5 });
    expect(reply(text).promises).toEqual([]);
    usePromiseModel({ bias: 10, weights: {}, threshold: 0.5 });
    expect(reply(text).promises.map((p) => p.text)).toEqual(['We will replace the']);
    // A promise with a time frame is never the model's to drop.
    usePromiseModel({ bias: -10, weights: {}, threshold: 0.5 });
    expect(reply('Thanks for the photos. We will replace the kettle by Friday.').promises.map((p) => p.text)).toEqual(['We will replace the']);
  });

  it('keeps, in raw form, the clauses the grammar calls no promise', () => {
    usePromiseModel(null);
    const r = reply("Sorry about the price change. We'll honour the old price.");
    expect(promisesOf(r.spoken, r.lines).map((p) => p.text)).toEqual([]);
    expect(promisesOf(r.spoken, r.lines, true).map((p) => p.text)).toEqual(["We'll honour the old price"]);
  });
});
