/**
 * The language of a file (issue 14): what the file declares (front matter
 * `lang`/`locale`, `<html lang>`), else the config's `language`, else
 * detection on 20 words or more, else English.
 *
 * Detection uses tinyld's light model. Measured on 63 short support
 * sentences in English, French, German, Spanish, Italian, Dutch and
 * Portuguese (fixtures/languages/short-sentences.json, run
 * `node scripts/measure-language-detection.mjs`): tinyld light 63/63 single
 * sentences and 56/56 pairs, loaded in 70–100 ms; eld 63/63 but 600–1000 ms
 * to load its n-gram tables; franc-min 61/63 (an English sentence read as
 * Uzbek, a Dutch one as French) though it loads in 45 ms. tinyld is as
 * accurate as eld at a tenth of the load time.
 *
 * Most files are English, so the detector is not loaded for a file that
 * reads as English by its commonest words ("the", "you", "and"…: about a
 * third of English prose, next to none of other languages'). It loads, once,
 * only for a file with no declared language, no configured one, and text
 * that does not look English. A detected language counts only when the text
 * also has that language's grammar words ("le", "der", "el"…): a list of
 * English menu names or pin labels is English whatever the detector guesses.
 */
import { declaredLanguage, normaliseLanguage } from '../document/language.js';
import type { Doc } from '../document/document.js';
import { HAS_LETTER } from '../util/ascii-class.js';

/** Fewer words than this and detection is a guess: English is assumed. */
const MIN_DETECT_WORDS = 20;
/** Share of English function words above which a text is English without asking the detector. */
const ENGLISH_SHARE = 0.12;
/** How much text the detector reads (characters): enough for a sure answer, no more. */
const DETECT_CHARS = 2000;

/** Function words common in English and rare as words in the other languages we score. */
const ENGLISH = new Set(['the', 'and', 'you', 'your', 'to', 'for', 'with', 'this', 'that', 'it', 'be', 'can', 'if', 'not', 'have', 'has', 'will', 'from', 'we', 'our', 'by', 'at', 'what', 'when', 'how', 'which', 'was', 'do', 'are', 'or', 'they', 'their', 'there', 'would', 'should', 'after', 'before', 'about', 'into', 'than', 'then', 'these', 'those', 'its', 'an', 'of', 'is']);

/**
 * The commonest grammar words of the languages with their own reading formula. A detected
 * language counts only when its own grammar words are there too: a list of English menu
 * names or pin labels ("GND VIN 5V RX TX") has none, whatever the detector guesses.
 */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  fr: new Set(['le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'est', 'vous', 'votre', 'vos', 'pour', 'dans', 'sur', 'pas', 'que', 'qui', 'avec', 'au', 'aux', 'ne', 'ce', 'cette', 'il', 'nous', 'en', 'par']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'sie', 'ihr', 'ihre', 'ihren', 'nicht', 'mit', 'für', 'auf', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'zu', 'von', 'wir', 'es', 'auch', 'wenn', 'oder', 'bei', 'im', 'werden', 'wird']),
  es: new Set(['el', 'la', 'los', 'las', 'de', 'del', 'y', 'en', 'un', 'una', 'que', 'es', 'tu', 'su', 'para', 'por', 'con', 'no', 'se', 'lo', 'al', 'si', 'te', 'tus', 'sus', 'más']),
  it: new Set(['il', 'lo', 'la', 'le', 'gli', 'di', 'del', 'della', 'e', 'è', 'un', 'una', 'che', 'per', 'con', 'non', 'in', 'si', 'ti', 'al', 'tuo', 'tua', 'se', 'da', 'dal', 'nel', 'sono']),
  nl: new Set(['de', 'het', 'een', 'en', 'van', 'is', 'je', 'jouw', 'uw', 'niet', 'met', 'op', 'voor', 'te', 'dat', 'die', 'er', 'om', 'ook', 'als', 'bij', 'wordt', 'naar', 'aan', 'kunt', 'u']),
  pt: new Set(['o', 'a', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'e', 'é', 'um', 'uma', 'que', 'para', 'com', 'não', 'em', 'no', 'na', 'se', 'seu', 'sua', 'você', 'por', 'ao']),
};
/** Share of a detected language's grammar words a text needs for the detection to count. */
const OWN_SHARE = 0.1;
/** Languages without a grammar word list need the detector to be this sure (tinyld's accuracy, 0–1). */
const SURE = 0.5;

const known = new WeakMap<Doc, string>();

type Detector = (text: string) => { lang: string; accuracy: number }[];
let detector: Promise<Detector> | undefined;

/** Loads tinyld's light model once, on first need. */
function loadDetector(): Promise<Detector> {
  detector ??= import('tinyld/light').then((m) => (text: string) => m.detectAll(text));
  return detector;
}

/** The language found for a file by `languageOf` (undefined before it ran). */
export function knownLanguage(doc: Doc): string | undefined {
  return known.get(doc);
}

/** The file's language (ISO 639-1): declared, configured, detected, or English. */
export async function languageOf(doc: Doc, configured?: string): Promise<string> {
  const had = known.get(doc);
  if (had) return had;
  const lang = declaredLanguage(doc) ?? normaliseLanguage(configured) ?? (await detect(doc));
  known.set(doc, lang);
  return lang;
}

/** Detection on the file's prose (code, placeholders and URLs left out). */
async function detect(doc: Doc): Promise<string> {
  const words: string[] = [];
  // The words in lower case, as the prose model has them (issue 19: not lower-cased again here). Its `lower` also
  // has straight apostrophes, and no grammar word below has an apostrophe, so the counts are the same.
  const lower: string[] = [];
  let chars = 0;
  for (const s of doc.sentences) {
    for (const w of s.words) {
      if (w.masked || !HAS_LETTER.test(w.text)) continue;
      words.push(w.text);
      lower.push(w.lower);
      chars += w.text.length + 1;
    }
    if (chars >= DETECT_CHARS) break;
  }
  if (words.length < MIN_DETECT_WORDS) return 'en';
  let english = 0;
  for (const w of lower) if (ENGLISH.has(w)) english++;
  if (english / words.length >= ENGLISH_SHARE) return 'en';
  const [best] = (await loadDetector())(words.join(' '));
  const lang = normaliseLanguage(best?.lang);
  if (!lang || lang === 'en') return 'en';
  const own = FUNCTION_WORDS[lang];
  if (own) {
    let n = 0;
    for (const w of lower) if (own.has(w)) n++;
    return n / words.length >= OWN_SHARE ? lang : 'en';
  }
  return best.accuracy >= SURE ? lang : 'en';
}
