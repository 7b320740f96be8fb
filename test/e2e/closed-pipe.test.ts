/**
 * A reader that closes the pipe early ("plainspoke … | head") through the built CLI: the run ends with the
 * exit code it would have had, and no "write EPIPE" stack trace on stderr. Run `npm run build` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/plainspoke.js');
// Far more than a pipe holds (64 KB): the CLI is still writing when the reader goes.
const ARGS = ['--no-axe', '--format', 'json', 'fixtures/rules'];

/** Runs the CLI and closes its standard output after the first chunk, as `head -c 1` would. */
function closedEarly(args: string[]): Promise<{ code: number | null; err: string; got: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let got = 0;
    child.stdout.once('data', (d: Buffer) => {
      got = d.length;
      child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => done({ code, err, got }));
  });
}

describe('a reader that closes the pipe early', () => {
  it('gets the exit code of a full run and no EPIPE crash', async () => {
    const full = spawnSync(process.execPath, [BIN, ...ARGS], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(full.stdout.length).toBeGreaterThan(1 << 17);
    expect(full.status).toBe(1);
    const early = await closedEarly(ARGS);
    expect(early.got).toBeGreaterThan(0);
    expect(early.err).not.toContain('EPIPE');
    expect(early.err).toBe('');
    expect(early.code).toBe(full.status);
  }, 120_000);
});
