/**
 * src/a11y/axe/candidates.ts: the axe rules left out of a page are exactly rules whose selector
 * matches nothing on it (so they could only be inapplicable), and the white space the lean
 * build leaves out changes no finding (issue 19).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayMatch, subjectsOf, type PageFeatures } from '../src/a11y/axe/candidates.js';
import { loadEngine, runAxe } from '../src/a11y/axe/engine.js';
import { buildPage } from '../src/a11y/axe/dom.js';
import { prepareForAxe } from '../src/a11y/axe/render.js';
import { createDoc } from '../src/document/document.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { axeRulesFor } from '../src/rules/a11y/axe.js';

const root = join(import.meta.dirname, '..');

describe('subjectsOf', () => {
  it('reads the tag and attribute names of each selector\'s subject', () => {
    expect(subjectsOf('a[href]')).toEqual([{ tag: 'a', attrs: ['href'] }]);
    expect(subjectsOf('map area[href]')).toEqual([{ tag: 'area', attrs: ['href'] }]);
    expect(subjectsOf('ul > li, OL')).toEqual([{ tag: 'li', attrs: [] }, { tag: 'ol', attrs: [] }]);
    expect(subjectsOf('[role="img"]:not(img, area), th:not([role])')).toEqual([{ attrs: ['role'] }, { tag: 'th', attrs: [] }]);
    expect(subjectsOf("img[alt=''][lang|=en]")).toEqual([{ tag: 'img', attrs: ['alt', 'lang'] }]);
    expect(subjectsOf('html:not(html *)')).toEqual([{ tag: 'html', attrs: [] }]);
    expect(subjectsOf('input[type="a,b]"]')).toEqual([{ tag: 'input', attrs: ['type'] }]);
  });

  it('keeps a rule whose selector can match any element or is not understood', () => {
    for (const s of ['*', ':is(a, b)', 'a, *', '[xml\\:lang]', '[ns|lang]', '', 'a[', 'a(b']) expect(subjectsOf(s), s).toBeUndefined();
    expect(mayMatch(undefined, { tags: new Set(), attrs: new Set() })).toBe(true);
  });

  it('matches on the tag and every attribute name of one subject', () => {
    const page: PageFeatures = { tags: new Set(['a', 'p']), attrs: new Set(['href']) };
    expect(mayMatch(subjectsOf('a[href]'), page)).toBe(true);
    expect(mayMatch(subjectsOf('a[href][title]'), page)).toBe(false);
    expect(mayMatch(subjectsOf('img, [href]'), page)).toBe(true);
    expect(mayMatch(subjectsOf('img, table'), page)).toBe(false);
  });
});

const samples: [string, string][] = [
  ...['invalid.md', 'invalid.html', 'valid.md', 'valid.html'].map((f): [string, string] => [f, readFileSync(join(root, 'fixtures/rules/axe', f), 'utf8')]),
  ['mixed.md', '# T\n\n<span>a</span> <b>b</b>\n\n- [x](/x)\n- ![](i.png)\n\n| a |\n| - |\n| 1 |\n\n<div role="note" aria-label="n" id="d" tabindex="0">d</div>\n\n<dl><dt>t</dt><dd>d</dd></dl>\n'],
  ['page.html', '<!doctype html><html lang="en"><head><title>T</title></head><body>\n<main>\n<h1>H</h1>\n<a href="#m">skip</a>\n</main>\n</body></html>'],
];

describe('rules left out of a page', () => {
  it('are exactly rules whose selector matches nothing on the built page', async () => {
    const { axe, newWindow } = (await loadEngine()) as unknown as { axe: { _audit: { rules: { id: string; selector?: unknown }[] } }; newWindow(): { document: Parameters<typeof buildPage>[0] & { documentElement: unknown; replaceChild(a: unknown, b: unknown): unknown; querySelectorAll(s: string): { length: number } }; close(): void } };
    let left = 0;
    for (const [name, text] of samples) {
      const kind = name.endsWith('.md') ? 'markdown' : 'html';
      const doc = createDoc(name, text, kind, 'article');
      const p = prepareForAxe({ hast: doc.hast, fragment: doc.fragment, text, markdown: kind === 'markdown', placeholders: doc.placeholders });
      if ('skip' in p) throw new Error('not rendered');
      const window = newWindow();
      const features: PageFeatures = { tags: new Set(), attrs: new Set() };
      const html = buildPage(window.document, p.tree, p.fragment, new WeakMap(), true, features);
      expect(html, name).toBeDefined();
      window.document.replaceChild(html, window.document.documentElement);
      for (const rule of axe._audit.rules) {
        if (typeof rule.selector !== 'string') continue;
        if (mayMatch(subjectsOf(rule.selector), features)) continue;
        left++;
        expect(window.document.querySelectorAll(rule.selector).length, `${name}: ${rule.id}`).toBe(0);
      }
      window.close();
    }
    expect(left).toBeGreaterThan(0);
  });

  it('the lean page with rules left out gives the findings of the parsed page with every rule', async () => {
    const settings = ConfigResolver.fromData({}, 'cfg', root).resolve(join(root, 'a.md'));
    for (const [name, text] of samples) {
      const kind = name.endsWith('.md') ? 'markdown' : 'html';
      const doc = createDoc(name, text, kind, 'article');
      const input = { hast: doc.hast, fragment: doc.fragment, text, markdown: kind === 'markdown', placeholders: doc.placeholders, rules: axeRulesFor(doc, settings), budgetMs: 60_000 };
      const lean = await runAxe(input);
      const parsed = await runAxe({ ...input, parseHtml: true, freshWindow: true, noProofs: true });
      if (lean.kind !== 'done' || parsed.kind !== 'done') throw new Error('axe did not run');
      expect(lean.findings, name).toEqual(parsed.findings);
    }
  });
});
