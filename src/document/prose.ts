/**
 * Prose blocks: the text that prose rules read, with every character mapped
 * back to the original file. Markup, code, URLs and comments never get in;
 * placeholders are masked (same length) so they are words nobody flags.
 */
import { ParseEnglish } from 'parse-english';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Word as NlcstWord } from 'nlcst';
import { toString as nlcstToString } from 'nlcst-to-string';
import type { Span } from '../types.js';
import { STARTS_UPPER, asciiClass } from '../util/ascii-class.js';
import { firstEndingAfter, type Placeholder } from './placeholders.js';

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'table-cell' | 'alt' | 'caption' | 'other';

/** A run of block text copied from the file: block offset, source offset, length, and whether it maps 1:1. */
interface Segment {
  b: number;
  s: number;
  len: number;
  exact: boolean;
}

export interface Word {
  text: string;
  lower: string;
  /** Offsets in the block text. */
  start: number;
  end: number;
  /** Offsets in the file. */
  span: Span;
  /** A placeholder, code or URL stands here: never flag it. */
  masked: boolean;
  /** Inside quotation marks: someone else's words. */
  quoted: boolean;
  /**
   * Internal (issue 19): what util/readability.ts's statsOf counts for this word in English, kept on the word,
   * and the text it was counted for (valid only while it is `text`: a copy with another text counts again).
   * The word is counted four times a file (the metrics, then readability's own, name and section counts);
   * looking it up each time in the memo of every word was about 2.5% of a run's CPU samples.
   */
  enStat?: number;
  enStatOf?: string;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  span: Span;
  words: Word[];
  block: ProseBlock;
}

const parser = new ParseEnglish();

/** Blocks longer than this are read by parse-english in pieces (see parseProse). */
export const PROSE_PIECE = 16 * 1024;

/**
 * The nlcst tree of a block's text. parse-english is quadratic in the length
 * of one sentence (its merge steps splice the sentence's node list once per
 * merge: "e.g. i.e. Mr." repeated over 500 KB never ends a sentence and ran
 * for minutes, issue 20). A block up to 2 × PROSE_PIECE is parsed whole, as
 * before; a longer one in pieces of about PROSE_PIECE, cut after a sentence
 * end that parse-english also reads as one (a full stop after a lower-case
 * word of three letters or more, then a capital), else at a line break, else
 * at any white space. Offsets in the pieces' trees are shifted to the block.
 */
export function parseProse(text: string): NlcstRoot {
  const root: NlcstRoot = { type: 'RootNode', children: [] };
  forEachProsePiece(text, (piece) => {
    if (!root.children.length) root.children = piece.children;
    else for (const k of piece.children) root.children.push(k);
  });
  return root;
}

/** Calls `fn` with the nlcst tree of each piece of the text in turn (see parseProse), so only one piece is held at a time. */
export function forEachProsePiece(text: string, fn: (tree: NlcstRoot) => void): void {
  const bounded = boundTokens(text);
  if (bounded.length <= 2 * PROSE_PIECE) {
    fn(parser.parse(bounded) as NlcstRoot);
    return;
  }
  let start = 0;
  while (start < bounded.length) {
    const end = bounded.length - start <= 2 * PROSE_PIECE ? bounded.length : proseCut(bounded, start + PROSE_PIECE);
    const piece = parser.parse(bounded.slice(start, end)) as NlcstRoot;
    if (start) shiftOffsets(piece, start);
    fn(piece);
    start = end;
  }
}

/** Where to end a piece at or after `from` (see parseProse). */
function proseCut(text: string, from: number): number {
  const limit = Math.min(text.length, from + PROSE_PIECE);
  let line = -1;
  let space = -1;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) continue;
    if (c === 10 && line === -1) line = i + 1;
    if (space === -1) space = i + 1;
    if (text.charCodeAt(i - 1) === 46 /* . */ && STARTS_UPPER.test(text.slice(i + 1, i + 3)) && LOWER_WORD_STOP.test(text.slice(Math.max(0, i - 40), i))) return i + 1;
  }
  // boundTokens left no run without white space longer than MAX_TOKEN, so there is always a space.
  return line !== -1 ? line : space !== -1 ? space : limit;
}

/** Adds `by` to every offset in an nlcst tree (iteratively: trees can be wide). */
function shiftOffsets(root: NlcstRoot, by: number): void {
  const stack: { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }[] = [root];
  // parse-english shares point objects between nodes (a merged word takes its last part's end): shift each once.
  const done = new Set<object>();
  const shift = (p: { offset?: number }) => {
    if (done.has(p)) return;
    done.add(p);
    if (p.offset !== undefined) p.offset += by;
  };
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      shift(n.position.start);
      shift(n.position.end);
    }
    if (n.children) for (const k of n.children) stack.push(k as (typeof stack)[number]);
  }
}

/** Longest run without white space that parse-english reads whole; see boundTokens. */
export const MAX_TOKEN = 1024;

/**
 * The text parse-english reads: a run without white space longer than
 * MAX_TOKEN gets a space every MAX_TOKEN characters (same length, so every
 * offset holds). parse-english merges the parts of such a run ("1.1.1…",
 * "a@a@a@…") with one spread call per run, which overflows the stack past
 * about 100,000 parts (issue 20); no real word comes near the limit.
 */
export function boundTokens(text: string): string {
  let chars: string[] | undefined;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0) run = 0;
    else if (++run > MAX_TOKEN) {
      // Never between the halves of a surrogate pair.
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      (chars ??= text.split(''))[i] = ' ';
      run = 0;
    }
  }
  return chars ? chars.join('') : text;
}

/** One block of prose (a paragraph, heading, list item, cell, alt text…). */
export class ProseBlock {
  readonly text: string;
  private readonly segs: Segment[];
  /** Block offsets of masked runs (placeholders, code, URLs). */
  readonly masked: Span[];
  private _tree?: NlcstRoot;
  private _sentences?: Sentence[];

  constructor(
    readonly kind: BlockKind,
    /** Inside a blockquote (customer words, quoted mail). */
    readonly quote: boolean,
    text: string,
    segs: Segment[],
    masked: Span[],
    /** Heading level, when kind is heading. */
    readonly depth?: number,
  ) {
    this.text = text;
    this.segs = segs;
    this.masked = masked;
  }

  /** Source span covered by the block. */
  get span(): Span {
    const first = this.segs[0];
    const last = this.segs[this.segs.length - 1];
    return { start: first ? first.s : 0, end: last ? last.s + (last.exact ? last.len : 0) : 0 };
  }

  /** Maps a block offset to a file offset. */
  toSource(i: number): number {
    const segs = this.segs;
    if (segs.length === 0) return 0;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].b <= i) lo = mid;
      else hi = mid - 1;
    }
    const seg = segs[lo];
    const d = i - seg.b;
    if (!seg.exact) return seg.s;
    // Past the segment (a joiner between segments): stick to its end.
    return seg.s + Math.min(d, seg.len);
  }

  /** Maps a block range to a file span. */
  spanOf(start: number, end: number): Span {
    const s = this.toSource(start);
    const e = end > start ? this.toSource(end - 1) + 1 : s;
    return { start: s, end: Math.max(s, e) };
  }

  /** Whether a block range touches a masked run (binary search: masked runs are in order and disjoint). */
  isMasked(start: number, end: number): boolean {
    const m = this.masked;
    let lo = 0;
    let hi = m.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < m.length && m[lo].start < end;
  }

  /** The nlcst tree of this block, parsed once and shared by every prose rule. */
  get tree(): NlcstRoot {
    this._tree ??= parseProse(this.text);
    return this._tree;
  }

  /** Sentences with their words, mapped to the file. */
  get sentences(): Sentence[] {
    this._sentences ??= this.buildSentences();
    return this._sentences;
  }

  private buildSentences(): Sentence[] {
    const out: Sentence[] = [];
    // The nlcst tree is not kept once the sentences are built: it is three times their size
    // (370 MB on a 5 MB file, issue 7), and no rule reads it.
    const read = (tree: NlcstRoot) => {
      for (const para of tree.children) {
        if (para.type !== 'ParagraphNode') continue;
        for (const node of para.children) {
          if (node.type !== 'SentenceNode') continue;
          for (const sentence of this.sentencesOf(node)) if (sentence.words.length) out.push(sentence);
        }
      }
    };
    if (this._tree) read(this._tree);
    else forEachProsePiece(this.text, read);
    return out;
  }

  /**
   * Words of an nlcst sentence, split where parse-english glued two sentences:
   * - it reads "in.", "sun.", "sat." and a few more everyday words as
   *   abbreviations (inch, Sunday, …) and "13." as an ordinal, so "Sign in.
   *   Then wait." and "under 13. If you are" came out as one sentence. Such a
   *   word before a capital ends the sentence.
   * - it joins a sentence that starts in lower case to the one before ("e.g.
   *   the"), and code is masked with lower-case filler, so "Run it. `npm ci`
   *   installs" was one sentence. Code after a full stop starts a sentence.
   */
  private sentencesOf(node: NlcstSentence): Sentence[] {
    const out: Sentence[] = [];
    let start = node.position?.start?.offset ?? 0;
    const end = node.position?.end?.offset ?? start;
    let words: Word[] = [];
    let inQuote = false;
    // Straight single quotes: an apostrophe too ("users' settings"), so one opens a quotation only
    // before a word, after a space or the start, and only when a closing one (after a word, before
    // no word) comes later in the sentence. One pass finds the last closer: the check stays linear.
    let inSingle = false;
    // Just past a full stop, question or exclamation mark that follows the last word; -1 once another word came.
    let stopEnd = -1;
    const kids = node.children;
    const isWord = (k: NlcstSentence['children'][number] | undefined) => k?.type === 'WordNode';
    const closesSingle = (j: number) => isWord(kids[j - 1]) && !isWord(kids[j + 1]);
    let lastSingleCloser = -1;
    for (let j = kids.length - 1; j >= 0 && lastSingleCloser === -1; j--) {
      const k = kids[j];
      if (k.type === 'PunctuationNode' && k.value === "'" && closesSingle(j)) lastSingleCloser = j;
    }
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i];
      if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
        const v = child.value;
        if (v === "'") {
          if (inSingle && closesSingle(i)) inSingle = false;
          else if (!inSingle && !isWord(kids[i - 1]) && isWord(kids[i + 1]) && lastSingleCloser > i) inSingle = true;
        } else if (v === '"') inQuote = !inQuote;
        else if (v === '“' || v === '‘') inQuote = true;
        else if (v === '”' || v === '’') inQuote = false;
        else if ((v === '.' || v === '?' || v === '!') && words.length) stopEnd = child.position?.end?.offset ?? -1;
        continue;
      }
      if (child.type !== 'WordNode') continue;
      const ws = child.position?.start?.offset ?? 0;
      let we = child.position?.end?.offset ?? ws;
      // Most words hold one text node: read it directly (nlcstToString builds an array and joins it).
      const only = child.children.length === 1 ? child.children[0] : undefined;
      let text = only && 'value' in only ? only.value : nlcstToString(child as NlcstWord);
      // A name written in lower case then capitals ("mDNS", "iPhone", "eSIM") starts a sentence as code does:
      // parse-english glues it to the sentence before (issue 14 audit: two sentences counted as one of 35 words).
      if (stopEnd !== -1 && (this.isMasked(ws, we) || MIXED_CASE_NAME.test(text)) && !LATIN_ABBREVIATION.test(words[words.length - 1].text)) {
        out.push(this.sentence(start, stopEnd, words));
        words = [];
        start = ws;
      }
      stopEnd = -1;
      let split = false;
      // Each of the three cases below needs a word ending in a full stop, question or exclamation mark (most words don't).
      const last = text.charCodeAt(text.length - 1);
      const stop = last === 46 || last === 63 || last === 33;
      // "photo ID. You", "in CA. Then": capitals read as an abbreviation (idem, circa) end the sentence before a capital too.
      // "from A to H. The band": a lone capital is an initial only before a name, not before a word that opens sentences.
      const gluedAbbreviation = stop && (GLUED_WORDS.has(text) || CAPITALS_STOP.test(text) || (CAPITAL_STOP.test(text) && SENTENCE_OPENERS.has(nlcstToString(nextWord(kids, i) ?? child)))) && words.length > 0 && !/\d/.test(words[words.length - 1].text);
      // "under 13. If you are" is glued the same way: a number ending a sentence. So is a unit after a
      // number before a word that opens sentences ("took 31 s. The next run").
      const gluedNumber =
        stop && words.length > 0 && (/^\d{1,6}\.$/.test(text) || (/^[a-z]\.$/.test(text) && /^\d/.test(words[words.length - 1].text) && SENTENCE_OPENERS.has(nlcstToString(nextWord(kids, i) ?? child))));
      // A lower-case start joins the full stop to this word ("errors. xxx", "network. mDNS"): code or a mixed-case name after it starts a sentence.
      const stopInWord = stop && !gluedAbbreviation && !gluedNumber && /.[.?!]$/.test(text) && !LATIN_ABBREVIATION.test(text);
      if (gluedAbbreviation || gluedNumber || stopInWord) {
        const next = nextWord(kids, i);
        const starts = next && (stopInWord ? this.isMasked(next.position?.start?.offset ?? 0, next.position?.end?.offset ?? 0) || MIXED_CASE_NAME.test(nlcstToString(next)) : STARTS_UPPER.test(nlcstToString(next)));
        if (starts) {
          text = text.slice(0, -1);
          we -= 1;
          split = true;
        }
      }
      words.push({
        text,
        lower: text.includes('’') ? text.toLowerCase().replace(/’/g, "'") : text.toLowerCase(),
        start: ws,
        end: we,
        span: this.spanOf(ws, we),
        masked: this.isMasked(ws, we),
        quoted: inQuote || inSingle,
        // Set here, so every word has one shape; statsOf fills them in.
        enStat: 0,
        enStatOf: undefined,
      });
      if (split) {
        out.push(this.sentence(start, we + 1, words));
        words = [];
        start = nextWord(kids, i)?.position?.start?.offset ?? we + 1;
      }
    }
    out.push(this.sentence(start, end, words));
    return out;
  }

  private sentence(start: number, end: number, words: Word[]): Sentence {
    return { text: this.text.slice(start, end), start, end, span: this.spanOf(start, end), words, block: this };
  }
}

/**
 * Words that open a sentence and never follow an initial in a name ("J. Smith"): after a lone
 * capital and a full stop ("from A to H. The band", "choose plan B. You can") they start a new sentence.
 */
const SENTENCE_OPENERS = new Set(['The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'You', 'Your', 'We', 'Our', 'They', 'Their', 'If', 'When', 'Then', 'To', 'For', 'There', 'Please', 'Each', 'Every', 'All', 'After', 'Before', 'Once', 'So', 'But', 'Or', 'Only', 'No', 'Yes', 'What', 'Why', 'How', 'Where', 'Which', 'Some', 'Most', 'Both', 'Here', 'Now', 'Next', 'Also', 'Make', 'Check', 'Select', 'Click', 'Tap', 'Go', 'Open', 'Use', 'See', 'Note', 'An', 'In', 'On', 'At', 'With', 'From', 'As', 'Do', 'Don\'t', 'Is', 'Are', 'Can', 'Will']);

/** Everyday words parse-english takes for abbreviations when a full stop follows (in = inch, sun = Sunday, min = minute…), written in lower case. */
const GLUED_WORDS = new Set(['in.', 'on.', 'sun.', 'sat.', 'wed.', 'mar.', 'min.', 'sec.']);

/** "e.g." and "i.e." run on into the next words, code included. */
const LATIN_ABBREVIATION = /^(?:e\.g|i\.e)\.?$/i;
/** A name that starts in lower case and has a capital after it: "mDNS", "iPhone", "eSIM", "macOS". */
const MIXED_CASE_NAME = asciiClass(/^[a-z]{1,3}[A-Z]/, () => /^\p{Ll}{1,3}\p{Lu}/u);
// Unicode classes with their ASCII twins (src/util/ascii-class.ts): the \p expression is made only for non-ASCII text.
const LOWER_WORD_STOP = asciiClass(/[^A-Za-z][a-z]{3,}\.$/, () => /[^\p{L}][a-z]{3,}\.$/u);
const CAPITALS_STOP = asciiClass(/^[A-Z]{2,6}\.$/, () => /^\p{Lu}{2,6}\.$/u);
const CAPITAL_STOP = asciiClass(/^[A-Z]\.$/, () => /^\p{Lu}\.$/u);

function nextWord(kids: NlcstSentence['children'], i: number): NlcstWord | undefined {
  for (let j = i + 1; j < kids.length; j++) if (kids[j].type === 'WordNode') return kids[j] as NlcstWord;
  return undefined;
}

/**
 * Builds a block's text from pieces of the file. Text pieces are aligned with
 * the source (escapes, entities and container prefixes such as `> ` are left
 * out); masked pieces keep their length so offsets stay exact.
 */
export class BlockBuilder {
  private text = '';
  /**
   * Whether `text` ends with white space, kept as pieces are added: `text` grows by `+=`, and
   * reading its last character makes V8 flatten the whole string each time, which made a block
   * of n pieces cost n² (a 2 MB HTML page spent 5.6 s here).
   */
  private endsWithSpace = false;
  private segs: Segment[] = [];
  private masked: Span[] = [];
  private lastSrcEnd = -1;

  constructor(
    private readonly source: string,
    private readonly placeholders: readonly Placeholder[],
  ) {}

  get empty(): boolean {
    return this.text.trim() === '';
  }

  /** Adds a text node whose decoded value is `value` and whose source is `[start, end)`. */
  addText(value: string, start: number, end: number): void {
    if (!value) return;
    const src = this.source;
    if (src.slice(start, end) === value) {
      this.addMaskedPlaceholders(start, end);
      return;
    }
    // Greedy alignment of the decoded value against the source.
    let p = start;
    let i = 0;
    let run = -1;
    const flush = (upTo: number) => {
      if (run !== -1) this.addMaskedPlaceholders(run, upTo);
      run = -1;
    };
    while (i < value.length) {
      const c = value[i];
      let q = p;
      const stop = Math.min(end, p + 64);
      while (q < stop && src[q] !== c) q++;
      if (q < stop) {
        if (q !== p) flush(p);
        if (run === -1) run = q;
        p = q + 1;
      } else {
        // A decoded entity such as `&copy;` → ©: no source character to map it to.
        flush(p);
        this.push(c, p, false);
      }
      i++;
    }
    flush(p);
  }

  /** Adds a source range that rules must not read (inline code, URLs, images): a same-length masked word. */
  addMasked(start: number, end: number): void {
    if (end <= start) return;
    this.joinIfGap(start);
    const b = this.text.length;
    this.append('x'.repeat(end - start));
    this.segs.push({ b, s: start, len: end - start, exact: true });
    this.masked.push({ start: b, end: this.text.length });
    this.lastSrcEnd = end;
  }

  /** Something that separates words (a line break, a tag) without adding text. */
  addBreak(): void {
    if (this.text && !this.endsWithSpace) this.push(' ', this.lastSrcEnd, false);
  }

  build(kind: BlockKind, quote: boolean, depth?: number): ProseBlock | undefined {
    if (this.empty) return undefined;
    return new ProseBlock(kind, quote, this.text, this.segs, this.masked, depth);
  }

  private addMaskedPlaceholders(start: number, end: number): void {
    let at = start;
    const list = this.placeholders;
    // Start at the first placeholder that ends after `start`: a scan from the top for every text piece was quadratic.
    for (let k = firstEndingAfter(list, start); k < list.length; k++) {
      const p = list[k];
      if (p.span.end <= at) continue;
      if (p.span.start >= end) break;
      const ps = Math.max(p.span.start, at);
      const pe = Math.min(p.span.end, end);
      if (ps > at) this.addSource(at, ps);
      if (p.kind === 'output') this.addMasked(ps, pe);
      else this.addBlank(ps, pe);
      at = pe;
    }
    if (at < end) this.addSource(at, end);
  }

  private addSource(start: number, end: number): void {
    this.joinIfGap(start);
    const b = this.text.length;
    this.append(this.source.slice(start, end));
    this.segs.push({ b, s: start, len: end - start, exact: true });
    this.lastSrcEnd = end;
  }

  /** Control-flow placeholders read as spaces, so they never glue words together. */
  private addBlank(start: number, end: number): void {
    this.joinIfGap(start);
    const b = this.text.length;
    this.append(' '.repeat(end - start));
    this.segs.push({ b, s: start, len: end - start, exact: true });
    this.lastSrcEnd = end;
  }

  private joinIfGap(start: number): void {
    if (this.lastSrcEnd !== -1 && start !== this.lastSrcEnd && this.text && !this.endsWithSpace) {
      this.push(' ', this.lastSrcEnd, false);
    }
  }

  private push(chars: string, srcAt: number, exact: boolean): void {
    const b = this.text.length;
    this.append(chars);
    this.segs.push({ b, s: Math.max(0, srcAt), len: chars.length, exact });
  }

  private append(chars: string): void {
    if (!chars) return;
    this.text += chars;
    this.endsWithSpace = isSpace(chars.charCodeAt(chars.length - 1));
  }
}

/** White space that separates words (a regex on the block's text would rescan it each time). */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xa0;
}
