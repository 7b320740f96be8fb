/**
 * heading-order: a heading level that skips going deeper (h2 → h4), or a
 * second h1 (WCAG 1.3.1, 2.4.6). Screen reader users move through a page by
 * its headings; a gap reads like a missing section.
 *
 * The first heading may be any level: help-centre articles keep their title in
 * front matter or the page template and start at `##`. Going back up any
 * number of levels (h4 → h2) is how sections end, so it is fine.
 *
 * Not flagged:
 * - a first heading at any level (`### Start at any level`)
 * - going back up more than one level (`## Back up two levels`)
 * - a `#` line in an indented code block (`    # An indented code block, not a heading`)
 * - `#` signs inside a sentence (`Some text with a # sign and ## two of them.`)
 * - a heading inside a template element (`<template><h6>Inside a template</h6></template>`)
 * - an empty heading, a spacer such as `<h4>&nbsp;</h4>`: the fix is to delete it, not to change its
 *   level, so it neither gets a finding nor sets the level the next heading is measured from
 */
import type { Element } from 'hast';
import { defineRule } from '../define-rule.js';
import { ariaLabel, bySource, fromMarkdownSyntax, headSpan, isHidden, shown, textOf } from '../../a11y/content/hast.js';

const LEVELS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export default defineRule({
  id: 'heading-order',
  family: 'a11y',
  description: 'A heading level that skips (h2 → h4), or more than one h1',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  wcag: ['1.3.1', '2.4.6'],
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    skip: 'This heading jumps from level {{from}} to level {{to}}: make it level {{want}} so no level is missing',
    skipMarkdown: "This heading jumps from level {{from}} to level {{to}}: make it level {{want}} ('{{hashes}}') so no level is missing",
    secondH1: 'This is a second top-level heading (the first is on line {{line}}): make it level 2 so the page has one title',
    secondH1Markdown: "This is a second top-level heading (the first is on line {{line}}): make it level 2 ('##') so the page has one title",
  },
  check(doc, ctx) {
    const headings: { el: Element; level: number }[] = [];
    LEVELS.forEach((tag, i) => {
      for (const el of shown(doc, tag)) if (el.position && !isHidden(el) && !isEmpty(el)) headings.push({ el, level: i + 1 });
    });
    if (headings.length < 2) return;
    headings.sort((a, b) => bySource(a.el, b.el));
    let prev: number | undefined;
    let firstH1: number | undefined;
    for (const { el, level } of headings) {
      const span = headSpan(doc, el);
      if (!span) continue;
      const md = fromMarkdownSyntax(doc, el);
      if (level === 1) {
        if (firstH1 !== undefined) ctx.report({ messageId: md ? 'secondH1Markdown' : 'secondH1', span, data: { line: firstH1 }, context: span });
        else firstH1 = doc.loc.point(span.start).line;
      }
      if (prev !== undefined && level > prev + 1) {
        const want = prev + 1;
        ctx.report({ messageId: md ? 'skipMarkdown' : 'skip', span, data: { from: prev, to: level, want, hashes: '#'.repeat(want) }, context: span });
      }
      prev = level;
    }
  },
});

/** A heading with no text, no image alt and no label: a spacer (`<h3>&nbsp;</h3>`, a bare `###`). */
function isEmpty(el: Element): boolean {
  return !ariaLabel(el) && textOf(el).trim() === '';
}
