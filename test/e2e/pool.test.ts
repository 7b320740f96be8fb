/**
 * Worker pool (issue 6): the report is byte-identical for any --jobs, results
 * stream in path order, and a file over its time budget gets an error while
 * the other files are still reported.
 *
 * Workers load the built dist/engine/worker.js, so these runs use the built
 * CLI (`npm test` builds first) for both sides of every comparison.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../helpers/cli.js';
import { LintPool } from '../../src/engine/pool.js';
import { largestFirst, lintFiles } from '../../src/engine/lint-files.js';
import { corpus, SENTENCES } from '../helpers/generated-corpus.js';
import { modulesLoaded } from '../helpers/modules-loaded.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plainspoke.js');

/** Runs the built CLI in a child process. */
function cli(args: string[], cwd: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'engine', 'worker.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

describe('--jobs', () => {
  it('gives byte-identical output for --jobs 1 and --jobs 2, in every format tried', () => {
    const dir = project(corpus());
    for (const format of ['json', 'stylish']) {
      const one = cli(['--no-axe', '--format', format, '--jobs', '1', '.'], dir);
      const two = cli(['--no-axe', '--format', format, '--jobs', '2', '.'], dir);
      expect(one.err).toBe('');
      expect(one.out.length).toBeGreaterThan(100);
      expect(two.out).toBe(one.out);
      expect(two.code).toBe(one.code);
    }
    const report = JSON.parse(cli(['--no-axe', '--format', 'json', '--jobs', '2', '.'], dir).out) as { files: { path: string }[] };
    expect(report.files).toHaveLength(30);
    const paths = report.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('streams results in path order whatever order workers finish in', async () => {
    const dir = project(corpus(12));
    // A big first file: with two workers it finishes last, yet it must come out first.
    writeFileSync(join(dir, '0-big.md'), `# Big\n\n${SENTENCES.join(' ').repeat(200)}\n`);
    const seen: string[] = [];
    const { report } = await lintFiles(['.'], { cwd: dir, noAxe: true, jobs: 2, onResult: (r) => seen.push(r.path) });
    expect(seen).toEqual(report.files.map((f) => f.path));
    expect(seen[0]).toBe('0-big.md');
  });
});

describe('largest files first (issue 19)', () => {
  it('hands files to workers by size, largest first, ties in path order', () => {
    const items = [10, 300, 0, 300, 5000, 7].map((size, index) => ({ index, size }));
    expect(largestFirst(items).map((p) => p.index)).toEqual([4, 1, 3, 0, 5, 2]);
    // A file not measured yet counts as empty; the input is not reordered.
    expect(largestFirst([{ index: 0 }, { index: 1, size: 3 }]).map((p) => p.index)).toEqual([1, 0]);
    expect(items.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps the report byte-identical for --jobs 1, 2 and 3 with one big file among small ones', () => {
    const dir = project(corpus(12));
    writeFileSync(join(dir, 'm-big.md'), `# Big\n\n${SENTENCES.join(' ').repeat(120)}\n`);
    const one = cli(['--no-axe', '--format', 'json', '--jobs', '1', '.'], dir);
    expect(one.err).toBe('');
    for (const jobs of ['2', '3']) expect(cli(['--no-axe', '--format', 'json', '--jobs', jobs, '.'], dir).out).toBe(one.out);
  });

  it('keeps the report byte-identical for --jobs 1, 2 and 3 when the pages likely to load axe go to one worker', () => {
    const dir = project(corpus(12));
    writeFileSync(join(dir, 'c-form.md'), '# Search\n\n<form action="/s"><input type="text"></form>\n');
    writeFileSync(join(dir, 'f-empty-link.md'), '# Links\n\nRead [](/guide) first.\n');
    writeFileSync(join(dir, 'k-loose-item.md'), '# Items\n\n<div><li>Loose item</li></div>\n');
    const one = cli(['--format', 'json', '--jobs', '1', '.'], dir);
    expect(one.err).toBe('');
    for (const id of ['axe/label', 'axe/listitem']) expect(one.out).toContain(`"ruleId": "${id}"`);
    for (const jobs of ['2', '3']) expect(cli(['--format', 'json', '--jobs', jobs, '.'], dir).out).toBe(one.out);
  });
});

describe('time budget', () => {
  const slowProject = () => {
    const files = corpus(10);
    // A nearer config gives one folder a tiny budget (seconds).
    files['slow/.plainspoke.yml'] = 'timeout: 0.001\n';
    files['slow/huge.md'] = `# Huge\n\n${Array.from({ length: 2000 }, (_, i) => `${SENTENCES[i % SENTENCES.length]}\n`).join('\n')}`;
    return project(files);
  };

  for (const jobs of ['1', '2']) {
    it(`stops a file over its budget and reports the others (--jobs ${jobs})`, () => {
      const r = cli(['--no-axe', '--format', 'json', '--jobs', jobs, '.'], slowProject());
      expect(r.code).toBe(2);
      const report = JSON.parse(r.out) as { files: { path: string; error?: string; findings: unknown[] }[] };
      expect(report.files).toHaveLength(11);
      const slow = report.files.find((f) => f.path === 'slow/huge.md');
      expect(slow?.error).toBe("slow/huge.md: took longer than 0.001 s to lint, so it was stopped (raise 'timeout' in the config to give it more time)");
      expect(report.files.filter((f) => f.error)).toHaveLength(1);
      expect(report.files.filter((f) => f.findings.length > 0).length).toBeGreaterThan(5);
      expect(r.err.trim().split('\n')).toEqual([`plainspoke: ${slow?.error}`]);
    });
  }

  it('stops a worker that never yields, and the pool goes on with a fresh one', async () => {
    const dir = project({
      // A stand-in worker: hangs on files named "hang", answers at once otherwise.
      'worker.mjs': [
        'export default async function (task) {',
        "  task.port?.postMessage('start');",
        "  if (task.file.path.includes('hang')) for (;;);",
        "  return { path: task.file.path, channel: 'article', findings: [] };",
        '}',
      ].join('\n'),
    });
    const pool = await LintPool.start(1, join(dir, 'worker.mjs'), { cwd: dir, cli: {}, opts: {} });
    try {
      const started = Date.now();
      const hung = await pool.lint({ path: 'hang.md', absPath: join(dir, 'hang.md') }, 0.2, 'article');
      expect(hung.error).toBe("hang.md: took longer than 0.2 s to lint, so it was stopped (raise 'timeout' in the config to give it more time)");
      expect(Date.now() - started).toBeLessThan(10_000);
      const ok = await pool.lint({ path: 'ok.md', absPath: join(dir, 'ok.md') }, 5, 'article');
      expect(ok).toEqual({ path: 'ok.md', channel: 'article', findings: [] });
    } finally {
      await pool.destroy();
    }
  });

  it('lints a file again in the main thread when its worker runs out of heap', async () => {
    const dir = project({
      'worker.mjs': [
        'export default async function (task) {',
        "  task.port?.postMessage('start');",
        "  if (task.file.path.includes('hog')) { const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); }",
        "  return { path: task.file.path, channel: 'article', findings: [] };",
        '}',
      ].join('\n'),
    });
    const pool = await LintPool.start(1, join(dir, 'worker.mjs'), { cwd: dir, cli: {}, opts: {} }, 32);
    try {
      const here = { path: 'hog.md', channel: 'article' as const, findings: [], metrics: { words: 1, sentences: 1, gradeLevel: 1, readingTimeMinutes: 1 } };
      expect(await pool.lint({ path: 'hog.md', absPath: join(dir, 'hog.md') }, 30, 'article', undefined, async () => here)).toBe(here);
      expect(await pool.lint({ path: 'ok.md', absPath: join(dir, 'ok.md') }, 30, 'article')).toEqual({ path: 'ok.md', channel: 'article', findings: [] });
    } finally {
      await pool.destroy();
    }
  });
});

describe('lazy engines', () => {
  const heavy = (urls: string[]) => urls.filter((u) => /node_modules\/(jsdom|axe-core)\//.test(u));

  it('--version, --help, rules, explain and --no-axe runs never load jsdom or axe-core', () => {
    const dir = project({ 'a.md': '# Refunds\n\nYour card was charged twice.\n\n![](x.png)\n', 'b.html': '<p>Hello <img src="y.png"></p>\n' });
    for (const args of [['--version'], ['--help'], ['rules'], ['explain', 'passive-voice'], ['--no-axe', 'a.md', 'b.html']]) {
      const urls = modulesLoaded(args, dir);
      expect(urls.length, args.join(' ')).toBeGreaterThan(3);
      expect(heavy(urls), args.join(' ')).toEqual([]);
    }
    // --version and --help load only the command-line layer.
    expect(modulesLoaded(['--version'], dir).filter((u) => u.includes('/dist/')).length).toBeLessThan(10);
  });
});

/**
 * Issue 19: without axe and with the default thread count, the main thread lints the smallest
 * files while the workers take the largest (src/engine/lint-files.ts, `hereToo`). The report
 * must be byte-identical to a run in one thread and to a run with workers only (--jobs 2).
 * The run is big enough (about 600 KB) that the default asks for workers on a machine with two
 * CPUs or more; on one CPU every run below is a one-thread run and the reports still match.
 */
describe('default threads without axe: the main thread lints too', () => {
  it('gives the same report as --jobs 1 and --jobs 2, with big files among many small ones', () => {
    const dir = project(corpus(200));
    // Big files go to the worker (largest first); two are over the size the main thread takes (64 KB).
    for (let i = 0; i < 8; i++) {
      const body = Array.from({ length: 40 + i * 60 }, (_, k) => `${SENTENCES[(i + k) % SENTENCES.length]} Item ${k} of part ${i}.`).join('\n\n');
      writeFileSync(join(dir, `big-${i}.md`), `# Part ${i}\n\n${body}\n`);
    }
    const one = cli(['--no-axe', '--format', 'json', '--jobs', '1', '.'], dir);
    expect(one.err).toBe('');
    const report = JSON.parse(one.out) as { files: { path: string; findings: unknown[] }[] };
    expect(report.files).toHaveLength(208);
    expect(report.files.filter((f) => f.findings.length > 0).length).toBeGreaterThan(100);
    const byDefault = cli(['--no-axe', '--format', 'json', '.'], dir);
    expect(byDefault.err).toBe('');
    expect(byDefault.out).toBe(one.out);
    expect(byDefault.code).toBe(one.code);
    expect(cli(['--no-axe', '--format', 'json', '--jobs', '2', '.'], dir).out).toBe(one.out);
  });
});
