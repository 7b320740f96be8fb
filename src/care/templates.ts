/**
 * Checks a macro's template code: Liquid/Zendesk `{% … %}` blocks, Handlebars
 * `{{#if}}…{{/if}}`, unclosed and empty placeholders, names missing from the
 * config's `placeholders.known`, and a first-name greeting with no fallback.
 * Placeholders inside code, comments and front matter are examples, not
 * template code, and are left alone.
 */
import type { Doc } from '../document/document.js';
import type { Placeholder } from '../document/placeholders.js';
import type { Severity, Span } from '../types.js';

export type TemplateProblemKind = 'unclosed' | 'empty' | 'unclosedBlock' | 'strayClose' | 'mismatch' | 'strayMiddle' | 'unknown' | 'unknownNear' | 'noFallback';

export interface TemplateProblem {
  kind: TemplateProblemKind;
  span: Span;
  data: Record<string, string>;
  suggestions?: string[];
  severity?: Severity;
}

/** Liquid tags that always open a block. Any tag `x` is also a block when the file has an `endx`. */
const LIQUID_BLOCKS = new Set(['if', 'unless', 'for', 'case', 'capture', 'comment', 'raw', 'tablerow', 'ifversion', 'paginate', 'form', 'style', 'javascript', 'schema', 'stylesheet']);
/** Tags that only make sense inside a block, and the blocks they belong to. */
const LIQUID_MIDDLE: Record<string, readonly string[]> = {
  else: ['if', 'unless', 'case', 'for', 'ifversion'],
  elsif: ['if', 'unless', 'ifversion'],
  when: ['case'],
};
/** Blocks whose content is not parsed (everything up to the closing tag is text). */
const OPAQUE = new Set(['raw', 'comment']);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'dear', 'hiya', 'greetings', 'howdy', 'morning', 'afternoon', 'evening', 'bonjour', 'hola']);
/** The last part of a name that stands for a person's name ("first_name", "requester.name", "customerName"; not "product_name"). */
const PERSON_NAME = /^(?:name|first|(?:customer_?|user_?|requester_?|contact_?|client_?)?(?:first_?name|given_?name|full_?name|display_?name|nick_?name|name))$/i;
const KEYWORDS = new Set(['and', 'or', 'not', 'contains', 'nil', 'null', 'true', 'false', 'empty', 'blank', 'in', 'reversed', 'limit', 'offset', 'cols', 'else', 'with', 'as', 'this', 'by']);

function closerOf(open: string): string {
  return open === 'ifversion' ? 'endif' : `end${open}`;
}

/** Offsets that hold examples rather than template code: code, comments, front matter. */
function exampleRanges(doc: Doc): Span[] {
  const out: Span[] = doc.comments.map((c) => c.span);
  if (doc.mdast) {
    const stack: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }[] = [doc.mdast];
    while (stack.length) {
      const n = stack.pop()!;
      if ((n.type === 'code' || n.type === 'inlineCode' || n.type === 'yaml' || n.type === 'toml') && n.position?.start?.offset !== undefined && n.position.end.offset !== undefined) {
        out.push({ start: n.position.start.offset, end: n.position.end.offset });
      } else if (n.children) for (const c of n.children) stack.push(c as never);
    }
  }
  if (doc.kind === 'html' || doc.mdast === undefined) {
    for (const tag of ['pre', 'code', 'script', 'style', 'template', 'textarea']) {
      for (const el of doc.elements(tag)) {
        const s = el.position?.start?.offset;
        const e = el.position?.end?.offset;
        if (s !== undefined && e !== undefined) out.push({ start: s, end: e });
      }
    }
  }
  return out;
}

/**
 * Whether a placeholder is in one of the ranges, by its start (an unclosed
 * placeholder in a code span runs on past the code). Ranges may overlap: sorted
 * by start with the furthest end so far, each test is a binary search, so a
 * big file with many placeholders and code spans stays fast.
 */
function exampleTest(ranges: Span[]): (p: Placeholder) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  let far = -1;
  for (const r of sorted) reach.push((far = Math.max(far, r.end)));
  return (p) => {
    const at = p.span.start;
    // The last range starting at or before `at`.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] > at;
  };
}

interface Open {
  p: Placeholder;
  name: string;
  /** Liquid (`{% %}`) or Handlebars (`{{# }}`). */
  liquid: boolean;
}

/** Runs every template check. `known` is the config's placeholders.known, when given. */
export function checkTemplates(doc: Doc, known?: readonly string[]): TemplateProblem[] {
  const inExample = exampleTest(exampleRanges(doc));
  const list = doc.placeholders.filter((p) => !inExample(p));
  const problems: TemplateProblem[] = [];
  const report = (kind: TemplateProblemKind, p: Placeholder, data: Record<string, string>, extra: Partial<TemplateProblem> = {}) =>
    problems.push({ kind, span: p.span, data: { raw: short(p.raw), ...data }, ...extra });

  const endTags = new Set(list.filter((p) => p.kind === 'tag' && p.name.startsWith('end')).map((p) => p.name.slice(3)));
  const isLiquidBlock = (name: string) => LIQUID_BLOCKS.has(name) || endTags.has(name);

  const liquid: Open[] = [];
  const bars: Open[] = [];
  /** Names defined by the template itself (`{% assign %}`, `{% capture %}`, loop variables). */
  const local = new Set<string>(['forloop', 'tablerowloop', 'this']);
  /** Open blocks around each output placeholder, for the greeting fallback check. */
  const guards = new Map<Placeholder, string[]>();
  let opaque: Open | undefined;

  for (const p of list) {
    if (opaque) {
      if (p.kind === 'tag' && p.name === closerOf(opaque.name)) {
        liquid.pop();
        opaque = undefined;
      }
      continue;
    }
    if (p.unclosed) {
      // The unclosed placeholder runs to the line end: quote only its start ("{{ ticket.id }.").
      const start = upToMarkupOrGap(p.raw);
      report('unclosed', p, { close: p.raw.startsWith('{%') ? '%}' : '}}', raw: short(start.length > 30 ? `${start.slice(0, 30)}…` : start) });
      continue;
    }
    if (p.inner.trim() === '' || (p.kind !== 'output' && p.kind !== 'control' && p.name === '')) {
      report('empty', p, {});
      continue;
    }
    if (p.kind === 'tag') {
      const name = p.name;
      if (name === 'assign' || name === 'capture') {
        const v = /^\w+\s+([A-Za-z_][\w-]*)/.exec(p.inner)?.[1];
        if (v) local.add(v);
      }
      if (name === 'for' || name === 'tablerow') {
        const v = /^\w+\s+([A-Za-z_][\w-]*)\s+in\b/.exec(p.inner)?.[1];
        if (v) local.add(v);
      }
      if (isLiquidBlock(name)) {
        const open = { p, name, liquid: true };
        liquid.push(open);
        if (OPAQUE.has(name)) opaque = open;
        if (known) checkConditionNames(p, known, local, bars, report);
      } else if (name.startsWith('end') && name.length > 3) {
        closeBlock(liquid, p, name, (n) => closerOf(n), report, true);
      } else if (LIQUID_MIDDLE[name]) {
        const parents = LIQUID_MIDDLE[name];
        if (!liquid.some((o) => parents.includes(o.name))) report('strayMiddle', p, { parent: `{% ${parents[0]} %}` });
        else if (known && name === 'elsif') checkConditionNames(p, known, local, bars, report);
      }
      continue;
    }
    if (p.kind === 'block-open') {
      bars.push({ p, name: p.name, liquid: false });
      if (known) checkConditionNames(p, known, local, bars, report);
      continue;
    }
    if (p.kind === 'block-close') {
      closeBlock(bars, p, p.name, (n) => n, report, false);
      continue;
    }
    if (p.kind === 'output') {
      guards.set(p, [...liquid, ...bars].filter((o) => ['if', 'unless', 'ifversion', 'with'].includes(o.name) || !o.liquid).map((o) => o.p.inner));
      if (known) checkName(p, p.name, known, local, bars, report);
    }
  }
  for (const o of [...liquid, ...bars]) {
    report('unclosedBlock', o.p, { close: o.liquid ? `{% ${closerOf(o.name)} %}` : `{{/${o.name}}}` });
  }
  problems.push(...greetingsWithoutFallback(doc, list, guards));
  return problems.sort((a, b) => a.span.start - b.span.start);
}

type Reporter = (kind: TemplateProblemKind, p: Placeholder, data: Record<string, string>, extra?: Partial<TemplateProblem>) => void;

/** Pops the block a closing tag ends; a closer for a block further down reports the inner blocks left open. */
function closeBlock(stack: Open[], p: Placeholder, closeName: string, closerFor: (open: string) => string, report: Reporter, liquid: boolean): void {
  const top = stack[stack.length - 1];
  if (top && closerFor(top.name) === closeName) {
    stack.pop();
    return;
  }
  let k = stack.length - 1;
  while (k >= 0 && closerFor(stack[k].name) !== closeName) k--;
  if (k === -1) {
    report('strayClose', p, {});
    return;
  }
  // `{% for %}{% if %}{% endfor %}`: the inner `if` was never closed.
  const inner = stack[stack.length - 1];
  report('mismatch', p, { open: short(stack[k].p.raw), inner: short(inner.p.raw), close: liquid ? `{% ${closerFor(inner.name)} %}` : `{{/${inner.name}}}` });
  stack.length = k;
}

/** Variables in a condition (`{% if ticket.status == "open" %}`, `{{#if user.name}}`). */
function checkConditionNames(p: Placeholder, known: readonly string[], local: Set<string>, bars: Open[], report: Reporter): void {
  const rest = p.inner.replace(/^[#^]?\s*[\w-]+/, '');
  // Drop quoted strings so their words are never taken for names.
  const bare = rest.replace(/"[^"]*"|'[^']*'/g, ' ');
  const loopIn = p.name === 'for' || p.name === 'tablerow' ? /\bin\s+([A-Za-z_][\w.\-[\]]*)/.exec(bare)?.[1] : undefined;
  const names = loopIn ? [loopIn] : bare.split(/[\s=!<>|:,()]+/).filter((t) => /^[A-Za-z_][\w.\-[\]]*$/.test(t) && !KEYWORDS.has(t));
  for (const n of names) checkName(p, n, known, local, bars, report);
}

function checkName(p: Placeholder, name: string, known: readonly string[], local: Set<string>, bars: Open[], report: Reporter): void {
  if (!/^[A-Za-z_]/.test(name)) return;
  // Inside {{#each}} or {{#with}} names are relative to the item: nothing to compare with.
  if (bars.some((o) => o.name === 'each' || o.name === 'with')) return;
  const base = dropIndexes(name);
  const head = base.split('.')[0];
  if (local.has(head) || KEYWORDS.has(base)) return;
  if (isKnown(base, known)) return;
  const near = closest(base, known);
  if (near) report('unknownNear', p, { name: base, near }, { suggestions: [near] });
  else report('unknown', p, { name: base });
}

/**
 * `items[0].name` → `items.name`: what `/\[[^\]]*\]/g` removes, in one pass. The regex
 * looked for a `]` from every `[`, quadratic on a name of many `[` (issue 20).
 */
function dropIndexes(name: string): string {
  let out = '';
  let i = 0;
  while (i < name.length) {
    const open = name.indexOf('[', i);
    if (open === -1) break;
    const close = name.indexOf(']', open + 1);
    // No `]` after this `[`: none after any later `[` either.
    if (close === -1) break;
    out += name.slice(i, open);
    i = close + 1;
  }
  return out + name.slice(i);
}

/** Exact, or under a listed object ("ticket" allows "ticket.id"; "ticket.*" works too). */
export function isKnown(name: string, known: readonly string[]): boolean {
  const n = name.toLowerCase();
  return known.some((k) => {
    const kk = k.toLowerCase().replace(/\.\*$/, '');
    return n === kk || n.startsWith(`${kk}.`);
  });
}

/** The listed name nearest in spelling, when it is close (a typo). */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase(), 4);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 6)) ? best : undefined;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length > 200 || b.length > 200) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** "Hi {{ticket.requester.first_name}}," with no `| default:` and no `{% if %}`/`{{#if}}` around it. */
function greetingsWithoutFallback(doc: Doc, list: readonly Placeholder[], guards: Map<Placeholder, string[]>): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const s of doc.sentences) {
    if (s.block.quote) continue;
    const words = s.words;
    const first = words[0];
    if (!first || first.masked || first.quoted) continue;
    let k = 0;
    if (GREETINGS.has(first.lower)) k = 1;
    else if (first.lower === 'good' && ['morning', 'afternoon', 'evening', 'day'].includes(words[1]?.lower ?? '')) k = 2;
    else continue;
    const w = words[k];
    if (!w?.masked) continue;
    const p = list.find((x) => x.kind === 'output' && x.span.start <= w.span.start && w.span.start < x.span.end);
    if (!p || !(p.raw.startsWith('{{') || p.raw.startsWith('{%')) || !PERSON_NAME.test(p.name.split('.').pop() ?? '')) continue;
    // Zendesk/Liquid `| default:`, Intercom `| fallback:`, Help Scout `,fallback=`, Handlebars `||`.
    if (hasFallback(p.inner)) continue;
    const guarded = (guards.get(p) ?? []).some((g) => g.includes(p.name));
    if (guarded) continue;
    out.push({
      kind: 'noFallback',
      span: p.span,
      data: { raw: short(p.raw), greeting: doc.slice({ start: first.span.start, end: words[k - 1].span.end }), fix: fallbackFor(p) },
      suggestions: [fallbackFor(p)],
      severity: 'warning',
    });
  }
  return out;
}

/** The platform's own way to write a fallback: Help Scout `{%x,fallback=there%}`, Intercom `| fallback:`, Liquid `| default:`. */
function fallbackFor(p: Placeholder): string {
  if (p.raw.startsWith('{%')) return `{%${p.name},fallback=there%}`;
  if (!p.name.includes('.') && /^first_name$|^name$/.test(p.name)) return `{{${p.name} | fallback: "there"}}`;
  return `{{ ${p.name} | default: "there" }}`;
}

/** A fallback for a blank name: `| default: "there"`, `| fallback: "there"`, `,fallback=there`, `|| "there"`. */
function hasFallback(inner: string): boolean {
  // An empty fallback (`| default: }}`, `| fallback: ""`, `,fallback=`) still greets "Hi ,".
  const filter = /\|\s*(?:default|fallback)\s*:\s*(\S[^|]*)?/.exec(inner);
  if (filter) return nonEmpty(filter[1]);
  const scout = /,\s*fallback\s*=\s*([^,%]*)/.exec(inner);
  if (scout) return nonEmpty(scout[1]);
  const bars = inner.indexOf('||');
  return bars !== -1 && nonEmpty(inner.slice(bars + 2));
}

/** A fallback value with something in it: not blank, not an empty string literal. */
function nonEmpty(v: string | undefined): boolean {
  const t = (v ?? '').trim();
  return t !== '' && t !== '""' && t !== "''";
}

/** The start of an unclosed placeholder: up to a tag ("<") or a run of spaces, without trailing spaces. */
function upToMarkupOrGap(raw: string): string {
  let i = 0;
  while (i < raw.length && raw[i] !== '<' && !(/\s/.test(raw[i]) && /\s/.test(raw[i + 1] ?? ''))) i++;
  return raw.slice(0, i).trimEnd();
}

function short(raw: string): string {
  const one = raw.replace(/\s+/g, ' ');
  return one.length > 48 ? `${one.slice(0, 45)}…` : one;
}
