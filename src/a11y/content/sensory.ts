/**
 * Finds sensory references (WCAG 1.3.3) in one sentence of the prose model:
 * word groups from rules/sensory-language.yml, combined by a few fixed
 * patterns. Linear in the number of words; no regular expressions on the text.
 */
import type { Sentence, Word } from '../../document/prose.js';
import { table } from '../../lexicon/data.js';
import { ALL_LOWER, HAS_WORD_CHAR, LOWER_WORD, TITLE_WORD, asciiClass } from '../../util/ascii-class.js';

// Unicode classes with their ASCII twins (src/util/ascii-class.ts): the \p expression is made only for non-ASCII text.
const LOWER_PLURAL3 = asciiClass(/^[a-z]{3,}s$/, () => /^\p{Ll}{3,}s$/u);
const LOWER_START_WORD = asciiClass(/^[a-z][A-Za-z-]*$/, () => /^\p{Ll}[\p{L}-]*$/u);
const BARE_GLYPH = asciiClass(/^[^A-Za-z0-9\s*_`[\]()"'“”‘’<>]{1,2}$/, () => /^[^\p{L}\p{N}\s*_`[\]()"'“”‘’<>]{1,2}$/u);

export type SensoryKind = 'colour' | 'shape' | 'size' | 'position' | 'visual' | 'colourVerb' | 'colourState' | 'sound' | 'gesture';

export interface SensoryHit {
  kind: SensoryKind;
  first: number;
  last: number;
  /** Colour/shape/size and position hits are excused by a label in the sentence; "the image below" is not. */
  labelExcuses: boolean;
  /** The label must stand in the phrase itself ("the padlock, **Lock**"), not anywhere in the sentence. */
  near?: boolean;
}

type Category = 'colour' | 'shape' | 'size' | 'shade' | 'thing' | 'size-thing' | 'text' | 'place' | 'compound' | 'visual' | 'colour-verb' | 'label-cue' | 'action' | 'exception' | 'indicator' | 'colour-change' | 'seen-change' | 'cue' | 'sound' | 'hear' | 'style' | 'sound-verb' | 'relative-place' | 'ordinal' | 'picture' | 'icon-picture' | 'counted-picture' | 'pointing' | 'generic' | 'extreme' | 'outline' | 'mark-word' | 'look-head' | 'direction' | 'text-place' | 'icon-function' | 'heard' | 'light-pattern' | 'status-mark' | 'show-verb' | 'message' | 'side';

interface Lexicon {
  words: Map<string, Set<Category>>;
  /** Multi-word label cues, as word lists ("that says"). */
  cues: string[][];
  /** Multi-word action verbs ("go to", "click on"). */
  actions: string[][];
  /** The multi-word actions by their first word (issue 19: a look-up, not a scan of the list per word). */
  actionsByFirst: Map<string, string[][]>;
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
    // Groups named grammar-… belong to the grammar reading (src/lexicon/sensory-grammar.ts), not to these patterns.
    if (String(e.category).startsWith('grammar-')) continue;
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
  const actionsByFirst = new Map<string, string[][]>();
  for (const a of actions) {
    const list = actionsByFirst.get(a[0]);
    if (list) list.push(a);
    else actionsByFirst.set(a[0], [a]);
  }
  lexicon = { words, cues, actions, actionsByFirst, exceptions };
  return lexicon;
}

/** Words that are a sign's picture ("the plus sign") and also join two amounts ("two seats plus one"). */
const ARITHMETIC = new Set(['plus', 'minus']);

/** "the second button from the left": an order on screen is a place too. */
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'next', 'other']);
/** Pictures an icon may show, after "with" or "looks like": "the button with three dots". */
const PICTURES = new Set(['dots', 'lines', 'arrow', 'arrows', 'gear', 'cog', 'pencil', 'plus', 'cross', 'star', 'heart', 'bell', 'magnifying', 'glass', 'sign', 'bars', 'squares', 'circle', 'tick', 'x']);
/** Places a look-only thing may be pointed to by ("the one at the bottom"). */
const AT_PLACES = new Set(['top', 'bottom', 'corner', 'edge', 'side', 'left', 'right', 'middle', 'centre', 'center', 'end', 'start', 'back', 'front', 'rear', 'underside', 'base']);
/** Place words used before a thing: "tap the top option", "the bottom button". */
const PLACE_ADJECTIVES = new Set(['top', 'bottom', 'upper', 'lower', 'middle', 'leftmost', 'rightmost', 'topmost', 'bottommost']);
/** Things a place word may point to besides the screen things of the table. */
const PLACED_THINGS = new Set(['row']);
/** "the option", "the item", "the entry": words that say only that it is a thing (word group "generic"). */
function generic(x: Word | undefined): boolean {
  return has(x, 'generic') || (!!x && PLACED_THINGS.has(x.lower) && !x.masked && !x.quoted);
}
/** "… at the bottom of the screen". */
const SCREEN = new Set(['screen', 'page', 'window', 'app', 'display', 'panel']);
/** Words between "hear" and the sound: "hear two short beeps". */
const SOUND_WORDS = new Set(['one', 'two', 'three', 'four', 'short', 'long', 'loud', 'quick', 'single', 'double', 'high', 'low', 'soft']);
/** Words before "hear" that deny it: "if you can't hear the beep". */
const NEGATIONS = new Set(["can't", 'cannot', "don't", "didn't", "won't", 'not', 'never', "couldn't", 'no', 'hardly']);
/** Words after "hear the" that are no sound: "hear the news", "hear the answer". */
const NOT_HEARD = new Set(['news', 'answer', 'answers', 'result', 'results', 'reply', 'decision', 'outcome', 'rest', 'end', 'story', 'details', 'same']);
/** "when you hear", "until you hear", "as soon as you hear", "once you can hear": a sound as the cue to act. */
function hearCue(s: Sentence, i: number): boolean {
  const w = s.words;
  let k = i - 1;
  if (w[k] && ['can', 'will', 'should', 'do', 'first'].includes(w[k].lower)) k--;
  if (w[k]?.lower !== 'you') return false;
  const cue = w[k - 1]?.lower ?? '';
  return ['when', 'once', 'until', 'till', 'after', 'if', 'as', 'whenever'].includes(cue);
}
/** Words the patterns below start from without being in any word group. */
const POSITION_WORDS = new Set(['left', 'right', 'below', 'above']);
const PREPOSITIONS = new Set(['on', 'to', 'at', 'in', 'from', 'toward', 'towards', 'near']);
/** Verbs of moving something, after which "to the left" is a direction: "turn the dial to the left". */
const MOVE_VERBS = new Set(['turn', 'rotate', 'twist', 'slide', 'move', 'drag', 'swipe', 'scroll', 'push', 'pull', 'tilt', 'shift', 'spin', 'flip', 'set', 'adjust', 'pan']);
/** A moving verb up to five words before index k, in the same clause. */
function movedBefore(s: Sentence, k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 5; j--) {
    if (MOVE_VERBS.has(s.words[j].lower)) return true;
    if (!joined(s, j)) return false;
  }
  return false;
}
const VERTICAL = new Set(['top', 'bottom', 'upper', 'lower']);
/** Prepositions that place an instruction's object: "type it in the box at the bottom". */
const INTO = new Set(['in', 'into', 'onto']);
/** Numbers that count things: "the larger of the two buttons", "the two vertical bars". */
const COUNT_WORDS = new Set(['two', 'three', 'four', 'both']);
/** Lines drawn one way: "the two vertical bars". */
const LINE_LOOKS = new Set(['vertical', 'horizontal', 'diagonal', 'little', 'small', 'short', 'thin', 'stacked', 'parallel']);
const LINE_STYLES = new Set(['solid', 'dotted', 'dashed', 'broken', 'wavy', 'thick', 'thin', 'bold', 'double']);
const LINE_NOUNS = new Set(['line', 'lines', 'border', 'outline', 'stroke']);
const SHOWN = new Set(['shown', 'displayed', 'pictured', 'illustrated', 'here', 'just']);
/** Words after "on the left" that keep it a place: "of", "and", "side"… (place words are added from the table). */
const AFTER_PLACE = new Set(['of', 'and', 'or', 'then', 'next']);

/** A word that says how something looks: a colour, a shade or a light pattern ("red", "bright", "flashing"), quoted or not. */
export function isLookWord(lower: string): boolean {
  const cats = lex().words.get(lower);
  return cats !== undefined && (cats.has('colour') || cats.has('shade') || cats.has('light-pattern'));
}

/** A word is in a word group of rules/sensory-language.yml. */
export function inCategory(lower: string, cat: Category): boolean {
  return lex().words.get(lower)?.has(cat) ?? false;
}

/** A side of a device or page (rules/sensory-language.yml, category `side`): "back", "underside". */
export function isSideWord(lower: string): boolean {
  return lex().words.get(lower)?.has('side') ?? false;
}

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
  if (!(w[i + 1]?.lower === 'of' && joined(s, i + 1))) return false;
  if (RELATIVE.has(w[i + 2]?.lower ?? '')) return true;
  // "the star to the right of the library", "the box to the left of the file name": the neighbour is an item
  // of the content (a row's name), read out just before the thing, not a part of the screen (issue 14, audit:
  // a place in a list row). "to the right of the search box" and "of the screen" stay places on screen.
  if (w[i + 2]?.lower !== 'the' || !joined(s, i + 2)) return false;
  let k = i + 3;
  while (k < w.length && k - i <= 5 && lowerWord(w[k]) && joined(s, k) && !NP_ENDS.has(w[k].lower)) k++;
  const head = w[k - 1];
  return k > i + 3 && !(has(head, 'thing') || has(head, 'place') || has(head, 'visual') || has(head, 'indicator') || has(head, 'generic') || SCREEN.has(head.lower) || LOOK_PLACE.has(head.lower));
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
  return ORDINALS.has(w.lower) || has(w, 'icon-picture') || has(w, 'style') || has(w, 'colour') || has(w, 'shape') || has(w, 'size') || has(w, 'shade') || (has(w, 'thing') && !has(w, 'text')) || LOOK_PLACE.has(w.lower) || generic(w) || has(w, 'extreme');
}
/** Place words that say nothing about what a thing does ("the panel on the left"); "menu" or "navigation" name a function. */
const LOOK_PLACE = new Set(['side', 'sidebar', 'panel', 'pane', 'column', 'corner', 'edge', 'area', 'part', 'half', 'menu']);
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'this', 'that', 'these', 'those', 'its', 'their', 'any', 'each', 'every']);
const LINKS = new Set(['in', 'on', 'at', 'to', 'near', 'toward', 'towards', 'from', 'of']);

/** Index just past an instruction verb starting at k ("click", "click on", "press and hold"), or -1. */
function actionEnd(s: Sentence, k: number): number {
  const w = s.words;
  const l = lex();
  let end = -1;
  if (l.words.get(w[k].lower)?.has('action')) end = k + 1;
  for (const a of l.actionsByFirst.get(w[k].lower) ?? []) if (a.every((x, i) => w[k + i]?.lower === x && (i === 0 || joined(s, k + i)))) end = Math.max(end, k + a.length);
  return end;
}

/** An instruction verb in the few words before index k ("tap any grey square"). */
function actionWithin(s: Sentence, k: number, span: number): boolean {
  for (let j = Math.max(0, k - span); j < k; j++) if (actionEnd(s, j) !== -1) return true;
  return false;
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
  // "Go to the right-hand panel": the preposition ends the instruction verb, so nothing names the place.
  if (actionBefore(s, first + 1)) return false;
  let k = first - 1;
  // "Open Settings in the left sidebar": step over the link word.
  if (k >= 0 && LINKS.has(w[k].lower) && DETERMINERS.has(w[first].lower)) k--;
  // The phrase opens the sentence or a clause, or follows an instruction verb: it points by place alone.
  // "the video section (top right corner)": an aside after a thing; named unless that thing is look-only.
  if (k >= 0 && s.block.text.slice(w[k].end, w[k + 1].start).includes('(')) return !lookOnly(w[k]) && !actionBefore(s, k + 1) && !DETERMINERS.has(w[k].lower);
  const pointsAlone = (at: number) => at < 0 || !joined(s, at + 1) || actionBefore(s, at + 1);
  if (pointsAlone(k)) return false;
  if (DETERMINERS.has(w[k].lower)) return false;
  // "the trolley in the top corner", "the pen icon from the left panel": a picture is a look, not a name.
  if (!lookOnly(w[k])) return !pictureWord(w[k]);
  // "the icon on the right", "the big round one at the top": walk back over the look-only words.
  while (k >= 0 && lookOnly(w[k]) && joined(s, k + 1)) k--;
  if (pointsAlone(k)) return false;
  if (DETERMINERS.has(w[k].lower) || LINKS.has(w[k].lower)) return false;
  // "the search bar at the top": a word that is not about looks names it; "the camera shape" does not.
  // "the ticket icon in the bottom-left corner": before "icon" a word tells what it shows, unless it says what it does.
  return !has(w[k + 1], 'look-head') && !pictureWord(w[k]) && !shownOnIcon(s, k);
}

/** Words that make the word before them what an icon shows ("the ticket icon"), not a button's name ("the send button"). */
const ICON_ONLY = new Set(['icon', 'icons', 'symbol', 'symbols']);

/**
 * Word k tells what the icon after it shows: "the ticket icon", "the orange truck icon" (not "the
 * share icon", which says what it does, and not "the Tickets icon", a name).
 */
function shownOnIcon(s: Sentence, k: number): boolean {
  const w = s.words;
  return lowerWord(w[k]) && ICON_ONLY.has(w[k + 1]?.lower ?? '') && joined(s, k + 1) && !has(w[k], 'icon-function') && !DETERMINERS.has(w[k].lower) && !LINKS.has(w[k].lower);
}

/**
 * "Free times are marked with green dots": a mark that is there or not (a dot, a tick, a badge) is a
 * cue of its own; the colour only adds to it. Not when the sentence names two colours ("green dots for
 * free times and grey dots for busy ones"): then the colour tells them apart.
 */
/** Marks besides the outline words: "marked with an orange star". */
const MARKS = new Set(['star', 'stars', 'symbol', 'symbols', 'ticks', 'badges', 'flags', 'marks', 'markers', 'icons']);

function presenceMark(s: Sentence, first: number, noun: number): boolean {
  const w = s.words;
  let k = first - 1;
  if (w[k] && ['a', 'an'].includes(w[k].lower)) k--;
  if (w[k]?.lower !== 'with' || !has(w[k - 1], 'colour-verb')) return false;
  if (!(has(w[noun], 'outline') || MARKS.has(w[noun].lower)) || has(w[noun], 'text')) return false;
  const colours = new Set(w.filter((x) => has(x, 'colour')).map((x) => x.lower));
  return colours.size === 1;
}

/** Every word findSensory starts from besides hyphenated ones, in one set (issue 19: one look-up a word, not six). */
let starters: Set<string> | undefined;
function startWords(l: Lexicon): Set<string> {
  return new Set([...l.words.keys(), 'will', ...POSITION_WORDS, ...INTO, ...COUNT_WORDS, ...l.actionsByFirst.keys()]);
}

/** Every sensory reference in a sentence, left to right, not overlapping. */
export function findSensory(s: Sentence, prev?: Sentence): SensoryHit[] {
  const w = s.words;
  const out: SensoryHit[] = [];
  const l = lex();
  for (let i = 0; i < w.length; i++) {
    const word = w[i];
    if (word.masked || word.quoted) continue;
    // Most words are in no group: skip them before any pattern work.
    if (!(starters ??= startWords(l)).has(word.lower) && !word.lower.includes('-')) continue;

    // 0. new wordings (issue 14): states told by colour, sounds as verbs, things found by order, picture or neighbour.
    const extra = pointsByLook(s, i) ?? pronounState(s, i, prev) ?? makesSound(s, i) ?? lookObject(s, i) ?? swipeDirection(s, i) ?? theCross(s, i);
    if (extra) {
      out.push(extra);
      i = extra.last;
      continue;
    }

    // 0a. a sound as the only signal: "until you hear the beep", "listen for two short tones".
    // "wait for three quick beeps": waiting for a sound is listening for it.
    const waitFor = word.lower === 'wait' && ['for', 'until'].includes(w[i + 1]?.lower ?? '');
    // "If you can't hear the announcement, ask staff": help for those who cannot hear, not a cue.
    if ((has(word, 'hear') || waitFor) && !NEGATIONS.has((w[i - 1]?.lower ?? '').replace(/’/g, "'"))) {
      let j = i + 1;
      if ((w[j]?.lower === 'for' || w[j]?.lower === 'until') && joined(s, j)) j++;
      let k = j;
      while (k < w.length && k - j < 3 && joined(s, k) && !has(w[k], 'sound') && (DETERMINERS.has(w[k].lower) || SOUND_WORDS.has(w[k].lower))) k++;
      // "when you hear the bell", "once you hear the announcement": after a cue, whatever is heard is a sound.
      const heard = has(w[k], 'heard') || (k > j && hearCue(s, i) && lowerWord(w[k]) && !NOT_HEARD.has(w[k].lower));
      if (k < w.length && (has(w[k], 'sound') || heard) && joined(s, k) && k > i) {
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
          const blank = ['screen', 'display'].includes(w[thing].lower) && ['black', 'white', 'dark'].includes(w[c]?.lower ?? '');
          if (has(w[c], 'colour') && joined(s, c) && !blank && !labelledAfter(s, c)) {
            out.push({ kind: 'colourState', first: i, last: c, labelExcuses: false });
            i = c;
            continue;
          }
        }
      }
    }

    // 0c. an instruction that points by a look and a place only: "tap the one at the bottom", "use the arrow in the corner".
    let act = actionEnd(s, i);
    // "type your note in the box at the bottom", "drag the file onto the grey area": the place of an instruction's object.
    if (act === -1 && INTO.has(word.lower) && i > 0 && DETERMINERS.has(w[i + 1]?.lower ?? '') && actionWithin(s, i, 5)) act = i + 1;
    if (act !== -1) {
      let j = act;
      if (w[j] && DETERMINERS.has(w[j].lower) && joined(s, j)) j++;
      const np = j;
      // "the speaker icon at the bottom": what an icon shows is a look too.
      while (j < w.length && (lookOnly(w[j]) || shownOnIcon(s, j)) && joined(s, j)) j++;
      const p = j;
      // "tap the top option", "press the bottom button": a place word before the thing, nothing else.
      if (j === np && w[np] && PLACE_ADJECTIVES.has(w[np].lower) && joined(s, np)) {
        let e = np + 1;
        while (e < w.length && e - np <= 3 && joined(s, e) && (lookOnly(w[e]) || PLACE_ADJECTIVES.has(w[e].lower) || w[e].lower === 'left' || w[e].lower === 'right') && !has(w[e], 'thing') && !generic(w[e])) e++;
        const thing = w[e];
        if (thing && joined(s, e) && (has(thing, 'thing') || generic(thing)) && !capitalisedInside(s, e) && !labelledAfter(s, e) && !(w[e + 1] && joined(s, e + 1) && w[e + 1].lower === 'of')) {
          out.push({ kind: 'position', first: np, last: e, labelExcuses: true });
          i = e;
          continue;
        }
      }
      const descr = w.slice(np, p);
      const colourOf = () => (descr.some((x) => has(x, 'colour')) ? 'colour' : descr.some((x) => has(x, 'shape')) ? 'shape' : descr.some((x) => has(x, 'size')) ? 'size' : 'position');
      // "the button with the three dots", "the icon with a plus sign", "the icon that looks like a gear".
      // ("the item with the star", "the option with a green tick": a bare "item" is found by its mark too.)
      if (p > np && w[p] && joined(s, p) && (has(w[p - 1], 'thing') || generic(w[p - 1])) && !labelledAfter(s, p - 1)) {
        let q = -1;
        if (w[p].lower === 'with') q = p + 1;
        // "the icon that has a tick on it", "the button showing a plus sign".
        if (['that', 'which'].includes(w[p].lower) && ['has', 'have', 'shows', 'show'].includes(w[p + 1]?.lower ?? '')) q = p + 2;
        if (w[p].lower === 'showing') q = p + 1;
        if (['that', 'which'].includes(w[p].lower) && ['looks', 'look'].includes(w[p + 1]?.lower ?? '') && w[p + 2]?.lower === 'like') q = p + 3;
        if (w[p].lower === 'shaped' && w[p + 1]?.lower === 'like') q = p + 2;
        if (q !== -1) {
          let counted = false;
          while (w[q] && q - p <= 4 && (DETERMINERS.has(w[q].lower) || SOUND_WORDS.has(w[q].lower))) {
            if (COUNT_WORDS.has(w[q].lower)) counted = true;
            q++;
          }
          let e = q;
          // "the button with the little house on it": a size word before the picture too.
          while (e < w.length && e - q < 3 && joined(s, e) && (has(w[e], 'colour') || has(w[e], 'shape') || has(w[e], 'shade') || has(w[e], 'size') || has(w[e], 'thing') || has(w[e], 'picture') || PICTURES.has(w[e].lower))) e++;
          // "the button with two branches", "the icon with three waves": a count of small marks is a picture too.
          if (e === q && counted && w[q] && joined(s, q) && LOWER_PLURAL3.test(w[q].text) && !w[q].masked && !w[q].quoted) e = q + 1;
          if (e > q && e - 1 >= q && (has(w[e - 1], 'shape') || has(w[e - 1], 'thing') || has(w[e - 1], 'picture') || PICTURES.has(w[e - 1].lower) || (counted && e === q + 1))) {
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
      if (p > np && w[p] && joined(s, p) && ['in', 'on', 'at', 'near', 'from', 'along', 'across'].includes(w[p].lower) && !labelledAfter(s, p - 1) && !handStep(s, np, p - 1)) {
        let q = p + 1;
        if (w[q] && DETERMINERS.has(w[q].lower)) q++;
        // "at the very bottom", "in the far corner".
        if (has(w[q], 'extreme') && joined(s, q + 1)) q++;
        // "in the upper corner", "at the lower edge".
        if (w[q] && PLACE_ADJECTIVES.has(w[q].lower) && AT_PLACES.has(w[q + 1]?.lower ?? '') && joined(s, q + 1)) q++;
        const at = w[q];
        if (at && joined(s, q) && (AT_PLACES.has(at.lower) || has(at, 'compound'))) {
          let last = q;
          if (has(w[q + 1], 'place') && joined(s, q + 1)) last = q + 1;
          if (w[last + 1]?.lower === 'of' && joined(s, last + 1) && w[last + 2] && DETERMINERS.has(w[last + 2].lower) && SCREEN.has(w[last + 3]?.lower ?? '')) last += 3;
          if ((at.lower === 'top' || at.lower === 'bottom') && (w[last + 1]?.lower === 'left' || w[last + 1]?.lower === 'right') && joined(s, last + 1)) last++;
          // "the link at the bottom of this article": a place in the text, the same for everyone.
          const inText = w[last + 1]?.lower === 'of' && ['this', 'the', 'each', 'every'].includes(w[last + 2]?.lower ?? '') && has(w[last + 3], 'text-place');
          if (!inText) {
            const kind = colourOf();
            out.push({ kind: kind === 'size' ? 'position' : kind, first: np, last, labelExcuses: true });
            i = last;
            continue;
          }
        }
      }
    }

    // 0d. new shapes (issue 14, r4).
    const r4 = lookShapes(s, i);
    if (r4) {
      out.push(r4);
      i = r4.last;
      continue;
    }

    // 1. colour / shape / size word + thing: "the big green button", "the red text".
    const kinds = (['colour', 'shape', 'size'] as const).filter((k) => has(word, k));
    // "the highlighted button", "the greyed-out link": a look that is not a colour name still marks by colour.
    if (!kinds.length && has(word, 'style') && i > 0 && DETERMINERS.has(w[i - 1].lower) && !capitalisedInside(s, i)) kinds.push('colour');
    // "the main thread plus one worker", "the base plan plus two seats": plus and minus join two things (sums), they
    // are a shape only as a name ("the plus sign", "tap the plus").
    if (kinds.length && !capitalisedInside(s, i) && !(ARITHMETIC.has(word.lower) && !(i > 0 && DETERMINERS.has(w[i - 1].lower)))) {
      let j = i + 1;
      const seen = new Set<string>(kinds);
      while (j < w.length && j - i <= 3 && joined(s, j) && (has(w[j], 'colour') || has(w[j], 'shape') || has(w[j], 'size') || has(w[j], 'shade'))) {
        for (const k of ['colour', 'shape', 'size'] as const) if (has(w[j], k)) seen.add(k);
        j++;
      }
      let noun = w[j];
      // "tap any green square", "click the blue circle": the last look word is the thing itself.
      if (j > i + 1 && !(noun && joined(s, j) && has(noun, 'thing')) && has(w[j - 1], 'thing') && (seen.has('colour') || seen.has('size'))) noun = w[--j];
      if (noun && joined(s, j) && !capitalisedInside(s, j) && !l.exceptions.has(`${w[j - 1].lower} ${noun.lower}`)) {
        const looks = seen.has('colour') || seen.has('shape');
        let thing = looks ? has(noun, 'thing') : has(noun, 'size-thing');
        // "a square frame makes the photo fit": a shape alone marks a control only after an instruction or before a control word.
        if (thing && !seen.has('colour') && !seen.has('size') && !has(noun, 'size-thing') && !actionWithin(s, i, 4)) thing = false;
        // "tap the red option": a bare "option" or "item" only after an instruction ("choose the blue option" may be a product colour otherwise).
        // A colour named twice ("choose the blue option if you want the blue case") is a product's colour.
        if (!thing && looks && generic(noun) && i > 0 && DETERMINERS.has(w[i - 1].lower) && actionBefore(s, i - 1) && !w.some((x, k) => k !== i && x.lower === word.lower)) thing = true;
        // "the green check mark", "the red x mark": a mark named by its picture.
        if (!thing && looks && has(noun, 'mark-word') && has(w[j + 1], 'thing') && joined(s, j + 1) && !labelledAfter(s, j + 1)) {
          out.push({ kind: seen.has('colour') ? 'colour' : 'shape', first: i, last: j + 1, labelExcuses: true });
          i = j + 1;
          continue;
        }
        const text = has(noun, 'text') && seen.has('colour');
        if ((thing || text) && !labelledAfter(s, j) && !presenceMark(s, i, j) && !handStep(s, i, j)) {
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

    // 2b. a line style as the only cue: "the ones drawn with a solid line", "routes shown as a dashed line".
    if (has(word, 'colour-verb') && ['with', 'as', 'in', 'by'].includes(w[i + 1]?.lower ?? '') && joined(s, i + 1)) {
      let k = i + 2;
      if (['a', 'an'].includes(w[k]?.lower ?? '') && joined(s, k)) k++;
      if (w[k] && LINE_STYLES.has(w[k].lower) && joined(s, k) && w[k + 1] && LINE_NOUNS.has(w[k + 1].lower) && joined(s, k + 1)) {
        out.push({ kind: 'shape', first: i, last: k + 1, labelExcuses: true });
        i = k + 1;
        continue;
      }
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
      // "on the far right", "to the very left": step over the word that pushes it to the edge.
      const o = has(w[i - 1], 'extreme') && joined(s, i) ? 1 : 0;
      const prev = w[i - 1 - o];
      const prev2 = w[i - 2 - o];
      let first = -1;
      let last = i;
      if (prev && VERTICAL.has(prev.lower) && joined(s, i)) {
        // "top left", "upper right": a place, whatever follows.
        first = i - 1;
        if (w[i - 3] && PREPOSITIONS.has(w[i - 3].lower) && ['the', 'your'].includes(w[i - 2].lower)) first = i - 3;
      } else if (prev && prev2 && ['the', 'your'].includes(prev.lower) && PREPOSITIONS.has(prev2.lower) && joined(s, i) && joined(s, i - 1 - o) && !nextToNeighbour(s, i) && (placeFollows(s, i) || isScreenThing(w[i - 3 - o]) || o === 1)) {
        // "on the right." / "on the right side" / "the icon on the right opens…" / "on the far right"
        first = i - 2 - o;
      } else if (prev && ['the', 'your'].includes(prev.lower) && joined(s, i) && (has(w[i + 1], 'place') || has(w[i + 1], 'thing')) && joined(s, i + 1) && !(word.lower === 'right' && ['one', 'ones'].includes(w[i + 1]?.lower ?? ''))) {
        // ("the right one" is the correct one, not a place.)
        first = i - 1;
      }
      if (first !== -1) {
        if ((has(w[i + 1], 'place') || has(w[i + 1], 'thing')) && joined(s, i + 1)) last = i + 1;
        // "the button to the right of the search box": the name after "of" is the neighbour's, not the thing's,
        // so only a label next to the thing excuses it.
        const neighbour = ['to', 'toward', 'towards'].includes(w[first].lower) && w[last + 1]?.lower === 'of' && joined(s, last + 1);
        // "turn the dial to the far left", "drag the slider to the right": a direction to move in, not a place.
        const direction = ['to', 'toward', 'towards'].includes(w[first].lower) && movedBefore(s, first);
        if (!direction && !namedBefore(s, first)) out.push({ kind: 'position', first, last, labelExcuses: true, ...(neighbour ? { near: true } : {}) });
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
  if (!out.length) {
    const legend = colourLegend(s) ?? colourGroup(s);
    if (legend) out.push(legend);
  }
  return out;
}

/** Cues before "it" or "they" whose colour tells a state: "If it's red, tap it to renew". */
const PRONOUN_CUES = new Set(['if', 'when', 'once', 'until', 'till', 'while', 'whenever']);

/**
 * "Check the dot next to your pet's name. If it's red, tap it to renew.": a cue, "it" or "they", a
 * state verb and a colour that ends its clause, after a sentence (`prev`, same block) that points to
 * a light, a dot or another indicator. The colour is the only sign of the state.
 */
function pronounState(s: Sentence, i: number, prev: Sentence | undefined): SensoryHit | undefined {
  const w = s.words;
  if (!prev || !PRONOUN_CUES.has(w[i].lower)) return undefined;
  const k = i + 1;
  const pro = (w[k]?.lower ?? '').replace(/’/g, "'");
  if (!["it's", "they're", 'it', 'they'].includes(pro) || !joined(s, k)) return undefined;
  let m = k + 1;
  while (m < w.length && m - k <= 3 && (MODALS.has(w[m].lower) || has(w[m], 'colour-change')) && joined(s, m)) m++;
  if (m === k + 1 && !pro.includes("'")) return undefined;
  while (m < w.length && m - k <= 5 && BEFORE_COLOUR.has(w[m].lower) && joined(s, m)) m++;
  if (!has(w[m], 'colour') || !joined(s, m) || capitalisedInside(s, m) || labelledAfter(s, m)) return undefined;
  // "if it's red wine": the colour must end its clause.
  const next = w[m + 1];
  if (next && joined(s, m + 1) && !['and', 'or', 'then'].includes(next.lower)) return undefined;
  // "if it is blank": a screen's colour is no code; the sentence before must point to a light, a dot, a badge…
  if (!prev.words.some((x) => has(x, 'indicator') && !['screen', 'display'].includes(x.lower))) return undefined;
  return { kind: 'colourState', first: i, last: m, labelExcuses: false };
}

/** Verbs that make a sound: "when the boiler makes a clicking noise". */
const MAKE_VERBS = new Set(['makes', 'make', 'gives', 'give', 'plays', 'play', 'emits', 'emit', 'lets']);
/** Nouns of a sound after a making verb. */
const NOISES = new Set(['noise', 'noises', 'sound', 'sounds', 'tone', 'tones', 'tune', 'melody', 'ringtone', 'beep', 'beeps', 'chime', 'chimes', 'buzz', 'ding', 'click', 'clicks', 'alarm', 'jingle', 'ping', 'whistle']);

/** "when the boiler makes a clicking noise", "once the scanner gives two short beeps": a sound as the cue, told with a verb of making. */
function makesSound(s: Sentence, i: number): SensoryHit | undefined {
  const w = s.words;
  if (!SOUND_CUES.has(w[i].lower)) return undefined;
  let k = i + 1;
  while (k < w.length && k - i <= 4 && lowerWord(w[k]) && joined(s, k) && !MAKE_VERBS.has(w[k].lower) && !PEOPLE.has(w[k].lower)) k++;
  if (k === i + 1 || !MAKE_VERBS.has(w[k]?.lower ?? '') || !joined(s, k)) return undefined;
  let m = k + 1;
  while (m < w.length && m - k <= 4 && lowerWord(w[m]) && joined(s, m) && !NOISES.has(w[m].lower)) m++;
  if (m === k + 1 || !NOISES.has(w[m]?.lower ?? '') || !joined(s, m)) return undefined;
  return { kind: 'sound', first: i, last: m, labelExcuses: false };
}

/** Verbs that give a thing a colour as its meaning: "free desks are green", "paid bills show in blue". */
const LEGEND_VERBS = new Set(['is', 'are', 'show', 'shows', 'appear', 'appears', 'turn', 'turns']);

/**
 * "Free desks are green and booked desks are grey": two or more colours, each given to a thing by
 * "is", "are", "show" or "appear" (optionally "in"), make a legend readable only by colour.
 */
function colourLegend(s: Sentence): SensoryHit | undefined {
  const w = s.words;
  const found: number[] = [];
  const colours = new Set<string>();
  for (let k = 2; k < w.length; k++) {
    if (!has(w[k], 'colour') || !joined(s, k) || capitalisedInside(s, k)) continue;
    let v = k - 1;
    if (w[v].lower === 'in' && joined(s, v)) v--;
    if (!LEGEND_VERBS.has(w[v].lower) || !lowerWord(w[v - 1])) continue;
    // "…are green, the grey ones…": the colour ends its clause, not "green energy".
    const next = w[k + 1];
    if (next && joined(s, k + 1) && !['and', 'or', 'but', 'while', 'when', 'if'].includes(next.lower)) continue;
    found.push(v);
    colours.add(w[k].lower);
    if (colours.size >= 2) return { kind: 'colourVerb', first: found[0], last: k, labelExcuses: false };
  }
  return undefined;
}

/** Words between a cue and the indicator: "check that the light", "see if the LED". */
const AFTER_CUE = new Set(['that', 'whether', 'if', 'for', 'until', 'to', 'see', 'the', 'a', 'your', 'its']);
/** Words before a state verb: "should be green", "has turned red". */
const MODALS = new Set(['should', 'must', 'will', 'to', 'can', 'may', 'has', 'have', 'does', 'is', 'are', 'now', 'still', 'be', 'been', 'become', 'becomes', 'stays', 'turns', 'lights', 'glows', 'shines', 'goes']);
/** Words between a state verb and its colour: "solid blue", "lights up green". */
const BEFORE_COLOUR = new Set(['solid', 'bright', 'steady', 'up', 'fully', 'a', 'pulsing', 'flashing', 'blinking']);
/** Cues that make a sound the signal to act: "when the printer beeps". */
const SOUND_CUES = new Set(['when', 'once', 'until', 'till', 'after', 'if', 'wait']);
/** Verbs that act on a screen, where a picture word names an icon ("tap the heart"). */
const SCREEN_VERBS = new Set(['click', 'tap', 'select', 'choose', 'pick', 'hit', 'touch', 'double-click', 'right-click', 'press']);
/** A verb that acts on a screen control ("click", "tap", "select") among words from..to-1. */
export function screenAction(s: Sentence, from = 0, to = s.words.length): boolean {
  for (let k = from; k < to; k++) if (SCREEN_VERBS.has(s.words[k].lower)) return true;
  return false;
}
/**
 * Verbs of the hand on a device ("push the orange tab down", "lift the grey latch"). A part of the
 * hardware has no label to give, so its colour is a fair cue (a blind audit judged these false alarms).
 */
const HAND_VERBS = new Set(['push', 'pull', 'slide', 'flip', 'lift', 'twist', 'grab', 'squeeze', 'pinch', 'insert', 'plug', 'unplug', 'unscrew', 'screw', 'clip', 'unclip', 'snap', 'rotate', 'bend']);
/** Whether the instruction before the look word at i is a hand verb, in a sentence with no word of a screen (the thing is at j). */
function handStep(s: Sentence, i: number, j: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (HAND_VERBS.has(s.words[k].lower)) return !s.words.some((x, m) => m !== j && ON_SCREEN.has(x.lower));
    if (actionEnd(s, k) !== -1) return false;
  }
  return false;
}
/** Lists whose order a screen reader says too ("the first link in the list"). */
const LISTS = new Set(['list', 'lists', 'menu', 'results', 'table', 'email', 'message', 'article', 'section', 'steps', 'dropdown', 'drop-down', 'search', 'form', 'guide']);
const PEOPLE = new Set(['you', 'we', 'i', 'they', 'someone', 'anyone']);
/** How many times: "beeps three times", "chimes twice". */
const TIMES = new Set(['once', 'twice', 'times', 'time']);
const COUNTS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'a', 'few', 'several', 'short', 'long']);
/** Things a gesture or push acts on besides the screen things: "the orange tab", "the second option". */
function pointable(x: Word | undefined): boolean {
  return !!x && !x.masked && !x.quoted && (has(x, 'thing') || generic(x));
}
function lowerWord(x: Word | undefined): boolean {
  return !!x && !x.masked && !x.quoted && LOWER_WORD.test(x.text);
}

/**
 * Wordings the older patterns miss, each from a cue word at i:
 *   check that / make sure / if … the light … is / turns … green   (a state told by colour)
 *   when / once / until + the printer + beeps / chimes             (a sound as the signal)
 *   click / tap … the first / last + thing                         (order on screen)
 *   click / tap … the thing that looks like a cloud                (a picture)
 *   click / tap … the thing below / next to / under the …          (a neighbour on screen)
 *   click / tap … the arrow pointing down                          (a direction)
 *   click / tap … the padlock / the plus sign / the three dots     (a picture as the name)
 *   click / tap … the picture of a bin, the paper plane icon       (a picture, in words or before "icon")
 *   tap the trolley in the top corner                              (a picture and a place, one finding)
 *   click / tap … the gift box icon at the top                     (a picture and a place)
 * Bounded look-ahead from i; every loop moves forward.
 */
function pointsByLook(s: Sentence, i: number): SensoryHit | undefined {
  const hit = pointsByLookAt(s, i);
  if (hit && hit.labelExcuses) hit.near = true;
  return hit;
}

function pointsByLookAt(s: Sentence, i: number): SensoryHit | undefined {
  const w = s.words;
  const word = w[i];
  // "The light should be green", "the LED must stay solid blue": a state to check by colour.
  const det = i >= 2 && DETERMINERS.has(w[i - 2].lower) ? i - 2 : i >= 3 && DETERMINERS.has(w[i - 3].lower) && lowerWord(w[i - 2]) ? i - 3 : -1;
  // "The LED will flash green, then red": what the light will do, told by colour alone.
  // ("the LED will be blue instead of green" names a colour, it is not a signal to wait for.)
  const willChange = (word.lower === 'will' || word.lower === "'ll") && has(w[i + 1], 'colour-change') && !['be', 'is', 'are', 'stay'].includes(w[i + 1].lower);
  if ((word.lower === 'should' || word.lower === 'must' || willChange) && det !== -1 && has(w[i - 1], 'indicator') && joined(s, i)) {
    let m = i + 1;
    while (m < w.length && m - i <= 2 && (MODALS.has(w[m].lower) || has(w[m], 'colour-change')) && joined(s, m)) m++;
    while (m < w.length && m - i <= 5 && BEFORE_COLOUR.has(w[m].lower) && joined(s, m)) m++;
    const blank = ['screen', 'display'].includes(w[i - 1].lower) && ['black', 'white', 'dark'].includes(w[m]?.lower ?? '');
    if (m > i + 1 && has(w[m], 'colour') && joined(s, m) && !blank && !capitalisedInside(s, m) && !labelledAfter(s, m)) return { kind: 'colourState', first: det, last: m, labelExcuses: false };
  }
  // A state told by colour alone.
  if (has(word, 'cue')) {
    let k = i + 1;
    while (k < w.length && k - i <= 4 && AFTER_CUE.has(w[k].lower) && joined(s, k)) k++;
    let n = 0;
    while (k < w.length && n < 3 && !has(w[k], 'indicator') && lowerWord(w[k]) && joined(s, k) && !has(w[k], 'colour-change') && !MODALS.has(w[k].lower)) {
      k++;
      n++;
    }
    // "the status light", but not "the light switch".
    if (has(w[k], 'indicator') && joined(s, k) && !(has(w[k + 1], 'indicator') && joined(s, k + 1))) {
      let v = k + 1;
      // "the light on the dock", "the LED next to the port".
      if (w[v] && ['on', 'of', 'at', 'in', 'near', 'next', 'by', 'above', 'below', 'beside'].includes(w[v].lower) && joined(s, v)) {
        let e = w[v].lower === 'next' && w[v + 1]?.lower === 'to' ? v + 2 : v + 1;
        while (e < w.length && e - v <= 5 && lowerWord(w[e]) && !MODALS.has(w[e].lower) && !has(w[e], 'colour-change')) e++;
        v = e;
      }
      let m = v;
      while (m < w.length && m - v < 3 && (MODALS.has(w[m].lower) || has(w[m], 'colour-change')) && joined(s, m)) m++;
      if (m > v) {
        while (m < w.length && m - v < 5 && BEFORE_COLOUR.has(w[m].lower) && joined(s, m)) m++;
        // "if the screen stays black": a blank screen, not a colour code.
        const blank = ['screen', 'display'].includes(w[k].lower) && ['black', 'white', 'blank', 'dark'].includes(w[m]?.lower ?? '');
        if (has(w[m], 'colour') && joined(s, m) && !blank && !capitalisedInside(s, m) && !labelledAfter(s, m)) return { kind: 'colourState', first: i, last: m, labelExcuses: false };
      }
    }
  }
  // A sound as the signal: "when the printer beeps three times", "once it chimes".
  if (SOUND_CUES.has(word.lower)) {
    let k = i + 1;
    if (w[k]?.lower === 'until' || w[k]?.lower === 'for') k++;
    const subject = k;
    while (k < w.length && k - subject < 4 && joined(s, k) && lowerWord(w[k]) && !PEOPLE.has(w[k].lower) && !has(w[k], 'sound-verb')) k++;
    if (k > subject && has(w[k], 'sound-verb') && joined(s, k) && (DETERMINERS.has(w[subject].lower) || w[subject].lower === 'it')) {
      let last = k;
      if (w[k + 1] && TIMES.has(w[k + 1].lower) && joined(s, k + 1)) last = k + 1;
      else if (w[k + 1] && COUNTS.has(w[k + 1].lower) && TIMES.has(w[k + 2]?.lower ?? '') && joined(s, k + 2)) last = k + 2;
      return { kind: 'sound', first: i, last, labelExcuses: false };
    }
  }
  const act = actionEnd(s, i);
  if (act === -1) return undefined;
  let np = act;
  if (!(w[np] && DETERMINERS.has(w[np].lower) && joined(s, np))) return undefined;
  np++;
  // The thing found by its order: "click the first link", "choose the last option".
  if (has(w[np], 'ordinal') && joined(s, np)) {
    // "If you open a second one", "choose a second option": after "a" or "an" an ordinal means one more, not a place in an order.
    if (w[np - 1].lower === 'a' || w[np - 1].lower === 'an') return undefined;
    let e = np + 1;
    while (e < w.length && e - np <= 3 && joined(s, e) && lookOnly(w[e]) && !pointable(w[e])) e++;
    // "the first link in the list": an order a screen reader says too.
    const inList = ['in', 'of', 'on'].includes(w[e + 1]?.lower ?? '') && LISTS.has(w[e + 3]?.lower ?? w[e + 2]?.lower ?? '');
    if (pointable(w[e]) && joined(s, e) && !inList && !capitalisedInside(s, e) && !labelledAfter(s, e) && !(w[e + 1]?.lower === 'of' && joined(s, e + 1))) return { kind: 'position', first: np, last: e, labelExcuses: true };
    return undefined;
  }
  // "tap the picture of a bin", "the icon of a pen": the picture said in words is still only a look.
  if (SCREEN_VERBS.has(word.lower) && ['picture', 'image', 'drawing', 'icon', 'symbol'].includes(w[np]?.lower ?? '') && w[np + 1]?.lower === 'of' && ['a', 'an', 'two', 'three'].includes(w[np + 2]?.lower ?? '') && lowerWord(w[np + 3]) && joined(s, np + 3)) {
    let last = np + 3;
    if (lowerWord(w[last + 1]) && joined(s, last + 1) && has(w[last + 1], 'picture')) last++;
    if (!labelledAfter(s, last)) return { kind: 'shape', first: np, last, labelExcuses: true };
  }
  // "click the ½ icon", "tap the + button", "the ⋮ icon": a symbol, not a word, is what the control shows.
  if (SCREEN_VERBS.has(word.lower)) {
    const glyph = (k: number) => !!w[k] && !HAS_WORD_CHAR.test(w[k].text.replace(/[½¼¾⅓⅔]/gu, '')) && !w[k].masked && !w[k].quoted;
    const bareGlyph = BARE_GLYPH.test(s.block.text.slice(w[np - 1].end, w[np].start).trim());
    if (glyph(np) && ['icon', 'symbol', 'button', 'sign'].includes(w[np + 1]?.lower ?? '') && joined(s, np + 1) && !labelledAfter(s, np + 1)) return { kind: 'shape', first: np, last: np + 1, labelExcuses: true };
    if (bareGlyph && ['icon', 'symbol', 'button', 'sign'].includes(w[np].lower) && !labelledAfter(s, np)) return { kind: 'shape', first: np - 1, last: np, labelExcuses: true };
  }
  // Look words, then the thing: "the small padlock", "the arrow", "the three dots".
  let e = np;
  let counted = false;
  // "the upward arrow", "the down-pointing triangle": a direction is a look too.
  while (e < w.length && e - np < 4 && joined(s, e) && (has(w[e], 'colour') || has(w[e], 'size') || has(w[e], 'shade') || has(w[e], 'shape') || has(w[e], 'direction') || COUNTS.has(w[e].lower)) && !has(w[e], 'picture') && !has(w[e], 'counted-picture')) {
    if (COUNTS.has(w[e].lower)) counted = true;
    e++;
  }
  // "click the square next to each photo": the last shape word is the thing itself.
  if (e > np && !pointable(w[e]) && pointable(w[e - 1]) && !counted) e--;
  // A picture as the only name: "tap the heart", "the small padlock on the right", "the plus sign", "the three dots".
  // Only after a screen verb: "use the lock on the rear wheel" and "ring the bell" are real things.
  const onScreen = SCREEN_VERBS.has(word.lower);
  const pic = pictureAt(s, e);
  if (onScreen && (pic !== -1 || (counted && has(w[e], 'counted-picture'))) && joined(s, e) && !capitalisedInside(s, e)) {
    let last = pic !== -1 ? pic : e;
    while (last + 1 < w.length && last - e < 2 && joined(s, last + 1) && (has(w[last + 1], 'picture') || has(w[last + 1], 'counted-picture') || w[last + 1].lower === 'sign' || w[last + 1].lower === 'glass')) last++;
    const next = w[last + 1];
    // "the plus key", "the lock screen": the picture word is part of a longer name.
    const nounAfter = next && joined(s, last + 1) && lowerWord(next) && !LINKS.has(next.lower) && !has(next, 'relative-place') && !has(next, 'pointing') && !['and', 'or', 'then', 'that', 'which', 'with', 'down', 'up', 'once', 'twice'].includes(next.lower) && !(has(next, 'thing') && (has(next, 'size-thing') || next.lower === 'sign'));
    if (!nounAfter && !labelledAfter(s, last)) {
      // "the heart icon": take the thing word into the span.
      if (next && joined(s, last + 1) && has(next, 'thing')) last++;
      const looks = w.slice(np, e);
      // "tap the trolley in the top corner", "the wallet icon at the bottom of the screen": a picture and a place.
      const place = placeEnd(s, last);
      const kind = looks.some((x) => has(x, 'colour')) ? 'colour' : looks.some((x) => has(x, 'size')) ? 'size' : 'shape';
      if (!labelledAfter(s, last) && !(w[last + 1] && joined(s, last + 1) && (w[last + 1].masked || w[last + 1].quoted))) return { kind, first: np, last: place !== -1 ? place : last, labelExcuses: true };
    }
  }
  // Lowercase words before an icon: "the gift box icon at the top right".
  let t = e;
  if (t === np) while (t < w.length && t - np < 3 && lowerWord(w[t]) && joined(s, t) && !pointable(w[t]) && !DETERMINERS.has(w[t].lower) && !LINKS.has(w[t].lower)) t++;
  // "the gift box icon": a thing word inside the picture's name.
  if (t > np && pointable(w[t]) && ['icon', 'icons', 'symbol'].includes(w[t + 1]?.lower ?? '') && joined(s, t + 1)) t++;
  const thing = w[t];
  if (!thing || !joined(s, t) || !pointable(thing) || capitalisedInside(s, t) || labelledAfter(s, t)) return undefined;
  const after = t + 1;
  // "the button that is green", "the one which is round": the look said after the thing.
  if (['that', 'which'].includes(w[after]?.lower ?? '') && joined(s, after) && ['is', 'are', 'looks'].includes(w[after + 1]?.lower ?? '') && joined(s, after + 1)) {
    let z = after + 2;
    while (z < w.length && z - after < 5 && joined(s, z) && (has(w[z], 'shade') || w[z].lower === 'coloured' || w[z].lower === 'colored') && !has(w[z], 'colour')) z++;
    const look = w[z];
    if (look && joined(s, z) && (has(look, 'colour') || has(look, 'shape')) && !capitalisedInside(s, z) && !labelledAfter(s, z)) return { kind: has(look, 'colour') ? 'colour' : 'shape', first: np, last: z, labelExcuses: true };
  }
  // "the item with the red border", "the card with a blue outline": found by a colour or shape it carries.
  if (w[after]?.lower === 'with' && joined(s, after)) {
    let q = after + 1;
    if (w[q] && DETERMINERS.has(w[q].lower) && joined(s, q)) q++;
    let z = q;
    while (z < w.length && z - q < 3 && joined(s, z) && (has(w[z], 'colour') || has(w[z], 'shape') || has(w[z], 'shade') || has(w[z], 'style'))) z++;
    const looks = w.slice(q, z);
    if (z > q && looks.some((x) => has(x, 'colour') || has(x, 'shape') || has(x, 'style')) && has(w[z], 'outline') && joined(s, z) && !labelledAfter(s, z)) {
      return { kind: looks.some((x) => has(x, 'colour') || has(x, 'style')) ? 'colour' : 'shape', first: np, last: z, labelExcuses: true };
    }
  }
  // "the icon that looks like a cloud", "the button shaped like a star".
  let q = -1;
  if (['that', 'which'].includes(w[after]?.lower ?? '') && ['looks', 'look'].includes(w[after + 1]?.lower ?? '') && w[after + 2]?.lower === 'like') q = after + 3;
  if (w[after]?.lower === 'shaped' && w[after + 1]?.lower === 'like') q = after + 2;
  if (q !== -1) {
    if (w[q] && DETERMINERS.has(w[q].lower)) q++;
    let z = q;
    while (z < w.length && z - q < 2 && lowerWord(w[z]) && joined(s, z) && !LINKS.has(w[z].lower)) z++;
    if (z > q) return { kind: 'shape', first: np, last: z - 1, labelExcuses: true };
    return undefined;
  }
  // "the arrow pointing down".
  if (has(w[after], 'pointing') && joined(s, after) && has(thing, 'shape') === false && ['arrow', 'arrows', 'triangle', 'chevron', 'caret'].includes(thing.lower)) return { kind: 'shape', first: np, last: Math.min(after + 1, w.length - 1), labelExcuses: true };
  // "the button below the screen", "the switch next to the port": found by a neighbour on screen.
  if (e === t && has(w[after], 'relative-place') && joined(s, after)) {
    let d = after + 1;
    if (w[after].lower === 'next' && w[d]?.lower === 'to') d++;
    // "the dot next to your pet's name", "the switch beside each price": next to text a screen reader reads anyway.
    const byText = w.slice(d + 1, d + 4).some((x) => NEIGHBOUR_TEXT.has(x.lower));
    if (w[d] && DETERMINERS.has(w[d].lower) && joined(s, d) && !w[d + 1]?.quoted && !w[d + 1]?.masked && !capitalisedInside(s, d + 1) && !byText) return { kind: 'position', first: np, last: d - 1, labelExcuses: true };
  }
  // "the gift box icon at the top right": a picture and a place.
  if (t > e && ['icon', 'icons', 'symbol'].includes(thing.lower) && w.slice(np, t).some((x) => pointable(x) || has(x, 'picture') || has(x, 'shape')) && w[after] && ['at', 'in', 'on', 'near'].includes(w[after].lower) && joined(s, after)) {
    let d = after + 1;
    if (w[d] && DETERMINERS.has(w[d].lower)) d++;
    if (w[d] && joined(s, d) && (AT_PLACES.has(w[d].lower) || has(w[d], 'compound'))) {
      let last = d;
      if ((w[d + 1]?.lower === 'left' || w[d + 1]?.lower === 'right' || has(w[d + 1], 'place')) && joined(s, d + 1)) last = d + 1;
      return { kind: 'position', first: np, last, labelExcuses: true };
    }
  }
  return undefined;
}

/** Text next to a thing, which a screen reader reads too: "the dot next to your pet's name". */
const NEIGHBOUR_TEXT = new Set(['name', 'names', 'title', 'titles', 'label', 'heading', 'text', 'price', 'prices', 'date', 'dates', 'number', 'address', 'email']);

/** Words that make the picture before them an icon's ("the person icon"). */
const ICON_WORDS = new Set(['icon', 'icons', 'symbol', 'button']);

/** A picture word, or one that is a picture only before "icon" ("person", "paper"). */
function pictureWord(x: Word | undefined): boolean {
  return has(x, 'picture') || has(x, 'icon-picture');
}

/**
 * The last word of a picture that names an icon, starting at e: "heart", "person" before "icon",
 * "paper plane" before "icon"; -1 when there is none.
 */
function pictureAt(s: Sentence, e: number): number {
  const w = s.words;
  const iconAfter = (k: number) => ICON_WORDS.has(w[k + 1]?.lower ?? '') && joined(s, k + 1);
  if (has(w[e], 'picture')) return e;
  if (has(w[e], 'icon-picture') && iconAfter(e)) return e;
  // "the paper plane icon", "the speech bubble icon": a word before the picture, then "icon".
  if (lowerWord(w[e]) && !has(w[e], 'thing') && joined(s, e + 1) && pictureWord(w[e + 1]) && iconAfter(e + 1)) return e + 1;
  return -1;
}

/**
 * The last word of a place on screen right after word k: "in the top corner", "at the very bottom of
 * the screen", "on the top left"; -1 when none follows.
 */
function placeEnd(s: Sentence, k: number): number {
  const w = s.words;
  let q = k + 1;
  if (!w[q] || !['in', 'at', 'on', 'near'].includes(w[q].lower) || !joined(s, q)) return -1;
  q++;
  if (w[q] && DETERMINERS.has(w[q].lower)) q++;
  if (has(w[q], 'extreme')) q++;
  const at = w[q];
  if (!at || !(AT_PLACES.has(at.lower) || PLACE_ADJECTIVES.has(at.lower) || has(at, 'compound'))) return -1;
  let last = q;
  if (w[q + 1] && joined(s, q + 1) && (AT_PLACES.has(w[q + 1].lower) || has(w[q + 1], 'place'))) last = q + 1;
  if (w[last + 1]?.lower === 'of' && DETERMINERS.has(w[last + 2]?.lower ?? '') && SCREEN.has(w[last + 3]?.lower ?? '')) last += 3;
  return last;
}

/** Words that start a new instruction: "…, then press Enter", "… and pick Reports" ("…, or in a pop-up" goes on with the same one). */
const CLAUSE_STARTS = new Set(['then', 'and', 'next']);

/**
 * The clause around words first..last, as [from, to): "Select the entry on the far left, then press
 * Enter" → "Select the entry on the far left". A label in another instruction names another thing.
 */
export function clauseOf(s: Sentence, first: number, last: number): [number, number] {
  const w = s.words;
  const text = s.block.text;
  const boundary = (k: number) => {
    const gap = text.slice(w[k - 1].end, w[k].start);
    // "…, then press Enter", "… and pick Reports"; "…, and the app shows" is no new step.
    return gap.includes(';') || (CLAUSE_STARTS.has(w[k].lower) && ((gap.includes(',') && w[k].lower !== 'and') || (k + 1 < w.length && actionEnd(s, k + 1) !== -1)));
  };
  let from = first;
  while (from > 0 && !boundary(from)) from--;
  let to = last + 1;
  while (to < w.length && !boundary(to)) to++;
  return [from, to];
}

const NAME_VERBS = new Set(['is', 'are', 'appears', 'appear', 'shows', 'sits', 'lives', 'opens']);

/**
 * A capitalised name in the sentence that labels a thing: "the Create button",
 * "Click Order History", "go to File > Settings". Sentence-initial words and
 * "I" do not count.
 */
export function namesALabel(s: Sentence, from = 0, to = s.words.length): boolean {
  const w = s.words;
  const l = lex();
  const isName = (k: number) => {
    const x = w[k];
    if (!x || x.masked || x.text === 'I' || k >= to) return false;
    const c = x.text[0];
    return k > 0 && c !== c.toLowerCase() && c === c.toUpperCase();
  };
  let runEnd = -1;
  for (let k = from; k < to; k++) {
    // "The Device Status History is at the top": a name of two or more capitalised words, then a verb.
    // Each run is walked once (runEnd), so a sentence in capitals stays linear.
    if (k > runEnd && isName(k) && isName(k + 1)) {
      let e = k + 1;
      while (isName(e + 1)) e++;
      runEnd = e;
      if (NAME_VERBS.has(w[e + 1]?.lower ?? '')) return true;
    }
    // "the save button", "your share icon": a word that says what the thing does, right before it.
    if (k >= 2 && (has(w[k], 'thing') || has(w[k], 'place')) && !has(w[k], 'look-head') && DETERMINERS.has(w[k - 2].lower) && !w[k - 1].masked && LOWER_START_WORD.test(w[k - 1].text) && !lookOnly(w[k - 1]) && !SOUND_WORDS.has(w[k - 1].lower) && !PICTURES.has(w[k - 1].lower) && !pictureWord(w[k - 1]) && !PLACE_ADJECTIVES.has(w[k - 1].lower) && !has(w[k - 1], 'compound') && !POSITION_WORDS.has(w[k - 1].lower) && !has(w[k - 1], 'thing') && !shownOnIcon(s, k - 1)) return true;
    // "the Create button": a capitalised word right before a thing.
    if ((has(w[k], 'thing') || has(w[k], 'place')) && isName(k - 1) && !has(w[k - 1], 'colour') && !has(w[k - 1], 'shape') && !has(w[k - 1], 'size')) return true;
    // "the box labelled Code", "the button called Save".
    if (l.words.get(w[k].lower)?.has('label-cue') && k + 1 < to && (isName(k + 1) || w[k + 1].quoted || w[k + 1].masked)) return true;
    // "Click Order History", "go to File > Settings", "click on the Upload tab".
    let after = -1;
    if (l.words.get(w[k].lower)?.has('action')) after = k + 1;
    for (const a of (w[k] && l.actionsByFirst.get(w[k].lower)) || []) if (a.every((x, i) => w[k + i]?.lower === x)) after = Math.max(after, k + a.length);
    if (after !== -1) {
      if (w[after]?.lower === 'the' || w[after]?.lower === 'on') after++;
      if (isName(after)) return true;
    }
  }
  return false;
}

/**
 * Shapes found in unseen text (issue 14, r4):
 *   the larger of the two buttons           a size compared among things
 *   the words in red, the link in blue      a thing or text told by its colour after "in"
 *   tap the two vertical bars               counted lines with a look between
 *   the small yellow warning triangle       a look, one naming word, then a picture
 *   next to the flashing light              a style or colour on a light, as the neighbour of a thing
 */
function lookShapes(s: Sentence, i: number): SensoryHit | undefined {
  const w = s.words;
  const word = w[i];
  // "the larger of the two buttons", "the smallest of the icons".
  if (has(word, 'size') && /(er|est)$/.test(word.lower) && i > 0 && w[i - 1].lower === 'the' && w[i + 1]?.lower === 'of' && joined(s, i + 1)) {
    let k = i + 2;
    if (w[k] && DETERMINERS.has(w[k].lower)) k++;
    if (w[k] && COUNT_WORDS.has(w[k].lower)) k++;
    if (has(w[k], 'size-thing') && joined(s, k)) return { kind: 'size', first: i - 1, last: k, labelExcuses: true };
  }
  // "the words in red", "the link in blue": not "in red wine".
  if ((has(word, 'text') || has(word, 'thing') || generic(word)) && i > 0 && DETERMINERS.has(w[i - 1].lower) && w[i + 1]?.lower === 'in' && joined(s, i + 1) && has(w[i + 2], 'colour') && joined(s, i + 2)) {
    const after = w[i + 3];
    if (!after || !joined(s, i + 3) || PREPOSITIONS.has(after.lower) || ['under', 'below', 'above', 'next', 'and', 'or', 'to', 'is', 'are', 'shows', 'show'].includes(after.lower)) {
      return { kind: 'colour', first: i - 1, last: i + 2, labelExcuses: true };
    }
  }
  // "tap the two vertical bars", "the three little lines".
  if (COUNT_WORDS.has(word.lower) && i > 0 && DETERMINERS.has(w[i - 1].lower) && actionWithin(s, i, 4)) {
    let k = i + 1;
    while (k < w.length && k - i <= 2 && LINE_LOOKS.has(w[k].lower) && joined(s, k)) k++;
    if (k > i + 1 && has(w[k], 'counted-picture') && joined(s, k) && !labelledAfter(s, k)) return { kind: 'shape', first: i - 1, last: k, labelExcuses: true };
  }
  // "look for the small yellow warning triangle": looks, one naming word, then a picture.
  if ((has(word, 'colour') || has(word, 'size')) && i > 0 && DETERMINERS.has(w[i - 1].lower) && actionWithin(s, i, 4) && !capitalisedInside(s, i)) {
    let k = i + 1;
    while (k < w.length && k - i <= 3 && joined(s, k) && (has(w[k], 'colour') || has(w[k], 'size') || has(w[k], 'shade'))) k++;
    const mid = w[k];
    // "tap the orange truck icon": a look and what the icon shows.
    const picture = (has(w[k + 1], 'picture') && joined(s, k + 1)) || shownOnIcon(s, k);
    if (mid && joined(s, k) && ALL_LOWER.test(mid.text) && !has(mid, 'thing') && picture && !labelledAfter(s, k + 1)) {
      return { kind: has(word, 'colour') || w.slice(i, k).some((x) => has(x, 'colour')) ? 'colour' : 'shape', first: i, last: k + 1, labelExcuses: true };
    }
  }
  // "press the button next to the flashing light": a light told by its look, after an instruction or a neighbour.
  if ((has(word, 'style') || has(word, 'colour')) && i > 0 && DETERMINERS.has(w[i - 1].lower) && has(w[i + 1], 'indicator') && joined(s, i + 1) && !capitalisedInside(s, i)) {
    // Only as a neighbour ("next to the flashing light"): "check that the green light is on" tells a state.
    const near = (k: number) => k >= 0 && has(w[k], 'relative-place');
    let cue = false;
    for (let k = i - 2; k >= 0 && i - k <= 4; k--) if (near(k)) cue = true;
    if (cue && !labelledAfter(s, i + 1) && w[i + 2]?.lower !== 'means') return { kind: 'colour', first: i - 1, last: i + 1, labelExcuses: true };
  }
  return undefined;
}

/** Cue words that start another trigger after "or": "If the upload fails, or if the LED is flashing red". */
const OR_CUES = new Set(['if', 'when', 'whenever', 'once']);

/**
 * Issue 14, audit seed 41: a colour that is not the only cue, by shape.
 *   colourState  the light has a pattern too ("flashing", "blinks … three times") and either a count
 *                says the pattern, or the sentence gives another trigger with "or if" / "or when"
 *                that is no colour: "If the upload fails, or if the LED is flashing red, …".
 *   colour       a mark whose shape tells the state (a cross, a tick, a check mark), shown by the page
 *                or app ("the list will display a red cross"), not found and pressed by the reader,
 *                and the only colour of the sentence.
 *   colourVerb   the colour decorates text that the sentence also quotes or names: "warnings,
 *                sometimes highlighted in red, but the output does not end with a `Failed` message".
 * `named(k)` says whether word k is a label (quoted, code, bold…) as the rule sees it.
 */
export function notColourAlone(s: Sentence, hit: SensoryHit, named: (k: number) => boolean): boolean {
  const w = s.words;
  if (hit.kind === 'colourState') return patternTrigger(s, hit);
  if (hit.kind === 'colour') return shownMark(s, hit);
  if (hit.kind === 'colourVerb') return decoratedText(s, hit, named);
  return false;
  function patternTrigger(s: Sentence, hit: SensoryHit): boolean {
    let pattern = -1;
    for (let k = hit.first; k <= hit.last; k++) if (has(w[k], 'light-pattern')) pattern = k;
    if (pattern === -1) return false;
    // "blinks red three times", "flashes green twice": a count tells the pattern without colour.
    const after = hit.last + 1;
    if (joined(s, after) && (TIMES.has(w[after]?.lower ?? '') || (COUNTS.has(w[after]?.lower ?? '') && TIMES.has(w[after + 1]?.lower ?? '') && joined(s, after + 1)))) return true;
    // "If you have trouble uploading, or if an LED is flashing red": another trigger, joined by "or".
    for (let k = 0; k + 1 < w.length; k++) {
      if (w[k].lower !== 'or' || !OR_CUES.has(w[k + 1].lower) || !joined(s, k + 1)) continue;
      // The other trigger: before "or" when the hit starts at the cue after it, else after the hit.
      const [from, to] = hit.first === k + 1 ? [0, k] : hit.last < k ? [hit.last + 1, otherEnd(k + 1)] : [-1, -1];
      if (from === -1 || to - from < 2) continue;
      if (!w.slice(from, to).some((x) => has(x, 'colour'))) return true;
    }
    return false;
  }
  /** The end of the trigger that starts at cue k: the next comma. */
  function otherEnd(k: number): number {
    let e = k + 1;
    while (e < w.length && !s.block.text.slice(w[e - 1].end, w[e].start).includes(',')) e++;
    return e;
  }
  function shownMark(s: Sentence, hit: SensoryHit): boolean {
    // The mark: the last word of the hit, or "check mark" / "cross icon" ending it.
    let m = hit.last;
    if (['icon', 'icons', 'symbol', 'symbols'].includes(w[m].lower) && m > hit.first) m--;
    if (['mark', 'marks'].includes(w[m].lower) && m > hit.first && has(w[m - 1], 'mark-word')) m--;
    if (!has(w[m], 'status-mark') && w[m].lower !== 'check') return false;
    // Only one colour in the sentence: "a green tick for paid and a red cross for unpaid" is a colour code.
    const colours = new Set(w.filter((x) => has(x, 'colour')).map((x) => x.lower));
    if (colours.size !== 1) return false;
    // Shown by the page or app, right before the mark: "will display a red cross", "shows the red cross icon".
    let k = hit.first - 1;
    if (k >= 0 && DETERMINERS.has(w[k].lower)) k--;
    if (k < 0 || !has(w[k], 'show-verb') || !joined(s, k + 1)) return false;
    // Not the reader's own look or action in the same instruction: "look for the green check mark", "you will see".
    const [from] = clauseOf(s, hit.first, hit.last);
    for (let j = from; j < k; j++) if (actionEnd(s, j) !== -1 || PEOPLE.has(w[j].lower)) return false;
    return true;
  }
  function decoratedText(s: Sentence, hit: SensoryHit, named: (k: number) => boolean): boolean {
    // The colour verb is said of text: "warnings or other information, sometimes highlighted in red".
    // (Quoted words between do not count: "the warning 'Card expires soon' is shown in yellow".)
    let text = false;
    for (let k = hit.first - 1, n = 0; k >= 0 && n < 4 && !text; k--) {
      if (has(w[k], 'message')) text = true;
      if (!w[k].quoted && !w[k].masked) n++;
    }
    if (!text) return false;
    // The sentence names the text itself: "a `Failed uploading` message", "the error 'Port busy'".
    for (let k = 0; k < w.length; k++) {
      if (!has(w[k], 'message') || (k >= hit.first && k <= hit.last)) continue;
      if ((k > 0 && named(k - 1)) || (k + 1 < w.length && named(k + 1))) return true;
    }
    return false;
  }
}

/**
 * Verbs that only act on a screen, where whatever the reader picks is a control: the object of these is
 * found by its look when a colour or a look word is all that marks it ("pick a green slot").
 */
const PICK_VERBS = new Set(['click', 'tap', 'select', 'choose', 'pick', 'double-click', 'right-click', 'swipe', 'long-press', 'hover']);
/** Verbs that act on a screen and nothing else. */
const TOUCH_VERBS = new Set(['click', 'tap', 'double-click', 'right-click', 'swipe', 'long-press', 'hover']);
/** Words that say a paragraph is about a screen, for "choose", "pick" and "select". */
const ON_SCREEN = new Set(['screen', 'app', 'page', 'site', 'website', 'calendar', 'map', 'menu', 'tab', 'dashboard', 'portal', 'account', 'list', 'form', 'window', 'browser', 'click', 'tap', 'online', 'sign', 'log']);
/** Words between a picking verb and its object: "tap on the", "choose one of the", "hover over the". */
const PICK_LINKS = new Set(['on', 'over', 'one', 'any', 'of', 'either']);
/** Colours that are also the names of tiers and plans ("choose the gold plan", "the silver tier"). */
const TIER_COLOURS = new Set(['gold', 'golden', 'silver', 'bronze', 'platinum']);
/** Styles of type, not of a control: "a bold password", "the italic words". */
const TYPE_STYLES = new Set(['bold', 'italic', 'italicised', 'italicized', 'underlined', 'strikethrough']);
/** Words that end a noun phrase: a preposition, a conjunction, "to" of purpose, a relative word. */
const NP_ENDS = new Set(['and', 'or', 'to', 'at', 'in', 'on', 'for', 'from', 'next', 'beside', 'that', 'which', 'then', 'so', 'if', 'when', 'under', 'below', 'above', 'with', 'near', 'along', 'across', 'by', 'of', 'you', 'again', 'instead', 'first']);

/**
 * An instruction whose object is found by how it looks, whatever the object is called (issue 14, the
 * held-out sets: wordings no list has). Grammar, not a list of things: a verb that acts on a screen
 * ("tap", "pick", "choose one of"), a determiner, one to three look words of which one at least is a
 * colour or a look style ("green", "highlighted", "greyed-out"; a size word alone is a product's size:
 * "choose the large plan"), then one lower-case word that ends the noun phrase: "pick a green slot and
 * confirm", "tap the orange pill at the top", "choose one of the blue times". The things the older
 * patterns know ("button", "icon") are theirs; this only adds the head nouns no table lists. Not when
 * the colour is named twice (a product colour: "pick the blue case if you want blue"), a tier colour
 * ("gold"), a phrase of the exception group ("green tariff"), or a label follows.
 */
function lookObject(s: Sentence, i: number): SensoryHit | undefined {
  const w = s.words;
  if (!PICK_VERBS.has(w[i].lower) || (w[i].text[0] !== w[i].lower[0] && i > 0)) return undefined;
  // "pick the blue cable and plug it in": choosing among things in the hand. "Choose", "pick" and "select"
  // point at a screen only when the paragraph is about one ("open the calendar", "on the seat map").
  if (!TOUCH_VERBS.has(w[i].lower) && !s.block.sentences.some((x) => x.words.some((y) => ON_SCREEN.has(y.lower)))) return undefined;
  let k = i + 1;
  while (k < w.length && k - i <= 3 && PICK_LINKS.has(w[k].lower) && joined(s, k)) k++;
  if (!(w[k] && DETERMINERS.has(w[k].lower) && joined(s, k))) return undefined;
  const np = k + 1;
  let m = np;
  let look = false;
  while (m < w.length && m - np < 3 && joined(s, m) && (has(w[m], 'colour') || has(w[m], 'style') || has(w[m], 'shade') || has(w[m], 'size'))) {
    if ((has(w[m], 'colour') && !TIER_COLOURS.has(w[m].lower)) || (has(w[m], 'style') && !TYPE_STYLES.has(w[m].lower))) look = true;
    m++;
  }
  if (!look || m === np) return undefined;
  const head = w[m];
  if (!lowerWord(head) || !joined(s, m) || DETERMINERS.has(head.lower) || NP_ENDS.has(head.lower) || lex().words.get(head.lower)?.has('action')) return undefined;
  // The older patterns know screen things; a text word ("the red text") and a generic word are theirs too.
  if (has(head, 'thing') || has(head, 'text') || generic(head) || has(head, 'indicator')) return undefined;
  if (lex().exceptions.has(`${w[m - 1].lower} ${head.lower}`)) return undefined;
  // The noun phrase ends here: "the green energy plan" goes on, "a green slot and" ends.
  const next = w[m + 1];
  if (next && joined(s, m + 1) && !NP_ENDS.has(next.lower)) return undefined;
  if (labelledAfter(s, m)) return undefined;
  // "pick the blue case if you want the blue one": a colour named twice is the product's colour.
  const colours = w.slice(np, m).filter((x) => has(x, 'colour')).map((x) => x.lower);
  if (w.some((x, q) => (q < np || q >= m) && colours.includes(x.lower))) return undefined;
  return { kind: 'colour', first: np, last: m, labelExcuses: true, near: true };
}

/** Directions a swipe goes in. */
const SWIPE_WAYS = new Set(['left', 'right']);

/**
 * "Swipe the tile left", "swipe left on the card": a gesture told by its direction only (issue 14, the
 * writers' wordings). The direction is the only way to find the action, and a screen reader user makes
 * the same action another way (the item's actions menu), so the instruction needs its name too. "Swipe
 * up" and "swipe down" scroll and are the phone's own gestures: left alone.
 */
function swipeDirection(s: Sentence, i: number): SensoryHit | undefined {
  const w = s.words;
  if (!['swipe', 'swiping'].includes(w[i].lower)) return undefined;
  // "swipe left", "swipe the tile left", "swipe the card to the left" (that one the place pattern reads).
  for (let k = i + 1; k < w.length && k - i <= 4 && joined(s, k); k++) {
    if (SWIPE_WAYS.has(w[k].lower)) {
      return { kind: 'gesture', first: i, last: k, labelExcuses: true, near: true };
    }
    if (!lowerWord(w[k]) || ['to', 'from', 'through', 'and', 'or'].includes(w[k].lower)) return undefined;
  }
  return undefined;
}

/** Verbs after "dates in grey": what the colour means. */
const MEANING_VERBS = new Set(['is', 'are', 'was', 'were', 'mean', 'means', 'show', 'shows', 'have', 'has', 'need', 'needs', "can't", 'cannot', 'will', 'must']);

/**
 * "Dates in grey are fully booked", "Items in red need your attention": a group of things named by a colour
 * alone, then what that colour means (issue 14: a legend of one colour). The thing is a lower-case noun
 * (not "the" or "it"), the colour is the only one in the sentence, and a verb of meaning follows.
 */
function colourGroup(s: Sentence): SensoryHit | undefined {
  const w = s.words;
  for (let k = 1; k + 2 < w.length; k++) {
    if (w[k].lower !== 'in' || !has(w[k + 1], 'colour') || !joined(s, k) || !joined(s, k + 1) || !joined(s, k + 2) || capitalisedInside(s, k + 1)) continue;
    const noun = w[k - 1];
    // The sentence's first word has a capital: "Dates in grey…".
    if (!(lowerWord(noun) || (k === 1 && !noun.masked && !noun.quoted && TITLE_WORD.test(noun.text))) || DETERMINERS.has(noun.lower) || PEOPLE.has(noun.lower) || noun.lower === 'it' || !MEANING_VERBS.has(w[k + 2].lower)) continue;
    if (w.some((x, q) => q !== k + 1 && has(x, 'colour'))) continue;
    return { kind: 'colourVerb', first: k - 1, last: k + 1, labelExcuses: false };
  }
  return undefined;
}

/**
 * "Click the X to close the window", "tap the X in the top corner": a capital X is the picture of a cross,
 * not a label, after an instruction verb and "the" (issue 14). Not "the X button labelled Close" (a label
 * follows), nor "the X axis" or "the X key" (a longer name follows).
 */
function theCross(s: Sentence, i: number): SensoryHit | undefined {
  const w = s.words;
  const act = actionEnd(s, i);
  if (act === -1 || w[act]?.lower !== 'the' || !joined(s, act)) return undefined;
  const x = w[act + 1];
  if (!x || x.masked || x.quoted || !['X', '×', '✕', '✖'].includes(x.text) || !joined(s, act + 1)) return undefined;
  let last = act + 1;
  const next = w[last + 1];
  if (next && joined(s, last + 1) && ['icon', 'button', 'symbol', 'mark'].includes(next.lower)) last++;
  else if (next && joined(s, last + 1) && !NP_ENDS.has(next.lower)) return undefined;
  if (labelledAfter(s, last)) return undefined;
  return { kind: 'shape', first: act + 1, last, labelExcuses: true, near: true };
}
