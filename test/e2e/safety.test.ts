/**
 * Issue 20 (items 2, 5, 6 and 7) through the real CLI: FIFOs, devices, a 1.9 GB sparse file,
 * an unreadable folder (as another user), and two `--fix` runs at once.
 * Each run is a separate process with a kill timer, so a hang fails the test instead of the suite.
 * Run `npm run build` first.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/plainspoke.js');
const DOC = '# Refunds\n\nYou can utilize the form to ask for a refund.\n';
const FIXED = '# Refunds\n\nYou can use the form to ask for a refund.\n';
const isRoot = process.getuid?.() === 0;
/** Another user for the unreadable-folder case when we are root (root reads every folder). */
const NOBODY = 65534;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs a command; a run still going after `killAfter` ms is killed, and then `code` is null. */
function run(args: string[], cwd: string, opts: { uid?: number; gid?: number; node?: string[]; killAfter?: number } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...(opts.node ?? []), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.killAfter ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, out, err });
    });
  });
}

const cli = (args: string[], cwd: string, opts: Parameters<typeof run>[2] = {}) => run([BIN, '--no-axe', ...args], cwd, opts);

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plainspoke-safety-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** A sparse file of `bytes` (no disk used). */
function sparse(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

const GB19 = Math.floor(1.9 * 1024 * 1024 * 1024);

describe('issue 20.5: FIFOs and devices are refused, never read', () => {
  it('a FIFO or a link to /dev/zero named on the command line', async () => {
    const dir = project({ 'ok.md': DOC });
    fifo(join(dir, 'pipe.md'));
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    const r = await cli(['pipe.md', 'zero.md', 'ok.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('plainspoke: pipe.md: is a FIFO, not a regular file\n');
    expect(r.err).toContain('plainspoke: zero.md: is a character device, not a regular file\n');
    expect(r.out).toContain('ok.md');
  });

  it('a file swapped for a FIFO after discovery (read by the engine)', async () => {
    const dir = project({});
    fifo(join(dir, 'swapped.md'));
    const script = `const { readSourceSync, readSource } = await import(${JSON.stringify(join(ROOT, 'dist/engine/lint-files.js'))});
      const f = { absPath: ${JSON.stringify(join(dir, 'swapped.md'))}, path: 'swapped.md' };
      console.log(readSourceSync(f)); console.log(await readSource(f));`;
    const r = await run(['--input-type=module', '-e', script], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe('swapped.md: is a FIFO, not a regular file\nswapped.md: is a FIFO, not a regular file\n');
  });

  it("a config that is a FIFO, an extends that is a FIFO, and an extends through a link to /dev/zero", async () => {
    const a = project({ 'doc.md': DOC });
    fifo(join(a, '.plainspoke.yml'));
    const ra = await cli(['doc.md'], a);
    expect([ra.code, ra.err]).toEqual([2, 'plainspoke: .plainspoke.yml: is a FIFO, not a regular file; a config must be a regular file\n']);
    const b = project({ 'doc.md': DOC, '.plainspoke.yml': 'extends: ./base.yml\n' });
    fifo(join(b, 'base.yml'));
    const rb = await cli(['doc.md'], b);
    expect([rb.code, rb.err]).toEqual([2, 'plainspoke: base.yml: is a FIFO, not a regular file; a config must be a regular file\n']);
    const c = project({ 'doc.md': DOC, '.plainspoke.yml': 'extends: ./zero.yml\n' });
    symlinkSync('/dev/zero', join(c, 'zero.yml'));
    const rc = await cli(['doc.md'], c);
    expect(rc.code).toBe(2);
    expect([rc.code, rc.err]).toEqual([2, "plainspoke: .plainspoke.yml: 'extends' './zero.yml' is a character device, not a regular file; a config must be a regular file\n"]);
  });

  it('a cache file that is a FIFO or a link to /dev/zero is not read, and is replaced', async () => {
    for (const make of [(p: string) => fifo(p), (p: string) => symlinkSync('/dev/zero', p)]) {
      const dir = project({ 'doc.md': DOC });
      make(join(dir, '.plainspokecache'));
      const r = await cli(['--cache', 'doc.md'], dir);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^plainspoke: --cache-location \.plainspokecache: is (a FIFO, not a regular file|a symbolic link; plainspoke reads it only as a regular file); it is not used and is replaced by a new cache\n$/);
      expect(JSON.parse(readFileSync(join(dir, '.plainspokecache'), 'utf8')).format).toBe('plainspoke-cache');
    }
  });

  it('a baseline that is a FIFO or a link to /dev/zero', async () => {
    const dir = project({ 'doc.md': DOC });
    fifo(join(dir, 'fifo.json'));
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    const f = await cli(['--baseline', 'fifo.json', 'doc.md'], dir);
    expect([f.code, f.err]).toEqual([2, 'plainspoke: fifo.json: is a FIFO, not a regular file; a baseline must be a regular file (delete it and run again with --update-baseline)\n']);
    const z = await cli(['--baseline', 'zero.json', 'doc.md'], dir);
    expect([z.code, z.err]).toEqual([2, 'plainspoke: zero.json: is a character device, not a regular file; a baseline must be a regular file (delete it and run again with --update-baseline)\n']);
  });
});

describe('issue 20.6: a 1.9 GB sparse file is refused by its size, never read', () => {
  it('as a linted file, a cache file and a baseline, with a small peak memory', async () => {
    const dir = project({ 'doc.md': DOC });
    sparse(join(dir, 'big.md'), GB19);
    sparse(join(dir, '.plainspokecache'), GB19);
    sparse(join(dir, 'big.json'), GB19);
    // main() in a process of its own (a script file: worker threads must not inherit `-e`), which then
    // reports its exit code and peak memory in KB (worker threads included: they share the process).
    const main = (args: string[]) => {
      writeFileSync(join(dir, 'main.mjs'), `const { main } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))});
        const code = await main(${JSON.stringify(['--no-axe', ...args])});
        process.stdout.write('\\n' + JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + '\\n');`);
      return run([join(dir, 'main.mjs')], dir);
    };
    const lint = await main(['--cache', 'big.md', 'doc.md']);
    expect(lint.err).toBe(
      'plainspoke: --cache-location .plainspokecache: is 1.9 GB, over the 256 MB limit; it is not used and is replaced by a new cache\n' +
        'plainspoke: big.md: is 1.9 GB, over the 5 MB limit (raise maxFileSize in the config to lint it)\n',
    );
    const plain = await main(['big.md', 'doc.md']);
    expect(plain.err).toBe('plainspoke: big.md: is 1.9 GB, over the 5 MB limit (raise maxFileSize in the config to lint it)\n');
    const base = await main(['--baseline', 'big.json', 'doc.md']);
    expect(base.err).toBe('plainspoke: big.json: is 1.9 GB, over the 64 MB limit; delete it and run again with --update-baseline\n');
    for (const r of [lint, plain, base]) {
      const last = JSON.parse(r.out.trim().split('\n').pop()!) as { code: number; maxRssKb: number };
      expect(last.code).toBe(2);
      expect(last.maxRssKb).toBeLessThan(500 * 1024);
    }
  });
});

describe('issue 20.7: an unreadable folder inside a linted folder', () => {
  it('is reported (exit 2, one line) and the rest is linted', async () => {
    const dir = project({ 'docs/a.md': DOC, 'docs/private/b.md': DOC, 'docs/private/deeper/c.md': DOC });
    // Root reads every folder, so as root the run is made as another user; everything else stays readable to it.
    for (const p of [dir, join(dir, 'docs'), join(dir, '.git')]) chmodSync(p, 0o755);
    chmodSync(join(dir, 'docs/a.md'), 0o644);
    if (isRoot) for (const p of [dir, join(dir, 'docs'), join(dir, 'docs/a.md')]) chownSync(p, NOBODY, NOBODY);
    chmodSync(join(dir, 'docs/private'), 0o000);
    const r = await cli(['--format', 'json', 'docs'], dir, isRoot ? { uid: NOBODY } : {});
    // A glob that does not reach into the folder has nothing to report.
    const shallow = await cli(['docs/*.md'], dir, isRoot ? { uid: NOBODY } : {});
    chmodSync(join(dir, 'docs/private'), 0o755);
    expect([shallow.code, shallow.err]).toEqual([0, '']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('plainspoke: docs/private: cannot be read (permission denied), so its files were not linted: let plainspoke read it, or add it to ignore\n');
    const report = JSON.parse(r.out) as { files: { path: string; error?: string; findings: { ruleId: string }[] }[] };
    expect(report.files.map((f) => [f.path, f.error ?? f.findings.map((x) => x.ruleId).join()])).toEqual([
      ['docs/a.md', 'simpler-words'],
      ['docs/private', 'docs/private: cannot be read (permission denied), so its files were not linted: let plainspoke read it, or add it to ignore'],
    ]);
  });
});

describe('issue 20.3: a user who may not give a new file the owner writes in place', () => {
  it.skipIf(!isRoot)("another user fixes a file of root's that anyone may write: owner, group, mode and inode stay", async () => {
    const dir = project({ 'docs/a.md': DOC });
    for (const p of [dir, join(dir, '.git')]) chmodSync(p, 0o755);
    chmodSync(join(dir, 'docs'), 0o777);
    chmodSync(join(dir, 'docs/a.md'), 0o666);
    const before = statSync(join(dir, 'docs/a.md'));
    const r = await cli(['--fix', 'docs/a.md'], dir, { uid: NOBODY });
    expect([r.code, r.err]).toEqual([0, '']);
    const after = statSync(join(dir, 'docs/a.md'));
    expect(readFileSync(join(dir, 'docs/a.md'), 'utf8')).toBe(FIXED);
    expect([after.uid, after.gid, after.mode & 0o7777, after.ino]).toEqual([0, 0, 0o666, before.ino]);
    expect(readdirSync(join(dir, 'docs'))).toEqual(['a.md']);
  });
});

describe('issue 20.2: two --fix runs on one file at once', () => {
  it('with different fixes: no run says it fixed what the file then lacks', async () => {
    const text = 'In order to get a refund, utilize the form.\n'.repeat(50);
    const all = 'To get a refund, use the form.\n'.repeat(50);
    const some = 'In order to get a refund, use the form.\n'.repeat(50);
    for (let round = 0; round < 6; round++) {
      const dir = project({ 'a.md': `# Refunds\n\n${text}`, 'some.yml': 'vocabulary:\n  accept: [in order to]\n' });
      const [one, two] = await Promise.all([cli(['--fix', 'a.md'], dir), cli(['--fix', '-c', 'some.yml', 'a.md'], dir)]);
      const final = readFileSync(join(dir, 'a.md'), 'utf8');
      expect([`# Refunds\n\n${all}`, `# Refunds\n\n${some}`]).toContain(final);
      const changed = 'plainspoke: a.md: not fixed: it changed while plainspoke ran (run plainspoke --fix again)\n';
      // Runs that overlap: the one whose fix is in the file succeeded, the other was told (exit 2).
      // Runs that did not overlap both succeed, the second fixing what the first left.
      // Never: a run that says it fixed the file while its fix is not there (the old rename race).
      for (const [r, mine] of [[one, `# Refunds\n\n${all}`], [two, undefined]] as const) {
        if (r.code === 0) {
          expect(r.err).toBe('');
          if (mine) expect(final).toBe(mine);
        } else expect([r.code, r.err]).toEqual([2, changed]);
      }
      expect(one.code === 2 && two.code === 2).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(['.git', 'a.md', 'some.yml']);
    }
  });


  it('end with one correct result, both succeed, and leave no lock or temp file', async () => {
    for (let round = 0; round < 4; round++) {
      const dir = project({ 'a.md': DOC, 'b.md': DOC.repeat(200), 'c.md': DOC });
      const [one, two] = await Promise.all([cli(['--fix', '.'], dir), cli(['--fix', '.'], dir)]);
      expect([one.code, one.err, two.code, two.err]).toEqual([0, '', 0, '']);
      expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(FIXED);
      expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(FIXED.repeat(200));
      expect(readFileSync(join(dir, 'c.md'), 'utf8')).toBe(FIXED);
      expect(readdirSync(dir).sort()).toEqual(['.git', 'a.md', 'b.md', 'c.md']);
    }
  });
});
