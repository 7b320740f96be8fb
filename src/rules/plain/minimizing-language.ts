/**
 * minimizing-language: "just", "simply", "easy", "obviously", "of course"…
 * in instructions. The words come from rules/minimizing-language.yml; each
 * entry may narrow where it counts (`after`, `notAfter`, `notBefore`,
 * `exceptions`), because most of these words also have harmless senses:
 * "just one account", "easy to miss", "clearly visible", "can easily be
 * removed". A capitalised match in mid-sentence is a name ("Just Eat"), and so
 * is a Title Case heading ("Easy Setup").
 */
import { defineRule } from '../define-rule.js';
import { table, type PhraseEntry } from '../../lexicon/data.js';
import { eachPhrase } from '../kinds/phrase-rule.js';
import type { Sentence, Word } from '../../document/prose.js';
import { customerLines } from './inclusive-language.js';

const TABLE = 'minimizing-language';

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

function isCapitalised(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text);
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
    eachPhrase(doc, TABLE, ({ sentence, hit, actual }) => {
      const entry = hit.value;
      // "Customer: Yeah, just be quick.": the customer's own words in a script.
      if (theirs.get(sentence.block)?.some(([a, b]) => a <= hit.first.start && hit.first.start < b)) return;
      const words = sentence.words;
      const index = words.indexOf(hit.first);
      // A name: "Just Eat" in mid-sentence, or "Easy Setup" in a Title Case heading.
      if (index > 0 && isCapitalised(hit.first)) return;
      // "Easy Returns is our pick-up service": a capitalised word right after a sentence-initial match makes a name.
      if (index === 0) {
        // "Quick Fix is our repair tool": a capital inside the match makes a name too.
        if (words.slice(index + 1, words.indexOf(hit.last) + 1).some((w) => isCapitalised(w) && !/^\p{Lu}+$/u.test(w.text))) return;
        const follower = words[words.indexOf(hit.last) + 1];
        if (follower && isCapitalised(follower) && follower.text !== 'I' && !/^\p{Lu}+$/u.test(follower.text) && sentence.block.text.slice(hit.last.end, follower.start).trim() === '') return;
      }
      if (sentence.block.kind === 'heading' && isCapitalised(hit.first)) {
        const after = words[words.indexOf(hit.last) + 1];
        if (after && isCapitalised(after)) return;
      }
      const prev = previous(sentence, hit.first);
      const after = list(entry, 'after');
      if (after) {
        const skipped = previousSkipping(sentence, hit.first, list(entry, 'skipBefore'));
        if (!after.includes(skipped.prev)) return;
        // "Adding a webhook is a trivial task": with "a" between, the subject must name the task
        // ("This is a simple example" and "Our app is a quick way to pay" describe things).
        if (skipped.article && !taskSubject(sentence, skipped.at, skipped.prev, true)) return;
        if (entry.taskSubject === true && !taskSubject(sentence, skipped.at, skipped.prev)) return;
      }
      // "takes two seconds", "nothing more than": with no `after`, the words before the match name the task.
      if (!after && entry.taskSubject === true && !taskSubject(sentence, index + 1, prev)) return;
      // "Basically, this policy covers…" sums up a policy; it does not call a task easy.
      if (list(entry, 'notInChannels')?.includes(String(ctx.channel).toLowerCase())) return;
      if (list(entry, 'notAfter')?.includes(prev)) return;
      const { word, gap } = next(sentence, hit.last);
      // A clause break right after the match ("just, …") leaves it alone; only the next word in the clause counts.
      const nextWord = word && !CLAUSE_BREAK.test(gap) ? word.lower : '';
      const notBefore = list(entry, 'notBefore');
      if (notBefore) {
        if (nextWord && notBefore.includes(nextWord)) return;
        if (notBefore.some((p) => /^[^\p{L}\p{N}]/u.test(p) && gap.startsWith(p))) return;
      }
      // "just checking", "just updated"; not "just bring" or "just feed" (the stem must be three letters or more).
      if (nextWord && list(entry, 'notBeforeEnding')?.some((e) => nextWord.endsWith(e) && nextWord.length - e.length >= 3)) return;
      const onlyBefore = list(entry, 'onlyBefore');
      if (onlyBefore && !onlyBefore.some((p) => (/^[^\p{L}\p{N}]/u.test(p) ? gap.startsWith(p) : p === nextWord))) return;
      const near = list(entry, 'nearAfter');
      if (near) {
        const last = words.indexOf(hit.last);
        if (!words.slice(last + 1, last + 5).some((w) => near.includes(w.lower))) return;
      }
      if (entry.needsYou === true) {
        const last = words.indexOf(hit.last);
        const near = words.slice(Math.max(0, index - 3), index).concat(words.slice(last + 1, last + 4));
        const atStart = entry.orAtStart === true && index <= 1;
        // "Of course, the change starts…": opening a statement, a comma, then one of these words.
        const opening = index === 0 && gap.trim().startsWith(',') && word !== undefined && (list(entry, 'orOpeningBefore')?.includes(word.lower) ?? false);
        if (!atStart && !opening && !near.some((w) => YOU.has(w.lower))) return;
      }
      // "You can add a driver in a few clicks": the sentence speaks to the reader somewhere, not about others.
      if (entry.youInSentence === true && !words.some((w) => YOU.has(w.lower))) return;
      const notIn = list(entry, 'notInSentence');
      if (notIn) {
        const lower = sentence.words.map((w) => w.lower).join(' ');
        if (notIn.some((p) => (' ' + lower + ' ').includes(' ' + p + ' '))) return;
      }
      if (entry.secondary === true && reported.has(sentence)) return;
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
