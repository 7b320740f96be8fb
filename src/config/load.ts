/** Reads config files safely: YAML or JSON data only, never code. */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError } from '../util/errors.js';
import { validateConfig, type ConfigLayer } from './schema.js';

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

/** Reads and validates one config file. Returns undefined for a package.json without a `plainspoke` key. */
export function readConfigFile(path: string): ConfigLayer | undefined {
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) throw new ConfigError(path, '', 'is larger than 1 MB; a config file should be small');
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(path, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const name = basename(path);
  let data: unknown;
  if (name === 'package.json') {
    let pkg: unknown;
    try {
      pkg = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(path, '', `is not valid JSON: ${(e as Error).message}`);
    }
    if (!pkg || typeof pkg !== 'object' || !Object.prototype.hasOwnProperty.call(pkg, 'plainspoke')) return undefined;
    data = (pkg as Record<string, unknown>).plainspoke;
    return validateConfig(data, `${path}#plainspoke`, dirname(path));
  }
  if (path.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(path, '', `is not valid JSON: ${(e as Error).message}`);
    }
  } else {
    data = parseYamlSafe(text, path);
  }
  return validateConfig(data, path, dirname(path));
}

/** Expands `extends` (presets are handled by the caller; file paths are read here), refusing loops. */
export function expandExtends(layer: ConfigLayer, seen: string[] = []): { layers: ConfigLayer[]; presets: string[] } {
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
    const parent = readConfigFile(target);
    if (!parent) continue;
    const sub = expandExtends(parent, chain);
    layers.push(...sub.layers, parent);
    presets.push(...sub.presets);
  }
  return { layers, presets };
}
