/**
 * The language a file declares (issue 14): a help-desk export item's locale,
 * front matter `lang` or `locale` (Markdown, a top-level key), or
 * `<html lang>` (HTML). Codes are cut to their ISO 639-1 part
 * in lower case: "fr-CA" and "fr_CA" are "fr". Detection and the config's
 * `language` are src/lexicon/language.ts's.
 */
import type { Element, Root } from 'hast';
import { frontmatterTextOf, type Doc } from './document.js';

/** "fr-CA", "fr_CA", "FR" → "fr"; undefined for anything that is not a language tag. */
export function normaliseLanguage(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return undefined;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$/i.exec(tag);
  return m ? m[1].toLowerCase() : undefined;
}

/** `lang: fr-CA`, `locale: "de"`: a top-level front matter key and a language tag. */
const FRONT_LANG = /^(lang|locale|language)[ \t]*:[ \t]*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)["']?[ \t]*(?:#.*)?$/;

/** The language the file itself declares, if any. */
export function declaredLanguage(doc: Doc): string | undefined {
  // A help-desk export item's locale (src/sources/) comes first: it is the item's own.
  const own = normaliseLanguage(doc.language);
  if (own) return own;
  if (doc.kind === 'markdown') {
    // Read from the raw front matter: a top-level `lang: fr` line. Parsing the YAML would load
    // the yaml package for every file with front matter, a tenth of a second on a one-file run.
    const text = frontmatterTextOf(doc);
    if (!text) return undefined;
    const found = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = FRONT_LANG.exec(line);
      if (m) found.set(m[1], m[2]);
    }
    return normaliseLanguage(found.get('lang') ?? found.get('locale') ?? found.get('language'));
  }
  if (doc.fragment) return undefined;
  return normaliseLanguage(htmlLang(doc.hast));
}

function htmlLang(root: Root): unknown {
  for (const child of root.children) {
    if (child.type === 'element' && (child as Element).tagName === 'html') {
      const p = (child as Element).properties ?? {};
      return p.lang ?? p.xmlLang;
    }
  }
  return undefined;
}
