/**
 * Start-up for a pre-commit hook (issue 6). Loading the CLI as ~420 small ES
 * modules cost about two thirds of a one-file run: resolving, reading and
 * compiling each one. The build bundles everything we load at start-up into
 * one CommonJS file (scripts/bundle.mjs) and stores V8's code cache for it,
 * made after a warm-up run so it holds the functions a lint needs. Loading
 * through vm.Script with that cache skips both the module graph and most of
 * the compiling. The cache belongs to one Node.js version: V8 rejects it on
 * another and compiles normally, so results never depend on it.
 *
 * jsdom and axe-core stay outside the bundle and load only when axe runs.
 *
 * Issue 19: the bundle is written in ASCII without whitespace (1.8 MB, a
 * one-byte string for V8), and bin/plainspoke.js is CommonJS and loads it
 * itself, the same way as loadBundle() below (same wrapper, so V8 takes the
 * same cache): an ES module entry started Node.js's module loader, 5-8 ms.
 * This file serves the worker threads (bundle-worker.ts), the build and tests.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { main } from '../cli/main.js';
import type { processIO, StdStream } from '../cli/io.js';
import type lintInWorker from '../engine/worker.js';
import { tuneV8ForWorkers } from './v8-flags.js';

export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/plainspoke.cjs', import.meta.url));
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.v8cache`;
/** The cache for worker threads, made under the same V8 flags as the main one (src/boot/v8-flags.ts). */
export const WORKER_CODE_CACHE_FILE = `${BUNDLE_FILE}.worker.v8cache`;

export interface BundleExports {
  main: typeof main;
  lintInWorker: typeof lintInWorker;
  /** For the build's warm-up (scripts/bundle.mjs). */
  processIO: typeof processIO;
  StdStream: typeof StdStream;
  /**
   * For the build (scripts/bundle.mjs): the side bundles loaded so far (file name → vm.Script). The HTML modules
   * (html.cjs), the yaml package (yaml.cjs) and the care rules that run only on replies (care.cjs) are bundles of their
   * own next to the main one, each with its own code cache, loaded at their first use: a run that needs none of them
   * does not deserialise their code (issue 19).
   */
  readonly sideScripts?: Map<string, vm.Script>;
}

export interface LoadedBundle {
  exports: BundleExports;
  script: vm.Script;
  /** True when there was no cache or V8 refused it (another Node.js version). */
  cacheRejected: boolean;
}

/**
 * The bundled CLI, or undefined when it was not built (running the module tree) or PLAINSPOKE_NO_BUNDLE is set.
 * `cache`: which code cache to use. Both are made under WORKER_V8_FLAGS (issue 19), which a load with a cache
 * sets first, as bin/plainspoke.js does: V8 accepts only a cache made under the flags in force.
 */
export function loadBundle(options: { cache?: 'main' | 'worker' | false } = {}): LoadedBundle | undefined {
  if (process.env.PLAINSPOKE_NO_BUNDLE || !existsSync(BUNDLE_FILE)) return undefined;
  const cacheFile = options.cache === false ? undefined : options.cache === 'worker' ? WORKER_CODE_CACHE_FILE : CODE_CACHE_FILE;
  const { source, cachedData } = readBundleFiles(BUNDLE_FILE, cacheFile && existsSync(cacheFile) ? cacheFile : undefined);
  if (cachedData) tuneV8ForWorkers();
  // The bundle has no import(): scripts/bundle.mjs turns the external ones (jsdom, axe-core) into require().
  const script = new vm.Script(wrappedBundle(source), { filename: BUNDLE_FILE, cachedData });
  const module = { exports: {} as BundleExports };
  const init = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  init.call(module.exports, module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, dirname(BUNDLE_FILE));
  return { exports: module.exports, script, cacheRejected: !cachedData || script.cachedDataRejected === true };
}

/**
 * The same wrapper Node.js puts around a CommonJS file, on the first line so stack traces keep the bundle's line
 * numbers. The build writes it into the main bundle (scripts/bundle.mjs wrapBundle), so V8 compiles the string as read
 * (issue 19: joined here, the two strings were copied into one new string in V8's heap); bin/plainspoke.js checks
 * for the same text.
 */
export const BUNDLE_WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

/** `source` as a function of CommonJS's five arguments: as it is when the build wrapped it, else wrapped now. */
function wrappedBundle(source: string): string {
  return source.startsWith(BUNDLE_WRAPPER) ? source : `${BUNDLE_WRAPPER}${source}\n});`;
}

/**
 * A bundle's source and code cache, read through one buffer, as bin/plainspoke.js reads them (issue 19): the source is
 * copied out of it into a string (ASCII only, scripts/bundle.mjs checks, so latin1 gives the same one-byte string,
 * which Node.js keeps outside V8's heap for a large file), then the cache is read into the same memory, which V8 reads
 * only while it compiles. `cachedData` is undefined without `cacheFile` or when it cannot be read whole.
 */
function readBundleFiles(file: string, cacheFile: string | undefined): { source: string; cachedData: Buffer | undefined } {
  const fd = openSync(file, 'r');
  let cacheFd: number | undefined;
  try {
    try {
      cacheFd = cacheFile === undefined ? undefined : openSync(cacheFile, 'r');
    } catch {
      cacheFd = undefined;
    }
    const size = fstatSync(fd).size;
    const cacheSize = cacheFd === undefined ? 0 : fstatSync(cacheFd).size;
    const buffer = Buffer.allocUnsafeSlow(Math.max(size, cacheSize));
    const source = buffer.toString('latin1', 0, readAll(fd, buffer, size));
    const cachedData = cacheFd !== undefined && readAll(cacheFd, buffer, cacheSize) === cacheSize ? buffer.subarray(0, cacheSize) : undefined;
    return { source, cachedData };
  } finally {
    closeSync(fd);
    if (cacheFd !== undefined) closeSync(cacheFd);
  }
}

/** Reads up to `size` bytes of `fd` into the start of `buffer`; returns how many it read (fewer at the end of the file). */
function readAll(fd: number, buffer: Buffer, size: number): number {
  let done = 0;
  while (done < size) {
    const n = readSync(fd, buffer, done, size - done, done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
