/**
 * readability: a paragraph that reads above the channel's grade target.
 * Reported at the paragraph so writers know where to start; the document's
 * grade goes in the report's `metrics` (engine/metrics.ts).
 *
 * The score is that of the file's language (util/readability.ts): the
 * Flesch–Kincaid grade for English, Amstad for German, Flesch–Douma for Dutch,
 * Kandel–Moles for French, Fernández-Huerta for Spanish, Flesch–Vacca for
 * Italian, LIX for any other; the message names the formula.
 *
 * Only running prose is judged (paragraphs and list items, not headings,
 * table cells or alt text); link text (it names a page) and quoted words
 * (an error message, the customer's words) do not count.
 * Quoted blocks are the customer's words, not ours.
 *
 * One finding per paragraph for length and grade together (issue 14): a
 * sentence over the channel's length limit is sentence-length's finding, so
 * here it counts as the sentences a writer would split it into (each about
 * 60% of the limit: 15 words for a limit of 25). The paragraph is reported
 * only when it would still be hard once split: long words, other long-ish
 * sentences:
 *   - `minWords` words or more (30) and a grade at least `margin` (2) over
 *     the target: long sentences and long words together. The formulas
 *     swing by a grade or two on one paragraph, so a paragraph just over
 *     the target is not worth a writer's time;
 *   - a shorter paragraph (from `minShortWords`, 8) only when it ends like
 *     a sentence and its words are long and technical: a grade at least 4
 *     over the target and 40% of its words (names left out) of three
 *     syllables or more; under 12 words, 60% and only in a paragraph, not
 *     a list item ("Eligibility for
 *     manufacturer-warranty replacement depends on photographic
 *     documentation…"). A short step such as "Select Settings > Security" is
 *     not reported: the formula swings wildly on a few words;
 *   - a paragraph of 12 to 29 words in two sentences or more, `margin` over
 *     the target, when a fifth of its own words are long AND unfamiliar
 *     (issue 14, round 4: the hidden sets missed short paragraphs made hard by
 *     long words and jargon, "Coinsurance obligations begin once the
 *     deductible is satisfied"). Unfamiliar: three syllables or more, not in
 *     the "familiar" list of rules/readability.yml ("information",
 *     "automatically"), and not a short word with an inflection ("uploading",
 *     "connected"); names and addresses ("Login.gov") left out. One-sentence
 *     paragraphs are left to the rules above: on the corpus they were mostly
 *     definitions and metadata lines.
 *   - any paragraph from `minShortWords` words, over the target (no margin),
 *     with two or more different legal or formal words ("shall", "pursuant",
 *     "prior to commencing": the "formal" list of rules/readability.yml;
 *     issue 14, round 6: the blind writers' short legal paragraphs). The
 *     words are the evidence, so the swing of the score needs no margin; a
 *     long sentence still counts as split. The message names two of them.
 *   - a paragraph of 15 to 29 words, `margin` over the target, that the
 *     rules above let pass, when a fifth of its own words (three different
 *     ones at least) are long and rare: three syllables or more, not on the
 *     New Dale–Chall list of familiar words (util/readability.ts) or a plain
 *     form of one, not on the readability.yml lists, and used only once in
 *     the file (a word the page keeps using is its subject). Issue 14, round
 *     7: short replies made hard by a few rare words ("we'll consolidate the
 *     balances accordingly"). The message names two of them.
 * A sentence one word over the limit (26 for 25) is let pass by
 * sentence-length, so here it counts as it is, and as a short sentence.
 * A paragraph whose sentences are all within the length limit, or whose long
 * sentences are sentence-length's, is reported only when its words are hard
 * on their own: a quarter of them of three syllables or more AND fewer than
 * 55% common words (issue 14 audit: "three short, plain sentences" scored
 * high by "repository" and "organizations"), or a fifth of them long and
 * unfamiliar with fewer than half common. The common and familiar words are
 * data in rules/readability.yml. Codes of letters and digits
 * ("ATmega4809") count as one-syllable names (util/readability.ts).
 * English grades count names as short words (issue 14, 1.6: the blind audits' debatable findings were
 * paragraphs scored high by "General Services Administration", "Qwiic ecosystem", "Confidential Information"
 * and "AS IS"): a capital in mid-sentence, a word the file writes that way elsewhere, a word in capitals. The
 * formal test keeps the grade with names as they are. In a policy, the legal terms of art of jargon.yml and
 * simpler-words.yml (`quietIn: [policy]`) are not long or hard words in the tests of a paragraph's words;
 * they still count in the grade ("We will indemnify you against all sums…" stays hard).
 * Issue 14, 1.7 audit: numbers, versions and file names ("Ubuntu 11.10, kernel 3.0.0-19", "boards.txt") count
 * as short words in the English grade (numbers alone counted not at all, so the other words weighed more); the
 * word-count gates still count only words with letters. In a policy, the items of a list of five or more in a
 * sentence that sentence-length reports ("indirect, incidental, special, consequential, punitive, or exemplary
 * damages") are not long or hard words in the tests of a paragraph's words, like terms of art: a clause must
 * name each, and splitting the sentence into points is sentence-length's fix.
 * Issue 14, 1.10 audit: in a policy, the items of a short list in any other sentence ("administrative,
 * technical, and physical safeguards"; two items or more after commas, "and" or "or" before the last) are not
 * hard words either, in every test of a paragraph's words; an item ending in "-ing" (an action) still counts.
 * A paragraph of short sentences hard because of its words gets a message that names two of its long words
 * (`hardNamed`), never "use shorter sentences".
 * Issue 14, 1.10 audit, round 2: one or two sentences under 25 words (none split) give a noisy grade; such a
 * paragraph is reported by the grade tests only with a second sign, two different long and rare words (as
 * in the unfamiliar test: off the Dale–Chall and readability.yml lists, used once in the file). The
 * unfamiliar and formal tests have their own evidence and are unchanged.
 * Issue 14, 1.11 audit: in an English policy, the terms of art of standard clauses (the `legal` entries of
 * readability.yml: "merchantability", "fitness for a particular purpose", "consequential", "sublicensable",
 * "derivative works") count in the grade as words of two syllables, and are not long or hard words in the tests
 * of a paragraph's words: a warranty disclaimer, an exclusion of damages or a licence grant must use them. The
 * formal test's grade keeps them as they are. A long clause stays sentence-length's finding.
 * Issue 14, 1.12: a paragraph of short sentences reported for its words needs one long, rare word used once in the
 * file (as in the unfamiliar test): the long words a page keeps using are its subject ("organization" on a page about
 * organization accounts, "Token Patterns" in their agreement), known by the reader and with no other word. In a
 * policy, an item of a list in a long sentence may have up to six words ("payment card information associated with
 * you", "electronic network activity information").
 * Measured and not taken in 1.12: the page's repeated long words (three uses or more, a share of its words, or its
 * title's words) as words of two syllables in the grade (110 corpus findings went, 40 judged ok rows among them); a
 * one-sentence list item with no finite verb, or one under 16 to 25 words, left alone (judged ok rows went); an
 * acronym's words in brackets as a name ("PIV (personal identity verification)": only debatable rows went, and the
 * PIV paragraph stayed).
 * Issue 14, 1.14: a list item under `minWords` words, or a paragraph led by a label of three words or fewer ("Background
 * information. Your academic and professional qualifications, … criminal records data"), made only of noun phrases (no
 * sign of a finite verb: a form of "be", "have" or "do", a modal, a subject pronoun, an "-ed" word, an "-s" word before a
 * preposition or determiner, an "-ing" word after a comma, or an order such as "Check the plans") is not reported: a
 * list of categories, where a grade means little. Running paragraphs keep every test: without a tagger, "medication
 * substantially elevates…" shows no verb. Files of licence and source notes (NOTICE, LICENSE: readability.yml,
 * `metadata-file`) are not read. Measured and not taken in 1.14: a long word used twice in one paragraph, alone or in
 * a repeated pair of words ("transparency report"), as a name of two syllables (half A of the judged rows: 24 ok rows
 * went for 2 false ones); the noun-phrase test on every paragraph (4 of 70 dev items lost).
 * Issue 14, 1.14b audit: a finding "because of its long words" (hardWords, hardNamed) blames only long words a writer can
 * change: three syllables or more, off the New Dale–Chall list and the `familiar` list of readability.yml (or a plain
 * form of one), and used fewer than three times in the file (the page's subject). hardNamed names two of those. With
 * none left, a paragraph whose sentences are long (one over the length limit, or a length that alone gives a grade over
 * the target at 1.5 syllables a word) gets `hardSentences`, which names no words; any other is not reported. Measured:
 * no judged row and no dev or synthetic item went; 14 judged rows of half A and 13 of half B got a new message.
 * Measured and not taken: that grade with only those words counted long (the others as two syllables) at least
 * `margin` over the target (half A lost 8 ok rows for 3 false); two such words needed (2 ok rows went for 2 false).
 * Issue 14, 1.15 audit: one or two sentences, none over the length limit, whose long words (the writer's own, as in
 * the word tests) are two thirds or more the page's own words (its title and headings, or words it uses three times or
 * more: "government takedown", "transparency report" on that policy; "incompatible" on a page about that category) are
 * graded again with those words as words of two syllables, and reported only if still `margin` over the target.
 * Measured on the judged rows: half A 75/19/11 ok/debatable/false reported → 75/19/8, half B 60/28/7 unchanged; four
 * corpus findings went; no dev or synthetic item moved. Measured and not taken: half the long words (4 ok rows went for
 * 3 false), three sentences (2 ok rows went).
 * Issue 14, 1.17 (seed-69 to 71 audits, rd62): a message names what raises the grade. When the sentences' length adds
 * more to the Flesch–Kincaid grade than the words' syllables (each against plain text: 15 words a sentence, 1.5
 * syllables a word), `longSentence(s)` quotes the first words of the longest one or two sentences that sentence-length
 * lets pass. Otherwise up to two long words are named (`hardNamed`), only those a writer should change: not on the
 * `everyday` list of readability.yml ("identify", "recommend", "agencies", "responsible"), not a plain form of one, not
 * one step of derivation from a New Dale–Chall or familiar word ("comfortable", "addition"), not a short word with an
 * ending, and, for a compound, only when a part is itself hard ("network-connected" is not). With none left, the
 * message names no word. The `noisy` gate (one or two short sentences) counts only such words as its second sign:
 * "a 15-word list item made of everyday words" at grade 16 is not reported. A paragraph whose sentences of twice the
 * length limit or more hold two thirds of its words is sentence-length's alone (a clause of 120 words, a list of data
 * kinds in one sentence). Measured: corpus 297 → 271 findings (Markdown 149 → 136); judged rows 22/23/8
 * ok/debatable/false reported → 20/19/5; blind plain sets unchanged (held-out 15/17, final 100/110, reserve 9/12, no
 * near-miss fired).
 * Issue 14, 1.18 (seed-72 and 73 audits, rd72): the words that spell out an acronym next to it ("PIV (personal identity
 * verification)", "generative artificial intelligence (AI)"; first letters give the acronym, small words aside) count
 * as a name: short in the grade, never hard or named. A message never names a word of the page's title or headings
 * ("vulnerability" on a page about vulnerabilities), and a plural in "-ies" counts as its singular when the rule counts
 * a word's uses. A paragraph of one sentence needs four different long, rare words for the unfamiliar test (not in
 * replies). Measured: corpus 271 → 258 findings (Markdown 136 → 129); judged rows reported 267/96/24 ok/debatable/false
 * → 265/85/21 (pooled over seeds 48 to 73); blind plain sets and fresh writers unchanged.
 * Issue 14, 1.18 (seed-74 and 75 audits, rd77): a message never names a long word the page uses twice or more, nor a
 * compound with such a part ("private-repository"), nor, in a policy, an item of a short list in a long sentence ("the
 * confidentiality, integrity, and availability of"). "intellectual property" and "confidentiality, integrity and
 * availability" are `legal` terms of readability.yml; "troubleshooting" is a familiar word. A paragraph with a sentence
 * that sentence-length reports says so first: its grade is that of the split text ("Split, it still reads at grade
 * 12.9" for a paragraph that scores 26 as written). Measured: corpus 258 → 254 findings (SIRT ×2, loopback ×2); judged
 * rows reported 284/128/28 → 284/125/25 ok/debatable/false; blind plain sets and fresh writers unchanged. Measured and
 * not taken: a margin for the formal test (19 ok rows within a grade of the target, no false one), short lists in long
 * sentences left out of the word tests (15 ok rows went), page words used twice left out of the blamed words (7 ok rows
 * went), and no finding when every word to change is a page word (20 ok rows went).
 * Grades above 18 are shown as "above grade 18": past that the number means
 * nothing to a writer. A section (the text under one heading) with several
 * hard paragraphs gets one finding, at the first, saying how many more there
 * are: where to start, not a wall of findings.
 */
import { defineRule } from '../define-rule.js';
import type { Word } from '../../document/prose.js';
import type { Doc } from '../../document/document.js';
import { table } from '../../lexicon/data.js';
import { spells } from '../../lexicon/acronym-spelling.js';
import { isMetadataFile } from '../../lexicon/metadata-files.js';
import { containedInAny } from '../../document/span-index.js';
import type { Span } from '../../types.js';
import { addStats, countedWords, EMPTY_STATS, familiarWord, GRADE_CAP, gradeLevel, readabilityOf, SENTENCE_MAX, statsOfAs, syllablesOf, type TextStats } from '../../util/readability.js';
import { HAS_DIGIT, HAS_LETTER, STARTS_UPPER, asciiClass } from '../../util/ascii-class.js';

// Unicode classes with their ASCII twins (src/util/ascii-class.ts): the \p expression is made only for non-ASCII words.
const STARTS_CAPITALS = asciiClass(/^[A-Z]{2,}/, () => /^\p{Lu}{2,}/u);
const LETTERS_JOINED = asciiClass(/[A-Za-z][./_][A-Za-z]/, () => /\p{L}[./_]\p{L}/u);
const CODE_JOIN = asciiClass(/[A-Za-z][./_\\][A-Za-z]/, () => /\p{L}[./_\\]\p{L}/u);

interface Options {
  /** Highest grade a paragraph may have. */
  target: number;
  /** Paragraphs with fewer words than this are judged only for long words. */
  minWords: number;
  /** Paragraphs with fewer words than this are not judged at all. */
  minShortWords: number;
  /** How far over the target a paragraph must be before it is reported. */
  margin: number;
}

const RUNNING = new Set(['paragraph', 'list-item', 'other']);
/** A short paragraph is hard because of its words when it is this far over the target… */
const SHORT_MARGIN = 4;
/** …and this share of its words have three syllables or more (English), or more than six letters (other languages). */
const SHORT_POLYSYLLABLES = 0.4;
/**
 * A paragraph of fewer than 12 words ("Unfortunately, the identification documentation you uploaded
 * appears insufficiently legible for verification.") needs three words in five long, and is judged only
 * as a paragraph: a list item that short is a step ("Follow the installation instructions provided…").
 */
const TINY_WORDS = 12;
const TINY_POLYSYLLABLES = 0.6;
const SHORT_LONG_WORDS = 0.5;
/**
 * …or its words average this many syllables (English; names left out). A two-sentence legal paragraph
 * ("Notwithstanding any contrary provision, our aggregate liability… shall not exceed the consideration
 * you remitted…") has about 2.1; plain help text about 1.3–1.6, and 1.9 at most with a few long words.
 */
const SHORT_SYLLABLES_PER_WORD = 2;
/** …with at least this share of three-syllable words… */
const DENSE_POLYSYLLABLES = 0.3;
/**
 * …and at least two formal words: Latin endings that make nouns of verbs and adjectives
 * ("consideration", "provision", "liability", "acceptance", "aggregate"). "The original language for
 * the interface is English" has as many syllables but none of these, and reads easily.
 */
const FORMAL_ENDING = /(?:tion|sion|ity|ance|ence|ment|ate|ive|ous)s?$/;
const DENSE_FORMAL_WORDS = 3;
/**
 * A long sentence split by a writer gives sentences of about this share of the length limit, and of at least
 * SPLIT_WORDS words: a 36-word sentence becomes two of 18, whatever the channel's limit (issue 14, round 6:
 * policies now share the article limit of 25, and their grade target of 10 was set with 18-word pieces).
 */
const SPLIT_SHARE = 0.6;
const SPLIT_WORDS = 18;
/** sentence-length lets a sentence one word in 25 over the limit pass (26 words for 25): so does this rule. */
const SLACK_SHARE = 1 / 25;
/**
 * A paragraph of this many sentences or fewer and fewer words than this, none of them split, is reported by the
 * grade tests only with this many different long, rare words. Measured on every judged audit row (112 rows,
 * seeds 48 to 54) and the plain dev set: at 2, one false and two debatable rows go, and no ok row or dev item;
 * at 3, two ok rows go for four false or debatable ones. A wider grade margin instead (5 or 6 over) lost ok rows too.
 */
const NOISY_SENTENCES = 2;
const NOISY_WORDS = 25;
const NOISY_RARE = 2;
/**
 * Any paragraph of short sentences reported for its words needs this many long, rare words used once in the file
 * (issue 14, 1.12 audit). At 1, six corpus findings go: three paragraphs and their HTML twins, all judged false alarms,
 * made hard by the page's own terms ("organization", "Token Patterns", "connection"). At 2, twenty go, and four
 * of the ten paragraphs were real problems.
 */
const SHORT_RARE = 1;
/**
 * …unless its words average this many syllables or more (names counted short): "Subsequent to the verification of
 * organizational eligibility…" has 3.7; the three corpus paragraphs this gate leaves alone have 2.2 at most (2.0 would
 * report the one about organization accounts again).
 */
const SUBJECT_SYLLABLES_PER_WORD = 2.5;
/** A sentence within this share of the length limit (20 words for 25) is short; 20 words when the limit is off. */
const SHORT_SHARE = 1;
const SHORT_SENTENCE = 20;

export default defineRule<Options>({
  id: 'readability',
  family: 'plain',
  description: 'A paragraph above the channel’s reading grade',
  // A grade is a statistic, not a defect: info keeps CI green and still shows where to start.
  // plainspoke:strict raises it to warning.
  defaultSeverity: 'info',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: {
    type: 'object',
    properties: {
      target: { type: 'number', minimum: 1, maximum: 20 },
      minWords: { type: 'integer', minimum: 1 },
      minShortWords: { type: 'integer', minimum: 1 },
      margin: { type: 'number', minimum: 0, maximum: 10 },
    },
    additionalProperties: false,
  },
  defaults: { target: 8, minWords: 30, minShortWords: 8, margin: 2 },
  channelDefaults: {
    article: { target: 8 },
    policy: { target: 10 },
    macro: { target: 6 },
    chat: { target: 6 },
    social: { target: 6 },
    email: { target: 7 },
    phone: { target: 7 },
  },
  messages: {
    hard: 'This paragraph reads {{level}} by the {{formula}} formula, over the grade {{target}} target{{more}}: use shorter sentences and shorter words',
    hardWords: 'This paragraph reads {{level}} by the {{formula}} formula because of its long words, over the grade {{target}} target{{more}}: cut wordy phrases and passives, and use shorter words',
    formal: "This paragraph reads {{level}} by the {{formula}} formula, over the grade {{target}} target, and uses legal or formal words such as '{{words}}'{{more}}: use plain, everyday words",
    unfamiliar: "This paragraph reads {{level}} by the {{formula}} formula, over the grade {{target}} target, and uses long words many readers don't know, such as '{{words}}'{{more}}: use common words, or explain them",
    unfamiliarReply: "This paragraph reads {{level}} by the {{formula}} formula, over the grade {{target}} target, and uses words many customers don't know, such as '{{words}}'{{more}}: use common words, or explain them",
    hardNamed: "This paragraph reads {{level}} by the {{formula}} formula because of long words such as '{{words}}', over the grade {{target}} target{{more}}: use shorter, more common words",
    hardNamedSplit: "This paragraph has {{split}} to split. Split, it still reads {{level}} by the {{formula}} formula because of long words such as '{{words}}', over the grade {{target}} target{{more}}: use shorter, more common words too",
    hardWordsSplit: 'This paragraph has {{split}} to split. Split, it still reads {{level}} by the {{formula}} formula because of its long words, over the grade {{target}} target{{more}}: also cut wordy phrases and passives, and use shorter words',
    formalSplit: "This paragraph has {{split}} to split. Split, it still reads {{level}} by the {{formula}} formula, over the grade {{target}} target, and uses legal or formal words such as '{{words}}'{{more}}: use plain, everyday words too",
    hardSentences: 'This paragraph reads {{level}} by the {{formula}} formula because of its long sentences, over the grade {{target}} target{{more}}: split long sentences into shorter ones',
    longSentence: "This paragraph reads {{level}} by the {{formula}} formula, over the grade {{target}} target{{more}}. Most of that comes from long sentences, such as '{{start}}': split them into shorter ones",
    longSentences: "This paragraph reads {{level}} by the {{formula}} formula, over the grade {{target}} target{{more}}. Most of that comes from long sentences, such as '{{start}}' and '{{start2}}': split them into shorter ones",
    hardScore: 'This paragraph scores {{score}} on the {{formula}} scale ({{level}}), over the grade {{target}} target{{more}}: use shorter sentences and shorter words',
  },
  check(doc, ctx) {
    // "NOTICE.md", "LICENSE": where the files came from and under which licence, not text for a customer (issue 14, 1.14).
    if (isMetadataFile(doc.path)) return;
    const { target, minWords, minShortWords, margin } = ctx.options;
    const language = ctx.language ?? 'en';
    const limit = sentenceLimit(ctx.settings, ctx.channel);
    let links: ((span: Span) => boolean) | undefined;
    const inLink = (span: Span) => {
      links ??= containedInAny(doc.elements('a').flatMap((el) => (el.position?.start?.offset !== undefined && el.position.end?.offset !== undefined ? [{ start: el.position.start.offset, end: el.position.end.offset }] : [])));
      return links(span);
    };
    // Hard paragraphs of the current section (since the last heading): one finding per section,
    // at its first hard paragraph, says how many more there are.
    // The file's words: how often each is used, and which are names (built only when a paragraph needs them).
    let vocabulary: Vocabulary | undefined;
    let pageWords: ((lower: string) => boolean) | undefined;
    // The page's own words (its title and headings, words it uses three times or more): never named as hard words
    // (issue 14, seed-73 audit: "vulnerability" in a bulletin about vulnerabilities).
    const subjectWord = (lower: string) => (pageWords ??= pageWordsOf(doc, (vocabulary ??= vocabularyOf(doc.sentences, doc.text))))(lower) || (usesOf(lower.replace(/[’']s$/, ''), vocabulary ??= vocabularyOf(doc.sentences, doc.text)) >= BLAME_USES);
    // A compound is the page's own word when one of its parts is ("private-repository" on a page about repositories).
    const subject = (lower: string) => subjectWord(lower) || (lower.includes('-') && lower.split('-').some((p) => p.length > 0 && subjectWord(p)));
    // In a policy, legal terms of art ("indemnify", "termination") are the right words (issue 14, 1.6): they do
    // not make its words hard. They still count in the grade: a paragraph of them can be hard to read.
    const terms = ctx.channel === 'policy' ? termsOfArt() : EMPTY_SET;
    const artPolicy = ctx.channel === 'policy' && language === 'en';
    let section: { span: Span; messageId: string; grade: number; score: number; formula: string; words: string; start?: string; start2?: string; split?: string }[] = [];
    const flush = () => {
      if (!section.length) return;
      const [first] = section;
      const more = section.length - 1;
      ctx.report({
        messageId: first.messageId,
        span: first.span,
        data: { level: levelOf(first.grade), target, score: first.score, formula: first.formula, words: first.words, start: first.start ?? '', start2: first.start2 ?? '', split: first.split ?? '', more: more === 0 ? '' : more === 1 ? ' (one more paragraph in this section is hard too)' : ` (${more} more paragraphs in this section are hard too)` },
        context: first.span,
      });
      section = [];
    };
    // Long words that most readers do not know (issue 14, round 7): "the idempotency key didn't deduplicate the
    // second authorisation". For a short paragraph (not a list item) that ends like a sentence and that the
    // other tests let pass. Familiar means on the New Dale–Chall list of common words, or a plain form of one:
    // a general list, not one tuned on our examples. The message names two of the words.
    const unfamiliarHit = (block: (typeof doc.prose)[number], r: { grade: number; score: number; formula: string }, counted: number, listed: ReadonlySet<number>, stats: TextStats) => {
      if (language !== 'en' || block.kind !== 'paragraph' || counted < UNFAMILIAR_MIN_WORDS || r.grade < target + margin) return;
      const sentences = block.sentences;
      vocabulary ??= vocabularyOf(doc.sentences, doc.text);
      // Long words off the familiar lists, as in every channel.
      const judge = (anyLength: boolean) => {
        const { words, hard } = unfamiliarWords(sentences, inLink, vocabulary ??= vocabularyOf(doc.sentences, doc.text), anyLength, listed);
        const different = [...new Set(hard)];
        // Short words count only in a paragraph of the writer's own words, not one of names ("Thermostats from
        // Honeywell, Danfoss and Netatmo…"): the same 15 words as for the paragraph.
        if (anyLength && words < UNFAMILIAR_MIN_WORDS) return undefined;
        // One sentence alone in its paragraph (issue 14, seed-73 audit: "one short sentence … its readers know 'detection'
        // and 'techniques'") needs one rare word more, four: two or three long words swing the grade of one sentence a lot.
        if (!REPLY_CHANNELS.has(ctx.channel) && sentences.filter((x) => countedWords(x.words) > 0).length === 1 && different.length < UNFAMILIAR_DIFFERENT + 1) return undefined;
        return words > 0 && hard.length / words >= UNFAMILIAR_SHARE && different.length >= UNFAMILIAR_DIFFERENT ? different : undefined;
      };
      let messageId = 'unfamiliar';
      let different = judge(false);
      // A reply to one customer (issue 14, 1.6): jargon there is often short ("a webhook retry", "our ops team",
      // "the proxy config"), so any word off the familiar lists counts, not only words of three syllables.
      if (!different && REPLY_CHANNELS.has(ctx.channel)) {
        different = judge(true);
        messageId = 'unfamiliarReply';
      }
      if (!different) return;
      // The long words first: they are the ones a writer looks for.
      let shown = [...different.filter((x) => syllablesOf(x) >= 3), ...different.filter((x) => syllablesOf(x) < 3)];
      const span = block.spanOf(sentences[0].start, sentences[sentences.length - 1].end);
      // A message names only words a writer should change: not long words most adults know ("recommend", "identify"),
      // nor a compound of plain parts ("network-connected"). With none left, it says what else raises the grade.
      shown = distinct(shown.filter((x) => namable(x) && !subject(x)));
      if (!shown.length) {
        const starts = carriedBy(sentences, stats);
        section.push({ span, messageId: starts.length > 1 ? 'longSentences' : starts.length ? 'longSentence' : 'hardWords', grade: r.grade, score: r.score, formula: r.formula, words: '', start: starts[0], start2: starts[1] });
        return;
      }
      section.push({ span, messageId, grade: r.grade, score: r.score, formula: r.formula, words: shown.slice(0, 2).join("', '") });
    };
    // Whether the paragraph's sentence length, more than its words, puts its grade over the target; then its longest
    // sentences that sentence-length lets pass (by their first words), one or two; none when its words carry the grade.
    const carriedBy = (sentences: (typeof doc.prose)[number]['sentences'], stats: TextStats): string[] => {
      if (!stats.words || !stats.sentences) return [];
      const bySentences = SENTENCE_WEIGHT * (stats.words / stats.sentences - PLAIN_SENTENCE);
      const byWords = SYLLABLE_WEIGHT * (stats.syllables / stats.words - PLAIN_SYLLABLES);
      if (bySentences < byWords) return [];
      const max = limit === undefined ? Infinity : limit + Math.floor(limit * SLACK_SHARE);
      const own = sentences.map((x) => ({ x, n: countedWords(x.words) })).filter((e) => e.n >= LONGISH_SENTENCE && e.n <= max).sort((a, b) => b.n - a.n);
      return own.slice(0, own.length > 1 && own[1].n >= SHORT_SENTENCE ? 2 : 1).map((e) => openingOf(e.x.words));
    };
    // A paragraph of one or two sentences and few words gives a noisy grade (issue 14, 1.10 audit): a few long but
    // common words ("a reliable internet connection is recommended") or a product name push it far over the
    // target. Such a paragraph needs a second sign, unless a sentence in it is long.
    const noisy = (words: number, sentences: (typeof doc.prose)[number]['sentences'], splitAny: boolean) =>
      language === 'en' && !splitAny && words < NOISY_WORDS && sentences.filter((s) => countedWords(s.words) > 0).length <= NOISY_SENTENCES;
    for (const block of doc.prose) {
      if (block.kind === 'heading') flush();
      if (!RUNNING.has(block.kind) || block.quote) continue;
      const sentences = block.sentences;
      if (!sentences.length) continue;
      // A sentence over the length limit is sentence-length's to report: it counts here as the
      // sentences a writer would split it into, so what is left is how hard its words and the
      // other sentences are.
      let stats: TextStats = EMPTY_STATS;
      let raw: TextStats = EMPTY_STATS;
      let splitAny = false;
      let numbers = 0;
      const longOnes: (typeof sentences)[number][] = [];
      // In a policy, legal terms of art ("merchantability", "consequential damages", "sublicensable") count in the
      // grade as words of two syllables, and are not long or hard words in the word tests (issue 14, 1.11 audit).
      const art = artPolicy ? artSpans(sentences) : EMPTY_SPANS;
      for (const s of sentences) {
        if (language === 'en') for (const w of s.words) if (!w.masked && !w.quoted && !HAS_LETTER.test(w.text) && HAS_DIGIT.test(w.text) && !inLink(w.span)) numbers++;
        // Link text names a page ("Twelve Years Under the DMCA") and quoted words are someone
        // else's (an error message): not the writer's words to shorten.
        // The formal test's grade keeps terms of art as they are: its evidence is the formal words ("pursuant").
        // Counted in place, not over filtered lists of copied words (issue 19): the same numbers.
        const own = statsOfAs([s], language, (w) => (w.quoted || inLink(w.span) ? null : undefined));
        // English: names and defined terms count as short words (the formal test keeps them as they are).
        let named = own;
        if (language === 'en') {
          const v = (vocabulary ??= vocabularyOf(doc.sentences, doc.text));
          named = statsOfAs([s], language, (w, i) => (w.quoted || inLink(w.span) ? null : art.has(w.span.start) ? TERM_TEXT : nameAt(w, i, v) ? NAME_TEXT : undefined));
        }
        const counted = countedWords(s.words);
        // Only a sentence that sentence-length reports (it lets one word in 25 pass) is split.
        const long = limit !== undefined && counted > limit + Math.floor(limit * SLACK_SHARE);
        splitAny ||= long;
        if (long) longOnes.push(s);
        const parts = Math.ceil(counted / Math.max(SPLIT_WORDS, (limit ?? 0) * SPLIT_SHARE));
        raw = addStats(raw, long ? split(own, parts) : own);
        stats = addStats(stats, long ? split(named, parts) : named);
      }
      // The grade counts numbers ("Ubuntu 11.10") as short words; how long a paragraph is counts only words with letters.
      const words = stats.words - numbers;
      // In a policy, the items of a list in a sentence that sentence-length reports ("indirect, incidental,
      // consequential, or exemplary damages") are terms a clause must name one by one (issue 14, 1.7 audit): like
      // terms of art, they are not hard words. Splitting the sentence into a list of points is the fix for it.
      let listed = ctx.channel === 'policy' && longOnes.length ? listWords(longOnes, doc.text) : EMPTY_SPANS;
      // The items of a short list in a sentence sentence-length lets pass ("administrative, technical, and physical
      // security controls"; "ideas, know-how, algorithms, … recommendations or any other feedback"): the things a
      // clause or a definition must name, not words a writer can swap for shorter ones (issue 14, 1.10 audit).
      if (language === 'en' && ctx.channel === 'policy') {
        const shortOnes = sentences.filter((s) => !longOnes.includes(s));
        if (shortOnes.length) {
          const more = shortListWords(shortOnes, doc.text);
          if (more.size) listed = new Set([...listed, ...more]);
        }
      }
      if (art.size) listed = new Set([...listed, ...art]);
      // The words that spell out an acronym ("PIV (personal identity verification)") are a name: not hard words.
      if (language === 'en') {
        const spelled = (vocabulary ??= vocabularyOf(doc.sentences, doc.text)).expansions;
        if (spelled.size) {
          const here = sentences.flatMap((x) => x.words).filter((w) => spelled.has(w.span.start));
          if (here.length) listed = new Set([...listed, ...here.map((w) => w.span.start)]);
        }
      }
      if (words < minShortWords) continue;
      // A paragraph that is mostly one sentence of twice the length limit or more ("Under no circumstances … shall GitHub be
      // liable …", a list of 15 kinds of data in one sentence) is sentence-length's finding: the split into pieces that this
      // rule grades is a guess, and splitting is the fix for both (issue 14, seed-70 and 71 audits).
      if (limit !== undefined) {
        const veryLong = longOnes.reduce((n, x) => { const c = countedWords(x.words); return c >= VERY_LONG * limit ? n + c : n; }, 0);
        if (veryLong > 0 && veryLong >= VERY_LONG_SHARE * words) continue;
      }
      const r = readabilityOf(stats, language);
      let messageId: string;
      let short = false;
      // Legal and formal words ("shall", "pursuant", "prior to commencing"), two or more, in a paragraph over the
      // target (issue 14, round 6): the words are the reason, so the margin for a swinging score is not needed,
      // and a long sentence still counts as split, so this is not sentence-length's finding again.
      // The grade here counts names as they are: the formal words, not the names, are the finding.
      const formal = language === 'en' ? formalRegister(sentences) : [];
      const rFormal = formalWeight(formal) >= FORMAL_WORDS ? readabilityOf(raw, language) : undefined;
      if (rFormal && rFormal.grade > target) {
        section.push({ span: block.spanOf(sentences[0].start, sentences[sentences.length - 1].end), messageId: splitAny ? 'formalSplit' : 'formal', grade: rFormal.grade, score: rFormal.score, formula: rFormal.formula, words: formal.slice(0, 2).join("', '"), split: splitOf(longOnes.length) });
        continue;
      }
      if (words >= minWords) {
        if (r.grade < target + margin) continue;
        // With a long sentence counted as split, what is left is mostly the words.
        messageId = language !== 'en' ? 'hardScore' : splitAny ? 'hardWords' : 'hard';
      } else {
        // A short paragraph is judged only when it is running prose: a line of metadata or a list
        // of links ("Bulletin ID: … Date: …") does not end like a sentence.
        if (!/[.!?)"”’]\s*$/.test(block.text.slice(0, sentences[sentences.length - 1].end))) continue;
        short = true;
        // Names ("Australia, Austria, Belgium…", "Arduino > Preferences") are not hard words.
        // Numbers, versions and file names ("Ubuntu 11.10", "v2.0.1", "boards.txt") are read at a glance: short words.
        const plain = statsOfAs(sentences, language, (w, i) => (w.quoted || inLink(w.span) || (i > 0 && STARTS_UPPER.test(w.text)) || vocabulary?.expansions.has(w.span.start) ? null : codeLike(w.text) ? NAME_TEXT : art.has(w.span.start) ? TERM_TEXT : undefined));
        if (!plain.words) continue;
        const share = language === 'en' ? plain.polysyllables / plain.words : plain.longWords / plain.words;
        const tiny = words < TINY_WORDS;
        if (tiny && block.kind !== 'paragraph') continue;
        const needed = language === 'en' ? (tiny ? TINY_POLYSYLLABLES : SHORT_POLYSYLLABLES) : SHORT_LONG_WORDS;
        // Long words all through, even where fewer than two in five have three syllables (issue 14).
        const dense = language === 'en' && !tiny && block.kind === 'paragraph' && plain.syllables / plain.words >= SHORT_SYLLABLES_PER_WORD && plain.polysyllables / plain.words >= DENSE_POLYSYLLABLES && formalWords(sentences) >= DENSE_FORMAL_WORDS;
        // Two sentences or more whose long words are unfamiliar ones (issue 14: "Your deductible applies per
        // policy period… Coinsurance obligations begin once the deductible is satisfied."): a grade one past
        // the margin is enough. Long words every reader knows ("information", "automatically") do not count.
        const rare = language === 'en' && !tiny && block.kind === 'paragraph' && sentences.filter((s) => countedWords(s.words) > 0).length >= 2 && r.grade >= target + margin && rareWords(sentences, terms, listed);
        if (!rare && (r.grade < target + Math.max(margin, SHORT_MARGIN) || (share < needed && !dense))) {
          unfamiliarHit(block, r, words, listed, stats);
          continue;
        }
        messageId = language === 'en' ? 'hardWords' : 'hardScore';
      }
      // A paragraph of short sentences is hard only when its words are long AND few of them are common
      // ("three short, plain sentences" with "repository" and "organizations" in them read easily: issue 14).
      // So is one whose long sentences are sentence-length's: what is left to report is its words.
      // A sentence one word over the limit (26 for 25) is let pass by sentence-length, so it counts as short here too.
      const allShort = sentences.every((s) => countedWords(s.words) <= (limit === undefined ? SHORT_SENTENCE : Math.round(limit * SHORT_SHARE) + Math.floor(limit * SLACK_SHARE)));
      if (language === 'en' && (splitAny || allShort) && !hardWords(sentences, terms, listed) && !rareWords(sentences, terms, listed)) {
        if (short) unfamiliarHit(block, r, words, listed, stats);
        continue;
      }
      // A paragraph of short sentences is hard only because of its words, and then one of them at least must be long,
      // rare and used once in the file (issue 14, 1.12 audit). The long words a page keeps using are its subject
      // ("organization" on a page about organization accounts, "Token Patterns" in their agreement): its reader knows
      // them by then, and a writer cannot swap them for other words. Words of two and a half syllables on average
      // are hard however often the page uses them ("administrative representatives may authorize supplementary…").
      // The paragraph's different long, rare words used once in the file: read once for the two tests below.
      let rare: readonly string[] | undefined;
      const rareWordsOnce = () => (rare ??= unfamiliarWords(sentences, inLink, (vocabulary ??= vocabularyOf(doc.sentences, doc.text)), false, listed).hard);
      let rareCount: number | undefined;
      const rareOnce = () => (rareCount ??= new Set(rareWordsOnce()).size);
      if (language === 'en' && allShort && stats.syllables < SUBJECT_SYLLABLES_PER_WORD * stats.words && rareOnce() < SHORT_RARE) {
        if (short) unfamiliarHit(block, r, words, listed, stats);
        continue;
      }
      // Short text (issue 14, seed-70 audit: "a 15-word list item made of everyday words" at grade 16): the second sign must
      // be words most adults do not know, not "reliable" or "recommended".
      const rareUncommon = () => new Set(rareWordsOnce().filter((w) => namable(w))).size;
      if (noisy(words, sentences, splitAny) && rareUncommon() < NOISY_RARE) {
        if (short) unfamiliarHit(block, r, words, listed, stats);
        continue;
      }
      // A list item, or a paragraph led by a short label, made of noun phrases with no finite verb ("System images:
      // periodic releases of full OS images…", "Background information. Your academic and professional
      // qualifications, credit history and criminal records data"): a list of categories, where a grade means little
      // (issue 14, 1.14). Only under `minWords`: a long item is read like a paragraph. Running paragraphs keep the
      // grade tests: without a tagger, "…medication substantially elevates…" has no sign of its verb.
      if (language === 'en' && words < minWords && (block.kind === 'list-item' || labelled(sentences)) && sentences.every((x) => verbless(x, doc.text))) continue;
      // Short sentences all through: the long words are what makes it hard, so the message names two of them and
      // does not ask for shorter sentences (issue 14, 1.10 audit: "'use shorter sentences' does not apply").
      let named = '';
      let long: Array<[string, number]> | undefined;
      const longWords = () => (long ??= longWordsOf(sentences, terms, listed, inLink, (vocabulary ??= vocabularyOf(doc.sentences, doc.text))));
      if (language === 'en' && allShort && messageId === 'hard' && longWords().length) {
        messageId = 'hardNamed';
        named = longWords().slice(0, 2).map(([w]) => w).join("', '");
      }
      // A finding "because of its long words" blames only long words a writer can change (issue 14, 1.14b audit: the
      // editors' commonest reason was "documentation", "tutorials", "repository" called long words). Long words on the
      // New Dale–Chall list or the familiar list of readability.yml, and the page's own subject (a word it uses three
      // times or more), are left out. With none left, the paragraph is hard only if its sentences are long (one over the
      // length limit, or a length that alone puts the grade over the target): then the message says so and names no
      // words; if they are not, it is not reported.
      if (language === 'en' && (messageId === 'hardWords' || messageId === 'hardNamed')) {
        const blamed = blamedWords(longWords(), (vocabulary ??= vocabularyOf(doc.sentences, doc.text)));
        if (!blamed.length) {
          if (!splitAny && !sentencesCarry(stats, target)) continue;
          messageId = 'hardSentences';
          named = '';
        } else if (messageId === 'hardNamed') named = blamed.slice(0, 2).join("', '");
      }
      // Name what raises the grade (issue 14, seed-69 to 71 audits: "blames 'recommend' and 'convention', which are common";
      // "its main problem is one long sentence"): the longest sentences when their length carries more of the grade than
      // the words do, else the long words a writer should change, else no word at all.
      let start: string | undefined;
      let start2: string | undefined;
      if (language === 'en' && (messageId === 'hardWords' || messageId === 'hardNamed' || messageId === 'hardSentences')) {
        const blamed = blamedWords(longWords(), (vocabulary ??= vocabularyOf(doc.sentences, doc.text)));
        // In a policy, the items of a short list in a long sentence ("the confidentiality, integrity, and availability of")
        // are terms the clause must name (rd77): they count in the word tests, but a message does not name them.
        const clauseTerms = ctx.channel === 'policy' && language === 'en' && longOnes.length ? listedLower(longOnes, shortListWords(longOnes, doc.text)) : EMPTY_SET;
        const names = distinct(blamed.filter((w) => namable(w) && !subject(w) && !clauseTerms.has(w)));
        const starts = carriedBy(sentences, stats);
        if (starts.length) {
          messageId = starts.length > 1 ? 'longSentences' : 'longSentence';
          [start, start2] = starts;
          named = '';
        } else if (names.length && messageId !== 'hardSentences') {
          messageId = 'hardNamed';
          named = names.slice(0, 2).join("', '");
        } else if (messageId === 'hardNamed') {
          messageId = 'hardWords';
          named = '';
        }
      }
      // One or two short sentences whose long words are mostly the page's own (its title and headings, or words it uses
      // three times or more: "government takedown", "transparency report", "incompatible" on a page about that
      // category) are hard only if they stay hard with those words counted as words of two syllables (issue 14, 1.15
      // audit): the reader knows them by then, and the writer has no shorter word for them.
      if (language === 'en' && !splitAny && sentences.filter((s) => countedWords(s.words) > 0).length <= PAGE_SENTENCES) {
        const v = (vocabulary ??= vocabularyOf(doc.sentences, doc.text));
        const page = (pageWords ??= pageWordsOf(doc, v));
        if (pageGrade(sentences, language, v, inLink, art, page) < target + margin) continue;
      }
      // A long sentence counts here as split, so the grade is that of the split text (rd77, seed-75 audit: "grade 12.9"
      // for a paragraph of a 65-word sentence that scores 26 as written). Say so, and say to split it first.
      if (splitAny && (messageId === 'hardNamed' || messageId === 'hardWords')) messageId = `${messageId}Split`;
      section.push({ span: block.spanOf(sentences[0].start, sentences[sentences.length - 1].end), messageId, grade: r.grade, score: r.score, formula: r.formula, words: named, start, start2, split: splitOf(longOnes.length) });
    }
    flush();
  },
});

/**
 * Long words and few common ones: at least this share of the writer's own words (names and codes left
 * out) of three syllables or more, and fewer than this share of common words ("the", "you", "can").
 */
const HARD_POLYSYLLABLES = 0.25;
const HARD_COMMON = 0.55;
/**
 * A paragraph of 12 to 29 words in two sentences or more is hard one grade past the margin when this share of
 * its own words (names and codes left out) are long and unfamiliar, and fewer than this share are common.
 */
const RARE_SHARE = 0.2;
const RARE_COMMON = 0.5;
/**
 * A paragraph (not a list item) of 15 to 29 words is hard when it is `margin` over the target and a fifth of
 * its own words (names, codes, numbers, quotes and links left out), three different ones at least, are long
 * and unfamiliar: three syllables or more, not on the New Dale–Chall list (or a plain form of a word on it)
 * nor on the readability.yml lists, and used only once in the file. Fitted leaving one writer out at a time
 * on the development set, with a score that charged each added corpus finding as a false alarm: every fold
 * chose 0.25 (the left-out writers: 2 of 4 found, none wrongly). 0.2 finds one more reply and adds about 15
 * findings to the corpus instead of 2, and none of the 11 on the Markdown sets read as wrong (5 fair, 6
 * debatable, on engineers' pages); at 0.25 four of the six cases in our own fixtures would pass unseen.
 * 0.15 added 50, and repeated words left in added 100.
 */
const UNFAMILIAR_MIN_WORDS = 15;
/**
 * Channels of replies to one customer, where a short word off the familiar lists is as hard as a long one: "a
 * webhook retry fired twice", "our ops team is leveraging a new courier partner" (issue 14, 1.6: two of the
 * four short replies writers called hard and we missed). The same share, count and margin as above, not fitted
 * again; the corpus has no replies, so its counts do not move. Development set: 4 of 4 such replies found
 * (2 in dev, 2 in the synthetic set), 1 reply found that its writer did not call hard.
 */
const REPLY_CHANNELS = new Set(['macro', 'chat', 'social', 'email', 'phone']);
const UNFAMILIAR_SHARE = 0.2;
const UNFAMILIAR_DIFFERENT = 3;

/** The words of a file (lower case): how many times each is used, and which are written with a capital in mid-sentence (names). */
interface Vocabulary {
  uses: Map<string, number>;
  names: Set<string>;
  /** The start offsets of words that spell out an acronym next to it ("personal identity verification" of PIV). */
  expansions: ReadonlySet<number>;
}

function vocabularyOf(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean }[] }[], text?: string): Vocabulary {
  const uses = new Map<string, number>();
  const names = new Set<string>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      uses.set(w.lower, (uses.get(w.lower) ?? 0) + 1);
      if (i > 0 && STARTS_UPPER.test(w.text)) names.add(w.lower);
    });
  }
  return { uses, names, expansions: text === undefined ? EMPTY_SPANS : expansionsOf(sentences, text) };
}

/** An acronym of two to six capitals, with a plural "s" ("PIV", "CACs"). */
const ACRONYM = /^[A-Z]{2,6}s?$/;
/**
 * The words that spell out an acronym right next to it (issue 14, seed-73 audit): "PIV (personal identity
 * verification)", "common access cards (CACs)", "generative artificial intelligence (AI)". The page must give the
 * name in full; it is a name, not a word a writer can swap. The first letters of the words (or of the parts of a
 * hyphenated word) must give the acronym, small words ("of", "and") aside. Start offsets of the words.
 */
function expansionsOf(sentences: readonly { words: readonly { text: string; span: Span; masked?: boolean }[] }[], text: string): ReadonlySet<number> {
  let out: Set<number> | undefined;
  const gap = (a: { span: Span }, b: { span: Span }) => text.slice(a.span.end, b.span.start);
  for (const s of sentences) {
    const ws = s.words;
    for (let j = 0; j < ws.length; j++) {
      const w = ws[j];
      if (w.masked || !ACRONYM.test(w.text)) continue;
      const letters = w.text.replace(/s$/, '').toLowerCase();
      // "PIV (personal identity verification)": the words in brackets after the acronym.
      if (j + 1 < ws.length && gap(w, ws[j + 1]).includes('(')) {
        const inner: (typeof ws)[number][] = [];
        for (let k = j + 1; k < ws.length && inner.length <= letters.length + 3; k++) {
          inner.push(ws[k]);
          if (k + 1 >= ws.length || gap(ws[k], ws[k + 1]).includes(')')) break;
        }
        if (spells(inner, 0, letters, false, true)) for (const x of inner) (out ??= new Set()).add(x.span.start);
      }
      // "common access cards (CACs)": the words before the bracket.
      if (j > 0 && gap(ws[j - 1], w).includes('(') && (j + 1 >= ws.length || gap(w, ws[j + 1]).includes(')') || /^\s*\)/.test(text.slice(w.span.end, w.span.end + 3)))) {
        for (let start = j - 1; start >= 0 && j - start <= letters.length + 3; start--) {
          if (start < j - 1 && /[(),;:.]/.test(gap(ws[start], ws[start + 1]))) break;
          const run = ws.slice(start, j);
          if (spells(run, 0, letters, false, true)) {
            for (const x of run) (out ??= new Set()).add(x.span.start);
            break;
          }
        }
      }
    }
  }
  return out ?? EMPTY_SPANS;
}

/**
 * The writer's own words, and those of them that are long and unfamiliar ("idempotency", "consolidate"), in
 * order. A word used more than once in the file is left out of the hard ones: it is what the page is about
 * ("microcontroller" on a page about boards), and its reader meets it again and again.
 */
function unfamiliarWords(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean; quoted?: boolean }[] }[], inLink: (span: Span) => boolean, vocabulary: Vocabulary, anyLength = false, listed: ReadonlySet<number> = EMPTY_SPANS): { words: number; hard: string[] } {
  const { common, familiar } = wordLists();
  let words = 0;
  const hard: string[] = [];
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      if (!mayBeHard(w, i, vocabulary, inLink)) return;
      words++;
      const lower = w.lower.replace(/[’']s$/, '');
      // In a policy, list items are not hard words (see wordMix).
      if (listed.has(w.span.start)) return;
      if (common.has(lower) || familiar.has(lower) || familiar.has(lower.replace(/s$/, '')) || (!anyLength && syllablesOf(w.text) < 3) || (vocabulary.uses.get(w.lower) ?? 0) > 1 || familiarWord(lower)) return;
      hard.push(lower);
    });
  }
  return { words, hard };
}

/** A paragraph over the target is hard when it has this many different legal or formal words ("shall", "pursuant"). */
const FORMAL_WORDS = 2;

/** Whether enough of a paragraph's words are long and unfamiliar ("coinsurance", "adjudication"). */
function rareWords(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean; quoted?: boolean }[] }[], terms: ReadonlySet<string> = EMPTY_SET, listed: ReadonlySet<number> = EMPTY_SPANS): boolean {
  const { words, common, rare } = wordMix(sentences, terms, listed);
  return words > 0 && rare / words >= RARE_SHARE && common / words < RARE_COMMON;
}

/** The writer's own words (names and codes left out, common words in): how many are long, common, and long and unfamiliar. */
function wordMix(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean; quoted?: boolean }[] }[], terms: ReadonlySet<string> = EMPTY_SET, listed: ReadonlySet<number> = EMPTY_SPANS): { words: number; long: number; common: number; rare: number } {
  const { common: COMMON } = wordLists();
  let words = 0;
  let long = 0;
  let common = 0;
  let rare = 0;
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      if (w.masked || w.quoted || !HAS_LETTER.test(w.text) || HAS_DIGIT.test(w.text)) return;
      const lower = w.lower.replace(/[’']s$/, '');
      if (COMMON.has(lower)) {
        words++;
        common++;
        return;
      }
      // Names ("Arduino IDE", "GitHub") and addresses ("Login.gov") are not hard words.
      if ((i > 0 && STARTS_UPPER.test(w.text)) || LETTERS_JOINED.test(w.text)) return;
      words++;
      if (terms.has(lower) || listed.has(w.span.start)) return;
      const syllables = syllablesOf(w.text);
      if (syllables >= 3) long++;
      if (unfamiliar(lower, syllables)) rare++;
    });
  }
  return { words, long, common, rare };
}

/** Whether a paragraph's words are hard on their own: long AND uncommon. */
function hardWords(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean; quoted?: boolean }[] }[], terms: ReadonlySet<string> = EMPTY_SET, listed: ReadonlySet<number> = EMPTY_SPANS): boolean {
  const { words, long, common } = wordMix(sentences, terms, listed);
  return words > 0 && long / words >= HARD_POLYSYLLABLES && common / words < HARD_COMMON;
}

/**
 * The closed-class words and commonest verbs and nouns of support text ("common": a paragraph made mostly of
 * these reads easily however the formula scores it), and long words every reader knows ("familiar":
 * "information", "automatically"), from rules/readability.yml.
 */
let lists: { common: Set<string>; familiar: Set<string>; formal: Set<string>; archaic: Set<string>; everyday: Set<string> } | undefined;
function wordLists(): { common: Set<string>; familiar: Set<string>; formal: Set<string>; archaic: Set<string>; everyday: Set<string> } {
  const by = (...categories: string[]) => new Set(table('readability').entries.filter((e) => categories.includes(String(e.category))).flatMap((e) => e.match.map((m) => m.toLowerCase())));
  return (lists ??= { common: by('common'), familiar: by('familiar'), formal: by('formal', 'archaic'), archaic: by('archaic'), everyday: by('everyday') });
}

/** The different legal and formal words of a paragraph ("shall", "pursuant"), in order; quoted words left out. */
function formalRegister(sentences: readonly { words: readonly { lower: string; masked?: boolean; quoted?: boolean }[] }[]): string[] {
  const { formal } = wordLists();
  const found: string[] = [];
  // "deem" and "deemed", "remit" and "remitted" are one word.
  const same = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  for (const s of sentences) for (const w of s.words) if (!w.masked && !w.quoted && formal.has(w.lower) && !found.some((f) => same(f, w.lower))) found.push(w.lower);
  return found;
}

/**
 * How much a paragraph's formal words weigh: one each, and two for an old legal word ("notwithstanding",
 * "thereof"), which alone marks legal register. Issue 14, 1.19 (engineer rd82): final, reserve, w109 and w111
 * one more find each; 42 more corpus lines, all contract paragraphs, a kind editors judged 45 ok, 20
 * debatable, 0 false.
 */
function formalWeight(found: readonly string[]): number {
  const { archaic } = wordLists();
  return found.reduce((n, w) => n + (archaic.has(w) ? 2 : 1), 0);
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_SPANS: ReadonlySet<number> = new Set();

/** An item of a short list is at most this many words ("trade union membership"); the last, after "and" or "or", one more. */
const LIST_ITEM_WORDS = 4;
const LIST_LAST_WORDS = 6;
/**
 * In a list in a long sentence, an item may have up to six words: the categories of a privacy notice ("payment card
 * information associated with you", "electronic network activity information") and the
 * operations of a legal definition ("disclosure by transmission") are terms a clause must name (issue 14, 1.12).
 */
const LONG_LIST_ITEM_WORDS = 6;
/** A list has this many items or more, the one before the first comma included. */
const LIST_ITEMS = 5;

/**
 * The words of a paragraph's lists (their start offsets): four or more short items after commas, one of them
 * opened by "and" or "or" ("race, political opinions, trade union membership, or sexual orientation"), and the
 * last word before the first comma ("race"). Commas are read from the text between two words.
 */
function listWords(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean }[] }[], text: string): ReadonlySet<number> {
  const out = new Set<number>();
  for (const s of sentences) {
    // The sentence cut at its commas: segments of words.
    const segments: (typeof s.words)[number][][] = [[]];
    s.words.forEach((w, i) => {
      if (i > 0 && text.slice(s.words[i - 1].span.end, w.span.start).includes(',')) segments.push([]);
      segments[segments.length - 1].push(w);
    });
    const joined = (seg: readonly { lower: string }[]) => seg.length > 0 && (seg[0].lower === 'and' || seg[0].lower === 'or');
    const item = (seg: readonly { lower: string }[]) => seg.length > 0 && seg.length <= (joined(seg) ? LIST_LAST_WORDS : LONG_LIST_ITEM_WORDS);
    let k = 1;
    while (k < segments.length) {
      if (!item(segments[k])) {
        k++;
        continue;
      }
      let end = k;
      while (end < segments.length && item(segments[end])) end++;
      const run = segments.slice(k, end);
      if (run.length >= LIST_ITEMS - 1 && run.some(joined)) {
        const before = segments[k - 1];
        out.add(before[before.length - 1].span.start);
        for (const seg of run) for (const w of seg) out.add(w.span.start);
      }
      k = end;
    }
  }
  return out;
}

/**
 * The items of a short list in a sentence (their start offsets): two or more items after commas, the last opened
 * by "and" or "or" ("administrative, technical, and physical security controls") or followed by one
 * ("suggestions, recommendations or any other feedback"), and the last word before the first comma. Items are
 * at most LIST_ITEM_WORDS words; of the last, only its first words count ("and physical security controls").
 */
function shortListWords(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean }[] }[], text: string): ReadonlySet<number> {
  const out = new Set<number>();
  const joiner = (w: { lower: string } | undefined) => w !== undefined && (w.lower === 'and' || w.lower === 'or');
  for (const s of sentences) {
    const segments: (typeof s.words)[number][][] = [[]];
    s.words.forEach((w, i) => {
      if (i > 0 && text.slice(s.words[i - 1].span.end, w.span.start).includes(',')) segments.push([]);
      segments[segments.length - 1].push(w);
    });
    // The words of a last item: "and physical security controls …" or "recommendations or any other …".
    const last = (seg: readonly (typeof s.words)[number][]) => (joiner(seg[0]) ? seg.slice(1, LIST_ITEM_WORDS + 1) : joiner(seg[1]) ? seg.slice(0, 1) : undefined);
    const item = (seg: readonly unknown[]) => seg.length > 0 && seg.length <= LIST_ITEM_WORDS;
    let k = 1;
    while (k < segments.length) {
      let end = k;
      while (end < segments.length && item(segments[end]) && !joiner(segments[end][0])) end++;
      const tail = end < segments.length ? last(segments[end]) : undefined;
      if (tail && end - k >= 1) {
        // Things named, not actions: "circumventing security" in a list of what is not allowed can be said plainly.
        const add = (w: (typeof s.words)[number]) => {
          if (!w.lower.endsWith('ing')) out.add(w.span.start);
        };
        const before = segments[k - 1];
        add(before[before.length - 1]);
        for (const seg of segments.slice(k, end)) for (const w of seg) add(w);
        for (const w of tail) add(w);
      }
      k = Math.max(end, k + 1);
    }
  }
  return out;
}

/**
 * Whether a word is the writer's own and could be a hard word: not masked, quoted or link text, with letters and
 * no digits, and not a name ("Arduino IDE": a capital in mid-sentence, or a word the file writes that way
 * elsewhere), an acronym ("SLA") or an address ("Login.gov").
 */
function mayBeHard(w: { text: string; lower: string; span: Span; masked?: boolean; quoted?: boolean }, i: number, vocabulary: Vocabulary, inLink: (span: Span) => boolean): boolean {
  if (w.masked || w.quoted || !HAS_LETTER.test(w.text) || HAS_DIGIT.test(w.text) || inLink(w.span) || vocabulary.expansions.has(w.span.start)) return false;
  return !((STARTS_UPPER.test(w.text) && (i > 0 || vocabulary.names.has(w.lower))) || STARTS_CAPITALS.test(w.text) || LETTERS_JOINED.test(w.text));
}

/** A paragraph's long words (three syllables or more), unfamiliar ones first, then the longest; names, common words, terms of art and list items left out. */
function longWordsOf(sentences: readonly { words: readonly { text: string; lower: string; span: Span; masked?: boolean; quoted?: boolean }[] }[], terms: ReadonlySet<string>, listed: ReadonlySet<number>, inLink: (span: Span) => boolean, vocabulary: Vocabulary): Array<[word: string, syllables: number]> {
  const { common, familiar } = wordLists();
  const found = new Map<string, [rank: number, syllables: number]>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      if (!mayBeHard(w, i, vocabulary, inLink)) return;
      const lower = w.lower.replace(/[’']s$/, '');
      // "organization" and "organizations" are one word.
      if (common.has(lower) || terms.has(lower) || listed.has(w.span.start) || found.has(lower) || found.has(lower.replace(/s$/, '')) || found.has(`${lower}s`)) return;
      const syllables = syllablesOf(w.text);
      if (syllables < 3) return;
      // A word every reader knows ("information") last: the unfamiliar ones are what to change first.
      found.set(lower, [syllables + (familiar.has(lower) || familiarWord(lower) ? 0 : 10), syllables]);
    });
  }
  return [...found].sort((a, b) => b[1][0] - a[1][0]).map(([w, [, syllables]]) => [w, syllables]);
}

/**
 * A paragraph of this many sentences or fewer (none over the length limit) whose long words are mostly (PAGE_SHARE)
 * the page's own is graded with those words counted as words of two syllables (issue 14, 1.15 audit). Measured on the
 * judged audit rows: at two thirds, three false rows of half A went and no ok row; at 0.6, one debatable row of half B
 * went too; at one half, half A lost four ok rows for three false ones (half B one ok row). Three sentences lost two
 * ok rows.
 */
const PAGE_SENTENCES = 2;
const PAGE_SHARE = 2 / 3;

/** The page's own words: those of its title and headings, and those it uses SUBJECT_USES times or more (plural or singular). */
function pageWordsOf(doc: Doc, vocabulary: Vocabulary): (lower: string) => boolean {
  const heads = new Set<string>();
  for (const b of doc.prose) if (b.kind === 'heading') for (const s of b.sentences) for (const w of s.words) heads.add(w.lower);
  const title = doc.frontmatter?.title;
  if (typeof title === 'string') for (const w of title.toLowerCase().split(/[^a-z0-9'’-]+/)) if (w) heads.add(w);
  return (lower) => {
    const w = lower.replace(/[’']s$/, '');
    return heads.has(w) || heads.has(w.endsWith('s') ? w.slice(0, -1) : `${w}s`) || formsOf(w).some((f) => heads.has(f)) || usesOf(w, vocabulary) >= SUBJECT_USES;
  };
}

/**
 * A short paragraph's grade with the page's own long words counted as words of two syllables, when they are at least
 * PAGE_SHARE of its long words (the writer's own: names, codes, quotes, links and terms of art left out); Infinity
 * otherwise (the grade stands).
 */
function pageGrade(sentences: readonly { words: readonly Word[] }[], language: string, vocabulary: Vocabulary, inLink: (span: Span) => boolean, art: ReadonlySet<number>, page: (lower: string) => boolean): number {
  const own = (w: Word, i: number) => mayBeHard(w, i, vocabulary, inLink) && !art.has(w.span.start) && syllablesOf(w.text) >= 3;
  let long = 0;
  let paged = 0;
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      if (!own(w, i)) return;
      long++;
      if (page(w.lower)) paged++;
    });
  }
  if (!long || paged < PAGE_SHARE * long) return Infinity;
  const stats = statsOfAs(sentences, language, (w, i) => (w.quoted || inLink(w.span) ? null : art.has(w.span.start) ? TERM_TEXT : nameAt(w, i, vocabulary) ? NAME_TEXT : own(w, i) && page(w.lower) ? TERM_TEXT : undefined));
  return readabilityOf(stats, language).grade;
}

/** The lower-case words at the given start offsets (a plural's "s" and a possessive left on). */
function listedLower(sentences: readonly { words: readonly { lower: string; span: Span }[] }[], starts: ReadonlySet<number>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const s of sentences) for (const w of s.words) if (starts.has(w.span.start)) out.add(w.lower.replace(/[’']s$/, ''));
  return out;
}

/** "a long sentence" or "long sentences": what sentence-length reports in a paragraph. */
function splitOf(n: number): string {
  return n > 1 ? 'long sentences' : 'a long sentence';
}

/** A long word the page uses this many times or more is page vocabulary: never blamed or named. */
const BLAME_USES = 2;
/** A word the page uses this many times or more is its subject: its reader knows it by then. */
const SUBJECT_USES = 3;

/** How often the page uses a word, with its form plus or minus a final "s" ("form" and "forms"). */
function usesOf(w: string, vocabulary: Vocabulary): number {
  const plain = (vocabulary.uses.get(w) ?? 0) + (w.endsWith('s') ? vocabulary.uses.get(w.slice(0, -1)) ?? 0 : vocabulary.uses.get(`${w}s`) ?? 0);
  // "vulnerability" and "vulnerabilities" are one word.
  return plain + (w.endsWith('ies') ? vocabulary.uses.get(`${w.slice(0, -3)}y`) ?? 0 : w.endsWith('y') ? vocabulary.uses.get(`${w.slice(0, -1)}ies`) ?? 0 : 0);
}

/** The singular of a plural in "-ies", and the plural of a word in "-y": "vulnerabilities" and "vulnerability". */
function formsOf(w: string): string[] {
  return w.endsWith('ies') ? [`${w.slice(0, -3)}y`] : w.endsWith('y') ? [`${w.slice(0, -1)}ies`] : [];
}

/**
 * The long words a writer can change, from longWordsOf's list: not on the New Dale–Chall list or the familiar list
 * of readability.yml (or a plain form of one), and used fewer than SUBJECT_USES times in the file (its plural or
 * singular counted too). Unfamiliar ones first, the longest first.
 */
function blamedWords(long: ReadonlyArray<[word: string, syllables: number]>, vocabulary: Vocabulary): string[] {
  return long.filter(([w, syllables]) => unfamiliar(w, syllables) && !familiarWord(w) && usesOf(w, vocabulary) < SUBJECT_USES).map(([w]) => w);
}

/**
 * Whether a paragraph's sentences alone put it over the target: the Flesch–Kincaid grade of its sentence length (long
 * sentences counted as split) with words of plain text (PLAIN_SYLLABLES a word).
 */
const PLAIN_SYLLABLES = 1.5;
function sentencesCarry(stats: TextStats, target: number): boolean {
  return gradeLevel({ ...stats, syllables: stats.words * PLAIN_SYLLABLES }) > target;
}

/**
 * Legal terms of art: the words of the entries that jargon.yml and simpler-words.yml leave alone in a policy
 * (`quietIn: [policy]`: "indemnify", "termination", "covenant"; single words only). In the policy channel they
 * do not count as long or hard words in the tests of a paragraph's words: a policy has no plainer word for them.
 * They still count in the grade (a paragraph full of them is hard to read), and "indemnify" still counts as a
 * formal word.
 */
let artTerms: ReadonlySet<string> | undefined;
function termsOfArt(): ReadonlySet<string> {
  if (artTerms) return artTerms;
  const words = new Set<string>();
  for (const id of ['jargon', 'simpler-words']) {
    for (const e of table(id).entries) {
      if (!Array.isArray(e.quietIn) || !e.quietIn.includes('policy')) continue;
      // Single words only: the words of a phrase ("in accordance with") are not terms of art on their own.
      for (const m of e.match) if (!/[\s-]/.test(m.trim())) words.add(m.toLowerCase());
    }
  }
  return (artTerms = words);
}

/** A stand-in of two syllables for a legal term of art in a policy. */
const TERM_TEXT = 'matter';

/**
 * Legal terms of art of a policy's standard clauses: the `legal` entries of readability.yml, which may be phrases
 * ("fitness for a particular purpose"). Single words are a set; phrases, lists of words.
 */
let legal: { words: Set<string>; phrases: string[][] } | undefined;
function legalTerms(): { words: Set<string>; phrases: string[][] } {
  if (legal) return legal;
  // Only the boilerplate terms of readability.yml: the wider terms of art of jargon.yml ("modify", "terminate",
  // "indemnify") have plain twins a consumer policy can use ("We will indemnify you…" stays hard).
  const words = new Set<string>();
  const phrases: string[][] = [];
  for (const e of table('readability').entries) {
    if (e.category !== 'legal') continue;
    for (const m of e.match) {
      const parts = m.toLowerCase().trim().split(/\s+/);
      if (parts.length === 1) words.add(parts[0]);
      else phrases.push(parts);
    }
  }
  return (legal = { words, phrases });
}

/** The start offsets of a paragraph's legal terms of art (every word of a phrase). */
function artSpans(sentences: readonly { words: readonly { lower: string; span: Span; masked?: boolean; quoted?: boolean }[] }[]): ReadonlySet<number> {
  const { words, phrases } = legalTerms();
  let out: Set<number> | undefined;
  for (const s of sentences) {
    const ws = s.words;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      if (w.masked || w.quoted) continue;
      if (words.has(w.lower)) (out ??= new Set()).add(w.span.start);
      for (const p of phrases) {
        if (p[0] !== w.lower || i + p.length > ws.length) continue;
        let k = 1;
        while (k < p.length && ws[i + k].lower === p[k]) k++;
        if (k === p.length) for (let j = 0; j < p.length; j++) (out ??= new Set()).add(ws[i + j].span.start);
      }
    }
  }
  return out ?? EMPTY_SPANS;
}

/**
 * Words that show a finite verb, or a clause with a subject: the forms of "be", "have" and "do", the modals, and
 * the subject pronouns ("we collected…"). A word ending in "-ed" counts too (a past verb or a passive).
 */
const VERB_SIGNS = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'i', 'we', 'you', 'they', 'he', 'she', 'it', 'cannot']);

/** Whether a sentence is a string of noun phrases: no sign of a finite verb (see VERB_SIGNS), no contraction. */
function verbless(s: { words: readonly { lower: string; span: Span; masked?: boolean }[] }, text: string): boolean {
  const words = s.words.filter((w) => !w.masked);
  // An order: a first word that is not a determiner, followed by one ("Check the plans", "Select your board").
  if (words.length > 1 && !DETERMINERS.has(words[0].lower) && DETERMINERS.has(words[1].lower)) return false;
  for (let i = 0; i < words.length; i++) {
    const lower = words[i].lower;
    if (VERB_SIGNS.has(lower) || lower.includes("'") || lower.includes('’') || (lower.length >= 5 && lower.endsWith('ed'))) return false;
    // A verb in the present: a word ending in "-s" before a preposition or a determiner ("eligibility depends on",
    // "this protection applies to", "it covers the"); a plural noun is followed by "of" ("descriptions of content").
    const next = words[i + 1]?.lower;
    if (next !== undefined && lower.length >= 4 && lower.endsWith('s') && !lower.endsWith('ss') && (PREPOSITIONS.has(next) || DETERMINERS.has(next))) return false;
    // A clause of its own after a comma: "a classic board, offering broad library support".
    if (i > 0 && lower.length >= 5 && lower.endsWith('ing') && text.slice(words[i - 1].span.end, words[i].span.start).includes(',')) return false;
  }
  return true;
}

/** A paragraph led by a label of a few words as its own sentence ("Background information. Your academic…"). */
function labelled(sentences: readonly { words: readonly Word[] }[]): boolean {
  return sentences.length >= 2 && countedWords(sentences[0].words) <= LABEL_WORDS;
}
const LABEL_WORDS = 3;

/** Prepositions after a verb ("depends on", "applies to", "falls outside"); not "of", which follows nouns. */
const PREPOSITIONS = new Set(['on', 'to', 'from', 'in', 'into', 'with', 'for', 'at', 'by', 'outside', 'within', 'upon', 'under', 'over', 'through', 'across', 'after', 'before', 'as', 'about', 'against']);

/** Determiners and possessives that open a noun phrase. */
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'our', 'my', 'their', 'its', 'this', 'that', 'these', 'those', 'all', 'any', 'each', 'every', 'some']);

/** A stand-in of one syllable for a name: the formula counts it as a word, but not as a long one. */
const NAME_TEXT = 'name';

/**
 * Whether word i of its sentence counts as a short word in the English formula: names and defined
 * terms counted as short words (issue 14, 1.6): a capital in mid-sentence ("General Services Administration",
 * "the Qwiic ecosystem", "Confidential Information"), a word the file writes that way elsewhere, and a word in
 * capitals ("AS IS", "PIV"; all of a disclaimer in capitals). The New Dale–Chall formula counts proper names as
 * familiar words in the same way.
 */
function nameAt(w: { text: string; lower: string; span?: Span }, i: number, vocabulary: Vocabulary): boolean {
  if (w.span && vocabulary.expansions.has(w.span.start)) return true;
  return (STARTS_UPPER.test(w.text) && (i > 0 || vocabulary.names.has(w.lower) || STARTS_CAPITALS.test(w.text))) || codeLike(w.text);
}

/**
 * A token a reader does not decode like a word (issue 14, 1.7 audit: grades pushed up by "Ubuntu 11.10, kernel
 * 3.0.0-19"): a number or version ("1.8.19", "v2.0.1"), a code with digits, a file name or address ("boards.txt",
 * "Login.gov", "max_retries", "src/index"). It counts as a short word: numbers alone would not count at all.
 */
function codeLike(text: string): boolean {
  return HAS_DIGIT.test(text) || CODE_JOIN.test(text);
}

/** Endings that only inflect a word: "removing" is as easy as "remove", "connected" as "connect". */
const INFLECTIONS = ['ing', 'ed', 'es', 's', 'ly', 'er'];

/**
 * A long word that is hard to read: three syllables or more, not a familiar word (or its plural), and not a
 * short word with an inflection ("uploading", "selected"). Latin nouns made of verbs ("reimbursement",
 * "determination") and technical and legal terms stay hard.
 */
function unfamiliar(lower: string, syllables: number): boolean {
  if (syllables < 3) return false;
  const { familiar } = wordLists();
  if (familiar.has(lower) || (lower.endsWith('s') && familiar.has(lower.slice(0, -1)))) return false;
  for (const end of INFLECTIONS) {
    if (!lower.endsWith(end) || lower.length - end.length < 3) continue;
    const stem = lower.slice(0, -end.length);
    if (familiar.has(stem) || familiar.has(`${stem}e`) || Math.min(syllablesOf(stem), syllablesOf(`${stem}e`)) < 3) return false;
  }
  return true;
}

/** Words of three syllables or more with a formal Latin ending ("consideration", "liability"); names left out. */
function formalWords(sentences: readonly { words: readonly { text: string; lower: string; masked?: boolean; quoted?: boolean }[] }[]): number {
  let n = 0;
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      if (w.masked || w.quoted || (i > 0 && STARTS_UPPER.test(w.text)) || w.lower.length < 7) return;
      if (FORMAL_ENDING.test(w.lower) && syllablesOf(w.lower) >= 3) n++;
    });
  }
  return n;
}

/** A long sentence's stats as if split into `parts` sentences: the same words, more sentences. */
function split(s: TextStats, parts: number): TextStats {
  return { ...s, sentences: s.sentences ? Math.max(1, parts) : 0 };
}

/** "at grade 12.3", or "above grade 18" past the cap. */
function levelOf(grade: number): string {
  return grade > GRADE_CAP ? `above grade ${GRADE_CAP}` : `at grade ${grade.toFixed(1).replace(/\.0$/, '')}`;
}

/** The sentence-length limit in force, or undefined when that rule is off (then long sentences count here). */
function sentenceLimit(settings: { rules: Record<string, { severity: string; options: Record<string, unknown> }> }, channel: keyof typeof SENTENCE_MAX): number | undefined {
  const own = settings.rules['sentence-length'];
  if (!own || own.severity === 'off') return undefined;
  const max = own.options.max;
  return typeof max === 'number' ? max : SENTENCE_MAX[channel] ?? SENTENCE_MAX.default;
}

/**
 * How much sentence length and word length each add to the Flesch–Kincaid grade over plain text (15 words a sentence,
 * PLAIN_SYLLABLES a word): the formula's weights. The larger share is what a message names.
 */
const SENTENCE_WEIGHT = 0.39;
const SYLLABLE_WEIGHT = 11.8;
const PLAIN_SENTENCE = 15;
/** A sentence a message may name as long: this many words or more. */
const LONGISH_SENTENCE = 15;
/** A sentence of this many times the length limit, holding this share of a paragraph's words, is sentence-length's alone. */
const VERY_LONG = 2;
const VERY_LONG_SHARE = 2 / 3;

/** The first five words of a sentence, to name it in a message ("We collect the following categories…"). */
function openingOf(words: readonly { text: string; masked?: boolean }[]): string {
  return words.filter((w) => !w.masked && HAS_LETTER.test(w.text)).slice(0, 5).map((w) => w.text).join(' ') + '…';
}

/**
 * Whether a lower-case word is one most adults know: on the `everyday` list of readability.yml, or an inflection of a
 * word on it ("investigating", "recommends"), or one step of derivation from a word on the New Dale–Chall or familiar
 * lists ("comfortable", "addition", "removal", "unusual"): not from an everyday word ("determination"). "confidentiality" and "scalability" are two
 * steps away, and stay hard.
 */
function everydayWord(lower: string): boolean {
  const w = lower.replace(/[’']s$/, '');
  if (listedForm(w)) return true;
  const known = (stem: string) => stem.length >= 3 && (familiarWord(stem) || listedForm(stem, false));
  for (const [end, add] of DERIVATIONS) if (w.endsWith(end) && w.length - end.length >= 3 && known(w.slice(0, -end.length) + add)) return true;
  for (const pre of NEGATIONS) if (w.startsWith(pre) && w.length - pre.length >= 4 && known(w.slice(pre.length))) return true;
  return false;
}

/** A word on the familiar (and everyday) lists of readability.yml, or a plain inflection of one ("delivering", "abilities"). */
function listedForm(w: string, withEveryday = true): boolean {
  const { everyday, familiar } = wordLists();
  const has = (x: string) => (withEveryday && everyday.has(x)) || familiar.has(x);
  if (has(w)) return true;
  for (const [end, add] of INFLECTED) {
    if (!w.endsWith(end) || w.length - end.length < 3) continue;
    const stem = w.slice(0, -end.length);
    if (has(stem + add) || (add === '' && stem.at(-1) === stem.at(-2) && has(stem.slice(0, -1)))) return true;
  }
  return false;
}
const INFLECTED: ReadonlyArray<[string, string]> = [['ies', 'y'], ['es', ''], ['s', ''], ['ied', 'y'], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'], ['ily', 'y'], ['ly', ''], ['ly', 'le']];
/** Suffixes that make a word of another ("comfort" → "comfortable", "add" → "addition"), with what the stem may end in. */
const DERIVATIONS: ReadonlyArray<[string, string]> = [['ments', ''], ['ment', ''], ['ability', 'able'], ['ibility', 'ible'], ['ility', 'le'], ['ably', 'able'], ['able', ''], ['able', 'e'], ['iable', 'y'], ['ible', ''], ['ible', 'e'], ['iness', 'y'], ['ness', ''], ['ful', ''], ['less', ''], ['ations', ''], ['ations', 'e'], ['ation', ''], ['ation', 'e'], ['itions', ''], ['ition', ''], ['tions', 'te'], ['tion', 'te'], ['sion', 'de'], ['ions', ''], ['ions', 'e'], ['ion', ''], ['ion', 'e'], ['ual', 'ue'], ['ally', ''], ['al', ''], ['al', 'e']];
/** Prefixes that negate or repeat a word ("unusual", "reopen", "nonprofit"). */
const NEGATIONS = ['un', 're', 'dis', 'non', 'in', 'il', 'im', 'ir', 'mis'];

/**
 * Whether a message may name a word as hard: not a long word most adults know (the `everyday` list), nor a short word
 * with an ending ("supporting"), and, for a
 * compound ("network-connected", "workplace-related"), only when one of its parts is itself a long word off every list.
 */
function namable(lower: string): boolean {
  if (everydayWord(lower)) return false;
  // "supporting" is "support" with an ending: a word of two syllables.
  if (!lower.includes('-')) return syllablesOf(lower) < 3 || unfamiliar(lower, syllablesOf(lower));
  return lower.split('-').some((p) => p.length > 0 && !everydayWord(p) && !familiarWord(p) && unfamiliar(p, syllablesOf(p)));
}

/** Words to name, without a word that is part of another one named before it ("retaliation" after "non-retaliation"). */
function distinct(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) if (!out.some((o) => o.split('-').includes(w) || w.split('-').includes(o))) out.push(w);
  return out;
}
