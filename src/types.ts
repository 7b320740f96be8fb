/** Shared types: findings, channels, severities, spans. */

/** Every channel a file can be linted as (CONTRACT "Configuration"). */
export const CHANNELS = ['article', 'policy', 'macro', 'chat', 'email', 'phone', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels that are replies to a customer: the care rules run here. */
export const REPLY_CHANNELS: readonly Channel[] = ['macro', 'chat', 'email', 'phone', 'social'];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Half-open range of UTF-16 offsets into `Doc.text` (the file with any BOM removed). */
export interface Span {
  start: number;
  end: number;
}

/** A text edit a rule marks safe to apply without review. */
export interface Fix {
  span: Span;
  text: string;
}

/** A finding as rules produce it: offsets, not lines. */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  source: string;
  docsUrl?: string;
  suggestions?: string[];
  fix?: Fix;
  /** Text the baseline fingerprint is built from (the sentence or element); defaults to the span's lines. */
  context?: Span;
  /** The rule's message id: stable, for tests and tools (the text may change). */
  messageId?: string;
  /** Why it matters (a word list entry's note, or the rule's reason). */
  note?: string;
}

/** A finding as reports show it (CONTRACT "JSON report"). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  source: string;
  suggestions?: string[];
  fixable: boolean;
  docsUrl?: string;
  /** Stable hash of rule id, path and normalised context text (baseline, SARIF). */
  fingerprint?: string;
  /** For a finding inside a help-desk export: the item it is in (line/column point into the export file). */
  item?: ExportItem;
  /** The rule's message id: stable, for tests and tools (the text may change). */
  messageId?: string;
  /** Why it matters (a word list entry's note, or the rule's reason). */
  note?: string;
}

/** A finding hidden by an inline comment, kept with its reason. */
export interface Suppressed {
  ruleId: string;
  line: number;
  column: number;
  reason?: string;
}

export interface FileMetrics {
  words: number;
  sentences: number;
  gradeLevel: number;
  readingTimeMinutes: number;
  /** The content's language (ISO 639-1): declared by the file, set in the config, or detected (issue 14). */
  language?: string;
  care?: CareRubric;
}

export interface CareCriterion {
  met: boolean;
  line?: number;
}

export interface CareRubric {
  namesImpact: CareCriterion;
  offersNextStep: CareCriterion;
  timeFrame: CareCriterion;
  confirmsUnderstanding: CareCriterion;
  score: number;
}

export interface FileResult {
  path: string;
  channel: Channel;
  findings: Finding[];
  metrics?: FileMetrics;
  suppressed?: Suppressed[];
  /** Set when the file could not be linted (exit code 2); the message names the file. */
  error?: string;
  /** Fixed text when fixes were applied (never serialised to reports). */
  fixedText?: string;
  /** sha256 (hex) of the bytes `fixedText` was computed from: --fix writes only if the file still holds them (never serialised). */
  fixedFrom?: string;
  /** Milliseconds per stage and per rule; only with PLAINSPOKE_TIMING=1 (`npm run bench`). */
  timing?: FileTiming;
  /** Internal (never serialised): what one item shard of a big help-desk export hands over for merging (src/sources/shard.ts). */
  sourceShard?: unknown;
}

/** Where one file's time went (PLAINSPOKE_TIMING=1). Stages: read, parse, sentences, hast, rules, finish. */
export interface FileTiming {
  totalMs: number;
  stages: Record<string, number>;
  /** Time in each rule's check, by rule id. */
  rules: Record<string, number>;
}

export interface Report {
  tool: { name: 'plainspoke'; version: string };
  files: FileResult[];
  summary: Summary;
  baseline?: { hidden: number; fixed: number };
  /** Set on the report of a `--shard i/n` run, so `merge-reports` can check the set is complete. */
  shard?: { index: number; total: number };
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

/** Help-desk export formats (`--source-format`, config `sources`): src/sources/. */
export const SOURCE_FORMATS = ['zendesk-articles', 'zendesk-macros', 'intercom-articles', 'intercom-macros', 'freshdesk-articles', 'freshdesk-canned', 'helpscout-articles', 'helpscout-saved-replies'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Part of a big help-desk export's items, linted side by side with the others (0-based index of count). */
export interface ItemShard {
  index: number;
  count: number;
}

/** The item of a help-desk export a finding is in (report schema `item`). */
export interface ExportItem {
  platform: 'zendesk' | 'intercom' | 'freshdesk' | 'helpscout';
  kind: string;
  id: string | number;
  title?: string;
  locale?: string;
  /** The JSON field the text came from, e.g. `body` or `translated_content.fr.body`. */
  field?: string;
}
