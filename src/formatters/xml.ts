/** XML and HTML text escaping shared by the junit and html formatters. */

/**
 * Characters XML 1.0 cannot hold at all, even escaped: C0 controls other than
 * tab, LF and CR, U+FFFE/U+FFFF and lone surrogates. They are dropped.
 */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content. */
export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); keeps tabs and line breaks as character references so parsers do not fold them. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
