/**
 * Issue 19: reading the build's data files into memory the process has already touched. bin/plainspoke.js reads
 * the start-up bundle's code cache into one buffer of about 1.4 MB, which V8 reads only while it compiles the
 * bundle. The bin then leaves that buffer at SCRATCH_KEY, and a run reads dist/rule-data.json and the inclusive
 * phrases into it, one after the other, instead of into new buffers. Each new page of memory costs a page fault,
 * and on this kind of virtual machine a fault costs about 10 µs: a one-article run read about 1.2 MB into fresh
 * memory. Outside the bin (tests, workers, the module tree), or when a file does not fit, this is readFileSync.
 *
 * A region handed out is never handed out again (the buffer only fills up), so the bytes stay as read for the
 * whole run. Callers must not write into what they get.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/** The key bin/plainspoke.js leaves the scratch memory at: `{ buffer, used }`. */
export const SCRATCH_KEY = Symbol.for('plainspoke.scratch');

interface Scratch {
  buffer: Buffer;
  /** Bytes of `buffer` handed out so far, from its start. */
  used: number;
}

/** The whole file's bytes: a view of the scratch memory when there is room, else a buffer of its own. */
export function readFileBytes(path: string): Buffer {
  const scratch = (globalThis as Record<symbol, Scratch | undefined>)[SCRATCH_KEY];
  if (!scratch) return readFileSync(path);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = scratch.used;
    if (size === 0 || start + size > scratch.buffer.length) return readFileSync(fd);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, scratch.buffer, start + done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    scratch.used = start + done;
    return scratch.buffer.subarray(start, start + done);
  } finally {
    closeSync(fd);
  }
}
