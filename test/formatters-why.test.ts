/**
 * The why reaches the user (issue 12, point 3): a finding's messageId and note travel to SARIF and
 * the HTML report, and `--verbose` stylish shows the line with the found words underlined, the note
 * and the docs link.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../src/types.js';
import { stylish, codeFrame } from '../src/formatters/stylish.js';
import { sarif } from '../src/formatters/sarif.js';
import { html } from '../src/formatters/html.js';
import { summarise } from '../src/report/summary.js';
import { githubSarifProblems, sarifSchemaErrors } from './helpers/sarif-rules.js';
import { project, runCli } from './helpers/cli.js';

const text = 'Intro line.\nThe refund was processed in five days.\n';
const finding: Finding = {
  ruleId: 'passive-voice',
  severity: 'warning',
  message: "'was processed' is passive: say who did it",
  line: 2,
  column: 12,
  endLine: 2,
  endColumn: 25,
  source: 'plainspoke',
  fixable: false,
  docsUrl: 'https://example.com/rules/passive-voice.md',
  messageId: 'passive',
  note: 'Readers want to know who acts.',
};

function reportOf(findings: Finding[]): Report {
  const files = [{ path: 'a.md', channel: 'article' as const, findings }];
  return { tool: { name: 'plainspoke', version: '0.0.0' }, files, summary: summarise(files) };
}

const ctx = { cwd: '/nowhere', color: false, readSource: (p: string) => (p === 'a.md' ? text : undefined) };

describe('stylish --verbose', () => {
  it('shows the line, the underline, the note and the docs link', () => {
    const out = stylish(reportOf([finding]), { ...ctx, verbose: true });
    expect(out.split('\n').slice(0, 6)).toEqual([
      'a.md',
      "  2:12  warning  'was processed' is passive: say who did it  passive-voice",
      '    2 | The refund was processed in five days.',
      '      |            ^^^^^^^^^^^^^',
      '    why: Readers want to know who acts.',
      '    docs: https://example.com/rules/passive-voice.md',
    ]);
  });

  it('adds nothing without --verbose', () => {
    expect(stylish(reportOf([finding]), ctx)).not.toContain('why:');
  });

  it('keeps control characters out of the terminal and the underline in place', () => {
    const frame = codeFrame('a\u001b[31mb\tc word', { line: 1, column: 11, endLine: 1, endColumn: 15 });
    expect(frame).toEqual({ text: 'a\\u001b[31mb c word', at: 15, width: 4 });
    expect(frame!.text.slice(15, 19)).toBe('word');
    const out = stylish(reportOf([{ ...finding, note: 'bad\u001b[2J', line: 1, column: 1, endColumn: 6 }]), { ...ctx, verbose: true });
    expect(out).not.toContain('\u001b');
  });

  it('cuts a long line around the finding', () => {
    const line = `${'x'.repeat(200)} found ${'y'.repeat(200)}`;
    const frame = codeFrame(line, { line: 1, column: 202, endLine: 1, endColumn: 207 })!;
    expect(frame.text.startsWith('…')).toBe(true);
    expect(frame.text.endsWith('…')).toBe(true);
    expect(frame.text.slice(frame.at, frame.at + frame.width)).toBe('found');
  });

  it('underlines to the end of the line for a finding that goes on', () => {
    expect(codeFrame('one two', { line: 1, column: 5, endLine: 3, endColumn: 2 })).toEqual({ text: 'one two', at: 4, width: 3 });
  });
});

describe('plainspoke --verbose', () => {
  it('prints the frame under the finding, read from the file', async () => {
    const dir = project({ 'a.md': '# Title\n\n### Skipped a level\n' });
    const r = await runCli(['--no-axe', '--verbose', '--rule', 'heading-order:warn', 'a.md'], { cwd: dir });
    const lines = r.out.split('\n');
    const at = lines.findIndex((l) => l.includes('heading-order') && l.trimStart().startsWith('3:1'));
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe('    3 | ### Skipped a level');
    expect(lines[at + 2]).toMatch(/^ {6}\| \^+$/);
    expect(lines.slice(at + 3).find((l) => l.trimStart().startsWith('docs:'))).toMatch(/heading-order\.md$/);
  });

  it('is listed in --help', async () => {
    const r = await runCli(['--help'], { cwd: project({}) });
    expect(r.out).toContain('--verbose');
  });
});

describe('SARIF', () => {
  it('carries the messageId and the note in the result properties', () => {
    const log = JSON.parse(sarif(reportOf([finding]), ctx));
    expect(log.runs[0].results[0].properties).toEqual({ messageId: 'passive', note: 'Readers want to know who acts.' });
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(githubSarifProblems(log)).toEqual([]);
  });
});

describe('HTML report', () => {
  it('shows the note', () => {
    expect(html(reportOf([finding]), ctx)).toContain('Why: Readers want to know who acts.');
  });
});
