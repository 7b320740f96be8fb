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

const newProcessor = () => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/**
 * Issue 19: three GFM constructs are tried far more often than they can match. The e-mail
 * literal is tried at the start of every word (and splits every text run there, which
 * micromark then merges again), the table at the start of every paragraph line, and the
 * footnote at every `[` and `]`. Each needs a character the text may not hold at all: an
 * e-mail literal needs `@`; a table's delimiter row needs `|`, `:-` or `-:` (a row of
 * hyphens needs a pipe or an alignment colon to be one); a footnote call or
 * definition needs `[^`. A text without them is parsed by a processor without those
 * constructs: a construct that cannot match leaves no trace, so the tree is the same
 * (test/markdown-variants.test.ts compares both over the fixtures and generated texts).
 */
const EMAIL = 1;
const TABLE = 2;
const FOOTNOTE = 4;
const ALL_FEATURES = EMAIL | TABLE | FOOTNOTE;

/** The construct names each feature adds to micromark (micromark-extension-gfm-*). */
const FEATURE_CONSTRUCTS: readonly [number, ReadonlySet<string>][] = [
  [EMAIL, new Set(['emailAutolink'])],
  [TABLE, new Set(['table'])],
  [FOOTNOTE, new Set(['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'])],
];

/** The GFM features a text could use: a feature whose telltale characters are missing is left out. */
export function markdownFeatures(text: string): number {
  let features = 0;
  if (text.includes('@')) features |= EMAIL;
  if (text.includes('|') || text.includes(':-') || text.includes('-:')) features |= TABLE;
  if (text.includes('[^')) features |= FOOTNOTE;
  return features;
}

/** A micromark syntax extension without the constructs named in `drop` (the same object when none is there). */
function withoutConstructs(ext: unknown, drop: ReadonlySet<string>): unknown {
  if (Array.isArray(ext)) return ext.map((e) => withoutConstructs(e, drop));
  if (!ext || typeof ext !== 'object') return ext;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [field, table] of Object.entries(ext as Record<string, unknown>)) {
    out[field] = table;
    if (!table || typeof table !== 'object' || Array.isArray(table)) continue;
    const kept: Record<string, unknown> = {};
    let fieldChanged = false;
    for (const [code, list] of Object.entries(table as Record<string, unknown>)) {
      const items = Array.isArray(list) ? list : [list];
      const left = items.filter((c) => !(c && typeof c === 'object' && drop.has((c as { name?: string }).name ?? '')));
      if (left.length !== items.length) fieldChanged = true;
      if (left.length) kept[code] = left.length === items.length ? list : left;
    }
    if (fieldChanged) {
      out[field] = kept;
      changed = true;
    }
  }
  return changed ? out : ext;
}

type MdParser = (text: string) => MdRoot;

const parsers = new Map<number, MdParser>();

/** The parser for texts with these features (built once per set of features). */
function parserFor(features: number): MdParser {
  const parse = parsers.get(features);
  if (parse) return parse;
  return makeParser(features)[0];
}

/**
 * Builds and keeps the parser for these features; also returns how many autolink transforms it guarded. Each
 * is made at its first use (issue 19): a run made the parser with every feature when it loaded, and a text
 * without `@`, `|` or `[^` (most articles) then made a second one.
 */
function makeParser(features: number): [MdParser, number] {
  const p = newProcessor();
  if (features !== ALL_FEATURES) {
    const drop = new Set<string>();
    for (const [feature, names] of FEATURE_CONSTRUCTS) if (!(features & feature)) for (const n of names) drop.add(n);
    const exts = p.data('micromarkExtensions') as unknown[];
    exts.splice(0, exts.length, ...exts.map((e) => withoutConstructs(e, drop)));
  }
  const guarded = guardAutolinkTransform(p.data('fromMarkdownExtensions'));
  const parse: MdParser = (text) => p.parse(text) as MdRoot;
  parsers.set(features, parse);
  return [parse, guarded];
}

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

/**
 * Internal, for tests: GFM autolink-literal transforms wrapped by guardAutolinkTransform (1 when the dependency is
 * as expected), counted in the parser for texts without `@`, `|` or `[^`, made now: the one most articles need.
 */
export const autolinkTransformsGuarded = makeParser(0)[1];

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

/**
 * The mdast of a Markdown text: whole, or in chunks when it is big (the same tree).
 * Work is bounded (bound-markdown.ts): container markers past the limit on a line, inline
 * markers past a cap per paragraph and table cells past a cap per table are parsed as
 * text, a paragraph is broken every 2,000 lines (same offsets), and the tree is
 * flattened below a fixed depth.
 */
export function parseMdast(text: string, opts: ChunkOptions = markdownChunking): MdRoot {
  const bounded = boundMarkdown(text);
  return flattenDeepNodes(parseMaybeChunked(bounded, parserFor(markdownFeatures(bounded)), opts));
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
