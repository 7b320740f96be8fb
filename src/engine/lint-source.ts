/**
 * One file's pipeline: bytes → decode → parse once → rules → directives →
 * positions. Every failure becomes `FileResult.error` naming the file, so the
 * run goes on with the other files (DESIGN 5, unified-engine's chunk()).
 */
import { createHash } from 'node:crypto';
import { createDoc, frontmatterTextOf, kindOfPath, type Doc, type DocKind } from '../document/document.js';
import { frontSettings } from '../config/front-matter.js';
import { plainFrontMatter } from './plain-front-matter.js';
import { decode } from '../document/decode.js';
import type { ConfigResolver } from '../config/resolve.js';
import type { ResolvedSettings } from '../config/settings.js';
import { REPLY_CHANNELS, type FileResult, type FileTiming, type Finding, type RawFinding, type Suppressed } from '../types.js';
import { customerTurnSpans } from '../reply/script-turns.js';
import { activeRules, LintTimeout, runRules, type RunOptions } from './run-rules.js';
import { applyDirectives, parseDirectives, type Directive } from './directives.js';
import { computeMetrics } from './metrics.js';
import { allRules, getRule } from '../rules/registry.js';
import { formatMessage } from '../rules/define-rule.js';
import { docsUrlFor } from '../rules/docs-url.js';
import { applyFixes, dropUnsafeFixes } from './apply-fixes.js';
import { failed } from './failed.js';
import { isJsonPath } from '../sources/settings.js';
import { knownLanguage } from '../lexicon/language.js';

export interface SourceInput {
  /** Path shown in reports: relative to the working folder, `/` separators. */
  path: string;
  /** Absolute path, for the config cascade. */
  absPath: string;
  bytes: Uint8Array;
  /** Only these items of a big help-desk export (src/sources/shard.ts). */
  itemShard?: import('../types.js').ItemShard;
  /** The file's settings when the caller already resolved them (lintPath does, for the size limit): not resolved twice. */
  settings?: ResolvedSettings;
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
  /** `--no-inline-config`: ignore `plainspoke-disable` comments. */
  noInlineConfig?: boolean;
}

/** A fix can uncover another (overlaps, nested phrases): re-lint and fix again, at most this many times. */
export const MAX_FIX_PASSES = 10;

/** Rules whose findings are words `vocabulary.accept` can silence (their `acceptsVocabulary`). */
let wordRules: ReadonlySet<string> | undefined;
function acceptsVocabulary(ruleId: string): boolean {
  wordRules ??= new Set(allRules().filter((r) => r.acceptsVocabulary).map((r) => r.id));
  return wordRules.has(ruleId);
}

/** Finding id → the rules whose finding at the same start makes it a duplicate (rules' `yieldsTo`). */
let yielding: ReadonlyMap<string, readonly string[]> | undefined;
function yieldsTo(ruleId: string): readonly string[] | undefined {
  yielding ??= new Map(allRules().flatMap((r) => Object.entries(r.yieldsTo ?? {})));
  return yielding.get(ruleId);
}

export async function lintSource(input: SourceInput, resolver: ConfigResolver, opts: LintOptions = {}): Promise<FileResult> {
  const started = performance.now();
  const timing: FileTiming | undefined = opts.timing ? { totalMs: 0, stages: {}, rules: {} } : undefined;
  const result = await lintSourceTimed(input, resolver, opts, started, timing);
  // What the fix was computed from: --fix writes only if the file still holds exactly these bytes (issue 20).
  if (result.fixedText !== undefined) result.fixedFrom = createHash('sha256').update(input.bytes).digest('hex');
  if (timing) {
    timing.totalMs = round(performance.now() - started);
    result.timing = timing;
  }
  return result;
}

async function lintSourceTimed(input: SourceInput, resolver: ConfigResolver, opts: LintOptions, started: number, timing: FileTiming | undefined): Promise<FileResult> {
  let settings: ResolvedSettings;
  try {
    settings = input.settings ?? resolver.resolve(input.absPath);
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
    // A help-desk export (issue 16): every item is a document of its own (src/sources/).
    if (isJsonPath(input.path)) return await (await import('../sources/lint-export.js')).lintExport(input.path, input.absPath, decoded.text, resolver, settings, opts, input.itemShard);
    let doc = createDoc(input.path, decoded.text, kind, settings.channel);
    // `plainspoke: { channel, rules }` in front matter; broken front matter YAML is an error naming the line (issue 17).
    // Simple `key: value` front matter holds no settings and always parses: the yaml package is not loaded for it (issue 19).
    const frontText = frontmatterTextOf(doc);
    const front = frontText === undefined || plainFrontMatter(frontText) ? undefined : frontSettings(frontText, input.path);
    if (front) {
      settings = resolver.resolve(input.absPath, front);
      // A view with another channel; the prototype keeps the lazy parts (hast, sentences) lazy.
      if (settings.channel !== doc.channel) doc = Object.create(doc, { channel: { value: settings.channel, enumerable: true } }) as Doc;
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
  // In a script, the customer's turns are their words: only the care rules (which read them as the customer's) speak there.
  if (REPLY_CHANNELS.includes(doc.channel)) raw = withoutCustomerWords(doc, raw);
  const accept = settings.vocabulary.accept.map((w) => w.toLowerCase());
  if (accept.length) raw = raw.filter((f) => !(acceptsVocabulary(f.ruleId) && accept.includes(doc.slice(f.span).toLowerCase().trim())));
  // A fix may only change prose the rules read: one reaching code, a URL or an attribute is dropped (issue 20).
  raw = dropUnsafeFixes(doc, dedupe(raw));
  // --no-inline-config: disable comments are ignored (and so never reported as unused).
  const directives = opts.noInlineConfig ? [] : parseDirectives(doc.comments, doc.loc, doc.text.length);
  const { kept, suppressed } = applyDirectives(raw, directives);
  // Rules that report on the disable comments themselves (unused-disable), once every rule ran.
  if (!opts.only) kept.push(...checkDirectives(directives, settings, knownLanguage(doc)));
  const contexts: ContextHashes = new Map();
  const findings = kept.map((f) => rememberRaw(toFinding(doc, f, opts.fingerprints !== false, contexts), f)).sort(byPosition);
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
    const fixed = applyFixes(doc, kept);
    if (fixed !== doc.text) {
      const pass = opts.fixPass ?? 1;
      if (pass >= MAX_FIX_PASSES) return { ...result, fixedText: fixed };
      const next = await lintDoc(createDoc(doc.path, fixed, doc.kind, doc.channel), settings, { ...opts, fixPass: pass + 1 });
      return { ...next, fixedText: next.fixedText ?? fixed };
    }
  }
  return result;
}

/** Findings of the writing and accessibility rules that start in a customer's turn ("Customer: …") are dropped. */
function withoutCustomerWords(doc: Doc, raw: RawFinding[]): RawFinding[] {
  const turns = customerTurnSpans(doc);
  if (!turns.length) return raw;
  return raw.filter((f) => getRule(f.ruleId)?.family === 'care' || !turns.some((t) => f.span.start >= t.start && f.span.start < t.end));
}

/**
 * The same rule on the same span once (a rule may meet a span through two blocks), and a finding
 * whose id another rule's finding at the same start makes a duplicate (the rule's `yieldsTo`).
 */
function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<string>();
  const starts = new Set(findings.map((f) => `${f.ruleId}\0${f.span.start}`));
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.span.start}\0${f.span.end}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !yieldsTo(f.ruleId)?.some((twin) => starts.has(`${twin}\0${f.span.start}`));
  });
}

/** Findings of the rules that have `checkDirectives` and are on (unused-disable). */
function checkDirectives(directives: readonly Directive[], settings: ResolvedSettings, language: string | undefined): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of allRules()) {
    if (!rule.checkDirectives) continue;
    const setting = settings.rules[rule.id];
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    rule.checkDirectives(directives, {
      severity,
      channel: settings.channel,
      // A rule skipped for this file (off, another channel, or a language it does not understand) did not run.
      runs: (id) => {
        const r = getRule(id);
        if (!r || settings.rules[id]?.severity === 'off' || !r.channelList.includes(settings.channel)) return false;
        return !r.languages || language === undefined || r.languages.includes(language);
      },
      report: (r) => {
        out.push({
          ruleId: rule.id,
          severity: r.severity ?? severity,
          message: formatMessage(rule.messages[r.messageId], r.data),
          span: r.span,
          source: 'plainspoke',
          docsUrl: docsUrlFor(rule.id),
          messageId: r.messageId,
        });
      },
    });
  }
  return out;
}

/**
 * The raw finding (offsets, safe fix) behind each reported finding, for the language server's
 * ranges and code actions (src/lsp). A WeakMap: nothing is added to the report or its JSON.
 */
export const rawFindingOf = new WeakMap<Finding, RawFinding>();

function rememberRaw(finding: Finding, raw: RawFinding): Finding {
  rawFindingOf.set(finding, raw);
  return finding;
}

function toFinding(doc: Doc, f: RawFinding, withFingerprint: boolean, contexts: ContextHashes = new Map()): Finding {
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
    ...(f.messageId ? { messageId: f.messageId } : {}),
    ...(f.note ? { note: f.note } : {}),
  };
  if (withFingerprint) finding.fingerprint = fingerprint(doc, f, start.line, end.line, contexts);
  return finding;
}

/**
 * Hash states after rule id, path and context, by rule and context: many findings in one long
 * sentence (a 500 KB line of abbreviations) then hash and normalise it once, not once each (issue 20).
 */
type ContextHashes = Map<string, ReturnType<typeof createHash>>;

/** Rule id + path + the normalised sentence or element text — never the line number (CONTRACT "Baseline"). */
function fingerprint(doc: Doc, f: RawFinding, startLine: number, endLine: number, contexts: ContextHashes): string {
  const key = f.context ? `${f.ruleId}\0s${f.context.start}:${f.context.end}` : `${f.ruleId}\0l${startLine}:${Math.min(endLine, startLine + 20)}`;
  let base = contexts.get(key);
  if (!base) {
    let context: string;
    if (f.context) context = doc.slice(f.context);
    else {
      const lines: string[] = [];
      for (let l = startLine; l <= Math.min(endLine, startLine + 20); l++) lines.push(doc.loc.lineText(l));
      context = lines.join('\n');
    }
    const normalised = context.replace(/\s+/g, ' ').trim().toLowerCase();
    base = createHash('sha256').update(`${f.ruleId}\0${doc.path}\0${normalised}\0`);
    contexts.set(key, base);
  }
  const quoted = doc.slice(f.span).replace(/\s+/g, ' ').trim().toLowerCase();
  return base.copy().update(quoted).digest('hex').slice(0, 32);
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
