/**
 * alt-text-quality: alt text that is there but says nothing (WCAG 1.1.1):
 * "image", "screenshot", a file name, "photo of …" (read as "image, photo
 * of …"), alt that repeats the caption or the link text right next to it
 * (read twice), and alt too long to listen to. Decorative `alt=""` is fine;
 * a missing alt is image-alt's job. Word tables: rules/alt-text-quality.yml.
 */
import type { Element } from 'hast';
import { defineRule } from '../define-rule.js';
import type { Doc } from '../../document/document.js';
import type { Span } from '../../types.js';
import { altWords } from '../../a11y/content/alt-words.js';
import { isFileName } from '../../a11y/content/alt-file-name.js';
import { attr, attrValueSpan, closest, descendants, fromMarkdownSyntax, hasPlaceholder, headSpan, isHidden, isPresentational, nextElementSibling, normalise, type ParentMap, parents, shown, textOf, textWithoutImages } from '../../a11y/content/hast.js';

interface Options {
  maxLength: number;
}


export default defineRule<Options>({
  id: 'alt-text-quality',
  family: 'a11y',
  description: 'Alt text that says nothing ("image", "screenshot", a file name) or runs too long',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  wcag: ['1.1.1'],
  options: {
    type: 'object',
    properties: { maxLength: { type: 'integer', minimum: 20 } },
    additionalProperties: false,
  },
  defaults: { maxLength: 150 },
  messages: {
    meaningless: "Alt text '{{actual}}' does not say what the image shows: describe it, or use alt=\"\" if it is only decoration",
    prefix: "Alt text starts with '{{actual}}', which screen readers already say: start with what the image shows",
    fileName: "Alt text '{{actual}}' is a file name: say what the image shows",
    caption: "Alt text '{{actual}}' repeats the caption next to it, so screen readers read it twice: describe the image, or use alt=\"\"",
    linkText: "Alt text '{{actual}}' repeats the link text next to it, so screen readers read it twice: use alt=\"\" on the image",
    tooLong: 'Alt text is {{length}} characters long: keep it under {{max}} and put the detail in the text or a caption',
  },
  check(doc, ctx) {
    const words = altWords();
    const map = (() => {
      let m: ParentMap | undefined;
      return () => (m ??= parents(doc));
    })();
    const images: Element[] = [...shown(doc, 'img'), ...shown(doc, 'area'), ...shown(doc, 'input').filter((i) => attr(i, 'type')?.trim().toLowerCase() === 'image')];
    for (const img of images) {
      const alt = attr(img, 'alt');
      if (alt === undefined || isPresentational(img) || isHidden(img)) continue;
      const clean = alt.replace(/\s+/g, ' ').trim();
      // Decorative (alt="") is fine; a placeholder's value is unknown.
      if (!clean || hasPlaceholder(clean)) continue;
      const span = altSpan(doc, img, alt);
      if (!span) continue;
      const report = (messageId: string, data: Record<string, string | number>, suggestions?: string[]) =>
        ctx.report({ messageId, span, data, context: headSpan(doc, img) ?? span, ...(suggestions?.length ? { suggestions } : {}) });
      const n = normalise(clean);
      const bare = dropNumber(n.replace(/^(?:a|an|the) /, ''));
      if (words.meaningless.has(n) || words.meaningless.has(bare)) {
        report('meaningless', { actual: short(clean) });
        continue;
      }
      if (isFileName(clean, attr(img, 'src') ?? attr(img, 'href') ?? '')) {
        report('fileName', { actual: short(clean) });
        continue;
      }
      const prefix = leadingPrefix(bare, words.prefixes);
      if (prefix) {
        const parts = clean.split(' ');
        const skip = prefix.count + (/^(?:a|an|the) /.test(n) ? 1 : 0);
        const rest = parts.slice(skip).join(' ');
        report('prefix', { actual: parts.slice(0, skip).join(' ') }, rest ? [rest[0].toUpperCase() + rest.slice(1)] : []);
        continue;
      }
      if (repeatsLink(img, n, map())) {
        report('linkText', { actual: short(clean) }, ['']);
        continue;
      }
      if (repeatsCaption(img, n, map())) {
        report('caption', { actual: short(clean) });
        continue;
      }
      // Long alt text that says what the image shows is still good alt text: a hint (info), not a defect.
      // Words quoted from the screen are the content of a picture of text (WCAG 1.4.5), so they do not count.
      const length = [...withoutQuotes(clean)].length;
      if (length > ctx.options.maxLength) ctx.report({ messageId: 'tooLong', span, data: { length: [...clean].length, max: ctx.options.maxLength }, context: headSpan(doc, img) ?? span, severity: 'info' });
    }
  },
});

/** Where to point: the alt value itself (HTML attribute or the Markdown brackets), else the element. */
function altSpan(doc: Doc, el: Element, alt: string): Span | undefined {
  if (fromMarkdownSyntax(doc, el)) {
    const s = el.position?.start?.offset;
    if (s === undefined) return undefined;
    const at = doc.text.startsWith('![', s) ? s + 2 : s;
    const close = doc.text.indexOf(']', at);
    const end = close === -1 ? at + alt.length : close;
    return { start: at, end: Math.max(at, end) };
  }
  const v = attrValueSpan(doc, el, 'alt');
  if (v && v.end > v.start) return v;
  return headSpan(doc, el);
}

/**
 * The alt text with every quoted stretch ("…", “…”, '…', ‘…’) taken out: the text a screenshot
 * shows, which its alt must carry. A single quote opens only at the start of a word and closes
 * only at the end of one, so "Arduino's" is an apostrophe. One pass, no regex.
 */
function withoutQuotes(alt: string): string {
  const chars = [...alt];
  let out = '';
  let close = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const before = chars[i - 1] ?? ' ';
    const after = chars[i + 1] ?? ' ';
    if (close) {
      if (ch === close && (close === '"' || close === '\u201d' || !isLetter(after))) close = '';
      continue;
    }
    if (ch === '"') close = '"';
    else if (ch === '\u201c') close = '\u201d';
    else if ((ch === "'" || ch === '\u2018') && !isLetter(before)) close = ch === "'" ? "'" : '\u2019';
    else out += ch;
  }
  // An unclosed quote is not a quotation: count the whole alt.
  return close ? alt : out;
}

function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase() || (ch >= '0' && ch <= '9');
}

/** "screenshot 3" → "screenshot" (a loop: `/ ?\d+$/` is quadratic on long digit runs). */
function dropNumber(s: string): string {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) >= 48 && s.charCodeAt(i - 1) <= 57) i--;
  if (i === s.length || i === 0) return s;
  return s.slice(0, s[i - 1] === ' ' ? i - 1 : i);
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function leadingPrefix(n: string, prefixes: { words: string[] }[]): { count: number } | undefined {
  const w = n.split(' ');
  for (const p of prefixes) {
    if (w.length <= p.words.length) continue;
    if (p.words.every((x, i) => w[i] === x)) return { count: p.words.length };
  }
  return undefined;
}

/** `<a><img alt="Settings"> Settings</a>`: the link's name becomes "Settings Settings". */
function repeatsLink(img: Element, n: string, map: ParentMap): boolean {
  const a = closest(map, img, (e) => e.tagName === 'a' || e.tagName === 'button');
  if (!a) return false;
  return normalise(textWithoutImages(a)) === n;
}

/** A figcaption, the rest of the image's own paragraph, or the paragraph right after it, saying the same words. */
function repeatsCaption(img: Element, n: string, map: ParentMap): boolean {
  const figure = closest(map, img, (e) => e.tagName === 'figure');
  if (figure) {
    for (const d of descendants(figure)) if (d.tagName === 'figcaption' && normalise(textOf(d)) === n) return true;
  }
  const block = closest(map, img, (e) => ['p', 'div', 'td', 'th', 'li', 'figure', 'dd'].includes(e.tagName));
  if (!block) return false;
  if (normalise(textWithoutImages(block)) === n) return true;
  // The image stands alone in its paragraph: a short paragraph right after is its caption.
  if (normalise(textWithoutImages(block)) !== '') return false;
  const next = nextElementSibling(map, block);
  // Another image with the same alt right after is not a caption.
  if (next && ['p', 'figcaption', 'em', 'small', 'div'].includes(next.tagName)) return normalise(textWithoutImages(next)) === n;
  return false;
}
