/** Bytes → text, refusing files that are not UTF-8 text. */

export interface Decoded {
  text: string;
  bom: boolean;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file's bytes. Returns a reason string instead of text when the
 * bytes are not UTF-8 text, so the caller can report the file and go on.
 */
export function decode(bytes: Uint8Array): Decoded | string {
  // A NUL byte in the first 8 KB is the usual sign of a binary file (git and grep use the same test).
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return 'is not a text file (it holds NUL bytes)';
  let text: string;
  try {
    text = fatalUtf8.decode(bytes);
  } catch {
    return 'is not valid UTF-8 text: save it as UTF-8';
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}
