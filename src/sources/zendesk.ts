/**
 * Zendesk exports.
 *
 * Guide articles — Help Center API, https://developer.zendesk.com/api-reference/help_center/help-center-api/articles/
 *   GET /api/v2/help_center/{locale}/articles.json → `{ "articles": [ { id, title, body (HTML), locale,
 *   source_locale, html_url, draft, … } ], next_page, … }`; GET …/articles/{id}.json → `{ "article": {…} }`.
 * Macros — Support API, https://developer.zendesk.com/api-reference/ticketing/business-rules/macros/
 *   GET /api/v2/macros.json → `{ "macros": [ { id, title ("Billing::Refunds" nests categories), active,
 *   actions: [ { field, value } ] } ] }`; GET /api/v2/macros/{id}.json → `{ "macro": {…} }`. The reply is
 *   the action whose field is `comment_value_html` (HTML) or `comment_value` (text, or the older
 *   `["channel:all", "text"]` pair), see the actions reference
 *   https://developer.zendesk.com/documentation/ticketing/reference-guides/actions-reference/.
 * Placeholders are Liquid (`{{ticket.requester.first_name}}`), which the shared model already reads.
 */
import type { SourceFormat } from '../types.js';
import { get, type JsonObject, type JsonString } from './json-map.js';
import { ExportError, describe, has, idOf, itemName, stringValue, textField, type PlatformReader, type SourceField, type SourceItem } from './model.js';

export const zendesk: PlatformReader = {
  platform: 'zendesk',
  formats: {
    'zendesk-articles': { kind: 'article', channel: 'article' },
    'zendesk-macros': { kind: 'macro', channel: 'macro' },
  },
  classify(item, wrapper) {
    const actions = get(item, 'actions');
    if (actions?.type === 'array' && stringValue(item, 'type') !== 'macro' && (wrapper === 'macros' || wrapper === 'macro' || has(item, 'title'))) return 'zendesk-macros';
    if (has(item, 'body') && (has(item, 'html_url') || has(item, 'source_locale') || has(item, 'section_id') || (has(item, 'locale') && has(item, 'title')))) return 'zendesk-articles';
    return undefined;
  },
  read(format: SourceFormat, list: JsonObject[]): SourceItem[] {
    return format === 'zendesk-macros' ? list.map(macro) : list.map(article);
  },
};

function article(obj: JsonObject, index: number): SourceItem {
  const id = idOf(obj, index);
  const body = textField(obj, 'body', itemName(id));
  const title = stringValue(obj, 'title') ?? stringValue(obj, 'name');
  const locale = stringValue(obj, 'locale') ?? stringValue(obj, 'source_locale');
  return {
    ref: { platform: 'zendesk', kind: 'article', id, ...(title !== undefined ? { title } : {}), ...(locale ? { locale } : {}) },
    fields: body ? [{ name: 'body', node: body, html: true }] : [],
  };
}

function macro(obj: JsonObject, index: number): SourceItem {
  const id = idOf(obj, index);
  const title = stringValue(obj, 'title');
  const actions = get(obj, 'actions');
  const fields: SourceField[] = [];
  const html: SourceField[] = [];
  if (actions?.type === 'array') {
    for (const [i, a] of actions.items.entries()) {
      if (a.type !== 'object') continue;
      const field = stringValue(a, 'field');
      if (field !== 'comment_value' && field !== 'comment_value_html') continue;
      const value = get(a, 'value');
      if (!value || value.type === 'null') continue;
      let node: JsonString | undefined;
      if (value.type === 'string') node = value;
      else if (value.type === 'array' && field === 'comment_value') {
        // The older pair: ["channel:all", "text"]; the text is the last string.
        const strings = value.items.filter((v): v is JsonString => v.type === 'string');
        node = strings.length >= 2 ? strings[strings.length - 1] : undefined;
        if (!node) throw new ExportError(`${itemName(id)} has a comment_value list with no text in it`);
      } else throw new ExportError(`${itemName(id)} has a ${field} that is ${describe(value)}, not text`);
      (field === 'comment_value_html' ? html : fields).push({ name: `actions[${i}].${field}`, node, html: field === 'comment_value_html' });
    }
  }
  return {
    ref: { platform: 'zendesk', kind: 'macro', id, ...(title !== undefined ? { title } : {}) },
    // Both forms of the same reply: the HTML one is what customers get.
    fields: html.length ? html : fields,
  };
}
