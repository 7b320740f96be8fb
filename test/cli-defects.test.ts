/** Issue 17: the places where plainspoke surprised ESLint and markdownlint-cli2 users (each test failed before the fix). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, project, runCli } from './helpers/cli.js';
import { closest, didYouMean } from '../src/util/suggest.js';
import { wantsColor, type CliIO } from '../src/cli/io.js';

const PASSIVE = '# Billing\n\nYour card was charged twice.\n';
const lint = ['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn'];
const paths = (out: string) => (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path);

describe('defect 1: negated globs exclude', () => {
  it("'help/**' '!help/page.html' leaves page.html out", async () => {
    const dir = project({ 'help/page.html': `<p>Your card was charged twice.</p>\n`, 'help/a.md': PASSIVE, 'help/sub/b.md': PASSIVE });
    const r = await runCli([...lint, 'help/**', '!help/page.html'], { cwd: dir });
    expect(r.err).toBe('');
    expect(paths(r.out)).toEqual(['help/a.md', 'help/sub/b.md']);
  });
  it('a negated folder excludes everything in it, and a lone negation lints the rest of the folder', async () => {
    const dir = project({ 'help/a.md': PASSIVE, 'help/sub/b.md': PASSIVE, 'c.md': PASSIVE });
    const r = await runCli([...lint, '!help/sub'], { cwd: dir });
    expect(paths(r.out)).toEqual(['c.md', 'help/a.md']);
    const g = await runCli([...lint, '.', '!**/a.md'], { cwd: dir });
    expect(paths(g.out)).toEqual(['c.md', 'help/sub/b.md']);
  });
});

describe('defect 2: --max-warnings says why, and --quiet still counts warnings', () => {
  it('prints "too many warnings (N, maximum M)" with exit 1', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--max-warnings', '0', 'a.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toBe('plainspoke: too many warnings (1, maximum 0)\n');
  });
  it('--quiet --max-warnings 0 exits 1 when warnings are hidden, as ESLint does', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--quiet', '--rule', 'passive-voice:warn', '--max-warnings', '0', 'a.md'], { cwd: dir });
    expect(findings(r.out)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('plainspoke: too many warnings (1, maximum 0)\n');
  });
});

describe('defect 4: "did you mean" by edit distance', () => {
  it('finds typos, not only substrings', () => {
    const ids = ['sentence-length', 'passive-voice', 'jargon', 'link-text'];
    expect(closest('sentence-lenght', ids)).toEqual(['sentence-length']);
    expect(closest('pasive-voice', ids)).toEqual(['passive-voice']);
    expect(closest('passive', ids)).toEqual(['passive-voice']);
    expect(didYouMean('zzzzzz', ids)).toBe('');
  });
  it('in a config, in --rule and in explain', async () => {
    const dir = project({ '.plainspoke.yml': 'rules:\n  sentence-lenght: error\n', 'a.md': PASSIVE });
    const cfg = await runCli(['--no-axe', 'a.md'], { cwd: dir });
    expect(cfg.code).toBe(2);
    expect(cfg.err).toContain("'rules.sentence-lenght' is not a plainspoke rule (did you mean 'sentence-length'?)");
    const clean = project({ 'a.md': PASSIVE });
    const flag = await runCli(['--no-axe', '--rule', 'pasive-voice:warn', 'a.md'], { cwd: clean });
    expect(flag.code).toBe(2);
    expect(flag.err).toBe("plainspoke: --rule pasive-voice:warn: 'pasive-voice' is not a plainspoke rule (did you mean 'passive-voice'?) (run 'plainspoke rules' to list them)\n");
    const explain = await runCli(['explain', 'sentence-lenght'], { cwd: clean });
    expect(explain.code).toBe(2);
    expect(explain.err).toContain("did you mean 'sentence-length'?");
  });
});

describe('defect 6: init ignores what it skipped', () => {
  it('writes vendor/, dist/, build/ and out/ into ignore, so a later run does not lint them', async () => {
    const dir = project({ 'docs/a.md': PASSIVE, 'vendor/lib/README.md': PASSIVE, 'dist/page.html': '<p>Your card was charged twice.</p>\n', 'build/x.md': PASSIVE, 'out/y.md': PASSIVE, 'node_modules/z/README.md': PASSIVE });
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    const config = readFileSync(join(dir, '.plainspoke.yml'), 'utf8');
    expect(config).toContain('ignore:\n  - "build/**"\n  - "dist/**"\n  - "out/**"\n  - "vendor/**"\n');
    const r = await runCli([...lint, '.'], { cwd: dir });
    expect(paths(r.out)).toEqual(['docs/a.md']);
  });
});

describe('defect 8: small surprises', () => {
  it('explain axe/does-not-exist is exit 2 with a suggestion, not a dead link', async () => {
    const dir = project({});
    const r = await runCli(['explain', 'axe/image-alts'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain("'axe/image-alts' is not a known axe-core rule (did you mean 'axe/image-alt'?)");
    const ok = await runCli(['explain', 'axe/image-alt'], { cwd: dir });
    expect(ok.code).toBe(0);
  });
  it("--rule 'sentence-length:[error,{max:10}]' sets severity and options", async () => {
    const dir = project({ 'a.md': 'One two three four five six seven eight nine ten eleven twelve.\n' });
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'sentence-length:[error,{max:10}]', 'a.md'], { cwd: dir });
    expect(r.err).toBe('');
    expect(findings(r.out).map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['sentence-length error']);
    expect(r.code).toBe(1);
  });
  it('--stdin --fix-dry-run prints the diff and the report', async () => {
    const dir = project({});
    const r = await runCli(['--no-axe', '--stdin', '--stdin-filename', 'typed.md', '--fix-dry-run', '--rule', 'simpler-words:warn'], { cwd: dir, stdin: 'Please utilize the form.\n' });
    expect(r.err).toBe('');
    expect(r.out).toContain('--- a/typed.md\n+++ b/typed.md\n');
    expect(r.out).toContain('-Please utilize the form.\n+Please use the form.\n');
  });
  it('plainspoke help <command> shows that command\'s help; a folder named help is still a path', async () => {
    const dir = project({});
    const r = await runCli(['help', 'merge-reports'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: plainspoke merge-reports');
    expect(r.err).toBe('');
    const bare = await runCli(['help'], { cwd: dir });
    expect(bare.out).toContain("Run 'plainspoke help <command>'");
    const folder = project({ 'help/a.md': PASSIVE });
    const lint = await runCli(['help', '--format', 'json', '--no-axe', '--rule', 'passive-voice:warn'], { cwd: folder });
    expect(paths(lint.out)).toEqual(['help/a.md']);
    const named = await runCli(['help', 'rules'], { cwd: folder });
    expect(named.out).toContain('Usage: plainspoke rules');
  });
  it('--color wins over NO_COLOR, FORCE_COLOR=0 turns colour off', () => {
    const io = (env: Record<string, string>) => ({ env }) as unknown as CliIO;
    const tty = { isTTY: true };
    expect(wantsColor(io({ NO_COLOR: '1' }), true, { isTTY: false })).toBe(true);
    expect(wantsColor(io({ FORCE_COLOR: '0' }), undefined, tty)).toBe(false);
    expect(wantsColor(io({ FORCE_COLOR: '1', NO_COLOR: '1' }), undefined, { isTTY: false })).toBe(true);
    expect(wantsColor(io({ NO_COLOR: '1' }), undefined, tty)).toBe(false);
    expect(wantsColor(io({}), false, tty)).toBe(false);
    expect(wantsColor(io({}), undefined, tty)).toBe(true);
  });
  it('--color colours stylish output even with NO_COLOR set', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--no-axe', '--color', 'a.md'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(r.out).toContain('\x1b[');
    const off = await runCli(['--no-axe', 'a.md'], { cwd: dir, tty: true, env: { NO_COLOR: '', FORCE_COLOR: '0' } });
    expect(off.out).not.toContain('\x1b[');
  });
});

describe('defect 9: ignored files named on the command line are skipped with a warning', () => {
  const files = { '.plainspoke.yml': 'ignore: ["drafts/**", "old.md"]\n', '.gitignore': 'secret.md\nbuild/\n', 'old.md': PASSIVE, 'secret.md': PASSIVE, 'drafts/a.md': PASSIVE, 'build/b.md': PASSIVE, 'ok.md': PASSIVE };
  it('a file in the config ignore list', async () => {
    const dir = project(files);
    const r = await runCli([...lint, 'old.md', 'ok.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe('plainspoke: warning: old.md: is ignored, so it was skipped (use --no-ignore to lint it)\n');
    expect(paths(r.out)).toEqual(['ok.md']);
  });
  it('a .gitignored file', async () => {
    const dir = project(files);
    const r = await runCli([...lint, 'secret.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe('plainspoke: warning: secret.md: is ignored, so it was skipped (use --no-ignore to lint it)\n');
    expect(paths(r.out)).toEqual([]);
  });
  it('a fully ignored folder is a warning, not exit 2', async () => {
    const dir = project(files);
    const r = await runCli([...lint, 'drafts', 'build', 'ok.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe('plainspoke: warning: drafts: is an ignored folder, so it was skipped (use --no-ignore to lint it)\nplainspoke: warning: build: is an ignored folder, so it was skipped (use --no-ignore to lint it)\n');
    expect(paths(r.out)).toEqual(['ok.md']);
  });
  it('an ignored --stdin-filename', async () => {
    const dir = project(files);
    const r = await runCli([...lint, '--stdin', '--stdin-filename', 'drafts/new.md'], { cwd: dir, stdin: PASSIVE });
    expect(r.code).toBe(0);
    expect(r.err).toBe('plainspoke: warning: drafts/new.md: is ignored, so it was skipped (use --no-ignore to lint it)\n');
    expect(paths(r.out)).toEqual([]);
  });
  it('--no-ignore lints them all; a searched folder still skips them silently', async () => {
    const dir = project(files);
    const all = await runCli([...lint, '--no-ignore', 'old.md', 'secret.md', 'drafts', 'build'], { cwd: dir });
    expect(all.err).toBe('');
    expect(paths(all.out)).toEqual(['build/b.md', 'drafts/a.md', 'old.md', 'secret.md']);
    const dot = await runCli([...lint, '.'], { cwd: dir });
    expect(dot.err).toBe('');
    expect(paths(dot.out)).toEqual(['ok.md']);
  });
});

describe('defect 10: front matter settings', () => {
  it('plainspoke: { rules } in front matter applies to that file', async () => {
    const dir = project({ '.plainspoke.yml': 'rules:\n  passive-voice: warn\n', 'a.md': `---\ntitle: Billing\nplainspoke:\n  rules:\n    passive-voice: error\n---\n\nYour card was charged twice.\n`, 'b.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', 'a.md', 'b.md'], { cwd: dir });
    expect(findings(r.out).map((f) => `${f.path} ${f.ruleId} ${f.severity}`)).toEqual(['a.md passive-voice error', 'b.md passive-voice warning']);
    expect(r.code).toBe(1);
  });
  it('a misspelt rule in front matter names the file and the key', async () => {
    const dir = project({ 'a.md': `---\nplainspoke:\n  rules:\n    pasive-voice: off\n---\n\nHi.\n` });
    const r = await runCli(['--no-axe', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("plainspoke: a.md: 'plainspoke.rules.pasive-voice' is not a plainspoke rule (did you mean 'passive-voice'?) (run 'plainspoke rules' to list them)\n");
  });
  it('broken front matter YAML is reported with its line', async () => {
    const dir = project({ 'a.md': `---\ntitle: Billing\ntags: [a, b\n---\n\nHi there.\n`, 'ok.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', 'a.md', 'ok.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plainspoke: a\.md:\d+: has front matter that is not valid YAML: .+\n$/);
    expect(findings(r.out).map((f) => f.path)).toEqual(['ok.md']);
  });
});

describe('defect 11: the README promises only what is there', () => {
  const root = join(import.meta.dirname, '..');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  it('no npm registry install, no tags that do not exist, no quarter-second claim', () => {
    expect(readme).not.toMatch(/npm install (--save-dev |-g )?plainspoke\b/);
    expect(readme).not.toContain('plainspoke/plainspoke@v1');
    expect(readme).not.toMatch(/rev: v\d/);
    expect(readme).not.toContain('quarter of a second');
    expect(readme).toContain('npm install --save-dev "git+https://github.com/plainspoke/plainspoke.git#<commit SHA>"');
    expect(readme).toContain('uses: plainspoke/plainspoke@<commit SHA>');
    expect(readme).toContain('rev: <commit SHA>');
    expect(readme).toContain('[RELEASING.md](RELEASING.md)');
    expect(readFileSync(join(root, 'RELEASING.md'), 'utf8')).toContain('npm install --omit=dev');
  });
  it('a Git install builds dist/ through prepare, and the package ships only what runs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist', 'rules/*.md', 'rules/*.yml']));
    expect(pkg.files.some((f) => /^(src|test|fixtures|scripts)\b/.test(f))).toBe(false);
  });
  it('a misspelt top-level config key gets a suggestion too', async () => {
    const dir = project({ '.plainspoke.yml': 'chanel: macro\n', 'a.md': PASSIVE });
    const r = await runCli(['--no-axe', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("'chanel' is not a known key (did you mean 'channel'?)");
  });
});
