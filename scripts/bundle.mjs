// Bundles the CLI for start-up (src/boot/bundle.ts, issue 6) and stores V8's
// code caches for it. Runs after tsc and build-rule-data (`npm run build`).
//
// 1. rolldown bundles dist/boot/bundle-entry.js and everything it imports into
//    dist/bundle/plainspoke.cjs (CommonJS: vm.Script can use a code cache for
//    it; ES modules cannot be cached on Node.js 20). jsdom, axe-core and
//    tinypool stay outside: they load files relative to themselves; the
//    bundle loads jsdom and axe-core with require() (dynamicImportInCjs):
//    vm.Script runs it without an import() hook, experimental on Node.js 20.
// 2. The bundle lints one article, one email reply and one article with raw
//    HTML in this process (a pre-commit hook's runs), so V8 has compiled the
//    functions they use, then the code cache is written next to the bundle.
// 3. In a child process (`--worker-cache` runs only this step), the same for
//    the worker threads, from two lints of fixtures/examples (with and without
//    axe). Both caches are made under WORKER_V8_FLAGS
//    (src/boot/v8-flags.ts), which bin/plainspoke.js and loadBundle() set
//    before loading the bundle (issue 19): V8 accepts a cache only under the
//    flags it was made with.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const forWorkers = process.argv.includes('--worker-cache');

// Before anything is compiled: the caches are made under the flags a run sets first (src/boot/v8-flags.ts).
const { tuneV8ForWorkers } = await import('../dist/boot/v8-flags.js');
tuneV8ForWorkers();
if (!forWorkers) {
  const { build } = await import('rolldown');
  const lazy = lazyModules();
  await build({
    cwd: root,
    input: join(root, 'dist', 'boot', 'bundle-entry.js'),
    platform: 'node',
    plugins: [lazy.plugin],
    external: [/^node:/, 'jsdom', 'axe-core', 'tinypool'],
    transform: { define: { PLAINSPOKE_BUNDLED: 'true' } },
    output: {
      file: join(root, 'dist', 'bundle', 'plainspoke.cjs'),
      format: 'cjs',
      codeSplitting: false,
      dynamicImportInCjs: false,
      // Issue 19: no whitespace or comments, and only ASCII (other characters as \u escapes). The file
      // shrank from 2.5 MB to 1.8 MB, and V8 holds it as a one-byte string: a few non-ASCII characters
      // made it a two-byte copy of 5 MB, read and decoded in 9 ms instead of 3. Names are kept (no
      // mangling) and no code is rewritten (no compression), so behaviour is the same.
      minify: { compress: false, mangle: false, codegen: { removeWhitespace: true, asciiOnly: true } },
    },
    logLevel: 'warn',
  });
  lazy.check();
  lazyBuiltins(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  lightClock(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  bundleYaml(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  quietColours(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  assertAscii(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
}

/**
 * Modules the bundle loads on first call instead of at start-up (issue 19). Each entry is a module of
 * dist/ that imports a heavy module and hands it out through a function; in the bundle that import goes
 * and the function requires the module instead, which rolldown keeps lazy: the module and its imports are evaluated
 * at the first call (`init_x()`), not when the bundle starts. Outside the bundle (tests,
 * PLAINSPOKE_NO_BUNDLE=1) the module loads as written. A one-article run without raw HTML then skips
 * parse5, hast-util-raw, property-information and the HTML entities (about 7 ms of CPU).
 */
function lazyModules() {
  // Each module: [text to find once, its replacement]. The module's own code stays (src/document/load-html-support.ts
  // keeps its light path for empty anchors); only the import of the heavy module and the function handing it out change.
  const LAZY = {
    // src/document/load-html-support.ts: the HTML parser and hast-util-raw (src/document/html-support.ts).
    [join(root, 'dist', 'document', 'load-html-support.js')]: [
      ["import * as eager from './html-support.js';", 'let eager;'],
      ['function heavy() {\n    return eager;\n}', "function heavy() {\n    return (eager ??= require('./html-support.js'));\n}"],
    ],
  };
  const seen = new Set();
  return {
    plugin: {
      name: 'plainspoke-lazy-modules',
      load(id) {
        const edits = LAZY[id];
        if (edits === undefined) return null;
        let code = readFileSync(id, 'utf8');
        for (const [from, to] of edits) {
          if (code.split(from).length !== 2) throw new Error(`bundle: ${JSON.stringify(from)} not found once in ${id}; update lazyModules in scripts/bundle.mjs`);
          code = code.replace(from, () => to);
        }
        seen.add(id);
        return code;
      },
    },
    check() {
      for (const id of Object.keys(LAZY)) if (!seen.has(id)) throw new Error(`bundle: ${id} was not bundled; update lazyModules in scripts/bundle.mjs`);
    },
  };
}

/** One non-ASCII character would make V8 hold the whole 1.8 MB source as a two-byte string. */
function assertAscii(file) {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at >= 0) throw new Error(`bundle: a non-ASCII byte at offset ${at} of ${file} (asciiOnly in scripts/bundle.mjs)`);
}

/** The sources' `createRequire(import.meta.url)('yaml')` → the bundled copy (src/boot/bundled-yaml.ts). */
function bundleYaml(file) {
  let code = readFileSync(file, 'utf8');
  if (!/\bfunction bundledYaml\(\)\s*\{/.test(code)) throw new Error('bundle: bundledYaml() not found in the bundle (src/boot/bundled-yaml.ts)');
  const call = /\(0,\s*node_module\.createRequire\)\(require\("url"\)\.pathToFileURL\(__filename\)\.href\)\(["'`]yaml["'`]\)/g;
  const count = (code.match(call) ?? []).length;
  if (count === 0) throw new Error("bundle: no createRequire(import.meta.url)('yaml') calls found; update bundleYaml in scripts/bundle.mjs");
  code = code.replace(call, 'bundledYaml()');
  writeFileSync(file, code);
}

/**
 * picocolors reads `process.stdout.isTTY` when it loads, for the colours of its default export, which plainspoke
 * never uses (src/formatters/stylish.ts calls createColors(on or off)). Reading it made Node.js's stdout stream,
 * loading net and streams; src/cli/io.ts decides colour without it. Issue 19: with that, a one-file run that
 * writes to a pipe without NO_COLOR (a hook in CI) used about 10 ms less CPU (medians of 21 alternating runs).
 */
function quietColours(file) {
  const code = readFileSync(file, 'utf8');
  const read = '(p.stdout||{}).isTTY';
  const at = code.indexOf(read);
  if (at < 0 || code.indexOf(read, at + 1) >= 0 || !code.slice(Math.max(0, at - 400), at).includes('require_picocolors')) {
    throw new Error("bundle: picocolors's stdout check not found once; update quietColours in scripts/bundle.mjs");
  }
  writeFileSync(file, code.slice(0, at) + 'false' + code.slice(at + read.length));
}

/**
 * rolldown hoists every `require("node:…")` of the bundle to its top, so each run loaded
 * child_process (with net and perf_hooks), crypto, worker_threads, readline and stream before
 * linting, most of them for nothing (issue 19: a one-file run used them only for a hash).
 * Those bindings become proxies that load the module on first use. A binding is only read as
 * `node_x.member` (or `node_x.default` after __toESM), which the proxy answers. fs/promises
 * (with readline's Interface, about 1 ms) is only used by the cache, --fix and runs over many files.
 */
function lazyBuiltins(file) {
  const LAZY = ['child_process', 'crypto', 'worker_threads', 'v8', 'readline', 'stream', 'stream/promises', 'fs/promises'];
  let code = readFileSync(file, 'utf8');
  let count = 0;
  for (const id of LAZY) {
    const name = `node_${id.replace('/', '_')}`;
    const line = `let ${name}=require("node:${id}");`;
    const esm = `${name}=__toESM(${name},1);`;
    if (!code.includes(line)) continue;
    code = code.replace(line, `let ${name}=__plainspokeLazy("node:${id}");`).replace(esm, '');
    count++;
  }
  // node:module (with Node.js's ES module loader, about 1 ms): only createRequire is used, inside functions, but
  // for the require that src/lexicon/table-schema.ts makes when it loads (used only when running from source):
  // it is made at its first call instead. bin/plainspoke.js passes its own require to the bundle.
  const moduleLine = 'let node_module=require("node:module");';
  const schemaRequire = 'require$1=(0,node_module.createRequire)(require("url").pathToFileURL(__filename).href);';
  if (code.split(moduleLine).length !== 2 || code.split(schemaRequire).length !== 2) {
    throw new Error("bundle: node:module's require line or table-schema.ts's createRequire not found once; update lazyBuiltins in scripts/bundle.mjs");
  }
  code = code
    .replace(moduleLine, 'let node_module=__plainspokeLazy("node:module");')
    .replace(schemaRequire, 'require$1=(id)=>(0,node_module.createRequire)(require("url").pathToFileURL(__filename).href)(id);');
  // commander loads child_process for subcommands that are programs of their own; plainspoke has none.
  const commander = 'const childProcess=require("node:child_process");';
  if (code.includes(commander)) code = code.replace(commander, 'const childProcess=__plainspokeLazy("node:child_process");');
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
  // First in the file: the bindings it serves are declared right after rolldown's runtime helpers.
  writeFileSync(file, prependAfterStrict(code, helper));
  if (count < 3) throw new Error(`bundle: only ${count} built-in modules made lazy; the bundle's require lines changed (scripts/bundle.mjs)`);
}

/**
 * The bundle reads the clock only as `performance.now()` (deadlines and stage times, each within one thread).
 * Node.js makes the global `performance` on first use by loading perf_hooks and its timing modules, about
 * 0.7 ms of a one-file run (issue 19). A `performance` of the bundle's own, with only `now()`, milliseconds
 * from a monotonic clock (process.hrtime, as performance.now() is), shadows it inside the bundle. jsdom and
 * axe-core, outside the bundle, keep the global. Any other use of `performance` fails the build here.
 */
function lightClock(file) {
  const code = readFileSync(file, 'utf8');
  const other = [...code.matchAll(/\bperformance\s*(?:\.\s*[\w$]+|\[)/g)].map((m) => m[0]).filter((u) => u !== 'performance.now');
  if (other.length) throw new Error(`bundle: ${other[0]} found; the bundle's own performance object has only now() (lightClock in scripts/bundle.mjs)`);
  if (/\b(?:globalThis|global|self|window)\s*\.\s*performance\b|\b(?:var|let|const)\s+performance\b/.test(code)) throw new Error('bundle: the global performance is read or declared by name; lightClock in scripts/bundle.mjs would change it');
  const clock = [
    '// scripts/bundle.mjs (lightClock): performance.now() without loading perf_hooks.',
    'var __plainspokeClockStart = process.hrtime();',
    'var performance = { now: () => { const t = process.hrtime(__plainspokeClockStart); return t[0] * 1e3 + t[1] / 1e6; } };',
    '',
  ].join('\n');
  writeFileSync(file, prependAfterStrict(code, clock));
}

/** `text` at the top of the bundle, after its "use strict" line if it has one (which must stay first). */
function prependAfterStrict(code, text) {
  const strict = /^(["'])use strict\1;/.exec(code)?.[0] ?? '';
  return strict + text + code.slice(strict.length);
}

/** The raw-HTML warm-up's article (our own text): empty anchors before headings, <kbd> and <br> in paragraphs. */
const RAW_HTML_ARTICLE = [
  '# Set up the board',
  '',
  'Read the steps below before you start.',
  '',
  '<a id="first-steps"></a>',
  '',
  '## First steps',
  '',
  'Plug in the cable. Press <kbd>Ctrl</kbd> and wait for the light.',
  '',
  '<a id="next-steps"></a>',
  '',
  '## Next steps',
  '',
  'Open the app and pick your board.<br>Then press **Upload**.',
  '',
].join('\n');
const { loadBundle, CODE_CACHE_FILE, WORKER_CODE_CACHE_FILE } = await import('../dist/boot/bundle.js');
const bundle = loadBundle({ cache: false });
const scratch = mkdtempSync(join(tmpdir(), 'plainspoke-bundle-'));
const quiet = { write: () => true };
const io = { cwd: root, env: { NO_COLOR: '1' }, stdout: quiet, stderr: quiet, readStdin: async () => '' };
try {
  // The worker threads' cache: a run over many files, with and without axe. Not the main thread's (issue 19): a
  // function in a cache costs its deserialising at every start, used or not, and the main cache is read by every
  // run. Made from the one-file runs below only, it is about a sixth smaller and a one-file run about 2 ms faster;
  // what a run over a folder needs beyond them in the main thread (finding files, the pool, the JSON report) is
  // compiled when it first runs, a few ms of a run that takes seconds.
  for (const extra of forWorkers ? [['--no-axe'], []] : []) {
    // --jobs 1: the warm-up runs the lint in this thread, where the cache is made.
    const code = await bundle.exports.main(['--format', 'json', '--output-file', join(scratch, 'report.json'), '--no-progress', '--jobs', '1', ...extra, 'fixtures/examples'], io);
    if (code !== 1) throw new Error(`the warm-up lint of fixtures/examples exited ${code}, expected 1 (findings)`);
  }
  // A pre-commit hook's run (issue 19): one article, --no-axe, the default stylish report. Without it the
  // stylish formatter and the one-file path were compiled at every start (about 50 KB of code cache).
  if (!forWorkers) {
    const code = await bundle.exports.main(['--no-axe', '--no-progress', 'fixtures/examples/articles/refund-policy.md'], io);
    if (code !== 1) throw new Error(`the warm-up lint of fixtures/examples/articles/refund-policy.md exited ${code}, expected 1 (findings)`);
    // A hook over support replies (issue 19): one email reply, so the care rules' one-file path and the care score
    // line of the stylish report are in the cache too.
    const reply = await bundle.exports.main(['--no-axe', '--no-progress', '--channel', 'email', 'fixtures/examples/macros/delayed-order.md'], io);
    if (reply !== 1) throw new Error(`the warm-up lint of fixtures/examples/macros/delayed-order.md exited ${reply}, expected 1 (findings)`);
    // An article with raw HTML (issue 19): about a quarter of the corpus's Markdown files hold some. Its <kbd> and <br>
    // take the HTML parser and hast-util-raw (lazy in the bundle: compiled at first use, 13-15 ms of CPU without this
    // run); a cache about 270 KB larger costs a file with no raw HTML about 2 ms or less (ab.py, 21 alternating runs).
    const rawIo = { ...io, readStdin: async () => RAW_HTML_ARTICLE };
    const rawCode = await bundle.exports.main(['--no-axe', '--no-progress', '--stdin', '--stdin-filename', 'raw-html.md'], rawIo);
    if (rawCode !== 0 && rawCode !== 1) throw new Error(`the warm-up lint of an article with raw HTML exited ${rawCode}, expected 0 or 1`);
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
