/** The command line: exit codes, stdin, bad files, flags (CONTRACT "Command line", "Exit codes"). */
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, project, runCli } from './helpers/cli.js';
import { readSource } from '../src/engine/lint-files.js';

const CLEAN = '# Reset your password\n\nOn the sign-in page, select **Forgot password**.\nWe send you an email with a link.\nThe link works for one hour.\n';
const PASSIVE = '# Billing\n\nYour card was charged twice.\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('exit codes', () => {
  it('0 for a clean file, with a JSON report listing it', async () => {
    const dir = project({ 'reset.md': CLEAN });
    const r = await runCli(['--format', 'json', '--no-axe', 'reset.md'], { cwd: dir });
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.files.map((f: { path: string; findings: unknown[] }) => [f.path, f.findings.length])).toEqual([['reset.md', 0]]);
    expect(rep.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0, fixable: 0 });
  });
  it('1 for an error finding', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--no-axe', '--rule', 'passive-voice:error', 'a.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain("3:11  error  'was charged' is passive: say who does it  passive-voice");
  });
  it('--max-warnings: 1 when warnings exceed n, 0 otherwise', async () => {
    const dir = project({ 'a.md': PASSIVE });
    expect((await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--max-warnings', '0', 'a.md'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['--no-axe', '--rule', 'passive-voice:warn', '--max-warnings', '1', 'a.md'], { cwd: dir })).code).toBe(0);
  });
  it('--quiet reports errors only', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--quiet', '--rule', 'passive-voice:warn', 'a.md'], { cwd: dir });
    expect(findings(r.out)).toEqual([]);
    expect(r.code).toBe(0);
  });
  it('2 for a path that matches nothing, and the other paths are still linted', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', 'missing.md', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe('plainspoke: missing.md: no such file or folder\n');
    expect(findings(r.out).map((f) => `${f.path}:${f.line}`)).toEqual(['a.md:3']);
  });
  it('2 for a glob that matches nothing', async () => {
    const dir = project({ 'a.md': CLEAN });
    const r = await runCli(['--no-axe', 'docs/**/*.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('docs/**/*.md: matches no Markdown or HTML files');
  });
  it('2 for a bad --rule and a bad --format', async () => {
    const dir = project({ 'a.md': CLEAN });
    const bad = await runCli(['--rule', 'nope:warn', 'a.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--rule nope:warn: 'nope' is not a plainspoke rule");
    const sev = await runCli(['--rule', 'passive-voice', 'a.md'], { cwd: dir });
    expect(sev.code).toBe(2);
    const fmt = await runCli(['--format', 'yaml', 'a.md'], { cwd: dir });
    expect(fmt.code).toBe(2);
    expect(fmt.err).toContain('--format yaml: unknown format');
  });
  it('2 for an unknown option, with a one-line message', async () => {
    const dir = project({ 'a.md': CLEAN });
    const r = await runCli(['--frobnicate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--frobnicate'");
  });
});

describe('files that are not text', () => {
  it('a PNG named .md, invalid UTF-8 and a folder named like a file: one line each, exit 2, the rest linted', async () => {
    const dir = project({ 'image.md': PNG, 'latin1.md': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), 'ok.md': PASSIVE });
    mkdirSync(join(dir, 'folder.md'));
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n').sort()).toEqual([
      'plainspoke: image.md: is not a text file (it holds NUL bytes)',
      'plainspoke: latin1.md: is not valid UTF-8 text: save it as UTF-8',
    ]);
    const rep = JSON.parse(r.out);
    expect(rep.files.map((f: { path: string }) => f.path)).toEqual(['image.md', 'latin1.md', 'ok.md']);
    expect(findings(r.out).map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['ok.md:3 passive-voice']);
  });
  it('an empty file lints clean', async () => {
    const dir = project({ 'empty.md': '', 'empty.html': '' });
    const r = await runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(findings(r.out)).toEqual([]);
  });
  it('a file that cannot be read or vanished gets a one-line reason', async () => {
    const dir = project({});
    expect(await readSource({ absPath: join(dir, 'gone.md'), path: 'gone.md' })).toBe('gone.md: disappeared before it could be read');
    mkdirSync(join(dir, 'dir.md'));
    expect(await readSource({ absPath: join(dir, 'dir.md'), path: 'dir.md' })).toBe('dir.md: is a folder, not a file');
  });
  // Root reads files whatever their mode, so this in-process test is skipped as root (never passed by returning early);
  // test/e2e/cli-unreadable.test.ts covers root too, by running the CLI as `nobody` through setpriv.
  it.skipIf(process.getuid?.() === 0)('an unreadable file gets an error and the others are linted', async () => {
    const dir = project({ 'secret.md': PASSIVE, 'ok.md': PASSIVE });
    chmodSync(join(dir, 'secret.md'), 0o000);
    const r = await runCli(['--format', 'json', '--no-axe', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('secret.md: cannot be read (permission denied)');
  });
});

describe('limits and links', () => {
  it('a file over maxFileSize gets one line naming it and the limit; the rest is linted', async () => {
    const dir = project({ '.plainspoke.yml': 'maxFileSize: 1 KB\n', 'big.md': `${'Plain words here. '.repeat(100)}\n`, 'ok.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe('plainspoke: big.md: is 2 KB, over the 1 KB limit (raise maxFileSize in the config to lint it)\n');
    expect(findings(r.out).map((f) => `${f.path}:${f.line}`)).toEqual(['ok.md:3']);
  });
  it('a bad maxFileSize names the key', async () => {
    const dir = project({ '.plainspoke.yml': 'maxFileSize: lots\n', 'a.md': CLEAN });
    const r = await runCli(['--no-axe', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("'maxFileSize' must be a size in bytes or like \"5 MB\"");
  });
  it('a symbolic link loop in a searched folder is skipped, and a loop named on the command line is an error', async () => {
    const dir = project({ 'docs/a.md': PASSIVE });
    symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'loop'));
    symlinkSync(join(dir, 'self.md'), join(dir, 'self.md'));
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', 'docs', 'self.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('self.md: is a symbolic link loop');
    expect(findings(r.out).map((f) => `${f.path}:${f.line}`)).toEqual(['docs/a.md:3']);
  });
});

describe('deep nesting', () => {
  it('HTML nested 10,000 levels deep is linted (on a big stack), and the other files too', async () => {
    const n = 10_000;
    const dir = project({ 'deep.html': `${'<div>'.repeat(n)}<p>Your card was charged twice.</p>${'</div>'.repeat(n)}\n`, 'ok.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', '.'], { cwd: dir });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(findings(r.out).map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(['deep.html:1:50014 passive-voice', 'ok.md:3:11 passive-voice']);
  }, 120_000);
});

describe('stdin', () => {
  it('lints standard input under --stdin-filename', async () => {
    const dir = project({});
    const r = await runCli(['--format', 'json', '--stdin', '--stdin-filename', 'typed.md', '--rule', 'passive-voice:warn'], { cwd: dir, stdin: '# Hi\n\nYour card was charged twice.\n' });
    expect(findings(r.out)).toMatchObject([{ path: 'typed.md', ruleId: 'passive-voice', line: 3, column: 11 }]);
  });
  it('reads HTML when the file name says so', async () => {
    const dir = project({});
    const r = await runCli(['--format', 'json', '--stdin', '--stdin-filename', 'macro.html', '--no-axe', '--rule', 'passive-voice:warn'], { cwd: dir, stdin: '<p>Hi.</p>\n<p>Your card was charged twice.</p>\n' });
    expect(findings(r.out)).toMatchObject([{ path: 'macro.html', line: 2, column: 14 }]);
  });
  it('refuses paths next to --stdin', async () => {
    const dir = project({ 'a.md': CLEAN });
    const r = await runCli(['--stdin', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
  });
});

describe('other commands and flags', () => {
  it('--version and --help', async () => {
    const dir = project({});
    const v = await runCli(['--version'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const h = await runCli(['--help'], { cwd: dir });
    expect(h.code).toBe(0);
    for (const flag of ['--format', '--channel', '--rule', '--max-warnings', '--stdin', '--no-axe', '--fix', '--baseline']) expect(h.out).toContain(flag);
  });
  it('rules --json lists every rule with its docs', async () => {
    const dir = project({});
    const r = await runCli(['rules', '--json'], { cwd: dir });
    const rules = JSON.parse(r.out) as { id: string; docs: string; channels: string[] }[];
    expect(rules.find((x) => x.id === 'passive-voice')).toMatchObject({ family: 'plain', severity: 'info', fixable: false });
    for (const rule of rules) expect(rule.docs).toMatch(new RegExp(`/rules/${rule.id}\\.md$`));
  });
  it('explain prints the rule doc, and an unknown id is exit 2', async () => {
    const dir = project({});
    const r = await runCli(['explain', 'passive-voice'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('## How to fix');
    const bad = await runCli(['explain', 'passive'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("did you mean 'passive-voice'?");
  });
  it('stylish output has no colour with NO_COLOR and a summary line', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const r = await runCli(['--no-axe', '--rule', 'passive-voice:warn', 'a.md'], { cwd: dir, tty: true });
    expect(r.out).not.toContain('\x1b[');
    expect(r.out).toContain('⚠ 1 problem (0 errors, 1 warning, 0 infos) in 1 file');
  });
  it('stylish uses colour on a TTY without NO_COLOR, and never with --no-color', async () => {
    const dir = project({ 'a.md': PASSIVE });
    const colour = await runCli(['--no-axe', 'a.md'], { cwd: dir, tty: true, env: { NO_COLOR: '' } });
    expect(colour.out).toContain('\x1b[');
    const plain = await runCli(['--no-axe', '--no-color', 'a.md'], { cwd: dir, tty: true, env: { NO_COLOR: '' } });
    expect(plain.out).not.toContain('\x1b[');
  });
  it('paths with spaces, non-ASCII and a leading dash after --', async () => {
    const dir = project({ 'my docs/café.md': PASSIVE, '-file.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--', 'my docs/café.md', '-file.md'], { cwd: dir });
    expect((JSON.parse(r.out) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['-file.md', 'my docs/café.md']);
  });
});
