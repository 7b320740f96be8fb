/**
 * Writes fixed files safely: a temp file in the same folder, then rename
 * (atomic on POSIX), keeping the BOM, line endings and file mode. Touches
 * only files whose text changed. Never follows a symbolic link out of the
 * working folder, never writes through a read-only file, and never writes a
 * file that failed to lint. Fixes are already iterated until stable by
 * lintDoc, so `fixedText` is final and a second --fix changes nothing.
 */
import { lstat, readFile, realpath, rename, chmod, writeFile, unlink, stat } from 'node:fs/promises';
import { dirname, join, resolve, relative, basename, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Report } from '../types.js';

export interface WriteFixesResult {
  /** Unified diff of every change (dry run only). */
  diff: string;
  /** One line per file that could not be fixed, naming it. */
  errors: string[];
  /** Report paths of the files written. */
  written: string[];
}

export async function writeFixes(report: Report, cwd: string, dryRun: boolean): Promise<WriteFixesResult> {
  let diff = '';
  const errors: string[] = [];
  const written: string[] = [];
  const root = await realpath(cwd);
  for (const file of report.files) {
    if (file.error || file.fixedText === undefined) continue;
    const abs = resolve(cwd, file.path);
    let original: Buffer;
    try {
      original = await readFile(abs);
    } catch (e) {
      errors.push(`${file.path}: cannot be fixed: it cannot be read (${(e as NodeJS.ErrnoException).code})`);
      continue;
    }
    const hasBom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    const before = original.toString('utf8').slice(hasBom ? 1 : 0);
    const after = file.fixedText;
    if (before === after) continue;
    if (dryRun) {
      // git's layout (`--- a/x`, `+++ b/x`, hunks), so `git apply` and `patch -p1` take it.
      diff += createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
      continue;
    }
    try {
      const target = await safeTarget(abs, cwd, root);
      const info = await stat(target);
      if (!(info.mode & 0o200)) {
        errors.push(`${file.path}: cannot be fixed: it is read-only`);
        continue;
      }
      const mode = info.mode & 0o7777;
      const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.plainspoke-tmp`);
      try {
        await writeFile(tmp, (hasBom ? '\ufeff' : '') + after, { mode, flag: 'wx' });
        // writeFile's mode is filtered by the umask; set it exactly.
        await chmod(tmp, mode);
        await rename(tmp, target);
      } catch (e) {
        await unlink(tmp).catch(() => undefined);
        throw e;
      }
      written.push(file.path);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message;
      errors.push(`${file.path}: cannot be fixed: ${why}`);
    }
  }
  return { diff, errors, written };
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
  const viaLinks = relative(root, real) !== relative(cwd, abs);
  if (!viaLinks) return abs;
  const rel = relative(root, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error('it is a symbolic link to a file outside the working folder');
  return real;
}
