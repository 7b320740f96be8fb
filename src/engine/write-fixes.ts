/**
 * Writes fixed files safely: a temp file in the same folder, then rename
 * (atomic on POSIX), keeping the BOM, line endings and file mode. Never
 * follows a symlink out of the working folder and never writes through a
 * read-only file or a file that failed to lint.
 */
import { lstat, readFile, realpath, rename, chmod, writeFile, unlink, stat } from 'node:fs/promises';
import { dirname, join, resolve, relative, basename, isAbsolute } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { Report } from '../types.js';

export async function writeFixes(report: Report, cwd: string, dryRun: boolean): Promise<{ diff: string; errors: string[]; written: string[] }> {
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
      diff += createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before, after, '', '', { context: 3 });
      continue;
    }
    try {
      const target = await safeTarget(abs, root);
      const info = await stat(target);
      if (!(info.mode & 0o200)) {
        errors.push(`${file.path}: cannot be fixed: it is read-only`);
        continue;
      }
      const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.plainspoke-tmp`);
      try {
        await writeFile(tmp, (hasBom ? '\ufeff' : '') + after, { mode: info.mode & 0o7777, flag: 'wx' });
        await chmod(tmp, info.mode & 0o7777);
        await rename(tmp, target);
      } catch (e) {
        await unlink(tmp).catch(() => undefined);
        throw e;
      }
      written.push(file.path);
    } catch (e) {
      errors.push(`${file.path}: cannot be fixed: ${(e as Error).message}`);
    }
  }
  return { diff, errors, written };
}

/** The real path to write, refusing links that lead outside the working folder. */
async function safeTarget(abs: string, root: string): Promise<string> {
  const info = await lstat(abs);
  if (!info.isSymbolicLink()) return abs;
  const real = await realpath(abs);
  const rel = relative(root, real);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error('it is a symbolic link to a file outside the working folder');
  return real;
}
