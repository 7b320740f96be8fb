/**
 * image-alt: an image with no text alternative (WCAG 1.1.1). A screen reader
 * then reads the file name, or nothing, where the picture carries meaning.
 *
 * HTML `alt=""` is a deliberate "this is decoration" and is fine. Markdown has
 * no way to say that: `![](shot.png)` is nearly always a forgotten alt, so an
 * empty Markdown alt counts as missing (option `markdownEmptyAlt` turns that
 * off for sites where Markdown images are decoration).
 */
import { defineRule } from '../define-rule.js';
import { ariaLabel, attr, fromMarkdownSyntax, hasAttr, headSpan, isHidden, isPresentational, shown } from '../../a11y/content/hast.js';
import type { Element } from 'hast';

interface Options {
  markdownEmptyAlt: 'missing' | 'decorative';
}

export default defineRule<Options>({
  id: 'image-alt',
  family: 'a11y',
  description: 'An image with no alt text',
  defaultSeverity: 'error',
  channels: 'all',
  fixable: false,
  status: 'stable',
  wcag: ['1.1.1'],
  options: {
    type: 'object',
    properties: { markdownEmptyAlt: { enum: ['missing', 'decorative'] } },
    additionalProperties: false,
  },
  defaults: { markdownEmptyAlt: 'missing' },
  messages: {
    missing: "Image '{{name}}' has no alt text: add alt=\"…\" saying what it shows, or alt=\"\" if it is only decoration",
    missingCounted: "Image '{{name}}' has no alt text ({{count}} times in this file): add alt=\"…\" saying what it shows, or alt=\"\" if it is only decoration",
    markdownEmpty: "Image '{{name}}' has no alt text: say what it shows inside the brackets, as in ![what it shows]({{src}})",
    inputImage: "Image button '{{name}}' has no alt text: add alt=\"…\" saying what the button does",
    area: "Image map area '{{name}}' has no alt text: add alt=\"…\" saying where the link goes",
  },
  check(doc, ctx) {
    // The same picture with no alt, used again and again (an icon in every card of a hub page), is one
    // finding at its first use with a count (issue 14); different pictures are each their own finding.
    const repeats = new Map<string, { span: { start: number; end: number }; messageId: string; src: string; count: number }>();
    const report = (el: Element, messageId: string) => {
      const span = headSpan(doc, el);
      if (!span) return;
      const src = attr(el, 'src') ?? attr(el, 'href') ?? '';
      const key = messageId === 'missing' && src.trim() ? `${messageId}\0${src.trim()}` : `${messageId}\0@${span.start}`;
      const seen = repeats.get(key);
      if (seen) seen.count++;
      else repeats.set(key, { span, messageId, src, count: 1 });
    };
    const flush = () => {
      for (const { span, messageId, src, count } of repeats.values()) {
        const counted = messageId === 'missing' && count > 1;
        ctx.report({ messageId: counted ? 'missingCounted' : messageId, span, data: { name: fileName(src), src: !src ? 'image.png' : src.length > 60 ? fileName(src) : src, count }, context: span });
      }
    };
    for (const img of shown(doc, 'img')) {
      if (isPresentational(img) || isHidden(img) || hasOtherName(img)) continue;
      const alt = attr(img, 'alt');
      if (alt === undefined) report(img, 'missing');
      else if (!alt.trim() && fromMarkdownSyntax(doc, img) && ctx.options.markdownEmptyAlt === 'missing') report(img, 'markdownEmpty');
    }
    for (const input of shown(doc, 'input')) {
      if (attr(input, 'type')?.trim().toLowerCase() !== 'image' || isHidden(input)) continue;
      // An image button always needs a name: alt="" leaves it silent.
      if (!attr(input, 'alt')?.trim() && !hasOtherName(input)) report(input, 'inputImage');
    }
    for (const area of shown(doc, 'area')) {
      if (!hasAttr(area, 'href') || isHidden(area)) continue;
      if (!attr(area, 'alt')?.trim() && !hasOtherName(area)) report(area, 'area');
    }
    flush();
  },
});

/** aria-label, aria-labelledby or a title also name an image (as axe's image-alt accepts). */
function hasOtherName(el: Element): boolean {
  return Boolean(ariaLabel(el) || attr(el, 'ariaLabelledBy')?.trim() || attr(el, 'title')?.trim());
}

/** The last path segment of a URL, for messages ('setup-screen.png'); never fetched. */
export function fileName(src: string): string {
  const clean = src.split(/[?#]/)[0];
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  if (!last) return src.length > 40 ? `${src.slice(0, 37)}…` : src || 'image';
  const name = (() => {
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  })();
  return name.length > 40 ? `${name.slice(0, 37)}…` : name;
}
