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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  lazyBuiltins(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  bundleYaml(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
}

/** The sources' `createRequire(import.meta.url)('yaml')` → the bundled copy (src/boot/bundled-yaml.ts). */
function bundleYaml(file) {
  let code = readFileSync(file, 'utf8');
  if (!/\nfunction bundledYaml\(\) \{/.test(code)) throw new Error('bundle: bundledYaml() not found in the bundle (src/boot/bundled-yaml.ts)');
  const call = '(0, node_module.createRequire)(require("url").pathToFileURL(__filename).href)("yaml")';
  const count = code.split(call).length - 1;
  if (count === 0) throw new Error("bundle: no createRequire(import.meta.url)('yaml') calls found; update bundleYaml in scripts/bundle.mjs");
  code = code.split(call).join('bundledYaml()');
  writeFileSync(file, code);
}

/**
 * rolldown hoists every `require("node:…")` of the bundle to its top, so each run loaded
 * child_process (with net and perf_hooks), crypto, worker_threads, readline and stream before
 * linting, most of them for nothing (issue 19: a one-file run used them only for a hash).
 * Those bindings become proxies that load the module on first use. A binding is only read as
 * `node_x.member` (or `node_x.default` after __toESM), which the proxy answers.
 */
function lazyBuiltins(file) {
  const LAZY = ['child_process', 'crypto', 'worker_threads', 'v8', 'readline', 'stream', 'stream/promises'];
  let code = readFileSync(file, 'utf8');
  let count = 0;
  for (const id of LAZY) {
    const name = `node_${id.replace('/', '_')}`;
    const line = `let ${name} = require("node:${id}");\n`;
    const esm = `${name} = __toESM(${name}, 1);\n`;
    if (!code.includes(line)) continue;
    code = code.replace(line, `let ${name} = __plainspokeLazy("node:${id}");\n`).replace(esm, '');
    count++;
  }
  // commander loads child_process for subcommands that are programs of their own; plainspoke has none.
  const commander = 'const childProcess = require("node:child_process");';
  if (code.includes(commander)) code = code.replace(commander, 'const childProcess = __plainspokeLazy("node:child_process");');
  const helper = [
    '// scripts/bundle.mjs: a built-in module loaded on first use (`default` is the module, as __toESM gives it).',
    'var __plainspokeLazy = (id) => {',
    '\tlet mod;',
    '\tconst load = () => (mod ??= require(id));',
    '\treturn new Proxy({}, {',
    "\t\tget: (_, key) => (key === 'default' ? load() : load()[key]),",
    '\t\thas: (_, key) => key in load(),',
    '\t\townKeys: () => Reflect.ownKeys(load()),',
    '\t\tgetOwnPropertyDescriptor: (_, key) => {',
    '\t\t\tconst found = Object.getOwnPropertyDescriptor(load(), key);',
    '\t\t\treturn found && { ...found, configurable: true };',
    '\t\t}',
    '\t});',
    '};',
    '',
  ].join('\n');
  const marker = 'rolldown/runtime.js\n';
  const at = code.indexOf(marker);
  if (at < 0) throw new Error('bundle: the rolldown runtime marker moved; update lazyBuiltins in scripts/bundle.mjs');
  code = code.slice(0, at + marker.length) + helper + code.slice(at + marker.length);
  writeFileSync(file, code);
  if (count < 3) throw new Error(`bundle: only ${count} built-in modules made lazy; the bundle's require lines changed (scripts/bundle.mjs)`);
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
