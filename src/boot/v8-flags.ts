/**
 * V8 tuning for a lint run (issue 6), set before any of our code runs.
 *
 * A run's CPU time was mostly not ours to spend: on the 556-article corpus
 * with two workers, V8's background threads used about 19 s of 44 s CPU,
 * 13 s of it optimising compiler (TurboFan) jobs. Each worker is its own
 * V8 isolate and optimises the same parsers again, and a 2-core machine has
 * no spare core for that. A larger interrupt budget makes V8 wait until a
 * function is really hot before it optimises it: background CPU fell from
 * 19 s to 8 s and the full run's median wall time by about 11% (four runs
 * each, interleaved). Reports are byte-identical: the flag changes when code
 * is optimised, never what it computes.
 *
 * The flags are part of the V8 code cache's key, so scripts/bundle.mjs sets
 * the same ones before it writes the cache, or every start-up would reject it.
 * Worker threads share the process's flags.
 */
import v8 from 'node:v8';

/** V8's default is 66 KB of bytecode run between checks for optimisation. */
export const V8_FLAGS = ['--interrupt-budget=1048576'] as const;

let tuned = false;

/** Applies V8_FLAGS once per process; PLAINSPOKE_V8_DEFAULTS=1 leaves V8's defaults (for measuring). */
export function tuneV8(): void {
  if (tuned || process.env.PLAINSPOKE_V8_DEFAULTS) return;
  tuned = true;
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}
