/**
 * Issue 19: the thread that hands files to the workers lints files too, and lets the event loop run between
 * two rules (RunOptions.between, lint-files.ts). The hook must be awaited before each rule and change nothing
 * in the findings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { activeRules, runRules } from '../src/engine/run-rules.js';

const root = join(import.meta.dirname, '..');
const text = '# Setup\n\nThe form was filled in by the chairman. Utilize the menu to commence the upgrade.\n\n[click here](https://example.com)\n';

describe('runRules between', () => {
  it('is awaited once before each rule and leaves the findings as they were', async () => {
    const settings = ConfigResolver.fromData({}, 'test', root).resolve(join(root, 'x.md'));
    const opts = { noAxe: true };
    const plain = await runRules(createDoc('x.md', text, 'markdown', settings.channel), settings, opts);
    let calls = 0;
    let waited = 0;
    const between = () => {
      calls++;
      return new Promise<void>((resolve) => setImmediate(resolve)).then(() => void waited++);
    };
    const paused = await runRules(createDoc('x.md', text, 'markdown', settings.channel), settings, { ...opts, between });
    expect(paused).toEqual(plain);
    expect(plain.length).toBeGreaterThan(0);
    const rules = activeRules(settings, opts).filter((r) => !r.languages || r.languages.includes('en'));
    expect(calls).toBe(rules.length);
    expect(waited).toBe(rules.length);
  });

  it('may return undefined to go on at once', async () => {
    const settings = ConfigResolver.fromData({}, 'test', root).resolve(join(root, 'x.md'));
    let calls = 0;
    const found = await runRules(createDoc('x.md', text, 'markdown', settings.channel), settings, {
      noAxe: true,
      between: () => void calls++,
    });
    expect(calls).toBeGreaterThan(0);
    expect(found.length).toBeGreaterThan(0);
  });
});
