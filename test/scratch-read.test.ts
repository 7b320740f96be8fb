import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileBytes, SCRATCH_KEY } from '../src/util/scratch-read.js';

const slot = globalThis as Record<symbol, unknown>;

describe('readFileBytes (issue 19: data files read into memory the bin has touched)', () => {
  afterEach(() => {
    delete slot[SCRATCH_KEY];
  });

  it('reads into the scratch memory one region after another, and never hands a region out twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainspoke-scratch-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, '{"a":1}\n');
    writeFileSync(b, '{"b":[2,3]}\n');
    const scratch = { buffer: Buffer.alloc(32), used: 0 };
    slot[SCRATCH_KEY] = scratch;
    const first = readFileBytes(a);
    const second = readFileBytes(b);
    expect(first.toString()).toBe('{"a":1}\n');
    expect(second.toString()).toBe('{"b":[2,3]}\n');
    expect(first.buffer).toBe(scratch.buffer.buffer);
    expect(scratch.used).toBe(first.length + second.length);
    // Too big for what is left: a buffer of its own, and the scratch memory is untouched.
    writeFileSync(a, 'x'.repeat(40));
    const big = readFileBytes(a);
    expect(big.toString()).toBe('x'.repeat(40));
    expect(big.buffer).not.toBe(scratch.buffer.buffer);
    expect(first.toString()).toBe('{"a":1}\n');
    expect(scratch.used).toBe(20);
  });

  it('is readFileSync without the bin', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plainspoke-scratch-')), 'c.json');
    writeFileSync(file, '[1]');
    expect(readFileBytes(file).equals(readFileSync(file))).toBe(true);
  });
});
