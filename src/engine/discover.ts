/** Paths and globs → the sorted list of files to lint. Honours .gitignore and the config's `ignore`. */
import { statSync } from 'node:fs';
import { resolve, relative } from 'node:path';
// globby loads only when a folder or glob is searched: `plainspoke one-file.md` (a pre-commit hook) never pays for it.
type Globby = typeof import('globby');
let globbyModule: Promise<Globby> | undefined;
const loadGlobby = (): Promise<Globby> => (globbyModule ??= import('globby'));
import { UsageError } from '../util/errors.js';
import { kindOfPath } from '../document/kind.js';
import { toPosix } from '../config/resolve.js';

export const EXTENSIONS = ['md', 'markdown', 'mdx', 'html', 'htm'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovered {
  absPath: string;
  /** Relative to cwd with `/` (CONTRACT: report paths). */
  path: string;
}

/**
 * Expands inputs. A file named on the command line is linted whatever its
 * extension says about it only if it is Markdown or HTML; a folder is searched
 * for Markdown and HTML; anything else is a glob. An input that matches
 * nothing is an error (CONTRACT: exit 2).
 */
export async function discover(inputs: readonly string[], cwd: string, isIgnored: (abs: string) => boolean, errors?: string[]): Promise<Discovered[]> {
  const found = new Map<string, Discovered>();
  // With an `errors` list, a bad input is noted and the other inputs are still linted.
  const fail = (e: UsageError) => {
    if (!errors) throw e;
    errors.push(e.message);
  };
  const add = (abs: string) => {
    if (!found.has(abs)) found.set(abs, { absPath: abs, path: displayPath(abs, cwd) });
  };
  for (const input of inputs.length ? inputs : ['.']) {
    const abs = resolve(cwd, input);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' || code === 'EACCES') {
        fail(new UsageError(`${input}: ${code === 'ELOOP' ? 'is a symbolic link loop' : 'permission denied'}`));
        continue;
      }
      stat = undefined;
    }
    if (stat?.isFile()) {
      if (!kindOfPath(abs)) fail(new UsageError(`${input}: is not a Markdown or HTML file (plainspoke lints ${EXTENSIONS.map((e) => `.${e}`).join(', ')})`));
      else if (!isIgnored(abs)) add(abs);
      continue;
    }
    let matches: string[];
    if (stat?.isDirectory()) {
      matches = await search([`**/*.{${EXTENSIONS.join(',')}}`], abs);
    } else if ((await loadGlobby()).isDynamicPattern(input.replace(/\\/g, '/'))) {
      matches = (await search([input.replace(/\\/g, '/')], cwd)).filter((p) => kindOfPath(p));
    } else {
      fail(new UsageError(`${input}: no such file or folder`));
      continue;
    }
    const kept = matches.filter((m) => !isIgnored(m));
    if (kept.length === 0) {
      fail(new UsageError(matches.length ? `${input}: every file it matches is ignored` : `${input}: matches no Markdown or HTML files`));
      continue;
    }
    kept.forEach(add);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function search(patterns: string[], cwd: string): Promise<string[]> {
  const { globby } = await loadGlobby();
  return globby(patterns, {
    cwd,
    absolute: true,
    gitignore: true,
    ignore: ALWAYS_IGNORED,
    onlyFiles: true,
    dot: false,
    // Following links could leave the tree or loop; linked files are linted where they really are.
    followSymbolicLinks: false,
    suppressErrors: true,
    caseSensitiveMatch: true,
  });
}

export function displayPath(abs: string, cwd: string): string {
  const rel = toPosix(relative(cwd, abs));
  return rel || '.';
}
