/**
 * A file's own settings from its front matter (CONTRACT "Configuration"):
 *   plainspoke: { channel: chat, rules: { sentence-length: [warn, { max: 15 }] } }
 * Broken front matter YAML is an error naming the file and the line (issue 17, defect 10).
 */
import { createRequire } from 'node:module';
import { CHANNELS, type Channel } from '../types.js';
import { ConfigError } from '../util/errors.js';
import { assertNoPrototypeKeys, parseRules, type RawRuleEntry } from './schema.js';

export interface FrontSettings {
  channel?: Channel;
  rules?: Record<string, RawRuleEntry>;
}

const KEYS = ['channel', 'rules'];

/** `yaml` is loaded once per process, and only when a file has front matter. */
let yamlModule: typeof import('yaml') | undefined;
function loadYaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/**
 * Reads `yaml` (the text between the `---` lines, which start on line 1).
 * Returns undefined when there is no `plainspoke` key; throws a ConfigError
 * for YAML that does not parse, or a `plainspoke` key that is wrong.
 */
export function frontSettings(yaml: string | undefined, path: string): FrontSettings | undefined {
  if (yaml === undefined || yaml.trim() === '') return undefined;
  const { parseDocument } = loadYaml();
  const doc = parseDocument(yaml, { customTags: [], merge: false, uniqueKeys: false, prettyErrors: true, stringKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    // The YAML starts after the opening `---` on line 1.
    const line = (problem.linePos?.[0]?.line ?? 0) + 1;
    const msg = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${path}:${line}`, '', `has front matter that is not valid YAML: ${msg}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError(path, '', `has front matter that is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(data, 'plainspoke')) return undefined;
  const ps = (data as Record<string, unknown>).plainspoke;
  if (ps === null || ps === undefined) return undefined;
  if (typeof ps !== 'object' || Array.isArray(ps)) throw new ConfigError(path, 'plainspoke', 'in the front matter must be a map such as { channel: chat }');
  assertNoPrototypeKeys(ps, path, 'plainspoke');
  const out: FrontSettings = {};
  for (const k of Object.keys(ps)) if (!KEYS.includes(k)) throw new ConfigError(path, `plainspoke.${k}`, `in the front matter is not a known key (use ${KEYS.join(' or ')})`);
  const { channel, rules } = ps as Record<string, unknown>;
  if (channel !== undefined) {
    if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
      throw new ConfigError(path, 'plainspoke.channel', `in the front matter must be one of ${CHANNELS.join(', ')} (got ${JSON.stringify(channel)})`);
    }
    out.channel = channel as Channel;
  }
  if (rules !== undefined) out.rules = parseRules(rules, path, 'plainspoke.rules');
  return out;
}
