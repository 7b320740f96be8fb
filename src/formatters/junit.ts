/**
 * `--format junit`: JUnit XML as Jenkins, GitLab, Azure Pipelines and
 * CircleCI render it. One `<testsuite>` per file and one `<testcase>` per
 * finding with a `<failure>` (type = rule id); a clean file gets one passing
 * test case, and a file that could not be linted gets an `<error>`.
 */
import type { Formatter } from './types.js';
import { xmlAttr, xmlText } from './xml.js';
import { itemLabel } from './item-label.js';

export const junit: Formatter = (report) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    const name = xmlAttr(file.path);
    let fileFailures = 0;
    if (file.error) {
      errors++;
      cases.push(`    <testcase classname="${name}" name="${name}" file="${name}">\n      <error message="${xmlAttr(file.error)}" type="lint-error">${xmlText(file.error)}</error>\n    </testcase>`);
    }
    for (const f of file.findings) {
      fileFailures++;
      const title = `${f.line}:${f.column} ${f.ruleId}${f.item ? ` in ${itemLabel(f.item)}` : ''}`;
      const body = [`${f.severity}: ${f.message}`, `at ${file.path}:${f.line}:${f.column}`, ...(f.item ? [`item: ${itemLabel(f.item)}, field ${f.item.field ?? ''}`] : []), ...(f.suggestions?.length ? [`suggestions: ${f.suggestions.join(', ')}`] : []), ...(f.docsUrl ? [`rule: ${f.docsUrl}`] : [])].join('\n');
      cases.push(
        `    <testcase classname="${name}" name="${xmlAttr(title)}" file="${name}" line="${f.line}">\n` +
          `      <failure message="${xmlAttr(f.message)}" type="${xmlAttr(f.ruleId)}">${xmlText(body)}</failure>\n` +
          '    </testcase>',
      );
    }
    if (!file.error && file.findings.length === 0) cases.push(`    <testcase classname="${name}" name="${name}" file="${name}"/>`);
    tests += cases.length;
    failures += fileFailures;
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${fileFailures}" errors="${file.error ? 1 : 0}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="plainspoke" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n` +
    (suites.length ? `${suites.join('\n')}\n` : '') +
    '</testsuites>\n';
  // C0 controls are dropped by xmlText; DEL, C1 controls and bidirectional controls become character references,
  // so the report is never raw terminal input when printed (issue 20). Parsers read the same text.
  return xml.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
};
