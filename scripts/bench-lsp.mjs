#!/usr/bin/env node
/**
 * Language server latency and memory (issue 15), with a real client: the
 * built `plainspoke lsp --stdio` as a child process and a
 * vscode-languageserver-protocol connection on its stdin and stdout.
 *
 *   node scripts/bench-lsp.mjs [--edits n] [--docs n] [--json out.json]
 *
 * 1. Keystroke latency: on the median-sized corpus article (the file
 *    scripts/bench.mjs lints as "one file") and on the largest corpus policy,
 *    each of --edits (default 200) keystrokes is one incremental didChange;
 *    the time runs from sending it to receiving publishDiagnostics for that
 *    version. The debounce is set to 0 (initializationOptions.debounceMs), so
 *    the numbers are the server's own work, not the wait for the writer to
 *    pause. Edits go one after another (each waits for its diagnostics), after
 *    20 unmeasured ones to warm up. Targets: p95 ≤ 30 ms and ≤ 150 ms.
 * 2. Memory: a fresh server with --docs (default 50) corpus files open (axe
 *    on, as by default), once every one has its diagnostics: resident set
 *    size and its high-water mark, from /proc. Target ≤ 300 MiB.
 *
 * The corpus is ../shared/corpus (or PLAINSPOKE_CORPUS).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(process.env.PLAINSPOKE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));
const MD_SETS = ['arduino-help-center', 'login-gov-help', 'github-site-policy'];
const BIN = join(ROOT, 'bin', 'plainspoke.js');

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const EDITS = Math.max(10, Number(value('--edits', '200')) || 200);
const DOCS = Math.max(1, Number(value('--docs', '50')) || 50);
const WARMUP = 20;

if (!MD_SETS.every((s) => existsSync(join(CORPUS, s)))) {
  console.log(`bench-lsp: no corpus at ${CORPUS}; nothing to measure.`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'lsp', 'server.js'))) {
  console.log('bench-lsp: dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

function filesOf(set) {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') && e.name !== 'NOTICE.md') out.push(p);
    }
  };
  walk(join(CORPUS, set));
  return out.sort();
}

const mdFiles = MD_SETS.flatMap(filesOf);
const sizeOf = (f) => statSync(f).size;
const bySize = [...mdFiles].sort((a, b) => sizeOf(a) - sizeOf(b));
const article = bySize[Math.floor(bySize.length / 2)];
const policy = bySize.filter((f) => /polic/i.test(relative(CORPUS, f))).at(-1);

/** Starts a server; returns the connection, the child and a waiter for a document version's diagnostics. */
async function startServer(initializationOptions) {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: CORPUS, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const seen = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    const at = performance.now();
    seen.set(key, { at, count: p.diagnostics.length });
    const w = waiting.get(key);
    if (w) {
      waiting.delete(key);
      w({ at, count: p.diagnostics.length });
    }
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(CORPUS).href, capabilities: {}, initializationOptions });
  await conn.sendNotification('initialized', {});
  const published = (uri, version) =>
    new Promise((done, fail) => {
      const key = `${uri}#${version}`;
      if (seen.has(key)) return done(seen.get(key));
      const timer = setTimeout(() => fail(new Error(`no diagnostics for ${key}`)), 120_000);
      waiting.set(key, (r) => {
        clearTimeout(timer);
        done(r);
      });
    });
  const stop = async () => {
    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    conn.dispose();
    setTimeout(() => child.kill(), 500).unref();
  };
  return { conn, child, published, stop };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** `EDITS` keystrokes typed into the middle of a file's prose; milliseconds from didChange to its diagnostics. */
async function keystrokes(file) {
  const server = await startServer({ debounceMs: 0, axe: false });
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await server.published(uri, 1);
  // Type at the end of the longest line in the middle third (prose, not a heading or a table row).
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  for (let i = Math.floor(lines.length / 3); i < Math.floor((2 * lines.length) / 3); i++) if (lines[i].length > lines[line].length && !/^\s*[#|]/.test(lines[i])) line = i;
  let character = lines[line].length;
  const typed = ' We will look into it and reply within two days.';
  const times = [];
  let version = 1;
  let cpuStart = 0;
  for (let i = 0; i < WARMUP + EDITS; i++) {
    if (i === WARMUP) cpuStart = cpuMs(server.child.pid);
    const ch = typed[i % typed.length];
    version++;
    const sent = performance.now();
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    character++;
    const { at } = await server.published(uri, version);
    if (i >= WARMUP) times.push(at - sent);
  }
  const cpuPerEdit = (cpuMs(server.child.pid) - cpuStart) / EDITS;
  await server.stop();
  times.sort((a, b) => a - b);
  return { file: relative(CORPUS, file), bytes: sizeOf(file), p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1), cpuPerEdit };
}

/** CPU time (user + system) a process has used, in ms: unlike wall time, it hardly moves with the machine's load. */
function cpuMs(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

/** A server with `DOCS` documents open (spread over the sets), once all have diagnostics (axe included). */
async function memory() {
  const server = await startServer({ debounceMs: 200 });
  const step = Math.max(1, Math.floor(mdFiles.length / DOCS));
  const picked = mdFiles.filter((_, i) => i % step === 0).slice(0, DOCS);
  const started = performance.now();
  for (const file of picked) {
    const uri = pathToFileURL(file).href;
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
  }
  for (const file of picked) await server.published(pathToFileURL(file).href, 1);
  // Axe findings follow the first publish; give the axe runs time to end, then read the memory.
  let last = -1;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const cpu = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(cpu[11]) + Number(cpu[12]);
    if (ticks === last) break;
    last = ticks;
  }
  const mem = memoryOf(server.child.pid);
  const seconds = (performance.now() - started) / 1000;
  await server.stop();
  return { docs: picked.length, bytes: picked.reduce((n, f) => n + sizeOf(f), 0), seconds, ...mem };
}

const fmt = (n, d = 1) => n.toFixed(d);
console.log(`\n## Language server (plainspoke lsp --stdio, real client, debounce 0, ${EDITS} keystrokes after ${WARMUP} to warm up)\n`);
const a = await keystrokes(article);
const p = await keystrokes(policy);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs (wall times grow with it; server CPU per keystroke hardly does)\n`);
console.log('| document | KB | p50 ms | p95 ms | max ms | server CPU ms per keystroke | p95 target |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| median article: ${a.file} | ${fmt(a.bytes / 1024)} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(a.max)} | ${fmt(a.cpuPerEdit)} | ≤ 30 |`);
console.log(`| largest policy: ${p.file} | ${fmt(p.bytes / 1024)} | ${fmt(p.p50)} | ${fmt(p.p95)} | ${fmt(p.max)} | ${fmt(p.cpuPerEdit)} | ≤ 150 |`);
const m = await memory();
console.log(`\nMemory with ${m.docs} documents open (${fmt(m.bytes / 1024, 0)} KB, axe on, all diagnostics in ${fmt(m.seconds)} s): RSS ${fmt(m.rssMiB, 0)} MiB, high-water ${fmt(m.peakMiB, 0)} MiB (target ≤ 300).`);

const targets = [
  ['LSP keystroke p95, median article ≤ 30 ms', a.p95 / 30, 1, `${fmt(a.p95)} ms (p50 ${fmt(a.p50)})`],
  ['LSP keystroke p95, largest policy ≤ 150 ms', p.p95 / 150, 1, `${fmt(p.p95)} ms (p50 ${fmt(p.p50)})`],
  [`LSP memory, ${m.docs} open documents ≤ 300 MiB`, m.peakMiB / 300, 1, `${fmt(m.peakMiB, 0)} MiB`],
];
const out = value('--json', undefined);
if (out) writeFileSync(resolve(out), JSON.stringify({ article: a, policy: p, memory: m, targets }, null, 2));
