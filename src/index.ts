/**
 * plainspoke's Node API (CONTRACT "Additions in 1.1"):
 *
 * ```js
 * import { lintText, lintFiles, applyFixes, loadConfig, listRules, explainRule } from 'plainspoke';
 * const report = await lintText('Your card was charged twice.', { filePath: 'reply.md', channel: 'email' });
 * ```
 *
 * `lintText` and `lintFiles` return the report `--format json` writes. The
 * parsers load on the first lint, not on import.
 */
export { lintText, lintFiles, applyFixes, loadConfig } from './api/lint.js';
export type { LintTextOptions, LintFilesOptions, CommonOptions, ConfigData, RuleEntry, JsonReport, ReportFile, FixResult } from './api/lint.js';
export { listRules, explainRule } from './api/rules.js';
export type { RuleInfo, RuleExplanation } from './api/rules.js';
export type { ResolvedSettings as ResolvedConfig, RuleSetting } from './config/settings.js';
export { CHANNELS, SEVERITIES } from './types.js';
export type { Channel, Severity, Finding, FileMetrics, CareRubric, CareCriterion, Suppressed, Summary } from './types.js';
export { VERSION as version } from './util/version.js';
