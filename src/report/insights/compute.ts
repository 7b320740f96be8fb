/**
 * The numbers behind the insights report (`--format html`): totals, groups,
 * channels, rules, grades, the care rubric, "fix these first" and the loop
 * with a baseline or earlier reports. Pure: a report (and earlier reports) in,
 * plain data out; the markup lives in src/formatters/html/.
 *
 * Never per person: groups are folders (or the config's `groups` globs) and
 * channels. Nothing here reads git, authors or names.
 */
import type { Channel, FileResult, Finding, Report, Severity } from '../../types.js';
import { FAMILIES, familyOf, gradeTarget, type FamilyName } from './families.js';
import { groupsFor, type GroupSpec } from './groups.js';
import { countKeys, mean, median, per1000 } from './stats.js';
import type { SentenceOf } from './sentences.js';

/** An earlier JSON report (`--history`), named by its file. */
export interface EarlierReport {
  label: string;
  report: Report;
}

export interface InsightsOptions {
  groups?: readonly GroupSpec[];
  /** Earlier reports, oldest first. The last one is "the previous report". */
  history?: readonly EarlierReport[];
  sentenceOf?: SentenceOf;
}

export interface Totals {
  files: number;
  words: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  per1000: number;
  /** Share (0–1) of linted files with no error findings. */
  cleanShare: number;
  /** Mean care score (0–4) over replies; undefined with no replies. */
  care?: number;
  replies: number;
  failed: number;
}

export interface SliceRow {
  name: string;
  files: number;
  words: number;
  findings: number;
  errors: number;
  per1000: number;
  care?: number;
  replies: number;
  medianGrade?: number;
  /** The grade target of the slice's most common channel. */
  target: number;
  /** Files whose grade is above their channel's target. */
  overTarget: number;
}

export interface RuleRow {
  ruleId: string;
  family: FamilyName;
  findings: number;
  files: number;
  severity: Severity;
  docsUrl?: string;
}

export interface FamilyRow {
  family: FamilyName;
  findings: number;
}

export interface GradeBucket {
  label: string;
  /** Lowest grade in the bucket (inclusive) and highest (exclusive); Infinity for the last. */
  from: number;
  to: number;
  files: number;
}

export interface CareRow {
  key: 'namesImpact' | 'offersNextStep' | 'timeFrame' | 'confirmsUnderstanding';
  label: string;
  met: number;
  replies: number;
}

export interface Example {
  path: string;
  line: number;
  column: number;
  message: string;
  sentence?: string;
}

export interface Priority extends RuleRow {
  /** Severity weight × files affected. */
  score: number;
  examples: Example[];
}

export interface LoopCounts {
  /** `baseline` or the label of the previous report. */
  against: string;
  kind: 'baseline' | 'history';
  newFindings: number;
  fixed: number;
  remaining: number;
}

export interface Trend {
  labels: string[];
  series: { family: FamilyName; values: number[] }[];
}

export interface ShownFinding extends Finding {
  sentence?: string;
  /** The same for findings in the same sentence (they share one quote). */
  sentenceKey?: string;
}

export interface FileView {
  path: string;
  channel: Channel;
  group: string;
  error?: string;
  metrics?: FileResult['metrics'];
  findings: ShownFinding[];
}

export interface Insights {
  version: string;
  totals: Totals;
  /** What the headline compares with: the previous report, or the baseline's counts. */
  before?: { label: string; totals: Partial<Totals>; now?: Partial<Totals> };
  groups: SliceRow[];
  channels: SliceRow[];
  rules: RuleRow[];
  families: FamilyRow[];
  grades: GradeBucket[];
  /** Grade targets of the channels in the report. */
  targets: { channel: Channel; target: number }[];
  care: CareRow[];
  priorities: Priority[];
  /** The files whose fixes count most: severity weights summed, the highest first. */
  topFiles: { path: string; group: string; score: number; errors: number; warnings: number; infos: number }[];
  loop?: LoopCounts;
  trend?: Trend;
  files: FileView[];
  /** Files with no findings and no error. */
  clean: number;
  fixable: number;
}

const WEIGHT: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Rules shown under "fix these first", and examples for each. */
export const PRIORITY_RULES = 8;
export const PRIORITY_EXAMPLES = 3;
/** Files shown under "fix these first". */
export const TOP_FILES = 5;

export const CARE_CRITERIA: readonly { key: CareRow['key']; label: string }[] = [
  { key: 'namesImpact', label: 'Names the impact' },
  { key: 'offersNextStep', label: 'Offers a next step' },
  { key: 'timeFrame', label: 'Gives a time frame' },
  { key: 'confirmsUnderstanding', label: 'Checks understanding' },
];

const BUCKETS: readonly [string, number, number][] = [
  ['under 5', -Infinity, 5],
  ['5 to 6', 5, 6],
  ['6 to 7', 6, 7],
  ['7 to 8', 7, 8],
  ['8 to 9', 8, 9],
  ['9 to 10', 9, 10],
  ['10 to 11', 10, 11],
  ['11 to 12', 11, 12],
  ['12 to 14', 12, 14],
  ['14 and up', 14, Infinity],
];

/** Files that have prose to grade: a grade of a handful of words means little. */
const MIN_WORDS_FOR_GRADE = 30;

export function totalsOf(report: Report): Totals {
  const linted = report.files.filter((f) => !f.error);
  const words = linted.reduce((n, f) => n + (f.metrics?.words ?? 0), 0);
  const findings = report.files.reduce((n, f) => n + f.findings.length, 0);
  const cares = linted.flatMap((f) => (f.metrics?.care ? [f.metrics.care.score] : []));
  const clean = linted.filter((f) => !f.findings.some((x) => x.severity === 'error')).length;
  return {
    files: report.files.length,
    words,
    findings,
    errors: report.summary.errors,
    warnings: report.summary.warnings,
    infos: report.summary.infos,
    per1000: per1000(findings, words),
    cleanShare: linted.length ? clean / linted.length : 1,
    care: mean(cares),
    replies: cares.length,
    failed: report.files.length - linted.length,
  };
}

function slice(name: string, files: readonly FileResult[]): SliceRow {
  const linted = files.filter((f) => !f.error);
  const words = linted.reduce((n, f) => n + (f.metrics?.words ?? 0), 0);
  const findings = files.reduce((n, f) => n + f.findings.length, 0);
  const cares = linted.flatMap((f) => (f.metrics?.care ? [f.metrics.care.score] : []));
  const graded = linted.filter((f) => f.metrics && f.metrics.words >= MIN_WORDS_FOR_GRADE);
  const byChannel = countKeys(linted.map((f) => f.channel));
  const main = ([...byChannel].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'article') as Channel;
  return {
    name,
    files: files.length,
    words,
    findings,
    errors: files.reduce((n, f) => n + f.findings.filter((x) => x.severity === 'error').length, 0),
    per1000: per1000(findings, words),
    care: mean(cares),
    replies: cares.length,
    medianGrade: median(graded.map((f) => f.metrics!.gradeLevel)),
    target: gradeTarget(main),
    overTarget: graded.filter((f) => f.metrics!.gradeLevel > gradeTarget(f.channel)).length,
  };
}

function bySlice(files: readonly FileResult[], keyOf: (f: FileResult) => string): SliceRow[] {
  const m = new Map<string, FileResult[]>();
  for (const f of files) {
    const k = keyOf(f);
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  }
  return [...m].map(([k, list]) => slice(k, list)).sort((a, b) => b.per1000 - a.per1000 || a.name.localeCompare(b.name));
}

function ruleRows(files: readonly FileResult[]): RuleRow[] {
  const m = new Map<string, RuleRow & { paths: Set<string> }>();
  for (const file of files) {
    for (const f of file.findings) {
      let row = m.get(f.ruleId);
      if (!row) {
        row = { ruleId: f.ruleId, family: familyOf(f.ruleId), findings: 0, files: 0, severity: f.severity, paths: new Set() };
        m.set(f.ruleId, row);
      }
      row.findings++;
      row.paths.add(file.path);
      if (RANK[f.severity] < RANK[row.severity]) row.severity = f.severity;
      if (!row.docsUrl && f.docsUrl) row.docsUrl = f.docsUrl;
    }
  }
  return [...m.values()]
    .map(({ paths, ...row }) => ({ ...row, files: paths.size }))
    .sort((a, b) => b.findings - a.findings || a.ruleId.localeCompare(b.ruleId));
}

function familyRows(rules: readonly RuleRow[]): FamilyRow[] {
  return FAMILIES.map((f) => ({ family: f.id, findings: rules.filter((r) => r.family === f.id).reduce((n, r) => n + r.findings, 0) })).filter((f) => f.findings > 0 || f.family === 'plain' || f.family === 'care' || f.family === 'a11y');
}

function familyCounts(report: Report): Map<FamilyName, number> {
  const m = new Map<FamilyName, number>();
  for (const file of report.files) for (const f of file.findings) m.set(familyOf(f.ruleId), (m.get(familyOf(f.ruleId)) ?? 0) + 1);
  return m;
}

/** A finding's identity across runs: its fingerprint (line-free), else rule, path and message. */
export function findingKey(path: string, f: Finding): string {
  return f.fingerprint ?? `${f.ruleId}\0${path}\0${f.message}`;
}

/** New, fixed and remaining findings between an earlier report and this one (files in both only count as fixed). */
export function compareReports(before: Report, now: Report): { newFindings: number; fixed: number; remaining: number } {
  const old = countKeys(before.files.flatMap((file) => file.findings.map((f) => findingKey(file.path, f))));
  const linted = new Set(now.files.filter((f) => !f.error).map((f) => f.path));
  let remaining = 0;
  let newFindings = 0;
  for (const file of now.files) {
    for (const f of file.findings) {
      const k = findingKey(file.path, f);
      const n = old.get(k) ?? 0;
      if (n > 0) {
        old.set(k, n - 1);
        remaining++;
      } else newFindings++;
    }
  }
  let fixed = 0;
  for (const file of before.files) {
    if (!linted.has(file.path)) continue;
    for (const f of file.findings) {
      const k = findingKey(file.path, f);
      const n = old.get(k) ?? 0;
      if (n > 0) {
        old.set(k, n - 1);
        fixed++;
      }
    }
  }
  return { newFindings, fixed, remaining };
}

export function computeInsights(report: Report, options: InsightsOptions = {}): Insights {
  const files = report.files;
  const groupOf = groupsFor(
    files.map((f) => f.path),
    options.groups,
  );
  const totals = totalsOf(report);
  const rules = ruleRows(files);
  const linted = files.filter((f) => !f.error);

  const grades = BUCKETS.map(([label, from, to]) => ({ label, from, to, files: 0 }));
  for (const f of linted) {
    if (!f.metrics || f.metrics.words < MIN_WORDS_FOR_GRADE) continue;
    const g = f.metrics.gradeLevel;
    const b = grades.find((x) => g >= x.from && g < x.to);
    if (b) b.files++;
  }
  const channelsSeen = [...new Set(linted.map((f) => f.channel))].sort();
  const targets = channelsSeen.map((channel) => ({ channel, target: gradeTarget(channel) }));

  const replies = linted.filter((f) => f.metrics?.care);
  const care = replies.length
    ? CARE_CRITERIA.map(({ key, label }) => ({ key, label, met: replies.filter((f) => f.metrics!.care![key].met).length, replies: replies.length }))
    : [];

  const sentenceOf = options.sentenceOf;
  const locate = (file: FileResult, f: Finding) => (sentenceOf ? sentenceOf(file.path, file.channel, f) : undefined);

  const priorities: Priority[] = rules
    .map((r) => ({ ...r, score: WEIGHT[r.severity] * r.files, examples: [] as Example[] }))
    .sort((a, b) => b.score - a.score || b.findings - a.findings || a.ruleId.localeCompare(b.ruleId))
    .slice(0, PRIORITY_RULES);
  for (const p of priorities) {
    // Examples from different files, the worst severity first.
    for (const file of files) {
      if (p.examples.length >= PRIORITY_EXAMPLES) break;
      const f = file.findings.find((x) => x.ruleId === p.ruleId && x.severity === p.severity);
      if (f) p.examples.push({ path: file.path, line: f.line, column: f.column, message: f.message, sentence: locate(file, f)?.text });
    }
  }

  const topFiles = files
    .filter((file) => file.findings.length)
    .map((file) => {
      const n = (sev: Severity) => file.findings.filter((x) => x.severity === sev).length;
      return { path: file.path, group: groupOf(file.path), score: file.findings.reduce((t, x) => t + WEIGHT[x.severity], 0), errors: n('error'), warnings: n('warning'), infos: n('info') };
    })
    .sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, TOP_FILES);

  let before: Insights['before'];
  let loop: LoopCounts | undefined;
  let trend: Trend | undefined;
  const history = options.history ?? [];
  if (history.length) {
    const prev = history[history.length - 1];
    before = { label: prev.label, totals: totalsOf(prev.report) };
    loop = { against: prev.label, kind: 'history', ...compareReports(prev.report, report) };
    const all = [...history.map((h) => ({ label: h.label, counts: familyCounts(h.report) })), { label: 'this report', counts: familyCounts(report) }];
    const fams = FAMILIES.map((f) => f.id).filter((id) => all.some((r) => (r.counts.get(id) ?? 0) > 0));
    trend = { labels: all.map((r) => r.label), series: fams.map((family) => ({ family, values: all.map((r) => r.counts.get(family) ?? 0) })) };
  } else if (report.baseline) {
    // The report holds only findings that are new since the baseline; the hidden ones remain.
    const { hidden, fixed } = report.baseline;
    const newFindings = totals.findings;
    loop = { against: 'the baseline', kind: 'baseline', newFindings, fixed, remaining: hidden };
    const baseCount = hidden + fixed;
    const nowCount = hidden + newFindings;
    before = { label: 'the baseline', totals: { findings: baseCount, per1000: per1000(baseCount, totals.words) }, now: { findings: nowCount, per1000: per1000(nowCount, totals.words) } };
  }

  const fileViews: FileView[] = files
    .filter((f) => f.findings.length || f.error)
    .map((file) => ({
      path: file.path,
      channel: file.channel,
      group: groupOf(file.path),
      ...(file.error ? { error: file.error } : {}),
      metrics: file.metrics,
      findings: file.findings.map((f) => {
        const at = locate(file, f);
        return at ? { ...f, sentence: at.text, sentenceKey: at.key } : f;
      }),
    }));

  return {
    version: report.tool.version,
    totals,
    before,
    groups: bySlice(files, (f) => groupOf(f.path)),
    channels: bySlice(files, (f) => f.channel),
    rules,
    families: familyRows(rules),
    grades,
    targets,
    care,
    priorities,
    topFiles,
    loop,
    trend,
    files: fileViews,
    clean: files.length - fileViews.length,
    fixable: report.summary.fixable,
  };
}

