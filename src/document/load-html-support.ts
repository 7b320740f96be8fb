/**
 * The HTML modules (html-support.ts) for document.ts. Here they load with this module, so tests and
 * `PLAINSPOKE_NO_BUNDLE=1` runs have them at once. In the start-up bundle, scripts/bundle.mjs
 * (lazyModules) rewrites `heavy()` to load them on its first call instead: a one-file run over
 * Markdown without raw HTML then never evaluates parse5, hast-util-raw or property-information
 * (issue 19). Keep the import line and the body of `heavy()` in step with that plugin.
 *
 * A Markdown file whose only raw HTML is empty anchors (`<a id="pins"></a>`, a common way to give a
 * heading an id) gets its hast from `lightRaw()` below, which gives the tree hast-util-raw would give,
 * without loading the HTML parser (issue 19).
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
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
 * `id` or `name` attributes (double-quoted letters, digits, '-' and '_') right before its `</a>`;
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
