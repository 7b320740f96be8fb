/**
 * The start-up bundle (src/boot/bundle.ts, scripts/bundle.mjs, issue 6):
 * `npm run build` bundles the CLI into one file with a V8 code cache, and
 * bin/plainspoke.js runs it. It must behave exactly like the module tree
 * (PLAINSPOKE_NO_BUNDLE=1): same report bytes, same exit codes, in the main
 * thread and in workers, with and without axe, and print no warnings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from '../helpers/cli.js';
import { corpus } from '../helpers/generated-corpus.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plainspoke.js');
const EXAMPLES = join(ROOT, 'fixtures', 'examples');

function run(args: string[], cwd: string, bundle: boolean): { code: number; out: string; err: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  if (bundle) delete env.PLAINSPOKE_NO_BUNDLE;
  else env.PLAINSPOKE_NO_BUNDLE = '1';
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('start-up bundle', () => {
  it('is built with a code cache that this Node.js accepts', async () => {
    const { BUNDLE_FILE, CODE_CACHE_FILE } = (await import(join(ROOT, 'dist', 'boot', 'bundle.js'))) as typeof import('../../src/boot/bundle.js');
    expect(existsSync(BUNDLE_FILE)).toBe(true);
    expect(existsSync(CODE_CACHE_FILE)).toBe(true);
    // Loading it in this process would run a second copy of the CLI; a child process checks the cache instead.
    const check = `import('${join(ROOT, 'dist', 'boot', 'bundle.js').replace(/\\/g, '/')}').then(({ loadBundle }) => { const b = loadBundle(); console.log(JSON.stringify({ rejected: b.cacheRejected, main: typeof b.exports.main, worker: typeof b.exports.lintInWorker })); })`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', check], { encoding: 'utf8', env: { ...process.env, PLAINSPOKE_NO_BUNDLE: '' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ rejected: false, main: 'function', worker: 'function' });
    // The bundle holds no Node.js-version-specific paths from the build machine.
    expect(readFileSync(BUNDLE_FILE, 'utf8')).not.toContain(ROOT);
  });

  it('has a second code cache for worker threads; both are made under the V8 flags a bundled run sets', () => {
    const boot = (f: string) => join(ROOT, 'dist', 'boot', f).replace(/\\/g, '/');
    const check = (cache: string) => `import('${boot('bundle.js')}').then(({ loadBundle }) => console.log(JSON.stringify(loadBundle({ cache: '${cache}' }).cacheRejected)))`;
    const rejected = (cache: string, defaults: boolean) =>
      JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', check(cache)], { encoding: 'utf8', env: { ...process.env, PLAINSPOKE_NO_BUNDLE: '', PLAINSPOKE_V8_DEFAULTS: defaults ? '1' : '' } }).stdout) as boolean;
    // loadBundle() sets WORKER_V8_FLAGS before it compiles, as bin/plainspoke.js does (issue 19).
    expect(rejected('worker', false)).toBe(false);
    expect(rejected('main', false)).toBe(false);
    // Each cache belongs to its flags: under V8's defaults both are refused (and the bundle compiles as it runs).
    expect(rejected('worker', true)).toBe(true);
    expect(rejected('main', true)).toBe(true);
  });

  it('bin/plainspoke.js sets the same V8 flags as src/boot/v8-flags.ts', async () => {
    const { WORKER_V8_FLAGS } = (await import(join(ROOT, 'dist', 'boot', 'v8-flags.js'))) as typeof import('../../src/boot/v8-flags.js');
    const bin = readFileSync(BIN, 'utf8');
    const listed = /const V8_FLAGS = (\[[^\]]*\]);/.exec(bin);
    expect(listed).not.toBeNull();
    expect(JSON.parse(listed![1].replace(/'/g, '"'))).toEqual([...WORKER_V8_FLAGS]);
  });

  it('bin/plainspoke.js sets the short-run flags of src/boot/short-tier.ts, and the side-bundle loader lifts them (issue 19)', async () => {
    const { SHORT_RUN_V8_FLAGS, FULL_TIER_V8_FLAGS, SHORT_TIER_KEY } = (await import(join(ROOT, 'dist', 'boot', 'short-tier.js'))) as typeof import('../../src/boot/short-tier.js');
    const bin = readFileSync(BIN, 'utf8');
    const listed = /const SHORT_RUN_V8_FLAGS = (\[[^\]]*\]);/.exec(bin);
    expect(listed).not.toBeNull();
    expect(JSON.parse(listed![1].replace(/'/g, '"'))).toEqual([...SHORT_RUN_V8_FLAGS]);
    expect(bin).toContain(`Symbol.for('${SHORT_TIER_KEY.description}')`);
    const bundle = readFileSync(join(ROOT, 'dist', 'bundle', 'plainspoke.cjs'), 'latin1');
    expect(bundle).toContain(`globalThis[Symbol.for('${SHORT_TIER_KEY.description}')]`);
    expect(bundle).toContain(`tier.set(${JSON.stringify(FULL_TIER_V8_FLAGS).replace(/"/g, "'")})`);
    expect(bundle).toContain(`tier.set(${JSON.stringify(SHORT_RUN_V8_FLAGS).replace(/"/g, "'")})`);
  });

  it('is written with the wrapper bin/plainspoke.js and loadBundle() look for (issue 19)', async () => {
    const { BUNDLE_FILE, BUNDLE_WRAPPER } = (await import(join(ROOT, 'dist', 'boot', 'bundle.js'))) as typeof import('../../src/boot/bundle.js');
    const bin = readFileSync(BIN, 'utf8');
    const listed = /const WRAPPER = '([^']*)';/.exec(bin);
    expect(listed).not.toBeNull();
    expect(listed![1]).toBe(BUNDLE_WRAPPER);
    const bundle = readFileSync(BUNDLE_FILE, 'latin1');
    expect(bundle.startsWith(BUNDLE_WRAPPER)).toBe(true);
    expect(bundle.endsWith('\n});')).toBe(true);
  });

  it('gives the same report bytes in workers under V8 defaults', () => {
    const tuned = run(['--format', 'json', '--jobs', '2', EXAMPLES], ROOT, true);
    const defaults = spawnSync(process.execPath, [BIN, '--format', 'json', '--jobs', '2', EXAMPLES], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '1', PLAINSPOKE_NO_BUNDLE: '', PLAINSPOKE_V8_DEFAULTS: '1' },
    });
    expect(tuned.code).toBe(1);
    expect(defaults.status).toBe(1);
    expect(defaults.stderr).toBe('');
    expect(defaults.stdout).toBe(tuned.out);
  });

  it('gives the same report bytes and exit code as the module tree, with and without axe', () => {
    for (const extra of [['--no-axe'], []]) {
      const a = run(['--format', 'json', ...extra, EXAMPLES], ROOT, true);
      const b = run(['--format', 'json', ...extra, EXAMPLES], ROOT, false);
      expect(a.code).toBe(1);
      expect(b.code).toBe(1);
      expect(a.err).toBe('');
      expect(b.err).toBe('');
      expect(JSON.parse(a.out).files.length).toBeGreaterThan(3);
      expect(a.out).toBe(b.out);
    }
  });

  it('runs its workers from the bundle too: identical output for --jobs 2, and every format loads', () => {
    const dir = project(corpus(24));
    const a = run(['--format', 'json', '--no-axe', '--jobs', '2', '.'], dir, true);
    const b = run(['--format', 'json', '--no-axe', '--jobs', '1', '.'], dir, false);
    expect(a.err).toBe('');
    expect(a.code).toBe(1);
    expect(JSON.parse(a.out).files).toHaveLength(24);
    expect(a.out).toBe(b.out);
    for (const format of ['stylish', 'sarif', 'github', 'junit', 'html']) {
      const f = run(['--format', format, '--no-axe', 'help'], dir, true);
      expect(f.err, format).toBe('');
      expect(f.code, format).toBe(1);
      expect(f.out, format).toBe(run(['--format', format, '--no-axe', 'help'], dir, false).out);
    }
  });
});
