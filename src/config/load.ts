/** Reads config files safely: YAML or JSON data only, never code. */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError } from '../util/errors.js';
import { validateConfig, type ConfigLayer } from './schema.js';
import { describeFileType, isInside, readFileSafelySync, repositoryRoot, type LinkPolicy } from '../util/read-file-safely.js';

/** Names searched in each folder, nearest wins; `package.json` only counts with a `plainspoke` key. */
export const CONFIG_NAMES = ['.plainspoke.yml', '.plainspoke.yaml', '.plainspoke.json', 'package.json'] as const;

/** Config files can't be huge; refusing big ones keeps a hostile repo from eating memory. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Parses YAML with no custom tags and bounded aliases (a "billion laughs" file fails fast). */
export function parseYamlSafe(text: string, file: string): unknown {
  // yaml loads on first use: a folder without a YAML config never pays for it (issue 6, start-up time).
  const { parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const doc = parseDocument(text, { customTags: [], merge: false, uniqueKeys: true, prettyErrors: true, strict: true, stringKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    const msg = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const key = /tag/i.test(msg) ? 'custom tags are not allowed' : msg;
    throw new ConfigError(`${file}${line ? `:${line}` : ''}`, '', `is not valid YAML: ${key}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new ConfigError(file, '', `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * A JSON syntax error without the text around it: V8's messages quote the
 * file ("Unexpected token 'r', "root:x:0:0"... is not valid JSON"), and a
 * config's error must never echo what it read (issue 20).
 */
export function jsonErrorWhere(e: unknown, text: string): string {
  const m = /position (\d+)/.exec((e as Error).message ?? '');
  if (!m) return /end of JSON input/i.test((e as Error).message ?? '') ? ' (it ends too early)' : '';
  const at = Math.min(Number(m[1]), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return ` (line ${line}, column ${at - lineStart + 1})`;
}

/**
 * Reads and validates one config file. Returns undefined for a package.json without a `plainspoke` key.
 * Read safely (issue 20): a FIFO, a device or a file over 1 MB is refused without reading it.
 * `links`: how a symbolic link at `path` is treated (configs found by the search follow links).
 */
export function readConfigFile(path: string, links: LinkPolicy = 'follow'): ConfigLayer | undefined {
  const read = readFileSafelySync(path, { limit: MAX_CONFIG_BYTES, links });
  if (!read.ok) {
    if (read.code === 'TOO_BIG') throw new ConfigError(path, '', 'is larger than 1 MB; a config file should be small');
    if (read.code === 'NOT_REGULAR' || read.code.startsWith('LINK')) throw new ConfigError(path, '', `${read.reason}; a config must be a regular file`);
    throw new ConfigError(path, '', read.code === 'ENOENT' ? 'cannot be read (ENOENT)' : read.reason);
  }
  let text = read.bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const name = basename(path);
  let data: unknown;
  if (name === 'package.json') {
    let pkg: unknown;
    try {
      pkg = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(path, '', `is not valid JSON${jsonErrorWhere(e, text)}`);
    }
    if (!pkg || typeof pkg !== 'object' || !Object.prototype.hasOwnProperty.call(pkg, 'plainspoke')) return undefined;
    data = (pkg as Record<string, unknown>).plainspoke;
    return validateConfig(data, `${path}#plainspoke`, dirname(path));
  }
  if (path.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(path, '', `is not valid JSON${jsonErrorWhere(e, text)}`);
    }
  } else {
    data = parseYamlSafe(text, path);
  }
  return validateConfig(data, path, dirname(path));
}

/**
 * Expands `extends` (presets are handled by the caller; file paths are read here), refusing loops.
 * A file must be inside the repository (issue 20): the nearest folder above the config that holds
 * `.git`, or else the working folder `cwd`. Links are followed only when they stay inside it, and
 * a refused file is never read, so no error can echo what it holds.
 */
export function expandExtends(layer: ConfigLayer, seen: string[] = [], cwd: string = process.cwd()): { layers: ConfigLayer[]; presets: string[] } {
  const layers: ConfigLayer[] = [];
  const presets: string[] = [];
  const chain = [...seen, resolve(layer.file.replace(/#plainspoke$/, ''))];
  for (const ext of layer.extends) {
    if (ext.startsWith('plainspoke:')) {
      if (ext !== 'plainspoke:recommended' && ext !== 'plainspoke:strict') {
        throw new ConfigError(layer.file, 'extends', `names an unknown preset '${ext}' (use plainspoke:recommended or plainspoke:strict)`);
      }
      presets.push(ext.slice('plainspoke:'.length));
      continue;
    }
    if (!/\.(ya?ml|json)$/i.test(ext)) {
      throw new ConfigError(layer.file, 'extends', `'${ext}' must be a preset or a .yml/.yaml/.json file (configs never load code)`);
    }
    const target = resolve(layer.dir, ext.replace(/\\/g, '/'));
    if (chain.includes(target)) throw new ConfigError(layer.file, 'extends', `makes a loop: ${[...chain, target].join(' → ')}`);
    const parent = readConfigFile(insideRepository(target, layer, ext, cwd), 'refuse');
    if (!parent) continue;
    const sub = expandExtends(parent, chain, cwd);
    layers.push(...sub.layers, parent);
    presets.push(...sub.presets);
  }
  return { layers, presets };
}

/** The real path of an `extends` file, or a ConfigError when it (or a link on its way) leads out of the repository. */
function insideRepository(target: string, layer: ConfigLayer, ext: string, cwd: string): string {
  const root = repositoryRoot(resolve(layer.dir), resolve(cwd));
  const outside = () => new ConfigError(layer.file, 'extends', `'${ext}' is outside the repository: name a preset or a file inside ${root}`);
  if (!isInside(target, root)) throw outside();
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return target; // missing: readConfigFile says so
  }
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  if (!isInside(real, realRoot)) {
    // A link to /dev/zero or a FIFO elsewhere: say what it is (it is never opened).
    const kind = statSync(real);
    if (!kind.isFile()) throw new ConfigError(layer.file, 'extends', `'${ext}' ${describeFileType(kind)}; a config must be a regular file`);
    throw outside();
  }
  return real;
}
