#!/usr/bin/env node
// CommonJS (bin/package.json), so Node.js starts it without its ES module loader: about 5-8 ms
// of a one-file run (issue 19). Runs the start-up bundle with its V8 code cache when built
// (src/boot/bundle.ts, scripts/bundle.mjs), else the module tree in dist/.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * src/boot/v8-flags.ts WORKER_V8_FLAGS (a test checks they match), set before the bundle is compiled: its code
 * cache was made under them, and a short run spends less CPU on V8's optimising compiler (issue 19).
 */
const V8_FLAGS = ['--interrupt-budget=1048576', '--no-flush-bytecode', '--regexp-tier-up-ticks=100'];

/**
 * V8's setFlagsFromString without node:v8, which loads Node.js's streams for its heap snapshot functions: about
 * 1.8 ms of a one-file run that writes its report to a pipe or a file (issue 19). process.binding('v8') holds the
 * same native function. It is deprecated (DEP0111), so its warning is silenced for this one call; where a
 * Node.js version no longer has it, node:v8 sets the flags.
 */
function setV8Flags(flags) {
  let binding;
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    binding = process.binding('v8');
  } catch {
    binding = undefined;
  } finally {
    process.noDeprecation = quiet;
  }
  const v8 = binding && typeof binding.setFlagsFromString === 'function' ? binding : require('node:v8');
  for (const flag of flags) v8.setFlagsFromString(flag);
}

/** The bundle's `main`, loaded as src/boot/bundle.ts `loadBundle()` does (same wrapper and flags, so V8 takes the same cache). */
function bundledMain() {
  if (process.env.PLAINSPOKE_NO_BUNDLE) return undefined;
  const dir = join(__dirname, '..', 'dist', 'bundle');
  const file = join(dir, 'plainspoke.cjs');
  let source;
  try {
    // ASCII only (scripts/bundle.mjs checks it), so latin1 gives the same one-byte string. Node.js makes an external
    // string of a large latin1 read, outside V8's heap: the 2 MB no longer sits in the young generation, where it
    // set off a scavenge early in start-up (issue 19: 1.5-4.5 ms less CPU for one article, medians of 31 and 41
    // alternating runs). The full garbage collection at exit it once set off (10-15 ms) no longer happens:
    // exitWhenIdle() ends the process without V8's clean-up, and --trace-gc shows none when the process exits
    // on its own either.
    source = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.v8cache`);
  } catch {
    cachedData = undefined;
  }
  if (cachedData && !process.env.PLAINSPOKE_V8_DEFAULTS) setV8Flags(V8_FLAGS);
  const vm = require('node:vm');
  // Not written into the file at build time (issue 19): a 1.9 MB string read whole then lives on past the first
  // garbage collection, and a run collected garbage more often (8 scavenges and a full collection instead of 6).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const mod = { exports: {} };
  // This file's own require, not createRequire(file) from node:module, which loads Node.js's ES module loader
  // (about 1 ms, issue 19). The bundle asks it only for Node.js's modules, tinypool and absolute paths, which
  // resolve the same from bin/ as from dist/bundle/ (both look in the package's node_modules, then up).
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, dir);
  return mod.exports.main;
}

/**
 * Ends the process as soon as main() has returned and nothing else is running (no open handle, request, timer
 * or worker: every write has gone out), without Node.js's clean-up of the JavaScript heap and the environment,
 * which the operating system does anyway, and without the turn of the event loop in which V8 runs its pending
 * tasks (issue 19: with the require change above, 1-2 ms less CPU for a one-file run on a quiet machine and
 * about 3 ms on a busy one, medians of 31-61 alternating runs; waiting for 'beforeExit' or setImmediate instead
 * saved nothing). 'exit' listeners still run; the exit code is process.exitCode.
 * While anything is still running (a language server, a pipe still taking the report), the process ends as
 * before, when it is done.
 */
function exitWhenIdle() {
  if (typeof process.getActiveResourcesInfo === 'function' && process.getActiveResourcesInfo().length === 0) process.exit();
}

const main = bundledMain();
(main ? Promise.resolve(main) : import('../dist/cli/main.js').then((m) => m.main))
  .then((run) => run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
    exitWhenIdle();
  });
