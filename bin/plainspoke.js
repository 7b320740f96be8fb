#!/usr/bin/env node
// The bundle with its code cache when built (fast start-up, src/boot/bundle.ts), else the module tree.
import { loadBundle } from '../dist/boot/bundle.js';

const main = loadBundle()?.exports.main ?? (await import('../dist/cli/main.js')).main;
process.exitCode = await main(process.argv.slice(2));
