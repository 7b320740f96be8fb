import type { Report } from '../types.js';

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** The text of a report path, when it is not a file on disk (standard input); formatters that need source text (SARIF's UTF-16 columns) read files otherwise. */
  readSource?: (path: string) => string | undefined;
  /** `--verbose`: stylish adds a code frame, the note and the docs link to each finding. */
  verbose?: boolean;
  /** Rules metadata is available through the registry; formatters stay pure functions of the report. */
}

/** A formatter is only a function (markdownlint-cli2 formatter packages, DESIGN 5). */
export type Formatter = (report: Report, ctx: FormatContext) => string;
