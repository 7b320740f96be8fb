/** What a help-desk export turns into: items, each with the JSON strings to lint. */
import type { Channel, ExportItem, SourceFormat } from '../types.js';
import { get, type JsonNode, type JsonObject, type JsonString } from './json-map.js';

export type Platform = ExportItem['platform'];

/** One text field of an item: its own document. */
export interface SourceField {
  /** Where it is in the item, e.g. `body`, `comment_value_html`, `translated_content.fr.body`. */
  name: string;
  node: JsonString;
  /** HTML (most bodies) or plain text (read as Markdown: paragraphs and lists). */
  html: boolean;
  /** Locale of this field when it differs from the item's (a translation). */
  locale?: string;
  /** Title of this field's translation, when it has one. */
  title?: string;
}

export interface SourceItem {
  ref: Omit<ExportItem, 'field'>;
  fields: SourceField[];
}

/** A problem with the export itself: one line naming the file (exit 2). */
export class ExportError extends Error {}

/** One platform's reader. */
export interface PlatformReader {
  platform: Platform;
  /** The formats it reads, with the kind their items have and their default channel. */
  formats: Partial<Record<SourceFormat, { kind: string; channel: Channel }>>;
  /** The format of one item object, if it looks like this platform's. */
  classify(item: JsonObject, wrapper: string | undefined): SourceFormat | undefined;
  /** The items of a list of item objects. */
  read(format: SourceFormat, list: JsonObject[]): SourceItem[];
}

/** A string field, or undefined when missing or null; anything else is an ExportError. */
export function textField(obj: JsonObject, key: string, what: string): JsonString | undefined {
  const v = get(obj, key);
  if (v === undefined || v.type === 'null') return undefined;
  if (v.type !== 'string') throw new ExportError(`${what} has a ${key} that is ${describe(v)}, not text`);
  return v;
}

/**
 * An item's HTML field, or its plain-text twin only when the HTML one is missing: both hold the
 * same text, so only one is linted. No field when neither is there.
 */
export function htmlOrText(obj: JsonObject, htmlKey: string, textKey: string, what: string): SourceField[] {
  const html = textField(obj, htmlKey, what);
  if (html) return [{ name: htmlKey, node: html, html: true }];
  const text = textField(obj, textKey, what);
  return text ? [{ name: textKey, node: text, html: false }] : [];
}

export function describe(v: JsonNode): string {
  switch (v.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'number':
      return 'a number';
    case 'boolean':
      return v.value ? 'true' : 'false';
    default:
      return v.type;
  }
}

/** An item's id as the export has it (number or string); a missing id becomes its position, `#3`. */
export function idOf(obj: JsonObject, index: number): string | number {
  const v = get(obj, 'id');
  if (v?.type === 'number' || v?.type === 'string') return v.value as string | number;
  return `#${index + 1}`;
}

/** How an item is named in messages: `item 123`. */
export function itemName(id: string | number): string {
  return `item ${typeof id === 'number' ? id : JSON.stringify(id)}`;
}

export function has(obj: JsonObject, ...keys: string[]): boolean {
  return keys.every((k) => get(obj, k) !== undefined);
}

export function stringValue(obj: JsonObject, key: string): string | undefined {
  const v = get(obj, key);
  return v?.type === 'string' ? v.value : undefined;
}
