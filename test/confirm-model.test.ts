/**
 * The confirm-understanding model (rules/confirm-understanding.model.json, made by
 * scripts/train-confirm-clean.mjs): the file it loads from, the features it reads, and how it
 * counts a line the patterns do not know as the reply's check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { confirmFeatures, useConfirmModel } from '../src/reply/confirmation.js';
import { replyModel } from '../src/reply/model.js';

const root = join(import.meta.dirname, '..');

function reply(text: string, channel = 'email') {
  return replyModel(createDoc('reply.md', text, 'markdown', channel as never));
}

afterEach(() => useConfirmModel(undefined));

describe('confirm model', () => {
  it('is a logistic model with a threshold', () => {
    const m = JSON.parse(readFileSync(join(root, 'rules', 'confirm-understanding.model.json'), 'utf8'));
    expect(typeof m.bias).toBe('number');
    expect(m.threshold).toBeGreaterThan(0.5);
    expect(m.threshold).toBeLessThan(1);
    expect(Object.keys(m.weights).length).toBeGreaterThan(100);
  });

  it('reads the words of a line and where it stands', () => {
    const r = reply('Hi Sam,\n\nI have reset your code.\n\nHope the new code works out for you.\n', 'chat');
    const last = r.spoken[r.spoken.length - 1];
    expect(confirmFeatures(last, r.spoken, 'chat')).toEqual(expect.arrayContaining(['w:hope', 'b:new_code', 'first:hope', 'p:last', 'p:last-block', 'ch:chat']));
    expect(confirmFeatures(r.spoken[0], r.spoken, 'chat')).toContain('p:first');
  });

  it('counts a line as the check only when the patterns find none and the model gives it the threshold', () => {
    const text = 'Hi Sam,\n\nI have reset your code.\n\nHope the new code works out for you.\n';
    useConfirmModel(null);
    expect(reply(text, 'chat').confirmation).toBeUndefined();
    useConfirmModel({ bias: -10, weights: { 'b:new_code': 20 }, threshold: 0.9 });
    expect(reply(text, 'chat').confirmation?.index).toBe(2);
    // The opening line is never the check, whatever the model says.
    useConfirmModel({ bias: -10, weights: { 'w:sam': 20 }, threshold: 0.9 });
    expect(reply(text, 'chat').confirmation).toBeUndefined();
  });
});
