/**
 * `--shard i/n` and `merge-reports` (issue 6): the shards split the files
 * deterministically, every file lands in exactly one shard, and merging the
 * shards' JSON reports gives byte-identical output to one unsharded run.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from '../helpers/cli.js';
import { inShard, parseShard } from '../../src/engine/lint-files.js';
import { corpus } from '../helpers/generated-corpus.js';

const BIN = join(resolve(import.meta.dirname, '..', '..'), 'bin', 'plainspoke.js');

function cli(args: string[], cwd: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('--shard', () => {
  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3', '-1/2', '1.5/2']) {
      expect(() => parseShard(bad), bad).toThrow(/--shard .*: give the shard as i\/n/);
    }
  });

  it('puts every path in exactly one shard, the same way every time', () => {
    const paths = Array.from({ length: 500 }, (_, i) => `help/${i % 7}/article ${i}.md`).concat(['Été.md', 'a/b/c.html']);
    for (const count of [1, 2, 3, 7]) {
      const sizes = Array.from({ length: count }, () => 0);
      for (const p of paths) {
        const owners = sizes.map((_, i) => inShard(p, { index: i + 1, count })).filter(Boolean);
        expect(owners, p).toHaveLength(1);
        sizes[sizes.findIndex((_, i) => inShard(p, { index: i + 1, count }))]++;
      }
      // Roughly even (a hash, not a round-robin).
      for (const s of sizes) expect(s).toBeGreaterThan(paths.length / count / 2);
    }
    expect(inShard('help/billing/refunds.md', { index: 1, count: 2 })).toBe(inShard('help/billing/refunds.md', { index: 1, count: 2 }));
  });

  it('a bad --shard is a usage error (exit 2)', () => {
    const dir = project({ 'a.md': '# A\n\nHello.\n' });
    const r = cli(['--no-axe', '--shard', '3/2', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe('plainspoke: --shard 3/2: give the shard as i/n with 1 ≤ i ≤ n, e.g. --shard 1/3\n');
  });
});

describe('merge-reports', () => {
  it('merged shard reports equal one unsharded run, byte for byte, in any order and format', () => {
    const dir = project(corpus());
    const full = cli(['--no-axe', '--format', 'json', '.'], dir);
    expect(full.out.length).toBeGreaterThan(100);
    const names: string[] = [];
    let total = 0;
    for (let i = 1; i <= 3; i++) {
      const shard = cli(['--no-axe', '--format', 'json', '--shard', `${i}/3`, '.'], dir);
      expect(shard.err).toBe('');
      total += (JSON.parse(shard.out) as { files: unknown[] }).files.length;
      writeFileSync(join(dir, `shard-${i}.json`), shard.out);
      names.push(`shard-${i}.json`);
    }
    expect(total).toBe(30);
    const merged = cli(['merge-reports', ...names, '--format', 'json'], dir);
    expect(merged.out).toBe(full.out);
    expect(merged.code).toBe(full.code);
    const reversed = cli(['merge-reports', ...[...names].reverse(), '-f', 'json'], dir);
    expect(reversed.out).toBe(full.out);
    // Any format: the merged report goes through the same formatter.
    const stylish = cli(['--no-axe', '.'], dir);
    expect(cli(['merge-reports', ...names], dir).out).toBe(stylish.out);
    // --max-warnings counts over the merged report.
    expect(cli(['merge-reports', ...names, '--max-warnings', '0', '-f', 'json'], dir).code).toBe(1);
  });

  it('says which file is wrong: missing, not JSON, not a report, or clashing (exit 2)', () => {
    const dir = project(corpus(6));
    const one = cli(['--no-axe', '--format', 'json', '.'], dir).out;
    writeFileSync(join(dir, 'one.json'), one);
    writeFileSync(join(dir, 'text.json'), 'not json at all');
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ tool: { name: 'plainspoke', version: '1.0.0' }, files: [{ path: 'a.md', channel: 'article', findings: [{ ruleId: 'x' }] }], summary: {} }));
    const other = JSON.parse(one) as { files: { findings: unknown[] }[] };
    other.files[0].findings = [];
    writeFileSync(join(dir, 'clash.json'), JSON.stringify(other));
    const cases: [string[], string][] = [
      [['one.json', 'missing.json'], 'plainspoke: missing.json: no such file\n'],
      [['text.json'], 'plainspoke: text.json: is not JSON'],
      [['shape.json'], "plainspoke: shape.json: is not a plainspoke JSON report: 'files[0].findings[0]' needs ruleId, message and source\n"],
      [['one.json', 'clash.json'], 'plainspoke: clash.json: '],
      [[], 'plainspoke: '],
    ];
    for (const [args, message] of cases) {
      const r = cli(['merge-reports', ...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.startsWith(message), r.err).toBe(true);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    // The same report twice merges to itself (input errors repeat in every shard).
    expect(cli(['merge-reports', 'one.json', 'one.json', '-f', 'json'], dir).out).toBe(one);
  });
});
