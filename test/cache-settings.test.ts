/**
 * Issue 19: a warm --cache run resolves and writes out each settings group once (keySettings), reads each file
 * with one blocking read, and reuses discovery's stat of a named file for the -o guard. Each must give the keys,
 * reports and refusals of the old path.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './helpers/cli.js';
import { cacheKey, cacheKeyOfText, keySettings, stableStringify } from '../src/engine/cache.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { discover, displayPath, namedFileStat } from '../src/engine/discover.js';

const CONFIG = [
  'rules:',
  '  passive-voice: error',
  'maxFileSize: 200000',
  'overrides:',
  '  - files: ["faq/**"]',
  '    channel: macro',
  '  - files: ["faq/**"]',
  '    excludedFiles: ["faq/long.md"]',
  '    rules: { sentence-length: [warn, { max: 15 }] }',
  '',
].join('\n');

const FILES = ['a.md', 'b.md', 'faq/one.md', 'faq/two.md', 'faq/long.md', 'policies/terms.md', 'inner/c.md', 'inner/d.md'];

function setUp(): string {
  const files: Record<string, string> = { '.plainspoke.yml': CONFIG, 'inner/.plainspoke.yml': 'channel: email\n' };
  for (const f of FILES) files[f] = `# ${f}\n\nYour card was charged twice.\n`;
  return project(files);
}

describe('keySettings (one resolve per settings group)', () => {
  it('gives each file the text and size limit of its own resolve(), through overrides, exclusions, nested configs and policy paths', () => {
    const dir = setUp();
    const resolver = new ConfigResolver(dir);
    const texts = new Set<string>();
    for (const f of FILES) {
      const abs = join(dir, f);
      const shared = keySettings(resolver, abs)!;
      const own = resolver.resolve(abs);
      expect(shared.text, f).toBe(stableStringify(own));
      expect(shared.maxFileSize, f).toBe(200000);
      texts.add(shared.text);
    }
    // a.md and b.md; faq/one.md and faq/two.md; faq/long.md; policies/terms.md; inner/c.md and inner/d.md.
    expect(texts.size).toBe(5);
  });

  it('the key from the shared text is the key from the settings', () => {
    const dir = setUp();
    const resolver = new ConfigResolver(dir);
    const bytes = new TextEncoder().encode('# Hi\n\nWe reply in a day.\n');
    for (const f of FILES) {
      const abs = join(dir, f);
      for (const opts of [{ noAxe: true }, {}, { noInlineConfig: true }]) {
        expect(cacheKeyOfText(bytes, keySettings(resolver, abs)!.text, opts), f).toBe(cacheKey(bytes, resolver.resolve(abs), opts));
      }
    }
  });

  it('a new resolver (a later run) sees a changed config', () => {
    const dir = setUp();
    const abs = join(dir, 'a.md');
    const before = keySettings(new ConfigResolver(dir), abs)!.text;
    writeFileSync(join(dir, '.plainspoke.yml'), CONFIG.replace('passive-voice: error', 'passive-voice: warn'));
    const after = keySettings(new ConfigResolver(dir), abs)!.text;
    expect(after).not.toBe(before);
    expect(after).toBe(stableStringify(new ConfigResolver(dir).resolve(abs)));
  });

  it('leaves help-desk exports to the old path, and throws what resolve throws', () => {
    const dir = setUp();
    const resolver = new ConfigResolver(dir);
    expect(keySettings(resolver, join(dir, 'export.json'))).toBeUndefined();
    const broken = project({ '.plainspoke.yml': 'rules: [1, 2\n', 'a.md': '# A\n' });
    expect(() => new ConfigResolver(broken).resolve(join(broken, 'a.md'))).toThrow();
    expect(() => keySettings(new ConfigResolver(broken), join(broken, 'a.md'))).toThrow();
  });
});

describe('a warm --cache run', () => {
  it('gives the report of a cold run and of a run without the cache, under the keys the settings give', async () => {
    const dir = setUp();
    mkdirSync(join(dir, 'out'));
    const args = ['--no-axe', '--format', 'json', ...FILES];
    const plain = await runCli(args, { cwd: dir });
    expect(plain.code).toBe(1);
    const cold = await runCli(['--cache', '--cache-location', 'out/cache', ...args], { cwd: dir });
    const warm = await runCli(['--cache', '--cache-location', 'out/cache', ...args], { cwd: dir });
    expect(cold.out).toBe(plain.out);
    expect(warm.out).toBe(plain.out);
    const stored = Object.keys((JSON.parse(readFileSync(join(dir, 'out/cache'), 'utf8')) as { entries: object }).entries).sort();
    const resolver = new ConfigResolver(dir);
    const expected = FILES.map((f) => `${f}\0${cacheKey(readFileSync(join(dir, f)), resolver.resolve(join(dir, f)), { noAxe: true })}`).sort();
    expect(stored).toEqual(expected);
  });

  it('lints again a file whose override no longer matches, and keeps a broken config an error', async () => {
    const dir = setUp();
    const args = ['--no-axe', '--cache', '--format', 'json', 'faq/one.md', 'a.md'];
    const first = JSON.parse((await runCli(args, { cwd: dir })).out) as { files: { path: string; channel: string }[] };
    expect(first.files.map((f) => f.channel)).toEqual(['article', 'macro']);
    writeFileSync(join(dir, '.plainspoke.yml'), CONFIG.replaceAll('faq/**', 'none/**'));
    const second = JSON.parse((await runCli(args, { cwd: dir })).out) as { files: { path: string; channel: string }[] };
    expect(second.files.map((f) => f.channel)).toEqual(['article', 'article']);
    writeFileSync(join(dir, '.plainspoke.yml'), 'rules: [1, 2\n');
    const broken = await runCli(args, { cwd: dir });
    expect(broken.code).toBe(2);
  });
});

describe('namedFileStat (the -o guard reuses discovery\'s stat)', () => {
  it('holds the stat of each file named on the command line, none for a file found in a folder', async () => {
    const dir = setUp();
    const named = await discover(['a.md', 'faq'], dir, () => false);
    const a = named.find((f) => f.path === 'a.md')!;
    expect(namedFileStat(a)?.ino).toBe(statSync(join(dir, 'a.md')).ino);
    expect(namedFileStat(named.find((f) => f.path === 'faq/one.md')!)).toBeUndefined();
  });

  it('-o and --cache-location that name an input are refused', async () => {
    const dir = setUp();
    const o = await runCli(['--no-axe', '-o', './faq/../a.md', 'a.md', 'b.md'], { cwd: dir });
    expect(o.code).toBe(2);
    expect(o.err).toBe('plainspoke: --output-file ./faq/../a.md: is the same file as a.md, which is being linted; write it to another file\n');
    const c = await runCli(['--no-axe', '--cache', '--cache-location', 'b.md', 'a.md', 'b.md'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.err).toBe('plainspoke: --cache-location b.md: is one of the files being linted; write it to another file\n');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('# a.md\n\nYour card was charged twice.\n');
  });
});

describe('report paths from a folder\'s path worked out once', () => {
  it('equal displayPath for files in, below and outside the working folder, and from /', async () => {
    const dir = setUp();
    const inputs = FILES.map((f) => join(dir, f));
    for (const cwd of [dir, join(dir, 'faq'), join(dir, 'inner'), '/']) {
      const found = await discover(inputs, cwd, () => false);
      expect(found.map((f) => f.path), cwd).toEqual(found.map((f) => displayPath(f.absPath, cwd)));
      expect(found).toHaveLength(FILES.length);
    }
    const inside = await discover(['a.md', 'faq/one.md', './inner/../b.md'], dir, () => false);
    expect(inside.map((f) => f.path)).toEqual(['a.md', 'b.md', 'faq/one.md']);
    const outside = await discover(['../a.md', 'two.md'], join(dir, 'faq'), () => false);
    expect(outside.map((f) => f.path)).toEqual(['../a.md', 'two.md']);
  });

  it('policy paths are found the same way (settingsGroup)', () => {
    const dir = setUp();
    for (const cwd of [dir, join(dir, 'policies'), '/']) {
      const resolver = new ConfigResolver(cwd);
      for (const f of FILES) expect(keySettings(resolver, join(dir, f))!.text, `${cwd} ${f}`).toBe(stableStringify(resolver.resolve(join(dir, f))));
    }
  });
});
