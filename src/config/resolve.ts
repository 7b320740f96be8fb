/** The config cascade: find-up from each file, extends, overrides, CLI flags. */
import { isPolicyPath } from './policy-path.js';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Channel, Severity } from '../types.js';
import { ConfigError } from '../util/errors.js';
import { CONFIG_NAMES, expandExtends, readConfigFile } from './load.js';
import { validateConfig, type ConfigLayer, type RawRuleEntry } from './schema.js';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT_SECONDS, type ResolvedSettings, type RuleSetting } from './settings.js';
import { allRules } from '../rules/registry.js';
import type { FrontSettings } from './front-matter.js';

export interface CliOverrides {
  channel?: Channel;
  rules?: Record<string, RawRuleEntry>;
  /** `-c`: use this file only, no search. */
  configFile?: string;
  /** `--source-format`: read `.json` inputs as this kind of help-desk export (src/sources/). */
  sourceFormat?: string;
}

/** Globs in configs use `/`; a Windows-style `\` is read as a separator. */
export function normaliseGlob(g: string): string {
  return g.replace(/\\/g, '/').replace(/^\.\//, '');
}

function matcher(globs: string[]): (rel: string) => boolean {
  if (globs.length === 0) return () => false;
  // A glob without a slash matches at any depth, as in .gitignore.
  const expanded = globs.map(normaliseGlob).flatMap((g) => (g.includes('/') ? [g, `${g}/**`] : [g, `**/${g}`, `**/${g}/**`]));
  return picomatch(expanded, { dot: true });
}

/** Where each setting came from, by key (`channel`, `rules.<id>`, `vocabulary`…): a config file, `--rule`, front matter or a preset. */
export type SettingSources = Record<string, string>;

interface Cascade {
  layers: ConfigLayer[];
  presets: string[];
}

/** Resolves settings for many files, caching each folder's config chain. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Cascade>();
  private readonly fileLayers = new Map<string, ConfigLayer | undefined>();
  private fixed?: Cascade;

  constructor(
    private readonly cwd: string,
    private readonly cli: CliOverrides = {},
  ) {
    if (cli.configFile) {
      const file = resolve(cwd, cli.configFile);
      if (!existsSync(file)) throw new ConfigError(cli.configFile, '', 'does not exist');
      const layer = this.relativeErrors(() => readConfigFile(file));
      if (!layer) throw new ConfigError(cli.configFile, 'plainspoke', 'is missing from this package.json');
      this.fixed = this.withExtends(layer);
    }
  }

  /** A resolver that uses settings given as data (fixtures, `plainspoke-config` comments), no search. */
  static fromData(data: unknown, file: string, cwd: string, cli: CliOverrides = {}): ConfigResolver {
    const r = new ConfigResolver(cwd, cli);
    r.fixed = r.withExtends(validateConfig(data, file, cwd));
    return r;
  }

  private withExtends(layer: ConfigLayer): Cascade {
    const { layers, presets } = this.relativeErrors(() => expandExtends(layer, [], this.cwd));
    return { layers: [...layers, layer], presets };
  }

  /** Config errors show paths relative to the working folder, as reports do. */
  private relativeErrors<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ConfigError && isAbsolute(e.file)) {
        const rel = toPosix(relative(this.cwd, e.file));
        throw e.withFile(rel.startsWith('..') ? e.file : rel);
      }
      throw e;
    }
  }

  private layerIn(dir: string): ConfigLayer | undefined {
    return this.relativeErrors(() => this.readLayerIn(dir));
  }

  private readLayerIn(dir: string): ConfigLayer | undefined {
    if (this.fileLayers.has(dir)) return this.fileLayers.get(dir);
    let found: ConfigLayer | undefined;
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (!existsSync(p)) continue;
      try {
        // A FIFO or a device is read by readConfigFile, which refuses it with a message (issue 20).
        if (statSync(p).isDirectory()) continue;
      } catch {
        continue;
      }
      found = readConfigFile(p);
      if (found) break;
    }
    this.fileLayers.set(dir, found);
    return found;
  }

  /** Config chain for a folder, farthest first. Stops at `root: true`, a `.git` folder or the file-system root. */
  cascade(dir: string): Cascade {
    if (this.fixed) return this.fixed;
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const own = this.layerIn(dir);
    const stop = (own?.root ?? false) || existsSync(join(dir, '.git')) || dirname(dir) === dir;
    const parent = stop ? { layers: [], presets: [] } : this.cascade(dirname(dir));
    let result: Cascade = parent;
    if (own) {
      const ext = this.withExtends(own);
      result = { layers: [...parent.layers, ...ext.layers], presets: [...parent.presets, ...ext.presets] };
    }
    this.byDir.set(dir, result);
    return result;
  }

  /** Ignore globs that apply to a file (each relative to its config's folder). */
  isIgnored(absPath: string): boolean {
    const { layers } = this.cascade(dirname(absPath));
    for (const l of layers) {
      if (!l.ignore.length) continue;
      const rel = toPosix(relative(l.dir, absPath));
      if (rel.startsWith('..')) continue;
      if (matcher(l.ignore)(rel)) return true;
    }
    return false;
  }

  /**
   * Effective settings for a file. `front` is what its front matter asks for, if anything: a channel
   * (older callers) or `plainspoke: { channel, rules }`. `sources`, when given, receives where each
   * setting came from (`--print-config`).
   */
  resolve(absPath: string, front?: Channel | FrontSettings, sources?: SettingSources): ResolvedSettings {
    const { layers, presets } = this.cascade(dirname(absPath));
    const strict = presets.includes('strict');
    const settings: ResolvedSettings = {
      channel: 'article',
      channelSource: 'default',
      rules: {},
      vocabulary: { accept: [], reject: [] },
      placeholders: {},
      theme: { background: '#ffffff' },
      maxFileSize: DEFAULT_MAX_FILE_SIZE,
      timeout: DEFAULT_TIMEOUT_SECONDS,
      preset: strict ? 'strict' : 'recommended',
    };
    const preset = `plainspoke:${strict ? 'strict' : 'recommended'}`;
    const note = (key: string, from: string) => {
      if (sources) sources[key] = from;
    };
    note('channel', 'default');
    for (const rule of allRules()) {
      settings.rules[rule.id] = { severity: presetSeverity(rule, strict), options: {} };
      note(`rules.${rule.id}`, preset);
    }
    const apply = (rules: Record<string, RawRuleEntry>, from: string) => {
      for (const [id, entry] of Object.entries(rules)) {
        const prev: RuleSetting = settings.rules[id] ?? { severity: 'off', options: {} };
        settings.rules[id] = { severity: entry.severity, options: entry.options ? { ...prev.options, ...entry.options } : prev.options };
        note(`rules.${id}`, from);
      }
    };
    for (const l of layers) {
      const where = this.shown(l.file);
      if (l.channel) {
        settings.channel = l.channel;
        settings.channelSource = 'config';
        note('channel', where);
      }
      apply(l.rules, where);
      settings.vocabulary.accept.push(...l.vocabulary.accept);
      settings.vocabulary.reject.push(...l.vocabulary.reject);
      if (l.vocabulary.accept.length || l.vocabulary.reject.length) note('vocabulary', sources?.vocabulary ? `${sources.vocabulary}, ${where}` : where);
      if (l.placeholders.known) {
        settings.placeholders.known = [...(settings.placeholders.known ?? []), ...l.placeholders.known];
        note('placeholders', where);
      }
      if (l.theme.background) {
        settings.theme.background = l.theme.background;
        note('theme', where);
      }
      if (l.maxFileSize) {
        settings.maxFileSize = l.maxFileSize;
        note('maxFileSize', where);
      }
      if (l.timeout) {
        settings.timeout = l.timeout;
        note('timeout', where);
      }
      if (l.language) {
        settings.language = l.language;
        note('language', where);
      }
      const rel = toPosix(relative(l.dir, absPath));
      for (const [i, o] of l.overrides.entries()) {
        if (rel.startsWith('..') || !matcher(o.files)(rel) || matcher(o.excludedFiles)(rel)) continue;
        const at = `${where} overrides[${i}]`;
        if (o.channel) {
          settings.channel = o.channel;
          settings.channelSource = 'override';
          note('channel', at);
        }
        apply(o.rules, at);
        if (o.vocabulary?.accept) settings.vocabulary.accept.push(...o.vocabulary.accept);
        if (o.vocabulary?.reject) settings.vocabulary.reject.push(...o.vocabulary.reject);
      }
    }
    // Policies are linted as policies (issue 14) unless an override, front matter or --channel says otherwise.
    if (settings.channel === 'article' && settings.channelSource !== 'override' && isPolicyPath(toPosix(relative(this.cwd, absPath)))) {
      settings.channel = 'policy';
      note('channel', 'policy path (a policies, policy, legal or terms folder, or a file named terms, privacy or policy)');
    }
    const fm: FrontSettings | undefined = typeof front === 'string' ? { channel: front } : front;
    if (fm?.channel) {
      settings.channel = fm.channel;
      settings.channelSource = 'front-matter';
      note('channel', 'front matter');
    }
    if (fm?.rules) apply(fm.rules, 'front matter');
    if (this.cli.channel) {
      settings.channel = this.cli.channel;
      settings.channelSource = 'cli';
      note('channel', '--channel');
    }
    if (this.cli.rules) apply(this.cli.rules, '--rule');
    return settings;
  }

  /**
   * Which files share their settings (issue 19): two files of the same group get equal settings from
   * `resolve(absPath)` without front matter. That depends on the file only through its folder's cascade
   * (an object shared by folders with the same chain), the overrides that match it and whether it is a
   * policy path; the rest (rules, presets, CLI flags) is the same for the whole resolver. Throws what
   * `resolve` throws for a broken config.
   */
  settingsGroup(absPath: string): { cascade: object; key: string } {
    const dir = dirname(absPath);
    const cascade = this.cascade(dir);
    let key = isPolicyPath(this.policyPathOf(dir, absPath)) ? 'p' : 'a';
    for (const l of cascade.layers) {
      if (!l.overrides.length) continue;
      const rel = toPosix(relative(l.dir, absPath));
      for (const o of l.overrides) key += rel.startsWith('..') || !matcher(o.files)(rel) || matcher(o.excludedFiles)(rel) ? '0' : '1';
    }
    return { cascade, key };
  }

  /** Each folder's path from the working folder, for settingsGroup (path.relative() resolves both paths each time). */
  private readonly folderPaths = new Map<string, string>();

  /** The file's path from the working folder, as isPolicyPath reads it: the same folder names and file name. */
  private policyPathOf(dir: string, absPath: string): string {
    let rel = this.folderPaths.get(dir);
    if (rel === undefined) this.folderPaths.set(dir, (rel = toPosix(relative(this.cwd, dir))));
    return `${rel}/${basename(absPath)}`;
  }

  /** A config file's path as messages show it: relative to the working folder when inside it. */
  private shown(file: string): string {
    if (!isAbsolute(file)) return file;
    const rel = toPosix(relative(this.cwd, file));
    return rel.startsWith('..') ? toPosix(file) : rel;
  }

  /** Every config file that shaped a folder's settings (for the cache key). */
  configFiles(dir: string): string[] {
    return this.cascade(dir).layers.map((l) => l.file);
  }
}

/** `plainspoke:strict` raises every rule one step: info → warning → error. */
function presetSeverity(rule: { defaultSeverity: Severity; strictSeverity?: Severity }, strict: boolean): Severity {
  const sev = rule.defaultSeverity;
  if (!strict) return sev;
  if (rule.strictSeverity) return rule.strictSeverity;
  return sev === 'info' ? 'warning' : 'error';
}

export function toPosix(p: string): string {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}
