/** Markdown → mdast and prose blocks (remark-parse + GFM + front matter). */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root as MdRoot, Nodes as MdNode, Parents as MdParent } from 'mdast';
import { BlockBuilder, type BlockKind, type ProseBlock } from './prose.js';
import { placeholdersIn, type Placeholder } from './placeholders.js';
import type { CommentNode } from './comments.js';
import { parseMaybeChunked, type ChunkOptions } from './markdown-chunks.js';
import { boundContainerMarkers, boundInlineMarkers, boundParagraphLines, boundTableCells, flattenDeepNodes } from './bound-markdown.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/**
 * Issue 19: GFM's autolink-literal transform walks the whole tree four times (one pass per
 * pattern: URL, xmpp:, mailto:, e-mail), about 3% of a Markdown file's CPU, almost always to
 * find nothing. Each pattern needs `@`, `http://`, `https://` or `www.` in a text node outside
 * a link, so the transform runs only when some text node has one: the tree is the same.
 */
const AUTOLINK_TRANSFORM = 'transformGfmAutolinkLiterals';
const AUTOLINK_CANDIDATE = /@|https?:\/\/|www\./i;

type Transform = (tree: MdRoot) => MdRoot | undefined | void;

/** Whether a text node outside links and link references could hold a GFM literal autolink. */
export function mayHaveAutolinkLiteral(tree: MdRoot): boolean {
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (AUTOLINK_CANDIDATE.test(node.value)) return true;
    } else if (node.type !== 'link' && node.type !== 'linkReference' && 'children' in node) {
      for (const child of node.children as MdNode[]) stack.push(child);
    }
  }
  return false;
}

/** Wraps GFM's autolink-literal transform in the check above; returns how many transforms it wrapped (1; a test checks). */
function guardAutolinkTransform(exts: unknown): number {
  let wrapped = 0;
  const visit = (ext: unknown): void => {
    if (Array.isArray(ext)) return ext.forEach(visit);
    const transforms = (ext as { transforms?: Transform[] } | undefined)?.transforms;
    if (!Array.isArray(transforms)) return;
    transforms.forEach((t, i) => {
      // A bundler may rename it with a suffix (`…$1`).
      if (t.name !== AUTOLINK_TRANSFORM && !t.name.startsWith(`${AUTOLINK_TRANSFORM}$`)) return;
      transforms[i] = (tree) => (mayHaveAutolinkLiteral(tree) ? t(tree) : undefined);
      wrapped++;
    });
  };
  visit(exts);
  return wrapped;
}

/** Internal, for tests: GFM autolink-literal transforms wrapped by guardAutolinkTransform (1 when the dependency is as expected). */
export const autolinkTransformsGuarded = guardAutolinkTransform(processor.data('fromMarkdownExtensions'));

export interface ParsedMarkdown {
  mdast: MdRoot;
  prose: ProseBlock[];
  comments: CommentNode[];
  frontmatter?: string;
  /** Raw HTML in the Markdown (blocks and inline), for the HTML-aware rules. */
  html: { value: string; start: number; end: number; inline: boolean }[];
}

/**
 * Internal, for tests: the length from which Markdown is parsed in chunks and
 * the chunk size (markdown-chunks.ts). Not a config key: the tree is the same
 * either way, only the time differs.
 */
export const markdownChunking: ChunkOptions = {};

const parseWhole = (text: string) => processor.parse(text) as MdRoot;

/**
 * The mdast of a Markdown text: whole, or in chunks when it is big (the same tree).
 * Work is bounded (bound-markdown.ts): container markers past the limit on a line, inline
 * markers past a cap per paragraph and table cells past a cap per table are parsed as
 * text, a paragraph is broken every 2,000 lines (same offsets), and the tree is
 * flattened below a fixed depth.
 */
export function parseMdast(text: string, opts: ChunkOptions = markdownChunking): MdRoot {
  return flattenDeepNodes(parseMaybeChunked(boundMarkdown(text), parseWhole, opts));
}

/** Every bound of bound-markdown.ts; the same text (and string) for an ordinary document. */
function boundMarkdown(text: string): string {
  return boundParagraphLines(boundTableCells(boundInlineMarkers(boundContainerMarkers(text))));
}

/** When each tree's parse began (performance.now()), so later stages can tell how much of the file's time is left. */
const parseStarted = new WeakMap<MdRoot, number>();

/** performance.now() when this Markdown tree's parse began; undefined for a tree not made here. */
export function markdownParseStarted(mdast: MdRoot | undefined): number | undefined {
  return mdast ? parseStarted.get(mdast) : undefined;
}

export function parseMarkdown(text: string, placeholders: readonly Placeholder[]): ParsedMarkdown {
  const started = performance.now();
  const mdast = parseMdast(text);
  parseStarted.set(mdast, started);
  const out: ParsedMarkdown = { mdast, prose: [], comments: [], html: [] };
  walkBlocks(mdast, text, placeholders, out, false, false);
  return out;
}

const start = (n: MdNode) => n.position?.start?.offset ?? 0;
const end = (n: MdNode) => n.position?.end?.offset ?? start(n);

/** Iterative over containers so a 10,000-deep blockquote cannot overflow the stack. */
function walkBlocks(root: MdParent, text: string, ph: readonly Placeholder[], out: ParsedMarkdown, q: boolean, li: boolean): void {
  const stack: [MdNode, boolean, boolean][] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push([root.children[i], q, li]);
  while (stack.length) {
    const [node, quote, inList] = stack.pop()!;
    if ((node.type as string) === 'toml') continue;
    switch (node.type) {
      case 'yaml':
        out.frontmatter ??= node.value;
        break;
      case 'paragraph':
        addBlock(node, inList ? 'list-item' : 'paragraph', quote, text, ph, out);
        break;
      case 'heading':
        addBlock(node, 'heading', quote, text, ph, out, node.depth);
        break;
      case 'tableCell':
        addBlock(node, 'table-cell', quote, text, ph, out);
        break;
      case 'html':
        collectHtml(node.value, start(node), end(node), false, out);
        break;
      case 'code':
      case 'thematicBreak':
      case 'definition':
        break;
      default:
        if ('children' in node) {
          const childQuote = quote || node.type === 'blockquote';
          const childList = inList || node.type === 'listItem';
          const kids = node.children as MdNode[];
          for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], childQuote, childList]);
        }
    }
  }
}

function addBlock(node: MdParent, kind: BlockKind, quote: boolean, text: string, all: readonly Placeholder[], out: ParsedMarkdown, depth?: number): void {
  // Only the block's own placeholders: the builder walks its list for every text node.
  const ph = node.position ? placeholdersIn(all, start(node), end(node)) : all;
  const b = new BlockBuilder(text, ph);
  addInline(node, b, text, ph, out, quote);
  const block = b.build(kind, quote, depth);
  if (block) out.prose.push(block);
}

function addInline(parent: MdParent, b: BlockBuilder, text: string, ph: readonly Placeholder[], out: ParsedMarkdown, quote: boolean): void {
  for (const node of parent.children as MdNode[]) {
    switch (node.type) {
      case 'text':
        b.addText(node.value, start(node), end(node));
        break;
      case 'inlineCode':
        b.addMasked(start(node), end(node));
        break;
      case 'break':
        b.addBreak();
        break;
      case 'html':
        collectHtml(node.value, start(node), end(node), true, out);
        b.addBreak();
        break;
      case 'image':
      case 'imageReference': {
        // The image is a word in its sentence; its alt text is a block of its own.
        b.addMasked(start(node), end(node));
        const alt = node.alt ?? '';
        // Search the image's own source only: a miss must not scan the rest of a big file.
        const rel = alt ? text.slice(start(node), end(node)).indexOf(alt) : -1;
        const at = rel === -1 ? -1 : start(node) + rel;
        if (alt && at !== -1) {
          const ab = new BlockBuilder(text, ph);
          ab.addText(alt, at, at + alt.length);
          const block = ab.build('alt', quote);
          if (block) out.prose.push(block);
        }
        break;
      }
      case 'link': {
        const only = node.children.length === 1 ? node.children[0] : undefined;
        // A bare URL or e-mail address is not prose.
        if (only?.type === 'text' && (only.value === node.url || `mailto:${only.value}` === node.url || /^(https?:|www\.)/i.test(only.value))) {
          b.addMasked(start(node), end(node));
        } else addInline(node, b, text, ph, out, quote);
        break;
      }
      case 'footnoteReference':
        b.addBreak();
        break;
      default:
        if ('children' in node) addInline(node as MdParent, b, text, ph, out, quote);
    }
  }
}

function collectHtml(value: string, s: number, e: number, inline: boolean, out: ParsedMarkdown): void {
  out.html.push({ value, start: s, end: e, inline });
  // HTML comments carry the inline directives.
  let i = value.indexOf('<!--');
  while (i !== -1) {
    const close = value.indexOf('-->', i + 4);
    const stop = close === -1 ? value.length : close + 3;
    out.comments.push({ value: value.slice(i + 4, close === -1 ? value.length : close), span: { start: s + i, end: s + stop } });
    i = value.indexOf('<!--', stop);
  }
}
