/**
 * The HTML modules (html-support.ts) for document.ts. Here they load with this module, so tests and
 * `PLAINSPOKE_NO_BUNDLE=1` runs have them at once. In the start-up bundle, scripts/bundle.mjs
 * (lazyModules) rewrites `heavy()` to load them on its first call instead: a one-file run over
 * Markdown without raw HTML then never evaluates parse5, hast-util-raw or property-information
 * (issue 19). Keep the import line and the body of `heavy()` in step with that plugin.
 *
 * A Markdown file whose only raw HTML is empty anchors (`<a id="pins"></a>`, a common way to give a
 * heading an id) and HTML comments gets its hast from `lightRaw()` below, which gives the tree hast-util-raw would give,
 * without loading the HTML parser (issue 19).
 */
import type { Comment, Element, ElementContent, Properties, Root, RootContent, Text } from 'hast';
import * as eager from './html-support.js';

export type HtmlSupport = typeof eager;

/** The HTML modules. The bundle replaces this body with a require on first call (scripts/bundle.mjs). */
function heavy(): HtmlSupport {
  return eager;
}

const support: HtmlSupport = {
  // The light path gives what hast-util-raw gives with an empty file (what document.ts passes); other options go to it.
  raw: ((tree, options) => (emptyFile(options) && lightRaw(tree)) || heavy().raw(tree, options)) as HtmlSupport['raw'],
  get collectHtmlProse() {
    return heavy().collectHtmlProse;
  },
  get parseHtml() {
    return heavy().parseHtml;
  },
  get parseHtmlTree() {
    return heavy().parseHtmlTree;
  },
};

/** Options of hast-util-raw that hold only a file with no text. */
function emptyFile(options: unknown): boolean {
  if (!options || typeof options !== 'object') return false;
  const { file, ...rest } = options as { file?: { value?: unknown } };
  return Object.keys(rest).length === 0 && !!file && (file.value === '' || file.value === undefined);
}

export function htmlSupport(): HtmlSupport {
  return support;
}

/**
 * Elements the light path accepts around the anchors. hast-util-raw sends the whole tree through
 * parse5's tree builder, which rebuilds some nodes: it joins neighbouring text nodes, turns `true`
 * properties into '' (footnotes), drops `false` ones (task lists), and moves content for some
 * elements. So the light path takes only trees where none of that can happen: these tags, string
 * properties (or a class list), no neighbouring text nodes, no CR or NUL in text (the parser's input
 * stream changes them), and no anchor inside a link. Anything else goes to hast-util-raw.
 * A test (test/start-up.test.ts) checks the light tree against hast-util-raw's.
 */
const LIGHT_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'code', 'pre', 'blockquote', 'img', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'br']);

/**
 * hast-util-raw's result, given an empty file, for a tree whose raw nodes are only empty anchors, each an opening tag with
 * `id` or `name` attributes (double-quoted letters, digits, '-' and '_') right before its `</a>`, plain HTML
 * comments (commentOf), and `<kbd>` … `</kbd>` around one text node;
 * undefined for any other tree (the caller then runs hast-util-raw). The tree is changed only when
 * the result is returned.
 */
export function lightRaw(tree: unknown): Root | undefined {
  const root = tree as Root;
  if (root?.type !== 'root') return undefined;
  const edits: [Root | Element, (RootContent | ElementContent)[]][] = [];
  const stack: [Root | Element, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, inLink] = stack.pop()!;
    const kids = node.children;
    let hasRaw = false;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.type === 'raw') hasRaw = true;
      else if (k.type === 'text') {
        if (k.value.includes('\r') || k.value.includes('\0') || kids[i + 1]?.type === 'text') return undefined;
      } else if (k.type === 'element') {
        if (!LIGHT_TAGS.has(k.tagName) || k.content || !plainProperties(k.properties)) return undefined;
        stack.push([k, inLink || k.tagName === 'a']);
      } else return undefined;
    }
    if (!hasRaw) continue;
    if (inLink) return undefined;
    const out: (RootContent | ElementContent)[] = [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.type !== 'raw') {
        out.push(k);
        continue;
      }
      const comment = k.position ? commentOf(k.value, k.position.start) : undefined;
      if (comment) {
        out.push(comment);
        continue;
      }
      // `<kbd>Ctrl</kbd>`: a key name (one text node, or none) between the two tags becomes the element's child.
      if (k.value === '<kbd>') {
        const inner = kids[i + 1]?.type === 'text' ? [kids[i + 1] as Text] : [];
        const close = kids[i + 1 + inner.length];
        if (!k.position || close?.type !== 'raw' || close.value !== '</kbd>' || !close.position) return undefined;
        const from = k.position.start;
        const to = close.position.end;
        out.push({
          type: 'element',
          tagName: 'kbd',
          properties: {},
          children: inner,
          position: { start: { line: from.line, column: from.column, offset: from.offset }, end: { line: to.line, column: to.column, offset: to.offset } },
        });
        i += inner.length + 1;
        continue;
      }
      const next = kids[i + 1];
      const properties = k.position ? anchorProperties(k.value) : undefined;
      if (!properties || next?.type !== 'raw' || next.value !== '</a>' || !next.position) return undefined;
      const start = k.position!.start;
      const end = next.position.end;
      out.push({
        type: 'element',
        tagName: 'a',
        properties,
        children: [],
        position: { start: { line: start.line, column: start.column, offset: start.offset }, end: { line: end.line, column: end.column, offset: end.offset } },
      });
      i++;
    }
    edits.push([node, out]);
  }
  for (const [node, children] of edits) node.children = children as never;
  // The root hast-util-raw makes, with the span of an empty file.
  return { type: 'root', children: root.children, data: { quirksMode: false }, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
}

/**
 * The comment node hast-util-raw makes from a raw node that is one HTML comment and nothing else (issue 19: most
 * raw HTML in Markdown policies is comments); undefined for any other text. Only comments the HTML tokenizer reads
 * plainly: no `--` inside (so no early or odd end), no `>` or `->` right after `<!--`, no '-' before `-->`, no CR
 * or NUL (the input stream changes them). Its span starts where the raw node starts and runs over the text
 * as the tokenizer counts it (lines and columns from the value).
 */
function commentOf(value: string, start: { line: number; column: number; offset?: number }): Comment | undefined {
  if (value.length < 7 || !value.startsWith('<!--') || !value.endsWith('-->') || start.offset === undefined) return undefined;
  const inner = value.slice(4, -3);
  if (inner.includes('--') || inner.startsWith('>') || inner.startsWith('->') || inner.endsWith('-') || inner.includes('\r') || inner.includes('\0')) return undefined;
  let line = start.line;
  let lastBreak = -1;
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  const column = lastBreak === -1 ? start.column + value.length : value.length - lastBreak;
  return {
    type: 'comment',
    value: inner,
    position: { start: { line: start.line, column: start.column, offset: start.offset }, end: { line, column, offset: start.offset + value.length } },
  };
}

function plainProperties(properties: Properties): boolean {
  for (const key in properties) {
    const v = properties[key];
    if (typeof v === 'string') continue;
    if (key === 'className' && Array.isArray(v) && v.every((c) => typeof c === 'string')) continue;
    return false;
  }
  return true;
}

/** `<a id="x">` / `<a name="x" id="y">` → its properties; undefined for any other text. */
function anchorProperties(tag: string): Properties | undefined {
  if (!tag.startsWith('<a') || !tag.endsWith('>')) return undefined;
  const properties: Properties = {};
  let i = 2;
  const last = tag.length - 1;
  while (i < last) {
    if (tag.charCodeAt(i) !== 32) return undefined;
    i++;
    const name = tag.startsWith('id="', i) ? 'id' : tag.startsWith('name="', i) ? 'name' : undefined;
    if (!name || name in properties) return undefined;
    i += name.length + 2;
    const from = i;
    while (i < last && isNameChar(tag.charCodeAt(i))) i++;
    if (i === from || tag.charCodeAt(i) !== 34) return undefined;
    properties[name] = tag.slice(from, i);
    i++;
  }
  return Object.keys(properties).length ? properties : undefined;
}

/** ASCII letters, digits, '-' and '_'. */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}
