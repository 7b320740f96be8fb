/** Runs every enabled rule on a Doc and returns raw findings (offsets). */
import type { Doc } from '../document/document.js';
import type { ResolvedSettings } from '../config/settings.js';
import type { RawFinding, Severity } from '../types.js';
import { allRules } from '../rules/registry.js';
import { formatMessage, type ReportInput, type Rule } from '../rules/define-rule.js';
import { docsUrlFor } from '../rules/docs-url.js';

export interface RunOptions {
  /** Skip rules that need axe-core (and never load jsdom). */
  noAxe?: boolean;
  /** Only these rule ids (tests, `explain` examples). */
  only?: readonly string[];
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

export async function runRules(doc: Doc, settings: ResolvedSettings, opts: RunOptions = {}): Promise<RawFinding[]> {
  const findings: RawFinding[] = [];
  for (const rule of activeRules(settings, opts)) {
    const severity = settings.rules[rule.id].severity as Severity;
    const ctx = {
      options: effectiveOptions(rule, settings),
      severity,
      channel: settings.channel,
      settings,
      report(r: ReportInput) {
        const template = rule.messages[r.messageId];
        if (template === undefined) throw new Error(`rule '${rule.id}' has no message '${r.messageId}'`);
        const span = { start: Math.max(0, Math.min(r.span.start, doc.text.length)), end: Math.max(0, Math.min(Math.max(r.span.end, r.span.start), doc.text.length)) };
        findings.push({
          ruleId: r.ruleId ?? rule.id,
          severity: r.severity && rank(r.severity) < rank(severity) ? r.severity : severity,
          message: formatMessage(template, r.data),
          span,
          source: r.source ?? (rule.family === 'a11y' && r.ruleId?.startsWith('axe/') ? 'axe-core' : 'plainspoke'),
          docsUrl: r.docsUrl ?? docsUrlFor(rule.id),
          ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}),
          ...(r.fix && rule.fixable ? { fix: r.fix } : {}),
          ...(r.context ? { context: r.context } : {}),
        });
      },
    };
    try {
      await rule.check(doc, ctx);
    } catch (e) {
      throw new RuleCrash(rule.id, e);
    }
  }
  return findings;
}

function rank(s: Severity): number {
  return s === 'error' ? 2 : s === 'warning' ? 1 : 0;
}
