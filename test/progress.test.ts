/** The progress line: TTY stderr only, never in CI, never when a machine format goes to stdout. */
import { describe, expect, it, vi } from 'vitest';
import { project, runCli } from './helpers/cli.js';
import { PROGRESS_MIN_FILES, inCI, progressLine } from '../src/cli/commands/lint.js';
import type { CliIO } from '../src/cli/io.js';

// The rules do not matter here: run only cheap ones, so other rules' state cannot change these tests.
vi.mock('../src/rules/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/rules/registry.js')>();
  const rules = real.allRules().filter((r) => r.id === 'passive-voice' || r.id === 'unused-disable');
  return { ...real, allRules: () => rules, getRule: (id: string) => rules.find((r) => r.id === id), ruleIds: () => rules.map((r) => r.id) };
});

function many(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`docs/page-${String(i).padStart(2, '0')}.md`] = `# Page ${i}\n\nWe reply in a day.\n`;
  return files;
}

const LINE = /\r\x1b\[K\d+\/25 docs\/page-\d\d\.md/;

describe('progress line', () => {
  const dir = project(many(25));

  it('shows files done of total and the current file on a TTY, then clears itself', async () => {
    const r = await runCli(['--no-axe', '.'], { cwd: dir, tty: true });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(LINE);
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('is not shown without a TTY, in CI, with --no-progress, or with a machine format on stdout', async () => {
    expect((await runCli(['--no-axe', '.'], { cwd: dir, tty: false })).err).toBe('');
    expect((await runCli(['--no-axe', '.'], { cwd: dir, tty: true, env: { CI: 'true' } })).err).toBe('');
    expect((await runCli(['--no-axe', '.'], { cwd: dir, tty: true, env: { GITHUB_ACTIONS: 'true' } })).err).toBe('');
    expect((await runCli(['--no-axe', '--no-progress', '.'], { cwd: dir, tty: true })).err).toBe('');
    for (const format of ['json', 'sarif', 'github', 'junit', 'html']) {
      expect((await runCli(['--no-axe', '--format', format, '.'], { cwd: dir, tty: true })).err, format).toBe('');
    }
  });

  it('is shown with a machine format written to --output-file', async () => {
    const r = await runCli(['--no-axe', '--format', 'json', '-o', 'report.json', '.'], { cwd: dir, tty: true });
    expect(r.err).toMatch(LINE);
  });

  it('stays quiet for short runs, throttles redraws and shortens long paths', () => {
    let err = '';
    let t = 0;
    const io = { cwd: '/', env: {}, stdout: { write: () => true }, stderr: { write: (s: string) => (err += s), isTTY: true }, readStdin: async () => '' } as CliIO;
    const tick = progressLine({ progress: true, format: 'stylish' }, io, () => t)!;
    for (let i = 1; i < PROGRESS_MIN_FILES - 1; i++) tick(i, PROGRESS_MIN_FILES - 1, 'a.md');
    expect(err).toBe('');
    tick(1, 100, `${'x/'.repeat(50)}end.md`);
    t += 10;
    tick(2, 100, 'b.md');
    expect(err).toBe(`\r\x1b[K1/100 …${`${'x/'.repeat(50)}end.md`.slice(-59)}`);
    t += 200;
    tick(3, 100, 'c.md');
    expect(err.endsWith('\r\x1b[K3/100 c.md')).toBe(true);
    tick(100, 100, 'z.md');
    expect(err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('reads CI the way CI servers set it', () => {
    expect(inCI({ CI: 'true' })).toBe(true);
    expect(inCI({ CI: '1' })).toBe(true);
    expect(inCI({ CI: 'false' })).toBe(false);
    expect(inCI({ CI: '0' })).toBe(false);
    expect(inCI({})).toBe(false);
    expect(inCI({ GITLAB_CI: 'true' })).toBe(true);
  });
});
