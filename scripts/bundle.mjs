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
//    axe), and the cache of the HTML side bundle (sideBundles: the HTML parser,
//    the yaml package, the reply-only care rules (careBundle), globby and
//    tinyld (SIDE_IMPORTS) are bundles of their own, each with its own cache,
//    loaded at first use; the main process writes the yaml, care and globby
//    ones; tinyld has none, as no warm-up lint detects a language). All caches
//    are made under WORKER_V8_FLAGS (src/boot/v8-flags.ts), which
//    bin/plainspoke.js and loadBundle() set before loading the bundle
//    (issue 19): V8 accepts a cache only under the flags it was made with.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const forWorkers = process.argv.includes('--worker-cache');
/** The reply-only care rules (lazyReplyRules), as paths from dist/rules/: care.cjs holds them (careBundle). */
const careRules = [];
/**
 * Packages that the sources load with import() and that a one-file run seldom runs, each a side bundle of its own
 * (sideBundles) instead of a part of the main bundle (issue 19): globby (and fast-glob, micromatch and ignore, which
 * it loads) searches folders and reads .gitignore files, so a file outside any folder with a .gitignore never runs
 * it; tinyld detects the language of a file that does not read as English. Their code was read by every run, and
 * globby's compiled functions (for the build's own warm-up lint, inside this repository and its .gitignore) were
 * about 180 KB of the main code cache.
 */
const SIDE_IMPORTS = { globby: 'globby.cjs', 'tinyld/light': 'tinyld.cjs' };

// Before anything is compiled: the caches are made under the flags a run sets first (src/boot/v8-flags.ts).
const { tuneV8ForWorkers } = await import('../dist/boot/v8-flags.js');
tuneV8ForWorkers();
if (!forWorkers) {
  const { build } = await import('rolldown');
  const lazy = lazyModules(await lazyReplyRules());
  const care = careLoader();
  const side = sideImports();
  const mainBuild = () =>
    build({
      cwd: root,
      input: join(root, 'dist', 'boot', 'bundle-entry.js'),
      platform: 'node',
      plugins: [lazy.plugin, care.plugin, side.plugin],
      external: [/^node:/, 'jsdom', 'axe-core', 'tinypool', 'yaml'],
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
  // Twice (careBundle): first to learn which modules the main bundle holds, then with the ones the care bundle asks for.
  const first = moduleIdsOf(await mainBuild());
  care.host(await careBundle(build, first));
  const second = moduleIdsOf(await mainBuild());
  if (second.size !== first.size || [...second].some((id) => !first.has(id))) throw new Error('bundle: handing modules to care.cjs changed what the main bundle holds; update careBundle in scripts/bundle.mjs');
  lazy.check();
  side.check();
  lazyBuiltins(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  lightClock(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  ownPath(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  bundleYaml(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  quietColours(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  await syllableSingulars(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  await abbreviationSets(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  lazyCharacterEntities(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  asciiPunctuationFirst(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  lazyColour(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  assertAscii(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
  await sideBundles(build);
  await wrapBundle(join(root, 'dist', 'bundle', 'plainspoke.cjs'));
}

/**
 * Side bundles (issue 19): code that only some runs need, as bundles of their own next to the main one, each with
 * its own code cache. Every run reads and deserialises the main bundle's cache, so code compiled into it costs every
 * run, used or not; a side bundle is read and deserialised only by a run that loads it, through vm.Script with its
 * cache, as bin/plainspoke.js loads the main bundle. __plainspokeSideBundle (at the top of the main bundle) loads
 * one at its first use. The build writes their caches after its warm-up lints (below).
 *
 * - html.cjs: the HTML modules (dist/document/html-support.js: rehype-parse, parse5, hast-util-raw and what they
 *   load), about 270 KB of the main cache, which a Markdown file without raw HTML never runs. heavy() in
 *   src/document/load-html-support.ts loads it (lazyModules above). The two modules both bundles run,
 *   src/document/prose.ts (BlockBuilder) and unified, come from the main bundle (a `plainspoke-host:` require), so
 *   there is one copy of each.
 * - yaml.cjs: the yaml package, for YAML config files and front matter that may hold settings (bundledYaml(),
 *   src/boot/bundled-yaml.ts); a file with neither never runs it.
 * - globby.cjs and tinyld.cjs: the packages of SIDE_IMPORTS, which the sources load with import().
 */
async function sideBundles(build) {
  const main = join(root, 'dist', 'bundle', 'plainspoke.cjs');
  const need = createRequire(join(root, 'package.json'));
  const parseHtml = join(root, 'dist', 'document', 'parse-html.js');
  const shared = new Set();
  await sideBundle(build, 'html.cjs', join(root, 'dist', 'document', 'html-support.js'), ['plainspoke-host:prose', 'plainspoke-host:unified'], {
    name: 'plainspoke-html-host',
    resolveId(source, importer) {
      if (importer === parseHtml && (source === './prose.js' || source === 'unified')) {
        const name = source === 'unified' ? 'unified' : 'prose';
        shared.add(name);
        return { id: `plainspoke-host:${name}`, external: true };
      }
      return null;
    },
  });
  if (shared.size !== 2) throw new Error('bundle: parse-html.js no longer imports prose.js and unified; update sideBundles in scripts/bundle.mjs');
  await sideBundle(build, 'yaml.cjs', need.resolve('yaml'), []);
  for (const [pkg, name] of Object.entries(SIDE_IMPORTS)) {
    await sideBundle(build, name, need.resolve(pkg), []);
    // globby requires fs/promises (with readline), stream and child_process when it loads: each on first use instead.
    lazyBuiltins(join(root, 'dist', 'bundle', name), true);
  }

  let code = readFileSync(main, 'utf8');
  // yaml is external to the main bundle: its one require, in bundledYaml(), loads the side bundle instead.
  const yamlCall = 'function bundledYaml(){return require("yaml")}';
  const yamlRequires = code.match(/\brequire\((["'`])yaml\1\)/g) ?? [];
  if (code.split(yamlCall).length !== 2 || yamlRequires.length !== 1) throw new Error("bundle: bundledYaml()'s require('yaml') not found as the bundle's one use of yaml; update sideBundles in scripts/bundle.mjs");
  code = code.replace(yamlCall, () => 'function bundledYaml(){return __plainspokeSideBundle("yaml.cjs",{})}');
  // The import() of each SIDE_IMPORTS package (sideImports): rolldown left it as a require() of an external id.
  for (const [pkg, name] of Object.entries(SIDE_IMPORTS)) {
    const id = JSON.stringify(`plainspoke-side:${pkg}`);
    const load = `Promise.resolve().then(()=>/* @__PURE__ */ __toESM(require(${id}),1))`;
    if (code.split(load).length !== 2 || code.split(id).length !== 2) throw new Error(`bundle: the import() of ${pkg} is not found once as a require() of ${id} in a promise; update sideBundles in scripts/bundle.mjs`);
    code = code.replace(load, () => `Promise.resolve().then(()=>/* @__PURE__ */ __toESM(__plainspokeSideBundle(${JSON.stringify(name)},{}),1))`);
  }
  const loader = [
    '// scripts/bundle.mjs (sideBundles): a side bundle next to this file, with its own code cache, loaded at its first use as',
    "// bin/plainspoke.js loads this bundle. `host`: this bundle's modules that it asks for as 'plainspoke-host:<name>'.",
    'var __plainspokeSideScripts = new Map();',
    'var __plainspokeSideExports = new Map();',
    'var __plainspokeSideBundle = (name, host) => {',
    '\tif (__plainspokeSideExports.has(name)) return __plainspokeSideExports.get(name);',
    "\tconst file = require('node:path').join(__dirname, name);",
    "\tconst source = require('node:fs').readFileSync(file, 'latin1');",
    '\tlet cachedData;',
    '\ttry {',
    "\t\tcachedData = require('node:fs').readFileSync(`${file}.v8cache`);",
    '\t} catch {',
    '\t\tcachedData = undefined;',
    '\t}',
    "\tconst wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\\n});`;",
    // The cache was made under WORKER_V8_FLAGS alone: a short run's tier (src/boot/short-tier.ts) is lifted while it compiles.
    "\tconst tier = globalThis[Symbol.for('plainspoke.short-tier')];",
    '\tconst short = tier !== undefined && tier.off;',
    "\tif (short) tier.set(['--sparkplug']);",
    '\tlet script;',
    '\ttry {',
    "\t\tscript = new (require('node:vm').Script)(wrapped, { filename: file, cachedData });",
    '\t} finally {',
    "\t\tif (short) tier.set(['--no-sparkplug']);",
    '\t}',
    '\t__plainspokeSideScripts.set(name, script);',
    '\tconst mod = { exports: {} };',
    "\tconst hostRequire = (id) => (id.startsWith('plainspoke-host:') ? host[id.slice(16)] : require(id));",
    '\tscript.runInThisContext().call(mod.exports, mod.exports, hostRequire, mod, file, __dirname);',
    '\t__plainspokeSideExports.set(name, mod.exports);',
    '\treturn mod.exports;',
    '};',
    "// For the build (scripts/bundle.mjs), which writes the side bundles' code caches: their vm.Script once loaded.",
    "Object.defineProperty(exports, 'sideScripts', { get: () => __plainspokeSideScripts });",
    '',
  ].join('\n');
  writeFileSync(main, prependAfterStrict(code, loader));
}

/**
 * The wrapper Node.js puts around a CommonJS file (src/boot/bundle.ts BUNDLE_WRAPPER), written into the main bundle
 * as its last step (issue 19). bin/plainspoke.js and loadBundle() put it around the bundle's text when they do not
 * find it there; V8 then copied the two joined strings into one new 1.3 MB string in its heap before compiling.
 * Written in, the string V8 compiles is the one read from the file, outside V8's heap. Line 1 holds the wrapper
 * either way, so stack traces keep the bundle's line numbers, and the build's warm-up and code cache use this text.
 */
async function wrapBundle(file) {
  const { BUNDLE_WRAPPER } = await import('../dist/boot/bundle.js');
  const code = readFileSync(file, 'utf8');
  if (code.startsWith(BUNDLE_WRAPPER)) throw new Error(`bundle: ${file} is wrapped already (wrapBundle in scripts/bundle.mjs)`);
  writeFileSync(file, `${BUNDLE_WRAPPER}${code}\n});`);
  assertAscii(file);
}

/** One side bundle (sideBundles): `input` and what it imports, in dist/bundle/`name`, requiring only `hosted` and Node.js's modules. */
async function sideBundle(build, name, input, hosted, plugin) {
  const out = join(root, 'dist', 'bundle', name);
  // The cache of an older build must not meet the new file: the build's own warm-up loads it, and writes the cache anew.
  rmSync(`${out}.v8cache`, { force: true });
  await build({
    cwd: root,
    input,
    platform: 'node',
    plugins: plugin ? [plugin] : [],
    external: [/^node:/],
    transform: { define: { PLAINSPOKE_BUNDLED: 'true' } },
    output: {
      file: out,
      format: 'cjs',
      codeSplitting: false,
      dynamicImportInCjs: false,
      // As the main bundle (above): ASCII, no whitespace, names kept, no code rewritten.
      minify: { compress: false, mangle: false, codegen: { removeWhitespace: true, asciiOnly: true } },
    },
    logLevel: 'warn',
  });
  const code = readFileSync(out, 'utf8');
  const requires = [...new Set([...code.matchAll(/\brequire\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]))].filter((id) => !isBuiltin(id)).sort();
  if (hosted === null ? requires.some((id) => !id.startsWith('plainspoke-host:')) : requires.join() !== [...hosted].sort().join()) throw new Error(`bundle: ${out} requires ${requires.join(', ') || 'nothing'} beyond Node.js's modules, not ${hosted === null ? 'only plainspoke-host: modules' : hosted.join(', ') || 'nothing'} (sideBundles in scripts/bundle.mjs)`);
  if (/\bimport\(/.test(code)) throw new Error(`bundle: ${out} holds an import(), which vm.Script cannot run`);
  assertAscii(out);
}

/** The main bundle's import() of each SIDE_IMPORTS package becomes a require() of an external id, which sideBundles replaces. */
function sideImports() {
  const seen = new Set();
  return {
    plugin: {
      name: 'plainspoke-side-imports',
      resolveId(source) {
        if (!Object.hasOwn(SIDE_IMPORTS, source)) return null;
        seen.add(source);
        return { id: `plainspoke-side:${source}`, external: true };
      },
    },
    check() {
      for (const pkg of Object.keys(SIDE_IMPORTS)) if (!seen.has(pkg)) throw new Error(`bundle: nothing imports ${pkg} any more; update SIDE_IMPORTS in scripts/bundle.mjs`);
    },
  };
}

/**
 * Modules the bundle loads on first call instead of at start-up (issue 19). Each entry is a module of
 * dist/ that imports a heavy module and hands it out through a function; in the bundle that import goes
 * and the function loads the module instead at its first call: with require(), which rolldown keeps lazy (the module
 * and its imports are evaluated at the first call, `init_x()`), or as a side bundle (sideBundles above), which is then
 * not in the main bundle or its code cache at all. Outside the bundle (tests,
 * PLAINSPOKE_NO_BUNDLE=1) the module loads as written. A one-article run without raw HTML then skips
 * parse5, hast-util-raw, property-information and the HTML entities (about 7 ms of CPU); one that is no reply skips
 * the care score (src/engine/metrics.ts) and the care rules that run only on replies (lazyReplyRules below).
 */
function lazyModules(more = {}) {
  // Each module: [text to find once, its replacement]. The module's own code stays (src/document/load-html-support.ts
  // keeps its light path for empty anchors); only the import of the heavy module and the function handing it out change.
  const LAZY = {
    // src/document/load-html-support.ts: the HTML parser and hast-util-raw (src/document/html-support.ts). They are a
    // side bundle (sideBundles below): heavy() loads it, with its own code cache, at its first call, handing it this
    // bundle's prose.js and unified, the two modules both bundles use at run time.
    [join(root, 'dist', 'document', 'load-html-support.js')]: [
      [
        "import * as eager from './html-support.js';",
        "import * as hostProse from './prose.js';\nimport * as hostUnified from 'unified';\nlet eager;",
      ],
      ['function heavy() {\n    return eager;\n}', "function heavy() {\n    return (eager ??= __plainspokeSideBundle('html.cjs', { prose: hostProse, unified: hostUnified }));\n}"],
    ],
    // src/engine/metrics.ts: the care score of a reply (src/care/rubric.ts, with the reply model), which no other
    // channel computes.
    [join(root, 'dist', 'engine', 'metrics.js')]: [
      [
        "import { computeCareRubric } from '../care/rubric.js';",
        "import { careBundle } from 'plainspoke-care-loader';\nfunction computeCareRubric(doc) {\n    return careBundle().computeCareRubric(doc);\n}",
      ],
    ],
    ...more,
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

/**
 * The care rules that run only on replies (issue 19), for lazyModules: src/rules/registry.ts imports every rule, so
 * each start ran their modules and those of the reply model and the care word and model tables they load (about
 * 200 KB of objects made at start-up, in every run, and about 210 KB of the main code cache). In the bundle each such
 * import becomes the rule's metadata, written out here from the built module, and a check() that takes the rule from
 * care.cjs (careBundle below) at its first call: an article, which runs none of them, never loads their code. The
 * build fails if a rule's metadata is not plain data (JSON) or if fewer than five such rules are found.
 */
async function lazyReplyRules() {
  const registry = join(root, 'dist', 'rules', 'registry.js');
  const code = readFileSync(registry, 'utf8');
  const { REPLY_CHANNELS } = await import(pathToFileURL(join(root, 'dist', 'types.js')).href);
  const edits = [];
  careRules.length = 0;
  for (const m of code.matchAll(/^import (\w+) from '(\.\/care\/[\w-]+\.js)';$/gm)) {
    const [line, name, rel] = m;
    const rule = (await import(pathToFileURL(join(dirname(registry), rel)).href)).default;
    if (!rule.channelList.every((c) => REPLY_CHANNELS.includes(c))) continue;
    const keys = Object.keys(rule);
    const meta = Object.fromEntries(keys.filter((k) => k !== 'check').map((k) => [k, rule[k]]));
    const plain = JSON.parse(JSON.stringify(meta));
    if (!isDeepStrictEqual(plain, meta) || typeof rule.check !== 'function') throw new Error(`bundle: ${rel}'s rule is not plain data and check(); update lazyReplyRules in scripts/bundle.mjs`);
    const fields = keys.map((k) =>
      k === 'check' ? `check(doc, ctx) {\n    return (${name}$rule ??= careBundle().rules[${JSON.stringify(rel)}]).check(doc, ctx);\n}` : `${JSON.stringify(k)}: ${JSON.stringify(meta[k])}`,
    );
    edits.push([line, `${edits.length ? '' : "import { careBundle } from 'plainspoke-care-loader';\n"}let ${name}$rule;\nconst ${name} = {${fields.join(',\n')}};`]);
    careRules.push(rel);
  }
  if (edits.length < 5) throw new Error(`bundle: only ${edits.length} reply-only care rules found in ${registry}; update lazyReplyRules in scripts/bundle.mjs`);
  return { [registry]: edits };
}

/** The ids of the modules a rolldown build bundled. */
function moduleIdsOf(output) {
  const ids = output.output?.[0]?.moduleIds;
  if (!Array.isArray(ids) || ids.length < 100) throw new Error('bundle: rolldown gave no module list; update moduleIdsOf in scripts/bundle.mjs');
  return new Set(ids);
}

/**
 * 'plainspoke-care-loader' in the main bundle: careBundle() loads care.cjs (careBundle below) at its first call,
 * handing it the main bundle's modules it shares (`host`, set once the care bundle is built).
 */
function careLoader() {
  let hosted = [];
  return {
    host(ids) {
      hosted = ids;
    },
    plugin: {
      name: 'plainspoke-care-loader',
      resolveId(source) {
        return source === 'plainspoke-care-loader' ? '\0plainspoke-care-loader' : null;
      },
      load(id) {
        if (id !== '\0plainspoke-care-loader') return null;
        const imports = hosted.map((file, i) => `import * as host${i} from ${JSON.stringify(file)};`);
        const host = hosted.map((file, i) => `${JSON.stringify(relative(join(root, 'dist'), file))}: host${i}`);
        return [...imports, 'let care;', `export function careBundle() {\n  return (care ??= __plainspokeSideBundle('care.cjs', {${host.join(', ')}}));\n}`].join('\n');
      },
    },
  };
}

/**
 * care.cjs (issue 19): the care rules that run only on replies and the care score, with the modules only they use
 * (the reply model, the care word and model tables), a side bundle with its own code cache (sideBundles) that a run
 * loads at its first reply. The modules it shares with the main bundle come from there (`plainspoke-host:<path>`),
 * so each module has one copy and one state. Returns the shared modules' files.
 */
async function careBundle(build, mainIds) {
  const dist = join(root, 'dist');
  const entry = '\0plainspoke-care-entry';
  const hosted = new Set();
  const rules = careRules.map((rel, i) => `${JSON.stringify(rel)}: (rule${i})`);
  const source = [
    ...careRules.map((rel, i) => `import rule${i} from ${JSON.stringify(join(dist, 'rules', rel))};`),
    `export { computeCareRubric } from ${JSON.stringify(join(dist, 'care', 'rubric.js'))};`,
    `export const rules = {${rules.join(', ')}};`,
  ].join('\n');
  await sideBundle(build, 'care.cjs', entry, null, {
    name: 'plainspoke-care-host',
    resolveId: {
      order: 'pre',
      async handler(source, importer) {
        if (source === entry) return entry;
        if (!importer || /^node:/.test(source)) return null;
        const found = await this.resolve(source, importer, { skipSelf: true });
        if (found && mainIds.has(found.id)) {
          hosted.add(found.id);
          return { id: `plainspoke-host:${relative(dist, found.id)}`, external: true };
        }
        return null;
      },
    },
    load(id) {
      return id === entry ? source : null;
    },
  });
  for (const rel of careRules) if (mainIds.has(join(dist, 'rules', rel))) throw new Error(`bundle: ${rel} is still in the main bundle (careBundle in scripts/bundle.mjs)`);
  return [...hosted].sort();
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
 * The `syllable` package (readability's syllable counts) calls pluralize on each word it counts by rule, only to
 * ask whether the word's singular is one of its 60 `problematic` words. pluralize tries its singular rules one
 * regular expression at a time, and compiling them was the largest single cost of a one-file run's readability
 * check (issue 19: about 2 ms of CPU). Here that call becomes a lookup in a table made from pluralize itself.
 *
 * Why the table holds every such word: a word w that is not problematic but whose singular p is, is changed by
 * pluralize (p is not w). pluralize 8.0.0 changes a word by an irregular plural (none is a problematic word or
 * its singular, checked below) or by one singular rule, which keeps the start of w and puts a fixed ending
 * (LITS) for a fixed ending of w (TAILS): so w = p minus an ending of LITS, plus an ending of TAILS. Each such
 * candidate goes through pluralize; those whose singular is problematic are the table. Any other word keeps
 * itself, which the lookup returns, and syllable checked it against the problematic words just before.
 * The module tree (PLAINSPOKE_NO_BUNDLE=1, tests) keeps calling pluralize; reports are byte-identical.
 */
async function syllableSingulars(file) {
  const need = createRequire(join(root, 'package.json'));
  const versionOf = (pkg) => JSON.parse(readFileSync(join(dirname(need.resolve(`${pkg}/package.json`)), 'package.json'), 'utf8')).version;
  // The rules read for LITS and TAILS are pluralize 8.0.0's; the call replaced is syllable 5.0.1's.
  if (versionOf('pluralize') !== '8.0.0' || versionOf('syllable') !== '5.0.1') {
    throw new Error('bundle: pluralize or syllable is not the version syllableSingulars was written for; read their rules again (scripts/bundle.mjs)');
  }
  const pluralize = need('pluralize');
  const { problematic } = await import(pathToFileURL(join(dirname(need.resolve('syllable/package.json')), 'problematic.js')).href);
  const isProblematic = (w) => Object.hasOwn(problematic, w);
  const LITS = ['', 'fe', 'f', 'y', 'ie', 'ey', 'ouse', 'sis', 'is', 'us', 'um', 'on', 'a', 'ex', 'ix', 'rson', 'man'];
  const TAILS = ['', 's', 'es', 'ves', 'ies', 'ice', 'im', 'sis', 'ses', 'is', 'us', 'i', 'a', 'ae', 'ices', 'rson', 'ople', 'ren', 'x', 'men'];
  // pluralize's irregular pairs (version 8.0.0): none may be, or be the singular of, a problematic word.
  const IRREGULAR = ['i', 'we', 'me', 'us', 'he', 'they', 'she', 'them', 'myself', 'ourselves', 'yourself', 'yourselves', 'itself', 'themselves', 'herself', 'himself', 'themself', 'is', 'are', 'was', 'were', 'has', 'have', 'this', 'these', 'that', 'those', 'echo', 'echoes', 'dingo', 'dingoes', 'volcano', 'volcanoes', 'tornado', 'tornadoes', 'torpedo', 'torpedoes', 'genus', 'genera', 'viscus', 'viscera', 'stigma', 'stigmata', 'stoma', 'stomata', 'dogma', 'dogmata', 'lemma', 'lemmata', 'schema', 'schemata', 'anathema', 'anathemata', 'ox', 'oxen', 'axe', 'axes', 'die', 'dice', 'yes', 'yeses', 'foot', 'feet', 'eave', 'eaves', 'goose', 'geese', 'tooth', 'teeth', 'quiz', 'quizzes', 'human', 'humans', 'proof', 'proofs', 'carve', 'carves', 'valve', 'valves', 'looey', 'looies', 'thief', 'thieves', 'groove', 'grooves', 'pickaxe', 'pickaxes', 'passerby', 'passersby'];
  if (IRREGULAR.some((w) => isProblematic(w) || isProblematic(pluralize(w, 1)))) throw new Error("bundle: a problematic word of syllable is one of pluralize's irregular words; syllableSingulars does not cover it");
  const singulars = new Map();
  for (const p of Object.keys(problematic)) {
    for (const lit of LITS) {
      if (!p.endsWith(lit)) continue;
      for (const tail of TAILS) {
        const w = p.slice(0, p.length - lit.length) + tail;
        if (isProblematic(w)) continue;
        const singular = pluralize(w, 1);
        if (isProblematic(singular)) singulars.set(w, singular);
      }
    }
  }
  let code = readFileSync(file, 'utf8');
  const call = /\(0,import_pluralize(\$\d+)?\.default\)\(value,1\)/g;
  const load = /\/\* @__PURE__ \*\/ __toESM\(require_pluralize(\$\d+)?\(\),1\)/g;
  if ((code.match(call) ?? []).length !== 1 || (code.match(load) ?? []).length !== 1) {
    throw new Error("bundle: syllable's pluralize call or its import not found once; update syllableSingulars in scripts/bundle.mjs");
  }
  // pluralize is no longer loaded at start-up: syllable was its only user.
  code = code.replace(call, '__plainspokeSingular(value)').replace(load, 'void 0');

  // syllable() first passes each word through normalize-strings, which swaps accented letters for plain ones with a
  // regular expression built from its 652-letter table at the first call (about 1 ms with the table's loading).
  // The table's only ASCII letter is 'i', mapped to itself, and the expression's only other ASCII character is the
  // space it joins letters with, left as it is: an ASCII word comes back unchanged, so it skips the call, and the
  // package loads at the first word with another letter.
  const charmap = need(join(dirname(need.resolve('normalize-strings/package.json')), 'charmap.json'));
  const ascii = Object.keys(charmap).filter((k) => Number(k) < 0x80);
  if (ascii.length !== 1 || ascii[0] !== '105' || charmap[105] !== 'i' || versionOf('normalize-strings') !== '1.1.1') {
    throw new Error('bundle: normalize-strings maps an ASCII letter, or is not the version syllableSingulars was written for (scripts/bundle.mjs)');
  }
  const normalizeCall = '(0,import_normalize_strings.default)(String(value))';
  const normalizeLoad = /\/\* @__PURE__ \*\/ __toESM\(require_normalize_strings\(\),1\)/g;
  if (code.split(normalizeCall).length !== 2 || (code.match(normalizeLoad) ?? []).length !== 1 || code.split('import_normalize_strings').length !== 4) {
    throw new Error("bundle: syllable's normalize-strings call or its import not found once; update syllableSingulars in scripts/bundle.mjs");
  }
  code = code.replace(normalizeCall, () => '__plainspokeNormalize(String(value))').replace(normalizeLoad, 'void 0');
  const lookup = [
    "// scripts/bundle.mjs (syllableSingulars): pluralize(value, 1) in syllable's one(), for every word whose singular is a problematic word.",
    `var __plainspokeSingulars = new Map(${JSON.stringify([...singulars])});`,
    'var __plainspokeSingular = (value) => __plainspokeSingulars.get(value) ?? value;',
    "// normalize-strings in syllable(): an ASCII word comes back unchanged; the package loads at the first other word.",
    'var __plainspokeNormalize = (value) => (/^[\\x00-\\x7f]*$/.test(value) ? value : (import_normalize_strings ??= __toESM(require_normalize_strings(), 1)).default(value));',
    '',
  ].join('\n');
  writeFileSync(file, prependAfterStrict(code, lookup));
}

/**
 * parse-english asks, for the word before each full stop, whether it is an abbreviation ("Jan.", "Mr."), with two
 * regular expressions that each list a fixed set of words (`^(t(?:hurs|bsp|sp)|…)$`). Compiling them was about a
 * third of the first sentence split's own time (issue 19: about 0.5 ms of a one-file run). Here each becomes the set
 * of words it matches, written out at build time by expandWords() and checked against the expression: every word
 * matches it, and no string one edit away from a word matches it unless it is in the set too.
 */
async function abbreviationSets(file) {
  // Its package.json is not among its exports: the folder above its entry file that holds one.
  let dir = dirname(fileURLToPath(import.meta.resolve('parse-english')));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version !== '7.0.0') {
    throw new Error('bundle: parse-english is not the version abbreviationSets was written for; check its lib/regex.js (scripts/bundle.mjs)');
  }
  const { abbreviations, abbreviationsSensitive } = await import(pathToFileURL(join(dir, 'lib', 'regex.js')).href);
  const sets = [abbreviations, abbreviationsSensitive].map((re) => {
    if (re.flags !== '') throw new Error(`bundle: parse-english's ${re} has flags; abbreviationSets reads plain expressions only`);
    const words = expandWords(re.source);
    const alphabet = [...new Set([...words].flatMap((w) => [...w]))].concat(['', '.', ' ', '0', 'x', 'X']);
    for (const w of words) {
      if (!re.test(w)) throw new Error(`bundle: ${JSON.stringify(w)} does not match ${re}`);
      for (let i = 0; i <= w.length; i++) {
        for (const c of alphabet) {
          for (const v of [w.slice(0, i) + c + w.slice(i), w.slice(0, i) + c + w.slice(i + 1)]) {
            if (re.test(v) !== words.has(v)) throw new Error(`bundle: ${JSON.stringify(v)} and ${re} disagree with the words abbreviationSets made`);
          }
        }
      }
    }
    return words;
  });
  let code = readFileSync(file, 'utf8');
  const test = 'if(abbreviations.test(value.toLowerCase())||abbreviationsSensitive.test(value))';
  if (code.split(test).length !== 2) throw new Error("bundle: parse-english's abbreviation test not found once; update abbreviationSets in scripts/bundle.mjs");
  code = code.replace(test, () => 'if(__plainspokeAbbreviations.has(value.toLowerCase())||__plainspokeAbbreviationsSensitive.has(value))');
  const lookup = [
    "// scripts/bundle.mjs (abbreviationSets): the words parse-english's abbreviation expressions match.",
    `var __plainspokeAbbreviations = new Set(${asciiJson([...sets[0]])});`,
    `var __plainspokeAbbreviationsSensitive = new Set(${asciiJson([...sets[1]])});`,
    '',
  ].join('\n');
  writeFileSync(file, prependAfterStrict(code, lookup));
}

/**
 * micromark decodes a named character reference (`&amp;`) with decode-named-character-reference, whose module
 * loads character-entities: an object of 2,125 names, made when the bundle starts (issue 19: about 0.2 ms of
 * CPU and 36 KB of source run at every start). Few articles hold a named reference (6 of 559 Markdown files of
 * the corpus), so the object is made at the first lookup: its module's init moves from the decoder module's
 * init into the decoder. The lookup is the object's only use in the bundle (checked here), so results are the same.
 */
function lazyCharacterEntities(file) {
  let code = readFileSync(file, 'utf8');
  const eager = 'init_decode_named_character_reference=__esmMin((()=>{init_character_entities();';
  const lookup = 'function decodeNamedCharacterReference(value){return ';
  const uses = code.match(/\bcharacterEntities\b/g) ?? [];
  if (code.split(eager).length !== 2 || code.split(lookup).length !== 2 || code.split('init_character_entities()').length !== 2 || uses.length !== 4) {
    throw new Error('bundle: decode-named-character-reference or character-entities changed; update lazyCharacterEntities in scripts/bundle.mjs');
  }
  code = code.replace(eager, () => 'init_decode_named_character_reference=__esmMin((()=>{').replace(lookup, () => `${lookup}init_character_entities(),`);
  writeFileSync(file, code);
}

/**
 * micromark's unicodePunctuation tests each character next to `*` and `_` runs with `/\p{P}|\p{S}/u`, whose compile
 * (with ICU lookups) costs about 0.1-0.3 ms of CPU on each run that meets emphasis (issue 19). Below code 128 the
 * Unicode classes P and S hold exactly the ASCII punctuation `!-/ :-@ [-` {-~` (checked here), so those codes are
 * read by range and the expression only ever runs (and compiles) for a non-ASCII character. Same results.
 */
function asciiPunctuationFirst(file) {
  const code = readFileSync(file, 'utf8');
  const assign = 'unicodePunctuation=regexCheck(/\\p{P}|\\p{S}/u);';
  const ascii = (c) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
  const unicode = /\p{P}|\p{S}/u;
  for (let c = 0; c < 128; c++) if (unicode.test(String.fromCharCode(c)) !== ascii(c)) throw new Error(`bundle: asciiPunctuationFirst is wrong for code ${c}`);
  if (code.split(assign).length !== 2) throw new Error('bundle: micromark-util-character changed; update asciiPunctuationFirst in scripts/bundle.mjs');
  const fast = 'unicodePunctuation=((slow)=>(code)=>code!==null&&code>-1&&code<128?(code>=33&&code<=47)||(code>=58&&code<=64)||(code>=91&&code<=96)||(code>=123&&code<=126):slow(code))(regexCheck(/\\p{P}|\\p{S}/u));';
  writeFileSync(file, code.replace(assign, () => fast));
}

/**
 * src/a11y/contrast/colour.ts loads colord and six of its plugins and registers them when it loads: about 0.3 ms
 * of CPU at every start (issue 19), for colour-contrast, which reads colours only from inline styles in HTML.
 * parseColour() is the module's one function that uses colord (the others are arithmetic on numbers), so the
 * module's init moves from its two importers' inits into parseColour(): colord and the plugins load at the first
 * colour read, in the same order. Checked here: colord is loaded by nothing else in the bundle.
 */
function lazyColour(file) {
  let code = readFileSync(file, 'utf8');
  const parse = 'function parseColour(value){';
  const inits = ['init_colord()', 'init_names()', 'init_hwb()', 'init_lab()', 'init_lch()', 'init_oklab()', 'init_oklch()'];
  const own = 'var init_colour=__esmMin((()=>{init_colord();init_names();init_hwb();init_lab();init_lch();init_oklab();init_oklch();';
  const importers = ['var init_styles$1=__esmMin((()=>{init_colour();', 'var init_color_contrast=__esmMin((()=>{init_define_rule();init_colour();'];
  if (
    code.split(parse).length !== 2 ||
    code.split(own).length !== 2 ||
    code.split('init_colour();').length !== 3 ||
    importers.some((i) => code.split(i).length !== 2) ||
    inits.some((i) => code.split(i).length !== 2)
  ) {
    throw new Error('bundle: colour.ts, its importers or colord changed; update lazyColour in scripts/bundle.mjs');
  }
  for (const i of importers) code = code.replace(i, () => i.replace('init_colour();', ''));
  code = code.replace(parse, () => `${parse}init_colour();`);
  writeFileSync(file, code);
}

/** JSON with every character beyond ASCII as a \\u escape: the bundle stays ASCII (assertAscii). */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The strings an anchored expression made only of letters, \\u escapes, groups, `|`, character classes without
 * ranges and `?` matches (`^(…)$`). Anything else (`*`, `+`, ranges, `.`, classes like \\w) throws.
 */
function expandWords(source) {
  if (!source.startsWith('^') || !source.endsWith('$')) throw new Error(`bundle: ${source} is not anchored`);
  const text = source.slice(1, -1);
  let i = 0;
  const fail = () => {
    throw new Error(`bundle: expandWords cannot read ${JSON.stringify(text.slice(i, i + 12))} in ${source}`);
  };
  const char = () => {
    if (text[i] === '\\') {
      const hex = text.slice(i + 2, i + 6);
      if (text[i + 1] !== 'u' || !/^[0-9A-Fa-f]{4}$/.test(hex)) fail();
      i += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (!/^[\p{L}\p{N}]$/u.test(text[i] ?? '')) fail();
    return text[i++];
  };
  const atom = () => {
    if (text[i] === '(') {
      i++;
      if (text.startsWith('?:', i)) i += 2;
      const inner = alternatives();
      if (text[i] !== ')') fail();
      i++;
      return [...inner];
    }
    if (text[i] === '[') {
      i++;
      const chars = [];
      while (text[i] !== ']') chars.push(char());
      i++;
      return chars;
    }
    return [char()];
  };
  const sequence = () => {
    let out = [''];
    while (i < text.length && text[i] !== '|' && text[i] !== ')') {
      let options = atom();
      if (text[i] === '?') {
        i++;
        options = ['', ...options];
      }
      out = out.flatMap((a) => options.map((b) => a + b));
    }
    return out;
  };
  const alternatives = () => {
    const out = new Set(sequence());
    while (text[i] === '|') {
      i++;
      for (const w of sequence()) out.add(w);
    }
    return out;
  };
  const words = alternatives();
  if (i !== text.length) fail();
  return words;
}

/**
 * rolldown hoists every `require("node:…")` of the bundle to its top, so each run loaded
 * child_process (with net and perf_hooks), crypto, worker_threads, readline and stream before
 * linting, most of them for nothing (issue 19: a one-file run used them only for a hash).
 * Those bindings become proxies that load the module on first use. A binding is only read as
 * `node_x.member` (or `node_x.default` after __toESM), which the proxy answers. fs/promises
 * (with readline's Interface, about 1 ms) is only used by the cache, --fix and runs over many files.
 * `side`: a side bundle of SIDE_IMPORTS (sideBundles), which has none of the main bundle's own cases below; each of
 * its lazy bindings must be read only as `node_x.member`, checked here. Returns how many bindings became lazy.
 */
function lazyBuiltins(file, side = false) {
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
    if (side && (code.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length - 1 !== (code.match(new RegExp(`\\b${name}\\.`, 'g')) ?? []).length) throw new Error(`bundle: ${file} reads ${name} other than as ${name}.member; lazyBuiltins in scripts/bundle.mjs cannot make it lazy`);
  }
  if (side) {
    if (count > 0) writeFileSync(file, prependAfterStrict(code, lazyHelper()));
    return count;
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
  // node:os: only for the default thread count (src/engine/lint-files.ts availableParallelism()), which a run over
  // one Markdown or HTML file no longer asks for (issue 19). Main bundle only: globby.cjs reads its own os otherwise.
  const osLine = 'let node_os=require("node:os");';
  if (code.split(osLine).length === 2 && !new RegExp(String.raw`\bnode_os\b(?!\.|=require\("node:os"\))`).test(code)) code = code.replace(osLine, 'let node_os=__plainspokeLazy("node:os");');
  // commander loads child_process for subcommands that are programs of their own; plainspoke has none.
  const commander = 'const childProcess=require("node:child_process");';
  if (code.includes(commander)) code = code.replace(commander, 'const childProcess=__plainspokeLazy("node:child_process");');
  // First in the file: the bindings it serves are declared right after rolldown's runtime helpers.
  writeFileSync(file, prependAfterStrict(code, lazyHelper()));
  if (count < 3) throw new Error(`bundle: only ${count} built-in modules made lazy; the bundle's require lines changed (scripts/bundle.mjs)`);
  return count;
}

/** lazyBuiltins's proxy maker, put at the top of each bundle it changes (a function: the build calls lazyBuiltins before this file's later constants exist). */
function lazyHelper() {
  return [
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

/**
 * rolldown writes `import.meta.url` as `require("url").pathToFileURL(__filename).href`, and the sources turn it back
 * into a path with fileURLToPath: src/util/package-root.ts does so when it loads, at every start. The round trip gives
 * __filename back (an absolute path; the URL's escapes are undone), but its first call set up Node.js's URL
 * machinery, about 0.5 ms of a one-file run (issue 19). Here the round trip is __filename itself.
 */
function ownPath(file) {
  const code = readFileSync(file, 'utf8');
  const trip = '(0,node_url.fileURLToPath)(require("url").pathToFileURL(__filename).href)';
  const count = code.split(trip).length - 1;
  const first = /packageRoot=\(\(\)=>\{let dir=\(0,node_path\.dirname\)\(([^;]*?)\);while/.exec(code)?.[1];
  if (count < 2 || first !== trip) throw new Error("bundle: package-root.ts's fileURLToPath(import.meta.url) not found; update ownPath in scripts/bundle.mjs");
  writeFileSync(file, code.split(trip).join('__filename'));
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
/**
 * The common-syntax warm-up's article (our own text): the Markdown most help articles hold beyond headings and
 * paragraphs (lists, nested lists, emphasis, inline code, a code block, a quote, a table, a thematic break, an
 * autolink, an image with text, acronyms and names). Without it each run compiled the parser's and the rules' code for them anew.
 */
const COMMON_ARTICLE = [
  '---',
  'title: "Pair the remote with the lamp"',
  '---',
  '',
  'You can pair the remote in two ways:',
  '',
  '* [With the app](#app)',
  '* With the **Pair** button on the lamp',
  '',
  '**Note: Keep the remote close to the lamp.**',
  '',
  '---',
  '',
  '## Steps',
  '',
  '1. Turn on the lamp.',
  '1. Hold the `Pair` button for *five* seconds.',
  '   * The light blinks twice.',
  '   * If it does not blink, try again.',
  '1. Open the app and select **Devices > Add**.',
  '',
  '   ![The Add button in the app](img/add-button.png)',
  '',
  '```',
  'Pairing: OK',
  '```',
  '',
  '> Tip: you can find more help at https://example.com/help.',
  '',
  '| Button | What it does |',
  '| --- | --- |',
  '| Pair | Links the remote |',
  '| Reset | Clears the links |',
  '',
  'The Nano 33 BLE board talks to the app over BLE (Bluetooth Low Energy). If the USB port does not work, ask Maria',
  'in the IT team to check the LED and the PSU.',
  '',
  'Still stuck? [Contact us](https://example.com/contact) and we will help.',
  '',
].join('\n');
const { loadBundle, CODE_CACHE_FILE, WORKER_CODE_CACHE_FILE } = await import('../dist/boot/bundle.js');
const bundle = loadBundle({ cache: false });
/** A side bundle's code cache (sideBundles above), made from what this process's warm-up lints compiled in it. */
function writeSideCache(name) {
  const script = bundle.exports.sideScripts?.get(name);
  if (!script) throw new Error(`the warm-up lints never loaded dist/bundle/${name}`);
  writeFileSync(join(dirname(CODE_CACHE_FILE), `${name}.v8cache`), script.createCachedData());
}
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
  if (forWorkers) {
    // html.cjs's code cache (sideBundles above): the worker runs above parsed the HTML examples; this one renders raw HTML
    // in Markdown, as a main-thread run over one article does.
    const rawCode = await bundle.exports.main(['--no-axe', '--no-progress', '--jobs', '1', '--stdin', '--stdin-filename', 'raw-html.md'], { ...io, readStdin: async () => RAW_HTML_ARTICLE });
    if (rawCode !== 0 && rawCode !== 1) throw new Error(`the warm-up lint of an article with raw HTML exited ${rawCode}, expected 0 or 1`);
    writeSideCache('html.cjs');
  }
  // A pre-commit hook's run (issue 19): one article, --no-axe, the default stylish report. Without it the
  // stylish formatter and the one-file path were compiled at every start (about 50 KB of code cache).
  if (!forWorkers) {
    // Through the CLI's own output path, as from a hook (issue 19): the report goes to a file descriptor that is no
    // terminal (src/cli/io.ts StdStream), with no colour setting in the environment and the progress line left on.
    // Before, the run compiled that path at every start.
    bundle.exports.processIO();
    const fd = openSync(join(scratch, 'report.txt'), 'w');
    const out = new bundle.exports.StdStream(fd, () => {
      throw new Error('the warm-up lint needed a Node.js stream for its report');
    });
    let code;
    try {
      code = await bundle.exports.main(['--no-axe', 'fixtures/examples/articles/refund-policy.md'], { ...io, env: {}, stdout: out, stderr: out });
    } finally {
      closeSync(fd);
    }
    if (code !== 1) throw new Error(`the warm-up lint of fixtures/examples/articles/refund-policy.md exited ${code}, expected 1 (findings)`);
    // A hook over support replies (issue 19): one email reply, so the care rules' one-file path and the care score
    // line of the stylish report are in the cache too.
    const reply = await bundle.exports.main(['--no-axe', '--no-progress', '--channel', 'email', 'fixtures/examples/macros/delayed-order.md'], io);
    if (reply !== 1) throw new Error(`the warm-up lint of fixtures/examples/macros/delayed-order.md exited ${reply}, expected 1 (findings)`);
    // care.cjs's code cache (careBundle above): the reply's care rules and care score.
    writeSideCache('care.cjs');
    // An article with raw HTML (issue 19): about a quarter of the corpus's Markdown files hold some. Its <kbd> and <br>
    // take the HTML parser and hast-util-raw (compiled at first use without a cache, 13-15 ms of CPU). They are in
    // html.cjs, whose cache the worker-cache step writes; this run puts the main bundle's side of raw HTML in its cache.
    const commonIo = { ...io, readStdin: async () => COMMON_ARTICLE };
    const commonCode = await bundle.exports.main(['--no-axe', '--no-progress', '--stdin', '--stdin-filename', 'common.md'], commonIo);
    if (commonCode !== 0 && commonCode !== 1) throw new Error(`the warm-up lint of an article with lists, code and a table exited ${commonCode}, expected 0 or 1`);
    const rawIo = { ...io, readStdin: async () => RAW_HTML_ARTICLE };
    const rawCode = await bundle.exports.main(['--no-axe', '--no-progress', '--stdin', '--stdin-filename', 'raw-html.md'], rawIo);
    if (rawCode !== 0 && rawCode !== 1) throw new Error(`the warm-up lint of an article with raw HTML exited ${rawCode}, expected 0 or 1`);
    // yaml.cjs's code cache: the runs above read this repository's .plainspoke.yml and the reply's front matter.
    writeSideCache('yaml.cjs');
    // globby.cjs's code cache (SIDE_IMPORTS), made from what a hook's run in a repository uses: it reads the .gitignore
    // files above the file with globby's isIgnoredByIgnoreFilesSync. An --ignore-path file takes that path wherever
    // the build runs. A run over a folder compiles the rest of globby when it first runs it (not one-file start-up).
    const ignoreFile = join(scratch, 'ignore');
    writeFileSync(ignoreFile, 'drafts/\n');
    const ignoreIo = { ...io, readStdin: async () => 'Read the steps below before you start.\n' };
    const ignoreCode = await bundle.exports.main(['--no-axe', '--no-progress', '--ignore-path', ignoreFile, '--stdin', '--stdin-filename', 'drafts/notes.md'], ignoreIo);
    if (ignoreCode !== 0) throw new Error(`the warm-up lint with --ignore-path exited ${ignoreCode}, expected 0`);
    writeSideCache('globby.cjs');
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
