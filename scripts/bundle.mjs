// Bundles the CLI for start-up (src/boot/bundle.ts, issue 6) and stores V8's
// code caches for it. Runs after tsc and build-rule-data (`npm run build`).
//
// 1. rolldown bundles dist/boot/bundle-entry.js and everything it imports into
//    dist/bundle/plainspoke.cjs (CommonJS: vm.Script can use a code cache for
//    it; ES modules cannot be cached on Node.js 20). jsdom, axe-core and
//    tinypool stay outside: they load files relative to themselves; the
//    bundle loads jsdom and axe-core with require() (dynamicImportInCjs):
//    vm.Script runs it without an import() hook, experimental on Node.js 20.
// 2. The bundle lints fixtures/examples twice in this process (with and
//    without axe), so V8 has compiled the functions a lint uses, then the code
//    cache is written next to the bundle.
// 3. The same again in a child process under the worker threads' V8 flags
//    (src/boot/v8-flags.ts): V8 accepts a cache only under the flags it was
//    made with, so workers get their own (`--worker-cache` runs only this step).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const forWorkers = process.argv.includes('--worker-cache');

if (forWorkers) {
  const { tuneV8ForWorkers } = await import('../dist/boot/v8-flags.js');
  tuneV8ForWorkers();
} else {
  const { build } = await import('rolldown');
  await build({
    cwd: root,
    input: join(root, 'dist', 'boot', 'bundle-entry.js'),
    platform: 'node',
    external: [/^node:/, 'jsdom', 'axe-core', 'tinypool'],
    transform: { define: { PLAINSPOKE_BUNDLED: 'true' } },
    output: { file: join(root, 'dist', 'bundle', 'plainspoke.cjs'), format: 'cjs', codeSplitting: false, dynamicImportInCjs: false },
    logLevel: 'warn',
  });
}

const { loadBundle, CODE_CACHE_FILE, WORKER_CODE_CACHE_FILE } = await import('../dist/boot/bundle.js');
const bundle = loadBundle({ cache: false });
const scratch = mkdtempSync(join(tmpdir(), 'plainspoke-bundle-'));
const quiet = { write: () => true };
const io = { cwd: root, env: { NO_COLOR: '1' }, stdout: quiet, stderr: quiet, readStdin: async () => '' };
try {
  for (const extra of [['--no-axe'], []]) {
    // --jobs 1: the warm-up runs the lint in this thread, where the cache is made.
    const code = await bundle.exports.main(['--format', 'json', '--output-file', join(scratch, 'report.json'), '--no-progress', '--jobs', '1', ...extra, 'fixtures/examples'], io);
    if (code !== 1) throw new Error(`the warm-up lint of fixtures/examples exited ${code}, expected 1 (findings)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const cache = bundle.script.createCachedData();
writeFileSync(forWorkers ? WORKER_CODE_CACHE_FILE : CODE_CACHE_FILE, cache);
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
if (forWorkers) {
  console.log(`bundle: worker code cache ${(cache.length / 1024).toFixed(0)} KB in ${seconds()} s`);
} else {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--worker-cache'], { cwd: root, stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`making the worker code cache failed (exit ${child.status})`);
  console.log(`bundle: dist/bundle/plainspoke.cjs with a ${(cache.length / 1024).toFixed(0)} KB code cache in ${seconds()} s`);
}
