/**
 * Just enough CSS for static contrast: declarations from `style` attributes,
 * and rules from `<style>` blocks whose selectors are simple (element,
 * `.class`, `#id`, compounds such as `p.note`, and chains of them joined by
 * combinators: `.card p`, `ul > li`, `h2 + p`). Anything harder is not
 * guessed at: a rule that may match (pseudo-classes such as `:first-child`)
 * makes that element's colours "unknown", so we stay silent rather than raise
 * a false alarm. Scanners, not regexes, so
 * hostile input stays linear.
 */

export interface Declaration {
  prop: string;
  value: string;
  important: boolean;
}

/** One compound selector: tag (or undefined for any), classes, id. */
export interface Compound {
  tag?: string;
  ids: string[];
  classes: string[];
  /** Attribute selectors: `[name]`, `[name=value]`, `[name^=value i]`… */
  attrs: AttrTest[];
  /** Has pseudo-classes (or attribute tests) we do not evaluate. */
  fuzzy: boolean;
}

export interface AttrTest {
  name: string;
  op?: '=' | '~=' | '|=' | '^=' | '$=' | '*=';
  value?: string;
  caseInsensitive?: boolean;
}

export interface CssRule {
  /** Compounds from right (the subject) to left, each with the combinator that joins it to the next one on its left. */
  parts: { compound: Compound; combinator: ' ' | '>' | '+' | '~' | '' }[];
  specificity: number;
  order: number;
  decls: Declaration[];
}

/** What we know about an element and its ancestors, for matching. */
export interface ElementInfo {
  tag: string;
  id?: string;
  classes: readonly string[];
  /** The attribute's value as written in HTML, or undefined when absent. */
  attr(name: string): string | undefined;
  parent?: ElementInfo;
  /** The previous element sibling. */
  prev?: ElementInfo;
}

/** Pseudo-classes and -elements that depend on state or generate content: such rules never describe resting text. */
const STATEFUL = /:(?:hover|focus|focus-within|focus-visible|active|visited|link|any-link|target|checked|disabled|enabled|invalid|valid|placeholder-shown|autofill|before|after|first-line|first-letter|selection|placeholder|marker|backdrop|file-selector-button|-[a-z-]+)/i;

export function stripComments(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('/*', i);
    if (open === -1) {
      out += css.slice(i);
      break;
    }
    out += css.slice(i, open) + ' ';
    const close = css.indexOf('*/', open + 2);
    if (close === -1) break;
    i = close + 2;
  }
  return out;
}

/** Splits on a separator at bracket depth 0, outside quotes. */
export function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** `color: red; background: #000 !important` → declarations, lower-case property names. */
export function parseDeclarations(text: string): Declaration[] {
  const out: Declaration[] = [];
  for (const part of splitTop(stripComments(text), ';')) {
    const colon = part.indexOf(':');
    if (colon === -1) continue;
    const prop = part.slice(0, colon).trim().toLowerCase();
    let value = part.slice(colon + 1).trim();
    if (!prop || !value) continue;
    let important = false;
    const bang = value.lastIndexOf('!');
    if (bang !== -1 && value.slice(bang + 1).trim().toLowerCase() === 'important') {
      important = true;
      value = value.slice(0, bang).trim();
    }
    out.push({ prop, value, important });
  }
  return out;
}

/** Splits top-level values on white space: `1px solid rgb(0, 0, 0)` → three tokens. */
export function splitValue(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of value) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    if (/\s/.test(c) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** Parses one compound selector (`p.note#x`); undefined when it holds something we cannot read. */
function parseCompound(s: string): Compound | undefined {
  const c: Compound = { ids: [], classes: [], attrs: [], fuzzy: false };
  let i = 0;
  const ident = () => {
    const start = i;
    while (i < s.length && /[\w-]/.test(s[i])) i++;
    return s.slice(start, i);
  };
  if (s[0] === '*') i = 1;
  else if (/[a-z]/i.test(s[0] ?? '')) c.tag = ident().toLowerCase();
  while (i < s.length) {
    const ch = s[i];
    if (ch === '.' || ch === '#') {
      i++;
      const name = ident();
      if (!name) return undefined;
      (ch === '.' ? c.classes : c.ids).push(name);
    } else if (ch === '[') {
      const close = s.indexOf(']', i);
      if (close === -1) return undefined;
      const test = parseAttrTest(s.slice(i + 1, close));
      if (test) c.attrs.push(test);
      else c.fuzzy = true;
      i = close + 1;
    } else if (ch === ':') {
      // Structural pseudo-classes (:first-child, :not(…)) may or may not match: fuzzy.
      i++;
      if (s[i] === ':') return undefined;
      ident();
      if (s[i] === '(') {
        let depth = 0;
        for (; i < s.length; i++) {
          if (s[i] === '(') depth++;
          else if (s[i] === ')' && --depth === 0) break;
        }
        i++;
      }
      c.fuzzy = true;
    } else return undefined;
  }
  return c;
}

/** `data-x`, `type="text" i`, `href^='https'` → a test; undefined for anything else (namespaces…). */
function parseAttrTest(inner: string): AttrTest | undefined {
  const t = inner.trim();
  let i = 0;
  while (i < t.length && /[\w-]/.test(t[i])) i++;
  const name = t.slice(0, i).toLowerCase();
  if (!name) return undefined;
  const rest = t.slice(i).trim();
  if (!rest) return { name };
  const op = ['~=', '|=', '^=', '$=', '*=', '='].find((o) => rest.startsWith(o)) as AttrTest['op'] | undefined;
  if (!op) return undefined;
  let v = rest.slice(op.length).trim();
  let caseInsensitive = false;
  if (/\s[iIsS]$/.test(v)) {
    caseInsensitive = /[iI]$/.test(v);
    v = v.slice(0, -2).trim();
  }
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
  else if (!/^[\w-]+$/.test(v)) return undefined;
  return { name, op, value: v, caseInsensitive };
}

/** Splits a complex selector into compounds and the combinators between them, left to right. */
function compounds(sel: string): { text: string; combinator: ' ' | '>' | '+' | '~' | '' }[] {
  const out: { text: string; combinator: ' ' | '>' | '+' | '~' | '' }[] = [];
  let cur = '';
  let depth = 0;
  let pending: ' ' | '>' | '+' | '~' | '' = '';
  for (const ch of sel) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth === 0 && (/\s/.test(ch) || ch === '>' || ch === '+' || ch === '~')) {
      if (cur) {
        out.push({ text: cur, combinator: pending });
        cur = '';
        pending = ' ';
      }
      if (ch !== ' ' && !/\s/.test(ch)) pending = ch as '>' | '+' | '~';
    } else cur += ch;
  }
  if (cur) out.push({ text: cur, combinator: pending });
  return out;
}

/** Reads a `<style>` block. At-rule blocks (@media, @supports…) are conditional and left out. */
export function parseStylesheet(css: string, orderStart: number): CssRule[] {
  const text = stripComments(css);
  const rules: CssRule[] = [];
  let order = orderStart;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const prelude = text.slice(i, open).trim();
    // Find the matching close brace.
    let depth = 1;
    let j = open + 1;
    while (j < n && depth > 0) {
      const c = text[j];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      j++;
    }
    const body = text.slice(open + 1, depth === 0 ? j - 1 : j);
    i = j;
    // `@import url(x);` and friends end with ';' before the next block.
    const semi = prelude.lastIndexOf(';');
    const sel = semi === -1 ? prelude : prelude.slice(semi + 1).trim();
    if (!sel || sel.startsWith('@')) continue;
    const decls = parseDeclarations(body);
    if (!decls.length) continue;
    for (const one of splitTop(sel, ',')) {
      const s = one.trim();
      if (!s || STATEFUL.test(s)) continue;
      const list = compounds(s);
      // Very long selectors are rare in content; do not spend time on them.
      if (!list.length || list.length > 8) continue;
      const parts: CssRule['parts'] = [];
      let ok = true;
      let spec = 0;
      for (let k = list.length - 1; k >= 0; k--) {
        const compound = parseCompound(list[k].text);
        if (!compound) {
          ok = false;
          break;
        }
        spec += specificity(list[k].text);
        // The combinator stored with a compound joins it to the one on its left.
        parts.push({ compound, combinator: k > 0 ? list[k].combinator || ' ' : '' });
      }
      if (ok) rules.push({ parts, specificity: spec, order: order++, decls });
    }
  }
  return rules;
}

/** Specificity packed as ids·10⁶ + classes·10³ + tags, counted on the text of one compound. */
function specificity(compound: string): number {
  let ids = 0;
  let classes = 0;
  let tags = /^[a-z]/i.test(compound) ? 1 : 0;
  for (let i = 0; i < compound.length; i++) {
    const c = compound[i];
    if (c === '#') ids++;
    else if (c === '.' || c === '[') classes++;
    else if (c === ':') {
      if (compound[i + 1] === ':') {
        tags++;
        i++;
      } else classes++;
    }
  }
  return ids * 1e6 + classes * 1e3 + tags;
}

/**
 * Rules filed by the most telling part of their subject (the rightmost compound): its id, else its
 * first class, else its tag, else none. An element then meets only the rules that can match it,
 * instead of every rule of every `<style>` on the page (a long page with many style blocks made
 * that quadratic).
 */
export class RuleIndex {
  private readonly byId = new Map<string, CssRule[]>();
  private readonly byClass = new Map<string, CssRule[]>();
  private readonly byTag = new Map<string, CssRule[]>();
  private readonly any: CssRule[] = [];

  constructor(rules: readonly CssRule[]) {
    for (const r of rules) {
      const c = r.parts[0].compound;
      if (c.ids.length) file(this.byId, c.ids[0], r);
      else if (c.classes.length) file(this.byClass, c.classes[0], r);
      else if (c.tag) file(this.byTag, c.tag, r);
      else this.any.push(r);
    }
  }

  /** The rules that can match an element with this tag, id and classes, in source order. */
  candidates(tag: string, id: string | undefined, classes: readonly string[]): CssRule[] {
    const out = [...this.any, ...(this.byTag.get(tag) ?? [])];
    if (id !== undefined) out.push(...(this.byId.get(id) ?? []));
    for (const c of new Set(classes)) out.push(...(this.byClass.get(c) ?? []));
    return out.sort((a, b) => a.order - b.order);
  }
}

function file(map: Map<string, CssRule[]>, key: string, rule: CssRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

/** Whether an element with this tag, id and classes matches a compound. */
export function matches(c: Compound, tag: string, id: string | undefined, classes: readonly string[]): boolean {
  if (c.tag && c.tag !== tag) return false;
  for (const want of c.ids) if (want !== id) return false;
  for (const want of c.classes) if (!classes.includes(want)) return false;
  return true;
}

/**
 * Matches a rule against an element and its ancestors: 'yes', 'no', or 'maybe'
 * when the answer hangs on something we do not evaluate (attribute selectors,
 * pseudo-classes such as `:first-child`).
 */
export function matchRule(rule: CssRule, el: ElementInfo): 'yes' | 'no' | 'maybe' {
  return matchFrom(rule.parts, 0, el);
}

const MAX_WALK = 256;

function matchFrom(parts: CssRule['parts'], k: number, el: ElementInfo): 'yes' | 'no' | 'maybe' {
  const { compound, combinator } = parts[k];
  if (!matches(compound, el.tag, el.id, el.classes)) return 'no';
  for (const test of compound.attrs) if (!attrMatches(test, el.attr(test.name))) return 'no';
  let result: 'yes' | 'maybe' = compound.fuzzy ? 'maybe' : 'yes';
  if (k === parts.length - 1) return result;
  if (combinator === '+') {
    if (!el.prev) return 'no';
    const r = matchFrom(parts, k + 1, el.prev);
    return r === 'no' ? 'no' : r === 'maybe' ? 'maybe' : result;
  }
  if (combinator === '>') {
    if (!el.parent) return 'no';
    const r = matchFrom(parts, k + 1, el.parent);
    return r === 'no' ? 'no' : r === 'maybe' ? 'maybe' : result;
  }
  // Descendant (any ancestor) or general sibling (any earlier sibling) may match the rest.
  let best: 'no' | 'maybe' | 'yes' = 'no';
  let steps = 0;
  for (let a = combinator === '~' ? el.prev : el.parent; a; a = combinator === '~' ? a.prev : a.parent) {
    // Absurdly deep or wide markup: stop looking and call it unknown rather than spend quadratic time.
    if (++steps > MAX_WALK) return 'maybe';
    const r = matchFrom(parts, k + 1, a);
    if (r === 'yes') {
      best = 'yes';
      break;
    }
    if (r === 'maybe') best = 'maybe';
  }
  if (best === 'no') return 'no';
  if (best === 'maybe') result = 'maybe';
  return result;
}

function attrMatches(test: AttrTest, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (!test.op || test.value === undefined) return true;
  const a = test.caseInsensitive ? actual.toLowerCase() : actual;
  const v = test.caseInsensitive ? test.value.toLowerCase() : test.value;
  switch (test.op) {
    case '=':
      return a === v;
    case '~=':
      return a.split(/\s+/).includes(v);
    case '|=':
      return a === v || a.startsWith(`${v}-`);
    case '^=':
      return v !== '' && a.startsWith(v);
    case '$=':
      return v !== '' && a.endsWith(v);
    case '*=':
      return v !== '' && a.includes(v);
  }
}
