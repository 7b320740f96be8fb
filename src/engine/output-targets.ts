/**
 * Files a run writes besides fixes: the report (`-o`), the baseline
 * (`--update-baseline`) and the cache (`--cache-location`). Issue 20: none of
 * them may be one of the files being linted (`-o doc.md doc.md` used to
 * overwrite the document with the report), so each is compared with every
 * input, by device and inode (hard links, symbolic links, `./a/../doc.md`)
 * and by real path, and refused before anything is written. Issue 17: their
 * folders are created before the lint, so a run never fails at the end.
 */
import { mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';

export interface WriteTarget {
  /** The option, for messages: `--output-file`. */
  flag: string;
  /** The path as the user gave it, for messages. */
  shown: string;
  abs: string;
}

/** The targets of a run; undefined entries are left out. */
export function writeTargets(cwd: string, given: { flag: string; shown: string | undefined; abs?: string }[]): WriteTarget[] {
  return given.filter((g): g is { flag: string; shown: string; abs?: string } => g.shown !== undefined).map((g) => ({ flag: g.flag, shown: g.shown, abs: g.abs ?? resolve(cwd, g.shown) }));
}

function statQuietly(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** The real path of a file that may not exist yet: its folder's real path and its name. */
function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return join(realpathSync(dirname(p)), basename(p));
    } catch {
      return p;
    }
  }
}

/** Before discovery: a target that is a folder can never be written (say so now, not after the lint). */
export function refuseFolders(targets: readonly WriteTarget[]): void {
  for (const t of targets) {
    if (t.flag === '--cache-location') continue; // a folder gets .plainspokecache inside it
    if (statQuietly(t.abs)?.isDirectory()) throw new UsageError(`${t.flag} ${t.shown}: is a folder; give a file name`);
  }
}

/**
 * After discovery, before linting: refuses a target that is one of the inputs,
 * then creates the targets' folders. Throws a UsageError (exit 2, one line).
 */
export function guardTargets<T extends { absPath: string; path: string }>(targets: readonly WriteTarget[], inputs: readonly T[], known?: (input: T) => Stats | undefined): void {
  let inputStats: (Stats | undefined)[] | undefined;
  for (const t of targets) {
    const st = statQuietly(t.abs);
    // A file that does not exist yet cannot be an input (inputs exist): only existing targets are compared.
    if (!st || !inputs.length) continue;
    const real = realPathOf(t.abs);
    const byInode = st.ino !== 0;
    // `known`: a stat by path that discovery already took of the input (discover.ts namedFileStat).
    inputStats ??= inputs.map((i) => known?.(i) ?? statQuietly(i.absPath));
    for (const [k, input] of inputs.entries()) {
      const same = byInode ? sameInode(st, inputStats[k]) : realPathOf(input.absPath) === real;
      if (same || input.absPath === t.abs) {
        throw new UsageError(`${t.flag} ${t.shown}: is ${input.path === t.shown ? 'one of the files being linted' : `the same file as ${input.path}, which is being linted`}; write it to another file`);
      }
    }
  }
  // The cache makes its own folder when it is saved; one it cannot make costs a warning, not the run.
  for (const t of targets) if (t.flag !== '--cache-location') createFolder(t);
}

function sameInode(a: Stats, b: Stats | undefined): boolean {
  return !!b && a.dev === b.dev && a.ino === b.ino;
}

/** Creates the folder a target goes in (`-o reports/lint.json` with no reports/ yet). */
export function createFolder(t: WriteTarget): void {
  const dir = dirname(t.abs);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its path is a file' : (code ?? (e as Error).message);
    throw new UsageError(`${t.flag} ${t.shown}: cannot create its folder (${why})`);
  }
}
