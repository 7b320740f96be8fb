/** How reports name an item of a help-desk export (issue 16): `macro 900001 "Billing::Refunds" (fr)`. */
import type { ExportItem } from '../types.js';

export function itemLabel(item: ExportItem): string {
  const title = item.title ? ` "${item.title}"` : '';
  return `${item.kind} ${item.id}${title}${item.locale ? ` (${item.locale})` : ''}`;
}

/** A key that tells items apart within one file. */
export function itemKey(item: ExportItem | undefined): string {
  return item ? `${item.kind}\0${String(item.id)}\0${item.locale ?? ''}` : '';
}
