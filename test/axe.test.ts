/**
 * The axe adapter: findings land on the source line and column of the
 * element (Markdown, HTML, raw HTML in Markdown, CRLF), severities follow
 * axe's impact, config entries for `axe/<id>` are honoured, twins with the
 * content rules are reported once, a reused window gives the same answers as
 * a fresh one, and `--no-axe` never loads jsdom or axe-core.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';
import { createDoc } from '../src/document/document.js';
import { loadEngine, runAxe } from '../src/a11y/axe/engine.js';
import { buildPage, buildStats } from '../src/a11y/axe/dom.js';
import { startStyles, stopStyles } from '../src/a11y/axe/styles.js';
import { pageHtml, prepareForAxe } from '../src/a11y/axe/render.js';
import type { Root } from 'hast';
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

  it('rewrites a selector only into one that selects the same elements', async () => {
    // axe's own selectors, as its source states them (loadEngine has configured ours into the loaded copy).
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.js'), 'utf8');
    const ownSelector = (id: string) => {
      const m = new RegExp(`id: '${id}',\\s*impact: '\\w+',\\s*selector: '((?:[^'\\\\]|\\\\.)*)'`).exec(source);
      if (!m) throw new Error(`no selector for ${id} in axe-core`);
      return m[1].replace(/\\'/g, "'");
    };
    const { newWindow } = await loadEngine();
    const window = newWindow() as unknown as { document: { body: { innerHTML: string }; querySelectorAll(s: string): ArrayLike<unknown> }; close(): void };
    const tags = ['div', 'span', 'img', 'area', 'input', 'object', 'svg', 'p'];
    const roles = ['', 'img', 'image', 'graphics-symbol', 'graphics-document', 'IMG', 'none', 'img presentation'];
    window.document.body.innerHTML = tags.flatMap((t) => roles.map((r) => (r ? `<${t} role="${r}"></${t}>` : `<${t}></${t}>`))).join('');
    for (const id of ['role-img-alt', 'svg-img-alt']) {
      const own = ownSelector(id);
      const ours = AXE_RULES[id].selector!;
      expect(ours).not.toBe(own);
      expect(Array.from(window.document.querySelectorAll(ours)), id).toEqual(Array.from(window.document.querySelectorAll(own)));
      expect(window.document.querySelectorAll(ours).length, id).toBeGreaterThan(3);
    }
    window.close();
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

  it('a reused window, memoised styles, a DOM built from the tree and plainspoke\'s reporter answer as a fresh window, parsed HTML, jsdom\'s own styles and axe\'s v1 report', async () => {
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
      const fresh = await runAxe({ hast: doc.hast, fragment: doc.fragment, text, markdown: doc.kind === 'markdown', rules, budgetMs: 60_000, freshWindow: true, plainStyles: true, parseHtml: true, v1Report: true, noProofs: true });
      if (shared.kind !== 'done' || fresh.kind !== 'done') throw new Error('axe did not run');
      expect(shared.findings.length).toBeGreaterThan(0);
      expect(shared.findings).toEqual(fresh.findings);
    }
  });

  it('the style memo gives each element the computed style jsdom gives it, asked in any order and across pages', async () => {
    const eng = await loadEngine();
    type Win = { document: { documentElement: { innerHTML: string }; querySelectorAll(s: string): ArrayLike<object> }; getComputedStyle(el: object): { length: number; item(i: number): string; getPropertyValue(p: string): string }; close(): void };
    const memoWindow = eng.newWindow() as unknown as Win;
    const pages = [
      '<head></head><body><ul><li>a<ul><li>b<ol><li>c<ul><li><p>deep <a href="/x">link <span>in</span></a></p></li></ul></li></ol></li></ul></li></ul><dl><dt>t</dt><dd><menu><li>m</li></menu></dd></dl></body>',
      '<head></head><body><table rules="all"><tbody><tr><td>1</td><th>2</th></tr></tbody></table><table><thead><tr><th>h</th></tr></thead></table><p><nobr>a<wbr>b</nobr><wbr></p></body>',
      '<head></head><body dir="rtl"><p>x <bdi>y</bdi> <span dir="ltr">z <input type="tel"></span></p><div dir="auto"><p>auto</p></div><input type="search" dir="auto"></body>',
      '<head></head><body><p style="color: red">r <a href="/y">l <mark>m <b>b</b></mark></a> <span style="color: inherit; border-color: inherit; outline-color: inherit">i</span></p>' +
        '<div style="visibility: hidden"><p>h <span style="visibility: visible">v <em>e</em></span></p></div><div style="color: revert-layer"><span>s</span></div>' +
        '<details><summary>1</summary><summary>2</summary><p>d</p></details><details open><summary>o</summary></details><p hidden>hid <span>s</span></p><p hidden="until-found"><span>u</span></p></body>',
      '<head></head><body><p>same <a href="/x">link <span>in</span></a></p><ul><li><p>list <a href="/z">l</a></p></li></ul><dialog><p>d</p></dialog><dialog open><p>o</p></dialog><div popover><p>p</p></div></body>',
    ];
    // jsdom answers a second question about an element with a copy of its first answer, in which a
    // shorthand (border-color…) can read differently, and so can a colour a shorthand also sets
    // (background: yellow): jsdom alone gives either, depending on the order of questions, and the
    // memo hands out whichever came first. Asked parents first, every answer is a first answer:
    // compare every longhand. Asked children first, compare what axe reads to tell what is hidden.
    const probe = (eng.newWindow() as unknown as { document: { createElement(t: string): { style: { setProperty(p: string, v: string): void; length: number; item(i: number): string } } } }).document;
    const longhands = new Map<string, boolean>();
    const isLonghand = (name: string, value: string) => {
      let known = longhands.get(name);
      if (known === undefined) {
        const { style } = probe.createElement('div');
        style.setProperty(name, value);
        known = style.length <= 1 && (style.length === 0 || style.item(0) === name);
        longhands.set(name, known);
      }
      return known;
    };
    const HIDING = new Set(['display', 'visibility', 'pointer-events', 'position', 'opacity', 'clip', 'clip-path', 'overflow', 'overflow-x', 'overflow-y', 'content-visibility', 'height', 'width', 'font-size', 'text-indent', 'color']);
    const styles = (w: Win, order: 'down' | 'up') => {
      const els = Array.from(w.document.querySelectorAll('*'));
      if (order === 'up') els.reverse();
      const out = els.map((el) => {
        const s = w.getComputedStyle(el);
        const parts: string[] = [];
        for (let i = 0; i < s.length; i++) {
          const name = s.item(i);
          const value = s.getPropertyValue(name);
          if (order === 'up' ? HIDING.has(name) : isLonghand(name, value)) parts.push(`${name}:${value}`);
        }
        return parts.sort().join(';');
      });
      return order === 'up' ? out.reverse() : out;
    };
    for (const round of [1, 2]) {
      for (const page of pages) {
        for (const order of ['up', 'down'] as const) {
          const plainWindow = eng.newWindow() as unknown as Win;
          plainWindow.document.documentElement.innerHTML = page;
          memoWindow.document.documentElement.innerHTML = page;
          startStyles(true);
          const memoised = styles(memoWindow, order);
          stopStyles();
          expect(memoised, `round ${round}, ${order}: ${page.slice(0, 60)}`).toEqual(styles(plainWindow, order));
          plainWindow.close();
        }
      }
    }
    memoWindow.close();
  });

  it('stops starting rules once the time budget is spent', async () => {
    const doc = createDoc('b.html', '<img src="a.png"><button></button>', 'html', 'article');
    for (const v1Report of [false, true]) {
      const out = await runAxe({ hast: doc.hast, fragment: true, text: doc.text, markdown: false, rules: ['image-alt', 'button-name'], budgetMs: -1, v1Report });
      if (out.kind !== 'done') throw new Error('axe did not run');
      expect(out.findings).toEqual([]);
      expect(out.skipped.sort()).toEqual(['button-name', 'image-alt']);
    }
  });
});

/** A node list as text: names, namespaces, attributes (with the source offset from either route), text node by text node. */
interface TestNode {
  nodeType: number;
  nodeName: string;
  namespaceURI?: string | null;
  nodeValue: string | null;
  localName?: string;
  childNodes: Iterable<TestNode>;
  content?: TestNode;
  attributes?: Iterable<{ name: string; value: string; namespaceURI: string | null }>;
  getAttribute?(name: string): string | null;
}
function dump(root: TestNode, offsets?: WeakMap<object, number>): string {
  const out: string[] = [];
  const walk = (n: TestNode, depth: number) => {
    if (n.nodeType === 1) {
      const attrs = [...(n.attributes ?? [])].filter((a) => a.name !== 'data-ps-offset').map((a) => `${a.namespaceURI ?? ''}|${a.name}=${JSON.stringify(a.value)}`);
      const at = offsets ? offsets.get(n) : n.getAttribute?.('data-ps-offset');
      out.push(`${' '.repeat(depth)}<${n.namespaceURI} ${n.nodeName} ${attrs.join(' ')} @${at ?? '-'}>`);
    } else out.push(`${' '.repeat(depth)}${n.nodeType} ${JSON.stringify(n.nodeValue)}`);
    for (const c of n.childNodes) walk(c, depth + 1);
    if (n.localName === 'template' && n.content) walk(n.content, depth + 1);
  };
  walk(root, 0);
  return out.join('\n');
}

describe('the DOM built from the tree', () => {
  /** Both routes for one tree: the builder's DOM (or undefined when it defers to the parser) and jsdom's parse of the HTML. */
  async function routes(tree: Root, fragment: boolean) {
    const { newWindow } = await loadEngine();
    const window = newWindow() as unknown as { document: Parameters<typeof buildPage>[0]; DOMParser: new () => { parseFromString(html: string, type: string): { documentElement: TestNode } }; close(): void };
    const offsets = new WeakMap<object, number>();
    const built = buildPage(window.document, tree, fragment, offsets) as unknown as TestNode | undefined;
    const parsed = new window.DOMParser().parseFromString(pageHtml({ tree, fragment, ends: new Map(), elements: 0 }), 'text/html').documentElement;
    const out = { built: built && dump(built, offsets), parsed: dump(parsed) };
    window.close();
    return out;
  }
  const prepared = (name: string, text: string) => {
    const kind = name.endsWith('.md') ? 'markdown' : 'html';
    const doc = createDoc(name, text, kind, 'article');
    const p = prepareForAxe({ hast: doc.hast, fragment: doc.fragment, text, markdown: kind === 'markdown', placeholders: doc.placeholders });
    if ('skip' in p) throw new Error('not rendered');
    return p;
  };

  const samples: [string, string][] = [
    ...['invalid.md', 'invalid.html', 'valid.md', 'valid.html'].map((f): [string, string] => [f, readFileSync(join(root, 'fixtures/rules/axe', f), 'utf8')]),
    ['crlf.md', '# Title\r\n\r\nLine one\r\nline two  \r\nthree.\r\n\r\n- [a](/a)\r\n- b\r\n\r\n```\r\ncode\r\n```\r\n'],
    ['crlf.html', '<p title="a\r\nb">x\ry</p>\r\n<textarea>\r\nz</textarea>\r\n'],
    ['pre.html', '<pre>\n\nkeep one</pre><pre>\nnone</pre><textarea>\n\nt</textarea><listing>\n\nl</listing><pre><b>x</b>\ny</pre>'],
    ['comments.md', 'Text.\n\n<!-- a <!-- nested --> -->\n\n<!-->x-->\n\n<p>a<!-- b -->c</p>\n'],
    ['attrs.html', '<input type="checkbox" checked disabled hidden="until-found" tabindex="x"><a download href="/f" class="  a  b " rel="noopener noreferrer">f</a><img alt="" src="a.png" srcset="a.png 1x, b.png 2x"><td>cell</td><div data-Camel="1" aria-label="L" role="note" ARIA-HIDDEN="false">d</div><meta http-equiv="refresh" content="5"><select multiple><option selected value="1">one</option></select><details open><summary>s</summary>t</details><p xml:lang="fr" lang="fr" xmlns:x="urn:x">fr</p>'],
    ['template.html', '<template><p>inside</p></template><p>after</p><noscript><img src="a.png"></noscript>'],
    ['entities.html', '<p>&lt;b&gt; &amp; &quot;q&quot; &nbsp;&copy;</p><style>p > b { color: red }</style><script>if (a < b && c) {}</script><title>T &amp; t</title>'],
    ['page.html', '<!doctype html>\n<!-- before -->\n<html lang="en" dir="ltr">\n<head>\n<title>T</title>\n<meta charset="utf-8">\n</head>\n<body class="b">\n<main><h1>H</h1><p>x</p></main>\n</body>\n<!-- after body -->\n</html>\n'],
    ['frames.html', '<!doctype html><html><head><title>F</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"><noframes>no</noframes></frameset></html>'],
    ['table.md', '| a | b |\n| :- | -: |\n| 1 | [x](/x) |\n| 2 | ![i](i.png) |\n\nText[^1].\n\n[^1]: Note.\n'],
  ];
  for (const [name, text] of samples) {
    it(`${name}: the same nodes as jsdom's parse of the HTML`, async () => {
      const { tree, fragment } = prepared(name, text);
      const { built, parsed } = await routes(tree, fragment);
      expect(built).toBeDefined();
      expect(built).toBe(parsed);
    });
  }

  // Trees the parser would change: the builder defers to it, so both routes still agree.
  const deferred: [string, string][] = [
    ['svg.html', '<p>Logo <svg viewBox="0 0 10 10" role="img"><title>Logo</title><circle r="4"/></svg></p>'],
    ['math.html', '<p><math><mi>x</mi></math></p>'],
    ['rows.html', '<tr><td>cell</td></tr><p>after</p>'],
    ['noscript-head.html', '<!doctype html><html><head><noscript><link rel="stylesheet" href="a.css"></noscript><title>T</title></head><body><p>x</p></body></html>'],
    ['iframe-text.html', '<iframe title="t" src="a.html">a &amp; b</iframe>'],
  ];
  for (const [name, text] of deferred) {
    it(`${name}: left to the parser`, async () => {
      const { tree, fragment } = prepared(name, text);
      const { built } = await routes(tree, fragment);
      expect(built).toBeUndefined();
    });
  }

  it('writes property values as the serialiser does', async () => {
    const el = (properties: Record<string, unknown>) => ({ type: 'element' as const, tagName: 'div', properties: properties as never, children: [] });
    const tree: Root = {
      type: 'root',
      children: [
        el({ className: ['a', 'b'], hidden: true, draggable: false, tabIndex: 0, dataFooBar: 'x', ariaLabel: 'y', title: null }),
        el({ accept: ['a', 'b', ''], download: '', rowSpan: Number.NaN, fooBar: 'camel', foobar: 'second' }),
        el({ hidden: 'until-found', itemScope: 'itemscope', noModule: 'x' }),
      ],
    };
    const { built, parsed } = await routes(tree, true);
    expect(built).toBeDefined();
    expect(built).toBe(parsed);
  });

  it('runs no script and fetches nothing on a page it builds', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '?');
      res.end(req.url?.endsWith('.css') ? 'img { display: none }' : '<script>parent.ran = "frame"</script>');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const u = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/${path}`;
    const mark = (how: string) => `window.ran = '${how}'`;
    const text = [
      `<base href="${u('base/')}"><meta http-equiv="refresh" content="0; url=${u('refresh')}">`,
      `<link rel="stylesheet" href="${u('sheet.css')}"><link rel="preload" as="font" href="${u('font.woff2')}">`,
      `<style>@import url("${u('imported.css')}"); body { background: url(${u('bg.png')}) }</style>`,
      `<script src="${u('script.js')}"></script><script>${mark('script')}</script><script type="module">${mark('module')}</script>`,
      `<p onclick="${mark('onclick')}">Text <img src="${u('image.png')}" onerror="${mark('onerror')}" onload="${mark('onload')}"></p>`,
      `<img srcset="${u('srcset.png')} 1x" alt="x"><picture><source srcset="${u('picture.webp')}"><img src="p.png" alt="p"></picture>`,
      `<iframe src="${u('frame.html')}" title="f"></iframe><iframe srcdoc="<script>parent.ran = 'srcdoc'</script>" title="s"></iframe>`,
      `<iframe src="javascript:parent.ran = 'js-frame'" title="j"></iframe><a href="javascript:${mark('link')}">link</a>`,
      `<object data="${u('object.swf')}" aria-label="o"></object><embed src="${u('embed.swf')}">`,
      `<video src="${u('video.mp4')}" poster="${u('poster.png')}" autoplay><track src="${u('captions.vtt')}" kind="captions"></video>`,
      `<div style="background-image: url(${u('inline.png')})">Styled</div><input type="image" src="${u('input.png')}" alt="Go">`,
      `<form action="${u('form')}"><input autofocus onfocus="${mark('onfocus')}"><button></button></form>`,
      `<details open ontoggle="${mark('ontoggle')}"><summary>More</summary>Details</details>`,
    ].join('\n');
    try {
      const doc = createDoc('hostile.html', text, 'html', 'article');
      const eng = await loadEngine();
      const before = buildStats.built;
      const out = await runAxe({ hast: doc.hast, fragment: doc.fragment, text, markdown: false, rules: ['button-name', 'image-alt'], budgetMs: 60_000 });
      expect(buildStats.built).toBe(before + 1);
      if (out.kind !== 'done') throw new Error('axe did not run');
      expect(out.findings.map((f) => f.id)).toContain('button-name');
      await new Promise((ok) => setTimeout(ok, 300));
      expect((eng.window as unknown as { ran?: string }).ran).toBeUndefined();
      expect(hits).toEqual([]);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });

  it('gives the same findings as the HTML route', async () => {
    const settings = ConfigResolver.fromData({}, 'cfg', root).resolve(join(root, 'a.md'));
    for (const [name, text] of [...samples, ...deferred]) {
      const kind = name.endsWith('.md') ? 'markdown' : 'html';
      const doc = createDoc(name, text, kind, 'article');
      const input = { hast: doc.hast, fragment: doc.fragment, text, markdown: kind === 'markdown', placeholders: doc.placeholders, rules: axeRulesFor(doc, settings), budgetMs: 60_000 };
      const built = await runAxe(input);
      const parsed = await runAxe({ ...input, parseHtml: true, noProofs: true });
      if (built.kind !== 'done' || parsed.kind !== 'done') throw new Error('axe did not run');
      expect(built.findings, name).toEqual(parsed.findings);
    }
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
