/**
 * Reads a file that a pull request could have committed (a linted file, a
 * config's `extends`, the baseline, the cache) without trusting it (issue 20):
 *
 * - opened with O_NONBLOCK, so a FIFO never blocks the run;
 * - O_NOFOLLOW when the path must not be a symbolic link (`links: 'refuse'`),
 *   or the link's real path must stay inside a folder (`links: { inside }`);
 * - `fstat` on the opened descriptor: anything but a regular file (a FIFO, a
 *   device such as /dev/zero, a socket, a folder) is refused, saying what it is;
 * - the size is checked on the descriptor before reading (a 1.9 GB sparse
 *   file is never read), and at most `limit + 1` bytes are ever read, so a
 *   file that grows, or reports size 0 (/proc), still cannot exceed the limit.
 *
 * Reasons never quote the file's content.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, existsSync, statSync, type Stats } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';

/** How a symbolic link at the path itself is treated. */
export type LinkPolicy = 'follow' | 'refuse' | { inside: string };

export interface ReadSafelyOptions {
  /** Largest size in bytes accepted. A bigger file is refused before it is read. */
  limit: number;
  /** `follow` (default): read through a link; `refuse`: a link is refused; `{ inside }`: followed only when its real path is inside that folder. */
  links?: LinkPolicy;
}

export type SafeRead =
  | {
      ok: true;
      bytes: Buffer;
      /** fstat of the descriptor that was read (owner, mode, inode, links, size and time). */
      stats: Stats;
    }
  | {
      ok: false;
      /** ENOENT, EACCES, ELOOP… for system errors; NOT_REGULAR, TOO_BIG, LINK, LINK_OUTSIDE for refusals. */
      code: string;
      /** One plain phrase to put after the file name: "is a FIFO, not a regular file". */
      reason: string;
      /** The size, for TOO_BIG. */
      size?: number;
    };

const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** What a non-regular file is, in plain words. */
export function describeFileType(s: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isDirectory' | 'isSymbolicLink'>): string {
  if (s.isFIFO()) return 'is a FIFO, not a regular file';
  if (s.isCharacterDevice()) return 'is a character device, not a regular file';
  if (s.isBlockDevice()) return 'is a block device, not a regular file';
  if (s.isSocket()) return 'is a socket, not a regular file';
  if (s.isDirectory()) return 'is a folder, not a file';
  if (s.isSymbolicLink()) return 'is a symbolic link, not a regular file';
  return 'is not a regular file';
}

/** Sizes as people read them: "1.9 GB", "5 MB", "12 KB". */
export function formatSize(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} GB`;
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The size-limit reason: "is 1.9 GB, over the 5 MB limit". */
export function tooBigReason(size: number, limit: number): string {
  return `is ${formatSize(size)}, over the ${formatSize(limit)} limit`;
}

function errnoReason(e: unknown): { code: string; reason: string } {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  const reason =
    code === 'ENOENT' ? 'does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)'
    : code === 'EISDIR' ? 'is a folder, not a file'
    : code === 'ELOOP' ? 'is a symbolic link loop'
    : code === 'ENOTDIR' ? 'does not exist (a part of its path is not a folder)'
    : `cannot be read (${code})`;
  return { code, reason };
}

/** Whether `child` is `parent` or inside it (both absolute, real paths). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The folder a file may reach through links and `extends`: the nearest folder
 * above `dir` that holds `.git`; without one, `cwd` when `dir` is inside it,
 * else `dir` itself.
 */
export function repositoryRoot(dir: string, cwd: string): string {
  for (let d = dir; ; ) {
    if (existsSync(join(d, '.git'))) return d;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return isInside(dir, cwd) ? cwd : dir;
}

const LINK_REFUSED = { ok: false as const, code: 'LINK', reason: 'is a symbolic link; plainspoke reads it only as a regular file' };
const LINK_OUTSIDE = { ok: false as const, code: 'LINK_OUTSIDE', reason: 'is a symbolic link to a file outside the repository' };

function realInside(path: string, root: string): boolean {
  try {
    return isInside(realpathSync(path), realpathSync(root));
  } catch {
    return false;
  }
}

async function realInsideAsync(path: string, root: string): Promise<boolean> {
  try {
    return isInside(await realpath(path), await realpath(root));
  } catch {
    return false;
  }
}

/** A link out of the folder: said as what it leads to when that is no regular file (/dev/zero), which is never opened. */
function outsideReason(path: string): SafeRead {
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, code: 'NOT_REGULAR', reason: describeFileType(st) };
  } catch {
    /* a dangling link: still a link out */
  }
  return LINK_OUTSIDE;
}

/**
 * A buffer that starts at the size fstat gave (plus one byte, to see growth)
 * and grows only when more comes, never past limit + 1 bytes.
 */
class BoundedBuffer {
  private buf: Buffer;
  private n = 0;
  private readonly cap: number;

  constructor(size: number, limit: number) {
    this.cap = limit + 1;
    this.buf = Buffer.allocUnsafe(Math.max(1, Math.min(this.cap, size + 1)));
  }

  /** Where the next read goes, or undefined when limit + 1 bytes are in. */
  room(): { buf: Buffer; at: number } | undefined {
    if (this.n === this.buf.length) {
      if (this.buf.length >= this.cap) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(this.cap, Math.max(64 * 1024, this.buf.length * 2)));
      this.buf.copy(bigger, 0, 0, this.n);
      this.buf = bigger;
    }
    return { buf: this.buf, at: this.n };
  }

  got(n: number): void {
    this.n += n;
  }

  result(limit: number, stats: Stats): SafeRead {
    if (this.n > limit) return { ok: false, code: 'TOO_BIG', reason: `grew past the ${formatSize(limit)} limit while it was read`, size: this.n };
    // A buffer grown for a file that reported the wrong size is trimmed, so callers keep no slack.
    const bytes = this.buf.length - this.n > 4096 ? Buffer.from(this.buf.subarray(0, this.n)) : this.buf.subarray(0, this.n);
    return { ok: true, bytes, stats };
  }
}

/** Reads a file the safe way (see the top of this file). Never throws. */
export function readFileSafelySync(path: string, opts: ReadSafelyOptions): SafeRead {
  const links = opts.links ?? 'follow';
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | O_NONBLOCK | (links === 'follow' ? 0 : O_NOFOLLOW));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // O_NOFOLLOW on a link fails with ELOOP (EMLINK on some BSDs).
    if ((code === 'ELOOP' || code === 'EMLINK') && links !== 'follow') {
      if (links === 'refuse') return LINK_REFUSED;
      if (!realInside(path, links.inside)) return outsideReason(path);
      return readFileSafelySync(path, { ...opts, links: 'follow' });
    }
    return { ok: false, ...errnoReason(e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, code: 'NOT_REGULAR', reason: describeFileType(st) };
    if (st.size > opts.limit) return { ok: false, code: 'TOO_BIG', reason: tooBigReason(st.size, opts.limit), size: st.size };
    // Read at most limit + 1 bytes: enough to know the file grew past the limit.
    const reader = new BoundedBuffer(st.size, opts.limit);
    for (let room = reader.room(); room; room = reader.room()) {
      const n = readSync(fd, room.buf, room.at, room.buf.length - room.at, null);
      if (n === 0) break;
      reader.got(n);
    }
    return reader.result(opts.limit, st);
  } catch (e) {
    return { ok: false, ...errnoReason(e) };
  } finally {
    closeSync(fd);
  }
}

/** The same, without blocking the event loop. Never throws. */
export async function readFileSafely(path: string, opts: ReadSafelyOptions): Promise<SafeRead> {
  const links = opts.links ?? 'follow';
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | O_NONBLOCK | (links === 'follow' ? 0 : O_NOFOLLOW));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if ((code === 'ELOOP' || code === 'EMLINK') && links !== 'follow') {
      if (links === 'refuse') return LINK_REFUSED;
      if (!(await realInsideAsync(path, links.inside))) return outsideReason(path);
      return readFileSafely(path, { ...opts, links: 'follow' });
    }
    return { ok: false, ...errnoReason(e) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, code: 'NOT_REGULAR', reason: describeFileType(st) };
    if (st.size > opts.limit) return { ok: false, code: 'TOO_BIG', reason: tooBigReason(st.size, opts.limit), size: st.size };
    const reader = new BoundedBuffer(st.size, opts.limit);
    for (let room = reader.room(); room; room = reader.room()) {
      const { bytesRead } = await handle.read(room.buf, room.at, room.buf.length - room.at, null);
      if (bytesRead === 0) break;
      reader.got(bytesRead);
    }
    return reader.result(opts.limit, st);
  } catch (e) {
    return { ok: false, ...errnoReason(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
