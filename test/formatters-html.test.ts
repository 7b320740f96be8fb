/** The insights report (`--format html`, issue 18): its numbers, its markup, `--history` and the config's `groups`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { FileResult, Finding, Report } from '../src/types.js';
import { summarise } from '../src/report/summary.js';
import { compareReports, computeInsights } from '../src/report/insights/compute.js';
import { groupsFor, groupSpecsFrom, sharedFolder } from '../src/report/insights/groups.js';
import { sentenceFinder } from '../src/report/insights/sentences.js';
import { asReport } from '../src/report/insights/history.js';
import { html, insightsFormatter } from '../src/formatters/html.js';
import { project, runCli } from './helpers/cli.js';

function f(ruleId: string, line: number, severity: Finding['severity'] = 'warning', fingerprint?: string): Finding {
  return { ruleId, severity, message: `${ruleId} at ${line}`, line, column: 1, endLine: line, endColumn: 5, source: 'plainspoke', fixable: false, ...(fingerprint ? { fingerprint } : {}) };
}

function care(score: number, impact: boolean): NonNullable<FileResult['metrics']>['care'] {
  return { namesImpact: { met: impact }, offersNextStep: { met: score > 1 }, timeFrame: { met: false }, confirmsUnderstanding: { met: score > 2 }, score };
}

function report(files: FileResult[]): Report {
  return { tool: { name: 'plainspoke', version: '1.2.3' }, files, summary: summarise(files) };
}

const NOW = report([
  { path: 'help/billing/refunds.md', channel: 'article', findings: [f('passive-voice', 3, 'warning', 'p1'), f('image-alt', 7, 'error', 'i1')], metrics: { words: 500, sentences: 30, gradeLevel: 9.2, readingTimeMinutes: 3 } },
  { path: 'help/account/reset.md', channel: 'article', findings: [], metrics: { words: 300, sentences: 20, gradeLevel: 6.1, readingTimeMinutes: 2 } },
  { path: 'help/macros/late.md', channel: 'macro', findings: [f('blame-language', 4, 'warning', 'b1'), f('passive-voice', 5, 'warning', 'p2')], metrics: { words: 100, sentences: 8, gradeLevel: 5, readingTimeMinutes: 1, care: care(3, true) } },
  { path: 'help/macros/refund.md', channel: 'macro', findings: [f('image-alt', 2, 'error', 'i2')], metrics: { words: 100, sentences: 8, gradeLevel: 7.5, readingTimeMinutes: 1, care: care(1, false) } },
]);

const BEFORE = report([
  { path: 'help/billing/refunds.md', channel: 'article', findings: [f('passive-voice', 3, 'warning', 'p1'), f('jargon', 9, 'warning', 'j1'), f('jargon', 10, 'warning', 'j2')], metrics: { words: 500, sentences: 30, gradeLevel: 10, readingTimeMinutes: 3 } },
  { path: 'help/account/reset.md', channel: 'article', findings: [f('sensory-language', 2, 'warning', 's1')], metrics: { words: 300, sentences: 20, gradeLevel: 6.1, readingTimeMinutes: 2 } },
]);

describe('insights numbers', () => {
  it('totals: words, problems per 1,000 words, share of files with no errors, average care score', () => {
    const ins = computeInsights(NOW);
    expect(ins.totals).toMatchObject({ files: 4, words: 1000, findings: 5, errors: 2, warnings: 3, per1000: 5, cleanShare: 0.5, care: 2, replies: 2 });
  });

  it('groups by top folder under the shared folder, and by channel', () => {
    const ins = computeInsights(NOW);
    expect(ins.groups.map((g) => [g.name, g.files, g.findings, g.per1000])).toEqual([
      ['macros', 2, 3, 15],
      ['billing', 1, 2, 4],
      ['account', 1, 0, 0],
    ]);
    expect(ins.channels.map((c) => [c.name, c.files, c.care, c.target])).toEqual([
      ['macro', 2, 2, 6],
      ['article', 2, undefined, 8],
    ]);
    expect(ins.groups.find((g) => g.name === 'billing')).toMatchObject({ medianGrade: 9.2, target: 8, overTarget: 1 });
  });

  it("the config's groups come first; other files fall back to their folder", () => {
    const of = groupsFor(['help/a/x.md', 'help/b/y.md', 'help/b/z.md'], [{ name: 'Billing', files: ['b/y.md'], dir: 'help' }]);
    expect(['help/a/x.md', 'help/b/y.md', 'help/b/z.md'].map(of)).toEqual(['a', 'Billing', 'b']);
    expect(sharedFolder(['a/b/c.md', 'a/b/d/e.md'])).toBe('a/b/');
    expect(groupSpecsFrom([{ dir: '/r', groups: { A: ['x/**'] } }, { dir: '/r/sub', groups: { A: ['y/**'], B: ['z'] } }], '/r')).toEqual([
      { name: 'A', files: ['y/**'], dir: 'sub' },
      { name: 'B', files: ['z'], dir: 'sub' },
    ]);
  });

  it('rules, families, grades and the care rubric across replies', () => {
    const ins = computeInsights(NOW);
    expect(ins.rules.map((r) => [r.ruleId, r.family, r.findings, r.files])).toEqual([
      ['image-alt', 'a11y', 2, 2],
      ['passive-voice', 'plain', 2, 2],
      ['blame-language', 'care', 1, 1],
    ]);
    expect(ins.families.map((x) => [x.family, x.findings])).toEqual([
      ['plain', 2],
      ['care', 1],
      ['a11y', 2],
    ]);
    expect(ins.grades.reduce((n, g) => n + g.files, 0)).toBe(4);
    expect(ins.grades.find((g) => g.label === '9 to 10')?.files).toBe(1);
    expect(ins.care.map((c) => [c.key, c.met, c.replies])).toEqual([
      ['namesImpact', 1, 2],
      ['offersNextStep', 1, 2],
      ['timeFrame', 0, 2],
      ['confirmsUnderstanding', 1, 2],
    ]);
  });

  it('fix these first: severity times files affected, with examples', () => {
    const ins = computeInsights(NOW);
    expect(ins.priorities.map((p) => [p.ruleId, p.score])).toEqual([
      ['image-alt', 6],
      ['passive-voice', 4],
      ['blame-language', 2],
    ]);
    expect(ins.priorities[0].examples.map((e) => `${e.path}:${e.line}`)).toEqual(['help/billing/refunds.md:7', 'help/macros/refund.md:2']);
    expect(ins.topFiles.map((x) => [x.path, x.score])).toEqual([
      ['help/billing/refunds.md', 5],
      ['help/macros/late.md', 4],
      ['help/macros/refund.md', 3],
    ]);
  });

  it('closes the loop with earlier reports: new, fixed, remaining and a trend per family', () => {
    expect(compareReports(BEFORE, NOW)).toEqual({ newFindings: 4, fixed: 3, remaining: 1 });
    const ins = computeInsights(NOW, { history: [{ label: '2026-11-01', report: BEFORE }] });
    expect(ins.loop).toEqual({ against: '2026-11-01', kind: 'history', newFindings: 4, fixed: 3, remaining: 1 });
    expect(ins.before?.totals.per1000).toBe(5);
    expect(ins.trend).toEqual({
      labels: ['2026-11-01', 'this report'],
      series: [
        { family: 'plain', values: [3, 2] },
        { family: 'care', values: [0, 1] },
        { family: 'a11y', values: [1, 2] },
      ],
    });
  });

  it('closes the loop with a baseline: the hidden findings remain', () => {
    const ins = computeInsights({ ...NOW, baseline: { hidden: 7, fixed: 2 } });
    expect(ins.loop).toEqual({ against: 'the baseline', kind: 'baseline', newFindings: 5, fixed: 2, remaining: 7 });
    expect(ins.before).toEqual({ label: 'the baseline', totals: { findings: 9, per1000: 9 }, now: { findings: 12, per1000: 12 } });
  });

  it('reads earlier reports, and refuses a file that is not one', () => {
    expect(asReport(JSON.parse(JSON.stringify(BEFORE)), 'h/a.json').files).toHaveLength(2);
    expect(() => asReport({ files: [] }, 'h/b.json')).toThrow('h/b.json: is not a plainspoke JSON report');
  });
});

describe('the sentence of a finding', () => {
  it('is the prose sentence holding the finding, with placeholders and code put back; else the source line', () => {
    const dir = project({
      'a.md': '# Title\n\nFirst sentence here. Your card was charged by {{ agent.name }} twice.\nThird one.\n\n![](chart.png)\n',
    });
    const find = sentenceFinder({ cwd: dir });
    expect(find('a.md', 'article', { line: 3, column: 37 })?.text).toBe('Your card was charged by {{ agent.name }} twice.');
    expect(find('a.md', 'article', { line: 4, column: 1 })?.text).toBe('Third one.');
    expect(find('a.md', 'article', { line: 6, column: 1 })?.text).toBe('![](chart.png)');
    expect(find('missing.md', 'article', { line: 1, column: 1 })).toBeUndefined();
    expect(find('a.md', 'article', { line: 3, column: 30 })?.key).toBe(find('a.md', 'article', { line: 3, column: 50 })?.key);
  });
});

describe('insights page', () => {
  const page = (r: Report = NOW, history = false) => {
    const fmt = history ? insightsFormatter({ history: [{ label: '2026-11-01', report: BEFORE }] }) : html;
    return fmt(r, { cwd: '/nowhere', color: false });
  };
  const dom = (s: string) => new JSDOM(s).window.document;

  it('is one page: strict CSP, no script, nothing loaded', () => {
    const s = page();
    expect(s).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(s).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
  });

  it('every chart is an SVG image with a title and a description, beside a table', () => {
    const d = dom(page(NOW, true));
    const svgs = [...d.querySelectorAll('svg')];
    expect(svgs.length).toBe(7);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      const [t, desc] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(d.getElementById(t)?.tagName.toLowerCase()).toBe('title');
      expect(d.getElementById(desc)?.tagName.toLowerCase()).toBe('desc');
      expect(d.getElementById(desc)?.textContent?.length).toBeGreaterThan(5);
      expect(svg.closest('.pair')?.querySelector('table')).not.toBeNull();
    }
  });

  it('headline, sections, loop and trend; files in closed details with the sentence', () => {
    const d = dom(page(NOW, true));
    expect([...d.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Where things stand',
      'Fix these first',
      'By content group and channel',
      'Problems by rule',
      'Reading grade',
      'Care in replies',
      'Closing the loop',
      'Every file',
    ]);
    const cards = [...d.querySelectorAll('.cards div')].map((c) => c.textContent);
    expect(cards).toContain('Problems per 1,000 words5same as 2026-11-01');
    expect(cards).toContain('Files with no errors50%down 50 points since 2026-11-01');
    expect(cards).toContain('Average care score of replies2 of 4');
    const details = [...d.querySelectorAll('details')];
    expect(details).toHaveLength(3);
    expect(details.every((x) => !x.hasAttribute('open'))).toBe(true);
    expect(d.body.textContent).toContain('1 file with no problems');
    expect(d.querySelector('#loop + table')?.textContent).toContain('New4Fixed3Still there1');
  });

  it("the page's own words (headings, labels, explanations) pass plainspoke", async () => {
    const { lintText } = await import('../src/api/lint.js');
    const pages = [page(NOW, true), page(NOW), page({ ...NOW, baseline: { hidden: 3, fixed: 1 } }), page(report([]))];
    const blocks = new Set<string>();
    for (const p of pages) {
      const d = dom(p);
      // The data (quoted sentences, rule messages, paths, rule ids) is the content's, not the page's.
      d.querySelectorAll('.finds, .fix ul, code, style, .p').forEach((e) => e.remove());
      for (const el of d.querySelectorAll('h1, h2, h3, p, dt, caption, th, title, desc, summary, .delta, text')) {
        const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t && !/^[\d.,%–+ ()<-]*$/.test(t)) blocks.add(/[.:!?]$/.test(t) ? t : `${t}.`);
      }
    }
    expect(blocks.size).toBeGreaterThan(40);
    const r = await lintText([...blocks].join('\n\n'), { filePath: 'report-text.md', axe: false, config: {} });
    expect(r.files[0].findings.map((x) => `${x.ruleId}: ${x.message}`)).toEqual([]);
  });

  it('says nothing about people: no author, no git', () => {
    const s = page(NOW, true).toLowerCase();
    for (const word of ['author', 'git blame', 'committer', 'assignee']) expect(s).not.toContain(word);
  });
});

describe('CLI', () => {
  const FILES = {
    'docs/billing/refunds.md': '# Refunds\n\nYour card was charged twice.\n',
    'docs/account/reset.md': '# Reset\n\nOpen the app and select Reset.\n',
  };

  it('--history reads earlier JSON reports into the trend; config groups name the groups', async () => {
    const dir = project({ ...FILES, '.plainspoke.yml': 'groups:\n  Money: ["docs/billing/**"]\n' });
    const first = await runCli(['--no-axe', '--format', 'json', 'docs'], { cwd: dir });
    mkdirSync(join(dir, 'history'));
    writeFileSync(join(dir, 'history', '2026-11-01.json'), first.out);
    const r = await runCli(['--no-axe', '--format', 'html', '--history', 'history', 'docs'], { cwd: dir });
    expect(r.err).toBe('');
    const d = new JSDOM(r.out).window.document;
    expect(d.querySelector('#loop + table')?.textContent).toContain('New0Fixed0Still there1');
    expect([...d.querySelectorAll('table caption')].map((c) => c.textContent)).toContain('Problems by family in each report');
    expect([...d.querySelectorAll('th[scope=row]')].map((c) => c.textContent)).toContain('Money');
  });

  it('--baseline closes the loop: new, fixed and still there', async () => {
    const dir = project({ ...FILES, 'docs/late.md': '# Late\n\nThe parcel was sent late. Your refund was approved.\n' });
    expect((await runCli(['--no-axe', '--update-baseline', 'docs'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'docs/late.md'), '# Late\n\nWe sent the parcel late. Your refund was approved.\n');
    writeFileSync(join(dir, 'docs/account/reset.md'), '# Reset\n\nYour form was rejected.\n');
    const args = ['--no-axe', '--baseline', '.plainspoke-baseline.json', 'docs'];
    // The counts the engine gives (which findings match the baseline is the rules' business, not the page's).
    const json = JSON.parse((await runCli([...args, '--format', 'json'], { cwd: dir })).out) as Report;
    const shown = json.files.reduce((n, x) => n + x.findings.length, 0);
    expect(json.baseline!.fixed).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
    const r = await runCli([...args, '--format', 'html'], { cwd: dir });
    const d = new JSDOM(r.out).window.document;
    expect(d.querySelector('#loop + table caption')?.textContent).toBe('Since the baseline');
    expect(d.querySelector('#loop + table tbody')?.textContent).toBe(`New${shown}Fixed${json.baseline!.fixed}Still there${json.baseline!.hidden}`);
    // The new finding shows its sentence.
    expect([...d.querySelectorAll('.finds blockquote')].map((b) => b.textContent)).toContain('Your form was rejected.');
  });

  it('--stdin: the sentence comes from standard input', async () => {
    const dir = project({});
    const r = await runCli(['--no-axe', '--format', 'html', '--stdin', '--stdin-filename', 'a.md'], { cwd: dir, stdin: '# A\n\nHi there. Your card was charged twice.\n' });
    const d = new JSDOM(r.out).window.document;
    expect([...d.querySelectorAll('.finds blockquote')].map((b) => b.textContent)).toEqual(['Your card was charged twice.']);
  });

  it('--history needs --format html and a folder; groups must be a map (exit 2)', async () => {
    const dir = project(FILES);
    const json = await runCli(['--no-axe', '--format', 'json', '--history', 'h', 'docs'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.err).toContain('--history h: works with --format html only');
    const missing = await runCli(['--no-axe', '--format', 'html', '--history', 'nope', 'docs'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--history nope');
    writeFileSync(join(dir, 'bad.json'), '{}');
    mkdirSync(join(dir, 'h2'));
    writeFileSync(join(dir, 'h2', 'a.json'), '{"nope":1}');
    const bad = await runCli(['--no-axe', '--format', 'html', '--history', 'h2', 'docs'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('h2/a.json: is not a plainspoke JSON report');
    const cfg = project({ ...FILES, '.plainspoke.yml': 'groups: [a, b]\n' });
    const g = await runCli(['--no-axe', '--format', 'html', 'docs'], { cwd: cfg });
    expect(g.code).toBe(2);
    expect(g.err).toContain("'groups' must be a map");
  });
});
