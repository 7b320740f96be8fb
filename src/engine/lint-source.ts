/**
 * One file's pipeline: bytes → decode → parse once → rules → directives →
 * positions. Every failure becomes `FileResult.error` naming the file, so the
 * run goes on with the other files (DESIGN 5, unified-engine's chunk()).
 */
import { createHash } from 'node:crypto';
import { createDoc, frontmatterChannelOf, kindOfPath, type Doc, type DocKind } from '../document/document.js';
import { decode } from '../document/decode.js';
import type { ConfigResolver } from '../config/resolve.js';
import type { ResolvedSettings } from '../config/settings.js';
import { CHANNELS, type Channel, type FileResult, type FileTiming, type Finding, type RawFinding, type Suppressed } from '../types.js';
import { activeRules, LintTimeout, runRules, type RunOptions } from './run-rules.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { computeMetrics } from './metrics.js';
import { getRule } from '../rules/registry.js';
import { AXE_TWINS } from '../a11y/axe/catalog.js';
import { formatMessage } from '../rules/define-rule.js';
import { docsUrlFor } from '../rules/docs-url.js';
import { applyFixes } from './apply-fixes.js';
import { failed } from './failed.js';
import { ConfigError } from '../util/errors.js';

export interface SourceInput {
  /** Path shown in reports: relative to the working folder, `/` separators. */
  path: string;
  /** Absolute path, for the config cascade. */
  absPath: string;
  bytes: Uint8Array;
}

export interface LintOptions extends RunOptions {
  /** Apply safe fixes and return the fixed text. */
  fix?: boolean;
  /** Also compute fingerprints (baseline, SARIF). Cheap; on by default. */
  fingerprints?: boolean;
  /** Internal: which fix pass this is (fixes repeat until the text is stable). */
  fixPass?: number;
  /** Record milliseconds per stage and per rule in `FileResult.timing` (PLAINSPOKE_TIMING=1). Off: no cost. */
  timing?: boolean;
}

/** A fix can uncover another (overlaps, nested phrases): re-lint and fix again, at most this many times. */
export const MAX_FIX_PASSES = 10;

/** Rules whose findings are words `vocabulary.accept` can silence. */
const WORD_RULES = new Set(['jargon', 'undefined-acronym', 'simpler-words', 'inclusive-language', 'minimizing-language', 'passive-voice']);

export async function lintSource(input: SourceInput, resolver: ConfigResolver, opts: LintOptions = {}): Promise<FileResult> {
  const started = performance.now();
  const timing: FileTiming | undefined = opts.timing ? { totalMs: 0, stages: {}, rules: {} } : undefined;
  const result = await lintSourceTimed(input, resolver, opts, started, timing);
  if (timing) {
    timing.totalMs = round(performance.now() - started);
    result.timing = timing;
  }
  return result;
}

async function lintSourceTimed(input: SourceInput, resolver: ConfigResolver, opts: LintOptions, started: number, timing: FileTiming | undefined): Promise<FileResult> {
  let settings: ResolvedSettings;
  try {
    settings = resolver.resolve(input.absPath);
  } catch (e) {
    return failed(input.path, 'article', e);
  }
  const kind: DocKind = kindOfPath(input.path) ?? 'markdown';
  if (input.bytes.byteLength > settings.maxFileSize) {
    return failed(input.path, settings.channel, `${input.path}: is ${mb(input.bytes.byteLength)}, over the ${mb(settings.maxFileSize)} limit (raise maxFileSize in the config to lint it)`);
  }
  const decoded = decode(input.bytes);
  if (typeof decoded === 'string') return failed(input.path, settings.channel, `${input.path}: ${decoded}`);
  // The file's time budget (config `timeout`), checked between stages; a worker is also stopped from outside (pool.ts).
  const deadline = started + settings.timeout * 1000;
  try {
    let doc = createDoc(input.path, decoded.text, kind, settings.channel);
    const front = frontmatterChannelOf(doc);
    if (front !== undefined) {
      if (typeof front !== 'string' || !(CHANNELS as readonly string[]).includes(front)) {
        throw new ConfigError(input.path, 'plainspoke.channel', `in the front matter must be one of ${CHANNELS.join(', ')} (got ${JSON.stringify(front)})`);
      }
      settings = resolver.resolve(input.absPath, front as Channel);
      // A view with another channel; the prototype keeps the lazy parts (hast, sentences) lazy.
      doc = Object.create(doc, { channel: { value: settings.channel, enumerable: true } }) as Doc;
    }
    if (timing) timing.stages.parse = round(performance.now() - started);
    if (performance.now() > deadline) throw new LintTimeout(settings.timeout);
    return await lintDoc(doc, settings, { ...opts, deadline }, timing);
  } catch (e) {
    return failed(input.path, settings.channel, e);
  }
}

/** Lints a parsed Doc with resolved settings. `timing`, when given, receives milliseconds per stage and rule. */
export async function lintDoc(doc: Doc, settings: ResolvedSettings, opts: LintOptions = {}, timing?: FileTiming): Promise<FileResult> {
  if (timing) {
    // Build the lazy parts up front so their cost is not charged to whichever rule touches them first.
    let t = performance.now();
    void doc.sentences;
    timing.stages.sentences = round(performance.now() - t);
    if (activeRules(settings, opts).some((r) => r.family === 'a11y')) {
      t = performance.now();
      void doc.hast;
      timing.stages.hast = round(performance.now() - t);
    }
  }
  const rulesStarted = timing ? performance.now() : 0;
  let raw = await runRules(doc, settings, opts, timing?.rules);
  const finishStarted = timing ? performance.now() : 0;
  if (timing) timing.stages.rules = round(finishStarted - rulesStarted);
  const accept = settings.vocabulary.accept.map((w) => w.toLowerCase());
  if (accept.length) raw = raw.filter((f) => !(WORD_RULES.has(f.ruleId) && accept.includes(doc.slice(f.span).toLowerCase().trim())));
  raw = dedupe(raw);
  const directives = parseDirectives(doc.comments, doc.loc, doc.text.length);
  const { kept, suppressed } = applyDirectives(raw, directives);
  const unusedSetting = settings.rules['unused-disable'];
  if (unusedSetting && unusedSetting.severity !== 'off' && !opts.only) {
    const rule = getRule('unused-disable')!;
    for (const d of directives) {
      if (d.used) continue;
      // A disable for a rule that is off or not run in this channel is not "unused": it may matter elsewhere.
      if (d.ids.length && d.ids.every((id) => settings.rules[id]?.severity === 'off' || !getRule(id)?.channelList.includes(settings.channel))) continue;
      kept.push({
        ruleId: 'unused-disable',
        severity: unusedSetting.severity,
        message: formatMessage(rule.messages.unused, { ids: d.ids.length ? d.ids.join(', ') : '' }).replace('no  finding', 'no finding'),
        span: d.comment,
        source: 'plainspoke',
        docsUrl: docsUrlFor('unused-disable'),
      });
    }
  }
  const findings = kept.map((f) => toFinding(doc, f, opts.fingerprints !== false)).sort(byPosition);
  const result: FileResult = { path: doc.path, channel: doc.channel, findings, metrics: computeMetrics(doc) };
  if (suppressed.length) {
    result.suppressed = suppressed.map(({ finding, reason }) => {
      const p = doc.loc.point(finding.span.start);
      return { ruleId: finding.ruleId, line: p.line, column: p.column, ...(reason ? { reason } : {}) } satisfies Suppressed;
    });
  }
  if (timing) timing.stages.finish = round(performance.now() - finishStarted);
  if (opts.fix) {
    // Fix until nothing changes, so a second --fix run has nothing left to do; the result
    // then shows what is left in the fixed text (issue 5).
    const fixed = applyFixes(doc.text, kept);
    if (fixed !== doc.text) {
      const pass = opts.fixPass ?? 1;
      if (pass >= MAX_FIX_PASSES) return { ...result, fixedText: fixed };
      const next = await lintDoc(createDoc(doc.path, fixed, doc.kind, doc.channel), settings, { ...opts, fixPass: pass + 1 });
      return { ...next, fixedText: next.fixedText ?? fixed };
    }
  }
  return result;
}

/**
 * The same rule on the same span once (a rule may meet a span through two blocks), and an axe
 * finding once its content-rule twin flags the same element start (image-alt ↔ axe/image-alt…).
 */
function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  const starts = new Set(findings.map((f) => `${f.ruleId}\0${f.span.start}`));
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.span.start}\0${f.span.end}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !AXE_TWINS[f.ruleId]?.some((twin) => starts.has(`${twin}\0${f.span.start}`));
  });
}

function toFinding(doc: Doc, f: RawFinding, withFingerprint: boolean): Finding {
  const start = doc.loc.point(f.span.start);
  const end = doc.loc.point(Math.max(f.span.end, f.span.start));
  const finding: Finding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    source: f.source,
    ...(f.suggestions?.length ? { suggestions: f.suggestions } : {}),
    fixable: Boolean(f.fix),
    ...(f.docsUrl ? { docsUrl: f.docsUrl } : {}),
  };
  if (withFingerprint) finding.fingerprint = fingerprint(doc, f, start.line, end.line);
  return finding;
}

/** Rule id + path + the normalised sentence or element text — never the line number (CONTRACT "Baseline"). */
function fingerprint(doc: Doc, f: RawFinding, startLine: number, endLine: number): string {
  let context: string;
  if (f.context) context = doc.slice(f.context);
  else {
    const lines: string[] = [];
    for (let l = startLine; l <= Math.min(endLine, startLine + 20); l++) lines.push(doc.loc.lineText(l));
    context = lines.join('\n');
  }
  const normalised = context.replace(/\s+/g, ' ').trim().toLowerCase();
  const quoted = doc.slice(f.span).replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(`${f.ruleId}\0${doc.path}\0${normalised}\0${quoted}`).digest('hex').slice(0, 32);
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** A file that could not be linted: one line naming it (engine/failed.ts). */
export { failed };
