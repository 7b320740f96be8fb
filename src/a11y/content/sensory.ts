/**
 * Finds sensory references (WCAG 1.3.3) in one sentence of the prose model:
 * word groups from rules/sensory-language.yml, combined by a few fixed
 * patterns. Linear in the number of words; no regular expressions on the text.
 */
import type { Sentence, Word } from '../../document/prose.js';
import { table } from '../../lexicon/data.js';

export type SensoryKind = 'colour' | 'shape' | 'size' | 'position' | 'visual' | 'colourVerb';

export interface SensoryHit {
  kind: SensoryKind;
  first: number;
  last: number;
  /** Colour/shape/size and position hits are excused by a label in the sentence; "the image below" is not. */
  labelExcuses: boolean;
}

type Category = 'colour' | 'shape' | 'size' | 'shade' | 'thing' | 'size-thing' | 'text' | 'place' | 'compound' | 'visual' | 'colour-verb' | 'label-cue' | 'action' | 'exception';

interface Lexicon {
  words: Map<string, Set<Category>>;
  /** Multi-word label cues, as word lists ("that says"). */
  cues: string[][];
  /** Multi-word action verbs ("go to", "click on"). */
  actions: string[][];
  exceptions: Set<string>;
}

let lexicon: Lexicon | undefined;

function lex(): Lexicon {
  if (lexicon) return lexicon;
  const words = new Map<string, Set<Category>>();
  const cues: string[][] = [];
  const actions: string[][] = [];
  const exceptions = new Set<string>();
  for (const e of table('sensory-language').entries) {
    const cat = e.category as Category;
    for (const m of e.match) {
      const w = m.toLowerCase().trim().split(/\s+/);
      if (cat === 'exception') exceptions.add(w.join(' '));
      else if (w.length > 1) {
        if (cat === 'label-cue') cues.push(w);
        if (cat === 'action') actions.push(w);
      } else {
        let set = words.get(w[0]);
        if (!set) words.set(w[0], (set = new Set()));
        set.add(cat);
      }
    }
  }
  lexicon = { words, cues, actions, exceptions };
  return lexicon;
}

/** Words the patterns below start from without being in any word group. */
const POSITION_WORDS = new Set(['left', 'right', 'below', 'above']);
const PREPOSITIONS = new Set(['on', 'to', 'at', 'in', 'from', 'toward', 'towards', 'near']);
const VERTICAL = new Set(['top', 'bottom', 'upper', 'lower']);
const SHOWN = new Set(['shown', 'displayed', 'pictured', 'illustrated', 'here', 'just']);
/** Words after "on the left" that keep it a place: "of", "and", "side"… (place words are added from the table). */
const AFTER_PLACE = new Set(['of', 'and', 'or', 'then', 'next']);

function has(w: Word | undefined, cat: Category): boolean {
  if (!w || w.masked || w.quoted) return false;
  const l = lex();
  if (l.words.get(w.lower)?.has(cat)) return true;
  // "dark-blue", "blue-green", "green-coloured", "square-shaped".
  if ((cat === 'colour' || cat === 'shape') && w.lower.includes('-')) {
    const parts = w.lower.split('-');
    let hit = false;
    for (const p of parts) {
      const c = l.words.get(p);
      if (c?.has(cat)) hit = true;
      else if (!(c?.has('shade') || c?.has('colour') || p === 'colored' || p === 'coloured' || p === 'shaped')) return false;
    }
    return hit;
  }
  return false;
}

/** Only white space between word j-1 and word j (no comma, bracket or quote). */
function joined(s: Sentence, j: number): boolean {
  const w = s.words;
  return j > 0 && j < w.length && s.block.text.slice(w[j - 1].end, w[j].start).trim() === '';
}

function capitalisedInside(s: Sentence, i: number): boolean {
  const w = s.words[i];
  const c = w.text[0];
  return i > 0 && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** "the green button labelled Save", "the round icon that says Help". */
function labelledAfter(s: Sentence, j: number): boolean {
  const w = s.words;
  const next = w[j + 1];
  if (!next) return false;
  const l = lex();
  if (l.words.get(next.lower)?.has('label-cue')) return true;
  for (const cue of l.cues) if (cue.every((c, k) => w[j + 1 + k]?.lower === c)) return true;
  // "the green button (Save)", "the red text: 'Error'".
  const gap = s.block.text.slice(w[j].end, next.start).trim();
  return gap === '(' || gap === ':' || next.quoted || next.masked;
}

/** Whether "left"/"right" at i stands for a place: followed by the end, punctuation, a place word or "of". */
function placeFollows(s: Sentence, i: number): boolean {
  const w = s.words;
  const next = w[i + 1];
  if (!next) return true;
  if (!joined(s, i + 1)) return true;
  return has(next, 'place') || AFTER_PLACE.has(next.lower);
}

/** "to the left of its name", "to the left of each line": next to something the reader hears anyway. */
function nextToNeighbour(s: Sentence, i: number): boolean {
  const w = s.words;
  return w[i + 1]?.lower === 'of' && joined(s, i + 1) && RELATIVE.has(w[i + 2]?.lower ?? '');
}

/** After "to the left of": neighbours in the content itself, not places on screen. */
const RELATIVE = new Set(['its', 'each', 'every', 'their']);

/** A thing on screen right before "on the right": "the icon on the right". */
function isScreenThing(w: Word | undefined): boolean {
  return has(w, 'thing') || has(w, 'place') || has(w, 'visual');
}

/** Every sensory reference in a sentence, left to right, not overlapping. */
export function findSensory(s: Sentence): SensoryHit[] {
  const w = s.words;
  const out: SensoryHit[] = [];
  const l = lex();
  for (let i = 0; i < w.length; i++) {
    const word = w[i];
    if (word.masked || word.quoted) continue;
    // Most words are in no group: skip them before any pattern work.
    if (!l.words.has(word.lower) && !word.lower.includes('-') && !POSITION_WORDS.has(word.lower)) continue;

    // 1. colour / shape / size word + thing: "the big green button", "the red text".
    const kinds = (['colour', 'shape', 'size'] as const).filter((k) => has(word, k));
    if (kinds.length && !capitalisedInside(s, i)) {
      let j = i + 1;
      const seen = new Set<string>(kinds);
      while (j < w.length && j - i <= 3 && joined(s, j) && (has(w[j], 'colour') || has(w[j], 'shape') || has(w[j], 'size') || has(w[j], 'shade'))) {
        for (const k of ['colour', 'shape', 'size'] as const) if (has(w[j], k)) seen.add(k);
        j++;
      }
      const noun = w[j];
      if (noun && joined(s, j) && !capitalisedInside(s, j) && !l.exceptions.has(`${w[j - 1].lower} ${noun.lower}`)) {
        const thing = seen.has('colour') || seen.has('shape') ? has(noun, 'thing') : has(noun, 'size-thing');
        const text = has(noun, 'text') && seen.has('colour');
        if ((thing || text) && !labelledAfter(s, j)) {
          const kind = seen.has('colour') ? 'colour' : seen.has('shape') ? 'shape' : 'size';
          out.push({ kind, first: i, last: j, labelExcuses: true });
          i = j;
          continue;
        }
      }
    }

    // 2. colour verbs: "marked in red", "highlighted in yellow".
    if (has(word, 'colour-verb') && w[i + 1]?.lower === 'in' && joined(s, i + 1) && has(w[i + 2], 'colour') && joined(s, i + 2)) {
      out.push({ kind: 'colourVerb', first: i, last: i + 2, labelExcuses: false });
      i += 2;
      continue;
    }

    // 3. positions written as one word: "the top-left corner", "the right-hand menu".
    if (has(word, 'compound')) {
      let last = i;
      if (has(w[i + 1], 'place') && joined(s, i + 1)) last = i + 1;
      let first = i;
      if (i >= 2 && PREPOSITIONS.has(w[i - 2].lower) && ['the', 'your'].includes(w[i - 1].lower)) first = i - 2;
      out.push({ kind: 'position', first, last, labelExcuses: true });
      i = last;
      continue;
    }

    // 4. left / right as a place: "on the right", "the top left corner", "the left sidebar".
    if (word.lower === 'left' || word.lower === 'right') {
      const prev = w[i - 1];
      const prev2 = w[i - 2];
      let first = -1;
      let last = i;
      if (prev && VERTICAL.has(prev.lower) && joined(s, i)) {
        // "top left", "upper right": a place, whatever follows.
        first = i - 1;
        if (w[i - 3] && PREPOSITIONS.has(w[i - 3].lower) && ['the', 'your'].includes(w[i - 2].lower)) first = i - 3;
      } else if (prev && prev2 && ['the', 'your'].includes(prev.lower) && PREPOSITIONS.has(prev2.lower) && joined(s, i) && joined(s, i - 1) && !nextToNeighbour(s, i) && (placeFollows(s, i) || isScreenThing(w[i - 3]))) {
        // "on the right." / "on the right side" / "the icon on the right opens…"
        first = i - 2;
      } else if (prev && ['the', 'your'].includes(prev.lower) && joined(s, i) && (has(w[i + 1], 'place') || has(w[i + 1], 'thing')) && joined(s, i + 1)) {
        first = i - 1;
      }
      if (first !== -1) {
        if ((has(w[i + 1], 'place') || has(w[i + 1], 'thing')) && joined(s, i + 1)) last = i + 1;
        out.push({ kind: 'position', first, last, labelExcuses: true });
        i = last;
        continue;
      }
    }

    // 5. "the image below", "the screenshot shown above", "the above diagram", "pictured below".
    if (word.lower === 'below' || word.lower === 'above') {
      let k = i - 1;
      while (k >= 0 && i - k <= 2 && SHOWN.has(w[k].lower)) k--;
      if (k >= 0 && has(w[k], 'visual') && k < i) {
        out.push({ kind: 'visual', first: k, last: i, labelExcuses: false });
        continue;
      }
      if (k < i - 1 && w[k + 1].lower === 'pictured') {
        out.push({ kind: 'visual', first: k + 1, last: i, labelExcuses: false });
        continue;
      }
      if (has(w[i + 1], 'visual') && joined(s, i + 1) && i > 0 && ['the', 'this'].includes(w[i - 1].lower)) {
        out.push({ kind: 'visual', first: i, last: i + 1, labelExcuses: false });
        i += 1;
        continue;
      }
    }
  }
  return out;
}

const NAME_VERBS = new Set(['is', 'are', 'appears', 'appear', 'shows', 'sits', 'lives', 'opens']);

/**
 * A capitalised name in the sentence that labels a thing: "the Create button",
 * "Click Order History", "go to File > Settings". Sentence-initial words and
 * "I" do not count.
 */
export function namesALabel(s: Sentence): boolean {
  const w = s.words;
  const l = lex();
  const isName = (k: number) => {
    const x = w[k];
    if (!x || x.masked || x.text === 'I') return false;
    const c = x.text[0];
    return k > 0 && c !== c.toLowerCase() && c === c.toUpperCase();
  };
  let runEnd = -1;
  for (let k = 0; k < w.length; k++) {
    // "The Device Status History is at the top": a name of two or more capitalised words, then a verb.
    // Each run is walked once (runEnd), so a sentence in capitals stays linear.
    if (k > runEnd && isName(k) && isName(k + 1)) {
      let e = k + 1;
      while (isName(e + 1)) e++;
      runEnd = e;
      if (NAME_VERBS.has(w[e + 1]?.lower ?? '')) return true;
    }
    // "the Create button": a capitalised word right before a thing.
    if ((has(w[k], 'thing') || has(w[k], 'place')) && isName(k - 1) && !has(w[k - 1], 'colour') && !has(w[k - 1], 'shape') && !has(w[k - 1], 'size')) return true;
    // "Click Order History", "go to File > Settings", "click on the Upload tab".
    let after = -1;
    if (l.words.get(w[k].lower)?.has('action')) after = k + 1;
    for (const a of l.actions) if (a.every((x, i) => w[k + i]?.lower === x)) after = Math.max(after, k + a.length);
    if (after !== -1) {
      if (w[after]?.lower === 'the' || w[after]?.lower === 'on') after++;
      if (isName(after)) return true;
    }
  }
  return false;
}
