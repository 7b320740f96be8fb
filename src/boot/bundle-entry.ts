/** What scripts/bundle.mjs bundles: the CLI and the worker's lint function (they share one code cache). */
export { main } from '../cli/main.js';
export { default as lintInWorker } from '../engine/worker.js';
export { bundledYaml } from './bundled-yaml.js';
/** For the build's warm-up only (scripts/bundle.mjs): the CLI's own output path, so the code cache holds it. */
export { processIO, StdStream } from '../cli/io.js';
