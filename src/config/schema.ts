/**
 * Validation of a config file's shape. Hand-written rather than a JSON Schema
 * so each message can name the exact key a writer has to change.
 */
import { CHANNELS, SOURCE_FORMATS, type Channel, type SourceFormat } from '../types.js';
import { ConfigError } from '../util/errors.js';
import { parseSeverity, type SeveritySetting } from './settings.js';
import { getRule, ruleIds } from '../rules/registry.js';
import { validateOptions } from './options.js';
import { didYouMean } from '../util/suggest.js';
import { axeRuleIds } from '../a11y/axe/catalog.js';

export interface RawRuleEntry {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface ConfigOverride {
  files: string[];
  excludedFiles: string[];
  channel?: Channel;
  rules: Record<string, RawRuleEntry>;
  vocabulary?: { accept?: string[]; reject?: string[] };
}

/** A config file after validation; globs are still relative to `dir`. */
export interface ConfigLayer {
  file: string;
  dir: string;
  root: boolean;
  extends: string[];
  channel?: Channel;
  ignore: string[];
  rules: Record<string, RawRuleEntry>;
  vocabulary: { accept: string[]; reject: string[] };
  placeholders: { known?: string[] };
  theme: { background?: string };
  maxFileSize?: number;
  timeout?: number;
  /** `language: fr`: the content's language when a file does not declare one (ISO 639-1 code, lower case). */
  language?: string;
  overrides: ConfigOverride[];
  /** Content groups for the insights report (issue 18): group name → globs relative to the config's folder. */
  groups?: Record<string, string[]>;
  /** Help-desk exports (issue 16): which `.json` files are exports, their format, and their items' channel. */
  sources?: SourceEntry[];
}

/** `sources: [{ files: "exports/*.json", format: zendesk-macros, channel: chat }]`; an entry without files sets the channel for that format everywhere. */
export interface SourceEntry {
  files?: string[];
  format?: SourceFormat;
  channel?: Channel;
}

const TOP_KEYS = ['$schema', 'root', 'extends', 'channel', 'language', 'ignore', 'rules', 'vocabulary', 'placeholders', 'theme', 'maxFileSize', 'timeout', 'overrides', 'sources', 'groups'];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Refuses `__proto__` and friends anywhere in the file before anything reads it. */
export function assertNoPrototypeKeys(value: unknown, file: string, path = ''): void {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${p}[${i}]`]));
    else if (isObject(v)) {
      for (const k of Object.keys(v)) {
        const key = p ? `${p}.${k}` : k;
        if (FORBIDDEN.has(k)) throw new ConfigError(file, key, 'is not allowed as a key');
        stack.push([v[k], key]);
      }
    }
  }
}

function stringList(v: unknown, file: string, key: string): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ConfigError(file, key, 'must be a list of strings');
  return v as string[];
}

function channelOf(v: unknown, file: string, key: string): Channel {
  if (typeof v !== 'string' || !(CHANNELS as readonly string[]).includes(v)) {
    throw new ConfigError(file, key, `must be one of ${CHANNELS.join(', ')} (got ${JSON.stringify(v)})`);
  }
  return v as Channel;
}

/** Parses `rules:` entries: `id: warn` or `id: [error, { max: 20 }]`. */
export function parseRules(v: unknown, file: string, key: string): Record<string, RawRuleEntry> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw new ConfigError(file, key, 'must be a map of rule ids to severities');
  const out: Record<string, RawRuleEntry> = {};
  for (const [id, value] of Object.entries(v)) {
    const k = `${key}.${id}`;
    const rule = getRule(id);
    if (!rule) throw new ConfigError(file, k, `is not a plainspoke rule${suggestId(id)} (run 'plainspoke rules' to list them)`);
    let sev: unknown = value;
    let options: unknown;
    if (Array.isArray(value)) {
      if (value.length < 1 || value.length > 2) throw new ConfigError(file, k, 'must be a severity or [severity, options]');
      [sev, options] = value;
    }
    const severity = parseSeverity(sev);
    if (!severity) throw new ConfigError(file, k, `has severity ${JSON.stringify(sev)}: use off, info, warn or error`);
    if (options !== undefined) {
      if (!isObject(options)) throw new ConfigError(file, `${k}[1]`, 'must be an options object');
      validateOptions(rule, options, file, `${k}[1]`);
    }
    out[id] = { severity, ...(options !== undefined ? { options: options as Record<string, unknown> } : {}) };
  }
  return out;
}

function suggestId(id: string): string {
  return didYouMean(id, knownRuleIds());
}

/** Every id a config, `--rule` or a disable comment may name: plainspoke's rules and `axe/<id>`. */
export function knownRuleIds(): string[] {
  return [...ruleIds(), ...axeRuleIds()];
}

function vocabulary(v: unknown, file: string, key: string): { accept: string[]; reject: string[] } {
  if (v === undefined) return { accept: [], reject: [] };
  if (!isObject(v)) throw new ConfigError(file, key, 'must be a map with accept and reject lists');
  for (const k of Object.keys(v)) if (k !== 'accept' && k !== 'reject') throw new ConfigError(file, `${key}.${k}`, 'is not a known key (use accept or reject)');
  return {
    accept: v.accept === undefined ? [] : stringList(v.accept, file, `${key}.accept`),
    reject: v.reject === undefined ? [] : stringList(v.reject, file, `${key}.reject`),
  };
}

/** Accepts bytes as a number or a size such as "5 MB". */
function size(v: unknown, file: string, key: string): number {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return Math.floor(v);
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?) ?(b|kb|mb|gb)?$/i.exec(v.trim()) : null;
  if (!m) throw new ConfigError(file, key, `must be a size in bytes or like "5 MB" (got ${JSON.stringify(v)})`);
  const mult = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * mult);
}

/** Validates a parsed config object and returns a layer. */
export function validateConfig(data: unknown, file: string, dir: string): ConfigLayer {
  if (data === null || data === undefined) data = {};
  if (!isObject(data)) throw new ConfigError(file, '', 'must hold a map of settings');
  assertNoPrototypeKeys(data, file);
  for (const k of Object.keys(data)) {
    if (!TOP_KEYS.includes(k)) throw new ConfigError(file, k, `is not a known key${didYouMean(k, TOP_KEYS.slice(1))} (known keys: ${TOP_KEYS.slice(1).join(', ')})`);
  }
  if (data.root !== undefined && typeof data.root !== 'boolean') throw new ConfigError(file, 'root', 'must be true or false');
  const layer: ConfigLayer = {
    file,
    dir,
    root: data.root === true,
    extends: data.extends === undefined ? [] : stringList(data.extends, file, 'extends'),
    ignore: data.ignore === undefined ? [] : stringList(data.ignore, file, 'ignore'),
    rules: parseRules(data.rules, file, 'rules'),
    vocabulary: vocabulary(data.vocabulary, file, 'vocabulary'),
    placeholders: {},
    theme: {},
    overrides: [],
  };
  if (data.channel !== undefined) layer.channel = channelOf(data.channel, file, 'channel');
  if (data.placeholders !== undefined) {
    if (!isObject(data.placeholders)) throw new ConfigError(file, 'placeholders', 'must be a map with a known list');
    for (const k of Object.keys(data.placeholders)) if (k !== 'known') throw new ConfigError(file, `placeholders.${k}`, 'is not a known key (use known)');
    if (data.placeholders.known !== undefined) layer.placeholders.known = stringList(data.placeholders.known, file, 'placeholders.known');
  }
  if (data.theme !== undefined) {
    if (!isObject(data.theme)) throw new ConfigError(file, 'theme', 'must be a map with a background colour');
    for (const k of Object.keys(data.theme)) if (k !== 'background') throw new ConfigError(file, `theme.${k}`, 'is not a known key (use background)');
    if (data.theme.background !== undefined) {
      if (typeof data.theme.background !== 'string') throw new ConfigError(file, 'theme.background', 'must be a CSS colour such as "#ffffff"');
      layer.theme.background = data.theme.background;
    }
  }
  if (data.maxFileSize !== undefined) layer.maxFileSize = size(data.maxFileSize, file, 'maxFileSize');
  if (data.language !== undefined) {
    const m = typeof data.language === 'string' ? /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$/i.exec(data.language) : null;
    if (!m) throw new ConfigError(file, 'language', `must be a language code such as en, fr or de-CH (got ${JSON.stringify(data.language)})`);
    layer.language = m[1].toLowerCase();
  }
  if (data.timeout !== undefined) {
    if (typeof data.timeout !== 'number' || !(data.timeout > 0)) throw new ConfigError(file, 'timeout', 'must be a number of seconds above 0');
    layer.timeout = data.timeout;
  }
  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) throw new ConfigError(file, 'overrides', 'must be a list');
    layer.overrides = data.overrides.map((o, i) => override(o, file, `overrides[${i}]`));
  }
  if (data.sources !== undefined) {
    if (!Array.isArray(data.sources)) throw new ConfigError(file, 'sources', 'must be a list of { files, format, channel } entries');
    layer.sources = data.sources.map((o, i) => sourceEntry(o, file, `sources[${i}]`));
  }
  if (data.groups !== undefined) {
    if (!isObject(data.groups)) throw new ConfigError(file, 'groups', 'must be a map of group names to lists of globs');
    layer.groups = {};
    for (const [name, globs] of Object.entries(data.groups)) layer.groups[name] = stringList(globs, file, `groups.${name}`);
  }
  return layer;
}

function sourceEntry(o: unknown, file: string, key: string): SourceEntry {
  if (!isObject(o)) throw new ConfigError(file, key, 'must be a map with files, format or channel');
  for (const k of Object.keys(o)) if (!['files', 'format', 'channel'].includes(k)) throw new ConfigError(file, `${key}.${k}`, 'is not a known key (use files, format or channel)');
  const out: SourceEntry = {};
  if (o.files !== undefined) out.files = stringList(o.files, file, `${key}.files`);
  if (o.format !== undefined) {
    if (typeof o.format !== 'string' || !(SOURCE_FORMATS as readonly string[]).includes(o.format)) throw new ConfigError(file, `${key}.format`, `must be one of ${SOURCE_FORMATS.join(', ')} (got ${JSON.stringify(o.format)})`);
    out.format = o.format as SourceFormat;
  }
  if (o.channel !== undefined) out.channel = channelOf(o.channel, file, `${key}.channel`);
  if (!out.files && !(out.format && out.channel)) throw new ConfigError(file, key, 'needs files (the exports to read), or a format and the channel its items get');
  return out;
}

function override(o: unknown, file: string, key: string): ConfigOverride {
  if (!isObject(o)) throw new ConfigError(file, key, 'must be a map with files and settings');
  for (const k of Object.keys(o)) {
    if (!['files', 'excludedFiles', 'channel', 'rules', 'vocabulary'].includes(k)) throw new ConfigError(file, `${key}.${k}`, 'is not a known key (use files, excludedFiles, channel, rules or vocabulary)');
  }
  if (o.files === undefined) throw new ConfigError(file, `${key}.files`, 'is required');
  const out: ConfigOverride = {
    files: stringList(o.files, file, `${key}.files`),
    excludedFiles: o.excludedFiles === undefined ? [] : stringList(o.excludedFiles, file, `${key}.excludedFiles`),
    rules: parseRules(o.rules, file, `${key}.rules`),
  };
  if (o.channel !== undefined) out.channel = channelOf(o.channel, file, `${key}.channel`);
  if (o.vocabulary !== undefined) out.vocabulary = vocabulary(o.vocabulary, file, `${key}.vocabulary`);
  return out;
}
