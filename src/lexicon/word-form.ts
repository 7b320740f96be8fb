/**
 * Suggested words in the form of the word found (issue 14, 1.17). A table entry of
 * simpler-words or jargon lists several forms of one word ("streamline", "streamlined",
 * "streamlining") and one list of swaps, written for its first form ("simplify"). A swap
 * must take the form of the word as written: "streamlined" → "simplified", "reaching out to"
 * → "contacting", "complies with" → "follows". A word of another class than the swaps
 * ("optimisation" for "improve") gets the entry's `forms.noun` swaps, or none; a participle
 * used as an adjective ("an optimised design") keeps only one-word swaps ("an improved
 * design", not "a made better design"), or the entry's `forms.adjective`. When the swaps
 * hold a word and its -s form ("change", "changes"), only the one that agrees is kept.
 *
 * Forms come from lemma.ts (`formsOf`, `regularBaseOf`): no tagger, no guessing beyond
 * the words of the entry itself.
 */
import { formsOf, regularBaseOf } from './lemma.js';
import type { Sentence } from '../document/prose.js';

export type Tense = 'base' | 's' | 'ed' | 'ing';

/** Past forms lemma.ts does not know, for the verbs that swaps use ("meet" → "met"). Grammar, not editorial wording. */
const IRREGULAR_PAST: Record<string, string> = { meet: 'met', speed: 'sped', build: 'built', spread: 'spread', lend: 'lent', bend: 'bent', seek: 'sought', light: 'lit', shut: 'shut' };

/** The tense of a form made by `formsOf`: "ends" → s, "ended"/"got" → ed, "ending" → ing; the base itself → base. */
export function tenseOf(base: string, form: string): Tense | undefined {
  if (form === base) return 'base';
  if (!formsOf(base).includes(form) && IRREGULAR_PAST[base] !== form) return undefined;
  if (form.endsWith('ing')) return 'ing';
  if (form.endsWith('s') && !form.endsWith('ss')) return 's';
  return 'ed';
}

/** British and American spellings of one word count as one ("optimise", "optimized"). */
function twin(w: string): string {
  return w.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1').replace(/ys(e|ed|es|ing)$/, 'yz$1');
}

/** The first word of a phrase, lower case, without marks ("Including," → including), one spelling for both. */
function headOf(phrase: string): string {
  const w = phrase.toLowerCase().replace(/’/g, "'").split(/\s+/)[0] ?? '';
  // Marks around the word ("including,", "(deprecated"), trimmed by index: no regex runs on the text.
  const letter = (c: string) => (c >= 'a' && c <= 'z') || c === "'";
  let a = 0;
  let b = w.length;
  while (a < b && !letter(w[a])) a++;
  while (b > a && !letter(w[b - 1])) b--;
  return twin(w.slice(a, b));
}

/** The base a word is a form of, among irregular and regular forms: "streamlined" → streamline, "met" → meet. */
function baseOf(w: string): string {
  for (const [b, past] of Object.entries(IRREGULAR_PAST)) if (past === w) return b;
  return regularBaseOf(w) ?? w;
}

/** One word in a tense: "improve" + ed → "improved", "meet" + ed → "met". */
function inflectWord(head: string, tense: Tense): string {
  if (tense === 'base') return head;
  if (tense === 'ed' && IRREGULAR_PAST[head]) return IRREGULAR_PAST[head];
  return formsOf(head).find((f) => f !== head && tenseOf(head, f) === tense) ?? head;
}

/** A swap in a tense, its first word inflected: "get in touch with" + ing → "getting in touch with". */
export function inflectPhrase(replacement: string, tense: Tense): string {
  const [head, ...rest] = replacement.split(' ');
  return [inflectWord(head.toLowerCase(), tense), ...rest].join(' ');
}

const S_FORMS = new Set(['is', 'has', 'does', 'was']);
const BARE_FORMS = new Set(['are', 'have', 'do', 'were']);

/**
 * Which side of a pair a word is on: "s" for an -s form of a sibling ("changes", "gives") or "is/has/does/was",
 * "bare" for a word whose -s form is a sibling ("change", "give") or "are/have/do/were"; undefined for neither.
 */
function side(head: string, siblings: readonly string[]): 's' | 'bare' | undefined {
  if (S_FORMS.has(head)) return 's';
  if (BARE_FORMS.has(head)) return 'bare';
  if (siblings.some((o) => o !== head && tenseOf(o, head) === 's')) return 's';
  if (siblings.some((o) => o !== head && tenseOf(head, o) === 's')) return 'bare';
  return undefined;
}

/**
 * Of swaps that come in pairs ("change", "changes"; "is not allowed", "are not allowed"), the ones on the
 * side of the word found: "modifications" → "changes", "is prohibited" → "is not allowed", "bestows" → "gives".
 */
function agree(found: string, matchHeads: readonly string[], swaps: readonly string[]): string[] {
  const heads = swaps.map((s) => s.split(' ')[0].toLowerCase());
  const sides = heads.map((h) => side(h, heads));
  if (!sides.some((c) => c !== undefined)) return [...swaps];
  const want = side(found, matchHeads);
  if (!want) return [...swaps];
  const kept = swaps.filter((_, i) => sides[i] === undefined || sides[i] === want);
  return kept.length ? kept : [...swaps];
}

/** Optional swaps by word class, from an entry's `forms` (rules/*.yml). */
interface Forms {
  adjective?: string[];
  noun?: string[];
}
function formsField(entry: { forms?: unknown }): Forms {
  const f = entry.forms;
  if (!f || typeof f !== 'object') return {};
  const list = (x: unknown) => (Array.isArray(x) ? x.map(String) : undefined);
  return { adjective: list((f as Record<string, unknown>).adjective), noun: list((f as Record<string, unknown>).noun) };
}

export interface FitInput {
  /** The words found, as written. */
  actual: string;
  /** The entry's match phrases and swaps, and its optional `forms`. */
  entry: { match: readonly string[]; replace?: readonly string[]; forms?: unknown };
  /** The found word stands before a noun as its adjective ("an optimised design", "Streamlined setup"). */
  beforeNoun: boolean;
}

/**
 * The swaps that fit the form of the word found, cased as the table writes them (the caller cases them like
 * the original). Empty: none fits, so the message names the word and gives no swap.
 */
export function fitSwaps({ actual, entry, beforeNoun }: FitInput): string[] {
  const swaps = [...(entry.replace ?? [])];
  if (!swaps.length) return swaps;
  const found = headOf(actual);
  const heads = [...new Set(entry.match.map(headOf))];
  const first = heads[0];
  // The entry's own base when it lists one ("deprecate" for "deprecated", not a made-up "deprecat").
  const base = heads.find((h) => h !== first && tenseOf(h, first) !== undefined) ?? baseOf(first);
  const tenses = heads.map((h) => tenseOf(base, h));
  // A verb's entry: it lists the verb in two forms, one in the past or in -ing ("streamline", "streamlined");
  // otherwise the forms are a noun and its plural, spellings of one word or other words ("aforementioned",
  // "above-mentioned"), and only the pairs agree.
  const verb = tenses.filter((t) => t !== undefined).length >= 2 && tenses.some((t) => t === 'ed' || t === 'ing');
  if (!verb) return agree(found, heads, swaps);
  const from = tenseOf(base, first) ?? 'base';
  const to = tenseOf(base, found);
  const { adjective, noun } = formsField(entry);
  // "optimisation" in the entry of "optimise": a noun, where the swaps are verbs.
  if (to === undefined) return agree(found, heads, noun ?? []);
  let out: string[];
  if (to === from) out = swaps;
  else if (from === 'base') out = swaps.map((s) => inflectPhrase(s, to));
  else {
    // Swaps written for another form ("deprecated" → "no longer supported"): re-inflect those that are that form.
    out = [];
    for (const s of swaps) {
      const h = s.split(' ')[0].toLowerCase();
      const b = baseOf(h);
      // "set up" for "provisioned": a verb whose past is its base ("set", "put") is in every past already.
      const sameInPast = b === h && from === 'ed' && formsOf(h).length > 1 && !formsOf(h).some((f) => f !== h && tenseOf(h, f) === 'ed');
      if ((b !== h && tenseOf(b, h) === from) || sameInPast) out.push(inflectPhrase([b, ...s.split(' ').slice(1)].join(' '), to));
    }
  }
  // A participle before a noun is its adjective: "an improved design", not "a made better design"; so is an -ing
  // word ("a bad provisioning state" is no "setting up state").
  if (beforeNoun && (to === 'ed' || to === 'ing') && from !== to) {
    out = out.filter((s) => !s.includes(' '));
    if (!out.length) return adjective ?? [];
  }
  return agree(found, heads, out);
}

/** Words after which a participle is no adjective of the next word: "streamlined the checkout", "optimised for speed". */
const NOT_A_NOUN = new Set([
  'a', 'an', 'the', 'your', 'our', 'their', 'his', 'her', 'its', 'my', 'this', 'that', 'these', 'those', 'any', 'some', 'no', 'every', 'each', 'all',
  'to', 'for', 'of', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'onto', 'over', 'under', 'about', 'as', 'than', 'through', 'across', 'around', 'via', 'per', 'after', 'before', 'since', 'until', 'within', 'without',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'when', 'while', 'because', 'which', 'who', 'whom', 'whose', 'where', 'how', 'why', 'what',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should',
  'it', 'them', 'him', 'me', 'us', 'you', 'we', 'they', 'i', 'he', 'she', 'up', 'out', 'down', 'off', 'back', 'away', 'further', 'more', 'less', 'not', 'also', 'too', 'very', 'here', 'there', 'now', 'then',
]);
/** Words before a participle that make it an adjective: "a streamlined…", "more optimised…". */
const ADJECTIVE_OPENERS = new Set(['^', ',', 'a', 'an', 'the', 'your', 'our', 'their', 'his', 'her', 'its', 'my', 'this', 'that', 'these', 'those', 'any', 'some', 'no', 'every', 'each', 'more', 'most', 'less', 'least', 'very', 'newly', 'highly', 'fully', 'better', 'and', 'or', 'new', 'same', 'such']);

/**
 * A participle used as the adjective of the next word: "Optimised design", "a streamlined setup",
 * "our newly optimised app". `prev` is the word before ("^" at the start, "," after a mark), `next` the word
 * after (undefined at the end or after a mark).
 */
export function participleBeforeNoun(prev: string, next: string | undefined): boolean {
  if (!next || NOT_A_NOUN.has(next) || next.endsWith('ly')) return false;
  return ADJECTIVE_OPENERS.has(prev) || prev.endsWith('ly');
}

/** Marks that end a noun phrase or start a clause: after them the next word is no noun of the participle. */
const BREAK = /[,;:()—–.!?"“”]/;

/**
 * Whether the found words (block offsets `from`–`to`) end in a participle that is the adjective of the next word
 * ("Optimised design", "a streamlined setup"), in this sentence.
 */
export function foundBeforeNoun(s: Sentence, from: number, to: number): boolean {
  const w = s.words;
  const a = w.findIndex((x) => x.start >= from);
  const b = w.findIndex((x) => x.end >= to);
  if (a < 0 || b < 0) return false;
  const text = s.block.text;
  const prevWord = w[a - 1];
  const prev = !prevWord ? '^' : BREAK.test(text.slice(prevWord.end, w[a].start)) ? ',' : prevWord.masked ? '' : prevWord.lower.replace(/’/g, "'");
  const nextWord = w[b + 1];
  const next = !nextWord || nextWord.masked || BREAK.test(text.slice(w[b].end, nextWord.start)) ? undefined : nextWord.lower;
  return participleBeforeNoun(prev, next);
}
