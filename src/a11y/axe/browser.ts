/**
 * `--browser` (issue 19): axe-core in a real headless Chromium, driven by
 * playwright-core, so the rules that need a layout run too (color-contrast
 * with the page's real CSS, target-size, scrollable-region-focusable,
 * link-in-text-block). Loaded only with that flag; jsdom (engine.ts) stays
 * the default.
 *
 * One browser and one page per process (each worker thread has its own).
 * axe-core is injected once; each file's page replaces the last one's
 * `<html>` element, so the page never navigates.
 *
 * Safety (documents are untrusted, as in engine.ts):
 * - Every request is aborted (`route('**\/*')`) except the blank start page
 *   itself, which plainspoke serves from memory under an address that does
 *   not exist (`http://plainspoke.invalid/`). No image, style sheet, font,
 *   frame, prefetch, form or media request leaves the browser.
 * - That start page carries a Content-Security-Policy of `default-src 'none'`
 *   (styles inline only, images and fonts from `data:` only). The policy
 *   belongs to the document, so it holds for every page swapped in: no
 *   `<script>`, event handler attribute, `javascript:` URL or `srcdoc` frame
 *   script runs, and nothing is fetched even before the route sees it.
 * - The page's own scripts, event handler attributes and `<meta http-equiv>`
 *   (a refresh would navigate away) are removed before the page goes in, and
 *   the page is parsed by DOMParser (a document with no browsing context:
 *   nothing runs or loads while it is parsed).
 * - Why not Playwright's `javaScriptEnabled: false`: it stops every script,
 *   axe's own timers too (axe.run never settles). The policy blocks the
 *   document's scripts and leaves the DevTools evaluation axe runs in.
 * test/e2e/browser.test.ts serves hostile pages from a local server and
 * asserts that no request arrives.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pageHtml, prepareForAxe, type NotRendered } from './render.js';
import type { AxeFinding, AxeRunInput } from './engine.js';
import { AXE_RULES } from './catalog.js';

/** Chromium's command line: headless, no sandbox (containers, root), no GPU, nothing in the background. */
const BROWSER_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No host name resolves, so not even a DNS look-up (`<link rel=dns-prefetch>`) leaves the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** The start page's address: never fetched (the route answers it from memory); `.invalid` never resolves. */
const HOME = 'http://plainspoke.invalid/';
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'";
const BLANK = '<!DOCTYPE html><html><head></head><body></body></html>';

/** A finding from the browser; `review` marks axe's "incomplete" results (reported as info, needs review). */
export interface BrowserFinding extends AxeFinding {
  review?: boolean;
}
export type BrowserOutcome = { kind: 'done'; findings: BrowserFinding[]; skipped: string[]; ms: number } | ({ kind: 'not-rendered' } & NotRendered);

/** The few playwright-core members used here. */
interface Page {
  goto(url: string): Promise<unknown>;
  url(): string;
  evaluate<R, A>(fn: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R>;
  close(): Promise<void>;
  isClosed(): boolean;
}
interface Route {
  request(): { url(): string; isNavigationRequest(): boolean };
  fulfill(r: { status: number; contentType: string; headers: Record<string, string>; body: string }): Promise<void>;
  abort(): Promise<void>;
}
interface Context {
  route(pattern: string, handler: (route: Route) => unknown): Promise<void>;
  newPage(): Promise<Page>;
}
interface Browser {
  newContext(options: Record<string, unknown>): Promise<Context>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: { launch(options: { executablePath: string; args: string[]; headless: boolean; timeout: number }): Promise<Browser> };
}

interface Session {
  browser: Browser;
  context: Context;
  page?: Page;
  axeSource: string;
}

let session: Promise<Session> | undefined;
let sessionPath: string | undefined;

async function launch(executablePath: string): Promise<Session> {
  const requireHere = createRequire(import.meta.url);
  let pw: Playwright;
  try {
    pw = requireHere('playwright-core') as Playwright;
  } catch {
    throw new Error('--browser needs the playwright-core package: install it next to plainspoke (npm install playwright-core)');
  }
  const axeSource = readFileSync(requireHere.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await pw.chromium.launch({ executablePath, args: [...BROWSER_ARGS], headless: true, timeout: 60_000 });
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false, offline: false });
  await context.route('**/*', (route) => {
    const req = route.request();
    if (req.url() === HOME && req.isNavigationRequest()) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': POLICY }, body: BLANK });
    }
    return route.abort();
  });
  return { browser, context, axeSource };
}

/** A page on the start address with axe-core injected and configured as engine.ts configures it. */
async function freshPage(s: Session): Promise<Page> {
  if (s.page && !s.page.isClosed()) await s.page.close().catch(() => undefined);
  const page = await s.context.newPage();
  await page.goto(HOME);
  await page.evaluate(s.axeSource);
  const rules = Object.entries(AXE_RULES)
    .filter(([, e]) => e.selector)
    .map(([id, e]) => ({ id, selector: e.selector }));
  await page.evaluate((spec: unknown) => {
    (globalThis as unknown as { axe: { configure(s: unknown): void } }).axe.configure(spec);
  }, { branding: { application: 'plainspoke' }, noHtml: true, rules });
  s.page = page;
  return page;
}

function sessionFor(path: string): Promise<Session> {
  if (!session || sessionPath !== path) {
    sessionPath = path;
    session = launch(path).catch((e) => {
      session = undefined;
      throw e;
    });
  }
  return session;
}

/** Closes this process's browser (the CLI does so at the end of a run; worker threads end with theirs). */
export async function closeBrowser(): Promise<void> {
  const s = session;
  session = undefined;
  if (s) await (await s).browser.close().catch(() => undefined);
}

/** One file at a time per page. */
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const p = queue.then(fn, fn);
  queue = p.catch(() => undefined);
  return p;
}

interface PageResult {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  review: boolean;
  nodes: { impact: string | null; offset: number }[];
}

/** The DOM members the page function uses (the build has no DOM library). */
interface El {
  parentElement: El | null;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  removeAttribute(name: string): void;
  remove(): void;
}
interface PageGlobals {
  DOMParser: new () => { parseFromString(html: string, type: string): { documentElement: El; querySelectorAll(s: string): Iterable<El> } };
  document: { documentElement: El; adoptNode(n: El): El; replaceChild(n: El, old: El): void };
  axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[]; incomplete: AxeResult[] }> };
}
interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { impact?: string | null; element?: El }[];
}

/**
 * Runs in the page (Playwright sends its source): swap in the file's page (scripts, event handlers,
 * http-equiv and srcdoc removed), run axe, read each node's source offset. Self-contained: no imports.
 */
async function inPage(arg: { html: string; rules: string[] }): Promise<PageResult[]> {
  const g = globalThis as unknown as PageGlobals;
  const doc = new g.DOMParser().parseFromString(arg.html, 'text/html');
  for (const el of Array.from(doc.querySelectorAll('script, meta[http-equiv], base'))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'srcdoc') el.removeAttribute(name);
    }
  }
  const root = g.document.adoptNode(doc.documentElement);
  g.document.replaceChild(root, g.document.documentElement);
  const res = await g.axe.run(g.document.documentElement, {
    runOnly: { type: 'rule', values: arg.rules },
    resultTypes: ['violations', 'incomplete'],
    elementRef: true,
    selectors: false,
    ancestry: false,
    xpath: false,
    iframes: false,
    preload: false,
    performanceTimer: false,
  });
  const offsetOf = (el: El | undefined): number => {
    for (let e: El | null = el ?? null; e; e = e.parentElement) {
      const v = e.getAttribute('data-ps-offset');
      if (v !== null && /^\d+$/.test(v)) return Number(v);
    }
    return 0;
  };
  const out: PageResult[] = [];
  const lists: [AxeResult[], boolean][] = [
    [res.violations, false],
    [res.incomplete, true],
  ];
  for (const [list, review] of lists) {
    for (const r of list) {
      if (!r.nodes.length) continue;
      out.push({ id: r.id, impact: r.impact ?? null, help: r.help, helpUrl: r.helpUrl, review, nodes: r.nodes.map((n) => ({ impact: n.impact ?? null, offset: offsetOf(n.element) })) });
    }
  }
  return out;
}

/** runAxeInBrowser with the browser fixed: the same call shape as engine.ts's runAxe. */
export function runAxeInBrowserWith(browserPath: string): (input: AxeRunInput) => Promise<BrowserOutcome> {
  return (input) => runAxeInBrowser({ ...input, browserPath });
}

/** Renders a Doc's tree into this process's browser page and runs the given axe rules on it. */
async function runAxeInBrowser(input: AxeRunInput & { browserPath: string }): Promise<BrowserOutcome> {
  const rendered = prepareForAxe(input);
  if ('skip' in rendered) return { kind: 'not-rendered', ...rendered };
  if (!input.rules.length) return { kind: 'done', findings: [], skipped: [], ms: 0 };
  const s = await sessionFor(input.browserPath);
  return exclusive(async () => {
    const started = performance.now();
    const page = s.page && !s.page.isClosed() && s.page.url() === HOME ? s.page : await freshPage(s);
    let timer: NodeJS.Timeout | undefined;
    const overTime = new Promise<'time'>((resolve) => {
      timer = setTimeout(() => resolve('time'), Math.max(1, input.budgetMs));
    });
    let results: PageResult[] | 'time';
    try {
      const evaluation = page.evaluate(inPage, { html: pageHtml(rendered), rules: [...input.rules] });
      // Past the budget the page is closed under it: that rejection is expected, not unhandled.
      evaluation.catch(() => undefined);
      results = await Promise.race([evaluation, overTime]);
    } finally {
      clearTimeout(timer);
    }
    if (results === 'time') {
      // The page may still be busy: the next file gets a new one.
      await page.close().catch(() => undefined);
      return { kind: 'done', findings: [], skipped: [...input.rules], ms: performance.now() - started };
    }
    // A page that navigated after all is not reused.
    if (page.url() !== HOME) await page.close().catch(() => undefined);
    const findings: BrowserFinding[] = [];
    for (const r of results) {
      for (const n of r.nodes) {
        findings.push({
          id: r.id,
          impact: n.impact ?? r.impact ?? 'serious',
          help: r.help,
          helpUrl: r.helpUrl,
          start: n.offset,
          end: rendered.ends.get(n.offset) ?? n.offset,
          ...(r.review ? { review: true } : {}),
        });
      }
    }
    return { kind: 'done', findings, skipped: [], ms: performance.now() - started };
  });
}
