/**
 * Property tests (fast-check): random Markdown, HTML and Unicode never make a
 * rule or reporter throw; every finding lies inside the file; findings that
 * quote the text point at that text; linting is deterministic.
 * `npm test` runs a bounded number of cases with a fixed seed; `npm run fuzz`
 * runs 20,000 (FUZZ_RUNS).
 *
 * Pathological inputs (issue 20, test/helpers/pathological.ts): every
 * generator at a small size in `npm test` (in this thread: no crash, findings
 * inside the file), and under `npm run fuzz` (FUZZ_RUNS set) also at full
 * size through the engine as the CLI runs it (workers, time limit, big-stack
 * retry): no error, no finding past the file's end. Times are measured by
 * scripts/pathological.mjs, never asserted here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createDoc, type DocKind } from '../src/document/document.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintDoc } from '../src/engine/lint-source.js';
import { buildReport, lintFiles } from '../src/engine/lint-files.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PATHOLOGICAL, pathologicalDoc } from './helpers/pathological.js';
import { expectInside } from './helpers/expect-inside.js';
import { boundContainerMarkers, boundInlineMarkers, boundParagraphLines, boundTableCells } from '../src/document/bound-markdown.js';
import { boundTokens } from '../src/document/prose.js';
import { getFormatter, formatNames } from '../src/formatters/index.js';
import { CHANNELS, type Channel, type FileResult } from '../src/types.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
/** `npm run fuzz` sets FUZZ_RUNS: then the pathological generators also run at full size. */
const FUZZ = process.env.FUZZ_RUNS !== undefined;
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const root = join(import.meta.dirname, '..');

const pieces = [
  '# Heading', '## Sub heading', '#### Deep', '- item', '1. step', '> quoted line', '```\ncode block\n```', '`inline code`',
  '[click here](https://example.com)', '![](img.png)', '![screenshot](a.png)', '{{ticket.requester.first_name}}', '{% if x %}', '{% endif %}',
  '{{#if a}}', '{{/if}}', '%{name}', '[[name]]', '<!-- plainspoke-disable -->', '<!-- plainspoke-enable -->',
  '<!-- plainspoke-disable-next-line passive-voice -->', '<b>bold</b>', '<img src="x.png">', '<table><tr><td>a</td></tr></table>',
  '<video src="v.mp4"></video>', '<p style="color:#eee">faint</p>', '| a | b |\n| --- | --- |\n| 1 | 2 |', '---\ntitle: x\n---',
  'Your card was charged twice.', 'We apologize for any inconvenience.', 'Simply utilize the form in order to proceed.',
  'We will look into it.', 'Call 555-123-4567 or email a@b.co.', 'Click the green button on the right.', 'The MFA code (2FA) works.',
  'é', '😀', '👩🏽‍💻', 'e\u0301', '\u200b', '\u200f', 'مرحبا', 'שלום', '\u0000', '\ud800', '\udc00', '\t', '\r\n', '\r', '\n', '\n\n', ' ', '*', '_', '&amp;', '&', '<', '>',
];
const doc = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 20 })), { maxLength: 40 }).map((a) => a.join(''));
const kind = fc.constantFrom<DocKind>('markdown', 'html');
const channel = fc.constantFrom<Channel>(...CHANNELS);

async function lint(text: string, k: DocKind, ch: Channel): Promise<FileResult> {
  const d = createDoc(k === 'html' ? 'f.html' : 'f.md', text, k, ch);
  const settings = ConfigResolver.fromData({ channel: ch }, 'property test', root).resolve(join(root, 'f.md'));
  return lintDoc(d, settings, { noAxe: true });
}

/** Rules whose message starts by quoting exactly the text they point at. */
const QUOTING = new Set(['passive-voice', 'simpler-words', 'jargon', 'inclusive-language', 'minimizing-language', 'blame-language', 'robotic-phrase']);

describe('property: any input', () => {
  it('never throws, keeps findings inside the file, quotes what it points at, and is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(doc, kind, channel, async (text, k, ch) => {
        const a = await lint(text, k, ch);
        const lines = text.split(/\r\n|\r|\n/);
        for (const f of a.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.length);
          const lineLen = [...lines[f.line - 1]].length;
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lineLen + 1);
          expect(f.endLine).toBeGreaterThanOrEqual(f.line);
          if (QUOTING.has(f.ruleId) && f.line === f.endLine) {
            const quoted = /^'([^']+)'/.exec(f.message)?.[1];
            const at = [...lines[f.line - 1]].slice(f.column - 1, f.endColumn - 1).join('');
            if (quoted) expect(at.replace(/\s+/g, ' ').toLowerCase()).toBe(quoted.replace(/\s+/g, ' ').toLowerCase());
          }
        }
        const b = await lint(text, k, ch);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        const report = buildReport([a]);
        for (const name of formatNames()) {
          const format = await getFormatter(name);
          expect(() => format!(report, { cwd: root, color: true })).not.toThrow();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});

describe('property: pathological inputs (issue 20)', () => {
  it.each(PATHOLOGICAL.map((p) => [p.name, p] as const))('%s at a small size lints without a crash, findings inside the file', async (_name, p) => {
    const text = pathologicalDoc(p, 'small');
    const r = await lint(text, p.ext === 'html' ? 'html' : 'markdown', p.channel ?? 'article');
    expect(r.error).toBeUndefined();
    expectInside(text, r.findings);
  });

  it.skipIf(!FUZZ).each(PATHOLOGICAL.map((p) => [p.name, p] as const))(
    '%s at full size lints through the engine with no error and findings inside the file',
    async (_name, p) => {
      const dir = mkdtempSync(join(tmpdir(), 'plainspoke-pathological-'));
      try {
        // No time limit is under test (scripts/pathological.mjs measures times): a busy machine must not fail it.
        mkdirSync(join(dir, '.git'));
        writeFileSync(join(dir, '.plainspoke.yml'), 'timeout: 600\n');
        const file = join(dir, `${p.name}.${p.ext}`);
        const text = pathologicalDoc(p, 'full');
        writeFileSync(file, text);
        // The CSS cases are about axe: run it there.
        const axe = p.name.startsWith('nested-css');
        const { report } = await lintFiles([file], { cwd: dir, cli: p.channel ? { channel: p.channel } : {}, noAxe: !axe, jobs: 1 });
        const r = report.files[0];
        expect(r.error).toBeUndefined();
        expectInside(text, r.findings);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});

describe('property: the parser bounds keep every offset (issue 20)', () => {
  const bounds = { boundContainerMarkers, boundInlineMarkers, boundParagraphLines, boundTableCells, boundTokens };
  it('never change the length, and change nothing in an ordinary document', () => {
    fc.assert(
      fc.property(doc, (text) => {
        for (const [name, bound] of Object.entries(bounds)) {
          const out = bound(text);
          expect(out.length, name).toBe(text.length);
          // The random documents are small: far below every cap.
          expect(out, name).toBe(text);
        }
      }),
      { numRuns: Math.min(RUNS, 2000), seed: SEED },
    );
  });

  // Tiny caps, so the small documents cross them.
  const tight: ((text: string) => string)[] = [
    (t) => boundContainerMarkers(t, 3),
    (t) => boundInlineMarkers(t, { attention: 2, bracket: 2, backtick: 1 }),
    (t) => boundParagraphLines(t, 3),
    (t) => boundTableCells(t, 5),
    boundTokens,
  ];

  it.each(PATHOLOGICAL.map((p) => [p.name, p] as const))('%s: the bounds keep the length and every line break', (_name, p) => {
    const text = pathologicalDoc(p, 'small');
    for (const bound of tight) {
      const out = bound(text);
      expect(out.length).toBe(text.length);
      for (let i = 0; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') expect(out[i]).toBe(text[i]);
    }
  });

  // Issue 19: boundInlineMarkers skips its scan when no character count passes a cap. Another region
  // (after a blank line) past every cap makes it scan; the first region must come out the same.
  it('inline markers: the first look never skips a change', () => {
    const markers = fc.array(fc.constantFrom('*', '_', '~', '[', ']', '`', '<', '<a', '-->', '(', ')', ':', 'x', ' ', '\n', '\\'), { maxLength: 120 }).map((a) => a.join(''));
    const caps = fc.record({ attention: fc.integer({ min: 0, max: 6 }), bracket: fc.integer({ min: 0, max: 6 }), backtick: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(markers, caps, (t, c) => {
        const scanned = boundInlineMarkers(`${t}\n\n${'<a *_~] ` '.repeat(40)}`, c).slice(0, t.length);
        expect(boundInlineMarkers(t, c)).toBe(scanned);
      }),
      { numRuns: Math.min(RUNS * 5, 3000), seed: SEED },
    );
  });

  it('turn only what is past a cap into no-break spaces', () => {
    expect(boundContainerMarkers('> > > > x\n- - - y\n', 2)).toBe('> > \u00a0 \u00a0 x\n- - \u00a0 y\n');
    expect(boundInlineMarkers('a*b*c*d ] ] ] `x `y ``z ```w\n\n*e*', { attention: 2, bracket: 1, backtick: 1 })).toBe('a*b*c\u00a0d ] \u00a0 \u00a0 `x `y ``z \u00a0\u00a0\u00a0w\n\n*e*');
    // Links and closed code spans are never touched.
    expect(boundInlineMarkers('[a](b) [c](d) `e` `f`', { attention: 0, bracket: 0, backtick: 0 })).toBe('[a](b) [c](d) `e` `f`');
    expect(boundParagraphLines('a\nb\nc\nd\n', 2)).toBe('a\nb\n \nd\n');
    const comments = `x ${'<!-- '.repeat(40)}\n`;
    expect(boundInlineMarkers(comments)).toBe(`x ${'<!-- '.repeat(32)}${'\u00a0!-- '.repeat(8)}\n`);
    expect(boundInlineMarkers(`x ${'<!-- a --> '.repeat(40)}\n`)).toBe(`x ${'<!-- a --> '.repeat(40)}\n`);
    expect(boundTableCells('|a|b|\n|-|-|\n|1|2|\n|3|4|\n', 9)).toBe('|a|b|\n|-|-|\n|1|2|\n\u00a03\u00a04\u00a0\n');
    expect(boundTokens('x'.repeat(2050))).toBe(`${'x'.repeat(1024)} ${'x'.repeat(1024)} `);
  });
});
