#!/usr/bin/env node
// CommonJS (bin/package.json), so Node.js starts it without its ES module loader: about 5-8 ms
// of a one-file run (issue 19). Runs the start-up bundle with its V8 code cache when built
// (src/boot/bundle.ts, scripts/bundle.mjs), else the module tree in dist/.
'use strict';
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
const { join } = require('node:path');

/**
 * src/boot/v8-flags.ts WORKER_V8_FLAGS (a test checks they match), set before the bundle is compiled: its code
 * cache was made under them, and a short run spends less CPU on V8's optimising compiler (issue 19).
 */
const V8_FLAGS = ['--interrupt-budget=1048576', '--no-flush-bytecode', '--regexp-tier-up-ticks=100'];

/**
 * src/boot/short-tier.ts SHORT_RUN_V8_FLAGS (a test checks they match), set once the bundle is compiled with its
 * cache: no baseline (Sparkplug) code for a run that ends before it pays (issue 19). fullTier() there undoes them
 * before a second file, a worker or a server, through the object left at SHORT_TIER_KEY.
 */
const SHORT_RUN_V8_FLAGS = ['--no-sparkplug'];

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

/**
 * The wrapper Node.js puts around a CommonJS file. The build writes it into the main bundle (scripts/bundle.mjs
 * wrapBundle), so V8 compiles the string as read: put around it here, the two joined strings were copied into one
 * new 1.3 MB string in V8's heap before compiling (issue 19). A bundle without it (an older build) is wrapped here.
 */
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

/**
 * The bundle's source and code cache, read through one buffer (issue 19): the source is copied out of it into its
 * string, then the cache is read into the same memory, which V8 reads only while it compiles. Two buffers of their
 * own (readFileSync) touched 1.4 MB more of fresh memory, and each new page costs the kernel a fault. Returns
 * undefined when the bundle cannot be read; cachedData is undefined when the cache cannot be read whole.
 */
function readBundle(file) {
  let fd;
  let cacheFd;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    try {
      cacheFd = openSync(`${file}.v8cache`, 'r');
    } catch {
      cacheFd = undefined;
    }
    const size = fstatSync(fd).size;
    const cacheSize = cacheFd === undefined ? 0 : fstatSync(cacheFd).size;
    const buffer = Buffer.allocUnsafeSlow(Math.max(size, cacheSize));
    // ASCII only (scripts/bundle.mjs checks it), so latin1 gives the same one-byte string. Node.js copies a large
    // latin1 string out of the buffer into an external string, outside V8's heap: the 1.3 MB no longer sits in the
    // young generation, where it set off a scavenge early in start-up (issue 19: 1.5-4.5 ms less CPU for one
    // article, medians of 31 and 41 alternating runs). The full garbage collection at exit it once set off
    // (10-15 ms) no longer happens: exitWhenIdle() ends the process without V8's clean-up, and --trace-gc shows
    // none when the process exits on its own either.
    const source = buffer.toString('latin1', 0, readAll(fd, buffer, size));
    const cachedData = cacheFd !== undefined && readAll(cacheFd, buffer, cacheSize) === cacheSize ? buffer.subarray(0, cacheSize) : undefined;
    return { source, cachedData, buffer };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
    if (cacheFd !== undefined) closeSync(cacheFd);
  }
}

/** Reads up to `size` bytes of `fd` into the start of `buffer`; returns how many it read (fewer at the end of the file). */
function readAll(fd, buffer, size) {
  let done = 0;
  while (done < size) {
    const n = readSync(fd, buffer, done, size - done, done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** The bundle's `main`, loaded as src/boot/bundle.ts `loadBundle()` does (same wrapper and flags, so V8 takes the same cache). */
function bundledMain() {
  if (process.env.PLAINSPOKE_NO_BUNDLE) return undefined;
  const dir = join(__dirname, '..', 'dist', 'bundle');
  const file = join(dir, 'plainspoke.cjs');
  const read = readBundle(file);
  if (!read) return undefined;
  const { source, cachedData, buffer } = read;
  if (cachedData && !process.env.PLAINSPOKE_V8_DEFAULTS) setV8Flags(V8_FLAGS);
  const vm = require('node:vm');
  const wrapped = source.startsWith(WRAPPER) ? source : `${WRAPPER}${source}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (cachedData && !process.env.PLAINSPOKE_V8_DEFAULTS) {
    setV8Flags(SHORT_RUN_V8_FLAGS);
    globalThis[Symbol.for('plainspoke.short-tier')] = { off: true, set: setV8Flags };
  }
  // V8 has read the cache: the buffer, whose pages are touched already, takes the run's data files (issue 19,
  // src/util/scratch-read.ts SCRATCH_KEY). Only the bundle's readFileBytes() writes into it, each byte once.
  if (cachedData) globalThis[Symbol.for('plainspoke.scratch')] = { buffer, used: 0 };
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
