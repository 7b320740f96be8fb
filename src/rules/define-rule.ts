/** The shape of a rule and the helper that checks its metadata when it loads. */
import type { Channel, Fix, Severity, Span } from '../types.js';
import { CHANNELS, REPLY_CHANNELS } from '../types.js';
import type { Doc } from '../document/document.js';
import type { ResolvedSettings } from '../config/settings.js';

export type Family = 'plain' | 'care' | 'a11y' | 'meta';

/** JSON Schema (the subset ajv validates) for a rule's options. */
export type OptionsSchema = Record<string, unknown>;

export interface ReportInput {
  messageId: string;
  span: Span;
  /** Values for `{{name}}` slots in the message. */
  data?: Record<string, string | number>;
  suggestions?: string[];
  /** Only for fixes that are safe without review; the rule must be `fixable`. */
  fix?: Fix;
  /** Override the configured severity down to info (e.g. "check this"). */
  severity?: Severity;
  /** The engine that found it when not plainspoke itself (e.g. retext-passive). */
  source?: string;
  /** Sentence or element the baseline fingerprint should follow. */
  context?: Span;
  /** Extra help URL (axe rules carry their own). */
  docsUrl?: string;
  /** Report under another id (the axe adapter reports `axe/<id>`). */
  ruleId?: string;
}

export interface RuleContext<O = Record<string, unknown>> {
  readonly options: O;
  readonly severity: Severity;
  readonly channel: Channel;
  readonly settings: ResolvedSettings;
  report(r: ReportInput): void;
}

export interface RuleMeta<O> {
  /** Kebab-case id = file name = rules/<id>.md. */
  id: string;
  family: Family;
  /** One line for `rules` and SARIF. */
  description: string;
  defaultSeverity: Severity;
  /** Channels the rule runs in by default. */
  channels: 'all' | readonly Channel[];
  fixable: boolean;
  status: 'stable' | 'experimental';
  options: OptionsSchema;
  defaults: O;
  /** Option values per channel (e.g. sentence-length limits), merged over `defaults`. */
  channelDefaults?: Partial<Record<Channel, Partial<O>>>;
  messages: Record<string, string>;
  /** Heavy engines the rule needs, so runs without it never load them. */
  needs?: readonly ('dom' | 'axe')[];
  /** WCAG success criteria (a11y rules). */
  wcag?: readonly string[];
}

export interface Rule<O = Record<string, unknown>> extends RuleMeta<O> {
  check(doc: Doc, ctx: RuleContext<O>): void | Promise<void>;
  /** Channels as a list. */
  readonly channelList: readonly Channel[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Checks metadata once at load time so a broken rule fails fast in tests, not in a user's run. */
export function defineRule<O extends object>(rule: RuleMeta<O> & { check(doc: Doc, ctx: RuleContext<O>): void | Promise<void> }): Rule<O> {
  if (!ID.test(rule.id)) throw new Error(`Rule id '${rule.id}' must be kebab-case`);
  if (Object.keys(rule.messages).length === 0) throw new Error(`Rule '${rule.id}' has no messages`);
  for (const [id, msg] of Object.entries(rule.messages)) {
    if (/\.\s*$/.test(msg)) throw new Error(`Rule '${rule.id}' message '${id}' ends with a period`);
  }
  const channelList = rule.channels === 'all' ? CHANNELS : rule.channels;
  return { ...rule, channelList };
}

/** Reply channels, for care rules. */
export const replyChannels = REPLY_CHANNELS;

/** Fills `{{name}}` slots. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k in data ? String(data[k]) : `{{${k}}}`));
}
