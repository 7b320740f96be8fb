/** The shared document model: each file parsed once, read by every rule. */
import type { Root as MdRoot } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { raw } from 'hast-util-raw';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { Locator } from './location.js';
import { findPlaceholders, type Placeholder } from './placeholders.js';
import { parseMarkdown } from './parse-markdown.js';
import { collectHtmlProse, parseHtml, parseHtmlTree } from './parse-html.js';
import type { ProseBlock, Sentence } from './prose.js';
import type { CommentNode } from './comments.js';
import type { Channel, Span } from '../types.js';

export type DocKind = 'markdown' | 'html';

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
  /** Parsed front matter (Markdown), if any. */
  frontmatter?: Record<string, unknown>;
  /** Every sentence of every prose block, in file order. */
  readonly sentences: Sentence[];
  /** Elements of the hast by tag name, memoised. */
  elements(tag: string): readonly Element[];
  /** Source text of a span. */
  slice(span: Span): string;
}

export function kindOfPath(path: string): DocKind | undefined {
  const m = /\.([a-z]+)$/i.exec(path);
  const ext = m?.[1].toLowerCase();
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  return undefined;
}

/** Parses a file once into a Doc. `channel` is the configured one; front matter may still change it (see `frontmatterChannel`). */
export function createDoc(path: string, text: string, kind: DocKind, channel: Channel): Doc {
  const placeholders = findPlaceholders(text);
  const loc = new Locator(text);
  let mdast: MdRoot | undefined;
  let hast: HastRoot | undefined;
  let prose: ProseBlock[];
  let comments: CommentNode[];
  let frontmatter: Record<string, unknown> | undefined;
  let fragment = true;
  if (kind === 'markdown') {
    const md = parseMarkdown(text, placeholders);
    mdast = md.mdast;
    prose = md.prose;
    comments = md.comments;
    frontmatter = readFrontmatter(md.frontmatter);
    // Prose inside raw HTML blocks (e.g. a <details> or <table> in Markdown).
    for (const h of md.html) {
      if (h.inline || text.slice(h.start, h.end) !== h.value || !/<[a-z]/i.test(h.value)) continue;
      collectHtmlProse(parseHtmlTree(h.value, true), text, placeholders, h.start, prose, []);
    }
    prose.sort((a, b) => a.span.start - b.span.start);
  } else {
    const html = parseHtml(text, placeholders);
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
    frontmatter,
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
  return doc;
}

/** Renders Markdown to hast, raw HTML included, keeping source positions on every element. */
function markdownToHast(mdast: MdRoot, text: string): HastRoot {
  const tree = toHast(mdast, { allowDangerousHtml: true }) as HastRoot;
  const hasRaw = mdastHasHtml(mdast);
  if (!hasRaw) return tree;
  // The file lets hast-util-raw keep source positions on elements parsed from raw HTML.
  return raw(tree, { file: new VFile(text) }) as HastRoot;
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

function readFrontmatter(yaml: string | undefined): Record<string, unknown> | undefined {
  if (!yaml) return undefined;
  try {
    // Plain YAML only: no custom tags, no merge keys, bounded aliases (a front-matter YAML bomb must not hang us).
    const v = parseYaml(yaml, { customTags: [], merge: false, maxAliasCount: 100, uniqueKeys: false });
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `plainspoke: { channel: chat }` in front matter. */
export function frontmatterChannel(fm: Record<string, unknown> | undefined): unknown {
  const ps = fm?.plainspoke;
  return ps && typeof ps === 'object' ? (ps as Record<string, unknown>).channel : undefined;
}
