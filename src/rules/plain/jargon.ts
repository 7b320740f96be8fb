/**
 * jargon: legalese ("herein", "pursuant to", "shall") and corporate jargon
 * ("leverage", "touch base") from rules/jargon.yml, plus the config's
 * `vocabulary.reject` terms, which are always flagged.
 *
 * Policies are full of legalese: in the policy channel each table term is
 * reported once per file, at its first use, with the number of uses, so a
 * terms-of-service page gets one "shall" finding that says "used 37 times",
 * not 37 findings that bury everything else. Rejected terms are the team's own
 * decision and are reported every time.
 *
 * Internal jargon (issue 14): words from inside the company's systems that
 * customers don't know ("middleware", "payload", "triage"), as table entries
 * marked `internal: true`, and by shape: a head noun for a part of a system
 * with a modifier that makes it software ("the ingest worker", "the triage
 * pipeline", "the routing queue"), from `systemWords` in rules/jargon.yml.
 * Developers and lawyers know these words, so they are left alone in the
 * policy channel (option `systemWords`), on pages with code samples, and
 * when the sentence explains the word ("(the part that checks your file)",
 * "…, which…", "called the…").
 *
 * Legalese vs terms of art (issue 14, r8): legal wording with a plain twin is
 * jargon in every channel ("at its sole discretion", "the foregoing"); a term
 * of art with none stays quiet in a policy (`quietIn: [policy]`: "indemnify").
 * By shape: here-/there-/where- compounds ("hereunder"), and a party named as a
 * defined term ("The Company warrants" → "we", "the Renter shall" → "you").
 * Unexplained technical terms ("SSO token", "refresh token") from the
 * `technicalTerms` lists are reported at info, once a file, with the same limits
 * as internal jargon (not in a policy, not for developers, not when explained).
 */
import { defineRule } from '../define-rule.js';
import { isTableEntry, table, type PhraseEntry } from '../../lexicon/data.js';
import { eachPhrase, perEntry } from '../kinds/phrase-rule.js';
import { findLiterals, literalPhrases } from '../../lexicon/tables.js';
import { matchCase, PhraseMatcher } from '../../lexicon/phrase-matcher.js';
import type { Sentence, Word } from '../../document/prose.js';
import type { Doc } from '../../document/document.js';
import type { Span } from '../../types.js';
import { familiarWord } from '../../util/readability.js';
import { fitSwaps, foundBeforeNoun } from '../../lexicon/word-form.js';
import { ALL_LOWER, LOWER_WORD, STARTS_UPPER, asciiClass } from '../../util/ascii-class.js';

// Unicode classes with their ASCII twins (src/util/ascii-class.ts): the \p expression is made only for non-ASCII words.
const ALL_UPPER = asciiClass(/^[A-Z]+$/, () => /^\p{Lu}+$/u);
const LOWER_PLURAL = asciiClass(/^[a-z]+s$/, () => /^\p{Ll}+s$/u);
const LOWER_WORD3 = asciiClass(/^[a-z][a-z-]{2,}$/, () => /^\p{Ll}[\p{Ll}-]{2,}$/u);
const LETTER_WORD = asciiClass(/^[A-Za-z][A-Za-z-]*$/, () => /^\p{L}[\p{L}-]*$/u);
const TITLE_WORD = asciiClass(/^[A-Z][a-z][a-z-]*$/, () => /^\p{Lu}\p{Ll}[\p{Ll}-]*$/u);

const TABLE = 'jargon';

interface Options {
  /** Report each table term once per file (first use, with a count) instead of every use. */
  onePerFile: boolean;
  /** Report internal jargon ("the ingest worker", "middleware"): off in the policy channel. */
  systemWords: boolean;
}

interface Hit {
  sentence: Sentence;
  span: Span;
  /** Block offsets of the match. */
  from: number;
  to: number;
  actual: string;
  entry: PhraseEntry;
  suggestions: string[];
}

/** "leverage means…", "What is leverage?", "…indemnify us. This means you cover our costs." */
const MEANS = new Set(['means', 'meaning', 'refers', 'describes']);
const BACK_REFS = new Set(['this', 'that', 'it', 'which']);
/** After "<term> is/are", words that start what it is: "Your excess is what you pay…", "Deductions are the amounts…". */
const COPULAS = new Set(['is', 'are']);
const DEFINITION_OPENERS = new Set(['when', 'a', 'an', 'the', 'how', 'what', 'where', 'any', 'money', 'something', 'someone', 'your', 'our']);
/** "…the excess. That's the part you pay": a back reference and a copula in one word. */
const BACK_COPULAS = new Set(["this's", "that's", "it's", 'thats', 'its']);

function definedTerms(sentences: readonly Sentence[], hits: readonly Hit[]): Set<PhraseEntry> {
  const out = new Set<PhraseEntry>();
  if (!hits.length) return out;
  const index = new Map<Sentence, number>();
  sentences.forEach((x, i) => index.set(x, i));
  let generic: Set<string> | undefined;
  for (const h of hits) {
    // "Add a rider to your policy… A rider is extra cover for one item.": a sentence of the file defines its head noun.
    const noun = isIndustry(h.entry) || h.entry.internal === true || h.entry.category === 'trade jargon' || h.entry.category === 'internal jargon';
    if (noun && h.actual.split(/\s+/).some((x) => (generic ??= genericDefinitions(sentences)).has(headKey(x)))) {
      out.add(h.entry);
      continue;
    }
    const w = h.sentence.words;
    const first = w.findIndex((x) => x.start >= h.from);
    const lastWord = w.findIndex((x) => x.end >= h.to);
    const a = first === -1 ? 0 : first;
    const b = lastWord === -1 ? w.length - 1 : lastWord;
    const nextWords = w.slice(b + 1, b + 4).map((x) => x.lower.replace(/’/g, "'"));
    const prevWords = w.slice(Math.max(0, a - 2), a).map((x) => x.lower);
    // "<term> is a…", "<term> are what…", and with the noun it names: "A dunning email is a reminder…".
    const copulaAt = COPULAS.has(nextWords[0] ?? '') ? 0 : ALL_LOWER.test(w[b + 1]?.text ?? '') && COPULAS.has(nextWords[1] ?? '') ? 1 : -1;
    // Only a thing's name is defined that way: legal wording is not ("The uses set out herein are the only ones").
    let yes = MEANS.has(nextWords[0] ?? '') || (nextWords[0] === 'is' && ['when', 'a', 'an', 'the', 'how'].includes(nextWords[1] ?? ''));
    yes ||= noun && copulaAt !== -1 && DEFINITION_OPENERS.has(nextWords[copulaAt + 1] ?? '');
    yes ||= prevWords.join(' ') === 'what is' || prevWords.join(' ') === 'what does' || prevWords[prevWords.length - 1] === "what's";
    if (!yes) {
      // The next sentence explains it: "You agree to indemnify us. This means you cover our costs."
      const i = index.get(h.sentence);
      const next = i === undefined ? undefined : sentences[i + 1];
      if (next && next.block === h.sentence.block) {
        const n = next.words.slice(0, 3).map((x) => x.lower.replace(/’/g, "'"));
        yes = (BACK_REFS.has(n[0] ?? '') && MEANS.has(n[1] ?? '')) || (n[0] === 'in' && n[1] === 'other' && n[2] === 'words');
        // "…we take off the excess. This is the part of each claim you pay": the term ends its sentence, and the
        // next one says what it is.
        if (!yes && noun && w.length - 1 - b <= 2) yes = (BACK_REFS.has(n[0] ?? '') && n[0] !== 'which' && COPULAS.has(n[1] ?? '') && DEFINITION_OPENERS.has(n[2] ?? '')) || (BACK_COPULAS.has(n[0] ?? '') && DEFINITION_OPENERS.has(n[1] ?? ''));
      }
    }
    if (yes) out.add(h.entry);
  }
  return out;
}

/** Words that start a sentence with a copula but name nothing: "This is the part…", "There are two…". */
const NOT_DEFINED = new Set(['this', 'that', 'these', 'those', 'there', 'here', 'which', 'what', 'who', 'where', 'when', 'how', 'why', 'she', 'they', 'you', 'your', 'our', 'their', 'its', 'his', 'her', 'each', 'every', 'all', 'both', 'one', 'some', 'any', 'none', 'nothing', 'everything', 'something', 'anything']);

/** The last word of a term, lower case and without a plural "s": the key of its head noun. */
function headKey(actual: string): string {
  const last = actual.toLowerCase().replace(/’/g, "'").split(/\s+/).pop() ?? '';
  return last.length > 3 ? last.replace(/s$/u, '') : last;
}

/**
 * Head nouns the file defines in a sentence of their own: "A rider is extra cover for one item", "An excess
 * is…", "Riders are what…", "What is a rider?". Not "Your excess is £100" (a value, not a definition).
 */
function genericDefinitions(sentences: readonly Sentence[]): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    const w = s.words.map((x) => x.lower.replace(/’/g, "'"));
    // "What is a rider?", "What's an excess?"
    let k = w[0] === 'what' && COPULAS.has(w[1] ?? '') ? 2 : w[0] === "what's" ? 1 : 0;
    const question = k > 0;
    const det = w[k] === 'a' || w[k] === 'an';
    if (det) k++;
    if (question) {
      if (w.length - k >= 1 && w.length - k <= 2) out.add(headKey(w[w.length - 1]));
      continue;
    }
    // One or two words, then the copula: "A rider is…", "A policy rider is…", "Riders are what…".
    for (const n of [1, 2]) {
      const cop = w[k + n];
      if (!cop || !(COPULAS.has(cop) || MEANS.has(cop))) continue;
      const word = w[k + n - 1];
      if (!LOWER_WORD3.test(word) || NOT_DEFINED.has(word)) break;
      if (det || MEANS.has(cop) || DEFINITION_OPENERS.has(w[k + n + 1] ?? '')) out.add(headKey(word));
      break;
    }
  }
  return out;
}

/** Words between a subject and its verb: "your dog has ingested", "a child may accidentally ingest". */
const SUBJECT_GAP = new Set(['has', 'have', 'had', 'may', 'might', 'can', 'could', 'will', 'did', 'does', 'accidentally', 'already', 'just', 'ever', 'also']);

/**
 * A system word used as a verb of a person or an animal: "if your dog ingests chocolate", "the child
 * ingested a battery". That is the everyday (medical) sense, not our systems ("we ingest your data").
 */
function saidOfLiving(h: Hit): boolean {
  if (h.entry.internal !== true || h.actual.includes(' ')) return false;
  const w = h.sentence.words;
  let i = w.findIndex((x) => x.start === h.from) - 1;
  while (i >= 0 && SUBJECT_GAP.has(w[i].lower)) i--;
  return i >= 0 && systemWords().living.has(lower(w[i].lower));
}

/** A capital in mid-sentence: a product or a defined term ("the Synergy Pro mouse"). */
function isName(h: Hit): boolean {
  const w = h.sentence.words;
  const i = w.findIndex((x) => x.start === h.from);
  return i > 0 && STARTS_UPPER.test(w[i].text) && !ACRONYM.test(w[i].text);
}
/** All capitals, digits allowed ("SLA", "L2", "P1"): an acronym or a code, not a name. */
const ACRONYM = asciiClass(/^[A-Z\d-]+$/, () => /^[\p{Lu}\d-]+$/u);

interface Head {
  entry: PhraseEntry;
  /** null: any content word except `notAfter`. */
  modifiers: Set<string> | null;
  notAfter: Set<string>;
  /** `rare: true`: also after a rare word (off the Dale–Chall list), so a new system's name counts too ("the ingest worker"). */
  rare: boolean;
}
interface SystemWords {
  internal: Set<string>;
  heads: Map<string, Head>;
  /** People and animals: a system's verb said of one is the everyday sense ("if your dog ingests chocolate"). */
  living: Set<string>;
}
let systemData: SystemWords | undefined;
/** Lower case with straight apostrophes; most words have no curly one, so no copy is made (issue 19). */
const lower = (x: unknown) => {
  const s = String(x).toLowerCase();
  return s.includes('’') ? s.replace(/’/g, "'") : s;
};
function systemWords(): SystemWords {
  if (systemData) return systemData;
  const raw = (table(TABLE).systemWords ?? {}) as { internalModifiers?: unknown[]; livingSubjects?: unknown[]; heads?: { match: string[]; modifiers: string | string[]; notAfter?: string[]; rare?: boolean }[] };
  const internal = new Set((raw.internalModifiers ?? []).map(lower));
  const heads = new Map<string, Head>();
  for (const h of raw.heads ?? []) {
    const entry: PhraseEntry = { match: h.match, category: 'internal jargon', internal: true };
    const modifiers = h.modifiers === 'any' ? null : h.modifiers === 'internal' ? internal : new Set((h.modifiers as string[]).map(lower));
    const head: Head = { entry, modifiers, notAfter: new Set((h.notAfter ?? []).map(lower)), rare: h.rare === true };
    for (const m of h.match) heads.set(lower(m), head);
  }
  systemData = { internal, heads, living: new Set((raw.livingSubjects ?? []).map(lower)) };
  return systemData;
}

/** A capital in mid-sentence that is not an acronym: a name ("the Sync Worker app"). */
function nameAt(words: readonly Word[], i: number): boolean {
  return i > 0 && STARTS_UPPER.test(words[i].text) && !ACRONYM.test(words[i].text);
}

/** Endings of adjectives, plurals and verb forms: "individual job", "contract workers", "supports state" are not a system's part. */
const NOT_A_MODIFIER = /(?:al|ic|ive|ous|ent|ant|ible|able|ary|ful|less|ly|est|ing|ed|s)$/u;

/**
 * A word most readers have not met, as the name of a system's part: off the Dale–Chall list of
 * familiar words (general data, not a list of ours), lower case, one plain word, and not shaped like an
 * adjective, a plural or a verb form. "ingest", "triage", "proxy", "webhook", "supervisor".
 */
function rareModifier(m: Word): boolean {
  return LOWER_WORD3.test(m.text) && !NOT_A_MODIFIER.test(m.lower) && !familiarWord(m.lower);
}

/** Internal jargon by shape: "<modifier> <head>" ("the ingest worker", "consortium routing queue"). */
function systemHits(sentence: Sentence): { from: number; to: number; entry: PhraseEntry }[] {
  const { internal, heads } = systemWords();
  const w = sentence.words;
  const text = sentence.block.text;
  const out: { from: number; to: number; entry: PhraseEntry }[] = [];
  const joined = (a: Word, b: Word) => !a.masked && !a.quoted && text.slice(a.end, b.start).trim() === '';
  for (let i = 1; i < w.length; i++) {
    const head = heads.get(lower(w[i].lower));
    if (!head || w[i].masked || w[i].quoted || nameAt(w, i)) continue;
    const m = w[i - 1];
    if (!joined(m, w[i]) || nameAt(w, i - 1)) continue;
    const mod = lower(m.lower);
    const fits = head.modifiers
      ? head.modifiers.has(mod) || (head.rare && !head.notAfter.has(mod) && (rareModifier(m) || (TECH_ACRONYM.test(m.text) && !techTerms().notAfter.has(mod))))
      : LETTER_WORD.test(m.text) && !head.notAfter.has(mod);
    if (!fits) continue;
    // "consortium routing queue": take in the internal modifiers before it.
    let k = i - 1;
    while (k > 0 && internal.has(lower(w[k - 1].lower)) && joined(w[k - 1], w[k]) && !nameAt(w, k - 1)) k--;
    out.push({ from: w[k].start, to: w[i].end, entry: head.entry });
  }
  return out;
}

/** A support-tier hit with "escalate" (any form) within six words before it. */
function escalatedTier(h: { entry: PhraseEntry; sentence: Sentence; from: number }): boolean {
  if (h.entry !== SHAPE_ENTRIES.tier) return false;
  const w = h.sentence.words;
  const at = w.findIndex((x) => x.start === h.from);
  for (let j = at - 1; j >= 0 && at - j <= 6; j--) if (w[j].lower.startsWith('escalat')) return true;
  return false;
}

/**
 * Jargon by shape (issue 14, r4), from the `shapes` word lists in rules/jargon.yml:
 * - a noun used as a verb ("we will action this", "socialise the prices"): after a
 *   verb slot (a modal, "to", "please", a subject pronoun, the start of a clause) and
 *   before its object; forms that are only ever verbs ("actioned") everywhere;
 * - a support tier or priority code ("escalated to tier two", "our L2 team", "a P1 open",
 *   "…and Tier 2 will check it": a tier that starts a clause with a support verb from `tierVerbs`);
 * - "bandwidth" for a team's time ("we don't have the bandwidth to look");
 * - "ping" a person ("I'll ping the devs");
 * - "said" as a determiner ("Said account will be closed", "of said party").
 * Determiners, pronouns and modals are grammar, so they stay here.
 */
const VERB_SLOT = new Set(['^', ',', 'to', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'please', 'kindly', 'pls', 'we', 'i', 'you', 'they', "we'll", "i'll", "you'll", "they'll", "we'd", "i'd", "let's", 'cannot', "can't", "won't", "don't", "didn't", 'then', 'and', 'also', 'just', 'now', 'quickly']);
const OBJECT_START = new Set(['this', 'that', 'it', 'these', 'those', 'the', 'a', 'an', 'your', 'our', 'my', 'their', 'his', 'her', 'them', 'all', 'any', 'each', 'every', 'both']);
const SAID_PREPS = new Set(['of', 'to', 'in', 'on', 'for', 'from', 'with', 'by', 'under', 'upon', 'against', 'within']);
const NOT_NOUN = new Set(['that', 'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'you', 'i', 'so', 'no', 'yes', 'to', 'earlier', 'before', 'above', 'below', 'this', 'in', 'on', 'at', 'for', 'by', 'with', 'and', 'or', 'but', 'please', 'hello', 'hi', 'thanks', 'goodbye', 'nothing', 'something', 'again', 'than', 'what', 'when', 'how', 'is', 'was', 'about', 'otherwise', 'differently', 'simply', 'plainly']);

interface Shapes { [k: string]: Set<string> }
let shapeData: Shapes | undefined;
function shapeLists(): Shapes {
  if (shapeData) return shapeData;
  const raw = (table(TABLE).shapes ?? {}) as Record<string, unknown[]>;
  const out: Shapes = {};
  for (const [k, v] of Object.entries(raw)) out[k] = new Set((Array.isArray(v) ? v : []).map(lower));
  shapeData = out;
  return out;
}
const SHAPE_ENTRIES = {
  nounVerb: { match: ['(noun used as a verb)'], category: 'corporate jargon', replace: [] } as PhraseEntry,
  tier: { match: ['(support tier)'], category: 'internal jargon', internal: true, replace: ['a specialist', 'our specialist team'] } as PhraseEntry,
  tierActing: { match: ['(support tier that acts)'], category: 'internal jargon', internal: true, replace: ['a specialist', 'our specialist team'] } as PhraseEntry,
  priority: { match: ['(priority code)'], category: 'internal jargon', internal: true, replace: ['an urgent fix', 'a top-priority fix'] } as PhraseEntry,
  capacity: { match: ['(capacity)'], category: 'corporate jargon', replace: ['time'] } as PhraseEntry,
  ping: { match: ['(ping)'], category: 'internal jargon', internal: true, replace: ['ask', 'message'] } as PhraseEntry,
  said: { match: ['(said)'], category: 'legalese', replace: ['this', 'that', 'the'] } as PhraseEntry,
  compound: { match: ['(here-/there-/where- compound)'], category: 'legalese', replace: [] } as PhraseEntry,
  selfParty: { match: ['(the Company)'], category: 'legalese', replace: ['we'] } as PhraseEntry,
  selfPartyOf: { match: ["(the Company's)"], category: 'legalese', replace: ['our'] } as PhraseEntry,
  otherParty: { match: ['(the Customer)'], category: 'legalese', replace: ['you'] } as PhraseEntry,
  otherPartyOf: { match: ["(the Customer's)"], category: 'legalese', replace: ['your'] } as PhraseEntry,
};

/** Prepositions before a party: "by the Company", "to the Customer". */
const PARTY_PREPS = new Set(['by', 'to', 'from', 'with', 'of', 'for', 'against', 'and', 'or', 'between', 'upon', 'on', 'under']);

/** "the Company warrants", "by the Customer", "the Renter's": a party named as a defined term, not a product ("the Company Settings page"). */
function partyAt(w: readonly Word[], i: number, text: string, lw: (i: number) => string, list: ReadonlySet<string>, verbs: ReadonlySet<string>): { to: number; of: boolean } | undefined {
  if (i < 1 || lw(i - 1) !== 'the' || w[i].masked || w[i].quoted) return undefined;
  const word = w[i].text.replace(/[’']s$/u, '');
  if (!TITLE_WORD.test(word) || !list.has(lower(word))) return undefined;
  const of = word.length < w[i].text.length;
  if (of) return { to: i, of };
  const gap = i + 1 < w.length ? text.slice(w[i].end, w[i + 1].start) : '.';
  if (/[.,;:)]/.test(gap)) return { to: i, of };
  const next = lw(i + 1);
  if (verbs.has(next) || PARTY_PREPS.has(lw(i - 2)) || LOWER_PLURAL.test(w[i + 1].text) && !next.endsWith('ss')) return { to: i, of };
  return undefined;
}

/** Numbered support tiers and priority codes by their form, beyond the listed ones: "T2", "L3", "P2", "Sev-1". */
const TIER_CODE = /^(?:l|t|tier-?|level-)[1-4]$/u;
const PRIORITY_CODE = /^(?:p|sev-?)[0-4]$/u;

/** Where a clause starts: a tier there is the subject ("…and Tier 2 will check it"). */
const CLAUSE_STARTS = new Set(['^', ',', 'and', 'then', 'so']);
const TIER_MODALS = new Set(['will', 'can', 'could', 'would', 'should', 'may', 'might', 'must']);
const TIER_PROGRESSIVE = new Set(['is', 'are', 'were', 'was']);
/** "will check", "can look", "are looking": a modal and a support verb, or "is/are" and its -ing form. */
function actsAsTeam(aux: string, verb: string, verbs: ReadonlySet<string>): boolean {
  if (TIER_MODALS.has(aux)) return verbs.has(verb);
  if (!TIER_PROGRESSIVE.has(aux) || !verb.endsWith('ing')) return false;
  const stem = verb.slice(0, -3);
  return verbs.has(stem) || verbs.has(`${stem}e`);
}

/** The word without one full stop at its end. */
const dropStop = (s: string) => (s.endsWith('.') ? s.slice(0, -1) : s);

/** A shape list the table does not have: no word is in it. */
const NO_WORDS: ReadonlySet<string> = new Set<string>();

/** Every word a shape below starts at (the lists read with the word itself), built once: most words are in none (issue 19). */
let shapeStarts: Set<string> | undefined;
function shapeStartWords(L: Shapes): Set<string> {
  if (shapeStarts) return shapeStarts;
  const out = new Set<string>();
  for (const k of ['verbOnly', 'nounVerbs', 'tierHeads', 'tierCodes', 'priorityCodes', 'capacityWords', 'pingVerbs', 'saidWords']) for (const x of L[k] ?? NO_WORDS) out.add(x);
  shapeStarts = out;
  return out;
}

/**
 * A word no shape can start at: in no start list, not after "the" (a party), not a here-/there-/where- or
 * "-soever" word, and not ending in a digit 0–4 (a tier or priority code by its form).
 */
function noShapeAt(x: string, before: string, starts: ReadonlySet<string>): boolean {
  if (starts.has(x) || before === 'the') return false;
  const last = x.charCodeAt(x.length - 1);
  if (last >= 48 && last <= 52) return false;
  return !(compoundStemOf(x) || x.endsWith('soever'));
}

/** The stem of an old legal compound a word starts with ("hereunder" → "here", "thereupon" → "there"), or ''. */
function compoundStemOf(x: string): string {
  return x.slice(0, 5) === 'there' || x.slice(0, 5) === 'where' ? x.slice(0, 5) : x.slice(0, 4) === 'here' ? 'here' : '';
}

function shapeHits(sentence: Sentence): { from: number; to: number; entry: PhraseEntry }[] {
  const L = shapeLists();
  const starts = shapeStartWords(L);
  const w = sentence.words;
  const text = sentence.block.text;
  const out: { from: number; to: number; entry: PhraseEntry }[] = [];
  const get = (k: string) => L[k] ?? NO_WORDS;
  // ("tier 2." at the end of a sentence: the number keeps its full stop.) Each word's form is made once
  // here: the patterns below read most words three or four times (issue 19).
  const forms = w.map((x) => (!x.masked && !x.quoted ? dropStop(lower(x.lower)) : ''));
  const lw = (i: number) => (i >= 0 && i < forms.length ? forms[i] : '');
  const prev = (i: number) => {
    if (i <= 0) return '^';
    if (/[,;:(—–]/.test(text.slice(w[i - 1].end, w[i].start))) return ',';
    return lw(i - 1);
  };
  const handOffBefore = (i: number) => {
    for (let j = i - 1; j >= 0 && i - j <= 6; j--) if (get('handOffVerbs').has(lw(j))) return true;
    return false;
  };
  for (let i = 0; i < w.length; i++) {
    const x = lw(i);
    if (!x || noShapeAt(x, lw(i - 1), starts)) continue;
    // Nouns used as verbs.
    if (get('verbOnly').has(x) || (get('nounVerbs').has(x) && VERB_SLOT.has(prev(i)) && OBJECT_START.has(lw(i + 1)))) {
      if (!nameAt(w, i)) out.push({ from: w[i].start, to: (OBJECT_START.has(lw(i + 1)) ? w[i + 1] : w[i]).end, entry: SHAPE_ENTRIES.nounVerb });
      continue;
    }
    // Support tiers: "tier two", "level 2", "L2" + a team word, or after "escalated to".
    const tierHead = get('tierHeads').has(x) && get('tierNumbers').has(lw(i + 1));
    const code = get('tierCodes').has(x) || TIER_CODE.test(x);
    if (tierHead || code) {
      const end = tierHead ? i + 1 : i;
      // "T2 payments squad": one word may name what the team does.
      const teamAt = get('teamWords').has(lw(end + 1)) ? end + 1 : get('teamWords').has(lw(end + 2)) && ALL_LOWER.test(w[end + 1]?.text ?? '') ? end + 2 : -1;
      const team = teamAt !== -1;
      // "escalated to L2", "escalated this to our T2 …".
      const handed = (['to', 'at', 'with'].includes(prev(i)) || (['our', 'the'].includes(prev(i)) && ['to', 'at', 'with'].includes(prev(i - 1)))) && handOffBefore(i);
      // "…and Tier 2 will re-flash the gateway": a tier that starts a clause and does support work ("Tier 2 will give you more storage" is a plan).
      const acting = !team && !handed && CLAUSE_STARTS.has(prev(i)) && actsAsTeam(lw(end + 1), lw(end + 2), get('tierVerbs'));
      if (team || handed || acting) {
        out.push({ from: w[i].start, to: w[team ? teamAt : end].end, entry: acting ? SHAPE_ENTRIES.tierActing : SHAPE_ENTRIES.tier });
        i = end;
        continue;
      }
    }
    if ((get('priorityCodes').has(x) || PRIORITY_CODE.test(x)) && (['a', 'an', 'as', 'the', 'our'].includes(prev(i)) || get('priorityNouns').has(lw(i + 1))) && !get('teamWords').has(lw(i + 1))) {
      out.push({ from: w[i].start, to: w[i].end, entry: SHAPE_ENTRIES.priority });
      continue;
    }
    // "bandwidth" for time: "we don't have the bandwidth to…", "no bandwidth for this".
    if (get('capacityWords').has(x)) {
      const nx = lw(i + 1);
      const forThis = nx === 'for' && ['this', 'that', 'it', 'now', 'more'].includes(lw(i + 2));
      if ((nx === 'to' || forThis) && w.slice(0, i).some((y) => get('capacityPersons').has(lower(y.lower)))) {
        out.push({ from: w[i].start, to: w[i].end, entry: SHAPE_ENTRIES.capacity });
        continue;
      }
    }
    // "ping the devs", "ping me".
    if (get('pingVerbs').has(x)) {
      const t = ['the', 'our', 'your'].includes(lw(i + 1)) ? i + 2 : i + 1;
      if (get('pingTargets').has(lw(t))) {
        out.push({ from: w[i].start, to: w[t].end, entry: SHAPE_ENTRIES.ping });
        i = t;
        continue;
      }
    }
    // Old legal compounds by shape: "hereunder", "thereupon", "wherefrom".
    const stem = compoundStemOf(x);
    // And the old "-soever" words: "howsoever caused", "whosoever".
    if ((stem && get('compoundStems').has(stem) && get('compoundEnds').has(x.slice(stem.length)) && !get('compoundPlain').has(x)) || (x.length > 7 && x.endsWith('soever'))) {
      out.push({ from: w[i].start, to: w[i].end, entry: SHAPE_ENTRIES.compound });
      continue;
    }
    // A party named as a defined term: "The Company warrants" ("we"), "the Renter shall" ("you").
    const self = partyAt(w, i, text, lw, get('selfParties'), get('partyVerbs'));
    const other = self ? undefined : partyAt(w, i, text, lw, get('otherParties'), get('partyVerbs'));
    const party = self ?? other;
    if (party) {
      const entry = self ? (party.of ? SHAPE_ENTRIES.selfPartyOf : SHAPE_ENTRIES.selfParty) : party.of ? SHAPE_ENTRIES.otherPartyOf : SHAPE_ENTRIES.otherParty;
      out.push({ from: w[i - 1].start, to: w[i].end, entry });
      continue;
    }
    // "said" as a determiner: "Said account", "of said party".
    if (get('saidWords').has(x)) {
      const p = prev(i);
      const nx = lw(i + 1);
      if ((p === '^' || SAID_PREPS.has(p)) && nx && LOWER_WORD.test(w[i + 1].text) && !NOT_NOUN.has(nx) && !nx.endsWith('ly')) {
        out.push({ from: w[i].start, to: w[i + 1].end, entry: SHAPE_ENTRIES.said });
      }
    }
  }
  return out;
}

const EXPLAIN_NOUNS = new Set(['part', 'tool', 'software', 'program', 'programme', 'system', 'service', 'step', 'process', 'team', 'computer', 'server', 'app', 'list', 'code', 'data', 'file']);
/** Words that start a new clause, not a description: "…, so that…", "…, and then…". */
const CONJUNCTIONS = new Set(['so', 'and', 'but', 'then', 'or', 'because', 'if', 'when', 'while', 'which', 'that', 'as', 'since', 'until', 'unless', 'although', 'though', 'where', 'we', 'you', 'it', 'they', 'i', 'please', 'even', 'just', 'not', 'once']);
/** After a comma or dash: "…, a tool that…", "…, i.e. …", "…, meaning …". */
const APPOSITION = new Set(['a', 'an', 'i.e', 'ie', 'meaning']);
/** "…, which is the part that…", "…, or the tool that…", "…, that is, …": the word after them must start a description. */
const LEADS = new Map<string, Set<string>>([
  ['which', new Set(['is', 'are', 'means'])],
  ['or', new Set(['the', 'a', 'an', 'our'])],
  ['that', new Set(['is'])],
]);
const DESCRIBE = new Set(['a', 'an', 'the', 'what', 'where', 'how', 'our', 'software', 'code', 'when']);

/** The sentence explains the word: "the ingest worker (the part that…)", "…, which…", "called the triage pipeline". */
function explainedHere(sentence: Sentence, from: number, to: number): boolean {
  const w = sentence.words;
  const text = sentence.block.text;
  const a = w.findIndex((x) => x.end > from);
  let b = -1;
  for (let k = w.length - 1; k >= 0; k--) if (w[k].start < to) { b = k; break; }
  if (a === -1 || b === -1) return false;
  const prev = w.slice(Math.max(0, a - 3), a).map((x) => x.lower);
  if (prev.includes('called') || prev.includes('call') || prev.join(' ').includes('known as')) return true;
  const next = w[b + 1];
  const gap = text.slice(to, next ? next.start : sentence.end).trim();
  if (gap.startsWith('(')) return true;
  if (!next || !/^[,:—–-]$/.test(gap)) return false;
  if (APPOSITION.has(next.lower)) return true;
  // "…by a loss adjuster, who checks the damage": a person's role, said in the clause after it.
  if (next.lower === 'who' && gap === ',') return true;
  const after = w[b + 2]?.lower ?? '';
  // "…microservices, small programs that each do one job": a short noun phrase, then "that", "which" or "who".
  if (!CONJUNCTIONS.has(next.lower) && w.slice(b + 2, b + 5).some((x) => x.lower === 'that' || x.lower === 'which' || x.lower === 'who')) return true;
  // "Ambient goods, like tins and pasta, …", "…, such as a new boiler": examples say what the word covers.
  if (next.lower === 'like' || (next.lower === 'such' && after === 'as') || (next.lower === 'for' && after === 'example') || next.lower === 'e.g' || next.lower === 'e.g.') return true;
  const lead = LEADS.get(next.lower);
  // "…, which is the part…", "…, which means…", "…, or the tool…"; not "…, which can take a day".
  if (lead) return lead.has(after) && (next.lower !== 'which' || after === 'means' || DESCRIBE.has(w[b + 3]?.lower ?? ''));
  return next.lower === 'the' && EXPLAIN_NOUNS.has(after);
}

/** technical()'s answer per file: the check asks twice (issue 19). */
const technicalDocs = new WeakMap<Doc, boolean>();

/** A page with code samples is written for developers, who know the words of our systems. */
function technical(doc: Doc): boolean {
  let known = technicalDocs.get(doc);
  if (known === undefined) technicalDocs.set(doc, (known = technicalUncached(doc)));
  return known;
}

function technicalUncached(doc: Doc): boolean {
  if (doc.elements('pre').length > 0 || doc.elements('code').length >= 3) return true;
  // Or it talks about developer tools: two different words from `technicalMarkers` ("Linux", "Docker", "API").
  const markers = new Set(((table(TABLE).systemWords as { technicalMarkers?: unknown[] } | undefined)?.technicalMarkers ?? []).map(lower));
  if (!markers.size) return false;
  const seen = new Set<string>();
  for (const sentence of doc.sentences) {
    for (const w of sentence.words) {
      if (!w.masked && markers.has(w.lower)) seen.add(w.lower);
      if (seen.size >= 2) return true;
    }
  }
  return false;
}

/** An industry term ("your excess", "the envelope", "setpoint"): a trade's word used with customers. */
const INDUSTRY = 'industry term';
const isIndustry = (e: PhraseEntry) => e.category === INDUSTRY;

/** The trades the page is about: two different words from a `domains` list ("claim", "policy" for insurance). */
function domainsOf(doc: Doc): Set<string> {
  const raw = (table(TABLE).domains ?? {}) as Record<string, unknown[]>;
  const out = new Set<string>();
  const lists = Object.entries(raw).map(([name, list]) => [name, new Set((Array.isArray(list) ? list : []).map(lower))] as const);
  if (!lists.length) return out;
  const seen = new Map<string, Set<string>>();
  for (const sentence of doc.sentences) {
    for (const w of sentence.words) {
      if (w.masked) continue;
      for (const [name, set] of lists) {
        if (!set.has(w.lower)) continue;
        let s = seen.get(name);
        if (!s) seen.set(name, (s = new Set()));
        s.add(w.lower);
        if (s.size >= 2) out.add(name);
      }
    }
  }
  return out;
}

interface TechTerms { heads: Set<string>; modifiers: Set<string>; notAfter: Set<string> }
let techData: TechTerms | undefined;
function techTerms(): TechTerms {
  if (techData) return techData;
  const raw = (table(TABLE).technicalTerms ?? {}) as Record<string, unknown[]>;
  const set = (k: string) => new Set((Array.isArray(raw[k]) ? raw[k] : []).map(lower));
  techData = { heads: set('heads'), modifiers: set('modifiers'), notAfter: set('notAfter') };
  return techData;
}
/** Two to six capitals, digits allowed after the first two ("SSO", "JWT", "SHA256"). */
const TECH_ACRONYM = asciiClass(/^[A-Z]{2,6}\d{0,3}$/, () => /^\p{Lu}{2,6}\d{0,3}$/u);

/** An unexplained technical term: "<acronym or technical word> <technical head>" ("SSO token", "idempotency key"). */
function techHits(sentence: Sentence): { from: number; to: number }[] {
  const { heads, modifiers, notAfter } = techTerms();
  const w = sentence.words;
  const text = sentence.block.text;
  const out: { from: number; to: number }[] = [];
  for (let i = 1; i < w.length; i++) {
    const head = w[i];
    if (head.masked || head.quoted || !heads.has(lower(head.lower))) continue;
    // A capitalised head mid-sentence is a name ("the Signing Key page"), unless it is an acronym ("REST API");
    // a head in capitals is a field's label ("your APP KEY").
    if (nameAt(w, i) && !ACRONYM.test(head.text)) continue;
    if (ALL_UPPER.test(head.text) && !/^(API|SDK)S?$/u.test(head.text)) continue;
    const m = w[i - 1];
    if (m.masked || m.quoted || text.slice(m.end, head.start).trim() !== '') continue;
    const mod = lower(m.lower);
    if (notAfter.has(mod)) continue;
    const fits = TECH_ACRONYM.test(m.text) || (modifiers.has(mod) && !nameAt(w, i - 1));
    if (!fits) continue;
    // "(encryption key)" is itself the gloss of the word before it ("password (encryption key)").
    if (text.slice(0, m.start).trimEnd().endsWith('(')) continue;
    // "API access key": one term.
    const m0 = i >= 2 && TECH_ACRONYM.test(w[i - 2].text) && !w[i - 2].masked && text.slice(w[i - 2].end, m.start).trim() === '' && !notAfter.has(lower(w[i - 2].lower)) ? w[i - 2] : m;
    // "the REST API endpoint": one term.
    const more = i + 1 < w.length && heads.has(lower(w[i + 1].lower)) && text.slice(head.end, w[i + 1].start).trim() === '' && !w[i + 1].masked;
    out.push({ from: m0.start, to: (more ? w[i + 1] : head).end });
    if (more) i++;
  }
  return out;
}

/** After a comma, the words that start an appositive: "its TOTP key, the setup code the site gives you". */
const APPOSITIVE_STARTS = new Set(['a', 'an', 'the', 'your', 'which', 'or', 'meaning', 'i.e', 'ie', 'that', 'also', 'known', 'sometimes', 'called']);

/** "the SSO token — the pass that keeps you signed in", "(…)", ", the code that…": the text explains the term right after it. */
function explainedAfter(sentence: Sentence, to: number): boolean {
  const rest = sentence.block.text.slice(to, to + 3).trimStart();
  if (rest.startsWith('—') || rest.startsWith('–') || rest.startsWith('(') || rest.startsWith(':')) return true;
  if (!rest.startsWith(',')) return false;
  const next = sentence.words.find((x) => x.start >= to);
  return next !== undefined && APPOSITIVE_STARTS.has(next.lower.replace(/\.$/, ''));
}

const rejectMatchers = new Map<string, PhraseMatcher<string>>();

function rejectMatcher(terms: readonly string[]): PhraseMatcher<string> {
  const key = terms.join('\0');
  let m = rejectMatchers.get(key);
  if (!m) {
    m = new PhraseMatcher<string>();
    for (const t of terms) m.add(t, t);
    rejectMatchers.set(key, m);
  }
  return m;
}

export default defineRule<Options>({
  id: 'jargon',
  family: 'plain',
  description: 'Legalese, corporate jargon, internal system words and the config’s rejected terms',
  defaultSeverity: 'warning',
  channels: 'all',
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  acceptsVocabulary: true,
  options: {
    type: 'object',
    properties: { onePerFile: { type: 'boolean' }, systemWords: { type: 'boolean' } },
    additionalProperties: false,
  },
  defaults: { onePerFile: false, systemWords: true },
  channelDefaults: { policy: { onePerFile: true, systemWords: false } },
  messages: {
    swap: "'{{actual}}' is {{category}}: use {{expected}}",
    drop: "'{{actual}}' is {{category}}: say it in plain words",
    swapCounted: "'{{actual}}' is {{category}} (used {{count}} times in this file): use {{expected}}",
    dropCounted: "'{{actual}}' is {{category}} (used {{count}} times in this file): say it in plain words",
    rejected: "'{{actual}}' is on your team's list of words to avoid: reword it",
    term: "'{{actual}}' is an industry term many readers don't know: explain it the first time, or say it in plain words",
    termCounted: "'{{actual}}' is an industry term many readers don't know (used {{count}} times in this file): explain it the first time, or say it in plain words",
    tech: "'{{actual}}' is a technical term many readers don't know: explain it the first time, or say what it means for the reader",
    techCounted: "'{{actual}}' is a technical term many readers don't know (used {{count}} times in this file): explain it the first time, or say what it means for the reader",
  },
  // Legalese is ours ("notwithstanding the foregoing"): simpler-words gives way where jargon flags the same start.
  yieldsTo: { 'simpler-words': ['jargon'] },
  check(doc, ctx) {
    // The team's own list first; a table term on it is reported once, as rejected.
    const rejected = new Set<string>();
    const reject = ctx.settings.vocabulary.reject;
    if (reject.length) {
      const matcher = rejectMatcher(reject);
      for (const sentence of doc.sentences) {
        if (sentence.block.quote) continue;
        for (const hit of matcher.find(sentence)) {
          const span = sentence.block.spanOf(hit.first.start, hit.last.end);
          rejected.add(`${span.start}:${span.end}`);
          ctx.report({ messageId: 'rejected', span, data: { actual: sentence.block.text.slice(hit.first.start, hit.last.end) }, context: sentence.span });
        }
      }
    }

    const hits: Hit[] = [];
    eachPhrase(doc, TABLE, ({ sentence, hit, actual, suggestions }) => {
      hits.push({ sentence, span: sentence.block.spanOf(hit.first.start, hit.last.end), from: hit.first.start, to: hit.last.end, actual, entry: hit.value, suggestions });
    });
    const literals = literalPhrases(TABLE);
    if (literals.length) {
      for (const sentence of doc.sentences) {
        if (sentence.block.quote) continue;
        for (const h of findLiterals(sentence, literals)) {
          const actual = sentence.block.text.slice(h.start, h.end);
          // "SM-DP+" is also the word "SM-DP" to the word matcher: one use, one hit, the literal's span.
          for (let k = hits.length - 1; k >= 0; k--) {
            const x = hits[k];
            if (x.entry === h.entry && x.sentence === sentence && x.from < h.end && h.start < x.to) hits.splice(k, 1);
          }
          hits.push({ sentence, span: sentence.block.spanOf(h.start, h.end), from: h.start, to: h.end, actual, entry: h.entry, suggestions: (h.entry.replace ?? []).map((r) => matchCase(r, actual)) });
        }
      }
      hits.sort((a, b) => a.span.start - b.span.start);
    }

    // Industry terms: only on a page about that trade when the word has an everyday sense, and not for developers.
    if (hits.some((h) => isIndustry(h.entry))) {
      const domains = domainsOf(doc);
      const dev = technical(doc);
      for (let k = hits.length - 1; k >= 0; k--) {
        const e = hits[k].entry;
        if (isIndustry(e) && (dev || (typeof e.domain === 'string' && !domains.has(e.domain)))) hits.splice(k, 1);
      }
    }
    // Internal jargon: only for customers, and only where the sentence does not explain it.
    const system = ctx.options.systemWords !== false && !technical(doc);
    const shapes = new Map<string, PhraseEntry>();
    if (system) {
      for (const sentence of doc.sentences) {
        if (sentence.block.quote) continue;
        for (const h of systemHits(sentence)) {
          const span = sentence.block.spanOf(h.from, h.to);
          // One entry per phrase ("routing queue", "fraud queue"), so uses are counted per phrase.
          const phrase = sentence.block.text.slice(h.from, h.to).toLowerCase();
          let entry = shapes.get(phrase);
          if (!entry) shapes.set(phrase, (entry = { ...h.entry, match: [phrase] }));
          // The shape takes in an internal word inside it ("the ingest worker"), so the explanation after it counts.
          const inside = hits.findIndex((x) => x.entry.internal === true && x.span.start >= span.start && x.span.end <= span.end);
          if (inside !== -1) hits.splice(inside, 1);
          if (hits.some((x) => x.span.start < span.end && span.start < x.span.end)) continue;
          hits.push({ sentence, span, from: h.from, to: h.to, actual: sentence.block.text.slice(h.from, h.to), entry, suggestions: [] });
        }
      }
      hits.sort((a, b) => a.span.start - b.span.start);
    }
    // Jargon by shape ("we will action this", "escalated to tier two", "said account").
    for (const sentence of doc.sentences) {
      if (sentence.block.quote) continue;
      for (const h of shapeHits(sentence)) {
        if (h.entry.internal === true && !system) continue;
        const span = sentence.block.spanOf(h.from, h.to);
        if (hits.some((x) => x.span.start < span.end && span.start < x.span.end)) continue;
        const actual = sentence.block.text.slice(h.from, h.to);
        hits.push({ sentence, span, from: h.from, to: h.to, actual, entry: h.entry, suggestions: (h.entry.replace ?? []).map((r) => matchCase(r, actual)) });
      }
    }
    hits.sort((a, b) => a.span.start - b.span.start);
    // Swaps in the form of the word found (issue 14, 1.17): "streamlined setup" → 'simplified', "reaching out to" →
    // 'contacting'; "optimisation" gets the entry's noun swaps or none ('say it in plain words').
    for (const h of hits) {
      if (!h.entry.replace?.length || !isTableEntry(TABLE, h.entry)) continue;
      h.suggestions = fitSwaps({ actual: h.actual, entry: h.entry, beforeNoun: foundBeforeNoun(h.sentence, h.from, h.to) }).map((r) => matchCase(r, h.actual));
    }
    // "our L2 team" → 'a specialist', not 'A specialist': an acronym's capital is not a sentence's, nor is a tier's.
    for (const h of hits) {
      const first = h.actual.split(/\s+/)[0] ?? '';
      if ((ACRONYM.test(first) || h.entry === SHAPE_ENTRIES.tier || h.entry === SHAPE_ENTRIES.tierActing) && h.sentence.words[0]?.start !== h.from) h.suggestions = [...(h.entry.replace ?? [])];
    }
    // A legal term of art is the right word in a policy ("indemnify and hold harmless"): `quietIn: [policy]`.
    for (let k = hits.length - 1; k >= 0; k--) {
      const q = hits[k].entry.quietIn;
      if (Array.isArray(q) && q.includes(ctx.channel)) hits.splice(k, 1);
    }
    // A word the file explains once is the reader's to learn: every use of it is left alone, the heading too.
    const explained = new Set(hits.filter((h) => (h.entry.internal === true || isIndustry(h.entry)) && explainedHere(h.sentence, h.from, h.to)).map((h) => h.entry));
    // An industry term in a heading is what the page is about ("## Set the z-offset"): the page is there to
    // explain it, so every use of it in the file is left alone (issue 14, 1.18).
    for (const h of hits) if (isIndustry(h.entry) && h.sentence.block.kind === 'heading') explained.add(h.entry);
    const inScope = (h: Hit) => (isIndustry(h.entry) ? !explained.has(h.entry) : h.entry.internal !== true || (system && !explained.has(h.entry)));

    // A capital in mid-sentence is a name ("the Synergy Pro mouse"); a term the file defines is the reader's to learn.
    const defined = definedTerms(doc.sentences, hits);
    // A support tier a case was escalated to is one whatever its case: "escalated your ticket to Tier 2"
    // ("moved to Tier 2" may be a price plan's name).
    // A phrase written as a name elsewhere in the file ("turn on **Optimise battery**") is that feature's name
    // at the start of a sentence or a heading too ("## Optimise battery").
    const nameKeys = new Set(hits.filter((h) => isName(h)).map((h) => h.actual.toLowerCase()));
    const asName = (h: Hit) => isName(h) || (nameKeys.has(h.actual.toLowerCase()) && h.sentence.words[0]?.start === h.from);
    const kept = hits.filter((h) => inScope(h) && !saidOfLiving(h) && !rejected.has(`${h.span.start}:${h.span.end}`) && !defined.has(h.entry) && (escalatedTier(h) || h.entry === SHAPE_ENTRIES.tierActing || !asName(h)));
    // Internal jargon is reported once a file, with a count: the fix is one rewrite, not one per use.
    // So is an industry term: one explanation serves every use.
    const once = (h: Hit) => h.entry.internal === true || isIndustry(h.entry);
    // Counted per term, not per table line: "webhook retry" and "idempotency key" share a line but are two things
    // to explain. Forms of one word ("deprecate", "deprecation") are one term: the first five letters and the word count.
    const perTerm = new Map<string, PhraseEntry>();
    const onceHits = kept.filter(once).map((h) => {
      const words = h.actual.toLowerCase().split(/\s+/);
      const key = `${h.entry.match.join('|')}\0${words[0].slice(0, 5)}\0${words.length}`;
      let entry = perTerm.get(key);
      if (!entry) perTerm.set(key, (entry = { ...h.entry }));
      return { ...h, entry };
    });
    const reports = [...perEntry(kept.filter((h) => !once(h)), Boolean(ctx.options.onePerFile)), ...perEntry(onceHits, true)];
    // Technical terms left unexplained for customers ("SSO token"): at info, once a file, where no other hit is.
    if (system) {
      const tech = new Map<string, PhraseEntry>();
      const techKept: Hit[] = [];
      for (const sentence of doc.sentences) {
        if (sentence.block.quote) continue;
        for (const t of techHits(sentence)) {
          const span = sentence.block.spanOf(t.from, t.to);
          if (hits.some((x) => x.span.start < span.end && span.start < x.span.end) || rejected.has(`${span.start}:${span.end}`)) continue;
          const actual = sentence.block.text.slice(t.from, t.to);
          const phrase = actual.toLowerCase();
          let entry = tech.get(phrase);
          if (!entry) tech.set(phrase, (entry = { match: [phrase], category: 'technical term' }));
          techKept.push({ sentence, span, from: t.from, to: t.to, actual, entry, suggestions: [] });
        }
      }
      const explainedTech = new Set(techKept.filter((h) => explainedHere(h.sentence, h.from, h.to) || explainedAfter(h.sentence, h.to)).map((h) => h.entry));
      const definedTech = definedTerms(doc.sentences, techKept);
      for (const { hit: h, count, counted } of perEntry(techKept.filter((h) => !explainedTech.has(h.entry) && !definedTech.has(h.entry)), true)) {
        ctx.report({ messageId: counted ? 'techCounted' : 'tech', span: h.span, data: { actual: h.actual, count }, severity: 'info', context: h.sentence.span });
      }
    }
    reports.sort((a, b) => a.hit.span.start - b.hit.span.start);
    for (const { hit: h, count, counted } of reports) {
      const category = typeof h.entry.category === 'string' ? h.entry.category : 'jargon';
      const base = isIndustry(h.entry) ? 'term' : h.suggestions.length ? 'swap' : 'drop';
      ctx.report({
        messageId: counted ? `${base}Counted` : base,
        span: h.span,
        data: { actual: h.actual, category, expected: h.suggestions.map((s) => `'${s}'`).join(' or '), count },
        suggestions: h.suggestions,
        context: h.sentence.span,
      });
    }
  },
});
