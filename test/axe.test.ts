/**
 * The axe adapter: findings land on the source line and column of the
 * element (Markdown, HTML, raw HTML in Markdown, CRLF), severities follow
 * axe's impact, config entries for `axe/<id>` are honoured, twins with the
 * content rules are reported once, a reused window gives the same answers as
 * a fresh one, and `--no-axe` never loads jsdom or axe-core.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';
import { createDoc } from '../src/document/document.js';
import { runAxe } from '../src/a11y/axe/engine.js';
import { AXE_RULES, isAxeRuleId } from '../src/a11y/axe/catalog.js';
import { axeRulesFor } from '../src/rules/a11y/axe.js';
import { getRule } from '../src/rules/registry.js';
import type { FileResult } from '../src/types.js';
import { lintFixture, parseExpectations } from './helpers/fixtures.js';
import { readFileSync } from 'node:fs';

const root = join(import.meta.dirname, '..');

async function lint(name: string, text: string, config: unknown = {}, opts: { noAxe?: boolean } = {}): Promise<FileResult> {
  const resolver = ConfigResolver.fromData(config, 'test config', root);
  const result = await lintSource({ path: name, absPath: join(root, name), bytes: new TextEncoder().encode(text) }, resolver, opts);
  expect(result.error).toBeUndefined();
  return result;
}

const at = (r: FileResult, prefix = 'axe/') =>
  r.findings
    .filter((f) => f.ruleId.startsWith(prefix))
    .map((f) => `${f.line}:${f.column} ${f.ruleId}`)
    .sort();

/** Only axe findings: the content rules switched off so twins do not hide them. */
const AXE_ONLY = { rules: { 'image-alt': 'off', 'link-text': 'off', 'heading-order': 'off', 'table-headers': 'off', 'media-alternatives': 'off' } };

describe('the catalog', () => {
  it('names every axe-core rule, and nothing else', () => {
    const axe = createRequire(import.meta.url)('axe-core') as { getRules(): { ruleId: string }[] };
    expect(Object.keys(AXE_RULES).sort()).toEqual(axe.getRules().map((r) => r.ruleId).sort());
  });

  it('lets config accept axe/<id> without loading axe', () => {
    expect(isAxeRuleId('axe/region')).toBe(true);
    expect(isAxeRuleId('axe/no-such-rule')).toBe(false);
    expect(getRule('axe/image-alt')?.id).toBe('axe');
    expect(getRule('axe/nope')).toBeUndefined();
    expect(() => ConfigResolver.fromData({ rules: { 'axe/nope': 'off' } }, 'cfg', root)).toThrow(/axe\/nope/);
  });

  it('rules/axe.md names every rule that is off or runs only on whole pages', () => {
    const doc = readFileSync(join(root, 'rules/axe.md'), 'utf8');
    const missing = Object.entries(AXE_RULES)
      .filter(([id, e]) => e.mode !== 'content' && !doc.includes(`\`${id}\``))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it('runs page rules only on whole pages', () => {
    const settings = ConfigResolver.fromData({}, 'cfg', root).resolve(join(root, 'a.md'));
    const frag = axeRulesFor({ fragment: true }, settings);
    const page = axeRulesFor({ fragment: false }, settings);
    expect(frag).toContain('image-alt');
    expect(frag).not.toContain('document-title');
    expect(frag).not.toContain('region');
    expect(page).toContain('document-title');
    expect(page).toContain('landmark-one-main');
    expect(page).not.toContain('region');
    for (const off of ['color-contrast', 'target-size', 'frame-tested', 'scrollable-region-focusable', 'link-in-text-block']) expect(page).not.toContain(off);
  });
});

describe('source positions', () => {
  it('Markdown image on line 5', async () => {
    const r = await lint('img.md', '# Setup\n\nOpen the app.\n\n![](setup-screen.png)\n', AXE_ONLY);
    expect(at(r)).toEqual(['5:1 axe/image-alt']);
    const f = r.findings.find((x) => x.ruleId === 'axe/image-alt')!;
    expect(f).toMatchObject({ severity: 'error', source: 'axe-core', message: 'Images must have alternative text', endLine: 5, endColumn: 22 });
    expect(f.docsUrl).toMatch(/^https:\/\/dequeuniversity\.com\/rules\/axe\/4\.\d+\/image-alt/);
  });

  it('HTML fragment image on line 3', async () => {
    const r = await lint('frag.html', '<h2>Set up</h2>\n<p>Open the app.</p>\n<img src="setup.png">\n', AXE_ONLY);
    expect(at(r)).toEqual(['3:1 axe/image-alt']);
    expect(r.findings.find((x) => x.ruleId === 'axe/image-alt')).toMatchObject({ endLine: 3, endColumn: 22 });
  });

  it('Markdown with CRLF line ends', async () => {
    const text = '# Setup\r\n\r\nOpen the app.\r\n\r\nThen  ![](setup-screen.png) appears.\r\n\r\n- one\r\n- [](https://example.com/empty)\r\n';
    const r = await lint('crlf.md', text, AXE_ONLY);
    expect(at(r)).toEqual(['5:7 axe/image-alt', '8:3 axe/link-name']);
  });

  it('HTML with CRLF line ends, nested elements and attributes over two lines', async () => {
    const text = '<h2>Set up</h2>\r\n<ul>\r\n  <li><a href="/a"></a></li>\r\n</ul>\r\n<p>Look:\r\n   <img\r\n     src="x.png"></p>\r\n<table><tr><td>1</td></tr></table>\r\n<button></button>\r\n';
    const r = await lint('crlf.html', text, AXE_ONLY);
    expect(at(r)).toEqual(['3:7 axe/link-name', '6:4 axe/image-alt', '9:1 axe/button-name']);
  });

  it('raw HTML inside Markdown, and a Markdown image inside a link', async () => {
    const text = '# Title\n\nSome text.\n\n<div>\n  <p>Hi <img src="a.png"></p>\n</div>\n\n[![](logo.png)](https://example.com)\n';
    const r = await lint('raw.md', text, AXE_ONLY);
    expect(at(r)).toEqual(['6:9 axe/image-alt', '9:1 axe/link-name', '9:2 axe/image-alt']);
  });

  it('a whole page runs the page rules, at the element that lacks something', async () => {
    const text = '<!doctype html>\n<html>\n<head></head>\n<body>\n<main><h1>Hi</h1><p>Text</p></main>\n</body>\n</html>\n';
    const r = await lint('page.html', text);
    expect(at(r)).toEqual(['2:1 axe/document-title', '2:1 axe/html-has-lang']);
  });
});

describe('severities and config', () => {
  it('maps impact to severity', async () => {
    // image-alt is critical, heading-order moderate, image-redundant-alt minor.
    const r = await lint('sev.html', '<h1>A</h1>\n<h3>B</h3>\n<img src="a.png">\n<p><img src="b.png" alt="Dog"> Dog</p>\n', AXE_ONLY);
    const sev = Object.fromEntries(r.findings.filter((f) => f.ruleId.startsWith('axe/')).map((f) => [f.ruleId, f.severity]));
    expect(sev).toEqual({ 'axe/heading-order': 'warning', 'axe/image-alt': 'error', 'axe/image-redundant-alt': 'info' });
  });

  it('honours axe/<id>: off and axe/<id>: <severity>, and turns on a rule that is off by default', async () => {
    const text = '<h1>A</h1>\n<h3>B</h3>\n<img src="a.png">\n<p>Text outside any landmark</p>\n';
    const r = await lint('cfg.html', text, { rules: { ...AXE_ONLY.rules, 'axe/image-alt': 'warn', 'axe/heading-order': 'off', 'axe/region': 'info' } });
    const got = r.findings.filter((f) => f.ruleId.startsWith('axe/')).map((f) => `${f.line} ${f.ruleId} ${f.severity}`);
    expect(got).toContain('3 axe/image-alt warning');
    expect(got.some((g) => g.includes('heading-order'))).toBe(false);
    expect(got).toContain('4 axe/region info');
  });

  it('axe: off turns every axe check off', async () => {
    const r = await lint('off.md', '![](a.png)\n', { rules: { ...AXE_ONLY.rules, axe: 'off' } });
    expect(at(r)).toEqual([]);
  });

  it('inline comments can disable one axe rule', async () => {
    const r = await lint('dis.md', '<!-- plainspoke-disable-next-line axe/image-alt -->\n![](a.png)\n\n![](b.png)\n', AXE_ONLY);
    expect(at(r)).toEqual(['4:1 axe/image-alt']);
  });
});

describe('twins', () => {
  it('keeps the content rule where both flag the same element', async () => {
    const r = await lint('twin.md', '# Setup\n\n![](setup-screen.png)\n\n[](https://example.com)\n');
    const ids = r.findings.filter((f) => f.line === 3).map((f) => f.ruleId);
    expect(ids).toContain('image-alt');
    expect(ids).not.toContain('axe/image-alt');
  });

  it('keeps the axe finding where no content rule flags the element', async () => {
    const r = await lint('twin.html', '<button></button>\n');
    expect(at(r)).toEqual(['1:1 axe/button-name']);
  });
});

describe('robustness', () => {
  it('a tree nested too deeply gets a note, not a crash', async () => {
    const r = await lint('deep.html', `${'<div>'.repeat(1000)}x${'</div>'.repeat(1000)}\n`);
    expect(r.findings.filter((f) => f.ruleId === 'axe').map((f) => f.severity)).toEqual(['info']);
  });

  it('a page with very many frames gets a note instead of a window per frame', async () => {
    const r = await lint('frames.html', `${'<iframe src="https://video.example.com/x" title="Video"></iframe>\n'.repeat(30)}`);
    expect(r.findings.filter((f) => f.ruleId === 'axe').map((f) => f.message)).toEqual(['This file has more than 25 frames, so the axe-core accessibility checks did not run on it']);
  });

  it('an empty file and a file with only a comment', async () => {
    expect(at(await lint('empty.md', ''))).toEqual([]);
    expect(at(await lint('c.html', '<!-- x -->'))).toEqual([]);
  });

  it('files linted at the same time do not mix', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `${'\n'.repeat(i)}![](a${i}.png)\n`);
    const results = await Promise.all(texts.map((t, i) => lint(`p${i}.md`, t, AXE_ONLY)));
    expect(results.map((r) => at(r))).toEqual(texts.map((_, i) => [`${i + 1}:1 axe/image-alt`]));
  });

  it('a reused window with memoised styles answers as a fresh window with jsdom\'s own styles', async () => {
    const samples = [
      '<!doctype html><html lang="en"><head><title>T</title><base href="http://127.0.0.1:1/"><style>img{display:none}</style></head><body><main><h1>A</h1><img src="a.png"><a href="/b"></a><h3>C</h3></main></body></html>',
      '<h2>X</h2><ul><li>a</li><p>b</p></ul><img src="c.png"><a href="#"></a><div role="tablist"><span role="tab"></span></div>',
      '# Hi\n\n![](x.png)\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n<span aria-hidden="yes">x</span>\n',
      // Hidden in the ways the style memo must tell apart: attributes, inline styles, inheritance, details, dir=auto.
      '<div hidden><img src="a.png"></div><div><img src="b.png"></div><p style="display:none"><a href="/x"></a></p><p><a href="/y"></a></p>' +
        '<div style="visibility:hidden"><span><button></button></span></div><div><span><button></button></span></div>' +
        '<details><summary>S</summary><img src="c.png"></details><details open><summary>T</summary><img src="d.png"></details>' +
        '<ul><li><ul><li><a href="/z"></a></li></ul></li></ul><p dir="auto"><img src="e.png"></p><input type="hidden" aria-label=""><input type="text">',
    ];
    const settings = ConfigResolver.fromData({}, 'cfg', root).resolve(join(root, 'a.md'));
    for (const text of samples) {
      const doc = createDoc(text.startsWith('#') ? 'x.md' : 'x.html', text, text.startsWith('#') ? 'markdown' : 'html', 'article');
      const rules = axeRulesFor(doc, settings);
      const shared = await runAxe({ hast: doc.hast, fragment: doc.fragment, text, markdown: doc.kind === 'markdown', rules, budgetMs: 60_000 });
      const fresh = await runAxe({ hast: doc.hast, fragment: doc.fragment, text, markdown: doc.kind === 'markdown', rules, budgetMs: 60_000, freshWindow: true, plainStyles: true });
      if (shared.kind !== 'done' || fresh.kind !== 'done') throw new Error('axe did not run');
      expect(shared.findings.length).toBeGreaterThan(0);
      expect(shared.findings).toEqual(fresh.findings);
    }
  });

  it('stops starting rules once the time budget is spent', async () => {
    const doc = createDoc('b.html', '<img src="a.png"><button></button>', 'html', 'article');
    const out = await runAxe({ hast: doc.hast, fragment: true, text: doc.text, markdown: false, rules: ['image-alt', 'button-name'], budgetMs: -1 });
    if (out.kind !== 'done') throw new Error('axe did not run');
    expect(out.findings).toEqual([]);
    expect(out.skipped.sort()).toEqual(['button-name', 'image-alt']);
  });
});

describe('fixtures/rules/axe', () => {
  // The shared harness compares only the ids a marker names; here every axe/* finding must be marked.
  for (const name of ['invalid.md', 'invalid.html', 'valid.md', 'valid.html']) {
    it(`${name} has exactly the marked axe findings`, async () => {
      const file = join(root, 'fixtures/rules/axe', name);
      const wanted = parseExpectations(readFileSync(file, 'utf8')).map((e) => `${e.line} ${e.ruleId}`).sort();
      const result = await lintFixture(file);
      expect(at(result).map((a) => a.replace(/:\d+ /, ' '))).toEqual(wanted);
      if (name.startsWith('invalid')) expect(new Set(wanted).size).toBeGreaterThanOrEqual(8);
    });
  }
});

describe('lazy loading', () => {
  const probe = (axeFlag: string) => `
    const { main } = await import(${JSON.stringify(join(root, 'dist/cli/main.js'))});
    const { createRequire } = await import('node:module');
    const io = { cwd: process.cwd(), env: { NO_COLOR: '1' }, stdout: { write() {} }, stderr: { write() {} }, readStdin: async () => '' };
    await main([${axeFlag ? JSON.stringify(axeFlag) + ', ' : ''}'--jobs', '1', '--format', 'json', ${JSON.stringify(join(root, 'fixtures/rules/axe/invalid.md'))}], io);
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ jsdom: cache.some((k) => k.includes('/node_modules/jsdom/')), axe: cache.some((k) => k.includes('/node_modules/axe-core/')) }));
  `;
  const run = (flag: string) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe(flag)], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { jsdom: boolean; axe: boolean };
  };

  it('--no-axe never loads jsdom or axe-core (and a normal run does)', () => {
    expect(run('--no-axe')).toEqual({ jsdom: false, axe: false });
    expect(run('')).toEqual({ jsdom: true, axe: true });
  });
});
