/** Offsets ⇄ line/column, CRLF-, CR- and astral-safe. */

export interface Point {
  line: number;
  column: number;
}

/**
 * Maps UTF-16 offsets in a text to 1-based lines and columns.
 * Columns count characters (code points) as editors show them, so an emoji or
 * a CJK character is one column. `\r\n`, `\r` and `\n` all end a line, as in
 * CommonMark and HTML.
 */
export class Locator {
  /** Offset where each line starts. */
  private readonly starts: number[] = [0];
  /** Lines holding surrogate pairs need a slow column count; the rest do not. */
  private readonly astral = new Set<number>();

  constructor(readonly text: string) {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c >= 0xd800 && c <= 0xdbff) this.astral.add(this.starts.length - 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line index holding `offset`. */
  private lineIndex(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Line and column of an offset; offsets past the end clamp to the end. */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const li = this.lineIndex(o);
    const start = this.starts[li];
    let column = o - start + 1;
    if (this.astral.has(li)) {
      column = 1;
      for (let i = start; i < o; i++) {
        const c = this.text.charCodeAt(i);
        // The low half of a pair adds no column.
        if (!(c >= 0xdc00 && c <= 0xdfff && i > start && isHigh(this.text.charCodeAt(i - 1)))) column++;
      }
    }
    return { line: li + 1, column };
  }

  /** Offset of a 1-based line and column (inverse of `point`). */
  offset(line: number, column: number): number {
    const li = Math.max(0, Math.min(line - 1, this.starts.length - 1));
    const start = this.starts[li];
    if (!this.astral.has(li)) return Math.min(start + column - 1, this.lineEnd(li));
    let o = start;
    for (let col = 1; col < column && o < this.text.length; col++) {
      o += isHigh(this.text.charCodeAt(o)) ? 2 : 1;
    }
    return o;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }

  /** Offset just before the line break of a 0-based line index. */
  private lineEnd(li: number): number {
    if (li + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[li + 1] - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const li = Math.max(0, Math.min(line - 1, this.starts.length - 1));
    return this.text.slice(this.starts[li], this.lineEnd(li));
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
