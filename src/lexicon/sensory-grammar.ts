/**
 * A grammar-level reading of sensory instructions (WCAG 1.3.3, issue 14): an
 * instruction (an imperative, or "you can / need to / should" + a verb of
 * acting or finding) whose object is a thing on a screen or a device, picked
 * out only by its colour, shape, size, place or sound. It reads the clause,
 * not a list of phrases: verb → object noun phrase (determiner, modifiers,
 * head) → what follows the head ("at the bottom", "that looks like a pencil",
 * "with a blue ring", "of a person").
 *
 * It returns candidates. The rule then drops any whose instruction also gives
 * a label (bold, code, quotes, a capitalised name), as it does for every other
 * finding. The words it needs come from rules/sensory-language.yml (colour,
 * shape, size, shade, style, thing, generic, picture, icon-function…, and the
 * groups named grammar-…, which only this reading uses); the small closed sets
 * kept here are grammar (determiners, prepositions, place words, particles).
 * Linear in the number of words; no regular expressions on the text.
 */
import type { Sentence, Word } from '../document/prose.js';
import { table } from './data.js';

export type GrammarKind = 'colour' | 'shape' | 'size' | 'position' | 'look' | 'sound';

export interface GrammarHit {
  kind: GrammarKind;
  /** First and last word of the object phrase (words of the sentence). */
  first: number;
  last: number;
}

let cats: Map<string, Set<string>> | undefined;
function catsOf(lower: string): Set<string> | undefined {
  if (!cats) {
    cats = new Map();
    for (const e of table('sensory-language').entries) {
      const cat = String(e.category);
      for (const m of e.match) {
        const key = m.toLowerCase().trim();
        if (key.includes(' ')) continue;
        let set = cats.get(key);
        if (!set) cats.set(key, (set = new Set()));
        set.add(cat);
      }
    }
  }
  return cats.get(lower);
}
const is = (w: Word | undefined, cat: string): boolean => !!w && !w.masked && !w.quoted && (catsOf(w.lower)?.has(cat) ?? false);
/** A lower-case word is in a word group of the table (masked or quoted words are the caller's business). */
const inGroup = (lower: string, cat: string): boolean => catsOf(lower)?.has(cat) ?? false;

// Word groups of rules/sensory-language.yml read only here (the word-group patterns skip them):
//   grammar-verb         verbs of acting on or finding a thing ("click", "tap", "find")
//   grammar-point-verb   verbs of pointing or seeking that find a look on any noun ("press the small lozenge")
//   grammar-find-verb    verbs that take "for" or "at" ("look for", "wait for")
//   grammar-listen-verb  verbs that wait for a sound ("listen for the click")
//   grammar-head         heads beyond the groups "thing" and "generic" ("light", "panel")
//   grammar-pictured     heads whose modifier tells what they show ("the sun symbol")
//   grammar-key          keys, whose picture word is their name ("the arrow keys")
//   grammar-mark         what a look marks after "with" ("with a blue ring")
//   grammar-picture-of   heads before "of a" ("the icon of a person")
//   grammar-sound        sounds listened or waited for ("wait for the beep")
//   grammar-state        looks of a state ("flashing", "greyed-out")
//   grammar-screen-part  screen or device parts that place a neighbour ("under the screen")
//   grammar-screen       screens that own a place ("at the bottom of the page")
//   grammar-device-side  sides of a device found by touch ("on the back")
//   grammar-look-verb    words after a head that give the look ("looks like")
//   grammar-name-verb    words after a head that name it ("labelled")

// The sets below are closed grammar classes (particles, determiners, prepositions, place words), not
// editorial word lists, so they stay in code.
/** Words before a verb that make it an instruction: "then tap", "you can tap", "need to tap". */
const BEFORE_VERB = new Set(['then', 'and', 'or', 'please', 'just', 'simply', 'now', 'first', 'next', 'finally', 'can', 'should', 'must', "you'll", 'will', 'to', 'also', 'again', 'quickly', 'gently', 'firmly']);
const PARTICLES = new Set(['on', 'at', 'for', 'in']);
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'this', 'that', 'any', 'each', 'its', 'one']);
const VERTICAL = new Set(['top', 'bottom', 'upper', 'lower']);
/** Adjectives of place: "the top button", "the lowest one". */
// Not "left" and "right" alone: "the right one" is the correct one.
const PLACE_ADJ = new Set(['top', 'bottom', 'upper', 'lower', 'leftmost', 'rightmost', 'topmost', 'uppermost', 'bottommost', 'lowest', 'highest', 'middle', 'central', 'centre', 'center', 'outer', 'inner', 'left-hand', 'right-hand', 'top-left', 'top-right', 'bottom-left', 'bottom-right', 'upper-left', 'upper-right', 'lower-left', 'lower-right', 'far-left', 'far-right']);
/** Comparatives that pick one of a few by size or place: "the larger of the two buttons". */
const COMPARE = new Set(['larger', 'bigger', 'smaller', 'largest', 'biggest', 'smallest', 'higher', 'lower', 'upper', 'leftmost', 'rightmost', 'top', 'bottom', 'left', 'right']);
/** Nouns of place after a preposition: "at the bottom", "in the corner". */
const PLACE_NOUNS = new Set(['top', 'bottom', 'left', 'right', 'corner', 'side', 'edge', 'middle', 'centre', 'center', 'end', 'upper', 'lower', 'header', 'footer', 'top-left', 'top-right', 'bottom-left', 'bottom-right', 'upper-left', 'upper-right', 'lower-left', 'lower-right', 'left-hand', 'right-hand', 'far-left', 'far-right', 'far', 'very', 'extreme']);
/** Places that only make sense on a screen or panel ("in the top corner"), not a side of a thing in the hand. */
const SCREEN_PLACES = new Set(['top', 'bottom', 'left', 'right', 'corner', 'top-left', 'top-right', 'bottom-left', 'bottom-right', 'upper', 'lower', 'left-hand', 'right-hand', 'upper-left', 'upper-right', 'lower-left', 'lower-right']);
/** Words that may follow a place phrase: "at the top of", "in the corner to open it". */
const AFTER_PLACE = new Set(['of', 'to', 'and', 'or', 'then', 'so', 'until', 'for', 'when', 'if', 'before', 'after', 'where', 'from', 'on', 'in', 'at', 'near', 'next', 'that', 'which', 'again', 'once', 'twice']);
// Not "to": "drag the slider to the right" tells a direction to move it.
const PLACE_PREPS = new Set(['at', 'on', 'in', 'near', 'along', 'across']);
/** Prepositions that place a thing by its neighbour: "the button under the screen". */
const NEIGHBOUR_PREPS = new Set(['under', 'below', 'above', 'beside', 'beneath', 'underneath', 'next', 'around', 'over']);

function gap(s: Sentence, k: number): string {
  const w = s.words;
  return k > 0 && k < w.length ? s.block.text.slice(w[k - 1].end, w[k].start) : '';
}
const joined = (s: Sentence, k: number): boolean => gap(s, k).trim() === '';
/** Word k is joined to the word before by a hyphen the tokens split: "pill-shaped", "half-moon". */
const hyphened = (s: Sentence, k: number): boolean => gap(s, k) === '-';

function shapeWord(w: Word): boolean {
  if (is(w, 'shape')) return true;
  return w.lower.endsWith('-shaped') || w.lower.endsWith('-coloured') || w.lower.endsWith('-colored');
}
function colourWord(w: Word): boolean {
  if (is(w, 'colour')) return true;
  if (!w.lower.includes('-') || w.masked || w.quoted) return false;
  // "dark-blue", "blue-green": every part a colour or a shade.
  const parts = w.lower.split('-');
  return parts.some((p) => catsOf(p)?.has('colour')) && parts.every((p) => catsOf(p)?.has('colour') || catsOf(p)?.has('shade'));
}

/** What a modifier before the head says about the look, or undefined when it names the thing. */
function lookOf(w: Word): GrammarKind | 'name' | 'neutral' {
  if (w.masked || w.quoted) return 'name';
  const c = w.text[0];
  if (c !== c.toLowerCase() && c === c.toUpperCase() && w.text !== 'X') return 'name';
  if (colourWord(w)) return 'colour';
  if (shapeWord(w)) return 'shape';
  if (is(w, 'size')) return 'size';
  if (PLACE_ADJ.has(w.lower) || is(w, 'compound')) return 'position';
  if (inGroup(w.lower, 'grammar-state') || is(w, 'style')) return 'look';
  if (is(w, 'shade')) return 'neutral';
  if (is(w, 'picture') || is(w, 'icon-picture') || is(w, 'counted-picture') || is(w, 'direction')) return 'shape';
  if (['two', 'three', 'four', 'few', 'same', 'other', 'very', 'little', 'tiny', 'of', 'first', 'second', 'third', 'fourth', 'fifth', 'last', 'next'].includes(w.lower)) return 'neutral';
  return 'name';
}

const isHead = (w: Word | undefined): boolean => !!w && !w.masked && !w.quoted && (inGroup(w.lower, 'grammar-head') || is(w, 'thing') || is(w, 'generic'));

/** Where the object phrase of the verb at k starts (its determiner), or -1. */
function objectStart(s: Sentence, k: number): number {
  const w = s.words;
  let j = k + 1;
  if (inGroup(w[k].lower, 'grammar-find-verb')) {
    if (!['for', 'at'].includes(w[j]?.lower ?? '') || !joined(s, j)) return -1;
    j++;
  } else if (PARTICLES.has(w[j]?.lower ?? '') && joined(s, j) && DETERMINERS.has(w[j + 1]?.lower ?? '')) j++;
  // "one of the …"
  if (w[j]?.lower === 'one' && w[j + 1]?.lower === 'of') j += 2;
  if (!DETERMINERS.has(w[j]?.lower ?? '') || !joined(s, j)) return -1;
  return j;
}
/** Words after a look phrase that end it: "tap the green flag to open it", "tap the little cloud, then…". */
const PHRASE_END = new Set(['to', 'and', 'then', 'once', 'twice', 'again', 'until', 'so', 'if', 'when']);
/** Words that start a neighbour's place after the thing: "tap the red badge on the app icon" still finds the badge by its look. */
const NEIGHBOUR_AFTER = new Set(['on', 'in', 'at', 'next', 'beside', 'below', 'above', 'under', 'near']);
const LOCATOR_WORDS = new Set(['on', 'in', 'at', 'of', 'next', 'beside', 'below', 'above', 'under', 'near', 'by', 'with', 'from', 'that', 'which']);
let exceptions: Set<string> | undefined;
/** Two-word phrases of the group "exception" ("green tariff", "red tape"). */
function exceptionPair(a: string, b: string): boolean {
  if (!exceptions) {
    exceptions = new Set();
    for (const e of table('sensory-language').entries) if (String(e.category) === 'exception') for (const m of e.match) exceptions.add(m.toLowerCase().trim());
  }
  return exceptions.has(`${a} ${b}`);
}

/** The verb at k starts an instruction: first in the sentence or after a comma, or after "then", "you can", "need to". */
function instruction(s: Sentence, k: number): boolean {
  const w = s.words;
  const v = w[k];
  if (v.masked || v.quoted) return false;
  if (!inGroup(v.lower, 'grammar-verb') && !inGroup(v.lower, 'grammar-find-verb')) return false;
  if (k === 0) return true;
  if (/[,:;(]/.test(gap(s, k))) return true;
  const p = w[k - 1].lower;
  if (p === 'to') return ['need', 'needs', 'have', 'want', 'try', 'going', 'able'].includes(w[k - 2]?.lower ?? '');
  if (['can', 'should', 'must', 'will', 'may', 'could'].includes(p)) return w[k - 2]?.lower === 'you';
  return BEFORE_VERB.has(p);
}

/**
 * Object phrases of instructions that pick out a thing only by its look, place or sound. The caller checks for
 * a label in the same instruction.
 */
export function findGrammarSensory(s: Sentence): GrammarHit[] {
  const w = s.words;
  const out: GrammarHit[] = [];
  // A sentence about a device part in the hand ("on the back of the base") is found by touch.
  // Diagnostics only (scripts/sensory-miss-causes.mjs): why a verb of the table gave no candidate.
  const t = sensoryTraceSink;
  const note = (gate: string, k: number): void => {
    const e = w[Math.min(w.length - 1, k + 8)];
    t?.push({ gate, kind: 'grammar', grammar: true, start: s.block.spanOf(w[k].start, e.end).start, end: s.block.spanOf(w[k].start, e.end).end });
  };
  for (let k = 0; k < w.length; k++) {
    const verb = inGroup(w[k].lower, 'grammar-verb') || inGroup(w[k].lower, 'grammar-find-verb');
    if (!instruction(s, k)) {
      if (t && verb) note('g:not-instruction', k);
      continue;
    }
    const det = objectStart(s, k);
    if (det === -1) {
      if (t) note('g:no-determiner', k);
      continue;
    }
    const hit = objectPhrase(s, k, det);
    if (hit) out.push(hit);
    else if (t) note(`g:object-refused ${refusal}`, k);
  }
  return out;
}

/**
 * Diagnostics only (scripts/sensory-miss-causes.mjs): an array that collects where each candidate of the grammar and
 * of the rule ended, by gate, with offsets and no words. Unset in normal runs.
 */
export let sensoryTraceSink: unknown[] | undefined;

/** Sets (or clears) the diagnostics array. */
export function traceSensory(sink?: unknown[]): void {
  sensoryTraceSink = sink;
}

/** Diagnostics only: why objectPhrase gave nothing (read by findGrammarSensory's trace). */
let refusal = '';
function refuse(why: string): undefined {
  refusal = why;
  return undefined;
}

function objectPhrase(s: Sentence, verb: number, det: number): GrammarHit | undefined {
  const w = s.words;
  // The head: the first thing word within five words, extended over a compound ("circle icon").
  let head = -1;
  let j = det + 1;
  let compare: GrammarKind | undefined;
  // "the larger of the two buttons", "the top one of the list".
  if (COMPARE.has(w[j]?.lower ?? '') && w[j + 1]?.lower === 'of' && ['the', 'these', 'those'].includes(w[j + 2]?.lower ?? '')) {
    compare = is(w[j], 'size') || ['larger', 'bigger', 'smaller'].includes(w[j].lower) ? 'size' : 'position';
    j += 3;
    if (['two', 'three', 'four'].includes(w[j]?.lower ?? '')) j++;
  }
  const modFrom = j;
  for (; j < w.length && j <= modFrom + 4; j++) {
    if (j > det + 1 && !joined(s, j) && !hyphened(s, j)) break;
    if (isHead(w[j]) && !hyphened(s, j + 1)) {
      head = j;
      while (isHead(w[head + 1]) && joined(s, head + 1) && !NEIGHBOUR_PREPS.has(w[head + 1].lower)) head++;
      break;
    }
    if (['of', 'and', 'or', 'to', 'for', 'with', 'that', 'which', 'in', 'on', 'at', 'from'].includes(w[j].lower)) break;
  }
  const stop = j;
  if (head === -1) {
    // A noun no list has ("the red flag", "the little cloud", "the trolley"), then a place on screen: found
    // by its look and place. Only after "the", one word, all lower case, and not a word for what it does.
    // The last word before the place is the head: "the small padlock on the right side".
    const hd = stop - 1;
    const n = w[hd];
    if (hd < modFrom || hd > modFrom + 2) return refuse('nohead-head-too-far');
    if (!n || w[det].lower !== 'the' || !/^\p{Ll}+$/u.test(n.text) || is(n, 'icon-function') || is(n, 'text-place') || is(n, 'visual') || inGroup(n.lower, 'grammar-screen')) return refuse('nohead-not-plain-noun');
    if (!joined(s, hd) || is(n, 'action') || is(n, 'place') || is(n, 'exception')) return refuse('nohead-action-or-place-word');
    const place = placeAfter(s, hd + 1, true);
    if (typeof place !== 'number' || place === -1) {
      // "tap the green flag", "press the small square": a look on a noun no list has, after a verb of
      // pointing, with nothing after it that names it (se50).
      if (n.lower.length < 3) return refuse('nohead-no-place-after');
      if (!inGroup(w[verb].lower, 'grammar-point-verb')) return refuse('noplace-not-point-verb');
      const after = w[hd + 1];
      if (place === 'device') return refuse('device-side');
      if (after && joined(s, hd + 1) && !PHRASE_END.has(after.lower) && !NEIGHBOUR_AFTER.has(after.lower)) return refuse(`noplace-word-after${LOCATOR_WORDS.has(after.lower) ? '-prep' : ''}`);
      let look: GrammarKind | undefined;
      for (let m = modFrom; m < hd; m++) {
        const l = lookOf(w[m]);
        if (l === 'name' || exceptionPair(w[m].lower, n.lower)) return refuse('noplace-named');
        if (l === 'colour' || l === 'shape' || l === 'size') look = l;
      }
      if (!look) return refuse('noplace-no-look');
      return { kind: look, first: det + 1, last: hd };
    }
    let look: GrammarKind = 'position';
    for (let m = modFrom; m < hd; m++) {
      const l = lookOf(w[m]);
      // "the user name in the top right": a word that names it.
      if (l === 'name') return refuse('nohead-modifier-names-it');
      if (l === 'colour' || l === 'shape' || l === 'size') look = l;
    }
    // A place alone must be a corner or a two-way place ("in the top corner", "at the top right"):
    // "the folder at the top" may be the only folder there.
    if (look === 'position' && !w.slice(hd + 1, place + 1).some((x, i, a) => x.lower === 'corner' || is(x, 'compound') || (VERTICAL.has(x.lower) && ['left', 'right'].includes(a[i + 1]?.lower ?? '')))) return refuse('nohead-place-not-corner');
    return { kind: look, first: det + 1, last: place };
  }
  // "the search icon", "the Save button": a word that names the thing, right before the head.
  let kind: GrammarKind | undefined = compare;
  for (let m = modFrom; m < head; m++) {
    // "pill-shaped", "half-moon": a hyphened modifier that ends in "shaped" or "coloured" is a look.
    if (hyphened(s, m + 1) && ['shaped', 'coloured', 'colored'].includes(w[m + 1].lower)) {
      kind ??= w[m + 1].lower === 'shaped' ? 'shape' : 'colour';
      m++;
      continue;
    }
    if (hyphened(s, m + 1) || hyphened(s, m)) {
      if (!inGroup(w[head].lower, 'grammar-pictured')) return refuse('hyphen-not-pictured');
      kind ??= 'shape';
      continue;
    }
    const look = lookOf(w[m]);
    if (look === 'name') {
      // A picture before "icon" or "symbol" is its look, a function word its name ("the share icon").
      if (is(w[m], 'icon-function') || !inGroup(w[head].lower, 'grammar-pictured')) return refuse('modifier-names-it');
      if (!/^\p{Ll}[\p{Ll}-]*$/u.test(w[m].text)) return refuse('modifier-capitalised');
      kind ??= 'shape';
      continue;
    }
    // "the arrow keys", "the plus key": a picture before "key" is the key's name.
    if (look === 'shape' && inGroup(w[head].lower, 'grammar-key') && (is(w[m], 'picture') || !is(w[m], 'shape'))) return refuse('key-name');
    // "Choose the blue option if you want the blue case": the colour is the product's, said again.
    if (look === 'colour' && w.some((x, i) => i > head && x.lower === w[m].lower)) return refuse('colour-said-again');
    if (look !== 'neutral' && (kind === undefined || kind === 'look')) kind = look;
  }
  // Inside the head compound, a function word names it: "the home button", "the menu icon".
  for (let m = modFrom; m < head; m++) if (is(w[m], 'icon-function')) return refuse('icon-function-in-compound');
  let last = head;
  // "the bottom row of the table": a place in the text, read in order by everyone.
  if (w[head + 1]?.lower === 'of' && is(w[head + 2 + (DETERMINERS.has(w[head + 2]?.lower ?? '') ? 1 : 0)], 'text-place')) return refuse('text-place-of');
  // What follows the head.
  const a = head + 1;
  const next = w[a]?.lower ?? '';
  if (a < w.length && joined(s, a)) {
    if (inGroup(next, 'grammar-name-verb') || (['that', 'which'].includes(next) && ['says', 'reads', 'is', 'shows'].includes(w[a + 1]?.lower ?? '') && !colourOrLook(w[a + 2]))) {
      if (!(['that', 'which'].includes(next) && w[a + 1]?.lower === 'is' && colourOrLook(w[a + 2]))) return refuse('name-verb-after');
    }
    // "that looks like a pencil", "shaped like a star", "that is green".
    const b = ['that', 'which'].includes(next) ? a + 1 : a;
    if (inGroup(w[b]?.lower ?? '', 'grammar-look-verb')) {
      kind = 'shape';
      last = Math.min(w.length - 1, b + 3);
    } else if (['is', "that's"].includes(w[b]?.lower ?? '') && b > a && colourOrLook(w[b + 1])) {
      kind = colourWord(w[b + 1]) ? 'colour' : 'look';
      last = b + 1;
    } else if (next === 'with' && ['two', 'three', 'four'].includes(w[a + 1]?.lower ?? '') && joined(s, a + 1) && joined(s, a + 2)) {
      // "the button with two branches": a count of marks on it.
      kind ??= 'shape';
      last = a + 2;
    } else if (next === 'with' && DETERMINERS.has(w[a + 1]?.lower ?? '')) {
      // "the tile with the mountain picture", "the button with a blue ring".
      for (let m = a + 2; m < Math.min(w.length, a + 6); m++) {
        if (!joined(s, m)) break;
        const look = lookOf(w[m]);
        if (look === 'colour' || look === 'shape' || look === 'size' || look === 'look') kind ??= look;
        if (inGroup(w[m].lower, 'grammar-mark')) {
          kind ??= 'shape';
          last = m;
          break;
        }
        if (look === 'name' && m > a + 3) break;
      }
    } else if (next === 'of' && ['a', 'an'].includes(w[a + 1]?.lower ?? '') && inGroup(w[head].lower, 'grammar-picture-of')) {
      kind ??= 'shape';
      last = a + 2;
    }
    let place = placeAfter(s, a);
    if (place === -1 && last > head && last + 1 < w.length && joined(s, last + 1)) place = placeAfter(s, last + 1);
    if (place === 'device') {
      // "the button on the back of the base": a part in the hand, found by touch. A look still counts
      // ("the small button on the back of the unit": writers flag it, as there may be more than one).
      if (kind === undefined || kind === 'position') return refuse('device-side');
    } else if (place !== -1) {
      kind ??= 'position';
      last = Math.max(last, place);
    }
  }
  if (kind === undefined) {
    // "listen for the click", "wait for the beep".
    return refuse('no-look-no-place');
  }
  // "Look for the flashing light" and "wait for the green light" find a light by its look; "hold the small
  // button on the back" was left above. A sound is found by "listen for".
  return { kind, first: det + 1, last: Math.min(last, w.length - 1) };
}

function colourOrLook(x: Word | undefined): boolean {
  return !!x && (colourWord(x) || inGroup(x.lower, 'grammar-state') || is(x, 'style'));
}

/** A place after the head: "at the bottom", "in the top-right corner", "under the screen". Returns the last word,
 *  'device' for a side of a device found by touch ("on the back of the base"), or -1. */
function placeAfter(s: Sentence, a: number, strict = false): number | 'device' {
  const w = s.words;
  const p = w[a]?.lower ?? '';
  // "the third tab from the left".
  if (p === 'from' && w[a + 1]?.lower === 'the' && ['left', 'right', 'top', 'bottom'].includes(w[a + 2]?.lower ?? '')) return a + 2;
  if (strict && !PLACE_PREPS.has(p)) return -1;
  let j = a + 1;
  if (p === 'next' || p === 'close') {
    if (w[j]?.lower !== 'to') return -1;
    j++;
  }
  if (PLACE_PREPS.has(p)) {
    if (!['the', 'a'].includes(w[j]?.lower ?? '')) return -1;
    j++;
    let e = j;
    while (e < w.length && e < j + 3 && (PLACE_NOUNS.has(w[e].lower) || inGroup(w[e].lower, 'grammar-device-side'))) e++;
    if (e === j) return -1;
    // "on the back", "on the underside": a side of a thing in the hand.
    if (w.slice(j, e).every((x) => inGroup(x.lower, 'grammar-device-side') && !PLACE_NOUNS.has(x.lower)) && w[e]?.lower !== 'of') return 'device';
    const last = e - 1;
    // "in the top-left dropdown menu": the place words describe a neighbour that has a name of its own.
    if (e < w.length && joined(s, e) && !AFTER_PLACE.has(w[e].lower) && !PLACE_NOUNS.has(w[e].lower)) return -1;
    // "on the back of the base": a side of a device in the hand; "at the bottom of the screen" stays a place.
    if (w[e]?.lower === 'of') {
      let n = e + 1;
      if (['the', 'this', 'your', 'a'].includes(w[n]?.lower ?? '')) n++;
      // "of the summary page": the owner may be a compound.
      const owner = inGroup(w[n + 1]?.lower ?? '', 'grammar-screen') && joined(s, n + 1) ? w[n + 1].lower : w[n]?.lower ?? '';
      if (is(w[n], 'text-place') && !inGroup(owner, 'grammar-screen')) return -1;
      const sideOnly = w.slice(j, e).every((x) => inGroup(x.lower, 'grammar-device-side'));
      if (sideOnly && !inGroup(owner, 'grammar-screen') && !PLACE_NOUNS.has(owner)) return 'device';
      if (strict && !w.slice(j, e).some((x) => SCREEN_PLACES.has(x.lower))) return -1;
      return Math.min(w.length - 1, n);
    }
    if (strict && !w.slice(j, e).some((x) => SCREEN_PLACES.has(x.lower))) return -1;
    return last;
  }
  if (NEIGHBOUR_PREPS.has(p) || p === 'next') {
    if (!['the', 'your'].includes(w[j]?.lower ?? '')) return -1;
    if (inGroup(w[j + 1]?.lower ?? '', 'grammar-screen-part')) return j + 1;
    return -1;
  }
  return -1;
}

/** Sounds waited or listened for: "listen for the click", "wait for two short beeps". */
export function findListenFor(s: Sentence): GrammarHit[] {
  const w = s.words;
  const out: GrammarHit[] = [];
  for (let k = 0; k + 2 < w.length; k++) {
    if (!inGroup(w[k].lower, 'grammar-listen-verb') || w[k + 1].lower !== 'for' || !instruction(s, k)) continue;
    for (let m = k + 2; m < Math.min(w.length, k + 6); m++) {
      if (!joined(s, m)) break;
      if (inGroup(w[m].lower, 'grammar-sound') && (w[k].lower === 'listen' || !['click'].includes(w[m].lower))) {
        out.push({ kind: 'sound', first: k, last: m });
        break;
      }
    }
  }
  return out;
}
