/** `--changed [base]` (issue 17) in a real, temporary git repository. */
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { project, runCli } from '../helpers/cli.js';

const PASSIVE = '# Billing\n\nYour card was charged twice.\n';
const lint = ['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn'];
const paths = (out: string) => (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path);

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
  });
}

describe('--changed', () => {
  let dir: string;
  beforeAll(() => {
    dir = project({ 'docs/kept.md': PASSIVE, 'docs/edited.md': PASSIVE, 'docs/old-name.md': PASSIVE, 'docs/gone.md': PASSIVE, 'other/x.md': PASSIVE, 'notes.txt': 'text\n' });
    rmSync(join(dir, '.git'), { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'start');
    git(dir, 'checkout', '-q', '-b', 'topic');
    writeFileSync(join(dir, 'docs/edited.md'), `${PASSIVE}\nMore words.\n`);
    writeFileSync(join(dir, 'docs/new file.md'), PASSIVE);
    writeFileSync(join(dir, 'other/y.html'), '<p>Your card was charged twice.</p>\n');
    writeFileSync(join(dir, 'notes.txt'), 'changed\n');
    renameSync(join(dir, 'docs/old-name.md'), join(dir, 'docs/new-name.md'));
    rmSync(join(dir, 'docs/gone.md'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'topic work');
    // main moves on: the merge base, not main's tip, is the base.
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'docs/kept.md'), `${PASSIVE}\nOn main only.\n`);
    git(dir, 'commit', '-q', '-am', 'main work');
    git(dir, 'checkout', '-q', 'topic');
  });

  it('lints only files added, modified or renamed since the merge base with the default branch', async () => {
    const r = await runCli([...lint, '--changed'], { cwd: dir });
    expect(r.err).toBe('');
    expect(paths(r.out)).toEqual(['docs/edited.md', 'docs/new file.md', 'docs/new-name.md', 'other/y.html']);
  });
  it('takes a base, and limits itself to the paths given', async () => {
    const r = await runCli([...lint, '--changed', 'main', 'docs'], { cwd: dir });
    expect(r.err).toBe('');
    expect(paths(r.out)).toEqual(['docs/edited.md', 'docs/new file.md', 'docs/new-name.md']);
    // A value that is not a commit but a path is a path (like --baseline).
    const p = await runCli([...lint, '--changed', 'other'], { cwd: dir });
    expect(paths(p.out)).toEqual(['other/y.html']);
    const g = await runCli([...lint, '--changed', 'main', '**/*.html'], { cwd: dir });
    expect(paths(g.out)).toEqual(['other/y.html']);
  });
  it('uncommitted edits count; nothing changed is exit 0 with a note', async () => {
    writeFileSync(join(dir, 'other/x.md'), `${PASSIVE}\nEdited, not committed.\n`);
    try {
      const r = await runCli([...lint, '--changed', 'HEAD'], { cwd: dir });
      expect(paths(r.out)).toEqual(['other/x.md']);
    } finally {
      git(dir, 'checkout', '-q', '--', 'other/x.md');
    }
    const none = await runCli([...lint, '--changed', 'HEAD'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(paths(none.out)).toEqual([]);
    expect(none.err).toBe('plainspoke: no Markdown or HTML files changed since HEAD\n');
  });
  it('an unknown base or a folder outside git is exit 2', async () => {
    const r = await runCli([...lint, '--changed', 'no-such-branch'], { cwd: dir });
    expect(r.code).toBe(2);
    const outside = project({ 'a.md': PASSIVE });
    rmSync(join(outside, '.git'), { recursive: true });
    const o = await runCli([...lint, '--changed'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: join(outside, '..') } });
    expect(o.code).toBe(2);
    expect(o.err).toContain('is not inside a git repository');
  });
  it('uses the pull request base branch in GitHub Actions', async () => {
    git(dir, 'branch', '-f', 'release', 'HEAD~1');
    const r = await runCli([...lint, '--changed'], { cwd: dir, env: { GITHUB_BASE_REF: 'release' } });
    expect(paths(r.out)).toEqual(['docs/edited.md', 'docs/new file.md', 'docs/new-name.md', 'other/y.html']);
  });
});
