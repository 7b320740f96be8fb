/**
 * Which axe rules can have anything to check on a page (issue 19).
 *
 * axe runs a rule on the elements its CSS selector matches. A rule whose
 * selector matches nothing on the page is "inapplicable" and reports
 * nothing, yet costs a few hundredths of a millisecond per file (its queue,
 * result and timer) on every one of the corpus's pages. The DOM builder
 * (src/a11y/axe/dom.ts) records which tag and attribute names the page
 * has; a rule whose selector needs a tag or attribute name the page lacks is
 * left out of the run. The reading is conservative: only the selector's
 * subject (its last compound) counts, only its tag name and the names in its
 * own `[attribute]` parts (never inside `:not(…)` or `:is(…)`), and a
 * selector this reading does not understand keeps the rule.
 */

/** Tag and attribute names on a built page, in lower case. */
export interface PageFeatures {
  tags: Set<string>;
  attrs: Set<string>;
}

/** One selector of a list: its subject's tag name (if any) and the attribute names it requires. */
export interface Subject {
  tag?: string;
  attrs: string[];
}

/**
 * The subjects of a selector list, or undefined when some selector in it could match any element
 * (no tag and no attribute name: `*`, `:is(…)`, `:not(…)`) or is not understood.
 */
export function subjectsOf(selector: string): Subject[] | undefined {
  const out: Subject[] = [];
  for (const complex of splitTop(selector, ',')) {
    const subject = subjectOf(complex.trim());
    if (!subject || (!subject.tag && !subject.attrs.length)) return undefined;
    out.push(subject);
  }
  return out.length ? out : undefined;
}

/** Whether an element matching one of `subjects` can be on a page with these features. */
export function mayMatch(subjects: readonly Subject[] | undefined, page: PageFeatures): boolean {
  if (!subjects) return true;
  return subjects.some((s) => (!s.tag || page.tags.has(s.tag)) && s.attrs.every((a) => page.attrs.has(a)));
}

const IDENT = /^[a-zA-Z][a-zA-Z0-9-]*/;
const ATTR_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]*/;

/** The last compound of a complex selector, read; undefined when not understood. */
function subjectOf(complex: string): Subject | undefined {
  if (!complex) return undefined;
  // The subject is what follows the last combinator (white space, >, + or ~) outside brackets, parentheses and quotes.
  let start = 0;
  let depth = 0;
  const closed = forEachUnquoted(complex, 0, (c, i) => {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~' || c === '\t' || c === '\n')) start = i + 1;
  });
  if (depth !== 0 || !closed) return undefined;
  const compound = complex.slice(start);
  if (!compound) return undefined;
  const tag = IDENT.exec(compound)?.[0].toLowerCase();
  const attrs: string[] = [];
  depth = 0;
  let understood = true;
  forEachUnquoted(compound, tag ? tag.length : 0, (c, i) => {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '[') {
      const rest = compound.slice(i + 1);
      const name = ATTR_NAME.exec(rest)?.[0];
      // Only a plain name directly followed by `]` or an operator is required; escapes and namespaces are not read.
      const next = name ? rest[name.length] : undefined;
      if (depth === 0 && name && next !== undefined && ']=~|^$*'.includes(next) && !(next === '|' && rest[name.length + 1] !== '=')) attrs.push(name.toLowerCase());
      const close = indexOfClose(compound, i);
      if (close < 0) understood = false;
      return close < 0 ? compound.length : close;
    }
  });
  if (!understood) return undefined;
  return tag ? { tag, attrs } : { attrs };
}

/**
 * Calls `visit` with each character of `s` from `from` that is outside quotes and not escaped; `visit` may
 * return the index to go on after. Returns false when `s` ends inside a quote.
 */
function forEachUnquoted(s: string, from: number, visit: (c: string, i: number) => number | void): boolean {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    const jump = visit(c, i);
    if (jump !== undefined) i = jump;
  }
  return !quote;
}

/** Index of the `]` closing the `[` at `open`, quotes skipped; -1 when there is none. */
function indexOfClose(s: string, open: number): number {
  let at = -1;
  forEachUnquoted(s, open + 1, (c, i) => {
    if (c !== ']') return undefined;
    at = i;
    return s.length;
  });
  return at;
}

/** `s` split at `sep` outside brackets, parentheses and quotes. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  forEachUnquoted(s, 0, (c, i) => {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  });
  out.push(s.slice(from));
  return out;
}
