/**
 * Strict checks of rules/*.yml against their JSON Schemas in rules/_schema/
 * (`additionalProperties: false`, a category enum per table), so a typo such as
 * `exeptions:` fails the build and the tests instead of quietly changing what a
 * rule finds. Errors name the file, line and column (yaml's LineCounter) and, for
 * an unknown key, the nearest known one.
 *
 * Runs only where YAML is read: the build (scripts/build-rule-data.mjs) and
 * tests. A built run reads the compiled dist/rule-data.json and never loads ajv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { distance } from 'fastest-levenshtein';
import type { Document, LineCounter as LineCounterType, Node as YamlNode } from 'yaml';
import { RuleDataError } from '../util/errors.js';

const require = createRequire(import.meta.url);

let ajv: import('ajv').Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let v = validators.get(schemaFile);
  if (!v) {
    if (!ajv) {
      const { Ajv } = require('ajv') as typeof import('ajv');
      ajv = new Ajv({ allErrors: false, strict: true });
    }
    v = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    validators.set(schemaFile, v);
  }
  return v;
}

function nearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** The schema's allowed property names at a JSON pointer of the instance (for suggestions). */
function knownKeys(schema: Record<string, unknown>, path: readonly (string | number)[]): string[] {
  let s: Record<string, unknown> | undefined = schema;
  for (const p of path) {
    if (!s) return [];
    if (typeof p === 'number') s = s.items as Record<string, unknown> | undefined;
    else s = (s.properties as Record<string, Record<string, unknown>> | undefined)?.[p];
    if (s && typeof s.$ref === 'string') {
      const name = s.$ref.replace('#/definitions/', '');
      s = (schema.definitions as Record<string, Record<string, unknown>>)[name];
    }
  }
  return Object.keys((s?.properties as object | undefined) ?? {});
}

function where(doc: Document, lines: LineCounterType, path: readonly (string | number)[], key?: string): string {
  const { isMap, isPair, isScalar } = require('yaml') as typeof import('yaml');
  let node = doc.getIn(path, true) as YamlNode | undefined;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  const offset = node?.range?.[0];
  if (offset === undefined) return '';
  const { line, col } = lines.linePos(offset);
  return `:${line}:${col}`;
}

function describe(err: ErrorObject, schema: Record<string, unknown>, path: (string | number)[]): { key?: string; text: string } {
  const at = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  const inside = at ? ` in ${at}` : '';
  if (err.keyword === 'additionalProperties') {
    const key = (err.params as { additionalProperty: string }).additionalProperty;
    const hint = nearest(key, knownKeys(schema, path));
    return { key, text: `unknown key '${key}'${inside}${hint ? ` (did you mean '${hint}'?)` : ''}` };
  }
  if (err.keyword === 'enum') {
    const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
    return { text: `${at || 'value'} must be one of: ${allowed.join(', ')}` };
  }
  return { text: `${at || 'the table'} ${err.message ?? 'is invalid'}` };
}

/**
 * Parses rules/<name>.yml and checks it against rules/_schema/<name>.schema.json.
 * Returns the parsed data; throws RuleDataError naming `rules/<name>.yml:line:col`.
 */
export function parseCheckedTable(rulesDir: string, name: string): unknown {
  const { LineCounter, parseDocument } = require('yaml') as typeof import('yaml');
  const display = `rules/${name}.yml`;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(join(rulesDir, `${name}.yml`), 'utf8'), { lineCounter: lines, customTags: [], merge: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new RuleDataError(pos ? `${display}:${pos.line}:${pos.col}` : display, e.message.split('\n')[0]);
  }
  const data = doc.toJS() as unknown;
  const schemaFile = join(rulesDir, '_schema', `${name}.schema.json`);
  if (!existsSync(schemaFile)) throw new RuleDataError(display, `has no schema: add rules/_schema/${name}.schema.json`);
  const validate = validatorFor(schemaFile);
  if (!validate(data)) {
    const err = validate.errors![0];
    const path = err.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    const { key, text } = describe(err, schema, path);
    throw new RuleDataError(`${display}${where(doc, lines, path, key)}`, text);
  }
  return data;
}
