/**
 * "Allow this word in this repository": adds a word to `vocabulary.accept` in
 * the nearest config file, or makes a `.plainspoke.yml` when there is none.
 * YAML is edited through the `yaml` package's Document API, so comments,
 * key order and flow or block style stay as the writer left them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';

/** Config file names searched in each folder, nearest first (CONTRACT "Configuration"). */
const NAMES = ['.plainspoke.yml', '.plainspoke.yaml', '.plainspoke.json', 'package.json'] as const;

export interface ConfigEdit {
  /** The config file to change or create. */
  file: string;
  /** True when the file does not exist yet. */
  create: boolean;
  /** The file's text before (empty when it is created) and after the change. */
  before: string;
  after: string;
}

/** The nearest config file for a document: its folder, then up to `root` (or the file-system root). */
export function nearestConfig(docPath: string, root: string | undefined): string | undefined {
  let dir = dirname(docPath);
  for (;;) {
    for (const name of NAMES) {
      const p = join(dir, name);
      if (!existsSync(p)) continue;
      try {
        if (!statSync(p).isFile()) continue;
        if (name === 'package.json' && !hasPlainspokeKey(readFileSync(p, 'utf8'))) continue;
      } catch {
        continue;
      }
      return p;
    }
    if (existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir || (root !== undefined && relative(root, dir) === '')) return undefined;
    dir = up;
  }
}

function hasPlainspokeKey(text: string): boolean {
  try {
    const pkg = JSON.parse(text) as unknown;
    return Boolean(pkg && typeof pkg === 'object' && Object.prototype.hasOwnProperty.call(pkg, 'plainspoke'));
  } catch {
    return false;
  }
}

/**
 * The edit that accepts `word`: in `existing` (with its current text) when
 * given, else a new `.plainspoke.yml` in `newDir`. Undefined when the word is
 * already accepted there or the file cannot be read as a config.
 */
export function acceptWordEdit(word: string, existing: { file: string; text: string } | undefined, newDir: string): ConfigEdit | undefined {
  if (!existing) {
    const file = join(newDir, '.plainspoke.yml');
    return { file, create: true, before: '', after: `# plainspoke settings (see the README: "Configuration")\nvocabulary:\n  accept:\n    - ${yamlScalar(word)}\n` };
  }
  const { file, text } = existing;
  if (file.endsWith('.json')) {
    let data: unknown;
    try {
      data = text.trim() ? JSON.parse(text) : {};
    } catch {
      return undefined;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const root = file.endsWith('package.json') ? ((data as Record<string, unknown>).plainspoke as Record<string, unknown>) : (data as Record<string, unknown>);
    if (!root || typeof root !== 'object' || Array.isArray(root)) return undefined;
    const vocab = (root.vocabulary ??= {}) as Record<string, unknown>;
    if (typeof vocab !== 'object' || Array.isArray(vocab)) return undefined;
    const accept = (vocab.accept ??= []) as unknown[];
    if (!Array.isArray(accept)) return undefined;
    if (accept.includes(word)) return undefined;
    accept.push(word);
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
    return { file, create: false, before: text, after: `${JSON.stringify(data, null, indent)}\n` };
  }
  const YAML = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const doc = YAML.parseDocument(text);
  if (doc.errors.length) return undefined;
  if (doc.contents === null || doc.contents === undefined) doc.contents = doc.createNode({}) as never;
  if (!YAML.isMap(doc.contents)) return undefined;
  const accept = doc.getIn(['vocabulary', 'accept'], true);
  if (accept === undefined || accept === null || (YAML.isScalar(accept) && accept.value === null)) {
    const vocab = doc.get('vocabulary', true);
    if (vocab !== undefined && vocab !== null && !YAML.isMap(vocab) && !(YAML.isScalar(vocab) && vocab.value === null)) return undefined;
    if (!YAML.isMap(vocab)) doc.set('vocabulary', doc.createNode({ accept: [word] }));
    else vocab.set('accept', doc.createNode([word]));
  } else if (YAML.isSeq(accept)) {
    if (accept.items.some((i) => (YAML.isScalar(i) ? i.value : i) === word)) return undefined;
    accept.add(doc.createNode(word));
  } else return undefined;
  return { file, create: false, before: text, after: doc.toString() };
}

/** A word as a YAML scalar: plain when safe, else double-quoted. */
function yamlScalar(word: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._'-]*$/.test(word) && !/^(true|false|null|yes|no|on|off|~)$/i.test(word) && !/\s$/.test(word) ? word : JSON.stringify(word);
}
