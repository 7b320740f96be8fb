/**
 * Freshdesk exports (API v2, https://developers.freshdesk.com/api/).
 *
 * Solution articles — https://developers.freshdesk.com/api/#solution_article_attributes
 *   GET /api/v2/solutions/folders/{folder_id}/articles → `[ { id, title, description (HTML),
 *   description_text, folder_id, category_id, status, … } ]`; GET /api/v2/solutions/articles/{id} → one article.
 * Canned responses — https://developers.freshdesk.com/api/#canned-responses
 *   GET /api/v2/canned_response_folders/{id}/responses → `[ { id, title, content (text), content_html, folder_id } ]`;
 *   GET /api/v2/canned_responses/{id} → one response.
 * Placeholders are Liquid (`{{ticket.requester.name}}`).
 */
import type { SourceFormat } from '../types.js';
import type { JsonObject } from './json-map.js';
import { has, htmlOrText, idOf, itemName, stringValue, type PlatformReader, type SourceItem } from './model.js';

export const freshdesk: PlatformReader = {
  platform: 'freshdesk',
  formats: {
    'freshdesk-articles': { kind: 'article', channel: 'article' },
    'freshdesk-canned': { kind: 'canned-response', channel: 'macro' },
  },
  classify(item) {
    if (has(item, 'content_html') || (has(item, 'content') && has(item, 'title'))) return 'freshdesk-canned';
    if (has(item, 'description', 'title') || has(item, 'description_text', 'title')) return 'freshdesk-articles';
    return undefined;
  },
  read(format: SourceFormat, list: JsonObject[]): SourceItem[] {
    const canned = format === 'freshdesk-canned';
    return list.map((obj, index) => {
      const id = idOf(obj, index);
      const title = stringValue(obj, 'title');
      const [htmlKey, textKey] = canned ? ['content_html', 'content'] : ['description', 'description_text'];
      const fields = htmlOrText(obj, htmlKey, textKey, itemName(id));
      const language = stringValue(obj, 'language');
      return {
        ref: { platform: 'freshdesk', kind: canned ? 'canned-response' : 'article', id, ...(title !== undefined ? { title } : {}), ...(language ? { locale: language } : {}) },
        fields,
      };
    });
  },
};
