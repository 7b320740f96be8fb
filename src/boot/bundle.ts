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
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { main } from '../cli/main.js';
import type lintInWorker from '../engine/worker.js';
import { tuneV8 } from './v8-flags.js';

export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/plainspoke.cjs', import.meta.url));
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.v8cache`;

export interface BundleExports {
  main: typeof main;
  lintInWorker: typeof lintInWorker;
}

export interface LoadedBundle {
  exports: BundleExports;
  script: vm.Script;
  /** True when there was no cache or V8 refused it (another Node.js version). */
  cacheRejected: boolean;
}

/** The bundled CLI, or undefined when it was not built (running the module tree) or PLAINSPOKE_NO_BUNDLE is set. */
export function loadBundle(options: { useCache?: boolean } = {}): LoadedBundle | undefined {
  if (process.env.PLAINSPOKE_NO_BUNDLE || !existsSync(BUNDLE_FILE)) return undefined;
  // The cache was made under these V8 flags (scripts/bundle.mjs); under others V8 refuses it.
  tuneV8();
  const source = readFileSync(BUNDLE_FILE, 'utf8');
  let cachedData: Buffer | undefined;
  if (options.useCache !== false && existsSync(CODE_CACHE_FILE)) cachedData = readFileSync(CODE_CACHE_FILE);
  // The same wrapper Node.js puts around a CommonJS file, on the first line so stack traces keep the bundle's line numbers.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  // The bundle has no import(): scripts/bundle.mjs turns the external ones (jsdom, axe-core) into require().
  const script = new vm.Script(wrapped, { filename: BUNDLE_FILE, cachedData });
  const module = { exports: {} as BundleExports };
  const init = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  init.call(module.exports, module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, dirname(BUNDLE_FILE));
  return { exports: module.exports, script, cacheRejected: !cachedData || script.cachedDataRejected === true };
}
