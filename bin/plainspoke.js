#!/usr/bin/env node
// V8 tuning first (src/boot/v8-flags.ts), then the bundle with its code cache when built
// (fast start-up, src/boot/bundle.ts), else the module tree.
import { tuneV8 } from '../dist/boot/v8-flags.js';
tuneV8();
const { loadBundle } = await import('../dist/boot/bundle.js');
const main = loadBundle()?.exports.main ?? (await import('../dist/cli/main.js')).main;
process.exitCode = await main(process.argv.slice(2));
