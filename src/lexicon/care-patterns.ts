/**
 * Grammar-aware patterns for the care rules (issue 13): one entry covers
 * tense, person, contractions, adverbs and a few inserted words.
 *
 *   as {i|we} {0-3} <tell|say|explain|mention|state>
 *
 * Pattern syntax, token by token (case-insensitive):
 *   word          the word itself; a contraction in a pattern matches both
 *                 spellings ("you've" = "you have")
 *   <tell>        any form of the verb: tell, tells, told, telling
 *   <tell|say>    any form of either verb
 *   {a|b c|<d>}   one of the alternatives (each may be several tokens)
 *   {0-3}         zero to three words of any kind
 *   [ADV] …       a word class: ADV, NEG, YOU, WE, PRON, DET, PP (past
 *                 participle), ING, NUM, NAME, PH (placeholder), ANY
 *   x?            the token is optional ("already?", "[ADV]?")
 *   ^x            the word opens the line ("^again": "Again, the voucher…")
 *
 * Words in quotation marks (the customer's words), code and links never
 * match; placeholders match only [PH], [NAME], [ANY] and gaps. Matching is
 * bounded: a pattern has a handful of tokens and gaps of at most 6 words, so
 * the cost is linear in the sentence.
 */
import type { Word } from '../document/prose.js';
import { expandWord, formsOf } from './lemma.js';

export interface PatternHit<T> {
  first: Word;
  last: Word;
  words: Word[];
  value: T;
  /** The pattern as listed. */
  phrase: string;
}

/** A run of words to search: a sentence, or part of one (a phone-script line). */
export interface WordRun {
  words: readonly Word[];
  /** The text the words' offsets point into (the block text). */
  text: string;
}

interface Tok {
  alts: string[];
  word: Word;
  /** Punctuation (not only spaces) stands between this token and the one before. */
  punct: boolean;
  /** The written word (for classes that look at capitals). */
  index: number;
}

type Test = (t: Tok) => boolean;
/** `starts`: a match may start at this test (with `words`, those words); not the second word of a contraction. */
type Atom = { kind: 'test'; test: Test; opt: boolean; starts?: boolean; words?: ReadonlySet<string> } | { kind: 'gap'; min: number; max: number } | { kind: 'alt'; seqs: Atom[][]; opt: boolean };

const ADVERBS = new Set(['already', 'just', 'also', 'even', 'still', 'really', 'before', 'again', 'previously', 'earlier', 'only', 'ever', 'then', 'now', 'all', 'both', 'twice', 'once', 'very', 'so', 'too', 'quite', 'pretty', 'rather', 'perhaps', 'maybe', 'probably', 'definitely', 'certainly', 'always', 'never', 'personally', 'actually', 'simply', 'clearly', 'obviously', 'specifically', 'explicitly', 'originally', 'repeatedly', 'recently', 'kindly', 'honestly', 'truly', 'sincerely', 'deeply', 'greatly', 'genuinely', 'most', 'much']);
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'me', 'us', 'them', 'him', 'her', 'someone', 'somebody']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'our', 'my', 'their', 'his', 'her', 'its', 'some', 'any', 'each', 'every', 'all', 'no']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'a', 'an', 'few', 'couple', 'several', 'half']);
const PARTICIPLES = new Set(['been', 'done', 'gone', 'seen', 'known', 'given', 'taken', 'written', 'gotten', 'got', 'made', 'said', 'told', 'read', 'sent', 'left', 'lost', 'meant', 'kept', 'put', 'set', 'let', 'heard', 'held', 'found', 'felt', 'forgotten', 'paid', 'spent', 'bought', 'brought', 'caught', 'taught', 'understood', 'broken', 'chosen', 'spoken', 'stood', 'fallen', 'run', 'begun', 'cut', 'shut', 'hung', 'sold', 'had', 'thought', 'woken', 'driven', 'dealt', 'led', 'won']);

const CLASSES: Record<string, Test> = {
  ANY: () => true,
  ADV: (t) => t.alts.some((a) => ADVERBS.has(a) || (a.length > 4 && a.endsWith('ly'))),
  NEG: (t) => t.alts.some((a) => a === 'not' || a === 'never' || a === 'no'),
  YOU: (t) => t.alts.some((a) => a === 'you' || a === 'yourself' || a === 'u'),
  WE: (t) => t.alts.some((a) => a === 'i' || a === 'we' || a === 'me' || a === 'us'),
  PRON: (t) => t.alts.some((a) => PRONOUNS.has(a)),
  DET: (t) => t.alts.some((a) => DETERMINERS.has(a)),
  PP: (t) => t.alts.some((a) => PARTICIPLES.has(a) || (a.length > 3 && a.endsWith('ed')) || (a.length > 4 && a.endsWith('en') && !a.endsWith('ven'))),
  ING: (t) => t.alts.some((a) => a.length > 4 && a.endsWith('ing')),
  NUM: (t) => t.alts.some((a) => /^\d/.test(a) || NUMBER_WORDS.has(a)),
  PH: (t) => t.word.masked,
  NAME: (t) => t.word.masked || (t.index > 0 && /^\p{Lu}/u.test(t.word.text)),
};
/** Classes that may stand on a placeholder. */
const MASK_OK = new Set(['ANY', 'PH', 'NAME']);

/** Strips punctuation from both ends of a pattern word, with a loop (no backtracking regex). */
function trimPunct(s: string): string {
  const keep = (c: string) => c === "'" || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c > '\u007f' && /[\p{L}\p{N}]/u.test(c));
  let a = 0;
  let b = s.length;
  while (a < b && !keep(s[a])) a++;
  while (b > a && !keep(s[b - 1])) b--;
  return s.slice(a, b);
}

type TestAtom = Extract<Atom, { kind: 'test' }>;

/** A test for one of a set of words (never a placeholder). */
function wordTest(set: ReadonlySet<string>, opt: boolean): TestAtom {
  return { kind: 'test', test: (t) => !t.word.masked && hasAny(t.alts, set), opt, starts: true, words: set };
}

function hasAny(alts: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < alts.length; i++) if (set.has(alts[i])) return true;
  return false;
}

/** Splits a pattern into tokens, keeping `{…}` and `<…>` groups whole (slices, not a string built a character at a time). */
function lex(src: string): string[] {
  const s = src.trim();
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{' || c === '<' || c === '[') depth++;
    else if (c === '}' || c === '>' || c === ']') depth--;
    else if ((c === ' ' || c === '\t' || c === '\n') && depth === 0) {
      if (i > start) out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (s.length > start) out.push(s.slice(start));
  return out;
}

/** Splits on `|` outside nested groups. */
function splitAlts(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{' || c === '<' || c === '[') depth++;
    else if (c === '}' || c === '>' || c === ']') depth--;
    else if (c === '|' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

export class PatternError extends Error {}

/** Compiles one pattern into atoms; throws PatternError naming what is wrong. */
export function compilePattern(src: string): Atom[] {
  const atoms: Atom[] = [];
  for (const tok of lex(src.toLowerCase().replace(/’/g, "'"))) {
    let made = tokenAtoms.get(tok);
    if (!made) tokenAtoms.set(tok, (made = compileToken(tok)));
    for (const a of made) atoms.push(a);
  }
  return atoms;
}

/**
 * The atoms of one token, by its text (issue 19): tokens recur across patterns ("you", "{0-3}",
 * "<tell|say>"), and atoms are never changed once made, so patterns share them.
 */
const tokenAtoms = new Map<string, Atom[]>();

/** The atoms of one token of a lower-cased pattern. */
function compileToken(tok: string): Atom[] {
  const atoms: Atom[] = [];
  let opt = false;
  // Punctuation after a word or group is for readers: "{next time|in future}," matches the words.
  while (tok.length > 1 && /[,;:.!]$/.test(tok)) tok = tok.slice(0, -1);
  if (tok.length > 1 && tok.endsWith('?')) {
    opt = true;
    tok = tok.slice(0, -1);
  }
  // "^word": a one-word token that must open the run (the sentence or turn).
  if (tok.length > 1 && tok.startsWith('^')) {
    const inner = atomsOf(tok.slice(1));
    const a = inner[0];
    if (inner.length !== 1 || a.kind !== 'test') throw new PatternError(`'${tok}': ^ goes before one word or one {a|b} group of single words`);
    atoms.push({ kind: 'test', test: (t) => t.index === 0 && a.test(t), opt: opt || a.opt, starts: a.starts, words: a.words });
    return atoms;
  }
  const gap = /^\{(\d)-(\d)(?: words?)?\}$/.exec(tok);
  if (gap) {
    const min = Number(gap[1]);
    const max = Number(gap[2]);
    if (max < min || max > 6) throw new PatternError(`'${tok}': a gap is {min-max} with max at most 6`);
    atoms.push({ kind: 'gap', min, max });
    return atoms;
  }
  if (tok.startsWith('{') && tok.endsWith('}')) {
    // Alternatives recur across patterns ({i|we}, {you|your}): each is compiled once (atomsOf).
    const seqs = splitAlts(tok.slice(1, -1)).map((a) => atomsOf(a));
    if (seqs.some((s) => s.length === 0)) throw new PatternError(`'${tok}': an alternative is empty`);
    // One word per alternative ({told|said|<explain>}): a single test on the union of their words.
    if (seqs.every((s) => s.length === 1 && s[0].kind === 'test' && s[0].words && !s[0].opt)) {
      const set = new Set<string>();
      for (const s of seqs) for (const w of (s[0] as { words: ReadonlySet<string> }).words) set.add(w);
      atoms.push(wordTest(set, opt));
      return atoms;
    }
    atoms.push({ kind: 'alt', seqs, opt });
    return atoms;
  }
  if (tok.startsWith('<') && tok.endsWith('>')) {
    const forms = new Set(splitAlts(tok.slice(1, -1)).flatMap((l) => formsOf(l.trim())));
    atoms.push(wordTest(forms, opt));
    return atoms;
  }
  if (tok.startsWith('[') && tok.endsWith(']')) {
    const name = tok.slice(1, -1).toUpperCase();
    const cls = CLASSES[name];
    if (!cls) throw new PatternError(`'${tok}' is not a word class: use ${Object.keys(CLASSES).join(', ')}`);
    const maskOk = MASK_OK.has(name);
    atoms.push({ kind: 'test', test: (t) => (maskOk || !t.word.masked) && cls(t), opt });
    return atoms;
  }
  if (/[{}<>[\]|]/.test(tok)) throw new PatternError(`'${tok}' has an unbalanced bracket`);
  // A literal word; a contraction becomes the words it stands for.
  const parts = expandWord(trimPunct(tok));
  parts.forEach((readings, k) => {
    const set = new Set(readings.filter(Boolean));
    if (!set.size) return;
    const a = wordTest(set, opt && parts.length === 1);
    // Only the first word of a contraction can start a match.
    atoms.push(k === 0 ? a : { kind: 'test', test: a.test, opt: a.opt, words: set });
  });
  return atoms;
}

/** "page." with one full stop at the end and none inside (not "e.g." or "a.m."): a sentence break the tokeniser missed, inside a run. */
function endsWithStop(lower: string): boolean {
  return lower.length > 2 && lower.endsWith('.') && lower.indexOf('.') === lower.length - 1;
}

/** The tokens of a run of words: contractions split, quoted words kept out. */
export function tokensOf(run: WordRun): (Tok | undefined)[] {
  const toks: (Tok | undefined)[] = [];
  run.words.forEach((w, i) => {
    if (w.quoted) {
      toks.push(undefined);
      return;
    }
    const gap = i > 0 ? run.text.slice(run.words[i - 1].end, w.start) : '';
    // A full stop the tokeniser kept on the word before ("page. you sent…", a missed sentence break) is punctuation too.
    const punct = gap.trim() !== '' || (i > 0 && endsWithStop(run.words[i - 1].lower));
    if (w.masked) {
      toks.push({ alts: [], word: w, punct, index: i });
      return;
    }
    expandWord(i < run.words.length - 1 && endsWithStop(w.lower) ? w.lower.slice(0, -1) : w.lower).forEach((alts, k) => toks.push({ alts, word: w, punct: k === 0 && punct, index: i }));
  });
  return toks;
}

/** What is left to match after the current sequence (an alternative's continuation). */
interface Cont {
  atoms: readonly Atom[];
  ai: number;
  next: Cont | undefined;
}

/** Matches atoms from token `ti`; returns the end (exclusive) of the longest fit, or -1. */
function matchAt(atoms: readonly Atom[], ai: number, next: Cont | undefined, toks: readonly (Tok | undefined)[], ti: number, loose: boolean, budget: { n: number }): number {
  if (--budget.n < 0) return -1;
  if (ai === atoms.length) return next ? matchAt(next.atoms, next.ai, next.next, toks, ti, loose, budget) : ti;
  const atom = atoms[ai];
  if (atom.kind === 'gap') {
    let best = -1;
    for (let k = atom.min; k <= atom.max; k++) {
      // Gap words may be anything the customer reads (never quoted words).
      if (k > 0 && !toks[ti + k - 1]) break;
      const r = matchAt(atoms, ai + 1, next, toks, ti + k, true, budget);
      if (r > best) best = r;
    }
    return best;
  }
  if (atom.kind === 'alt') {
    let best = -1;
    const cont: Cont = { atoms, ai: ai + 1, next };
    for (const seq of atom.seqs) {
      const r = matchAt(seq, 0, cont, toks, ti, loose, budget);
      if (r > best) best = r;
    }
    if (atom.opt) {
      const r = matchAt(atoms, ai + 1, next, toks, ti, loose, budget);
      if (r > best) best = r;
    }
    return best;
  }
  let best = -1;
  const t = toks[ti];
  // Words of a pattern are adjacent: only spaces between them, unless a gap stands between.
  if (t && (loose || !t.punct) && atom.test(t)) best = matchAt(atoms, ai + 1, next, toks, ti + 1, false, budget);
  if (atom.opt) {
    const r = matchAt(atoms, ai + 1, next, toks, ti, loose, budget);
    if (r > best) best = r;
  }
  return best;
}

/** The words a pattern can start with, when that is a closed set (most patterns): only those are tried at a token. */
function firstWords(atoms: readonly Atom[]): string[] | undefined {
  const a = atoms[0];
  if (!a) return undefined;
  if (a.kind === 'test') return a.starts && a.words && !a.opt ? [...a.words] : undefined;
  if (a.kind === 'alt') {
    if (a.opt) return undefined;
    const out: string[] = [];
    for (const seq of a.seqs) {
      const f = firstWords(seq);
      if (!f) return undefined;
      out.push(...f);
    }
    return out;
  }
  return undefined;
}

const tokenCache = new WeakMap<readonly Word[], (Tok | undefined)[]>();

/**
 * What the build knows of a pattern before a run (scripts/build-rule-data.mjs, src/lexicon/care-tables.ts):
 * the words it can start with (deduplicated, in the order firstWords() gives them), 0 when it can start
 * anywhere, -1 when it compiles to nothing.
 */
export type FirstWords = readonly string[] | 0 | -1;

/** What PatternMatcher.add() would file a pattern under: the same compiler, run at build time (issue 19). */
export function firstWordsOf(pattern: string): FirstWords {
  const atoms = compilePattern(pattern);
  if (!atoms.length) return -1;
  const first = firstWords(atoms);
  return first ? [...new Set(first)] : 0;
}

/**
 * Words a match needs besides its first (issue 19): each word test that the pattern's own sequence must pass
 * after its first atom (not optional, not inside a group of alternatives) passes only on a token with one of
 * its words. A run that holds none of a set's words cannot match, so the pattern is neither compiled nor
 * tried there. At most the three smallest sets.
 */
export function neededWordsOf(pattern: string): string[][] {
  const sets: string[][] = [];
  for (const a of compilePattern(pattern).slice(1)) if (a.kind === 'test' && !a.opt && a.words) sets.push([...a.words]);
  return sets.sort((x, y) => x.length - y.length).slice(0, 3);
}

/** Every reading of the tokens of a run that a word test can see (quoted words left out). */
const runWords = new WeakMap<readonly (Tok | undefined)[], Set<string>>();

function wordsOfRun(toks: readonly (Tok | undefined)[]): Set<string> {
  let set = runWords.get(toks);
  if (!set) {
    set = new Set();
    for (const t of toks) if (t) for (const a of t.alts) set.add(a);
    runWords.set(toks, set);
  }
  return set;
}

/**
 * Patterns compiled so far, by their text (issue 19): a table with `entriesApart` adds its patterns to two
 * matchers, and tables share `unless` patterns. Atoms are never changed once made, so sharing them is safe.
 */
const atomCache = new Map<string, Atom[]>();

function atomsOf(pattern: string): Atom[] {
  let atoms = atomCache.get(pattern);
  if (!atoms) atomCache.set(pattern, (atoms = compilePattern(pattern)));
  return atoms;
}

interface Compiled<T> {
  /** Undefined until the pattern is first tried (a pattern added with its first words). */
  atoms: Atom[] | undefined;
  /** neededWordsOf() the pattern, from the build: a run must hold a word of each set. */
  need: readonly (readonly string[])[] | undefined;
  value: T;
  phrase: string;
}

/** Patterns compiled once; `find` returns the longest hits, left to right, never overlapping. */
export class PatternMatcher<T> {
  private readonly byFirst = new Map<string, Compiled<T>[]>();
  private readonly anyFirst: Compiled<T>[] = [];
  size = 0;

  /**
   * `first`, when the build gave it (firstWordsOf()), files the pattern without compiling it: it is compiled
   * when a run first meets one of those words (issue 19: compiling every care pattern of a table took most of
   * a one-reply run). Hits are the same: the pattern sits in the same lists, in the same order.
   */
  add(pattern: string, value: T, first?: FirstWords, need?: readonly (readonly string[])[]): void {
    let atoms: Atom[] | undefined;
    if (first === undefined) {
      atoms = atomsOf(pattern);
      if (!atoms.length) return;
      const f = firstWords(atoms);
      first = f ? [...new Set(f)] : 0;
    } else if (first === -1) return;
    const c: Compiled<T> = { atoms, need: need?.length ? need : undefined, value, phrase: pattern };
    this.size++;
    if (first === 0) {
      this.anyFirst.push(c);
      return;
    }
    for (const f of first) {
      let list = this.byFirst.get(f);
      if (!list) this.byFirst.set(f, (list = []));
      list.push(c);
    }
  }

  /** Compiles every pattern not compiled yet, throwing PatternError on the first bad one (validation). */
  compileAll(): void {
    for (const list of [...this.byFirst.values(), this.anyFirst]) for (const c of list) c.atoms ??= atomsOf(c.phrase);
  }

  find(run: WordRun): PatternHit<T>[] {
    let toks = tokenCache.get(run.words);
    if (!toks) tokenCache.set(run.words, (toks = tokensOf(run)));
    const hits: PatternHit<T>[] = [];
    const budget = { n: 0 };
    const present = wordsOfRun(toks);
    for (let i = 0; i < toks.length; ) {
      const t = toks[i];
      let best: { end: number; c: Compiled<T> } | undefined;
      if (t) {
        const tryAll = (cands: readonly Compiled<T>[] | undefined) => {
          if (!cands) return;
          for (let k = 0; k < cands.length; k++) {
            const c = cands[k];
            if (c.need && !c.need.every((set) => set.some((w) => present.has(w)))) continue;
            budget.n = 5000;
            const end = matchAt((c.atoms ??= atomsOf(c.phrase)), 0, undefined, toks, i, true, budget);
            if (end > i && (!best || end > best.end)) best = { end, c };
          }
        };
        for (let a = 0; a < t.alts.length; a++) tryAll(this.byFirst.get(t.alts[a]));
        tryAll(this.anyFirst);
      }
      if (best) {
        const words = [...new Set(toks.slice(i, best.end).filter((x): x is Tok => Boolean(x)).map((x) => x.word))];
        hits.push({ first: words[0], last: words[words.length - 1], words, value: best.c.value, phrase: best.c.phrase });
        i = best.end;
      } else i++;
    }
    return hits;
  }
}
