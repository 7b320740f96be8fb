/**
 * The blame-language sentence model (rules/blame-language.model.json, trained
 * by scripts/train-blame-model.mjs): the features of one reply sentence, the
 * shape that lets the model speak at all, and the score.
 *
 * The model only speaks about a sentence whose grammar points at the
 * customer's past action or knowledge (its "cue"): "you" with a past or
 * perfect verb ("you entered", "you've voided", "you didn't"), hindsight
 * ("should have been", "if you had", "had you"), their details as the cause
 * ("your address was"), a reference to an earlier message or to what they
 * agreed ("as I said", "in my last email", "you accepted"), a step not taken
 * ("was not submitted"), or hindsight advice ("next time"). The cue is what
 * the rule quotes, so a message names the words that carry the blame, never a
 * topic word the model happened to weigh.
 *
 * The same code makes the features when the model is trained and when the
 * rule runs, so the two never drift apart.
 */
import { expandWord, regularBaseOf } from './lemma.js';
import { logisticScore, modelSlot, type LogisticModel } from './logistic.js';

/** What the features read of a word (a Word of the prose model fits). */
export interface FeatureWord {
  lower: string;
  masked: boolean;
  quoted: boolean;
}

/** A token: one reading of a written word (a contraction gives two), and the index of that word. */
interface Token {
  w: string;
  at: number;
}

/** Irregular past forms and participles (grammar, not wording). */
const IRREGULAR_PAST = new Set(
  'was were been had did done said told made got gotten gave given took taken went gone came saw seen knew known thought wrote written sent left lost meant kept put set heard held found felt forgot forgotten paid spent bought brought caught understood misunderstood broke broken chose chosen spoke spoken fell fallen ran began begun rang rung shut cut hung sold sat woke woken drove driven dealt led won hit threw thrown wore worn tore torn stuck built lent shook shaken stole stolen ate eaten drew drawn grew grown flew flown swore sworn mistook mistaken forgave forgiven let quit upset overlooked misread'.split(' '),
);
const MODAL = new Set(['should', 'could', 'would', 'might', 'must', 'ought', 'may']);
const NEG = new Set(['not', 'never', 'no']);
const BE_PAST = new Set(['was', 'were']);
const SELF = new Set(['i', 'we']);
const ADVERB_GAP = new Set(['already', 'just', 'only', 'also', 'clearly', 'definitely', 'probably', 'accidentally', 'actually', 'then', 'both', 'all', 'originally', 'previously', 'obviously', 'simply', 'still', 'ever', 'never', 'not', 'really', 'mistakenly', 'maybe', 'likely']);
/** Verbs of telling and showing: a reminder that they were told. */
const TOLD = new Set(['say', 'mention', 'explain', 'state', 'tell', 'advise', 'note', 'outline', 'inform', 'remind', 'point', 'highlight', 'warn', 'show', 'list', 'print', 'display', 'publish', 'post', 'specify', 'detail', 'describe', 'confirm', 'write', 'send', 'email', 'flag', 'stress', 'reiterate', 'clarify', 'indicate', 'cover']);
const EARLIER = new Set(['previous', 'earlier', 'last', 'original', 'first', 'prior', 'above', 'before', 'already']);
const MESSAGE = new Set(['email', 'message', 'reply', 'response', 'note', 'letter', 'call', 'chat', 'conversation', 'text', 'notice', 'mail', 'post', 'comment', 'ticket', 'update', 'reminder', 'reminders', 'emails', 'messages', 'letters', 'notices', 'texts']);
const AGREE = new Set(['agree', 'accept', 'sign', 'consent', 'acknowledge', 'tick', 'check', 'confirm', 'opt', 'choose', 'select', 'pick', 'approve']);
const TERMS = new Set(['terms', 'conditions', 'policy', 'agreement', 'contract', 't&cs', 'ts&cs', 'tcs', 'print', 'wording', 'rules', 'faq', 'guide', 'manual', 'instructions', 'label', 'page']);
/** Things a customer was given to read: "it's in the welcome pack", "the manual says". */
const DOCS = new Set(['email', 'emails', 'message', 'letter', 'terms', 'conditions', 'policy', 'pack', 'confirmation', 'page', 'agreement', 'contract', 'faq', 'faqs', 'guide', 'manual', 'label', 'box', 'sign', 'schedule', 'paperwork', 'quote', 'invoice', 'receipt', 'website', 'site', 'app', 'screen', 'text', 'reminder', 'reminders', 'notice', 'checklist', 'handbook', 'leaflet', 'card', 'booklet', 'instructions', 'print', 'wording', 'listing', 'description', 'form', 'document', 'documents', 'newsletter', 'section', 'clause', 'details', 'summary', 'checkout', 'letters', 'sheet']);
/** "sign in", "opt out", "check in": a step, not an agreement. */
const PARTICLE = new Set(['in', 'into', 'up', 'out', 'on', 'off', 'back', 'over']);
const CONDITION = new Set(['if', 'when', 'once', 'as', 'after', 'before', 'until', 'unless', 'whether']);
const PERSON = new Set(['you', 'we', 'i', 'they', 'he', 'she']);
const COMPOUND = new Set(['address', 'addresses', 'account', 'accounts', 'provider', 'settings', 'app']);
const BE = new Set(['is', 'are', 'was', 'were']);
const SIDE = new Set(['end', 'side', 'responsibility', 'fault', 'part', 'doing']);
const HINDSIGHT_ADVICE: string[][] = [['next', 'time'], ['in', 'future'], ['in', 'the', 'future'], ['going', 'forward'], ['future', 'reference'], ['from', 'now', 'on'], ['for', 'future'], ['bear', 'in', 'mind'], ['top', 'tip'], ['ideally']];
/** Counting how often it was asked or answered: "for the third time", "three times already", "the same question". */
const ORDINAL = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'umpteenth', 'nth', '2nd', '3rd', '4th', '5th']);
const COUNT = new Set(['two', 'three', 'four', 'five', 'several', 'multiple', 'many', 'numerous', 'few', '2', '3', '4', '5']);
const SAME = new Set(['question', 'thing', 'answer', 'query', 'request', 'issue', 'point', 'message']);
/** Verbs of going over something with them: "I went through this with you". */
const WENT_OVER = new Set(['go', 'answer', 'reply', 'respond', 'cover', 'discuss', 'put', 'run', 'talk', 'walk', 'explain', 'tell', 'say', 'mention', 'flag', 'send', 'advise', 'warn', 'remind', 'inform']);
/**
 * Emphatic "do" before a verb of advising or putting in writing (session 1.10): "we did recommend the
 * firmer one", "we do put the date in three places", "the technician did go through all this with you".
 */
const ADVISED = new Set(['recommend', 'suggest', 'ask', 'include', 'put', 'list', 'print', 'advise']);
function emphaticTold(t: Token[], v: number): boolean {
  const w = t[v]?.w ?? '';
  if (ADVISED.has(w)) return true;
  return (w === 'go' || w === 'talk' || w === 'walk' || w === 'run') && (t[v + 1]?.w === 'through' || t[v + 1]?.w === 'over' || t[v + 2]?.w === 'through');
}

/** How easy the other way was: "you could've just asked", "it could have simply been" (session 1.10). */
const EASILY = new Set(['just', 'simply', 'easily', 'always']);
/** Verbs of asking again: "you've asked three times", "you've called twice". */
const ASKED = new Set(['ask', 'call', 'contact', 'chase', 'email', 'message', 'write', 'raise', 'request', 'ring', 'phone']);
/** A time before this message: "on Monday", "yesterday", "last week", "back in January", "then". */
const BEFORE_NOW = new Set(['yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'last', 'earlier', 'ago', 'previously', 'already', 'then', 'before', 'back', 'originally']);
/** Words that stress it could not be missed: "right there", "clearly", "in bold". */
const STRESS = new Set(['clearly', 'explicitly', 'plainly', 'obviously', 'prominently', 'specifically', 'expressly']);
/** Others as the measure: "everyone else manages", "most people don't". */
const OTHERS_HEAD = new Set(['most', 'other', 'everyone', 'everybody', 'nobody', 'anyone']);
/** People a reply may measure the customer against (word class, not wording). */
const PEOPLE = new Set(['people', 'customers', 'clients', 'members', 'users', 'guests', 'tenants', 'patients', 'players', 'drivers', 'riders', 'owners', 'parents', 'students', 'brides', 'couples', 'travellers', 'travelers', 'passengers', 'buyers', 'shoppers', 'residents', 'subscribers', 'callers', 'folks', 'families', 'learners', 'renters', 'homeowners', 'sellers', 'gamers', 'diners', 'visitors']);
/** How to read it: "read it properly", "read the guide again before…". */
const READ_HOW = new Set(['properly', 'carefully', 'thoroughly', 'fully', 'again', 'beforehand', 'before', 'first', 'next', 'this']);

/** A past form or participle: irregular, or a regular -ed longer than four letters. */
export function isPast(w: string): boolean {
  return IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed'));
}

const lemmas = new Map<string, string>();
const IRREGULAR_BASE = new Map<string, string>([
  ['said', 'say'], ['told', 'tell'], ['made', 'make'], ['got', 'get'], ['gave', 'give'], ['given', 'give'], ['took', 'take'], ['taken', 'take'],
  ['went', 'go'], ['gone', 'go'], ['came', 'come'], ['saw', 'see'], ['seen', 'see'], ['knew', 'know'], ['known', 'know'], ['wrote', 'write'],
  ['written', 'write'], ['sent', 'send'], ['left', 'leave'], ['lost', 'lose'], ['kept', 'keep'], ['heard', 'hear'], ['held', 'hold'],
  ['found', 'find'], ['forgot', 'forget'], ['forgotten', 'forget'], ['paid', 'pay'], ['bought', 'buy'], ['brought', 'bring'], ['chose', 'choose'],
  ['chosen', 'choose'], ['broke', 'break'], ['broken', 'break'], ['was', 'be'], ['were', 'be'], ['been', 'be'], ['is', 'be'], ['are', 'be'],
  ['am', 'be'], ['had', 'have'], ['has', 'have'], ['did', 'do'], ['done', 'do'], ['does', 'do'], ['shown', 'show'], ['understood', 'understand'],
]);

/** The lemma of a word: a verb or plural noun form taken back to its base when the base makes it. */
export function lemmaOf(w: string): string {
  let l = lemmas.get(w);
  if (l !== undefined) return l;
  l = IRREGULAR_BASE.get(w) ?? (CLOSED.has(w) ? w : undefined);
  l ??= regularBaseOf(w) ?? w;
  lemmas.set(w, l);
  return l;
}

/** The words as tokens: quoted and masked words left out, contractions read ("you'd told" → you had told). */
export function tokensOf(words: readonly FeatureWord[]): Token[] {
  const out: Token[] = [];
  words.forEach((word, at) => {
    if (word.masked || word.quoted || !/[a-z]/i.test(word.lower)) return;
    const readings = expandWord(word.lower);
    const next = words[at + 1]?.lower ?? '';
    for (const alts of readings) {
      let w = alts[0];
      // "'d": had before a past form ("you'd told"), would otherwise ("you'd have").
      if (alts.length > 1 && alts.includes('had')) w = next !== 'have' && isPast(next) ? 'had' : 'would';
      else if (alts.length > 1 && alts.includes('has')) w = isPast(next) && next !== 'been' ? 'has' : 'is';
      out.push({ w: w.replace(/[’]/g, "'"), at });
    }
  });
  return out;
}

/** Plain acts of giving, sending or choosing: the verb of a clause that only names a thing ("the report you uploaded"). */
const PLAIN_ACT = new Set(['enter', 'upload', 'choose', 'pick', 'select', 'give', 'provide', 'send', 'submit', 'type', 'go', 'order', 'book', 'use', 'supply', 'fill', 'add', 'attach', 'buy', 'key', 'input', 'list', 'register', 'put', 'leave', 'opt', 'place', 'make', 'request']);
/** A short word that may end the relative clause after its verb: "the address you gave us", "the finish you went for". */
const AFTER_ACT = new Set(['us', 'me', 'in', 'on', 'for', 'up', 'out', 'at', 'to', 'with', 'through', 'online']);
/** Words that start an object after the verb: then "you" is the subject of a clause of its own. Not "it": a comma may stand before it. */
const OBJECT_START = new Set(['the', 'a', 'an', 'your', 'this', 'these', 'those', 'his', 'her', 'their', 'my', 'our', 'some', 'any', 'two', 'three']);
const NOUN_DETERMINER = new Set(['the', 'your', 'this', 'these', 'those']);
/** Words that make the named thing the error ("the wrong address you entered"): then the clause blames. */
const ERROR_WORD = new Set(['wrong', 'incorrect', 'invalid', 'old', 'outdated', 'expired', 'incomplete', 'mistyped', 'misspelled', 'misspelt', 'faulty', 'damaged', 'broken', 'same']);

/**
 * Whether words[first..last] is only a noun's relative clause that names a thing: "the police report you uploaded",
 * "the details you entered", "the finish you went for". A determiner and a noun stand before "you", the verb is a
 * plain act of giving, sending or choosing, and the words end at the verb (or one short word after it). Alone it
 * tells the writer nothing, so a stronger cue in the sentence takes the quote (session 1.14, issue 13). Not "the
 * wrong address you entered" (the thing named as the error) nor "you entered the wrong address" (no noun before).
 */
export function namesOnly(words: readonly FeatureWord[], first: number, last: number): boolean {
  const t = tokensOf(words);
  const i = t.findIndex((x) => x.at === first);
  if (i < 2 || t[i].w !== 'you') return false;
  let j = skipGap(t, i + 1);
  if (['have', 'had', 'has'].includes(t[j]?.w ?? '')) j = skipGap(t, j + 1);
  const v = t[j];
  if (!v || !isPast(v.w) || !PLAIN_ACT.has(lemmaOf(v.w))) return false;
  // The words end at the verb or one short word after it ("you gave us", "you went for"), and no object follows:
  // in "on the app you ordered the 40 mg pack", "you ordered" has its own object, so it is a clause of its own.
  const after = t[j + 1]?.w ?? '';
  const short = AFTER_ACT.has(after);
  if (last > (short ? t[j + 1].at : v.at)) return false;
  const next = t[after === 'us' || after === 'me' ? j + 2 : j + 1]?.w ?? '';
  if (OBJECT_START.has(next) || /^\d/.test(next)) return false;
  // The noun before "you", then up to three words of its noun phrase back to a determiner ("the GP surgery details").
  const noun = t[i - 1].w;
  if (CLOSED.has(noun) || isPast(noun) || noun.endsWith('ing') || noun.endsWith('ly')) return false;
  for (let k = i - 2; k >= Math.max(0, i - 5); k--) {
    const w = t[k].w;
    if (NOUN_DETERMINER.has(w)) return true;
    if (CLOSED.has(w) || ERROR_WORD.has(w) || isPast(w)) return false;
  }
  return false;
}

/** The grammar shape that lets the model speak: which kind, and the words it covers (indexes into the words given). */
export interface BlameCue {
  kind: 'hindsight' | 'you-did' | 'your-details' | 'reminder' | 'agreed' | 'step-missed' | 'advice' | 'documented' | 'cause' | 'your-side' | 'repeat' | 'emphasis' | 'others' | 'sarcasm' | 'their-failure' | 'question' | 'duty' | 'choice' | 'backhanded' | 'scold';
  first: number;
  last: number;
}

const starts = (t: Token[], i: number, seq: string[]) => seq.every((s, k) => t[i + k]?.w === s);

/** Skips adverbs and "not" after index i: the index of the next content token. */
function skipGap(t: Token[], i: number, max = 2): number {
  let j = i;
  while (j < t.length && j - i < max && ADVERB_GAP.has(t[j].w)) j++;
  return j;
}

/** Every cue in the sentence, in order. */
export function blameCues(words: readonly FeatureWord[]): BlameCue[] {
  const t = tokensOf(words);
  const out: BlameCue[] = [];
  const add = cueAdder(t, out);
  for (let i = 0; i < t.length; i++) {
    const w = t[i].w;
    const prev = t[i - 1]?.w ?? '';
    // Hindsight: modal + (not) + have + participle, unless we are the subject ("I should have mentioned it").
    if (MODAL.has(w) && !SELF.has(prev)) {
      let j = i + 1;
      if (t[j]?.w === 'to') j++;
      j = skipGap(t, j);
      // "you could've just asked": "just", "simply" or "easily" may stand between "have" and the participle (session 1.10;
      // not "may have accidentally entered", a guess about what happened).
      const p = t[j]?.w === 'have' && EASILY.has(t[j + 1]?.w ?? '') && t[j + 2] && isPast(t[j + 2].w) ? j + 1 : j;
      if (t[j]?.w === 'have' && t[p + 1] && (isPast(t[p + 1].w) || !CLOSED.has(t[p + 1].w))) {
        const endAt = t[p + 1].w === 'been' && t[p + 2] ? p + 2 : p + 1;
        add('hindsight', prev === 'you' || prev === 'it' || prev === 'this' ? i - 1 : i, endAt);
        continue;
      }
    }
    // "if you had…", "had you…", "had the box been ticked".
    if ((w === 'if' && t[i + 1]?.w === 'you' && t[i + 2]?.w === 'had') || (w === 'had' && t[i + 1]?.w === 'you' && prev !== 'you')) {
      add('hindsight', i, Math.min(t.length - 1, i + 3));
      continue;
    }
    // "Had the order come in on time, …": a sentence that opens with "had" is hindsight.
    if (w === 'had' && i === 0 && t.length > 3) {
      add('hindsight', i, Math.min(t.length - 1, i + 3));
      continue;
    }
    // "if the form had been signed", "had the filter been cleaned".
    if (w === 'if' || w === 'had') {
      const k = t.slice(i + 1, i + 7).findIndex((x, n) => (w === 'if' ? x.w === 'had' : x.w === 'been') && t[i + 2 + n] && isPast(t[i + 2 + n].w));
      if (k >= 0) {
        const end = i + 2 + k;
        add('hindsight', i, t[end].w === 'been' && t[end + 1] && isPast(t[end + 1].w) ? end + 1 : end);
        continue;
      }
    }
    // "you" + past or perfect: "you entered", "you've voided", "you didn't", "you were told".
    // Not an instruction: "make sure you have installed it", "check that you entered it".
    if (w === 'you' && !CONDITION.has(prev) && prev !== 'thank' && prev !== 'that' && prev !== 'sure' && prev !== 'ensure') {
      const j = skipGap(t, i + 1);
      const v = t[j]?.w ?? '';
      if ((v === 'have' || v === 'had' || v === 'has') && t[j + 1]) {
        const k = skipGap(t, j + 1);
        if (t[k] && isPast(t[k].w) && t[k].w !== 'been') {
          add('you-did', i, k + (t[k + 1] ? 1 : 0));
          continue;
        }
      }
      if (v === 'did' && t[j + 1]?.w === 'not') {
        add('you-did', i, Math.min(t.length - 1, j + 2));
        continue;
      }
      if (isPast(v) && v !== 'had' && v !== 'been') {
        // "you left it", "you typed in": the verb and a short word after it; else the verb alone.
        add('you-did', i, j + (t[j + 1] && (PARTICLE.has(t[j + 1].w) || ['it', 'them', 'this', 'that'].includes(t[j + 1].w)) ? 1 : 0));
        continue;
      }
      if (NEG.has(t[i + 1]?.w ?? '') && t[i + 2] && isPast(t[i + 2].w)) {
        add('you-did', i, i + 2);
        continue;
      }
    }
    // Their details as the cause: "your address was incomplete".
    if (w === 'your') {
      for (let k = i + 1; k <= i + 4 && k < t.length; k++) {
        if (BE_PAST.has(t[k].w) && t[k + 1]) {
          add('your-details', i, k + 1);
          break;
        }
        if (['is', 'are', 'will', 'can', 'to', 'and', 'has', 'have'].includes(t[k].w)) break;
      }
    }
    // A reminder: "as I said", "like we mentioned", "per my last email", "in our previous reply", "we already told you".
    // "like" only as "like I said" (not "if you'd like the visits covered").
    if ((w === 'as' || w === 'per' || (w === 'like' && SELF.has(t[i + 1]?.w ?? ''))) && t[i + 1]) {
      for (let k = i + 1; k <= i + 4 && k < t.length; k++) {
        const l = lemmaOf(t[k].w);
        if (TOLD.has(l) && isPast(t[k].w)) {
          add('reminder', i, k);
          break;
        }
        if (EARLIER.has(t[k].w) && t[k + 1] && MESSAGE.has(t[k + 1].w)) {
          add('reminder', i, k + 1);
          break;
        }
      }
    }
    // "what I put in my message this morning": our own earlier message.
    if ((w === 'my' || w === 'our') && MESSAGE.has(t[i + 1]?.w ?? '') && !COMPOUND.has(t[i + 2]?.w ?? '') && (prev === 'in' || prev === 'per')) add('reminder', i - 1, i + 1);
    // "in my last email" (not "the previous email address").
    if (EARLIER.has(w) && w !== 'already' && w !== 'before' && t[i + 1] && MESSAGE.has(t[i + 1].w) && !COMPOUND.has(t[i + 2]?.w ?? '') && (prev === 'my' || prev === 'our' || prev === 'the' || prev === 'that')) add('reminder', i - 1, i + 1);
    if (w === 'already' && t[i + 1] && TOLD.has(lemmaOf(t[i + 1].w)) && isPast(t[i + 1].w)) add('reminder', SELF.has(prev) || prev === 'have' ? i - 1 : i, i + 1);
    if (w === 'again' && i === 0) add('reminder', i, i);
    // What they agreed to: "you accepted", "you agreed", "the terms you signed".
    if (isPast(w) && AGREE.has(lemmaOf(w)) && !PARTICLE.has(t[i + 1]?.w ?? '') && t.slice(Math.max(0, i - 3), i).some((x) => x.w === 'you' || x.w === 'your')) add('agreed', Math.max(0, t.slice(0, i).map((x) => (x.w === 'your' ? 'you' : x.w)).lastIndexOf('you')), i);
    // "the terms you signed", "the agreement that you accepted".
    if (TERMS.has(w)) {
      const y = t.slice(i + 1, i + 3).findIndex((x) => x.w === 'you');
      const v = y >= 0 ? skipGap(t, i + 2 + y) : -1;
      if (v >= 0 && t[v] && isPast(t[v].w) && t[v].w !== 'had' && t[v].w !== 'been') add('agreed', i, v);
    }
    // A step not taken: "was not submitted", "weren't updated", "was never returned", "was left blank".
    if (BE_PAST.has(w) && (NEG.has(t[i + 1]?.w ?? '')) && t[i + 2] && isPast(t[i + 2].w)) add('step-missed', Math.max(0, i - 1), i + 2);
    // What they were given to read: "it's all in the welcome pack", "it does show", "is clearly stated in".
    if (BE.has(w)) {
      let k = skipGap(t, i + 1);
      // "It's been on the roaming page for years" (session 1.10).
      if (t[k]?.w === 'been') k = skipGap(t, k + 1);
      // Not a person where they are: "you are on the account page".
      if (PERSON.has(prev)) {
        // nothing
      } else if ((t[k]?.w === 'in' || t[k]?.w === 'on') && t.slice(k + 1, k + 5).some((x) => DOCS.has(x.w))) {
        const d = k + 1 + t.slice(k + 1, k + 5).findIndex((x) => DOCS.has(x.w));
        add('documented', Math.max(0, i - 1), d);
      } else if (t[k] && isPast(t[k].w) && TOLD.has(lemmaOf(t[k].w)) && ['in', 'on', 'at', 'to', 'by'].includes(t[k + 1]?.w ?? '')) {
        add('documented', Math.max(0, i - 1), k + 1);
      }
    }
    if ((w === 'does' || w === 'did' || w === 'do') && t[i + 1] && (TOLD.has(lemmaOf(t[i + 1].w)) || emphaticTold(t, i + 1)) && t[i + 1].w === lemmaOf(t[i + 1].w) && prev !== 'you' && prev !== 'not') add('reminder', Math.max(0, i - 1), i + 1);
    // We told them: "we sent three reminders", "I mentioned", "we emailed you".
    if (SELF.has(w)) {
      let j = skipGap(t, i + 1);
      // "I'd sent that over on Friday": the pluperfect too, an earlier time than now (session 1.10; not "I have sent the steps").
      if (t[j]?.w === 'had' && t[j + 1] && isPast(t[j + 1].w)) j = skipGap(t, j + 1);
      if (t[j] && isPast(t[j].w) && TOLD.has(lemmaOf(t[j].w)) && t[j].w !== 'confirmed') add('reminder', i, Math.min(t.length - 1, j + 1));
    }
    // Their handling as the cause: "because the hub was unplugged", "since the form wasn't signed".
    if (w === 'because' || w === 'since' || w === 'as') {
      for (let k = i + 1; k <= i + 6 && k < t.length; k++) {
        if (BE_PAST.has(t[k].w)) {
          const v = skipGap(t, k + 1);
          if (t[v] && isPast(t[v].w)) add('cause', i, v);
          break;
        }
      }
    }
    // Their side: "on your end", "it is the tenant's responsibility", "that's not on us".
    // Not a place: "your side of the boundary", "the end of your drive".
    // Nor "no action is needed on your part", "not your fault".
    // "the tenant's responsibility", but not "the battery's side".
    const sideOf = (x: string) => (w === 'your' ? SIDE.has(x) : x === 'responsibility' || x === 'fault' || x === 'doing');
    if ((w === 'your' || w.endsWith("'s")) && sideOf(t[i + 1]?.w ?? '') && t[i + 2]?.w !== 'of' && !t.some((x) => NEG.has(x.w) || x.w === 'nothing' || x.w === 'any')) add('your-side', i, i + 1);
    if (w === 'on' && t[i + 1]?.w === 'us' && t[i - 1]?.w === 'not') add('your-side', i - 1, i + 1);
    // Counting: "for the third time", "three times already", "twice now", "the same question".
    // Only beside a verb of asking or answering in the past, just before: not "two times that suit you", "press it twice".
    const askedBefore = () => t.slice(Math.max(0, i - 7), i).some((x) => isPast(x.w) && (WENT_OVER.has(lemmaOf(x.w)) || ASKED.has(lemmaOf(x.w))));
    if (ORDINAL.has(w) && t[i + 1]?.w === 'time') add('repeat', prev === 'the' ? i - 1 : i, i + 1);
    else if (((COUNT.has(w) && t[i + 1]?.w === 'times') || w === 'twice') && askedBefore()) add('repeat', i, w === 'twice' ? i : i + 1);
    else if (w === 'same' && SAME.has(t[i + 1]?.w ?? '') && askedBefore()) add('repeat', i, i + 1);
    // Our going over it with them before: "I went through this with you on Monday", "Dave told you on the phone last month".
    if (isPast(w) && WENT_OVER.has(lemmaOf(w)) && (SELF.has(prev) || (prev !== 'you' && t[i + 1]?.w === 'you'))) {
      const rest = t.slice(i + 1, i + 8);
      const when = rest.findIndex((x) => BEFORE_NOW.has(x.w));
      // Quote up to the time word: "I talked you through the setup on Tuesday".
      if (when >= 0 && rest.some((x) => x.w === 'you' || x.w === 'this' || x.w === 'that' || x.w === 'it')) add('reminder', SELF.has(prev) ? i - 1 : i, i + 1 + when);
    }
    // Stress that it was there to see: "clearly stated", "right there on the page", "you can't miss it".
    // A verb of telling or showing after it: "clearly stated", "explicitly says" (not "expressly granted").
    if (STRESS.has(w) && t[i + 1] && TOLD.has(lemmaOf(t[i + 1].w))) add('emphasis', i, i + 1);
    if (w === 'right' && t[i + 1]?.w === 'there') add('emphasis', i, i + 1);
    if ((w === 'miss' || w === 'overlook') && (prev === 'not' || (prev === 'really' && t[i - 2]?.w === 'not')) && t.slice(Math.max(0, i - 4), i).some((x) => x.w === 'you' || x.w === 'can' || x.w === 'could')) add('emphasis', Math.max(0, i - 2), i);
    // Read it: "please read the guide", "give those a proper read", "worth reading".
    // "please read the steps below" is an instruction; "please do read", "read it properly", "a proper read" are not.
    const readWell = () => prev === 'do' || prev === 'proper' || prev === 'careful' || prev === 'closer' || t.slice(i + 1, i + 8).some((x) => READ_HOW.has(x.w));
    if ((w === 'read' || w === 'reread' || w === 're-read') && (prev === 'please' || prev === 'do' || prev === 'proper' || prev === 'careful' || prev === 'closer' || prev === 'worth') && readWell()) add('documented', prev === 'do' && t[i - 2]?.w === 'please' ? i - 2 : i - 1, i);
    // Others as the measure: "everyone else manages it", "most brides don't leave it so late".
    if (OTHERS_HEAD.has(w) && t[i + 1] && (t[i + 1].w === 'else' || ((w === 'most' || w === 'other') && PEOPLE.has(t[i + 1].w)))) {
      const v = t.slice(i + 1, i + 7).findIndex((x) => NEG.has(x.w) || ['manage', 'manages', 'managed', 'seem', 'seems', 'remember', 'read', 'find', 'know'].includes(x.w));
      if (v >= 0) add('others', i, i + 1 + v);
    }
    // Hindsight advice: "next time, …", "going forward, make sure…".
    for (const seq of HINDSIGHT_ADVICE) {
      if (starts(t, i, seq)) {
        add('advice', i, seq.length === 1 ? i : Math.min(t.length - 1, i + seq.length + 2));
        break;
      }
    }
  }
  return out;
}

/**
 * A pattern hit whose gap runs into a new clause of ours: "it's in, I'll send you the tenancy
 * agreement" is two clauses, not "it's in the agreement". A comma, semicolon, colon or dash
 * followed by "I" or "we" (with "and", "but", "so" or "then" between), or "and I'll" / "and we'll".
 */
const CLAUSE_BREAK = /(?:[,;:\u2013\u2014]\s+(?:(?:and|but|so|then)\s+)?|\s(?:and|but|so|then)\s+)(?:i|we)(?:['\u2019](?:ll|ve|d|m|re)\b|\s+will\b|\s)/i;
const BARE_AND = /^\s(?:and|but|so|then)\s/i;
export function crossesClause(hitText: string): boolean {
  const m = CLAUSE_BREAK.exec(hitText);
  if (!m) return false;
  // Without a comma, only "and I'll" / "and we will" starts a clause of ours.
  return !BARE_AND.test(m[0]) || /['\u2019]ll\b|\swill\b/i.test(m[0]);
}

/** Word classes for the shape n-grams: closed-class words stay, open-class words become a tag. */
const CLOSED = new Set(
  'i we you your yours yourself it its this that these those they them their he she me us our my be am is are was were been being have has had do does did will would should could might must may can shall ought not never no if when before after while since until unless because so as per like than then next time already again still yet just only clearly obviously simply of to in on at by for with from about please which who what there here all any every each some'.split(' '),
);
function shapeOf(w: string): string {
  if (CLOSED.has(w)) return w;
  if (/^\d/.test(w)) return '#';
  if (isPast(w)) return 'V-d';
  if (w.endsWith('ing')) return 'V-g';
  if (w.endsWith('ly')) return 'R';
  return 'X';
}

/** The features of one sentence: its lemmas, word-class trigrams near a cue, the kinds of cue and their words. */
export function blameFeatures(words: readonly FeatureWord[], cues: readonly BlameCue[] = blameCues(words)): string[] {
  const t = tokensOf(words);
  const f = new Set<string>();
  const lem = t.map((x) => lemmaOf(x.w));
  const shape = t.map((x) => shapeOf(x.w));
  for (const l of lem) f.add(`w:${l}`);
  // Word-class trigrams near a cue (three tokens either side): the grammar around the blame, not the topic.
  const near = (i: number) => cues.some((c) => t[i].at >= c.first - 3 && t[i].at <= c.last + 3);
  for (let i = 0; i + 2 < shape.length; i++) if (near(i) && near(i + 2)) f.add(`s:${shape[i]}_${shape[i + 1]}_${shape[i + 2]}`);
  for (let i = 0; i < t.length; i++) if (near(i)) f.add(`l:${lem[i]}`);
  for (const c of cues) f.add(`c:${c.kind}`);
  // The words of each cue, as lemmas: what the rule quotes.
  for (const c of cues) for (const x of t) if (x.at >= c.first && x.at <= c.last) f.add(`q:${lemmaOf(x.w)}`);
  if (t.some((x) => x.w === 'you' || x.w === 'your')) f.add('g:you');
  if (t.some((x) => x.w === 'i' || x.w === 'we')) f.add('g:we');
  if (t.some((x) => NEG.has(x.w))) f.add('g:neg');
  if (t.some((x) => x.w === 'sorry' || x.w === 'apologise' || x.w === 'apologize')) f.add('g:sorry');
  // The cue beside who is in the sentence: a reminder from "we" to "you" is not a reminder to the warehouse.
  for (const c of cues) for (const g of ['you', 'we', 'sorry']) if (f.has(`g:${g}`)) f.add(`c:${c.kind}+${g}`);
  return [...f];
}

/** The blame model (src/lexicon/logistic.ts); it speaks at p ≥ threshold. */
export interface BlameModel extends LogisticModel {
  threshold: number;
}

/**
 * The cue model (rules/blame-language.model.json, scripts/train-blame-model.mjs), read on first use. The blame rule
 * and the impact check (src/reply/impact.ts) read the same one; a damaged file means no model rather than a crash.
 */
export const blameCueModel = modelSlot<BlameModel>('blame-language.model.json', (m) => typeof m.bias === 'number' && typeof m.threshold === 'number' && Boolean(m.weights) && typeof m.weights === 'object').get;

/** The model's probability that a sentence blames the customer. */
export const blameScore: (model: BlameModel, features: readonly string[]) => number = logisticScore;

/** Words of apology (a closed set): "I'm sorry you…", "we apologise for…". */
const APOLOGY = new Set(['sorry', 'apologise', 'apologize', 'apologises', 'apologizes', 'apologising', 'apologizing', 'apologies']);
/** What may follow an apology word when it apologises for something: "sorry you…", "sorry for…", "sorry that…". */
const APOLOGY_FOR = new Set(['you', 'for', 'that', 'about', 'to', 'i', 'we', 'it', 'this', 'the']);
/** Words that turn an apology round ("sorry, but…"). */
const TURN = new Set(['but', 'however', 'though', 'although', 'yet']);
/** Our own fault, named: "our error", "my mistake", "our own oversight". */
const OWN = new Set(['our', 'my']);
const FAULT_NOUN = new Set(['error', 'errors', 'mistake', 'mistakes', 'fault', 'oversight', 'slip', 'doing']);
const NEGATION = new Set(['not', 'never', 'no']);

/**
 * Where a sentence takes the fault on us, or apologises for what the customer went through, with
 * no turn against them after it: "…which was our error" covers the whole sentence; "I'm sorry
 * you've spent the week worrying that you'd missed the deadline" covers what follows the apology.
 * Blame words there describe the customer's side kindly ("you'd missed", "as we discussed"), so the
 * rule leaves them alone. Returns the index (into `words`) of the first word covered, or -1.
 * "Sorry, but you misunderstood" (a turn), "that's not our fault" (negated) and "You should have
 * checked, and I'm sorry you didn't" (blame before the apology) still count.
 *
 * Three more general shapes read as kind, not as blame (session 1.9):
 * - a choice left to them, in the present: "it's your call", "it's entirely up to you",
 *   "the choice is yours" (the whole sentence; "it was your decision" still counts);
 * - we as the agent of the failure: "that's on us", "we got it wrong", "I made a mistake",
 *   "we messed up", "my bad", "I should have checked" (the whole sentence);
 * - empathy from us: "I understand how…", "I can see why…", "the last thing you deserved"
 *   (from the empathy words on; the whole sentence for "deserved" and "the last thing you").
 */
export function ownsFault(words: readonly FeatureWord[]): number {
  const t = tokensOf(words);
  let from = -1;
  const turned = (i: number) => t.slice(i + 1).some((x) => TURN.has(x.w));
  for (let i = 0; i < t.length; i++) {
    const w = t[i].w;
    const negated = t.slice(Math.max(0, i - 3), i).some((x) => NEGATION.has(x.w));
    if (negated) continue;
    if (OWN.has(w)) {
      const j = t[i + 1]?.w === 'own' ? i + 2 : i + 1;
      if (FAULT_NOUN.has(t[j]?.w ?? '') && (t[j].w !== 'doing' || !t.slice(0, i).some((x) => x.w === 'you'))) return 0;
      if (t[i + 1]?.w === 'bad') return 0;
    }
    if (from < 0 && APOLOGY.has(w) && APOLOGY_FOR.has(t[i + 1]?.w ?? '') && !turned(i)) from = t[i].at;
    if (leftToThem(t, i) || ourFailure(t, i)) return 0;
    if (!turned(i)) {
      const e = empathyAt(t, i);
      if (e >= 0 && (from < 0 || t[e].at < from)) from = t[e].at;
    }
  }
  return from;
}

/** Words that may stand between "is" and "your call": "it's entirely your call", "it's really up to you". */
const CHOICE_GAP = new Set(['entirely', 'completely', 'totally', 'really', 'honestly', 'absolutely', 'very', 'much', 'all', 'fully', 'just', 'still', 'of', 'course']);
const CHOICE = new Set(['call', 'choice', 'decision', 'pick']);

/** A choice left to them, now: "it's your call", "it is entirely up to you", "the choice is yours". */
function leftToThem(t: Token[], i: number): boolean {
  if (t[i].w !== 'is') return false;
  let k = i + 1;
  while (k < t.length && CHOICE_GAP.has(t[k].w)) k++;
  if (t[k]?.w === 'your' && CHOICE.has(t[k + 1]?.w ?? '')) return true;
  if (t[k]?.w === 'up' && t[k + 1]?.w === 'to' && t[k + 2]?.w === 'you') return true;
  return t[k]?.w === 'yours' && CHOICE.has(t[i - 1]?.w ?? '');
}

/** Words of going wrong that we own: "we messed up", "I slipped up", "we dropped the ball". */
const WE_FAILED = new Set(['messed', 'slipped', 'dropped', 'goofed', 'blundered']);
const MISTAKE = new Set(['mistake', 'error', 'mess', 'slip']);
const THIS = new Set(['it', 'this', 'that']);

/** We as the agent of the failure: "that's on us", "we got it wrong", "I made a mistake", "we should have". */
function ourFailure(t: Token[], i: number): boolean {
  const w = t[i].w;
  if (w === 'on' && t[i + 1]?.w === 'us' && !['rely', 'count', 'depend', 'call', 'lean'].includes(t[i - 1]?.w ?? '')) return true;
  if (w !== 'we' && w !== 'i') return false;
  // "we have got it wrong", "we've made a mistake": skip the auxiliary.
  const k = t[i + 1]?.w === 'have' && t[i + 2] && isPast(t[i + 2].w) ? i + 2 : i + 1;
  const v = t[k]?.w ?? '';
  if (v === 'got' && THIS.has(t[k + 1]?.w ?? '') && t[k + 2]?.w === 'wrong') return true;
  if (v === 'made' && ['a', 'an'].includes(t[k + 1]?.w ?? '') && MISTAKE.has(t[k + 2]?.w ?? '')) return true;
  // "We told you the wrong delivery time", "we sent you the incorrect size": we gave the wrong thing (session 1.10).
  // Not "I said you entered the wrong code": no other verb, and "you" only as the object.
  if (isPast(v) && v !== 'been' && v !== 'was' && v !== 'were') {
    const e = t.slice(k + 1, k + 5).findIndex((x) => x.w === 'wrong' || x.w === 'incorrect' || x.w === 'outdated');
    if (e >= 0 && !t.slice(k + 1, k + 1 + e).some((x, n) => isPast(x.w) || (x.w === 'you' && n > 0))) return true;
  }
  if (WE_FAILED.has(v)) return true;
  // Our own hindsight: "I should have checked", "we ought to have said".
  return (v === 'should' && t[k + 1]?.w === 'have') || (v === 'ought' && t[k + 1]?.w === 'to' && t[k + 2]?.w === 'have');
}

/** Verbs of empathy after "I" or "we": "I understand how…", "I can see why…", "we appreciate that…". */
const EMPATHY = new Set(['understand', 'appreciate', 'know', 'see', 'imagine', 'realise', 'realize', 'get']);
/** What follows "know", "see" or "get" in empathy: "I know how", "I can see why" (not "I can see you booked…"). */
const EMPATHY_OBJECT = new Set(['how', 'why']);
/** "I know that's…", "I know this means…" (not "I know that you were told…"). */
const EMPATHY_THIS = new Set(['that', 'this', 'it']);
const EMPATHY_VERB = new Set(['is', 'was', 'means', 'meant', 'must', 'has', 'will', 'can', 'leaves', 'left', 'adds', 'puts']);

/** Where empathy from us starts at token i (a token index), or -1: "I understand…", "the last thing you deserved" (0). */
function empathyAt(t: Token[], i: number): number {
  const w = t[i].w;
  if ((w === 'deserve' || w === 'deserved' || w === 'deserves') && t[i - 2]?.w !== 'what') return 0;
  if (w === 'last' && t[i + 1]?.w === 'thing' && t[i + 2]?.w === 'you') return 0;
  if (!EMPATHY.has(w)) return -1;
  const p = t[i - 1]?.w ?? '';
  const ours = p === 'i' || p === 'we' || ((p === 'can' || p === 'completely' || p === 'totally' || p === 'fully' || p === 'do') && (t[i - 2]?.w === 'i' || t[i - 2]?.w === 'we'));
  if (!ours) return -1;
  const next = t[i + 1]?.w ?? '';
  if (w === 'see' && !EMPATHY_OBJECT.has(next)) return -1;
  if ((w === 'know' || w === 'get') && !EMPATHY_OBJECT.has(next) && !(EMPATHY_THIS.has(next) && EMPATHY_VERB.has(t[i + 2]?.w ?? ''))) return -1;
  return i;
}

/** Words that say a thing could not have been plainer: "how much clearer", "how that got missed". */
const PLAINER = new Set(['clearer', 'plainer', 'simpler', 'easier', 'bigger', 'bolder', 'obvious']);
const MISSED = new Set(['missed', 'overlooked', 'skipped', 'ignored']);
/** Who may be the subject of "don't bother reading": them, or people like them. */
const BOTHER_WHO = new Set(['you', 'people', 'nobody', 'everyone', 'most', 'customers', 'folks', 'anyone']);
/** A verb of telling or answering after "we" for counting: "we've replied to your email three times". */
const ANSWERED = new Set(['reply', 'answer', 'respond', 'explain', 'tell', 'email', 'write', 'send', 'confirm', 'say']);
const OURS = new Set(['our', 'us', 'we', 'my', 'i', 'team', 'colleague', 'staff']);

/**
 * Blame shapes the rule reports without a model (session 1.10): general grammar, each a kind of
 * sentence rather than a wording, read from the two blind writers of 1.10.
 * - sarcasm at their reading: "I'm not sure how much clearer we could make the page", "not sure how
 *   that got missed", "we can't be expected to guess", "you can't expect us to know";
 * - the customer as the agent of a past failure: "as nobody had thought to let us know", "most
 *   people don't bother reading it", "it's down to whoever was supervising";
 * - a rhetorical question of hindsight: "Did you measure the hallway before ordering?";
 * - a reminder that they had it all along: "you've had the T&Cs since you booked";
 * - counting our answers to them: "we've replied to your email three times now";
 * - hindsight in the present: "it shouldn't really come as a surprise".
 * `question`: the line is a question (only the rhetorical shape reads questions).
 */
export function blameShapes(words: readonly FeatureWord[], question = false): BlameCue[] {
  const t = tokensOf(words);
  const out: BlameCue[] = [];
  const add = cueAdder(t, out);
  const has = (from: number, to: number, set: Set<string>) => t.slice(Math.max(0, from), Math.max(0, to)).some((x) => set.has(x.w));
  if (question) {
    // "Did you measure the hallway before ordering?", "Did you even read the listing?"
    let s = 0;
    while (s < 3 && ['so', 'but', 'and', 'just', 'um', 'ok', 'okay', 'well'].includes(t[s]?.w ?? '')) s++;
    if (t[s]?.w === 'did' && t[s + 1]?.w === 'you') {
      const b = t.findIndex((x, n) => n > s + 2 && x.w === 'before');
      const after = t[b + 1]?.w ?? '';
      if (b > 0 && (after.endsWith('ing') || after === 'you')) add('hindsight', s, Math.min(t.length - 1, b + 1));
      else if (t[s + 2]?.w === 'even' && t[s + 3]) add('hindsight', s, s + 3);
    }
    noYouQuestion(t, s, add);
    negativeQuestion(t, add);
    return out;
  }
  for (let i = 0; i < t.length; i++) {
    const w = t[i].w;
    const prev = t[i - 1]?.w ?? '';
    // "not sure how much clearer we could make it", "not sure how that got missed".
    if (w === 'sure' && t[i - 1]?.w === 'not' && t[i + 1]?.w === 'how') {
      const rest = t.slice(i + 2, i + 8);
      const plain = rest.findIndex((x) => PLAINER.has(x.w));
      const missed = rest.findIndex((x) => MISSED.has(x.w));
      if (plain >= 0) add('sarcasm', i - 1, i + 2 + plain);
      else if (missed >= 0 && !has(i + 2, t.length, OURS)) add('sarcasm', i - 1, i + 2 + missed);
    }
    // "we can't (really) be expected to guess", "you can't expect us to know".
    if ((w === 'we' || w === 'i') && (t[i + 1]?.w === 'can' || t[i + 1]?.w === 'could') && t[i + 2]?.w === 'not') {
      const k = skipGap(t, i + 3);
      if (t[k]?.w === 'be' && t[k + 1]?.w === 'expected' && t[k + 2]?.w === 'to') add('sarcasm', i, Math.min(t.length - 1, k + 3));
    }
    if (w === 'you' && t[i + 1]?.w === 'can' && t[i + 2]?.w === 'not' && t[skipGap(t, i + 3)]?.w === 'expect' && t[skipGap(t, i + 3) + 1]?.w === 'us') add('sarcasm', i, skipGap(t, i + 3) + 2);
    // "as nobody had thought to let us know" (not "nobody thought to tell you": that is ours).
    if ((w === 'nobody' || (w === 'one' && t[i - 1]?.w === 'no')) && t[i + 1]) {
      let k = i + 1;
      if (t[k]?.w === 'had' || t[k]?.w === 'has' || t[k]?.w === 'even') k++;
      if (['thought', 'bothered', 'remembered', 'cared'].includes(t[k]?.w ?? '') && t[k + 1]?.w === 'to' && !t.slice(k + 2, k + 6).some((x) => x.w === 'you' || x.w === 'your')) add('their-failure', w === 'one' ? i - 1 : i, k + 1);
    }
    // "most people don't bother reading it", "you didn't bother to check".
    if (w === 'bother' && t[i - 1]?.w === 'not' && ['do', 'did', 'does'].includes(t[i - 2]?.w ?? '') && has(i - 6, i - 2, BOTHER_WHO)) {
      const nx = t[i + 1]?.w ?? '';
      if (nx.endsWith('ing') || nx === 'to') {
        const who = t.slice(Math.max(0, i - 6), i - 2).findIndex((x) => BOTHER_WHO.has(x.w)) + Math.max(0, i - 6);
        add('others', who, i + 1);
      }
    }
    // "it's down to whoever was supervising", "that's down to how you packed it" (not "it's down to you": often a choice).
    if (w === 'down' && t[i + 1]?.w === 'to' && ['is', 'was', 'really', 'all', 'entirely', 'purely', 'simply'].includes(t[i - 1]?.w ?? '')) {
      const who = t[i + 2]?.w ?? '';
      if (who === 'whoever' || (who === 'how' && t[i + 3]?.w === 'you')) add('their-failure', i - 1, i + 3);
    }
    // "you've had the T&Cs since you booked".
    if (w === 'you' && (t[i + 1]?.w === 'have' || t[i + 1]?.w === 'had') && t[i + 2]?.w === 'had') {
      const rest = t.slice(i + 3, i + 9);
      const doc = rest.findIndex((x) => DOCS.has(x.w) || TERMS.has(x.w));
      const since = rest.findIndex((x) => x.w === 'since' || x.w === 'for');
      if (doc >= 0 && since > doc) add('documented', i, i + 3 + since);
    }
    // "we've replied to your email three times now" (not "I've chased the depot three times").
    if ((w === 'we' || w === 'i') && t[i + 1]) {
      let j = i + 1;
      if (t[j].w === 'have' || t[j].w === 'had') j++;
      j = skipGap(t, j);
      if (t[j] && isPast(t[j].w) && ANSWERED.has(lemmaOf(t[j].w))) {
        const rest = t.slice(j + 1, j + 9);
        const count = rest.findIndex((x, n) => (COUNT.has(x.w) && rest[n + 1]?.w === 'times') || x.w === 'twice' || (ORDINAL.has(x.w) && rest[n + 1]?.w === 'time'));
        if (count >= 0 && rest.slice(0, count).some((x) => x.w === 'you' || x.w === 'your')) add('repeat', i, Math.min(t.length - 1, j + 1 + count + (rest[count].w === 'twice' ? 0 : 1)));
      }
    }
    // "so it shouldn't really come as a surprise" (not "prices shouldn't come as a surprise, so…").
    if (w === 'should' && t[i + 1]?.w === 'not' && ['it', 'this', 'that', 'which'].includes(prev)) {
      let k = skipGap(t, i + 2);
      if (t[k]?.w === 'come' && t[k + 1]?.w === 'as') k += 2;
      else if (t[k]?.w === 'be') k += 1;
      else k = -1;
      if (k > 0) {
        if (t[k]?.w === 'a' || t[k]?.w === 'any') k++;
        if (['surprise', 'shock', 'news'].includes(t[k]?.w ?? '')) add('hindsight', i, k);
      }
    }
  }
  indirectBlameShapes(t, add);
  noYouShapes(t, add);
  return out;
}

/** People-words that head "most of our customers", "every other guest": PEOPLE plus the singular. */
const PERSON_NOUN = (w: string) => PEOPLE.has(w) || PEOPLE.has(`${w}s`) || w === 'person' || w === 'one';
/** Words that say the others had no trouble: "manage", "without any trouble", "works fine for everyone else". */
const NO_TROUBLE = new Set(['manage', 'manages', 'managed', 'cope', 'copes', 'coped', 'find', 'finds', 'familiar', 'fine', 'easily', 'trouble', 'problem', 'problems', 'issue', 'issues', 'difficulty', 'hassle', 'bother', 'avoids', 'avoid']);
/** Habit words that make "most customers …" a measure of them: "before handing in", "as soon as", "just text it in". */
const HABIT = new Set(['before', 'between', 'just', 'always', 'already', 'soon']);
/** Verbs of choice: "most customers choose the annual plan" is information. */
const CHOOSE = new Set(['choose', 'chooses', 'chose', 'prefer', 'prefers', 'preferred', 'opt', 'opts', 'opted', 'pick', 'picks', 'picked', 'like', 'likes', 'love', 'loves', 'want', 'wants', 'enjoy', 'enjoys', 'ask', 'asks', 'asked', 'tell', 'tells', 'say', 'says', 'rate', 'rates', 'recommend', 'recommends', 'upgrade', 'upgrades', 'switch', 'switches']);
const PREP = new Set(['for', 'to', 'like', 'than', 'with', 'of', 'from', 'unlike', 'as', 'by', 'among', 'amongst']);
const ALMOST = new Set(['nearly', 'almost', 'virtually', 'practically']);
/** A be-verb or the like before "on your end", "down to your handset". */
const BE_LIKE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'am']);
const WHOSE = new Set(['to', 'which', 'whether', 'if', 'how', 'what', 'when', 'where', 'who']);
/** How a thing was shown: "printed", "in bold", "right at the top". */
const SHOWN = new Set(['print', 'show', 'state', 'say', 'display', 'mark', 'list', 'write', 'highlight', 'put', 'set', 'be', 'label', 'spell', 'flag']);
const BIG = new Set(['big', 'large', 'bold', 'huge', 'capital', 'block', 'red', 'giant']);
const LETTERS = new Set(['letters', 'letter', 'print', 'capitals', 'type', 'font', 'text', 'writing']);
/** A change we are making, not blame: "we'll put it in bold", "we've now added it at the top". */
const CHANGE = new Set(['will', 'going', 'now', 'future', 'make', 'making', 'add', 'adding', 'added', 'change', 'changed', 'changing', 'update', 'updated', 'moved', 'move', 'below', 'improve', 'improved']);
const CLARIFY = new Set(['clarify', 'confirm', 'explain', 'repeat', 'reiterate', 'restate', 'stress', 'say', 'mention', 'check']);
const REQUESTS = new Set(['requests', 'reminders', 'emails', 'letters', 'calls', 'messages', 'chasers', 'notices', 'warnings', 'texts', 'attempts', 'follow-ups']);
/** Verbs of telling that an emphatic "did" stresses: "I did flag on our call", "we did warn you". */
const EMPH_TOLD = new Set(['say', 'mention', 'explain', 'tell', 'advise', 'outline', 'inform', 'remind', 'point', 'highlight', 'warn', 'flag', 'stress', 'clarify', 'specify', 'recommend', 'suggest', 'ask', 'include', 'list', 'print']);
/** What our earlier words told them: "our confirmation told you". */
const TOLD_YOU = new Set(['told', 'warned', 'reminded', 'showed', 'advised', 'informed']);
const SELF_CRITIC = new Set(['badly', 'poorly', 'wrongly', 'incorrectly', 'unclearly']);
/** Words of liking after "find": a tip, not a measure ("most customers find the video easier"). */
const TIP = new Set(['easier', 'easiest', 'better', 'best', 'helpful', 'useful', 'handy', 'quicker', 'quickest', 'simpler', 'simplest', 'more']);
const WRONG = new Set(['wrong', 'incorrect', 'mistakenly', 'mistake', 'error', 'outdated']);

/**
 * Issue 13, session 1.12: five general shapes of blame, each across many writers, each with what makes it
 * not blame.
 * - others as the measure: "most customers find…", "everyone else manages to…", "works fine for everyone
 *   else" (not "most customers choose the annual plan", "like most customers, you'll…");
 * - their side against ours: "on your bank's side, not ours", "down to your handset", "between you and your
 *   bank", "on you rather than a fault" (not "it's not on your end", "it's down to you which plan");
 * - how visible it was: "in fairly big letters", "pretty hard to miss", "in bold at the top", "not exactly
 *   hidden" (not "we'll put it in bold from now on");
 * - clarifying again or counting: "just to clarify again", "I've now explained this three times", "despite
 *   three requests from us", "as you'll recall" (not "despite three requests from you");
 * - emphatic telling: "I did flag on our call", "our confirmation told you", "the app does warn you" (not "did
 *   you…", "we did tell you the wrong date").
 */
function indirectBlameShapes(t: Token[], add: (kind: BlameCue['kind'], a: number, b: number) => void): void {
  const w = (i: number) => t[i]?.w ?? '';
  const any = (a: number, b: number, f: (x: string) => boolean) => t.slice(Math.max(0, a), Math.max(0, b)).some((x) => f(x.w));
  const beBefore = (i: number, n = 3) => any(i - n, i, (x) => BE_LIKE.has(x) || x.endsWith("'s"));
  const negBefore = (i: number, n = 3) => any(i - n, i, (x) => NEG.has(x));
  // How visible it was, but not a change we make ("we'll put it in bold"), a how-to ("so you can check it there"), nor
  // owned ("which I agree is easy to miss"): read once for the whole sentence.
  const howTo = t.some((y, n) => (y.w === 'you' && ['can', 'will', 'may', 'could'].includes(w(n + 1))) || (y.w === 'easy' && w(n + 1) === 'to') || y.w === 'agree' || y.w === 'easily');
  const isDoc = (y: string) => MESSAGE.has(y) || DOCS.has(y);
  for (let i = 0; i < t.length; i++) {
    const x = w(i);
    const prev = w(i - 1);
    // 1. Others as the measure.
    {
      let end = -1;
      let strong = false;
      if ((x === 'everyone' || x === 'everybody' || x === 'anyone') && w(i + 1) === 'else') [end, strong] = [i + 1, true];
      else if (x === 'every' && w(i + 1) === 'other' && PERSON_NOUN(w(i + 2))) [end, strong] = [i + 2, true];
      else if (x === 'most' && PERSON_NOUN(w(i + 1))) end = i + 1;
      else if (x === 'most' && w(i + 1) === 'other' && PERSON_NOUN(w(i + 2))) end = i + 2;
      else if (x === 'most' && w(i + 1) === 'of' && ['our', 'the', 'my'].includes(w(i + 2)) && PERSON_NOUN(w(i + 3))) end = i + 3;
      else if (ALMOST.has(x) && (w(i + 1) === 'everyone' || w(i + 1) === 'everybody' || (w(i + 1) === 'all' && PERSON_NOUN(w(i + 2))))) end = w(i + 1) === 'all' ? i + 2 : i + 1;
      else if ((x === 'everyone' || x === 'everybody') && (w(i + 1) === 'who' || w(i + 1) === 'that') && !PREP.has(prev)) end = i + 1;
      if (end >= 0) {
        const head = ALMOST.has(prev) ? i - 1 : i;
        const after = t.slice(end + 1, end + 11);
        // "before handing it in", "as soon as", "between visits" (not "before the weekend": when, not how).
        const habit = (n: number) => {
          const y = after[n].w;
          const z = after[n + 1]?.w ?? '';
          if (y === 'before') return z.endsWith('ing') || z === 'they' || z === 'their';
          if (y === 'soon') return after[n - 1]?.w === 'as' && z === 'as';
          return HABIT.has(y);
        };
        // "most customers find the video easier, so here's the link" is a tip: "find" with a word of liking is not a measure.
        const tip = (n: number) => (after[n].w === 'find' || after[n].w === 'finds') && after.slice(n + 1, n + 6).some((y) => TIP.has(y.w));
        const mark = after.findIndex((y, n) => (NO_TROUBLE.has(y.w) && !tip(n)) || (!strong && habit(n)));
        const fineFor = strong && (prev === 'for' || prev === 'to') && any(i - 4, i, (y) => y === 'fine' || y === 'ok' || y === 'okay' || y === 'works' || y === 'worked');
        const chose = after.some((y) => CHOOSE.has(y.w));
        if (fineFor) add('others', i - 1 - t.slice(Math.max(0, i - 4), i).reverse().findIndex((y) => y.w === 'fine' || y.w === 'works' || y.w === 'worked' || y.w === 'ok' || y.w === 'okay'), end);
        else if (mark >= 0 && !chose && !PREP.has(t[head - 1]?.w ?? '')) add('others', head, end + 1 + mark);
      }
    }
    // 2. Their side against ours.
    {
      if (x === 'on' && !negBefore(i) && beBefore(i, 4)) {
        if (w(i + 1) === 'your' && any(i + 2, i + 4, (y) => y === 'end' || y === 'side') && w(i + 4) !== 'of' && w(i + 3) !== 'of') add('your-side', i, t.slice(i + 2, i + 4).findIndex((y) => y.w === 'end' || y.w === 'side') + i + 2);
        else if (w(i + 1) === 'you' && (!t[i + 2] || ['rather', 'not', 'really', 'i', 'there', 'here', 'though', 'unfortunately'].includes(w(i + 2)))) add('your-side', i, i + 1);
      }
      if (x === 'down' && w(i + 1) === 'to' && !negBefore(i) && (beBefore(i, 4) || prev === 'all' || prev === 'entirely')) {
        // Not a choice: "it's down to you which plan", "which colour you pick is down to you".
        const choice = any(0, i, (y) => y === 'which' || y === 'whether' || CHOOSE.has(y) || y === 'decide' || y === 'choice');
        if (w(i + 2) === 'you' && !WHOSE.has(w(i + 3)) && !CHOICE.has(w(i + 3)) && !choice) add('your-side', i, i + 2);
        else if (w(i + 2) === 'your' && t[i + 3] && !CHOICE.has(w(i + 3)) && !['preference', 'choice', 'call', 'decision', 'last', 'final', 'few', 'remaining', 'lowest', 'least', 'own'].includes(w(i + 3))) add('your-side', i, i + 3);
      }
      if (x === 'between' && w(i + 1) === 'you' && w(i + 2) === 'and' && w(i + 3) === 'your' && beBefore(i, 3)) add('your-side', i, i + 4);
      // "…in your property rather than our mains", "…on your bank's side, not ours".
      if ((x === 'rather' && w(i + 1) === 'than') || (x === 'not' && !beBefore(i, 1))) {
        const k = x === 'rather' ? i + 2 : i + 1;
        const ours = w(k) === 'ours' || w(k) === 'us' || (w(k) === 'our' && t[k + 1]) || (['a', 'an', 'any'].includes(w(k)) && any(k + 1, k + 4, (y) => y === 'fault' || y === 'defect' || y === 'error'));
        const yours = t.slice(Math.max(0, i - 8), i).findIndex((y) => y.w === 'your' || y.w === 'you');
        const a = Math.max(0, i - 8) + yours;
        if (ours && yours >= 0 && (beBefore(a, 7) || any(a - 4, a, (y) => y === 'from' || y === 'caused'))) {
          add('your-side', a, w(k) === 'our' || ['a', 'an', 'any'].includes(w(k)) ? Math.min(t.length - 1, k + 1) : k);
        }
      }
    }
    // 3. How visible it was.
    {
      const changing = (a: number) => howTo || any(a - 8, a, (y) => CHANGE.has(y));
      if ((x === 'hard' || x === 'difficult' || x === 'impossible') && w(i + 1) === 'to' && (w(i + 2) === 'miss' || w(i + 2) === 'overlook') && !negBefore(i, 2)) add('emphasis', ['pretty', 'quite', 'fairly', 'rather', 'very', 'really'].includes(prev) ? i - 1 : i, i + 2);
      if ((x === 'hidden' || x === 'buried' || x === 'secret' || x === 'small') && (prev === 'exactly' || prev === 'hardly' || (prev === 'that' && w(i - 2) === 'not') || (prev === 'a' && w(i - 2) === 'hardly'))) add('emphasis', i - 1, i);
      const shownBefore = (a: number) => any(a - 6, a, (y) => SHOWN.has(lemmaOf(y)) || BE_LIKE.has(y) || y.endsWith("'s"));
      if (x === 'in' && (w(i + 1) === 'bold' || (BIG.has(w(i + 2)) && LETTERS.has(w(i + 3))) || (BIG.has(w(i + 1)) && LETTERS.has(w(i + 2)))) && shownBefore(i) && !changing(i)) {
        const e = w(i + 1) === 'bold' ? i + 1 : BIG.has(w(i + 1)) ? i + 2 : i + 3;
        add('emphasis', i, e);
      }
      if (x === 'right' && w(i + 1) === 'at' && w(i + 2) === 'the' && (w(i + 3) === 'top' || w(i + 3) === 'front') && shownBefore(i) && !changing(i)) add('emphasis', i, i + 3);
      if (x === 'front' && w(i + 1) === 'and' && (w(i + 2) === 'centre' || w(i + 2) === 'center') && shownBefore(i) && !changing(i)) add('emphasis', i, i + 2);
    }
    // 4. Clarifying again, counting.
    {
      const again = (a: number) => any(a + 1, a + 4, (y) => y === 'again') || (any(a + 1, a + 4, (y) => y === 'once') && any(a + 1, a + 5, (y) => y === 'more')) || (any(a + 1, a + 4, (y) => y === 'one') && any(a + 1, a + 5, (y) => y === 'more'));
      if (CLARIFY.has(x) && (prev === 'to' || (prev === 'me' && w(i - 2) === 'let')) && i <= 3 && again(i)) add('repeat', Math.max(0, i - 2), i + 1 + t.slice(i + 1, i + 5).findIndex((y) => y.w === 'again' || y.w === 'more'));
      if (x === 'despite' || (x === 'after' && ['our', 'my'].includes(w(i + 1)))) {
        let k = i + 1;
        if (w(k) === 'our' || w(k) === 'my') k++;
        if ((COUNT.has(w(k)) || ['repeated', 'several', 'multiple', 'numerous'].includes(w(k))) && REQUESTS.has(w(k + 1)) && !(w(k + 2) === 'from' && w(k + 3) === 'you') && w(k + 2) !== 'you') add('repeat', i, w(k + 2) === 'from' && w(k + 3) === 'us' ? k + 3 : k + 1);
      }
      if ((x === 'i' || x === 'we') && t[i + 1]) {
        let j = i + 1;
        if (w(j) === 'have' || w(j) === 'had') j++;
        j = skipGap(t, j);
        if (w(j) === 'now') j++;
        if (t[j] && isPast(w(j)) && ANSWERED.has(lemmaOf(w(j))) && ['this', 'that', 'it'].includes(w(j + 1))) {
          const rest = t.slice(j + 2, j + 6);
          const c = rest.findIndex((y, n) => (COUNT.has(y.w) && rest[n + 1]?.w === 'times') || y.w === 'twice');
          if (c >= 0) add('repeat', i, j + 2 + c + (rest[c].w === 'twice' ? 0 : 1));
        }
      }
      if (x === 'as' && w(i + 1) === 'you') {
        let k = i + 2;
        if (['will', 'may', 'might', 'should', 'would', 'probably', 'no'].includes(w(k))) k++;
        if (w(k) === 'doubt') k++;
        if (w(k) === 'recall' || w(k) === 'remember') add('reminder', i, k);
      }
    }
    // 5. Emphatic telling.
    {
      if ((x === 'did' || x === 'do' || x === 'does') && i > 0 && !['you', 'they', 'he', 'she', 'why', 'how', 'not', 'what', 'where', 'when', 'if', 'who'].includes(prev) && w(i + 1) !== 'not') {
        const v = skipGap(t, i + 1);
        const youAfter = any(v + 1, v + 4, (y) => y === 'you' || y === 'your');
        // "walk you through", "go over": only with us as the subject or them as the object (not "the payment did go through").
        const told = (EMPH_TOLD.has(w(v)) || (emphaticTold(t, v) && (prev === 'i' || prev === 'we' || youAfter))) && w(v) === lemmaOf(w(v));
        const subj = prev === 'i' || prev === 'we' || (!PERSON.has(prev) && !BE_LIKE.has(prev) && !MODAL.has(prev) && prev !== 'and' && prev !== 'so' && prev !== 'to');
        // To them, or in an earlier message: "I did walk you through this", "I did flag on our call" (not "I did say I'd chase it",
        // "I did mention to the engineer…", "I did explain it badly").
        const toThem = youAfter || (any(v + 1, v + 4, (y) => y === 'on' || y === 'in') && any(v + 1, v + 6, (y) => MESSAGE.has(y)));
        const ownWords = any(v + 1, v + 4, (y) => SELF.has(y) || SELF_CRITIC.has(y));
        if (told && subj && toThem && !ownWords && !any(i, i + 10, (y) => WRONG.has(y))) add('reminder', prev === 'i' || prev === 'we' ? i - 1 : i, v);
      }
      if ((x === 'our' || x === 'the') && (isDoc(w(i + 1)) || isDoc(w(i + 2)))) {
        const k = isDoc(w(i + 2)) ? i + 2 : i + 1;
        if (TOLD_YOU.has(w(k + 1)) && w(k + 2) === 'you' && !any(k, k + 10, (y) => WRONG.has(y))) add('reminder', i, k + 2);
      }
    }
  }
}

/**
 * A line the models leave alone (session 1.10): it lets a charge go (waivesCharge), or the next line of the same
 * paragraph owns the fault as ours ("We told you the wrong time. That's our error, not yours"). `next`: the words
 * of that line, or undefined when no line follows in the paragraph.
 */
export function notForModels(words: readonly FeatureWord[], next: readonly FeatureWord[] | undefined): boolean {
  if (waivesCharge(words)) return true;
  return next !== undefined && next.some((w) => w.lower === 'our' || w.lower === 'us' || w.lower === 'my') && ownsFault(next) === 0;
}

/** Verbs of letting a charge go, and the charges (session 1.10). */
const RELIEF = new Set(['waive', 'waiving', 'waived', 'removed', 'refunded', 'cancelled', 'canceled', 'credited', 'dropped', 'scrapped', 'reversed', 'written', 'wiped']);
const CHARGE = new Set(['fee', 'fees', 'charge', 'charges', 'penalty', 'fine', 'surcharge', 'cost', 'costs']);
const BUT = new Set(['but', 'however', 'though', 'although', 'still', 'this']);
/**
 * A sentence that lets a charge go, with no "but" turning it back: "Because the parcel you sent didn't
 * arrive during the strike, the late fee has been removed", "we've waived the fee". The models do not
 * read it as blame (session 1.10); "we do put the date in three places, but we'll let the fee go this
 * once" keeps its "but".
 */
export function waivesCharge(words: readonly FeatureWord[]): boolean {
  const t = tokensOf(words);
  if (t.some((x) => BUT.has(x.w))) return false;
  for (let i = 0; i < t.length; i++) {
    if (!RELIEF.has(t[i].w)) continue;
    if (t.slice(Math.max(0, i - 5), i + 5).some((x) => CHARGE.has(x.w))) return true;
  }
  return false;
}

/** Adds a cue over tokens a..b (clamped) unless it overlaps one already found. */
function cueAdder(t: readonly { at: number }[], out: BlameCue[]): (kind: BlameCue['kind'], a: number, b: number) => void {
  return (kind, a, b) => {
    const first = t[Math.max(0, a)].at;
    const last = t[Math.min(t.length - 1, b)].at;
    if (!out.some((c) => c.first <= last && first <= c.last)) out.push({ kind, first, last });
  };
}

/** Verbs of wanting or meaning: "didn't you want the upgrade?" asks what they wished, not what they failed to do. */
const WISHED = new Set(['want', 'wanted', 'need', 'needed', 'mean', 'meant', 'like', 'wish', 'intend', 'intended', 'plan', 'planned', 'mind', 'think', 'expect']);
/** Auxiliaries of the past that a negative question turns on: "did you not…", "haven't you…", "were you not…". */
const PAST_AUX = new Set(['did', 'have', 'has', 'had', 'was', 'were']);

/**
 * Session 1.15 (issue 13, engineer blame31): a negative question about what they did ("Did you not read the email we
 * sent?", "Didn't you see the warning?", "Have you not checked the guide?", "Were you not told at the desk?"). A yes-no
 * question asked in the negative expects "yes, I should have": it is a telling-off, not a question. The auxiliary is
 * past or perfect, "you" is its subject, and a verb follows (not a tag: "…, didn't you?"). Not a wish ("didn't you want
 * the upgrade?"), not "been able" (concern: "have you not been able to log in?"), and not with "yet", which asks
 * where a thing has got to ("haven't you received it yet?").
 */
function negativeQuestion(t: Token[], add: (kind: BlameCue['kind'], a: number, b: number) => void): void {
  if (t.some((x) => x.w === 'yet')) return;
  const w = (i: number) => t[i]?.w ?? '';
  for (let i = 0; i + 3 < t.length; i++) {
    if (!PAST_AUX.has(w(i))) continue;
    // "did you not read" or "didn't you read" (read as "did not you read").
    let k: number;
    if (w(i + 1) === 'you' && (w(i + 2) === 'not' || w(i + 2) === 'never')) k = i + 3;
    else if (w(i + 1) === 'not' && w(i + 2) === 'you') k = i + 3;
    else continue;
    if (w(k) === 'even' || w(k) === 'actually' || w(k) === 'just' || w(k) === 'ever') k++;
    // "have you not been told": the participle after "been"; not "been able" (concern, not blame).
    if (w(k) === 'been' && w(i) !== 'did') {
      if (w(k + 1) === 'able') continue;
      k++;
    }
    const v = w(k);
    if (!v || CLOSED.has(v) || WISHED.has(v) || /^\d/.test(v)) continue;
    // After "have" or "were" the verb is a participle: "have you not read", "were you not told" ("aware" too).
    if (w(i) !== 'did' && !isPast(v) && v !== 'read' && v !== 'aware') continue;
    add('question', i, Math.min(t.length - 1, k + 2));
    return;
  }
}

/** Verbs of reading or looking at what they were sent: "did nobody read…", "was the pack not looked at". */
const LOOKED = new Set(['read', 'look', 'open', 'check', 'see', 'notice', 'receive', 'use', 'follow']);
const LOOKED_FORMS = new Set(['looked', 'opened', 'checked', 'seen', 'saw', 'noticed', 'received', 'used', 'followed']);
const looked = (x: string): boolean => LOOKED.has(x) || LOOKED_FORMS.has(x);
/** People a rule of the trade holds to a duty: customers, members, account holders. */
const DUTY_WHO = (w: string) => PERSON_NOUN(w) || ['holder', 'holders', 'hirer', 'hirers', 'borrower', 'borrowers', 'policyholder', 'policyholders', 'cardholder', 'cardholders', 'member', 'members', 'customer', 'customers', 'client', 'clients', 'tenant', 'tenants', 'guest', 'guests', 'user', 'users'].includes(w);
/** Not "responsible for" or "required to": the words of terms and policies, which blame no one. */
const DUTY = new Set(['expected', 'supposed']);
const TRADE = new Set(['trade', 'industry', 'sector', 'uk', 'country', 'every', 'all', 'market']);
/** When a choice was made: "at checkout", "at sign-up", "when booking". */
const CHOICE_TIME = new Set(['checkout', 'check-out', 'booking', 'sign-up', 'signup', 'sign', 'purchase', 'registration', 'renewal', 'ordering', 'enrolment', 'enrollment', 'application']);
const CHOSE_WORD = new Set(['picked', 'chosen', 'selected', 'ticked', 'booked', 'taken', 'declined', 'opted', 'chose']);
const CHOICE_HEAD = new Set(['one', 'option', 'plan', 'rate', 'tariff', 'package', 'choice', 'service', 'tier', 'cover', 'level', 'size', 'slot']);
/** What a document may be called hard to read for: "long", "dull", "a lot to get through". */
const HEAVY = new Set(['long', 'lengthy', 'dull', 'lot', 'dense', 'boring', 'wordy', 'tedious', 'heavy', 'complicated', 'complex', 'dry', 'confusing', 'fiddly', 'technical', 'detailed', 'daunting']);
const EMPATHY_BUT = new Set(['get', 'understand', 'appreciate', 'know', 'realise', 'realize', 'accept']);
const SHOWN_WORD = new Set(['there', 'printed', 'clear', 'clearly', 'stated', 'shown', 'listed', 'written', 'read', 'explained', 'set', 'spelled', 'spelt', 'highlighted', 'bold']);
const ASK_HARD = new Set(['hard', 'difficult', 'complicated', 'tricky', 'much', 'lot']);

/**
 * Session 1.13 (issue 13): blame with no "you" in it, which the models cannot see. A rhetorical question
 * of hindsight about what they were sent: "Did nobody read the return checklist?", "Was the renewal pack not
 * looked at?", "Surely the text would have flagged it?" (not "Was my email not received?": our own message,
 * nor "Did nobody answer when you called?": no reading).
 */
function noYouQuestion(t: Token[], s: number, add: (kind: BlameCue['kind'], a: number, b: number) => void): void {
  const w = (i: number) => t[i]?.w ?? '';
  const ours = (a: number, b: number) => t.slice(Math.max(0, a), b).some((x) => x.w === 'our' || x.w === 'my' || x.w === 'we' || x.w === 'i' || x.w === 'us');
  // "Did nobody read…", "did no one even open…".
  if (w(s) === 'did' && (w(s + 1) === 'nobody' || (w(s + 1) === 'no' && w(s + 2) === 'one'))) {
    let k = w(s + 1) === 'no' ? s + 3 : s + 2;
    if (w(k) === 'even' || w(k) === 'actually') k++;
    if (looked(w(k))) add('question', s, k);
    return;
  }
  // "Was the renewal pack not looked at…", "were the three reminder emails not received".
  for (let i = s; i < Math.min(t.length, s + 3); i++) {
    if (!BE_PAST.has(w(i))) continue;
    const n = t.slice(i + 1, i + 11).findIndex((x) => x.w === 'not');
    if (n < 1) break;
    const k = i + 1 + n;
    const subj = t.slice(i + 1, k);
    const v = w(k + 1) === 'even' || w(k + 1) === 'actually' ? k + 2 : k + 1;
    if (subj.some((x) => DOCS.has(x.w) || MESSAGE.has(x.w) || REQUESTS.has(x.w)) && !ours(i + 1, k) && !subj.some((x) => x.w === 'you' || x.w === 'your') && isPast(w(v)) && looked(w(v))) add('question', i, v);
    break;
  }
  // "Surely the delivery text would have flagged that?"
  if (w(s) === 'surely') {
    const m = t.findIndex((x, n) => n > s && MODAL.has(x.w) && w(n + 1) === 'have');
    const d = t.findIndex((x, n) => n > s && n < s + 6 && (DOCS.has(x.w) || MESSAGE.has(x.w)));
    if (m > 0 || d > 0) add('question', s, Math.max(m > 0 ? m + 1 : 0, d));
  }
}

/**
 * Session 1.13 (issue 13): four more kinds of blame with no "you", each with what makes it not blame.
 * - duty: "Members are expected to fold in mirrors", "any business customer is expected to reconcile…",
 *   "standard across every fitting centre", "standard practice across the trade" (not "we are expected to",
 *   not "it is expected to arrive": people as the subject);
 * - their choice: "the Flex Desk plan was the one picked at sign-up", "the kerbside option selected at
 *   checkout" (not "the one we picked", "the slot you can pick at checkout": no choice in the past by them);
 * - back-handed empathy: "I get that the booklet is a lot to get through, but the exclusion is right there"
 *   (not "I know the terms are long, but I've pulled out the part that matters": the turn is to our help);
 * - a scold in a few words: "that's common sense really", "a 48-hour window isn't a lot to ask", "it's not
 *   that hard to cancel in the app", "printed on the front for a reason", "it is there to be read", "to be
 *   fair to us", "not sure what more we could have done", "when people don't read the warning", "none of our
 *   other clients have had trouble", "so it really shouldn't come as a surprise".
 */
function noYouShapes(t: Token[], add: (kind: BlameCue['kind'], a: number, b: number) => void): void {
  const w = (i: number) => t[i]?.w ?? '';
  const any = (a: number, b: number, f: (x: string) => boolean) => t.slice(Math.max(0, a), Math.max(0, b)).some((x) => f(x.w));
  const self = (x: string) => x === 'we' || x === 'i' || x === 'us' || x === 'our';
  for (let i = 0; i < t.length; i++) {
    const x = w(i);
    const prev = w(i - 1);
    {
      // "Members are expected to…", "any business customer is expected to…".
      if ((x === 'is' || x === 'are') && DUTY.has(w(i + 1)) && (w(i + 2) === 'to' || w(i + 2) === 'for') && DUTY_WHO(prev)) {
        // The subject and its determiner: "members", "any business customer" (not "our members": ours).
        const DET = ['the', 'any', 'all', 'every', 'each', 'a', 'an'];
        const a = DET.includes(w(i - 2)) ? i - 2 : DET.includes(w(i - 3)) && /^[a-z-]+$/.test(w(i - 2)) ? i - 3 : i - 1;
        if (!self(w(a - 1)) && w(a - 1) !== 'our') add('duty', a, i + 2);
      }
      // "standard across every fitting centre", "standard practice across the trade", "it's industry standard".
      if (x === 'standard' && (w(i + 1) === 'across' || w(i + 1) === 'throughout' || (w(i + 1) === 'practice' && (w(i + 2) === 'across' || w(i + 2) === 'throughout' || w(i + 2) === 'in')))) {
        const k = w(i + 1) === 'practice' ? i + 3 : i + 2;
        const d = w(k) === 'the' ? k + 1 : k;
        if (TRADE.has(w(d)) && w(d + 1) !== 'our') add('duty', i, d);
      }
      if ((x === 'industry' || x === 'trade') && (w(i + 1) === 'standard' || w(i + 1) === 'norm') && (BE_LIKE.has(prev) || BE_LIKE.has(w(i - 2))) && !t[i + 2]) add('duty', i, i + 1);
    }
    {
      // "was the one picked at sign-up", "was the option selected at checkout".
      if (CHOICE_HEAD.has(x) && (prev === 'the' || prev === 'this') && CHOSE_WORD.has(w(i + 1)) && BE_LIKE.has(w(i - 2))) {
        const at = ['at', 'during', 'when', 'on', 'in'].includes(w(i + 2)) && CHOICE_TIME.has(w(i + 3)) ? i + 3 : i + 1;
        add('choice', i - 1, at);
      }
    }
    {
      // "I get that the policy booklet is a lot to get through, but the exclusion is right there on page 2".
      if (EMPATHY_BUT.has(x) && (prev === 'i' || prev === 'we' || (prev === 'can' && (w(i - 2) === 'i' || w(i - 2) === 'we')))) {
        const h = t.slice(i + 1, i + 10).findIndex((y) => HEAVY.has(y.w));
        const b = h >= 0 ? t.slice(i + 2 + h, i + 14).findIndex((y) => y.w === 'but') : -1;
        if (b >= 0) {
          const but = i + 2 + h + b;
          const docBefore = any(i + 1, i + 2 + h, (y) => DOCS.has(y) || TERMS.has(y) || MESSAGE.has(y) || y === 'paperwork' || y === 'small');
          const rest = t.slice(but + 1, but + 14);
          const turnsToUs = rest.length === 0 || self(rest[0].w) || rest[0].w === 'let' || rest[0].w === 'here' || rest[0].w === 'please';
          const shown = rest.findIndex((y) => SHOWN_WORD.has(y.w) || DOCS.has(y.w));
          if (docBefore && !turnsToUs && shown >= 0 && !any(but + 1, but + 2 + shown, self)) add('backhanded', prev === 'can' ? i - 2 : i - 1, but + 1 + shown);
        }
      }
    }
    {
      if (x === 'common' && w(i + 1) === 'sense') add('scold', i, i + 1);
      // "isn't a lot to ask", "not too much to ask", "it's not that hard to cancel in the app".
      if (x === 'not' && BE_LIKE.has(prev)) {
        let k = i + 1;
        if (['that', 'too', 'so', 'exactly', 'really'].includes(w(k))) k++;
        if (w(k) === 'a' && w(k + 1) === 'lot') k++;
        const hard = ASK_HARD.has(w(k)) && w(k + 1) === 'to';
        const ask = hard && w(k + 2) === 'ask';
        const that = hard && w(i + 1) === 'that' && (w(k) === 'hard' || w(k) === 'difficult' || w(k) === 'complicated' || w(k) === 'tricky');
        const kind = any(0, t.length, (y) => y === 'worry' || y === 'worries' || y === 'promise' || y === 'honest');
        if ((ask || that) && !kind) add('scold', i - 1, k + 2);
      }
      // "printed on the front for a reason", "it's there for a reason" (not "for a reason we can't see").
      if (x === 'for' && w(i + 1) === 'a' && w(i + 2) === 'reason' && (!t[i + 3] || ['so', 'and', 'but', 'once', 'which'].includes(w(i + 3))) && i > 2) add('scold', i, i + 2);
      // "it is there to be read".
      if (x === 'there' && w(i + 1) === 'to' && w(i + 2) === 'be' && looked(w(i + 3)) && isPast(w(i + 3)) && BE_LIKE.has(prev)) add('scold', i, i + 3);
      // "to be fair to us", "in our defence".
      if (x === 'fair' && prev === 'be' && w(i - 2) === 'to' && w(i + 1) === 'to' && (w(i + 2) === 'us' || w(i + 2) === 'ourselves' || w(i + 2) === 'me')) add('scold', i - 2, i + 2);
      if (x === 'in' && (w(i + 1) === 'our' || w(i + 1) === 'my') && (w(i + 2) === 'defence' || w(i + 2) === 'defense')) add('scold', i, i + 2);
      // "not sure what more we could have done", "what more could we have done".
      if (x === 'what' && w(i + 1) === 'more' && (prev === 'sure' || prev === 'know')) {
        const m = t.slice(i + 2, i + 6).findIndex((y, n) => MODAL.has(y.w) && t[i + 3 + n]?.w === 'have');
        if (m >= 0) add('scold', i - 2, Math.min(t.length - 1, i + 4 + m));
      }
      // "so it really shouldn't come as a surprise", "so the estimate shouldn't come as a surprise".
      if (x === 'should' && w(i + 1) === 'not') {
        let k = skipGap(t, i + 2);
        if (w(k) === 'come' && w(k + 1) === 'as') k += 2;
        else k = -1;
        if (k > 0 && (w(k) === 'a' || w(k) === 'any')) k++;
        const subj = ['it', 'this', 'that', 'which'].includes(prev) || (ADVERB_GAP.has(prev) && ['it', 'this', 'that', 'which'].includes(w(i - 2))) || any(i - 4, i, (y) => y === 'so');
        if (k > 0 && ['surprise', 'shock'].includes(w(k)) && subj) add('scold', ADVERB_GAP.has(prev) ? i - 1 : i, k);
      }
      // "That happens when people don't read the warning" (others as the cause).
      if ((x === 'when' || x === 'if' || x === 'because') && (w(i + 1) === 'people' || PEOPLE.has(w(i + 1)) || w(i + 1) === 'someone' || w(i + 1) === 'somebody') && (w(i + 2) === 'do' || w(i + 2) === 'does') && w(i + 3) === 'not' && ['read', 'check', 'follow', 'look', 'bother', 'listen'].includes(w(i + 4))) add('others', i, i + 4);
      // "none of our other clients have had trouble", "no other customer has had a problem".
      if ((x === 'none' && w(i + 1) === 'of' && (w(i + 2) === 'our' || w(i + 2) === 'the')) || (x === 'no' && w(i + 1) === 'other')) {
        const k = x === 'none' ? (w(i + 3) === 'other' ? i + 4 : i + 3) : i + 2;
        if (PERSON_NOUN(w(k))) {
          const v = t.slice(k + 1, k + 7).findIndex((y) => NO_TROUBLE.has(y.w));
          if (v >= 0) add('others', i, k + 1 + v);
        }
      }
    }
  }
}
