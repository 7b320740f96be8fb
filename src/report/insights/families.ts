/** Rule families and channel targets for the insights report, read from the rule registry. */
import { getRule } from '../../rules/registry.js';
import type { Channel } from '../../types.js';

export type FamilyName = 'plain' | 'care' | 'a11y' | 'meta' | 'other';

/** The order families are shown in, with the words the report uses for them. */
export const FAMILIES: readonly { id: FamilyName; label: string }[] = [
  { id: 'plain', label: 'Plain language' },
  { id: 'care', label: 'Care in replies' },
  { id: 'a11y', label: 'Accessibility' },
  { id: 'meta', label: 'Comments' },
  { id: 'other', label: 'Other' },
];

export function familyOf(ruleId: string): FamilyName {
  if (ruleId.startsWith('axe/')) return 'a11y';
  return (getRule(ruleId)?.family as FamilyName | undefined) ?? 'other';
}

export function familyLabel(id: FamilyName): string {
  return FAMILIES.find((f) => f.id === id)?.label ?? id;
}

/** The reading grade a channel aims for: the readability rule's own target for that channel. */
export function gradeTarget(channel: Channel): number {
  const rule = getRule('readability');
  const defaults = (rule?.defaults ?? {}) as { target?: number };
  const own = (rule?.channelDefaults?.[channel] ?? {}) as { target?: number };
  return own.target ?? defaults.target ?? 8;
}
