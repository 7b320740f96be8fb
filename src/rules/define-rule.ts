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
  /** Why this matters, for the reader of the report; defaults to `data.note` (a word list entry's note). */
  note?: string;
}

export interface RuleContext<O = Record<string, unknown>> {
  readonly options: O;
  readonly severity: Severity;
  readonly channel: Channel;
  readonly settings: ResolvedSettings;
  /** The file's language (ISO 639-1, e.g. 'en', 'fr'): declared, configured or detected (issue 14). */
  readonly language?: string;
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
  /** Languages (ISO 639-1) the rule understands; left out, it runs on every language. The engine skips it on others. */
  languages?: readonly string[];
  /** WCAG success criteria (a11y rules). */
  wcag?: readonly string[];
  /** The severity `plainspoke:strict` gives it; left out, one step above `defaultSeverity`. */
  strictSeverity?: Severity;
  /** Its findings are words: the config's `vocabulary.accept` silences a finding whose text is an accepted word. */
  acceptsVocabulary?: boolean;
  /**
   * Findings it reports under another id that another rule also makes: `{ 'axe/image-alt': ['image-alt'] }`
   * drops an `axe/image-alt` finding where `image-alt` flags the same start (the clearer message wins).
   */
  yieldsTo?: Readonly<Record<string, readonly string[]>>;
  /**
   * Reports on the disable comments after every rule ran and the comments were applied (unused-disable).
   * Runs only when every rule ran (no `only` list): a comment for a rule that did not run looks unused.
   */
  checkDirectives?(directives: readonly DirectiveInfo[], ctx: DirectiveContext): void;
}

/** A `plainspoke-disable…` comment after the findings were matched against it. */
export interface DirectiveInfo {
  /** Rule ids it names; empty: every rule. */
  readonly ids: readonly string[];
  /** The comment itself. */
  readonly comment: Span;
  /** Whether it hid at least one finding. */
  readonly used: boolean;
  /** Ids that name no rule, each with a "did you mean" hint (may be empty). */
  readonly unknown?: readonly { id: string; hint: string }[];
}

export interface DirectiveContext {
  /** The rule's configured severity. */
  readonly severity: Severity;
  readonly channel: Channel;
  /** Whether the rule runs on this file: on in the config and meant for this channel. */
  runs(ruleId: string): boolean;
  /** Like `RuleContext.report`; `severity` here may also raise the configured one. */
  report(r: Pick<ReportInput, 'messageId' | 'span' | 'data' | 'severity'>): void;
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
