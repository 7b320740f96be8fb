/**
 * `--cache`: remembers each file's result under a key made of its bytes, its
 * effective settings, the plainspoke version (and build) and the run options,
 * so an unchanged file is not parsed again. The cache is only ever a speed-up:
 * a corrupt, foreign or unreadable cache file is treated as empty and
 * rewritten, and a failed save costs the next run time, never correctness.
 * Results of files that failed are never stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFileSafelySync } from '../util/read-file-safely.js';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedSettings } from '../config/settings.js';
import type { ConfigResolver } from '../config/resolve.js';
import { isJsonPath } from '../sources/settings.js';
import type { FileResult } from '../types.js';
import { VERSION } from '../util/version.js';
import { packageRoot } from '../util/package-root.js';

const FORMAT = 'plainspoke-cache';
const FORMAT_VERSION = 1;

/** A cache file bigger than this is not read (a run over 10,000 files writes about 60 MB). */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Changes with every build, so a cache written by an older build of the same
 * version (a development checkout) is not trusted: the rules' code may differ.
 */
let buildId: string | undefined;
/** Computed on first use: a run without --cache never stats these files (issue 19). */
function toolBuildId(): string {
  if (buildId !== undefined) return buildId;
  const parts: string[] = [VERSION];
  for (const f of [fileURLToPath(import.meta.url), join(packageRoot, 'dist', 'rule-data.json')]) {
    try {
      const s = statSync(f);
      parts.push(`${s.size}:${s.mtimeMs}`);
    } catch {
      parts.push('-');
    }
  }
  buildId = parts.join('|');
  return buildId;
}

/** JSON with object keys sorted, so equal settings give equal text whatever order they were built in. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}

type RunOptions = { noAxe?: boolean; noInlineConfig?: boolean; browser?: string };

/** sha256 of the file's bytes, its effective settings, the plainspoke version and build, and the run options. */
export function cacheKey(bytes: Uint8Array, settings: ResolvedSettings, runOptions: RunOptions): string {
  return cacheKeyOfText(bytes, stableStringify(settings), runOptions);
}

/** The run options as the key holds them, once per options object. */
const optionsTexts = new WeakMap<object, string>();

function optionsText(runOptions: RunOptions): string {
  let text = optionsTexts.get(runOptions);
  if (text === undefined) {
    text = stableStringify({ noAxe: Boolean(runOptions.noAxe), ...(runOptions.noInlineConfig ? { noInlineConfig: true } : {}), ...(runOptions.browser && !runOptions.noAxe ? { browser: true } : {}) });
    optionsTexts.set(runOptions, text);
  }
  return text;
}

/** cacheKey with the settings already as stableStringify text: the same key. */
export function cacheKeyOfText(bytes: Uint8Array, settingsText: string, runOptions: RunOptions): string {
  // One update for the text after the bytes hashes the same bytes as one update for each part.
  return createHash('sha256').update(bytes).update(`\0${settingsText}\0${toolBuildId()}\0${optionsText(runOptions)}`).digest('hex');
}

/** A file's settings as the cache key holds them, and its size limit. */
export interface KeySettings {
  text: string;
  maxFileSize: number;
}

/** KeySettings by the resolver's settings group (ConfigResolver.settingsGroup): a cascade, then the group's key. */
const keySettingsByGroup = new WeakMap<object, Map<string, KeySettings>>();

/**
 * The settings of a Markdown or HTML file for its cache key, resolved and written out once per settings group
 * (issue 19): a warm run over 556 files resolved and stringified the same settings for each file. The text is
 * that of the first file of the group, which every file of the group would give (settingsGroup). A help-desk
 * export's key holds its source settings too (withSourceSettings): undefined for it. Throws what the resolver
 * throws for a broken config.
 */
export function keySettings(resolver: ConfigResolver, absPath: string): KeySettings | undefined {
  if (isJsonPath(absPath)) return undefined;
  const { cascade, key } = resolver.settingsGroup(absPath);
  let groups = keySettingsByGroup.get(cascade);
  if (!groups) keySettingsByGroup.set(cascade, (groups = new Map()));
  let found = groups.get(key);
  if (!found) {
    const settings = resolver.resolve(absPath);
    found = { text: stableStringify(settings), maxFileSize: settings.maxFileSize };
    groups.set(key, found);
  }
  return found;
}

interface Stored {
  format: typeof FORMAT;
  version: number;
  tool: string;
  entries: Record<string, FileResult>;
}

/** The results of earlier runs, by cache key. */
export class LintCache {
  private readonly entries = new Map<string, FileResult>();
  /** The key each path was last stored under, so a changed file's old entry is dropped. */
  private readonly keyOfPath = new Map<string, string>();
  private dirty = false;

  private constructor(readonly path: string) {}

  /**
   * Why the cache file was not used, when it exists but is not a plain cache file: a FIFO, a device,
   * a symbolic link, or over MAX_CACHE_BYTES (issue 20). One phrase; the caller names the file.
   */
  problem?: string;

  /**
   * Reads a cache file. Corrupt, foreign or unreadable → an empty cache (it is rewritten on save); never throws.
   * Read safely (issue 20): never through a symbolic link, never a FIFO or device, never more than MAX_CACHE_BYTES.
   */
  static load(path: string): LintCache {
    const cache = new LintCache(path);
    let data: Stored;
    const read = readFileSafelySync(path, { limit: MAX_CACHE_BYTES, links: 'refuse' });
    if (!read.ok) {
      if (read.code !== 'ENOENT') cache.problem = read.reason;
      cache.dirty = true;
      return cache;
    }
    try {
      data = JSON.parse(read.bytes.toString('utf8')) as Stored;
    } catch {
      cache.dirty = true;
      return cache;
    }
    if (!data || typeof data !== 'object' || data.format !== FORMAT || data.version !== FORMAT_VERSION || data.tool !== toolBuildId() || !data.entries || typeof data.entries !== 'object') {
      cache.dirty = true;
      return cache;
    }
    for (const [key, result] of Object.entries(data.entries)) {
      if (!isResult(result)) {
        cache.dirty = true;
        continue;
      }
      cache.entries.set(key, result);
      cache.keyOfPath.set(result.path, key);
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): FileResult | undefined {
    return this.entries.get(key);
  }

  /** Stores a result; results of files that failed are ignored. */
  set(key: string, result: FileResult): void {
    if (result.error) return;
    const { fixedText: _fixed, fixedFrom: _from, ...kept } = result;
    const old = this.keyOfPath.get(result.path);
    if (old !== undefined && old !== key) this.entries.delete(old);
    this.entries.set(key, kept);
    this.keyOfPath.set(result.path, key);
    this.dirty = true;
  }

  /** Writes the cache atomically (temp file in the same folder, then rename). Rejects if it cannot be written. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const data: Stored = { format: FORMAT, version: FORMAT_VERSION, tool: toolBuildId(), entries: Object.fromEntries(this.entries) };
    const dir = dirname(this.path);
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, JSON.stringify(data));
      await rename(tmp, this.path);
      this.dirty = false;
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }
}

function isResult(r: unknown): r is FileResult {
  const x = r as FileResult | null;
  return !!x && typeof x === 'object' && typeof x.path === 'string' && typeof x.channel === 'string' && Array.isArray(x.findings) && x.error === undefined;
}

/**
 * Lints one file through the cache: a hit returns the stored result, a miss
 * lints and stores it. The key holds the report path too, so two files with
 * the same bytes keep their own results (paths and fingerprints differ).
 * If the settings cannot be resolved (a bad config) the file is linted
 * uncached, so the error is reported as usual.
 */
export async function lintThroughCache(
  cache: LintCache | undefined,
  path: string,
  bytes: Uint8Array,
  settings: (() => ResolvedSettings) | KeySettings,
  runOptions: { noAxe?: boolean },
  lint: () => Promise<FileResult>,
): Promise<FileResult> {
  if (!cache) return lint();
  let key: string;
  try {
    key = `${path}\0${typeof settings === 'function' ? cacheKey(bytes, settings(), runOptions) : cacheKeyOfText(bytes, settings.text, runOptions)}`;
  } catch {
    return lint();
  }
  const hit = cache.get(key);
  if (hit && hit.path === path) return hit;
  const result = await lint();
  cache.set(key, result);
  return result;
}
