/**
 * `--browser` (issue 19): axe-core in headless Chromium through the real CLI.
 * Runs when a Chromium is installed (`.ci/run` installs Debian's `chromium`)
 * and playwright-core is present. Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/a11y/axe/browser-path.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/plainspoke.js');
const choice = findBrowser(undefined, process.env);
const chromium = 'path' in choice ? choice.path : undefined;
let playwright = true;
try {
  createRequire(import.meta.url).resolve('playwright-core');
} catch {
  playwright = false;
}
const skip = !chromium || !playwright;
const reason = !chromium ? 'no Chromium installed' : 'playwright-core is not installed';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err });
    });
  });
}

interface Finding {
  ruleId: string;
  line: number;
  column: number;
  severity: string;
  messageId?: string;
}
function findings(run: Run): Map<string, Finding[]> {
  const report = JSON.parse(run.out) as { files: { path: string; findings: Finding[] }[] };
  return new Map(report.files.map((f) => [f.path, f.findings]));
}

describe.skipIf(skip)(`--browser (${skip ? reason : chromium})`, () => {
  let server: Server;
  let base = '';
  const hits: string[] = [];
  let dir = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('/* served */');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
    dir = mkdtempSync(join(tmpdir(), 'plainspoke-browser-'));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends no request from hostile pages and runs none of their scripts', async () => {
    const u = (p: string) => `${base}/${p}`;
    writeFileSync(
      join(dir, 'hostile.html'),
      [
        '<!DOCTYPE html><html lang="en"><head><title>Hostile</title>',
        `<meta http-equiv="refresh" content="0;url=${u('refresh')}">`,
        `<base href="${u('base/')}">`,
        `<link rel="stylesheet" href="${u('css')}"><link rel="preload" as="image" href="${u('preload')}"><link rel="prefetch" href="${u('prefetch')}"><link rel="icon" href="${u('icon')}">`,
        `<style>@import url(${u('import')}); body { background: url(${u('bg')}) } @font-face { font-family: x; src: url(${u('font')}) } p { font-family: x }</style>`,
        `<script src="${u('script')}"></script><script>fetch(${JSON.stringify(u('inline-fetch'))})</script>`,
        // Had a script run, the page would hold an image without alt text, and axe would say so.
        `<script>document.documentElement.insertAdjacentHTML('beforeend', '<img src="data:,">')</script>`,
        '</head><body><main><h1>Refunds</h1><p>Text.</p>',
        `<img src="${u('img')}" alt="a" onerror="fetch('${u('onerror')}'); document.body.append(document.createElement('img'))"><img srcset="${u('srcset')} 2x" alt="b">`,
        `<img src="data:," alt="d" onload="document.body.append(document.createElement('img'))">`,
        `<picture><source srcset="${u('source')}"><img alt="c"></picture>`,
        `<iframe title="f" src="${u('iframe')}"></iframe><iframe title="g" srcdoc="<img src=${u('srcdoc')}><script>fetch('${u('srcdoc-script')}')</script>"></iframe>`,
        `<iframe title="h" src="javascript:fetch('${u('js-url')}')"></iframe>`,
        `<object data="${u('object')}" title="o"></object><embed src="${u('embed')}" title="e">`,
        `<video src="${u('video')}" poster="${u('poster')}" controls></video><audio src="${u('audio')}" controls></audio>`,
        `<svg><image href="${u('svg-image')}"/></svg><input type="image" src="${u('input')}" alt="go">`,
        `<div style="background-image: url(${u('inline-style')})">Box</div>`,
        `<form action="${u('form')}"><button autofocus onfocus="fetch('${u('onfocus')}')">Send</button></form>`,
        `<a href="${u('link')}" ping="${u('ping')}">Read the refund guide</a>`,
        '</main></body></html>',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'hostile.md'), `# Refunds\n\n![Chart](${u('md-img')})\n\n<img src="${u('md-raw')}" alt="x" onload="fetch('${u('md-onload')}')">\n\n<iframe title="t" src="${u('md-frame')}"></iframe>\n`);
    const run = await cli(['--browser', '--format', 'json', '--jobs', '1', 'hostile.html', 'hostile.md'], dir);
    expect(run.err).toBe('');
    expect(run.code).toBe(1);
    // Late requests would still arrive here after the browser closed: wait a moment.
    await new Promise((r) => setTimeout(r, 500));
    expect(hits).toEqual([]);
    // The page was checked: axe's findings are there (frames without a title are not: all three have one).
    const byFile = findings(run);
    expect(byFile.get('hostile.html')!.some((f) => f.ruleId.startsWith('axe/'))).toBe(true);
    // No script or event handler ran: every image of the page has alt text, so none lacks it.
    expect(byFile.get('hostile.html')!.filter((f) => f.ruleId === 'axe/image-alt' || f.ruleId === 'image-alt')).toEqual([]);
  });

  it('finds a colour-contrast failure from a <style> rule at its source line', async () => {
    writeFileSync(
      join(dir, 'contrast.html'),
      '<!DOCTYPE html>\n<html lang="en"><head><title>Plans</title>\n<style>\n.pale { color: #bbb; background: #fff }\n</style></head>\n<body><main><h1>Plans</h1>\n<p>Dark words.</p>\n<p class="pale">Pale words here.</p>\n</main></body></html>\n',
    );
    // plainspoke's own color-contrast rule flags the same element (and then axe's twin is not repeated): off here.
    const run = await cli(['--browser', '--format', 'json', '--rule', 'color-contrast:off', 'contrast.html'], dir);
    expect(run.err).toBe('');
    const got = findings(run).get('contrast.html')!.filter((f) => f.ruleId === 'axe/color-contrast');
    expect(got.map((f) => [f.line, f.column, f.severity, f.messageId])).toEqual([[8, 1, 'error', 'violation']]);
    // jsdom has no layout: the same file without --browser has no axe/color-contrast.
    const plain = await cli(['--format', 'json', '--rule', 'color-contrast:off', 'contrast.html'], dir);
    expect((findings(plain).get('contrast.html') ?? []).filter((f) => f.ruleId === 'axe/color-contrast')).toEqual([]);
  });

  it('gives the same findings as jsdom for the rules both run, on the axe and color-contrast fixtures', async () => {
    const folders = ['fixtures/rules/axe', 'fixtures/rules/color-contrast'];
    const layout = new Set(['axe/color-contrast', 'axe/target-size', 'axe/scrollable-region-focusable', 'axe/link-in-text-block']);
    const pick = (run: Run) => {
      const out: string[] = [];
      for (const [path, list] of findings(run)) {
        for (const f of list) {
          // Only the browser reports axe's "needs review" results and the layout rules.
          if (f.ruleId.startsWith('axe/') && !layout.has(f.ruleId) && !f.messageId?.startsWith('review')) out.push(`${path}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`);
        }
      }
      return out.sort();
    };
    const jsdom = await cli(['--format', 'json', '--jobs', '1', ...folders], ROOT);
    const browser = await cli(['--browser', '--format', 'json', '--jobs', '1', ...folders], ROOT);
    expect(browser.err).toBe('');
    expect(pick(jsdom).length).toBeGreaterThan(5);
    // One known difference: axe's landmark-one-main never fails under jsdom (a full page with no <main>
    // passes there); the browser finds it. Every other finding is the same.
    const missedByJsdom = 'fixtures/rules/color-contrast/valid.html:2:1 axe/landmark-one-main warning';
    expect(pick(jsdom)).not.toContain(missedByJsdom);
    expect(pick(browser)).toEqual([...pick(jsdom), missedByJsdom].sort());
    // Inconclusive results are info, "needs review".
    for (const list of findings(browser).values()) for (const f of list) if (f.messageId?.startsWith('review')) expect(f.severity).toBe('info');
  });

  it('exits 2 with a clear message when the browser is not there', async () => {
    writeFileSync(join(dir, 'one.md'), '# Refunds\n\nAsk for a refund.\n');
    const run = await cli(['--browser-path', join(dir, 'no-such-chromium'), 'one.md'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--browser-path');
    expect(run.err).toContain('no such file');
  });
});
