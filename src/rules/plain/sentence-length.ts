/**
 * sentence-length: a sentence with more words than the channel allows.
 * Placeholders, inline code and URLs are masked in the prose model and do not
 * count: `{{ticket.requester.first_name}}` is one name, not five words.
 * Words in quotation marks do not count either (an error message, the
 * customer's words). Headings and alt text are left to their own rules;
 * blockquotes are the customer's words.
 *
 * One finding per paragraph, at its first long sentence, naming it by its
 * first words and saying how many more long sentences the paragraph has, so
 * a paragraph of legal text is one thing to fix, not five; in the policy
 * channel, one finding per section (the text under one heading). The
 * readability rule scores such a sentence as if it were at the limit, so the
 * two rules never report the same length twice (issue 14); readability still
 * reports the paragraph when its words are hard too.
 * Sentence length means the same in every language, so the rule runs on all.
 *
 * A bold label that opens a paragraph or list item and ends with a colon ("**Short version:** …", "<b>Note:</b> …") is
 * a run-in heading: its words are not counted or quoted (issue 14, 1.15: two blind editors of the seed-67 and seed-68
 * audits found such labels counted; corpus 768 -> 766 findings, and 13 messages now quote the sentence, not the label).
 * So is a plain label of one to six capitalised words ("Right to Knowledge and Correction: You can…"; 1.16, seed-70
 * audit: corpus 1534 -> 1532 findings, all in one privacy statement, and 6 messages now quote the sentence).
 */
import { defineRule } from '../define-rule.js';
import { REPLY_CHANNELS } from '../../types.js';
import { customerTurnSpans, speakerLabelStarts } from '../../reply/script-turns.js';
import { countedWords, SENTENCE_MAX } from '../../util/readability.js';
import type { Sentence, Word } from '../../document/prose.js';
import type { Doc } from '../../document/document.js';
import { containedInAny } from '../../document/span-index.js';
import type { Span } from '../../types.js';
import { HAS_WORD_CHAR, STARTS_UPPER } from '../../util/ascii-class.js';

/**
 * A sentence one word over a limit of 25 or more is not worth a writer's time (issue 14: a clear
 * 26-word sentence against a limit of 25): the count must pass the limit by more than one word in 25,
 * and by more than one word at any limit (SLACK_MIN).
 */
const SLACK_SHARE = 1 / 25;
/**
 * One word over is not worth a writer's time at any limit (issue 14, 1.18): writers called a 21-word reply
 * sentence fine in 4 clean blind items (final 1, reserve 1, fresh w105 2), and no blind problem was a sentence
 * one word over a limit of 20 (one dev item was).
 */
const SLACK_MIN = 1;

interface Options {
  /** Most words a sentence may have. */
  max: number;
  /** One finding per paragraph, or per section (the text under one heading: policies). */
  per: 'paragraph' | 'section';
}

const SKIP = new Set(['heading', 'alt']);

export default defineRule<Options>({
  id: 'sentence-length',
  family: 'plain',
  description: 'A sentence longer than the channel’s limit',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: {
    type: 'object',
    properties: { max: { type: 'integer', minimum: 3 }, per: { enum: ['paragraph', 'section'] } },
    additionalProperties: false,
  },
  defaults: { max: SENTENCE_MAX.default, per: 'paragraph' },
  channelDefaults: {
    article: { max: SENTENCE_MAX.article },
    // Legal text runs long sentence after sentence: one finding per section says where to start.
    policy: { max: SENTENCE_MAX.policy, per: 'section' },
    email: { max: SENTENCE_MAX.email },
    chat: { max: SENTENCE_MAX.chat },
    macro: { max: SENTENCE_MAX.macro },
    phone: { max: SENTENCE_MAX.phone },
    social: { max: SENTENCE_MAX.social },
  },
  messages: {
    long: "The sentence '{{start}}' has {{count}} words, over the limit of {{max}}: split it or cut words",
    longAndOne: "The sentence '{{start}}' has {{count}} words, over the limit of {{max}}, and one more sentence in this {{where}} is too long: split them or cut words",
    longAndMore: "The sentence '{{start}}' has {{count}} words, over the limit of {{max}}, and {{more}} more sentences in this {{where}} are too long: split them or cut words",
  },
  check(doc, ctx) {
    const { max, per } = ctx.options;
    let links: ((span: Span) => boolean) | undefined;
    const inLink = (span: Span) => {
      links ??= containedInAny(doc.elements('a').flatMap((el) => (el.position?.start?.offset !== undefined && el.position.end?.offset !== undefined ? [{ start: el.position.start.offset, end: el.position.end.offset }] : [])));
      return links(span);
    };
    // Long sentences of the current paragraph or section; one finding at the first, with how many more there are.
    let group: { sentence: Sentence; count: number }[] = [];
    const flush = () => {
      if (!group.length) return;
      const { sentence, count } = group[0];
      const more = group.length - 1;
      ctx.report({
        messageId: more === 0 ? 'long' : more === 1 ? 'longAndOne' : 'longAndMore',
        span: sentence.span,
        data: { count, max, more, where: per, start: opening(sentence.words.filter((w) => !w.masked && !labels.has(w.span.start)).map((w) => w.text)) },
        context: sentence.span,
      });
      group = [];
    };
    // In a script, the customer's turns ("Customer: I was charged twice…") are their words, not the writer's.
    const reply = REPLY_CHANNELS.includes(ctx.channel);
    const turns = reply ? customerTurnSpans(doc) : [];
    // A speaker label ("Agent:") is not one of the sentence's words, nor is a bold label that opens a paragraph
    // ("**Short version:** We host…"; issue 14, 1.15 audit: two editors found a 25-word summary counted as 27), nor a
    // plain label of a few capitalised words ("Legal Obligation: We process…"; 1.16, seed-70 audit).
    const labels = reply ? speakerLabelStarts(doc) : new Set<number>();
    runInLabelStarts(doc, labels);
    plainLabelStarts(doc, labels);
    for (const block of doc.prose) {
      if (per === 'paragraph' || block.kind === 'heading') flush();
      if (SKIP.has(block.kind) || block.quote) continue;
      for (const sentence of block.sentences) {
        if (turns.length && sentence.words.length && turns.some((t) => firstWordIn(sentence, t))) continue;
        // Quoted words are someone else's (an error message, the customer): the writer's own words are what count.
        // Link text names a page ("see the GitHub Privacy Statement"): a name counts as one word.
        const words = labels.size ? sentence.words.filter((w) => !labels.has(w.span.start)) : sentence.words;
        const count = countedWords(words) - linkedExtra(words, inLink) - enumerators(words, doc.text);
        if (count > max + Math.max(SLACK_MIN, Math.floor(max * SLACK_SHARE))) group.push({ sentence, count });
      }
    }
    flush();
  },
});

/** The element's text ends with a colon, before any closing marks ("**Note:**", "<b>Note:</b>"). */
function endsWithColon(text: string, start: number, end: number): boolean {
  let i = end - 1;
  for (;;) {
    while (i >= start && (text[i] === '*' || text[i] === '_' || text[i] === ' ' || text[i] === '\n' || text[i] === '\t')) i--;
    // Step back over a closing tag: "<b>Note:</b>".
    if (i >= start && text[i] === '>') {
      const open = text.lastIndexOf('<', i);
      if (open < start) return false;
      i = open - 1;
      continue;
    }
    return i >= start && text[i] === ':';
  }
}

/**
 * Adds to `labels` the words of each bold label that opens a paragraph or list item and ends with a colon
 * ("**Short version:** …", "<b>Note:</b> …"): a run-in heading, not part of the sentence after it.
 */
function runInLabelStarts(doc: Doc, labels: Set<number>): void {
  const spans: Span[] = [];
  for (const tag of ['strong', 'b']) {
    for (const el of doc.elements(tag)) {
      const start = el.position?.start?.offset;
      const end = el.position?.end?.offset;
      if (start === undefined || end === undefined) continue;
      if (endsWithColon(doc.text, start, end) || doc.text.slice(end, end + 1) === ':') spans.push({ start, end });
    }
  }
  if (!spans.length) return;
  for (const block of doc.prose) {
    const first = block.sentences[0]?.words.find((w) => !w.masked);
    const span = first && spans.find((x) => first.span.start >= x.start && first.span.start < x.end);
    if (!span) continue;
    for (const w of block.sentences[0].words) if (w.span.start >= span.start && w.span.end <= span.end) labels.add(w.span.start);
  }
}

/** Words a plain label may have in lower case between its capitalised words: "Right to Knowledge and Correction". */
const LABEL_JOINERS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
/** Words that make a clause of the words before a colon ("We Will:", "You Can:"): not a label. */
const LABEL_VERBS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'that', 'this', 'here', 'there']);
const LABEL_MAX_WORDS = 6;

/**
 * Adds to `labels` the words of a plain label that opens a paragraph or list item: one to six capitalised words
 * (small joining words such as "to" and "and" may be lower case), none of them verb-like, then a colon and a
 * capital letter ("Right to Knowledge and Correction: You can ask…"). A run-in heading, like a bold one (issue 14,
 * seed-70 audit). Not "Note that you can: …" (lower-case words), nor a longer run of words.
 */
function plainLabelStarts(doc: Doc, labels: Set<number>): void {
  for (const block of doc.prose) {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    const sentence = block.sentences[0];
    if (!sentence) continue;
    const words = sentence.words.filter((w) => HAS_WORD_CHAR.test(w.text));
    if (!words.length || words[0].masked || words[0].quoted || labels.has(words[0].span.start)) continue;
    for (let i = 0; i < Math.min(words.length - 1, LABEL_MAX_WORDS); i++) {
      const w = words[i];
      if (w.masked || w.quoted || LABEL_VERBS.has(w.lower)) break;
      const capital = STARTS_UPPER.test(w.text);
      if (!capital && (i === 0 || !LABEL_JOINERS.has(w.lower))) break;
      // Only spaces, a hyphen or an apostrophe between the label's words: "Non-essential Cookies".
      const gap = doc.text.slice(w.span.end, words[i + 1].span.start);
      if (gap.startsWith(':')) {
        // A capitalised word ends the label, then a capital letter opens the sentence.
        if (!capital || !/^:[ \t]+$/.test(gap) || !STARTS_UPPER.test(words[i + 1].text)) break;
        for (const x of sentence.words) if (x.span.start >= words[0].span.start && x.span.end <= w.span.end) labels.add(x.span.start);
        break;
      }
      if (!/^[ \t]+$/.test(gap)) break;
    }
  }
}

/** The sentence's first word starts in the span (a customer's turn). */
function firstWordIn(sentence: Sentence, span: Span): boolean {
  const w = sentence.words.find((x) => !x.masked) ?? sentence.words[0];
  return w.span.start >= span.start && w.span.start < span.end;
}

/** Words of link text beyond the first of each link: a linked page's title counts as one word. */
function linkedExtra(words: readonly Word[], inLink: (span: Span) => boolean): number {
  let extra = 0;
  let previous = false;
  words.forEach((w) => {
    const linked = !w.masked && !w.quoted && HAS_WORD_CHAR.test(w.text) && inLink(w.span);
    // Linked words in a row are one link's title.
    if (linked && previous) extra++;
    previous = linked;
  });
  return extra;
}

/**
 * Numbers and letters in brackets that repeat or count ("one (1) business day", "(a) fees, (b) taxes"): a reader
 * passes over them, so they are not words of the sentence (issue 14, 1.14 audit: a 25-word notice clause counted
 * as 27).
 */
function enumerators(words: readonly Word[], text: string): number {
  let n = 0;
  for (const w of words) {
    if (w.masked || w.quoted || !ENUMERATOR.test(w.text)) continue;
    // Not a plural in brackets ("entrance(s)"): the bracket opens after a space.
    const before = text[w.span.start - 2];
    if (text[w.span.start - 1] === '(' && text[w.span.end] === ')' && (before === undefined || /\s/.test(before))) n++;
  }
  return n;
}
const ENUMERATOR = /^(?:\d{1,2}|[a-z]|[ivx]{1,4})$/i;

/** The first few words of a sentence, to name it in the message. */
function opening(words: string[]): string {
  const head = words.filter((w) => HAS_WORD_CHAR.test(w)).slice(0, 5);
  return head.join(' ') + '…';
}
