/**
 * Every rule, by id. A rule's id equals its file name, its doc
 * (rules/<id>.md) and its fixture folder; test/rules-meta.test.ts checks that.
 * Heavy engines (jsdom, axe) are imported inside the rules that need them,
 * so loading this list stays cheap.
 */
import type { Rule } from './define-rule.js';
import blameLanguage from './care/blame-language.js';
import roboticPhrase from './care/robotic-phrase.js';
import acknowledgeImpact from './care/acknowledge-impact.js';
import timeBoundCommitment from './care/time-bound-commitment.js';
import holdPermission from './care/hold-permission.js';
import confirmUnderstanding from './care/confirm-understanding.js';
import publicPrivacy from './care/public-privacy.js';
import placeholderSyntax from './care/placeholder-syntax.js';
import unusedDisable from './meta/unused-disable.js';
import passiveVoice from './plain/passive-voice.js';
import readability from './plain/readability.js';
import sentenceLength from './plain/sentence-length.js';
import simplerWords from './plain/simpler-words.js';
import jargon from './plain/jargon.js';
import undefinedAcronym from './plain/undefined-acronym.js';
import inclusiveLanguage from './plain/inclusive-language.js';
import minimizingLanguage from './plain/minimizing-language.js';
import imageAlt from './a11y/image-alt.js';
import altTextQuality from './a11y/alt-text-quality.js';
import linkText from './a11y/link-text.js';
import headingOrder from './a11y/heading-order.js';
import sensoryLanguage from './a11y/sensory-language.js';
import mediaAlternatives from './a11y/media-alternatives.js';
import tableHeaders from './a11y/table-headers.js';
import colorContrast from './a11y/color-contrast.js';
import axe from './a11y/axe.js';
import { isAxeRuleId } from '../a11y/axe/catalog.js';

const RULES: Rule<object>[] = [
  // plain language
  passiveVoice,
  readability,
  sentenceLength,
  simplerWords,
  jargon,
  undefinedAcronym,
  inclusiveLanguage,
  minimizingLanguage,
  // accessibility
  imageAlt,
  altTextQuality,
  linkText,
  headingOrder,
  sensoryLanguage,
  mediaAlternatives,
  tableHeaders,
  colorContrast,
  axe,
  // care in replies
  blameLanguage,
  roboticPhrase,
  acknowledgeImpact,
  timeBoundCommitment,
  holdPermission,
  confirmUnderstanding,
  publicPrivacy,
  placeholderSyntax,
  // meta
  unusedDisable,
] as Rule<object>[];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function allRules(): readonly Rule<object>[] {
  return RULES;
}

/** A rule by id; `axe/<axe-id>` (an axe-core rule, for config and --rule) gives the axe rule that reports it. */
export function getRule(id: string): Rule<object> | undefined {
  return byId.get(id) ?? (isAxeRuleId(id) ? byId.get('axe') : undefined);
}

export function ruleIds(): string[] {
  return RULES.map((r) => r.id);
}
