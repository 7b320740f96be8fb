#!/usr/bin/env node
/**
 * `npm run bench` (issue 6): lints the support-content corpus in every mode
 * and prints wall time, files per second and peak memory next to alex and
 * markdownlint-cli2 on the same files, the time per stage, the ten slowest
 * files, findings per rule per corpus set (DESIGN 6.6) and a linear-growth
 * check. A script, not a test: `npm test` must pass without ../shared.
 *
 *   node scripts/bench.mjs [--repeat n] [--pairs n] [--skip-html] [--skip-tools] [--skip-scale] [--skip-browser]
 *                          [--scale-files n] [--only scale|stub|browser|start-up] [--json out.json]
 *
 * Issue 19 adds: --no-axe against markdownlint-cli2 in alternating pairs too;
 * a generated 5,000-file repository (the corpus copied with varied names and a
 * small edit each) against the 556 files, with files/s and peak memory; a
 * simulated 100,000-file run (PLAINSPOKE_STUB_LINT=1 makes each lint a no-op)
 * that times discovery and scheduling at 10k, 50k and 100k files; and
 * `--browser` on the rendered HTML files, with the findings jsdom misses.
 * `--only <part>` runs one of those parts alone (the full bench is long).
 *
 * The headline (full run vs alex) takes the median of --pairs runs of each
 * (default 3), the two tools alternating: on a shared 2-core VM one run of
 * either moves by ±10% from one minute to the next, and alternating keeps a
 * slow minute from landing on one tool only.
 *
 * The corpus is ../shared/corpus (or PLAINSPOKE_CORPUS). Each run is a child
 * process; peak memory is the RSS high-water mark from `/usr/bin/time -v`
 * (worker threads share the process, so that is the whole run), or, without
 * it, the sum of RSS over the process tree sampled from /proc every 25 ms.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generated } from './generated-markdown.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(process.env.PLAINSPOKE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));
const MD_SETS = ['arduino-help-center', 'login-gov-help', 'github-site-policy'];
const HTML_SET = 'rendered-html';
const BIN = join(ROOT, 'bin', 'plainspoke.js');
const ALEX = join(ROOT, 'node_modules', '.bin', 'alex');
const MDL = join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2');
const TIME = '/usr/bin/time';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const REPEAT = Math.max(1, Number(value('--repeat', '1')) || 1);
const PAIRS = Math.max(1, Number(value('--pairs', '3')) || 3);

if (!MD_SETS.every((s) => existsSync(join(CORPUS, s)))) {
  console.log(`bench: no corpus at ${CORPUS} (expected ${MD_SETS.join(', ')}).`);
  console.log('bench: clone the shared corpus next to this repository (../shared/corpus) or set PLAINSPOKE_CORPUS; nothing to measure.');
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.log('bench: dist/ is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(1);
}

const haveTime = spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'plainspoke-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Every file of a set with one of the extensions, NOTICE.md (the set's licence note) left out. */
function filesOf(set, exts) {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some((x) => e.name.endsWith(x)) && e.name !== 'NOTICE.md') out.push(p);
    }
  };
  walk(join(CORPUS, set));
  return out.sort();
}

const mdFiles = MD_SETS.flatMap((s) => filesOf(s, ['.md']));
const htmlFiles = existsSync(join(CORPUS, HTML_SET)) && !flag('--skip-html') ? filesOf(HTML_SET, ['.html']) : [];
const sizeOf = (f) => statSync(f).size;
const mdBytes = mdFiles.reduce((n, f) => n + sizeOf(f), 0);

/* ------------------------------------------------------------------ running */

/** Runs a command; returns wall seconds, peak RSS (MiB), exit code and captured output. */
function measure(cmd, argv, opts = {}) {
  return new Promise((done) => {
    const useTime = haveTime && !opts.noTime;
    const started = performance.now();
    const child = spawn(useTime ? TIME : cmd, useTime ? ['-v', cmd, ...argv] : argv, {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      if (opts.keepStdout) out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 4_000_000) err = err.slice(-100_000);
    });
    let peakKb = 0;
    let cpu;
    const sampler = useTime ? undefined : setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid))), 25);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (sampler) clearInterval(sampler);
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
        peakKb = m ? Number(m[1]) : 0;
        const s = /Exit status: (\d+)/.exec(err);
        if (s) code = Number(s[1]);
        // CPU time of the process and its threads (user + system, 10 ms steps): other load on the machine moves it less than wall time.
        const user = /User time \(seconds\): ([\d.]+)/.exec(err);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(err);
        if (user && sys) cpu = Number(user[1]) + Number(sys[1]);
        err = err.replace(/\n?\tCommand being timed:[\s\S]*$/, '');
      }
      done({ wall, cpu, peakMiB: peakKb / 1024, code, out, err });
    });
  });
}

/** Sum of VmRSS over a process and its descendants (fallback when /usr/bin/time is missing). */
function treeRssKb(root) {
  let total = 0;
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  for (const pid of parent.keys()) {
    let p = pid;
    while (p && p !== root && parent.has(p)) p = parent.get(p);
    if (p !== root) continue;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return total;
}

/** Best of REPEAT runs (wall), keeping the highest peak memory seen. */
async function best(cmd, argv, opts) {
  let result;
  for (let i = 0; i < (opts?.repeat ?? REPEAT); i++) {
    const r = await measure(cmd, argv, opts);
    if (!result || r.wall < result.wall) result = { ...r, peakMiB: Math.max(r.peakMiB, result?.peakMiB ?? 0) };
    else result.peakMiB = Math.max(result.peakMiB, r.peakMiB);
  }
  return result;
}

async function median(cmd, argv, n, opts) {
  const walls = [];
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const r = await measure(cmd, argv, opts);
    walls.push(r.wall);
    peak = Math.max(peak, r.peakMiB);
  }
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(n / 2)], peakMiB: peak, min: walls[0] };
}

const node = process.execPath;
const ps = (argv, opts) => best(node, [BIN, ...argv], opts);

/** Runs of each for the one-file start-up figure (issue 19: ≤ 2.0× `node -e 0`). */
const ONE_FILE_RUNS = 15;

/**
 * `node -e 0` and `plainspoke --no-axe <article>`, alternating, ONE_FILE_RUNS of each: the median wall
 * time and, separately, the median CPU time (user + system) of each, and the highest peak memory.
 */
async function oneFileRuns(article) {
  const runs = { zero: [], one: [] };
  for (let i = 0; i < ONE_FILE_RUNS; i++) {
    runs.zero.push(await measure(node, ['-e', '0'], {}));
    runs.one.push(await measure(node, [BIN, '--no-axe', article], {}));
  }
  const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const summary = (rs) => {
    const cpus = rs.map((r) => r.cpu).filter((c) => c !== undefined);
    return { wall: mid(rs.map((r) => r.wall)), cpu: cpus.length ? mid(cpus) : undefined, peakMiB: Math.max(...rs.map((r) => r.peakMiB)), walls: rs.map((r) => r.wall).sort((a, b) => a - b) };
  };
  return { zero: summary(runs.zero), one: summary(runs.one) };
}
const checkRun = (name, r) => {
  if (r.code === 2) console.log(`  ! ${name}: plainspoke exited 2 (a file failed): ${r.err.split('\n').filter(Boolean).slice(0, 3).join(' | ')}`);
};

/* ------------------------------------------------------------------ modes */

const rows = [];
const row = (tool, mode, files, r, note = '') => {
  rows.push({ tool, mode, files, wall: r.wall, cpu: r.cpu, fps: files / r.wall, peakMiB: r.peakMiB, note });
  // CPU (user + system of the whole process) next to wall time: on a shared machine the other users' load moves it less (issue 19).
  const cpu = r.cpu === undefined ? '' : `  CPU ${r.cpu.toFixed(2).padStart(6)} s`;
  console.log(`  ${tool.padEnd(18)} ${mode.padEnd(26)} ${r.wall.toFixed(2).padStart(7)} s${cpu}  ${r.peakMiB.toFixed(0).padStart(5)} MiB${note ? `  (${note})` : ''}`);
};

console.log(`plainspoke bench — ${mdFiles.length} Markdown files (${(mdBytes / 1024).toFixed(0)} KB) in ${MD_SETS.join(', ')}; ${htmlFiles.length} HTML files in ${HTML_SET}`);
console.log(`node ${process.version}, ${availableParallelism()} CPUs, peak memory from ${haveTime ? '/usr/bin/time -v' : '/proc sampling'}, best of ${REPEAT}\n`);

// `--only <part>`: one part of the issue 19 bench alone.
const ONLY = value('--only', undefined);
if (ONLY) {
  if (ONLY === 'scale') for (const [name, ratio, limit, measured] of await scaleSection(undefined)) console.log(`  target: ${name}: ${measured} → ${ratio <= limit ? 'met' : 'NOT met'}`);
  else if (ONLY === 'stub') await stubSection();
  else if (ONLY === 'browser') await browserSection(htmlFiles, join(work, 'jsdom-html.json'));
  else if (ONLY === 'start-up') {
    const bySize = [...mdFiles].sort((a, b) => sizeOf(a) - sizeOf(b));
    const article = bySize[Math.floor(bySize.length / 2)];
    const { zero, one } = await oneFileRuns(article);
    console.log(`one file --no-axe ${one.wall.toFixed(3)} s vs node -e 0 ${zero.wall.toFixed(3)} s: ${(one.wall / zero.wall).toFixed(2)}× wall (medians of ${ONE_FILE_RUNS}, alternating)`);
    if (one.cpu !== undefined) console.log(`  CPU (user + system): ${one.cpu.toFixed(3)} s vs ${zero.cpu.toFixed(3)} s: ${(one.cpu / zero.cpu).toFixed(2)}×`);
  } else console.log(`bench: --only ${ONLY}: use scale, stub, browser or start-up`);
  process.exit(0);
}

const fullJson = join(work, 'full-md.json');
const noAxeJson = join(work, 'noaxe-md.json');
const htmlJson = join(work, 'full-html.json');
const timingEnv = { env: { PLAINSPOKE_TIMING: '1' } };

/** Median wall time of the runs, their median CPU time (taken apart from the wall time), the highest peak memory, and every wall time. */
function medianRun(runs) {
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  const mid = runs.find((r) => r.wall === walls[Math.floor((walls.length - 1) / 2)]);
  const cpus = runs.map((r) => r.cpu).filter((c) => c !== undefined).sort((a, b) => a - b);
  return { ...mid, cpu: cpus.length ? cpus[Math.floor((cpus.length - 1) / 2)] : undefined, peakMiB: Math.max(...runs.map((r) => r.peakMiB)), walls };
}

console.log('Markdown corpus:');
const toolCwd = mkdtempSync(join(work, 'tools-'));
const fullRuns = [];
const alexRuns = [];
for (let i = 0; i < (flag('--skip-tools') ? 1 : PAIRS); i++) {
  fullRuns.push(await measure(node, [BIN, '--format', 'json', '--output-file', fullJson, ...mdFiles], timingEnv));
  if (!flag('--skip-tools')) alexRuns.push(await measure(ALEX, mdFiles, { cwd: toolCwd }));
}
const full = medianRun(fullRuns);
checkRun('full', full);
row('plainspoke', 'full (axe on)', mdFiles.length, full, `median of ${fullRuns.length}: ${full.walls.map((w) => w.toFixed(2)).join(', ')} s`);
// --no-axe against markdownlint-cli2, alternating too (issue 19: ≤ 1.0×).
const noAxeRuns = [];
const mdlRuns = [];
for (let i = 0; i < (flag('--skip-tools') ? 1 : PAIRS); i++) {
  noAxeRuns.push(await measure(node, [BIN, '--no-axe', '--format', 'json', '--output-file', noAxeJson, ...mdFiles], timingEnv));
  if (!flag('--skip-tools')) mdlRuns.push(await measure(MDL, mdFiles.map((f) => `:${f}`), { cwd: toolCwd }));
}
const noAxe = medianRun(noAxeRuns);
checkRun('--no-axe', noAxe);
row('plainspoke', '--no-axe', mdFiles.length, noAxe, `median of ${noAxeRuns.length}: ${noAxe.walls.map((w) => w.toFixed(2)).join(', ')} s`);
const cacheFile = join(work, 'cache', '.plainspokecache');
rmSync(dirname(cacheFile), { recursive: true, force: true });
const cold = await ps(['--cache', '--cache-location', cacheFile, '--format', 'json', '--output-file', join(work, 'cold.json'), ...mdFiles], { repeat: 1 });
row('plainspoke', '--cache (cold)', mdFiles.length, cold);
// A warm run takes well under a second, so one run is mostly noise: take the median of five.
const warmRuns = [];
for (let i = 0; i < 5; i++) warmRuns.push(await measure(node, [BIN, '--cache', '--cache-location', cacheFile, '--format', 'json', '--output-file', join(work, 'warm.json'), ...mdFiles]));
const warm = [...warmRuns].sort((a, b) => a.wall - b.wall)[2];
row('plainspoke', '--cache (warm)', mdFiles.length, warm, `median of 5: ${warmRuns.map((r) => r.wall.toFixed(2)).join(', ')} s`);
const sameCached = existsSync(join(work, 'cold.json')) && readFileSync(join(work, 'cold.json'), 'utf8') === readFileSync(join(work, 'warm.json'), 'utf8');

let alex;
let mdl;
if (!flag('--skip-tools')) {
  alex = medianRun(alexRuns);
  row('alex 11.0.1', 'default', mdFiles.length, alex, `median of ${alexRuns.length}, alternating with plainspoke: ${alex.walls.map((w) => w.toFixed(2)).join(', ')} s`);
  mdl = medianRun(mdlRuns);
  row('markdownlint-cli2', 'default', mdFiles.length, mdl, `median of ${mdlRuns.length}, alternating with --no-axe: ${mdl.walls.map((w) => w.toFixed(2)).join(', ')} s`);
}

// One article: the median-sized Markdown file, as a pre-commit hook lints it.
const bySize = [...mdFiles].sort((a, b) => sizeOf(a) - sizeOf(b));
const article = bySize[Math.floor(bySize.length / 2)];
// Alternating, fifteen of each (issue 19: ≤ 2.0×).
const { zero: nodeZero, one: oneNoAxe } = await oneFileRuns(article);
const oneFull = await median(node, [BIN, article], 3, {});
const oneMdl = flag('--skip-tools') ? undefined : await median(MDL, [`:${article}`], 3, { cwd: work });
console.log(`\nOne article (${relative(CORPUS, article)}, ${sizeOf(article)} bytes), median wall:`);
console.log(`  node -e 0 ${nodeZero.wall.toFixed(3)} s · plainspoke --no-axe ${oneNoAxe.wall.toFixed(3)} s · plainspoke ${oneFull.wall.toFixed(3)} s${oneMdl ? ` · markdownlint-cli2 ${oneMdl.wall.toFixed(3)} s` : ''}`);
if (oneNoAxe.cpu !== undefined) console.log(`  CPU (user + system), medians: node -e 0 ${nodeZero.cpu.toFixed(3)} s · plainspoke --no-axe ${oneNoAxe.cpu.toFixed(3)} s (${(oneNoAxe.cpu / nodeZero.cpu).toFixed(2)}×)`);
row('plainspoke', 'one file --no-axe', 1, oneNoAxe);
row('plainspoke', 'one file (axe on)', 1, oneFull);
row('node -e 0', 'start-up', 1, nodeZero);

let htmlFull;
let htmlNoAxe;
if (htmlFiles.length) {
  console.log('\nHTML corpus:');
  htmlFull = await ps(['--format', 'json', '--output-file', htmlJson, ...htmlFiles], timingEnv);
  checkRun('html full', htmlFull);
  row('plainspoke', 'html full (axe on)', htmlFiles.length, htmlFull);
  htmlNoAxe = await ps(['--no-axe', '--format', 'json', '--output-file', join(work, 'noaxe-html.json'), ...htmlFiles]);
  row('plainspoke', 'html --no-axe', htmlFiles.length, htmlNoAxe);
}

/* ------------------------------------------------------------------ tables */


console.log('\n## Wall time, throughput, memory\n');
console.log('| tool | mode | files | wall s | CPU s | files/s | peak MiB | vs alex | vs markdownlint-cli2 | CPU vs alex | CPU vs markdownlint-cli2 |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const many = r.files > 1 && r.mode !== 'start-up' && !r.mode.startsWith('html');
  const vsAlex = alex && many ? fmt(r.wall / alex.wall) : '';
  const vsMdl = mdl && many ? fmt(r.wall / mdl.wall) : '';
  const cpuVsAlex = alex?.cpu && r.cpu !== undefined && many ? fmt(r.cpu / alex.cpu) : '';
  const cpuVsMdl = mdl?.cpu && r.cpu !== undefined && many ? fmt(r.cpu / mdl.cpu) : '';
  console.log(`| ${r.tool} | ${r.mode} | ${r.files} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${fmt(r.fps, 1)} | ${fmt(r.peakMiB, 0)} | ${vsAlex} | ${vsMdl} | ${cpuVsAlex} | ${cpuVsMdl} |`);
}
console.log(`\nOne file --no-axe / node -e 0: ${fmt(oneNoAxe.wall / nodeZero.wall)}× (target ≤ 2).  Warm cache / cold: ${fmt((100 * warm.wall) / cold.wall, 1)}% (target ≤ 5%).  Warm cache output identical to cold: ${sameCached ? 'yes' : 'NO'}.`);

/* ------------------------------------------------------------------ targets */

const targets = [];
const cpuNote = (a, b) => (a.cpu !== undefined && b.cpu !== undefined ? `; CPU ${fmt(a.cpu)} s vs ${fmt(b.cpu)} s` : '');
if (alex) targets.push(['full run ≤ 0.6× alex (medians, alternating)', full.wall / alex.wall, 0.6, `${fmt(full.wall)} s vs ${fmt(alex.wall)} s${cpuNote(full, alex)}`]);
targets.push(['full run peak memory < 400 MiB', full.peakMiB / 400, 1.0, `${fmt(full.peakMiB, 0)} MiB`]);
if (mdl) targets.push(['--no-axe ≤ 1.0× markdownlint-cli2 (medians, alternating)', noAxe.wall / mdl.wall, 1.0, `${fmt(noAxe.wall)} s vs ${fmt(mdl.wall)} s${cpuNote(noAxe, mdl)}`]);
targets.push([`one file --no-axe ≤ 2× node -e 0 (medians of ${ONE_FILE_RUNS}, alternating)`, oneNoAxe.wall / nodeZero.wall, 2, `${fmt(oneNoAxe.wall, 3)} s vs ${fmt(nodeZero.wall, 3)} s`]);
targets.push(['warm --cache ≤ 5% of cold', warm.wall / cold.wall, 0.05, `${fmt(warm.wall)} s vs ${fmt(cold.wall)} s`]);

/* ------------------------------------------------------------------ stages */

const registry = await import(pathToFileURL(join(ROOT, 'dist', 'rules', 'registry.js')).href);
const ruleInfo = new Map(registry.allRules().map((r) => [r.id, r]));
const groupOf = (id) => {
  const r = ruleInfo.get(id);
  if (!r) return 'other rules';
  if (r.needs?.includes('axe')) return 'axe';
  if (r.family === 'plain') return 'prose rules';
  if (r.family === 'care') return 'care rules';
  if (r.family === 'a11y') return 'content rules';
  return 'other rules';
};

function stageReport(title, file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const stages = {};
  const rules = {};
  let total = 0;
  const files = [];
  for (const f of report.files) {
    if (!f.timing) continue;
    total += f.timing.totalMs;
    for (const [k, v] of Object.entries(f.timing.stages)) {
      const key = k === 'rules' ? undefined : k === 'read' || k === 'parse' || k === 'sentences' || k === 'hast' ? `parse: ${k}` : k;
      if (key) stages[key] = (stages[key] ?? 0) + v;
    }
    for (const [id, v] of Object.entries(f.timing.rules)) {
      rules[id] = (rules[id] ?? 0) + v;
      stages[groupOf(id)] = (stages[groupOf(id)] ?? 0) + v;
    }
    files.push(f);
  }
  if (!files.length) return;
  console.log(`\n## Time per stage — ${title} (sum over files, all threads: ${fmt(total / 1000)} s)\n`);
  console.log('| stage | s | share |');
  console.log('| --- | ---: | ---: |');
  const order = ['parse: read', 'parse: parse', 'parse: sentences', 'parse: hast', 'prose rules', 'care rules', 'content rules', 'axe', 'other rules', 'finish'];
  for (const k of [...order, ...Object.keys(stages).filter((k) => !order.includes(k))]) {
    if (stages[k] === undefined) continue;
    console.log(`| ${k} | ${fmt(stages[k] / 1000)} | ${fmt((100 * stages[k]) / total, 1)}% |`);
  }
  console.log('\nSlowest rules: ' + Object.entries(rules).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([id, ms]) => `${id} ${fmt(ms / 1000)} s`).join(', '));
  console.log(`\nTen slowest files — ${title}:\n`);
  console.log('| ms | KB | file | biggest stage or rule |');
  console.log('| ---: | ---: | --- | --- |');
  for (const f of files.sort((a, b) => b.timing.totalMs - a.timing.totalMs).slice(0, 10)) {
    const parts = { ...f.timing.rules, ...Object.fromEntries(Object.entries(f.timing.stages).filter(([k]) => k !== 'rules')) };
    const [top, ms] = Object.entries(parts).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const abs = resolve(ROOT, f.path);
    console.log(`| ${fmt(f.timing.totalMs, 0)} | ${existsSync(abs) ? fmt(sizeOf(abs) / 1024, 1) : '?'} | ${relative(CORPUS, abs)} | ${top} ${fmt(ms, 0)} ms |`);
  }
}
stageReport('Markdown, full', fullJson);
stageReport('Markdown, --no-axe', noAxeJson);
stageReport('HTML, full', htmlJson);

/* ------------------------------------------------------------------ findings per rule per set */

function countsBySet(file, sets) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = {};
  for (const f of report.files) {
    const rel = relative(CORPUS, resolve(ROOT, f.path));
    const set = sets.find((s) => rel.startsWith(`${s}/`)) ?? 'other';
    for (const x of f.findings) {
      counts[x.ruleId] ??= {};
      counts[x.ruleId][set] = (counts[x.ruleId][set] ?? 0) + 1;
    }
  }
  return counts;
}
const mdCounts = countsBySet(fullJson, MD_SETS) ?? {};
const htmlCounts = countsBySet(htmlJson, [HTML_SET]) ?? {};
const ids = [...new Set([...Object.keys(mdCounts), ...Object.keys(htmlCounts)])].sort();
console.log('\n## Findings per rule per corpus set (full run, DESIGN 6.6)\n');
console.log(`| rule | ${MD_SETS.join(' | ')} | ${HTML_SET} |`);
console.log(`| --- | ${MD_SETS.map(() => '---:').join(' | ')} | ---: |`);
for (const id of ids) {
  console.log(`| ${id} | ${MD_SETS.map((s) => mdCounts[id]?.[s] ?? 0).join(' | ')} | ${htmlCounts[id]?.[HTML_SET] ?? 0} |`);
}

/* ------------------------------------------------------------------ linear growth */

console.log('\n## Linear growth (engine time per file from PLAINSPOKE_TIMING, --jobs 1, --no-axe)\n');
const growth = join(work, 'growth');
mkdirSync(join(growth, 'small'), { recursive: true });
mkdirSync(join(growth, 'big'), { recursive: true });
writeFileSync(join(growth, '.plainspoke.yml'), 'root: true\n');
const warmup = generated(50, 999);
writeFileSync(join(growth, 'small', '0-warmup.md'), warmup);
writeFileSync(join(growth, 'big', '0-warmup.md'), warmup);
const small = generated(50, 1);
for (let i = 1; i <= 20; i++) writeFileSync(join(growth, 'small', `part-${String(i).padStart(2, '0')}.md`), small.replace(/^# Generated 1/, `# Part ${i}`));
writeFileSync(join(growth, 'big', 'whole.md'), Array.from({ length: 20 }, (_, i) => small.replace(/^# Generated 1/, `# Part ${i + 1}`)).join('\n'));
const engineMs = async (dir, pick) => {
  const r = await measure(node, [BIN, '--no-axe', '--jobs', '1', '--format', 'json', dir], { keepStdout: true, env: { PLAINSPOKE_TIMING: '1' }, cwd: growth });
  const report = JSON.parse(r.out);
  return report.files.filter((f) => pick(f.path)).reduce((n, f) => n + (f.timing?.totalMs ?? NaN), 0);
};
let twenty = Infinity;
let whole = Infinity;
for (let i = 0; i < Math.max(2, REPEAT); i++) {
  twenty = Math.min(twenty, await engineMs('small', (p) => p.includes('part-')));
  whole = Math.min(whole, await engineMs('big', (p) => p.endsWith('whole.md')));
}
const bigSize = sizeOf(join(growth, 'big', 'whole.md'));
console.log(`  20 × ${(small.length / 1024).toFixed(0)} KB files: ${fmt(twenty, 0)} ms · one ${(bigSize / 1024 / 1024).toFixed(2)} MB file: ${fmt(whole, 0)} ms · ratio ${fmt(whole / twenty)} (target ≤ 1.3)`);
targets.push(['1 MB file ≤ 1.3× twenty 50 KB files', whole / twenty, 1.3, `${fmt(whole, 0)} ms vs ${fmt(twenty, 0)} ms`]);

// File count: every other file (the same mix of sets) against all of them, in files per second.
const half = mdFiles.filter((_, i) => i % 2 === 0);
const halfRun = await ps(['--no-axe', '--format', 'json', '--output-file', join(work, 'half.json'), ...half], { repeat: 1 });
console.log(`  file count: ${half.length} files at ${fmt(half.length / halfRun.wall, 1)} files/s, ${mdFiles.length} files at ${fmt(mdFiles.length / noAxe.wall, 1)} files/s (--no-axe)`);

// Language server keystroke latency and memory (issue 15): scripts/bench-lsp.mjs prints its own table.
const lspJson = join(work, 'lsp.json');
const lspRun = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-lsp.mjs'), '--json', lspJson], { stdio: ['ignore', 'inherit', 'inherit'] });
if (lspRun.status === 0 && existsSync(lspJson)) targets.push(...JSON.parse(readFileSync(lspJson, 'utf8')).targets);
else console.log(`\nbench-lsp failed (exit ${lspRun.status})`);

/* ------------------------------------------------------------------ verdict */

if (!flag('--skip-scale')) targets.push(...(await scaleSection(full)));
if (!flag('--skip-scale')) await stubSection();
if (htmlFiles.length && !flag('--skip-browser')) await browserSection(htmlFiles, htmlJson);

console.log('\n## Targets (issues 6 and 19)\n');
console.log('| target | measured | ratio | limit | met |');
console.log('| --- | --- | ---: | ---: | --- |');
for (const [name, ratio, limit, measured] of targets) console.log(`| ${name} | ${measured} | ${fmt(ratio)} | ${fmt(limit, limit < 0.1 ? 2 : 1)} | ${ratio <= limit ? 'yes' : 'NO'} |`);

const out = value('--json', undefined);
if (out) {
  writeFileSync(resolve(out), JSON.stringify({ rows, targets, oneFile: { nodeZero, oneNoAxe, oneFull }, growth: { twenty, whole }, counts: { md: mdCounts, html: htmlCounts } }, null, 2));
  console.log(`\nbench: wrote ${out}`);
}

/* ------------------------------------------------------------------ issue 19: scale, stub, browser */

function fmt(n, d = 2) {
  return n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d);
}

/** A repository of `n` Markdown files: the corpus copied round-robin, each with another name and a sentence of its own. */
function generateRepo(dir, n) {
  mkdirSync(dir, { recursive: true });
  const texts = mdFiles.map((f) => readFileSync(f, 'utf8'));
  for (let i = 0; i < n; i++) {
    const k = i % mdFiles.length;
    const sub = join(dir, `section-${String(Math.floor(i / 250)).padStart(3, '0')}`);
    if (i % 250 === 0) mkdirSync(sub, { recursive: true });
    // The small edit: one sentence naming the copy, so no two files are the same bytes.
    const text = `${texts[k]}\n\nThis is copy ${Math.floor(i / mdFiles.length) + 1} of this page, kept for the test number ${i}.\n`;
    writeFileSync(join(sub, `${String(i).padStart(5, '0')}-${basename(mdFiles[k])}`), text);
  }
}

/**
 * 5,000 files against the 556 (issue 19: ≤ 10× the time, peak ≤ 500 MiB). Full runs (axe on) by
 * default; `--scale-no-axe` compares --no-axe runs. `base` is the 556-file run of the same mode, if made.
 */
async function scaleSection(base) {
  const n = Number(value('--scale-files', '5000')) || 5000;
  const mode = flag('--scale-no-axe') ? ['--no-axe'] : [];
  const label = mode.length ? '--no-axe' : 'full (axe on)';
  const dir = join(work, 'scale');
  const t0 = performance.now();
  generateRepo(dir, n);
  console.log(`\n## Scale: ${n} generated files vs ${mdFiles.length} (${label}; generated in ${fmt((performance.now() - t0) / 1000, 1)} s)\n`);
  const small = base && !mode.length ? base : await measure(node, [BIN, ...mode, '--format', 'json', '--output-file', join(work, 'scale-556.json'), ...mdFiles], {});
  const big = await measure(node, [BIN, ...mode, '--format', 'json', '--output-file', join(work, 'scale-big.json'), '.'], { cwd: dir });
  checkRun(`${n} files`, big);
  rmSync(dir, { recursive: true, force: true });
  row('plainspoke', `${n} files ${label}`, n, big);
  console.log(`  ${mdFiles.length} files: ${fmt(small.wall)} s, ${fmt(mdFiles.length / small.wall, 1)} files/s, peak ${fmt(small.peakMiB, 0)} MiB`);
  console.log(`  ${n} files: ${fmt(big.wall)} s, ${fmt(n / big.wall, 1)} files/s, peak ${fmt(big.peakMiB, 0)} MiB; time ratio ${fmt(big.wall / small.wall)} for ${fmt(n / mdFiles.length, 1)}× the files`);
  return [
    [`${n} files ≤ 10× the ${mdFiles.length}-file time (${label})`, big.wall / small.wall / 10, 1.0, `${fmt(big.wall)} s vs ${fmt(small.wall)} s (${fmt(big.wall / small.wall)}×)`],
    [`${n} files peak memory ≤ 500 MiB`, big.peakMiB / 500, 1.0, `${fmt(big.peakMiB, 0)} MiB`],
  ];
}

/** 10k, 50k and 100k empty-ish files through discovery and scheduling, each lint a no-op (PLAINSPOKE_STUB_LINT=1). */
async function stubSection() {
  const dir = join(work, 'stub');
  const sizes = [10_000, 50_000, 100_000];
  console.log('\n## Discovery and scheduling: 10k, 50k, 100k files, each lint a no-op (PLAINSPOKE_STUB_LINT=1)\n');
  const t0 = performance.now();
  // Folders of 1,000 files; sizes vary so the largest-first sort has work to do.
  for (let i = 0; i < sizes.at(-1); i++) {
    const sub = join(dir, `part-${String(Math.floor(i / 10_000)).padStart(2, '0')}`, `f-${String(Math.floor(i / 1000) % 10)}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${i}.md`), `# Page ${i}\n${'x'.repeat((i * 7919) % 400)}\n`);
  }
  console.log(`  generated ${sizes.at(-1)} files in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  const out = [];
  for (const n of sizes) {
    const parts = Array.from({ length: n / 10_000 }, (_, i) => `part-${String(i).padStart(2, '0')}`);
    const r = await measure(node, [BIN, '--no-axe', '--no-progress', '--format', 'json', '--output-file', join(work, 'stub.json'), ...parts], { cwd: dir, env: { PLAINSPOKE_STUB_LINT: '1' } });
    out.push({ n, wall: r.wall, peakMiB: r.peakMiB });
    console.log(`  ${String(n).padStart(6)} files: ${fmt(r.wall)} s, ${fmt((1e6 * r.wall) / n, 0)} µs a file, peak ${fmt(r.peakMiB, 0)} MiB${r.code === 2 ? ' (exit 2!)' : ''}`);
  }
  rmSync(dir, { recursive: true, force: true });
  const per = out.map((o) => o.wall / o.n);
  console.log(`  time per file at 100k / at 10k: ${fmt(per[2] / per[0])} (1.0 is linear; start-up weighs more at 10k)`);
  return out;
}

/** `--browser` on the rendered HTML files: wall time, peak memory, and the findings jsdom's run (htmlJson) does not have. */
async function browserSection(files, jsdomJson) {
  const choice = spawnSync(node, ['-e', "import('./dist/a11y/axe/browser-path.js').then(m => console.log(JSON.stringify(m.findBrowser(undefined, process.env))))"], { cwd: ROOT, encoding: 'utf8' });
  const found = JSON.parse(choice.stdout || '{}');
  if (!found.path) {
    console.log(`\n## --browser: skipped (${found.problem ?? 'no browser'})`);
    return;
  }
  console.log(`\n## --browser on ${files.length} HTML files (${found.path})\n`);
  const out = join(work, 'browser-html.json');
  const r = await measure(node, [BIN, '--browser', '--format', 'json', '--output-file', out, ...files], {});
  checkRun('--browser', r);
  row('plainspoke', 'html --browser', files.length, r);
  if (!existsSync(jsdomJson)) {
    const j = await measure(node, [BIN, '--format', 'json', '--output-file', jsdomJson, ...files], {});
    row('plainspoke', 'html full (axe on)', files.length, j);
  }
  const keys = (file) => {
    const set = new Map();
    for (const f of JSON.parse(readFileSync(file, 'utf8')).files) for (const x of f.findings) if (x.ruleId.startsWith('axe/')) set.set(`${f.path}:${x.line}:${x.column} ${x.ruleId} ${x.messageId}`, x);
    return set;
  };
  const jsdom = keys(jsdomJson);
  const browser = keys(out);
  const missed = {};
  const review = {};
  let onlyJsdom = 0;
  for (const [k, x] of browser) if (!jsdom.has(k)) (x.messageId?.startsWith('review') ? review : missed)[x.ruleId] = ((x.messageId?.startsWith('review') ? review : missed)[x.ruleId] ?? 0) + 1;
  for (const k of jsdom.keys()) if (!browser.has(k)) onlyJsdom++;
  const list = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ') || 'none';
  console.log(`  wall ${fmt(r.wall)} s, peak ${fmt(r.peakMiB, 0)} MiB (the largest single process: Chromium's renderers are counted apart)`);
  console.log(`  findings jsdom misses: ${list(missed)}`);
  console.log(`  "needs review" (info, browser only): ${list(review)}`);
  console.log(`  axe findings only jsdom has: ${onlyJsdom}`);
}
