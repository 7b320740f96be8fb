/**
 * `--rule` values (issue 17): `id:severity`, `id:severity:{"max":20}`,
 * `id:[error,{max:10}]` (the config's form), or a whole map as in ESLint:
 * `{"sentence-length": ["error", {"max": 20}]}`.
 */
import { createRequire } from 'node:module';
import { UsageError, ConfigError } from '../util/errors.js';
import { parseSeverity } from '../config/settings.js';
import { getRule } from '../rules/registry.js';
import { knownRuleIds, type RawRuleEntry } from '../config/schema.js';
import { validateOptions } from '../config/options.js';
import { didYouMean } from '../util/suggest.js';

/** Reads `{max:20}`, `{"max": 20}` or `[error, {max: 10}]`: JSON first, then YAML flow syntax (data only, no tags). */
function parseValue(text: string, flag: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    /* not JSON: try the shorter form */
  }
  // `{max:10}` is one YAML key ("max:10"); a space after each `key:` makes it a key and a value.
  const spaced = text.replace(/([\w"'-]):(?=[^\s/])/g, '$1: ');
  const { parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const doc = parseDocument(spaced, { customTags: [], merge: false, strict: true, uniqueKeys: true });
  if (doc.errors.length) throw new UsageError(`--rule ${flag}: cannot read '${text}' (write options as JSON, e.g. --rule 'sentence-length:error:{"max":20}')`);
  return doc.toJS({ maxAliasCount: 0 });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entry(id: string, value: unknown, flag: string): RawRuleEntry {
  const rule = getRule(id);
  if (!rule) throw new UsageError(`--rule ${flag}: '${id}' is not a plainspoke rule${didYouMean(id, knownRuleIds())} (run 'plainspoke rules' to list them)`);
  let sev: unknown = value;
  let options: unknown;
  if (Array.isArray(value)) {
    if (value.length < 1 || value.length > 2) throw new UsageError(`--rule ${flag}: give [severity] or [severity, {options}]`);
    [sev, options] = value;
  }
  if (sev === undefined || sev === '') throw new UsageError(`--rule ${flag}: give a severity after the colon: off, info, warn or error`);
  const severity = parseSeverity(sev);
  if (!severity) throw new UsageError(`--rule ${flag}: ${JSON.stringify(sev)} is not a severity: use off, info, warn or error`);
  if (options === undefined || options === null) return { severity };
  if (!isObject(options)) throw new UsageError(`--rule ${flag}: the options must be an object such as {"max":20}`);
  try {
    validateOptions(rule, options, `--rule ${flag}`, 'options');
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  return { severity, options };
}

/** `--rule` flags → rule entries, in order (a later flag wins). */
export function parseRuleFlags(flags: readonly string[]): Record<string, RawRuleEntry> {
  const out: Record<string, RawRuleEntry> = {};
  for (const raw of flags) {
    const flag = raw.trim();
    if (flag.startsWith('{')) {
      const map = parseValue(flag, flag);
      if (!isObject(map)) throw new UsageError(`--rule ${flag}: give a map of rule ids to severities`);
      for (const [id, value] of Object.entries(map)) out[id] = entry(id, value, flag);
      continue;
    }
    const i = flag.indexOf(':');
    const id = (i === -1 ? flag : flag.slice(0, i)).trim();
    const rest = i === -1 ? '' : flag.slice(i + 1).trim();
    if (!getRule(id)) entry(id, 'off', flag);
    if (rest.startsWith('[')) {
      out[id] = entry(id, parseValue(rest, flag), flag);
      continue;
    }
    const j = rest.indexOf(':');
    const sev = j === -1 ? rest : rest.slice(0, j).trim();
    const opts = j === -1 ? undefined : rest.slice(j + 1).trim();
    out[id] = entry(id, opts ? [sev, parseValue(opts, flag)] : sev, flag);
  }
  return out;
}
