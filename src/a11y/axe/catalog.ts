/**
 * Every axe-core rule (axe-core 4.14) and when plainspoke runs it. Kept as
 * plain data so that config validation can accept `axe/<id>` without loading
 * axe-core or jsdom; test/axe.test.ts checks it against `axe.getRules()`.
 *
 * - `content`: runs on every file. Sound without a browser and about things a
 *   writer puts in an article (images, links, tables, lists, ARIA, forms).
 * - `page`: runs only on full pages (an `<html>` element). Fragments such as
 *   help-centre exports, macros and every Markdown file have no page around
 *   them yet, so these would only report the missing page.
 * - `off`: never runs unless a config turns it on (`axe/<id>: warn`). `why`
 *   says what it needs that jsdom lacks.
 */

export type AxeMode = 'content' | 'page' | 'off';

export interface AxeRuleEntry {
  mode: AxeMode;
  /** Why a rule is off or page-only (shown in rules/axe.md). */
  why?: string;
  /**
   * A narrower CSS selector that still matches every element the rule's own
   * `matches` test accepts. axe checks visibility for each element its
   * selector matches before `matches` runs, and rules whose selector is `*`
   * pay that for every element. `[data-ps-aria]` is set by the renderer on
   * elements with an `aria-*` attribute.
   *
   * Or the rule's own selector, written so that axe can use its index:
   * axe looks up a selector's last tag, id, class or attribute in an index
   * of the page, but a selector that starts with `:is(…)` names none, so
   * axe tests it against every element. `:is(A, B):not(C)` is
   * `A:not(C), B:not(C)`: the same elements, found in the index.
   */
  selector?: string;
}

const LAYOUT = 'needs a browser layout (sizes, positions, colours painted on screen); jsdom has none';
const PAGE = 'about the page around the content; fragments have none';
const RETIRED = 'deprecated or off by default in axe-core';

const ARIA_ATTR = '[data-ps-aria]';

/** Ids in axe-core's order. */
export const AXE_RULES: Readonly<Record<string, AxeRuleEntry>> = {
  accesskeys: { mode: 'content' },
  'area-alt': { mode: 'content' },
  'aria-allowed-attr': { mode: 'content', selector: ARIA_ATTR },
  'aria-allowed-role': { mode: 'content' },
  'aria-braille-equivalent': { mode: 'content' },
  'aria-command-name': { mode: 'content' },
  'aria-conditional-attr': { mode: 'content', selector: ARIA_ATTR },
  'aria-deprecated-role': { mode: 'content' },
  'aria-dialog-name': { mode: 'content' },
  'aria-hidden-body': { mode: 'page', why: PAGE },
  'aria-hidden-focus': { mode: 'content' },
  'aria-input-field-name': { mode: 'content' },
  'aria-meter-name': { mode: 'content' },
  'aria-progressbar-name': { mode: 'content' },
  'aria-prohibited-attr': { mode: 'content', selector: ARIA_ATTR },
  'aria-required-attr': { mode: 'content' },
  'aria-required-children': { mode: 'content' },
  'aria-required-parent': { mode: 'content' },
  'aria-roledescription': { mode: 'off', why: RETIRED },
  'aria-roles': { mode: 'content' },
  'aria-tab-name': { mode: 'content' },
  'aria-text': { mode: 'content' },
  'aria-toggle-field-name': { mode: 'content' },
  'aria-tooltip-name': { mode: 'content' },
  'aria-treeitem-name': { mode: 'content' },
  'aria-valid-attr-value': { mode: 'content', selector: ARIA_ATTR },
  'aria-valid-attr': { mode: 'content', selector: ARIA_ATTR },
  'audio-caption': { mode: 'off', why: RETIRED },
  'autocomplete-valid': { mode: 'content', selector: '[autocomplete]' },
  'avoid-inline-spacing': { mode: 'off', why: LAYOUT },
  blink: { mode: 'content' },
  'button-name': { mode: 'content' },
  bypass: { mode: 'page', why: PAGE },
  'color-contrast-enhanced': { mode: 'off', why: LAYOUT },
  'color-contrast': { mode: 'off', why: `${LAYOUT}; the color-contrast rule checks colours from the source instead` },
  'css-orientation-lock': { mode: 'off', why: `${LAYOUT}; it would also have to load style sheets` },
  'definition-list': { mode: 'content' },
  dlitem: { mode: 'content' },
  'document-title': { mode: 'page', why: PAGE },
  'duplicate-id-active': { mode: 'off', why: RETIRED },
  'duplicate-id-aria': { mode: 'content' },
  'duplicate-id': { mode: 'off', why: RETIRED },
  'empty-heading': { mode: 'content' },
  'empty-table-header': { mode: 'content' },
  'focus-order-semantics': { mode: 'off', why: `${LAYOUT}; experimental in axe-core` },
  'form-field-multiple-labels': { mode: 'content' },
  'frame-focusable-content': { mode: 'off', why: 'needs the framed page, which plainspoke never loads' },
  'frame-tested': { mode: 'off', why: 'needs axe-core inside the framed page, which plainspoke never loads' },
  'frame-title-unique': { mode: 'content' },
  'frame-title': { mode: 'content' },
  'heading-order': { mode: 'content' },
  'hidden-content': { mode: 'off', why: 'only asks for a manual review; experimental in axe-core' },
  'html-has-lang': { mode: 'page', why: PAGE },
  'html-lang-valid': { mode: 'page', why: PAGE },
  'html-xml-lang-mismatch': { mode: 'page', why: PAGE },
  'identical-links-same-purpose': { mode: 'off', why: `${RETIRED} (AAA, asks for a manual review)` },
  'image-alt': { mode: 'content' },
  'image-redundant-alt': { mode: 'content' },
  'input-button-name': { mode: 'content' },
  'input-image-alt': { mode: 'content' },
  'label-content-name-mismatch': { mode: 'content', selector: '[aria-label], [aria-labelledby]' },
  'label-title-only': { mode: 'content' },
  label: { mode: 'content' },
  'landmark-banner-is-top-level': { mode: 'page', why: PAGE },
  'landmark-complementary-is-top-level': { mode: 'off', why: RETIRED },
  'landmark-contentinfo-is-top-level': { mode: 'page', why: PAGE },
  'landmark-main-is-top-level': { mode: 'page', why: PAGE },
  'landmark-no-duplicate-banner': { mode: 'page', why: PAGE },
  'landmark-no-duplicate-contentinfo': { mode: 'page', why: PAGE },
  'landmark-no-duplicate-main': { mode: 'page', why: PAGE },
  'landmark-one-main': { mode: 'page', why: PAGE },
  'landmark-unique': { mode: 'page', why: PAGE },
  'link-in-text-block': { mode: 'off', why: LAYOUT },
  'link-name': { mode: 'content' },
  list: { mode: 'content' },
  listitem: { mode: 'content' },
  marquee: { mode: 'content' },
  'meta-refresh-no-exceptions': { mode: 'off', why: RETIRED },
  'meta-refresh': { mode: 'page', why: PAGE },
  'meta-viewport-large': { mode: 'page', why: PAGE },
  'meta-viewport': { mode: 'page', why: PAGE },
  // Superset of the roles whose children are presentational, explicit or implicit.
  'nested-interactive': { mode: 'content', selector: '[role], button, hr, img, input, math, meter, progress, option' },
  'no-autoplay-audio': { mode: 'content' },
  'object-alt': { mode: 'content' },
  'p-as-heading': { mode: 'off', why: `${LAYOUT}; experimental in axe-core` },
  'page-has-heading-one': { mode: 'page', why: PAGE },
  'presentation-role-conflict': { mode: 'content' },
  // Measured on ../shared/corpus/rendered-html: more time than all other rules together, and quadratic
  // on a page without landmarks (500 paragraphs: 11 s). landmark-one-main reports such a page once.
  region: { mode: 'off', why: `${PAGE}; it flags every paragraph outside a landmark and costs more than all other rules together` },
  'role-img-alt': { mode: 'content', selector: "[role='img']:not(img, area, input, object), [role='image']:not(img, area, input, object)" },
  'scope-attr-valid': { mode: 'content' },
  'scrollable-region-focusable': { mode: 'off', why: LAYOUT },
  'select-name': { mode: 'content' },
  'server-side-image-map': { mode: 'content' },
  'skip-link': { mode: 'page', why: PAGE },
  'summary-name': { mode: 'content' },
  'svg-img-alt': { mode: 'content', selector: "[role='img'], [role='image'], [role='graphics-symbol'], svg[role='graphics-document']" },
  tabindex: { mode: 'content' },
  'table-duplicate-name': { mode: 'content' },
  'table-fake-caption': { mode: 'content' },
  'target-size': { mode: 'off', why: LAYOUT },
  'td-has-header': { mode: 'content' },
  'td-headers-attr': { mode: 'content' },
  'th-has-data-cells': { mode: 'content' },
  'valid-lang': { mode: 'content' },
  'video-caption': { mode: 'off', why: 'without a browser it can only ask for a manual review; media-alternatives checks captions instead' },
};

/** `axe/<id>` for an axe-core rule plainspoke knows. */
export function isAxeRuleId(id: string): boolean {
  return id.startsWith('axe/') && Object.prototype.hasOwnProperty.call(AXE_RULES, id.slice(4));
}

/** Every known `axe/<id>`, for listings and suggestions. */
export function axeRuleIds(): string[] {
  return Object.keys(AXE_RULES).map((id) => `axe/${id}`);
}

/**
 * Content rules and their axe twins: where both flag the same element,
 * the report keeps the content rule's finding (it has the clearer message).
 */
export const AXE_TWINS: Readonly<Record<string, readonly string[]>> = {
  'axe/image-alt': ['image-alt'],
  'axe/input-image-alt': ['image-alt'],
  'axe/area-alt': ['image-alt'],
  'axe/link-name': ['link-text'],
  'axe/heading-order': ['heading-order'],
  'axe/th-has-data-cells': ['table-headers'],
  'axe/td-has-header': ['table-headers'],
  'axe/empty-table-header': ['table-headers'],
  'axe/color-contrast': ['color-contrast'],
  'axe/video-caption': ['media-alternatives'],
  'axe/audio-caption': ['media-alternatives'],
};
