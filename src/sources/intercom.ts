/**
 * Intercom exports.
 *
 * Articles — https://developers.intercom.com/docs/references/rest-api/api.intercom.io/articles/
 *   GET /articles → `{ "type": "list", "data": [ { "type": "article", id, title, body (HTML),
 *   default_locale, translated_content: { "type": "article_translated_content", "fr": { title, body, … } } } ] }`;
 *   GET /articles/{id} → one article object. Each translation is an item of its own, with its locale.
 * Macros (saved replies) — https://developers.intercom.com/docs/references/preview/rest-api/api.intercom.io/macros
 *   GET /macros → `{ "type": "list", "data": [ { "type": "macro", id, name, body (HTML, placeholders as
 *   `<attribute key="user.name" default="there"/>`), body_text (text, `{{user.name | fallback: "there"}}`) } ] }`.
 */
import type { SourceFormat } from '../types.js';
import { get, type JsonObject } from './json-map.js';
import { has, htmlOrText, idOf, itemName, stringValue, textField, type PlatformReader, type SourceField, type SourceItem } from './model.js';

export const intercom: PlatformReader = {
  platform: 'intercom',
  formats: {
    'intercom-articles': { kind: 'article', channel: 'article' },
    'intercom-macros': { kind: 'macro', channel: 'macro' },
  },
  classify(item) {
    const type = stringValue(item, 'type');
    if (type === 'macro' || (has(item, 'body_text') && has(item, 'name'))) return 'intercom-macros';
    if (type === 'article' || has(item, 'translated_content') || has(item, 'default_locale')) return 'intercom-articles';
    return undefined;
  },
  read(format: SourceFormat, list: JsonObject[]): SourceItem[] {
    return format === 'intercom-macros' ? list.map(macro) : list.map(article);
  },
};

function article(obj: JsonObject, index: number): SourceItem {
  const id = idOf(obj, index);
  const title = stringValue(obj, 'title');
  const locale = stringValue(obj, 'default_locale');
  const fields: SourceField[] = [];
  const translations = get(obj, 'translated_content');
  const seen = new Set<string>();
  if (translations?.type === 'object') {
    for (const { key, value } of translations.members) {
      if (value.type !== 'object') continue;
      const body = textField(value, 'body', `${itemName(id)} (${key})`);
      if (!body) continue;
      seen.add(key.value);
      const t = stringValue(value, 'title');
      fields.push({ name: `translated_content.${key.value}.body`, node: body, html: true, locale: key.value, ...(t !== undefined ? { title: t } : {}) });
    }
  }
  // The top-level body is the default locale's text; skip it when translated_content holds that locale too.
  const body = textField(obj, 'body', itemName(id));
  if (body && !(locale && seen.has(locale))) fields.unshift({ name: 'body', node: body, html: true });
  return { ref: { platform: 'intercom', kind: 'article', id, ...(title !== undefined ? { title } : {}), ...(locale ? { locale } : {}) }, fields };
}

function macro(obj: JsonObject, index: number): SourceItem {
  const id = idOf(obj, index);
  const title = stringValue(obj, 'name') ?? stringValue(obj, 'title');
  // body and body_text hold the same reply: lint the HTML one, the text one only when it is alone.
  const fields = htmlOrText(obj, 'body', 'body_text', itemName(id));
  return { ref: { platform: 'intercom', kind: 'macro', id, ...(title !== undefined ? { title } : {}) }, fields };
}
