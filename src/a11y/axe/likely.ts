/**
 * A guess, from a file's bytes alone, whether linting it will load jsdom and axe-core (issue 19).
 *
 * Most Markdown pages are left out of axe by src/a11y/axe/proofs.ts, so a worker that meets none of the
 * others never loads jsdom and axe-core (about half a second of CPU, then a cold JIT). The scheduler
 * (src/engine/lint-files.ts) hands the pages this guesses to one worker, so that only one pays.
 * The guess never changes a finding: a page it misses is linted as before by whichever worker gets it.
 *
 * It looks for what the proofs cannot cover or often fail on: an HTML tag outside PROVABLE_TAGS (a raw
 * `<table>` too: the table proofs cover only tables as Markdown writes them), attributes such as `style`,
 * `role`, `aria-*`, `scope` or `rowspan`, a link or image with no text (`[](…)`), and a footnote referred
 * to twice. Every file that is not Markdown is a page axe runs on. A few passes over the text, no regular
 * expression.
 */
import { htmlTagNames } from 'html-tag-names';
import { PROVABLE_TAGS } from './proofs.js';

const KNOWN_TAGS: ReadonlySet<string> = new Set(htmlTagNames);

/** Attribute names and Markdown the proofs do not cover, or whose proof often fails; lower case. */
const SIGNS = ['style=', 'role=', 'aria-', 'tabindex', 'scope=', 'rowspan', 'colspan', 'lang=', 'headers=', '[](', '[ ](', 'alt=""', "alt=''", 'alt=" "'];

/** Bytes past this are not read: a longer page is big enough to be worth a guess either way. */
const MAX_BYTES = 256 * 1024;

/** Whether a Markdown file's bytes look like a page axe will run on (see the header). */
export function likelyNeedsAxe(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, MAX_BYTES);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1').toLowerCase();
  for (const sign of SIGNS) if (text.includes(sign)) return true;
  if (repeatedFootnote(text)) return true;
  for (let at = text.indexOf('<'); at >= 0 && at < text.length - 1; at = text.indexOf('<', at + 1)) {
    let stop = at + 1;
    while (stop < text.length && isNameChar(text.charCodeAt(stop))) stop++;
    if (stop === at + 1) continue;
    const tag = text.slice(at + 1, stop);
    if (tag === 'table' || (KNOWN_TAGS.has(tag) && !PROVABLE_TAGS.has(tag))) return true;
  }
  return false;
}

/**
 * A footnote referred to twice (`[^1]` … `[^1]`): its second link back reads "↩2", which the proof of
 * label-content-name-mismatch does not cover. A definition (`[^1]:`) is not a reference.
 */
function repeatedFootnote(text: string): boolean {
  const seen = new Set<string>();
  for (let at = text.indexOf('[^'); at >= 0; at = text.indexOf('[^', at + 2)) {
    const close = text.indexOf(']', at + 2);
    if (close < 0 || close - at > 100) continue;
    if (text.charCodeAt(close + 1) === 58 /* : */) continue;
    const label = text.slice(at + 2, close);
    if (seen.has(label)) return true;
    seen.add(label);
  }
  return false;
}

/** a-z, 0-9 (the text is lower case already). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
