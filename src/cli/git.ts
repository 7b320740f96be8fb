/**
 * `--changed [base]` (issue 17): the Markdown and HTML files added, modified,
 * renamed or copied since `base`, from `git diff --name-only --diff-filter=ACMR`,
 * the way MDN and GitHub Docs lint pull requests. The default base is the
 * merge base with the default branch (on a pull request in GitHub Actions,
 * the pull request's base branch).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { UsageError } from '../util/errors.js';

type Env = Record<string, string | undefined>;

function git(args: string[], cwd: string, env: Env = process.env): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env, GIT_OPTIONAL_LOCKS: '0' } });
  if (r.error) throw new UsageError(`--changed needs git, which could not be run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '').trim() };
}

/** Whether `ref` names a commit (a branch, tag or SHA) in the repository at `cwd`. */
export function isCommit(ref: string, cwd: string, env?: Env): boolean {
  if (!ref || ref.startsWith('-')) return false;
  try {
    return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd, env).ok;
  } catch {
    return false;
  }
}

/** The branch a pull request merges into, or the repository's default branch, as a ref git knows. */
export function defaultBranch(cwd: string, env: Env): string | undefined {
  const candidates: string[] = [];
  if (env.GITHUB_BASE_REF) candidates.push(`origin/${env.GITHUB_BASE_REF}`, env.GITHUB_BASE_REF);
  const head = git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd, env);
  if (head.ok && head.out.trim()) candidates.push(head.out.trim());
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  return candidates.find((c) => isCommit(c, cwd, env));
}

export interface ChangedFiles {
  /** The commit compared against (the merge base). */
  base: string;
  /** What the user asked for, for messages. */
  label: string;
  /** Absolute paths. */
  files: string[];
}

/** Files added, modified, renamed or copied between the merge base of `base` (or the default branch) and HEAD, plus uncommitted changes. */
export function changedFiles(base: string | undefined, cwd: string, env: Env): ChangedFiles {
  const top = git(['rev-parse', '--show-toplevel'], cwd, env);
  if (!top.ok) throw new UsageError(`--changed: ${cwd} is not inside a git repository`);
  const root = top.out.trim();
  const target = base ?? defaultBranch(cwd, env);
  if (!target) throw new UsageError('--changed: cannot find the default branch (no origin/HEAD, main or master): name the base, e.g. --changed origin/main');
  if (!isCommit(target, cwd, env)) throw new UsageError(`--changed ${target}: git knows no such branch, tag or commit`);
  const mb = git(['merge-base', '--end-of-options', target, 'HEAD'], cwd, env);
  if (!mb.ok) throw new UsageError(`--changed ${target}: it shares no history with HEAD (${mb.err.split('\n')[0] || 'git merge-base failed'})`);
  const mergeBase = mb.out.trim();
  // -z: names exactly as stored (no quoting of spaces or non-ASCII); against the working tree, so uncommitted edits count.
  const diff = git(['-c', 'core.quotepath=off', 'diff', '--name-only', '--diff-filter=ACMR', '-z', mergeBase, '--'], root, env);
  if (!diff.ok) throw new UsageError(`--changed: git diff failed (${diff.err.split('\n')[0]})`);
  const files = diff.out
    .split('\0')
    .filter(Boolean)
    .map((p) => resolve(root, p));
  return { base: mergeBase, label: target, files };
}
