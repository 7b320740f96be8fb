import type { Report } from '../types.js';

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Rules metadata is available through the registry; formatters stay pure functions of the report. */
}

/** A formatter is only a function (markdownlint-cli2 formatter packages, DESIGN 5). */
export type Formatter = (report: Report, ctx: FormatContext) => string;
