/**
 * Documents are untrusted (issue 3 part 4): linting a hostile page must run
 * none of its scripts and fetch none of its resources. A local HTTP server
 * counts every request; scripts try to write a marker file (also by escaping
 * jsdom's sandbox) and to call the server; every way HTML has to load
 * something points at the server or at a file:// path. A file:// URL also
 * points at a named pipe: a reader that opened it would still be waiting for
 * a writer, so opening it for writing without blocking must fail (ENXIO).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findings, project, runCli } from './helpers/cli.js';

let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '?');
    res.setHeader('content-type', req.url?.endsWith('.css') ? 'text/css' : 'text/html');
    res.end(req.url?.endsWith('.css') ? 'img { display: none }' : '<script>fetch("/from-frame")</script>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

function hostile(marker: string, fifo: string): string {
  const u = (path: string) => `http://127.0.0.1:${port}/${path}`;
  const write = JSON.stringify(marker);
  // Every way a script could reach the file system from inside jsdom.
  const script = [
    `try { require('fs').writeFileSync(${write}, 'require') } catch (e) {}`,
    `try { this.constructor.constructor('return process')().mainModule.require('fs').writeFileSync(${write}, 'escape') } catch (e) {}`,
    `try { process.getBuiltinModule('fs').writeFileSync(${write}, 'builtin') } catch (e) {}`,
    `try { fetch(${JSON.stringify(u('fetch'))}) } catch (e) {}`,
    `try { new Image().src = ${JSON.stringify(u('image-from-script'))} } catch (e) {}`,
    `try { var x = new XMLHttpRequest(); x.open('GET', ${JSON.stringify(u('xhr'))}); x.send() } catch (e) {}`,
    `try { document.write('<img src=${u('written')}>') } catch (e) {}`,
  ].join('\n');
  const call = (path: string) => `fetch('${u(path)}')`;
  return `<!doctype html>
<html lang="en">
<head>
<title>Hostile page</title>
<base href="${u('base/')}">
<meta http-equiv="refresh" content="0; url=${u('refresh')}">
<link rel="stylesheet" href="${u('sheet.css')}">
<link rel="import" href="${u('import.html')}">
<link rel="preload" as="font" href="${u('font.woff2')}" crossorigin>
<link rel="icon" href="${u('favicon.ico')}">
<link rel="stylesheet" href="file://${fifo}">
<style>
@import url("${u('imported.css')}");
@import "file://${fifo}";
@font-face { font-family: X; src: url(${u('font.woff')}); }
body { background: url(${u('background.png')}); }
</style>
<script src="${u('script.js')}"></script>
<script>${script}</script>
<script type="module">import(${JSON.stringify(u('module.js'))})</script>
</head>
<body onload="${call('onload')}">
<main>
<h1>Hostile page</h1>
<p>Text with an image: <img src="${u('image.png')}" alt="Company logo" onerror="${call('onerror')}" onload="${call('imgload')}"></p>
<img src="relative.png" alt="An image relative to the base">
<img srcset="${u('srcset.png')} 1x" alt="An image from a srcset">
<picture><source srcset="${u('picture.webp')}"><img src="picture.png" alt="A picture"></picture>
<img src="file://${fifo}" alt="A local file">
<iframe src="${u('frame.html')}" title="A frame"></iframe>
<iframe srcdoc="<script>parent.fetch('${u('srcdoc')}')</script><img src=${u('srcdoc-img')}>" title="A srcdoc frame"></iframe>
<iframe src="javascript:fetch('${u('js-frame')}')" title="A javascript frame"></iframe>
<iframe src="file://${fifo}" title="A local file frame"></iframe>
<frameset><frame src="${u('frame2.html')}"></frameset>
<p><a href="javascript:${call('js-link')}">A javascript link</a></p>
<object data="${u('object.swf')}" aria-label="An object"></object>
<embed src="${u('embed.swf')}">
<video src="${u('video.mp4')}" poster="${u('poster.png')}" controls autoplay><track src="${u('captions.vtt')}" kind="captions"></video>
<audio src="${u('audio.mp3')}" controls autoplay></audio>
<svg role="img" aria-label="A drawing"><script>fetch('${u('svg-script')}')</script><image href="${u('svg-image.png')}"/></svg>
<div style="background-image: url(${u('inline-style.png')})">Styled text</div>
<input type="image" src="${u('input.png')}" alt="Go">
<form action="${u('form')}"><label>Name <input name="n" autofocus onfocus="${call('onfocus')}"></label><button>Send</button></form>
<p><button onclick="${call('onclick')}"></button></p>
<details open ontoggle="${call('ontoggle')}"><summary>More</summary>Details</details>
<math><maction actiontype="statusline" xlink:href="${u('math')}">x</maction></math>
</main>
</body>
</html>
`;
}

describe('a hostile document', () => {
  it('runs no script, requests nothing, reads no local file, and is still reported', async () => {
    const fifo = join(project({}), 'pipe');
    const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
    const dir = project({});
    const marker = join(dir, 'script-ran.txt');
    const page = hostile(marker, hasFifo ? fifo : join(dir, 'missing'));
    // The same attacks as raw HTML in Markdown, which is rendered for axe too.
    const markdown = `# Hostile article\n\nSome text.\n\n${page.replace(/^<!doctype html>\n<html lang="en">\n<head>\n/, '').replace(/<\/?(?:html|head|body)[^>]*>\n?/g, '')}`;
    const files = project({ 'hostile.html': page, 'hostile.md': markdown });
    const r = await runCli(['--format', 'json', '--jobs', '1', '--no-progress', 'hostile.html', 'hostile.md'], { cwd: files });
    await new Promise((ok) => setTimeout(ok, 500));
    expect(existsSync(marker), 'a script in the document ran').toBe(false);
    expect(hits, 'the document made requests').toEqual([]);
    if (hasFifo) expect(() => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)), 'something opened the local file').toThrow(/ENXIO/);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.out) as { files: { path: string; error?: string }[] };
    expect(report.files.map((f) => f.path)).toEqual(['hostile.html', 'hostile.md']);
    expect(report.files.map((f) => f.error)).toEqual([undefined, undefined]);
    // axe did run on it: the empty button has no name.
    expect(findings(r.out).filter((f) => f.ruleId === 'axe/button-name').map((f) => f.path)).toEqual(['hostile.html', 'hostile.md']);
  });
});
