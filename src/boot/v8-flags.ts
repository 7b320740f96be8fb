/**
 * V8 tuning for worker threads (issue 6), applied when a run starts its pool.
 *
 * On the 556-article corpus with two workers, V8's background threads used
 * about 19 s of a run's 44 s CPU, 13 s of it optimising-compiler (TurboFan)
 * jobs: each worker is its own V8 isolate and optimises the same parsers
 * again, and a 2-core machine has no spare core for that. A larger interrupt
 * budget makes V8 wait until a function is really hot before it optimises
 * it: background CPU fell to 8 s and the full run's median wall time by
 * 16-20% (interleaved runs, medians of three). In one thread the same flag
 * costs 7-12%, since there a free core did the compiling, so the main
 * thread keeps V8's defaults and only a run that starts workers sets it.
 *
 * V8 flags belong to the process: setting them also changes the main
 * thread, which waits for the workers meanwhile. They are part of the code
 * cache's key, so workers load a cache made under these flags
 * (scripts/bundle.mjs). Reports are byte-identical either way: the flag
 * changes when code is optimised, never what it computes.
 */
import v8 from 'node:v8';

/**
 * - interrupt budget: V8's default is 66 KB of bytecode run between checks for optimisation.
 * - no bytecode flushing: V8 drops the bytecode of functions it has not run for a while and
 *   compiles them again when they next run; a worker runs the same functions file after file.
 *   Median wall time 2-3% lower (three runs each, interleaved), peak memory about 10 MiB higher.
 */
export const WORKER_V8_FLAGS = ['--interrupt-budget=1048576', '--no-flush-bytecode'] as const;

let tuned = false;

/** Applies WORKER_V8_FLAGS once per process; PLAINSPOKE_V8_DEFAULTS=1 leaves V8's defaults (for measuring). */
export function tuneV8ForWorkers(): void {
  if (tuned || process.env.PLAINSPOKE_V8_DEFAULTS) return;
  tuned = true;
  for (const flag of WORKER_V8_FLAGS) v8.setFlagsFromString(flag);
}
