/**
 * `--format html`: the insights report for support leads (issue 18). One
 * self-contained page to attach to a CI run or mail to a team: no scripts, no
 * fonts, no images, no external style sheets; a Content-Security-Policy
 * forbids loading anything, and every string from the report is escaped.
 *
 * The numbers come from src/report/insights (pure functions of the report);
 * the markup and the inline SVG charts from src/formatters/html/. The page
 * counts by folder and channel only, never by person.
 */
import type { Formatter, FormatContext } from './types.js';
import type { Report } from '../types.js';
import { computeInsights, type EarlierReport } from '../report/insights/compute.js';
import { groupSpecsFrom, type GroupSpec } from '../report/insights/groups.js';
import { readHistory } from '../report/insights/history.js';
import type { CliOverrides } from '../config/resolve.js';
import { UsageError } from '../util/errors.js';
import { sentenceFinder } from '../report/insights/sentences.js';
import { renderPage } from './html/page.js';

export interface InsightsFormatOptions {
  /** The config's `groups` map (globs, each relative to its config's folder). */
  groups?: readonly GroupSpec[];
  /** Earlier JSON reports (`--history`), oldest first. */
  history?: readonly EarlierReport[];
}

/** The formatter with a config's groups and earlier reports. */
export function insightsFormatter(options: InsightsFormatOptions = {}): Formatter {
  return (report: Report, ctx: FormatContext) =>
    renderPage(
      computeInsights(report, {
        groups: options.groups,
        history: options.history,
        sentenceOf: sentenceFinder({ cwd: ctx.cwd, readSource: ctx.readSource }),
      }),
    );
}

export const html: Formatter = insightsFormatter();

/**
 * The CLI's insights formatter: the config's `groups` (from the config chain of the working
 * folder, or `-c`) and `--history`'s earlier reports, read before linting so a bad folder
 * fails fast. `--history` with another format is a usage error.
 */
export async function insightsFromCli(opts: { format: string; history?: string }, cwd: string, cli: CliOverrides): Promise<Formatter | undefined> {
  if (opts.history !== undefined && opts.format !== 'html') throw new UsageError(`--history ${opts.history}: works with --format html only (the trends are part of the HTML report)`);
  if (opts.format !== 'html') return undefined;
  const { ConfigResolver } = await import('../config/resolve.js');
  const groups = groupSpecsFrom(new ConfigResolver(cwd, cli).cascade(cwd).layers, cwd);
  const history = opts.history !== undefined ? readHistory(opts.history, cwd) : undefined;
  return insightsFormatter({ groups, history });
}
