/**
 * Builds the page for axe straight from the renderer's hast, with the
 * window's own `createElement`/`setAttribute`/`appendChild`, instead of
 * serialising it to HTML and having jsdom parse that again.
 *
 * The tree must come out exactly as the HTML route makes it (test/axe.test.ts
 * compares the two on the fixtures and the corpus compares their findings),
 * so this follows what `hast-util-to-html` writes and what the HTML parser
 * then does with it:
 * - attribute names and values as `hast-util-to-html` writes them
 *   (property-information's schema, boolean and list values), names in lower
 *   case as the parser reads them, the first of two equal names kept;
 * - adjacent text nodes joined, CR LF and CR turned into LF, the first LF of
 *   a `<pre>`, `<textarea>` or `<listing>` dropped;
 * - `<` and `>` escaped where the serialiser escapes them in a comment;
 * - a `<template>`'s content left out (the HTML route loses it too: the
 *   renderer copies it as children, which the serialiser does not write).
 *
 * Whatever the parser would move, rename or read differently is not built
 * here: the caller then takes the HTML route. That covers SVG and MathML
 * (foreign content has its own name and attribute rules), names that are not
 * plain XML names, table parts at the top of a fragment (the fragment parser
 * kept them, a `<body>` drops them), `<html>`/`<head>`/`<body>` elements
 * where a body would not keep them, void elements with children, NUL
 * characters, raw-text elements whose text the serialiser escapes, and a
 * `<noscript>` in `<head>`.
 */
import type { Root, RootContent, Element, Properties } from 'hast';
import { find, html as htmlSchema } from 'property-information';
import { OFFSET_PROPERTY } from './render.js';
import type { PageFeatures } from './candidates.js';

/** The DOM members used here (jsdom's types would pull the DOM library into the whole build). */
export interface BuildNode {
  appendChild(node: BuildNode): unknown;
}
export interface BuildElement extends BuildNode {
  setAttribute(name: string, value: string): void;
}
export interface BuildDocument {
  createElement(name: string): BuildElement;
  createTextNode(data: string): BuildNode;
  createComment(data: string): BuildNode;
}

/** Thrown inside the builder when the HTML route has to be taken. */
class Unsupported extends Error {}

/** How often each route was taken since the process started (scripts/axe-stage.mjs prints them). */
export const buildStats = { built: 0, parsed: 0 };

/** hast-util-to-html's void elements (html-void-elements). */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose text the parser reads raw while the serialiser escapes it (`noscript` is parsed as markup: scripting is off). */
const RAW_ESCAPED = new Set(['iframe', 'noembed', 'noframes', 'xmp']);
/** Elements whose text the serialiser writes unescaped. */
const RAW_PLAIN = new Set(['script', 'style']);
/** Elements whose first LF the parser drops. */
const FIRST_LF = new Set(['pre', 'textarea', 'listing']);
/** Start tags the `<template>` context of a fragment keeps at the top and a `<body>` drops. */
const TABLE_PARTS = new Set(['caption', 'colgroup', 'col', 'tbody', 'tfoot', 'thead', 'tr', 'td', 'th']);
/** Elements that only a whole page keeps, and only in their place. */
const PAGE_PARTS = new Set(['html', 'head', 'body', 'frameset', 'frame']);
/** Foreign content and tags the parser renames. */
const FOREIGN = new Set(['svg', 'math', 'image', 'plaintext']);

const TAG_NAME = /^[a-zA-Z][a-zA-Z0-9._-]*$/;
/** Only ASCII white space (the parser's inter-element white space). */
const SPACE_ONLY = /^[ \t\n\f\r]*$/;
const ATTR_NAME = /^[a-zA-Z_][a-zA-Z0-9_.:-]*$/;
/** What hast-util-to-html escapes inside a comment (the parser does not unescape it). */
const COMMENT_REWRITE = /^>|^->|<!--|-->|--!>|<!-$/g;

/** Attribute name (as the parser reads it: lower case) and kind per hast property name, for the HTML schema. */
type AttrInfo = { name: string; boolean: boolean; overloaded: boolean; commas: boolean };
const infos = new Map<string, AttrInfo>();

function attrInfo(key: string): AttrInfo {
  let info = infos.get(key);
  if (!info) {
    const i = find(htmlSchema, key);
    if (!ATTR_NAME.test(i.attribute)) throw new Unsupported();
    info = { name: i.attribute.toLowerCase(), boolean: i.boolean, overloaded: i.overloadedBoolean, commas: i.commaSeparated };
    if (infos.size < 5000) infos.set(key, info);
  }
  return info;
}

/** The attribute's value as hast-util-to-html writes it, or null when it writes none. */
function attrValue(info: AttrInfo, value: Properties[string]): string | null {
  if (info.overloaded && (value === info.name || value === '')) value = true;
  else if ((info.boolean || info.overloaded) && (typeof value !== 'string' || value === info.name || value === '')) value = Boolean(value);
  if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) return null;
  if (value === true) return '';
  if (Array.isArray(value)) {
    if (info.commas) {
      const list = value[value.length - 1] === '' ? [...value, ''] : value;
      return list.join(', ').trim();
    }
    return value.join(' ').trim();
  }
  return String(value);
}

function commentText(value: string): string {
  return value.replace(COMMENT_REWRITE, (m) => m.replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;'));
}

/** Text as the parser reads it back: LF line ends; NUL is dropped or replaced depending on context, so not built here. */
function clean(text: string): string {
  if (text.includes('\0')) throw new Unsupported();
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Element → source offset, filled by `buildPage` (built elements carry no `data-ps-offset`). */
export type Offsets = WeakMap<object, number>;

/**
 * Builds the page's `<html>` element (detached) from the renderer's tree, or
 * returns undefined when the HTML route must be taken. The renderer's
 * `data-ps-offset` becomes an entry in `offsets` instead of an attribute:
 * four in five attributes on a page are that one, and every attribute costs
 * jsdom and axe time. `lean` leaves out white space right inside a
 * fragment's `<body>`, which no axe rule reads (see `appendChildren`); the
 * comparison with the parser's tree (test/axe.test.ts) builds without it.
 * `features` collects the tag and attribute names built (a page that
 * falls back to the parser leaves it unfinished: do not use it then).
 */
export function buildPage(document: BuildDocument, root: Root, fragment: boolean, offsets: Offsets, lean = false, features?: PageFeatures): BuildElement | undefined {
  const state: State = { document, offsets, lean, features };
  try {
    let html: BuildElement;
    if (fragment) {
      features?.tags.add('html').add('head').add('body');
      html = document.createElement('html');
      html.appendChild(document.createElement('head'));
      const body = document.createElement('body');
      html.appendChild(body);
      appendChildren(state, body, root.children, 'fragment');
    } else {
      let top: Element | undefined;
      for (const node of root.children) {
        if (node.type === 'element') {
          if (top || node.tagName !== 'html') throw new Unsupported();
          top = node;
        } else if (node.type !== 'comment' && node.type !== 'doctype') throw new Unsupported();
      }
      if (!top) throw new Unsupported();
      html = element(state, top);
      appendChildren(state, html, top.children, 'html');
    }
    buildStats.built++;
    return html;
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    buildStats.parsed++;
    return undefined;
  }
}

interface State {
  document: BuildDocument;
  offsets: Offsets;
  /** Leave out white space between the top-level blocks of a fragment (see `buildPage`). */
  lean: boolean;
  /** Filled with the tag and attribute names built (src/a11y/axe/candidates.ts). */
  features?: PageFeatures;
}

/** Where a list of children sits: the top of a fragment, inside a page's `<html>`, or anywhere else. */
type Place = 'fragment' | 'html' | 'body' | 'other';

function element({ document, offsets, features }: State, node: Element): BuildElement {
  const tag = node.tagName;
  if (!TAG_NAME.test(tag) || FOREIGN.has(tag)) throw new Unsupported();
  const el = document.createElement(tag);
  features?.tags.add(tag.toLowerCase());
  const props = node.properties;
  const names: string[] = [];
  for (const key in props) {
    const raw = props[key];
    if (raw === null || raw === undefined) continue;
    if (key === OFFSET_PROPERTY) {
      offsets.set(el, Number(raw));
      continue;
    }
    const info = attrInfo(key);
    const value = attrValue(info, raw);
    if (value === null) continue;
    // The parser keeps the first of two equal names (two properties can name one attribute, or differ only in case).
    if (names.includes(info.name)) continue;
    names.push(info.name);
    el.setAttribute(info.name, clean(value));
    features?.attrs.add(info.name);
  }
  return el;
}

function appendChildren(state: State, parent: BuildElement, kids: readonly RootContent[], place: Place, tag = ''): void {
  const { document } = state;
  if (tag && VOID.has(tag) && kids.length) throw new Unsupported();
  if (tag === 'template') return;
  let text = '';
  let first = true;
  // `lean`: white space right inside a fragment's <body> (the line breaks between a Markdown page's blocks,
  // a tenth of its nodes) is left out. No axe rule reads the <body>'s own text: names, visible text and list
  // checks read inside links, buttons, headings, cells, list items and paragraphs, never the <body> itself.
  const dropSpace = state.lean && place === 'fragment';
  const flush = () => {
    if (!text) return;
    if (dropSpace && SPACE_ONLY.test(text)) {
      text = '';
      return;
    }
    if (first && FIRST_LF.has(tag) && text.charCodeAt(0) === 10) text = text.slice(1);
    if (text) parent.appendChild(document.createTextNode(text));
    text = '';
    first = false;
  };
  for (const node of kids) {
    if (node.type === 'text' || node.type === 'raw') {
      const value = clean(node.value);
      if (RAW_ESCAPED.has(tag) && (value.includes('&') || value.includes('<'))) throw new Unsupported();
      if (RAW_PLAIN.has(tag) && value.toLowerCase().includes(`</${tag}`)) throw new Unsupported();
      text += value;
      continue;
    }
    if (node.type === 'comment') {
      flush();
      parent.appendChild(document.createComment(clean(commentText(node.value))));
      first = false;
      continue;
    }
    if (node.type !== 'element') {
      if (node.type === 'doctype') continue;
      throw new Unsupported();
    }
    const name = node.tagName;
    let inner: Place = 'other';
    if (PAGE_PARTS.has(name) || (place === 'fragment' && TABLE_PARTS.has(name))) {
      // A page's <html> holds <head> and then <body> or <frameset>; <frame> sits in a <frameset>.
      if (place === 'html' && (name === 'head' || name === 'body' || name === 'frameset')) inner = name === 'frameset' ? 'body' : 'other';
      else if (name === 'frame' && tag === 'frameset') inner = 'other';
      else throw new Unsupported();
    }
    // A <noscript> in <head> was read with scripting on; read again with scripting off, its text moves to <body>.
    if (name === 'noscript' && tag === 'head') throw new Unsupported();
    if (RAW_ESCAPED.has(name) || RAW_PLAIN.has(name)) {
      for (const k of node.children) if (k.type === 'element') throw new Unsupported();
    }
    flush();
    first = false;
    const el = element(state, node);
    appendChildren(state, el, node.children, inner, name);
    parent.appendChild(el);
  }
  flush();
}
