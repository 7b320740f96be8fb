/**
 * The insights report (`--format html`, issue 18) in a real browser: Debian's
 * Chromium driven by playwright-core. axe-core finds nothing in light and dark
 * mode, the page asks the network for nothing, Tab reaches every <summary>,
 * 320 px needs no sideways scrolling, print shows the closed findings, and a
 * screenshot lands in test/artifacts/ for review.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { runCli } from '../helpers/cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const CORPUS = ['arduino-help-center', 'login-gov-help', 'github-site-policy'].map((c) => resolve(ROOT, '..', 'shared', 'corpus', c));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let report: string;

beforeAll(async () => {
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // A report with every section filled: replies (care), an earlier report (the loop and the trend).
  const history = mkdtempSync(join(tmpdir(), 'plainspoke-history-'));
  const first = await runCli(['--no-axe', '--format', 'json', 'fixtures/examples'], { cwd: ROOT });
  const earlier = JSON.parse(first.out) as { files: { findings: unknown[] }[] };
  // The earlier report had one more problem per file and one fewer in the first: the trend moves.
  earlier.files[0].findings = earlier.files[0].findings.slice(1);
  writeFileSync(join(history, '2026-11-01.json'), JSON.stringify(earlier));
  const r = await runCli(['--no-axe', '--format', 'html', '--history', history, 'fixtures/examples'], { cwd: ROOT });
  expect(r.err).toBe('');
  report = r.out;
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Loads the report with requests recorded and stopped; the CSP is bypassed so a stray reference would show up as a request. */
async function open(options: BrowserContextOptions = {}): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(report, { waitUntil: 'load' });
  return { page, requests, close: () => context.close() };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('the insights report in Chromium', () => {
  it.each(['light', 'dark'] as const)('axe-core finds no violations in %s mode, colour contrast included, with every file open', async (colorScheme) => {
    const { page, close } = await open({ colorScheme });
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('makes no network request', async () => {
    const { page, requests, close } = await open();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]);
    await close();
  });

  it('a keyboard-only walk with Tab reaches every summary', async () => {
    const { page, close } = await open();
    const total = await page.evaluate(() => document.querySelectorAll('summary').length);
    const stops = await page.evaluate(() => document.querySelectorAll('a[href], summary').length);
    expect(total).toBeGreaterThan(0);
    const reached = new Set<number>();
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => [...document.querySelectorAll('summary')].indexOf(document.activeElement as HTMLElement));
      if (at >= 0) reached.add(at);
    }
    expect(reached.size).toBe(total);
    // Enter on a focused summary opens it.
    await page.focus('summary');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.querySelector('details') as HTMLDetailsElement).open)).toBe(true);
    await close();
  });

  it.each(['light', 'dark'] as const)('reflows at 320 px with no sideways scrolling (%s), closed and open', async (colorScheme) => {
    const { page, close } = await open({ viewport: { width: 320, height: 800 }, colorScheme });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(320);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await width()).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(ARTIFACTS, `report-320-${colorScheme}.png`), fullPage: true });
    await close();
  });

  it('prints the findings of closed files, and a desktop screenshot goes to test/artifacts/', async () => {
    const { page, close } = await open({ viewport: { width: 1200, height: 900 } });
    await page.screenshot({ path: join(ARTIFACTS, 'report-desktop.png'), fullPage: true });
    const hiddenOnScreen = await page.evaluate(() => (document.querySelector('details .finds') as HTMLElement).checkVisibility());
    expect(hiddenOnScreen).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const shownInPrint = await page.evaluate(() => (document.querySelector('details .finds') as HTMLElement).checkVisibility());
    expect(shownInPrint).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'report-desktop.png'))).toBe(true);
    await close();
  });
});

describe('the full Markdown corpus', () => {
  it.skipIf(!CORPUS.every((c) => existsSync(c)))(
    'makes a report under 2 MB',
    async () => {
      const r = await runCli(['--no-axe', '--no-progress', '--format', 'html', ...CORPUS], { cwd: ROOT });
      expect(r.code).not.toBe(2);
      const bytes = Buffer.byteLength(r.out);
      expect(bytes).toBeGreaterThan(100_000);
      expect(bytes).toBeLessThan(2_000_000);
    },
    600_000,
  );
});
