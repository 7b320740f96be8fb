/**
 * The Node API's linting (issue 15): text and files in, the `--format json`
 * report out. The CLI, the language server and the MCP server all lint
 * through here, on the same engine (src/engine).
 */
import { resolve } from 'node:path';
import type { ResolvedSettings } from '../config/settings.js';
import { buildReport, lintFiles as lintFileSet } from '../engine/lint-files.js';
import { failed } from '../engine/failed.js';
import type { Channel, FileResult, Report } from '../types.js';
import { lintTextWith, overrides, resolverFor, textTarget, toJsonReport } from './internal.js';

/** A rule's setting as a config file writes it: `warn`, or `[error, { max: 20 }]`. */
export type RuleEntry = 'off' | 'info' | 'warn' | 'warning' | 'error' | 0 | 1 | 2 | [string | number, Record<string, unknown>?];

/** Config file contents as data (the same keys as `.plainspoke.yml`). */
export type ConfigData = Record<string, unknown>;

export interface CommonOptions {
  /** Folder that report paths are relative to and the config search starts from. Default: `process.cwd()`. */
  cwd?: string;
  /** A config file to use instead of searching (a path, relative to `cwd`), or config data. */
  config?: string | ConfigData;
  /** Lint as this channel whatever the config says (`--channel`). */
  channel?: Channel;
  /** Rule settings over the config's (`--rule`): `{ 'passive-voice': 'error' }`. */
  rules?: Record<string, RuleEntry>;
  /** Run the axe-core checks (slow: they load jsdom). Default: true, as on the command line. */
  axe?: boolean;
}

export interface LintTextOptions extends CommonOptions {
  /** The file the text belongs to: sets Markdown or HTML, the config found and the report path. Default: `text.md`. */
  filePath?: string;
}

export interface LintFilesOptions extends CommonOptions {
  /** Worker threads (`--jobs`); 0 or 1 lints in this thread. */
  jobs?: number;
}

/** A file in a report, as `--format json` writes it. */
export type ReportFile = Omit<FileResult, 'fixedText'>;

/** The report `--format json` writes (CONTRACT "JSON report"). */
export interface JsonReport extends Omit<Report, 'files'> {
  files: ReportFile[];
}

/** The fixed text, whether it changed, and the findings left in it. */
export interface FixResult {
  output: string;
  changed: boolean;
  report: JsonReport;
}

/**
 * Lints a text as the file `filePath` would be linted, and returns the JSON
 * report (one file). A file that cannot be linted has `error` set, as in the
 * CLI's report; bad options or a bad config throw.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<JsonReport> {
  if (typeof text !== 'string') throw new TypeError('lintText: the text must be a string');
  const resolver = resolverFor(options);
  const result = await lintTextWith(text, textTarget(options), resolver, { noAxe: options.axe === false });
  return toJsonReport(buildReport([result]));
}

/**
 * Lints files, folders and globs (as the command line does: `.gitignore` and
 * the config's `ignore` apply) and returns the JSON report. A pattern that
 * matches nothing is a file entry with `error` set.
 */
export async function lintFiles(patterns: string | readonly string[], options: LintFilesOptions = {}): Promise<JsonReport> {
  const inputs = typeof patterns === 'string' ? [patterns] : [...patterns];
  const cwd = resolve(options.cwd ?? process.cwd());
  const run = { cwd, noAxe: options.axe === false, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}) };
  if (options.config !== undefined && typeof options.config !== 'string') {
    // Config data cannot reach worker threads (they read config files): lint in this thread.
    const resolver = resolverFor(options);
    const { discover } = await import('../engine/discover.js');
    const { lintDiscovered } = await import('../engine/lint-files.js');
    const errors: string[] = [];
    const files = await discover(inputs.length ? inputs : ['.'], cwd, (abs) => resolver.isIgnored(abs), errors);
    const results: FileResult[] = errors.map((message) => failed(message.slice(0, message.indexOf(': ')) || '.', 'article', message));
    results.push(...(await lintDiscovered(files, resolver, { ...run, jobs: 1 })));
    return toJsonReport(buildReport(results));
  }
  const cli = { ...overrides(options), ...(typeof options.config === 'string' ? { configFile: options.config } : {}) };
  const { report } = await lintFileSet(inputs.length ? inputs : ['.'], { ...run, cli });
  return toJsonReport(report);
}

/**
 * Applies the safe fixes to a text (again and again until none is left, as
 * `--fix` does) and returns the fixed text with what is still to do.
 */
export async function applyFixes(text: string, options: LintTextOptions = {}): Promise<FixResult> {
  if (typeof text !== 'string') throw new TypeError('applyFixes: the text must be a string');
  const resolver = resolverFor(options);
  const result = await lintTextWith(text, textTarget(options), resolver, { noAxe: options.axe === false, fix: true });
  const output = result.fixedText ?? text;
  return { output, changed: output !== text, report: toJsonReport(buildReport([result])) };
}

/** The settings that apply to a file after the config cascade (`--print-config` without the sources). */
export function loadConfig(filePath: string, options: CommonOptions = {}): ResolvedSettings {
  const cwd = resolve(options.cwd ?? process.cwd());
  return resolverFor(options).resolve(resolve(cwd, filePath));
}
