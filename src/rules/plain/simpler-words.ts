/**
 * simpler-words: a word or phrase with a plainer twin ("utilize" → "use",
 * "in order to" → "to"), from the curated table rules/simpler-words.yml.
 * Only entries marked `fix: safe` are applied by --fix; the rest are
 * suggestions, because the right word depends on the sentence.
 *
 * A swap must keep the meaning, so an entry can narrow where it counts
 * (the fields are described at the top of the table): `quietIn` leaves a
 * term of art alone in a channel ("terminate the agreement" in a policy),
 * `onlyAfter` keeps participles to the active past ("you obtained", not
 * "information obtained otherwise"), `subject: person` keeps "ensure" →
 * "make sure" to sentences where a person acts, and `needsClause` to
 * sentences where a clause follows ("make sure a point" is not English), and
 * `orBefore` lets a participle whose plain word fits a passive count before one
 * of its words ("details furnished to us" → "given to us", 1.16).
 *
 * A match written with a capital in mid-sentence is a name or a defined
 * term ("the Modification" in a contract) and is left alone. In the policy
 * channel each entry is reported once a file, at its first use, with a count.
 *
 * A light verb and a noun that hides a verb ("make a decision", "carried out an
 * inspection") count as the verb ("decide", "inspected"), from the table's
 * `nominalisations`: each noun names the light verbs it goes with.
 *
 * A clause number that opens a sentence ("11.2 In the event that…", "(b) Prior
 * to…") is not a word of it: the word after it starts the sentence (1.13).
 * `notAfterName` leaves a word alone after a name ("Login.gov requires…"), where
 * an organisation lays down a rule (1.13).
 *
 * The shared phrase matcher works on words, so table phrases that hold
 * punctuation ("e.g.", "and/or") are found here by their literal text, still
 * never inside code, placeholders, URLs or quotes.
 */
import { defineRule } from '../define-rule.js';
import { eachPhrase, perEntry } from '../kinds/phrase-rule.js';
import { findLiterals, literalPhrases } from '../../lexicon/tables.js';
import { matchCase } from '../../lexicon/phrase-matcher.js';
import { table, tableEntries, type PhraseEntry, type TableEntries } from '../../lexicon/data.js';
import type { Sentence, Word } from '../../document/prose.js';
import type { Span } from '../../types.js';
import { formsOf } from '../../lexicon/lemma.js';
import { fitSwaps, foundBeforeNoun } from '../../lexicon/word-form.js';
import { readFileBytes } from '../../util/scratch-read.js';
import { join } from 'node:path';
import { packageRoot, runningFromSource } from '../../util/package-root.js';
import { STARTS_UPPER, asciiClass } from '../../util/ascii-class.js';

// Unicode classes with their ASCII twins (src/util/ascii-class.ts): the \p expression is made only for non-ASCII text.
const WORD_RUNS = asciiClass(/[A-Za-z0-9'’-]+/g, () => /[\p{L}\p{N}'’-]+/gu);

const TABLE = 'simpler-words';

/**
 * Gates a diagnostic may turn off (scripts/simpler-words-miss-causes.mjs, via simplerGatesOff), to count which gate
 * left a writer's word alone. Empty in normal runs.
 */
let gatesOff: ReadonlySet<string> = new Set();
const gate = (name: string) => !gatesOff.has(name);

/** Turns the named gates off for the runs that follow (a diagnostic's hook; no names turns them all back on). */
export function simplerGatesOff(names: readonly string[] = []): void {
  gatesOff = new Set(names);
}

interface Options {
  /** Report each entry once per file (first use, with a count) instead of every use. */
  onePerFile: boolean;
}

/** Marks that start a clause: after them the previous word counts as ",". */
const CLAUSE_BREAK = /[,;:(—–]/;

interface Lists {
  persons: Set<string>;
  modals: Set<string>;
  clauseWords: Set<string>;
  determiners: Set<string>;
  pastAdverbs: Set<string>;
  nominalFollowers: Set<string>;
  timeWords: Set<string>;
}
let lists: Lists | undefined;
function words(): Lists {
  if (lists) return lists;
  const t = table(TABLE);
  const set = (k: string) => new Set((Array.isArray(t[k]) ? (t[k] as unknown[]) : []).map((x) => String(x).toLowerCase().replace(/’/g, "'")));
  lists = { persons: set('persons'), modals: set('modals'), clauseWords: set('clauseWords'), determiners: set('determiners'), pastAdverbs: set('pastAdverbs'), nominalFollowers: set('nominalFollowers'), timeWords: set('timeWords') };
  return lists;
}

function strings(entry: PhraseEntry, key: string): string[] | undefined {
  const v = entry[key];
  return Array.isArray(v) ? v.map((x) => String(x).toLowerCase().replace(/’/g, "'")) : undefined;
}

/** A clause number or list mark that opens a sentence: "4.1", "11.", "2)", "(b)", "iv)". */
const LEAD_NUMBER = /^\d+(?:\.\d+)*\.?$/;
const LEAD_MARK = /^(?:[a-z]|[ivx]{1,4}|\d{1,3})$/i;

/**
 * Index of the first word after a clause number ("11.2 In the event that…", "(b) Notify us"): that word
 * starts the sentence, so its capital is no name and "^" stands before it.
 */
function lead(s: Sentence): number {
  const w = s.words;
  let i = 0;
  while (i < w.length - 1 && i < 2) {
    const x = w[i];
    if (x.masked) break;
    const gap = s.block.text.slice(x.end, w[i + 1].start);
    if (LEAD_NUMBER.test(x.text) || (LEAD_MARK.test(x.text) && gap.includes(')'))) i++;
    else break;
  }
  return i;
}

/** The word before index i: "^" at the start of the sentence, "," at the start of a clause. */
function before(s: Sentence, i: number): string {
  if (i <= lead(s)) return '^';
  const prev = s.words[i - 1];
  if (CLAUSE_BREAK.test(s.block.text.slice(prev.end, s.words[i].start))) return ',';
  return prev.masked ? '' : prev.lower.replace(/’/g, "'");
}

function capitalised(w: Word | undefined): boolean {
  return !!w && STARTS_UPPER.test(w.text);
}

/** A person acts: an instruction, "you/we/I ensure", "you must ensure", "Developer must ensure", "to ensure" after a person. */
function personActs(s: Sentence, i: number): boolean {
  const { persons, modals } = words();
  const p = before(s, i);
  if (p === '^' || p === ',' || persons.has(p)) return true;
  if (!modals.has(p)) return false;
  // Walk back over modals and adverbs ("you will also need to ensure"), within the clause.
  let k = i - 1;
  while (k > 0 && modals.has(before(s, k)) && before(s, k) !== ',') k--;
  const q = before(s, k);
  if (q === '^' || q === ',' || persons.has(q)) return true;
  // A name before the modal: "Developer must ensure", "GitHub will ensure".
  if (k >= 1 && capitalised(s.words[k - 1])) return true;
  // "…to ensure": a person earlier in the sentence ("We use cookies to ensure that…").
  if (p === 'to') return s.words.slice(0, i).some((w) => persons.has(w.lower));
  return false;
}

/** "ensure that…", "ensure the cable is in": a clause follows, so "make sure" fits. */
function clauseFollows(s: Sentence, last: number): boolean {
  const { clauseWords } = words();
  const w = s.words;
  for (let k = last + 1; k < w.length && k <= last + 8; k++) {
    if (k > last + 1 && CLAUSE_BREAK.test(s.block.text.slice(w[k - 1].end, w[k].start))) return false;
    if (clauseWords.has(w[k].lower.replace(/’/g, "'"))) return true;
  }
  return false;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', "isn't", "aren't", "wasn't", "weren't"]);

/**
 * A past form with its object after it is a verb in the past, whoever the subject is: "the app
 * facilitated the transfer", "the fault necessitated a repair". "Information obtained otherwise",
 * "obtained the day before" and "was obtained" are not.
 */
function objectFollows(s: Sentence, i: number): boolean {
  const { determiners, timeWords } = words();
  const w = s.words;
  const next = w[i + 1];
  if (!next || next.masked || !determiners.has(next.lower)) return false;
  if (/[^\s]/.test(s.block.text.slice(w[i].end, next.start))) return false;
  if (BE_FORMS.has(before(s, i))) return false;
  const after = w[i + 2];
  return !!after && !timeWords.has(after.lower);
}

/**
 * A name stands just before the word, past any adverbs ("Login.gov requires…", "The IRS currently requires…"):
 * an organisation lays down a rule, which the everyday word would soften.
 */
function afterName(s: Sentence, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (s.words[k].lower.endsWith('ly') || words().pastAdverbs.has(s.words[k].lower))) k--;
  if (k < lead(s) || s.words[k].masked) return false;
  // At the start of a sentence only a name written as one is a name: "GitHub", "Login.gov", not "This".
  if (k === lead(s)) return /^.[^\s]*[A-Z.]/.test(s.words[k].text);
  return capitalised(s.words[k]);
}

/** Whether the entry is left alone in this channel (`quietIn`). */
function quiet(entry: PhraseEntry, channel: string): boolean {
  if (!gate('channel')) return false;
  return !!strings(entry, 'quietIn')?.includes(channel);
}

/** Whether the entry's limits let this use through. */
function fits(entry: PhraseEntry, s: Sentence, first: Word, last: Word, channel: string): boolean {
  if (quiet(entry, channel)) return false;
  const i = s.words.indexOf(first);
  const only = strings(entry, 'onlyAfter');
  const next = s.words[s.words.indexOf(last) + 1];
  const nextWord = next && !next.masked ? next.lower.replace(/’/g, "'") : undefined;
  // `orBefore`: a participle whose everyday twin also fits a passive or a noun phrase ("information furnished to us",
  // "records retained for a year") counts before one of these words, whatever stands before it (1.16).
  const orBefore = strings(entry, 'orBefore');
  const open = !!orBefore && nextWord !== undefined && orBefore.includes(nextWord);
  if (only && !open && gate('onlyAfter') && !only.includes(before(s, i))) {
    // "has not procured", "we have already retained": an adverb may stand between.
    let k = i;
    while (k > 1 && words().pastAdverbs.has(before(s, k))) k--;
    const ok = k < i && only.includes(before(s, k));
    // A participle gate ("have" in the list) opens when an object follows.
    if (!ok && !(only.includes('have') && objectFollows(s, i))) return false;
  }
  if (entry.subject === 'person' && gate('subject') && !personActs(s, i)) return false;
  if (entry.notAfterName === true && gate('notAfterName') && afterName(s, i)) return false;
  if (entry.needsClause === true && gate('needsClause') && !clauseFollows(s, s.words.indexOf(last))) return false;
  const notBefore = strings(entry, 'notBefore');
  if (notBefore && gate('notBefore') && next && notBefore.includes(next.lower.replace(/’/g, "'"))) return false;
  return true;
}

/** base: the other spelling of the entry itself. */
export type Tense = 'base' | 's' | 'ed' | 'ing';
export interface Derived {
  base: string;
  entry: PhraseEntry;
  tense: Tense;
}
/** Derived forms by the word as written in lower case. */
export interface DerivedIndex {
  get(form: string): Derived | undefined;
}
let derivedIndex: DerivedIndex | undefined;

/** The tense of a form made by `formsOf`: "ends" → s, "ended"/"got" → ed, "ending" → ing. */
function tenseOf(base: string, form: string): Tense | undefined {
  if (form === base) return undefined;
  if (form.endsWith('ing')) return 'ing';
  if (form.endsWith('s') && !form.endsWith('ss')) return 's';
  return 'ed';
}

/**
 * The other spelling of a word, British or American ("utilise" ↔ "utilize",
 * "endeavour" ↔ "endeavor", "analyse" ↔ "analyze"), or undefined. A made-up
 * twin is harmless: it only matches when someone writes it.
 */
export function spellingTwin(w: string): string | undefined {
  const swaps: [RegExp, string][] = [
    [/ize$/, 'ise'],
    [/ise$/, 'ize'],
    [/yze$/, 'yse'],
    [/yse$/, 'yze'],
    [/our$/, 'or'],
    [/ization$/, 'isation'],
    [/isation$/, 'ization'],
  ];
  for (const [re, to] of swaps) if (re.test(w) && w.length > 5) return w.replace(re, to);
  return undefined;
}

/**
 * Every inflection of a one-word entry that the table does not list itself
 * (issue 14, r4): "terminate" also finds "terminates" and "terminating",
 * "retain" finds "retaining". The table's own forms win, so an entry written
 * for one form keeps its limits. The other spelling counts too ("utilising"
 * for "utilizing"). Nouns made from a verb are listed, not made: "procurement",
 * "indication" and "migration" do not mean "buying", "showing" and "moving".
 */
function derived(): DerivedIndex {
  if (derivedIndex) return derivedIndex;
  derivedIndex = (!runningFromSource && builtForms()) || computeDerived();
  return derivedIndex;
}

/** derived(), made from the table: about 3 ms of a one-file run (issue 19), so the build writes it to FORMS_FILE. */
export function computeDerived(): Map<string, Derived> {
  const listed = new Set<string>();
  const entries = table(TABLE).entries;
  for (const e of entries) for (const m of e.match) listed.add(m.toLowerCase());
  const out = new Map<string, Derived>();
  const add = (form: string, d: Derived) => {
    if (!listed.has(form) && !out.has(form)) out.set(form, d);
  };
  for (const e of entries) {
    if (!e.replace?.length) continue;
    for (const m of e.match) {
      const base = m.toLowerCase();
      if (!/^[a-z]+$/.test(base) || /(ed|ing|ly)$/.test(base)) continue;
      const twin = spellingTwin(base);
      if (twin) add(twin, { base, entry: e, tense: 'base' });
      for (const b of twin ? [base, twin] : [base]) {
        for (const form of formsOf(b)) {
          const tense = tenseOf(b, form);
          if (tense) add(form, { base, entry: e, tense });
        }
      }
    }
  }
  return out;
}

/** The derived forms, written by the build (scripts/build-rule-data.mjs) so a run does not make them. */
export const FORMS_FILE = 'simpler-words-forms.txt';
const FORMS_HEAD = 'simpler-words forms of';

/**
 * computeDerived() in the FORMS_FILE layout: a head line with the table's entry count, then one line a form,
 * sorted, `form<TAB>entry index<TAB>base<TAB>tense`.
 */
export function serialiseForms(): string {
  const entries = table(TABLE).entries;
  const index = new Map(entries.map((e, i) => [e, i]));
  const lines = [...computeDerived()].map(([form, d]) => `${form}\t${index.get(d.entry)}\t${d.base}\t${d.tense}`);
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${FORMS_HEAD} ${entries.length}\n${lines.join('\n')}\n`;
}

/**
 * FORMS_FILE as an index, searched in place (a binary search over its sorted lines): nothing is built for forms
 * the file never holds. Undefined when the file is missing or made from another table.
 */
function builtForms(): DerivedIndex | undefined {
  let text: string;
  try {
    // Into the scratch memory (issue 19): no fresh pages for the file's bytes.
    text = readFileBytes(join(packageRoot, 'dist', FORMS_FILE)).toString('latin1');
  } catch {
    return undefined;
  }
  return parseForms(text, tableEntries(TABLE));
}

/** A FORMS_FILE text as an index into these entries; undefined when it was made from a table with another entry count. */
export function parseForms(text: string, entries: TableEntries): DerivedIndex | undefined {
  const headEnd = text.indexOf('\n');
  if (headEnd < 0 || text.slice(0, headEnd) !== `${FORMS_HEAD} ${entries.length}`) return undefined;
  const starts: number[] = [];
  for (let at = headEnd + 1; at < text.length; ) {
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    starts.push(at);
    at = end + 1;
  }
  const keyAt = (at: number) => text.slice(at, text.indexOf('\t', at));
  // Each word of every sentence is looked up; most are common words met many times (issue 19): the answer is
  // kept per form (null: not a derived form), so a form is searched for once a process.
  const known = new Map<string, Derived | null>();
  const search = (form: string): Derived | undefined => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const key = keyAt(starts[mid]);
      if (key === form) {
        const [, i, base, tense] = text.slice(starts[mid], text.indexOf('\n', starts[mid])).split('\t');
        const entry = entries.at(Number(i));
        return entry ? { base, entry, tense: tense as Tense } : undefined;
      }
      if (key < form) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  };
  return {
    get(form: string): Derived | undefined {
      let d = known.get(form);
      if (d === undefined) {
        // A bound on the memo for runs over many files with many distinct words.
        if (known.size >= 100_000) known.clear();
        known.set(form, (d = search(form) ?? null));
      }
      return d ?? undefined;
    },
  };
}

/** A replacement in the same tense: "end" → "ends", "ended", "ending"; "make sure" → "makes sure". */
function inflect(replacement: string, tense: Tense): string {
  const [head, ...rest] = replacement.split(' ');
  const forms = formsOf(head);
  const form = forms.find((f) => tenseOf(head, f) === tense) ?? head;
  return [form, ...rest].join(' ');
}

/** A derived form is a suggestion only: --fix applies the table's own forms. One copy per entry keeps counts per entry. */
const unfixedCopies = new Map<PhraseEntry, PhraseEntry>();
function unfixed(e: PhraseEntry): PhraseEntry {
  if (e.fix !== 'safe') return e;
  let c = unfixedCopies.get(e);
  if (!c) unfixedCopies.set(e, (c = { ...e, fix: undefined }));
  return c;
}

const PAST_SUBJECTS = new Set(['have', 'has', 'had', "'ve", "'d", "we've", "i've", "you've", "they've", "we'd", "you'd"]);

/** Derived forms of table entries in one sentence, where no table hit already stands. */
function derivedHits(s: Sentence, channel: string, covered: (a: number, b: number) => boolean): { first: Word; entry: PhraseEntry; replace: string[] }[] {
  const index = derived();
  const { persons } = words();
  const out: { first: Word; entry: PhraseEntry; replace: string[] }[] = [];
  const w = s.words;
  for (let i = 0; i < w.length; i++) {
    const word = w[i];
    if (word.masked || (word.quoted && gate('quoted'))) continue;
    const d = index.get(word.lower);
    if (!d) continue;
    if (i > lead(s) && capitalised(word) && gate('case')) continue;
    if (covered(word.start, word.end)) continue;
    // Exceptions, as written ("terminating resistor") or on the base ("retain ownership" → "retaining ownership").
    const after = w.slice(i + 1, i + 5).map((x) => x.lower);
    const exc = (d.entry.exceptions ?? []).some((e) => {
      const ew = e.toLowerCase().split(/\s+/);
      if (ew.length < 2) return false;
      if (ew[0] !== d.base && ew[0] !== word.lower) return false;
      return ew.slice(1).every((x, k) => after[k] === x);
    });
    if (exc && gate('exception')) continue;
    // A past participle swaps only in the active past ("you modified", "we have retained"):
    // "modified date", "information obtained otherwise" keep their meaning.
    if (d.tense === 'ed' && gate('pastForm')) {
      // "has not procured", "we have already retained": an adverb may stand between.
      let k = i;
      while (k > 1 && words().pastAdverbs.has(before(s, k))) k--;
      const p = before(s, k);
      if (!persons.has(p) && !PAST_SUBJECTS.has(p) && !objectFollows(s, i)) continue;
    }
    // "…, ensuring that the pins line up": a derived form of a person's verb needs the person, not a clause break.
    if (d.tense !== 'base' && d.entry.subject === 'person' && gate('subject') && !persons.has(before(s, i)) && before(s, i) !== '^') continue;
    if (!fits(d.entry, s, word, word, channel)) continue;
    out.push({ first: word, entry: unfixed(d.entry), replace: (d.entry.replace ?? []).map((r) => inflect(r, d.tense)) });
  }
  return out;
}

/** A noun that hides a verb, after its light verbs ("make a decision" → "decide"), from the table's `nominalisations`. */
interface Nominal {
  entry: PhraseEntry;
  verbs: Set<string>;
}
interface LightVerb {
  /** The light verb as written in the table ("carry out"), its tense as used, and the words after its head. */
  base: string;
  tense: Tense;
  rest: string[];
}
let nominalIndex: { nouns: Map<string, Nominal>; heads: Map<string, LightVerb[]> } | undefined;

function nominals(): { nouns: Map<string, Nominal>; heads: Map<string, LightVerb[]> } {
  if (nominalIndex) return nominalIndex;
  const nouns = new Map<string, Nominal>();
  const heads = new Map<string, LightVerb[]>();
  const raw = table(TABLE).nominalisations;
  for (const x of Array.isArray(raw) ? (raw as Record<string, unknown>[]) : []) {
    const match = (Array.isArray(x.match) ? x.match : [x.match]).map((m) => String(m).toLowerCase());
    const verbs = (Array.isArray(x.verbs) ? x.verbs : []).map((v) => String(v).toLowerCase());
    const entry: PhraseEntry = { match, replace: (Array.isArray(x.replace) ? x.replace : []).map(String), quietIn: x.quietIn, note: typeof x.note === 'string' ? x.note : undefined };
    for (const m of match) nouns.set(m, { entry, verbs: new Set(verbs) });
    for (const v of verbs) {
      const [head, ...rest] = v.split(' ');
      for (const form of formsOf(head)) {
        const list = heads.get(form) ?? [];
        if (!list.some((l) => l.base === v && l.tense === (tenseOf(head, form) ?? 'base'))) list.push({ base: v, tense: tenseOf(head, form) ?? 'base', rest });
        heads.set(form, list);
      }
    }
  }
  nominalIndex = { nouns, heads };
  return nominalIndex;
}

/**
 * "Make a decision", "carried out an assessment", "provide assistance": a light verb, an
 * optional determiner and a noun that hides a verb say less than the verb itself ("decide",
 * "assessed", "help"). The verb takes the light verb's tense. Each noun lists the light verbs it
 * goes with, so "send a notification" or "have an application" stay.
 */
function nominalHits(s: Sentence, channel: string, covered: (a: number, b: number) => boolean): { first: Word; last: Word; entry: PhraseEntry; replace: string[] }[] {
  const { nouns, heads } = nominals();
  const { determiners } = words();
  const out: { first: Word; last: Word; entry: PhraseEntry; replace: string[] }[] = [];
  const w = s.words;
  const usable = (x: Word | undefined) => !!x && !x.masked && (!x.quoted || !gate('quoted'));
  for (let i = 0; i < w.length; i++) {
    const cands = heads.get(w[i].lower);
    if (!cands || !usable(w[i]) || (i > lead(s) && capitalised(w[i]) && gate('case'))) continue;
    for (const lv of cands) {
      let j = i + 1;
      if (!lv.rest.every((r, k) => w[j + k]?.lower === r)) continue;
      j += lv.rest.length;
      if (w[j] && determiners.has(w[j].lower) && usable(w[j])) j++;
      const noun = w[j];
      if (!usable(noun) || (capitalised(noun) && gate('case'))) continue;
      const n = nouns.get(noun.lower);
      if (!n || !n.verbs.has(lv.base) || quiet(n.entry, channel)) continue;
      // No mark between the words: "make, a decision" is two thoughts.
      if (/[^\s]/.test(WORD_RUNS.replace(s.block.text.slice(w[i].end, noun.start), '')) && gate('nominalShape')) continue;
      // "providing verification information", "a search results page": the noun names a kind of thing.
      const next = w[j + 1];
      if (next && !/[^\s]/.test(s.block.text.slice(noun.end, next.start)) && !words().nominalFollowers.has(next.lower) && !next.lower.endsWith('ly') && gate('nominalShape')) continue;
      if (covered(w[i].start, noun.end)) continue;
      out.push({ first: w[i], last: noun, entry: n.entry, replace: (n.entry.replace ?? []).map((r) => inflect(r, lv.tense)) });
      break;
    }
  }
  return out;
}

interface Hit {
  sentence: Sentence;
  span: Span;
  actual: string;
  entry: PhraseEntry;
  suggestions: string[];
}

export default defineRule<Options>({
  id: 'simpler-words',
  family: 'plain',
  description: 'A word or phrase with a plainer alternative',
  // A plainer word is a suggestion, not a defect: info keeps CI green; plainspoke:strict raises it.
  defaultSeverity: 'info',
  channels: 'all',
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: true,
  status: 'stable',
  acceptsVocabulary: true,
  options: { type: 'object', properties: { onePerFile: { type: 'boolean' } }, additionalProperties: false },
  defaults: { onePerFile: false },
  channelDefaults: { policy: { onePerFile: true } },
  messages: {
    simpler: "Use {{expected}} instead of '{{actual}}'",
    simplerCounted: "Use {{expected}} instead of '{{actual}}' (used {{count}} times in this file)",
    // No swap fits the form of the word found (1.17): "optimisation" where the swaps are verbs.
    plainer: "'{{actual}}' has a plainer way to say it: reword it",
    plainerCounted: "'{{actual}}' has a plainer way to say it (used {{count}} times in this file): reword it",
  },
  check(doc, ctx) {
    const hits: Hit[] = [];
    eachPhrase(
      doc,
      TABLE,
      ({ sentence, hit, actual }) => {
        // A capital in mid-sentence marks a name or a defined term ("the Modification", "Termination Assistance"):
        // swapping it would break the definition.
        if (sentence.words.indexOf(hit.first) > lead(sentence) && STARTS_UPPER.test(hit.first.text) && gate('case')) return;
        if (!fits(hit.value, sentence, hit.first, hit.last, ctx.channel)) return;
        // Swaps in the form of the words found (1.17): "complies with" → 'follows', "modifications" → 'changes'.
        const fitted = fitSwaps({ actual, entry: hit.value, beforeNoun: foundBeforeNoun(sentence, hit.first.start, hit.last.end) }).map((r) => matchCase(r, actual));
        hits.push({ sentence, span: sentence.block.spanOf(hit.first.start, hit.last.end), actual, entry: hit.value, suggestions: fitted });
      },
      { skipQuotes: gate('quoted'), skipQuotedWords: gate('quoted'), exceptions: gate('exception') },
    );
    // Inflections the table does not list ("terminates", "retaining").
    for (const sentence of doc.sentences) {
      if (sentence.block.quote && gate('quoted')) continue;
      const covered = (a: number, b: number) => hits.some((h) => h.sentence === sentence && h.span.start < sentence.block.spanOf(a, b).end && sentence.block.spanOf(a, b).start < h.span.end);
      for (const d of derivedHits(sentence, ctx.channel, covered)) {
        const actual = d.first.text;
        hits.push({ sentence, span: sentence.block.spanOf(d.first.start, d.first.end), actual, entry: d.entry, suggestions: d.replace.map((r) => matchCase(r, actual)) });
      }
      // Nouns that hide a verb ("make a decision" → "decide").
      for (const d of nominalHits(sentence, ctx.channel, covered)) {
        const actual = sentence.block.text.slice(d.first.start, d.last.end);
        hits.push({ sentence, span: sentence.block.spanOf(d.first.start, d.last.end), actual, entry: d.entry, suggestions: d.replace.map((r) => matchCase(r, actual)) });
      }
    }
    hits.sort((a, b) => a.span.start - b.span.start);
    const list = literalPhrases(TABLE);
    if (list.length) {
      for (const sentence of doc.sentences) {
        if (sentence.block.quote && gate('quoted')) continue;
        for (const hit of findLiterals(sentence, list)) {
          if (quiet(hit.entry, ctx.channel)) continue;
          const actual = sentence.block.text.slice(hit.start, hit.end);
          hits.push({ sentence, span: sentence.block.spanOf(hit.start, hit.end), actual, entry: hit.entry, suggestions: (hit.entry.replace ?? []).map((r) => matchCase(r, actual)) });
        }
      }
      hits.sort((a, b) => a.span.start - b.span.start);
    }
    for (const { hit: h, count, counted } of perEntry(hits, Boolean(ctx.options.onePerFile) && gate('onePerFile'))) {
      ctx.report({
        messageId: h.suggestions.length ? (counted ? 'simplerCounted' : 'simpler') : counted ? 'plainerCounted' : 'plainer',
        span: h.span,
        data: { actual: h.actual, expected: h.suggestions.map((x) => `'${x}'`).join(' or '), count },
        suggestions: h.suggestions,
        // One use reported for many would fix only the first: leave counted findings to the writer.
        ...(h.entry.fix === 'safe' && h.suggestions.length && !counted ? { fix: { span: h.span, text: h.suggestions[0] } } : {}),
        context: h.sentence.span,
      });
    }
  },
});
