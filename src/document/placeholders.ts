/**
 * Macro placeholders: Liquid/Zendesk `{{ … }}` and `{% … %}`, Handlebars
 * `{{#if}}…{{/if}}`, Ruby-style `%{name}` and `[[name]]`, Mailchimp `*|FNAME|*` and
 * Salesforce `{!Contact.FirstName}`. They are opaque
 * words (CONTRACT "Macro placeholders"): found once per file, masked in prose
 * and checked only by `placeholder-syntax`.
 */
import type { Span } from '../types.js';

export type PlaceholderKind =
  /** Prints a value: `{{ name }}`, `%{name}`, `[[name]]`. */
  | 'output'
  /** Liquid tag: `{% if … %}`, `{% endif %}`, `{% include … %}`. */
  | 'tag'
  /** Handlebars block open `{{#if x}}`, `{{^x}}`. */
  | 'block-open'
  /** Handlebars block close `{{/if}}`. */
  | 'block-close'
  /** Handlebars `{{else}}`, comments `{{! … }}`. */
  | 'control';

export interface Placeholder {
  span: Span;
  kind: PlaceholderKind;
  /** The placeholder as written. */
  raw: string;
  /** Trimmed inner text, e.g. `ticket.requester.first_name | default: "there"`. */
  inner: string;
  /** The variable or tag name, e.g. `ticket.requester.first_name`, `if`, `endif`. */
  name: string;
  /** Has no closing delimiter before the line ends. */
  unclosed?: boolean;
}

/** Longest placeholder we accept; longer ones are treated as unclosed, so a stray `{{` can't swallow a file. */
const MAX_LEN = 400;
/** Liquid tags may span many lines (`{% include x.html a="…" b="…" %}` in Jekyll sites), so they get more room. */
const MAX_TAG_LEN = 2000;

const OPENERS: ReadonlyArray<[open: string, close: string]> = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['%{', '}'],
  ['[[', ']]'],
  // Mailchimp merge tags `*|FNAME|*`, `*|IF:FNAME|*`; Salesforce merge fields `{!Contact.FirstName}`.
  ['*|', '|*'],
  ['{!', '}'],
];
/** What a Mailchimp or Salesforce merge field may hold (one line, no braces): anything else is ordinary text. */
const MERGE_INNER = /^[A-Za-z_$][\w.:=()$, "'-]*$/;

/** Finds every placeholder in a text, in order, in one linear pass. */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  let i = 0;
  const n = text.length;
  // Where each opener next occurs: found again only once passed, so a rare opener is not searched for from every placeholder (quadratic on a big file).
  const ahead = OPENERS.map(() => -2);
  while (i < n) {
    const next = nextOpener(text, i, ahead);
    if (!next) break;
    const [at, open, close] = next;
    // `{{{raw}}}` (Handlebars triple stash) closes with `}}}`.
    const triple = open === '{{' && text.charCodeAt(at + 2) === 123;
    const closer = triple ? '}}}' : close;
    const from = at + (triple ? 3 : open.length);
    const limit = Math.min(n, at + (open === '{%' ? MAX_TAG_LEN : MAX_LEN));
    // Search only up to the limit, so many stray openers stay linear.
    const window = text.slice(from, limit);
    const rel = window.indexOf(closer);
    let end = rel === -1 ? -1 : from + rel;
    // The same opener again before the close: this one was never closed ("{{ ticket.id }. … {{ name }}").
    const again = open === '{{' || open === '{%' ? window.indexOf(open) : -1;
    if (again !== -1 && rel !== -1 && again < rel) end = -1;
    const lineEnd = findLineBreak(text, from, limit);
    if (end === -1 || end >= limit || (open !== '{%' && open !== '{{' && lineEnd !== -1 && lineEnd < end)) {
      // `%{` and `[[` are common in ordinary text; without a close on the same line they are not placeholders.
      if (open === '{{' || open === '{%') {
        const stop = lineEnd === -1 ? Math.min(limit, n) : lineEnd;
        found.push(make(text, at, stop, open, '', true));
        i = stop;
      } else {
        i = at + open.length;
      }
      continue;
    }
    const inner = text.slice(from, end);
    if (((open === '%{' || open === '[[') && !/^[\w.\-: ]*$/.test(inner.trim())) || ((open === '*|' || open === '{!') && !MERGE_INNER.test(inner))) {
      i = at + open.length;
      continue;
    }
    found.push(make(text, at, end + closer.length, open, inner, false));
    i = end + closer.length;
  }
  return found;
}

function nextOpener(text: string, from: number, ahead: number[]): [number, string, string] | undefined {
  let best: [number, string, string] | undefined;
  for (let k = 0; k < OPENERS.length; k++) {
    const [open, close] = OPENERS[k];
    // -1: no more of this opener; -2: not searched yet.
    if (ahead[k] !== -1 && ahead[k] < from) ahead[k] = text.indexOf(open, from);
    const at = ahead[k];
    if (at !== -1 && (!best || at < best[0])) best = [at, open, close];
  }
  return best;
}

function findLineBreak(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

function make(text: string, start: number, end: number, open: string, innerRaw: string, unclosed: boolean): Placeholder {
  const raw = text.slice(start, end);
  let inner = innerRaw.trim();
  // Liquid whitespace control: `{%- … -%}`, `{{- … -}}`.
  if (open === '{%' || open === '{{') inner = trimDash(inner);
  let kind: PlaceholderKind = 'output';
  // Help Scout prints with `{%customer.firstName,fallback=there%}`: a dotted name is never a Liquid tag.
  const helpScout = open === '{%' && /^[A-Za-z_]\w*\.[\w.]+\s*(?:,|$)/.test(inner);
  // Mailchimp and Salesforce fields are opaque: masked in prose, never checked (their fallbacks are their own syntax).
  if (open === '*|' || open === '{!') kind = 'control';
  else if (open === '{%' && !helpScout) kind = 'tag';
  else if (open === '{{') {
    if (inner.startsWith('#') || inner.startsWith('^')) kind = 'block-open';
    else if (inner.startsWith('/')) kind = 'block-close';
    else if (inner === 'else' || inner.startsWith('else ') || inner.startsWith('!')) kind = 'control';
  }
  const bare = kind === 'block-open' || kind === 'block-close' ? inner.slice(1) : inner;
  const name = (bare.match(helpScout ? /^[^\s|},]+/ : /^[^\s|}]+/) ?? [''])[0];
  return { span: { start, end }, kind, raw, inner, name, ...(unclosed ? { unclosed: true } : {}) };
}

/** Strips Liquid's whitespace-control dashes (`{%- … -%}`) with string checks, not a backtracking regex. */
function trimDash(inner: string): string {
  let s = inner;
  if (s.startsWith('-')) s = s.slice(1).trimStart();
  if (s.endsWith('-')) s = s.slice(0, -1).trimEnd();
  return s;
}

/** Index of the first placeholder that ends after `from`, in a list in file order (binary search: they do not overlap, so their ends are in order too). */
export function firstEndingAfter(ph: readonly Placeholder[], from: number): number {
  let lo = 0;
  let hi = ph.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ph[mid].span.end <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The placeholders that overlap [from, to), from a list in file order (a slice). */
export function placeholdersIn(ph: readonly Placeholder[], from: number, to: number): readonly Placeholder[] {
  if (ph.length === 0) return ph;
  const lo = firstEndingAfter(ph, from);
  let stop = lo;
  while (stop < ph.length && ph[stop].span.start < to) stop++;
  return lo === 0 && stop === ph.length ? ph : ph.slice(lo, stop);
}
