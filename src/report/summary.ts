/** Summary counts and the exit code, computed in one place (CONTRACT "Exit codes"). */
import type { FileResult, Report, Summary } from '../types.js';

export function summarise(files: readonly FileResult[]): Summary {
  const s: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of files) {
    for (const x of f.findings) {
      if (x.severity === 'error') s.errors++;
      else if (x.severity === 'warning') s.warnings++;
      else s.infos++;
      if (x.fixable) s.fixable++;
    }
  }
  return s;
}

/** 2: the run failed for some file; 1: error findings or too many warnings; 0 otherwise. */
export function exitCode(report: Report, maxWarnings?: number): 0 | 1 | 2 {
  if (report.files.some((f) => f.error)) return 2;
  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && report.summary.warnings > maxWarnings) return 1;
  return 0;
}

/** `--quiet`: errors only. */
export function onlyErrors(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  return { ...report, files, summary: summarise(files) };
}
