/**
 * The API's plumbing, shared with the language server and the MCP server.
 * Not part of the public API: its types (resolver, engine options) stay out
 * of the published declarations of src/index.ts.
 */
import { resolve } from 'node:path';
import { ConfigResolver, type CliOverrides } from '../config/resolve.js';
import { parseRules } from '../config/schema.js';
import type { LintOptions } from '../engine/lint-source.js';
import { displayPath } from '../engine/discover.js';
import { failed } from '../engine/failed.js';
import { serialisable } from '../formatters/json.js';
import { CHANNELS, type FileResult, type Report } from '../types.js';
import { UsageError } from '../util/errors.js';
import type { CommonOptions, JsonReport, LintTextOptions } from './lint.js';

/** Turns the options into config overrides, checking them as the CLI does. */
export function overrides(options: CommonOptions): CliOverrides {
  if (options.channel !== undefined && !(CHANNELS as readonly string[]).includes(options.channel)) {
    throw new UsageError(`channel '${String(options.channel)}' is not a channel (use ${CHANNELS.join(', ')})`);
  }
  return {
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.rules ? { rules: parseRules(options.rules, 'options', 'rules') } : {}),
  };
}

/** The config resolver for a set of options: a named file, config data, or the usual search. */
export function resolverFor(options: CommonOptions = {}): ConfigResolver {
  const cwd = resolve(options.cwd ?? process.cwd());
  const cli = overrides(options);
  if (options.config !== undefined && typeof options.config !== 'string') {
    return ConfigResolver.fromData(options.config, 'options.config', cwd, cli);
  }
  return new ConfigResolver(cwd, { ...cli, ...(typeof options.config === 'string' ? { configFile: options.config } : {}) });
}

/** What a lint of one text needs: where it is and how to lint it. */
export interface TextTarget {
  /** Path shown in the report. */
  path: string;
  absPath: string;
}

export function textTarget(options: LintTextOptions = {}): TextTarget {
  const cwd = resolve(options.cwd ?? process.cwd());
  const absPath = resolve(cwd, options.filePath ?? 'text.md');
  return { path: displayPath(absPath, cwd), absPath };
}

let pipeline: Promise<typeof import('../engine/lint-source.js')> | undefined;
/** The parsers and rules load on the first lint, not when the API is imported. */
export function loadPipeline(): Promise<typeof import('../engine/lint-source.js')> {
  return (pipeline ??= import('../engine/lint-source.js'));
}

/** Lints one text with a resolver (shared by the API, the language server and the MCP server). */
export async function lintTextWith(text: string, target: TextTarget, resolver: ConfigResolver, opts: LintOptions): Promise<FileResult> {
  try {
    const { lintSource } = await loadPipeline();
    return await lintSource({ path: target.path, absPath: target.absPath, bytes: new TextEncoder().encode(text) }, resolver, opts);
  } catch (e) {
    return failed(target.path, 'article', e);
  }
}

export function toJsonReport(report: Report): JsonReport {
  return { ...report, files: report.files.map((f) => serialisable(f)) };
}

