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
 * test/sandbox.test.ts serves a hostile page from a local server and
 * asserts that no request arrives and no script runs.
 */
import { renderForAxe, type NotRendered, type Rendered, type RenderInput } from './render.js';
import { AXE_RULES } from './catalog.js';

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
interface DomElement {
  localName: string;
  namespaceURI: string | null;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  setAttribute(name: string, value: string): void;
  parentElement: DomElement | null;
  previousElementSibling: DomElement | null;
}
interface DomDocument {
  documentElement: DomElement;
  styleSheets: { length: number };
  querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
  adoptNode<T>(node: T): T;
  replaceChild(node: unknown, old: unknown): unknown;
}
interface DomWindow {
  document: DomDocument;
  getComputedStyle(el: DomElement, pseudo?: string | null): unknown;
  DOMParser: new () => { parseFromString(html: string, type: string): DomDocument };
  close(): void;
}
interface AxeRule {
  id: string;
  run(this: AxeRule, ...args: unknown[]): unknown;
}
interface AxeApi {
  version: string;
  configure(spec: unknown): void;
  getRules(): { ruleId: string }[];
  run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }>;
  _audit: { rules: AxeRule[] };
}

interface Engine {
  axe: AxeApi;
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
  // Specifiers in variables: TypeScript then does not load jsdom's types (which bring in the DOM library).
  const jsdomName = 'jsdom';
  const axeName = 'axe-core';
  const [jsdom, axeModule] = await Promise.all([import(jsdomName), import(axeName)]);
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
      return run.apply(this, args);
    };
  }
  // The attributes jsdom's default style sheet selects on (see styleMemo). If the sheet cannot be
  // read, every attribute goes into the key: still correct, only fewer memo hits.
  try {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const css = readFileSync(createRequire(import.meta.url).resolve('jsdom/lib/jsdom/browser/default-stylesheet.css'), 'utf8');
    for (const m of css.matchAll(/\[\s*([a-zA-Z-]+)/g)) styleMemo.attrs.add(m[1].toLowerCase());
    styleMemo.attrs.add('style');
  } catch {
    styleMemo.allAttrs = true;
  }
  return { axe, newWindow, window: newWindow() };
}

/** Loads jsdom and axe-core once per process. */
export function loadEngine(): Promise<Engine> {
  engine ??= load().catch((e) => {
    engine = undefined;
    throw e;
  });
  return engine;
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
  const rendered = renderForAxe(input);
  if ('skip' in rendered) return { kind: 'not-rendered', ...rendered };
  if (!input.rules.length) return { kind: 'done', findings: [], skipped: [], ms: 0 };
  const eng = await loadEngine();
  return exclusive(() => runIn(eng, rendered, input));
}

async function runIn(eng: Engine, rendered: Rendered, input: AxeRunInput): Promise<AxeOutcome> {
  const started = performance.now();
  let window = input.freshWindow ? eng.newWindow() : eng.window;
  if (!loadPage(window, rendered.html)) {
    // The last file's style sheets outlived its tree: start this one in a new window.
    window = eng.window = eng.newWindow();
    loadPage(window, rendered.html);
  }
  const { document } = window;
  deadline = started + input.budgetMs;
  skipped = [];
  styleMemo.on = !input.plainStyles;
  styleMemo.keys = new WeakMap();
  if (styleMemo.ids.size > MAX_STYLE_KEYS) {
    styleMemo.byKey.clear();
    styleMemo.ids.clear();
  }
  let violations: AxeViolation[];
  try {
    const result = await eng.axe.run(document.documentElement, {
      runOnly: { type: 'rule', values: [...input.rules] },
      resultTypes: ['violations'],
      elementRef: true,
      selectors: false,
      ancestry: false,
      xpath: false,
      iframes: false,
      preload: false,
      performanceTimer: false,
    });
    violations = result.violations;
  } finally {
    deadline = Infinity;
    styleMemo.on = false;
    if (input.freshWindow) window.close();
  }
  const findings: AxeFinding[] = [];
  for (const v of violations) {
    for (const node of v.nodes) {
      const start = offsetOf(node.element);
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

/** Keys kept across files before the memo starts afresh (a few thousand cover the whole corpus). */
const MAX_STYLE_KEYS = 20_000;

/**
 * Computed styles, memoised across files while axe runs.
 *
 * axe asks for the computed style of nearly every element to know whether it
 * is hidden, and jsdom computes each one from scratch (its whole default
 * style sheet, shorthands and all): most of the axe stage. Without
 * author style sheets, an element's computed style depends only on its tag,
 * its inline `style`, the attributes the default style sheet's selectors
 * name (read from jsdom's own sheet: hidden, type, open, dir…), whether it
 * has an `href` (`:link`), the same for its ancestors (inheritance,
 * descendant selectors such as `ul ul`), and whether a `<summary>` is the
 * first in its `<details>`: jsdom uses nothing else (no presentational hints).
 * So elements with equal keys share one computed style, in this file and in
 * the next ones (every page is rendered in standards mode, so nothing else
 * differs between files; the memo is emptied past MAX_STYLE_KEYS). Pages
 * with `<style>` or a loaded sheet, pseudo-elements, and `dir="auto"` (its
 * direction depends on the text) always ask jsdom. test/axe.test.ts checks
 * that findings are the same with and without the memo.
 */
const styleMemo = {
  on: false,
  /** Key id → jsdom's computed style for the first element with that key. */
  byKey: new Map<number, unknown>(),
  /** Element → key id (null: never memoised). */
  keys: new WeakMap<DomElement, number | null>(),
  /** Key text → key id, so keys stay short. */
  ids: new Map<string, number>(),
  /** Attributes the default style sheet's selectors read, plus `style`; set when jsdom loads. */
  attrs: new Set<string>(),
  /** Put every attribute in the key (when jsdom's sheet could not be read). */
  allAttrs: false,
};

/** Memo hits and jsdom calls since the process started (scripts/axe-stage.mjs prints them). */
export const styleStats = { memoised: 0, computed: 0 };

function memoiseStyles(window: DomWindow): DomWindow {
  const real = window.getComputedStyle.bind(window);
  window.getComputedStyle = (el: DomElement, pseudo?: string | null) => {
    const key = !styleMemo.on || (pseudo !== undefined && pseudo !== null && pseudo !== '') || window.document.styleSheets.length ? null : styleKey(el);
    let style = key === null ? undefined : styleMemo.byKey.get(key);
    if (style !== undefined) {
      styleStats.memoised++;
      return style;
    }
    styleStats.computed++;
    style = real(el, pseudo);
    if (key !== null) styleMemo.byKey.set(key, style);
    return style;
  };
  return window;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

function styleKey(el: DomElement): number | null {
  const known = styleMemo.keys.get(el);
  if (known !== undefined) return known;
  const parent = el.parentElement;
  const parentKey = parent ? styleKey(parent) : -1;
  let key: number | null = null;
  if (parentKey !== null) {
    let own = el.namespaceURI === HTML_NS ? el.localName : `${el.namespaceURI} ${el.localName}`;
    let auto = false;
    for (const name of el.getAttributeNames()) {
      if (name.startsWith('data-ps-')) continue;
      // `href` only matters for :link, which every href matches (nothing is ever visited).
      if (name === 'href') own += '\u0000href';
      if (!styleMemo.allAttrs && !styleMemo.attrs.has(name)) continue;
      const value = el.getAttribute(name) ?? '';
      if (name === 'dir' && value.trim().toLowerCase() === 'auto') auto = true;
      own += `\u0000${name}\u0000${value}`;
    }
    if (el.localName === 'summary') {
      let first = true;
      for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === 'summary') first = false;
      own += first ? '\u0000:first-summary' : '';
    }
    if (!auto) {
      const text = `${parentKey}>${own}`;
      key = styleMemo.ids.get(text) ?? styleMemo.ids.size;
      styleMemo.ids.set(text, key);
    }
  }
  styleMemo.keys.set(el, key);
  return key;
}

/**
 * Puts a page into the window, replacing the last file's tree. The page is parsed into a document
 * with no browsing context (DOMParser: scripting off, nothing loads), and its tree is moved over.
 * Returns false when style sheets of an earlier tree are still in force (then use a new window).
 */
function loadPage(window: DomWindow, html: string): boolean {
  const { document } = window;
  // jsdom re-adds a <style> element's sheet while the element is being removed; a type that is not
  // CSS makes it drop the sheet instead.
  for (const style of document.querySelectorAll('style')) style.setAttribute('type', 'text/x-plainspoke-removed');
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
  return document.styleSheets.length <= document.querySelectorAll('style').length;
}

/** The source offset the renderer stamped on the element, or on its nearest ancestor that has one. */
function offsetOf(el: DomElement | undefined): number {
  for (let e = el ?? null; e; e = e.parentElement) {
    const v = e.getAttribute('data-ps-offset');
    if (v !== null && /^\d+$/.test(v)) return Number(v);
  }
  return 0;
}
