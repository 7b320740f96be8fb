/** Runs every enabled rule on a Doc and returns raw findings (offsets). */
import type { Doc } from '../document/document.js';
import type { ResolvedSettings } from '../config/settings.js';
import type { RawFinding, Severity } from '../types.js';
import { allRules } from '../rules/registry.js';
import { formatMessage, type ReportInput, type Rule } from '../rules/define-rule.js';
import { docsUrlFor } from '../rules/docs-url.js';
import { languageOf } from '../lexicon/language.js';
import { useBrowser } from '../a11y/axe/browser-path.js';

export interface RunOptions {
  /** Skip rules that need axe-core (and never load jsdom). */
  noAxe?: boolean;
  /** `--browser`: the Chromium program the axe rule runs in (issue 19); jsdom when undefined. */
  browser?: string;
  /** Only these rule ids (tests, `explain` examples). */
  only?: readonly string[];
  /** `performance.now()` after which the file is given up (the config's `timeout`); checked between rules. */
  deadline?: number;
  /**
   * Awaited before each rule when given: the thread that hands files to the workers lints files too, and only
   * between two awaits can it take a worker's result and send that worker its next file (lint-files.ts).
   */
  between?: () => Promise<void> | undefined;
}

/** A file took longer than its time budget (config `timeout`, seconds). The same words whether the budget
 * ran out between two rules or a worker had to be stopped (pool.ts). */
export class LintTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`took longer than ${seconds} s to lint, so it was stopped (raise 'timeout' in the config to give it more time)`);
    this.name = 'LintTimeout';
  }
}

/** A rule that threw: the file gets an error and the run exits 2 (DESIGN 5). */
export class RuleCrash extends Error {
  constructor(
    readonly ruleId: string,
    cause: unknown,
  ) {
    super(`Cannot run rule '${ruleId}': ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/** Options in force: the rule's defaults, then its channel defaults, then the user's. */
export function effectiveOptions(rule: Rule<object>, settings: ResolvedSettings): Record<string, unknown> {
  return { ...(rule.defaults as object), ...(rule.channelDefaults?.[settings.channel] ?? {}), ...settings.rules[rule.id]?.options };
}

/** Rules that run on this file: enabled, meant for its channel, and allowed by the options. */
export function activeRules(settings: ResolvedSettings, opts: RunOptions = {}): Rule<object>[] {
  return allRules().filter((rule) => {
    const sev = settings.rules[rule.id]?.severity ?? 'off';
    if (sev === 'off' || rule.family === 'meta') return false;
    if (!rule.channelList.includes(settings.channel)) return false;
    if (opts.noAxe && rule.needs?.includes('axe')) return false;
    if (opts.only && !opts.only.includes(rule.id)) return false;
    return true;
  });
}

export async function runRules(doc: Doc, settings: ResolvedSettings, opts: RunOptions = {}, ruleTimes?: Record<string, number>): Promise<RawFinding[]> {
  const findings: RawFinding[] = [];
  useBrowser(opts.browser);
  // The file's language (issue 14): rules that declare the languages they understand skip the others.
  const language = await languageOf(doc, settings.language);
  for (const rule of activeRules(settings, opts)) {
    if (rule.languages && !rule.languages.includes(language)) continue;
    if (opts.between) await opts.between();
    if (opts.deadline !== undefined && performance.now() > opts.deadline) throw new LintTimeout(settings.timeout);
    const started = ruleTimes ? performance.now() : 0;
    const severity = settings.rules[rule.id].severity as Severity;
    const ctx = {
      options: effectiveOptions(rule, settings),
      severity,
      channel: settings.channel,
      settings,
      language,
      report(r: ReportInput) {
        const template = rule.messages[r.messageId];
        if (template === undefined) throw new Error(`rule '${rule.id}' has no message '${r.messageId}'`);
        const span = { start: Math.max(0, Math.min(r.span.start, doc.text.length)), end: Math.max(0, Math.min(Math.max(r.span.end, r.span.start), doc.text.length)) };
        // A finding under another id (the axe adapter's `axe/<id>`): that id's own config entry
        // (`axe/region: off`, `--rule axe/image-alt:error`) wins, else the severity the rule gives
        // (axe's impact) stands as is, not capped by the reporting rule's severity.
        const sub = r.ruleId !== undefined && r.ruleId !== rule.id;
        const own = sub ? settings.rules[r.ruleId!]?.severity : undefined;
        if (own === 'off') return;
        findings.push({
          ruleId: r.ruleId ?? rule.id,
          severity: own ?? (sub && r.severity ? r.severity : r.severity && rank(r.severity) < rank(severity) ? r.severity : severity),
          message: formatMessage(template, r.data),
          span,
          // A rule that wraps another engine names it (the axe rule reports `source: 'axe-core'`).
          source: r.source ?? 'plainspoke',
          docsUrl: r.docsUrl ?? docsUrlFor(rule.id),
          ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}),
          ...(r.fix && rule.fixable ? { fix: r.fix } : {}),
          ...(r.context ? { context: r.context } : {}),
          messageId: r.messageId,
          ...(noteOf(r) ? { note: noteOf(r) } : {}),
        });
      },
    };
    try {
      await rule.check(doc, ctx);
    } catch (e) {
      throw new RuleCrash(rule.id, e);
    }
    if (ruleTimes) ruleTimes[rule.id] = Math.round((performance.now() - started) * 100) / 100;
  }
  if (opts.deadline !== undefined && performance.now() > opts.deadline) throw new LintTimeout(settings.timeout);
  return findings;
}

/** The why of a finding: the rule's own note, else the word list entry's note it quoted. */
function noteOf(r: ReportInput): string | undefined {
  if (r.note) return r.note;
  const n = r.data?.note;
  return typeof n === 'string' && n ? n : undefined;
}

function rank(s: Severity): number {
  return s === 'error' ? 2 : s === 'warning' ? 1 : 0;
}
