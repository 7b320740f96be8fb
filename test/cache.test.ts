/** --cache: unchanged files reuse their result; a corrupt cache is ignored and rewritten; a config change invalidates. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { project, runCli } from './helpers/cli.js';
import { cacheKey, LintCache, stableStringify } from '../src/engine/cache.js';
import { ConfigResolver } from '../src/config/resolve.js';
import type { FileResult } from '../src/types.js';

// Only passive-voice (and unused-disable) run here, so other rules' findings cannot change these counts.
vi.mock('../src/rules/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/rules/registry.js')>();
  const rules = real.allRules().filter((r) => r.id === 'passive-voice' || r.id === 'unused-disable');
  return { ...real, allRules: () => rules, getRule: (id: string) => rules.find((r) => r.id === id), ruleIds: () => rules.map((r) => r.id) };
});

const PASSIVE = '# Billing\n\nYour card was charged twice.\n';
const CONFIG = 'rules:\n  passive-voice: warn\n';

function cacheFile(dir: string, name = '.plainspokecache') {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as { entries: Record<string, FileResult> };
}

/** Marks every stored result, so a run that reuses it shows the mark. */
function tamper(dir: string, name = '.plainspokecache') {
  const data = cacheFile(dir, name);
  for (const r of Object.values(data.entries)) for (const f of r.findings) f.message = `FROM CACHE ${f.message}`;
  writeFileSync(join(dir, name), JSON.stringify(data));
}

const json = (r: { out: string }) => JSON.parse(r.out) as { files: { path: string; findings: { message: string; severity: string }[] }[] };

describe('--cache', () => {
  it('a warm run reuses stored results and gives the same report', async () => {
    const dir = project({ '.plainspoke.yml': CONFIG, 'a.md': PASSIVE, 'b.md': '# Fine\n\nWe reply in a day.\n' });
    const cold = await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir });
    const warm = await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir });
    expect(warm.out).toBe(cold.out);
    expect(Object.keys(cacheFile(dir).entries)).toHaveLength(2);
    tamper(dir);
    const hit = await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir });
    expect(json(hit).files[0].findings[0].message).toMatch(/^FROM CACHE /);
  });

  it('a changed file, config, rule flag or --no-axe is linted again', async () => {
    const dir = project({ '.plainspoke.yml': CONFIG, 'a.md': PASSIVE });
    await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir });
    tamper(dir);
    writeFileSync(join(dir, '.plainspoke.yml'), 'rules:\n  passive-voice: error\n');
    const changed = json(await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir }));
    expect(changed.files[0].findings[0]).toMatchObject({ severity: 'error', message: expect.not.stringMatching(/FROM CACHE/) });

    tamper(dir);
    const flag = json(await runCli(['--no-axe', '--cache', '--rule', 'passive-voice:info', '--format', 'json', '.'], { cwd: dir }));
    expect(flag.files[0].findings[0]).toMatchObject({ severity: 'info', message: expect.not.stringMatching(/FROM CACHE/) });

    tamper(dir);
    writeFileSync(join(dir, 'a.md'), `${PASSIVE}\nMore text here.\n`);
    const edited = json(await runCli(['--no-axe', '--cache', '--rule', 'passive-voice:info', '--format', 'json', '.'], { cwd: dir }));
    expect(edited.files[0].findings[0].message).not.toMatch(/FROM CACHE/);
    // One entry per file: the old key of a changed file is dropped.
    expect(Object.keys(cacheFile(dir).entries)).toHaveLength(1);
  });

  it('ignores a corrupt, foreign or empty cache file and rewrites it', async () => {
    for (const junk of ['{"entries": {', '', '\u0000\u0001binary', JSON.stringify({ 'a.md': { size: 1, mtime: 2, hash: 'x' } }), JSON.stringify({ format: 'plainspoke-cache', version: 1, tool: 'old', entries: { k: { path: 'a.md' } } })]) {
      const dir = project({ '.plainspoke.yml': CONFIG, 'a.md': PASSIVE, '.plainspokecache': junk });
      const r = await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir });
      expect(r.code, junk).toBe(0);
      expect(r.err, junk).toBe('');
      expect(json(r).files[0].findings).toHaveLength(1);
      expect(Object.keys(cacheFile(dir).entries), junk).toHaveLength(1);
    }
  });

  it('--cache-location takes a file or a folder; a cache that cannot be written costs a warning, not the run', async () => {
    const dir = project({ '.plainspoke.yml': CONFIG, 'a.md': PASSIVE });
    mkdirSync(join(dir, 'tmp'));
    await runCli(['--no-axe', '--cache', '--cache-location', 'tmp/lint.cache', '.'], { cwd: dir });
    expect(Object.keys(cacheFile(dir, 'tmp/lint.cache').entries)).toHaveLength(1);
    await runCli(['--no-axe', '--cache', '--cache-location', 'tmp', '.'], { cwd: dir });
    expect(Object.keys(cacheFile(dir, 'tmp/.plainspokecache').entries)).toHaveLength(1);
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const r = await runCli(['--no-axe', '--cache', '--cache-location', 'blocker/x/cache', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toContain('cannot write the cache');
    // Atomic writes leave no temp files behind.
    expect(readdirSync(join(dir, 'tmp')).sort()).toEqual(['.plainspokecache', 'lint.cache']);
  });

  it('never stores a file that failed, and keeps identical files apart', async () => {
    const dir = project({ '.plainspoke.yml': CONFIG, 'bad.md': Buffer.from([0xff, 0xfe, 0x41]), 'a.md': PASSIVE, 'copy.md': PASSIVE });
    const r = await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(Object.values(cacheFile(dir).entries).map((e) => e.path).sort()).toEqual(['a.md', 'copy.md']);
    const warm = json(await runCli(['--no-axe', '--cache', '--format', 'json', '.'], { cwd: dir }));
    expect(warm.files.map((f) => f.path)).toEqual(['a.md', 'bad.md', 'copy.md']);
  });
});

describe('LintCache and cacheKey', () => {
  it('load never throws: missing, a folder, or garbage give an empty cache', () => {
    const dir = project({ junk: '{"x":' });
    expect(LintCache.load(join(dir, 'missing')).size).toBe(0);
    expect(LintCache.load(dir).size).toBe(0);
    expect(LintCache.load(join(dir, 'junk')).size).toBe(0);
  });

  it('set ignores failed results and drops fixed text; save round-trips', async () => {
    const dir = project({});
    const c = LintCache.load(join(dir, 'c'));
    c.set('k1', { path: 'a.md', channel: 'article', findings: [], fixedText: 'x' });
    c.set('k2', { path: 'b.md', channel: 'article', findings: [], error: 'b.md: broken' });
    await c.save();
    const again = LintCache.load(join(dir, 'c'));
    expect(again.get('k1')).toEqual({ path: 'a.md', channel: 'article', findings: [] });
    expect(again.get('k2')).toBeUndefined();
  });

  it('the key changes with the bytes, the settings and --no-axe, not with key order', () => {
    const dir = project({ '.plainspoke.yml': CONFIG });
    const settings = new ConfigResolver(dir).resolve(join(dir, 'a.md'));
    const bytes = new TextEncoder().encode(PASSIVE);
    const k = cacheKey(bytes, settings, { noAxe: true });
    expect(cacheKey(new TextEncoder().encode(PASSIVE), { ...settings }, { noAxe: true })).toBe(k);
    expect(cacheKey(new TextEncoder().encode(`${PASSIVE} `), settings, { noAxe: true })).not.toBe(k);
    expect(cacheKey(bytes, { ...settings, channel: 'macro' }, { noAxe: true })).not.toBe(k);
    expect(cacheKey(bytes, settings, {})).not.toBe(k);
    expect(stableStringify({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });
});
