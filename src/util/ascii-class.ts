/**
 * Regular expressions with Unicode classes (`\p{L}`, `\p{Lu}`) cost 0.05-0.3 ms each to compile, with ICU
 * lookups, and one article meets about 20 of them (issue 19). On ASCII text each has an exact ASCII twin:
 * `\p{Ll}` is `[a-z]`, `\p{Lu}` is `[A-Z]`, `\p{L}` is `[A-Za-z]`, `\p{N}` is `[0-9]`. `asciiClass` picks the twin
 * when the whole subject is ASCII and makes the Unicode expression only when a subject is not (rare in
 * English text). Never use it for case-insensitive (`/i`) expressions: `/\p{Lu}/iu` also matches `ſ` and `K`.
 */

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Whether every code unit of `s` is below 128. An expression without `u` compiles in microseconds, is shared by
 * every caller and runs as machine code once hot: cheaper on a one-file run than a loop, which runs interpreted.
 */
export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}

export interface AsciiClass {
  test(s: string): boolean;
  exec(s: string): RegExpExecArray | null;
  replace(s: string, by: string): string;
  split(s: string): string[];
}

/** `ascii` must match exactly what `unicode()` matches on any ASCII subject, with the same flags but `u`. */
export function asciiClass(ascii: RegExp, unicode: () => RegExp): AsciiClass {
  let full: RegExp | undefined;
  const pick = (s: string): RegExp => (isAscii(s) ? ascii : (full ??= unicode()));
  return {
    test: (s) => pick(s).test(s),
    exec: (s) => pick(s).exec(s),
    replace: (s, by) => s.replace(pick(s), by),
    split: (s) => s.split(pick(s)),
  };
}

/** Whether an ASCII code unit is a letter or digit (`[\p{L}\p{N}]`). */
export function isAsciiWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// The twins several files use, made once: one Unicode expression each, compiled only for non-ASCII text.
/** A letter anywhere (`\p{L}`). */
export const HAS_LETTER = asciiClass(/[A-Za-z]/, () => /\p{L}/u);
/** A digit anywhere (`\p{N}`). */
export const HAS_DIGIT = asciiClass(/[0-9]/, () => /\p{N}/u);
/** A letter or digit anywhere. */
export const HAS_WORD_CHAR = asciiClass(/[A-Za-z0-9]/, () => /[\p{L}\p{N}]/u);
/** Starts with a capital. */
export const STARTS_UPPER = asciiClass(/^[A-Z]/, () => /^\p{Lu}/u);
/** Small letters only. */
export const ALL_LOWER = asciiClass(/^[a-z]+$/, () => /^\p{Ll}+$/u);
/** A capital, then small letters only ("Nano"). */
export const TITLE_WORD = asciiClass(/^[A-Z][a-z]+$/, () => /^\p{Lu}\p{Ll}+$/u);
/** Small letters and hyphens, starting with a letter. */
export const LOWER_WORD = asciiClass(/^[a-z][a-z-]*$/, () => /^\p{Ll}[\p{Ll}-]*$/u);
