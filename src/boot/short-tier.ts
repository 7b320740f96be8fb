/**
 * The short-run tier (issue 19), apart from src/boot/v8-flags.ts so that the CLI and the engine can end it without
 * loading node:v8 (which loads Node.js's streams): bin/plainspoke.js sets the flags itself and leaves the setter at
 * SHORT_TIER_KEY.
 *
 * The flags of a short run, which bin/plainspoke.js sets once it has compiled the start-up bundle with
 * its code cache, and FULL_TIER_V8_FLAGS undo. Sparkplug, V8's baseline compiler, turns a function's bytecode into
 * machine code after a few calls. A one-file run ends before that code pays: it compiled about 0.7 MB of it. One
 * article --no-axe: about 9 ms less CPU (medians of 30 alternating runs). A run over many files gains from it (86
 * articles in one thread: about 7% more CPU without it), so the tier ends before a second file or a worker.
 * The flags are part of a code cache's key: a code cache is read only under WORKER_V8_FLAGS (src/boot/v8-flags.ts)
 * alone (the main bundle's before the short tier starts; a side bundle's with the tier lifted while it compiles).
 */
export const SHORT_RUN_V8_FLAGS = ['--no-sparkplug'] as const;
export const FULL_TIER_V8_FLAGS = ['--sparkplug'] as const;

/** What bin/plainspoke.js shares while the short-run tier is on: `off` is true until fullTier(). */
export interface ShortTier {
  off: boolean;
  set(flags: readonly string[]): void;
}

/** The key bin/plainspoke.js and the side-bundle loader (scripts/bundle.mjs) use for the ShortTier. */
export const SHORT_TIER_KEY = Symbol.for('plainspoke.short-tier');

/** Ends the short-run tier for good, if it is on: before a second file, a worker, or a server's first request. */
export function fullTier(): void {
  const tier = (globalThis as Record<symbol, ShortTier | undefined>)[SHORT_TIER_KEY];
  if (!tier?.off) return;
  tier.off = false;
  tier.set(FULL_TIER_V8_FLAGS);
}
