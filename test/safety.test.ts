/**
 * Issue 20 (items 1–7 and 14) and issue 17 item 5: nothing lost, every read bounded.
 * Fast cases only; FIFOs, devices, sparse files, races and other users are in test/e2e/safety.test.ts.
 */
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './helpers/cli.js';
import { createDoc } from '../src/document/document.js';
import { applyFixes, fixAllowed } from '../src/engine/apply-fixes.js';
import { writeFixes } from '../src/engine/write-fixes.js';
import { readFileSafelySync } from '../src/util/read-file-safely.js';
import type { RawFinding, Report } from '../src/types.js';

const FLAGS = ['--no-axe'];
const DOC = '# Refunds\n\nYou can utilize the form to ask for a refund.\n';
const FIXED = '# Refunds\n\nYou can use the form to ask for a refund.\n';
const isRoot = process.getuid?.() === 0;

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('issue 20.1: an output file that is an input is refused before anything is written', () => {
  it('-o doc.md doc.md, with and without --fix', async () => {
    for (const extra of [[], ['--fix']]) {
      const dir = project({ 'doc.md': DOC });
      const r = await runCli([...FLAGS, ...extra, '-o', 'doc.md', 'doc.md'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toBe('plainspoke: --output-file doc.md: is one of the files being linted; write it to another file\n');
      expect(read(dir, 'doc.md')).toBe(DOC);
    }
  });

  it('-o names an input another way: ./a/../doc.md, a symbolic link, a hard link, a file found in a folder', async () => {
    const dir = project({ 'doc.md': DOC, 'a/keep.txt': '', 'docs/report.md': DOC });
    symlinkSync('doc.md', join(dir, 'link.json'));
    linkSync(join(dir, 'doc.md'), join(dir, 'hard.json'));
    const cases: [string, string[], string][] = [
      ['./a/../doc.md', ['doc.md'], 'is the same file as doc.md, which is being linted'],
      ['link.json', ['doc.md'], 'is the same file as doc.md, which is being linted'],
      ['hard.json', ['--fix', 'doc.md'], 'is the same file as doc.md, which is being linted'],
      ['docs/report.md', ['docs'], 'is one of the files being linted'],
    ];
    for (const [out, args, why] of cases) {
      const r = await runCli([...FLAGS, '-o', out, ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toBe(`plainspoke: --output-file ${out}: ${why}; write it to another file\n`);
    }
    expect(read(dir, 'doc.md')).toBe(DOC);
    expect(read(dir, 'docs/report.md')).toBe(DOC);
  });

  it('--update-baseline and --cache-location that are inputs', async () => {
    const dir = project({ 'doc.md': DOC });
    symlinkSync('doc.md', join(dir, 'base.json'));
    const b = await runCli([...FLAGS, '--baseline', 'base.json', '--update-baseline', 'doc.md'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.err).toContain('plainspoke: --update-baseline base.json: is the same file as doc.md, which is being linted; write it to another file\n');
    const c = await runCli([...FLAGS, '--cache', '--cache-location', 'doc.md', 'doc.md'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.err).toBe('plainspoke: --cache-location doc.md: is one of the files being linted; write it to another file\n');
    expect(read(dir, 'doc.md')).toBe(DOC);
  });
});

describe('issue 17.5: -o and --update-baseline into a folder that does not exist yet', () => {
  it('creates the folders', async () => {
    const dir = project({ 'doc.md': DOC });
    const r = await runCli([...FLAGS, '--format', 'json', '-o', 'reports/new/lint.json', '--baseline', 'base/line/b.json', '--update-baseline', 'doc.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(read(dir, 'reports/new/lint.json')).files[0].path).toBe('doc.md');
    expect(JSON.parse(read(dir, 'base/line/b.json')).format).toBe('plainspoke-baseline');
  });

  it('an output that is a folder, or under a file, fails before the lint', async () => {
    const dir = project({ 'doc.md': DOC, 'out/keep.txt': '' });
    const r = await runCli([...FLAGS, '-o', 'out', 'doc.md'], { cwd: dir });
    expect([r.code, r.err]).toEqual([2, 'plainspoke: --output-file out: is a folder; give a file name\n']);
    const f = await runCli([...FLAGS, '-o', 'doc.md/x.json', 'doc.md'], { cwd: dir });
    expect([f.code, f.err]).toEqual([2, 'plainspoke: --output-file doc.md/x.json: cannot create its folder (a part of its path is a file)\n']);
  });
});

/** Every `utilize` in the text gets a fix to `use`: the guard must keep only those in prose. */
function fixEvery(text: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (let i = text.indexOf('utilize'); i !== -1; i = text.indexOf('utilize', i + 1)) {
    const span = { start: i, end: i + 7 };
    out.push({ ruleId: 'simpler-words', severity: 'info', message: 'x', source: 'plainspoke', span, fix: { span, text: 'use' } });
  }
  return out;
}

const MD = [
  '# Help',
  '',
  'You can utilize the tool.',
  '',
  '![use the chart](https://example.com/utilize.png)',
  '',
  '![utilize the chart](chart.png)',
  '',
  '![*utilize* it](<https://example.com/utilize it.png>) and ![the utilize chart][chart]',
  '',
  '[chart]: https://example.com/utilize.png',
  '',
  '- item ![utilize](utilize.png) <kbd>utilize</kbd>',
  '  <code>utilize</code>',
  '',
  '| a | b |',
  '|---|---|',
  '| <kbd>utilize</kbd> | `utilize` |',
  '',
  'Press `utilize` now, or read [the guide](https://example.com/utilize "utilize").',
  '',
  '<kbd>utilize</kbd> <code>utilize</code> <var>utilize</var> <samp>utilize</samp> and then utilize it.',
  '',
  '<img alt="utilize the chart" src="utilize.png">',
  '',
  '```',
  'utilize',
  '```',
  '',
  '    utilize, indented',
  '',
  'See https://example.com/utilize today, or {{ utilize }}.',
  '',
].join('\n');
const MD_FIXED = MD.replace('You can utilize', 'You can use').replace('and then utilize it', 'and then use it');

const HTML = [
  '<h1>Help</h1>',
  '<p>You can utilize the tool. <kbd>utilize</kbd> <code>utilize</code> <var>utilize</var> <samp>utilize</samp></p>',
  '<p><img alt="utilize the chart" src="https://example.com/utilize.png"> <a href="https://example.com/utilize" title="utilize">utilize</a> today.</p>',
  '<p><button>utilize</button> <label>utilize <input value="utilize"></label></p>',
  '<pre>utilize</pre>',
  '',
].join('\n');
const HTML_FIXED = HTML.replace('You can utilize', 'You can use').replace('title="utilize">utilize</a>', 'title="utilize">use</a>');

describe('issue 20.4: a fix only changes prose the rules read', () => {
  it('applyFixes drops fixes in URLs, alt text, attributes, code, kbd, var, samp and UI controls (Markdown)', () => {
    const doc = createDoc('a.md', MD, 'markdown', 'article');
    expect(applyFixes(doc, fixEvery(MD))).toBe(MD_FIXED);
  });

  it('applyFixes does the same in HTML', () => {
    const doc = createDoc('a.html', HTML, 'html', 'article');
    expect(applyFixes(doc, fixEvery(HTML))).toBe(HTML_FIXED);
  });

  it('a fix across markup between words, or past the end, is dropped', () => {
    const text = 'We do it in order *to* help.\n';
    const doc = createDoc('a.md', text, 'markdown', 'article');
    const at = text.indexOf('in order');
    expect(fixAllowed(doc, { start: at, end: at + 'in order'.length })).toBe(true);
    expect(fixAllowed(doc, { start: at, end: at + 'in order *to'.length })).toBe(false);
    expect(fixAllowed(doc, { start: text.length - 2, end: text.length + 5 })).toBe(false);
  });

  it('--fix with the real rules changes only the prose (Markdown and HTML)', async () => {
    const dir = project({ 'a.md': MD, 'b.html': HTML });
    const r = await runCli([...FLAGS, '--fix', '--format', 'json', 'a.md', 'b.html'], { cwd: dir });
    expect(r.err).toBe('');
    expect(read(dir, 'a.md')).toBe(MD_FIXED);
    expect(read(dir, 'b.html')).toBe(HTML_FIXED);
    // What is left is reported, and not as fixable.
    const report = JSON.parse(r.out) as Report;
    for (const f of report.files) for (const x of f.findings) if (x.ruleId === 'simpler-words') expect(x.fixable).toBe(false);
  });
});

function fixReport(path: string, from: string, fixedText: string): Report {
  const fixedFrom = createHash('sha256').update(from).digest('hex');
  return { tool: { name: 'plainspoke', version: '0' }, files: [{ path, channel: 'article', findings: [], fixedText, fixedFrom }], summary: { files: 1, errors: 0, warnings: 0, infos: 0, fixable: 0 } } as unknown as Report;
}

describe('issue 20.2: --fix never loses an edit made while it ran', () => {
  it('a file changed since it was linted is not fixed, and the run says so', async () => {
    const dir = project({ 'a.md': DOC });
    const edited = DOC.replace('refund', 'refund today');
    writeFileSync(join(dir, 'a.md'), edited);
    const r = await writeFixes(fixReport('a.md', DOC, FIXED), dir, false);
    expect(r.errors).toEqual(['a.md: not fixed: it changed while plainspoke ran (run plainspoke --fix again)']);
    expect(r.written).toEqual([]);
    expect(read(dir, 'a.md')).toBe(edited);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'a.md']);
    // --fix-dry-run shows no diff for it either, and says why.
    const dry = await writeFixes(fixReport('a.md', DOC, FIXED), dir, true);
    expect(dry).toEqual({ diff: '', errors: ['a.md: no diff: it changed while plainspoke ran (run plainspoke --fix-dry-run again)'], written: [] });
  });

  it('a file another run already fixed the same way is left alone, with no error', async () => {
    const dir = project({ 'a.md': FIXED });
    const before = statSync(join(dir, 'a.md'));
    const r = await writeFixes(fixReport('a.md', DOC, FIXED), dir, false);
    expect(r).toEqual({ diff: '', errors: [], written: [] });
    expect(statSync(join(dir, 'a.md')).mtimeMs).toBe(before.mtimeMs);
  });

  it('a lock left by a run that died is removed; a fix leaves no lock or temp file', async () => {
    const dir = project({ 'a.md': DOC });
    const lock = join(dir, '.a.md.plainspoke-lock');
    writeFileSync(lock, '99999\n');
    const old = Date.now() / 1000 - 3600;
    utimesSync(lock, old, old);
    const r = await writeFixes(fixReport('a.md', DOC, FIXED), dir, false);
    expect(r.errors).toEqual([]);
    expect(read(dir, 'a.md')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'a.md']);
  });
});

describe('issue 20.3: --fix keeps owner, group, mode and hard links', () => {
  it.skipIf(!isRoot)('as root, a file owned by another user keeps its owner and group', async () => {
    const dir = project({ 'a.md': DOC });
    chownSync(join(dir, 'a.md'), 12345, 23456);
    chmodSync(join(dir, 'a.md'), 0o640);
    const r = await runCli([...FLAGS, '--fix', 'a.md'], { cwd: dir });
    expect(r.err).toBe('');
    const st = statSync(join(dir, 'a.md'));
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([12345, 23456, 0o640]);
    expect(read(dir, 'a.md')).toBe(FIXED);
  });

  it('a file with two hard links is written in place: both names see the fix, one inode', async () => {
    const dir = project({ 'a.md': DOC });
    linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const ino = statSync(join(dir, 'a.md')).ino;
    const r = await runCli([...FLAGS, '--fix', 'a.md'], { cwd: dir });
    expect(r.err).toBe('');
    expect(read(dir, 'a.md')).toBe(FIXED);
    expect(read(dir, 'b.md')).toBe(FIXED);
    expect(statSync(join(dir, 'a.md'))).toMatchObject({ ino, nlink: 2 });
    expect(readdirSync(dir).sort()).toEqual(['.git', 'a.md', 'b.md']);
  });
});

describe('issue 20.5 and 20.14: configs, baselines and caches are read safely, and never echoed', () => {
  it('extends may not leave the repository, and the error never quotes the other file', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'plainspoke-outside-'));
    writeFileSync(join(outside, 'secret.yml'), 'SECRET_TOKEN_KEY: 1\n');
    const dir = project({ 'doc.md': DOC, 'sub/.keep': '' });
    symlinkSync(join(outside, 'secret.yml'), join(dir, 'sub/linked.yml'));
    for (const ext of [join(outside, 'secret.yml'), `../${outside.split('/').pop()}/secret.yml`, './sub/linked.yml']) {
      writeFileSync(join(dir, '.plainspoke.yml'), `extends: ${JSON.stringify(ext)}\n`);
      const r = await runCli([...FLAGS, 'doc.md'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toContain(`.plainspoke.yml: 'extends' '${ext}' is outside the repository: name a preset or a file inside`);
      expect(r.err).not.toContain('SECRET_TOKEN_KEY');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('extends inside the repository, a preset, and a link that stays inside still work', async () => {
    const dir = project({ 'doc.md': DOC, 'cfg/base.yml': 'rules:\n  simpler-words: off\n', '.plainspoke.yml': 'extends: [plainspoke:recommended, ./cfg/link.yml]\n' });
    symlinkSync('base.yml', join(dir, 'cfg/link.yml'));
    const r = await runCli([...FLAGS, '--format', 'json', 'doc.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary.infos).toBe(0);
  });

  it('a JSON error in a config or a baseline names the place, not the text', async () => {
    const dir = project({ 'doc.md': DOC, '.plainspoke.json': '{\n  "rules": SECRET_WORD }\n' });
    const r = await runCli([...FLAGS, 'doc.md'], { cwd: dir });
    expect(r.err).toBe('plainspoke: .plainspoke.json: is not valid JSON\n');
    writeFileSync(join(dir, '.plainspoke.json'), '{\n  SECRET_WORD: 1 }\n');
    const at = await runCli([...FLAGS, 'doc.md'], { cwd: dir });
    expect(at.err).toBe('plainspoke: .plainspoke.json: is not valid JSON (line 2, column 3)\n');
    const b = project({ 'doc.md': DOC, 'base.json': 'SECRET_WORD' });
    const rb = await runCli([...FLAGS, '--baseline', 'base.json', 'doc.md'], { cwd: b });
    expect(rb.err).toBe('plainspoke: base.json: is not a plainspoke baseline (not valid JSON); delete it and run again with --update-baseline\n');
  });

  it('a cache file that is a symbolic link is not read, and is replaced', async () => {
    const dir = project({ 'doc.md': DOC, 'other.json': '{}' });
    symlinkSync('other.json', join(dir, '.plainspokecache'));
    const r = await runCli([...FLAGS, '--cache', 'doc.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe('plainspoke: --cache-location .plainspokecache: is a symbolic link; plainspoke reads it only as a regular file; it is not used and is replaced by a new cache\n');
    expect(read(dir, 'other.json')).toBe('{}');
    expect(statSync(join(dir, '.plainspokecache')).isFile()).toBe(true);
  });

  it('readFileSafelySync reads at most the limit and says what a non-regular file is', () => {
    const dir = project({ 'a.md': 'x'.repeat(100) });
    expect(readFileSafelySync(join(dir, 'a.md'), { limit: 99 })).toMatchObject({ ok: false, code: 'TOO_BIG', size: 100 });
    expect(readFileSafelySync(join(dir, 'a.md'), { limit: 100 })).toMatchObject({ ok: true });
    expect(readFileSafelySync(dir, { limit: 100 })).toMatchObject({ ok: false, reason: 'is a folder, not a file' });
    expect(readFileSafelySync('/dev/null', { limit: 100 })).toMatchObject({ ok: false, reason: 'is a character device, not a regular file' });
    symlinkSync('a.md', join(dir, 'l.md'));
    expect(readFileSafelySync(join(dir, 'l.md'), { limit: 100, links: 'refuse' })).toMatchObject({ ok: false, code: 'LINK' });
    expect(readFileSafelySync(join(dir, 'l.md'), { limit: 100, links: { inside: dir } })).toMatchObject({ ok: true });
    expect(readFileSafelySync(join(dir, 'l.md'), { limit: 100, links: { inside: join(dir, '.git') } })).toMatchObject({ ok: false, code: 'LINK_OUTSIDE' });
    mkdirSync(join(dir, 'x'));
    expect(existsSync(join(dir, 'x'))).toBe(true);
  });
});
