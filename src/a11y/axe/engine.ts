/**
 * axe-core on jsdom, loaded once per process (or worker) and only when the
 * axe rule runs: `--no-axe`, `rules`, `explain` never import this module.
 *
 * Safety (documents are untrusted, issue 3 part 4):
 * - jsdom gets no `runScripts` option, so no script in the document runs:
 *   not `<script>`, not event handler attributes, not `javascript:` URLs
 *   (jsdom evaluates those only with runScripts 'dangerously').
 * - jsdom gets no `resources` option, so its resource loader fetches nothing:
 *   no images, style sheets, `@import`, scripts, frames or fonts, and no
 *   `file:` URL is read. `<meta http-equiv=refresh>` is not acted on.
 * - axe-core is imported as a Node module and given the document; it is
 *   never evaluated inside the window. `preload: false` keeps it from
 *   fetching style sheets (its CSSOM preloader uses XMLHttpRequest) and
 *   `iframes: false` keeps it out of frames.
 * - The page is built in the window with its own DOM calls from the Doc's
 *   tree (src/a11y/axe/dom.ts), or parsed by DOMParser where the builder
 *   defers to the parser; either way under the same window settings.
 * test/sandbox.test.ts serves a hostile page from a local server and
 * asserts that no request arrives and no script runs; test/axe.test.ts does
 * the same for a page the builder builds.
 *
 * Cost (issue 6): one window per process, reused across files; the page
 * built from the tree instead of serialised and parsed again (a DOMParser
 * document also costs a selector engine with listeners on the window, which
 * pile up); computed styles memoised across elements and files
 * (src/a11y/axe/styles.ts); only the rules that can apply to content, with
 * selectors axe can look up in its index (catalog.ts); a reporter that reads
 * only the violations. Issue 19: of those rules, only the ones whose selector
 * can match a tag and attribute name the page has (candidates.ts: on the
 * Markdown corpus a median of 7 of 65 run per page, and the axe stage takes
 * a fifth less CPU); no white space between a fragment's top-level blocks
 * (dom.ts, a tenth of a Markdown page's nodes); and axe's zero-delay timer
 * after each rule run as an immediate (Node.js waits at least 1 ms for it:
 * about 1 ms idle a page).
 * What is left is mostly per node: jsdom building the page, axe's flat tree
 * and selector index, garbage collection, and the accessible-name checks of
 * link-name, empty-heading and list (scripts/axe-stage.mjs --per-rule).
 */
import { createRequire } from 'node:module';
import { pageHtml, prepareForAxe, type NotRendered, type Prepared, type RenderInput } from './render.js';
import { buildPage, type BuildDocument, type BuildElement, type Offsets } from './dom.js';
import { configureStyles, learnResolvedProperties, memoiseStyles, startStyles, stopStyles, type StyleElement } from './styles.js';
import { AXE_RULES } from './catalog.js';
import { mayMatch, subjectsOf, type PageFeatures, type Subject } from './candidates.js';
import { rulesLeft } from './proofs.js';

export { styleStats } from './styles.js';

/** The parts of axe-core's result that plainspoke reads. */
export interface AxeNode {
  impact?: string | null;
  element?: DomElement;
}
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** The few DOM members used here (jsdom's types would pull the DOM library into the whole build). */
interface DomElement extends StyleElement {
  setAttribute(name: string, value: string): void;
  parentElement: DomElement | null;
}
interface DomDocument extends BuildDocument {
  documentElement: DomElement;
  styleSheets: { length: number };
  querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
  adoptNode<T>(node: T): T;
  replaceChild(node: unknown, old: unknown): unknown;
}
interface DomWindow {
  document: DomDocument;
  getComputedStyle(el: StyleElement, pseudo?: string | null): unknown;
  DOMParser: new () => { parseFromString(html: string, type: string): DomDocument };
  close(): void;
}
interface AxeRule {
  id: string;
  selector?: unknown;
  run(this: AxeRule, ...args: unknown[]): unknown;
}
interface AxeApi {
  version: string;
  configure(spec: unknown): void;
  getRules(): { ruleId: string }[];
  run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }>;
  addReporter(name: string, reporter: (results: RuleResult[], options: unknown, done: (out: { violations: AxeViolation[] }) => void) => void): void;
  _audit: { rules: AxeRule[] };
}
/** What axe hands a reporter: one result per rule, its nodes grouped by outcome. */
interface RuleResult {
  id: string;
  error?: unknown;
  result?: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  violations?: { impact?: string | null; node?: { element?: DomElement } }[];
}

/** The reporter plainspoke runs axe with (see `violationsReporter`). */
const REPORTER = 'plainspoke-violations';

/**
 * axe's `v1` report reduced to what plainspoke reads: the violations, each rule's id, impact, help and
 * link, and each node's impact and element, in axe's order. `v1` also copies and regroups every rule
 * result and describes every failing node (about 1.5 ms a file); this reads the same values off the results.
 */
function violationsReporter(results: RuleResult[], _options: unknown, done: (out: { violations: AxeViolation[] }) => void): void {
  const violations: AxeViolation[] = [];
  for (const r of results) {
    // v1 files a rule that threw (e.g. over the time budget) and an inapplicable one elsewhere.
    if (r.error || r.result === 'inapplicable' || !r.violations?.length) continue;
    violations.push({ id: r.id, impact: r.impact, help: r.help, helpUrl: r.helpUrl, nodes: r.violations.map((n) => ({ impact: n.impact, element: n.node?.element })) });
  }
  done({ violations });
}

interface Engine {
  axe: AxeApi;
  /** Each rule's selector read by `subjectsOf` (undefined: it may match any element). */
  subjects: Map<string, Subject[] | undefined>;
  /** A new window with the style memo installed (see `memoiseStyles`). */
  newWindow(): DomWindow;
  /** The window reused across files. */
  window: DomWindow;
}

/** Thrown into a rule that would start after the file's axe time budget ran out. */
class BudgetSpent extends Error {}

let engine: Promise<Engine> | undefined;
/** True once jsdom and axe-core have been imported in this process (tests check `--no-axe` never does). */
export let axeLoaded = false;
/** `performance.now()` after which no further axe rule starts on the current file. */
let deadline = Infinity;
/** Rules skipped on the current file because the budget ran out. */
let skipped: string[] = [];

async function load(): Promise<Engine> {
  // require(), not import(): the ES module loader would first scan axe-core's 500 KB script for
  // named exports (about 0.3 s per process). It also keeps jsdom's types (and the DOM library) out of the build.
  const requireHere = createRequire(import.meta.url);
  const jsdom = requireHere('jsdom') as unknown;
  const axeModule = requireHere('axe-core') as { default?: unknown };
  axeLoaded = true;
  const axe = (axeModule.default ?? axeModule) as AxeApi;
  const { JSDOM, VirtualConsole } = jsdom as {
    JSDOM: new (html: string, options: Record<string, unknown>) => { window: DomWindow };
    VirtualConsole: new () => unknown;
  };
  // No runScripts, no resources: see the header. A silent console: jsdom's "not implemented" notes are not ours to print.
  const newWindow = () => memoiseStyles(new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', { virtualConsole: new VirtualConsole() }).window);
  const rules = Object.entries(AXE_RULES)
    .filter(([, e]) => e.selector)
    .map(([id, e]) => ({ id, selector: e.selector }));
  axe.configure({ branding: { application: 'plainspoke' }, noHtml: true, rules });
  axe.addReporter(REPORTER, violationsReporter);
  // The time budget: a rule that would start after the deadline reports an error instead of running
  // (axe turns that into "incomplete", which plainspoke does not report), so a slow file stops early.
  for (const rule of axe._audit.rules) {
    const run = rule.run;
    rule.run = function (this: AxeRule, ...args: unknown[]) {
      if (performance.now() > deadline) {
        skipped.push(this.id);
        const reject = args[3] as (e: Error) => void;
        return reject(new BudgetSpent(`over the time budget`));
      }
      // Each rule hands over its result with `setTimeout(…, 0)` (axe's guard against "unresponsive script"
      // warnings in a browser), which Node.js waits at least 1 ms for: about 1 ms idle per file (issue 19).
      // While the rule runs (synchronously), a zero-delay timer becomes an immediate instead.
      const timeout = globalThis.setTimeout;
      globalThis.setTimeout = zeroDelayAsImmediate(timeout);
      try {
        return run.apply(this, args);
      } finally {
        globalThis.setTimeout = timeout;
      }
    };
  }
  // jsdom's default style sheet, for the style memo's keys (src/a11y/axe/styles.ts). If it cannot be
  // read, every attribute goes into the key and every key is a chain: still correct, only fewer memo hits.
  let css: string | undefined;
  try {
    const { readFileSync } = await import('node:fs');
    css = readFileSync(requireHere.resolve('jsdom/lib/jsdom/browser/default-stylesheet.css'), 'utf8');
  } catch {
    css = undefined;
  }
  // jsdom's own wrapper → implementation lookup (see seedAncestors in styles.ts); without it, styles are only slower.
  let implOf: Parameters<typeof configureStyles>[1];
  try {
    const utils = requireHere('jsdom/lib/generated/idl/utils.js') as { implForWrapper?: unknown };
    if (typeof utils.implForWrapper === 'function') implOf = utils.implForWrapper as typeof implOf;
  } catch {
    implOf = undefined;
  }
  configureStyles(css, implOf);
  const window = newWindow();
  learnResolvedProperties(window as unknown as Parameters<typeof learnResolvedProperties>[0]);
  const subjects = new Map<string, Subject[] | undefined>();
  for (const rule of axe._audit.rules) subjects.set(rule.id, typeof rule.selector === 'string' ? subjectsOf(rule.selector) : undefined);
  return { axe, subjects, newWindow, window };
}

/**
 * `setTimeout` with a zero (or no) delay run as `setImmediate`: the callback still runs after the current
 * task, in the order scheduled, without Node.js's 1 ms minimum delay. Any other delay goes to `timeout`.
 */
function zeroDelayAsImmediate(timeout: typeof globalThis.setTimeout): typeof globalThis.setTimeout {
  const fast = (fn: unknown, ms?: number, ...rest: unknown[]) => {
    if (!ms && typeof fn === 'function') return setImmediate(fn as (...a: unknown[]) => void, ...rest);
    return (timeout as (f: unknown, m?: number, ...r: unknown[]) => unknown)(fn, ms, ...rest);
  };
  return fast as unknown as typeof globalThis.setTimeout;
}

/** Loads jsdom and axe-core once per process. */
export function loadEngine(): Promise<Engine> {
  engine ??= load().catch((e) => {
    engine = undefined;
    throw e;
  });
  return engine;
}

/** Pages (or sections) axe was not run on because proofs.ts showed they pass, and pages it ran fewer rules on (tests read them). */
export const proofStats = { proven: 0, narrowed: 0 };

/**
 * A content rule without a proof cannot apply to a page of PROVABLE_TAGS (test/axe-proofs.test.ts checks
 * each against axe-core's selector), so it may be left out. Page rules and rules a config turns on are
 * never left out: some of them can apply.
 */
function withoutProofMayBeLeftOut(id: string): boolean {
  return AXE_RULES[id]?.mode === 'content';
}

/** axe runs one document at a time per process; calls queue here. */
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const p = queue.then(fn, fn);
  queue = p.catch(() => undefined);
  return p;
}

export interface AxeRunInput extends RenderInput {
  /** axe rule ids to run. */
  rules: readonly string[];
  /** Milliseconds the axe stage may take on this file. */
  budgetMs: number;
  /** Use a new window instead of the shared one (tests compare the two). */
  freshWindow?: boolean;
  /** Ask jsdom for every computed style, without the memo (tests compare the two). */
  plainStyles?: boolean;
  /** Serialise the tree and have jsdom parse it instead of building it directly (tests compare the two). */
  parseHtml?: boolean;
  /** Use axe's own `v1` report instead of plainspoke's reporter (tests compare the two). */
  v1Report?: boolean;
  /** Run axe even on a page src/a11y/axe/proofs.ts shows it would pass (tests compare the two). */
  noProofs?: boolean;
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** Source offset of the element's start; ancestors stand in for elements without a position. */
  start: number;
  end: number;
}

export type AxeOutcome = { kind: 'done'; findings: AxeFinding[]; skipped: string[]; ms: number } | ({ kind: 'not-rendered' } & NotRendered);

/** Renders a Doc's tree into the shared window and runs the given axe rules on it. */
export async function runAxe(input: AxeRunInput): Promise<AxeOutcome> {
  const rendered = prepareForAxe(input);
  if ('skip' in rendered) return { kind: 'not-rendered', ...rendered };
  if (!input.rules.length) return { kind: 'done', findings: [], skipped: [], ms: 0 };
  // A plain fragment that passes every rule on its face (proofs.ts): no jsdom page, no axe run, and
  // in a process whose pages are all like that, jsdom and axe-core are never loaded.
  const started = performance.now();
  // On a plain fragment whose proofs fail for a few rules only (a list item outside a list, a table
  // without a header row), axe runs just those rules: the others are shown to pass (rulesLeft).
  const left = rendered.fragment && !input.noProofs ? rulesLeft(rendered.tree, input.rules, withoutProofMayBeLeftOut) : undefined;
  if (left && !left.length) {
    proofStats.proven++;
    return { kind: 'done', findings: [], skipped: [], ms: performance.now() - started };
  }
  if (left && left.length < input.rules.length) proofStats.narrowed++;
  const eng = await loadEngine();
  return exclusive(() => runIn(eng, rendered, left ? { ...input, rules: left } : input));
}

async function runIn(eng: Engine, rendered: Prepared, input: AxeRunInput): Promise<AxeOutcome> {
  const started = performance.now();
  let window = input.freshWindow ? eng.newWindow() : eng.window;
  const offsets: Offsets = new WeakMap();
  let features: PageFeatures | undefined = { tags: new Set(), attrs: new Set() };
  let built = loadPage(window, rendered, offsets, input.parseHtml, features);
  if (built === 'stale') {
    // The last file's style sheets outlived its tree: start this one in a new window.
    window = eng.window = eng.newWindow();
    features = { tags: new Set(), attrs: new Set() };
    built = loadPage(window, rendered, offsets, input.parseHtml, features);
  }
  if (built !== 'built') features = undefined;
  // Only the rules with something to check on this page (src/a11y/axe/candidates.ts): the others would be inapplicable.
  const rules = features ? input.rules.filter((id) => mayMatch(eng.subjects.get(id), features)) : input.rules;
  if (!rules.length) {
    if (input.freshWindow) window.close();
    return { kind: 'done', findings: [], skipped: [], ms: performance.now() - started };
  }
  const { document } = window;
  deadline = started + input.budgetMs;
  skipped = [];
  startStyles(!input.plainStyles);
  let violations: AxeViolation[];
  try {
    const result = await eng.axe.run(document.documentElement, {
      runOnly: { type: 'rule', values: rules },
      resultTypes: ['violations'],
      elementRef: true,
      selectors: false,
      ancestry: false,
      xpath: false,
      iframes: false,
      preload: false,
      performanceTimer: false,
      reporter: input.v1Report ? 'v1' : REPORTER,
    });
    violations = result.violations;
  } finally {
    deadline = Infinity;
    stopStyles();
    if (input.freshWindow) window.close();
  }
  const findings: AxeFinding[] = [];
  for (const v of violations) {
    for (const node of v.nodes) {
      const start = offsetOf(node.element, offsets);
      findings.push({
        id: v.id,
        impact: node.impact ?? v.impact ?? 'serious',
        help: v.help,
        helpUrl: v.helpUrl,
        start,
        end: rendered.ends.get(start) ?? start,
      });
    }
  }
  return { kind: 'done', findings, skipped: [...skipped], ms: performance.now() - started };
}

/**
 * Puts a page into the window, replacing the last file's tree. The page is built from the tree with
 * the window's own DOM calls (src/a11y/axe/dom.ts: no parser, no new document), or, where that
 * builder defers to the parser, serialised and parsed into a document with no browsing context
 * (DOMParser: scripting off, nothing loads) whose tree is moved over. Neither runs a script: the
 * window has scripting off, so inserted `<script>` elements and event handler attributes stay inert.
 * Returns 'stale' when style sheets of an earlier tree are still in force (then use a new window), else
 * whether the page was built from the tree (then `features` holds its tag and attribute names) or parsed.
 */
function loadPage(window: DomWindow, page: Prepared, offsets: Offsets, parseHtml: boolean | undefined, features: PageFeatures): 'built' | 'parsed' | 'stale' {
  const { document } = window;
  // jsdom re-adds a <style> element's sheet while the element is being removed; a type that is not
  // CSS makes it drop the sheet instead. (Without a sheet in force there is nothing to drop.)
  if (document.styleSheets.length) for (const style of document.querySelectorAll('style')) style.setAttribute('type', 'text/x-plainspoke-removed');
  const built = parseHtml ? undefined : (buildPage(document, page.tree, page.fragment, offsets, true, features) as (BuildElement & DomElement) | undefined);
  // Each DOMParser document costs jsdom a selector engine with listeners on the window, so it is the fallback.
  const root = built ?? document.adoptNode(new window.DOMParser().parseFromString(pageHtml(page), 'text/html').documentElement);
  document.replaceChild(root, document.documentElement);
  const sheets = document.styleSheets.length;
  if (sheets !== 0 && sheets > document.querySelectorAll('style').length) return 'stale';
  return built ? 'built' : 'parsed';
}

/** The element's source offset (from the builder, or stamped by the renderer), or its nearest ancestor's. */
function offsetOf(el: DomElement | undefined, offsets: Offsets): number {
  for (let e = el ?? null; e; e = e.parentElement) {
    const known = offsets.get(e);
    if (known !== undefined) return known;
    const v = e.getAttribute('data-ps-offset');
    if (v !== null && /^\d+$/.test(v)) return Number(v);
  }
  return 0;
}
