/**
 * The HTML modules (html-support.ts) for document.ts. Here they load with this module, so tests and
 * `PLAINSPOKE_NO_BUNDLE=1` runs have them at once. In the start-up bundle, scripts/bundle.mjs
 * (lazyHtmlSupport) gives this module a body that loads them on the first call instead: a one-file
 * run over Markdown without raw HTML then never evaluates parse5, hast-util-raw or
 * property-information (issue 19). Keep the export's name and signature in step with that body.
 */
import * as support from './html-support.js';

export type HtmlSupport = typeof support;

export function htmlSupport(): HtmlSupport {
  return support;
}
