/**
 * The `yaml` package from inside the start-up bundle (issue 19). The sources load yaml with
 * `createRequire(import.meta.url)('yaml')` (only when a config or front matter needs it), which
 * from the bundle read and compiled about 50 files outside it: a third of a one-file run's own
 * CPU time on an article with front matter. scripts/bundle.mjs points those calls here, and this
 * require at dist/bundle/yaml.cjs, a side bundle with its own code cache (sideBundles): yaml is
 * still loaded on first use and compiled from a code cache, and a run with no YAML config or
 * front matter settings does not deserialise its code. Used only in the bundle.
 */
export function bundledYaml(): unknown {
  return require('yaml');
}
