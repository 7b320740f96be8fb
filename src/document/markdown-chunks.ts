/**
 * Big Markdown parsed in chunks (issue 7: a 5 MB file must lint within its
 * time budget). micromark is superlinear on one huge document (its event
 * list is re-spliced as a whole), but linear on pieces of a few dozen KB.
 *
 * The text is cut only where nothing can span the cut: at the start of a line
 * that follows a blank line and begins at column 0 with a character that
 * cannot continue a list, a blockquote, indented code or a table, outside
 * front matter, fenced code and the HTML blocks that can hold blank lines.
 * A line scanner proposes such cuts; the parser then confirms each one: every
 * chunk but the last is parsed with a sentinel line after it, and a node that
 * swallows the sentinel (an unclosed fence or `<pre>` the scanner missed)
 * means the cut was wrong, so the chunk grows to a later cut and is parsed
 * again. Each chunk is parsed with the same processor; its nodes' positions
 * are shifted to the whole text (columns need no shift: chunks start at line
 * starts) and the roots' children are concatenated.
 *
 * Link reference and footnote definitions are document-wide: every chunk gets
 * the document's definition labels (those it has a bracketed text for) as
 * short `[label]: x` lines before its own text (the first chunk after it,
 * where front matter must stay first), and those nodes are dropped. Only the
 * labels matter to the tree (a reference node carries no URL). The labels come
 * from a cheap line scan and are then checked against the definitions the
 * parser really found: a chunk that used a label which is not a real
 * definition, or every chunk when the scan missed a real one, is parsed again
 * with the true set.
 */
import type { Root, Nodes, RootContent } from 'mdast';

/** Texts longer than this (UTF-16 units) are parsed in chunks; shorter ones whole, as before. */
export const CHUNK_THRESHOLD = 256 * 1024;
/** Each chunk runs to the first safe cut after this many units. */
export const CHUNK_TARGET = 48 * 1024;

export interface ChunkOptions {
  /** Internal (tests): parse in chunks from this length on. */
  threshold?: number;
  /** Internal (tests): the length a chunk reaches before it looks for a cut. */
  target?: number;
}

/** A chunk as parsed: the whole text's [start, end) and its own root children (positions not yet shifted). */
interface Parsed {
  start: number;
  end: number;
  prefixLen: number;
  prefixLines: number;
  children: RootContent[];
  /** Definitions in the chunk's own part: key (identifier, footnotes `^id`) → label to write them again. */
  defs: Map<string, string>;
  /** Identifiers the chunk's own references point to (footnotes keyed `^id`). */
  refs: Set<string>;
}

/** Parses `text` whole, or in chunks when it is long; the same tree either way. */
export function parseMaybeChunked(text: string, parse: (text: string) => Root, opts: ChunkOptions = {}): Root {
  const threshold = opts.threshold ?? CHUNK_THRESHOLD;
  if (text.length <= threshold) return parse(text);
  return parseInChunks(text, parse, Math.max(1, opts.target ?? CHUNK_TARGET));
}

export function parseInChunks(text: string, parse: (text: string) => Root, target: number): Root {
  const guessed = scanDefinitionLabels(text);
  let parsed = parseAll(text, parse, target, guessed);
  if (!parsed) return parse(text);
  const real = new Map<string, string>();
  for (const p of parsed) for (const [id, label] of p.defs) if (!real.has(id)) real.set(id, label);
  let missed = false;
  for (const id of real.keys()) if (!guessed.has(id)) missed = true;
  if (missed) {
    // The scan missed a definition (a label over two lines): every chunk may hold a reference to it.
    parsed = parsed.map((p, i) => parseChunk(text, parse, p.start, p.end, i === 0, i === parsed!.length - 1, real) ?? p);
  } else {
    // Labels the scan took for definitions but the parser did not: only chunks that resolved one change.
    const fake = new Set<string>();
    for (const id of guessed.keys()) if (!real.has(id)) fake.add(id);
    if (fake.size) {
      parsed = parsed.map((p, i) => {
        let used = false;
        for (const id of p.refs) if (fake.has(id)) used = true;
        return used ? (parseChunk(text, parse, p.start, p.end, i === 0, i === parsed!.length - 1, real) ?? p) : p;
      });
    }
  }
  return assemble(text, parsed);
}

/** Parses every chunk, growing a chunk whose cut the parser refuses; undefined when no cut holds. */
function parseAll(text: string, parse: (text: string) => Root, target: number, defs: Map<string, string>): Parsed[] | undefined {
  const out: Parsed[] = [];
  let start = 0;
  while (start < text.length) {
    let want = target;
    for (;;) {
      const cut = findCut(text, start, start + want);
      // No cut at all: the whole text is one chunk, parsed as before by the caller.
      if (cut === -1 && start === 0) return undefined;
      const end = cut === -1 ? text.length : cut;
      const p = parseChunk(text, parse, start, end, out.length === 0, end === text.length, defs);
      if (p) {
        out.push(p);
        start = end;
        break;
      }
      // The rest of the text as one chunk was refused too (never expected): parse the text whole.
      if (end === text.length) return undefined;
      // The cut fell inside something the scanner missed: try a later one, twice as far each time.
      want *= 2;
    }
  }
  return out.length > 1 ? out : undefined;
}

/**
 * Parses text[start, end) with the definitions around it; undefined when a
 * node of its own runs past its end (the cut is not safe).
 */
function parseChunk(text: string, parse: (text: string) => Root, start: number, end: number, first: boolean, last: boolean, defs: Map<string, string>): Parsed | undefined {
  const own = text.slice(start, end);
  const lines = defLines(defsFor(own, defs));
  // Front matter must stay first, so the first chunk carries the labels after its text.
  const prefix = first ? '' : lines;
  // The sentinel: a paragraph that only an unclosed fence or HTML block would swallow. The own text of
  // every chunk but the last ends at a line start after a blank line.
  let suffix = last ? '' : 'x\n';
  if (first && lines) suffix += last ? `\n\n${lines}` : `\n${lines}`;
  const root = parse(prefix + own + suffix);
  const ownStart = prefix.length;
  const ownEnd = ownStart + own.length;
  const children: RootContent[] = [];
  for (const child of root.children) {
    const s = child.position?.start?.offset;
    const e = child.position?.end?.offset;
    if (s === undefined || e === undefined) return undefined;
    if (s < ownStart) {
      if (e > ownStart) return undefined;
      continue;
    }
    if (s >= ownEnd) continue;
    if (e > ownEnd) return undefined;
    children.push(child);
  }
  const found = new Map<string, string>();
  const refs = new Set<string>();
  const stack: Nodes[] = [...children];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'definition':
        // The identifier is the label's source, normalised: valid as a label again.
        if (!found.has(n.identifier)) found.set(n.identifier, n.identifier);
        break;
      case 'footnoteDefinition':
        if (!found.has(`^${n.identifier}`)) found.set(`^${n.identifier}`, n.identifier);
        break;
      case 'linkReference':
      case 'imageReference':
        refs.add(n.identifier);
        break;
      case 'footnoteReference':
        refs.add(`^${n.identifier}`);
        break;
    }
    if ('children' in n) for (const k of n.children as Nodes[]) stack.push(k);
  }
  return { start, end, prefixLen: prefix.length, prefixLines: countLines(prefix), children, defs: found, refs };
}

/** Past this many definitions, a chunk only gets those whose label it has in brackets. */
const FILTER_DEFS = 16;

/**
 * The definitions a chunk could refer to. A reference's label is the text
 * between a `[` and the next `]` (labels hold no unescaped brackets), so a
 * definition whose normalised label is not among the chunk's bracketed texts
 * cannot be used there.
 */
function defsFor(own: string, defs: Map<string, string>): Map<string, string> {
  if (defs.size <= FILTER_DEFS) return defs;
  const used = bracketTexts(own);
  const out = new Map<string, string>();
  for (const [id, label] of defs) if (used.has(id)) out.set(id, label);
  return out;
}

/**
 * Every `[…]` text in a chunk, normalised as an identifier (footnote calls
 * keyed `^id`). A label over two lines inside a blockquote is also taken
 * without the `>` markers, as the parser reads it.
 */
function bracketTexts(text: string): Set<string> {
  const out = new Set<string>();
  const n = text.length;
  let open = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // backslash escape
    else if (c === 91) open = i;
    else if (c === 93 && open !== -1) {
      const raw = text.slice(open + 1, i);
      open = -1;
      const foot = raw.startsWith('^');
      const label = foot ? raw.slice(1) : raw;
      const key = (foot ? '^' : '') + normalizeLabel(label);
      out.add(key);
      if (/[\r\n]/.test(label)) out.add((foot ? '^' : '') + normalizeLabel(label.replace(/([\r\n])[ \t>]+/g, '$1')));
    } else if (open !== -1 && i - open > 1000) open = -1;
  }
  return out;
}

/** `[label]: x` lines, a blank line between each so one odd label cannot turn the rest into a paragraph. */
function defLines(defs: Map<string, string>): string {
  let out = '';
  for (const [id, label] of defs) out += `${id.startsWith('^') ? '[^' : '['}${label}]: x\n\n`;
  return out;
}

/** Shifts every chunk's positions to the whole text and joins them under one root. */
function assemble(text: string, parsed: Parsed[]): Root {
  const children: RootContent[] = [];
  let line = 1;
  let at = 0;
  for (const p of parsed) {
    line += countLines(text, at, p.start);
    at = p.start;
    shift(p.children, p.start - p.prefixLen, line - 1 - p.prefixLines);
    for (const c of p.children) children.push(c);
  }
  const endLine = line + countLines(text, at, text.length);
  const lastStart = lastLineStart(text);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: endLine, column: text.length - lastStart + 1, offset: text.length } },
  };
}

function shift(nodes: RootContent[], offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const seen = new Set<object>();
  const stack: Nodes[] = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    const pos = n.position;
    if (pos) {
      for (const pt of [pos.start, pos.end]) {
        if (seen.has(pt)) continue;
        seen.add(pt);
        if (pt.offset !== undefined) pt.offset += offset;
        pt.line += lines;
      }
    }
    if ('children' in n) for (const k of n.children as Nodes[]) stack.push(k);
  }
}

/** Line endings (`\n`, `\r\n`, `\r`) in text[from, to). */
function countLines(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
    }
  }
  return n;
}

function lastLineStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ cuts */

/** End of the line starting at `i` (before its line ending) and the start of the next line. */
function lineAt(text: string, i: number): { end: number; next: number } {
  let j = i;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 10) return { end: j, next: j + 1 };
    if (c === 13) return { end: j, next: text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1 };
    j++;
  }
  return { end: n, next: n };
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** May a chunk start with this line (the line after a blank one)? Column 0, and nothing that continues a container. */
function startsFresh(c: number): boolean {
  if (c === 32 || c === 9 || c === 10 || c === 13) return false; // indented: code, list continuation
  if (c === 62 || c === 124) return false; // > blockquote, | table
  if (c === 45 || c === 43 || c === 42) return false; // - + * list markers (and front-matter fences)
  if (c >= 48 && c <= 57) return false; // 1. 1) ordered list
  return true;
}

/** Columns of leading whitespace (tabs to the next stop of 4) and where the content starts. */
function indentOf(text: string, from: number, to: number): { cols: number; at: number } {
  let cols = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) cols++;
    else if (c === 9) cols += 4 - (cols % 4);
    else break;
  }
  return { cols, at: i };
}

/** Open block that can hold blank lines: a fence (char, length) or an HTML block ended by a token. */
type Open = { fence: number; len: number } | { until: string[] } | { front: string } | undefined;

const HTML_RAW = ['script', 'pre', 'style', 'textarea'];
const HTML_RAW_END = ['</script>', '</pre>', '</style>', '</textarea>'];

/** The block a line opens, if it is one that can span blank lines (checked on its own line too). */
function opens(text: string, from: number, to: number): Open {
  const { cols, at } = indentOf(text, from, to);
  if (cols >= 4 || at >= to) return undefined;
  const c = text.charCodeAt(at);
  if (c === 96 || c === 126) {
    let j = at;
    while (j < to && text.charCodeAt(j) === c) j++;
    const len = j - at;
    if (len < 3) return undefined;
    // A backtick fence's info string has no backtick (else it is inline code).
    if (c === 96 && text.slice(j, to).includes('`')) return undefined;
    return { fence: c, len };
  }
  if (c !== 60) return undefined;
  const rest = text.slice(at, Math.min(to, at + 12)).toLowerCase();
  let until: string[] | undefined;
  let skip = 2;
  if (rest.startsWith('<!--')) {
    until = ['-->'];
    skip = 4;
  } else if (rest.startsWith('<![cdata[')) {
    until = [']]>'];
    skip = 9;
  } else if (rest.startsWith('<?')) until = ['?>'];
  else if (rest.startsWith('<!') && /^[a-z]$/.test(rest[2] ?? '')) until = ['>'];
  else {
    for (const tag of HTML_RAW) {
      if (!rest.startsWith(`<${tag}`)) continue;
      const after = rest[tag.length + 1];
      if (after === undefined || after === ' ' || after === '\t' || after === '>') {
        until = HTML_RAW_END;
        skip = tag.length + 1;
      }
    }
  }
  if (!until) return undefined;
  // The end condition may sit on the opening line itself.
  const tail = text.slice(at + skip, to).toLowerCase();
  return until.some((u) => tail.includes(u)) ? undefined : { until };
}

/** Whether a line closes the open block. */
function closes(open: NonNullable<Open>, text: string, from: number, to: number): boolean {
  if ('front' in open) return text.slice(from, to).trimEnd() === open.front;
  if ('until' in open) {
    const line = text.slice(from, to).toLowerCase();
    return open.until.some((u) => line.includes(u));
  }
  const { cols, at } = indentOf(text, from, to);
  if (cols >= 4) return false;
  let j = at;
  while (j < to && text.charCodeAt(j) === open.fence) j++;
  return j - at >= open.len && isBlank(text, j, to);
}

/**
 * The first safe cut at or after `minEnd`, scanning lines from `from` (a line
 * start where nothing is open); -1 when there is none before the end.
 */
export function findCut(text: string, from: number, minEnd: number): number {
  let open: Open;
  let i = from;
  if (from === 0) {
    // Front matter (`---` or `+++` alone on the first line) runs to its closing fence.
    const first = lineAt(text, 0);
    const fence = text.slice(0, first.end).trimEnd();
    if (fence === '---' || fence === '+++') {
      open = { front: fence };
      i = first.next;
    }
  }
  let prevBlank = false;
  while (i < text.length) {
    const { end, next } = lineAt(text, i);
    if (open) {
      if (closes(open, text, i, end)) open = undefined;
      prevBlank = false;
      i = next;
      continue;
    }
    const blank = isBlank(text, i, end);
    if (prevBlank && !blank && i >= minEnd && startsFresh(text.charCodeAt(i))) return i;
    if (!blank) open = opens(text, i, end);
    prevBlank = blank;
    i = next;
  }
  return -1;
}

/* ------------------------------------------------------------ definitions */

/** Identifier as mdast gives it: whitespace collapsed, trimmed, case-folded. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

/**
 * Labels of lines that look like definitions (`[label]: …`, `[^note]: …`),
 * also inside blockquotes and list items. A guess: the parser has the last word.
 */
export function scanDefinitionLabels(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const { end, next } = lineAt(text, i);
    let j = i;
    // Container markers and indentation: > - + * 1. 1)
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === 32 || c === 9 || c === 62 || c === 45 || c === 43 || c === 42 || c === 46 || c === 41 || (c >= 48 && c <= 57)) j++;
      else break;
    }
    if (text.charCodeAt(j) === 91) {
      // [label]: with no unescaped bracket inside, at most 999 characters.
      let k = j + 1;
      let ok = false;
      while (k < end && k - j <= 1000) {
        const c = text.charCodeAt(k);
        if (c === 92) k += 2;
        else if (c === 91) break;
        else if (c === 93) {
          ok = text.charCodeAt(k + 1) === 58 && k > j + 1;
          break;
        } else k++;
      }
      if (ok) {
        const raw = text.slice(j + 1, k);
        const foot = raw.startsWith('^') && raw.length > 1;
        const label = foot ? raw.slice(1) : raw;
        const id = (foot ? '^' : '') + normalizeLabel(label);
        if (label.trim() && !out.has(id)) out.set(id, label);
      }
    }
    i = next;
  }
  return out;
}
