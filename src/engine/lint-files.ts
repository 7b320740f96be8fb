/**
 * A whole run: discover files, lint each (in worker threads when the run is
 * big enough to pay for them), collect a Report. No console here (DESIGN 5).
 *
 * Results come back in report order (sorted by path) whatever order the
 * workers finish in, so the output is byte-identical for any --jobs.
 */
import { stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Channel, FileResult, Report } from '../types.js';
import { ConfigResolver, type CliOverrides } from '../config/resolve.js';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT_SECONDS } from '../config/settings.js';
import { readFileSafely, readFileSafelySync, type SafeRead } from '../util/read-file-safely.js';
import { discover, type Discovered, type DiscoverOptions } from './discover.js';
import type { LintOptions } from './lint-source.js';
import type { ResolvedSettings } from '../config/settings.js';
import { failed } from './failed.js';
import { activeRules } from './run-rules.js';
import { summarise } from '../report/summary.js';
import { VERSION } from '../util/version.js';
import { UsageError } from '../util/errors.js';
import { keySettings, lintThroughCache, type KeySettings, type LintCache } from './cache.js';
import { isJsonPath, isListedSource, withSourceSettings } from '../sources/settings.js';
import { shardExports } from '../sources/shard.js';
import { kindOfPath } from '../document/kind.js';
import { fullTier } from '../boot/short-tier.js';

export interface RunSettings extends LintOptions {
  cwd: string;
  cli?: CliOverrides;
  /** Called after each file, for the progress line. */
  onProgress?: (done: number, total: number, path: string) => void;
  /** Called with each file's result in report order, as soon as it and every file before it are done. */
  onResult?: (result: FileResult) => void;
  /** `--cache` (issue 5): unchanged files reuse their stored result. */
  cache?: LintCache;
  /** `--jobs`: worker threads; 0 or 1 lints in this thread. Unset: one per CPU (at most 8), when the run is big enough to pay for them. */
  jobs?: number;
  /** `--shard i/n`: lint only the files whose path hash falls in shard i of n. */
  shard?: string | Shard;
  /** Called with the files found, before any is linted; may throw to stop the run (`-o` naming an input, issue 20). */
  beforeLint?: (files: readonly Discovered[]) => void | Promise<void>;
  /** `--no-ignore`, `--ignore-path`; named inputs that are ignored come back as `warnings`. */
  discover?: Omit<DiscoverOptions, 'warnings'>;
  /** Where the engine puts a warning about the run (it prints nothing itself); lintFiles returns them as `warnings`. */
  warnings?: string[];
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function buildReport(files: FileResult[]): Report {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tool: { name: 'plainspoke', version: VERSION }, files: sorted, summary: summarise(sorted) };
}

/**
 * Reads a file, turning file-system errors into a one-line reason. Safe reads
 * (issue 20): a FIFO, a device or anything else that is not a regular file is
 * refused, and a file over `limit` (the config's maxFileSize) is never read.
 * A file named on the command line may be a symbolic link (folder and glob
 * searches skip links); only what it leads to is read, and only if regular.
 */
export async function readSource(file: Discovered, limit = DEFAULT_MAX_FILE_SIZE): Promise<Uint8Array | string> {
  return sourceOrReason(file, await readFileSafely(file.absPath, { limit }));
}

/**
 * The same, blocking: files are linted one after another in each thread, and
 * an async read only added an event-loop round trip per file (issue 6). The
 * --cache lookup reads with it too (issue 19).
 */
export function readSourceSync(file: Discovered, limit = DEFAULT_MAX_FILE_SIZE): Uint8Array | string {
  return sourceOrReason(file, readFileSafelySync(file.absPath, { limit }));
}

/** The bytes, or a one-line reason naming the file. */
function sourceOrReason(file: Discovered, read: SafeRead): Uint8Array | string {
  if (read.ok) return read.bytes;
  if (read.code === 'ENOENT') return `${file.path}: disappeared before it could be read`;
  if (read.code === 'TOO_BIG') return `${file.path}: ${read.reason} (raise maxFileSize in the config to lint it)`;
  return `${file.path}: ${read.reason}`;
}

/** keySettings, or undefined when the config cannot be read (then limitOf and lintThroughCache meet the error as before). */
function keySettingsOf(resolver: ConfigResolver, absPath: string): KeySettings | undefined {
  try {
    return keySettings(resolver, absPath);
  } catch {
    return undefined;
  }
}

/** The file's size limit (config `maxFileSize`); the default when its config cannot be read (that error is reported when it is linted). */
function limitOf(file: Discovered, resolver: ConfigResolver): number {
  try {
    return resolver.resolve(file.absPath).maxFileSize;
  } catch {
    return DEFAULT_MAX_FILE_SIZE;
  }
}

/** `--shard 2/3` → { index: 2, count: 3 }. */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index >= 1) || index > count) {
    throw new UsageError(`--shard ${value}: give the shard as i/n with 1 ≤ i ≤ n, e.g. --shard 1/3`);
  }
  return { index, count };
}

/** FNV-1a (32 bit) of the UTF-8 bytes: the same on every machine, so every CI job agrees on the split. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(path, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Whether a report path (relative, `/` separators) belongs to a shard. */
export function inShard(path: string, shard: Shard): boolean {
  return pathHash(path) % shard.count === shard.index - 1;
}

export async function lintFiles(inputs: readonly string[], run: RunSettings): Promise<{ report: Report; files: Discovered[]; warnings: string[] }> {
  const shard = typeof run.shard === 'string' ? parseShard(run.shard) : run.shard;
  const resolver = new ConfigResolver(run.cwd, run.cli);
  const inputErrors: string[] = [];
  const warnings: string[] = [];
  let files = await discover(inputs, run.cwd, (abs) => resolver.isIgnored(abs), inputErrors, { ...run.discover, warnings, isSource: (abs) => isListedSource(resolver, abs) });
  await run.beforeLint?.(files);
  if (shard) files = files.filter((f) => inShard(f.path, shard));
  // A path that matches nothing is reported (exit 2) and the other paths are still linted.
  const results: FileResult[] = inputErrors.map((message) => ({ path: message.slice(0, message.indexOf(': ')) || '.', channel: 'article', findings: [], error: message }));
  results.push(...(await lintDiscovered(files, resolver, { ...run, warnings })));
  const report = buildReport(results);
  if (shard) report.shard = { index: shard.index, total: shard.count };
  return { report, files, warnings };
}

let pipeline: Promise<typeof import('./lint-source.js')> | undefined;

/** Lints one file in this thread: read, then the pipeline. Workers call this too. */
export async function lintPath(file: Discovered, resolver: ConfigResolver, opts: LintOptions, bytes?: Uint8Array): Promise<FileResult> {
  // `npm run bench` only (issue 19): a run over 100,000 files times discovery and scheduling, with each lint a no-op.
  if (process.env.PLAINSPOKE_STUB_LINT === '1') return { path: file.path, channel: 'article', findings: [] };
  const started = opts.timing ? performance.now() : 0;
  // Resolved once here for the size limit and handed to the pipeline (issue 19); a config error is reported there.
  let settings: ResolvedSettings | undefined;
  if (!bytes) {
    try {
      settings = resolver.resolve(file.absPath);
    } catch {
      settings = undefined;
    }
  }
  const source = bytes ?? readSourceSync(file, settings?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (typeof source === 'string') return failed(file.path, 'article', source);
  const readMs = opts.timing ? performance.now() - started : 0;
  // The pipeline (parsers, rules' engines) loads only where files are linted: a pooled run's main thread never needs it.
  const { lintSource } = await (pipeline ??= import('./lint-source.js'));
  const result = await lintSource({ ...file, bytes: source, ...(settings ? { settings } : {}) }, resolver, opts);
  if (result.timing) {
    result.timing.stages = { read: Math.round(readMs * 100) / 100, ...result.timing.stages };
    result.timing.totalMs = Math.round((result.timing.totalMs + readMs) * 100) / 100;
  }
  return result;
}

/** A file still to lint (a cache miss, or every file without --cache). */
interface Pending {
  index: number;
  bytes?: Uint8Array;
  /** The file's size in bytes (of `bytes` when already read), once `measure` has looked. */
  size?: number;
  done: (r: FileResult) => void;
  settled?: boolean;
}

/** Lints files (sorted by path) and returns their results in the same order. */
export async function lintDiscovered(files: readonly Discovered[], resolver: ConfigResolver, run: RunSettings): Promise<FileResult[]> {
  const slots: Promise<FileResult>[] = new Array(files.length);
  const pending: Pending[] = [];
  const missed = new Set<number>();
  const later = (index: number, bytes?: Uint8Array) =>
    new Promise<FileResult>((resolve) => {
      missed.add(index);
      const p: Pending = { index, bytes, done: (r) => ((p.settled = true), resolve(r)) };
      pending.push(p);
    });
  const fromCache = (i: number, r: FileResult): FileResult => {
    // A hit took no time here: timings stored by an earlier run would mislead.
    if (!r.timing || missed.has(i)) return r;
    const { timing: _stale, ...rest } = r;
    return rest;
  };
  if (run.cache) {
    // --cache (issue 5): look every file up first, so a warm run never starts a worker; misses are linted below
    // and stored by lintThroughCache when they resolve. Files with errors are never stored.
    const cache = run.cache;
    const lookUp = (file: Discovered, i: number, bytes: Uint8Array | string, shared: KeySettings | undefined) => {
      slots[i] =
        typeof bytes === 'string'
          ? Promise.resolve(failed(file.path, 'article', bytes))
          : lintThroughCache(cache, file.path, bytes, shared ?? (() => withSourceSettings(resolver, file.absPath, resolver.resolve(file.absPath))), run, () => later(i, bytes)).then((r) => fromCache(i, r));
    };
    // One blocking read per file (issue 19), with the same safety checks as before (readFileSafelySync): nothing
    // else runs in this thread yet, and 32 reads in flight through node:fs/promises cost a warm run more CPU than
    // the reads themselves.
    for (const [i, file] of files.entries()) {
      const shared = keySettingsOf(resolver, file.absPath);
      lookUp(file, i, readSourceSync(file, shared?.maxFileSize ?? limitOf(file, resolver)), shared);
    }
  } else {
    for (let i = 0; i < files.length; i++) slots[i] = later(i);
  }
  pending.sort((a, b) => a.index - b.index);

  let done = 0;
  for (const [i, slot] of slots.entries()) void slot.then(() => run.onProgress?.(++done, files.length, files[i].path));
  // lintPending settles every file itself; this only keeps a bug there from hanging the run.
  const work = lintPending(files, pending, resolver, run).catch((e: unknown) => {
    for (const p of pending) if (!p.settled) p.done(failed(files[p.index].path, 'article', e));
  });
  const results: FileResult[] = [];
  for (const [i, slot] of slots.entries()) {
    let r = await slot;
    if (r.error?.endsWith('is nested too deeply to lint')) {
      // Loaded only for such a file: it retries on a big stack in a worker (deep-stack.ts).
      const [{ lintOnBigStack }, { workerOptions }] = await Promise.all([import('./deep-stack.js'), import('./pool.js')]);
      r = await lintOnBigStack(files[i], r, { cwd: run.cwd, cli: run.cli ?? {}, opts: workerOptions(run) }, budgetOf(files[i], resolver).timeout);
    }
    results.push(r);
    run.onResult?.(r);
  }
  await work;
  return results;
}

async function lintPending(files: readonly Discovered[], pending: Pending[], resolver: ConfigResolver, run: RunSettings): Promise<void> {
  // A big help-desk export is linted in item shards side by side, like files, then merged (src/sources/shard.ts).
  // Only a JSON export is ever split; without one the count is not asked for, so a run of Markdown or HTML
  // files does not load node:os here (issue 19).
  if (!run.fix && pending.some((p) => isJsonPath(files[p.index].path))) {
    const wanted = run.jobs ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS);
    ({ files, pending } = shardExports(files, pending, wanted, (index, bytes, done) => {
      const p: Pending = { index, bytes, done: (r) => ((p.settled = true), done(r)) };
      return p;
    }));
  }
  // A second file: V8's baseline compiler pays again (issue 19, src/boot/short-tier.ts).
  if (pending.length > 1) fullTier();
  let threads = await threadsFor(files, pending, resolver, run);
  // A big file can parse for longer than its time budget, and a parse in this thread can't be
  // interrupted: big files always go to a worker, which the budget can stop.
  const big = threads <= 1 && (await hasBigFile(files, pending, SLOW_FILE_BYTES));
  if (big) threads = 1;
  const filename = threads > 1 || big ? (await import('./pool.js')).workerFile() : undefined;
  if ((threads <= 1 && !big) || !filename) {
    for (const p of pending) p.done(await lintHere(files[p.index], resolver, run, p.bytes));
    return;
  }
  const { LintPool, workerOptions, WORKER_HEAP_MB, BIG_WORKER_HEAP_MB } = await import('./pool.js');
  try {
    let next = 0;
    // jsdom makes a worker's heap grow fast: cap it when axe runs (the memory target); otherwise GC time is dearer.
    // A 5 MB page needs more than the cap, so a run with a big file gets a larger one.
    const axe = usesAxe(files[pending[0].index], resolver, run);
    // Without axe, a run whose files are all under 1 MB caps the heap too: a 900 KB line of abbreviations
    // peaked at 760 MiB of uncollected garbage with V8's default, 320 MiB under a 300 MiB cap (issue 20).
    const heapMb = axe ? ((await hasBigFile(files, pending)) ? BIG_WORKER_HEAP_MB : WORKER_HEAP_MB) : (await hasBigFile(files, pending, SMALL_RUN_BYTES)) ? undefined : SMALL_RUN_HEAP_MB;
    // Largest files first (issue 19): a long policy handed out last would finish last, with the other
    // workers idle. Results keep the files' order (slots in lintDiscovered), so the report does not change.
    await measure(files, pending);
    const order = largestFirst(pending);
    // Pages likely to load jsdom and axe-core go to `axeThreads` workers of their own, first (issue 19):
    // each worker that meets such a page pays about a second of CPU to load and warm them up. Then each
    // worker is a pool of its own, started before the pages are sorted (the workers boot meanwhile).
    const base = { cwd: run.cwd, cli: run.cli ?? {}, opts: workerOptions(run) };
    const perWorker = axe && !run.browser && order.length <= SPLIT_MAX_FILES;
    // Without axe and with the default thread count, this thread lints too (issue 19): the smallest files, from
    // the end of the order, while the workers take the largest from its start. Each worker is a V8 isolate of
    // its own that warms up the same code again, about 2 s of CPU on the corpus, so one worker fewer saves that.
    const hereToo = !axe && run.jobs === undefined && threads > 1;
    const pools: Awaited<ReturnType<typeof LintPool.start>>[] = [];
    try {
      if (!perWorker) pools.push(await LintPool.start(hereToo ? threads - 1 : threads, filename, base, heapMb));
      else for (let i = 0; i < threads; i++) pools.push(await LintPool.start(1, filename, base, heapMb));
      // Only a guess for the order of work: if it fails, files go out as before.
      const split = perWorker ? await splitForAxe(files, order, threads, resolver).catch(() => undefined) : undefined;
      const rest = split ? split.rest : order;
      const axeFirst = split ? split.axe : [];
      let nextAxe = 0;
      // Files from `last` on are this thread's.
      let last = rest.length;
      // Two tasks per thread in flight, so a worker never waits for this thread to hand it the next file.
      // The axe workers take the likely axe pages first, then help with the rest; the others never take them.
      const lane = async (pool: Awaited<ReturnType<typeof LintPool.start>>, axePages: boolean) => {
        for (;;) {
          const p = axePages && nextAxe < axeFirst.length ? axeFirst[nextAxe++] : next < last ? rest[next++] : undefined;
          if (!p) return;
          const file = files[p.index];
          const { timeout, channel } = budgetOf(file, resolver);
          // Out of a capped heap: lint here, where there is no cap. Out of V8's default heap: here would die too (issue 20).
          p.done(await pool.lint(file, timeout, channel, p.bytes, heapMb ? () => lintHere(file, resolver, run, p.bytes) : undefined));
        }
      };
      const lanes = (pool: Awaited<ReturnType<typeof LintPool.start>>, count: number, axePages: boolean) => Array.from({ length: Math.min(pending.length, count * 2) }, () => lane(pool, axePages));
      // Issue 19: a worker that finishes a file while this thread is inside one waits for it to hand over the next
      // (two tasks in flight per worker are both queued here: tinypool never gives a busy worker a task that can be
      // aborted). This thread therefore lets the event loop run between two rules, at most every HANDOFF_MS.
      let handed = performance.now();
      const between = () => {
        if (performance.now() - handed < HANDOFF_MS) return undefined;
        return new Promise<void>((resolve) => setImmediate(resolve)).then(() => void (handed = performance.now()));
      };
      const hereRun: RunSettings = { ...run, between };
      // Only files the time budget may leave here (SLOW_FILE_BYTES, as in a run without workers); between two
      // files the event loop runs, so the workers' results come in and they get their next files.
      const here = async () => {
        for (;;) {
          await new Promise((resolve) => setImmediate(resolve));
          handed = performance.now();
          const p = last > next ? rest[last - 1] : undefined;
          if (!p || (p.size ?? 0) > SLOW_FILE_BYTES) return;
          last--;
          p.done(await lintHere(files[p.index], resolver, hereRun, p.bytes));
        }
      };
      if (hereToo) await Promise.all([...lanes(pools[0], threads - 1, false), here()]);
      else await Promise.all(perWorker ? pools.flatMap((pool, i) => lanes(pool, 1, split !== undefined && i < split.axeThreads)) : lanes(pools[0], threads, false));
    } finally {
      await Promise.all(pools.map((pool) => pool.destroy()));
    }
  } catch (e) {
    // No worker threads here (a sandbox, a broken build): say so, and lint what is left in this thread.
    run.warnings?.push(`could not start worker threads (${(e as Error)?.message ?? String(e)}), so the files are linted one at a time`);
    for (const p of pending) if (!p.settled) p.done(await lintHere(files[p.index], resolver, run, p.bytes));
  }
}

/**
 * Past this many files a run is not split for axe (see lintPending): the saving, one worker's load of
 * jsdom and axe-core, is then under 2% of the run, and this thread would read every file first.
 */
const SPLIT_MAX_FILES = 2000;

/**
 * Which files go to the workers that run axe (issue 19): `order` split into the files likely to load jsdom and
 * axe-core (src/a11y/axe/likely.ts, from the bytes) and the rest, each still largest first, and how many workers
 * take the first group: enough for its share of the work (COST), at least one. Undefined when every worker
 * would be one of them, or no file looks likely: then files go out as before. Only the order of work changes.
 */
async function splitForAxe(files: readonly Discovered[], order: Pending[], threads: number, resolver: ConfigResolver): Promise<{ axe: Pending[]; rest: Pending[]; axeThreads: number } | undefined> {
  const { likelyNeedsAxe } = await import('../a11y/axe/likely.js');
  const axe: Pending[] = [];
  const rest: Pending[] = [];
  let axeCost = 0;
  let allCost = 0;
  for (const p of order) {
    const file = files[p.index];
    const cost = COST.perFileMs + ((p.size ?? 0) / 1024) * COST.perKbMs;
    allCost += cost;
    let likely = true;
    if (kindOfPath(file.absPath) === 'markdown') {
      const bytes = p.bytes ?? readSourceSync(file, limitOf(file, resolver));
      likely = typeof bytes !== 'string' && likelyNeedsAxe(bytes);
      // The worker lints these bytes, as with --cache: read once, not once here and again there.
      if (typeof bytes !== 'string') p.bytes ??= bytes;
    }
    if (likely) {
      axe.push(p);
      axeCost += cost + COST.axePerFileMs;
      allCost += COST.axePerFileMs;
    } else rest.push(p);
  }
  const axeThreads = Math.max(1, Math.ceil((axeCost / Math.max(1, allCost)) * threads));
  if (!axe.length || axeThreads >= threads) return undefined;
  return { axe, rest, axeThreads };
}

/** The order files go to workers: largest first, ties in path order (issue 19). Linear in memory, n log n in time. */
export function largestFirst<T extends { index: number; size?: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (b.size ?? 0) - (a.size ?? 0) || a.index - b.index);
}

async function lintHere(file: Discovered, resolver: ConfigResolver, run: RunSettings, bytes?: Uint8Array): Promise<FileResult> {
  try {
    return await lintPath(file, resolver, run, bytes);
  } catch (e) {
    return failed(file.path, 'article', e);
  }
}

function sizeOf(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0;
  }
}

/** The file's time budget and channel as configured (front matter aside), for a worker that must be stopped. */
function budgetOf(file: Discovered, resolver: ConfigResolver): { timeout: number; channel: Channel } {
  try {
    const s = resolver.resolve(file.absPath);
    // A help-desk export holds many documents, each with the whole budget (src/sources/): the file gets one budget per 100 KB.
    if (isJsonPath(file.absPath)) return { timeout: s.timeout * Math.max(1, Math.ceil(sizeOf(file.absPath) / (100 * 1024))), channel: s.channel };
    return { timeout: s.timeout, channel: s.channel };
  } catch {
    return { timeout: DEFAULT_TIMEOUT_SECONDS, channel: 'article' };
  }
}

/**
 * Rough cost of linting in this thread, from PLAINSPOKE_TIMING on the corpus
 * (`npm run bench`, 2-core machine): a file costs a few ms plus a few ms per
 * KB, and axe adds a few hundred ms per file. A worker costs about a second
 * of CPU before it is useful (loading the engine, then warming up its own JIT),
 * so on two cores 86 help articles (240 KB) were faster in one thread; runs
 * below about three seconds of work stay here.
 */
const COST = { workerStartMs: 1000, perFileMs: 4, perKbMs: 6, axePerFileMs: 200 };
/** The default thread count's ceiling on many-core machines (an explicit --jobs may go higher). */
const DEFAULT_MAX_THREADS = 8;
/** Past this many files the pool pays whatever their size; below it, sizes decide (a stat per file). */
const ALWAYS_POOL_FILES = 2000;

async function threadsFor(files: readonly Discovered[], pending: Pending[], resolver: ConfigResolver, run: RunSettings): Promise<number> {
  // One file is linted here whatever the thread count, so a one-file run does not load node:os (issue 19).
  if (pending.length <= 1) return 1;
  // By default one worker per CPU, at most DEFAULT_MAX_THREADS: each holds its own engine (and jsdom with axe).
  const wanted = run.jobs ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS);
  const threads = Math.min(wanted, pending.length);
  if (threads <= 1) return 1;
  // An explicit --jobs n is obeyed; the default (one per CPU) first asks whether workers would pay.
  if (run.jobs !== undefined) return threads;
  if (pending.length >= ALWAYS_POOL_FILES) return threads;
  await measure(files, pending);
  let bytes = 0;
  for (const p of pending) bytes += p.size ?? 0;
  const axe = usesAxe(files[pending[0].index], resolver, run);
  const here = pending.length * (COST.perFileMs + (axe ? COST.axePerFileMs : 0)) + (bytes / 1024) * COST.perKbMs;
  // With n threads the work takes here/n plus one worker start; stay here unless that is clearly faster,
  // and start no more workers than there is work for (each should lint at least two starts' worth).
  if (!(here / threads + COST.workerStartMs < here * 0.8)) return 1;
  return Math.max(2, Math.min(threads, Math.floor(here / (2 * COST.workerStartMs))));
}

/**
 * While this thread lints a file beside the workers, it lets the event loop run between two rules once this many
 * milliseconds have passed since it last did (see lintPending), so a worker that is done gets its next file.
 */
const HANDOFF_MS = 2;

/** Files larger than this are linted in a worker even in a small run (see lintPending). */
const BIG_FILE_BYTES = 512 * 1024;

/**
 * Files larger than this go to a worker (which the time budget can stop) even in a small run:
 * every pathological input that once ran for minutes in this thread was over it (issue 20),
 * and no file of the support corpus is.
 */
const SLOW_FILE_BYTES = 64 * 1024;

/** Without axe, workers of a run whose files are all at most this big get SMALL_RUN_HEAP_MB of heap. */
const SMALL_RUN_BYTES = 1024 * 1024;
const SMALL_RUN_HEAP_MB = 512;

async function hasBigFile(files: readonly Discovered[], pending: Pending[], bytes = BIG_FILE_BYTES): Promise<boolean> {
  await measure(files, pending);
  return pending.some((p) => (p.size ?? 0) > bytes);
}

/** Up to this many files are measured with blocking stats. */
const FEW_FILES = 32;

/** Fills in each pending file's size, 32 stats at a time, once per run (a vanished file counts 0: its read reports it). */
async function measure(files: readonly Discovered[], pending: Pending[]): Promise<void> {
  // A few files (a pre-commit hook's run) are measured in this thread: node:fs/promises is then never loaded (issue 19).
  if (pending.length <= FEW_FILES) {
    for (const p of pending) p.size ??= p.bytes?.byteLength ?? sizeOf(files[p.index].absPath);
    return;
  }
  await forEachLimit(pending, 32, async (p) => {
    p.size ??= p.bytes?.byteLength ?? (await stat(files[p.index].absPath).then((s) => s.size, () => 0));
  });
}

/** Whether the axe rule runs (judged on one file's settings: a run rarely mixes). */
function usesAxe(file: Discovered, resolver: ConfigResolver, run: RunSettings): boolean {
  try {
    return activeRules(resolver.resolve(file.absPath), run).some((r) => r.needs?.includes('axe'));
  } catch {
    return false; // a config error is reported per file
  }
}

async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
