/**
 * The acknowledge-impact models (rules/acknowledge-impact.model.json, made by
 * scripts/train-impact-model.mjs): the features they read, the file they load
 * from, and how they sit next to the patterns in the reply model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { impactFeatures, impactScore, replyFeatures } from '../src/lexicon/impact-features.js';
import { useImpactModels } from '../src/reply/impact.js';
import { replyModel } from '../src/reply/model.js';

const root = join(import.meta.dirname, '..');

function reply(text: string, channel = 'email') {
  return replyModel(createDoc('reply.md', text, 'markdown', channel as never));
}

function features(text: string): string[] {
  const line = reply(text).spoken[0];
  return impactFeatures(line.words, line.block.text, line.question);
}

afterEach(() => useImpactModels(undefined));

describe('impact features', () => {
  it('reads the shapes of an impact sentence', () => {
    expect(features('I know you had to wait in all day for nothing.')).toEqual(expect.arrayContaining(['g:you-had-to', 'g:i-know', 'w:wait', 'b:wait_in']));
    expect(features("That's the whole weekend without hot water.")).toEqual(expect.arrayContaining(['g:time-span', 'g:without']));
    expect(features('It left you £40 out of pocket.')).toEqual(expect.arrayContaining(['g:left-you', 'g:money']));
  });

  it('leaves out placeholders and quoted words', () => {
    const f = features('Hi {{first_name}}, the note said "sorry" twice.');
    expect(f.some((k) => k.includes('first_name'))).toBe(false);
    expect(f).not.toContain('w:sorry');
  });

  it('marks the customer turns of a script apart from the agent lines', () => {
    expect(replyFeatures([['w:refund']], [['w:charge', 'b:charge_twice']])).toEqual(['w:refund', 'c:w:charge', 'r:script']);
  });

  it('scores with a logistic model', () => {
    expect(impactScore({ bias: 0, weights: {} }, ['w:x'])).toBe(0.5);
    expect(impactScore({ bias: -1, weights: { 'w:x': 3 } }, ['w:x'])).toBeCloseTo(1 / (1 + Math.exp(-2)));
  });
});

describe('impact models in the reply model', () => {
  it('loads a model file with both models and their thresholds', () => {
    const m = JSON.parse(readFileSync(join(root, 'rules/acknowledge-impact.model.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['low', 'high', 'badNews']) expect(typeof m[k]).toBe('number');
    for (const k of ['sentence', 'reply']) expect(Object.keys((m[k] as { weights: object }).weights).length).toBeGreaterThan(100);
  });

  it('counts impact the patterns do not list when the sentence model is sure', () => {
    const text = 'Sorry the stream dropped in the last ten minutes of the final, that is the bit everyone tunes in for. Replays are up now on the app.\n';
    useImpactModels(null);
    expect(reply(text, 'social').impact.impact).toBeUndefined();
    useImpactModels({ sentence: { bias: -5, weights: { 'b:tune_in': 10 } }, reply: { bias: -10, weights: {} }, low: 0.3, high: 0.7, badNews: 0.95 });
    expect(reply(text, 'social').impact.impact?.index).toBe(0);
  });

  it('lets the sentence model overrule a pattern it is sure names nothing', () => {
    const text = "I'm sorry the outage left you without internet for two days.\n";
    useImpactModels(null);
    expect(reply(text).impact.impact).toBeDefined();
    useImpactModels({ sentence: { bias: -10, weights: {} }, reply: { bias: -10, weights: {} }, low: 0.3, high: 0.7, badNews: 0.95 });
    expect(reply(text).impact.impact).toBeUndefined();
  });

  it('finds bad news the patterns miss when the reply model is sure, at the line that weighs most', () => {
    const text = 'Hello.\n\nLocker hire will rise to £4 a week from June.\n';
    useImpactModels(null);
    expect(reply(text).impact.needs).toEqual([]);
    useImpactModels({ sentence: { bias: -10, weights: {} }, reply: { bias: 0, weights: { 'w:rise': 5 } }, low: 0.3, high: 0.7, badNews: 0.95 });
    const { needs } = reply(text).impact;
    expect(needs.map((n) => [n.kind, n.trigger, n.line.index])).toEqual([['bad-news', 'Locker hire will rise to £4 a week from June', 1]]);
  });
});
