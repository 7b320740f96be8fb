/**
 * Text printed to a terminal or a CI log can never carry control characters
 * (issue 20, item 12): a file named with `ESC[31m`, or a message quoting one,
 * would recolour the screen, move the cursor or rewrite a link. Every text
 * format escapes them to a visible `\u001b`.
 */

// C0 controls (tab and line feed are handled by the caller), DEL, C1 controls, and the bidirectional
// overrides and isolates that can reorder what a reader sees (CVE-2021-42574, "Trojan Source").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text that may span lines: tabs and line feeds stay, every other control character becomes a visible escape. */
export function safeText(s: string): string {
  return s.replace(UNSAFE, escape);
}

/** One line of output: line breaks and tabs are escaped too, so a value can never start a new line. */
export function safeLine(s: string): string {
  return s.replace(UNSAFE_LINE, escape);
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with DEL, C1 controls, line separators and bidirectional controls written as `\uXXXX`.
 * JSON.stringify escapes C0 controls already; these it leaves raw. The data is the same.
 */
export function safeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
