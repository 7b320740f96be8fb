/**
 * The file system a folder search (globby) walks with (issue 20):
 *
 * - a folder it cannot read is noted, so discover() reports it (exit 2, one
 *   line naming it) and lints the rest, instead of skipping it silently;
 * - `.gitignore` files are read safely: a FIFO, a device or a file over 1 MB
 *   is skipped instead of hanging the run or filling memory.
 */
import * as fs from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { isInside, readFileSafely } from '../util/read-file-safely.js';

/** A .gitignore bigger than this is not read. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

type ReaddirCallback = (err: NodeJS.ErrnoException | null, entries: unknown) => void;

/**
 * Whether a folder matters to a search: inside a pattern's fixed base (`docs` in `docs/*.md`), and no
 * deeper than its pattern reaches. globby also walks the whole working folder for `.gitignore` files;
 * a folder it cannot read there, which no pattern reaches, is no file left out.
 */
function reachedBy(patterns: readonly string[], cwd: string): (dir: string) => boolean {
  const scopes = patterns.map((p) => {
    const { base, glob } = picomatch.scan(p);
    const parts = glob.split('/');
    return { base: resolve(cwd, base), deep: parts.some((x) => x.includes('**')), depth: parts.length - 1 };
  });
  return (dir) =>
    scopes.some((s) => {
      if (!isInside(resolve(cwd, dir), s.base)) return false;
      const rel = relative(s.base, resolve(cwd, dir));
      return s.deep || (rel === '' ? 0 : rel.split(sep).length) <= s.depth;
    });
}

/** An `fs` for globby's `fs` option; folders the patterns reach that cannot be read are pushed on `unreadable`. */
export function searchFs(unreadable: string[], patterns: readonly string[], cwd: string): Record<string, unknown> {
  const reached = reachedBy(patterns, cwd);
  const note = (dir: unknown, err: NodeJS.ErrnoException | null) => {
    if (!err || (err.code !== 'EACCES' && err.code !== 'EPERM') || typeof dir !== 'string') return;
    const abs = resolve(cwd, dir);
    if (!unreadable.includes(abs) && reached(abs)) unreadable.push(abs);
  };
  // Issue 19: globby's ignore filter asks stat() of every file found, only to learn it is not a folder (it does so
  // even with onlyFiles): one system call and one promise per file, on the main thread before any file is linted.
  // A regular file the walk listed answers from its directory entry, which says the same (a link is stat'ed).
  const listedFiles = new Map<string, fs.Dirent>();
  const remember = (dir: fs.PathLike, entries: unknown) => {
    if (typeof dir !== 'string' || !Array.isArray(entries)) return;
    for (const e of entries) if (e instanceof fs.Dirent && e.isFile()) listedFiles.set(resolve(cwd, dir, e.name), e);
  };
  const stat = (path: fs.PathLike, options?: unknown) => {
    const listed = typeof path === 'string' ? listedFiles.get(resolve(cwd, path)) : undefined;
    return listed ? Promise.resolve(listed) : fs.promises.stat(path, options as never);
  };
  const readdir = (dir: fs.PathLike, optionsOrCallback: unknown, maybeCallback?: ReaddirCallback) => {
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as ReaddirCallback;
    const done: ReaddirCallback = (err, entries) => {
      note(dir, err);
      if (!err) remember(dir, entries);
      callback(err, entries);
    };
    if (typeof optionsOrCallback === 'function') fs.readdir(dir, done as never);
    else fs.readdir(dir, optionsOrCallback as never, done as never);
  };
  const readdirSync = (dir: fs.PathLike, options?: unknown) => {
    try {
      return fs.readdirSync(dir, options as never);
    } catch (e) {
      note(dir, e as NodeJS.ErrnoException);
      throw e;
    }
  };
  const readFile = async (path: string, encoding?: BufferEncoding | { encoding?: BufferEncoding }) => {
    const read = await readFileSafely(path, { limit: MAX_IGNORE_FILE_BYTES });
    if (!read.ok) throw Object.assign(new Error(`${path}: ${read.reason}`), { code: read.code });
    const enc = typeof encoding === 'string' ? encoding : encoding?.encoding;
    return enc ? read.bytes.toString(enc) : read.bytes;
  };
  return {
    lstat: fs.lstat,
    stat: fs.stat,
    lstatSync: fs.lstatSync,
    statSync: fs.statSync,
    readFileSync: fs.readFileSync,
    readdir,
    readdirSync,
    promises: { ...fs.promises, readFile, stat },
  };
}

/** Folders a search could not read, each as one line (shown relative to the working folder). */
export function unreadableFolders(unreadable: readonly string[], shown: (abs: string) => string): string[] {
  return [...new Set(unreadable)].sort().map((dir) => `${shown(dir)}: cannot be read (permission denied), so its files were not linted: let plainspoke read it, or add it to ignore`);
}
