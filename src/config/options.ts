/** Rule options validated against each rule's JSON Schema (ajv). */
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ValidateFunction } from 'ajv';
import type { Rule } from '../rules/define-rule.js';
import { ConfigError } from '../util/errors.js';

// ajv loads on first use: a run with no config options never pays for it (issue 6, start-up time).
let ajv: AjvType | undefined;
function getAjv(): AjvType {
  if (!ajv) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    ajv = new Ajv({ allErrors: false, strict: true, useDefaults: false });
  }
  return ajv;
}
const compiled = new Map<string, ValidateFunction>();

export function optionsValidator(rule: Rule<object>): ValidateFunction {
  let v = compiled.get(rule.id);
  if (!v) {
    v = getAjv().compile(rule.options);
    compiled.set(rule.id, v);
  }
  return v;
}

/** Throws a ConfigError naming the option when the options break the rule's schema. */
export function validateOptions(rule: Rule<object>, options: unknown, file: string, key: string): void {
  const validate = optionsValidator(rule);
  if (validate(options)) return;
  const err = validate.errors?.[0];
  if (!err) throw new ConfigError(file, key, 'has invalid options');
  const path = err.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (err.keyword === 'additionalProperties') {
    const extra = (err.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys((rule.options as { properties?: object }).properties ?? {});
    throw new ConfigError(file, `${key}.${path ? `${path}.` : ''}${extra}`, `is not an option of '${rule.id}'${known.length ? ` (options: ${known.join(', ')})` : ' (it has no options)'}`);
  }
  throw new ConfigError(file, path ? `${key}.${path}` : key, String(err.message ?? 'is invalid'));
}
