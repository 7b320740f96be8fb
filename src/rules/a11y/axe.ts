/**
 * axe: runs axe-core on the file's HTML (Markdown rendered, raw HTML
 * included) in jsdom and reports each violation as `axe/<axe-id>` at the
 * element's line and column in the source. Which axe rules run, and why the
 * others do not, is in src/a11y/axe/catalog.ts and rules/axe.md.
 *
 * jsdom and axe-core load on the first file that needs them (dynamic import),
 * so `--no-axe` runs never load them.
 */
import { trimEndChars } from '../../util/text.js';
import { defineRule, type RuleContext } from '../define-rule.js';
import type { Doc } from '../../document/document.js';
import type { Severity } from '../../types.js';
import { AXE_RULES } from '../../a11y/axe/catalog.js';

type Options = Record<string, never>;

/** axe's impact → our severity (CONTRACT: critical/serious → error, moderate → warning, minor → info). */
export function severityOfImpact(impact: string | null | undefined): Severity {
  if (impact === 'critical' || impact === 'serious') return 'error';
  if (impact === 'moderate') return 'warning';
  return 'info';
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The axe rules to run on this file: the catalog's choice, then the config's `axe/<id>` entries. */
export function axeRulesFor(doc: Pick<Doc, 'fragment'>, settings: RuleContext['settings']): string[] {
  const out: string[] = [];
  for (const [id, entry] of Object.entries(AXE_RULES)) {
    const own = settings.rules[`axe/${id}`]?.severity;
    if (own === 'off') continue;
    if (own !== undefined || entry.mode === 'content' || (entry.mode === 'page' && !doc.fragment)) out.push(id);
  }
  return out;
}

/** Share of the file's time limit (config `timeout`) the axe stage may use. */
const BUDGET_SHARE = 0.5;

export default defineRule<Options>({
  id: 'axe',
  family: 'a11y',
  description: 'axe-core accessibility checks on the rendered HTML, reported as axe/<id>',
  defaultSeverity: 'error',
  channels: 'all',
  fixable: false,
  status: 'stable',
  needs: ['axe'],
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    violation: '{{help}}',
    budget: 'The accessibility checks took over {{seconds}} s, so {{count}} of them did not run: split the file or raise the timeout in the config',
    tooDeep: 'This file has tags nested more than {{limit}} levels deep, so the axe-core accessibility checks did not run on it',
    tooManyFrames: 'This file has more than {{limit}} frames, so the axe-core accessibility checks did not run on it',
  },
  async check(doc, ctx) {
    const rules = axeRulesFor(doc, ctx.settings);
    if (!rules.length) return;
    const { runAxe } = await import('../../a11y/axe/engine.js');
    const budgetMs = ctx.settings.timeout * 1000 * BUDGET_SHARE;
    const outcome = await runAxe({ hast: doc.hast, fragment: doc.fragment, text: doc.text, markdown: doc.kind === 'markdown', placeholders: doc.placeholders, rules, budgetMs });
    if (outcome.kind === 'not-rendered') {
      ctx.report({ messageId: outcome.skip === 'depth' ? 'tooDeep' : 'tooManyFrames', span: { start: 0, end: 0 }, data: { limit: outcome.limit }, severity: 'info' });
      return;
    }
    for (const f of outcome.findings) {
      let severity = severityOfImpact(f.impact);
      // `axe: warn` in a config lowers every axe finding to at most a warning; `axe/<id>: …` sets one rule (run-rules.ts).
      if (RANK[ctx.severity] < RANK[severity]) severity = ctx.severity;
      const span = headSpan(doc.text, f.start, f.end);
      ctx.report({
        messageId: 'violation',
        ruleId: `axe/${f.id}`,
        span,
        context: span,
        data: { help: trimEndChars(f.help.trim(), '.') },
        severity,
        source: 'axe-core',
        docsUrl: f.helpUrl,
      });
    }
    if (outcome.skipped.length) {
      ctx.report({ messageId: 'budget', span: { start: 0, end: 0 }, data: { seconds: Math.round(budgetMs / 100) / 10, count: outcome.skipped.length }, severity: 'info' });
    }
  },
});

/** The element's opening tag (HTML) or its first line (Markdown syntax), for the finding's end and the baseline. */
function headSpan(text: string, start: number, end: number): { start: number; end: number } {
  let stop = Math.min(Math.max(end, start), text.length);
  let quote = '';
  const tag = text[start] === '<';
  for (let i = start; i < stop; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      if (!tag || !quote) {
        stop = i;
        break;
      }
    }
    if (!tag || i === start) continue;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') {
      stop = i + 1;
      break;
    }
  }
  return { start, end: Math.max(stop, start) };
}
