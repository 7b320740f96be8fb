/**
 * Bounds on how deep Markdown may nest (issue 20, item 8). micromark and
 * mdast-util-from-markdown are quadratic in the nesting of containers on one
 * line (`> > > …`, `- - - …`: each list is prepared again for every level),
 * and unist-util-visit copies the ancestor list at every node, so a 50 KB line
 * of markers ran for minutes. Real documents nest a handful of levels.
 *
 * Two guards, both no-ops for ordinary documents:
 * - `boundContainerMarkers` rewrites, before parsing, the container markers of
 *   a line past the first MAX_LINE_CONTAINERS into no-break spaces of the same
 *   length, so every offset stays the same and the deep part is read as text
 *   without words;
 * - `boundInlineMarkers` does the same, before parsing, for the inline
 *   markers micromark resolves in time quadratic in their number within one
 *   paragraph (emphasis `*` `_` `~` runs, `[` `]`, backtick runs): past a cap
 *   per run of non-blank lines, they are read as text;
 * - `flattenDeepNodes` lifts, after parsing, everything below MAX_TREE_DEPTH
 *   up to that depth (paragraphs and headings keep their words, other
 *   containers are dropped), so no walker meets a tree deeper than that.
 */
import type { Nodes, Parents, Root } from 'mdast';

/** Container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) kept on one line. */
export const MAX_LINE_CONTAINERS = 32;
/** Depth of the tree below which nodes are lifted. */
export const MAX_TREE_DEPTH = 96;

const NBSP = '\u00a0';

/** The text with container markers past the limit on each line turned into no-break spaces (same length). */
export function boundContainerMarkers(text: string, max = MAX_LINE_CONTAINERS): string {
  // Fast path: a line needs at least `max` marker characters; count them cheaply first.
  if (!mayNestDeeply(text, max)) return text;
  let out: string[] | undefined;
  let copied = 0;
  const n = text.length;
  let lineStart = 0;
  while (lineStart < n) {
    let i = lineStart;
    let count = 0;
    let cutFrom = -1;
    for (let first = true; ; first = false) {
      let width = 0;
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) width += text.charCodeAt(i++) === 9 ? 4 : 1;
      // Lists nested by indentation: every four columns before the first marker count as two levels.
      if (first) count += Math.floor(width / 4) * 2 > max ? max : 0;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      let len = 0;
      if (c === 62 /* > */) len = 1;
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpaceOrEnd(text, i + 1)) len = 1;
      else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) /* . ) */ && isSpaceOrEnd(text, j + 1)) len = j + 1 - i;
      }
      if (!len) break;
      count++;
      if (count === max + 1) cutFrom = i;
      i += len;
    }
    if (cutFrom !== -1) {
      out ??= [];
      out.push(text.slice(copied, cutFrom));
      // Markers become no-break spaces; the spaces and tabs between them stay.
      let piece = '';
      for (let k = cutFrom; k < i; k++) {
        const c = text.charCodeAt(k);
        piece += c === 32 || c === 9 ? text[k] : NBSP;
      }
      out.push(piece);
      copied = i;
    }
    // The next line (a scan, not indexOf: a file without \r must not be searched to its end on every line).
    while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    lineStart = i + 1;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

function isSpaceOrEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Whether some line could start with more than `max` markers: any line with that many marker characters. */
function mayNestDeeply(text: string, max: number): boolean {
  let run = 0;
  let lead = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      run = 0;
      lead = 0;
      atStart = true;
    } else if (atStart && (c === 32 || c === 9)) {
      if ((lead += c === 9 ? 4 : 1) > 2 * max) return true;
    } else {
      atStart = false;
      if (c === 62 || c === 45 || c === 42 || c === 43 || c === 46 || c === 41) {
        if (++run > max) return true;
      }
    }
  }
  return false;
}

/**
 * Markers of each kind kept in one run of non-blank lines (a paragraph lies
 * within one). Ordinary paragraphs hold a few dozen; micromark's cost grows
 * with the square of the count within a paragraph. Brackets count only when
 * they cannot make a link (see boundInlineMarkers): links themselves are linear.
 */
export const MAX_INLINE_MARKERS = { attention: 1000, bracket: 1000, backtick: 32 } as const;

type MarkerKind = keyof typeof MAX_INLINE_MARKERS;

/**
 * Inline markers of all kinds kept in one run of non-blank lines, links and code
 * spans included: 200,000 backtick runs (`a`a`a…) took 430 MiB to parse (issue 20).
 */
export const MAX_INLINE_TOTAL = 50_000;

/** `<` that open inline HTML or an autolink with no `>` (or `-->`) after them in the paragraph, kept per paragraph. */
export const MAX_UNCLOSED_HTML = 32;

/** Characters that may open a line's block structure (indent, markers, fences, rules, headings). */
function isLinePrefixChar(c: number): boolean {
  // space tab > * - + _ ` ~ = # . ) 0-9
  return c === 32 || c === 9 || c === 62 || c === 42 || c === 45 || c === 43 || c === 95 || c === 96 || c === 126 || c === 61 || c === 35 || c === 46 || c === 41 || (c >= 48 && c <= 57);
}

function kindOf(c: number): MarkerKind | undefined {
  if (c === 42 || c === 95 || c === 126) return 'attention';
  if (c === 91 || c === 93) return 'bracket';
  if (c === 96) return 'backtick';
  return undefined;
}

/** A line that defines a link reference or footnote (`[label]: …`), maybe inside a blockquote. */
const DEFINITION_LINE = /(?:^|\n)[ \t>]*\[[^\]\n]+\]:/;

/**
 * The text with inline markers past the caps (per run of non-blank lines) turned
 * into no-break spaces of the same length. Markers in a line's leading block
 * structure (list markers, fences, thematic breaks, a definition's label) are
 * never counted or changed.
 *
 * Emphasis runs count each. Backtick runs count when they are text (no run
 * of the same length follows to close them). Brackets count only when they are
 * text whatever follows: a `]` with no `[` open before it, or a `[…]` pair
 * that cannot be a link because the document has no definitions (for `[a]`,
 * `[a][b]`, `[a][]`) or no `)` follows in the paragraph (for `[a](`). Past the
 * cap such a pair becomes no-break spaces; links are never touched.
 */
export function boundInlineMarkers(text: string, caps: { readonly [K in MarkerKind]: number } = MAX_INLINE_MARKERS): string {
  if (!mayPassCaps(text, caps)) return text;
  const n = text.length;
  const definitions = DEFINITION_LINE.test(text);
  let chars: string[] | undefined;
  const blank = (i: number) => {
    (chars ??= text.split(''))[i] = NBSP;
  };
  let regionStart = 0;
  while (regionStart < n) {
    // The run of non-blank lines from regionStart: its end (the start of the blank line after it), and its last `)`.
    let lastParen = -1;
    let lastGt = -1;
    let lastCommentEnd = -1;
    let lineStart = regionStart;
    let lineBlank = true;
    let i = regionStart;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (lineBlank) break;
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineStart = i + 1;
        lineBlank = true;
      } else {
        if (c !== 32 && c !== 9) lineBlank = false;
        if (c === 41) lastParen = i;
        else if (c === 62 /* > */) {
          lastGt = i;
          if (text.charCodeAt(i - 1) === 45 && text.charCodeAt(i - 2) === 45) lastCommentEnd = i;
        }
      }
    }
    const regionEnd = lineBlank ? lineStart : n;
    const counts = { attention: 0, bracket: 0, backtick: 0, html: 0 };
    let total = 0;
    const open: number[] = [];
    /** Backtick runs: start, length, start, length… */
    const ticks: number[] = [];
    let inPrefix = true;
    let prevRun = -1;
    for (let i = regionStart; i < regionEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        inPrefix = true;
        prevRun = -1;
        continue;
      }
      if (inPrefix && isLinePrefixChar(c)) continue;
      if (inPrefix && c === 91 /* [ */) {
        // A definition (`[label]: url`, `[^note]:`) is block structure: its label is not counted.
        let j = i + 1;
        while (j < regionEnd && text.charCodeAt(j) !== 93 && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        if (text.charCodeAt(j) === 93 && text.charCodeAt(j + 1) === 58) {
          inPrefix = false;
          prevRun = -1;
          i = j + 1;
          continue;
        }
      }
      if (c === 60 /* < */ && !inPrefix) {
        // Inline HTML or an autolink that cannot close in this paragraph is text, and micromark reads to the
        // paragraph's end looking for its `>` or `-->` each time. A `<` starting a line may open an HTML block: kept.
        const d = text.charCodeAt(i + 1);
        const comment = d === 33 && text.charCodeAt(i + 2) === 45 && text.charCodeAt(i + 3) === 45;
        const opens = comment || d === 33 || d === 63 || d === 47 || (d >= 65 && d <= 90) || (d >= 97 && d <= 122);
        if (opens && (comment ? lastCommentEnd < i : lastGt < i) && ++counts.html > MAX_UNCLOSED_HTML) blank(i);
        prevRun = -1;
        continue;
      }
      inPrefix = false;
      if (c === 92 /* \ */) {
        i++; // an escaped character is text already
        prevRun = -1;
        continue;
      }
      const kind = kindOf(c);
      if (!kind) {
        prevRun = -1;
        continue;
      }
      // Every construct costs micromark about a kilobyte while it parses: past MAX_INLINE_TOTAL markers
      // of any kind in one region, the rest is text.
      if (kind !== 'attention' || prevRun !== c) total++;
      if (total > MAX_INLINE_TOTAL) {
        blank(i);
        prevRun = kind === 'attention' ? c : -1;
        continue;
      }
      if (kind === 'bracket') {
        prevRun = -1;
        if (c === 91) {
          open.push(i);
          continue;
        }
        const o = open.pop();
        const next = text.charCodeAt(i + 1);
        const literal = o === undefined || (next === 40 /* ( */ ? lastParen < i : !definitions);
        if (!literal) continue;
        if (++counts.bracket > caps.bracket) {
          blank(i);
          if (o !== undefined) blank(o);
        }
        continue;
      }
      if (kind === 'backtick') {
        // Judged per run once the region is read: see below.
        let j = i + 1;
        while (j < regionEnd && text.charCodeAt(j) === 96) j++;
        ticks.push(i, j - i);
        i = j - 1;
        prevRun = -1;
        continue;
      }
      // A run of the same character (`**`, `~~`) is one marker.
      const fresh = prevRun !== c;
      prevRun = c;
      if (fresh) counts[kind]++;
      if (counts[kind] > caps[kind]) blank(i);
    }
    // A backtick run opens code when a run of the same length follows, and closes the code it opened;
    // any other run is text, and micromark looks for its closer to the paragraph's end. Past the cap
    // such runs become no-break spaces.
    if (ticks.length / 2 > caps.backtick) {
      const later = new Map<number, number>();
      for (let k = 1; k < ticks.length; k += 2) later.set(ticks[k], (later.get(ticks[k]) ?? 0) + 1);
      let inCode = 0;
      let literal = 0;
      for (let k = 0; k < ticks.length; k += 2) {
        const len = ticks[k + 1];
        later.set(len, later.get(len)! - 1);
        if (inCode) {
          if (len === inCode) inCode = 0;
          continue;
        }
        if (later.get(len)! > 0) inCode = len;
        else if (++literal > caps.backtick) for (let m = 0; m < len; m++) blank(ticks[k] + m);
      }
    }
    // On to the line holding the next text after the blank line(s).
    let next = regionEnd;
    while (next < n && (text.charCodeAt(next) === 10 || text.charCodeAt(next) === 13 || text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
    while (next < n && next > regionEnd && text.charCodeAt(next - 1) !== 10 && text.charCodeAt(next - 1) !== 13) next--;
    regionStart = next > regionStart ? next : n;
  }
  return chars ? chars.join('') : text;
}

/**
 * A cheap first look: whether some cap could be passed. Each count of boundInlineMarkers is per region and
 * at most the number of its characters in the whole text (`<` for HTML, `]` for brackets, a backtick per
 * run, `*_~` for attention, all of them for the total), so when no character count passes its cap the text
 * comes back unchanged. Counted with indexOf (issue 19): the old first look passed once the text held more
 * markers in all than the smallest cap (32), which most files do, and the full scan ran; the bounds fell
 * from 112 to 68 ms of CPU on login-gov-help and github-site-policy in one thread.
 */
function mayPassCaps(text: string, caps: { readonly [K in MarkerKind]: number }): boolean {
  const html = countUpTo(text, '<', MAX_UNCLOSED_HTML);
  const backtick = countUpTo(text, '`', caps.backtick);
  const close = countUpTo(text, ']', caps.bracket);
  const attention = countUpTo(text, '*', caps.attention) + countUpTo(text, '_', caps.attention) + countUpTo(text, '~', caps.attention);
  if (html > MAX_UNCLOSED_HTML || backtick > caps.backtick || close > caps.bracket || attention > caps.attention) return true;
  const left = MAX_INLINE_TOTAL - backtick - close - attention;
  return countUpTo(text, '[', left) > left;
}

/** How many times `ch` occurs in the text, counting no further than one past `limit`. */
function countUpTo(text: string, ch: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1 && n <= limit; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Table cells (`|`) kept in one run of non-blank lines. micromark makes a
 * tokenizer for every cell: a 400 KB table of 2,000 columns made 96,000 of
 * them, took 20 s and about 1 GB, and ran a worker out of memory (issue 20).
 */
export const MAX_TABLE_CELLS = 16_000;

/**
 * The text with the `|` of later rows turned into no-break spaces (same length)
 * once a run of non-blank lines holds more than `max`: the first two lines (a
 * table's header and delimiter row) are kept, and each later row past the
 * budget becomes one cell holding its text.
 */
export function boundTableCells(text: string, max = MAX_TABLE_CELLS): string {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 124 && ++total > max) break;
  if (total <= max) return text;
  let chars: string[] | undefined;
  const n = text.length;
  let lineStart = 0;
  let lineInRegion = 0;
  let count = 0;
  while (lineStart < n) {
    let end = lineStart;
    let pipes = 0;
    let blank = true;
    for (; end < n; end++) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      if (c === 92) end++;
      else if (c === 124) pipes++;
      else if (c !== 32 && c !== 9) blank = false;
    }
    if (blank && !pipes) {
      lineInRegion = 0;
      count = 0;
    } else {
      lineInRegion++;
      count += pipes;
      if (count > max && lineInRegion > 2 && pipes) {
        chars ??= text.split('');
        for (let k = lineStart; k < end; k++) {
          const c = text.charCodeAt(k);
          if (c === 92) k++;
          else if (c === 124) chars[k] = NBSP;
        }
      }
    }
    lineStart = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return chars ? chars.join('') : text;
}

/**
 * Lines in one run of non-blank lines. micromark merges a paragraph's text
 * tokens line by line with a splice of the paragraph's whole event list, so a
 * paragraph of 10,000 lines (10k Liquid `{% if %}` lines) is quadratic; so is
 * a run of 10,000 definitions.
 */
export const MAX_PARAGRAPH_LINES = 2000;

/**
 * The text with one line made blank (spaces, same length) after every
 * MAX_PARAGRAPH_LINES lines of a run of non-blank lines, so no paragraph grows
 * past that. Only a line that starts with a letter, a digit, `{` or `[` (text or
 * a definition, not other markup) outside fenced code is blanked; its words are
 * not linted (a blanked definition is not defined).
 */
export function boundParagraphLines(text: string, max = MAX_PARAGRAPH_LINES): string {
  // Fast path: fewer lines than the limit in the whole text.
  let newlines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && newlines <= max; i = text.indexOf('\n', i + 1)) newlines++;
  if (newlines <= max) return text;
  let chars: string[] | undefined;
  const n = text.length;
  let lineStart = 0;
  let run = 0;
  let fence = '';
  while (lineStart < n) {
    let end = lineStart;
    let blank = true;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) {
      const c = text.charCodeAt(end);
      if (c !== 32 && c !== 9) blank = false;
      end++;
    }
    let first = lineStart;
    while (first < end && first - lineStart < 4 && text.charCodeAt(first) === 32) first++;
    const head = text.slice(first, first + 3);
    if (head === '```' || head === '~~~') fence = fence ? (head === fence ? '' : fence) : head;
    if (blank) run = 0;
    else if (!fence && ++run > max && first - lineStart < 4 && /^[\p{L}\p{N}{[]/u.test(text.slice(first, first + 2))) {
      chars ??= text.split('');
      for (let k = lineStart; k < end; k++) chars[k] = ' ';
      run = 0;
    }
    lineStart = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return chars ? chars.join('') : text;
}

/** Phrasing containers: lifted whole (their words stay a block), with their own content flattened to leaves. */
const BLOCKS_WITH_WORDS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Lifts every node below `max` levels up to that depth, in document order.
 * Returns the same root; unchanged when the tree is shallow enough.
 */
export function flattenDeepNodes(root: Root, max = MAX_TREE_DEPTH): Root {
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    const parent = node as Parents;
    if (depth >= max) {
      parent.children = lift(parent, BLOCKS_WITH_WORDS.has(parent.type)) as typeof parent.children;
      continue;
    }
    for (const k of parent.children as Nodes[]) stack.push([k, depth + 1]);
  }
  return root;
}

/** The nodes below `node` that stay: leaves, and (outside phrasing) paragraphs and headings with their leaves. */
function lift(node: Parents, phrasing: boolean): Nodes[] {
  const out: Nodes[] = [];
  const stack: Nodes[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  while (stack.length) {
    const d = stack.pop()!;
    if (!('children' in d) || !d.children.length) {
      if (!('children' in d)) out.push(d);
      continue;
    }
    if (!phrasing && BLOCKS_WITH_WORDS.has(d.type)) {
      const p = d as Parents;
      p.children = lift(p, true) as typeof p.children;
      out.push(d);
      continue;
    }
    const kids = (d as Parents).children as Nodes[];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}
