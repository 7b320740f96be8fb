/**
 * Worker threads across files (tinypool). Each worker builds its own
 * ConfigResolver from the same serialisable inputs (cwd, CLI overrides) and
 * returns a FileResult. A file that runs past its time budget (config
 * `timeout`) has its worker stopped; it gets a one-line error and the run
 * goes on with a fresh worker.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import type Tinypool from 'tinypool';
import type { FileResult } from '../types.js';
import type { CliOverrides } from '../config/resolve.js';
import type { Discovered } from './discover.js';
import type { LintOptions } from './lint-source.js';
import { failed } from './failed.js';
import { LintTimeout } from './run-rules.js';
import { packageRoot } from '../util/package-root.js';
import { tuneV8ForWorkers } from '../boot/v8-flags.js';

/** What a worker needs to lint one file; everything here survives structured cloning. */
export interface WorkerTask {
  cwd: string;
  cli: CliOverrides;
  opts: WorkerLintOptions;
  file: Discovered;
  /** The file's bytes when the main thread already read them (--cache); otherwise the worker reads the file. */
  bytes?: Uint8Array;
  /** The worker says 'start' here when it begins, so the time budget never counts queueing or start-up. */
  port?: import('node:worker_threads').MessagePort;
}

/** The lint options that cross to a worker (no callbacks, no cache object). */
export type WorkerLintOptions = Pick<LintOptions, 'noAxe' | 'browser' | 'only' | 'fix' | 'fingerprints' | 'timing' | 'noInlineConfig'>;

export function workerOptions(opts: LintOptions): WorkerLintOptions {
  const out: WorkerLintOptions = {};
  if (opts.noAxe !== undefined) out.noAxe = opts.noAxe;
  if (opts.browser !== undefined) out.browser = opts.browser;
  if (opts.only !== undefined) out.only = [...opts.only];
  if (opts.fix !== undefined) out.fix = opts.fix;
  if (opts.fingerprints !== undefined) out.fingerprints = opts.fingerprints;
  if (opts.timing !== undefined) out.timing = opts.timing;
  if (opts.noInlineConfig !== undefined) out.noInlineConfig = opts.noInlineConfig;
  return out;
}

/** Defined as true by scripts/bundle.mjs in the start-up bundle (src/boot/bundle.ts). */
declare const PLAINSPOKE_BUNDLED: boolean | undefined;

/**
 * The built worker module. From the bundle, workers load the bundle too
 * (dist/boot/bundle-worker.js). Tests run the TypeScript sources, where there
 * is no worker.js next to this file: they use the build in dist/ (`pretest`).
 */
export function workerFile(): string | undefined {
  const candidates = [fileURLToPath(new URL('./worker.js', import.meta.url)), join(packageRoot, 'dist', 'engine', 'worker.js')];
  if (typeof PLAINSPOKE_BUNDLED !== 'undefined' && PLAINSPOKE_BUNDLED) candidates.unshift(join(packageRoot, 'dist', 'boot', 'bundle-worker.js'));
  return candidates.find((f) => existsSync(f));
}

/** setTimeout takes at most 2^31-1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Old-space limit of a worker (MiB) when axe runs. Without it V8 lets each
 * worker's heap grow towards its default limit before a full collection, and
 * two workers with jsdom peaked near 600 MiB on the corpus. At 256 MiB the
 * run stayed near 350 MiB but spent more time collecting; at 512 MiB, with
 * the workers' V8 flags (src/boot/v8-flags.ts), it peaked at 340-351 MiB and
 * the full run's median wall time was 5% lower (three runs each,
 * interleaved). A file that needs more is linted again in the main thread,
 * which has no such limit.
 */
export const WORKER_HEAP_MB = 512;

/** The cap when the run has a file over 512 KB: a 5 MB Markdown page ran out of 256 MiB in a worker (issue 7). */
export const BIG_WORKER_HEAP_MB = 1024;

export class LintPool {
  private constructor(
    private readonly pool: Tinypool,
    private readonly base: { cwd: string; cli: CliOverrides; opts: WorkerLintOptions },
  ) {}

  /** `heapMb`: old-space limit per worker (MiB); undefined leaves V8's default. */
  static async start(threads: number, filename: string, base: { cwd: string; cli: CliOverrides; opts: WorkerLintOptions }, heapMb?: number): Promise<LintPool> {
    // tinypool loads only when a run uses workers: a one-file run (a pre-commit hook) never pays for it.
    const { Tinypool: Pool } = await import('tinypool');
    // Before the first worker starts: the flags apply to isolates as they are made (src/boot/v8-flags.ts).
    tuneV8ForWorkers();
    const pool = new Pool({
      filename,
      minThreads: threads,
      maxThreads: threads,
      // A worker keeps its parsers warm across files; only a stopped worker is replaced.
      isolateWorkers: false,
      idleTimeout: 60_000,
      ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
    });
    return new LintPool(pool, base);
  }

  /**
   * Lints one file in a worker; never rejects (failures become the file's error).
   * `outOfMemory` lints the file elsewhere when the worker ran out of its heap.
   */
  async lint(file: Discovered, timeoutSeconds: number, channel: FileResult['channel'], bytes?: Uint8Array, outOfMemory?: () => Promise<FileResult>): Promise<FileResult> {
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => abort.abort(), Math.min(MAX_TIMER_MS, Math.max(1, timeoutSeconds * 1000)));
    });
    const task: WorkerTask = { ...this.base, file, port: port2, ...(bytes ? { bytes } : {}) };
    try {
      return (await this.pool.run(task, { signal: abort.signal, transferList: [port2] })) as FileResult;
    } catch (e) {
      if (abort.signal.aborted) return failed(file.path, channel, new LintTimeout(timeoutSeconds));
      if ((e as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        if (outOfMemory) return outOfMemory();
        return failed(file.path, channel, `${file.path}: needed more memory than a file may use, so it was stopped (split the file to lint it)`);
      }
      return failed(file.path, channel, `${file.path}: internal error in a worker thread: ${(e as Error)?.message ?? String(e)}`);
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
