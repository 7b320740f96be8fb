/**
 * link-text: link text that does not say where it goes (WCAG 2.4.4). Screen
 * reader users often list the links of a page and hear each one alone, so
 * "click here" or "read more" says nothing; a long bare URL is read letter by
 * letter; and the same text leading to two different pages makes them guess.
 * The link's name is what assistive technology reads: aria-label if set, else
 * its text with the alt of images in it. Generic words: rules/link-text.yml.
 * Licence and source files (NOTICE, LICENSE: rules/metadata-files.yml) are not checked.
 */
import { defineRule } from '../define-rule.js';
import { table } from '../../lexicon/data.js';
import { isMetadataFile } from '../../lexicon/metadata-files.js';
import { asciiClass } from '../../util/ascii-class.js';
import type { Element } from 'hast';
import { ariaLabel, attr, closest, descendants, hasAttr, hasPlaceholder, isHidden, lineSpan, normalise, parents, shown, textOf, type ParentMap } from '../../a11y/content/hast.js';

interface Options {
  /** Report a bare URL used as link text (as info). */
  bareUrls: boolean;
  /** Report the same text pointing to different places. */
  ambiguous: boolean;
}

let generic: Set<string> | undefined;
function genericWords(): Set<string> {
  generic ??= new Set(table('link-text').entries.filter((e) => e.category !== 'filler').flatMap((e) => e.match.map(normalise)));
  return generic;
}

// The \p expression is made only for non-ASCII link text (src/util/ascii-class.ts).
const NOT_WORD_RUN = asciiClass(/[^A-Za-z0-9']+/, () => /[^\p{L}\p{N}']+/u);

let filler: Set<string> | undefined;
/** Words that say nothing about a destination; link text made only of them ("click here to learn more") is generic. */
function fillerWords(): Set<string> {
  filler ??= new Set(table('link-text').entries.filter((e) => e.category === 'filler').flatMap((e) => e.match.map((m) => m.toLowerCase())));
  return filler;
}

/** "Click here to read more", "see this page for details": every word is filler, and there are at most eight. */
function onlyFiller(n: string): boolean {
  const words = NOT_WORD_RUN.split(n).filter(Boolean);
  if (words.length < 2 || words.length > 8) return false;
  const f = fillerWords();
  return words.every((w) => f.has(w));
}

export default defineRule<Options>({
  id: 'link-text',
  family: 'a11y',
  description: 'Link text that does not say where it goes ("click here", "read more", a bare "here")',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  wcag: ['2.4.4', '2.4.9'],
  options: {
    type: 'object',
    properties: { bareUrls: { type: 'boolean' }, ambiguous: { type: 'boolean' } },
    additionalProperties: false,
  },
  defaults: { bareUrls: true, ambiguous: true },
  messages: {
    generic: "Link text '{{actual}}' does not say where it goes: use words that name the page, such as 'refund policy'",
    genericCounted: "Link text '{{actual}}' does not say where it goes ({{count}} links in this file): use words that name the page, such as 'refund policy'",
    empty: 'This link has no text a screen reader can read: put words inside it, or alt text on its image',
    bareUrl: "Link text '{{actual}}' is a web address, which screen readers read out letter by letter: use words that name the page",
    ambiguous: "Link text '{{actual}}' leads somewhere else on line {{line}}, with the same words around it: make each link's text say where it goes",
  },
  check(doc, ctx) {
    // "NOTICE.md", "LICENSE": the address is the record itself, and customers do not read these files (issue 14, 1.15 audit).
    if (isMetadataFile(doc.path)) return;
    const words = genericWords();
    const seen = new Map<string, { href: string; line: number }>();
    // The same generic text is one finding a file, at its first link, with the number of links (issue 14).
    const generic = new Map<string, { span: { start: number; end: number }; actual: string; count: number }>();
    let map: ParentMap | undefined;
    for (const a of shown(doc, 'a')) {
      const href = attr(a, 'href');
      if (href === undefined || isHidden(a)) continue;
      // aria-labelledby names the link with text elsewhere: we cannot see it here.
      if (hasAttr(a, 'ariaLabelledBy')) continue;
      const span = lineSpan(doc, a);
      if (!span) continue;
      const raw = (ariaLabel(a) ?? textOf(a)).replace(/\s+/g, ' ').trim() || attr(a, 'title')?.trim() || '';
      if (hasPlaceholder(raw) || hasPlaceholder(href)) continue;
      const report = (messageId: string, data: Record<string, string | number> = {}, severity?: 'info') =>
        ctx.report({ messageId, span, data, context: span, ...(severity ? { severity } : {}) });
      if (!raw) {
        // An image with no alt at all is image-alt's finding; alt="" or nothing at all is ours.
        const imgs = descendants(a).filter((d) => d.tagName === 'img');
        if (imgs.some((i) => attr(i, 'alt') === undefined)) continue;
        if (descendants(a).some((d) => d.tagName === 'svg')) continue;
        report('empty');
        continue;
      }
      const n = normalise(raw);
      if (!n) continue;
      if (words.has(n) || onlyFiller(n)) {
        const g = generic.get(n);
        if (g) g.count++;
        else generic.set(n, { span, actual: short(raw), count: 1 });
        continue;
      }
      if (isUrl(raw)) {
        if (ctx.options.bareUrls && !ariaLabel(a) && longUrl(raw)) report('bareUrl', { actual: short(raw) }, 'info');
        continue;
      }
      // E-mail addresses and phone numbers name themselves; an in-page "#" goes nowhere.
      if (!ctx.options.ambiguous || href.trim() === '#' || /^(?:mailto|tel|sms):/i.test(href.trim())) continue;
      // WCAG 2.4.4 lets the sentence, list item or table row around a link tell links apart;
      // only the same words in the same surroundings leave the reader guessing.
      const key = `${n}\0${contextOf(a, (map ??= parents(doc)))}`;
      const dest = normaliseHref(href);
      const line = doc.loc.point(span.start).line;
      const first = seen.get(key);
      if (!first) seen.set(key, { href: dest, line });
      else if (first.href !== dest) report('ambiguous', { actual: short(raw), line: first.line });
    }
    for (const g of generic.values()) {
      ctx.report({ messageId: g.count > 1 ? 'genericCounted' : 'generic', span: g.span, data: { actual: g.actual, count: g.count }, context: g.span });
    }
  },
});

/** Blocks whose text is a link's context for assistive technology. */
const CONTEXT = new Set(['p', 'li', 'dd', 'dt', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'blockquote', 'summary', 'label']);

/** The text around a link that tells it apart: its paragraph, list item, or table row. */
function contextOf(a: Element, map: ParentMap): string {
  const block = closest(map, a, (e) => CONTEXT.has(e.tagName));
  if (!block) return '';
  const row = block.tagName === 'td' || block.tagName === 'th' ? closest(map, block, (e) => e.tagName === 'tr') : undefined;
  const el = row ?? block;
  // Once per block: 20,000 links in one paragraph must not read it 20,000 times (issue 20).
  let text = blockTexts.get(el);
  if (text === undefined) blockTexts.set(el, (text = normalise(textOf(el))));
  return text;
}

const blockTexts = new WeakMap<Element, string>();

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function isUrl(s: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(s);
}

/**
 * A long address: read aloud it is a string of letters. A host with at most
 * one short path segment ("https://login.gov/contact") reads well enough.
 */
function longUrl(s: string): boolean {
  let rest = s.replace(/^https?:\/\//i, '');
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === '/' || rest[end - 1] === '.')) end--;
  rest = rest.slice(0, end);
  const slash = rest.search(/[/?#]/);
  if (slash === -1) return false;
  const path = rest.slice(slash);
  return /[?#]/.test(path) || path.split('/').filter(Boolean).length > 1 || rest.length > 40;
}

/** The same place written two ways still counts as one: case of the host, a trailing slash, a default index page. */
function normaliseHref(href: string): string {
  let h = href.trim();
  // Scheme and host, found by index (no regex over the whole address).
  const sep = h.indexOf('://');
  if (sep > 0 && /^[a-z][a-z0-9+.-]*$/i.test(h.slice(0, sep))) {
    let end = sep + 3;
    while (end < h.length && h[end] !== '/' && h[end] !== '?' && h[end] !== '#') end++;
    h = h.slice(0, end).toLowerCase().replace(/^http:/, 'https:').replace('://www.', '://') + h.slice(end);
  }
  return h.replace(/\/(?:index\.html?)?(?=$|[?#])/i, '').replace(/\/$/, '');
}
