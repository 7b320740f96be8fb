/**
 * Computed styles for axe, memoised across elements and files.
 *
 * axe asks for the computed style of nearly every element to know whether it
 * is hidden, and jsdom computes each one from scratch (its whole default
 * style sheet, shorthands and all, about 4 ms an element): most of the axe
 * stage. Without author style sheets, jsdom computes an element's style from
 * - the default style sheet's rules the element matches,
 * - its inline `style`,
 * - and, for the properties jsdom resolves itself (color, visibility,
 *   display…: inherited ones and `inherit`, `currentcolor`), the computed
 *   style of its parent;
 * nothing else (no presentational hints, no layout). So two elements share a
 * computed style when these agree, in one file and across files (every page
 * is rendered in standards mode).
 *
 * Each element gets a key that pins those inputs down:
 * - its own part: the tag, the attributes the sheet's selectors name (read
 *   from jsdom's own sheet: hidden, type, open, dir…), `style`, whether it has
 *   an `href` (`:link`), and whether a `<summary>` is the first in its
 *   `<details>`;
 * - the chain key: its own part and its parent's chain key, so the whole path
 *   from the root. Equal chains match the same rules and inherit the same.
 *   Used where a rule's selector looks past the element itself (`ul ul`,
 *   `table > tr`, `details > summary:first-of-type`, `:dir()`): those
 *   elements are found by reading the sheet's selectors (`contextRules`);
 * - for every other element, its own part and its parent's computed style
 *   itself (every property in it): a `<p>` in a list in a table cell is then
 *   the same as a `<p>` at the top, as long as what it inherits is the same.
 *   Only where the parent's style holds every property jsdom resolves (found
 *   from a bare `<span>` when jsdom loads); otherwise jsdom would look further
 *   up, and the chain key is used.
 * Pages with `<style>` or a loaded sheet, pseudo-elements, and `dir="auto"`
 * (its direction depends on the text) always ask jsdom. The memo is emptied
 * past MAX_STYLE_KEYS keys. test/axe.test.ts checks that findings are the
 * same with and without the memo, and scripts/axe-stage.mjs --compare-fresh
 * does so on a whole corpus.
 *
 * seedAncestors writes into jsdom's private per-document `_styleCache`, so
 * jsdom is pinned to one exact version in package.json; test/axe-style-memo.test.ts
 * checks the pin, that those private parts are still there and that the memo
 * gets hits. The CSS read here is jsdom's default style sheet only (once per
 * process): css-tree parses it 2-3 times slower than this scanner (issue 12).
 */

/** The DOM members the memo reads. */
export interface StyleElement {
  localName: string;
  namespaceURI: string | null;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  hasAttribute(name: string): boolean;
  parentElement: StyleElement | null;
  previousElementSibling: StyleElement | null;
}
export interface StyleWindow {
  document: { styleSheets: { length: number } };
  getComputedStyle(el: StyleElement, pseudo?: string | null): unknown;
}
/** A computed style as jsdom returns it (a CSSStyleDeclaration). */
interface Declaration {
  length: number;
  item(index: number): string;
  getPropertyValue(property: string): string;
}
/** jsdom's wrapper → implementation lookup. */
type ImplOf = (wrapper: unknown) => { _styleCache?: unknown; _ownerDocument?: unknown } | null;

/** Keys kept across files before the memo starts afresh (a few hundred cover the whole corpus). */
const MAX_STYLE_KEYS = 20_000;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** A selector of the default sheet that looks past the element: the elements it can apply to. */
interface ContextRule {
  /** Tag names the selector's subject can have; null: any. */
  tags: Set<string> | null;
  /** Attributes the subject must have. */
  attrs: string[];
}

const memo = {
  on: false,
  /** Key id → jsdom's computed style for the first element with that key. */
  byKey: new Map<number, unknown>(),
  /** Element → key id (null: never memoised). */
  keys: new WeakMap<StyleElement, number | null>(),
  /** Element → chain key id (null: never memoised, nor anything inside it). */
  chains: new WeakMap<StyleElement, number | null>(),
  /** Key id of a parent → id of its computed style's text, or null when it lacks a property jsdom resolves. */
  passedDown: new Map<number, number | null>(),
  /** Key text → key id, so keys stay short. */
  ids: new Map<string, number>(),
  /** Attributes the default style sheet's selectors read, plus `style`. */
  attrs: new Set<string>(),
  /** Put every attribute in the key (when jsdom's sheet could not be read). */
  allAttrs: true,
  /** Selectors that look past the element; null: treat every element so (the sheet could not be read). */
  contextRules: null as ContextRule[] | null,
  /** The properties jsdom resolves itself; null: unknown, so always use chain keys. */
  resolved: null as string[] | null,
  implOf: undefined as ImplOf | undefined,
};

/** Memo hits and jsdom calls since the process started (scripts/axe-stage.mjs prints them). */
export const styleStats = { memoised: 0, computed: 0, computeMs: 0 };

/**
 * Reads jsdom's default style sheet (its text, or undefined when it could not be read) and takes
 * jsdom's wrapper → implementation lookup (see seedAncestors). Call once, when jsdom loads.
 */
export function configureStyles(css: string | undefined, implOf: ImplOf | undefined): void {
  memo.implOf = implOf;
  memo.attrs.clear();
  memo.allAttrs = css === undefined;
  memo.contextRules = null;
  if (css === undefined) return;
  for (const m of css.matchAll(/\[\s*([a-zA-Z-]+)/g)) memo.attrs.add(m[1].toLowerCase());
  memo.attrs.add('style');
  memo.contextRules = contextRules(css);
}

/**
 * Finds the properties jsdom resolves itself: those in the computed style of a bare `<span>` (which
 * no rule of the default sheet matches). Call once with a window that has an empty page.
 */
export function learnResolvedProperties(window: StyleWindow & { document: { createElement(tag: string): StyleElement; body: { appendChild(el: unknown): unknown; removeChild(el: unknown): unknown } | null } }): void {
  memo.resolved = null;
  const body = window.document.body;
  if (!body) return;
  const span = window.document.createElement('span');
  body.appendChild(span);
  try {
    const style = window.getComputedStyle(span) as Declaration;
    const names: string[] = [];
    for (let i = 0; i < style.length; i++) names.push(style.item(i));
    if (names.length) memo.resolved = names;
  } finally {
    body.removeChild(span);
  }
}

/** Starts a file: the memo on or off (tests compare), element keys forgotten, the memo emptied when large. */
export function startStyles(on: boolean): void {
  memo.on = on;
  memo.keys = new WeakMap();
  memo.chains = new WeakMap();
  if (memo.ids.size > MAX_STYLE_KEYS) {
    memo.byKey.clear();
    memo.ids.clear();
    memo.passedDown.clear();
  }
}

export function stopStyles(): void {
  memo.on = false;
}

/** Makes the window's getComputedStyle answer from the memo while it is on. */
export function memoiseStyles<W extends StyleWindow>(window: W): W {
  const real = window.getComputedStyle.bind(window);
  const get = (el: StyleElement, pseudo?: string | null): unknown => {
    const key = !memo.on || (pseudo !== undefined && pseudo !== null && pseudo !== '') || window.document.styleSheets.length ? null : styleKey(el, get);
    let style = key === null ? undefined : memo.byKey.get(key);
    if (style !== undefined) {
      styleStats.memoised++;
      return style;
    }
    styleStats.computed++;
    const t = performance.now();
    if (key !== null) seedAncestors(el, get);
    style = real(el, pseudo);
    styleStats.computeMs += performance.now() - t;
    if (key !== null) memo.byKey.set(key, style);
    return style;
  };
  window.getComputedStyle = get;
  return window;
}

/**
 * Before jsdom computes an element's style, hands it the memoised styles of the element's ancestors.
 * jsdom resolves inherited properties from the parent's computed style, and the parent's from its
 * parent's, each computed from scratch unless its per-document cache has it. Styles answered from
 * the memo never went through jsdom in this document, so without this one new element at depth 8
 * costs 8 computations instead of one. An ancestor's memoised style is jsdom's own answer for an
 * element with the same key, so jsdom reads the same values either way. An ancestor with no key yet
 * (an element keyed by its chain never keys its parent) is keyed here, and one with no memoised style
 * is asked through the memo first (issue 19: jsdom time of the axe stage on the corpus 14% lower).
 */
function seedAncestors(el: StyleElement, get: (el: StyleElement) => unknown): void {
  const implOf = memo.implOf;
  if (!implOf) return;
  const docImpl = implOf(el)?._ownerDocument as { _styleCache?: unknown } | undefined;
  const cache = docImpl?._styleCache;
  if (!(cache instanceof WeakMap)) return;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const key = memo.keys.get(p) ?? styleKey(p, get);
    if (key === null) return;
    const impl = implOf(p);
    if (!impl || cache.has(impl)) return;
    const style = memo.byKey.get(key);
    if (style === undefined) {
      get(p);
      return;
    }
    cache.set(impl, style);
  }
}

function id(text: string): number {
  let n = memo.ids.get(text);
  if (n === undefined) {
    n = memo.ids.size;
    memo.ids.set(text, n);
  }
  return n;
}

/** The element's own part of the key, or null for `dir="auto"`. */
function ownPart(el: StyleElement): string | null {
  let own = el.namespaceURI === HTML_NS ? el.localName : `${el.namespaceURI} ${el.localName}`;
  for (const name of el.getAttributeNames()) {
    if (name.startsWith('data-ps-')) continue;
    // `href` only matters for :link, which every href matches (nothing is ever visited).
    if (name === 'href') own += '\u0000href';
    if (!memo.allAttrs && !memo.attrs.has(name)) continue;
    const value = el.getAttribute(name) ?? '';
    if (name === 'dir' && value.trim().toLowerCase() === 'auto') return null;
    own += `\u0000${name}\u0000${value}`;
  }
  if (el.localName === 'summary') {
    let first = true;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === 'summary') first = false;
    own += first ? '\u0000:first-summary' : '';
  }
  return own;
}

/** The element's chain key: its own part and its parent's chain key. */
function chainKey(el: StyleElement): number | null {
  const known = memo.chains.get(el);
  if (known !== undefined) return known;
  const parent = el.parentElement;
  const parentChain = parent ? chainKey(parent) : -1;
  const own = parentChain === null ? null : ownPart(el);
  const key = own === null ? null : id(`${parentChain}>${own}`);
  memo.chains.set(el, key);
  return key;
}

/** The key the memo files the element's style under (see the header). `get` is the memoised getComputedStyle. */
function styleKey(el: StyleElement, get: (el: StyleElement) => unknown): number | null {
  const known = memo.keys.get(el);
  if (known !== undefined) return known;
  let key = chainKey(el);
  const parent = el.parentElement;
  if (key !== null && parent && memo.resolved && !lookedPast(el)) {
    const parentKey = styleKey(parent, get);
    if (parentKey !== null) {
      let passed = memo.passedDown.get(parentKey);
      if (passed === undefined) {
        passed = styleText(get(parent) as Declaration);
        memo.passedDown.set(parentKey, passed);
      }
      if (passed !== null) key = id(`${passed}<${ownPart(el)}`);
    }
  }
  memo.keys.set(el, key);
  return key;
}

/** Id of a computed style's whole text, or null when it lacks a property jsdom resolves (jsdom would then look at the grandparent). */
function styleText(style: Declaration): number | null {
  let text = '';
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    text += `${name}:${style.getPropertyValue(name)};`;
  }
  for (const name of memo.resolved ?? []) if (style.getPropertyValue(name) === '') return null;
  return id(text);
}

/** True when a selector of the default sheet that looks past its subject could apply to the element. */
function lookedPast(el: StyleElement): boolean {
  const rules = memo.contextRules;
  if (!rules || el.namespaceURI !== HTML_NS) return true;
  for (const rule of rules) {
    if (rule.tags && !rule.tags.has(el.localName)) continue;
    if (rule.attrs.every((a) => el.hasAttribute(a))) return true;
  }
  return false;
}

/** Pseudo-classes that depend on the element alone (or on a state nothing here ever has: hover, focus…). */
const OWN_PSEUDOS = new Set(['not', 'is', 'where', 'link', 'visited', 'any-link', 'hover', 'active', 'focus', 'focus-visible', 'popover-open', 'modal', 'autofill']);

/**
 * The default sheet's selectors that look past their subject: a combinator, or a pseudo-class other
 * than OWN_PSEUDOS (`:dir()`, `:first-of-type`…). Null when the sheet is not plain enough to read.
 */
export function contextRules(css: string): ContextRule[] | null {
  const preludes = rulePreludes(css);
  if (!preludes) return null;
  const out: ContextRule[] = [];
  for (const prelude of preludes) {
    const selectors = splitTop(prelude, ',');
    if (!selectors) return null;
    for (const selector of selectors) {
      const s = selector.trim();
      if (!s) return null;
      const past = looksPast(s);
      if (past === null) return null;
      if (past) out.push(subjectOf(s));
    }
  }
  return out;
}

/** The selector text before each rule's block, inside @media and similar groups; null when unreadable. */
function rulePreludes(css: string): string[] | null {
  const out: string[] = [];
  // Kinds of open blocks: a group of rules (@media…), a rule's declarations, or an at-rule to skip.
  const stack: ('group' | 'rule' | 'skip')[] = [];
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end === -1) return null;
      // A comment in a prelude is dropped from it.
      if (stack.at(-1) !== 'rule' && stack.at(-1) !== 'skip') {
        css = css.slice(0, i) + ' ' + css.slice(end + 2);
        i--;
        continue;
      }
      i = end + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      if (end === -1) return null;
      i = end;
      continue;
    }
    const top = stack.at(-1);
    if (c === '{') {
      if (top === 'rule') return null;
      if (top === 'skip') {
        stack.push('skip');
        continue;
      }
      const prelude = css.slice(start, i).trim();
      if (prelude.startsWith('@')) stack.push(/^@(media|supports|layer|container)\b/i.test(prelude) ? 'group' : 'skip');
      else {
        out.push(prelude);
        stack.push('rule');
      }
      start = i + 1;
    } else if (c === '}') {
      if (!stack.length) return null;
      stack.pop();
      start = i + 1;
    } else if (c === ';' && top !== 'rule' && top !== 'skip') start = i + 1;
  }
  return stack.length ? null : out;
}

/** Splits at a character outside brackets, parentheses and quotes; null when they do not balance. */
function splitTop(text: string, sep: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1) return null;
      i = end;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (--depth < 0) return null;
    } else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth) return null;
  out.push(text.slice(start));
  return out;
}

const SPACE = /\s/;
const IDENT_CHAR = /[a-zA-Z0-9_-]/;

/** True when the selector has a combinator or a pseudo-class outside OWN_PSEUDOS; null when unreadable. */
function looksPast(s: string): boolean | null {
  let bracket = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (bracket) {
      if (c === '"' || c === "'") {
        const end = s.indexOf(c, i + 1);
        if (end === -1) return null;
        i = end;
      } else if (c === ']') bracket = false;
      continue;
    }
    if (c === '[') bracket = true;
    else if (c === '>' || c === '+' || c === '~') return true;
    else if (SPACE.test(c)) {
      // White space is a descendant combinator unless it pads a comma or a parenthesis.
      let before = i - 1;
      while (before >= 0 && SPACE.test(s[before])) before--;
      let after = i + 1;
      while (after < s.length && SPACE.test(s[after])) after++;
      const b = s[before];
      const a = s[after];
      if (b !== undefined && a !== undefined && b !== ',' && b !== '(' && a !== ',' && a !== ')') return true;
      i = after - 1;
    } else if (c === ':') {
      if (s[i + 1] === ':') {
        // A pseudo-element: jsdom never matches such a rule for an element's own style.
        i++;
        continue;
      }
      let end = i + 1;
      while (end < s.length && IDENT_CHAR.test(s[end])) end++;
      if (!OWN_PSEUDOS.has(s.slice(i + 1, end).toLowerCase())) return true;
      i = end - 1;
    }
  }
  return bracket ? null : false;
}

/** The tags and attributes a selector's subject (its last compound) requires; any tag when unclear. */
function subjectOf(s: string): ContextRule {
  // The last compound: after the last combinator outside parentheses and brackets.
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === '>' || c === '+' || c === '~' || SPACE.test(c))) start = i + 1;
  }
  const compound = s.slice(start).trim();
  let tags: Set<string> | null = null;
  const tag = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(compound);
  if (tag) tags = new Set([tag[0].toLowerCase()]);
  else {
    const list = /^:(?:is|where)\(([a-zA-Z0-9,\s-]*)\)/i.exec(compound);
    if (list) tags = new Set(list[1].split(',').map((t) => t.trim().toLowerCase()));
  }
  const attrs: string[] = [];
  depth = 0;
  for (let i = 0; i < compound.length; i++) {
    const c = compound[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '[' && depth === 0) {
      const name = /^\[\s*([a-zA-Z_-][a-zA-Z0-9_-]*)/.exec(compound.slice(i));
      if (name) attrs.push(name[1].toLowerCase());
    }
  }
  return { tags, attrs };
}
