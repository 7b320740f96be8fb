/** What scripts/bundle.mjs bundles: the CLI and the worker's lint function (they share one code cache). */
export { main } from '../cli/main.js';
export { default as lintInWorker } from '../engine/worker.js';
export { bundledYaml } from './bundled-yaml.js';
