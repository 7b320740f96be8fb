/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it
 * (github/codeql-action/upload-sarif). Every registered rule is listed in
 * `tool.driver.rules`, so an alert's rule page shows its description and help
 * link even when a run found nothing for it. Locations are relative to
 * `%SRCROOT%` (the working folder), and `partialFingerprints` carry the
 * finding's line-free fingerprint so alerts follow the text across commits.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';
import type { Finding, Severity } from '../types.js';
import { allRules } from '../rules/registry.js';
import { docsUrlFor } from '../rules/docs-url.js';
import { packageRoot } from '../util/package-root.js';
import { safeJson } from '../util/terminal.js';
import { readFileSafelySync } from '../util/read-file-safely.js';
import { itemLabel } from './item-label.js';

/** Where users read about plainspoke. */
export const INFORMATION_URI = 'https://github.com/plainspoke/plainspoke';
/** The key under which our fingerprint goes in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'plainspoke/v1';

type Level = 'error' | 'warning' | 'note';

interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
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

/**
 * A rule's `name`: GitHub wants it distinct from the id and readable, so the
 * id in PascalCase, as other linters write it (`passive-voice` → `PassiveVoice`,
 * `axe/image-alt` → `AxeImageAlt`).
 */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** A section of a rule's doc (rules/<id>.md) as plain paragraphs, or undefined. */
function docSection(id: string, heading: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(packageRoot, 'rules', `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) return undefined;
  const body = text.slice(start + heading.length + 5);
  const end = body.search(/\n## /);
  const section = (end === -1 ? body : body.slice(0, end)).trim();
  return section || undefined;
}

/** The first paragraph of a Markdown section, on one line. */
function firstParagraph(md: string): string {
  // Line by line, no regex: lines up to the first blank one, each trimmed, joined by one space.
  const lines = md.split('\n');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '');
  return (end === -1 ? lines : lines.slice(0, end))
    .map((l) => l.trim())
    .join(' ')
    .trim();
}

/**
 * A finding's start and end columns in UTF-16 code units, as `columnKind:
 * utf16CodeUnits` promises (GitHub reads columns that way). Reports count
 * characters (code points), so after an emoji the two differ; the line is
 * read back from the source to convert. When the source cannot be read the
 * columns are kept as they are.
 */
export function utf16Column(lineText: string | undefined, column: number): number {
  if (lineText === undefined) return column;
  let cp = 1;
  let i = 0;
  while (cp < column && i < lineText.length) {
    const c = lineText.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < lineText.length && lineText.charCodeAt(i + 1) >= 0xdc00 && lineText.charCodeAt(i + 1) <= 0xdfff ? 2 : 1;
    cp++;
  }
  return i + 1 + (column - cp);
}

/** The lines of a file, read safely (a regular file under the size cap, never a FIFO or a device: util/read-file-safely.ts). */
function readLines(abs: string): string[] | undefined {
  const read = readFileSafelySync(abs, { limit: MAX_SOURCE_BYTES });
  if (!read.ok) return undefined;
  let text = read.bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r\n|\r|\n/);
}

const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** A rule descriptor for an id the registry does not hold (axe-core's own rules, `axe/<id>`). */
function foreignRule(id: string, f: Finding): ReportingDescriptor {
  const axe = id.startsWith('axe/');
  const text = axe ? `axe-core rule '${id.slice(4)}'` : `Rule '${id}'`;
  const helpUri = f.docsUrl && /^https?:\/\//.test(f.docsUrl) ? f.docsUrl : docsUrlFor(id);
  return {
    id,
    name: ruleName(id),
    shortDescription: { text },
    fullDescription: { text: axe ? `${text}, run by axe-core on the rendered page. Read the rule's help for what it checks and how to fix it.` : `${text}.` },
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
    const why = docSection(rule.id, 'Why');
    const fix = docSection(rule.id, 'How to fix');
    index.set(rule.id, rules.length);
    rules.push({
      id: rule.id,
      name: ruleName(rule.id),
      shortDescription: { text },
      fullDescription: { text: why ? firstParagraph(why) : `${text}.` },
      helpUri,
      help: fix
        ? { text: `${firstParagraph(fix)}\n\nSee ${helpUri}`, markdown: `${fix}\n\n[Read the rule's page](${helpUri}).` }
        : { text: `${text}. See ${helpUri}`, markdown: `${text}. [Read how to fix it](${helpUri}).` },
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
    // Lines are read back only for files with findings, once, to give UTF-16 columns.
    let lines: string[] | undefined | null = null;
    const lineOf = (n: number): string | undefined => {
      if (lines === null) lines = ctx.readSource ? ctx.readSource(file.path)?.split(/\r\n|\r|\n/) : readLines(resolve(ctx.cwd, file.path));
      return lines?.[n - 1];
    };
    for (const f of file.findings) {
      if (!index.has(f.ruleId)) {
        index.set(f.ruleId, rules.length);
        rules.push(foreignRule(f.ruleId, f));
      }
      const region: Record<string, number> = { startLine: f.line, startColumn: utf16Column(lineOf(f.line), f.column) };
      if (f.endLine >= f.line) {
        region.endLine = f.endLine;
        if (f.endLine > f.line || f.endColumn >= f.column) region.endColumn = utf16Column(lineOf(f.endLine), f.endColumn);
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
      // Which message fired and why it matters (issue 12): the messageId and the word list entry's or rule's note.
      if (f.messageId || f.note) result.properties = { ...((result.properties as Record<string, unknown> | undefined) ?? {}), ...(f.messageId ? { messageId: f.messageId } : {}), ...(f.note ? { note: f.note } : {}) };
      // A finding inside a help-desk export names its item (issue 16): in the message and as a logical location.
      if (f.item) {
        const label = itemLabel(f.item);
        result.message = { text: `${label}: ${(result.message as { text: string }).text}` };
        result.locations = [{ physicalLocation: { artifactLocation: location, region }, logicalLocations: [{ name: String(f.item.id), fullyQualifiedName: `${f.item.platform}/${f.item.kind}/${String(f.item.id)}`, kind: 'object' }] }];
        result.properties = { ...((result.properties as Record<string, unknown> | undefined) ?? {}), item: f.item };
      }
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
  return `${safeJson(JSON.stringify(log, null, 2))}\n`;
};
