/**
 * color-contrast: text whose colours, as the document itself sets them, give
 * a contrast under WCAG 2.2's 4.5:1 (3:1 for large text: 24px, or 18.66px
 * bold) (WCAG 1.4.3). axe cannot judge this on jsdom, which has no layout, so
 * we compute it from inline `style`, `<font color>`, `bgcolor` and simple
 * `<style>` rules (see src/a11y/contrast/). A background the document does not
 * set is the configured `theme.background` (default white), and the message
 * says so. We stay silent when a colour cannot be known: a background image,
 * `var(…)`, a selector we do not evaluate, a link's or button's own colours.
 *
 * Not flagged:
 * - light text on a dark page background set in a style sheet (`body { background: #121212; color: #e0e0e0; }`)
 * - print-only colours (`@media print { body { color: #000; background: #fff; } }`)
 * - a link's own colour (`<p><a href="/refunds">Refund policy</a></p>`)
 */
import type { Element } from 'hast';
import { defineRule } from '../define-rule.js';
import { blend, contrast, formatRatio, hex, luminance, parseColour, type Rgba } from '../../a11y/contrast/colour.js';
import { mayHaveColours, scanStyles, type TextStyle } from '../../a11y/contrast/styles.js';
import { headSpan } from '../../a11y/content/hast.js';

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

export default defineRule({
  id: 'color-contrast',
  family: 'a11y',
  description: 'Text colours from inline styles or <style> whose contrast is under 4.5:1 (3:1 for large text)',
  defaultSeverity: 'error',
  channels: 'all',
  fixable: false,
  status: 'stable',
  wcag: ['1.4.3'],
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    low: 'Text contrast is {{ratio}}:1 ({{fg}} on {{bg}}), under the {{target}}:1 that {{size}} text needs: {{advice}}',
    lowThemeBackground: 'Text contrast is {{ratio}}:1 ({{fg}} on {{bg}} from theme.background), under the {{target}}:1 that {{size}} text needs: {{advice}}',
    lowDefaultText: "Text contrast is {{ratio}}:1 ({{fg}}, the browser default, on {{bg}}), under the {{target}}:1 that {{size}} text needs: set a text colour that stands out",
  },
  check(doc, ctx) {
    if (!mayHaveColours(doc.text)) return;
    const theme = parseColour(ctx.settings.theme.background);
    const page = theme && theme.a >= 1 ? theme : theme ? blend(theme, WHITE) : WHITE;
    const { texts } = scanStyles(doc.hast, page);
    const reported = new Set<string>();
    const ids = new Map<Element, number>();
    const idOf = (e: Element | undefined) => {
      if (!e) return 0;
      let n = ids.get(e);
      if (n === undefined) ids.set(e, (n = ids.size + 1));
      return n;
    };
    for (const t of texts) {
      const result = judge(t);
      if (!result) continue;
      // One finding per combination of colour sources and size: a paragraph's bold word does not repeat it.
      const key = `${idOf(result.fgOrigin)}|${idOf(result.bgOrigin)}|${result.large}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const span = headSpan(doc, t.el);
      if (!span) continue;
      const messageId = !result.fgOrigin ? 'lowDefaultText' : !result.bgOrigin ? 'lowThemeBackground' : 'low';
      ctx.report({
        messageId,
        span,
        context: span,
        data: {
          ratio: formatRatio(result.ratio),
          fg: hex(result.fgShown),
          bg: hex(result.bg),
          target: result.large ? '3' : '4.5',
          size: result.large ? 'large' : 'normal-size',
          advice: luminance(result.fgShown) > luminance(result.bg) ? 'lighten the text or darken the background' : 'darken the text or lighten the background',
        },
      });
    }
  },
});

interface Verdict {
  ratio: number;
  fgShown: Rgba;
  bg: Rgba;
  large: boolean;
  fgOrigin?: Element;
  bgOrigin?: Element;
}

/** The contrast of one element's text, when it fails and both colours are known. */
function judge(t: TextStyle): Verdict | undefined {
  if (t.fg === 'unknown' || t.bg === 'unknown') return undefined;
  // Nothing set by the document: black on the page background is the reader's own theme, not ours to judge.
  if (!t.fg.origin && !t.bg.origin) return undefined;
  let fg = blend(t.fg.colour, t.bg.colour);
  let bg = t.bg.colour;
  if (t.fade) {
    fg = blend({ ...fg, a: t.fade.opacity }, t.fade.backdrop);
    bg = blend({ ...bg, a: t.fade.opacity }, t.fade.backdrop);
  }
  const ratio = contrast(fg, bg);
  if (ratio >= 4.5) return undefined;
  const large = isLarge(t.sizePx, t.bold);
  // Unknown size: only certain failures (under 3:1, which fails at any size).
  if (large === undefined && ratio >= 3) return undefined;
  if (large && ratio >= 3) return undefined;
  return { ratio, fgShown: fg, bg, large: large === true, fgOrigin: t.fg.origin, bgOrigin: t.bg.origin };
}

/** WCAG large text: at least 18pt, or 14pt bold (1pt = 4/3 px). */
function isLarge(px: number | undefined, bold: boolean): boolean | undefined {
  if (px === undefined) return undefined;
  const pt = px * 0.75;
  return pt >= 18 - 1e-9 || (bold && pt >= 14 - 1e-9);
}
