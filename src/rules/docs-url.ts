/** Where a rule's doc lives (rules/<id>.md in the repository). */
export const DOCS_BASE = 'https://github.com/plainspoke/plainspoke/blob/main/rules/';

export function docsUrlFor(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
