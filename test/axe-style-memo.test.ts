/**
 * src/a11y/axe/styles.ts reads jsdom's private per-document style cache (`_styleCache`, reached through
 * jsdom's `implForWrapper`). That is why jsdom is pinned to one exact version in package.json: an
 * upgrade must pass this test first. It checks the pin, that the private parts are still there, and
 * that the memo gets hits.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine, styleStats } from '../src/a11y/axe/engine.js';
import { startStyles, stopStyles } from '../src/a11y/axe/styles.js';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

type Win = { document: { documentElement: { innerHTML: string }; querySelectorAll(s: string): ArrayLike<object> }; getComputedStyle(el: object): { getPropertyValue(p: string): string }; close(): void };

describe('jsdom and the style memo', () => {
  it('jsdom is pinned to the installed version, in package.json and package-lock.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const installed = JSON.parse(readFileSync(require.resolve('jsdom/package.json'), 'utf8')).version;
    expect(pkg.dependencies.jsdom).toBe(installed);
    expect(lock.packages[''].dependencies.jsdom).toBe(installed);
  });

  it("jsdom still has the private parts the memo uses: implForWrapper and the document's _styleCache", async () => {
    const eng = await loadEngine();
    const w = eng.newWindow() as unknown as Win;
    w.document.documentElement.innerHTML = '<head></head><body><p>a <span>b</span></p></body>';
    const span = w.document.querySelectorAll('span')[0];
    w.getComputedStyle(span).getPropertyValue('color');
    const utils = require('jsdom/lib/generated/idl/utils.js') as { implForWrapper: (x: unknown) => { _ownerDocument?: { _styleCache?: unknown } } };
    expect(typeof utils.implForWrapper).toBe('function');
    expect(utils.implForWrapper(span)._ownerDocument?._styleCache).toBeInstanceOf(WeakMap);
    w.close();
  });

  it('answers elements alike from the memo', async () => {
    const eng = await loadEngine();
    const w = eng.newWindow() as unknown as Win;
    w.document.documentElement.innerHTML = `<head></head><body><ul>${'<li>step <b>one</b></li>'.repeat(20)}</ul></body>`;
    const before = styleStats.memoised;
    startStyles(true);
    try {
      for (const el of Array.from(w.document.querySelectorAll('li, b'))) w.getComputedStyle(el).getPropertyValue('display');
    } finally {
      stopStyles();
    }
    // 20 list items and 20 bold words, two keys: at most the first of each is computed.
    expect(styleStats.memoised - before).toBeGreaterThanOrEqual(38);
    w.close();
  });
});
