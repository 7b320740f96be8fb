#!/usr/bin/env node
// The axe stage alone: milliseconds per file to render a file's tree into jsdom and run axe-core on it,
// as the axe rule does (dist/, so run `npm run build` first).
//
//   node scripts/axe-stage.mjs [--naive] [--compare-fresh] [--plain-styles] [--parse-html] [--counts] [--per-rule] [--json] [--limit n] <folder or file>…
//
//   (default)        the shipped path: one jsdom window per process, only the axe rules plainspoke runs
//   --naive          the first, simple way, for "before" numbers: a new jsdom window per file and axe's
//                    default rules less the ones that need a browser, all result types, CSS selectors on
//   --compare-fresh  also run each file the plain way (a new window, the HTML parsed, jsdom's own
//                    computed styles, axe's v1 report) and count files whose findings differ
//   --plain-styles   no computed-style memo (to measure what the memo saves)
//   --parse-html     serialise each tree and have jsdom parse it, instead of building the DOM from the tree
//   --counts         print findings per axe rule
//   --per-rule       print milliseconds per axe rule (the synchronous part of its run: gathering, matching
//                    and checking its elements), summed over the files, and the time outside the rules
//   --json           print one JSON object (for scripts/bench.mjs)
//
// `import { axeStage } from './axe-stage.mjs'` gives the same numbers to another script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;

function walk(path, out = []) {
  const st = statSync(path);
  if (st.isFile()) {
    if (/\.(md|markdown|html?)$/i.test(path)) out.push(path);
    return out;
  }
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.') || name === 'node_modules' || name === 'NOTICE.md') continue;
    walk(join(path, name), out);
  }
  return out;
}

const median = (xs) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const round = (n) => Math.round(n * 10) / 10;

/** Runs the axe stage over the files under `paths`; returns per-file times and counts. */
export async function axeStage(paths, { naive = false, compareFresh = false, plainStyles = false, parseHtml = false, perRule = false, limit = Infinity } = {}) {
  const { createDoc, kindOfPath } = await import(dist('document/document.js'));
  const { ConfigResolver } = await import(dist('config/resolve.js'));
  const { axeRulesFor } = await import(dist('rules/a11y/axe.js'));
  const { renderForAxe } = await import(dist('a11y/axe/render.js'));
  const files = paths.flatMap((p) => walk(resolve(p))).slice(0, limit);
  const settings = ConfigResolver.fromData({}, 'axe-stage', root).resolve(join(root, 'x.md'));
  const times = [];
  const counts = {};
  let mismatches = 0;
  let loadMs = 0;
  let naiveRun;
  if (naive) naiveRun = await naiveRunner();
  const { runAxe, loadEngine, styleStats } = naive ? {} : await import(dist('a11y/axe/engine.js'));
  const { buildStats } = await import(dist('a11y/axe/dom.js'));
  const ruleMs = {};
  if (loadEngine) {
    const t = performance.now();
    const eng = await loadEngine();
    loadMs = performance.now() - t;
    // Each rule's run does its work synchronously (axe defers only the hand-over of the result).
    if (perRule) {
      for (const rule of eng.axe._audit.rules) {
        const run = rule.run;
        rule.run = function (...args) {
          const s = performance.now();
          try {
            return run.apply(this, args);
          } finally {
            ruleMs[this.id] = (ruleMs[this.id] ?? 0) + performance.now() - s;
          }
        };
      }
    }
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const kind = kindOfPath(file) ?? 'markdown';
    const doc = createDoc(file, text, kind, 'article');
    void doc.hast; // the tree is built for the content rules too; not the axe stage's cost
    const input = { hast: doc.hast, fragment: doc.fragment, text, markdown: kind === 'markdown', placeholders: doc.placeholders, rules: axeRulesFor(doc, settings), budgetMs: 60_000, plainStyles, parseHtml };
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    let ids;
    let ms;
    let cpu;
    if (naive) {
      const rendered = renderForAxe(input);
      ids = 'skip' in rendered ? [`0 not-rendered`] : await naiveRun(rendered.html);
      ms = performance.now() - t;
      cpu = process.cpuUsage(cpu0);
    } else {
      const out = await runAxe(input);
      ms = performance.now() - t;
      cpu = process.cpuUsage(cpu0);
      ids = out.kind === 'done' ? out.findings.map((f) => `${f.start} ${f.id}`) : ['0 not-rendered'];
      if (compareFresh) {
        const fresh = await runAxe({ ...input, freshWindow: true, plainStyles: true, parseHtml: true, v1Report: true });
        const freshIds = fresh.kind === 'done' ? fresh.findings.map((f) => `${f.start} ${f.id}`) : ['0 not-rendered'];
        if (JSON.stringify(freshIds) !== JSON.stringify(ids)) {
          mismatches++;
          console.error(`differs in a new window: ${file}`);
        }
      }
    }
    times.push([ms, file, (cpu.user + cpu.system) / 1000]);
    for (const id of ids) {
      const rule = id.slice(id.indexOf(' ') + 1);
      counts[rule] = (counts[rule] ?? 0) + 1;
    }
  }
  const ms = times.map(([m]) => m);
  return {
    mode: naive ? 'naive' : [plainStyles ? 'no style memo' : '', parseHtml ? 'HTML parsed' : ''].filter(Boolean).join(', ') || 'shipped',
    files: files.length,
    loadMs: round(loadMs),
    medianMs: round(median(ms)),
    // CPU time of this process: steadier than wall time on a shared machine.
    medianCpuMs: round(median(times.map((x) => x[2]))),
    meanMs: round(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length)),
    p90Ms: round(pct(ms, 0.9)),
    totalS: round(ms.reduce((a, b) => a + b, 0) / 1000),
    slowest: times.sort((a, b) => b[0] - a[0]).slice(0, 5).map(([m, f]) => ({ ms: round(m), file: f })),
    counts,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(styleStats ? { styles: { ...styleStats }, dom: { ...buildStats } } : {}),
    ...(compareFresh ? { freshMismatches: mismatches } : {}),
    ...(perRule ? { ruleMs: Object.fromEntries(Object.entries(ruleMs).sort((a, b) => b[1] - a[1]).map(([id, v]) => [id, round(v)])) } : {}),
  };
}

/** "Before": a new window per file, axe's default rule set less the rules that need a browser. */
async function naiveRunner() {
  const require = createRequire(join(root, 'package.json'));
  const { JSDOM, VirtualConsole } = require('jsdom');
  const axe = require('axe-core');
  // The rules issue 3 names as needing a browser; everything else axe runs by default, page rules included.
  const layout = ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block', 'target-size', 'scrollable-region-focusable', 'avoid-inline-spacing', 'css-orientation-lock', 'focus-order-semantics', 'frame-tested', 'frame-focusable-content'];
  const off = Object.fromEntries(layout.map((id) => [id, { enabled: false }]));
  return async (html) => {
    const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    const res = await axe.run(dom.window.document.documentElement, { rules: off, iframes: false, preload: false, elementRef: true });
    dom.window.close();
    return res.violations.flatMap((v) => v.nodes.map(() => `0 ${v.id}`));
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (f) => args.includes(f);
  const li = args.indexOf('--limit');
  const limit = li >= 0 ? Number(args[li + 1]) : Infinity;
  const paths = args.filter((a, i) => !a.startsWith('--') && !(li >= 0 && i === li + 1));
  if (!paths.length) {
    console.error('usage: node scripts/axe-stage.mjs [--naive] [--compare-fresh] [--plain-styles] [--parse-html] [--counts] [--per-rule] [--json] [--limit n] <folder or file>…');
    process.exit(2);
  }
  const r = await axeStage(paths, { naive: flag('--naive'), compareFresh: flag('--compare-fresh'), plainStyles: flag('--plain-styles'), parseHtml: flag('--parse-html'), perRule: flag('--per-rule'), limit });
  if (flag('--json')) console.log(JSON.stringify(r));
  else {
    console.log(`axe stage (${r.mode}): ${r.files} files, median ${r.medianMs} ms (CPU ${r.medianCpuMs} ms), mean ${r.meanMs} ms, p90 ${r.p90Ms} ms, total ${r.totalS} s; loading jsdom + axe-core ${r.loadMs} ms; peak RSS ${r.peakRssMiB} MiB`);
    if (r.styles) console.log(`computed styles: ${r.styles.memoised} memoised, ${r.styles.computed} asked of jsdom; pages: ${r.dom.built} built from the tree, ${r.dom.parsed} parsed from HTML`);
    if (r.freshMismatches !== undefined) console.log(`files whose findings differ when run the plain way: ${r.freshMismatches}`);
    console.log('slowest:');
    for (const s of r.slowest) console.log(`  ${s.ms} ms  ${s.file}`);
    if (flag('--counts')) for (const [id, n] of Object.entries(r.counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${id}`);
    if (r.ruleMs) {
      const inRules = Object.values(r.ruleMs).reduce((a, b) => a + b, 0);
      console.log(`per axe rule (ms, all files): ${round(inRules)} in rules, ${round(r.totalS * 1000 - inRules)} outside them (page build, axe's tree and index, garbage collection)`);
      for (const [id, ms] of Object.entries(r.ruleMs).slice(0, 25)) console.log(`  ${String(ms).padStart(8)}  ${id}`);
    }
  }
}
