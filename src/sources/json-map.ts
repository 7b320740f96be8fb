/**
 * A JSON parser that keeps source offsets. Every string literal remembers
 * where it sits in the file, so an offset inside its decoded value (after
 * escapes such as `\n`, `\"`, `\\`, `\u00e9` and surrogate pairs) maps back
 * to the character in the export file that produced it. Linear, with a
 * nesting limit, and no regex on the file's text.
 */

export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

interface NodeBase {
  /** Offset of the first character of the value in the file text. */
  start: number;
  /** Offset just after the value. */
  end: number;
}

export interface JsonObject extends NodeBase {
  type: 'object';
  /** Members in file order; a repeated key keeps every entry, `get` returns the last (as JSON.parse does). */
  members: { key: JsonString; value: JsonNode }[];
}

export interface JsonArray extends NodeBase {
  type: 'array';
  items: JsonNode[];
}

export interface JsonString extends NodeBase {
  type: 'string';
  /** The decoded value. */
  value: string;
  /** Whether the literal holds any escape (else value offset i is file offset start + 1 + i). */
  escaped: boolean;
}

export interface JsonScalar extends NodeBase {
  type: 'number' | 'boolean' | 'null';
  value: number | boolean | null;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Deeper nesting than this is refused (a help-desk export is a few levels deep). */
export const MAX_JSON_DEPTH = 256;

/** Parses a whole JSON text. Throws JsonSyntaxError with the offset of the problem. */
export function parseJson(text: string): JsonNode {
  const p = new Parser(text);
  p.ws();
  const value = p.value(0);
  p.ws();
  if (p.i < text.length) throw new JsonSyntaxError('has more text after the JSON value', p.i);
  return value;
}

class Parser {
  i = 0;
  constructor(readonly text: string) {}

  ws(): void {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  fail(what: string): never {
    if (this.i >= this.text.length) throw new JsonSyntaxError('ends in the middle of a value', this.i);
    throw new JsonSyntaxError(what, this.i);
  }

  value(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) throw new JsonSyntaxError('is nested too deeply', this.i);
    const c = this.text.charCodeAt(this.i);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (this.text.startsWith('true', this.i)) return this.word('boolean', true, 4);
    if (this.text.startsWith('false', this.i)) return this.word('boolean', false, 5);
    if (this.text.startsWith('null', this.i)) return this.word('null', null, 4);
    return this.fail('has an unexpected character where a value should be');
  }

  word(type: 'boolean' | 'null', value: boolean | null, n: number): JsonScalar {
    const start = this.i;
    this.i += n;
    return { type, value, start, end: this.i };
  }

  number(): JsonScalar {
    const t = this.text;
    const start = this.i;
    let i = start;
    if (t.charCodeAt(i) === 45) i++;
    const digits = () => {
      const from = i;
      while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
      return i - from;
    };
    if (t.charCodeAt(i) === 48) i++;
    else if (!digits()) {
      this.i = i;
      this.fail('has a number with no digits');
    }
    if (t.charCodeAt(i) === 46) {
      i++;
      if (!digits()) {
        this.i = i;
        this.fail('has a number with no digits after the point');
      }
    }
    if (t.charCodeAt(i) === 101 || t.charCodeAt(i) === 69) {
      i++;
      if (t.charCodeAt(i) === 43 || t.charCodeAt(i) === 45) i++;
      if (!digits()) {
        this.i = i;
        this.fail('has a number with no digits in its exponent');
      }
    }
    this.i = i;
    return { type: 'number', value: Number(t.slice(start, i)), start, end: i };
  }

  string(): JsonString {
    const t = this.text;
    const start = this.i;
    let i = start + 1;
    let chunkStart = i;
    let value = '';
    let escaped = false;
    for (;;) {
      if (i >= t.length) {
        this.i = i;
        this.fail('has a string that is never closed');
      }
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) {
        this.i = i;
        this.fail('has a control character (such as a line break) inside a string');
      }
      if (c !== 92) {
        i++;
        continue;
      }
      escaped = true;
      value += t.slice(chunkStart, i);
      const e = t.charCodeAt(i + 1);
      let n = 2;
      switch (e) {
        case 34:
          value += '"';
          break;
        case 92:
          value += '\\';
          break;
        case 47:
          value += '/';
          break;
        case 98:
          value += '\b';
          break;
        case 102:
          value += '\f';
          break;
        case 110:
          value += '\n';
          break;
        case 114:
          value += '\r';
          break;
        case 116:
          value += '\t';
          break;
        case 117: {
          const hex = t.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.i = i;
            this.fail('has a bad \\u escape in a string');
          }
          value += String.fromCharCode(parseInt(hex, 16));
          n = 6;
          break;
        }
        default:
          this.i = i;
          this.fail('has a bad escape in a string');
      }
      i += n;
      chunkStart = i;
    }
    value += t.slice(chunkStart, i);
    this.i = i + 1;
    return { type: 'string', value, escaped, start, end: this.i };
  }

  array(depth: number): JsonArray {
    const start = this.i;
    this.i++;
    const items: JsonNode[] = [];
    this.ws();
    if (this.text.charCodeAt(this.i) === 93) {
      this.i++;
      return { type: 'array', items, start, end: this.i };
    }
    for (;;) {
      this.ws();
      items.push(this.value(depth + 1));
      this.ws();
      const c = this.text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 93) {
        this.i++;
        return { type: 'array', items, start, end: this.i };
      }
      this.fail("has a list that is missing a ',' or ']'");
    }
  }

  object(depth: number): JsonObject {
    const start = this.i;
    this.i++;
    const members: JsonObject['members'] = [];
    this.ws();
    if (this.text.charCodeAt(this.i) === 125) {
      this.i++;
      return { type: 'object', members, start, end: this.i };
    }
    for (;;) {
      this.ws();
      if (this.text.charCodeAt(this.i) !== 34) this.fail('has an object key that is not a quoted string');
      const key = this.string();
      this.ws();
      if (this.text.charCodeAt(this.i) !== 58) this.fail("has an object key with no ':' after it");
      this.i++;
      this.ws();
      members.push({ key, value: this.value(depth + 1) });
      this.ws();
      const c = this.text.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        return { type: 'object', members, start, end: this.i };
      }
      this.fail("has an object that is missing a ',' or '}'");
    }
  }
}

/** The last member with this key (JSON.parse keeps the last of repeated keys). */
export function get(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!obj || obj.type !== 'object') return undefined;
  for (let k = obj.members.length - 1; k >= 0; k--) if (obj.members[k].key.value === key) return obj.members[k].value;
  return undefined;
}

/**
 * Offsets of a string literal's decoded characters in the file: `map[i]` is
 * the file offset of the source of decoded UTF-16 unit i (for an escape, its
 * backslash), and `map[value.length]` is the closing quote.
 */
export function stringOffsets(text: string, node: JsonString): Int32Array {
  const map = new Int32Array(node.value.length + 1);
  let i = node.start + 1;
  let d = 0;
  const end = node.end - 1;
  while (i < end) {
    if (text.charCodeAt(i) !== 92) {
      map[d++] = i++;
      continue;
    }
    map[d++] = i;
    i += text.charCodeAt(i + 1) === 117 ? 6 : 2;
  }
  map[d] = end;
  return map;
}
