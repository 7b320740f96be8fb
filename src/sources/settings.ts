/**
 * Which `.json` files are help-desk exports and how to read them: `--source-format`,
 * then the config's `sources` entries (each relative to its config's folder).
 * Light on purpose: file discovery and the cache key use it without loading the parsers.
 */
import { dirname, relative } from 'node:path';
import picomatch from 'picomatch';
import type { Channel, SourceFormat } from '../types.js';
import type { ResolvedSettings } from '../config/settings.js';
import { toPosix, type CliOverrides, type ConfigResolver } from '../config/resolve.js';

export interface SourceSettings {
  /** The format to read the file as (unset: detect it from the shape). */
  format?: SourceFormat;
  /** Channel for every item of this file (a `sources` entry with files and channel). */
  channel?: Channel;
  /** Channel by format (a `sources` entry with a format and a channel but no files). */
  channels: Partial<Record<SourceFormat, Channel>>;
  /** Whether a `sources` entry names this file. */
  listed: boolean;
}

export function isJsonPath(path: string): boolean {
  return path.length > 5 && path.slice(-5).toLowerCase() === '.json';
}

const matchers = new Map<string, (rel: string) => boolean>();

function matches(globs: string[], rel: string): boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    const expanded = globs.map((g) => g.replace(/\\/g, '/').replace(/^\.\//, '')).flatMap((g) => (g.includes('/') ? [g] : [g, `**/${g}`]));
    m = picomatch(expanded, { dot: true });
    matchers.set(key, m);
  }
  return m(rel);
}

/** `--source-format` (the resolver's CLI overrides travel to worker threads with it). */
export function cliSourceFormat(resolver: ConfigResolver): SourceFormat | undefined {
  return (resolver['cli'] as CliOverrides | undefined)?.sourceFormat as SourceFormat | undefined;
}

export function sourceSettings(resolver: ConfigResolver, absPath: string): SourceSettings {
  const out: SourceSettings = { channels: {}, listed: false };
  for (const l of resolver.cascade(dirname(absPath)).layers) {
    for (const s of l.sources ?? []) {
      if (!s.files) {
        if (s.format && s.channel) out.channels[s.format] = s.channel;
        continue;
      }
      const rel = toPosix(relative(l.dir, absPath));
      if (rel.startsWith('..') || !matches(s.files, rel)) continue;
      out.listed = true;
      if (s.format) out.format = s.format;
      if (s.channel) out.channel = s.channel;
    }
  }
  const cli = cliSourceFormat(resolver);
  if (cli) out.format = cli;
  return out;
}

/** Whether a config `sources` entry names this file (folder and glob searches pick up only these `.json` files). */
export function isListedSource(resolver: ConfigResolver, absPath: string): boolean {
  if (!isJsonPath(absPath)) return false;
  try {
    return sourceSettings(resolver, absPath).listed;
  } catch {
    return false;
  }
}

/** The settings a cached result depends on: for an export, also its format and channels (`--source-format`, config `sources`). */
export function withSourceSettings(resolver: ConfigResolver, absPath: string, settings: ResolvedSettings): ResolvedSettings {
  if (!isJsonPath(absPath)) return settings;
  return { ...settings, source: sourceSettings(resolver, absPath) } as ResolvedSettings;
}
