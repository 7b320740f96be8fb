/**
 * Files that say where content came from and under which licence ("NOTICE.md", "LICENSE"): customers do not read
 * them, so the rules that read prose leave them alone (issue 14). The names are in rules/metadata-files.yml.
 */
import { table } from './data.js';

let names: Set<string> | undefined;

/** Whether the file at this path is such a file, by its name without the extension, in any case. */
export function isMetadataFile(path: string): boolean {
  names ??= new Set(table('metadata-files').entries.flatMap((e) => e.match.map((m) => m.toUpperCase())));
  const base = path.split(/[\\/]/).pop() ?? '';
  return names.has(base.replace(/\.[^.]*$/, '').toUpperCase());
}
