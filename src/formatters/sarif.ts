/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it
 * (github/codeql-action/upload-sarif). Every registered rule is listed in
 * `tool.driver.rules`, so an alert's rule page shows its description and help
 * link even when a run found nothing for it. Locations are relative to
 * `%SRCROOT%` (the working folder), and `partialFingerprints` carry the
 * finding's line-free fingerprint so alerts follow the text across commits.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';
import type { Finding, Severity } from '../types.js';
import { allRules } from '../rules/registry.js';
import { docsUrlFor } from '../rules/docs-url.js';

/** Where users read about plainspoke. */
export const INFORMATION_URI = 'https://github.com/plainspoke/plainspoke';
/** The key under which our fingerprint goes in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'plainspoke/v1';

type Level = 'error' | 'warning' | 'note';

interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; 'plainspoke/family'?: string };
}

/** plainspoke severities → SARIF levels (`info` is a `note`). */
export function sarifLevel(s: Severity): Level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A report path as a SARIF URI: relative paths are percent-encoded per segment and resolved against %SRCROOT%. */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** The folder as a `file:` URI ending in `/`, as SARIF wants for a base. */
function folderUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A rule descriptor for an id the registry does not hold (axe-core's own rules, `axe/<id>`). */
function foreignRule(id: string, f: Finding): ReportingDescriptor {
  const axe = id.startsWith('axe/');
  const text = axe ? `axe-core rule '${id.slice(4)}'` : `Rule '${id}'`;
  const helpUri = f.docsUrl && /^https?:\/\//.test(f.docsUrl) ? f.docsUrl : docsUrlFor(id);
  return {
    id,
    name: id,
    shortDescription: { text },
    helpUri,
    help: { text: `${text}. See ${helpUri}`, markdown: `${text}. [Read the rule's help](${helpUri}).` },
    defaultConfiguration: { level: sarifLevel(f.severity) },
    properties: { tags: axe ? ['accessibility', 'axe-core'] : ['plainspoke'] },
  };
}

const FAMILY_TAGS: Record<string, string[]> = {
  plain: ['plain-language'],
  care: ['customer-care'],
  a11y: ['accessibility'],
  meta: ['plainspoke'],
};

export const sarif: Formatter = (report, ctx) => {
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  for (const rule of allRules()) {
    const helpUri = docsUrlFor(rule.id);
    const text = rule.description.replace(/\.\s*$/, '');
    index.set(rule.id, rules.length);
    rules.push({
      id: rule.id,
      name: rule.id,
      shortDescription: { text },
      helpUri,
      help: { text: `${text}. See ${helpUri}`, markdown: `${text}. [Read how to fix it](${helpUri}).` },
      defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
      properties: { tags: FAMILY_TAGS[rule.family] ?? [rule.family], 'plainspoke/family': rule.family },
    });
  }

  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const file of report.files) {
    const location = artifactLocation(file.path);
    if (file.error) {
      notifications.push({
        level: 'error',
        message: { text: file.error },
        locations: [{ physicalLocation: { artifactLocation: location } }],
      });
    }
    // Two identical findings in one sentence share a fingerprint; number the repeats so each stays its own alert.
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      if (!index.has(f.ruleId)) {
        index.set(f.ruleId, rules.length);
        rules.push(foreignRule(f.ruleId, f));
      }
      const region: Record<string, number> = { startLine: f.line, startColumn: f.column };
      if (f.endLine >= f.line) {
        region.endLine = f.endLine;
        if (f.endLine > f.line || f.endColumn >= f.column) region.endColumn = f.endColumn;
      }
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: sarifLevel(f.severity),
        message: { text: f.suggestions?.length && !f.suggestions.some((s) => f.message.includes(s)) ? `${f.message} (try '${f.suggestions[0]}')` : f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region } }],
      };
      if (f.fingerprint) {
        const n = (seen.get(f.fingerprint) ?? 0) + 1;
        seen.set(f.fingerprint, n);
        result.partialFingerprints = { [FINGERPRINT_KEY]: n === 1 ? f.fingerprint : `${f.fingerprint}:${n}` };
      }
      if (f.source !== 'plainspoke') result.properties = { source: f.source };
      results.push(result);
    }
  }

  const invocation: Record<string, unknown> = { executionSuccessful: notifications.length === 0 };
  if (notifications.length) invocation.toolExecutionNotifications = notifications;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plainspoke',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(ctx.cwd) } },
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
