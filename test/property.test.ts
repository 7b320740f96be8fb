/**
 * Property tests (fast-check): random Markdown, HTML and Unicode never make a
 * rule or reporter throw; every finding lies inside the file; findings that
 * quote the text point at that text; linting is deterministic.
 * `npm test` runs a bounded number of cases with a fixed seed; `npm run fuzz`
 * runs 20,000 (FUZZ_RUNS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createDoc, type DocKind } from '../src/document/document.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintDoc } from '../src/engine/lint-source.js';
import { buildReport } from '../src/engine/lint-files.js';
import { getFormatter, formatNames } from '../src/formatters/index.js';
import { CHANNELS, type Channel, type FileResult } from '../src/types.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
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
