/** Paths and globs → the sorted list of files to lint. Honours .gitignore and the config's `ignore`. */
import { statSync, type Stats } from 'node:fs';
import { trimEndChars } from '../util/text.js';
import { basename, dirname, isAbsolute, join, resolve, relative, sep } from 'node:path';
import picomatch from 'picomatch';
// globby loads only when a folder or glob is searched: `plainspoke one-file.md` (a pre-commit hook) never pays for it.
type Globby = typeof import('globby');
let globbyModule: Promise<Globby> | undefined;
const loadGlobby = (): Promise<Globby> => (globbyModule ??= import('globby'));
import { UsageError } from '../util/errors.js';
import { kindOfPath } from '../document/kind.js';
import { isJsonPath } from '../sources/settings.js';
import { toPosix } from '../config/resolve.js';
import { describeFileType } from '../util/read-file-safely.js';
import { searchFs, unreadableFolders } from './walk-fs.js';

export const EXTENSIONS = ['md', 'markdown', 'mdx', 'html', 'htm'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Discovered {
  absPath: string;
  /** Relative to cwd with `/` (CONTRACT: report paths). */
  path: string;
  /** Only these items of a big help-desk export (src/sources/shard.ts). */
  itemShard?: import('../types.js').ItemShard;
}

/** How ignores apply (issue 17, defect 9 and `--no-ignore` / `--ignore-path`). */
export interface DiscoverOptions {
  /** false (`--no-ignore`): neither .gitignore, the ignore file nor the config's `ignore` applies. */
  ignore?: boolean;
  /** `--ignore-path`: an absolute path to a file in .gitignore syntax, used instead of .gitignore files. */
  ignorePath?: string;
  /** Inputs that are explicitly named but ignored are noted here (one line each) and skipped. */
  warnings?: string[];
  /** Skip ignored inputs without a warning (`--changed`: the list comes from git, not from the user). */
  quietIgnored?: boolean;
  /** Whether a `.json` file is a help-desk export named by the config's `sources` (issue 16): only those are picked up by a folder or glob search. */
  isSource?: (abs: string) => boolean;
}

/**
 * Expands inputs. A file named on the command line is linted whatever its
 * extension says about it only if it is Markdown or HTML; a folder is searched
 * for Markdown and HTML; anything else is a glob, and `!glob` excludes what
 * the others found. An input that matches nothing is an error (CONTRACT:
 * exit 2). A named file or folder that is ignored (config `ignore`,
 * .gitignore, `--ignore-path`) is skipped with a warning, as ESLint does.
 */
export async function discover(inputs: readonly string[], cwd: string, isIgnored: (abs: string) => boolean, errors?: string[], options: DiscoverOptions = {}): Promise<Discovered[]> {
  const found = new Map<string, Discovered>();
  // Folders a search could not read: reported after the search, the rest is still linted (issue 20).
  const unreadable: string[] = [];
  // With an `errors` list, a bad input is noted and the other inputs are still linted.
  const fail = (e: UsageError) => {
    if (!errors) throw e;
    errors.push(e.message);
  };
  const useIgnores = options.ignore !== false;
  // .gitignore files are read afresh on each run (a long-lived editor server sees edits to them).
  gitignoreFilters.clear();
  folderMarks.clear();
  const ignoredByFile = useIgnores ? await ignoreFileFilter(options.ignorePath) : undefined;
  // A named file is checked against .gitignore here; a searched folder's files were filtered by globby already.
  const ignored = async (abs: string, named: boolean): Promise<boolean> =>
    useIgnores && (isIgnored(abs) || (ignoredByFile ? ignoredByFile(abs) : named && (await isGitIgnored(abs))));
  const warn = (input: string, what: string) => {
    if (options.quietIgnored) return;
    const line = `${input}: ${what} (use --no-ignore to lint it)`;
    if (options.warnings) options.warnings.push(line);
  };
  // Each folder's path from cwd, worked out once (issue 19): path.relative() resolves both paths again for every
  // file, and a run over 556 named files spent more on it than on their stats.
  const folderPaths = new Map<string, string>();
  const shownPath = (abs: string): string => {
    if (abs === cwd) return displayPath(abs, cwd);
    const dir = dirname(abs);
    let rel = folderPaths.get(dir);
    if (rel === undefined) folderPaths.set(dir, (rel = toPosix(relative(cwd, dir))));
    const name = abs.slice(dir.length + (dir.endsWith(sep) ? 0 : 1));
    return rel ? `${rel}/${name}` : name;
  };
  const add = (abs: string, stat?: Stats) => {
    if (found.has(abs)) return;
    const file: Discovered = { absPath: abs, path: shownPath(abs) };
    if (stat) namedStats.set(file, stat);
    found.set(abs, file);
  };
  // `!pattern` excludes (ESLint, markdownlint-cli2); a file really named `!x.md` is still a file.
  const positive: string[] = [];
  const negative: string[] = [];
  for (const input of inputs) {
    if (input.startsWith('!') && input.length > 1 && !existsQuietly(resolve(cwd, input))) negative.push(input.slice(1));
    else positive.push(input);
  }
  const excluded = negationMatcher(negative, cwd);
  for (const input of positive.length ? positive : ['.']) {
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
      if (!kindOfPath(abs) && !isJsonPath(abs)) fail(new UsageError(`${input}: is not a Markdown or HTML file (plainspoke lints ${EXTENSIONS.map((e) => `.${e}`).join(', ')})`));
      else if (excluded(abs)) continue;
      else if (await ignored(abs, true)) warn(input, 'is ignored, so it was skipped');
      else add(abs, stat);
      continue;
    }
    if (stat && !stat.isDirectory()) {
      // A FIFO, a device or a socket named on the command line (issue 20).
      fail(new UsageError(`${input}: ${describeFileType(stat)}`));
      continue;
    }
    let matches: string[];
    if (stat?.isDirectory()) {
      // A trailing slash lets folder-only patterns (`build/`) match the folder itself.
      if (abs !== cwd && ((await ignored(abs, true)) || (await ignored(`${abs}${sep}`, true)))) {
        warn(input, 'is an ignored folder, so it was skipped');
        continue;
      }
      matches = await search([`**/*.{${EXTENSIONS.join(',')}${options.isSource ? ',json' : ''}}`], abs, useIgnores && !options.ignorePath, unreadable);
      if (options.isSource) matches = matches.filter((p) => !isJsonPath(p) || options.isSource!(p));
    } else if ((await loadGlobby()).isDynamicPattern(input.replace(/\\/g, '/'))) {
      matches = (await search([input.replace(/\\/g, '/')], cwd, useIgnores && !options.ignorePath, unreadable)).filter((p) => kindOfPath(p) || (isJsonPath(p) && (isJsonPath(input) || Boolean(options.isSource?.(p)))));
    } else {
      fail(new UsageError(`${input}: no such file or folder`));
      continue;
    }
    matches = matches.filter((m) => !excluded(m));
    const kept: string[] = [];
    for (const m of matches) if (!(await ignored(m, false))) kept.push(m);
    if (kept.length === 0) {
      if (matches.length) warn(input, 'matches only ignored files, so they were skipped');
      else fail(new UsageError(`${input}: matches no Markdown or HTML files`));
      continue;
    }
    for (const m of kept) add(m);
  }
  for (const line of unreadableFolders(unreadable, (d) => displayPath(d, cwd))) fail(new UsageError(line));
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The stat that discover() took of a file named on the command line, by path (issue 19): the guard on
 * `-o` and `--cache-location` (output-targets.ts) compares each input's device and inode with the targets',
 * and took a second stat of each file for it. Undefined for a file found by a folder or glob search.
 */
export function namedFileStat(file: Discovered): Stats | undefined {
  return namedStats.get(file);
}

const namedStats = new WeakMap<Discovered, Stats>();

/** Whether one file (standard input's `--stdin-filename`) is ignored: the config's `ignore`, then .gitignore or `--ignore-path`. */
export async function isIgnoredFile(abs: string, isIgnored: (abs: string) => boolean, options: Pick<DiscoverOptions, 'ignore' | 'ignorePath'> = {}): Promise<boolean> {
  if (options.ignore === false) return false;
  if (isIgnored(abs)) return true;
  gitignoreFilters.clear();
  folderMarks.clear();
  const byFile = await ignoreFileFilter(options.ignorePath);
  return byFile ? byFile(abs) : isGitIgnored(abs);
}

function existsQuietly(abs: string): boolean {
  try {
    statSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** `!glob` inputs → a test on absolute paths (globs are relative to the working folder; a folder excludes what is in it). */
function negationMatcher(patterns: string[], cwd: string): (abs: string) => boolean {
  if (!patterns.length) return () => false;
  const globs = patterns.map((p) => {
    const g = trimEndChars(toPosix(isAbsolute(p) ? relative(cwd, p) : p).replace(/\\/g, '/').replace(/^\.\//, ''), '/');
    return g;
  });
  const test = picomatch(globs.flatMap((g) => [g, `${g}/**`]), { dot: true });
  return (abs) => test(toPosix(relative(cwd, abs)));
}

/** `--ignore-path`: a test built from one file in .gitignore syntax (its patterns are relative to its folder). */
async function ignoreFileFilter(file: string | undefined): Promise<((abs: string) => boolean) | undefined> {
  if (!file) return undefined;
  if (!existsQuietly(file)) throw new UsageError(`--ignore-path ${file}: no such file`);
  const filter = (await loadGlobby()).isIgnoredByIgnoreFilesSync(basename(file), { cwd: dirname(file), dot: true });
  return (abs) => filter(abs);
}

/**
 * Whether .gitignore files hide a file named on the command line (a searched
 * folder is filtered by globby itself). Reads only the .gitignore files
 * between the file and the repository's top folder.
 */
async function isGitIgnored(abs: string): Promise<boolean> {
  const found: string[] = [];
  let dir = dirname(abs);
  let top = dir;
  for (;;) {
    const marks = marksOf(dir);
    if (marks.gitignore) found.push(dir);
    top = dir;
    if (marks.git) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (!found.length) return false;
  const files = found.map((d) => toPosix(relative(top, join(d, '.gitignore'))));
  // Many named files (a pre-commit hook) share folders: read each set of .gitignore files once.
  const key = `${top}\0${files.join('\0')}`;
  let filter = gitignoreFilters.get(key);
  if (!filter) {
    filter = (await loadGlobby()).isIgnoredByIgnoreFilesSync(files, { cwd: top, dot: true });
    if (gitignoreFilters.size > 256) gitignoreFilters.clear();
    gitignoreFilters.set(key, filter);
  }
  return filter(abs);
}

const gitignoreFilters = new Map<string, (path: string) => boolean>();

/**
 * Whether a folder holds a .gitignore and a .git, asked once per folder in a run (issue 19): files named
 * on the command line share their folders, and asking for each file cost 12 stat calls a file, about 15%
 * of a warm-cache run over 556 files. Cleared where gitignoreFilters is, so a long-running server sees a
 * new .gitignore on its next request.
 */
function marksOf(dir: string): { gitignore: boolean; git: boolean } {
  let marks = folderMarks.get(dir);
  if (!marks) {
    marks = { gitignore: existsQuietly(join(dir, '.gitignore')), git: existsQuietly(join(dir, '.git')) };
    if (folderMarks.size > 4096) folderMarks.clear();
    folderMarks.set(dir, marks);
  }
  return marks;
}

const folderMarks = new Map<string, { gitignore: boolean; git: boolean }>();

async function search(patterns: string[], cwd: string, gitignore = true, unreadable: string[] = []): Promise<string[]> {
  const { globby } = await loadGlobby();
  return globby(patterns, {
    cwd,
    absolute: true,
    gitignore,
    ignore: ALWAYS_IGNORED,
    onlyFiles: true,
    dot: false,
    // Following links could leave the tree or loop; linked files are linted where they really are.
    followSymbolicLinks: false,
    suppressErrors: true,
    caseSensitiveMatch: true,
    // Notes folders it cannot read, and reads .gitignore files safely (walk-fs.ts, issue 20).
    fs: searchFs(unreadable, patterns, cwd) as never,
  });
}

export function displayPath(abs: string, cwd: string): string {
  const rel = toPosix(relative(cwd, abs));
  return rel || '.';
}
