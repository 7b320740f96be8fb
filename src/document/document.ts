/** The shared document model: each file parsed once, read by every rule. */
import type { Root as MdRoot } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { VFile } from 'vfile';
import { createRequire } from 'node:module';
import { Locator } from './location.js';
import { findPlaceholders, placeholdersIn, type Placeholder } from './placeholders.js';
import { parseMarkdown } from './parse-markdown.js';
import { htmlSupport } from './load-html-support.js';
import type { ProseBlock, Sentence } from './prose.js';
import type { CommentNode } from './comments.js';
import type { Channel, Span } from '../types.js';

import type { DocKind } from './kind.js';
export { kindOfPath, type DocKind } from './kind.js';

/** Read-only view of one file that every rule receives. */
export interface Doc {
  path: string;
  kind: DocKind;
  text: string;
  loc: Locator;
  channel: Channel;
  /** Markdown source tree (Markdown files only). */
  mdast?: MdRoot;
  /** HTML tree with source positions: parsed for HTML files, rendered from the mdast (raw HTML included) for Markdown. */
  readonly hast: HastRoot;
  /** No `<html>` element: a fragment such as a help-centre export or a macro. */
  fragment: boolean;
  prose: ProseBlock[];
  placeholders: Placeholder[];
  comments: CommentNode[];
  /** The text's language (BCP 47 tag), when its source says: a help-desk export item's locale (src/sources/). */
  language?: string;
  /** Parsed front matter (Markdown), if any; parsed on first use. */
  readonly frontmatter?: Record<string, unknown>;
  /** Every sentence of every prose block, in file order. */
  readonly sentences: Sentence[];
  /** Elements of the hast by tag name, memoised. */
  elements(tag: string): readonly Element[];
  /** Source text of a span. */
  slice(span: Span): string;
}

/** Parses a file once into a Doc. `channel` is the configured one; front matter may still change it (config/front-matter.ts). */
export function createDoc(path: string, text: string, kind: DocKind, channel: Channel): Doc {
  const placeholders = findPlaceholders(text);
  const loc = new Locator(text);
  let mdast: MdRoot | undefined;
  let hast: HastRoot | undefined;
  let prose: ProseBlock[];
  let comments: CommentNode[];
  let frontmatterText: string | undefined;
  let frontmatter: Record<string, unknown> | undefined | null = null;
  let fragment = true;
  if (kind === 'markdown') {
    const md = parseMarkdown(text, placeholders);
    mdast = md.mdast;
    prose = md.prose;
    comments = md.comments;
    frontmatterText = md.frontmatter;
    // Prose inside raw HTML blocks (e.g. a <details> or <table> in Markdown).
    for (const h of md.html) {
      if (h.inline || text.slice(h.start, h.end) !== h.value || !/<[a-z]/i.test(h.value)) continue;
      const { collectHtmlProse, parseHtmlTree } = htmlSupport();
      collectHtmlProse(parseHtmlTree(h.value, true), text, placeholdersIn(placeholders, h.start, h.end), h.start, prose, []);
    }
    prose.sort((a, b) => a.span.start - b.span.start);
  } else {
    const html = htmlSupport().parseHtml(text, placeholders);
    hast = html.hast;
    fragment = html.fragment;
    prose = html.prose.sort((a, b) => a.span.start - b.span.start);
    comments = html.comments;
  }
  const byTag = new Map<string, Element[]>();
  let sentences: Sentence[] | undefined;
  const doc: Doc = {
    path,
    kind,
    text,
    loc,
    channel,
    mdast,
    get hast() {
      hast ??= markdownToHast(mdast!, text);
      return hast;
    },
    fragment,
    prose,
    placeholders,
    comments,
    get frontmatter() {
      if (frontmatter === null) frontmatter = readFrontmatter(frontmatterText);
      return frontmatter;
    },
    get sentences() {
      sentences ??= prose.flatMap((b) => b.sentences);
      return sentences;
    },
    elements(tag) {
      let list = byTag.get(tag);
      if (!list) {
        if (byTag.size === 0) indexElements(doc.hast, byTag);
        list = byTag.get(tag) ?? [];
        byTag.set(tag, list);
      }
      return list;
    },
    slice(span) {
      return text.slice(span.start, span.end);
    },
  };
  if (frontmatterText !== undefined) Object.defineProperty(doc, FRONT_TEXT, { value: frontmatterText });
  return doc;
}

/** Renders Markdown to hast, raw HTML included, keeping source positions on every element. */
function markdownToHast(mdast: MdRoot, text: string): HastRoot {
  const tree = toHast(mdast, { allowDangerousHtml: true }) as HastRoot;
  const hasRaw = mdastHasHtml(mdast);
  if (!hasRaw) return tree;
  // Only now: hast-util-raw and the HTML parser load on first need (load-html-support.ts).
  const { raw } = htmlSupport();
  // A file makes hast-util-raw keep source positions on elements parsed from raw HTML. It reads the
  // file's text only for the span of a root: the tree's, and each <template>'s content, which it then
  // sets from the tags when it has both. That is a line index of the whole text per <template>
  // (quadratic on a big file, issue 7), so it gets an empty file and the spans are set here.
  const out = raw(tree, { file: new VFile('') }) as HastRoot;
  const whole = wholeSpan(text);
  out.position = whole;
  fixTemplateSpans(out, whole);
  realignRawPositions(out, text, new Locator(text));
  return out;
}

type TreeSpan = NonNullable<HastRoot['position']>;

/** The span of the whole text as vfile-location gives it (columns in UTF-16 units). */
function wholeSpan(text: string): TreeSpan {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { start: { line: 1, column: 1, offset: 0 }, end: { line, column: text.length - lineStart + 1, offset: text.length } };
}

/** A <template> without both tags keeps the root span hast-util-raw gave it: the whole text's. */
function fixTemplateSpans(tree: HastRoot, whole: TreeSpan): void {
  const stack: (HastRoot | Element)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.children) if (child.type === 'element') stack.push(child);
    if (node.type === 'element' && node.content) {
      const p = node.content.position;
      if (p && p.start.offset === 0 && p.end.offset === 0) node.content.position = { start: { ...whole.start }, end: { ...whole.end } };
      stack.push(node.content as never);
    }
  }
}

/**
 * hast-util-raw parses raw HTML from the html node's value, which lacks the
 * container prefixes of list items and blockquotes (`  `, `> `). Lines come
 * out right but columns are early by the prefix and offsets drift a line per
 * line. Such positions disagree with their own line and column; for those we
 * find the tag on its line and put the element there.
 */
function realignRawPositions(tree: HastRoot, text: string, loc: Locator): void {
  const stack: (HastRoot | Element)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    for (const child of node.children) if (child.type === 'element') stack.push(child);
    if (node.type !== 'element' || !node.position?.start) continue;
    const { start, end } = node.position;
    if (start.offset === undefined) continue;
    const consistent = loc.offset(start.line, start.column) === start.offset;
    // A consistent position can still sit on a container prefix (`> <img>` on a quote's first line).
    const c = text.charCodeAt(start.offset);
    if (consistent && !(c === 62 || c === 32 || c === 9)) continue;
    const from = loc.offset(start.line, start.column);
    const lineEnd = start.line < loc.lineCount ? loc.lineStart(start.line + 1) : text.length;
    const at = findTag(text, `<${node.tagName}`, from, lineEnd);
    if (at === -1) continue;
    const shift = at - from;
    const p = loc.point(at);
    node.position.start = { line: p.line, column: p.column, offset: at };
    if (end?.offset !== undefined) {
      const endFrom = loc.offset(end.line, end.column) + (end.line === start.line ? shift : 0);
      const e = loc.point(Math.max(at, endFrom));
      node.position.end = { line: e.line, column: e.column, offset: Math.max(at, endFrom) };
    }
  }
}

/** Case-insensitive search for a tag opener within a range. */
function findTag(text: string, needle: string, from: number, to: number): number {
  const lower = needle.toLowerCase();
  for (let i = from; i + lower.length <= to; i++) {
    if (text.charCodeAt(i) === 60 && text.slice(i, i + lower.length).toLowerCase() === lower) return i;
  }
  return -1;
}

function mdastHasHtml(mdast: MdRoot): boolean {
  const stack: { type: string; children?: unknown[] }[] = [mdast];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'html') return true;
    if (n.children) for (const c of n.children) stack.push(c as never);
  }
  return false;
}

function indexElements(root: HastRoot, byTag: Map<string, Element[]>): void {
  const stack: (HastRoot | Element)[] = [root];
  const order: Element[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'element') order.push(n);
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k.type === 'element') stack.push(k);
    }
    if (n.type === 'element' && n.content) stack.push(n.content as never);
  }
  for (const el of order) {
    let list = byTag.get(el.tagName);
    if (!list) byTag.set(el.tagName, (list = []));
    list.push(el);
  }
}

/** yaml loads on first use (it is CommonJS, so a synchronous require is safe): most files have no front matter to read. */
let yamlParse: typeof import('yaml').parse | undefined;

function readFrontmatter(yaml: string | undefined): Record<string, unknown> | undefined {
  if (!yaml) return undefined;
  const parseYaml = (yamlParse ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse);
  try {
    // Plain YAML only: no custom tags, no merge keys, bounded aliases (a front-matter YAML bomb must not hang us).
    const v = parseYaml(yaml, { customTags: [], merge: false, maxAliasCount: 100, uniqueKeys: false });
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const FRONT_TEXT = Symbol('frontmatterText');

/** The raw YAML of a Markdown file's front matter, if any (config/front-matter.ts reads plainspoke's settings from it). */
export function frontmatterTextOf(doc: Doc): string | undefined {
  return (doc as { [FRONT_TEXT]?: string })[FRONT_TEXT];
}

