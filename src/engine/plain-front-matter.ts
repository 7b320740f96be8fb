/**
 * Front matter that needs no YAML parser (issue 19). Most articles open with a few `key: value` lines
 * (`title: "Reset your password"`, `id: 4408893476498`); loading and running the `yaml` package on
 * them cost a one-file run about 4 ms of CPU to learn that they hold no `plainspoke` key.
 *
 * `plainFrontMatter` says yes only for text that certainly parses as YAML to a map without a
 * `plainspoke` key: every line blank, a comment, or a top-level `key: value` with a simple key and a
 * plain, single- or double-quoted scalar of ordinary characters. Anything else (nesting, lists, block
 * scalars, escapes, tabs, flow collections, anchors, a `plainspoke` key…) goes to the YAML parser as
 * before, which also reports broken front matter (src/config/front-matter.ts).
 */

/** A top-level key, then `:` and the rest of the line (which must be empty or start with a space). */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(.*)$/;
/** Characters no value may hold here: C0 and C1 controls, line and paragraph separators, the byte order mark, surrogates. */
const ODD = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
/** Double-quoted, with no escapes but `\"` and `\\`. */
const DOUBLE_QUOTED = /^"(?:[^"\\]|\\["\\])*"$/;
/** Single-quoted, `''` for a quote. */
const SINGLE_QUOTED = /^'(?:[^']|'')*'$/;
/** A plain scalar never starts with one of YAML's indicators (`-`, `[`, `&`, `|`, `%`…) or a space. */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
/** `: ` or a `:` at the end would open a nested map, which YAML refuses on the same line. */
const MAP_INDICATOR = /:(?: |$)/;

/** An item of a block list under a key with no value on its line: `  - value` (the same indent for every item). */
const ITEM_LINE = /^( *)- (.*)$/;

/** Without the spaces (U+0020 only: YAML's other blank is the tab, refused above) at either end. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
}

/** A scalar this file knows YAML reads without error: quoted with the escapes above, or plain. */
function plainScalar(raw: string): boolean {
  const value = trimSpaces(raw);
  if (value.startsWith('"')) return DOUBLE_QUOTED.test(value);
  if (value.startsWith("'")) return SINGLE_QUOTED.test(value);
  return PLAIN_START.test(value) && !MAP_INDICATOR.test(value);
}

export function plainFrontMatter(yaml: string): boolean {
  if (yaml.includes('\t')) return false;
  /** After `key:` with nothing after it, items may follow; their indent, once the first one is seen. */
  let list: { indent?: number } | undefined;
  for (const raw of yaml.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (ODD.test(line)) return false;
    if (trimSpaces(line) === '' || line.startsWith('#')) continue;
    const item = list && ITEM_LINE.exec(line);
    if (item) {
      const indent = item[1].length;
      if ((list!.indent ?? indent) !== indent || trimSpaces(item[2]) === '' || !plainScalar(item[2])) return false;
      list!.indent = indent;
      continue;
    }
    const m = KEY_LINE.exec(line);
    // YAML allows an implicit key of at most 1024 characters.
    if (!m || m[1] === 'plainspoke' || m[1].length > 1000 || (m[2] !== '' && !m[2].startsWith(' '))) return false;
    const value = trimSpaces(m[2]);
    list = value === '' ? {} : undefined;
    if (value !== '' && !plainScalar(value)) return false;
  }
  return true;
}
