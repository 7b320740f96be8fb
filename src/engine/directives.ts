/**
 * Inline comments (CONTRACT "Inline comments"):
 *   plainspoke-disable [ids] [-- reason] … plainspoke-enable [ids]
 *   plainspoke-disable-next-line [ids] [-- reason]
 *   plainspoke-disable-file [ids] [-- reason]
 * A directive that hides nothing becomes an `unused-disable` finding.
 */
import type { Locator } from '../document/location.js';
import type { CommentNode } from '../document/comments.js';
import type { RawFinding, Span } from '../types.js';
import { getRule } from '../rules/registry.js';
import { knownRuleIds } from '../config/schema.js';
import { didYouMean } from '../util/suggest.js';

export interface Directive {
  kind: 'disable' | 'disable-next-line' | 'disable-file';
  /** Empty: every rule. */
  ids: string[];
  reason?: string;
  comment: Span;
  /** Offsets where it applies. */
  range: Span;
  used: boolean;
  /** Ids that name no rule (a typo): reported with a suggestion instead of silently hiding nothing (issue 17). */
  unknown?: { id: string; hint: string }[];
}

/** Whether a disable comment may name this id: a plainspoke rule or `axe/<id>`. */
function isKnownId(id: string): boolean {
  return getRule(id) !== undefined;
}

function unknownIds(ids: string[]): { id: string; hint: string }[] | undefined {
  const bad = ids.filter((id) => !isKnownId(id));
  return bad.length ? bad.map((id) => ({ id, hint: didYouMean(id, knownRuleIds()) })) : undefined;
}

const PATTERN = /^\s*plainspoke-(disable-next-line|disable-file|disable|enable)\b([^]*)$/;

function parseIds(rest: string): { ids: string[]; reason?: string } {
  const cut = rest.indexOf(' -- ');
  const idsPart = cut === -1 ? rest.replace(/\s--\s*$/, '') : rest.slice(0, cut);
  const reason = cut === -1 ? undefined : rest.slice(cut + 4).trim() || undefined;
  const ids = idsPart
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { ids, ...(reason ? { reason } : {}) };
}

/** Turns comments into directives with the ranges they cover. */
export function parseDirectives(comments: readonly CommentNode[], loc: Locator, textLength: number): Directive[] {
  const out: Directive[] = [];
  const open: Directive[] = [];
  for (const c of comments) {
    const m = PATTERN.exec(c.value);
    if (!m) continue;
    const [, kind, rest] = m;
    const { ids, reason } = parseIds(rest);
    if (kind === 'enable') {
      // Closes matching open disables (all of them when no ids are given).
      for (let i = open.length - 1; i >= 0; i--) {
        const d = open[i];
        if (ids.length === 0 || d.ids.length === 0 || d.ids.some((id) => ids.includes(id))) {
          d.range.end = c.span.start;
          open.splice(i, 1);
        }
      }
      continue;
    }
    const unknown = unknownIds(ids);
    const base = { ids, ...(reason ? { reason } : {}), comment: c.span, used: false, ...(unknown ? { unknown } : {}) };
    if (kind === 'disable-file') out.push({ kind: 'disable-file', ...base, range: { start: 0, end: textLength } });
    else if (kind === 'disable-next-line') {
      const line = loc.point(c.span.end).line + 1;
      const start = loc.lineStart(line);
      const end = line < loc.lineCount ? loc.lineStart(line + 1) : textLength;
      out.push({ kind: 'disable-next-line', ...base, range: { start, end: line > loc.lineCount ? start : end } });
    } else {
      const d: Directive = { kind: 'disable', ...base, range: { start: c.span.end, end: textLength } };
      out.push(d);
      open.push(d);
    }
  }
  return out;
}

/** Splits findings into kept and suppressed; marks the directives that did something. */
export function applyDirectives(findings: RawFinding[], directives: Directive[]): { kept: RawFinding[]; suppressed: { finding: RawFinding; reason?: string }[] } {
  if (!directives.length) return { kept: findings, suppressed: [] };
  const kept: RawFinding[] = [];
  const suppressed: { finding: RawFinding; reason?: string }[] = [];
  for (const f of findings) {
    const d = directives.find((x) => (x.ids.length === 0 || x.ids.includes(f.ruleId)) && f.span.start >= x.range.start && f.span.start < Math.max(x.range.end, x.range.start + 1));
    if (d) {
      d.used = true;
      suppressed.push({ finding: f, ...(d.reason ? { reason: d.reason } : {}) });
    } else kept.push(f);
  }
  return { kept, suppressed };
}
