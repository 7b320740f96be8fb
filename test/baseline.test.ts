/** Baseline (CONTRACT "Baseline"): known findings hidden by fingerprint, never by line. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { project, runCli } from './helpers/cli.js';
import { applyBaseline, baselineFromReport, parseBaseline, stringifyBaseline, updatedBaseline } from '../src/engine/baseline.js';
import { summarise } from '../src/report/summary.js';
import type { FileResult, Finding, Report } from '../src/types.js';

// Only passive-voice (and unused-disable) run here, so other rules' findings cannot change these counts.
vi.mock('../src/rules/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/rules/registry.js')>();
  const rules = real.allRules().filter((r) => r.id === 'passive-voice' || r.id === 'unused-disable');
  return { ...real, allRules: () => rules, getRule: (id: string) => rules.find((r) => r.id === id), ruleIds: () => rules.map((r) => r.id) };
});

const FLAGS = ['--no-axe', '--rule', 'passive-voice:error'];

const DOC = [
  '# Billing',
  '',
  'Your card was charged twice.',
  '',
  'We refund you in five days.',
  '',
  'The order was shipped late and your box was shipped to the wrong door.',
  '',
].join('\n');

interface JsonReport {
  files: { path: string; findings: { ruleId: string; line: number }[] }[];
  summary: { errors: number; warnings: number };
  baseline?: { hidden: number; fixed: number };
}

async function lint(dir: string, extra: string[] = []) {
  const r = await runCli([...FLAGS, '--format', 'json', ...extra, '.'], { cwd: dir });
  return { ...r, rep: JSON.parse(r.out) as JsonReport };
}

function entries(dir: string, file = '.plainspoke-baseline.json'): Record<string, { count: number; ruleId: string; path: string }> {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')).findings;
}

describe('--update-baseline and --baseline', () => {
  it('writes every finding, then hides them all: exit 0, counts in JSON and stylish', async () => {
    const dir = project({ 'help/a.md': DOC });
    const first = await lint(dir);
    expect(first.code).toBe(1);
    expect(first.rep.summary.errors).toBe(3);

    const up = await runCli([...FLAGS, '--update-baseline', '.'], { cwd: dir });
    expect(up.err).toContain('wrote 3 known findings to .plainspoke-baseline.json');
    expect(up.code).toBe(0);
    const e = entries(dir);
    // "was shipped … was shipped" sits twice in one sentence: one fingerprint, count 2.
    expect(Object.values(e).map((x) => x.count).sort()).toEqual([1, 2]);
    expect(Object.values(e).every((x) => x.path === 'help/a.md' && x.ruleId === 'passive-voice')).toBe(true);

    const again = await lint(dir, ['--baseline']);
    expect(again.code).toBe(0);
    expect(again.rep.summary.errors).toBe(0);
    expect(again.rep.baseline).toEqual({ hidden: 3, fixed: 0 });
    const stylish = await runCli([...FLAGS, '--baseline', '.plainspoke-baseline.json', '.'], { cwd: dir });
    expect(stylish.out).toContain('baseline: 3 known findings hidden, 0 fixed since it was written');
    expect(stylish.code).toBe(0);
  });

  it('survives lines inserted above a finding and an edit to another paragraph', async () => {
    const dir = project({ 'a.md': DOC });
    await runCli([...FLAGS, '--update-baseline', '.'], { cwd: dir });
    const edited = DOC.replace('# Billing\n', '# Billing\n\nA new intro paragraph.\n\nAnd another one here.\n').replace('We refund you in five days.', 'We refund you in three days, by bank transfer.');
    writeFileSync(join(dir, 'a.md'), edited);
    const r = await lint(dir, ['--baseline']);
    expect(r.rep.files[0].findings).toEqual([]);
    expect(r.rep.baseline).toEqual({ hidden: 3, fixed: 0 });
    expect(r.code).toBe(0);
  });

  it('fails only on new findings, including a second copy of a known one', async () => {
    const dir = project({ 'a.md': DOC });
    await runCli([...FLAGS, '--update-baseline', '.'], { cwd: dir });
    writeFileSync(join(dir, 'a.md'), `${DOC}\nYour refund was approved today.\n\nYour card was charged twice.\n`);
    const r = await lint(dir, ['--baseline']);
    expect(r.code).toBe(1);
    expect(r.rep.summary.errors).toBe(2);
    expect(r.rep.files[0].findings.map((f) => f.line)).toEqual([9, 11]);
    expect(r.rep.baseline).toEqual({ hidden: 3, fixed: 0 });
  });

  it('a fixed finding leaves the count; --update-baseline then shrinks the file', async () => {
    const dir = project({ 'a.md': DOC });
    await runCli([...FLAGS, '--update-baseline', '.'], { cwd: dir });
    writeFileSync(join(dir, 'a.md'), DOC.replace('Your card was charged twice.', 'We charged your card twice.'));
    const r = await lint(dir, ['--baseline']);
    expect(r.code).toBe(0);
    expect(r.rep.baseline).toEqual({ hidden: 2, fixed: 1 });

    // --update-baseline records what is there now and says how many left.
    const up = await runCli([...FLAGS, '--format', 'json', '--update-baseline', '.'], { cwd: dir });
    expect(JSON.parse(up.out).baseline).toEqual({ hidden: 2, fixed: 1 });
    const counts = Object.values(entries(dir)).reduce((n, x) => n + x.count, 0);
    expect(counts).toBe(2);
    const after = await lint(dir, ['--baseline']);
    expect(after.rep.baseline).toEqual({ hidden: 2, fixed: 0 });
  });

  it('a run on some files keeps the other files’ entries and does not call them fixed', async () => {
    const dir = project({ 'a.md': DOC, 'b.md': '# B\n\nYour refund was declined.\n' });
    await runCli([...FLAGS, '--update-baseline', '.'], { cwd: dir });
    const some = await runCli([...FLAGS, '--format', 'json', '--baseline', '.plainspoke-baseline.json', 'b.md'], { cwd: dir });
    expect(JSON.parse(some.out).baseline).toEqual({ hidden: 1, fixed: 0 });
    await runCli([...FLAGS, '--update-baseline', 'b.md'], { cwd: dir });
    expect(Object.values(entries(dir)).map((x) => x.path).sort()).toEqual(['a.md', 'a.md', 'b.md']);
  });

  it('--baseline <file> reads and --update-baseline writes that file', async () => {
    const dir = project({ 'a.md': DOC });
    // The folder does not exist: it is made (issue 17, defect 5).
    const made = await runCli([...FLAGS, '--baseline', 'ci/known.json', '--update-baseline', '.'], { cwd: dir });
    expect(made.code).toBe(0);
    expect(Object.keys(entries(dir, 'ci/known.json'))).toHaveLength(2);
    const ok = await runCli([...FLAGS, '--baseline', 'known.json', '--update-baseline', '.'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(Object.keys(entries(dir, 'known.json'))).toHaveLength(2);
    expect((await lint(dir, ['--baseline', 'known.json'])).rep.baseline).toEqual({ hidden: 3, fixed: 0 });
  });

  it('exit 2 for a missing or broken baseline, naming the file', async () => {
    const dir = project({ 'a.md': DOC, 'bad.json': '{"findings": [' });
    const missing = await runCli([...FLAGS, '--baseline', '.'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('.plainspoke-baseline.json: no such file (create it with --update-baseline)');
    const broken = await runCli([...FLAGS, '--baseline', 'bad.json', '.'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('bad.json: is not a plainspoke baseline');
    // --update-baseline replaces a broken file.
    const fixed = await runCli([...FLAGS, '--baseline', 'bad.json', '--update-baseline', '.'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(Object.keys(entries(dir, 'bad.json'))).toHaveLength(2);
  });

  it('--baseline followed by a folder, file or glob treats it as a path to lint, not the baseline file', async () => {
    const dir = project({ 'help/a.md': DOC });
    await runCli([...FLAGS, '--update-baseline', 'help'], { cwd: dir });
    for (const input of ['help', 'help/a.md', 'help/*.md']) {
      const r = await runCli([...FLAGS, '--format', 'json', '--baseline', input], { cwd: dir });
      expect(r.code, input).toBe(0);
      expect(JSON.parse(r.out).baseline).toEqual({ hidden: 3, fixed: 0 });
    }
  });

  it('--max-warnings counts only findings the baseline did not hide', async () => {
    const dir = project({ 'a.md': DOC });
    await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--update-baseline', '.'], { cwd: dir });
    const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--max-warnings', '0', '--baseline', '.'], { cwd: dir });
    expect(r.code).toBe(0);
  });
});

describe('applyBaseline', () => {
  const f = (fp: string, line: number): Finding => ({ ruleId: 'r', severity: 'warning', message: 'm', line, column: 1, endLine: line, endColumn: 2, source: 'plainspoke', fixable: false, fingerprint: fp });
  const rep = (files: FileResult[]): Report => ({ tool: { name: 'plainspoke', version: '1.0.0' }, files, summary: summarise(files) });

  it('hides at most count findings per fingerprint and counts the rest of the linted files as fixed', () => {
    const base = baselineFromReport(rep([{ path: 'a.md', channel: 'article', findings: [f('x', 1), f('x', 2), f('y', 3)] }, { path: 'b.md', channel: 'article', findings: [f('z', 1)] }]));
    expect(base.entries.get('x')?.count).toBe(2);
    const now = rep([{ path: 'a.md', channel: 'article', findings: [f('x', 5), f('x', 6), f('x', 7), f('w', 8)] }]);
    const { report, hidden, fixed } = applyBaseline(now, base);
    expect(hidden).toBe(2);
    expect(fixed).toBe(1); // y is gone from a.md; b.md was not linted, so z is not "fixed"
    expect(report.files[0].findings.map((x) => x.line)).toEqual([7, 8]);
    expect(report.summary.warnings).toBe(2);
    expect(report.baseline).toEqual({ hidden: 2, fixed: 1 });
  });

  it('never hides findings of files that failed, and keeps their entries on update', () => {
    const base = baselineFromReport(rep([{ path: 'a.md', channel: 'article', findings: [f('x', 1)] }]));
    const now = rep([{ path: 'a.md', channel: 'article', findings: [], error: 'a.md: cannot be read' }]);
    expect(applyBaseline(now, base)).toMatchObject({ hidden: 0, fixed: 0 });
    expect(updatedBaseline(base, now).entries.get('x')?.count).toBe(1);
  });

  it('round-trips through its file format, sorted for review', () => {
    const base = baselineFromReport(rep([{ path: 'b.md', channel: 'article', findings: [f('q', 1)] }, { path: 'a.md', channel: 'article', findings: [f('x', 1), f('x', 2)] }]));
    const text = stringifyBaseline(base);
    expect(Object.keys(JSON.parse(text).findings)).toEqual(['x', 'q']);
    expect(parseBaseline(text, 'f.json').entries).toEqual(base.entries);
    expect(() => parseBaseline('{"format":"plainspoke-baseline","version":1,"findings":{"x":{"count":0}}}', 'f.json')).toThrow(/entry 'x'/);
  });
});
