#!/usr/bin/env node
/**
 * `npm run bench` (issue 6): lints the support-content corpus in every mode
 * and prints wall time, files per second and peak memory next to alex and
 * markdownlint-cli2 on the same files, the time per stage, the ten slowest
 * files, findings per rule per corpus set (DESIGN 6.6) and a linear-growth
 * check. A script, not a test: `npm test` must pass without ../shared.
 *
 *   node scripts/bench.mjs [--repeat n] [--pairs n] [--skip-html] [--skip-tools] [--json out.json]
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
import { dirname, join, relative, resolve } from 'node:path';
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
    const sampler = useTime ? undefined : setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid))), 25);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (sampler) clearInterval(sampler);
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
        peakKb = m ? Number(m[1]) : 0;
        const s = /Exit status: (\d+)/.exec(err);
        if (s) code = Number(s[1]);
        err = err.replace(/\n?\tCommand being timed:[\s\S]*$/, '');
      }
      done({ wall, peakMiB: peakKb / 1024, code, out, err });
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
const checkRun = (name, r) => {
  if (r.code === 2) console.log(`  ! ${name}: plainspoke exited 2 (a file failed): ${r.err.split('\n').filter(Boolean).slice(0, 3).join(' | ')}`);
};

/* ------------------------------------------------------------------ modes */

const rows = [];
const row = (tool, mode, files, r, note = '') => {
  rows.push({ tool, mode, files, wall: r.wall, fps: files / r.wall, peakMiB: r.peakMiB, note });
  console.log(`  ${tool.padEnd(18)} ${mode.padEnd(26)} ${r.wall.toFixed(2).padStart(7)} s  ${r.peakMiB.toFixed(0).padStart(5)} MiB${note ? `  (${note})` : ''}`);
};

console.log(`plainspoke bench — ${mdFiles.length} Markdown files (${(mdBytes / 1024).toFixed(0)} KB) in ${MD_SETS.join(', ')}; ${htmlFiles.length} HTML files in ${HTML_SET}`);
console.log(`node ${process.version}, ${availableParallelism()} CPUs, peak memory from ${haveTime ? '/usr/bin/time -v' : '/proc sampling'}, best of ${REPEAT}\n`);

const fullJson = join(work, 'full-md.json');
const noAxeJson = join(work, 'noaxe-md.json');
const htmlJson = join(work, 'full-html.json');
const timingEnv = { env: { PLAINSPOKE_TIMING: '1' } };

/** Median wall time of the runs, the highest peak memory, and every wall time. */
function medianRun(runs) {
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  const mid = runs.find((r) => r.wall === walls[Math.floor((walls.length - 1) / 2)]);
  return { ...mid, peakMiB: Math.max(...runs.map((r) => r.peakMiB)), walls };
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
const noAxe = await ps(['--no-axe', '--format', 'json', '--output-file', noAxeJson, ...mdFiles], timingEnv);
checkRun('--no-axe', noAxe);
row('plainspoke', '--no-axe', mdFiles.length, noAxe);
const cacheFile = join(work, 'cache', '.plainspokecache');
rmSync(dirname(cacheFile), { recursive: true, force: true });
const cold = await ps(['--cache', '--cache-location', cacheFile, '--format', 'json', '--output-file', join(work, 'cold.json'), ...mdFiles], { repeat: 1 });
row('plainspoke', '--cache (cold)', mdFiles.length, cold);
const warm = await ps(['--cache', '--cache-location', cacheFile, '--format', 'json', '--output-file', join(work, 'warm.json'), ...mdFiles]);
row('plainspoke', '--cache (warm)', mdFiles.length, warm);
const sameCached = existsSync(join(work, 'cold.json')) && readFileSync(join(work, 'cold.json'), 'utf8') === readFileSync(join(work, 'warm.json'), 'utf8');

let alex;
let mdl;
if (!flag('--skip-tools')) {
  alex = medianRun(alexRuns);
  row('alex 11.0.1', 'default', mdFiles.length, alex, `median of ${alexRuns.length}, alternating with plainspoke: ${alex.walls.map((w) => w.toFixed(2)).join(', ')} s`);
  mdl = await best(MDL, mdFiles.map((f) => `:${f}`), { cwd: toolCwd });
  row('markdownlint-cli2', 'default', mdFiles.length, mdl);
}

// One article: the median-sized Markdown file, as a pre-commit hook lints it.
const bySize = [...mdFiles].sort((a, b) => sizeOf(a) - sizeOf(b));
const article = bySize[Math.floor(bySize.length / 2)];
const nodeZero = await median(node, ['-e', '0'], 7, {});
const oneNoAxe = await median(node, [BIN, '--no-axe', article], 7, {});
const oneFull = await median(node, [BIN, article], 3, {});
const oneMdl = flag('--skip-tools') ? undefined : await median(MDL, [`:${article}`], 3, { cwd: work });
console.log(`\nOne article (${relative(CORPUS, article)}, ${sizeOf(article)} bytes), median wall:`);
console.log(`  node -e 0 ${nodeZero.wall.toFixed(3)} s · plainspoke --no-axe ${oneNoAxe.wall.toFixed(3)} s · plainspoke ${oneFull.wall.toFixed(3)} s${oneMdl ? ` · markdownlint-cli2 ${oneMdl.wall.toFixed(3)} s` : ''}`);
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

const fmt = (n, d = 2) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));
console.log('\n## Wall time, throughput, memory\n');
console.log('| tool | mode | files | wall s | files/s | peak MiB | vs alex | vs markdownlint-cli2 |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const many = r.files > 1 && r.mode !== 'start-up' && !r.mode.startsWith('html');
  const vsAlex = alex && many ? fmt(r.wall / alex.wall) : '';
  const vsMdl = mdl && many ? fmt(r.wall / mdl.wall) : '';
  console.log(`| ${r.tool} | ${r.mode} | ${r.files} | ${fmt(r.wall)} | ${fmt(r.fps, 1)} | ${fmt(r.peakMiB, 0)} | ${vsAlex} | ${vsMdl} |`);
}
console.log(`\nOne file --no-axe / node -e 0: ${fmt(oneNoAxe.wall / nodeZero.wall)}× (target ≤ 3).  Warm cache output identical to cold: ${sameCached ? 'yes' : 'NO'}.`);

/* ------------------------------------------------------------------ targets */

const targets = [];
if (alex) targets.push(['full run ≤ alex wall time', full.wall / alex.wall, 1.0, `${fmt(full.wall)} s vs ${fmt(alex.wall)} s`]);
targets.push(['full run peak memory < 400 MiB', full.peakMiB / 400, 1.0, `${fmt(full.peakMiB, 0)} MiB`]);
if (mdl) targets.push(['--no-axe ≤ 1.5× markdownlint-cli2', noAxe.wall / mdl.wall, 1.5, `${fmt(noAxe.wall)} s vs ${fmt(mdl.wall)} s`]);
targets.push(['one file --no-axe ≤ 3× node -e 0', oneNoAxe.wall / nodeZero.wall, 3, `${fmt(oneNoAxe.wall, 3)} s vs ${fmt(nodeZero.wall, 3)} s`]);

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

/* ------------------------------------------------------------------ verdict */

console.log('\n## Targets (issue 6)\n');
console.log('| target | measured | ratio | limit | met |');
console.log('| --- | --- | ---: | ---: | --- |');
for (const [name, ratio, limit, measured] of targets) console.log(`| ${name} | ${measured} | ${fmt(ratio)} | ${fmt(limit, 1)} | ${ratio <= limit ? 'yes' : 'NO'} |`);

const out = value('--json', undefined);
if (out) {
  writeFileSync(resolve(out), JSON.stringify({ rows, targets, oneFile: { nodeZero, oneNoAxe, oneFull }, growth: { twenty, whole }, counts: { md: mdCounts, html: htmlCounts } }, null, 2));
  console.log(`\nbench: wrote ${out}`);
}
