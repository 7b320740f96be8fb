/**
 * minimizing-language: "just", "simply", "easy", "obviously", "of course"…
 * in instructions. The words come from rules/minimizing-language.yml; each
 * entry may narrow where it counts (`after`, `notAfter`, `notBefore`,
 * `exceptions`), because most of these words also have harmless senses:
 * "just one account", "easy to miss", "clearly visible", "can easily be
 * removed". A capitalised match in mid-sentence is a name ("Just Eat"), and so
 * is a Title Case heading ("Easy Setup").
 *
 * 1.13 (issue 14): each entry may list `senses`, general readings that keep a match quiet:
 * `modal` (after can/will only "you" as the doer counts), `contact` ("just DM us"), `relief`
 * ("no need to…, just…"), `negated` ("Don't just…", "that can't be easy"), `mistake` ("Easy to
 * do, …", "Easily done"), `agent`/`agentNext` (the writer, "I've…", does the work), `result`
 * ("so it's easy to forward"), `permission` ("Yes, of course you can…"), `ours` ("Of course,
 * we'll…"), `future` ("It'll only take a minute": a wait) and `imperative` ("merely" at a clause
 * start only before a verb and its object). "just" before a number, a place word or a pronoun
 * means "only" or "exactly". Measured: dev 78/80 → 80/80, near-misses 0/67 unchanged; good care
 * replies fired 52 → 25 of 1,437 (read), care synthetic 5 → 4 of 1,997 (unread); corpus unchanged.
 *
 * 1.15 (issue 14): the `after` list of an adverb with the `modal` sense ("just", "simply", "merely", "easily")
 * is read as grammar: any modal counts ("you should just…", "you may simply…"; the sense still asks for "you"
 * as the doer), and so do "or"/"and"/"to" in a clause that speaks to the reader ("hold it or just unplug it",
 * "you'll need to simply scan"). Measured: 26 fresh examples 18 → 23 found, 26 fresh near-misses 0 → 0;
 * plain dev 80/80, 0/67 and synthetic 97/98, 2/91 unchanged; care dev and synthetic unchanged; corpus 64 → 64;
 * judged audit rows all still reported. `traceMinimizing` is a debug hook for
 * scripts/minimizing-miss-causes.mjs: each hit with the gate or sense that stopped it (counts only).
 *
 * 1.16 (issue 14): plain writers call "just reply", "simply ask" and "just let us know" minimizing in help
 * articles; care writers use them in hundreds of good replies. The invitation exemption (`invitations`,
 * `invitationBefore`, the `contact` sense, and the notice an `invitation` entry needs) now holds only in the
 * reply channels (REPLY_CHANNELS). Out of them, "of course" no longer needs "you" near it
 * (`needsYouInReplies`) unless a hedge follows ("Of course, there may…") or it closes the sentence as an aside.
 * Measured (blind, counts only): plain held-out 14 → 17 of 17, final 74 → 77 of 85, reserve 9/9; near-misses and
 * clean items fired unchanged (0/7, 2/50, 0/4; 0/73, 6/636, 0/69); care good replies fired unchanged (dev 25 of
 * 1,437, final 10 of 537); corpus 64 → 64.
 */
import { defineRule } from '../define-rule.js';
import { REPLY_CHANNELS } from '../../types.js';
import { table, type PhraseEntry } from '../../lexicon/data.js';
import { eachPhrase } from '../kinds/phrase-rule.js';
import type { ProseBlock, Sentence, Word } from '../../document/prose.js';
import type { Doc } from '../../document/document.js';
import type { PhraseHit } from '../../lexicon/phrase-matcher.js';
import { inException, tableMatcher } from '../../lexicon/tables.js';
import { customerLines } from './inclusive-language.js';

const TABLE = 'minimizing-language';

/**
 * What the rule made of one hit of its table, for scripts/minimizing-miss-causes.mjs: the entry (its first
 * phrase), the gate or sense that left it alone (undefined when reported), and where it stands in the file.
 * A document the rule ran on gives one `{ ran: true }` record first.
 */
export type MinimizingTrace = { ran: true } | { entry: string; gate: string | undefined; span: { start: number; end: number } };
let trace: ((t: MinimizingTrace) => void) | undefined;

/** Sets (or, with no argument, clears) the debug hook. Free when unset: the rule then records nothing. */
export function traceMinimizing(fn?: (t: MinimizingTrace) => void): void {
  trace = fn;
}

/** With the hook set: hits eachPhrase never passes on (blockquotes, exceptions, quoted words). */
function traceUnseen(doc: Doc, fn: (t: MinimizingTrace) => void): void {
  const m = tableMatcher(TABLE);
  for (const sentence of doc.sentences) {
    const seen = new Set(m.find(sentence).map((h) => h.first));
    for (const hit of m.find(sentence, { skipQuoted: false })) {
      const gate = sentence.block.quote ? 'blockquote' : !seen.has(hit.first) ? 'quoted' : inException(sentence, hit) ? `exception (${whichException(sentence, hit)})` : undefined;
      if (gate) fn({ entry: hit.value.match[0], gate, span: sentence.block.spanOf(hit.first.start, hit.last.end) });
    }
  }
}

/** For the trace only: the first of the entry's exception phrases that holds the hit (a phrase of the rule's own table). */
function whichException(sentence: Sentence, hit: PhraseHit<PhraseEntry>): string {
  for (const ex of hit.value.exceptions ?? []) if (inException(sentence, { ...hit, value: { ...hit.value, exceptions: [ex] } })) return ex;
  return '?';
}

/** Marks that start a clause: after them a word counts as "^". */
const CLAUSE_BREAK = /[,;:(—–]/;

function list(entry: PhraseEntry, key: string): string[] | undefined {
  const v = entry[key];
  return Array.isArray(v) ? v.map((x) => String(x).toLowerCase().replace(/’/g, "'")) : undefined;
}

/** The word before `first` in its sentence: "^" at the start of the sentence, "," at the start of a clause. */
function previous(sentence: Sentence, first: Word): string {
  const i = sentence.words.indexOf(first);
  if (i <= 0) return '^';
  const prev = sentence.words[i - 1];
  if (CLAUSE_BREAK.test(sentence.block.text.slice(prev.end, first.start))) return ',';
  if (prev.masked) return '';
  return prev.lower;
}

/** The word before `first`, stepping over the entry's `skipBefore` words ("is really simple" → "is"). */
function previousSkipping(sentence: Sentence, first: Word, skip: readonly string[] | undefined): { prev: string; at: number; article: boolean } {
  let i = sentence.words.indexOf(first);
  let prev = previous(sentence, first);
  let article = false;
  while (skip && i > 0 && skip.includes(prev)) {
    if (prev === 'a' || prev === 'an') article = true;
    i--;
    prev = previous(sentence, sentence.words[i]);
  }
  return { prev, at: i, article };
}

/**
 * Whether an invitation to get in touch ("just reply", "simply ask", "just let us know") is left alone in this
 * channel: in replies (REPLY_CHANNELS) it is, in an article or a policy it counts (1.16).
 */
function invitationChannel(channel: string): boolean {
  return (REPLY_CHANNELS as readonly string[]).includes(channel);
}

/** Whether the hit sits inside one of these phrases (the entry's `invitations`). */
function inPhrases(sentence: Sentence, hit: PhraseHit<PhraseEntry>, phrases: string[]): boolean {
  return inException(sentence, { ...hit, value: { ...hit.value, exceptions: phrases } });
}

let taskLists: { nouns: Set<string>; notGerunds: Set<string> } | undefined;
function tasks(): { nouns: Set<string>; notGerunds: Set<string> } {
  if (taskLists) return taskLists;
  const t = table(TABLE);
  const set = (k: string) => new Set((Array.isArray(t[k]) ? (t[k] as unknown[]) : []).map((x) => String(x).toLowerCase()));
  taskLists = { nouns: set('taskNouns'), notGerunds: set('notGerunds') };
  return taskLists;
}

/**
 * A task is the subject of "… is simple": "Changing your plan is simple", "The setup is simple",
 * "It's simple", "It is simple to…". Not "Our pricing is simple" or "The idea is simple".
 * `at` is the index of the word that `prev` was read from the left of.
 */
function taskSubject(sentence: Sentence, at: number, prev: string, named = false): boolean {
  if (!named && (prev === "it's" || prev === "that's")) return true;
  const w = sentence.words;
  const before = w.slice(0, Math.max(0, at - 1));
  if (!named && before.length === 1 && ['it', 'that', 'this'].includes(before[0].lower)) return true;
  const { nouns, notGerunds } = tasks();
  const first = before[0];
  if (first && first.lower.length > 4 && first.lower.endsWith('ing') && !notGerunds.has(first.lower)) return true;
  return before.some((x) => nouns.has(x.lower));
}

const YOU = new Set(['you', "you'll", "you're", "you've", "you'd", 'your', 'yours', 'yourself']);

function next(sentence: Sentence, last: Word): { word?: Word; gap: string } {
  const i = sentence.words.indexOf(last);
  const word = sentence.words[i + 1];
  const gapEnd = word ? word.start : sentence.end;
  return { word, gap: sentence.block.text.slice(last.end, gapEnd).trim() };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isCapitalised(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text);
}


/** The entry's senses (see rules/minimizing-language.yml). */
function sensesOf(entry: PhraseEntry): Set<string> {
  return new Set(list(entry, 'senses') ?? []);
}

/**
 * "Yes, of course you can add a driver": a yes to a request. Dev writers call a bare "Of course, you can
 * stop it at any time" minimizing (it says the reader should have known), so only a spoken yes counts.
 */
function permissionAnswer(sentence: Sentence, i: number): boolean {
  return i > 0 && YES.has(sentence.words[i - 1].lower);
}

const OBJECT_STARTS = new Set(['your', 'the', 'a', 'an', 'it', 'this', 'that', 'these', 'those', 'us', 'them', 'any', 'all', 'our', 'their', 'his', 'her', 'each', 'every', 'one', 'some']);
const NOT_VERBS = new Set(['a', 'an', 'the', 'as', 'to', 'because', 'for', 'in', 'by', 'that', 'this', 'one', 'on', 'at', 'of', 'with', 'from', 'about', 'your', 'our', 'their', 'its', 'some', 'what', 'how', 'when', 'where', 'if']);

/** "merely withdraw your balance": at the start of a clause, the next word acts on an object (a verb, not "merely aids"). */
function imperativeAfter(sentence: Sentence, j: number): boolean {
  const w = sentence.words;
  const v = w[j + 1];
  const o = w[j + 2];
  const x = v?.lower ?? '';
  if (!v || !o || NOT_VERBS.has(x) || x.endsWith('ly') || x.endsWith('ing') || x.endsWith('ed') || (x.endsWith('s') && !x.endsWith('ss'))) return false;
  return OBJECT_STARTS.has(o.lower);
}

const OURS = new Set(['we', "we'll", "we've", "we're", "we'd", 'i', "i'll", "i've", "i'm", "i'd", 'our', 'my']);

/** "Of course, we'll refund you", "Obviously we should have called": the writer's own action or fault follows. */
function oursAfter(sentence: Sentence, j: number): boolean {
  const w = sentence.words[j + 1];
  return w !== undefined && OURS.has(w.lower);
}

const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'may', 'might', 'must']);
const NEGATORS = new Set(['not', 'never', 'no', 'cannot', 'nobody', 'nothing', 'hardly', 'neither', 'nor']);
const SUBORDINATORS = new Set(['if', 'when', 'unless', 'once', 'whether', 'because', 'since', 'until', 'while', 'after', 'before']);
const NEEDS = new Set(['need', 'needed', 'needs', 'necessary', 'required', 'problem', 'problems']);
const CONTACT_VERBS = new Set(['ring', 'phone', 'dm', 'pm', 'message', 'text', 'email', 'e-mail', 'whatsapp']);
const BACK_VERBS = new Set(['call', 'ring', 'phone', 'write', 'reply', 'text', 'email', 'message', 'come', 'get', 'check', 'pop']);
const WRITER = new Set(['us', 'me']);
const FIRST_PERSON = new Set(["i've", "i'll", "i'm", "i'd"]);
const FIRST_PERSON_AUX = new Set(['have', 'will', 'can', 'am', 'just', 'already', 'also', "ve", 'need', 'should', 'would']);
const FUTURE = new Set(['should', 'will', "it'll", "that'll", "this'll", "shouldn't", 'would', "it'd", "'ll"]);
const YES = new Set(['yes', 'yeah', 'yep', 'sure', 'absolutely', 'certainly']);
const MISTAKE_NOUNS = new Set(['mistake', 'mistakes', 'slip', 'slips', 'error', 'errors', 'trap']);
const INTENSIFIERS = new Set(['so', 'very', 'really', 'such', 'an', 'a', 'super', 'quite', 'pretty']);

function isNegator(w: Word): boolean {
  return NEGATORS.has(w.lower) || w.lower.endsWith("n't");
}

/** The index of the first word of the clause that holds word `i` (a comma, colon, semicolon, bracket or dash starts one). */
function clauseStart(sentence: Sentence, i: number): number {
  const w = sentence.words;
  let k = i;
  while (k > 0 && !CLAUSE_BREAK.test(sentence.block.text.slice(w[k - 1].end, w[k].start))) k--;
  return k;
}

/** The index one past the last word of the clause that holds word `j`. */
function clauseEnd(sentence: Sentence, j: number): number {
  const w = sentence.words;
  let k = j + 1;
  while (k < w.length && !CLAUSE_BREAK.test(sentence.block.text.slice(w[k - 1].end, w[k].start))) k++;
  return k;
}

/**
 * "Don't just click Save", "that can't be easy", "it's not something anyone's expected to just know": the
 * clause is negated, so it does not tell the reader a task is easy. A negation inside a condition ("If it
 * doesn't load just refresh") does not count.
 */
function negatedClause(sentence: Sentence, i: number): boolean {
  const w = sentence.words;
  for (let k = clauseStart(sentence, i); k < i; k++) {
    if (SUBORDINATORS.has(w[k].lower)) return false;
    if (isNegator(w[k])) return true;
  }
  return false;
}

/** "There's no need to book ahead, just show your card", "No details needed, just update the app": "just" means "only". */
function reliefBefore(sentence: Sentence, i: number): boolean {
  const w = sentence.words;
  for (let k = 0; k < i; k++) {
    if (w[k].lower === "needn't") return true;
    if (!isNegator(w[k])) continue;
    for (let m = k + 1; m < Math.min(i, k + 4); m++) if (NEEDS.has(w[m].lower)) return true;
  }
  return false;
}

/** "just DM us", "just forward them to me", "just ring", "just call back": an invitation to get in touch. */
function contactAfter(sentence: Sentence, j: number): boolean {
  const w = sentence.words;
  const end = Math.min(clauseEnd(sentence, j), j + 4);
  const v = w[j + 1];
  if (!v || j + 1 >= end) return false;
  // "notify us in writing 28 days before": a formal step the reader must take, not an invitation.
  if (w.slice(j + 1, j + 8).some((x) => x.lower === 'writing' || x.lower === 'notice')) return false;
  if (CONTACT_VERBS.has(v.lower)) return true;
  if (BACK_VERBS.has(v.lower) && w[j + 2]?.lower === 'back' && j + 2 < end) return true;
  for (let k = j + 2; k < end; k++) if (WRITER.has(w[k].lower)) return true;
  return false;
}

/** The writer (first person singular) acts in this sentence: "I've filled everything in, so all you need to do is sign it". */
function agentActs(sentence: Sentence | undefined): boolean {
  if (!sentence) return false;
  const w = sentence.words;
  for (let k = 0; k < w.length; k++) {
    const x = w[k];
    if (x.quoted || x.masked) continue;
    if (FIRST_PERSON.has(x.lower)) return true;
    if (x.lower === 'i' && x.text === 'I') {
      const before = w[k - 1]?.lower;
      // "Can I…", "if I forget…": a question or a condition, often the reader's voice in a FAQ.
      if (before && (MODALS.has(before) || SUBORDINATORS.has(before) || before === 'do' || before === 'what' || before === 'how')) continue;
      const nx = w[k + 1];
      if (nx && (FIRST_PERSON_AUX.has(nx.lower) || (nx.lower.endsWith('ed') && nx.lower.length > 4))) return true;
    }
  }
  return false;
}

/** The next sentence of the same block, if any. */
function nextSentence(doc: { sentences: readonly Sentence[] }, sentence: Sentence, index: Map<Sentence, number>): Sentence | undefined {
  const at = index.get(sentence);
  if (at === undefined) return undefined;
  const n = doc.sentences[at + 1];
  return n && n.block === sentence.block ? n : undefined;
}

/**
 * "Easy to do, those buttons sit side by side", "Easily done on a phone keypad", "you could easily have
 * missed it", "an easy mistake": the ease of making a mistake, said to take the blame off the reader.
 */
function mistakeSense(sentence: Sentence, i: number, j: number): boolean {
  const w = sentence.words;
  const next = w[j + 1]?.lower;
  const first = w[i].lower;
  if (next && MISTAKE_NOUNS.has(next)) return true;
  if (first === 'easily') {
    if (next === 'done') return true;
    if (next === 'have' && i > 0 && ['could', 'might', 'would', "could've", "might've"].includes(w[i - 1].lower)) return true;
    return false;
  }
  // Elliptical, at the start of the sentence: "(Really) easy to do, …" with no subject.
  let k = 0;
  while (k < i && INTENSIFIERS.has(w[k].lower)) k++;
  if (k === i && next === 'to' && w[j + 2]?.lower === 'do') return true;
  return false;
}

/** "I've sent it as one PDF so it's easy to forward": a result of what we did, not a claim about the reader's task. */
function resultClause(sentence: Sentence, i: number): boolean {
  const w = sentence.words;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const x = w[k].lower;
    if (x === "it's" || x === 'it') {
      const b = w[k - 1]?.lower;
      const bb = w[k - 2]?.lower;
      return b === 'so' || (b === 'that' && bb === 'so');
    }
  }
  return false;
}

const COORDINATORS = new Set(['and', 'or']);

/**
 * The `after` list of an adverb with the `modal` sense ("just", "simply", "merely", "easily") names only some of
 * the words that can stand before an instruction's verb. In grammar the adverb counts after any modal ("you
 * should just restart it", "you may simply close the lid"; the `modal` sense then asks that the reader be its
 * doer), after "or"/"and" joining a second instruction ("hold the button or just unplug it"), and after "to"
 * in a clause that speaks to the reader ("you'll need to simply scan the code").
 */
function readerVerbAfter(entry: PhraseEntry, sentence: Sentence, index: number, prev: string): boolean {
  if (!list(entry, 'senses')?.includes('modal')) return false;
  if (MODALS.has(prev) || prev === "you'd") return true;
  if (COORDINATORS.has(prev) || prev === 'to') return readerClause(sentence, index);
  return false;
}

const LEADS = new Set(['please', 'then', 'now', 'so', 'first', 'next', 'finally', 'instead']);

/**
 * The clause before word `i` speaks to the reader: "you" is in it, or it opens with an instruction's verb
 * ("hold the button … or just unplug it"); not "users can … or just keep it", "(or just board for short)".
 */
function readerClause(sentence: Sentence, i: number): boolean {
  const w = sentence.words;
  let k = clauseStart(sentence, i);
  for (let m = k; m < i; m++) if (YOU.has(w[m].lower)) return true;
  while (k < i && (LEADS.has(w[k].lower) || COORDINATORS.has(w[k].lower))) k++;
  if (k >= i - 1) return false;
  const x = w[k].lower;
  if (w[k].masked || NOT_VERBS.has(x) || OBJECT_STARTS.has(x) || SUBORDINATORS.has(x) || MODALS.has(x)) return false;
  if (k > 0 && isCapitalised(w[k])) return false;
  return !(x.endsWith('ly') || x.endsWith('ing') || x.endsWith('ed') || (x.endsWith('s') && !x.endsWith('ss')));
}

/**
 * Why a hit of the table is left alone: the name of the gate or sense that stops it (see
 * rules/minimizing-language.yml), or undefined when it counts. `secondary` is checked by the caller.
 */
function stopper(doc: Doc, ctx: { channel: string }, theirs: Map<ProseBlock, [number, number][]>, state: { sentenceIndex?: Map<Sentence, number> }, sentence: Sentence, hit: PhraseHit<PhraseEntry>): string | undefined {
  const entry = hit.value;
  // "Customer: Yeah, just be quick.": the customer's own words in a script.
  if (theirs.get(sentence.block)?.some(([a, b]) => a <= hit.first.start && hit.first.start < b)) return 'speaker';
  const inviting = invitationChannel(ctx.channel);
  // "just let us know", "simply get in touch": in a reply, an invitation to get in touch.
  const invitations = list(entry, 'invitations');
  if (inviting && invitations && inPhrases(sentence, hit, invitations)) return 'invitation';
  const words = sentence.words;
  const index = words.indexOf(hit.first);
  // A name: "Just Eat" in mid-sentence, or "Easy Setup" in a Title Case heading.
  if (index > 0 && isCapitalised(hit.first)) return 'name';
  // "Easy Returns is our pick-up service": a capitalised word right after a sentence-initial match makes a name.
  if (index === 0) {
    // "Quick Fix is our repair tool": a capital inside the match makes a name too.
    if (words.slice(index + 1, words.indexOf(hit.last) + 1).some((w) => isCapitalised(w) && !/^\p{Lu}+$/u.test(w.text))) return 'name';
    const follower = words[words.indexOf(hit.last) + 1];
    if (follower && isCapitalised(follower) && follower.text !== 'I' && !/^\p{Lu}+$/u.test(follower.text) && sentence.block.text.slice(hit.last.end, follower.start).trim() === '') return 'name';
  }
  if (sentence.block.kind === 'heading' && isCapitalised(hit.first)) {
    const after = words[words.indexOf(hit.last) + 1];
    if (after && isCapitalised(after)) return 'name';
  }
  const prev = previous(sentence, hit.first);
  const after = list(entry, 'after');
  if (after) {
    const skipped = previousSkipping(sentence, hit.first, list(entry, 'skipBefore'));
    if (!after.includes(skipped.prev) && !readerVerbAfter(entry, sentence, index, skipped.prev)) return 'after';
    // "Adding a webhook is a trivial task": with "a" between, the subject must name the task
    // ("This is a simple example" and "Our app is a quick way to pay" describe things).
    if (skipped.article && !taskSubject(sentence, skipped.at, skipped.prev, true)) return 'taskSubject article';
    if (entry.taskSubject === true && !taskSubject(sentence, skipped.at, skipped.prev)) return 'taskSubject';
  }
  // "takes two seconds", "nothing more than": with no `after`, the words before the match name the task.
  if (!after && entry.taskSubject === true && !taskSubject(sentence, index + 1, prev)) return 'taskSubject';
  // "Basically, this policy covers…" sums up a policy; it does not call a task easy.
  if (list(entry, 'notInChannels')?.includes(String(ctx.channel).toLowerCase())) return 'notInChannels';
  if (list(entry, 'notAfter')?.includes(prev)) return 'notAfter';
  const { word, gap } = next(sentence, hit.last);
  // A clause break right after the match ("just, …") leaves it alone; only the next word in the clause counts.
  const nextWord = word && !CLAUSE_BREAK.test(gap) ? word.lower : '';
  // "just reply to this email", "simply ask at the desk": in a reply, an invitation.
  if (inviting && nextWord && list(entry, 'invitationBefore')?.includes(nextWord)) return 'invitationBefore';
  const notBefore = list(entry, 'notBefore');
  if (notBefore) {
    if (nextWord && notBefore.includes(nextWord)) return trace ? `notBefore (${nextWord})` : 'notBefore';
    // "Just 12 places are left", "just £5": a number after the word means "only".
    if (list(entry, 'senses')?.includes('exact') && word && !CLAUSE_BREAK.test(gap) && (isDigit(nextWord.charCodeAt(0)) || isDigit(word.text.charCodeAt(1)))) return 'sense exact';
    if (notBefore.some((p) => /^[^\p{L}\p{N}]/u.test(p) && gap.startsWith(p))) return 'notBefore';
  }
  // "just checking", "just updated"; not "just bring" or "just feed" (the stem must be three letters or more).
  if (nextWord && list(entry, 'notBeforeEnding')?.some((e) => nextWord.endsWith(e) && nextWord.length - e.length >= 3)) return 'notBeforeEnding';
  const onlyBefore = list(entry, 'onlyBefore');
  if (onlyBefore && !onlyBefore.some((p) => (/^[^\p{L}\p{N}]/u.test(p) ? gap.startsWith(p) : p === nextWord))) return 'onlyBefore';
  const near = list(entry, 'nearAfter');
  // An `invitation` entry ("simply tell us"): in a reply, only a step that needs notice counts; elsewhere it always does.
  if (near && (inviting || entry.invitation !== true)) {
    const last = words.indexOf(hit.last);
    if (!words.slice(last + 1, last + 5).some((w) => near.includes(w.lower))) return 'nearAfter';
  }
  if (entry.needsYou === true) {
    const last = words.indexOf(hit.last);
    const near = words.slice(Math.max(0, index - 3), index).concat(words.slice(last + 1, last + 4));
    const atStart = entry.orAtStart === true && index <= 1;
    // "Of course, the change starts…": opening a statement, a comma, then one of these words.
    const opening = index === 0 && gap.trim().startsWith(',') && word !== undefined && (list(entry, 'orOpeningBefore')?.includes(word.lower) ?? false);
    // "Of course, backups run nightly" in an article: no one asked, so it is not a warm yes (1.16). Out of the
    // reply channels, `needsYouInReplies` lifts the need for "you" unless a hedge follows ("Of course, there may…").
    // An aside that closes the sentence ("(subject to the law, of course)") concedes a point; it needs a word after it.
    const article = entry.needsYouInReplies === true && !inviting && word !== undefined && !gap.includes(')') && !(list(entry, 'notOpeningBefore')?.includes(word.lower) ?? false);
    if (!atStart && !opening && !article && !near.some((w) => YOU.has(w.lower))) return 'needsYou';
  }
  // "You can add a driver in a few clicks": the sentence speaks to the reader somewhere, not about others.
  if (entry.youInSentence === true && !words.some((w) => YOU.has(w.lower))) return 'youInSentence';
  const notIn = list(entry, 'notInSentence');
  if (notIn) {
    const lower = sentence.words.map((w) => w.lower).join(' ');
    if (notIn.some((p) => (' ' + lower + ' ').includes(' ' + p + ' '))) return 'notInSentence';
  }
  // "and simply indicates that…": after "and"/"or" only a bare verb is an instruction.
  if ((prev === 'and' || prev === 'or') && nextWord && (nextWord.endsWith('ed') || nextWord.endsWith('ing') || (nextWord.endsWith('s') && !nextWord.endsWith('ss')))) return 'and-verb';
  const senses = sensesOf(entry);
  if (senses.size) {
    const last = words.indexOf(hit.last);
    // "the charger will just hold at 80%": after a modal, only the reader as its subject counts ("you can just…").
    if (senses.has('modal') && MODALS.has(prev) && !(index >= 2 && YOU.has(words[index - 2].lower))) return 'sense modal';
    if (senses.has('imperative') && (prev === '^' || prev === ',') && !imperativeAfter(sentence, last)) return 'sense imperative';
    if (senses.has('contact') && inviting && contactAfter(sentence, last)) return 'sense contact';
    if (senses.has('ours') && oursAfter(sentence, last)) return 'sense ours';
    if (senses.has('relief') && reliefBefore(sentence, index)) return 'sense relief';
    if (senses.has('negated') && negatedClause(sentence, index)) return 'sense negated';
    if (senses.has('mistake') && mistakeSense(sentence, index, last)) return 'sense mistake';
    if (senses.has('result') && resultClause(sentence, index)) return 'sense result';
    if (senses.has('permission') && permissionAnswer(sentence, index)) return 'sense permission';
    // "It'll only take a minute" (a wait we promise); not "It'll only take you a minute to switch" (the reader's task).
    if (senses.has('future') && FUTURE.has(prev) && !words.slice(index + 1, index + 4).some((x) => YOU.has(x.lower))) return 'sense future';
    if ((senses.has('agent') || senses.has('agentnext')) && agentActs(sentence)) return 'sense agent';
    if (senses.has('agentnext')) {
      state.sentenceIndex ??= new Map(doc.sentences.map((s, k) => [s, k]));
      if (agentActs(nextSentence(doc, sentence, state.sentenceIndex))) return 'sense agentNext';
    }
  }
  return undefined;
}

export default defineRule({
  id: 'minimizing-language',
  family: 'plain',
  description: 'Words that call a task easy or obvious ("just", "simply", "of course")',
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
    minimizing: "'{{actual}}' suggests this is easy or obvious, which can make a stuck reader feel at fault: leave it out",
  },
  check(doc, ctx) {
    const theirs = customerLines(doc, ctx.channel);
    // Sentences that already have a finding: a `secondary` entry adds nothing there ("You can easily
    // move it with a few clicks" is one finding, on "easily").
    const reported = new Set<Sentence>();
    const state: { sentenceIndex?: Map<Sentence, number> } = {};
    if (trace) {
      trace({ ran: true });
      traceUnseen(doc, trace);
    }
    eachPhrase(doc, TABLE, ({ sentence, hit, actual }) => {
      const entry = hit.value;
      const gate = stopper(doc, ctx, theirs, state, sentence, hit);
      const secondary = gate === undefined && entry.secondary === true && reported.has(sentence);
      if (trace) trace({ entry: entry.match[0], gate: gate ?? (secondary ? 'secondary' : undefined), span: sentence.block.spanOf(hit.first.start, hit.last.end) });
      if (gate !== undefined || secondary) return;
      reported.add(sentence);
      ctx.report({
        messageId: 'minimizing',
        span: sentence.block.spanOf(hit.first.start, hit.last.end),
        data: { actual },
        context: sentence.span,
      });
    });
  },
});
