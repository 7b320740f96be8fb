/**
 * Finds sensory references (WCAG 1.3.3) in one sentence of the prose model:
 * word groups from rules/sensory-language.yml, combined by a few fixed
 * patterns. Linear in the number of words; no regular expressions on the text.
 */
import type { Sentence, Word } from '../../document/prose.js';
import { table } from '../../lexicon/data.js';

export type SensoryKind = 'colour' | 'shape' | 'size' | 'position' | 'visual' | 'colourVerb' | 'colourState' | 'sound';

export interface SensoryHit {
  kind: SensoryKind;
  first: number;
  last: number;
  /** Colour/shape/size and position hits are excused by a label in the sentence; "the image below" is not. */
  labelExcuses: boolean;
}

type Category = 'colour' | 'shape' | 'size' | 'shade' | 'thing' | 'size-thing' | 'text' | 'place' | 'compound' | 'visual' | 'colour-verb' | 'label-cue' | 'action' | 'exception' | 'indicator' | 'colour-change' | 'cue' | 'sound' | 'hear' | 'style';

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

/** "the second button from the left": an order on screen is a place too. */
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'next', 'other']);
/** Pictures an icon may show, after "with" or "looks like": "the button with three dots". */
const PICTURES = new Set(['dots', 'lines', 'arrow', 'arrows', 'gear', 'cog', 'pencil', 'plus', 'cross', 'star', 'heart', 'bell', 'magnifying', 'glass', 'sign', 'bars', 'squares', 'circle', 'tick', 'x']);
/** Places a look-only thing may be pointed to by ("the one at the bottom"). */
const AT_PLACES = new Set(['top', 'bottom', 'corner', 'edge', 'side', 'left', 'right', 'middle', 'centre', 'center', 'end', 'start', 'back', 'front', 'rear', 'underside', 'base']);
/** Place words used before a thing: "tap the top option", "the bottom button". */
const PLACE_ADJECTIVES = new Set(['top', 'bottom', 'upper', 'lower', 'middle', 'leftmost', 'rightmost', 'topmost', 'bottommost']);
/** Things a place word may point to besides the screen things of the table. */
const PLACED_THINGS = new Set(['option', 'options', 'item', 'items', 'entry', 'row', 'choice', 'result']);
/** "… at the bottom of the screen". */
const SCREEN = new Set(['screen', 'page', 'window', 'app', 'display', 'panel']);
/** Words between "hear" and the sound: "hear two short beeps". */
const SOUND_WORDS = new Set(['one', 'two', 'three', 'four', 'short', 'long', 'loud', 'quick', 'single', 'double', 'high', 'low', 'soft']);
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

/** Words that only say how a thing looks or that it is a thing: "the big round one", "the green icon". */
function lookOnly(w: Word | undefined): boolean {
  if (!w || w.masked || w.quoted) return false;
  return ORDINALS.has(w.lower) || has(w, 'style') || has(w, 'colour') || has(w, 'shape') || has(w, 'size') || has(w, 'shade') || (has(w, 'thing') && !has(w, 'text')) || LOOK_PLACE.has(w.lower);
}
/** Place words that say nothing about what a thing does ("the panel on the left"); "menu" or "navigation" name a function. */
const LOOK_PLACE = new Set(['side', 'sidebar', 'panel', 'pane', 'column', 'corner', 'edge', 'area', 'part', 'half', 'menu']);
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'this', 'that', 'these', 'those', 'its', 'their']);
const LINKS = new Set(['in', 'on', 'at', 'to', 'near', 'toward', 'towards', 'from', 'of']);

/** Index just past an instruction verb starting at k ("click", "click on", "press and hold"), or -1. */
function actionEnd(s: Sentence, k: number): number {
  const w = s.words;
  const l = lex();
  let end = -1;
  if (l.words.get(w[k].lower)?.has('action')) end = k + 1;
  for (const a of l.actions) if (a.every((x, i) => w[k + i]?.lower === x && (i === 0 || joined(s, k + i)))) end = Math.max(end, k + a.length);
  return end;
}

/** Whether the word before index k ends an instruction verb ("click", "go to", "tap on"). */
function actionBefore(s: Sentence, k: number): boolean {
  for (let j = Math.max(0, k - 3); j < k; j++) if (actionEnd(s, j) === k) return true;
  return false;
}

/**
 * The thing a place phrase starting at `first` points to has a name of its own:
 * "your profile picture in the top-right", "Save in the left sidebar", "the search
 * bar at the top". Not named: a look-only thing ("the icon on the right"), an
 * instruction verb right before ("click in the top-left corner"), or nothing.
 */
function namedBefore(s: Sentence, first: number): boolean {
  const w = s.words;
  let k = first - 1;
  // "Open Settings in the left sidebar": step over the link word.
  if (k >= 0 && LINKS.has(w[k].lower) && DETERMINERS.has(w[first].lower)) k--;
  // The phrase opens the sentence or a clause, or follows an instruction verb: it points by place alone.
  // "the video section (top right corner)": an aside after a thing; named unless that thing is look-only.
  if (k >= 0 && s.block.text.slice(w[k].end, w[k + 1].start).includes('(')) return !lookOnly(w[k]) && !actionBefore(s, k + 1) && !DETERMINERS.has(w[k].lower);
  const pointsAlone = (at: number) => at < 0 || !joined(s, at + 1) || actionBefore(s, at + 1);
  if (pointsAlone(k)) return false;
  if (DETERMINERS.has(w[k].lower)) return false;
  if (!lookOnly(w[k])) return true;
  // "the icon on the right", "the big round one at the top": walk back over the look-only words.
  while (k >= 0 && lookOnly(w[k]) && joined(s, k + 1)) k--;
  if (pointsAlone(k)) return false;
  if (DETERMINERS.has(w[k].lower) || LINKS.has(w[k].lower)) return false;
  // "the search bar at the top": a word that is not about looks names it.
  return true;
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
    if (!l.words.has(word.lower) && !word.lower.includes('-') && !POSITION_WORDS.has(word.lower) && !l.actions.some((a) => a[0] === word.lower)) continue;

    // 0a. a sound as the only signal: "until you hear the beep", "listen for two short tones".
    if (has(word, 'hear')) {
      let j = i + 1;
      if (w[j]?.lower === 'for' && joined(s, j)) j++;
      let k = j;
      while (k < w.length && k - j < 3 && joined(s, k) && !has(w[k], 'sound') && (DETERMINERS.has(w[k].lower) || SOUND_WORDS.has(w[k].lower))) k++;
      if (k < w.length && has(w[k], 'sound') && joined(s, k) && k > i) {
        out.push({ kind: 'sound', first: i, last: k, labelExcuses: false });
        i = k;
        continue;
      }
    }

    // 0b. a colour as the cue to act: "wait for the light to turn green", "until the LED goes red".
    if (has(word, 'cue')) {
      let k = i + 1;
      if (w[k]?.lower === 'for' || w[k]?.lower === 'until') k++;
      if (w[k] && DETERMINERS.has(w[k].lower)) k++;
      // "the small green light": look words before the thing; "light" itself is both a shade and a thing.
      while (k < w.length && (has(w[k], 'colour') || has(w[k], 'shade') || has(w[k], 'size')) && !(has(w[k], 'indicator') && !has(w[k + 1], 'indicator'))) k++;
      // "the status light", "the power LED": one word naming which indicator.
      if (!has(w[k], 'indicator') && has(w[k + 1], 'indicator') && joined(s, k + 1)) k++;
      const thing = k;
      if (has(w[thing], 'indicator') && thing - i <= 6) {
        let v = thing + 1;
        if (w[v]?.lower === 'to' || w[v]?.lower === 'will') v++;
        if (has(w[v], 'colour-change')) {
          let c = v + 1;
          if (w[c]?.lower === 'solid' || w[c]?.lower === 'bright') c++;
          if (has(w[c], 'colour') && joined(s, c) && !labelledAfter(s, c)) {
            out.push({ kind: 'colourState', first: i, last: c, labelExcuses: false });
            i = c;
            continue;
          }
        }
      }
    }

    // 0c. an instruction that points by a look and a place only: "tap the one at the bottom", "use the arrow in the corner".
    const act = actionEnd(s, i);
    if (act !== -1) {
      let j = act;
      if (w[j] && DETERMINERS.has(w[j].lower) && joined(s, j)) j++;
      const np = j;
      while (j < w.length && lookOnly(w[j]) && joined(s, j)) j++;
      const p = j;
      // "tap the top option", "press the bottom button": a place word before the thing, nothing else.
      if (j === np && w[np] && PLACE_ADJECTIVES.has(w[np].lower) && joined(s, np)) {
        let e = np + 1;
        while (e < w.length && e - np <= 3 && joined(s, e) && (lookOnly(w[e]) || PLACE_ADJECTIVES.has(w[e].lower) || w[e].lower === 'left' || w[e].lower === 'right') && !has(w[e], 'thing')) e++;
        const thing = w[e];
        if (thing && joined(s, e) && (has(thing, 'thing') || PLACED_THINGS.has(thing.lower)) && !capitalisedInside(s, e) && !labelledAfter(s, e) && !(w[e + 1] && joined(s, e + 1) && w[e + 1].lower === 'of')) {
          out.push({ kind: 'position', first: np, last: e, labelExcuses: true });
          i = e;
          continue;
        }
      }
      const descr = w.slice(np, p);
      const colourOf = () => (descr.some((x) => has(x, 'colour')) ? 'colour' : descr.some((x) => has(x, 'shape')) ? 'shape' : descr.some((x) => has(x, 'size')) ? 'size' : 'position');
      // "the button with the three dots", "the icon with a plus sign", "the icon that looks like a gear".
      if (p > np && w[p] && joined(s, p) && has(w[p - 1], 'thing') && !labelledAfter(s, p - 1)) {
        let q = -1;
        if (w[p].lower === 'with') q = p + 1;
        if (['that', 'which'].includes(w[p].lower) && ['looks', 'look'].includes(w[p + 1]?.lower ?? '') && w[p + 2]?.lower === 'like') q = p + 3;
        if (w[p].lower === 'shaped' && w[p + 1]?.lower === 'like') q = p + 2;
        if (q !== -1) {
          while (w[q] && q - p <= 4 && (DETERMINERS.has(w[q].lower) || SOUND_WORDS.has(w[q].lower))) q++;
          let e = q;
          while (e < w.length && e - q < 3 && joined(s, e) && (has(w[e], 'colour') || has(w[e], 'shape') || has(w[e], 'shade') || has(w[e], 'thing') || PICTURES.has(w[e].lower))) e++;
          if (e > q && e - 1 >= q && (has(w[e - 1], 'shape') || has(w[e - 1], 'thing') || PICTURES.has(w[e - 1].lower))) {
            const looks = w.slice(q, e);
            const kind = looks.some((x) => has(x, 'colour')) ? 'colour' : 'shape';
            out.push({ kind, first: np, last: e - 1, labelExcuses: true });
            i = e - 1;
            continue;
          }
        }
      }
      // "look for the red light", "check the green dot": a colour and an indicator, nothing else.
      if (p > np && has(w[p - 1], 'indicator') && descr.some((x) => has(x, 'colour')) && !(w[p] && (joined(s, p) && (w[p].masked || w[p].quoted || capitalisedInside(s, p)))) && !labelledAfter(s, p - 1)) {
        out.push({ kind: 'colour', first: np, last: p - 1, labelExcuses: true });
        i = p - 1;
        continue;
      }
      if (p > np && w[p] && joined(s, p) && ['in', 'on', 'at', 'near', 'from'].includes(w[p].lower) && !labelledAfter(s, p - 1)) {
        let q = p + 1;
        if (w[q] && DETERMINERS.has(w[q].lower)) q++;
        const at = w[q];
        if (at && joined(s, q) && (AT_PLACES.has(at.lower) || has(at, 'compound'))) {
          let last = q;
          if (has(w[q + 1], 'place') && joined(s, q + 1)) last = q + 1;
          if (w[last + 1]?.lower === 'of' && joined(s, last + 1) && w[last + 2] && DETERMINERS.has(w[last + 2].lower) && SCREEN.has(w[last + 3]?.lower ?? '')) last += 3;
          if ((at.lower === 'top' || at.lower === 'bottom') && (w[last + 1]?.lower === 'left' || w[last + 1]?.lower === 'right') && joined(s, last + 1)) last++;
          const kind = colourOf();
          out.push({ kind: kind === 'size' ? 'position' : kind, first: np, last, labelExcuses: true });
          i = last;
          continue;
        }
      }
    }

    // 1. colour / shape / size word + thing: "the big green button", "the red text".
    const kinds = (['colour', 'shape', 'size'] as const).filter((k) => has(word, k));
    // "the highlighted button", "the greyed-out link": a look that is not a colour name still marks by colour.
    if (!kinds.length && has(word, 'style') && i > 0 && DETERMINERS.has(w[i - 1].lower) && !capitalisedInside(s, i)) kinds.push('colour');
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
      if (!namedBefore(s, first)) out.push({ kind: 'position', first, last, labelExcuses: true });
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
      } else if (prev && ['the', 'your'].includes(prev.lower) && joined(s, i) && (has(w[i + 1], 'place') || has(w[i + 1], 'thing')) && joined(s, i + 1) && !(word.lower === 'right' && ['one', 'ones'].includes(w[i + 1]?.lower ?? ''))) {
        // ("the right one" is the correct one, not a place.)
        first = i - 1;
      }
      if (first !== -1) {
        if ((has(w[i + 1], 'place') || has(w[i + 1], 'thing')) && joined(s, i + 1)) last = i + 1;
        if (!namedBefore(s, first)) out.push({ kind: 'position', first, last, labelExcuses: true });
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
    // "the save button", "your share icon": a word that says what the thing does, right before it.
    if (k >= 2 && (has(w[k], 'thing') || has(w[k], 'place')) && DETERMINERS.has(w[k - 2].lower) && !w[k - 1].masked && /^\p{Ll}[\p{L}-]*$/u.test(w[k - 1].text) && !lookOnly(w[k - 1]) && !SOUND_WORDS.has(w[k - 1].lower) && !PICTURES.has(w[k - 1].lower) && !PLACE_ADJECTIVES.has(w[k - 1].lower) && !has(w[k - 1], 'compound') && !POSITION_WORDS.has(w[k - 1].lower) && !has(w[k - 1], 'thing')) return true;
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
