/**
 * The `yaml` package from inside the start-up bundle (issue 19). The sources load yaml with
 * `createRequire(import.meta.url)('yaml')` (only when a config or front matter needs it), which
 * from the bundle read and compiled about 50 files outside it: a third of a one-file run's own
 * CPU time on an article with front matter. scripts/bundle.mjs points those calls here, so yaml is
 * bundled (still loaded on first use) and compiled from the code cache. Used only in the bundle.
 */
export function bundledYaml(): unknown {
  return require('yaml');
}
