/**
 * What scripts/doc-bad-expects.mjs and scripts/fixture-message-ids.mjs share: the repository root,
 * the command line (flags and paths), and one file linted by the built linter (dist/, so run
 * `npm run build` first) with a config given as data, the way the tests lint fixtures and examples.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (p) => pathToFileURL(join(repo, 'dist', p)).href;
const { ConfigResolver } = await import(dist('config/resolve.js'));
const { lintSource } = await import(dist('engine/lint-source.js'));

/** The command line: `flag('--dry-run')` says whether a flag is given; `paths` are the other words. */
export function commandLine(argv = process.argv.slice(2)) {
  return { flag: (name) => argv.includes(name), paths: argv.filter((a) => !a.startsWith('--')) };
}

/**
 * Lints `bytes` as the file `absPath` (reported as `path`) with `config` (named `origin` in config
 * errors) and the lint `options`. Returns the result, or undefined when the file cannot be linted:
 * then it prints `<failure>: <error>` and sets the exit code to 1.
 */
export async function lintFixture({ path, absPath, bytes, config, origin, options = {}, failure }) {
  const resolver = ConfigResolver.fromData(config, origin, dirname(absPath));
  const result = await lintSource({ path, absPath, bytes }, resolver, options);
  if (!result.error) return result;
  console.error(`${failure}: ${result.error}`);
  process.exitCode = 1;
  return undefined;
}
