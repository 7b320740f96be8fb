/**
 * A pre-commit hook's run (issue 19): `plainspoke --no-axe one-article.md`.
 * bin/plainspoke.js is CommonJS and runs the start-up bundle with a V8 code
 * cache that V8 accepts; such a run never loads the axe stage (jsdom,
 * axe-core), a browser, the language detector (an English article), the
 * worker pool, a formatter other than stylish, or the yaml package (simple
 * front matter). Asserted on the module tree (PLAINSPOKE_NO_BUNDLE=1, where
 * each module is a file) and on the bundle (built-ins and packages outside it).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from '../helpers/cli.js';
import { modulesLoaded } from '../helpers/modules-loaded.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plainspoke.js');

const ARTICLE = '---\ntitle: "Reset your password"\nid: 4408893476498\n---\n\n# Reset your password\n\nYou can utilize the form to reset your password. The link was sent by us.\n\n![](form.png)\n';

/** Modules a one-file run must not load: the axe stage, a browser, the detector, the pool, servers, other formatters. */
const NEVER = [
  /node_modules\/(jsdom|axe-core|playwright-core|tinypool|tinyld|yaml|zod|ajv|vscode-languageserver)\//,
  /\/dist\/a11y\/axe\/(engine|browser|dom|render|styles)\.js$/,
  /\/dist\/(lsp|mcp|engine\/pool)\b/,
  /\/dist\/formatters\/(sarif|github|junit|html)\.js$/,
  /^node:worker_threads$/,
];
/**
 * The bundle also loads these built-ins only on first use (scripts/bundle.mjs); commander's own file requires child_process.
 * A stylish report computes no fingerprints, so node:crypto stays unloaded (issue 19).
 */
const NEVER_IN_BUNDLE = [/^node:(child_process|readline|stream\/promises|fs\/promises|crypto|os)$/];

describe('one article with --no-axe', () => {
  it('loads none of the heavy or unneeded modules, from the module tree or the bundle', () => {
    const dir = project({ 'help/reset.md': ARTICLE });
    for (const bundle of [false, true]) {
      const urls = modulesLoaded(['--no-axe', 'help/reset.md'], dir, bundle ? {} : { PLAINSPOKE_NO_BUNDLE: '1' });
      const label = bundle ? 'bundle' : 'module tree';
      expect(urls.length, label).toBeGreaterThan(3);
      expect(urls.filter((u) => NEVER.some((re) => re.test(u))), label).toEqual([]);
      if (bundle) expect(urls.filter((u) => NEVER_IN_BUNDLE.some((re) => re.test(u))), label).toEqual([]);
      // bin/plainspoke.js sets the flags the bundle's code cache was made under (src/boot/v8-flags.ts) without node:v8,
      // which loads Node.js's streams; the module tree keeps V8's defaults.
      expect(urls.includes('node:v8'), label).toBe(false);
      if (!bundle) {
        // The module tree does run the lint there: the rules and stylish were loaded.
        expect(urls.some((u) => u.endsWith('/dist/formatters/stylish.js'))).toBe(true);
        expect(urls.some((u) => u.endsWith('/dist/rules/plain/simpler-words.js'))).toBe(true);
      }
    }
  });

  it('loads yaml only for front matter that may hold settings', () => {
    const dir = project({ 'a.md': '---\nplainspoke:\n  channel: chat\n---\n\nHello there.\n', 'b.md': '---\ntags:\n  - { a: 1 }\n---\n\nHello there.\n' });
    for (const file of ['a.md', 'b.md']) {
      const urls = modulesLoaded(['--no-axe', file], dir, { PLAINSPOKE_NO_BUNDLE: '1' });
      expect(urls.some((u) => /node_modules\/yaml\//.test(u)), file).toBe(true);
    }
  });

  it('runs the bundle from a CommonJS bin/plainspoke.js with a code cache V8 accepts', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'bin', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const dir = project({ 'help/reset.md': ARTICLE, 'spy.cjs': SPY });
    const r = spawnSync(process.execPath, ['-r', join(dir, 'spy.cjs'), BIN, '--no-axe', 'help/reset.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLAINSPOKE_NO_BUNDLE: '' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('simpler-words');
    const line = r.stderr.split('\n').find((l) => l.startsWith('BUNDLE '));
    expect(line, r.stderr).toBeDefined();
    expect(JSON.parse(line!.slice(7))).toEqual({ cached: true, rejected: false });
  });

  it('writes its report to a pipe without making Node.js streams, perf_hooks or node:v8 (src/cli/io.ts, bin/plainspoke.js)', () => {
    const dir = project({ 'help/reset.md': ARTICLE, 'builtins.cjs': BUILTINS });
    // Without NO_COLOR too (a hook's usual run): deciding on colour asks whether stdout is a terminal, and a pipe is not one.
    const { NO_COLOR: _n, FORCE_COLOR: _f, CI: _c, ...plain } = process.env;
    for (const env of [{ ...process.env, NO_COLOR: '1', CI: '1' }, plain]) {
      const r = spawnSync(process.execPath, ['-r', join(dir, 'builtins.cjs'), BIN, '--no-axe', 'help/reset.md'], { cwd: dir, encoding: 'utf8', env: { ...env, PLAINSPOKE_NO_BUNDLE: '' } });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('simpler-words');
      expect(r.stdout).not.toContain('\u001b[');
      const line = r.stderr.split('\n').find((l) => l.startsWith('BUILTINS '));
      expect(line, r.stderr).toBeDefined();
      const loaded = JSON.parse(line!.slice(9)) as string[];
      expect(loaded.filter((m) => /^NativeModule (net|tty|stream|v8|perf_hooks|internal\/fs\/sync_write_stream)$/.test(m))).toEqual([]);
    }
  });
});

describe('the HTML parser in a one-file run (issue 19)', () => {
  /**
   * Runs bin/plainspoke.js with a spy that marks, in the bundle's source, the one function that loads the HTML
   * modules (parse5, hast-util-raw: heavy() in src/document/load-html-support.ts). The changed source makes V8
   * reject the code cache, which changes no output. Returns the exit code, stdout and whether they were loaded.
   */
  function run(dir: string, file: string): { status: number | null; stdout: string; loaded: boolean } {
    const r = spawnSync(process.execPath, ['-r', join(dir, 'heavy.cjs'), BIN, '--no-axe', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLAINSPOKE_NO_BUNDLE: '' } });
    const line = r.stderr.split('\n').find((l) => l.startsWith('HEAVY '));
    expect(line, r.stderr).toBeDefined();
    return { status: r.status, stdout: r.stdout, loaded: JSON.parse(line!.slice(6)) as boolean };
  }
  const NO_HTML = ARTICLE;
  const ANCHORS = '# Pins\n\nYou can utilize the pins.\n\n<a id="header-pins"></a>\n\n## Using the header pins\n\nThe link was sent by us. See [the pins](#header-pins).\n';
  // <kbd> around one text node is built without the HTML parser (load-html-support.ts lightRaw); a <div> is not.
  const KBD = '# Keys\n\nPress <kbd>Ctrl</kbd> to utilize the menu.\n';
  const RAW = '# Keys\n\n<div class="note">\nPress <b>Ctrl</b> to utilize the menu.\n</div>\n';

  it('loads none of it for Markdown with no raw HTML, only empty anchors or <kbd>, loads it for a <div>, and the report is the same as the module tree\'s', () => {
    const dir = project({ 'none.md': NO_HTML, 'anchors.md': ANCHORS, 'kbd.md': KBD, 'raw.md': RAW, 'heavy.cjs': HEAVY });
    for (const [file, loads] of [['none.md', false], ['anchors.md', false], ['kbd.md', false], ['raw.md', true]] as const) {
      const r = run(dir, file);
      expect(r.loaded, file).toBe(loads);
      const tree = spawnSync(process.execPath, [BIN, '--no-axe', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLAINSPOKE_NO_BUNDLE: '1' } });
      expect([r.status, r.stdout], file).toEqual([tree.status, tree.stdout]);
      expect(r.stdout, file).toContain('simpler-words');
    }
  });

  it('loads it, yaml and the care rules from side bundles (html.cjs, yaml.cjs, care.cjs) with code caches V8 accepts, only when needed (scripts/bundle.mjs sideBundles)', () => {
    const SETTINGS = '---\nplainspoke:\n  channel: chat\n---\n\nYou can utilize the menu.\n';
    const dir = project({ 'none.md': NO_HTML, 'kbd.md': KBD, 'raw.md': RAW, 'settings.md': SETTINGS, 'scripts.cjs': SCRIPTS });
    const scripts = (file: string) => {
      const r = spawnSync(process.execPath, ['-r', join(dir, 'scripts.cjs'), BIN, '--no-axe', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLAINSPOKE_NO_BUNDLE: '' } });
      expect(r.stdout, file).toContain('simpler-words');
      const line = r.stderr.split('\n').find((l) => l.startsWith('SCRIPTS '));
      expect(line, r.stderr).toBeDefined();
      return JSON.parse(line!.slice(8)) as unknown;
    };
    const accepted = { cached: true, rejected: false };
    expect(scripts('none.md')).toEqual({ 'plainspoke.cjs': accepted });
    expect(scripts('kbd.md')).toEqual({ 'plainspoke.cjs': accepted });
    expect(scripts('raw.md')).toEqual({ 'plainspoke.cjs': accepted, 'html.cjs': accepted });
    // A chat reply (its front matter sets the channel) runs the reply-only care rules: care.cjs (careBundle).
    expect(scripts('settings.md')).toEqual({ 'plainspoke.cjs': accepted, 'yaml.cjs': accepted, 'care.cjs': accepted });
  });

  it('loads globby only next to a .gitignore and the language detector only for text that may not be English (scripts/bundle.mjs SIDE_IMPORTS)', () => {
    const FRENCH = "# Réinitialiser\n\nVous pouvez changer votre mot de passe dans les réglages du compte. Le lien est envoyé par courriel et il reste valable une heure pour votre sécurité.\n";
    const plain = project({ 'none.md': NO_HTML, 'fr.md': FRENCH, 'scripts.cjs': SCRIPTS });
    const ignored = project({ '.gitignore': 'drafts/\n', 'help/none.md': NO_HTML, 'scripts.cjs': SCRIPTS });
    const scripts = (dir: string, file: string) => {
      const r = spawnSync(process.execPath, ['-r', join(dir, 'scripts.cjs'), BIN, '--no-axe', file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLAINSPOKE_NO_BUNDLE: '' } });
      const line = r.stderr.split('\n').find((l) => l.startsWith('SCRIPTS '));
      expect(line, r.stderr).toBeDefined();
      return JSON.parse(line!.slice(8)) as unknown;
    };
    const accepted = { cached: true, rejected: false };
    expect(scripts(plain, 'none.md')).toEqual({ 'plainspoke.cjs': accepted });
    // No warm-up lint detects a language at build time, so tinyld.cjs has no code cache.
    expect(scripts(plain, 'fr.md')).toEqual({ 'plainspoke.cjs': accepted, 'tinyld.cjs': { cached: false, rejected: false } });
    expect(scripts(ignored, 'help/none.md')).toEqual({ 'plainspoke.cjs': accepted, 'globby.cjs': accepted });
  });
});

/** Records, on stderr at exit, each script the process compiled with vm.Script: whether it got a code cache and whether V8 took it. */
const SCRIPTS = `
const vm = require('node:vm');
const Script = vm.Script;
const seen = {};
process.on('exit', () => process.stderr.write('SCRIPTS ' + JSON.stringify(seen) + '\\n'));
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    seen[String(options && options.filename).replace(/^.*[\\\\/]/, '')] = { cached: Boolean(options && options.cachedData), rejected: this.cachedDataRejected === true };
  }
};
`;

/** Marks the bundle's heavy() (the one place that loads the HTML modules) and says on stderr at exit whether it ran. */
const HEAVY = `
const vm = require('node:vm');
const Script = vm.Script;
let ran = false;
globalThis.__plainspokeHeavy = () => { ran = true; };
vm.Script = class extends Script {
  constructor(source, options) {
    if (options && String(options.filename).endsWith('plainspoke.cjs')) {
      const mark = 'function heavy(){';
      if (source.split(mark).length !== 2) throw new Error('heavy() not found once in the bundle');
      source = source.replace(mark, mark + 'globalThis.__plainspokeHeavy();');
      process.on('exit', () => process.stderr.write('HEAVY ' + JSON.stringify(ran) + '\\n'));
    }
    super(source, options);
  }
};
`;

/** Lists Node.js's built-in modules the process loaded, on stderr at exit. */
const BUILTINS = `process.on('exit', () => require('node:fs').writeSync(2, 'BUILTINS ' + JSON.stringify(process.moduleLoadList) + '\\n'));`;

/** Records whether the bundle's vm.Script got a code cache and whether V8 took it. */
const SPY = `
const vm = require('node:vm');
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    if (options && String(options.filename).endsWith('plainspoke.cjs')) {
      process.on('exit', () => process.stderr.write('BUNDLE ' + JSON.stringify({ cached: Boolean(options.cachedData), rejected: this.cachedDataRejected === true }) + '\\n'));
    }
  }
};
`;
