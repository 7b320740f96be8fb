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
  /** Milliseconds per stage and per rule; only with PLAINSPOKE_TIMING=1 (`npm run bench`). */
  timing?: FileTiming;
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
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}
