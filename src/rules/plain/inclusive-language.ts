/**
 * inclusive-language: gendered, ableist or othering words, and assumptions
 * about families, titles and holidays.
 *
 * Built on retext-equality's reviewed pattern list (each pattern has its own
 * note and source), matched on the shared prose model the way retext-equality
 * matches: case-insensitive unless a phrase has capitals, apostrophes and
 * hyphens ignored ("able-bodied" = "ablebodied"), and a gendered pair written
 * together ("chairman or chairwoman") is fine. rules/inclusive-language.yml
 * says which patterns and phrases we leave out (with the reason found on
 * help-centre text) and adds support-specific entries ("Dear Sir", "your
 * husband", "Merry Christmas", "his or her").
 *
 * Issue 14, 1.15 (inc32): guesses that no phrase list holds, found by shape. A gift for someone never named
 * ("Treat her to a spa day"), an older person as the measure of ease ("so easy your nan could do it"), "a
 * mother and a father", a condition used for a habit ("a bit OCD about"), and "healthy" or "regular" people
 * next to disabled people. Each reads its words from rules/inclusive-language.yml.
 */
import { defineRule } from '../define-rule.js';
import { table, vendorLists, type PhraseEntry } from '../../lexicon/data.js';
import { inException, findLiterals, literalPhrases } from '../../lexicon/tables.js';
import { matchCase, phraseWords, PhraseMatcher, type PhraseHit } from '../../lexicon/phrase-matcher.js';
import type { ProseBlock, Sentence } from '../../document/prose.js';
import type { Doc } from '../../document/document.js';
import { replyLines } from '../../reply/lines.js';
import { readFileBytes } from '../../util/scratch-read.js';
import { join } from 'node:path';
import { packageRoot, runningFromSource } from '../../util/package-root.js';
import { ALL_LOWER, STARTS_UPPER, TITLE_WORD, asciiClass } from '../../util/ascii-class.js';

const TABLE = 'inclusive-language';

// Unicode classes with their ASCII twins (src/util/ascii-class.ts): the \p expression is made only for non-ASCII words.
const NOT_PHRASE_CHAR = asciiClass(/[^A-Za-z0-9\s'-]/, () => /[^\p{L}\p{N}\s'’-]/u);
const LOWER_5 = asciiClass(/^[a-z]{5,}$/, () => /^\p{Ll}{5,}$/u);
const TITLE_ABBR = asciiClass(/^[A-Z][a-z]*\.?$/, () => /^\p{Lu}\p{Ll}*\.?$/u);
const ALL_CAPS = asciiClass(/^[A-Z]{2,}\.?$/, () => /^\p{Lu}{2,}\.?$/u);
const LOWER_ED = asciiClass(/^[a-z]{3,}ed$/, () => /^\p{Ll}{3,}ed$/u);
const ALL_LETTERS = asciiClass(/^[A-Za-z]+$/, () => /^\p{L}+$/u);

interface EqualityPattern {
  id: string;
  type: 'basic' | 'or';
  categories: string[];
  considerate?: Record<string, string>;
  inconsiderate: Record<string, string>;
  note?: string;
  apostrophe?: boolean;
}


/** One phrase to find, from retext-equality or from our table. */
interface Entry extends PhraseEntry {
  /** retext-equality pattern id (pairs are judged per pattern). */
  pattern?: string;
  /** Gender category within an `or` pattern. */
  category?: string;
  from: 'retext-equality' | 'plainspoke';
}

/** A character norm() takes out of a lower-case word. */
const UNNORMAL = /[’'-]/;

/** retext-equality's normalisation: lower case, no apostrophes, no hyphens. */
function norm(s: string): string {
  const lower = s.toLowerCase();
  // Most words have no apostrophe or hyphen: one test, no copies (issue 19).
  return /[’'-]/.test(lower) ? lower.replace(/[’']/g, '').replace(/-/g, '') : lower;
}

interface SkipList {
  skip?: { id: string | string[] }[];
  skipPhrases?: { match: string | string[] }[];
}

/** One phrase of the matcher: its key (as PhraseMatcher.add takes it), whether its case must match, its entry. */
export type MatcherPhrase = [key: string, exact: boolean, entry: Entry];

/**
 * Every phrase the matcher holds, grouped by the first word PhraseMatcher files it under, each group in the
 * order the phrases are added (our own entries first, so they win where both lists have a phrase).
 */
export function phrasesByFirstWord(): Map<string, MatcherPhrase[]> {
  const groups = new Map<string, MatcherPhrase[]>();
  const push = (key: string, exact: boolean, entry: Entry) => {
    const first = phraseWords(key)[0];
    if (first === undefined) return;
    let group = groups.get(first);
    if (!group) groups.set(first, (group = []));
    group.push([key, exact, entry]);
  };
  const data = table(TABLE);
  const add = (phrase: string, entry: Entry) => {
    const exact = phrase !== phrase.toLowerCase();
    const words = phrase.split(/\s+/).filter(Boolean);
    const key = exact ? phrase : words.map(norm).join(' ');
    push(key, exact, entry);
    // "wheelchair bound" is also written "wheelchair-bound", one word once hyphens go.
    if (!exact && words.length === 2) push(words.map(norm).join(''), false, entry);
  };
  for (const e of data.entries) {
    for (const phrase of e.match) if (!NOT_PHRASE_CHAR.test(phrase)) add(phrase, { ...e, from: 'plainspoke' });
  }
  const skips = (data['retext-equality'] ?? {}) as SkipList;
  const skipIds = new Set((skips.skip ?? []).flatMap((s) => (Array.isArray(s.id) ? s.id : [s.id])));
  const skipPhrases = new Set((skips.skipPhrases ?? []).flatMap((s) => (Array.isArray(s.match) ? s.match : [s.match])).map((p) => p.split(/\s+/).map(norm).join(' ')));
  // retext-equality's own list, read from the installed package at build time (same version, same words).
  for (const p of vendorLists().equality as EqualityPattern[]) {
    if (skipIds.has(p.id)) continue;
    const replace = Object.keys(p.considerate ?? {}).slice(0, 3);
    for (const [phrase, category] of Object.entries(p.inconsiderate)) {
      if (phrase.includes('*') || NOT_PHRASE_CHAR.test(phrase)) continue;
      if (skipPhrases.has(phrase.split(/\s+/).map(norm).join(' '))) continue;
      add(phrase, { match: [phrase], replace, note: p.note, pattern: p.id, category, from: 'retext-equality', source: 'https://github.com/retextjs/retext-equality' });
    }
  }
  return groups;
}

/** The prebuilt phrases (scripts/build-rule-data.mjs): `{` then one `"first word":[phrases]` line per group, then `}`. */
export const PHRASES_FILE = 'inclusive-language-phrases.json';

/** Writes phrasesByFirstWord() in the PHRASES_FILE layout (the build). */
export function serialisePhrases(groups: Map<string, MatcherPhrase[]>): string {
  return `{\n${[...groups].map(([first, phrases]) => `${JSON.stringify(first)}:${JSON.stringify(phrases)}`).join(',\n')}\n}\n`;
}

/** A group's JSON text as bytes of the file, not decoded yet (ASCII: the build writes other characters as \u escapes). */
class GroupBytes {
  constructor(
    readonly bytes: Buffer,
    readonly start: number,
    readonly end: number,
  ) {}

  text(): string {
    return this.bytes.toString('latin1', this.start, this.end);
  }
}

/** First word → its group, still as JSON text (parsed when a document holds the word), or undefined once added. */
type Pending = Map<string, MatcherPhrase[] | string | GroupBytes | undefined>;

/** Reads a PHRASES_FILE text (or its bytes) into pending groups; undefined when it is not in that layout. */
export function parsePhrases(text: string | Buffer): Pending | undefined {
  if (typeof text !== 'string') return parsePhraseBytes(text);
  const lines = text.split('\n');
  if (lines[0] !== '{') return undefined;
  const out: Pending = new Map();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.startsWith('"')) continue;
    const line = raw.endsWith(',') ? raw.slice(0, -1) : raw;
    const colon = line.indexOf('":[');
    // A word without a backslash is its own JSON text: no JSON.parse for each of 850 lines (issue 19).
    const word = line.slice(1, colon);
    out.set(word.includes('\\') ? (JSON.parse(line.slice(0, colon + 1)) as string) : word, line.slice(colon + 2));
  }
  return out;
}

/**
 * Issue 19: building the whole matcher from the 98 KB retext-equality list took most of this rule's time on a
 * one-file run. A built run reads the phrases the build grouped by first word and adds to the matcher only
 * the groups of words a document holds: a phrase is only found from its first word, and phrases that share a
 * path share a first word, so they are added together and in their order, and the matches are the same.
 */
/**
 * parsePhrases on the file's bytes (issue 19): each line's group stays in the bytes until a document holds its
 * word, so the 390 KB file is neither decoded into a string nor split; readFileBytes reads it into memory the
 * process has touched already. The same groups, keys and JSON texts as the text version.
 */
function parsePhraseBytes(bytes: Buffer): Pending | undefined {
  const firstEnd = bytes.indexOf(NEWLINE);
  if ((firstEnd < 0 ? bytes.length : firstEnd) !== 1 || bytes[0] !== OPEN_BRACE) return undefined;
  const out: Pending = new Map();
  for (let start = firstEnd + 1; start < bytes.length; ) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    if (bytes[start] === QUOTE) {
      const last = bytes[end - 1] === COMMA ? end - 1 : end;
      const colon = bytes.indexOf(GROUP_START, start);
      if (colon >= 0 && colon + GROUP_START.length <= last) {
        const word = bytes.toString('latin1', start + 1, colon);
        out.set(word.includes('\\') ? (JSON.parse(`"${word}"`) as string) : word, new GroupBytes(bytes, colon + 2, last));
      }
    }
    start = end + 1;
  }
  return out;
}

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const QUOTE = 0x22;
const COMMA = 0x2c;
const GROUP_START = Buffer.from('":[');

let pending: Pending | undefined;
const compiled = new PhraseMatcher<Entry>();

function phrasesToAdd(): Pending {
  if (pending) return pending;
  if (!runningFromSource) {
    try {
      // ASCII only (the build writes every other character as a \u escape), so latin1 reads the same text
      // without a UTF-8 decode of the whole 390 KB file (issue 19).
      pending = parsePhrases(readFileBytes(join(packageRoot, 'dist', PHRASES_FILE)));
    } catch {
      pending = undefined;
    }
  }
  pending ??= new Map(phrasesByFirstWord());
  return pending;
}

/** The matcher, holding at least every phrase whose first word is in the sentence. */
function matcherFor(sentence: Sentence): PhraseMatcher<Entry> {
  const groups = phrasesToAdd();
  for (const w of sentence.words) {
    const group = groups.get(w.lower);
    if (group === undefined) continue;
    groups.set(w.lower, undefined);
    const phrases = typeof group === 'string' ? (JSON.parse(group) as MatcherPhrase[]) : group instanceof GroupBytes ? (JSON.parse(group.text()) as MatcherPhrase[]) : group;
    for (const [key, exact, entry] of phrases) compiled.add(key, entry, exact);
  }
  return compiled;
}

/** The sentence as retext-equality sees it: words normalised, positions unchanged. */
function normalised(sentence: Sentence): Sentence {
  const w = sentence.words;
  // Most sentences have no apostrophe or hyphen in their words: normalising leaves every word as it is, so the
  // sentence itself is the normalised one, with no copy and no test per word (issue 19).
  if (!w.length || !UNNORMAL.test(sentence.block.text.slice(w[0].start, w[w.length - 1].end))) return sentence;
  // A word that normalising leaves as it is is kept, not copied (issue 19).
  return {
    ...sentence,
    words: sentence.words.map((w) => {
      const lower = norm(w.lower);
      return lower === w.lower ? w : { ...w, lower };
    }),
  };
}

/** "chairman or chairwoman", "actor/actress": both sides named, nobody left out. */
function pairedHits(sentence: Sentence, hits: PhraseHit<Entry>[]): Set<PhraseHit<Entry>> {
  const paired = new Set<PhraseHit<Entry>>();
  const text = sentence.block.text;
  for (let i = 0; i + 1 < hits.length; i++) {
    const a = hits[i];
    const b = hits[i + 1];
    if (!a.value.pattern || a.value.pattern !== b.value.pattern || a.value.category === b.value.category) continue;
    const gap = text.slice(a.last.end, b.first.start).toLowerCase().trim();
    if (gap === '/' || gap === 'or' || gap === 'and' || gap === ', or' || gap === ', and') {
      paired.add(a);
      paired.add(b);
    }
  }
  return paired;
}

interface GenericLists {
  persons: Set<string>;
  /** "a nurse", "an engineer": people at work, generic only outside replies. */
  staff: Set<string>;
  /** "a signer", "each approver": word endings that make a person, after a determiner. */
  personEndings: string[];
  /** "someone", "anyone": a generic person with no determiner. */
  bare: Set<string>;
  determiners: Set<string>;
  pronouns: Map<string, string>;
  /** "mother" → "parent": family roles, and the neutral word. */
  roles: Map<string, string>;
  roleVerbs: Set<string>;
  /** "most mothers", "busy dads": words that make a plural role anyone in it. */
  roleQuantifiers: Set<string>;
  /** "you told us", "as you asked": in a reply, the customer named this person. */
  toldCues: string[][];
  /** "Hello Sir", "Hey ladies": words that address the reader by gender, and the cues before them. */
  addressTerms: Set<string>;
  addressSetOff: Set<string>;
  addressCues: string[][];
  /** "Get your son to help you": a child cast as the reader's helper. */
  helperRoles: Set<string>;
  helpVerbs: Set<string>;
  /** "Customers who suffer from dyslexia". */
  conditionPhrases: string[][];
  conditionPersons: Set<string>;
  /** "Normal customers". */
  otheringAdjectives: Set<string>;
  otheringNouns: Set<string>;
  /** "mum, dad and two children": a family drawn as a mother and a father, and the words that name others too. */
  parentMothers: Set<string>;
  parentFathers: Set<string>;
  parentOthers: Set<string>;
  /** "Dear Mr {{last_name}}", "Title: Mr/Mrs/Miss": gendered titles, the ones that need another beside them, and neutral choices. */
  titles: Set<string>;
  weakTitles: Set<string>;
  neutralTitles: Set<string>;
  /** "closed for Christmas", "enjoy the festive season": a closure or a wish named by one holiday. */
  holidays: Set<string>;
  holidayNot: Set<string>;
  closures: Set<string>;
  wishVerbs: Set<string>;
  /** "your husband, wife or civil partner": a family list that names everyone. */
  familyNeutral: Set<string>;
  /** "file jointly with your spouse": the law's word. */
  legalCues: Set<string>;
  /** "a new hire", "each team member": persons of two words, by their last word. */
  personPhrases: Map<string, string[][]>;
  /** "Treat her to something special": a verb of giving or treating, then "her" or "him" that names nobody. */
  giftVerbs: Set<string>;
  /** Words that name a person before such a pronoun: then "her" may mean that person. */
  pronounAntecedents: Set<string>;
  /** "Easy enough for your nan to use": an older person as the measure of how easy something is. */
  ageWords: Set<string>;
  easeWords: Set<string>;
  /** "I'm a bit OCD about backups": a condition used as a figure of speech. */
  conditionAdjectives: Set<string>;
  degreeWords: Set<string>;
  /** "disabled and healthy people": people called healthy or regular next to disabled people. */
  contrastAdjectives: Set<string>;
  disabilityCues: Set<string>;
}
let generic: GenericLists | undefined;
/** Channels where "the customer" is one known person. */
const SPECIFIC_CHANNELS = new Set(['chat', 'email', 'phone', 'social']);

function genericLists(): GenericLists {
  if (generic) return generic;
  const t = table(TABLE);
  const list = (k: string) => new Set((Array.isArray(t[k]) ? (t[k] as unknown[]) : []).map((x) => String(x).toLowerCase()));
  const pron = (t.genericPronouns ?? {}) as Record<string, string>;
  const roles = (t.genericRoles ?? {}) as Record<string, string>;
  generic = {
    persons: list('genericPersons'),
    staff: list('genericStaff'),
    personEndings: [...list('genericPersonEndings')],
    bare: list('genericPronounPersons'),
    determiners: list('genericDeterminers'),
    pronouns: new Map(Object.entries(pron).map(([k, v]) => [k.toLowerCase(), String(v)])),
    roles: new Map(Object.entries(roles).map(([k, v]) => [k.toLowerCase(), String(v)])),
    roleVerbs: list('genericRoleVerbs'),
    roleQuantifiers: list('genericRoleQuantifiers'),
    toldCues: [...list('toldCues')].map((c) => c.split(/\s+/)),
    addressTerms: list('addressTerms'),
    addressSetOff: list('addressSetOff'),
    addressCues: [...list('addressCues')].map((c) => c.split(/\s+/)),
    helperRoles: list('helperRoles'),
    helpVerbs: list('helpVerbs'),
    conditionPhrases: [...list('conditionPhrases')].map((c) => c.split(/\s+/)),
    conditionPersons: list('conditionPersons'),
    otheringAdjectives: list('otheringAdjectives'),
    otheringNouns: list('otheringNouns'),
    parentMothers: list('parentPairMothers'),
    parentFathers: list('parentPairFathers'),
    parentOthers: list('parentPairOthers'),
    titles: list('genderedTitles'),
    weakTitles: list('weakTitles'),
    neutralTitles: list('neutralTitles'),
    holidays: list('holidayNames'),
    holidayNot: list('holidayNotHoliday'),
    closures: list('closureWords'),
    wishVerbs: list('wishVerbs'),
    familyNeutral: list('familyNeutral'),
    legalCues: list('legalCues'),
    personPhrases: new Map(),
    giftVerbs: list('giftVerbs'),
    pronounAntecedents: list('pronounAntecedents'),
    ageWords: list('ageWords'),
    easeWords: list('easeWords'),
    conditionAdjectives: list('conditionAdjectives'),
    degreeWords: list('degreeWords'),
    contrastAdjectives: list('contrastAdjectives'),
    disabilityCues: list('disabilityCues'),
  };
  for (const phrase of list('genericPersonPhrases')) {
    const words = phrase.split(/\s+/);
    const last = words.pop()!;
    const known = generic.personPhrases.get(last);
    if (known) known.push(words);
    else generic.personPhrases.set(last, [words]);
  }
  return generic;
}

/** The word without a possessive 's ("user's" → "user"), as `.replace(/['’]s$/, '')` gives it, without a regular expression per word (issue 19). */
function withoutPossessive(lower: string): string {
  const n = lower.length;
  if (n < 2 || lower.charCodeAt(n - 1) !== 115 /* s */) return lower;
  const c = lower.charCodeAt(n - 2);
  return c === 39 /* ' */ || c === 0x2019 /* ’ */ ? lower.slice(0, -2) : lower;
}

/** genericDeterminers and "your", built once (see genericPronouns). */
let withYour: Set<string> | undefined;

/**
 * "Each user can change his password": a generic person, then a gendered pronoun in the same
 * sentence with no name or other person between them. "he or she" and "his/her" are table entries.
 */
function genericPronouns(sentence: Sentence, channel: string, carried?: string): { found: { start: number; end: number; replace: string; person: string }[]; open?: string } {
  const { persons, staff, personEndings, bare, determiners: listed, pronouns, roles, personPhrases } = genericLists();
  const w = sentence.words;
  const out: { start: number; end: number; replace: string; person: string }[] = [];
  const reply = SPECIFIC_CHANNELS.has(channel);
  // "Ask your landlord… He may want…": the reader's landlord is someone the writer does not know. In a reply,
  // the customer may have said who it is.
  const determiners = reply ? listed : (withYour ??= new Set([...listed, 'your']));
  // In a reply, a nurse or an engineer is usually one known person: only the listed customer words count.
  const personLike = (lower: string) => !reply && (staff.has(lower) || (LOWER_5.test(lower) && personEndings.some((e) => lower.endsWith(e))));
  const text = sentence.block.text;
  let person = -1;
  // The person of the sentence before, when this one opens with the pronoun: "…your landlord. He may want…".
  const first = w[0];
  if (carried !== undefined && first && !first.masked && !first.quoted && pronouns.has(first.lower) && STARTS_UPPER.test(first.text)) {
    const replace = pronouns.get(first.lower)!;
    out.push({ start: first.start, end: first.end, replace: first.lower === 'her' ? 'their' : replace, person: carried });
  }
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (x.masked || x.quoted) continue;
    // "a user's profile": the person is the owner.
    const lower = withoutPossessive(x.lower);
    // "If someone calls, tell him…", "No one should share his password": anyone, with no determiner.
    if (bare.has(lower) || (lower === 'one' && w[i - 1]?.lower === 'no')) {
      person = reply || w[i - 1]?.lower === 'not' || (i > 0 && STARTS_UPPER.test(x.text)) ? -1 : i;
      continue;
    }
    // "a signer", "each approver": a person by its ending, when no listed person came first.
    if (person === -1 && !persons.has(lower) && personLike(lower) && !STARTS_UPPER.test(x.text)) {
      const d = w[i - 1]?.lower ?? '';
      // A word found by its ending counts only after "a", "each", "every"…: "the author wrote… her" is one known person.
      if (determiners.has(d) && (d !== 'the' || staff.has(lower))) person = i;
      continue;
    }
    // "a new hire", "each team member": a person of two words, as if its first word were "account".
    const phrase = personPhrases.get(lower)?.find((p) => p.every((y, k) => w[i - p.length + k]?.lower === y));
    if (phrase !== undefined && !persons.has(lower)) {
      const d = w[i - phrase.length - 1]?.lower ?? '';
      person = !reply && determiners.has(d) ? i : -1;
      continue;
    }
    if (persons.has(lower)) {
      const d1 = w[i - 1]?.lower ?? '';
      const d2 = w[i - 2]?.lower ?? '';
      // "a user", "each new customer", "the account holder".
      // In a reply, "the driver" or "the agent" is usually one known person; "a driver" is still anyone.
      const det = (d: string) => determiners.has(d) && !(d === 'the' && SPECIFIC_CHANNELS.has(channel));
      if (det(d1) || det(d2) || (d1 === 'account' && det(d2))) person = i;
      else person = -1;
      // "Maria, the account owner, can…": a person named just before is who the pronoun means.
      const at = d1 === 'account' || !det(d1) ? i - 2 : i - 1;
      if (person === i && at > 0 && text.slice(w[at - 1].end, w[at].start).trim() === ',' && STARTS_UPPER.test(w[at - 1].text) && !pronouns.has(w[at - 1].lower)) person = -1;
      // In a reply, "a driver from our team" is one of our staff, and one known person.
      if (person === i && SPECIFIC_CHANNELS.has(channel) && ['from', 'on', 'at', 'in'].includes(w[i + 1]?.lower ?? '') && w[i + 2]?.lower === 'our') person = -1;
      continue;
    }
    // A name in between ("a user named Sam… his") may be whom the pronoun means, and so may a
    // family role ("A father can set a limit for each child and his own account").
    if (person !== -1 && ((i > 0 && STARTS_UPPER.test(x.text) && !pronouns.has(x.lower)) || roles.has(x.lower))) person = -1;
    if (person === -1 || !pronouns.has(x.lower)) continue;
    // Pairs are table entries ("he or she", "his/her").
    const before = text.slice(w[i - 1]?.end ?? x.start, x.start).trim();
    const after = text.slice(x.end, w[i + 1]?.start ?? x.end).trim();
    if (before === '/' || after === '/' || w[i - 1]?.lower === 'or' || w[i + 1]?.lower === 'or') continue;
    // "her" before a noun is "their"; as an object ("ask her") it is "them".
    let replace = pronouns.get(x.lower)!;
    if (x.lower === 'her' && (!w[i + 1] || /[.,;:!?]/.test(after) || ['to', 'for', 'with', 'and', 'if', 'when', 'that', 'about'].includes(w[i + 1].lower))) replace = 'them';
    out.push({ start: x.start, end: x.end, replace, person: personName(w, person) });
  }
  // A person still open at the end, with no pronoun after it yet, may be meant by the next sentence's first word.
  const open = person >= 0 && !out.some((o) => o.start > w[person].start) ? personName(w, person) : undefined;
  return { found: out, open };
}

/** The words that name a generic person ending at word i: "user", "new hire", "no one", "whoever". */
function personName(w: Sentence['words'], i: number): string {
  const { personPhrases } = genericLists();
  const lower = w[i].lower.replace(/['’]s$/, '');
  const phrase = personPhrases.get(lower)?.find((p) => p.every((y, k) => w[i - p.length + k]?.lower === y));
  if (phrase) return [...phrase, lower].join(' ');
  if (lower === 'one' && w[i - 1]?.lower === 'no') return 'no one';
  return TITLE_WORD.test(w[i].text) ? lower : w[i].text.replace(/['’]s$/, '');
}

/** Clause openers a bare plural role may follow: "If you travel, mothers can…". */
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'then', 'also', 'if', 'when', 'where', 'while', 'because']);

/**
 * "Mothers can add their children", "A father can set limits", "Wives can add their husbands":
 * a family role used for anyone in it, as the subject of what they may do. One describing word
 * may stand before it ("new mothers", "a busy dad"); a verb from genericRoleVerbs must follow.
 */
function genericRoles(sentence: Sentence, channel: string): { start: number; end: number; replace: string }[] {
  const { persons, determiners, roles, roleVerbs, roleQuantifiers } = genericLists();
  const w = sentence.words;
  const text = sentence.block.text;
  const out: { start: number; end: number; replace: string }[] = [];
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    // "the husband's account": a possessive role.
    const possessive = /['’]s$/.test(x.lower);
    const neutral = roles.get(possessive ? x.lower.slice(0, -2) : x.lower);
    if (neutral === undefined || x.masked || x.quoted) continue;
    const replace = possessive ? `${neutral}'s` : neutral;
    // "Mother's Day", "Fathers and Sons": a capital in mid-sentence is a name.
    if (i > 0 && STARTS_UPPER.test(x.text)) continue;
    // "Moms, here's how…", "Busy mum?", "Hey dads,": the reader addressed as a family role.
    if (!possessive && vocativeAt(sentence, i)) {
      out.push({ start: x.start, end: x.end, replace });
      continue;
    }
    // "As a mum, you know…", "as a busy dad you can…": the reader cast in a family role.
    const asAt = ['a', 'an'].includes(w[i - 1]?.lower ?? '') ? i - 2 : ['a', 'an'].includes(w[i - 2]?.lower ?? '') ? i - 3 : -1;
    if (!possessive && asAt >= 0 && w[asAt].lower === 'as' && w.some((y) => y.lower === 'you' || y.lower === "you'll" || y.lower === "you're" || y.lower === 'your')) {
      out.push({ start: x.start, end: x.end, replace });
      continue;
    }
    // "If you're a first-time mum", "Are you a new dad?": the reader cast in a family role (issue 14, round 7).
    const youAre = (k: number) => ["you're", 'youre'].includes(w[k]?.lower ?? '') || (w[k]?.lower === 'are' && w[k - 1]?.lower === 'you') || (w[k]?.lower === 'you' && w[k - 1]?.lower === 'are');
    // In a reply, the customer may have said so.
    if (!possessive && asAt >= 0 && !SPECIFIC_CHANNELS.has(channel) && youAre(asAt)) {
      out.push({ start: x.start, end: x.end, replace });
      continue;
    }
    // "a member's wife", "the account holder's husband": the role of anyone.
    const owner = w[i - 1];
    // "The patient's mother signed the form on 3 May": a past event, so one known family.
    const past = (y: string) => PAST.has(y) || LOWER_ED.test(y);
    if (owner && /['’]s$/.test(owner.lower) && persons.has(owner.lower.slice(0, -2)) && determiners.has(w[i - 2]?.lower ?? '') && !(w[i - 2].lower === 'the' && SPECIFIC_CHANNELS.has(channel)) && !past(w[i + 1]?.lower ?? '')) {
      out.push({ start: x.start, end: x.end, replace });
      continue;
    }
    // "husbands and wives can": the pair is one subject.
    let v = i + 1;
    if ((w[v]?.lower === 'and' || w[v]?.lower === 'or') && roles.has(w[v + 1]?.lower ?? '')) v += 2;
    const pair = v === i + 3;
    // "Dad and mum each get their own card", "mothers also need": a quantifier or adverb before the verb.
    if (['each', 'both', 'also', 'all', 'usually', 'often'].includes(w[v]?.lower ?? '') && !/[,;:]/.test(text.slice(w[v - 1].end, w[v].start))) v += 1;
    // "the husband's account": a possessive needs no verb.
    if (!possessive && (!roleVerbs.has(w[v]?.lower ?? '') || /[,;:]/.test(text.slice(w[v - 1].end, w[v].start)))) continue;
    // What comes before: a determiner ("a mother"), or the start of a clause for a plural ("Mothers can").
    let k = i - 1;
    // "Mum and dad can…": a pair is plural.
    const plural = !possessive && (neutral.endsWith('s') || x.lower.endsWith('s') || pair);
    const opens = (at: number) => at < 0 || /[,;:(]/.test(text.slice(w[at].end, w[at + 1].start)) || CLAUSE_OPENERS.has(w[at].lower);
    const det = (d: string) => determiners.has(d) && !(d === 'the' && SPECIFIC_CHANNELS.has(channel));
    let ok = (k >= 0 && det(w[k].lower)) || (plural && opens(k));
    // "Most mothers", "busy dads": a quantifier opening the clause.
    if (!ok && plural && k >= 0 && roleQuantifiers.has(w[k].lower) && opens(k - 1)) ok = true;
    // One describing word between: "a new mother", "busy dads".
    if (!ok && !possessive && k >= 0 && ALL_LOWER.test(k === 0 ? w[k].lower : w[k].text) && !roles.has(w[k].lower)) {
      k--;
      ok = (k >= 0 && det(w[k].lower)) || (plural && opens(k));
    }
    if (!ok) continue;
    out.push({ start: x.start, end: x.end, replace });
  }
  return out;
}

/**
 * "A family ticket covers mum, dad and two children", "Mum and dad can both log in": a family drawn as a
 * mother and a father, side by side, joined by a comma, "and" or "&" (issue 14, round 6). Not one known
 * family ("your mum and dad" is a table entry; "Sam's mum, dad…"), not a name in mid-sentence, and not a
 * list that names others too ("Mums, dads and carers").
 */
function parentPairs(sentence: Sentence): { start: number; end: number; replace: string }[] {
  const { parentMothers, parentFathers, parentOthers } = genericLists();
  const w = sentence.words;
  const text = sentence.block.text;
  const out: { start: number; end: number; replace: string }[] = [];
  const side = (i: number) => (parentMothers.has(w[i]?.lower ?? '') ? 'm' : parentFathers.has(w[i]?.lower ?? '') ? 'f' : '');
  for (let i = 0; i + 1 < w.length; i++) {
    const a = side(i);
    if (!a || w[i].masked || w[i].quoted || (i > 0 && STARTS_UPPER.test(w[i].text))) continue;
    const gap = text.slice(w[i].end, w[i + 1].start).trim();
    let j = i + 1;
    if (gap === '' && (w[j].lower === 'and' || w[j].lower === '&' || w[j].lower === 'or')) j++;
    else if (gap !== ',' && gap !== '&') continue;
    // "a mother and a father", "a mother, a father and two children": each side with its own article (issue 14, inc32).
    if (ARTICLES.has(w[j]?.lower ?? '') && ARTICLES.has(w[i - 1]?.lower ?? '') && side(j + 1) && text.slice(w[j].end, w[j + 1].start).trim() === '') j++;
    const b = side(j);
    if (!b || b === a || w[j].masked || w[j].quoted || (j > i + 1 && text.slice(w[j - 1].end, w[j].start).trim() !== '')) continue;
    // One known family: "your mum and dad" (a table entry), "my", "his", "Priya's". Not "the child's mother
    // and father" or "their mother or father", said of anyone.
    const before = w[i - 1]?.lower ?? '';
    if (['your', 'my', 'our', 'his', 'her'].includes(before)) continue;
    // "the baby's mother and father", "a pupil's": anyone's. "Sam's", "the Smiths'": one known family.
    const anyones = (k: number) => genericLists().persons.has(w[k].lower.replace(/['’]s$/, '')) || genericLists().determiners.has(w[k - 1]?.lower ?? '');
    if (/['’]s$/.test(before) && (STARTS_UPPER.test(w[i - 1].text) || !anyones(i - 1))) continue;
    if (w.slice(j + 1, j + 5).some((x) => parentOthers.has(x.lower))) continue;
    out.push({ start: w[i].start, end: w[j].end, replace: /s$/.test(w[i].lower) ? 'parents and carers' : 'parents' });
    i = j;
  }
  return out;
}

/** The gender of a family role ("mum" → f, "dads" → m), to follow it to a pronoun in the next sentence. */
function roleGender(role: string): string {
  const { parentMothers, parentFathers } = genericLists();
  const r = role.replace(/['’]s$/, '');
  if (parentMothers.has(r) || /^(wife|wives|housewife|housewives)$/.test(r)) return 'f';
  if (parentFathers.has(r) || /^(husband|husbands)$/.test(r)) return 'm';
  return '';
}

/** The gender a pronoun names, to follow one known person or animal from sentence to sentence. */
const GENDER_OF = new Map(Object.entries({ he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' }));

const NAMING = new Set(['called', 'named', 'termed', 'labelled', 'labeled', 'known', 'referred', 'renamed', 'replaced']);
const BEFORE_NOW = new Set(['older', 'old', 'earlier', 'previous', 'previously', 'formerly', 'once', 'used', 'until', 'legacy']);

/**
 * The term at `start` is an old name the sentence reports as past ("in older versions we called them
 * slaves", "formerly known as the master branch"), and it or the next sentence says what is used now.
 */
function oldTermNamed(sentences: readonly Sentence[], sentence: Sentence, start: number): boolean {
  const w = sentence.words;
  const at = w.findIndex((x) => x.start >= start);
  if (at <= 0 || !w.slice(0, at).some((x) => NAMING.has(x.lower))) return false;
  if (!w.some((x) => BEFORE_NOW.has(x.lower))) return false;
  const k = sentences.indexOf(sentence);
  const next = sentences[k + 1];
  const now = (ws: readonly { lower: string }[]) => ws.some((x) => x.lower === 'now' || x.lower === 'renamed' || x.lower === 'replaced' || x.lower === 'instead');
  return now(w) || (next !== undefined && next.block === sentence.block && now(next.words));
}

/** The text between word i and the next word (or the end of the sentence), trimmed. */
function gapAfter(sentence: Sentence, i: number): string {
  const w = sentence.words;
  return sentence.block.text.slice(w[i].end, w[i + 1]?.start ?? sentence.end).trim();
}

/** The text between the word before i and word i, trimmed. */
function gapBefore(sentence: Sentence, i: number): string {
  const w = sentence.words;
  return i > 0 ? sentence.block.text.slice(w[i - 1].end, w[i].start).trim() : '';
}

/** Whether a cue from the list ends at word `end` ("thank you", "hey"). */
function cueEndsAt(sentence: Sentence, end: number, cues: string[][]): boolean {
  const w = sentence.words;
  return cues.some((c) => end - c.length + 1 >= 0 && c.every((x, k) => w[end - c.length + 1 + k].lower === x));
}

/** Word i opens the sentence (after at most a greeting or one describing word) and a mark follows it: "Moms, …", "Busy mum?". */
function vocativeAt(sentence: Sentence, i: number): boolean {
  const { roles, addressCues, determiners } = genericLists();
  const w = sentence.words;
  if (!/^[,?!:]/.test(gapAfter(sentence, i))) return false;
  // "Mums, dads and carers can join": a list, not a greeting.
  const next = w[i + 1]?.lower ?? '';
  if (roles.has(next) || next === 'and' || next === 'or') return false;
  if (i === 0) return true;
  if (gapBefore(sentence, i) !== '' && gapBefore(sentence, i) !== ',') return false;
  if (cueEndsAt(sentence, i - 1, addressCues)) return true;
  const d = w[i - 1].lower;
  const possessives = ['your', 'my', 'our', 'his', 'her', 'their', 'its'];
  return i === 1 && ALL_LETTERS.test(w[0].text) && !determiners.has(d) && !possessives.includes(d) && !roles.has(d);
}

type Found = { start: number; end: number; entry: PhraseEntry; source: string; messageId?: string };

/**
 * "Tap Crazy Deals", "the Chairman's Award", "Blacklist Manager is open": a Title Case run of words is the
 * name of a product, a screen or an award, which the writer cannot change.
 */
function titleCaseName(sentence: Sentence, first: Sentence['words'][number], last: Sentence['words'][number]): boolean {
  const w = sentence.words;
  const cap = (x: Sentence['words'][number] | undefined) => x !== undefined && STARTS_UPPER.test(x.text) && x.text !== 'I';
  if (!cap(first)) return false;
  const i = w.indexOf(first);
  if (i === -1) return false;
  const next = w[w.indexOf(last) + 1];
  const gapNext = next ? sentence.block.text.slice(last.end, next.start) : '.';
  const prev = w[i - 1];
  const gapPrev = prev ? sentence.block.text.slice(prev.end, first.start) : '.';
  return (cap(next) && /^[\s'’-]*$/.test(gapNext)) || (i > 1 && cap(prev) && /^\s*$/.test(gapPrev));
}

/**
 * "Hello Sir", "Thank you, sir", "Hey ladies", "Ladies, our sale starts today": the reader greeted by
 * gender. Not before a name ("Sir Tim") and not in a list ("for men, ladies and kids").
 */
function addressHits(sentence: Sentence, channel: string): Found[] {
  const { addressTerms, addressSetOff, addressCues } = genericLists();
  // On the phone the agent hears the caller.
  if (channel === 'phone') return [];
  const w = sentence.words;
  const out: Found[] = [];
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (x.masked || x.quoted) continue;
    const lower = norm(x.lower);
    if (!(addressTerms.has(x.lower) || addressTerms.has(lower))) continue;
    const after = gapAfter(sentence, i);
    const before = gapBefore(sentence, i);
    // "Sir Tim", "Madam Chair": a title before a name.
    if (after === '' && w[i + 1] && STARTS_UPPER.test(w[i + 1].text)) continue;
    const cued = i > 0 && (before === '' || before === ',') && cueEndsAt(sentence, i - 1, addressCues);
    const opens = i === 0 && /^[,!]/.test(after) && !['and', 'or'].includes(w[i + 1]?.lower ?? '');
    const setOff = (addressSetOff.has(x.lower) || addressSetOff.has(lower)) && i > 0 && before === ',' && (/^[,.!?]/.test(after) || !w[i + 1]);
    if (!cued && !opens && !setOff) continue;
    out.push({ start: x.start, end: x.end, entry: { match: [x.lower], replace: ['Hello', 'Hi there', 'everyone'] }, source: 'plainspoke' });
  }
  return out;
}

/** A title word without its dot: "Mr." → "mr". */
function titleOf(lower: string): string {
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * "Dear Mr {{last_name}}", "Hello Mrs. {surname}": a gendered title before a placeholder guesses the gender
 * of someone the writer does not know. "Title: Mr/Mrs/Miss", "(Mr, Mrs or Miss)": gendered titles offered as
 * the only choices, with no Mx or "no title" in the sentence. Not one title before a name ("Mr Patel").
 */
function titleHits(sentence: Sentence, next: Sentence | undefined): (Found & { messageId: string })[] {
  const { titles, weakTitles, neutralTitles } = genericLists();
  const w = sentence.words;
  const text = sentence.block.text;
  const out: (Found & { messageId: string })[] = [];
  const entry = { match: ['title'] };
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    const t = titleOf(x.lower);
    // "MS Word", "an MR": capitals are a name or an abbreviation, not a title.
    if (x.masked || x.quoted || !titles.has(t) || !STARTS_UPPER.test(x.text) || ALL_CAPS.test(x.text)) continue;
    // A run of titles joined by "/", ",", "or", "and": the choices on offer.
    let j = i;
    const run = [t];
    while (j + 1 < w.length) {
      let k = j + 1;
      const gap = text.slice(w[j].end, w[k].start).replace(/\s+/g, '');
      if (gap === '' && ['or', 'and'].includes(w[k].lower)) k++;
      else if (gap !== '/' && gap !== ',' && gap !== '.' && gap !== './' && gap !== '.,' && gap !== '') break;
      if (k >= w.length || !titles.has(titleOf(w[k].lower)) || w[k].masked || w[k].quoted || ALL_CAPS.test(w[k].text)) break;
      run.push(titleOf(w[k].lower));
      j = k;
    }
    if (new Set(run).size >= 2 && run.some((r) => !weakTitles.has(r))) {
      const offered = (s2: Sentence) => s2.words.some((y, k) => neutralTitles.has(titleOf(y.lower)) || neutralTitles.has(`${y.lower} ${s2.words[k + 1]?.lower ?? ''}`));
      if (!offered(sentence) && !(next && next.block === sentence.block && offered(next))) {
        out.push({ start: x.start, end: w[j].end, entry, source: 'plainspoke', messageId: 'titleChoice' });
      }
      i = j;
      continue;
    }
    // One title, then a placeholder: the reader's name is not known, nor their gender.
    if (weakTitles.has(t) && t !== 'sir' && t !== 'madam') continue;
    const after = x.end;
    const rest = text.slice(after, Math.min(text.length, after + 4));
    const skip = rest.length - rest.replace(/^[.\s]+/, '').length;
    const at = after + skip;
    const masked = sentence.block.masked.some((m) => m.start === at);
    if (masked || /^[{[%$]/.test(text.slice(at, at + 1))) {
      out.push({ start: x.start, end: x.end, entry, source: 'plainspoke', messageId: 'titleGuess' });
    }
  }
  return out;
}

/**
 * "We're closed for Christmas", "our Christmas opening hours", "so you can enjoy the festive season": a
 * closure or a wish named only by one holiday. Not a date ("Christmas Day"), a thing ("Easter egg",
 * "Christmas jumper") or a place ("Christmas Island").
 */
function holidayHits(sentence: Sentence): Found[] {
  const { holidays, holidayNot, closures, wishVerbs } = genericLists();
  const w = sentence.words;
  const out: Found[] = [];
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (x.masked || x.quoted || !holidays.has(x.lower)) continue;
    const next = w[i + 1];
    if (x.lower === 'festive' && !['season', 'period', 'break', 'holidays'].includes(next?.lower ?? '')) continue;
    if (next && (holidayNot.has(next.lower) || (STARTS_UPPER.test(next.text) && gapAfter(sentence, i) === '' && !/^(and|new)$/i.test(next.text)))) continue;
    const end = x.lower === 'festive' ? next.end : x.end;
    const last = x.lower === 'festive' ? i + 1 : i;
    let cue = false;
    // "Christmas opening hours", "the Christmas break": the closure word right after.
    for (let k = last + 1; k <= last + 2 && k < w.length && !cue; k++) if (closures.has(w[k].lower) && !/[.,;:!?]/.test(gapBefore(sentence, k))) cue = true;
    // "closed for Christmas", "enjoy the festive season": a closure word or a wish before.
    for (let k = i - 1; k >= i - 3 && k >= 0 && !cue; k--) {
      if (/[.,;:!?]/.test(gapAfter(sentence, k))) break;
      const closes = closures.has(w[k].lower) || (w[k].lower === 'close' && ['for', 'over'].includes(w[k + 1]?.lower ?? ''));
      if ((closes && k < i - 1) || wishVerbs.has(w[k].lower)) cue = true;
    }
    if (!cue) continue;
    out.push({ start: x.start, end, entry: { match: [x.lower] }, source: 'plainspoke', messageId: 'holiday' });
  }
  return out;
}

/**
 * Radio buttons or list items that each hold one title ("Mr", "Mrs", "Miss" as labels side by side): the
 * choices of a form, all gendered, with no Mx, "Other" or "No title" just before or after them.
 */
function titleOptionRuns(sentences: readonly Sentence[]): { sentence: Sentence; start: number; end: number; actual: string }[] {
  const { titles, weakTitles, neutralTitles } = genericLists();
  const out: { sentence: Sentence; start: number; end: number; actual: string }[] = [];
  const only = (s2: Sentence | undefined) => {
    // Most sentences are longer than an option: no copy of their words.
    if (!s2 || s2.words.length > 5) return undefined;
    const words = s2.words.filter((x) => !x.masked);
    return words.length >= 1 && words.length <= 3 ? words : undefined;
  };
  const titleOnly = (s2: Sentence | undefined) => {
    const words = only(s2);
    return words?.length === 1 && titles.has(titleOf(words[0].lower)) && !words[0].quoted && TITLE_ABBR.test(words[0].text) ? words[0] : undefined;
  };
  const neutral = (s2: Sentence | undefined) => {
    const words = only(s2);
    return words !== undefined && (neutralTitles.has(titleOf(words[0].lower)) || neutralTitles.has(words.map((x) => x.lower).join(' ')) || words[0].lower === 'prefer');
  };
  for (let i = 0; i < sentences.length; i++) {
    const first = titleOnly(sentences[i]);
    if (!first) continue;
    let j = i;
    const run = [titleOf(first.lower)];
    const shown = [first.text];
    // Side by side: each in a block of its own, one after the other.
    while (j + 1 < sentences.length && sentences[j + 1].block !== sentences[j].block) {
      const next = titleOnly(sentences[j + 1]);
      if (!next) break;
      run.push(titleOf(next.lower));
      shown.push(next.text);
      j++;
    }
    if (new Set(run).size >= 2 && run.some((r) => !weakTitles.has(r)) && !neutral(sentences[j + 1]) && !neutral(sentences[i - 1])) {
      out.push({ sentence: sentences[i], start: first.start, end: first.end, actual: shown.join('/') });
    }
    i = j;
  }
  return out;
}

/** "<select>Mr, Mrs, Miss</select>": a form whose title choices are all gendered (issue 14, round 7). */
function titleSelects(doc: Doc): { start: number; end: number; actual: string }[] {
  const { titles, weakTitles, neutralTitles } = genericLists();
  const out: { start: number; end: number; actual: string }[] = [];
  if (!/<option/i.test(doc.text)) return out;
  for (const sel of doc.elements('select')) {
    const options: { text: string; shown: string; start?: number; end?: number }[] = [];
    const visit = (node: { type: string; tagName?: string; children?: unknown[]; value?: string; position?: { start: { offset?: number }; end: { offset?: number } } }) => {
      if (node.type === 'element' && node.tagName === 'option') {
        let t = '';
        const grab = (n: { type: string; value?: string; children?: unknown[] }) => {
          if (n.type === 'text') t += n.value ?? '';
          for (const c of (n.children ?? []) as { type: string }[]) grab(c as never);
        };
        grab(node as never);
        options.push({ text: t.trim().toLowerCase(), shown: t.trim(), start: node.position?.start.offset, end: node.position?.end.offset });
        return;
      }
      for (const c of (node.children ?? []) as never[]) visit(c);
    };
    visit(sel as never);
    const named = options.filter((o) => o.text !== '' && !/^(-+|select|choose|title|please)/.test(o.text));
    const chosen = named.map((o) => titleOf(o.text));
    const gendered = chosen.filter((c) => titles.has(c));
    if (gendered.length < 2 || !gendered.some((g) => !weakTitles.has(g))) continue;
    if (chosen.some((c) => neutralTitles.has(c) || c.startsWith('prefer') || c.startsWith('no ') || c.startsWith('none'))) continue;
    if (gendered.length < chosen.length / 2) continue;
    const first = named.find((o) => titles.has(titleOf(o.text)));
    if (first?.start === undefined || first.end === undefined) continue;
    out.push({ start: first.start, end: first.end, actual: named.map((o) => o.shown).join('/') });
  }
  return out;
}

/**
 * A family phrase in a list that goes on to a neutral word ("your husband, wife or civil partner"), or with
 * a name after it ("your wife Ana"): not a guess.
 */
function familyNamed(sentence: Sentence, end: number): boolean {
  const { familyNeutral, roles, helperRoles, parentMothers, parentFathers } = genericLists();
  const w = sentence.words;
  let i = w.findIndex((x) => x.start >= end);
  if (i === -1) return false;
  const first = w[i];
  const gap = sentence.block.text.slice(w[i - 1]?.end ?? end, first.start).trim();
  if ((gap === '' || gap === ',') && STARTS_UPPER.test(first.text) && first.text !== 'I' && !first.masked) return true;
  const family = (y: string) => roles.has(y) || helperRoles.has(y) || parentMothers.has(y) || parentFathers.has(y) || ['boyfriend', 'girlfriend', 'fiance', 'fiancee', 'fiancé', 'fiancée'].includes(y);
  for (let n = 0; n < 6 && i < w.length; n++, i++) {
    const y = w[i].lower;
    if (/[.;:!?]/.test(gapBefore(sentence, i))) return false;
    if (familyNeutral.has(y)) return true;
    if (!(family(y) || ['or', 'and', 'a', 'your', 'their', '&'].includes(y))) return false;
  }
  return false;
}

/** "Get your son to help you", "Your kids can walk you through it": a child cast as the reader's helper. */
function helperHits(sentence: Sentence): Found[] {
  const { helperRoles, helpVerbs } = genericLists();
  const w = sentence.words;
  const you = new Set(['you', 'your', 'yourself']);
  const out: Found[] = [];
  for (let i = 1; i < w.length; i++) {
    const x = w[i];
    const det = w[i - 1].lower;
    if (x.masked || x.quoted || !helperRoles.has(x.lower) || (det !== 'your' && det !== 'the')) continue;
    let helps = false;
    // "Your son or daughter can…": the pair is one helper.
    const from = ['or', 'and'].includes(w[i + 1]?.lower ?? '') && helperRoles.has(w[i + 2]?.lower ?? '') ? i + 3 : i + 1;
    for (let j = from; j <= from + 4 && j < w.length && !helps; j++) {
      if (/[.;:!?]/.test(gapBefore(sentence, j))) break;
      if (helpVerbs.has(w[j].lower) && (you.has(w[j + 1]?.lower ?? '') || you.has(w[j + 2]?.lower ?? ''))) helps = true;
      if (w[j].lower === 'for' && w[j + 1]?.lower === 'you') helps = true;
    }
    if (!helps) continue;
    out.push({ start: w[i - 1].start, end: w[from - 1].end, entry: { match: [x.lower], replace: ['someone you trust', 'a friend or family member'] }, source: 'plainspoke' });
  }
  return out;
}

/** The first words of conditionPhrases: a word that starts none is passed over at once (issue 19). */
let conditionFirsts: Set<string> | undefined;

/** "Customers who suffer from dyslexia": a condition framed as suffering, said of people. */
function conditionHits(sentence: Sentence): Found[] {
  const { conditionPhrases, conditionPersons, persons } = genericLists();
  const firsts = (conditionFirsts ??= new Set(conditionPhrases.map((c) => c[0])));
  const w = sentence.words;
  const out: Found[] = [];
  for (let i = 1; i < w.length; i++) {
    if (!firsts.has(w[i].lower)) continue;
    for (const c of conditionPhrases) {
      if (!c.every((p, k) => w[i + k]?.lower === p)) continue;
      const last = w[i + c.length - 1];
      if (w.slice(i, i + c.length).some((x) => x.masked || x.quoted)) continue;
      const near = w.slice(Math.max(0, i - 3), i).some((x) => conditionPersons.has(x.lower) || persons.has(x.lower));
      if (!near) continue;
      out.push({ start: w[i].start, end: last.end, entry: { match: [c.join(' ')], replace: ['has', 'lives with', 'people with'] }, source: 'plainspoke' });
    }
  }
  return out;
}

/** "Normal customers will not see the menu": some people called normal. */
function otheringHits(sentence: Sentence): Found[] {
  const { otheringAdjectives, otheringNouns, persons } = genericLists();
  const w = sentence.words;
  const out: Found[] = [];
  for (let i = 0; i + 1 < w.length; i++) {
    const x = w[i];
    const n = w[i + 1];
    if (x.masked || x.quoted || !otheringAdjectives.has(x.lower) || gapAfter(sentence, i) !== '') continue;
    if (!(otheringNouns.has(n.lower) || persons.has(n.lower))) continue;
    out.push({ start: x.start, end: n.end, entry: { match: [x.lower], replace: [`other ${n.lower}`, `most ${n.lower}`] }, source: 'plainspoke' });
  }
  return out;
}

const ARTICLES = new Set(['a', 'an', 'the']);
const OBJECT_PRONOUNS = new Map([
  ['her', 'them'],
  ['him', 'them'],
]);

/**
 * "Looking for a gift? Treat her to something special", "Surprise him with a watch": a verb of giving or
 * treating, then "her" or "him" when nobody was named before (issue 14, inc32). The writer guesses the gender
 * of the reader's partner or parent. Not when a person, a name or another gendered pronoun comes first in the
 * sentence or the one before, or a person word or a gendered pronoun anywhere earlier in the document, and
 * not in a reply (email, chat, phone, social).
 */
function giftPronounHits(sentences: readonly Sentence[], si: number, channel: string): Found[] {
  // In a reply the customer may have said who the gift is for.
  if (SPECIFIC_CHANNELS.has(channel)) return [];
  const { giftVerbs, pronounAntecedents, persons, staff, roles, helperRoles, parentMothers, parentFathers, ageWords } = genericLists();
  const sentence = sentences[si];
  const w = sentence.words;
  const out: Found[] = [];
  const person = (lower: string) => {
    const x = withoutPossessive(lower);
    return GENDER_OF.has(x) || pronounAntecedents.has(x) || persons.has(x) || staff.has(x) || roles.has(x) || helperRoles.has(x) || parentMothers.has(x) || parentFathers.has(x) || ageWords.has(x);
  };
  // A name: a capital word that does not open its sentence ("Ask Priya…", "Sam's order").
  const named = (s: Sentence, upTo: number) => s.words.some((x, k) => k > 0 && x.start < upTo && STARTS_UPPER.test(x.text) && x.text !== 'I' && !x.masked);
  for (let i = 0; i + 1 < w.length; i++) {
    const pronoun = OBJECT_PRONOUNS.get(w[i + 1].lower);
    if (!pronoun || !giftVerbs.has(w[i].lower) || w[i + 1].masked || w[i + 1].quoted || gapAfter(sentence, i) !== '') continue;
    if (w.slice(0, i).some((x) => person(x.lower)) || named(sentence, w[i].start)) continue;
    if (si > 0 && named(sentences[si - 1], Infinity)) continue;
    let earlier = false;
    for (let k = 0; k < si && !earlier; k++) earlier = sentences[k].words.some((x) => person(x.lower));
    if (earlier) continue;
    out.push({ start: w[i + 1].start, end: w[i + 1].end, entry: { match: [w[i + 1].lower], replace: [pronoun] }, source: 'plainspoke', messageId: 'readerPronoun' });
  }
  return out;
}

/** Words that open a short noun phrase: "your grandma", "a nan". */
const PHRASE_OPENERS = new Set(['a', 'an', 'the', 'your', 'any', 'my', 'our']);

/** The index of the first word of a short noun phrase ending at `i`: an article or "your", and at most one describing word. */
function phraseStart(w: Sentence['words'], i: number, stop: Set<string>): number {
  const det = PHRASE_OPENERS;
  let k = i;
  const prev = w[k - 1];
  if (prev && !det.has(prev.lower) && !stop.has(prev.lower) && ALL_LOWER.test(prev.lower) && w[k - 2] && det.has(w[k - 2].lower)) k--;
  if (w[k - 1] && det.has(w[k - 1].lower)) k--;
  return k;
}

/** Words before an age word that are cues of their own, not part of its noun phrase. */
const AGE_CUES = new Set(['even', 'for', 'that']);
const AGE_MODALS = new Set(['can', 'could', 'would', 'will', "could've", "can't", 'cannot']);

/**
 * "So simple even your grandma can do it", "Easy enough for your nan to set up", "So easy your grandad could
 * use it": an older person as the measure of how easy something is (issue 14, inc32). An age word after
 * "even" (with "can", "could"… next or an ease word in the sentence), after "for" with "to" next and an ease
 * word before, or with "can", "could"… next and an ease word within eight words before.
 */
function ageHits(sentence: Sentence): Found[] {
  const { ageWords, easeWords } = genericLists();
  const w = sentence.words;
  const out: Found[] = [];
  const stop = AGE_CUES;
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (x.masked || x.quoted || !ageWords.has(x.lower)) continue;
    const s = phraseStart(w, i, stop);
    const cue = w[s - 1]?.lower ?? '';
    const next = w[i + 1]?.lower ?? '';
    const easeBefore = (n: number) => w.slice(Math.max(0, s - n), s).some((y) => easeWords.has(y.lower));
    const modalNext = AGE_MODALS.has(next) && gapAfter(sentence, i) === '';
    let hit = false;
    if (cue === 'even') hit = modalNext || w.some((y) => easeWords.has(y.lower));
    else if (cue === 'for') hit = next === 'to' && easeBefore(6);
    else hit = modalNext && easeBefore(8);
    if (!hit) continue;
    out.push({ start: w[s].start, end: x.end, entry: { match: [x.lower], replace: ['anyone', 'everyone'], note: 'Uses an older person as the measure of how easy something is.' }, source: 'plainspoke' });
  }
  return out;
}

/** Words that may follow a condition word used as a figure of speech: "a bit OCD about backups". */
const CONDITION_FOLLOW = new Set(['about', 'with', 'when', 'and', 'or', 'but', 'at', 'sometimes', 'today', 'lately', 'too', 'over', 'in']);

/**
 * "I'm a bit OCD about backups", "Our team is so bipolar about deadlines": a condition used as a figure of
 * speech, after "so", "very", "a bit", "a little"… and at the end of its phrase (issue 14, inc32). "So autistic
 * customers can book quiet hours" goes on to a noun, so it is left alone.
 */
function conditionAdjectiveHits(sentence: Sentence): Found[] {
  const { conditionAdjectives, degreeWords } = genericLists();
  const w = sentence.words;
  const out: Found[] = [];
  for (let i = 1; i < w.length; i++) {
    const x = w[i];
    if (x.masked || x.quoted || !conditionAdjectives.has(x.lower)) continue;
    const prev = w[i - 1].lower;
    const degree = degreeWords.has(prev) || ((prev === 'bit' || prev === 'little') && w[i - 2]?.lower === 'a');
    if (!degree || gapBefore(sentence, i) !== '') continue;
    const next = w[i + 1];
    if (next && gapAfter(sentence, i) === '' && !CONDITION_FOLLOW.has(next.lower)) continue;
    out.push({ start: x.start, end: x.end, entry: { match: [x.lower], note: 'Uses a condition as a figure of speech.' }, source: 'plainspoke' });
  }
  return out;
}

/**
 * "The app works for both disabled and healthy people": people called healthy, regular or ordinary next to
 * disabled people, which makes disabled people the odd ones (issue 14, inc32). Only when the sentence names a
 * disability too: "Regular customers get free delivery" is fine.
 */
function contrastHits(sentence: Sentence): Found[] {
  const { contrastAdjectives, disabilityCues, otheringNouns, persons } = genericLists();
  const w = sentence.words;
  if (!w.some((x) => disabilityCues.has(x.lower))) return [];
  const out: Found[] = [];
  for (let i = 0; i + 1 < w.length; i++) {
    const x = w[i];
    const n = w[i + 1];
    if (x.masked || x.quoted || !contrastAdjectives.has(x.lower) || gapAfter(sentence, i) !== '') continue;
    // "healthy travellers": a plural of a person word counts too.
    const single = n.lower.endsWith('s') ? n.lower.slice(0, -1) : n.lower;
    if (!(otheringNouns.has(n.lower) || persons.has(n.lower) || persons.has(single))) continue;
    out.push({ start: x.start, end: n.end, entry: { match: [x.lower], replace: [`other ${n.lower}`, `people without disabilities`] }, source: 'plainspoke' });
  }
  return out;
}

interface ShapeLists {
  ageLabels: Set<string>;
  ageGroups: Set<string>;
  agePersons: Set<string>;
  ageStruggle: Set<string>;
  conditionNouns: Map<string, string>;
  conditionAfter: Set<string>;
  windowVerbs: Set<string>;
  burdenFrames: Set<string>;
  burdenObjects: Set<string>;
  burdenLinks: Set<string>;
  vagueObjects: Set<string>;
  illnessFrames: Set<string>;
  sufferFrames: Set<string>;
}
let shapes: ShapeLists | undefined;
function shapeLists(): ShapeLists {
  if (shapes) return shapes;
  const t = table(TABLE);
  const list = (k: string) => new Set((Array.isArray(t[k]) ? (t[k] as unknown[]) : []).map((x) => String(x).toLowerCase()));
  const nouns = (t.conditionNouns ?? {}) as Record<string, string>;
  shapes = {
    ageLabels: list('ageLabels'),
    ageGroups: list('ageGroups'),
    agePersons: list('agePersons'),
    ageStruggle: list('ageStruggleWords'),
    conditionNouns: new Map(Object.entries(nouns).map(([k, v]) => [k.toLowerCase(), String(v)])),
    conditionAfter: list('conditionNounNext'),
    windowVerbs: list('conditionNounNotAfter'),
    burdenFrames: list('burdenFrames'),
    burdenObjects: list('burdenObjects'),
    burdenLinks: list('burdenLinks'),
    vagueObjects: list('burdenVagueObjects'),
    illnessFrames: list('burdenIllnessFrames'),
    sufferFrames: list('burdenSufferFrames'),
  };
  return shapes;
}

/**
 * Issue 14 (session 1.19): three shapes.
 * - Age: "an elderly customer" (a label: say "older"), and an age group with a word of struggle in the
 *   sentence ("older users often struggle with apps"), which guesses skill from age.
 * - A condition as a noun for people: "apps for the blind", "the deaf and hard of hearing". Not before a
 *   noun ("the disabled button", "the blind spot"), and not a window blind ("close the blind").
 * - A disability drawn as a burden or a fight: "despite a disability", "suffering with a disability".
 */
function ageAndConditionHits(sentence: Sentence): Found[] {
  const L = shapeLists();
  const w = sentence.words;
  const out: Found[] = [];
  const text = sentence.block.text;
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    if (x.masked || x.quoted) continue;
    const next = w[i + 1];
    const nextLower = next?.lower ?? '';
    const gap = next ? text.slice(x.end, next.start).trim() : '.';
    if (L.ageGroups.has(x.lower) && !(i > 0 && STARTS_UPPER.test(x.text))) {
      const person = gap === '' && L.agePersons.has(nextLower);
      if (person && L.ageLabels.has(x.lower)) {
        out.push({ start: x.start, end: next!.end, entry: { match: [x.lower], replace: [`older ${nextLower}`] }, source: 'plainspoke' });
        continue;
      }
      const group = person || x.lower === 'seniors';
      // "People with low vision, older readers and anyone on a phone all struggle with it": one of a list of
      // groups that a thing makes hard is an audience, not a guess from age.
      const last = person ? next! : x;
      const listed = /,\s*$/.test(text.slice(Math.max(0, x.start - 2), x.start)) || /^\s*,/.test(text.slice(last.end, last.end + 2));
      if (group && !listed && w.some((y) => L.ageStruggle.has(norm(y.lower)) || L.ageStruggle.has(y.lower))) {
        out.push({ start: x.start, end: (person ? next! : x).end, entry: { match: [x.lower], note: 'Guesses what someone can do from their age.' }, source: 'plainspoke' });
        continue;
      }
    }
    const noun = L.conditionNouns.get(x.lower);
    if (noun !== undefined && w[i - 1]?.lower === 'the' && !L.windowVerbs.has(w[i - 2]?.lower ?? '') && !(i > 0 && STARTS_UPPER.test(x.text))) {
      // "for the blind." / "the deaf and hard of hearing": nothing after, a mark, or a joining word.
      if (!next || /^[.,;:!?)]/.test(gap) || (gap === '' && L.conditionAfter.has(nextLower))) {
        out.push({ start: w[i - 1].start, end: x.end, entry: { match: [`the ${x.lower}`], replace: [noun] }, source: 'plainspoke' });
        continue;
      }
    }
    if (L.burdenFrames.has(x.lower)) {
      // "despite a disability", "suffering with a condition", "confined to a wheelchair": up to two linking words.
      let k = i + 1;
      while (k < w.length && k <= i + 2 && L.burdenLinks.has(w[k].lower)) k++;
      const obj = w[k];
      if (k > i + 1 && obj && L.burdenObjects.has(obj.lower) && !obj.masked && !obj.quoted) {
        // "a condition" is a disability only next to a word of illness: "despite the conditions of the offer" is not.
        if (L.vagueObjects.has(obj.lower) && !L.illnessFrames.has(x.lower)) continue;
        const suffers = L.sufferFrames.has(x.lower);
        out.push({ start: x.start, end: obj.end, entry: { match: [x.lower], ...(suffers ? { replace: ['has', 'lives with'] } : {}), note: 'Draws a disability as a burden or a fight.' }, source: 'plainspoke' });
      }
    }
  }
  return out;
}

/** Bits of the helpers below that a word can set off (issue 19): a sentence with none of a helper's words skips it. */
const T_TITLE = 1;
const T_ADDRESS = 2;
const T_HELPER = 4;
const T_HOLIDAY = 8;
const T_CONDITION = 16;
const T_OTHERING = 32;
const T_ROLE = 64;
const T_PARENT = 128;
const T_GIFT = 256;
const T_AGE = 512;
const T_CONDADJ = 1024;
const T_CONTRAST = 2048;
let triggerBits: Map<string, number> | undefined;

/**
 * Each word that one of the helpers starts at, with the helpers' bits: a title ("mr", "mr."), a greeting
 * word, a helper role, a holiday, the first word of a condition phrase, an othering adjective, a family role
 * (also with "'s") and a parent. Built once from the same lists the helpers read.
 */
function triggers(): Map<string, number> {
  if (triggerBits) return triggerBits;
  const g = genericLists();
  const out = new Map<string, number>();
  const add = (word: string, bit: number) => out.set(word, (out.get(word) ?? 0) | bit);
  for (const t of g.titles) {
    add(t, T_TITLE);
    add(`${t}.`, T_TITLE);
  }
  for (const x of g.addressTerms) add(x, T_ADDRESS);
  for (const x of g.helperRoles) add(x, T_HELPER);
  for (const x of g.holidays) add(x, T_HOLIDAY);
  for (const c of g.conditionPhrases) add(c[0], T_CONDITION);
  for (const x of g.otheringAdjectives) add(x, T_OTHERING);
  for (const r of g.roles.keys()) {
    add(r, T_ROLE);
    add(`${r}'s`, T_ROLE);
    add(`${r}’s`, T_ROLE);
  }
  for (const x of g.parentMothers) add(x, T_PARENT);
  for (const x of g.parentFathers) add(x, T_PARENT);
  for (const x of g.giftVerbs) add(x, T_GIFT);
  for (const x of g.ageWords) add(x, T_AGE);
  for (const x of g.conditionAdjectives) add(x, T_CONDADJ);
  for (const x of g.contrastAdjectives) add(x, T_CONTRAST);
  triggerBits = out;
  return out;
}

/**
 * The helpers a sentence may set off: the bits of its words, as written and as normalised (`seen`, the
 * words without apostrophes and hyphens, which addressHits also reads).
 */
function triggersOf(sentence: Sentence, seen: Sentence): number {
  const map = triggers();
  let bits = 0;
  const w = sentence.words;
  for (let i = 0; i < w.length; i++) bits |= map.get(w[i].lower) ?? 0;
  if (seen !== sentence) for (const x of seen.words) bits |= map.get(x.lower) ?? 0;
  return bits;
}

/** "Thanks for letting us know your husband uses the card": the customer told us, in a reply. */
function customerSaidSo(sentence: Sentence, channel: string): boolean {
  if (!SPECIFIC_CHANNELS.has(channel)) return false;
  const w = sentence.words;
  const { toldCues } = genericLists();
  for (let i = 0; i < w.length; i++) for (const cue of toldCues) if (cue.every((c, k) => w[i + k]?.lower === c)) return true;
  return false;
}

const PAST = new Set(['brought', 'took', 'sent', 'had', 'said', 'told', 'wrote', 'came', 'went', 'made', 'gave', 'got', 'were', 'left', 'bought', 'paid', 'met', 'spoke', 'put']);

/** "you'd arranged for your dad to…", "you brought your mother": in a reply, the customer did this before `at`. */
function customerDidSo(sentence: Sentence, channel: string, at: number): boolean {
  if (!SPECIFIC_CHANNELS.has(channel)) return false;
  const w = sentence.words;
  for (let i = 0; i + 1 < w.length && w[i + 1].start < at; i++) {
    if (!['you', "you'd", "you've", 'youd', 'youve'].includes(w[i].lower)) continue;
    let v = w[i + 1];
    if (['had', 'have', 'already', 'just'].includes(v.lower) && w[i + 2] && w[i + 2].start < at) v = w[i + 2];
    if ((LOWER_ED.test(v.lower) && !v.lower.endsWith('need')) || PAST.has(v.lower)) return true;
  }
  return false;
}

/** In a script or chat log, the customer's own lines ("Customer: my husband set it up"): not ours to change. */
export function customerLines(doc: Doc, channel: string): Map<ProseBlock, [number, number][]> {
  const out = new Map<ProseBlock, [number, number][]>();
  if (!SPECIFIC_CHANNELS.has(channel)) return out;
  for (const l of replyLines(doc)) {
    if (l.speaker !== 'customer') continue;
    let list = out.get(l.block);
    if (!list) out.set(l.block, (list = []));
    list.push([l.start, l.end]);
  }
  return out;
}

/** Diagnostics only (scripts/inclusive-miss-causes.mjs): where a candidate was dropped, by gate, in doc offsets. */
let traceSink: { start: number; end: number; gate: string }[] | undefined;
export function traceInclusive(sink?: { start: number; end: number; gate: string }[]): void {
  traceSink = sink;
}
function gone(sentence: Sentence, start: number, end: number, gate: string): void {
  if (traceSink === undefined) return;
  const span = sentence.block.spanOf(start, end);
  traceSink.push({ start: span.start, end: span.end, gate });
}

export default defineRule({
  id: 'inclusive-language',
  family: 'plain',
  description: 'Gendered, ableist or othering words, and assumptions about family, titles and holidays',
  defaultSeverity: 'warning',
  channels: 'all',
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  acceptsVocabulary: true,
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    swap: "'{{actual}}' may exclude some readers: use {{expected}}",
    reword: "'{{actual}}' may exclude some readers: reword it",
    genericPronoun: "'{{actual}}' guesses the gender of '{{person}}': use '{{expected}}'",
    genericRole: "'{{actual}}' guesses who looks after the family or who is married: use '{{expected}}'",
    titleGuess: "'{{actual}}' guesses the gender of someone you don't know: use their name without a title",
    titleChoice: "'{{actual}}' offers only titles for men and women: add Mx and 'no title', or leave the title out",
    readerPronoun: "'{{actual}}' guesses the gender of someone in the reader's life: use {{expected}} or say who it is for",
    holiday: "'{{actual}}' names one holiday that not every reader keeps: give the dates instead",
  },
  check(doc, ctx) {
    const literals = literalPhrases(TABLE);
    const theirs = customerLines(doc, ctx.channel);
    // A generic person left open at the end of a sentence, in the same block ("…your landlord. He may…").
    let carried: { block: unknown; person: string } | undefined;
    // Gendered pronouns already used in the block's earlier sentences: "Max's address is on his record. If anyone
    // scans his chip…" — the pronoun goes on meaning the one it meant before (issue 14, round 6).
    let used: { block: unknown; genders: Set<string> } | undefined;
    // A <select> whose title choices are all gendered.
    for (const sel of titleSelects(doc)) {
      ctx.report({ messageId: 'titleChoice', span: { start: sel.start, end: sel.end }, data: { actual: sel.actual, expected: '' }, suggestions: [] });
    }
    const { legalCues, pronouns } = genericLists();
    const sentences = doc.sentences;
    for (const r of titleOptionRuns(sentences)) {
      if (r.sentence.block.quote) continue;
      ctx.report({ messageId: 'titleChoice', span: r.sentence.block.spanOf(r.start, r.end), data: { actual: r.actual, expected: '' }, suggestions: [], context: r.sentence.span });
    }
    // A family role used for anyone, reported in the sentence before: "mum should fill in the form. If she
    // can't attend, she can…" goes on guessing (issue 14, round 7).
    let roleOpen: { block: unknown; gender: string } | undefined;
    for (let si = 0; si < sentences.length; si++) {
      const sentence = sentences[si];
      if (used?.block !== sentence.block) used = { block: sentence.block, genders: new Set() };
      const before = new Set(used.genders);
      for (const w of sentence.words) {
        const gender = GENDER_OF.get(w.lower);
        if (gender) used.genders.add(gender);
      }
      // Quoted mail and customer words are not the writer's to change.
      if (sentence.block.quote) {
        gone(sentence, sentence.start, sentence.end, 'blockquote');
        continue;
      }
      const lines = theirs.get(sentence.block);
      const theirWords = (start: number) => lines !== undefined && lines.some(([a, b]) => a <= start && start < b);
      const seen = normalised(sentence);
      const hits = matcherFor(seen).find(seen);
      const paired = pairedHits(sentence, hits);
      const found: Found[] = [];
      for (const hit of hits) {
        if (paired.has(hit) || inException(sentence, hit)) {
          gone(sentence, hit.first.start, hit.last.end, paired.has(hit) ? 'list: gendered pair' : 'list: entry exception');
          continue;
        }
        if (hit.value.from === 'retext-equality' && titleCaseName(seen, hit.first, hit.last)) {
          gone(sentence, hit.first.start, hit.last.end, 'list: title-case name');
          continue;
        }
        found.push({ start: hit.first.start, end: hit.last.end, entry: hit.value, source: hit.value.from });
      }
      for (const h of findLiterals(sentence, literals)) {
        if (found.some((f) => f.start < h.end && h.start < f.end)) continue;
        found.push({ ...h, source: 'plainspoke' });
      }
      // Each helper only where a word of it is in the sentence: it finds nothing elsewhere (issue 19).
      const bits = triggersOf(sentence, seen);
      const none: Found[] = [];
      for (const h of [
        ...(bits & T_TITLE ? titleHits(sentence, sentences[si + 1]) : none),
        ...(bits & T_ADDRESS ? addressHits(sentence, ctx.channel) : none),
        ...(bits & T_HELPER ? helperHits(sentence) : none),
        ...(bits & T_HOLIDAY ? holidayHits(sentence) : none),
        ...(bits & T_CONDITION ? conditionHits(sentence) : none),
        ...(bits & T_OTHERING ? otheringHits(sentence) : none),
        ...(bits & T_GIFT ? giftPronounHits(sentences, si, ctx.channel) : none),
        ...(bits & T_AGE ? ageHits(sentence) : none),
        ...(bits & T_CONDADJ ? conditionAdjectiveHits(sentence) : none),
        ...(bits & T_CONTRAST ? contrastHits(sentence) : none),
        ...ageAndConditionHits(sentence),
      ]) {
        if (found.some((f) => f.start < h.end && h.start < f.end)) continue;
        found.push(h);
      }
      // In a reply, a family word the customer used ("your husband", as you told us) is theirs.
      /** Drops the findings that `test` clears, naming the gate for the debug trace. */
      const drop = (gate: string, test: (f: Found) => boolean): void => {
        for (let i = found.length - 1; i >= 0; i--) {
          if (!test(found[i])) continue;
          gone(sentence, found[i].start, found[i].end, gate);
          found.splice(i, 1);
        }
      };
      const said = customerSaidSo(sentence, ctx.channel);
      drop('reply: customer said or did', (f) => /^your\b/i.test(sentence.block.text.slice(f.start, f.end)) && (said || customerDidSo(sentence, ctx.channel, f.start)));
      drop("customer's line", (f) => theirWords(f.start));
      // "your husband, wife or civil partner", "your wife Ana": a list that names everyone, or one known person.
      drop('family list names everyone', (f) => f.entry.family === true && familyNamed(sentence, f.end));
      // "wives can add their husbands": the role before is the finding; "their husbands" only follows it.
      const { roles } = genericLists();
      drop('their-after-role', (f) => /^their\b/i.test(sentence.block.text.slice(f.start, f.end)) && sentence.words.some((x) => x.end <= f.start && roles.has(x.lower)));
      // "If you file jointly with your spouse": the law's word, in a policy or a sentence about tax or benefits.
      if (found.some((f) => f.entry.legal === true) && (ctx.channel === 'policy' || sentence.words.some((x) => legalCues.has(x.lower)))) {
        drop('legal word', (f) => f.entry.legal === true);
      }
      // "In older versions we called the replicas slaves. We now use 'replica'": an old term named only
      // to say it was replaced.
      drop('old term named', (f) => oldTermNamed(doc.sentences, sentence, f.start));
      const pronounHits = genericPronouns(sentence, ctx.channel, carried?.block === sentence.block ? carried.person : undefined);
      carried = pronounHits.open !== undefined ? { block: sentence.block, person: pronounHits.open } : undefined;
      // Guesses by shape: a family role for anyone in it, then a gendered pronoun for a generic person.
      const roleHits = bits & T_ROLE ? genericRoles(sentence, ctx.channel) : [];
      if (roleOpen !== undefined && roleOpen.block !== sentence.block) roleOpen = undefined;
      const openBefore = roleOpen;
      const rolePronouns: { start: number; end: number; replace: string }[] = [];
      if (openBefore !== undefined) {
        roleOpen = undefined;
        for (const x of sentence.words) {
          if (x.masked || x.quoted || GENDER_OF.get(x.lower) !== openBefore.gender) continue;
          rolePronouns.push({ start: x.start, end: x.end, replace: pronouns.get(x.lower) ?? 'they' });
        }
      }
      const guesses = [
        ...(bits & T_PARENT ? parentPairs(sentence) : []).map((g) => ({ ...g, messageId: 'genericRole', person: undefined as string | undefined })),
        ...roleHits.map((g) => ({ ...g, messageId: 'genericRole', person: undefined as string | undefined })),
        ...pronounHits.found.map((g) => ({ ...g, messageId: 'genericPronoun' })),
        ...rolePronouns.map((g) => ({ ...g, messageId: 'genericRole', person: undefined as string | undefined })),
      ];
      const taken: { start: number; end: number }[] = [];
      for (const g of guesses) {
        if (theirWords(g.start) || [...found, ...taken].some((f) => f.start < g.end && g.start < f.end)) {
          gone(sentence, g.start, g.end, 'shape: overlap or customer line');
          continue;
        }
        if (g.messageId === 'genericPronoun' && before.has(GENDER_OF.get(sentence.block.text.slice(g.start, g.end).toLowerCase()) ?? '')) {
          gone(sentence, g.start, g.end, 'shape: pronoun used before in block');
          continue;
        }
        taken.push(g);
        const actual = sentence.block.text.slice(g.start, g.end);
        if (g.messageId === 'genericRole' && roleHits.some((r) => r.start === g.start)) roleOpen = { block: sentence.block, gender: roleGender(actual.toLowerCase()) };
        const expected = matchCase(g.replace, actual);
        ctx.report({
          messageId: g.messageId,
          span: sentence.block.spanOf(g.start, g.end),
          data: g.person === undefined ? { actual, expected } : { actual, person: g.person, expected },
          suggestions: [expected],
          context: sentence.span,
        });
      }
      for (const f of found) {
        const actual = sentence.block.text.slice(f.start, f.end);
        const suggestions = (f.entry.replace ?? []).map((r) => matchCase(r, actual));
        ctx.report({
          messageId: f.messageId ?? (suggestions.length ? 'swap' : 'reword'),
          span: sentence.block.spanOf(f.start, f.end),
          data: { actual, expected: suggestions.map((s) => `'${s}'`).join(' or ') },
          suggestions,
          context: sentence.span,
          ...(f.source === 'retext-equality' ? { source: 'retext-equality' } : {}),
        });
      }
    }
  },
});
