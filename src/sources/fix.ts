/**
 * `--fix` inside an export: each fixed string is spliced back into the
 * original text, re-encoded as JSON only where it changed, so the rest of
 * the file (and of the string, escapes included) stays byte-identical.
 */
import { diffChars } from 'diff';
import { stringOffsets, type JsonString } from './json-map.js';

export interface StringEdit {
  node: JsonString;
  /** The new decoded value. */
  value: string;
}

/** The file text with every edited string changed in place. */
export function spliceStrings(text: string, edits: readonly StringEdit[]): string {
  const pieces: { start: number; end: number; text: string }[] = [];
  for (const e of edits) {
    if (e.value === e.node.value) continue;
    const map = stringOffsets(text, e.node);
    let old = 0;
    for (const part of diffChars(e.node.value, e.value)) {
      if (part.added) pieces.push({ start: map[old], end: map[old], text: encodeInner(part.value) });
      else if (part.removed) {
        pieces.push({ start: map[old], end: map[old + part.value.length], text: '' });
        old += part.value.length;
      } else old += part.value.length;
    }
  }
  pieces.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const p of pieces) {
    out += text.slice(at, p.start) + p.text;
    at = Math.max(at, p.end);
  }
  return out + text.slice(at);
}

/** A value as it goes between the quotes of a JSON string. */
function encodeInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
