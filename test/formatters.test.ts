/** Formatters: sarif (validated against the official SARIF 2.1.0 schema), github, junit, html; --output-file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import type { Report } from '../src/types.js';
import { sarif, artifactLocation, FINGERPRINT_KEY } from '../src/formatters/sarif.js';
import { github, escapeData, escapeProperty } from '../src/formatters/github.js';
import { junit } from '../src/formatters/junit.js';
import { html } from '../src/formatters/html.js';
import { getFormatter, formatNames } from '../src/formatters/index.js';
import { allRules } from '../src/rules/registry.js';
import { summarise } from '../src/report/summary.js';
import { project, runCli } from './helpers/cli.js';
import { githubSarifProblems, sarifSchemaErrors } from './helpers/sarif-rules.js';

/** `narrow: true` runs only passive-voice and unused-disable (the CLI tests); otherwise every real rule is listed. */
const registry = vi.hoisted(() => ({ narrow: false }));
vi.mock('../src/rules/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/rules/registry.js')>();
  const few = real.allRules().filter((r) => r.id === 'passive-voice' || r.id === 'unused-disable');
  const rules = () => (registry.narrow ? few : real.allRules());
  return { ...real, allRules: rules, getRule: (id: string) => rules().find((r) => r.id === id), ruleIds: () => rules().map((r) => r.id) };
});

const CWD = '/work/repo';

function report(files: Report['files'], extra: Partial<Report> = {}): Report {
  return { tool: { name: 'plainspoke', version: '1.2.3' }, files, summary: summarise(files), ...extra };
}

const TRICKY = report([
  {
    path: 'help/billing & refunds/100% off, "really".md',
    channel: 'article',
    findings: [
      { ruleId: 'passive-voice', severity: 'warning', message: "'was charged' is passive: say who does it", line: 3, column: 6, endLine: 3, endColumn: 17, source: 'retext-passive', fixable: false, docsUrl: 'https://example.com/passive-voice.md', fingerprint: 'aaaa' },
      { ruleId: 'passive-voice', severity: 'warning', message: "'was charged' is passive: say who does it", line: 3, column: 30, endLine: 3, endColumn: 41, source: 'retext-passive', fixable: false, fingerprint: 'aaaa' },
      { ruleId: 'axe/image-alt', severity: 'error', message: 'Images must have alt text: <img src="a.png"> & more\r\nsecond line: 50%, done', line: 7, column: 1, endLine: 8, endColumn: 4, source: 'axe-core', fixable: false, docsUrl: 'https://dequeuniversity.com/rules/axe/4.10/image-alt' },
      { ruleId: 'unused-disable', severity: 'info', message: 'control \u0001 char \u0008 and a lone \ud800 surrogate, emoji 🙂', line: 9, column: 1, endLine: 9, endColumn: 1, source: 'plainspoke', fixable: true, suggestions: ['to <b>'] },
    ],
  },
  { path: 'clean.md', channel: 'macro', findings: [] },
  { path: 'broken.html', channel: 'article', findings: [], error: 'broken.html: is not valid UTF-8 text: save it as UTF-8' },
]);

describe('sarif', () => {
  // The SARIF 2.1.0 schema (rtm.5, the one GitHub code scanning validates against): test/helpers/sarif-rules.ts.
  it('is valid SARIF 2.1.0 per the official schema, for findings, clean files and failed files', () => {
    const log = JSON.parse(sarif(TRICKY, { cwd: CWD, color: false }));
    expect(sarifSchemaErrors(log)).toEqual([]);
    const empty = JSON.parse(sarif(report([]), { cwd: CWD, color: false }));
    expect(sarifSchemaErrors(empty)).toEqual([]);
  });

  it('lists every rule with description, help link and default level; results point into the rules', () => {
    const log = JSON.parse(sarif(TRICKY, { cwd: CWD, color: false }));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'plainspoke', version: '1.2.3', informationUri: expect.stringMatching(/^https:\/\//) });
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
    for (const rule of allRules()) {
      const d = rules.find((r) => r.id === rule.id);
      expect(d, rule.id).toBeDefined();
      expect(d!.shortDescription.text).toBe(rule.description.replace(/\.\s*$/, ''));
      expect(d!.helpUri).toMatch(new RegExp(`/${rule.id}\\.md$`));
      expect(['error', 'warning', 'note']).toContain(d!.defaultConfiguration.level);
    }
    // axe rules are not in the registry: they get a descriptor of their own.
    expect(rules.find((r) => r.id === 'axe/image-alt')?.helpUri).toBe('https://dequeuniversity.com/rules/axe/4.10/image-alt');
    for (const r of run.results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['warning', 'warning', 'error', 'note']);
  });

  it('uses relative, encoded URIs under %SRCROOT%, regions, and distinct fingerprints for repeats', () => {
    const log = JSON.parse(sarif(TRICKY, { cwd: CWD, color: false }));
    const run = log.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/repo/');
    const loc = run.results[0].locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'help/billing%20%26%20refunds/100%25%20off%2C%20%22really%22.md', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toEqual({ startLine: 3, startColumn: 6, endLine: 3, endColumn: 17 });
    expect(run.results[0].partialFingerprints).toEqual({ [FINGERPRINT_KEY]: 'aaaa' });
    expect(run.results[1].partialFingerprints).toEqual({ [FINGERPRINT_KEY]: 'aaaa:2' });
    expect(run.results[2].locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 1, endLine: 8, endColumn: 4 });
    expect(artifactLocation('/abs/a.md')).toEqual({ uri: 'file:///abs/a.md' });
  });

  it('reports files that failed as tool notifications, and the run as not successful', () => {
    const run = JSON.parse(sarif(TRICKY, { cwd: CWD, color: false })).runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: 'broken.html: is not valid UTF-8 text: save it as UTF-8' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.html', uriBaseId: '%SRCROOT%' } } }] },
    ]);
    const clean = JSON.parse(sarif(report([{ path: 'a.md', channel: 'article', findings: [] }]), { cwd: CWD, color: false })).runs[0];
    expect(clean.invocations[0]).toEqual({ executionSuccessful: true });
  });
});

describe('github', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('writes one workflow command per finding, error/warning/notice, and ::error for failed files', () => {
    const lines = github(TRICKY, { cwd: CWD, color: false }).trimEnd().split('\n');
    const file = 'help/billing & refunds/100%25 off%2C "really".md';
    expect(lines).toEqual([
      `::warning file=${file},line=3,col=6,endLine=3,endColumn=17,title=passive-voice::'was charged' is passive: say who does it`,
      `::warning file=${file},line=3,col=30,endLine=3,endColumn=41,title=passive-voice::'was charged' is passive: say who does it`,
      // A finding over two lines gets no columns: GitHub drops them on such annotations (issue 17).
      `::error file=${file},line=7,endLine=8,title=axe/image-alt::Images must have alt text: <img src="a.png"> & more%0D%0Asecond line: 50%25, done`,
      // Control characters never reach the log (issue 20).
      `::notice file=${file},line=9,col=1,endLine=9,endColumn=1,title=unused-disable::control  char  and a lone \ud800 surrogate, emoji 🙂`,
      '::error file=broken.html,title=plainspoke::broken.html: is not valid UTF-8 text: save it as UTF-8',
      'plainspoke: 1 error, 2 warnings, 1 info in 3 files, 1 could not be linted',
    ]);
  });
});

function parseXml(text: string, type: 'application/xml' | 'text/html' = 'application/xml'): Document {
  const { window } = new JSDOM('');
  const doc = new window.DOMParser().parseFromString(text, type);
  const err = doc.querySelector('parsererror');
  if (err) throw new Error(`not well-formed XML: ${err.textContent}`);
  return doc;
}

describe('junit', () => {
  it('is well-formed XML: a suite per file, a failure per finding, a passing case for a clean file, an error for a failed file', () => {
    const xml = junit(TRICKY, { cwd: CWD, color: false });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    const doc = parseXml(xml);
    const root = doc.documentElement;
    expect(root.tagName).toBe('testsuites');
    expect(root.getAttribute('tests')).toBe('6');
    expect(root.getAttribute('failures')).toBe('4');
    expect(root.getAttribute('errors')).toBe('1');
    const suites = [...doc.querySelectorAll('testsuite')];
    expect(suites.map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures'), s.getAttribute('errors')])).toEqual([
      ['help/billing & refunds/100% off, "really".md', '4', '4', '0'],
      ['clean.md', '1', '0', '0'],
      ['broken.html', '1', '0', '1'],
    ]);
    const failures = [...suites[0].querySelectorAll('testcase > failure')];
    expect(failures.map((f) => f.getAttribute('type'))).toEqual(['passive-voice', 'passive-voice', 'axe/image-alt', 'unused-disable']);
    // Attribute line breaks survive as character references; control characters and lone surrogates are dropped.
    expect(failures[2].getAttribute('message')).toBe('Images must have alt text: <img src="a.png"> & more\r\nsecond line: 50%, done');
    expect(failures[3].getAttribute('message')).toBe('control  char  and a lone  surrogate, emoji 🙂');
    expect(failures[3].textContent).toContain('suggestions: to <b>');
    expect(suites[1].querySelector('testcase')!.children.length).toBe(0);
    expect(suites[2].querySelector('testcase > error')!.getAttribute('message')).toContain('not valid UTF-8');
    expect(xml).not.toMatch(/[\u0001\u0008]/);
  });

  it('is valid for an empty run', () => {
    expect(parseXml(junit(report([]), { cwd: CWD, color: false })).documentElement.getAttribute('tests')).toBe('0');
  });
});

describe('html', () => {
  it('is a self-contained page: everything escaped, no scripts, no external resources', () => {
    const page = html(TRICKY, { cwd: CWD, color: false });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('&lt;img src="a.png"&gt; &amp; more');
    expect(page).toContain('help/billing &amp; refunds/100% off, "really".md');
    expect(page).toContain('‘to &lt;b&gt;’');
    const doc = parseXml(page, 'text/html');
    expect(doc.querySelectorAll('details').length).toBe(2);
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com/passive-voice.md', 'https://dequeuniversity.com/rules/axe/4.10/image-alt']);
    expect(doc.body.textContent).toContain('1 file with no problems');
  });

  it('never links to a non-http URL', () => {
    const bad = report([{ path: 'a.md', channel: 'article', findings: [{ ruleId: 'x', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, source: 'plainspoke', fixable: false, docsUrl: 'javascript:alert(1)' }] }]);
    expect(html(bad, { cwd: CWD, color: false })).not.toContain('javascript:');
  });
});

describe('registry and CLI', () => {
  beforeAll(() => {
    registry.narrow = true;
  });
  afterAll(() => {
    registry.narrow = false;
  });
  it('knows every contract format, and nothing from Object.prototype', async () => {
    expect(formatNames()).toEqual(expect.arrayContaining(['stylish', 'json', 'sarif', 'github', 'junit', 'html']));
    expect(await getFormatter('toString')).toBeUndefined();
  });

  const PASSIVE = '# Billing\n\nYour card was charged twice.\n';

  it.each(['sarif', 'github', 'junit', 'html', 'json', 'stylish'])('--format %s --output-file writes the report to the file and nothing to stdout', async (format) => {
    const dir = project({ 'docs/a.md': PASSIVE });
    const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', format, '--output-file', 'out.txt', 'docs'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const text = readFileSync(join(dir, 'out.txt'), 'utf8');
    expect(text).toContain(format === 'sarif' || format === 'json' ? '"passive-voice"' : 'passive-voice');
    if (format === 'sarif') expect(sarifSchemaErrors(JSON.parse(text))).toEqual([]);
  });

  it('real runs give valid SARIF with line-free fingerprints and a github annotation on the right line', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const s = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', 'sarif', 'a.md'], { cwd: dir });
    const log = JSON.parse(s.out);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const res = log.runs[0].results[0];
    expect(res).toMatchObject({ ruleId: 'passive-voice', level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 11 } } }] });
    expect(res.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    const g = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', 'github', 'a.md'], { cwd: dir });
    expect(g.out).toMatch(/^::warning file=a\.md,line=3,col=11,endLine=3,endColumn=22,title=passive-voice::'was charged' is passive/m);
  });
});

describe('SARIF that GitHub accepts (issue 17, defect 7)', () => {
  const EMOJI_LINE = '🙂🙂 Your card was charged twice.';
  const emoji = report([
    {
      path: 'a.md',
      channel: 'article',
      findings: [
        // Columns as reports give them: code points. 'was charged' starts at character 14.
        { ruleId: 'passive-voice', severity: 'warning', message: "'was charged' is passive: say who does it", line: 1, column: 14, endLine: 1, endColumn: 25, source: 'plainspoke', fixable: false },
        { ruleId: 'axe/image-alt', severity: 'error', message: 'Images must have alt text', line: 1, column: 1, endLine: 1, endColumn: 3, source: 'axe-core', fixable: false },
      ],
    },
  ]);

  it('gives real UTF-16 columns after an emoji, as columnKind utf16CodeUnits says', () => {
    const log = JSON.parse(sarif(emoji, { cwd: CWD, color: false, readSource: (p) => (p === 'a.md' ? `${EMOJI_LINE}\n` : undefined) }));
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    const region = log.runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: 1, startColumn: 16, endLine: 1, endColumn: 27 });
    expect(EMOJI_LINE.slice(region.startColumn - 1, region.endColumn - 1)).toBe('was charged');
    expect(log.runs[0].results[1].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 });
  });

  it('reads the file back for the columns when no text is given', async () => {
    registry.narrow = true;
    try {
      const dir = project({ 'a.md': `# Billing\n\n${EMOJI_LINE}\n` });
      const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', 'sarif', 'a.md'], { cwd: dir });
      const res = JSON.parse(r.out).runs[0].results[0];
      expect(res.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 16, endLine: 3, endColumn: 27 });
      const json = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', 'json', 'a.md'], { cwd: dir });
      expect(JSON.parse(json.out).files[0].findings[0]).toMatchObject({ line: 3, column: 14, endColumn: 25 });
    } finally {
      registry.narrow = false;
    }
  });

  it('names each rule in PascalCase, distinct from its id, with fullDescription and help in text and markdown', () => {
    const rules = JSON.parse(sarif(TRICKY, { cwd: CWD, color: false })).runs[0].tool.driver.rules as { id: string; name: string; fullDescription: { text: string }; help: { text: string; markdown: string } }[];
    expect(rules.find((r) => r.id === 'passive-voice')?.name).toBe('PassiveVoice');
    expect(rules.find((r) => r.id === 'axe/image-alt')?.name).toBe('AxeImageAlt');
    const pv = rules.find((r) => r.id === 'passive-voice')!;
    expect(pv.fullDescription.text).toMatch(/^"Your card was charged" does not say who charged it\./);
    expect(pv.help.markdown).toContain('Put the one who acts first');
    expect(pv.help.text).toContain('Put the one who acts first');
    for (const r of rules) {
      expect(r.name).not.toBe(r.id);
      expect(r.fullDescription.text.length, r.id).toBeGreaterThan(0);
    }
  });

  it('passes the SARIF 2.1.0 schema and GitHub\'s rules (GH1001-GH1007, rule metadata, limits): 0 problems', async () => {
    for (const rep of [TRICKY, emoji, report([])]) {
      const log = JSON.parse(sarif(rep, { cwd: CWD, color: false }));
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(githubSarifProblems(log)).toEqual([]);
    }
    registry.narrow = true;
    try {
      const dir = project({ 'docs/a.md': `# Billing\n\n${EMOJI_LINE}\n`, 'docs/b.html': '<p>Your card was charged twice.</p>\n' });
      const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', 'sarif', 'docs'], { cwd: dir });
      const log = JSON.parse(r.out);
      expect(log.runs[0].results).toHaveLength(2);
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(githubSarifProblems(log)).toEqual([]);
    } finally {
      registry.narrow = false;
    }
  });

  it("the checker catches what GitHub refuses (so a pass means something)", () => {
    const log = JSON.parse(sarif(TRICKY, { cwd: CWD, color: false }));
    log.runs[0].tool.driver.rules[0].name = log.runs[0].tool.driver.rules[0].id;
    delete log.runs[0].tool.driver.rules[1].fullDescription;
    log.runs[0].results[0].locations = [];
    log.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'https://example.com/a.md';
    delete log.runs[0].results[2].locations[0].physicalLocation.region.startLine;
    delete log.runs[0].results[3].message.text;
    const problems = githubSarifProblems(log).map((p) => p.split(':')[0]);
    expect(problems).toEqual(expect.arrayContaining(['GH1001', 'GH1005', 'GH1003', 'GH1007']));
    expect(githubSarifProblems(log).some((p) => p.includes('name must differ from the id'))).toBe(true);
    expect(githubSarifProblems(log).some((p) => p.includes('fullDescription.text is required'))).toBe(true);
  });
});

describe('output that cannot be turned against the reader (issue 20, items 12 and 13)', () => {
  const hostile = report([
    {
      path: 'evil\x1b[31m\r\n::error file=x.md::owned%0A,a:b.md',
      channel: 'article',
      findings: [{ ruleId: 'passive-voice', severity: 'warning', message: "'\x1b]8;;https://x.test\x07was charged\x1b[0m' is passive\n::warning::fake", line: 1, column: 1, endLine: 1, endColumn: 5, source: 'plainspoke', fixable: false }],
    },
    { path: 'bad\u009b2J.md', channel: 'article', findings: [], error: 'bad\u009b2J.md: is not valid UTF-8 text\x1b[2J' },
  ]);

  it('github: % CR LF escaped in data, and : , in properties; raw ESC and other controls removed', () => {
    const out = github(hostile, { cwd: CWD, color: false });
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    const lines = out.trimEnd().split('\n');
    // Exactly the commands plainspoke meant: one per finding and failed file, plus the summary line.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("::warning file=evil[31m%0D%0A%3A%3Aerror file=x.md%3A%3Aowned%250A%2Ca%3Ab.md,line=1,col=1,endLine=1,endColumn=5,title=passive-voice::']8;;https://x.testwas charged[0m' is passive%0A::warning::fake");
    expect(lines[1]).toBe('::error file=bad2J.md,title=plainspoke::bad2J.md: is not valid UTF-8 text[2J');
    expect(escapeData('a\x1bb\x00c%')).toBe('abc%25');
    expect(escapeProperty('a\x1b:b')).toBe('a%3Ab');
  });

  it('stylish: control characters in paths and messages are shown escaped, never sent raw', async () => {
    const { stylish } = await import('../src/formatters/stylish.js');
    const out = stylish(hostile, { cwd: CWD, color: false });
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('evil\\u001b[31m\\r\\n::error file=x.md::owned%0A,a:b.md');
    expect(out).toContain("'\\u001b]8;;https://x.test\\u0007was charged\\u001b[0m' is passive\\n::warning::fake");
    expect(out).toContain('bad\\u009b2J.md: is not valid UTF-8 text\\u001b[2J');
  });

  it('the CLI escapes a file name with an escape sequence on stderr and in stylish output', async () => {
    registry.narrow = true;
    try {
      const dir = project({ 'a\x1b[31mred.md': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'b\x1b[2J.md': '# Billing\n\nYour card was charged twice.\n' });
      const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '.'], { cwd: dir });
      expect(r.err).toBe('plainspoke: a\\u001b[31mred.md: is not valid UTF-8 text: save it as UTF-8\n');
      expect(r.out).not.toContain('\x1b');
      expect(r.out).toContain('b\\u001b[2J.md');
      const g = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', 'github', '.'], { cwd: dir });
      expect(g.out).not.toContain('\x1b');
      expect(g.out).toContain('::warning file=b[2J.md,line=3,col=11');
    } finally {
      registry.narrow = false;
    }
  });
});

describe('machine formats never print raw control characters either (issue 20, item 12)', () => {
  const c1 = report([{ path: 'a\u009b2J\u202e.md', channel: 'article', findings: [{ ruleId: 'passive-voice', severity: 'warning', message: 'x\u001b[31m\u0085y', line: 1, column: 1, endLine: 1, endColumn: 2, source: 'plainspoke', fixable: false }] }]);
  it.each(['json', 'sarif', 'junit'])('%s escapes C0, C1 and bidirectional controls and keeps the data', async (name) => {
    const formatter = (await getFormatter(name))!;
    const out = formatter(c1, { cwd: CWD, color: false });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    if (name === 'json') expect(JSON.parse(out).files[0].path).toBe('a\u009b2J\u202e.md');
    if (name === 'junit') expect(parseXml(out).querySelector('testsuite')!.getAttribute('name')).toBe('a\u009b2J\u202e.md');
  });
});
