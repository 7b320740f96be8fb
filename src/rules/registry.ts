/**
 * Every rule, by id. A rule's id equals its file name, its doc
 * (rules/<id>.md) and its fixture folder; test/rules-meta.test.ts checks that.
 * Heavy engines (jsdom, axe) are imported inside the rules that need them,
 * so loading this list stays cheap.
 */
import type { Rule } from './define-rule.js';
import unusedDisable from './meta/unused-disable.js';
import passiveVoice from './plain/passive-voice.js';

const RULES: Rule<object>[] = [
  // plain language
  passiveVoice,
  // meta
  unusedDisable,
] as Rule<object>[];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function allRules(): readonly Rule<object>[] {
  return RULES;
}

export function getRule(id: string): Rule<object> | undefined {
  return byId.get(id);
}

export function ruleIds(): string[] {
  return RULES.map((r) => r.id);
}
