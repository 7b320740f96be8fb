/**
 * Rules as data for the Node API, the language server (hover) and the MCP
 * server: the `plainspoke rules --json` rows and each rule's doc
 * (rules/<id>.md) cut into its sections.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, getRule, ruleIds } from '../rules/registry.js';
import { docsUrlFor } from '../rules/docs-url.js';
import { packageRoot } from '../util/package-root.js';
import { UsageError } from '../util/errors.js';
import type { Channel, Severity } from '../types.js';
import { trimEndChars } from '../util/text.js';

/** One rule as `plainspoke rules --json` lists it. */
export interface RuleInfo {
  id: string;
  family: string;
  severity: Severity;
  channels: Channel[];
  fixable: boolean;
  status: 'stable' | 'experimental';
  description: string;
  docs: string;
  channelDefaults?: Partial<Record<Channel, Record<string, unknown>>>;
}

/** A rule's doc: the whole Markdown and the sections writers need most. */
export interface RuleExplanation extends RuleInfo {
  /** rules/<id>.md without its front matter. */
  markdown: string;
  /** The "Why" section (plain text, Markdown kept). */
  why: string;
  /** The "What it finds" section. */
  whatItFinds: string;
  /** The "How to fix" section. */
  howToFix: string;
}

/** Every rule: id, family, default severity, channels, fixable, docs. */
export function listRules(): RuleInfo[] {
  return allRules().map((r) => ({
    id: r.id,
    family: r.family,
    severity: r.defaultSeverity,
    channels: [...r.channelList],
    fixable: r.fixable,
    status: r.status,
    description: r.description,
    docs: docsUrlFor(r.id),
    ...(r.channelDefaults && Object.keys(r.channelDefaults).length ? { channelDefaults: r.channelDefaults as RuleInfo['channelDefaults'] } : {}),
  }));
}

const docs = new Map<string, RuleExplanation>();

/** Forgets the rule docs read so far (the language server calls it when rules/ changes). */
export function clearRuleDocs(): void {
  docs.clear();
}

/**
 * A rule's doc from rules/<id>.md. `axe/<id>` gives the axe adapter's doc with
 * a link to axe's own page. Throws for an id that is not a rule.
 */
export function explainRule(id: string): RuleExplanation {
  const cached = docs.get(id);
  if (cached) return cached;
  const rule = getRule(id);
  if (!rule) {
    const near = ruleIds().filter((r) => r.includes(id) || id.includes(r));
    throw new UsageError(`'${id}' is not a plainspoke rule${near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : ''}; run 'plainspoke rules' to list them`);
  }
  const info = listRules().find((r) => r.id === rule.id)!;
  const file = join(packageRoot, 'rules', `${rule.id}.md`);
  const markdown = existsSync(file) ? readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim() : '';
  const sections = splitSections(markdown);
  const out: RuleExplanation = {
    ...info,
    ...(id !== rule.id ? { id, docs: `https://dequeuniversity.com/rules/axe/4.14/${id.slice(4)}` } : {}),
    markdown,
    why: sections.get('why') ?? '',
    whatItFinds: sections.get('what it finds') ?? '',
    howToFix: sections.get('how to fix') ?? '',
  };
  docs.set(id, out);
  return out;
}

/** `## Title` sections of a Markdown doc, by lower-case title; fenced code never starts a section. */
function splitSections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let title: string | undefined;
  let body: string[] = [];
  let fence = false;
  const flush = () => {
    if (title !== undefined) out.set(title, body.join('\n').trim());
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : sectionTitle(line);
    if (m) {
      flush();
      title = m[1].toLowerCase();
      body = [];
    } else if (title !== undefined) body.push(line);
  }
  flush();
  return out;
}

/** The title of a `## Title` line (closing #s and spaces dropped), without a backtracking regex. */
function sectionTitle(line: string): [string, string] | null {
  if (!/^##\s/.test(line)) return null;
  const title = trimEndChars(trimEndChars(line.slice(3), ' \t#'), ' \t').trim();
  return title ? [line, title] : null;
}
