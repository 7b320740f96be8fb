/**
 * V8 tuning (issue 6 for worker threads; issue 19 for every bundled run).
 *
 * On the 556-article corpus with two workers, V8's background threads used
 * about 19 s of a run's 44 s CPU, 13 s of it optimising-compiler (TurboFan)
 * jobs: each worker is its own V8 isolate and optimises the same parsers
 * again, and a 2-core machine has no spare core for that. A larger interrupt
 * budget makes V8 wait until a function is really hot before it optimises
 * it: background CPU fell to 8 s and the full run's median wall time by
 * 16-20% (interleaved runs, medians of three).
 *
 * Issue 19: a short run pays for TurboFan too. bin/plainspoke.js sets these
 * flags before it loads the start-up bundle, and both code caches are made
 * under them (scripts/bundle.mjs), so the main thread and the workers take
 * the same flags and each its cache. CPU (user + system) medians of
 * alternating runs: one 2 KB article 156 -> 143 ms from the flags alone; with
 * the other issue 19 changes, one 44 KB article 353 -> 237 ms and the 86
 * login-gov-help articles in one thread 1611 -> 1033 ms (wall time fell too).
 * The module tree (PLAINSPOKE_NO_BUNDLE=1, tests) keeps V8's defaults until
 * it starts workers.
 *
 * V8 flags belong to the process: setting them also changes the main
 * thread. They are part of the code cache's key, so a cache is accepted only
 * under the flags it was made with. Reports are byte-identical either way:
 * the flags change when code is optimised, never what it computes.
 */
import v8 from 'node:v8';
import { fullTier } from './short-tier.js';

/**
 * - interrupt budget: V8's default is 66 KB of bytecode run between checks for optimisation.
 * - no bytecode flushing: V8 drops the bytecode of functions it has not run for a while and
 *   compiles them again when they next run; a worker runs the same functions file after file.
 *   Median wall time 2-3% lower (three runs each, interleaved), peak memory about 10 MiB higher.
 * - regexp tier-up ticks: V8 runs a regular expression in its interpreter first and, by default, compiles it to
 *   machine code at its second run. A one-file run meets about 120 regular expressions, most of them run only a
 *   few times, so it compiled about 100 of them twice (those with Unicode classes such as \p{L} cost 0.05-0.12 ms
 *   each time). At 100 runs only the hot ones are compiled to machine code; V8 still does so at once for a
 *   subject of 1,000 characters or more. Issue 19: one article --no-axe about 2% less CPU (medians of 41
 *   alternating runs).
 */
export const WORKER_V8_FLAGS = ['--interrupt-budget=1048576', '--no-flush-bytecode', '--regexp-tier-up-ticks=100'] as const;

let tuned = false;

/**
 * Applies WORKER_V8_FLAGS once per process; PLAINSPOKE_V8_DEFAULTS=1 leaves V8's defaults (for measuring: the
 * code caches are then refused and the bundle compiles as it runs). bin/plainspoke.js applies the same list itself.
 * Workers start only after this call, so it also ends the short-run tier (src/boot/short-tier.ts): their code cache
 * was made under WORKER_V8_FLAGS alone.
 */
export function tuneV8ForWorkers(): void {
  fullTier();
  if (tuned || process.env.PLAINSPOKE_V8_DEFAULTS) return;
  tuned = true;
  for (const flag of WORKER_V8_FLAGS) v8.setFlagsFromString(flag);
}
