/** HTML → hast and prose blocks (rehype-parse, positions kept). */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Root as HastRoot, Nodes as HastNode, Element } from 'hast';
import { BlockBuilder, type BlockKind, type ProseBlock } from './prose.js';
import type { Placeholder } from './placeholders.js';
import type { CommentNode } from './comments.js';

const documentParser = unified().use(rehypeParse, { fragment: false });
const fragmentParser = unified().use(rehypeParse, { fragment: true });

/** A full page has `<html>` or a doctype; help-centre exports and macros are fragments. */
export function isFullDocument(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html)[\s>]/i.test(text.slice(0, 4096));
}

export function parseHtmlTree(text: string, fragment: boolean): HastRoot {
  return (fragment ? fragmentParser : documentParser).parse(text) as HastRoot;
}

export interface ParsedHtml {
  hast: HastRoot;
  fragment: boolean;
  prose: ProseBlock[];
  comments: CommentNode[];
}

export function parseHtml(text: string, placeholders: readonly Placeholder[]): ParsedHtml {
  const fragment = !isFullDocument(text);
  const hast = parseHtmlTree(text, fragment);
  const prose: ProseBlock[] = [];
  const comments: CommentNode[] = [];
  collectHtmlProse(hast, text, placeholders, 0, prose, comments);
  return { hast, fragment, prose, comments };
}

/** Elements whose text is not prose (code, scripts, forms' raw values…). */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'pre', 'svg', 'math', 'textarea', 'select', 'iframe', 'object', 'head', 'video', 'audio', 'canvas']);
/** Inline elements whose content is code-like: masked as one word. */
const MASK = new Set(['code', 'kbd', 'samp', 'var', 'tt']);
/** Elements that start a new block of prose. */
const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'td', 'th', 'caption', 'figcaption', 'blockquote',
  'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'body', 'html', 'details', 'summary',
  'address', 'dl', 'ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'form', 'fieldset', 'legend', 'figure', 'hr',
  'title', 'label', 'button', 'option',
]);

/**
 * An element no reader sees: the `hidden` attribute, or an inline style with `display: none` or
 * `visibility: hidden` (a help centre's search tags, a template kept for scripts). Its text is not
 * prose to lint; accessibility rules still read the tree.
 */
function notShown(el: Element): boolean {
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  const style = typeof p.style === 'string' ? p.style.toLowerCase().replace(/\s+/g, '') : '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function kindOf(tag: string): { kind: BlockKind; depth?: number } {
  if (/^h[1-6]$/.test(tag)) return { kind: 'heading', depth: Number(tag[1]) };
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return { kind: 'list-item' };
  if (tag === 'td' || tag === 'th') return { kind: 'table-cell' };
  if (tag === 'caption' || tag === 'figcaption') return { kind: 'caption' };
  if (tag === 'p') return { kind: 'paragraph' };
  return { kind: 'other' };
}

const pos = (n: HastNode) => ({ s: n.position?.start?.offset, e: n.position?.end?.offset });

/**
 * Walks a hast tree without recursion (deeply nested HTML must not overflow
 * the stack) and collects prose blocks. `base` shifts offsets when the tree
 * was parsed from a slice of the file (raw HTML inside Markdown).
 */
export function collectHtmlProse(root: HastRoot | Element, text: string, ph: readonly Placeholder[], base: number, prose: ProseBlock[], comments: CommentNode[], quoteAtRoot = false): void {
  type Frame = { node: HastNode; exit?: false } | { exit: true; builder: BlockBuilder; kind: BlockKind; depth?: number; quote: boolean };
  const builders: BlockBuilder[] = [new BlockBuilder(text, ph)];
  const quotes: boolean[] = [quoteAtRoot];
  const stack: Frame[] = [];
  const pushKids = (n: HastRoot | Element) => {
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ node: n.children[i] as HastNode });
  };
  pushKids(root);
  while (stack.length) {
    const f = stack.pop()!;
    if (f.exit) {
      const block = f.builder.build(f.kind, f.quote, f.depth);
      if (block) prose.push(block);
      builders.pop();
      quotes.pop();
      builders[builders.length - 1].addBreak();
      continue;
    }
    const node = f.node;
    const current = builders[builders.length - 1];
    const { s, e } = pos(node);
    if (node.type === 'text') {
      if (s !== undefined && e !== undefined) current.addText(node.value, base + s, base + e);
      continue;
    }
    if (node.type === 'comment') {
      if (s !== undefined && e !== undefined) comments.push({ value: node.value, span: { start: base + s, end: base + e } });
      current.addBreak();
      continue;
    }
    if (node.type !== 'element') {
      if (node.type === 'root') pushKids(node);
      continue;
    }
    const tag = node.tagName;
    if (tag === 'template' && node.content) {
      // Comments inside <template> still hold directives; its text is not shown.
      continue;
    }
    if (SKIP.has(tag) || notShown(node)) {
      current.addBreak();
      continue;
    }
    if (tag === 'br' || tag === 'wbr') {
      current.addBreak();
      continue;
    }
    if (MASK.has(tag) || tag === 'img' || tag === 'input') {
      if (s !== undefined && e !== undefined) current.addMasked(base + s, base + e);
      if (tag === 'img') addAlt(node, text, ph, base, prose, quotes[quotes.length - 1]);
      continue;
    }
    if (tag === 'a' && isBareUrl(node)) {
      if (s !== undefined && e !== undefined) current.addMasked(base + s, base + e);
      continue;
    }
    if (BLOCK.has(tag)) {
      current.addBreak();
      const { kind, depth } = kindOf(tag);
      const quote = quotes[quotes.length - 1] || tag === 'blockquote';
      const builder = new BlockBuilder(text, ph);
      builders.push(builder);
      quotes.push(quote);
      stack.push({ exit: true, builder, kind, depth, quote });
      pushKids(node);
      continue;
    }
    pushKids(node);
  }
  const rest = builders[0].build('other', quoteAtRoot);
  if (rest) prose.push(rest);
}

function isBareUrl(a: Element): boolean {
  if (a.children.length !== 1 || a.children[0].type !== 'text') return false;
  const t = a.children[0].value.trim();
  return /^(https?:\/\/|www\.|mailto:)\S+$/i.test(t) || t === String(a.properties?.href ?? '');
}

function addAlt(img: Element, text: string, ph: readonly Placeholder[], base: number, prose: ProseBlock[], quote: boolean): void {
  const alt = img.properties?.alt;
  const { s, e } = pos(img);
  if (typeof alt !== 'string' || !alt.trim() || s === undefined || e === undefined) return;
  const tagText = text.slice(base + s, base + e);
  const m = /\balt\s*=\s*(["']?)/i.exec(tagText);
  if (!m) return;
  const at = base + s + m.index + m[0].length;
  const raw = m[1] ? text.slice(at, text.indexOf(m[1], at)) : (/^[^\s>]*/.exec(text.slice(at)) ?? [''])[0];
  const b = new BlockBuilder(text, ph);
  b.addText(alt, at, at + raw.length);
  const block = b.build('alt', quote);
  if (block) prose.push(block);
}
