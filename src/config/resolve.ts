/** The config cascade: find-up from each file, extends, overrides, CLI flags. */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Channel, Severity } from '../types.js';
import { ConfigError } from '../util/errors.js';
import { CONFIG_NAMES, expandExtends, readConfigFile } from './load.js';
import { validateConfig, type ConfigLayer, type RawRuleEntry } from './schema.js';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT_SECONDS, type ResolvedSettings, type RuleSetting } from './settings.js';
import { allRules } from '../rules/registry.js';

export interface CliOverrides {
  channel?: Channel;
  rules?: Record<string, RawRuleEntry>;
  /** `-c`: use this file only, no search. */
  configFile?: string;
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
    const { layers, presets } = this.relativeErrors(() => expandExtends(layer));
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
        if (!statSync(p).isFile()) continue;
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

  /** Effective settings for a file. `frontChannel` is the channel its front matter asks for, if any. */
  resolve(absPath: string, frontChannel?: Channel): ResolvedSettings {
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
    for (const rule of allRules()) settings.rules[rule.id] = { severity: presetSeverity(rule.defaultSeverity, rule.id, strict), options: {} };
    const apply = (rules: Record<string, RawRuleEntry>) => {
      for (const [id, entry] of Object.entries(rules)) {
        const prev: RuleSetting = settings.rules[id] ?? { severity: 'off', options: {} };
        settings.rules[id] = { severity: entry.severity, options: entry.options ? { ...prev.options, ...entry.options } : prev.options };
      }
    };
    for (const l of layers) {
      if (l.channel) {
        settings.channel = l.channel;
        settings.channelSource = 'config';
      }
      apply(l.rules);
      settings.vocabulary.accept.push(...l.vocabulary.accept);
      settings.vocabulary.reject.push(...l.vocabulary.reject);
      if (l.placeholders.known) settings.placeholders.known = [...(settings.placeholders.known ?? []), ...l.placeholders.known];
      if (l.theme.background) settings.theme.background = l.theme.background;
      if (l.maxFileSize) settings.maxFileSize = l.maxFileSize;
      if (l.timeout) settings.timeout = l.timeout;
      const rel = toPosix(relative(l.dir, absPath));
      for (const o of l.overrides) {
        if (rel.startsWith('..') || !matcher(o.files)(rel) || matcher(o.excludedFiles)(rel)) continue;
        if (o.channel) {
          settings.channel = o.channel;
          settings.channelSource = 'override';
        }
        apply(o.rules);
        if (o.vocabulary?.accept) settings.vocabulary.accept.push(...o.vocabulary.accept);
        if (o.vocabulary?.reject) settings.vocabulary.reject.push(...o.vocabulary.reject);
      }
    }
    if (frontChannel) {
      settings.channel = frontChannel;
      settings.channelSource = 'front-matter';
    }
    if (this.cli.channel) {
      settings.channel = this.cli.channel;
      settings.channelSource = 'cli';
    }
    if (this.cli.rules) apply(this.cli.rules);
    return settings;
  }

  /** Every config file that shaped a folder's settings (for the cache key). */
  configFiles(dir: string): string[] {
    return this.cascade(dir).layers.map((l) => l.file);
  }
}

/** `plainspoke:strict` raises every rule one step: info → warning → error. */
function presetSeverity(sev: Severity, id: string, strict: boolean): Severity {
  if (!strict) return sev;
  if (id === 'unused-disable') return 'warning';
  return sev === 'info' ? 'warning' : 'error';
}

export function toPosix(p: string): string {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}
