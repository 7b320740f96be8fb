/**
 * The Doc's hast → the tree axe sees, with each element's source offset
 * carried along (DESIGN 2): as a `data-ps-offset` attribute in HTML, or as an
 * entry in a map when src/a11y/axe/dom.ts builds the DOM from the tree
 * directly. The Doc's tree is never changed: the renderer copies the elements
 * it annotates.
 */
import type { Root, RootContent, Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** The property (`data-ps-offset` in HTML) that carries an element's source offset. */
export const OFFSET_PROPERTY = 'dataPsOffset';

/** Deeper trees are not rendered: the serialiser and axe recurse per level. */
export const MAX_DEPTH = 400;
/** jsdom makes a whole window for each frame (tens of milliseconds each), so pages with more are not rendered. */
export const MAX_FRAMES = 25;

export interface Prepared {
  /** The copy of the Doc's tree that axe sees (source offsets in `dataPsOffset`), as `html` serialises it. */
  tree: Root;
  fragment: boolean;
  /** Start offset → end offset of each element that has a source position. */
  ends: Map<number, number>;
  elements: number;
}

export interface Rendered extends Prepared {
  /** A whole page (`<!doctype html><html>…`), fragments wrapped in `<body>`. */
  html: string;
}

/** Why a tree was not rendered. */
export type NotRendered = { skip: 'depth'; limit: number } | { skip: 'frames'; limit: number };

export interface RenderInput {
  hast: Root;
  fragment: boolean;
  /** The source text, and whether it is Markdown (for images written in Markdown syntax). */
  text: string;
  markdown: boolean;
  /** The file's template placeholders (Doc.placeholders), in file order. */
  placeholders?: readonly { span: { start: number; end: number }; kind: string }[];
}

/** Placeholder kinds that print nothing themselves: `{% if %}`, `{{#each}}`, `{{/each}}`, `{{else}}`. */
const SILENT = new Set(['tag', 'block-open', 'block-close', 'control']);

/**
 * Renders the Doc's hast for axe, or says why not (nested deeper than MAX_DEPTH, more than MAX_FRAMES frames).
 *
 * Markdown has no way to mark an image as decoration: `![](shot.png)` renders
 * `alt=""`, which axe would read as "decorative" and pass. As the image-alt
 * rule does, an empty alt written in Markdown syntax counts as missing, so
 * the renderer leaves the attribute out. `<img alt="">` in raw HTML keeps it.
 *
 * @public scripts/axe-stage.mjs calls it through dist/.
 */
export function renderForAxe(input: RenderInput): Rendered | NotRendered {
  const prepared = prepareForAxe(input);
  return 'skip' in prepared ? prepared : { ...prepared, html: pageHtml(prepared) };
}

/** The page as HTML, for jsdom's parser (when src/a11y/axe/dom.ts cannot build the tree itself). */
export function pageHtml({ tree, fragment }: Prepared): string {
  const body = toHtml(tree, { allowDangerousHtml: false });
  return fragment ? `<!DOCTYPE html><html><head></head><body>${body}</body></html>` : `<!DOCTYPE html>${body}`;
}

/** renderForAxe without the HTML: the tree copy and the offsets. */
export function prepareForAxe({ hast: root, fragment, text, markdown, placeholders = [] }: RenderInput): Prepared | NotRendered {
  const silent = placeholders.filter((p) => SILENT.has(p.kind)).map((p) => p.span);
  const ends = new Map<number, number>();
  let elements = 0;
  let frames = 0;
  let tooDeep = false;
  const copyRoot: Root = { type: 'root', children: [] };
  // Iterative copy: [source parent, target parent, depth].
  const stack: [Root | Element, Root | Element, number][] = [[root, copyRoot, 0]];
  while (stack.length) {
    const [src, dst, depth] = stack.pop()!;
    const kids = (src.type === 'element' && src.tagName === 'template' && src.content ? src.content.children : src.children) as RootContent[];
    const out: RootContent[] = [];
    for (const node of kids) {
      if (node.type !== 'element') {
        // A template tag such as `{% for … %}` between list items is not text the page shows: without
        // it a list of `{% for %}<li>` reads as a list holding text (axe's list rule).
        if (node.type === 'text' && silent.length && onlySilent(node, text, silent)) continue;
        // A style sheet nested past MAX_CSS_DEPTH overflows jsdom's CSS parser (issue 20): axe gets none.
        if (node.type === 'text' && src.type === 'element' && src.tagName === 'style' && cssTooDeep(node.value)) {
          out.push({ type: 'text', value: '' });
          continue;
        }
        // `raw` nodes stay escaped text (hast-util-to-html's default), as they did for every other rule.
        if (node.type !== 'doctype') out.push(node);
        continue;
      }
      elements++;
      if (depth + 1 > MAX_DEPTH) {
        tooDeep = true;
        break;
      }
      if ((node.tagName === 'iframe' || node.tagName === 'frame') && ++frames > MAX_FRAMES) return { skip: 'frames', limit: MAX_FRAMES };
      const properties: Properties = { ...node.properties };
      if (typeof properties.style === 'string' && cssTooDeep(properties.style)) delete properties.style;
      const start = node.position?.start?.offset;
      if (start !== undefined) {
        properties[OFFSET_PROPERTY] = String(start);
        const end = node.position?.end?.offset;
        if (end !== undefined && !ends.has(start)) ends.set(start, end);
      }
      for (const key of Object.keys(node.properties)) {
        if (/^aria[A-Z]/.test(key) || key.startsWith('aria-')) {
          properties.dataPsAria = '';
          break;
        }
      }
      if (markdown && node.tagName === 'img' && start !== undefined && text.charCodeAt(start) === 33 /* ! */ && properties.alt === '') delete properties.alt;
      const copy: Element = { type: 'element', tagName: node.tagName, properties, children: [] };
      out.push(copy);
      stack.push([node, copy, depth + 1]);
    }
    if (tooDeep) return { skip: 'depth', limit: MAX_DEPTH };
    if (dst.type === 'element') dst.children = out as ElementContent[];
    else dst.children = out;
  }
  return { tree: copyRoot, fragment, ends, elements };
}

/** Nesting of CSS blocks, brackets and functions past which a style is dropped: real sheets nest a few levels. */
export const MAX_CSS_DEPTH = 64;

/** Whether CSS nests `{`, `(` or `[` more than MAX_CSS_DEPTH deep (a plain count: strings and comments count too). */
export function cssTooDeep(css: string): boolean {
  let depth = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css.charCodeAt(i);
    if (c === 123 || c === 40 || c === 91) {
      if (++depth > MAX_CSS_DEPTH) return true;
    } else if ((c === 125 || c === 41 || c === 93) && depth > 0) depth--;
  }
  return false;
}

/** True when a text node holds only silent placeholders and white space. */
function onlySilent(node: { value: string; position?: { start: { offset?: number }; end: { offset?: number } } }, text: string, silent: readonly { start: number; end: number }[]): boolean {
  const start = node.position?.start?.offset;
  const end = node.position?.end?.offset;
  if (start === undefined || end === undefined || !/\S/.test(node.value)) return false;
  // First placeholder that ends after the node starts (placeholders are in file order).
  let lo = 0;
  let hi = silent.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (silent[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let at = start;
  for (let i = lo; i < silent.length && silent[i].start < end; i++) {
    if (/\S/.test(text.slice(at, Math.max(at, silent[i].start)))) return false;
    at = Math.max(at, silent[i].end);
  }
  return !/\S/.test(text.slice(at, end));
}
