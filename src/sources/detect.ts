/** Which platform and kind an export is, from its shape (or as `--source-format` / config says), and its item objects. */
import { SOURCE_FORMATS, type Channel, type SourceFormat } from '../types.js';
import { get, type JsonNode, type JsonObject } from './json-map.js';
import { ExportError, describe, type PlatformReader } from './model.js';
import { zendesk } from './zendesk.js';
import { intercom } from './intercom.js';
import { helpscout } from './helpscout.js';
import { freshdesk } from './freshdesk.js';

/** In the order shapes are tried: Zendesk's `html_url`/`actions` first, Freshdesk's loose `title` + `description` last. */
export const READERS: readonly PlatformReader[] = [zendesk, intercom, helpscout, freshdesk];

export function readerOf(format: SourceFormat): PlatformReader {
  return READERS.find((r) => r.formats[format])!;
}

export function formatInfo(format: SourceFormat): { kind: string; channel: Channel } {
  return readerOf(format).formats[format]!;
}

/** Keys that wrap a list or a single item in the platforms' responses. */
const LIST_KEYS = ['articles', 'macros', 'data', 'items', 'responses', 'canned_responses', 'replies', 'saved_replies'];
const ONE_KEYS = ['article', 'macro', 'response', 'canned_response', 'reply', 'saved_reply'];

/** The item objects of an export, and the key that wrapped them (a hint for the shape). */
export function unwrap(root: JsonNode): { list: JsonObject[]; wrapper?: string } {
  if (root.type === 'array') return { list: objects(root.items, 'the list') };
  if (root.type !== 'object') throw new ExportError(`holds ${describe(root)}, not a list of items or a response object`);
  for (const key of LIST_KEYS) {
    const v = get(root, key);
    if (v?.type === 'array') return { list: objects(v.items, `"${key}"`), wrapper: key };
    // Help Scout Docs: { "articles": { "page": 1, "items": [...] } }.
    if (v?.type === 'object') {
      const items = get(v, 'items');
      if (items?.type === 'array') return { list: objects(items.items, `"${key}.items"`), wrapper: key };
    }
  }
  for (const key of ONE_KEYS) {
    const v = get(root, key);
    if (v?.type === 'object') return { list: [v], wrapper: key };
  }
  // One item on its own (GET of a single Intercom, Freshdesk or Help Scout item).
  return { list: [root] };
}

function objects(items: JsonNode[], where: string): JsonObject[] {
  for (const [i, v] of items.entries()) if (v.type !== 'object') throw new ExportError(`has ${describe(v)} at position ${i + 1} of ${where}, where an item should be`);
  return items as JsonObject[];
}

/** The format of an export from its items' shape; undefined when no platform's shape fits. */
export function detectFormat(list: JsonObject[], wrapper: string | undefined): SourceFormat | undefined {
  for (const item of list.slice(0, 20)) {
    for (const r of READERS) {
      const f = r.classify(item, wrapper);
      if (f) return f;
    }
  }
  return undefined;
}

export function unknownShape(root: JsonNode, list: JsonObject[]): ExportError {
  const keys = (list[0] ?? (root.type === 'object' ? root : undefined))?.members.map((m) => m.key.value).slice(0, 6) ?? [];
  const seen = keys.length ? ` (keys: ${keys.join(', ')})` : '';
  return new ExportError(`is JSON of a shape plainspoke does not know${seen}: name its format with --source-format (${SOURCE_FORMATS.join(', ')})`);
}

