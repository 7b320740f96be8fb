#!/usr/bin/env node
// Why undefined-acronym fires where a writer says it should not (issue 14), in counts only.
//
//   npm run build && node scripts/acronym-near-miss-causes.mjs <folder> [--show [--found]]
//
// For every near-miss of undefined-acronym that fired, every clean item it fired on, and (to weigh a
// gate's cost) every expected acronym it found, counts by:
//   - a keyword bucket of the writer's own `why` (near-misses only);
//   - facts about the flagged acronym: length, digit, plural, list item, table, brackets, how often the
//     item uses it, whether the item spells it out later or in brackets elsewhere, whether it is an
//     everyday English word in capitals, the word before and after it, the item's channel and format.
// A clean item that also lists an acronym near-miss is counted once, as a near-miss. `candidate=` counts
// which group of the lists below (written from general knowledge, issue 14, 1.16) a flagged acronym is in;
// `whyClause=` tags the part of the writer's reason that names the flagged acronym. The last table (issue 14,
// 1.17) says which check failed: each definition form looked for in the whole item (`def:`, `form:`), and each kind
// the rule leaves alone elsewhere (`kind:`: file type, unit, brand, label), by the rule's own word lists.
// Counts only: a blind folder's text and acronyms are never printed. `--show` prints the acronym and its
// line (`--found` adds found acronyms that are in a candidate group), and is refused outside a dev/ or
// synthetic/ folder.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { familiarWord } from '../dist/util/readability.js';
import { evidenceSpans, itemsOf, lineStarts, lintItem, plainFile } from './lib/devset.mjs';

const RULE = 'undefined-acronym';
const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('-'));
const show = args.includes('--show');
if (!folder) {
  console.error('usage: node scripts/acronym-near-miss-causes.mjs <folder> [--show]');
  process.exit(2);
}
if (show && !/(^|\/)(dev|synthetic)(\/|$)/.test(folder)) {
  console.error('--show prints text: only for dev/ or synthetic/ folders');
  process.exit(2);
}

/** The writer's reason, by keyword; the first bucket that matches wins. */
const WHY_BUCKETS = [
  ['defined', /defin|spel(led|t) out|expan|explain|introduc|written out|in full|parenthe|bracket|stands for|glossed/i],
  ['label', /label|button|screen|display|shown|printed|setting|\bmode\b|status|menu|icon|\bui\b|on the device|key\b/i],
  ['brand/product', /brand|product|company|trademark|model|\bname\b|named|carrier|bank|provider|service/i],
  ['unit', /\bunit|measure/i],
  ['code', /\bcode\b|letters|reference|prefix|identifier/i],
  ['file', /file|format|extension/i],
  ['place', /country|countries|\bstate\b|city|place|region/i],
  ['channel', /channel|\bchat\b|\bsms\b|social|macro|email/i],
  ['well known', /well[- ]known|common|widely|everyday|familiar|everyone|universal|household|standard|recogni[sz]|known|ubiquitous|most (people|readers|users)|general/i],
];
const NO_NEED = /\b(no|not|never|without|doesn't|does not|needn't|need not)\b[^.;]{0,25}(need|expan|defin|spell|explain)|\bno (expansion|definition)/i;
const whyTags = (why) => {
  const t = String(why ?? '');
  const tags = WHY_BUCKETS.filter(([, re]) => re.test(t)).map(([k]) => k);
  if (NO_NEED.test(t)) tags.push('no-need');
  return tags.sort().join('+') || 'other';
};
const whyBucket = (why) => WHY_BUCKETS.find(([, re]) => re.test(String(why ?? '')))?.[0] ?? 'other';

const STOP = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', 'a', 'an', 'by', 'with', '&']);
/** Does any run of words in the text spell the acronym by initials (small words skipped)? */
function spelledAnywhere(text, acro) {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean).flatMap((w) => w.split('-'));
  const letters = acro.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2) return false;
  for (let i = 0; i < words.length; i++) {
    if (words[i][0].toLowerCase() !== letters[0] || STOP.has(words[i].toLowerCase())) continue;
    let l = 1;
    let j = i + 1;
    while (l < letters.length && j < words.length && j - i <= letters.length * 2) {
      const w = words[j].toLowerCase();
      if (w[0] === letters[l]) l++;
      else if (!STOP.has(w)) break;
      j++;
    }
    if (l === letters.length) return true;
  }
  return false;
}

/** The acronym's letters in order in a run of up to len+1 words, the first letter starting the run. */
function looseSpelled(text, acro) {
  const words = text.split(/[^A-Za-z]+/).filter(Boolean).map((w) => w.toLowerCase());
  const letters = acro.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2) return false;
  for (let i = 0; i < words.length; i++) {
    if (words[i][0] !== letters[0] || STOP.has(words[i])) continue;
    const run = words.slice(i, i + letters.length + 1).join(' ');
    let l = 0;
    for (const ch of run) if (ch === letters[l]) l++;
    if (l >= letters.length) return true;
  }
  return false;
}

const wholeWord = (acro) => new RegExp(`(?<![A-Za-z0-9])${acro.replace(/[^A-Za-z0-9]/g, '')}s?(?![A-Za-z0-9])`, 'g');

/** Facts about one finding: a list of `name=value` strings. */
function factsOf(text, at, acro, channel, format) {
  const f = [];
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd);
  const before = text.slice(Math.max(0, at - 200), at);
  const after = text.slice(at + acro.length, at + acro.length + 200);
  f.push(`len=${Math.min(acro.length, 5)}${acro.length >= 5 ? '+' : ''}`);
  f.push(`digit=${/\d/.test(acro)}`);
  f.push(`mixedCase=${/[a-z]/.test(acro)}`);
  f.push(`plural=${/^['’]?s(?![A-Za-z])/.test(after)}`);
  f.push(`hyphenJoined=${/^-[A-Za-z0-9]/.test(after)}`);
  const li = format === 'html' ? before.lastIndexOf('<li') > before.lastIndexOf('</li') : /^\s*([-*+]|\d+[.)])\s/.test(line);
  f.push(`listItem=${li}`);
  const cell = format === 'html' ? before.lastIndexOf('<td') > before.lastIndexOf('</td') : /^\s*\|/.test(line);
  f.push(`tableCell=${cell}`);
  const open = before.lastIndexOf('(');
  f.push(`inBrackets=${open !== -1 && before.lastIndexOf(')') < open && before.length - open < 120}`);
  f.push(`bracketAfter=${/^s?\s*\(/.test(after)}`);
  f.push(`aloneInBrackets=${/\(\s*["“]?(the\s+)?$/i.test(before) && /^s?["”]?\s*\)/.test(after)}`);
  const all = [...text.matchAll(wholeWord(acro))].length;
  f.push(`uses=${all >= 3 ? '3+' : all}`);
  const later = text.slice(at + acro.length);
  f.push(`bracketedLater=${later.includes(`(${acro})`) || new RegExp(`${acro.replace(/[^A-Za-z0-9]/g, '')}s?\\s*\\(`).test(later)}`);
  f.push(`spelledBefore=${spelledAnywhere(text.slice(0, at), acro)}`);
  f.push(`spelledAfter=${spelledAnywhere(later, acro)}`);
  f.push(`englishWord=${/^[A-Za-z]+$/.test(acro) && familiarWord(acro.toLowerCase())}`);
  const prev = /([A-Za-z0-9$£€.,:;!?()"“”'’-]+)\s*$/.exec(before)?.[1] ?? '';
  const next = /^s?['’]?s?\s*([A-Za-z0-9$£€.,:;!?()"“”'’-]+)/.exec(after)?.[1] ?? '';
  const kind = (w) => (!w ? 'none' : /^[.,:;!?()"“”'’-]/.test(w) ? 'punct' : /^[$£€\d]/.test(w) ? 'number' : /^(the|a|an)$/i.test(w) ? 'article' : /^(your|our|my|their|its)$/i.test(w) ? 'possessive' : /^(to|in|on|at|with|from|for|by|of|via|into)$/i.test(w) ? 'preposition' : /^(and|or)$/i.test(w) ? 'and/or' : /^[a-z]/.test(w) ? 'lower' : /^[A-Z][a-z]/.test(w) ? 'Title' : 'CAPS');
  f.push(`prev=${kind(prev)}`);
  f.push(`next=${kind(next)}`);
  f.push(`headingHas=${(format === 'html' ? /<h[1-6][^>]*>[^<]*/g : /^#{1,6} .*$/gm).test(text) && [...text.matchAll(format === 'html' ? /<h[1-6][^>]*>([^<]*)/g : /^#{1,6} (.*)$/gm)].some((m) => wholeWord(acro).test(m[1]))}`);
  f.push(`candidate=${candidateGroup(acro)}`);
  const fileWord = /^s?\s+(file|files|format|formats|document|documents|export|exports|image|images|photo|photos|attachment|attachments|version|copy|copies|download|downloads|extension)\b/i.test(after);
  const saveAs = /\b(as|to|into|in)\s+(an?\s+)?$/i.test(before) && /\b(save|saved|saving|export|exported|exporting|download|downloaded|convert|converted|upload|uploaded|open|opens|accept|accepts|send|sent|attach)\b[^.!?\n]{0,40}$/i.test(before);
  const dotExt = before.endsWith('.');
  f.push(`fileCue=${fileWord ? 'fileWord' : saveAs ? 'saveAs' : dotExt ? 'dotExt' : 'none'}`);
  const nb = [/([A-Za-z0-9]+)\s*(?:,|\/|,?\s+or|,?\s+and)\s*$/.exec(before)?.[1], /^s?\s*(?:,|\/|,?\s*or\b|,?\s*and\b)\s*([A-Za-z0-9]+)/.exec(after)?.[1]];
  f.push(`listedWithCommon=${nb.some((w) => w && COMMON.has(w.toUpperCase()) && /^[A-Z0-9]+$/.test(w))}`);
  f.push(`listedWithCaps=${nb.some((w) => w && /^[A-Z][A-Z0-9]+$/.test(w))}`);
  const nextLower = /^s?['’]?s?\s+([a-z]+)/.exec(after)?.[1] ?? '';
  const prevLower = /([a-z]+)\s+(?:the\s+|an?\s+|your\s+)?$/.exec(before)?.[1] ?? '';
  const UI = /^(button|buttons|key|keys|tab|tabs|option|options|setting|settings|mode|status|field|fields|column|columns|page|pages|screen|menu|section|plan|plans|tier|account|accounts|card|cards|code|codes|number|numbers|badge|symbol|logo|sign|signs|mark|sticker|label|toggle|switch|box|link|app|website|site|portal)$/;
  f.push(`nextNoun=${!nextLower ? 'none' : UI.test(nextLower) ? 'ui/thing:' + (/^(button|buttons|key|keys|tab|tabs|option|options|setting|settings|mode|status|field|fields|column|columns|menu|toggle|switch|box|link)$/.test(nextLower) ? 'control' : /^(card|cards|code|codes|number|numbers|badge|symbol|logo|sign|signs|mark|sticker|label)$/.test(nextLower) ? 'mark' : /^(app|website|site|portal|page|pages|account|accounts)$/.test(nextLower) ? 'site' : 'other') : 'otherLower'}`);
  f.push(`prevVerb=${/^(select|choose|pick|tap|click|press|enter|type|find|look|see|check|shows|show|says|reads|marked|labeled|labelled|called|named)$/.test(prevLower) ? prevLower.replace(/^(select|choose|pick)$/, 'select').replace(/^(tap|click|press)$/, 'press').replace(/^(shows|show|says|reads)$/, 'shows').replace(/^(marked|labeled|labelled|called|named)$/, 'named') : 'other'}`);
  f.push(`candXcue=${candidateGroup(acro)}/${fileWord || saveAs || dotExt}`);
  // The letters of the acronym, in order, inside a short run of words near it (not only initials): "polylactic acid".
  const near = text.slice(Math.max(0, at - 160), at + acro.length + 160);
  f.push(`looseSpelledNear=${looseSpelled(near.replace(new RegExp(acro, 'g'), ' '), acro)}`);
  const afterGap = /^s?['’]?s?(\s*)([,—–:(-]|\s-\s)?\s*([A-Za-z.]+)?/.exec(after);
  f.push(`punctAfter=${afterGap?.[2] ? afterGap[2].trim() || '-' : 'none'}`);
  if (afterGap?.[2]) f.push(`wordAfterPunct=${/^(the|a|an)$/i.test(afterGap[3] ?? '') ? 'article' : /^(which|that|who|where)$/i.test(afterGap[3] ?? '') ? 'which' : /^(or|aka|i\.e\.?|ie|meaning|also)$/i.test(afterGap[3] ?? '') ? 'gloss' : /^[a-z]/.test(afterGap[3] ?? '') ? 'lower' : /^[A-Z][a-z]/.test(afterGap[3] ?? '') ? 'Title' : 'other'}`);
  if (/^s?\s*\(/.test(after)) {
    const inside = /^s?\s*\(([^)]*)\)/.exec(after)?.[1] ?? '';
    f.push(`bracketWords=${Math.min(inside.split(/\s+/).filter(Boolean).length, 4)}${inside.split(/\s+/).filter(Boolean).length >= 4 ? '+' : ''}`);
    f.push(`bracketDigit=${/\d/.test(inside)}`);
  }
  f.push(`verbAfter=${/^s?\s+(is|are|means|stands|refers|was)\b/i.test(after)}`);
  f.push(`glossBefore=${/\b(or|called|known as|named|aka|i\.e\.|meaning|short|abbreviated)\s*[("“]?\s*(the|an?|your)?\s*$/i.test(before)}`);
  f.push(`nextSentenceThis=${/^s?[^.!?\n]*[.!?]\s+(it|this|that|these|they)\b/i.test(after)}`);
  f.push(`colonBefore=${/:\s*[^.!?\n]{0,40}$/.test(before)}`);
  f.push(`quoted=${/["“‘]\s*$/.test(before) || /^s?['’]?["”’]/.test(after)}`);
  f.push(`channel=${channel}`);
  f.push(`format=${format}`);
  return f;
}

/**
 * Candidate lists written from general knowledge before any blind count (issue 14, 1.16), counted by group
 * only: which group a flagged acronym falls in, never which word.
 */
const CANDIDATES = {
  everyday: 'SSD HDD GPU DSLR MMS CC BCC HDR UHD AV VHS ISBN PO UAE NYC WHO UNESCO LLC INC LTD AWD GST PA PE RIP TLC BYOB NB ATV ABS CPA SAT GPA PJ EMI WC APP EMAIL IT',
  riskyTech: 'NFC RFID OTP 2FA MFA SSO UI UX BIOS ISP APR IBAN CVV ETA MSRP RRP SKU KPI ROI FAQ',
  fileType: 'TIFF TIF BMP HEIC HEIF WEBP SVG EPS PSD EPUB MOBI AZW AZW3 RTF ODT ODS ODP TSV JSON XML ICS VCF MKV AVI WMV FLAC AAC OGG M4A M4V WMA AIFF MIDI ISO DMG APK RAR 7Z GZ TAR HTM CSS SRT GPX KML STL DWG DXF EML PST OFX QIF QBO IPA PKG',
  device: 'SSD HDD GPU HDR UHD QLED DSLR NFC BIOS VOIP ISDN DSL ADSL',
  agency: 'DVLA HMRC DWP ATO CRA SSA DOJ FTC FCC EPA NHTSA OSHA USCIS ICO FCA CQC OFSTED OFCOM OFGEM TFL HUD VA CMS SEC FINRA CFPB ASIC ACCC',
  title: 'RN CPA DDS BA BSC MSC JD DVM LPN EMT CNA',
  company: 'LLC INC LTD PLC LLP CO GMBH',
  money: 'APR APY IBAN BIC SWIFT PAYE NI ACH BACS CHAPS SEPA EFT PAYG ISA IRA HSA FSA',
  region: 'AL AK AZ AR CA CO CT DE FL GA HI IL IN IA KS KY LA ME MD MA MI MN MS MO NV NH NJ NM NY ND OH OK OR RI SC TN TX UT VT VA WA WV WI WY AB BC MB NL NS NT NU ON QC SK YT NSW VIC QLD TAS ACT',
};
/** The rule's own common and household lists (rules/undefined-acronym.yml). */
const COMMON = new Set(parse(readFileSync(new URL('../rules/undefined-acronym.yml', import.meta.url), 'utf8')).entries.filter((e) => ['common', 'household', 'name', undefined].includes(e.category)).flatMap((e) => e.match.map((m) => String(m).toUpperCase())));
const candidateGroup = (acro) => Object.entries(CANDIDATES).find(([, l]) => l.split(' ').includes(acro.toUpperCase()))?.[0] ?? 'none';


/** The rule's own lower-case word lists (rules/undefined-acronym.yml), by category. */
const RULE_WORDS = (() => {
  const out = {};
  for (const e of parse(readFileSync(new URL('../rules/undefined-acronym.yml', import.meta.url), 'utf8')).entries) {
    const cat = String(e.category ?? 'common');
    (out[cat] ??= new Set());
    for (const m of e.match) out[cat].add(String(m).toLowerCase());
  }
  return out;
})();
const inList = (cat, w) => !!w && !!RULE_WORDS[cat]?.has(w.toLowerCase());
const esc = (s) => s.replace(/[^A-Za-z0-9]/g, (ch) => `\\${ch}`);

/**
 * Which check of the rule failed (issue 14, 1.17): for one finding, was there a definition in a form the rule does
 * not read, or is the acronym a kind the rule leaves alone elsewhere (product, file type, unit, label)? Each form is
 * looked for in the whole item, on its own, so the counts say which forms are there at all. Counts only.
 */
function checksOf(text, at, acro, format) {
  const out = [];
  const a = esc(acro);
  const W = '(?<![A-Za-z0-9])';
  const E = '(?![A-Za-z0-9])';
  const has = (re) => re.test(text);
  const front = /^---\n[\s\S]*?\n---/.exec(text)?.[0] ?? '';
  const body = text.slice(front.length);
  // Definitions, any form, anywhere in the item.
  if (has(new RegExp(`\\(\\s*(the\\s+|an?\\s+)?["“']?${a}s?["”']?\\s*\\)`, 'i'))) out.push('def:expansion (ABC)');
  if (has(new RegExp(`${W}${a}s?\\s*\\(\\s*[A-Za-z]`))) out.push('def:ABC (words)');
  if (has(new RegExp(`,\\s*or\\s+(the\\s+|an?\\s+)?${a}s?${E}`)) || has(new RegExp(`${W}${a}s?,\\s*or\\s+[a-z]`))) out.push('def:", or ABC," / "ABC, or x"');
  if (has(new RegExp(`${W}${a}s?\\s+(stands for|is short for|is an? (acronym|abbreviation|initialism))`, 'i'))) out.push('def:ABC stands for');
  if (has(new RegExp(`${W}${a}s?\\s+(means|refers to|is what|is the name)`, 'i'))) out.push('def:ABC means');
  if (has(new RegExp(`${W}${a}s?\\s+(is|are)\\s+(a|an|the|your|our|how|what|where|when)\\s`, 'i'))) out.push('def:ABC is a');
  if (has(new RegExp(`(called|known as|named|aka|short for|abbreviated( as| to)?|i\\.e\\.|meaning)\\s+(the\\s+|an?\\s+)?["“]?${a}${E}`, 'i'))) out.push('def:called ABC');
  if (has(new RegExp(`${W}${a}s?["”*_]*\\s*(—|–|\\s-\\s|:)\\s*[A-Za-z]`))) out.push('def:ABC — / ABC: words');
  if (has(new RegExp(`^\\s*\\|\\s*[*_]*${a}s?[*_]*\\s*\\|`, 'm')) || has(new RegExp(`<t[dh][^>]*>\\s*(<[^>]+>\\s*)*${a}s?${E}`))) out.push('def:table row starts with ABC');
  if (has(new RegExp(`^\\s*([-*+]|\\d+[.)])\\s+[*_]*${a}s?[*_]*\\s*(—|–|-|:|\\()`, 'm')) || has(new RegExp(`<li[^>]*>\\s*(<[^>]+>\\s*)*${a}s?(<[^>]+>)*\\s*(—|–|-|:|\\()`))) out.push('def:list item ABC: words');
  if (has(new RegExp(`<dt[^>]*>\\s*(<[^>]+>\\s*)*${a}${E}`)) || has(new RegExp(`^[*_]{2}${a}[*_]{2}\\s*(—|–|-|:)?`, 'm'))) out.push('def:glossary term');
  const headings = format === 'html' ? [...body.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => m[1]) : [...body.matchAll(/^#{1,6} (.*)$/gm)].map((m) => m[1]);
  if (headings.some((h) => new RegExp(`${W}${a}s?${E}`).test(h))) out.push('def:in a heading');
  const title = [front, ...[...text.matchAll(/<title>([\s\S]*?)<\/title>/g)].map((m) => m[1])].join('\n');
  if (new RegExp(`${W}${a}s?${E}`).test(title)) out.push('def:in title/front matter');
  if (new RegExp(`${W}${a}s?${E}`).test(text.slice(0, at))) out.push('def:used before (earlier)');
  const prevPara = text.slice(0, at).lastIndexOf('\n\n');
  if (spelledAnywhere(text.slice(0, Math.max(0, prevPara)), acro)) out.push('def:spelled in an earlier paragraph');
  else if (spelledAnywhere(text.slice(Math.max(0, prevPara), at), acro)) out.push('def:spelled earlier, same paragraph');
  if (spelledAnywhere(text.slice(at + acro.length), acro)) out.push('def:spelled after');
  if (looseSpelled(text.replace(new RegExp(`${W}${a}`, 'g'), ' '), acro)) out.push('def:letters in a run of words (loose)');
  const after = text.slice(at + acro.length, at + acro.length + 40);
  if (/^s(?![A-Za-z])/.test(after)) out.push('form:plural ABCs');
  if (/^['’]s?(?![A-Za-z])/.test(after)) out.push('form:possessive ABC\'s');
  if (has(new RegExp(`${W}${acro.toLowerCase().split('').join('\\.?')}${E}`)) && /[a-z]/.test(text)) {
    if (has(new RegExp(`\\.${acro.toLowerCase()}${E}`))) out.push('kind:file extension .abc in text');
    else if (has(new RegExp(`${W}${acro.toLowerCase()}${E}`))) out.push('form:lower-case abc in text');
  }
  if (has(new RegExp(`${W}${acro.split('').join('\\.')}\\.`))) out.push('form:dotted A.B.C.');
  // Kinds the rule leaves alone elsewhere.
  const before = text.slice(Math.max(0, at - 80), at);
  const nextWord = /^s?['’]?s?\s+([A-Za-z][A-Za-z-]*)/.exec(after)?.[1] ?? '';
  const prevWord = /([A-Za-z0-9$£€]+)[\s*_]*$/.exec(before)?.[1] ?? '';
  const prev2 = /([A-Za-z]+)\s+[A-Za-z0-9$£€]+[\s*_]*$/.exec(before)?.[1] ?? '';
  if (/^(file|files|format|formats|extension|document|documents|attachment|attachments|export|exports)$/i.test(nextWord) || /\b(as|to|into|in)\s+(an?\s+)?$/i.test(before) && /\b(save|saved|export|exported|download|downloaded|convert|converted|upload|uploaded|accept|accepts|attach)\b[^.!?\n]{0,40}$/i.test(before)) out.push('kind:file type (file cue)');
  if (out.includes('kind:file type (file cue)')) {
    out.push(`fileCue:next=${/^(file|files)$/i.test(nextWord) ? 'file(s)' : /^format/i.test(nextWord) ? 'format' : /^(document|documents|attachment|attachments)$/i.test(nextWord) ? 'document' : /^export/i.test(nextWord) ? 'export' : 'saveAs'}`);
    out.push(`fileCue:prev=${/^(a|an|the)$/i.test(prevWord) ? 'article' : /^(your|our|their|my|its)$/i.test(prevWord) ? 'possessive' : /^(as|to|into|in)$/i.test(prevWord) ? 'as/to' : /^[a-z]/.test(prevWord) ? 'lower' : 'other'}`);
    out.push(`fileCue:len=${acro.length}`);
    out.push(`fileCue:format=${format}`);
  }
  if (/^\d[\d.,]*$/.test(prevWord) || /\d\s*$/.test(before)) out.push('kind:unit/amount after a number');
  if (/^[A-Z][a-z]/.test(prevWord) && !/^(The|A|An|Your|Our|If|When|Use|To|In|On|For|With|And|Or|Select|Choose|Tap|Click|Open|Go|Find|See|Check|Enter|Press|Ask|Call|Send|Get|Turn|Set|You|We|It|This|That|Add|Pay|Make|Log|Sign|Some|Most|All|Each|Any|Before|After|Then|Once|At|By|From|Until|Only|Not)$/.test(prevWord)) out.push('kind:brand (Title word before)');
  if (/^[A-Z][a-z]/.test(nextWord)) out.push('kind:brand (Title word after)');
  if (inList('product-noun', nextWord)) out.push('kind:brand (product noun after)');
  if (/^(app|apps|account|accounts|card|cards|plan|plans|site|website|portal|store|network|service|services|rewards|points|membership|member|members|pass|wallet|pay|subscription|program|programme|scheme)$/i.test(nextWord)) out.push('kind:brand/scheme (service noun after)');
  if (inList('label-noun', nextWord) || inList('control-noun', nextWord) || inList('part-noun', nextWord)) out.push('kind:label (label/control/part noun after)');
  if (inList('press-verb', prevWord) || inList('label-word', prevWord) || inList('blink-verb', prevWord) || (inList('show-verb', prevWord))) out.push('kind:label (press/show verb before)');
  if (prevWord.toLowerCase() === 'to' && inList('set-verb', prev2)) out.push('kind:label (set … to)');
  if (/["“‘'][^"”’']{0,30}$/.test(before.slice(-32)) && /^[^"”’']{0,30}["”’']/.test(after)) out.push('kind:label (in quotes)');
  if (/^[A-Z][A-Z0-9]+$/.test(acro) && familiarWord(acro.toLowerCase())) out.push('kind:English word in capitals');
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at));
  if (/^\s*([-*+]|\d+[.)])\s/.test(line) || (format === 'html' && before.lastIndexOf('<li') > before.lastIndexOf('</li'))) out.push('where:list item');
  if (/^\s*\|/.test(line) || (format === 'html' && before.lastIndexOf('<td') > before.lastIndexOf('</td'))) out.push('where:table cell');
  if (candidateGroup(acro) !== 'none') out.push(`kind:general-knowledge group ${candidateGroup(acro)}`);
  if (!out.some((c) => c.startsWith('def:') || c.startsWith('kind:'))) out.push('none: no definition form, no kind cue');
  return out;
}

const groups = { nearMiss: new Map(), clean: new Map(), found: new Map() };
const checks = { nearMiss: new Map(), clean: new Map(), found: new Map() };
const totals = { nearMiss: 0, clean: 0, found: 0, nmItems: 0, nmFiredItems: 0, cleanItems: 0, cleanFiredItems: 0 };
const whyCounts = new Map();
const whyTagCounts = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);

for (const { file, item } of itemsOf(folder)) {
  const text = item.text;
  const { name, channel, format } = plainFile(item);
  const result = await lintItem(text, name, channel, 'acronym-causes');
  if (result.error) continue;
  const starts = lineStarts(text);
  const mine = result.findings.filter((f) => f.ruleId === RULE).map((f) => ({ f, at: starts[f.line - 1] + f.column - 1, acro: /'([^']+)'/.exec(f.message)?.[1] ?? '' }));
  const matched = new Set();
  for (const ex of item.expect ?? []) {
    if (ex.rule !== RULE) continue;
    const ev = ex.evidence ? evidenceSpans(text, String(ex.evidence)) : [];
    for (const m of mine) if (!ex.evidence || ev.some(([x, y]) => m.at < y && x < m.at + m.acro.length)) matched.add(m);
  }
  const record = (group, m, why) => {
    totals[group]++;
    for (const fact of factsOf(text, m.at, m.acro, channel, format)) bump(groups[group], fact);
    for (const c of checksOf(text, m.at, m.acro, format)) bump(checks[group], c);
    if (why !== undefined) {
      bump(whyCounts, whyBucket(why));
      bump(whyTagCounts, whyTags(why));
      // The part of the reason that names this acronym ("PDF is a common file type" of "X is spelled out; PDF is…").
      const re = new RegExp(`(?<![A-Za-z0-9])${m.acro.replace(/[^A-Za-z0-9]/g, '')}`);
      const clause = String(why).split(/;|\. |, (?:and |but |while )?(?=[A-Z0-9'"“‘])| \/ /).find((c) => re.test(c));
      bump(groups[group], `whyClause=${clause ? whyTags(clause) : 'none'}`);
      bump(groups[group], `whyClause/${candidateGroup(m.acro)}=${clause ? whyTags(clause) : 'none'}`);
      bump(groups[group], `whyNamesIt=${new RegExp(`(?<![A-Za-z0-9])${m.acro.replace(/[^A-Za-z0-9]/g, '')}`).test(String(why))}`);
      bump(groups[group], `whyQuotesBracket=${String(why).includes(`(${m.acro})`) || new RegExp(`${m.acro.replace(/[^A-Za-z0-9]/g, '')}s? \\(`).test(String(why))}`);
    }
    if (show && (group !== 'found' || (args.includes('--found') && candidateGroup(m.acro) !== 'none'))) {
      const lineText = text.split('\n')[m.f.line - 1];
      console.log(`${group} ${file.split('/').pop()}#${item.id} [${channel}] '${m.acro}'${why ? ` why=${why}` : ''}\n    ${lineText.trim().slice(0, 220)}`);
    }
  };
  for (const m of matched) record('found', m);
  const extra = mine.filter((m) => !matched.has(m));
  const nms = (item.near_miss ?? []).filter((n) => n.rule === RULE);
  if (nms.length) {
    totals.nmItems++;
    if (extra.length) {
      totals.nmFiredItems++;
      for (const m of extra) record('nearMiss', m, nms.map((n) => n.why).join(' / '));
    }
  }
  if (Array.isArray(item.expect) && item.expect.length === 0) {
    totals.cleanItems++;
    if (mine.length) {
      totals.cleanFiredItems++;
      if (!nms.length) for (const m of mine) record('clean', m);
    }
  }
}

console.log(`${folder}`);
console.log(`near-miss items fired: ${totals.nmFiredItems}/${totals.nmItems} (${totals.nearMiss} findings); clean items fired: ${totals.cleanFiredItems}/${totals.cleanItems} (${totals.clean} findings); expected acronyms found: ${totals.found}`);
console.log(`why buckets of fired near-misses: ${[...whyCounts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '-'}`);
const keys = new Set([...groups.nearMiss.keys(), ...groups.clean.keys(), ...groups.found.keys()]);
const byName = new Map();
for (const k of keys) {
  const [name] = k.split('=');
  if (!byName.has(name)) byName.set(name, []);
  byName.get(name).push(k);
}
console.log(`why tag sets: ${[...whyTagCounts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '-'}`);
console.log(`\n${'fact'.padEnd(28)}${'near-miss'.padStart(10)}${'clean'.padStart(8)}${'found'.padStart(8)}`);
for (const [, ks] of byName) {
  for (const k of ks.sort()) {
    const n = groups.nearMiss.get(k) ?? 0;
    const c = groups.clean.get(k) ?? 0;
    const fo = groups.found.get(k) ?? 0;
    if (/=false$/.test(k)) continue;
    console.log(`${k.padEnd(28)}${String(n).padStart(10)}${String(c).padStart(8)}${String(fo).padStart(8)}`);
  }
}

console.log(`\nwhich check failed (issue 14, 1.17): forms looked for in the whole item`);
console.log(`${'check'.padEnd(44)}${'near-miss'.padStart(10)}${'clean'.padStart(8)}${'found'.padStart(8)}`);
for (const k of [...new Set([...checks.nearMiss.keys(), ...checks.clean.keys(), ...checks.found.keys()])].sort()) {
  console.log(`${k.padEnd(44)}${String(checks.nearMiss.get(k) ?? 0).padStart(10)}${String(checks.clean.get(k) ?? 0).padStart(8)}${String(checks.found.get(k) ?? 0).padStart(8)}`);
}
