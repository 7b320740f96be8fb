/**
 * Issue 19: without axe and with the default thread count, the main thread lints the smallest
 * files while the workers take the largest (src/engine/lint-files.ts, `hereToo`). The report
 * must be byte-identical to a run in one thread and to a run with workers only (--jobs 2).
 *
 * The run is big enough (about 600 KB) that the default asks for workers on a machine with two
 * CPUs or more; on one CPU every run below is a one-thread run and the reports still match.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../helpers/cli.js';
import { corpus, SENTENCES } from '../helpers/generated-corpus.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plainspoke.js');

function cli(args: string[], cwd: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'engine', 'worker.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

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
