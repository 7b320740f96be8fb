/** Issue 17's new options: --print-config, --debug, --format <module>, --ignore-path, --rule options, --fix-dry-run, --min-severity, merge-reports shards. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, project, runCli } from './helpers/cli.js';

const PASSIVE = '# Billing\n\nYour card was charged twice.\n';
const LONG = 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.\n';
const paths = (out: string) => (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path);

describe('--print-config', () => {
  it('prints the settings for one file and where each came from', async () => {
    const dir = project({
      '.plainspoke.yml': 'rules:\n  jargon: error\noverrides:\n  - files: ["macros/**"]\n    channel: macro\n    rules: { sentence-length: [warn, { max: 15 }] }\n',
      'macros/refund.md': '---\nplainspoke:\n  rules:\n    passive-voice: error\n---\n\nHi.\n',
    });
    const r = await runCli(['--print-config', 'macros/refund.md', '--rule', 'link-text:off'], { cwd: dir });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.file).toBe('macros/refund.md');
    expect(c.configFiles).toEqual(['.plainspoke.yml']);
    expect(c.channel).toEqual({ value: 'macro', from: '.plainspoke.yml overrides[0]' });
    expect(c.rules.jargon).toEqual({ severity: 'error', from: '.plainspoke.yml' });
    expect(c.rules['sentence-length']).toEqual({ severity: 'warning', options: { max: 15 }, from: '.plainspoke.yml overrides[0]' });
    expect(c.rules['passive-voice']).toMatchObject({ severity: 'error', from: 'front matter' });
    expect(c.rules['link-text']).toEqual({ severity: 'off', from: '--rule' });
    expect(c.rules['readability'].from).toBe('plainspoke:recommended');
    expect(c.ignored).toBe(false);
  });
  it('a bad config is exit 2, as in a lint run', async () => {
    const dir = project({ '.plainspoke.yml': 'chanel: macro\n' });
    const r = await runCli(['--print-config', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("'chanel' is not a known key");
  });
});

describe('--debug', () => {
  it('logs the config files found and each file linted', async () => {
    const dir = project({ '.plainspoke.yml': 'channel: email\n', 'docs/.plainspoke.yml': 'rules: {}\n', 'docs/a.md': PASSIVE, 'b.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--debug', '.'], { cwd: dir });
    expect(r.err.split('\n').filter((l) => l.includes('debug: linted'))).toEqual([
      'plainspoke: debug: linted b.md (channel email; config .plainspoke.yml)',
      'plainspoke: debug: linted docs/a.md (channel email; config .plainspoke.yml, docs/.plainspoke.yml)',
    ]);
  });
});

describe('--format with a formatter module', () => {
  it('loads an ES module exporting default (report) => string, with the JSON report shape', async () => {
    const dir = project({ 'a.md': PASSIVE, 'fmt.mjs': 'export default (report) => report.files.map((f) => `${f.path}: ${f.findings.map((x) => x.ruleId).join(",")} ${"fixedText" in f}`).join("\\n") + "\\n";\n' });
    const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--format', './fmt.mjs', 'a.md'], { cwd: dir });
    expect(r.err).toBe('');
    expect(r.out).toBe('a.md: passive-voice false\n');
  });
  it('a CommonJS module works too; a missing file, a module without a default function, or one that returns no text is exit 2', async () => {
    const dir = project({ 'a.md': PASSIVE, 'f.cjs': 'module.exports = (r) => `${r.summary.files} file\\n`;\n', 'none.mjs': 'export const x = 1;\n', 'num.mjs': 'export default () => 42;\n' });
    const cjs = await runCli(['--no-axe', '--format', 'f.cjs', 'a.md'], { cwd: dir });
    expect(cjs.out).toBe('1 file\n');
    const missing = await runCli(['--no-axe', '--format', './nope.js', 'a.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--format ./nope.js: no such file');
    const none = await runCli(['--no-axe', '--format', './none.mjs', 'a.md'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.err).toContain('must export a default function');
    const num = await runCli(['--no-axe', '--format', './num.mjs', 'a.md'], { cwd: dir });
    expect(num.code).toBe(2);
    expect(num.err).toContain('returned number, not text');
  });
  it('a misspelt built-in format gets a suggestion', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--format', 'sarrif', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("--format sarrif: unknown format (did you mean 'sarif'?)");
  });
});

describe('--ignore-path', () => {
  it('reads ignore patterns from the file instead of .gitignore', async () => {
    const dir = project({ '.gitignore': 'a.md\n', 'lint.ignore': 'drafts/\nb.md\n', 'a.md': PASSIVE, 'b.md': PASSIVE, 'drafts/c.md': PASSIVE, 'd.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--ignore-path', 'lint.ignore', '.'], { cwd: dir });
    expect(r.err).toBe('');
    expect(paths(r.out)).toEqual(['a.md', 'd.md']);
    const named = await runCli(['--format', 'json', '--no-axe', '--ignore-path', 'lint.ignore', 'b.md', 'd.md'], { cwd: dir });
    expect(named.err).toBe('plainspoke: warning: b.md: is ignored, so it was skipped (use --no-ignore to lint it)\n');
    const missing = await runCli(['--no-axe', '--ignore-path', 'nope', '.'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--ignore-path');
  });
});

describe('--rule with options', () => {
  it('id:severity:{json}', async () => {
    const dir = project({ 'a.md': LONG });
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'sentence-length:error:{"max":10}', 'a.md'], { cwd: dir });
    expect(findings(r.out).map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['sentence-length error']);
    const loose = await runCli(['--format', 'json', '--no-axe', '--rule', 'sentence-length:warn:{max:10}', 'a.md'], { cwd: dir });
    expect(findings(loose.out).map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['sentence-length warning']);
    const none = await runCli(['--format', 'json', '--no-axe', '--rule', '{"sentence-length": ["error", {"max": 40}]}', 'a.md'], { cwd: dir });
    expect(findings(none.out)).toEqual([]);
  });
  it('bad options name the option', async () => {
    const dir = project({ 'a.md': LONG });
    const r = await runCli(['--no-axe', '--rule', 'sentence-length:error:{"maxx":10}', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("'options.maxx' is not an option of 'sentence-length'");
  });
});

describe('--fix-dry-run prints the report too', () => {
  it('the diff, then the stylish report; the file is unchanged', async () => {
    const dir = project({ 'a.md': 'Please utilize the form.\n\nYour card was charged twice.\n' });
    const r = await runCli(['--no-axe', '--fix-dry-run', '--rule', 'simpler-words:warn', '--rule', 'passive-voice:warn', 'a.md'], { cwd: dir });
    // The report shows what is left once the fixes are made, as ESLint's --fix-dry-run does.
    expect(r.out).toMatch(/^--- a\/a\.md\n\+\+\+ b\/a\.md\n[\s\S]*-Please utilize the form\.\n\+Please use the form\.\n[\s\S]*\na\.md\n {2}3:11 +warning +'was charged' is passive/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Please utilize the form.\n\nYour card was charged twice.\n');
  });
});

describe('--min-severity', () => {
  const files = { 'a.md': `${PASSIVE}\n${LONG}` };
  it('reports only findings at or above the level; the exit code follows what is reported', async () => {
    const dir = project(files);
    const base = ['--format', 'json', '--no-axe', '--rule', 'passive-voice:info', '--rule', 'sentence-length:[warn,{max:10}]', '--rule', 'readability:off'];
    const all = await runCli([...base, 'a.md'], { cwd: dir });
    expect(findings(all.out).map((f) => f.severity).sort()).toEqual(['info', 'warning']);
    const warn = await runCli([...base, '--min-severity', 'warning', 'a.md'], { cwd: dir });
    expect(findings(warn.out).map((f) => f.ruleId)).toEqual(['sentence-length']);
    expect(JSON.parse(warn.out).summary).toMatchObject({ warnings: 1, infos: 0 });
    const err = await runCli([...base, '--min-severity', 'error', '--max-warnings', '0', 'a.md'], { cwd: dir });
    expect(findings(err.out)).toEqual([]);
    expect(err.code).toBe(0);
    const bad = await runCli([...base, '--min-severity', 'loud', 'a.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('plainspoke: --min-severity loud: use info, warning or error\n');
  });
});

describe('merge-reports checks the shards', () => {
  async function shards(n: number) {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`f${i}.md`] = PASSIVE;
    const dir = project(files);
    for (let i = 1; i <= n; i++) {
      const r = await runCli(['--no-axe', '--format', 'json', '--shard', `${i}/${n}`, '.'], { cwd: dir });
      expect(JSON.parse(r.out).shard).toEqual({ index: i, total: n });
      writeFileSync(join(dir, `s${i}.json`), r.out);
    }
    return dir;
  }
  it('a complete set merges (without a shard field); a missing or repeated shard is exit 2', async () => {
    const dir = await shards(3);
    const ok = await runCli(['merge-reports', 's1.json', 's2.json', 's3.json', '-f', 'json'], { cwd: dir });
    expect(ok.err).toBe('');
    expect(JSON.parse(ok.out).shard).toBeUndefined();
    expect(JSON.parse(ok.out).files).toHaveLength(8);
    const missing = await runCli(['merge-reports', 's1.json', 's3.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('plainspoke: merge-reports: shard 2/3 is missing: give the report of every shard\n');
    const twice = await runCli(['merge-reports', 's1.json', 's2.json', 's2.json', 's3.json'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.err).toBe('plainspoke: s2.json: shard 2/3 is given twice (also s2.json)\n');
    const full = await runCli(['--no-axe', '--format', 'json', '.'], { cwd: dir });
    writeFileSync(join(dir, 'full.json'), full.out);
    const mixed = await runCli(['merge-reports', 's1.json', 's2.json', 's3.json', 'full.json'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain("full.json: is not a shard's report");
  });
});

describe('--help', () => {
  it('lists every new option', async () => {
    const dir = project({});
    const h = await runCli(['--help'], { cwd: dir });
    for (const flag of ['--min-severity', '--changed', '--print-config', '--no-inline-config', '--ignore-path', '--no-ignore', '--debug', '--color', 'plainspoke help <command>']) expect(h.out).toContain(flag);
    expect(h.out).toContain('./my-formatter.js');
  });
});
