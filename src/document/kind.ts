/**
 * Markdown or HTML, from a file name. Its own module so file discovery (and
 * the main thread of a pooled run) can ask without loading the parsers.
 */
export type DocKind = 'markdown' | 'html';

export function kindOfPath(path: string): DocKind | undefined {
  const m = /\.([a-z]+)$/i.exec(path);
  const ext = m?.[1].toLowerCase();
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  return undefined;
}
