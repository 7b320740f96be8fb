/**
 * `--browser` (issue 19): which Chromium to run axe-core in, and whether
 * playwright-core (an optional peer dependency) is installed. This module
 * loads nothing heavy: the browser engine itself is src/a11y/axe/browser.ts,
 * imported only when a file is checked with `--browser`.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The axe rules that need a layout: off under jsdom, on in the browser unless a config turns them off. */
export const BROWSER_RULES: readonly string[] = ['color-contrast', 'target-size', 'scrollable-region-focusable', 'link-in-text-block'];

/** Where Chromium or Chrome is usually installed, in the order tried. */
export const COMMON_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

export type BrowserChoice = { path: string } | { problem: string };

/**
 * The browser to use: `--browser-path`, else PLAINSPOKE_CHROMIUM or CHROME_PATH, else the first common
 * path that exists. A path that was named but is not a file is a problem, not a reason to look elsewhere.
 */
export function findBrowser(explicit: string | undefined, env: Record<string, string | undefined>): BrowserChoice {
  if (explicit !== undefined) return isFile(explicit) ? { path: explicit } : { problem: `--browser-path ${explicit}: no such file (give the path of a Chromium or Chrome program)` };
  for (const name of ['PLAINSPOKE_CHROMIUM', 'CHROME_PATH']) {
    const value = env[name];
    if (value) return isFile(value) ? { path: value } : { problem: `${name}=${value}: no such file (give the path of a Chromium or Chrome program)` };
  }
  const found = COMMON_BROWSER_PATHS.find(isFile);
  if (found) return { path: found };
  return {
    problem: '--browser: no Chromium or Chrome found. Install one (on Debian: apt-get install chromium), or give its path with --browser-path or PLAINSPOKE_CHROMIUM',
  };
}

/** Whether playwright-core can be loaded from here (it is an optional peer dependency). */
export function playwrightInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('playwright-core');
    return true;
  } catch {
    return false;
  }
}

/** The Chromium the axe rule runs in for this process, or undefined for jsdom (set per run from RunOptions.browser). */
let chosen: string | undefined;

export function useBrowser(path: string | undefined): void {
  chosen = path;
}

export function browserInUse(): string | undefined {
  return chosen;
}
