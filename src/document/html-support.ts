/**
 * What only HTML needs (issue 19): parsing HTML files and raw HTML in Markdown (rehype-parse, parse5)
 * and rendering a Markdown file's raw HTML into its hast (hast-util-raw, property-information,
 * HTML entities). A Markdown file without raw HTML needs none of it. document.ts reaches it through
 * load-html-support.ts, which the bundle loads on first call.
 */
export { raw } from 'hast-util-raw';
export { collectHtmlProse, parseHtml, parseHtmlTree } from './parse-html.js';
