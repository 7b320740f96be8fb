/**
 * An unreadable file gets a one-line error and the other files are linted.
 * Root reads every file whatever its mode, so as root (CI) the CLI runs as
 * `nobody` through setpriv; as another user it runs as that user.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'plainspoke.js');
const root = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

describe('unreadable files', () => {
  it.skipIf(process.platform === 'win32' || (root && !setpriv))('an unreadable file gets an error naming it; the others are linted (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainspoke-unreadable-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'ok.md'), '# Billing\n\nYour card was charged twice.\n', { mode: 0o644 });
    writeFileSync(join(dir, 'secret.md'), '# Secret\n\nYour card was charged twice.\n', { mode: 0o000 });
    chmodSync(join(dir, 'secret.md'), 0o000);
    const argv = [process.execPath, bin, '--format', 'json', '--no-axe', '--no-progress', '--rule', 'passive-voice:warn', '--cache-location', join(tmpdir(), 'nocache'), '.'];
    const cmd = root ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups', ...argv] : argv;
    const r = spawnSync(cmd[0], cmd.slice(1), { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HOME: dir } });
    expect(r.stderr).toContain('secret.md: cannot be read (permission denied)');
    expect(r.status).toBe(2);
    const rep = JSON.parse(r.stdout) as { files: { path: string; findings: unknown[] }[] };
    expect(rep.files.map((f) => `${f.path} ${f.findings.length}`)).toEqual(['ok.md 1', 'secret.md 0']);
  });
});
