/**
 * A file that could not be linted: one line naming it. Kept apart from the
 * pipeline (lint-source.ts) so the main thread of a pooled run can report a
 * failure without loading the parsers (issue 6).
 */
import type { Channel, FileResult } from '../types.js';
import { ConfigError } from '../util/errors.js';
import { LintTimeout, RuleCrash } from './run-rules.js';

export function failed(path: string, channel: Channel, e: unknown): FileResult {
  let message: string;
  if (typeof e === 'string') message = e;
  else if (e instanceof RuleCrash || e instanceof LintTimeout) message = `${path}: ${e.message}`;
  else if (e instanceof ConfigError) message = e.message;
  else if (e instanceof RangeError && /call stack/i.test(e.message)) message = `${path}: is nested too deeply to lint`;
  else message = `${path}: ${(e as Error)?.message ?? String(e)}`;
  return { path, channel, findings: [], error: message.split('\n')[0] };
}
