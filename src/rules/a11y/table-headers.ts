/**
 * table-headers: a data table with no header cells (WCAG 1.3.1). Without
 * `<th>` a screen reader reads a grid of values with nothing to say which
 * column or row each one belongs to. Markdown always makes a header row, so
 * there the finding is a header row left empty (`| | |`).
 *
 * Layout tables are left alone: `role="presentation"`/`"none"`, tables with
 * a single row or a single column (a boxed note), and picture grids (a row of
 * cells holding only images, with captions in the next row).
 */
import type { Element } from 'hast';
import { defineRule } from '../define-rule.js';
import { ariaLabel, attr, descendants, fromMarkdownSyntax, headSpan, isHidden, isPresentational, role, shown, sourceSpan, textOf, textWithoutImages } from '../../a11y/content/hast.js';

export default defineRule({
  id: 'table-headers',
  family: 'a11y',
  description: 'A table with no header cells',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  wcag: ['1.3.1'],
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    noHeaders: 'This table has no header cells: mark the first row (or column) with <th> so each value has a label',
    emptyHeaders: 'This table has an empty header row: give each column a short name',
    emptyHeadersMarkdown: "This table's header row is empty: write a short name for each column in its first row",
  },
  check(doc, ctx) {
    for (const table of shown(doc, 'table')) {
      if (isPresentational(table) || isHidden(table)) continue;
      // Cells of this table only, not of tables nested in it.
      const inner = descendants(table, (e) => e.tagName === 'table').filter((e) => e.tagName !== 'table');
      const rows = inner.filter((e) => e.tagName === 'tr' || role(e) === 'row');
      const headers = inner.filter((e) => e.tagName === 'th' || role(e) === 'columnheader' || role(e) === 'rowheader');
      const span = headSpan(doc, table);
      if (!span) continue;
      if (headers.length === 0) {
        if (rows.length < 2 || maxColumns(rows) < 2 || imageRow(rows)) continue;
        // The finding runs to the end of the first row, the one that should hold the headers.
        const first = sourceSpan(doc, rows[0]);
        ctx.report({ messageId: 'noHeaders', span: first && first.end > span.end ? { start: span.start, end: first.end } : span, context: span });
        continue;
      }
      if (headers.every((h) => isEmpty(h))) {
        ctx.report({ messageId: fromMarkdownSyntax(doc, table) ? 'emptyHeadersMarkdown' : 'emptyHeaders', span, context: span });
      }
    }
  },
});

function maxColumns(rows: Element[]): number {
  let max = 0;
  for (const r of rows) {
    let n = 0;
    for (const c of r.children) {
      if (c.type !== 'element' || !(c.tagName === 'td' || c.tagName === 'th' || role(c) === 'cell' || role(c) === 'gridcell')) continue;
      const span = Number(attr(c, 'colSpan') ?? 1);
      n += Number.isFinite(span) && span > 0 ? Math.min(span, 1000) : 1;
    }
    max = Math.max(max, n);
  }
  return max;
}

/** A row of images with no text (a picture grid with captions under it): layout, not data. */
function imageRow(rows: Element[]): boolean {
  return rows.some((r) => {
    const cells = r.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
    return cells.length > 0 && cells.every((c) => !textWithoutImages(c).trim() && descendants(c).some((d) => d.tagName === 'img'));
  });
}

function isEmpty(cell: Element): boolean {
  return !ariaLabel(cell) && !attr(cell, 'abbr')?.trim() && !textOf(cell).trim();
}
