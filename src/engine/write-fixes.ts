/**
 * Writes fixed files safely (issue 20):
 *
 * - Only a file that still holds exactly the bytes its fix was computed from
 *   (`FileResult.fixedFrom`) is written. A file edited while plainspoke ran is
 *   not fixed, and the run says so (exit 2): the edit is never lost.
 * - One fixer at a time per file: a lock file made with O_EXCL next to it
 *   (`.<name>.plainspoke-lock`). A second run waits for it, then finds the
 *   file already fixed (nothing to do) or changed (not fixed, with a message).
 * - A temp file in the same folder, given the file's owner, group and mode
 *   (chown where the process may), then a rename: atomic on POSIX. Just
 *   before the rename the file's inode, size and time are checked again.
 * - A file with more than one hard link, or whose owner the process cannot
 *   give to a new file, is written in place under the lock instead: the inode,
 *   and so every link, owner, group and mode, stay. A rename would split the links.
 * - Keeps the BOM and line endings; touches only files whose text changed.
 *   Never follows a symbolic link out of the working folder, never writes
 *   through a read-only file, and never writes a file that failed to lint.
 *   Fixes are already iterated until stable by lintDoc, so `fixedText` is
 *   final and a second --fix changes nothing.
 */
import { lstat, open, realpath, rename, unlink, stat } from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { dirname, join, resolve, relative, basename, isAbsolute } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileResult, Report } from '../types.js';
import { readFileSafely } from '../util/read-file-safely.js';

export interface WriteFixesResult {
  /** Unified diff of every change (dry run only). */
  diff: string;
  /** One line per file that could not be fixed, naming it. */
  errors: string[];
  /** Report paths of the files written. */
  written: string[];
}

/** How long a run waits for another run's lock on the same file. */
const LOCK_WAIT_MS = 15_000;
/** A lock older than this was left by a run that died: it is removed. */
const LOCK_STALE_MS = 60_000;

/** A file that is not written, and why: the whole line after its name. */
class NotFixed extends Error {}

const CHANGED = 'not fixed: it changed while plainspoke ran (run plainspoke --fix again)';

export async function writeFixes(report: Report, cwd: string, dryRun: boolean): Promise<WriteFixesResult> {
  let diff = '';
  const errors: string[] = [];
  const written: string[] = [];
  const root = await realpath(cwd);
  for (const file of report.files) {
    if (file.error || file.fixedText === undefined) continue;
    const abs = resolve(cwd, file.path);
    const after = file.fixedText;
    if (dryRun) {
      const current = await readCurrent(abs, file);
      if (typeof current === 'string') {
        errors.push(current);
        continue;
      }
      if (current.text === after) continue;
      if (current.changed) {
        errors.push(`${file.path}: no diff: it changed while plainspoke ran (run plainspoke --fix-dry-run again)`);
        continue;
      }
      // git's layout (`--- a/x`, `+++ b/x`, hunks), so `git apply` and `patch -p1` take it.
      diff += createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, current.text, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
      continue;
    }
    let target: string;
    try {
      target = await safeTarget(abs, cwd, root);
    } catch (e) {
      errors.push(`${file.path}: cannot be fixed: ${why(e)}`);
      continue;
    }
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lock(target);
      const current = await readCurrent(target, file);
      if (typeof current === 'string') {
        errors.push(current);
        continue;
      }
      // Another run fixed it the same way already: nothing is lost, nothing to do.
      if (current.text === after) continue;
      if (current.changed) throw new NotFixed(CHANGED);
      const info = current.stats;
      if (!(info.mode & 0o200)) throw new NotFixed('cannot be fixed: it is read-only');
      const bytes = Buffer.from((current.bom ? '\ufeff' : '') + after, 'utf8');
      if (info.nlink > 1 || !(await replaceAtomically(target, bytes, info))) await writeInPlace(target, bytes, info);
      written.push(file.path);
    } catch (e) {
      errors.push(`${file.path}: ${e instanceof NotFixed ? e.message : `cannot be fixed: ${why(e)}`}`);
    } finally {
      await release?.();
    }
  }
  return { diff, errors, written };
}

function why(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message;
}

interface Current {
  /** The file's text now, without its BOM. */
  text: string;
  bom: boolean;
  /** Its bytes differ from those the fix was computed from. */
  changed: boolean;
  stats: Stats;
}

/** Reads the file as it is now (safely: a FIFO or device swapped in is refused), or a line saying why not. */
async function readCurrent(path: string, file: FileResult): Promise<Current | string> {
  const limit = Math.max(64 * 1024 * 1024, Buffer.byteLength(file.fixedText ?? '') * 4);
  const read = await readFileSafely(path, { limit });
  if (!read.ok) return `${file.path}: cannot be fixed: it ${read.code === 'ENOENT' ? 'disappeared while plainspoke ran' : read.reason}`;
  const bytes = read.bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const changed = file.fixedFrom !== undefined && createHash('sha256').update(bytes).digest('hex') !== file.fixedFrom;
  return { text: bytes.toString('utf8').slice(bom ? 1 : 0), bom, changed, stats: read.stats };
}

/**
 * Takes the file's lock: `.<name>.plainspoke-lock` in its folder, made with
 * O_EXCL. Waits while another run holds it; a lock left by a run that died
 * (older than LOCK_STALE_MS) is removed.
 */
async function lock(target: string): Promise<() => Promise<void>> {
  const path = join(dirname(target), `.${basename(target)}.plainspoke-lock`);
  const until = Date.now() + LOCK_WAIT_MS;
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      const h = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
      await h.writeFile(`${process.pid}\n`).finally(() => h.close());
      return () => unlink(path).catch(() => undefined);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = await lstat(path).catch(() => undefined);
    if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() > until) throw new NotFixed(`not fixed: another plainspoke run is fixing it (if none is, delete ${basename(path)})`);
    await new Promise((r) => setTimeout(r, wait));
  }
}

/**
 * A temp file with the owner, group and mode of the original, then a rename.
 * Returns false, having written nothing, when the owner or group cannot be kept
 * (the caller then writes in place, which keeps them).
 */
async function replaceAtomically(target: string, bytes: Buffer, info: Stats): Promise<boolean> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.plainspoke-tmp`);
  const mode = info.mode & 0o7777;
  const h = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  let renamed = false;
  try {
    try {
      const mine = await h.stat();
      if (mine.uid !== info.uid || mine.gid !== info.gid) await h.chown(info.uid, info.gid);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPERM' || code === 'EACCES' || code === 'EINVAL') return false;
      throw e;
    }
    // After chown, which clears set-user-ID bits; open's mode is filtered by the umask, this is exact.
    await h.chmod(mode);
    await h.writeFile(bytes);
    await h.close();
    // The last check before the rename: the file is still the one that was read.
    const now = await lstat(target);
    if (now.ino !== info.ino || now.size !== info.size || now.mtimeMs !== info.mtimeMs) throw new NotFixed(CHANGED);
    await rename(tmp, target);
    renamed = true;
    return true;
  } finally {
    await h.close().catch(() => undefined);
    if (!renamed) await unlink(tmp).catch(() => undefined);
  }
}

/** Writes over the file's own inode (hard links, or an owner a new file can't have): links, owner, group and mode stay. */
async function writeInPlace(target: string, bytes: Buffer, info: Stats): Promise<void> {
  const h = await open(target, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
  try {
    const now = await h.stat();
    if (now.ino !== info.ino || now.size !== info.size || now.mtimeMs !== info.mtimeMs) throw new NotFixed(CHANGED);
    let at = 0;
    while (at < bytes.length) at += (await h.write(bytes, at, bytes.length - at, at)).bytesWritten;
    await h.truncate(bytes.length);
  } finally {
    await h.close();
  }
}

/**
 * The real path to write. A symbolic link anywhere on the way (the file or a
 * folder above it) that leads outside the working folder is refused; a link
 * that stays inside is written through to its real file, so the link stays.
 */
async function safeTarget(abs: string, cwd: string, root: string): Promise<string> {
  const info = await lstat(abs);
  if (!info.isFile() && !info.isSymbolicLink()) throw new Error('it is not a regular file');
  const real = await realpath(abs);
  if (!(await stat(real)).isFile()) throw new Error('it is not a regular file');
  const viaLinks = relative(root, real) !== relative(cwd, abs);
  if (!viaLinks) return abs;
  const rel = relative(root, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error('it is a symbolic link to a file outside the working folder');
  return real;
}
