/**
 * passive-voice: "Your card was charged" hides who charged it. Built on
 * retext-passive's participle list, run on the shared nlcst tree, with
 * changes found on real help-centre text (issue 14):
 *   - retext-passive lists only irregular participles, so it misses "was
 *     charged"; we also take regular "-ed" forms;
 *   - adverbs between the verb and the participle still count ("was
 *     automatically renewed");
 *   - a passive that names who acts is not reported, even when the actor
 *     comes a few words later ("are stored on behalf of you by our partner");
 *   - states are not actions: a participle used as an adjective ("is
 *     located", "are signed in"), a state after "is/are/am" ("the cable is
 *     plugged in", "no LEDs are lit", "if your account is locked"), a
 *     participle with a particle after "is/are" ("is lined up with the
 *     port"), and naming ("is called the anode") hide nobody;
 *   - a state after "must/should/needs to be" when it ends the clause or
 *     takes a place ("must be connected to the board"); where a thing is
 *     ("are saved in the folder"); words that point within the page ("are
 *     listed below"); idioms ("we were made aware");
 *   - but a state becomes an action when the sentence says how or how often
 *     ("is blocked automatically", "is closed within 3 days", "sometimes a
 *     claim is declined because…");
 *   - "get" passives are found ("you got charged twice"), not idioms ("get
 *     started", "got stuck");
 *   - alt text, headings (a topic or a symptom as readers search for it,
 *     often an error's own words), quoted words, bold or code labels, link
 *     text and error text after "error:" are not the writer's sentences.
 * The word lists are in rules/passive-voice.yml; the forms of "to be", the
 * particles and the clause words below are closed-class grammar.
 */
import { defineRule } from '../define-rule.js';
import { table, vendorLists } from '../../lexicon/data.js';
import type { Sentence, Word } from '../../document/prose.js';
import type { Span } from '../../types.js';
import { containedInAny } from '../../document/span-index.js';

/** Forms of "to be" after which a participle may be a state ("is plugged in"). */
const BE_PRESENT = new Set(['am', 'are', 'is', "isn't", "aren't", "'s", "'re", "'m"]);
/** Forms after which it is an action ("was locked", "will be installed", "has been sent"). */
const BE_OTHER = new Set(['were', 'being', 'been', 'was', 'be', "wasn't", "weren't"]);
/** Adverbs and negation that may stand between "to be" and the participle. */
const BETWEEN = new Set(['not', 'also', 'then', 'still', 'never', 'already', 'now', 'always', 'often', 'usually', 'sometimes', 'just', 'only', 'even', 'all', 'both', 'typically', 'generally', 'normally']);
/** Modal verbs between a subject and "be" ("you will be", "you may be"). */
const MODALS = new Set(['will', 'would', 'may', 'might', 'can', 'could', 'must', 'should', 'shall', "won't", "can't", 'cannot']);
/** Particles that make a participle a resulting state after "is/are" ("lined up", "locked out", "zipped together"). */
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'together', 'apart', 'away', 'back']);
/**
 * Words that are particles only at the end of the clause ("the cable is tucked in", "is switched
 * on, and"); before more words they are prepositions ("a fee is applied on the 21st").
 */
const END_PARTICLES = new Set(['in', 'on', 'over', 'through']);
/** Words before "is/are" that say how often: "sometimes a prescription is declined" happens; it is not a state. */
const FREQUENCY = new Set(['sometimes', 'often', 'occasionally', 'usually', 'frequently', 'rarely', 'seldom', 'normally', 'typically', 'generally']);
/** Words after a decision that give its reason: "is declined because…", "is rejected due to…". */
const REASON = new Set(['because', 'due', 'since', 'as']);
/** Words that end the clause a passive is in, when looking for "by …" ahead. */
const CLAUSE_END = new Set(['and', 'but', 'or', 'which', 'that', 'when', 'if', 'because', 'so', 'while', 'where', 'who', 'unless', 'until', 'before', 'after', 'then']);
/** "get charged", "got deleted": a passive with "get" (a state after "get" is an idiom: "get started", "got stuck"). */
const GET = new Set(['get', 'gets', 'got', 'gotten', 'getting']);
/** How many words after the participle "by …" may come ("are stored on behalf of End Users by GitHub"). */
const BY_WINDOW = 8;
/** Words that start a place after a participle of the place list ("saved in", "found on the back"). */
const PLACE_WORDS = new Set(['in', 'inside', 'within', 'on', 'under', 'at', 'locally', 'there', 'next', 'beside', 'behind', 'near', 'outside', 'onto', 'into']);
/** Inline elements whose text is a label, code or a linked page's title ("the **Not connected** status", "[If the board isn't detected](…)"). */
const LABEL_TAGS = ['strong', 'b', 'kbd', 'code', 'samp', 'var', 'a'];

interface Lists {
  adjectival: Set<string>;
  state: Set<string>;
  naming: Set<string>;
  notVerb: Set<string>;
  irregular: Set<string>;
  notActor: Set<string>;
  /** Participles whose "by …" names a cause even with a verb in -ing ("is caused by using an old tool"). */
  cause: Set<string>;
  /** Participles that describe a product's flow when "you" is the subject ("you will be asked"). */
  youFlow: Set<string>;
  participles: Set<string>;
  /** Words right after the participle that point within the document ("are listed below"). */
  deictic: Set<string>;
  /** Words that make a state participle an action even after "is/are" ("is blocked automatically", "is closed within 3 days"). */
  actionCue: Set<string>;
  /** Subjects who follow a product's flow as "you" does ("the user will be asked"). */
  person: Set<string>;
  /** Participles that make an idiom, not a passive, after "get" ("get started", "got stuck"). */
  getIdiom: Set<string>;
  /** Participles that say where a thing is before a place word ("are saved in the Sketchbook folder"). */
  place: Set<string>;
  /** States that are someone's decision ("approved", "declined"): an action when a reason or frequency is given. */
  decision: Set<string>;
  /** A participle and the word after it that make an idiom, not a passive ("made aware"). */
  idiom: Set<string>;
}

let lists: Lists | undefined;

function wordLists(): Lists {
  if (lists) return lists;
  const by = (category: string) => new Set(table('passive-voice').entries.filter((e) => e.category === category).flatMap((e) => e.match.map((m) => m.toLowerCase())));
  // retext-passive's participle list, read from the installed package at build time (same version, same words).
  lists = { adjectival: by('adjectival'), state: by('state'), naming: by('naming'), notVerb: by('not-verb'), irregular: by('irregular'), notActor: by('not-actor'), cause: by('cause'), youFlow: by('you-flow'), participles: new Set(vendorLists().passive), deictic: by('deictic'), actionCue: by('action-cue'), person: by('person'), getIdiom: by('get-idiom'), place: by('place'), decision: by('decision'), idiom: by('idiom') };
  return lists;
}

export default defineRule({
  id: 'passive-voice',
  family: 'plain',
  description: 'Passive constructions that hide who acts',
  defaultSeverity: 'info',
  channels: 'all',
  languages: ['en'],
  fixable: false,
  status: 'stable',
  acceptsVocabulary: true,
  options: {
    type: 'object',
    properties: { ignore: { type: 'array', items: { type: 'string' } }, per: { enum: ['passive', 'paragraph'] } },
    additionalProperties: false,
  },
  defaults: { ignore: [] as string[], per: 'passive' as 'passive' | 'paragraph' },
  // Legal text is passive by habit: in policies one finding per paragraph lists every passive in
  // it, so a paragraph is one thing to rewrite, not five findings.
  channelDefaults: { policy: { per: 'paragraph' } },
  messages: {
    passive: "'{{actual}}' is passive: say who does it",
    passiveMore: '{{list}} are passive: say who does it',
  },
  check(doc, ctx) {
    const l = wordLists();
    const ignore = new Set(ctx.options.ignore.map((w) => w.toLowerCase()));
    // Passives found in the current paragraph, when they are reported one finding a paragraph.
    let held: { span: Span; actual: string; context: Span }[] = [];
    let heldBlock: unknown;
    const flush = () => {
      if (!held.length) return;
      const [first] = held;
      const last = held[held.length - 1];
      // The same words twice in a paragraph are named once.
      const others = [...new Set(held.slice(1).map((h) => `'${h.actual}'`))].filter((o) => o !== `'${first.actual}'`);
      ctx.report({
        messageId: others.length ? 'passiveMore' : 'passive',
        span: others.length ? { start: first.span.start, end: last.span.end } : first.span,
        data: { actual: first.actual, list: listOf([`'${first.actual}'`, ...others]) },
        context: first.context,
        source: 'retext-passive',
      });
      held = [];
    };
    let labels: ((span: Span) => boolean) | undefined;
    const inLabel = (span: Span) => {
      if (!labels) {
        const spans: Span[] = [];
        for (const tag of LABEL_TAGS) {
          for (const el of doc.elements(tag)) {
            const s = el.position?.start?.offset;
            const e = el.position?.end?.offset;
            if (s !== undefined && e !== undefined) spans.push({ start: s, end: e });
          }
        }
        // A binary search, not a scan per candidate: 20,000 bold labels must not make the rule quadratic (issue 20).
        labels = containedInAny(spans);
      }
      return labels(span);
    };
    for (const sentence of doc.sentences) {
      const block = sentence.block;
      // Quoted mail or customer words are not the writer's to change; alt text describes a picture.
      if (block.quote || block.kind === 'alt') continue;
      // A heading names a topic or a symptom as readers search for it ("If the invite email is not
      // received", "variable was not declared in this scope"): not a sentence to make active.
      if (block.kind === 'heading') continue;
      const words = sentence.words;
      // The forms of "to be" already reported in this sentence.
      const reportedBe = new Set<number>();
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        if (w.masked || w.quoted || !isParticiple(w.lower, l) || ignore.has(w.lower)) continue;
        if (l.adjectival.has(w.lower) || l.naming.has(w.lower)) continue;
        // "we were made aware", "is made available to": an idiom with an adjective, listed in the YAML.
        if (l.idiom.has(`${w.lower} ${words[i + 1]?.lower ?? ''}`)) continue;
        let be = beVerbBefore(words, i);
        // "must be prepared and sent within 3 years": the second participle shares the first one's "be"
        // (only when the first was not reported itself, so one passive is one finding).
        if (be === -1) {
          const shared = coordinatedBe(words, i, l);
          if (shared !== -1 && !reportedBe.has(shared)) be = shared;
        }
        // "You were charged twice" and "you got charged twice" are the same passive.
        const viaGet = be === -1 ? getBefore(words, i) : -1;
        if (be === -1 && viaGet === -1) continue;
        if (viaGet !== -1) {
          if (l.state.has(w.lower) || l.getIdiom.has(w.lower)) continue;
          be = viaGet;
        }
        // "are listed below", "is described above": the sentence points within the page; nobody's action is hidden.
        if (l.deictic.has(words[i + 1]?.lower ?? '')) continue;
        // "will be installed", "has been locked", "was set up": actions; "is installed", "are lit",
        // "may already be installed", "is now assembled": states.
        // "must be connected", "should be switched on", "needs to be plugged in": a state that is required,
        // as after "is"; but "will be locked", "may be disconnected", "can be enabled" (you can enable it) and a decision
        // ("needs to be approved": by whom?) are actions.
        const present = BE_PRESENT.has(words[be].lower) || words.slice(be + 1, i).some((x) => x.lower === 'already' || x.lower === 'still' || x.lower === 'now') || (conditionBefore(words, be) && !l.decision.has(w.lower) && stateEnds(sentence, i));
        // ... unless a word says when or how often it happens: "is blocked automatically", "is closed within 3 days",
        // or how it is done: "must be enabled by connecting two pads".
        const state = present && !actionCued(words, be, i, l.actionCue) && !byMeans(words, i);
        // A decision is a status ("if your card is declined") unless the sentence says how often or why
        // it happens ("sometimes a prescription is declined because…"): then someone decides.
        // So is a rule the sentence states: the result after an "if" clause ("If you miss three classes, your
        // access is paused") or what happens to a whole kind of thing ("Files over 500 MB are rejected").
        const decided = l.decision.has(w.lower) && (sentence.words.slice(0, be).some((x) => FREQUENCY.has(x.lower)) || words.slice(i + 1, i + 4).some((x) => REASON.has(x.lower)) || ruleStated(sentence, be));
        if (state && l.state.has(w.lower) && !decided) continue;
        // "are saved in the Sketchbook folder", "is found on the back": where it is.
        if (state && l.place.has(w.lower) && PLACE_WORDS.has(words[i + 1]?.lower ?? '')) continue;
        // "can be found in the Examples menu", "may be found at this address": where it is, after "can/may be" too.
        if (w.lower === 'found' && words[be].lower === 'be' && POSSIBLE.has(words[be - 1]?.lower ?? '') && (PLACE_WORDS.has(words[i + 1]?.lower ?? '') || /^\s*:/.test(block.text.slice(w.end, w.end + 3)))) continue;
        // "is lined up with", "are locked out": a resulting state.
        if (state && particleAfter(sentence, i) && words[i + 2]?.lower !== 'by') continue;
        if (namesTheActor(words, i, l, l.cause.has(w.lower))) continue;
        // "You will be asked to sign in", "you'll be taken to your account": a step in the product's own
        // flow, where the screen is plainly the one acting.
        if (l.youFlow.has(w.lower) && subjectIsYou(words, be, l.person)) continue;
        if (afterErrorLabel(sentence, be)) continue;
        const span = block.spanOf(words[be].start, w.end);
        if (inLabel(span)) continue;
        reportedBe.add(be);
        const actual = block.text.slice(words[be].start, w.end).replace(/\s+/g, ' ');
        if (ctx.options.per === 'paragraph') {
          if (heldBlock !== block) flush();
          heldBlock = block;
          held.push({ span, actual, context: sentence.span });
          continue;
        }
        ctx.report({ messageId: 'passive', span, data: { actual }, context: sentence.span, source: 'retext-passive' });
      }
    }
    flush();
  },
});

/** "'a'", "'a' and 'b'", "'a', 'b', 'c' and 2 more". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > 3) return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function isParticiple(lower: string, l: Lists): boolean {
  if (l.notVerb.has(lower)) return false;
  if (l.participles.has(lower) || l.irregular.has(lower) || l.state.has(lower)) return true;
  return lower.length >= 5 && lower.endsWith('ed') && !lower.endsWith('eed') && /^[a-z]+$/.test(lower);
}

/** Index of the form of "to be" before word i, allowing up to two adverbs in between ("is not always shown"). */
function beVerbBefore(words: Word[], i: number): number {
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= 2; j--, skipped++) {
    const lower = words[j].lower;
    if (BE_PRESENT.has(lower) || BE_OTHER.has(lower)) return j;
    if (!(lower.endsWith('ly') || BETWEEN.has(lower))) return -1;
  }
  return -1;
}

/** Modals of possibility before "be found" ("can be found in the store"). */
const POSSIBLE = new Set(['can', 'may', 'could', 'might', 'usually', 'also', 'now', 'often', 'always']);
/** Words that open a condition clause: "If you miss three classes, …". */
const CONDITION_OPENERS = new Set(['if', 'when', 'once', 'whenever']);
/** Words that show the passive is not the main clause's own ("…, it means the agent is paused", "…, check that it is locked"). */
const SUBJECT_STOP = new Set(['it', 'you', 'we', 'they', 'that', 'means', 'indicates', 'shows', 'check', 'see', 'make', 'sure', 'whether', 'if', 'then', 'so']);
/** Words that start a subject with a determiner, so it is not a whole kind of thing. */
const NOT_GENERIC = new Set(['this', 'these', 'those', 'its', 'his', 'her', 'their', 'your', 'our', 'my', 'is', 'was', 'yes', 'as', 'thus', 'perhaps', 'sometimes', 'always', 'unless']);

/**
 * The sentence states a rule: the passive is the result after a condition clause ("If you miss three
 * classes, your access is paused"), or its subject is a bare plural at the start ("Files longer than
 * four hours are rejected"). A status inside the condition ("If your card is declined, …") is not.
 */
function ruleStated(sentence: Sentence, be: number): boolean {
  const words = sentence.words;
  if (!words.length) return false;
  const text = sentence.block.text;
  const first = words[0].lower;
  if (CONDITION_OPENERS.has(first)) {
    // The passive's subject comes right after the comma: "…, your access is paused", not "…, it means the agent is paused".
    for (let j = 1; j < be; j++) {
      if (!/,/.test(text.slice(words[j - 1].end, words[j].start))) continue;
      return be - j <= 4 && !words.slice(j, be).some((x) => SUBJECT_STOP.has(x.lower));
    }
    return false;
  }
  // "Files longer than four hours are rejected": a plural noun with no determiner, then "are".
  if (words[be].lower !== 'are' || be > 6) return false;
  return /^[a-z]{3,}s$/.test(first) && !first.endsWith('ss') && !NOT_GENERIC.has(first);
}

/** "be prepared and sent": the "be" before the participle two words back, over "and" or "or". */
function coordinatedBe(words: Word[], i: number, l: Lists): number {
  if (i < 3) return -1;
  const link = words[i - 1].lower;
  if (link !== 'and' && link !== 'or') return -1;
  // "be filled in and sent": a particle may end the first participle.
  const at = PARTICLES.has(words[i - 2].lower) || END_PARTICLES.has(words[i - 2].lower) ? i - 3 : i - 2;
  const first = words[at];
  if (first.masked || first.quoted || !isParticiple(first.lower, l)) return -1;
  const be = beVerbBefore(words, at);
  // "is installed and trusted", "is lost or stolen": after "is/are" both are states, as the first one is.
  return be !== -1 && BE_PRESENT.has(words[be].lower) ? -1 : be;
}

/** Index of "get" before word i, allowing one adverb in between ("got charged", "gets automatically renewed"). */
function getBefore(words: Word[], i: number): number {
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= 1; j--, skipped++) {
    const lower = words[j].lower;
    if (GET.has(lower)) return j;
    if (!(lower.endsWith('ly') || BETWEEN.has(lower))) return -1;
  }
  return -1;
}

/**
 * Modals and "to" before "be" that make a required state: "must be", "should be", "needs to be".
 * "May be" and "could be" are not here: "your service may be disconnected" is a threat of an action.
 */
const CONDITION = new Set(['must', 'should', 'to']);

/** "be" after "must", "should not", "needs to": the participle may name a state. */
function conditionBefore(words: Word[], be: number): boolean {
  if (words[be].lower !== 'be') return false;
  for (let j = be - 1, skipped = 0; j >= 0 && skipped <= 2; j--, skipped++) {
    const lower = words[j].lower;
    if (CONDITION.has(lower)) return true;
    if (!(lower.endsWith('ly') || BETWEEN.has(lower))) return false;
  }
  return false;
}

/** Words after "to" that make a place, not a purpose ("connected to the board", not "taken to calibrate"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'its', 'their', 'this', 'that', 'our', 'each', 'both', 'any']);

/**
 * After "must be" or "needs to be", a state reads as one only when it ends the clause ("should be
 * closed."), takes a particle ("must be plugged in") or a place ("must be connected to the board");
 * "the steps should be taken to calibrate" and "need to be loaded with a sketch" are actions.
 */
function stateEnds(sentence: Sentence, i: number): boolean {
  const words = sentence.words;
  const next = words[i + 1];
  if (!next) return true;
  if (/^[,;:)—–]/.test(sentence.block.text.slice(words[i].end, next.start).trim())) return true;
  if (PARTICLES.has(next.lower) || END_PARTICLES.has(next.lower) || CLAUSE_END.has(next.lower)) return true;
  return (next.lower === 'to' || next.lower === 'into') && DETERMINERS.has(words[i + 2]?.lower ?? '');
}

/** "by connecting", "by clicking" in the few words after the participle: how someone does it. */
function byMeans(words: Word[], i: number): boolean {
  for (let j = i + 1; j < words.length && j <= i + 4; j++) {
    if (CLAUSE_END.has(words[j].lower)) return false;
    if (words[j].lower === 'by' && words[j + 1]?.lower.endsWith('ing')) return true;
  }
  return false;
}

/** A particle after word i: "lined up", "locked out"; "in", "on" only at the end of the clause ("is tucked in."). */
function particleAfter(sentence: Sentence, i: number): boolean {
  const words = sentence.words;
  const next = words[i + 1];
  if (!next || next.masked) return false;
  if (PARTICLES.has(next.lower)) return true;
  if (!END_PARTICLES.has(next.lower)) return false;
  const after = words[i + 2];
  if (!after) return true;
  if (/^[,;:)—–]/.test(sentence.block.text.slice(next.end, after.start).trim())) return true;
  return CLAUSE_END.has(after.lower) || after.lower === 'all' || after.lower === 'properly' || after.lower === 'correctly' || after.lower === 'securely' || after.lower === 'firmly' || after.lower === 'fully';
}

/** A word between "to be" and the participle, or in the few words after it, says when or how often: an action. */
function actionCued(words: Word[], be: number, i: number, cues: Set<string>): boolean {
  for (let j = be + 1; j < i; j++) if (cues.has(words[j].lower)) return true;
  for (let j = i + 1; j < words.length && j <= i + 4; j++) {
    const lower = words[j].lower;
    if (CLAUSE_END.has(lower)) return false;
    // "within 3 days" is a time; "within a folder" is a place.
    if (lower === 'within') {
      if (/^(\d|one$|two$|three$|four$|five$|six$|seven$|ten$|24$|48$|a$|an$|the$|few$|several$)/.test(words[j + 1]?.lower ?? '') && TIME_UNIT.test(words.slice(j + 1, j + 4).map((x) => x.lower).join(' '))) return true;
      continue;
    }
    if (cues.has(lower)) return true;
    // "every month", "each year": how often makes it an event ("on Friday" does not: "the store is closed on Sundays").
    if ((lower === 'every' || lower === 'each') && TIME_UNIT.test(words.slice(j + 1, j + 3).map((x) => x.lower).join(' '))) return true;
  }
  return false;
}


/** Units of time after "within" ("within 3 days", "within a few hours", "within the next week"). */
const TIME_UNIT = /\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|business|working|hrs?|mins?)\b/;

/** The subject before "to be", over modals and adverbs: "you will be", "you'll then be", "the user may be". */
function subjectIsYou(words: Word[], be: number, person: Set<string>): boolean {
  for (let j = be - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) {
    const lower = words[j].lower;
    if (lower === 'you' || lower === "you'll" || lower === "you're" || person.has(lower)) return true;
    if (!(MODALS.has(lower) || BETWEEN.has(lower) || lower.endsWith('ly') || lower === "'ll" || lower === 'have' || lower === 'has')) return false;
  }
  return false;
}

/** "was approved by your bank", "are stored on behalf of you by our partner": the actor is named, so nothing is hidden. */
function namesTheActor(words: Word[], i: number, l: Lists, cause: boolean): boolean {
  const notActor = l.notActor;
  for (let j = i + 1; j < words.length && j <= i + BY_WINDOW; j++) {
    const lower = words[j].lower;
    // "are processed and distributed by Stripe": one actor for both participles.
    if ((lower === 'and' || lower === 'or') && words[j + 1] && isParticiple(words[j + 1].lower, l)) continue;
    if (CLAUSE_END.has(lower)) return false;
    if (lower !== 'by') continue;
    const after = words[j + 1];
    if (!after) return false;
    const two = `${after.lower} ${words[j + 2]?.lower ?? ''}`;
    // "by clicking Save", "by mistake", "by Friday", "by the end of the day": a way or a time, not an actor.
    // After "caused by", "triggered by", a verb in -ing names the cause ("is caused by using an old tool").
    if (cause) return true;
    if (after.lower.endsWith('ing') || notActor.has(after.lower) || notActor.has(two) || /^\d/.test(after.text)) return false;
    return true;
  }
  return false;
}

/** "You see the error: Board is not detected" — the words after "error:" are the message, not the writer's. */
function afterErrorLabel(sentence: Sentence, be: number): boolean {
  const text = sentence.block.text;
  const beStart = sentence.words[be].start;
  const colon = text.lastIndexOf(':', beStart);
  if (colon < sentence.start) return false;
  return /\b(error|errors|message|messages|warning|alert|says|reads|shows|output|prompt|notice|status)\b[^:]{0,30}$/i.test(text.slice(Math.max(sentence.start, colon - 60), colon));
}
