/**
 * undefined-acronym: an acronym used before it is spelled out.
 *
 * An acronym here is a word of 2–6 capitals and digits ("PIV", "2FA",
 * "I2C"), or of 3–6 letters, mostly capitals, with one small letter ("PoE",
 * "eIDAS", "MFi"; see mixedAcronym), or two short unknown parts joined by a
 * hyphen ("SM-DP+"; not "ST-LINK", "TX-RX" or "a JST-PH plug"). It counts as spelled out when the file says it in full in one of
 * the usual ways, and from then on it is fine:
 *   - "two-factor authentication (2FA)" — the acronym alone in brackets;
 *   - "2FA (two-factor authentication)" — words in brackets right after it;
 *   - "Personal Identity Verification" earlier, in Title Case, whose
 *     initials spell it;
 *   - "2FA stands for / is short for / means …";
 *   - "device identifiers (IMSI and IMEI)": brackets of acronyms only;
 *   - "the RTC clock (real time clock)": brackets after the acronym's noun;
 *   - "The CVV is the three-digit code…", "the CVV, the three digits on the
 *     back": a definition by "is a/the" or a description after a comma;
 *   - "… in HCF. This is the …": the next sentence says what it is;
 *   - the words around it spell it out in any case, with only gloss words
 *     between: "energy performance certificate (known as an EPC)", "BRP,
 *     short for biometric residence permit", or the sentence before ends
 *     with them ("Turn on multi-factor authentication. MFA adds…");
 *   - the page title: "title: Social Security Administration (SSA)";
 *   - <abbr title="…">;
 *   - (issue 14, 1.17) "ETA refers to …", "MFA: it is short for …"; a description closed by a comma
 *     ("the CVV, the code on the back of your card, in …"); a table row or definition list whose
 *     term is the acronym.
 *   - (issue 14, 1.18) an acronym and its noun in a sentence that names the people it is for ("PIV or CAC
 *     cards for federal staff", "Contractors can use their PIV badges"; see forGroup).
 * Three capitals right before "file" or "format" are a file type ("an OFX file"; rules/undefined-acronym.yml, file-noun).
 * Only the first undefined use of each acronym in a file is reported
 * ("WEP" after "WEP2" is the same one). Two joined by a slash ("PIV/CAC cards") are reported once, as a pair.
 *
 * Left alone, because they are not acronyms a reader must decode:
 *   - common ones (FAQ, PDF, USB, ID…; CV, BBQ, TBD in the household list; HEIC, EPUB in the file types) and capitalised words (NOTE, RESET,
 *     shouted legal text) listed in rules/undefined-acronym.yml;
 *   - model and version names that end in a digit ("ESP32", "R4", "IAL2");
 *   - parts of a product name: next to a capitalised word ("Arduino IDE",
 *     "Nano 33 BLE Sense"), before "board"/"family"… ("MKR boards"), in a
 *     list with a name ("UNO and Mega"), or written as a name elsewhere in
 *     the file ("NINA" and "Nina"); once seen as a name, it is one all file long;
 *   - pin names only in a file about wiring or devices ("tracking says RTS"
 *     is a status, not a pin); a law with its year ("the DPA 2018") and an
 *     agency before "website" or after "send to" are still reported;
 *   - capitals before a part's noun ("the AUX input", "the RX pin") only in
 *     such a file too: elsewhere "the MPPT input" and "the PAT sticker" are
 *     reported (rules/undefined-acronym.yml, category part-noun);
 *   - the type of a part or an example of a board ("Connector type: micro
 *     UFL", "the plug type is BNC", "USB board (e.g. NG)"), and a marking
 *     ("marked as DNP");
 *   - letters of a code to read or type ("starts with the letters TX",
 *     "reply STOP", "text JOIN to 80080"), a label with its number ("TTY:
 *     711"), an example after the words that say what it is ("a trademark
 *     office (e.g. USPTO)");
 *   - bold, kbd and code: button and key labels ("press **RESET**"), and
 *     "labeled RST", "the RST label";
 *   - amounts with units ("5V", "354KB") and part numbers ("BM20B"); an
 *     amount is not a product name, so "4 to 8 CCF" still reports CCF;
 *   - short italics and menu paths ("_File > Examples > MKRGSM_"), a model
 *     with its revision in brackets ("UNO (Rev3)"), capitals ending a
 *     mixed-case name ("megaAVR"), two kinds of current as one ("DCDC");
 *   - the words of a message ("if a message says that your key is not FIDO compliant"), versions of
 *     one standard side by side ("WPA/WPA2"), a part named by the two ends it joins ("a USB to TTL
 *     serial adapter"), and the answer to a question just above that uses it ("**What version of MQTT
 *     does the hub support?**"; a question heading does not count);
 *   - a label on a device, screen or app, where the clause says so, in any file (issue 14, 1.15; see
 *     shownLabel): "the display shows ERR", "the thermostat flashes LO", "set the dial to ECO", "press
 *     AUTO", "the SYNC light". Only that use; the capitals must stand alone ("the display shows your APY",
 *     "your DNS settings", "SBC mode" and "change your plan to HDHP" are reported);
 *   - an everyday English word of 4+ letters in capitals, on the Dale–Chall list ("AWAY", "QUIET");
 *   - headings and alt text: titles are short and the body spells the
 *     acronym out right after; flagging the title would push writers to put
 *     long expansions in headings. An acronym used only in a heading is
 *     therefore never reported; its first use in the body is.
 * `vocabulary.accept` silences an acronym for a whole project.
 */
import { trimEndChars } from '../../util/text.js';
import { ALL_LOWER, HAS_LETTER, HAS_WORD_CHAR, STARTS_UPPER, TITLE_WORD, asciiClass } from '../../util/ascii-class.js';
import { containedInAny } from '../../document/span-index.js';
import { defineRule } from '../define-rule.js';
import { daleChallWord } from '../../util/readability.js';
import { table } from '../../lexicon/data.js';
import { SPELLING_STOP as STOP, spells } from '../../lexicon/acronym-spelling.js';
import { isMetadataFile } from '../../lexicon/metadata-files.js';
import { attr, textOf } from '../../a11y/content/hast.js';
import type { ProseBlock, Sentence, Word } from '../../document/prose.js';
import { frontmatterTextOf } from '../../document/document.js';
import type { Doc } from '../../document/document.js';
import type { Span } from '../../types.js';

const TABLE = 'undefined-acronym';

// Unicode classes with their ASCII twins (src/util/ascii-class.ts): the \p expression is made only for non-ASCII words.
const CAPS_TAIL = asciiClass(/[a-z]([A-Z]{2,6})$/, () => /\p{Ll}(\p{Lu}{2,6})$/u);
const STARTS_LOWER = asciiClass(/^[a-z]/, () => /^\p{Ll}/u);
const HAS_UPPER = asciiClass(/[A-Z]/, () => /\p{Lu}/u);
const HAS_LOWER = asciiClass(/[a-z]/, () => /\p{Ll}/u);
const NOT_WORD_CHARS = asciiClass(/[^A-Za-z0-9'-]/g, () => /[^\p{L}\p{N}'-]/gu);

/** Upper-case letters and digits, 2–6 long, with at least one letter. */
const ACRONYM = /^(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,6}$/;
/** A Roman numeral written the usual way ("II", "XIV"); "CVV" and "CLI" are not read as one (see isRoman). */
const ROMAN = /^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const CAPS_WORD = /^[A-Z][A-Z'’]+$/;
/** A clock time or its half of the day, as the word before a time zone: "AM", "p.m.", "5", "9:30", "2PM". */
const CLOCK_TIME = /^(?:am|pm|a\.m\.?|p\.m\.?|\d{1,2}(?::\d\d)?(?:am|pm)?)$/i;

interface Candidate {
  acro: string;
  /** Block offsets of the acronym itself (without a plural "s" or the rest of a hyphenated word). */
  start: number;
  end: number;
  word: Word;
  index: number;
  /** Written with a small letter ("PoE", "eIDAS"): printed labels are all capitals, so label rules skip it. */
  mixed?: boolean;
}

interface Known {
  /** Known to everyone (common) or not acronyms at all (word): never reported. */
  common: Set<string>;
  words: Set<string>;
  /** Pin, port and signal names printed on boards ("GND", "VIN", "TX"). */
  pins: Set<string>;
  /** Nouns after a product line's name ("MKR boards", "Nano family"). */
  productNouns: Set<string>;
  /** "the RST label", "the GND pin", "the COM port": a printed or on-screen label. */
  labelNouns: Set<string>;
  /** "the GND pin", "the RX input": parts of a device, labels only in a file about wiring or devices. */
  partNouns: Set<string>;
  /** "the button labeled RST": a label printed on the device or screen. */
  labelWords: Set<string>;
  /** Units written after a number ("5V", "10K", "354KB"). */
  units: Set<string>;
  /** "sign in to IFTTT", "link your account with IFTTT": verbs after which a bare name is a service. */
  serviceVerbs: Set<string>;
  /** "DD/MM/YYYY": parts of a date format, left alone next to another part. */
  dateParts: Set<string>;
  /** Short time zones with other meanings ("PT"): quiet only right after a clock time. */
  zones: Set<string>;
  /** Words of a file about wiring or devices, where pin names are labels ("pin", "board", "cable"). */
  hardwareWords: Set<string>;
  /** Parts of a board named by a product line two words before them ("the SARA radio module"). */
  boardParts: Set<string>;
  /** Parts named by a connector type two words before them ("a JST battery connector"). */
  connectors: Set<string>;
  /** Parts a chip maker's name stands before in a file about devices ("an STM device in DFU mode"). */
  chipNouns: Set<string>;
  /** Words that make "from STM", "by NXP" a maker in a file about devices. */
  makerCues: Set<string>;
  /** Words naming which kind of part a value is: "connector type: UFL", "board model: NG". */
  kindWords: Set<string>;
  /** Acronyms every reader of a topic knows ("TCP" to anyone setting up a firewall), with the words that show the topic. */
  topics: { acronyms: Set<string>; words: Set<string> }[];
  /** Names of files that hold licence and source notes, not help text ("NOTICE.md", "LICENSE"). */
  /** "a USB to TTL adapter": parts named by the two ends they join. */
  converterNouns: Set<string>;
  /** Things that show a label ("the display shows ERR"), with their verbs. */
  screenNouns: Set<string>;
  showVerbs: Set<string>;
  /** "the thermostat flashes LO". */
  blinkVerbs: Set<string>;
  /** "set the dial to ECO", "switch the app to AWAY". */
  setVerbs: Set<string>;
  /** "press AUTO", "tap EXIT". */
  pressVerbs: Set<string>;
  /** "the ECO icon", "the SYNC light": capitals before these name a setting or a light. */
  controlNouns: Set<string>;
  /** "an OFX file", "in QIF format": three capitals before these words are a file type. */
  fileNouns: Set<string>;
  /** People a thing can be for: "PIV cards for federal employees" (issue 14, 1.18). */
  groupNouns: Set<string>;
}

let known: Known | undefined;

/** The lists in rules/undefined-acronym.yml, by category. */
function knownSets(): Known {
  if (known) return known;
  const k: Known = { common: new Set(), words: new Set(), pins: new Set(), productNouns: new Set(), labelNouns: new Set(), partNouns: new Set(), labelWords: new Set(), units: new Set(), serviceVerbs: new Set(), dateParts: new Set(), zones: new Set(), hardwareWords: new Set(), boardParts: new Set(), connectors: new Set(), chipNouns: new Set(), makerCues: new Set(), kindWords: new Set(), topics: [], converterNouns: new Set(), screenNouns: new Set(), showVerbs: new Set(), blinkVerbs: new Set(), setVerbs: new Set(), pressVerbs: new Set(), controlNouns: new Set(), fileNouns: new Set(), groupNouns: new Set() };
  const upper: Record<string, Set<string>> = { common: k.common, household: k.common, 'file-type': k.common, word: k.words, pin: k.pins, unit: k.units, 'date-part': k.dateParts, zone: k.zones };
  const lower: Record<string, Set<string>> = { 'product-noun': k.productNouns, 'label-noun': k.labelNouns, 'part-noun': k.partNouns, 'label-word': k.labelWords, 'service-verb': k.serviceVerbs, 'hardware-word': k.hardwareWords, 'board-part': k.boardParts, connector: k.connectors, 'chip-noun': k.chipNouns, 'maker-cue': k.makerCues, 'kind-word': k.kindWords, 'converter-noun': k.converterNouns, 'screen-noun': k.screenNouns, 'show-verb': k.showVerbs, 'blink-verb': k.blinkVerbs, 'set-verb': k.setVerbs, 'press-verb': k.pressVerbs, 'control-noun': k.controlNouns, 'file-noun': k.fileNouns, 'group-noun': k.groupNouns };
  for (const e of table(TABLE).entries) {
    const cat = String(e.category ?? 'common');
    if (cat === 'topic') {
      k.topics.push({ acronyms: new Set(e.match.map((m) => m.toUpperCase())), words: new Set(((e.topic as string[] | undefined) ?? []).map((w) => w.toLowerCase())) });
      continue;
    }
    if (lower[cat]) for (const m of e.match) lower[cat].add(m.toLowerCase());
    else for (const m of e.match) (upper[cat] ?? k.common).add(m.toUpperCase());
  }
  known = k;
  return known;
}

/**
 * The acronym in a word, if any: "IDs" → ID, "USB-C" → USB, "CMSIS-DAP" →
 * CMSIS (one name, reported once). "PIV/CAC" is two words already.
 */
function candidateOf(word: Word, index: number): Candidate | undefined {
  const text = word.text;
  if (text.length < 2) return undefined;
  // Fast path: most words start with a lower-case letter followed by another.
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  const lowerFirst = first >= 97 && first <= 122;
  const lowerSecond = second >= 97 && second <= 122;
  if (lowerFirst && lowerSecond) return undefined;
  // "eIDAS", "PoE", "MFi": capitals with one small letter are acronyms too.
  const head = text.split(/[-–]/)[0].replace(/['’]s$/, '');
  // ("IDs" and "URLs" are plurals of all-capital acronyms, below.)
  if (lowerFirst || lowerSecond || /[a-z]/.test(head.replace(/s$/, ''))) {
    return mixedAcronym(head) ? { acro: head, start: word.start, end: word.start + head.length, word, index, mixed: true } : undefined;
  }
  if (!((first >= 65 && first <= 90) || (first >= 48 && first <= 57))) return undefined;
  const parts = text.split(/[-–]/);
  // "CVE-2023-1234", "GHSA-x2c4": an identifier, not a word to spell out.
  if (parts.length > 1 && parts.slice(1).some((p) => /\d/.test(p))) return undefined;
  // "ST-LINK", "CMSIS-DAP": capitals joined to capitals are one product or part name. Two short parts
  // that are neither words, labels nor known acronyms are one acronym: "the SM-DP+ push", "an RF-ID tag".
  if (parts.length > 1 && parts.every((p) => /^[A-Z]{2,}$/.test(p))) {
    const k = knownSets();
    const unknown = (p: string) => p.length <= 4 && !k.words.has(p) && !k.pins.has(p) && !k.units.has(p);
    if (parts.length !== 2 || !parts.every(unknown) || parts.every((p) => k.common.has(p))) return undefined;
    return { acro: text, start: word.start, end: word.start + text.length, word, index };
  }
  // Only the first part counts: "USB-C" is USB, but "ArduinoCore-API" and "Wi-Fi" are names.
  let acro = parts[0].replace(/['’]s$/, '');
  if (/^[A-Z0-9]{2,6}s$/.test(acro) && acro.length >= 3) acro = acro.slice(0, -1);
  return isAcronym(acro) ? { acro, start: word.start, end: word.start + acro.length, word, index } : undefined;
}

/**
 * "eIDAS", "PoE", "DoS", "MFi", "eMMC": 3–6 letters, mostly capitals, with one small letter at the
 * start, inside or at the end (not a plural "s"). Left alone: units and known words in another case
 * ("GHz", "PhD", "WiFI"), a product name of a small letter and a common acronym ("iOS", "eSIM"), and
 * a label with a small letter standing for a number ("COMn", "PWMx").
 */
function mixedAcronym(text: string): boolean {
  if (text.length < 3 || text.length > 6) return false;
  const lead = /^[a-z]([A-Z]{2,5})$/.exec(text);
  const inner = /^[A-Z]{1,4}[a-z][A-Z]{1,4}$/.test(text);
  const tail = /^([A-Z]{2,5})[a-rt-z]$/.exec(text);
  if (!lead && !inner && !tail) return false;
  const k = knownSets();
  const upper = text.toUpperCase();
  if (k.common.has(upper) || k.words.has(upper) || k.units.has(upper) || k.pins.has(upper)) return false;
  if (lead && k.common.has(lead[1])) return false;
  if (tail && (k.pins.has(tail[1]) || k.common.has(tail[1]) || k.words.has(tail[1]))) return false;
  return true;
}

function isAcronym(acro: string): boolean {
  if (!ACRONYM.test(acro) || isRoman(acro)) return false;
  // Three or more letters and one digit are an acronym with a version ("WPA2", "AAL2"); the
  // letters alone must not be a label or a known word ("BOOT0", "PWM3", "COM3").
  const version = /^([A-Z]{3,5})\d$/.exec(acro);
  if (version) {
    const k = knownSets();
    return !k.words.has(version[1]) && !k.pins.has(version[1]) && !k.common.has(version[1]);
  }
  // Model names end in digits ("ESP32", "R4", "NB1"); part numbers have several ("BM20B").
  if (/\d$/.test(acro) || /\d.*\d/.test(acro)) return false;
  // A leading number: "2FA" and "3DS" are acronyms; "5V", "10K", "354KB", "2020A" are amounts and models.
  const lead = /^(\d+)([A-Z]+)$/.exec(acro);
  if (lead) return lead[1].length === 1 && lead[2].length >= 2 && !knownSets().units.has(lead[2]);
  return true;
}

/** "II", "IV", "XIV": a valid numeral of I, V and X only ("CLI", "CVV" and "MIX" are acronyms or words). */
function isRoman(acro: string): boolean {
  return /^[IVX]+$/.test(acro) && ROMAN.test(acro);
}

function isCaps(w: Word): boolean {
  return /^[A-Z0-9][A-Z0-9&'’.-]*$/.test(w.text) && /[A-Z]/.test(w.text);
}

/** A Capitalised (not all-caps) word, a model number, or another capitalised token: part of a product name. */
function isNamePart(w: Word | undefined): boolean {
  if (!w || w.masked) return false;
  // "Arduino", "iPad", "macOS": a name written in mixed case.
  if (HAS_UPPER.test(w.text) && HAS_LOWER.test(w.text)) return true;
  return /^[A-Z]?\d+[A-Za-z]*$/.test(w.text) || isCaps(w);
}

/**
 * Words written with a capital in mid-sentence somewhere in the file: names
 * ("Arduino", "GitHub", "Nina"). A capitalised token that is also written
 * this way ("NINA" and "Nina", "UNO" and "Uno") is a name, not an acronym.
 */
function properNouns(sentences: readonly Sentence[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      if (w.masked || !HAS_LOWER.test(w.text)) return;
      // "megaAVR", "WiFiNINA": capitals at the end of a name written in mixed case are part of that name.
      const tail = CAPS_TAIL.exec(w.text);
      if (tail) names.add(tail[1]);
      if (!STARTS_UPPER.test(w.text)) return;
      // "PoE", "DoS": an acronym with a small letter inside is not a name.
      if (mixedAcronym(w.text.split(/[-–]/)[0])) return;
      if (i > 0 && s.block.kind !== 'heading') names.add(w.text);
      if (TITLE_WORD.test(w.text)) names.add(w.text.toUpperCase());
    });
  }
  return names;
}

/** The acronym is listed with a capitalised name: "UNO or Nano", "Mega and UNO", "NEXUS, SENTRI, or Global Entry". */
function listedWithName(words: readonly Word[], index: number, text: string): boolean {
  const isLink = (a: Word, b: Word) => /^(,|\/|,?\s*(and|or)|,?\s*(and|or)\s*)$/i.test(text.slice(a.end, b.start).trim()) || ['and', 'or'].includes(b.lower);
  // Walk the list both ways over acronyms, commas, "and", "or" and slashes; stop at anything else.
  for (const dir of [-1, 1]) {
    for (let i = index + dir, steps = 0; i >= 0 && i < words.length && steps < 8; i += dir, steps++) {
      const w = words[i];
      if (w.lower === 'and' || w.lower === 'or') continue;
      // "the UNO and the Nano": an article right after "and" or "or" with no comma before them ("Friday, or the TTY" is no list).
      const link = words[i - 1];
      if (['the', 'a', 'an'].includes(w.lower) && link && ['and', 'or'].includes(link.lower) && words[i - 2] && !text.slice(words[i - 2].end, link.start).includes(',')) continue;
      const [a, b] = dir < 0 ? [w, words[i + 1]] : [words[i - 1], w];
      const gap = text.slice(a.end, b.start).trim();
      if (gap !== '' && !/^[,/]$/.test(gap) && !isLink(a, b)) break;
      if (HAS_UPPER.test(w.text) && HAS_LOWER.test(w.text) && i > 0) return true;
      if (!isCaps(w)) break;
    }
  }
  return false;
}

/** Whether only spaces stand between two words (no comma, bracket, slash…). */
function joined(text: string, a: Word, b: Word): boolean {
  return text.slice(a.end, b.start).trim() === '';
}

/** The word sits in brackets that hold nothing but acronyms and "and", "or", commas or slashes. */
function inBracketsOfAcronyms(sentence: Sentence, index: number): boolean {
  const text = sentence.block.text;
  const words = sentence.words;
  const open = text.lastIndexOf('(', words[index].start);
  if (open < sentence.start) return false;
  const close = text.indexOf(')', words[index].end);
  if (close === -1 || close > sentence.end || text.slice(open, words[index].start).includes(')')) return false;
  const inside = words.filter((w) => w.start > open && w.end <= close);
  return inside.length > 1 && inside.every((w) => isCaps(w) || w.lower === 'and' || w.lower === 'or');
}

/** Is the acronym spelled out right here ("… authentication (2FA)", "2FA (two-factor …)", "2FA stands for")? */
function definedHere(sentence: Sentence, c: Candidate): boolean {
  const text = sentence.block.text;
  const words = sentence.words;
  // "two-factor authentication (2FA)", "Terms of Service (the “TOS”)": the acronym alone in brackets.
  const beforeRaw = text.slice(Math.max(sentence.start, c.word.start - 8), c.word.start);
  const before = trimEndChars(beforeRaw, `"“”'‘’ \t\n\r\u00a0`).replace(/(?<!\p{L})(?:the|an?)$/iu, '').trimEnd();
  const after = text.slice(c.word.end, Math.min(sentence.end, c.word.end + 3)).replace(/^["“”'‘’\s]+/, '');
  if (before.endsWith('(') && after.startsWith(')')) return true;
  // "mobile device identifiers (IMSI and IMEI)": brackets holding only acronyms name what the words before them are.
  if (inBracketsOfAcronyms(sentence, c.index)) return true;
  // "2FA (two-factor authentication)": words in brackets right after it.
  const next = words[c.index + 1];
  if (next && /^\(["“'‘]?$/.test(text.slice(c.word.end, next.start).trim())) {
    if (spells(words, c.index + 1, c.acro, false)) return true;
    // Or a short description: "SIM (the small card in your phone)"; "(version 2)" is not one.
    let n = 0;
    let digits = false;
    for (let i = c.index + 1; i < words.length && text.slice(words[i - 1].end, words[i].start).indexOf(')') === -1; i++) {
      if (/\d/.test(words[i].text)) digits = true;
      n++;
    }
    if (n >= 2 && !digits) return true;
  }
  // "the RTC clock (Real Time Clock)", "a TS fault (temperature fault)": brackets after the acronym and
  // its noun that spell the acronym or describe the two words together (they end with the same noun).
  const noun = words[c.index + 1];
  const open2 = words[c.index + 2];
  if (noun && open2 && joined(text, c.word, noun) && /^\(["“'‘]?$/.test(text.slice(noun.end, open2.start).trim())) {
    if (spells(words, c.index + 2, c.acro, false)) return true;
    let last: Word | undefined;
    for (let i = c.index + 2; i < words.length && i < c.index + 10; i++) {
      last = words[i];
      if (text.slice(words[i].end, words[i + 1]?.start ?? words[i].end).includes(')')) break;
    }
    if (last && last !== open2 && last.lower === noun.lower) return true;
  }
  // "2FA stands for …", "2FA is short for …", "2FA means …".
  const tail = words.slice(c.index + 1, c.index + 4).map((w) => w.lower).join(' ');
  if (/^(stands for|is short for|is an acronym for|is an abbreviation for|means)\b/.test(tail)) return true;
  // "ETA refers to …", "ETA is shorthand for …", "ETA: it is short for …", "ETA (it stands for …)" (issue 14, 1.17).
  if (glossVerbAfter(sentence, c)) return true;
  // "The CVV is the three-digit code on the back", "An API is a way for…": the acronym as the subject of "is a/the".
  if (/^(is|are) (a|an|the) \S+/.test(tail) && words.slice(0, c.index).every((w) => DETERMINERS.has(w.lower))) return true;
  // "paste its TOTP key, the setup code the site gives you": a description set off after the acronym (and its noun).
  if (appositive(sentence, c)) return true;
  // "personally identifying information, or PII,", "… (also called SSO)", "… known as DPO": the words before spell it.
  const prev = words[c.index - 1]?.lower;
  if (prev && ['or', 'called', 'as', 'aka', 'abbreviated', 'short'].includes(prev)) {
    const end = prev === 'as' && words[c.index - 2]?.lower === 'known' ? c.index - 2 : c.index - 1;
    for (let k = end - 1; k >= 0 && k >= end - c.acro.length * 2 - 2; k--) {
      if (words[k].masked) break;
      if (spellsExactly(words, k, end, c.acro)) return true;
    }
  }
  // "PII, or personally identifiable information,": the words after "or" spell it.
  if (words[c.index + 1]?.lower === 'or' && spells(words, c.index + 2, c.acro, false)) return true;
  return false;
}

/** Blocks that may hold a term and, in the block after them, its meaning: a table row, a definition list. */
const TERM_KINDS = new Set(['table-cell', 'list-item']);

/**
 * "| APR | annual percentage rate |", "<dt>APR</dt><dd>Annual percentage rate…</dd>": a table cell or list item that
 * holds only the acronym, and the cell or item right after it spells it out or says what it is in 2+ words.
 */
function termDefined(prose: readonly ProseBlock[], block: ProseBlock, c: Candidate): boolean {
  if (!TERM_KINDS.has(block.kind)) return false;
  const bare = block.text.replace(/[*_:"“”]/g, '').trim();
  if (bare !== c.acro && bare !== `${c.acro}s`) return false;
  const next = prose[prose.indexOf(block) + 1];
  if (!next || !TERM_KINDS.has(next.kind)) return false;
  const words = next.sentences.flatMap((s) => s.words).filter((w) => !w.masked);
  if (words.length && spells(words, DETERMINERS.has(words[0].lower) ? 1 : 0, c.acro, false)) return true;
  // A description: two or more words with small letters ("the yearly cost of borrowing"), not another code or a number.
  return words.filter((w) => HAS_LOWER.test(w.text)).length >= 2;
}

/** What may stand between an acronym and a verb that glosses it: "ETA: it is short for", "ETA (this means". */
const GLOSS_SUBJECTS = new Set(['it', 'this', 'that', 'which']);
/** Verbs that say what an acronym stands for, as lower-case words. */
const GLOSS_VERBS = ['stands for', 'stand for', 'is short for', 'are short for', 'means', 'mean', 'refers to', 'refer to', 'is shorthand for', 'is the abbreviation for', 'is the acronym for', 'is an initialism for'];

/**
 * "ETA refers to the estimated time…", "ETA: it is short for estimated time of arrival", "ETA (this means…)": a verb
 * that says what the acronym stands for, right after it or after a colon, dash or bracket and "it", "this" or "which".
 */
function glossVerbAfter(sentence: Sentence, c: Candidate): boolean {
  const words = sentence.words;
  const text = sentence.block.text;
  let k = c.index + 1;
  const first = words[k];
  if (!first) return false;
  const gap = text.slice(c.word.end, first.start).trim();
  if (gap !== '' && !/^(:|—|–|-|\(|,)$/.test(gap)) return false;
  if (GLOSS_SUBJECTS.has(first.lower) && gap !== '') k++;
  else if (gap !== '' && gap !== ':') return false;
  const tail = words.slice(k, k + 4).map((w) => w.lower).join(' ');
  return GLOSS_VERBS.some((v) => tail === v || tail.startsWith(v + ' '));
}

/** "Enter the CVV. This is the three-digit code on the back": the next sentence says what the acronym at the end of this one is. */
function explainedNext(sentence: Sentence, c: Candidate, following: Sentence | undefined): boolean {
  if (!following) return false;
  const words = sentence.words;
  // The acronym, or the acronym and one noun, ends the sentence.
  const rest = words.slice(c.index + 1);
  if (rest.length > 1 || (rest.length === 1 && !ALL_LOWER.test(rest[0].text))) return false;
  const head = following.words.slice(0, 3).map((w) => w.lower).join(' ');
  return /^(this is|that is|it is|it's|this's|that's|this means|these are|they are|they're) (a|an|the|your|our|how|what|where|who|when)\b/.test(head) || /^(this|that|it) (stands for|is short for)\b/.test(head) || /^(this|that|it) (means|refers to)\b/.test(head);
}

/** Words that may stand before an acronym that is the subject of a definition ("The CVV is the…"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'our', 'its', 'their', 'this', 'each', 'every']);
/** Words that open a description set off by a comma or a dash ("TOTP key, the setup code…"). */
const DESCRIPTION_OPENERS = new Set(['the', 'a', 'an', 'i.e.', 'i.e', 'meaning']);

/**
 * "paste its TOTP key, the setup code the site gives you": after the acronym, or the acronym and
 * one noun, a comma or dash and a description of 3+ words that runs to the end of the sentence, a
 * dash or a bracket, with no "and" or "or" (then it is a list: "the DNS, the router and the cable").
 */
function appositive(sentence: Sentence, c: Candidate): boolean {
  const text = sentence.block.text;
  const words = sentence.words;
  let k = c.index + 1;
  if (words[k] && joined(text, c.word, words[k]) && ALL_LOWER.test(words[k].text)) k++;
  const first = words[k];
  if (!first || !DESCRIPTION_OPENERS.has(first.lower)) return false;
  const gap = text.slice(words[k - 1].end, first.start).trim();
  if (!/^(,|—|–|-|:)$/.test(gap)) return false;
  // "When your order shows AWB, the courier has it": the comma ends a clause that opened with "when", so
  // what follows is the main clause, not a description.
  for (let i = c.index - 1; i >= 0 && c.index - i <= 8; i--) {
    if (SUBORDINATORS.has(words[i].lower)) return false;
    if (text.slice(words[i].end, words[i + 1].start).includes(',')) break;
  }
  let n = 0;
  for (let i = k; i < words.length; i++) {
    if (words[i].lower === 'and' || words[i].lower === 'or') return false;
    n++;
    const after = text.slice(words[i].end, words[i + 1]?.start ?? sentence.end).trim();
    // "Type the CVV, the three-digit code on the back of your card, in the last box": a description of 4+ words
    // closed by a comma, when no list goes on after it ("the CVV, the expiry date, the name").
    if (/^,/.test(after) && n >= 4 && words[i + 1] && !['the', 'a', 'an', 'and', 'or', 'your', 'its'].includes(words[i + 1].lower)) return true;
    if (/^[,;]/.test(after)) return false;
    if (/^[—–)(]/.test(after) || i === words.length - 1) break;
  }
  return n >= 3;
}

/** Words that open a clause which a comma closes: "If it shows AWB, the courier…". */
const SUBORDINATORS = new Set(['when', 'if', 'once', 'after', 'before', 'until', 'while', 'because', 'since', 'unless', 'whenever']);

/** Do the words from..end (end excluded) spell the acronym, every letter used? */
function spellsExactly(words: readonly Word[], from: number, end: number, acro: string): boolean {
  return spells(words.slice(from, end), 0, acro, false) && !spells(words.slice(from + 1, end), 0, acro, false);
}



/** Prepositions that join a service's name to a verb: "sign in to IFTTT", "link it with IFTTT". */
const SERVICE_LINKS = new Set(['to', 'with', 'into', 'from', 'on']);

/**
 * "Sign in to IFTTT", "Link your account to IFTTT to log each ride": a bare name (no article, no noun
 * after it) after a verb of connecting is a service or site, not an acronym to spell out. "Connect to
 * the DNS server" keeps its article and noun, so DNS is still reported.
 */
function serviceName(words: readonly Word[], index: number, text: string, verbs: Set<string>): boolean {
  const prev = words[index - 1];
  if (!prev || !SERVICE_LINKS.has(prev.lower) || !joined(text, prev, words[index])) return false;
  const next = words[index + 1];
  if (next && joined(text, words[index], next) && ALL_LOWER.test(next.text) && !STOP.has(next.lower)) return false;
  // "Sign in with SSO" names a way to sign in, not a site: "with" and "from" only after connecting verbs.
  const how = prev.lower === 'with' || prev.lower === 'from';
  for (let k = index - 2; k >= 0 && index - k <= 6; k--) {
    if (verbs.has(words[k].lower)) return !(how && /^(sign|signed|log|logged)$/.test(words[k].lower));
    if (/[.;:]/.test(text.slice(words[k].end, words[k + 1].start))) return false;
  }
  return false;
}

/** "IFTTT™", or a link to ifttt.com in the file: the capitals are a brand or a site's name. */
function brandName(docText: string, lowerText: string, acro: string, end: number): boolean {
  const mark = end >= 0 ? docText[end] : undefined;
  if (mark === '™' || mark === '®') return true;
  const host = acro.toLowerCase();
  for (const tld of ['.com', '.org', '.net', '.io', '.co']) {
    const at = lowerText.indexOf(host + tld);
    if (at !== -1 && !/[a-z0-9]/.test(lowerText[at - 1] ?? '')) return true;
  }
  return false;
}

/** "Error: unable to open CMSIS-DAP device" — the words after "error:" or "the message:" quote the software. */
function afterErrorLabel(text: string, sentenceStart: number, at: number): boolean {
  const colon = text.lastIndexOf(':', at);
  if (colon < sentenceStart) return false;
  // "avrdude: … matching VID 0x03eb and PID list": a line of a tool's output starts with its name in lower case.
  // "passphrase: optional, the WPA password" is a term and its meaning, not output: output holds code ("open_common()", "0x03eb").
  if (/^[a-z][\w.-]{1,30}:/.test(text.slice(sentenceStart, Math.min(at, sentenceStart + 40))) && /\w_\w|\(\)|0x[0-9a-f]/i.test(text.slice(sentenceStart, Math.min(text.length, sentenceStart + 300)))) return true;
  return /\b(error|errors|message|messages|warning|alert|says|reads|shows|output|prompt|notice)\b[^:]{0,30}$/i.test(text.slice(Math.max(sentenceStart, colon - 60), colon));
}

/** Words before capitals that make them letters to read or type, not an acronym: "the letters TX", "the prefix CL". */
const LETTER_NOUNS = new Set(['letter', 'letters', 'prefix', 'prefixes', 'suffix', 'initials', 'characters']);
/**
 * The page's title: front matter `title` (Markdown) or the <title> element (HTML). The title line is
 * read from the raw front matter, not the parsed YAML: parsing loads the yaml package, which a
 * one-file hook must not pay for (test/e2e/start-up.test.ts).
 */
function pageTitles(doc: Doc): string[] {
  const out: string[] = [];
  const t = /^title:(.*)$/m.exec(frontmatterTextOf(doc) ?? '')?.[1].trim().replace(/^(["'])(.*)\1$/, '$2');
  if (t) out.push(t);
  for (const el of doc.elements('title')) out.push(textOf(el as Parameters<typeof textOf>[0]));
  return out;
}

/** "Social Security Administration (SSA)": acronyms in brackets that the title's words before them spell. */
function titleAcronyms(title: string): string[] {
  const out: string[] = [];
  const words = title.split(/\s+/).filter(Boolean);
  words.forEach((w, i) => {
    const m = /^\(([A-Za-z0-9&]{2,8})\)[.,:;]?$/.exec(w);
    if (!m || !ACRONYM.test(m[1])) return;
    const before = words.slice(Math.max(0, i - 8), i).map((text) => ({ text: NOT_WORD_CHARS.replace(text, ''), lower: text.toLowerCase() }) as Word);
    for (let k = 0; k < before.length; k++) {
      if (spells(before, k, m[1], false)) {
        out.push(m[1]);
        return;
      }
    }
  });
  return out;
}

/** Nouns after which capitals and a number are a phone line's or a field's label: "the TTY number at 1-800-…". */
const NUMBER_NOUNS = new Set(['number', 'line', 'phone', 'relay']);

/** "(TTY: 711)", "VAT: 20%", "the TTY number at 1-800-325-0778": a label with its number right after it. */
function labelOfNumber(words: readonly Word[], index: number, text: string): boolean {
  const word = words[index];
  const next = words[index + 1];
  if (!next) return false;
  const digit = (w: Word | undefined) => !!w && /^[+(]?\d/.test(w.text);
  if (text.slice(word.end, next.start).trim() === ':' && digit(next)) return true;
  if (!NUMBER_NOUNS.has(next.lower)) return false;
  const k = ['at', 'on', 'is', ':'].includes(words[index + 2]?.lower ?? '') ? index + 3 : index + 2;
  return digit(words[k]) || (text.slice(next.end, words[index + 2]?.start ?? next.end).trim() === ':' && digit(words[index + 2]));
}

/** "a trademark office (e.g. USPTO)", "(for example, NHS)": in brackets, an example of the lower-case noun before them. */
function namedExample(words: readonly Word[], index: number, text: string): boolean {
  let k = index - 1;
  if (words[k]?.lower === 'example' && words[k - 1]?.lower === 'for') k--;
  else if (!['e.g.', 'e.g', 'eg'].includes(words[k]?.lower ?? '')) return false;
  const noun = words[k - 1];
  return !!noun && ALL_LOWER.test(noun.text) && text.slice(noun.end, words[k].start).includes('(');
}

/** Words that end the letters of a code: "begins with CL and has…", "ending in XR on the back". */
const LETTERS_END = new Set(['and', 'or', 'then', 'followed', 'plus', 'on', 'in', 'at', 'from', 'for', 'to', 'after', 'before', 'with', 'is', 'are']);
/** Verbs of sending a word to a number: "text CODE to 65075", "reply STOP". */
const TYPE_VERBS = new Set(['text', 'texting', 'reply', 'send', 'sms']);
/** Verbs of how a reference or code is written: "starts with TX", "ends in XR". */
const SPELL_VERBS = new Set(['start', 'starts', 'starting', 'started', 'begin', 'begins', 'beginning', 'end', 'ends', 'ending', 'prefixed', 'suffixed']);

/**
 * The capitals are letters of a reference or a code, given so the reader can find or type them: "It starts
 * with the letters TX, followed by eight digits", "your claim number begins with CL", "a code ending in XR".
 */
function literalLetters(words: readonly Word[], index: number): boolean {
  const k = (i: number) => words[i]?.lower ?? '';
  const i = index - 1;
  // "the letters TX", "the prefix CL"
  if (LETTER_NOUNS.has(k(i))) return true;
  // "text CODE to 65075", "reply STOP": a word to type, sent to a number or as the whole reply.
  if (TYPE_VERBS.has(k(i))) {
    const after = words[index + 1];
    if (!after || (after.lower === 'to' && /^[\d+]/.test(words[index + 2]?.text ?? ''))) return true;
  }
  // "starts with TX", "ends in XR"; not "starts with a KYC check" or "begins with KYC checks", a thing that is done.
  if (!((k(i) === 'with' || k(i) === 'in') && SPELL_VERBS.has(k(i - 1)))) return false;
  const next = words[index + 1];
  return !next || !ALL_LOWER.test(next.text) || LETTERS_END.has(next.lower);
}

/** Small words between an acronym and its spelled-out form: "BRP, short for…", "EPC, which is your…", "(known as an EPC)". */
const GLOSS_WORDS = new Set(['which', 'is', 'are', 'means', 'meaning', 'short', 'for', 'or', 'the', 'your', 'our', 'a', 'an', 'stands', 'known', 'as', 'i.e', 'i.e.', 'ie', 'also', 'called', 'aka']);

/**
 * The words around the acronym spell it out, in any case: "energy performance certificate (known as an
 * EPC)", "a return merchandise authorisation — an RMA —", "BRP, short for biometric residence permit",
 * "NI number: your National Insurance number", "The EHIC – European Health Insurance Card – gives…", or
 * "Turn on multi-factor authentication. MFA adds a step…" (the sentence before). Three letters or more,
 * and only small gloss words between, so chance words do not count.
 */
function spelledNear(sentence: Sentence, c: Candidate, prev: Sentence | undefined): boolean {
  const acro = c.acro.replace(/[^A-Z]/g, '');
  if (acro.length < 3 || acro !== c.acro) return false;
  const words = sentence.words;
  const letters = acro.length;
  // Before: the expansion ends within four gloss words of the acronym.
  for (let j = Math.max(0, c.index - letters * 2 - 4); j < c.index; j++) {
    if (!spellsExactly(words, j, c.index, acro)) continue;
    let end = c.index - 1;
    let gap = 0;
    while (end > j && GLOSS_WORDS.has(words[end].lower) && gap < 4) {
      end--;
      gap++;
    }
    if (spellsExactly(words, j, end + 1, acro) && !spells(words.slice(j, end), 0, acro, false)) return true;
  }
  // After: the expansion starts within four gloss words of the acronym ("…, short for biometric…").
  let k = c.index + 1;
  if (words[k] && ALL_LOWER.test(words[k].text) && !GLOSS_WORDS.has(words[k].lower) && joined(sentence.block.text, c.word, words[k])) k++;
  for (let gap = 0; k < words.length && gap <= 4; k++, gap++) {
    if (spellsExactly(words, k, Math.min(words.length, k + letters * 2 + 2), acro) && exactEnd(words, k, acro)) return true;
    if (!GLOSS_WORDS.has(words[k].lower)) break;
  }
  // The sentence before ends with it: "Turn on multi-factor authentication. MFA adds…".
  if (prev && c.index <= 1) {
    const pw = prev.words;
    for (let j = Math.max(0, pw.length - letters * 2 - 1); j < pw.length; j++) if (spellsExactly(pw, j, pw.length, acro) && exactEnd(pw, j, acro)) return true;
  }
  return false;
}

/** The words from `from` spell the acronym and use every word up to the last one that gives a letter (no trailing words needed). */
function exactEnd(words: readonly Word[], from: number, acro: string): boolean {
  for (let end = from + 1; end <= words.length; end++) if (spells(words.slice(from, end), 0, acro, false)) return true;
  return false;
}

/** Words that give an example in brackets: "(e.g. NG)", "(such as NG)". */
const EXAMPLE_WORDS = new Set(['e.g.', 'e.g', 'eg', 'like', 'including', 'incl.']);

/**
 * The acronym at `index` is the value of a part's type or an example of a part: "Connector type: micro
 * UFL", "The connector type is UFL", "older USB board (e.g. NG)". It must end its phrase ("the connector
 * is UFL compatible" goes on), and the noun must be a part or a product (`isPart`).
 */
function partValue(sentence: Sentence, index: number, isPart: (lower: string) => boolean): boolean {
  const words = sentence.words;
  const text = sentence.block.text;
  const word = words[index];
  const next = words[index + 1];
  // ("The plug type is BNC on most models" ends the value at a preposition.)
  if (next && joined(text, word, next) && STARTS_LOWER.test(next.text) && !STOP.has(next.lower) && !['or', 'at', 'from'].includes(next.lower)) return false;
  let k = index - 1;
  // "micro UFL", "the UFL": one lower-case word may stand between.
  if (words[k] && ALL_LOWER.test(words[k].text) && joined(text, words[k], word) && !EXAMPLE_WORDS.has(words[k].lower) && !['is', 'are'].includes(words[k].lower)) k--;
  const w = words[k];
  if (!w) return false;
  let noun: number;
  if (['is', 'are'].includes(w.lower) && joined(text, w, words[k + 1])) noun = k - 1;
  else if (text.slice(w.end, words[k + 1].start).trim() === ':') noun = k;
  else {
    // "(e.g. NG)", "(such as NG)", "(for example NG)": the bracket opens right after the part.
    const example = EXAMPLE_WORDS.has(w.lower) ? 1 : (w.lower === 'as' && words[k - 1]?.lower === 'such') || (w.lower === 'example' && words[k - 1]?.lower === 'for') ? 2 : 0;
    const opens = words[k - example + 1];
    noun = k - example;
    if (!example || !words[noun] || !text.slice(words[noun].end, opens.start).includes('(')) return false;
  }
  const n = words[noun];
  if (!n) return false;
  if (knownSets().kindWords.has(n.lower)) return !!words[noun - 1] && isPart(words[noun - 1].lower);
  return isPart(n.lower);
}

/** The letters of an acronym without a version number: "WPA2" → WPA (a loop: /\d+$/ backtracks on long digit runs). */
function family(text: string): string {
  const head = text.split(/[-–]/)[0];
  let end = head.length;
  while (end > 0 && head.charCodeAt(end - 1) >= 48 && head.charCodeAt(end - 1) <= 57) end--;
  return head.slice(0, end);
}

/** "WPA/WPA2", "WPA2/WPA3-PSK": the acronym next to another version of itself across a slash. */
function versionPair(words: readonly Word[], index: number, text: string): boolean {
  const w = words[index];
  const fam = family(w.text);
  if (fam.length < 2) return false;
  const pair = (a: Word | undefined, b: Word | undefined, other: Word | undefined) =>
    !!a && !!b && !!other && text.slice(a.end, b.start).trim() === '/' && family(other.text) === fam && other.text.split(/[-–]/)[0] !== w.text.split(/[-–]/)[0];
  return pair(words[index - 1], w, words[index - 1]) || pair(w, words[index + 1], words[index + 1]);
}

/** Nouns for what software shows, and verbs for showing it: "a message displays that …", "the error says …". */
const MESSAGE_NOUNS = new Set(['message', 'messages', 'error', 'errors', 'warning', 'warnings', 'alert', 'alerts', 'prompt', 'notice', 'notification', 'popup', 'pop-up', 'banner', 'dialog', 'screen']);
const MESSAGE_VERBS = new Set(['displays', 'displayed', 'says', 'said', 'shows', 'showed', 'appears', 'reads', 'states', 'stated', 'tells', 'pops']);

/**
 * "If a message displays that your security key does not appear to be FIDO compliant": the clause after a
 * message and its verb gives the software's words, which the reader sees and matches (as after "Error:").
 */
function reportedMessage(words: readonly Word[], index: number): boolean {
  for (let j = index - 2; j >= 0 && index - j <= 16; j--) {
    if (MESSAGE_NOUNS.has(words[j].lower) && MESSAGE_VERBS.has(words[j + 1].lower)) return true;
  }
  return false;
}

/** "USB to TTL serial adapter": capitals on either side of "to", then within two words a converter's noun. */
function converterEnd(words: readonly Word[], index: number, text: string, nouns: Set<string>): boolean {
  const caps = (x: Word | undefined) => !!x && !x.masked && isCaps(x);
  let last: number;
  if (words[index - 1]?.lower === 'to' && caps(words[index - 2])) last = index;
  else if (words[index + 1]?.lower === 'to' && caps(words[index + 2])) last = index + 2;
  else return false;
  for (let i = last + 1; i <= last + 3 && i < words.length; i++) {
    if (!joined(text, words[i - 1], words[i])) return false;
    if (nouns.has(words[i].lower)) return true;
  }
  return false;
}

/** Whether the text holds the acronym as a whole word ("MQTT", "MQTT's", "FIDO-certified"; not "MQTTS"). */
function mentions(text: string, acro: string): boolean {
  for (let at = text.indexOf(acro); at !== -1; at = text.indexOf(acro, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + acro.length] ?? ' ';
    if (!HAS_WORD_CHAR.test(before) && (!HAS_WORD_CHAR.test(after) || (after === 's' && !HAS_WORD_CHAR.test(text[at + acro.length + 1] ?? ' ')))) return true;
  }
  return false;
}

/**
 * The block answers a question that names the acronym, written just before it as a paragraph or list item
 * ("**What version of MQTT does Opta support?**", a bold FAQ question). The reader picked that question, so
 * they came knowing the letters; bold text is never reported, so the acronym is not reported in that answer.
 * A question heading ("## Why is my PETG stringy?") does not count: writers want the body to spell it out.
 */
function answersQuestionOn(prose: readonly ProseBlock[], block: ProseBlock, acro: string): boolean {
  for (let i = prose.indexOf(block) - 1; i >= 0; i--) {
    const prev = prose[i];
    // Alt text is not read as the lead-in.
    if (prev.kind === 'alt') continue;
    if (prev.kind === 'heading') return false;
    const t = prev.text.trim();
    return t.endsWith('?') && t.split(/\s+/).length <= 25 && mentions(t, acro);
  }
  return false;
}

/**
 * "PIV or CAC card for federal employees", "Government employees can also use their PIV or CAC cards": the
 * acronym (alone or with a partner joined by "or", "and" or a slash) names a thing by its noun, and the
 * sentence says which people it is for. Those people know the letters; everyone else learns what the thing
 * is and that it is not theirs (issue 14, 1.18).
 */
function forGroup(words: readonly Word[], index: number, text: string, groups: Set<string>): boolean {
  if (!groups.size) return false;
  const acro = (w: Word | undefined) => !!w && !w.masked && isCaps(w);
  const link = (a: Word, b: Word) => {
    const gap = text.slice(a.end, b.start).trim();
    return gap === '/' || (gap === '' && (b.lower === 'or' || b.lower === 'and'));
  };
  // The acronym's partner after it: "PIV/CAC", "PIV or CAC".
  let j = index + 1;
  if (words[j] && text.slice(words[index].end, words[j].start).trim() === '/' && acro(words[j])) j++;
  else if (words[j] && link(words[index], words[j]) && acro(words[j + 1])) j += 2;
  const head = words[j];
  if (!head || !joined(text, words[j - 1], head) || !ALL_LOWER.test(head.text) || STOP.has(head.lower) || LABEL_FOLLOWERS.has(head.lower)) return false;
  // "… card for federal government employees or military": "for" and a group noun within five words.
  if (words[j + 1]?.lower === 'for' && joined(text, head, words[j + 1])) {
    for (let i = j + 2; i < words.length && i <= j + 6; i++) {
      if (groups.has(words[i].lower)) return true;
      if (/[.;:,()]/.test(text.slice(words[i - 1].end, words[i].start))) break;
    }
  }
  // "Government employees can also use their PIV or CAC cards": "their" before the acronym (or its partner
  // before it), and a group noun earlier in the sentence.
  let k = index - 1;
  if (words[k] && text.slice(words[k].end, words[index].start).trim() === '/' && acro(words[k])) k--;
  else if (words[k] && (words[k].lower === 'or' || words[k].lower === 'and') && acro(words[k - 1])) k -= 2;
  if (words[k]?.lower !== 'their') return false;
  for (let i = k - 1; i >= 0 && k - i <= 10; i--) if (groups.has(words[i].lower)) return true;
  return false;
}

/** Small words that may follow a label and end its phrase: "set it to ECO before you start", "shows ERR and beeps". */
const LABEL_FOLLOWERS = new Set(['and', 'or', 'but', 'before', 'after', 'when', 'while', 'until', 'if', 'then', 'so', 'again', 'for', 'at', 'on', 'in', 'once', 'as', 'unless', 'to', 'the', 'a', 'an', 'by', 'with', 'of']);
const POSSESSIVES = new Set(['your', 'my', 'our', 'their', 'his', 'her', 'its']);
/** Words before a set-verb's participle: "when it is set to AUTO". */
const BE_WORDS = new Set(['is', 'are', 'be', 'was', 'were', 'been', "it's", 'stays', 'left']);

/**
 * The capitals are a label the reader sees on a device, screen or app, and the clause says so (issue 14):
 * "the display shows ERR", "the thermostat flashes LO", "set the dial to ECO", "press AUTO", "the SYNC light". The capitals must stand alone (no noun of their own after them), so "the display shows
 * your APY", "switch to ACH payments" and "your PIR sensor" are still reported.
 */
function shownLabel(words: readonly Word[], index: number, text: string, k: Known): boolean {
  const word = words[index];
  const next = words[index + 1];
  const nextJoined = !!next && joined(text, word, next);
  // "the ECO icon", "a blinking PWR indicator" (not "SBC mode": a mode is often named after what it does).
  // ("your DNS setting" is the setting of DNS: a possessive makes the capitals a thing, not the setting's name.)
  if (nextJoined && k.controlNouns.has(next.lower)) return !POSSESSIVES.has(words[index - 1]?.lower ?? '');
  // The rest need the capitals alone: not "the shows ERR codes".
  if (nextJoined && ALL_LOWER.test(next.text) && !LABEL_FOLLOWERS.has(next.lower)) return false;
  const prev = words[index - 1];
  if (!prev || !joined(text, prev, word)) return false;
  // "press AUTO", "tap EXIT".
  if (k.pressVerbs.has(prev.lower)) return true;
  // "the thermostat flashes LO".
  if (k.blinkVerbs.has(prev.lower)) return true;
  // "the display shows ERR", "if the screen reads CAL": a screen-noun within four words before the verb.
  if (k.showVerbs.has(prev.lower)) {
    for (let i = index - 2; i >= 0 && index - i <= 5; i--) if (k.screenNouns.has(words[i].lower)) return true;
    return false;
  }
  // "set the dial to ECO", "turn it to HI", "when it is set to AUTO": the verb has an object, or is a participle.
  if (prev.lower === 'to') {
    const v = words[index - 2];
    if (v && k.setVerbs.has(v.lower)) return BE_WORDS.has(words[index - 3]?.lower ?? '');
    for (let i = index - 3; i >= 0 && index - i <= 6; i--) {
      if (/[.;:!?]/.test(text.slice(words[i].end, words[i + 1].start))) return false;
      if (k.setVerbs.has(words[i].lower)) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'undefined-acronym',
  family: 'plain',
  description: 'An acronym used before it is spelled out',
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
    undefined: "Nothing before this says what '{{actual}}' stands for: write it in full the first time, with '{{actual}}' in brackets after it",
    pair: "Nothing before this says what '{{actual}}' and '{{second}}' stand for: write each in full the first time, with its letters in brackets after it",
  },
  check(doc, ctx) {
    // "NOTICE.md", "LICENSE": where the files came from and under which licence, not text for a customer.
    if (isMetadataFile(doc.path)) return;
    const { common, zones, words: capsWords, pins: pinNames, productNouns, labelNouns, partNouns, labelWords, serviceVerbs, dateParts, hardwareWords } = knownSets();
    let lowerText: string | undefined;
    /** Acronyms whose site the file links to ("ifttt.com"), memoised per acronym. */
    const sites = new Map<string, boolean>();
    // Bold, kbd and code hold button and key labels ("press **RESET**"); link text names a page.
    const labels: Span[] = [];
    for (const tag of ['strong', 'b', 'kbd', 'code', 'samp', 'a']) {
      for (const el of doc.elements(tag)) {
        const s = el.position?.start?.offset;
        const e = el.position?.end?.offset;
        if (s !== undefined && e !== undefined) labels.push({ start: s, end: e });
      }
    }
    // Short italics are UI names and menu paths ("_File > Examples > MKRGSM_", "search for *MKRNB*"),
    // not a sentence in italics.
    for (const tag of ['em', 'i']) {
      for (const el of doc.elements(tag)) {
        const s = el.position?.start?.offset;
        const e = el.position?.end?.offset;
        if (s === undefined || e === undefined) continue;
        const t = textOf(el);
        if (t.includes('>') || t.trim().split(/\s+/).length <= 4) labels.push({ start: s, end: e });
      }
    }
    const inLabel = containedInAny(labels);

    const sentences = doc.sentences;
    // Only a file with a candidate acronym needs its names (issue 19: a regex or three per word of every file).
    let nameSet: Set<string> | undefined;
    const names = { has: (word: string) => (nameSet ??= properNouns(sentences)).has(word) };
    // Pin names ("RTS", "EN", "COM") are labels only in a file about wiring or devices.
    const hardware = sentences.some((s) => s.words.some((w) => hardwareWords.has(w.lower)));
    const pins = hardware ? pinNames : new Set<string>();
    // Acronyms every reader of the file's topic knows: "TCP" in a file about firewalls and routers. A topic
    // counts when the file uses at least two of its words.
    let topicKnown: Set<string> | undefined;
    const knownToTopic = (acro: string): boolean => {
      if (!topicKnown) {
        topicKnown = new Set();
        const lower = new Set<string>();
        for (const s of sentences) for (const w of s.words) lower.add(w.lower);
        for (const t of knownSets().topics) {
          let hits = 0;
          for (const w of t.words) if (lower.has(w) && ++hits >= 2) break;
          if (hits >= 2) for (const a of t.acronyms) topicKnown.add(a);
        }
      }
      return topicKnown.has(acro);
    };
    /** Next to a name: "Arduino IDE", "PLC IDE", "Nano 33 BLE Sense", "UNO R4". */
    const besideName = (sentence: Sentence, index: number): boolean => {
      const words = sentence.words;
      const text = sentence.block.text;
      const word = words[index];
      const prev = words[index - 1];
      const next = words[index + 1];
      // "Nano 33 BLE" is a name; "4 to 8 CCF" is an amount and its unit.
      const amount = prev !== undefined && /^\d[\d.,]*$/.test(prev.text) && !(index >= 2 && HAS_LOWER.test(words[index - 2].text) && isNamePart(words[index - 2]) && joined(text, words[index - 2], prev));
      if (prev && !amount && joined(text, prev, word) && (index - 1 > 0 ? isNamePart(prev) : names.has(prev.text) || isCaps(prev))) return true;
      // ("the DPA 2018": a law and its year, not a model number.)
      // ("the MKR form factor" is a product line; "in CIDR form" is a notation to spell out.)
      const productNoun = next !== undefined && productNouns.has(next.lower) && (next.lower !== 'form' || words[index + 2]?.lower === 'factor');
      if (next && joined(text, word, next) && !/^(19|20)\d\d$/.test(next.text) && (isNamePart(next) || productNoun)) return true;
      // "the UNO and Mega", "NEXUS, SENTRI, or Global Entry": one of a list of names.
      return listedWithName(words, index, text);
    };
    // An acronym seen even once as part of a product name is that product's name in this file ("the UNO").
    const productNames = new Set<string>();
    /** Acronyms seen as a pin, port or signal label ("the GND pin", "pin TX", "the COM port"): labels all file long. */
    const labelled = new Set<string>();
    for (const sentence of sentences) {
      const words = sentence.words;
      words.forEach((word, index) => {
        const c = word.masked ? undefined : candidateOf(word, index);
        if (!c) return;
        // ("in ET Monday to Friday": a time zone is no product name.)
        if (sentence.block.kind !== 'heading' && !zones.has(c.acro) && besideName(sentence, index)) productNames.add(c.acro);
        // A chip maker in a file about devices: "an STM device in DFU mode", "the chip comes from STM".
        if (hardware && !common.has(c.acro) && !c.mixed) {
          const nx = words[index + 1];
          const pv = words[index - 1];
          if (nx && knownSets().chipNouns.has(nx.lower) && joined(sentence.block.text, word, nx)) productNames.add(c.acro);
          else if (pv && (pv.lower === 'from' || pv.lower === 'by') && words.some((x) => knownSets().makerCues.has(x.lower))) productNames.add(c.acro);
        }
        const next = words[index + 1];
        const before = words[index - 1];
        // A common acronym ("a USB cable") is no label: it must not make its neighbours pins ("USB to TTL").
        // "a JST battery connector", "the SMA antenna socket": a connector type printed on the part.
        const after2 = words[index + 2];
        if (!common.has(c.acro) && !c.mixed && next && after2 && ALL_LOWER.test(next.text) && joined(sentence.block.text, word, next) && joined(sentence.block.text, next, after2) && knownSets().connectors.has(after2.lower)) labelled.add(c.acro);
        // Parts of a device ("the RX input", "the GND pin") are labels only in a file about wiring or devices:
        // elsewhere "the MPPT input" or "the PAT sticker" names a technique or a test to spell out.
        const labelNoun = (x: Word | undefined) => !!x && (labelNouns.has(x.lower) || (hardware && partNouns.has(x.lower)));
        // "the u-blox SARA radio module", "the NINA wifi chip": in a file about devices, capitals, one lower-case
        // word and a board part's noun are the part's product name.
        if (hardware && !common.has(c.acro) && !c.mixed && next && after2 && ALL_LOWER.test(next.text) && joined(sentence.block.text, word, next) && joined(sentence.block.text, next, after2) && knownSets().boardParts.has(after2.lower)) productNames.add(c.acro);
        // "a JST-PH plug", "the MX-LP connector": capitals joined by a hyphen before a part's noun name the part.
        if (c.acro.includes('-') && next && joined(sentence.block.text, word, next) && (partNouns.has(next.lower) || labelNouns.has(next.lower) || productNouns.has(next.lower))) productNames.add(c.acro);
        // "the part marked as DNP", "labelled as CHG": the label word and "as".
        const labelAs = before?.lower === 'as' && labelWords.has(words[index - 2]?.lower ?? '') && /^(marked|labeled|labelled|named)$/.test(words[index - 2]?.lower ?? '');
        if (!common.has(c.acro) && !c.mixed && ((next && labelNoun(next)) || labelAs || (before && (labelWords.has(before.lower) || labelNoun(before) && /^(pin|pins|port|ports)$/.test(before.lower))))) labelled.add(c.acro);
        // "Connector type: micro UFL", "The connector type is UFL", "an older USB board (e.g. NG)": the type
        // of a part or an example of a board is an identifier, not a word to spell out.
        if (!common.has(c.acro) && !c.mixed && partValue(sentence, index, (x) => partNouns.has(x) || labelNouns.has(x) || productNouns.has(x))) productNames.add(c.acro);
        // "VID 0x03eb", "TLS 1.2", "HTTP 404": an identifier with its number, not a word to spell out.
        // "DCS(1800)", "IEC 61131-3", "CVSS v3.1": the same with a band, standard or version number.
        const gap = next ? sentence.block.text.slice(word.end, next.start).trim() : '';
        // "UNO (Rev1 and Rev3)": a model with its revisions in brackets is a product name.
        if (next && gap === '(' && /^(rev|r|v|gen|mk)\d+$/i.test(next.text)) productNames.add(c.acro);
        // "the DPA 2018", "the CRA 2015": a law and its year still needs spelling out.
        if (next && /^(0x[0-9a-f]+|v?\d[\w.-]*)$/i.test(next.text) && (gap === '(' || (gap === '' && !/^(19|20)\d\d$/.test(next.text)))) labelled.add(c.acro);
      });
    }

    const defined = new Set<string>();
    // <abbr title="annual percentage rate">APR</abbr> spells it out for the whole page.
    for (const el of doc.elements('abbr')) {
      if (!attr(el, 'title')?.trim()) continue;
      const c = candidateOf({ text: textOf(el).trim() } as Word, 0);
      if (c) defined.add(c.acro);
    }
    // A page titled "Social Security Administration (SSA)" spells it out for the whole page, as a heading would.
    for (const title of pageTitles(doc)) for (const acro of titleAcronyms(title)) defined.add(acro);
    const reported = new Set<string>();
    /** "WEP" of a "WEP2" already reported. */
    const reportedVersions = new Set<string>();
    /** Sentences seen so far, for "Personal Identity Verification … PIV". */
    const seen: Sentence[] = [];

    for (const [si, sentence] of sentences.entries()) {
      const block = sentence.block;
      const words = sentence.words;
      const following = sentences[si + 1]?.block === block ? sentences[si + 1] : undefined;
      // Counted only for a sentence with a candidate that gets this far (issue 19: most have none).
      let letterCount = -1;
      let shouting = false;
      const countWords = (): void => {
        if (letterCount !== -1) return;
        const letterWords = words.filter((w) => !w.masked && HAS_LETTER.test(w.text));
        const capsCount = letterWords.filter((w) => CAPS_WORD.test(w.text) && w.text.length >= 2).length;
        letterCount = letterWords.length;
        // Shouted legal text ("THE SERVICE IS PROVIDED AS IS") is emphasis, not acronyms.
        shouting = capsCount >= 4 && capsCount * 2 >= letterCount;
      };
      const flaggable = (): boolean => {
        countWords();
        return !shouting && !block.quote && block.kind !== 'heading' && block.kind !== 'alt' && block.kind !== 'table-cell';
      };

      words.forEach((word, index) => {
        const c = word.masked ? undefined : candidateOf(word, index);
        if (!c) return;
        if (common.has(c.acro) || capsWords.has(c.acro) || pins.has(c.acro) || defined.has(c.acro) || productNames.has(c.acro) || names.has(c.acro) || labelled.has(c.acro)) return;
        if (definedHere(sentence, c) || explainedNext(sentence, c, following) || spelledNear(sentence, c, si > 0 && sentences[si - 1].block === block ? sentences[si - 1] : undefined) || termDefined(doc.prose, block, c) || forGroup(words, index, block.text, knownSets().groupNouns)) {
          defined.add(c.acro);
          return;
        }
        if (!flaggable() || word.quoted || reported.has(c.acro) || knownToTopic(c.acro)) return;
        // A label on a device, screen or app, as the clause around it says: "the display shows ERR", "the ECO icon".
        if (!c.mixed && shownLabel(words, index, block.text, knownSets())) return;
        // "an OFX file", "in QIF format": three capitals right before "file" or "format" are a file type (issue 14, 1.17).
        const nextWord = words[index + 1];
        if (!c.mixed && /^[A-Z]{3}$/.test(c.acro) && word.text === c.acro && nextWord && joined(block.text, word, nextWord) && knownSets().fileNouns.has(nextWord.lower)) return;
        // "AWAY", "QUIET", "SLEEP": an everyday English word (the Dale–Chall list) in capitals, not an acronym.
        if (!c.mixed && c.acro.length >= 4 && /^[A-Z]+$/.test(c.acro) && daleChallWord(c.acro.toLowerCase())) return;
        // "WPA/WPA2": a version of an acronym already reported is the same acronym.
        const base = /^([A-Z]{3,5})\d$/.exec(c.acro)?.[1];
        if (base && (reported.has(base) || defined.has(base))) return;
        // "WEP2 … WEP": the acronym of a version already reported.
        if (reportedVersions.has(c.acro)) return;
        // "DCDC converters", "ACDC": two kinds of current written together ("DC-DC").
        // Only current kinds: "IPID" and "PCID" are acronyms of their own, not IP + ID.
        if (/^(AC|DC){2}$/.test(c.acro)) return;
        // "95 RH%", "12 VDC": a unit after an amount.
        const prevWord = words[index - 1];
        // ("a $500 OOP limit": after money, the capitals are no unit.)
        if (prevWord && /^\d[\d.,-]*$/.test(prevWord.text) && joined(block.text, prevWord, word) && !/[$£€¥]/.test(block.text[prevWord.start - 1] ?? '')) return;
        // A block that is only the acronym ("* IMU", a menu or tab name) is a label, not prose.
        countWords();
        if (letterCount <= 2) return;
        // "Error: unable to open CMSIS-DAP device": the words after "error:" are the message.
        if (afterErrorLabel(block.text, sentence.start, word.start)) return;
        const next = words[index + 1];
        // "TX/RX", "SDA and SCL": a pair of which one is a pin label is a pin label too.
        const pair = [words[index - 1], next, words[index - 2], words[index + 2]].some((w) => w && !w.masked && (pins.has(w.text) || labelled.has(w.text)) && Math.abs(w.start - word.start) < 12);
        if (pair) return;
        // "DD/MM/YYYY", "MM DD": a date format, not "your DD" (a direct debit).
        if (dateParts.has(c.acro) && [words[index - 1], next].some((w) => w && w.text.split(/[/.:-]/).some((p) => dateParts.has(p)) && Math.abs(w.start - word.start) < 12)) return;
        // "5 p.m. ET", "2PM PT": a short time zone right after a clock time. Elsewhere "PT" may be physical
        // therapy or part-time, so it is reported.
        if (zones.has(c.acro) && prevWord && CLOCK_TIME.test(prevWord.text)) return;
        // "San Francisco, CA 94107": a postal address.
        if (next && /^\d{5}(-\d{4})?$/.test(next.text)) return;
        // "It starts with the letters TX", "the prefix CL", "ends in XR": capitals given as letters to read or type.
        if (literalLetters(words, index)) return;
        // "(TTY: 711)", "the TTY number at 1-800-325-0778": the label of a phone line or a value, next to it.
        if (labelOfNumber(words, index, block.text)) return;
        // "a trademark office (e.g. USPTO)": an example of a thing the words before it name.
        if (namedExample(words, index, block.text)) return;
        const span = block.spanOf(c.start, c.end);
        if (inLabel(span)) return;
        // "WPA/WPA2", "WPA2/WPA3": versions of one standard side by side are the names a settings screen shows.
        if (versionPair(words, index, block.text)) return;
        // "If a message displays that your key is not FIDO compliant": the words after it are the software's.
        if (reportedMessage(words, index)) return;
        // "a USB to TTL serial adapter", "an HDMI to VGA cable": a part named by the two ends it joins.
        if (converterEnd(words, index, block.text, knownSets().converterNouns)) return;
        // "sign in to IFTTT", "IFTTT™", a link to ifttt.com: a service or brand name.
        if (serviceName(words, index, block.text, serviceVerbs)) return;
        // The site search runs once per acronym: a long file may repeat one many times.
        const mark = doc.text[span.start + c.acro.length];
        if (mark === '™' || mark === '®') return;
        let site = sites.get(c.acro);
        if (site === undefined) sites.set(c.acro, (site = brandName(doc.text, (lowerText ??= doc.text.toLowerCase()), c.acro, -1)));
        if (site) return;
        // Spelled out in Title Case earlier in the file, or earlier in this sentence ("Annual Percentage Rate: the APR…").
        const spelledIn = (ws: readonly Word[]) => ws.some((w, i) => STARTS_UPPER.test(w.text) && w.text[0].toLowerCase() === c.acro[0].toLowerCase() && spells(ws, i, c.acro, true));
        if (seen.some((s) => spelledIn(s.words)) || spelledIn(words.slice(0, index))) {
          defined.add(c.acro);
          return;
        }
        // The answer to a question that names it ("**What version of MQTT does Opta support?**"): the reader came for it.
        if (answersQuestionOn(doc.prose, block, c.acro)) return;
        reported.add(c.acro);
        if (base) reportedVersions.add(base);
        // "PIV/CAC cards": two acronyms joined by a slash name one thing; one finding covers both (issue 14, 1.18).
        const partner = words[index + 1];
        if (partner && !partner.masked && block.text.slice(word.end, partner.start) === '/') {
          const c2 = candidateOf(partner, index + 1);
          const quiet = (a: string) => common.has(a) || capsWords.has(a) || pins.has(a) || defined.has(a) || productNames.has(a) || names.has(a) || labelled.has(a) || reported.has(a);
          if (c2 && !quiet(c2.acro)) {
            reported.add(c2.acro);
            ctx.report({ messageId: 'pair', span: block.spanOf(c.start, c2.end), data: { actual: c.acro, second: c2.acro }, context: sentence.span });
            return;
          }
        }
        ctx.report({ messageId: 'undefined', span, data: { actual: c.acro }, context: sentence.span });
      });
      seen.push(sentence);
    }
  },
});
