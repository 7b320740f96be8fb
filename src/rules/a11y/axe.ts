/**
 * axe: runs axe-core on the file's HTML (Markdown rendered, raw HTML
 * included) in jsdom and reports each violation as `axe/<axe-id>` at the
 * element's line and column in the source. Which axe rules run, and why the
 * others do not, is in src/a11y/axe/catalog.ts and rules/axe.md.
 *
 * jsdom and axe-core load on the first file that needs them (dynamic import),
 * so `--no-axe` runs never load them.
 */
import type { Root as HastRoot, RootContent } from 'hast';
import { trimEndChars } from '../../util/text.js';
import { defineRule, type RuleContext } from '../define-rule.js';
import type { Doc } from '../../document/document.js';
import type { Severity } from '../../types.js';
import { AXE_RULES, AXE_TWINS } from '../../a11y/axe/catalog.js';
// Type only (erased): the engine itself, with jsdom and axe-core, loads when the rule runs.
import type { AxeFinding } from '../../a11y/axe/engine.js';
import { markdownParseStarted } from '../../document/parse-markdown.js';
import { BROWSER_RULES, browserInUse } from '../../a11y/axe/browser-path.js';

type Options = Record<string, never>;

/** axe's impact → our severity (CONTRACT: critical/serious → error, moderate → warning, minor → info). */
export function severityOfImpact(impact: string | null | undefined): Severity {
  if (impact === 'critical' || impact === 'serious') return 'error';
  if (impact === 'moderate') return 'warning';
  return 'info';
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The catalog with each rule's config key, made once (issue 19: building the keys for every file showed in profiles). */
let catalog: { id: string; key: string; entry: (typeof AXE_RULES)[string] }[] | undefined;

/** The axe rules to run on this file: the catalog's choice, then the config's `axe/<id>` entries. */
export function axeRulesFor(doc: Pick<Doc, 'fragment'>, settings: RuleContext['settings'], browser = false): string[] {
  catalog ??= Object.entries(AXE_RULES).map(([id, entry]) => ({ id, key: `axe/${id}`, entry }));
  const out: string[] = [];
  for (const { id, key, entry } of catalog) {
    const own = settings.rules[key]?.severity;
    if (own === 'off') continue;
    // In a real browser (--browser) the rules that need a layout run too.
    if (own !== undefined || entry.mode === 'content' || (entry.mode === 'page' && !doc.fragment) || (browser && BROWSER_RULES.includes(id))) out.push(id);
  }
  return out;
}

/** Share of the file's time limit (config `timeout`) the axe stage may use. */
const BUDGET_SHARE = 0.5;
/** axe must be done by this share of the time limit, counted from the start of the parse, so the rules after it and the report still fit. */
const DONE_BY_SHARE = 0.8;
/** Below this many milliseconds left, axe does not start at all. */
const MIN_BUDGET_MS = 1000;

/**
 * Big Markdown is checked a section at a time (issue 7): jsdom never holds a
 * 5 MB page, and what is checked before the time runs out is reported.
 * Sections start at `h1` and `h2` only, so `heading-order` (which compares a
 * heading with the one before it) gives the same answer as on the whole page.
 * `threshold` and `target` are source characters; internal (tests force them
 * small), not config keys.
 */
export const axeSections = { threshold: 256 * 1024, target: 32 * 1024 };

export default defineRule<Options>({
  id: 'axe',
  family: 'a11y',
  description: 'axe-core accessibility checks on the rendered HTML, reported as axe/<id>',
  defaultSeverity: 'error',
  channels: 'all',
  fixable: false,
  status: 'stable',
  needs: ['axe'],
  // Where a content rule flags the same element, its clearer finding is kept (image-alt ↔ axe/image-alt…).
  yieldsTo: AXE_TWINS,
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    violation: '{{help}}',
    violationCounted: '{{help}} ({{count}} elements like this in one {{container}})',
    review: 'Needs review: {{help}} (the browser check could not decide, so check it by eye)',
    reviewCounted: 'Needs review: {{help}} ({{count}} elements like this in one {{container}}; the browser check could not decide, so check them by eye)',
    budget: 'The accessibility checks took over {{seconds}} s, so {{count}} of them did not run: split the file or raise the timeout in the config',
    tooDeep: 'This file has tags nested more than {{limit}} levels deep, so the axe-core accessibility checks did not run on it',
    tooManyFrames: 'This file has more than {{limit}} frames, so the axe-core accessibility checks did not run on it',
    stopped: 'The accessibility checks took over {{seconds}} s on this file, so they did not all run from line {{line}} on: split the file or raise the timeout in the config',
    noTime: 'Reading this file took most of its {{seconds}} s time limit, so the axe-core accessibility checks did not run on it: split the file or raise the timeout in the config',
  },
  async check(doc, ctx) {
    const browserPath = browserInUse();
    const rules = axeRulesFor(doc, ctx.settings, browserPath !== undefined);
    if (!rules.length) return;
    const timeoutMs = ctx.settings.timeout * 1000;
    const started = markdownParseStarted(doc.mdast);
    const elapsed = started === undefined ? 0 : performance.now() - started;
    const budgetMs = Math.min(timeoutMs * BUDGET_SHARE, timeoutMs * DONE_BY_SHARE - elapsed);
    if (budgetMs < MIN_BUDGET_MS) {
      ctx.report({ messageId: 'noTime', span: { start: 0, end: 0 }, data: { seconds: ctx.settings.timeout }, severity: 'info' });
      return;
    }
    // --browser (issue 19): the same page in headless Chromium; playwright-core loads only then.
    const runAxe = browserPath !== undefined ? ((await import('../../a11y/axe/browser.js')).runAxeInBrowserWith(browserPath)) : (await import('../../a11y/axe/engine.js')).runAxe;
    // One finding per repeated element (issue 14): the same axe rule failing on many elements of one table,
    // list or form (57 list items in one table) is reported once, at the first, with the count.
    const groups = new Map<string, { f: AxeFinding & { review?: boolean }; count: number; container: string }>();
    let containers: Map<number, { start: number; tag: string }> | undefined;
    const report = (f: AxeFinding & { review?: boolean }) => {
      const c = (containers ??= containerIndex(doc.hast)).get(f.start);
      const id = f.review ? `${f.id}?` : f.id;
      const key = c ? `${id}\0${c.start}` : `${id}\0@${f.start}:${groups.size}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { f, count: 1, container: c ? CONTAINER_NAMES[c.tag] ?? 'block' : 'block' });
    };
    const flush = () => {
      for (const { f, count, container } of groups.values()) {
        // axe's "incomplete" (browser only): it could not decide, so a person should look (info).
        let severity = f.review ? 'info' : severityOfImpact(f.impact);
        // `axe: warn` in a config lowers every axe finding to at most a warning; `axe/<id>: …` sets one rule (run-rules.ts).
        if (RANK[ctx.severity] < RANK[severity]) severity = ctx.severity;
        const span = headSpan(doc.text, f.start, f.end);
        ctx.report({
          messageId: f.review ? (count > 1 ? 'reviewCounted' : 'review') : count > 1 ? 'violationCounted' : 'violation',
          ruleId: `axe/${f.id}`,
          span,
          context: span,
          data: { help: trimEndChars(f.help.trim(), '.'), count, container },
          severity,
          source: 'axe-core',
          docsUrl: f.helpUrl,
        });
      }
      groups.clear();
    };
    const seconds = Math.round(budgetMs / 100) / 10;
    const base = { fragment: doc.fragment, text: doc.text, markdown: doc.kind === 'markdown', placeholders: doc.placeholders, rules };
    const sections = doc.kind === 'markdown' && doc.text.length > axeSections.threshold ? sectionsOf(doc.hast, axeSections.target) : undefined;
    if (!sections) {
      const outcome = await runAxe({ ...base, hast: doc.hast, budgetMs });
      if (outcome.kind === 'not-rendered') {
        ctx.report({ messageId: outcome.skip === 'depth' ? 'tooDeep' : 'tooManyFrames', span: { start: 0, end: 0 }, data: { limit: outcome.limit }, severity: 'info' });
        return;
      }
      for (const f of outcome.findings) report(f);
      flush();
      if (outcome.skipped.length) {
        ctx.report({ messageId: 'budget', span: { start: 0, end: 0 }, data: { seconds, count: outcome.skipped.length }, severity: 'info' });
      }
      return;
    }
    const deadline = performance.now() + budgetMs;
    const notRendered = new Set<string>();
    for (const section of sections) {
      const left = deadline - performance.now();
      const outcome = left > 0 ? await runAxe({ ...base, hast: section.root, budgetMs: left }) : undefined;
      if (outcome?.kind === 'not-rendered') {
        // Once per kind: a section nested too deeply or with too many frames is left out, the others are checked.
        if (!notRendered.has(outcome.skip)) {
          notRendered.add(outcome.skip);
          ctx.report({ messageId: outcome.skip === 'depth' ? 'tooDeep' : 'tooManyFrames', span: { start: 0, end: 0 }, data: { limit: outcome.limit }, severity: 'info' });
        }
        continue;
      }
      if (outcome) for (const f of outcome.findings) report(f);
      flush();
      if (!outcome || outcome.skipped.length) {
        const at = { start: section.start, end: section.start };
        ctx.report({ messageId: 'stopped', span: at, data: { seconds, line: doc.loc.point(section.start).line }, severity: 'info' });
        return;
      }
    }
  },
});

/** Elements whose repeated failures are one problem ("57 list items in one table"). */
const CONTAINER_NAMES: Record<string, string> = { table: 'table', ul: 'list', ol: 'list', dl: 'list', menu: 'list', form: 'form', fieldset: 'form', select: 'list', nav: 'navigation block', figure: 'figure' };

/** Source offset of each element → the nearest table, list or form holding it (itself included). Iterative: deep trees must not overflow the stack. */
function containerIndex(root: HastRoot): Map<number, { start: number; tag: string }> {
  const out = new Map<number, { start: number; tag: string }>();
  const stack: { node: HastRoot | RootContent; box?: { start: number; tag: string } }[] = [{ node: root }];
  while (stack.length) {
    const { node, box } = stack.pop()!;
    let here = box;
    if (node.type === 'element') {
      const start = node.position?.start?.offset;
      if (start !== undefined && node.tagName in CONTAINER_NAMES) here = { start, tag: node.tagName };
      if (start !== undefined && here && !out.has(start)) out.set(start, here);
    }
    if ('children' in node) for (const child of node.children) stack.push({ node: child as RootContent, box: here });
  }
  return out;
}

interface Section {
  root: HastRoot;
  /** Source offset where the section starts. */
  start: number;
}

/**
 * The top-level nodes of a rendered Markdown page in sections of about
 * `target` source characters, each starting at an `h1` or `h2`; a page with
 * no such heading past the target stays one section.
 */
export function sectionsOf(root: HastRoot, target: number): Section[] {
  const out: Section[] = [];
  let kids: RootContent[] = [];
  let start: number | undefined;
  let size = 0;
  for (const child of root.children) {
    // hast-util-raw can leave a position with an end and no start on white space.
    const s = child.position?.start?.offset;
    const e = child.position?.end?.offset;
    if (kids.length && size >= target && child.type === 'element' && (child.tagName === 'h1' || child.tagName === 'h2') && s !== undefined) {
      out.push({ root: { type: 'root', children: kids }, start: start ?? s });
      kids = [];
      start = undefined;
      size = 0;
    }
    start ??= s;
    kids.push(child);
    if (s !== undefined && e !== undefined) size += e - s;
  }
  if (kids.length) out.push({ root: { type: 'root', children: kids }, start: start ?? 0 });
  return out;
}

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
