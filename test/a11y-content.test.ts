/**
 * The source-level accessibility rules beyond their fixtures: CRLF files keep
 * every line and column, options work, the contrast maths matches WCAG 2.2,
 * and hostile input stays fast and never overflows the stack.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';
import { contrast, formatRatio, parseColour } from '../src/a11y/contrast/colour.js';
import { parseStylesheet, RuleIndex } from '../src/a11y/contrast/css.js';
import { lintFixture } from './helpers/fixtures.js';

const RULES = ['image-alt', 'alt-text-quality', 'link-text', 'heading-order', 'sensory-language', 'media-alternatives', 'table-headers', 'color-contrast'];
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'rules');

async function lint(name: string, text: string, config: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ps-a11y-'));
  const resolver = ConfigResolver.fromData(config, 'test config', dir);
  return lintSource({ path: name, absPath: join(dir, name), bytes: new TextEncoder().encode(text) }, resolver, { noAxe: true });
}

const at = (r: Awaited<ReturnType<typeof lint>>, id: string) => r.findings.filter((f) => f.ruleId === id).map((f) => `${f.line}:${f.column}`);

describe('CRLF files', () => {
  for (const id of RULES) {
    for (const ext of ['md', 'html']) {
      it(`${id} invalid.${ext} reports the same lines and columns with CRLF`, async () => {
        const file = join(fixtures, id, `invalid.${ext}`);
        const lf = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
        const dir = mkdtempSync(join(tmpdir(), 'ps-crlf-'));
        const lfFile = join(dir, `lf.${ext}`);
        const crlfFile = join(dir, `crlf.${ext}`);
        writeFileSync(lfFile, lf);
        writeFileSync(crlfFile, lf.replace(/\n/g, '\r\n'));
        const a = await lintFixture(lfFile, { noAxe: true });
        const b = await lintFixture(crlfFile, { noAxe: true });
        expect(b.error).toBeUndefined();
        const pos = (r: typeof a) => r.findings.filter((f) => f.ruleId === id).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
        expect(pos(a).length).toBeGreaterThan(0);
        expect(pos(b)).toEqual(pos(a));
      });
    }
  }

  it('the contract cases: line 5 in Markdown, line 3 in an HTML fragment, also with CRLF', async () => {
    expect(at(await lint('img.md', '# Setup\r\n\r\nOpen the app.\r\n\r\n![](setup-screen.png)\r\n'), 'image-alt')).toEqual(['5:1']);
    expect(at(await lint('frag.html', '<h2>Set up</h2>\r\n<p>Open the app.</p>\r\n<img src="setup.png">\r\n'), 'image-alt')).toEqual(['3:1']);
  });
});

describe('options', () => {
  it('image-alt: markdownEmptyAlt decorative leaves ![](x.png) alone but not <img> without alt', async () => {
    const text = '![](line.png)\n\n<img src="a.png">\n';
    expect(at(await lint('a.md', text), 'image-alt')).toEqual(['1:1', '3:1']);
    expect(at(await lint('a.md', text, { rules: { 'image-alt': ['error', { markdownEmptyAlt: 'decorative' }] } }), 'image-alt')).toEqual(['3:1']);
  });
  it('alt-text-quality: maxLength', async () => {
    const text = '![A router on a desk, with three green lights on its front](router.png)\n';
    expect(at(await lint('a.md', text), 'alt-text-quality')).toEqual([]);
    expect(at(await lint('a.md', text, { rules: { 'alt-text-quality': ['warn', { maxLength: 20 }] } }), 'alt-text-quality')).toEqual(['1:3']);
  });
  it('link-text: bareUrls and ambiguous can be turned off; a bare URL is info', async () => {
    const text = 'See https://example.com/help/refunds and [Billing](/a) or [Billing](/b).\n';
    const on = await lint('a.md', text);
    expect(on.findings.filter((f) => f.ruleId === 'link-text').map((f) => f.severity)).toEqual(['info', 'warning']);
    const off = await lint('a.md', text, { rules: { 'link-text': ['warn', { bareUrls: false, ambiguous: false }] } });
    expect(at(off, 'link-text')).toEqual([]);
  });
  it('color-contrast: the assumed background comes from theme.background and the message says so', async () => {
    const text = '<p style="color: #555555">Grey text</p>\n';
    const light = await lint('a.html', text);
    expect(at(light, 'color-contrast')).toEqual([]);
    const dark = await lint('a.html', text, { theme: { background: '#111111' } });
    const f = dark.findings.find((x) => x.ruleId === 'color-contrast');
    expect(f?.message).toContain('#555555 on #111111');
    expect(f?.message).toContain('theme.background');
  });
  it('media-alternatives: embedded video is info, a bare video follows the configured severity', async () => {
    const r = await lint('a.html', '<video src="a.mp4"></video>\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n', { rules: { 'media-alternatives': 'error' } });
    expect(r.findings.filter((f) => f.ruleId === 'media-alternatives').map((f) => f.severity)).toEqual(['error', 'info']);
  });
});

describe('contrast maths (WCAG 2.2)', () => {
  const ratio = (a: string, b: string) => contrast(parseColour(a)!, parseColour(b)!);
  it('black on white is 21:1, equal colours 1:1', () => {
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(ratio('red', 'rgb(255 0 0)')).toBeCloseTo(1, 5);
  });
  it('known pairs', () => {
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(ratio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('#949494', '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it('reads every CSS colour syntax through colord', () => {
    for (const c of ['rebeccapurple', '#abc', '#abcd', '#aabbcc', '#aabbccdd', 'rgb(1, 2, 3)', 'rgba(1,2,3,.5)', 'rgb(1 2 3 / 50%)', 'hsl(120 50% 50%)', 'hsla(120, 50%, 50%, 0.3)', 'hwb(120 10% 10%)', 'lab(50% 40 59.5)', 'lch(52% 72 50)', 'transparent']) {
      expect(parseColour(c), c).toBeDefined();
    }
    for (const c of ['var(--x)', 'currentColor', 'Canvas', '#ggg', 'nonsense', '']) expect(parseColour(c), c).toBeUndefined();
  });
  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.4999)).toBe('4.49');
    expect(formatRatio(21)).toBe('21');
  });
});

describe('hostile input', () => {
  it('deeply nested elements neither overflow the stack nor take long', async () => {
    // The HTML parser itself stops near 3,000 levels (the engine then reports the file as too deep); our walks are iterative.
    const depth = 1500;
    const text = `<style>div p { color: #eee } .a ~ .b { color: #eee }</style>${'<div style="color:#333">'.repeat(depth)}<p>deep <a href="/x">here</a></p><h4>t</h4>${'</div>'.repeat(depth)}`;
    const started = performance.now();
    const r = await lint('deep.html', text);
    expect(r.error).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(20000);
  });
  it('thousands of images, links and tables stay linear', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 2000; i++) parts.push(`<p><a href="/p${i}">Page ${i % 50}</a> <img src="i${i}.png"> <span style="color:#${(i % 9) + 1}${(i % 9) + 1}${(i % 9) + 1}">t</span></p>`);
    const started = performance.now();
    const r = await lint('many.html', parts.join('\n'));
    expect(r.error).toBeUndefined();
    expect(r.findings.filter((f) => f.ruleId === 'image-alt')).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(20000);
  });
  it('a huge style attribute and an unclosed style block are read safely', async () => {
    const r = await lint('x.html', `<p style="${'color:red;'.repeat(20000)}">x</p><style>p { color: #eee; ${'{'.repeat(5000)}`);
    expect(r.error).toBeUndefined();
  });
});

describe('color-contrast style rule index', () => {
  const css = 'p { color: #777 } .note { color: #888 } #top { color: #999 } * { color: #aaa } div p.warn.big { color: #bbb } [data-x] { color: #ccc } .big { color: #ddd }';
  const index = new RuleIndex(parseStylesheet(css, 0));
  const colours = (tag: string, id: string | undefined, classes: string[]) => index.candidates(tag, id, classes).map((r) => r.decls[0].value);

  it('hands an element only the rules its tag, id or classes can match, in source order', () => {
    expect(colours('p', undefined, [])).toEqual(['#777', '#aaa', '#ccc']);
    expect(colours('span', 'top', ['note'])).toEqual(['#888', '#999', '#aaa', '#ccc']);
    // A rule with two classes is filed under its first: an element with both, in any order, gets it.
    expect(colours('p', undefined, ['big', 'warn'])).toEqual(['#777', '#aaa', '#bbb', '#ccc', '#ddd']);
    // A class given twice does not bring its rules twice.
    expect(colours('em', undefined, ['note', 'note'])).toEqual(['#888', '#aaa', '#ccc']);
  });
});

