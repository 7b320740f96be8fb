/**
 * Help Scout exports.
 *
 * Docs articles — Docs API, https://developer.helpscout.com/docs-api/articles/get/
 *   GET https://docsapi.helpscout.net/v1/articles/{id} → `{ "article": { id, number, collectionId, slug,
 *   status, name, text (HTML), publicUrl, … } }`. The list endpoint (…/collections/{id}/articles) returns
 *   `{ "articles": { "items": [ … ] } }` of ArticleRef objects, which have no text: save each article.
 * Saved replies — Mailbox API 2.0,
 *   https://developer.helpscout.com/mailbox-api/endpoints/inboxes/saved_Replies/saved-replies-get/
 *   GET /v2/mailboxes/{mailboxId}/saved-replies/{id} → `{ id, name, text (HTML), chatText (text) }`.
 * Placeholders are `{%customer.firstName,fallback=there%}`.
 */
import type { SourceFormat } from '../types.js';
import type { JsonObject } from './json-map.js';
import { ExportError, has, idOf, itemName, stringValue, textField, type PlatformReader, type SourceField, type SourceItem } from './model.js';

export const helpscout: PlatformReader = {
  platform: 'helpscout',
  formats: {
    'helpscout-articles': { kind: 'article', channel: 'article' },
    'helpscout-saved-replies': { kind: 'saved-reply', channel: 'macro' },
  },
  classify(item) {
    if (!has(item, 'name')) return undefined;
    if (has(item, 'collectionId') || has(item, 'publicUrl') || (has(item, 'text') && (has(item, 'slug') || has(item, 'number')))) return 'helpscout-articles';
    if (has(item, 'chatText') || has(item, 'text') || has(item, 'preview')) return 'helpscout-saved-replies';
    return undefined;
  },
  read(format: SourceFormat, list: JsonObject[]): SourceItem[] {
    const replies = format === 'helpscout-saved-replies';
    return list.map((obj, index) => {
      const id = idOf(obj, index);
      const title = stringValue(obj, 'name');
      const fields: SourceField[] = [];
      // List responses hold summaries only (a preview, or no text at all): each item must be saved on its own.
      if (!has(obj, 'text') && !has(obj, 'chatText')) {
        throw new ExportError(
          replies
            ? `${itemName(id)} is a saved reply preview without its text: save each reply with GET /v2/mailboxes/{mailbox}/saved-replies/{id}`
            : `${itemName(id)} is an article summary without its text: save each article with GET /v1/articles/{id}`,
        );
      }
      const text = textField(obj, 'text', itemName(id));
      if (text) fields.push({ name: 'text', node: text, html: true });
      if (replies) {
        const chat = textField(obj, 'chatText', itemName(id));
        if (chat) fields.push({ name: 'chatText', node: chat, html: false });
      }
      return { ref: { platform: 'helpscout', kind: replies ? 'saved-reply' : 'article', id, ...(title !== undefined ? { title } : {}) }, fields };
    });
  },
};
