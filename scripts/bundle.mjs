// Bundles the CLI for start-up (src/boot/bundle.ts, issue 6) and stores V8's
// code cache for it. Runs after tsc and build-rule-data (`npm run build`).
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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { tuneV8 } from '../dist/boot/v8-flags.js';

// The code cache is keyed on V8's flags: build it under the ones bin/plainspoke.js sets.
tuneV8();

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();

await build({
  cwd: root,
  input: join(root, 'dist', 'boot', 'bundle-entry.js'),
  platform: 'node',
  external: [/^node:/, 'jsdom', 'axe-core', 'tinypool'],
  transform: { define: { PLAINSPOKE_BUNDLED: 'true' } },
  output: { file: join(root, 'dist', 'bundle', 'plainspoke.cjs'), format: 'cjs', codeSplitting: false, dynamicImportInCjs: false },
  logLevel: 'warn',
});

const { loadBundle, CODE_CACHE_FILE } = await import('../dist/boot/bundle.js');
const bundle = loadBundle({ useCache: false });
const scratch = mkdtempSync(join(tmpdir(), 'plainspoke-bundle-'));
const quiet = { write: () => true };
const io = { cwd: root, env: { NO_COLOR: '1' }, stdout: quiet, stderr: quiet, readStdin: async () => '' };
try {
  for (const extra of [['--no-axe'], []]) {
    const code = await bundle.exports.main(['--format', 'json', '--output-file', join(scratch, 'report.json'), '--no-progress', ...extra, 'fixtures/examples'], io);
    if (code !== 1) throw new Error(`the warm-up lint of fixtures/examples exited ${code}, expected 1 (findings)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const cache = bundle.script.createCachedData();
writeFileSync(CODE_CACHE_FILE, cache);
console.log(`bundle: dist/bundle/plainspoke.cjs with a ${(cache.length / 1024).toFixed(0)} KB code cache in ${((performance.now() - started) / 1000).toFixed(1)} s`);
