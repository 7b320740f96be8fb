/**
 * Loads a module of the built module tree (dist/) from outside the start-up
 * bundle (src/boot/bundle.ts). The language server and the MCP server pull in
 * their protocol packages; kept out of the bundle, they cost `--version` and
 * a one-file lint nothing (issue 15: those times must not grow).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../util/package-root.js';

declare const PLAINSPOKE_BUNDLED: boolean | undefined;

/** `rel` is a path under dist/, e.g. `lsp/server.js`. */
export async function loadOutsideBundle<T>(rel: string): Promise<T> {
  // In the bundle, import() has no loader (vm.Script): require() of an ES module works from Node.js 20.19 on.
  if (typeof PLAINSPOKE_BUNDLED !== 'undefined' && PLAINSPOKE_BUNDLED) return createRequire(import.meta.url)(join(packageRoot, 'dist', rel)) as T;
  // A computed specifier, so the bundler leaves the module where it is.
  const url = new URL(`../../${rel}`, import.meta.url).href;
  return (await import(url)) as T;
}
