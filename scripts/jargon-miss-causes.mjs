#!/usr/bin/env node
// What the jargon evidences a writer expected look like, counted by feature (issue 14).
//
//   npm run build && node scripts/jargon-miss-causes.mjs <folder>... [--subtlex <index.json>] [--show]
//
// For every expected jargon evidence, found or missed (a jargon finding overlaps it), and for every term a
// writer's jargon near-miss quotes in its `why` ('…' or "…"), it counts features a detector could key on:
//   words        words in the evidence (1, 2, 3, 4+)
//   dale         words off the Dale–Chall list (the project's familiar-word data): 0, 1, 2+
//   band         SUBTLEX-US count of the evidence's rarest word (lower case; with --subtlex): 0, 1-9, 10-99,
//                100-999, 1000+
//   case         lower, Capitalised (a capital mid-evidence or a capitalised first word), ALLCAPS
//   digit/hyphen whether a digit or a hyphen is in it
//   shape        the rarest word's ending: -ing, -ed, -s, noun (-tion -ment -ance -ence -ity -ness -ure -age -ism),
//                adj (-al -ic -ive -ous -able -ible -ary -ful), -ly, -er/-or, other
//   explained    the text explains it near by: paren (after it), dash, colon, appositive (", a/the/which…"),
//                means (means / meaning / refers to / is when), called (called / known as / what we call),
//                copula ("<term> is a/an/the"), next (the next sentence starts "This/That/It is|means"),
//                none
//   heading      whether it stands in a heading line (# … or <h1>…<h6>)
//   marked       bold, code, link or quotes around it
//   repeats      how often its rarest word is in the item (1, 2, 3+)
//   channel      the item's channel
//   rule         missed only: the rule fired on the evidence's line (other words), elsewhere in the item, nowhere
// Near-miss terms are bucketed by the writer's reason (keywords of `why`): explained, defined, everyday
// (know / familiar / everyday / common / standard / every), term-of-art, product-name (name / label / brand /
// button / menu / plan), literal (literal / sense / physical), other; and by whether the rule fired on that item.
// Counts only, never text, so it may run on a blind folder. --show (dev and synthetic folders only) prints
// each row's features with its evidence.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evidenceSpans, filesOf, lineStarts, lintItem, matchExpected, plainFile } from './lib/devset.mjs';
import { familiarWord } from '../dist/util/readability.js';

const args = process.argv.slice(2);
const folders = [];
let subtlexPath;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--subtlex') subtlexPath = args[++i];
  else if (!args[i].startsWith('-')) folders.push(args[i]);
}
const show = args.includes('--show');
if (!folders.length) {
  console.error('usage: node scripts/jargon-miss-causes.mjs <folder>... [--subtlex <index.json>] [--show]');
  process.exit(2);
}
if (show && folders.some((f) => /\/(heldout|final|reserve|fresh)(\/|$)|^\/tmp\/w\d+/.test(f))) {
  console.error('--show is for dev and synthetic folders only: a blind folder gets counts');
  process.exit(2);
}

const RULE = 'jargon';
let freq;
if (subtlexPath) {
  freq = new Map();
  for (const { word, count } of JSON.parse(readFileSync(subtlexPath, 'utf8'))) {
    const k = String(word).toLowerCase();
    freq.set(k, (freq.get(k) ?? 0) + count);
  }
}
/** SUBTLEX count of a word, with its plain inflections folded onto the stem when the form itself is missing. */
function countOf(w) {
  if (!freq) return undefined;
  const c = freq.get(w);
  if (c !== undefined) return c;
  for (const [suf, rep] of [['ies', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e']]) {
    if (w.endsWith(suf) && freq.has(w.slice(0, -suf.length) + rep)) return freq.get(w.slice(0, -suf.length) + rep);
  }
  return 0;
}
const band = (c) => (c === undefined ? 'n/a' : c === 0 ? '0' : c < 10 ? '1-9' : c < 100 ? '10-99' : c < 1000 ? '100-999' : '1000+');
const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'your', 'our', 'my', 'we', 'you', 'is', 'are', 'be', 'by', 'with', 'at', 'it', 'this', 'that', 'as', 'from', 'will', 'can', 'has', 'have', 'its']);

function shapeOf(w) {
  if (/ing$/.test(w)) return '-ing';
  if (/ed$/.test(w)) return '-ed';
  if (/(tion|sion|ment|ance|ence|ity|ness|ure|age|ism|ship|cy)s?$/.test(w)) return 'noun-suffix';
  if (/(al|ic|ive|ous|able|ible|ary|ful|less)$/.test(w)) return 'adj-suffix';
  if (/ly$/.test(w)) return '-ly';
  if (/(er|or)s?$/.test(w)) return '-er/-or';
  if (/[^s]s$/.test(w)) return '-s';
  return 'other';
}

/** Features of the text span [a, b) in an item. */
function features(text, a, b, channel) {
  const ev = text.slice(a, b);
  const words = ev.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  const content = words.filter((w) => !STOP.has(w.toLowerCase()));
  const pool = content.length ? content : words;
  const lowers = pool.map((w) => w.toLowerCase().replace(/’/g, "'"));
  const off = lowers.filter((w) => !familiarWord(w)).length;
  let rarest = lowers[0] ?? '';
  let rc = countOf(rarest);
  for (const w of lowers) {
    const c = countOf(w);
    if (c !== undefined && (rc === undefined || c < rc)) [rarest, rc] = [w, c];
    if (c === undefined && !familiarWord(w)) rarest = w;
  }
  const f = {};
  f.words = words.length >= 4 ? '4+' : String(words.length);
  f.dale = off >= 2 ? '2+' : String(off);
  f.band = band(rc);
  const lineStart = text.lastIndexOf('\n', a - 1) + 1;
  const before = text.slice(lineStart, a);
  const sentenceStart = /(^|[.!?:]\s+|^\s*[-*#>]+\s*|^\s*\d+\.\s+)$/.test(before.replace(/\*\*|<[^>]*>/g, ''));
  const caps = words.filter((w) => /^[A-Z]/.test(w));
  f.case = words.some((w) => /^[A-Z0-9-]{2,}$/.test(w) && /[A-Z]/.test(w)) ? 'ALLCAPS' : caps.length && !(caps.length === 1 && words[0] === caps[0] && sentenceStart) ? 'Capitalised' : 'lower';
  f.digit = /\d/.test(ev) ? 'yes' : 'no';
  f.hyphen = /[A-Za-z]-[A-Za-z]/.test(ev) ? 'yes' : 'no';
  f.shape = shapeOf(rarest);
  // Explained near by.
  const after = text.slice(b, b + 160).replace(/\*\*|__|`/g, '');
  const prevText = text.slice(Math.max(0, a - 60), a).toLowerCase();
  const sentEnd = after.search(/[.!?](\s|$)/);
  const restSentence = (sentEnd === -1 ? after : after.slice(0, sentEnd)).toLowerCase();
  const nextSentence = sentEnd === -1 ? '' : after.slice(sentEnd + 1).trimStart().toLowerCase();
  let ex = 'none';
  const t = after.trimStart();
  if (t.startsWith('(')) ex = 'paren';
  else if (/^[—–]|^- /.test(t)) ex = 'dash';
  else if (t.startsWith(':')) ex = 'colon';
  else if (/^,\s*(a|an|the|which|that|meaning|or|i\.e|also|known|called)\b/i.test(t)) ex = 'appositive';
  else if (/^(\S+\s+)?(means|meaning|refers to|is when|are when|stands for)\b/.test(restSentence.trimStart())) ex = 'means';
  else if (/(called|known as|what we call|so-called)\s*$/.test(prevText.trimEnd()) || /^,?\s*(called|known as)\b/.test(restSentence.trimStart())) ex = 'called';
  else if (/^(is|are)\s+(a|an|the|what|when|how|where|any|money|something|someone)\b/.test(restSentence.trimStart())) ex = 'copula';
  else if (/^(this|that|it|these|they)('s| is| are| means| refers)\b/.test(nextSentence)) ex = 'next';
  else if (/(this|that|it) means|in other words|that is,|i\.e\./.test(restSentence + ' ' + nextSentence.slice(0, 80))) ex = 'means-near';
  f.explained = ex;
  const line = text.slice(lineStart, text.indexOf('\n', b) === -1 ? text.length : text.indexOf('\n', b));
  const openH = text.slice(0, a).lastIndexOf('<h');
  const closeH = text.slice(0, a).lastIndexOf('</h');
  f.heading = /^\s*#{1,6}\s/.test(line) || (openH > closeH && /^<h[1-6]/.test(text.slice(openH, openH + 3))) ? 'yes' : 'no';
  const l2 = text.slice(Math.max(0, a - 2), a);
  const r2 = text.slice(b, b + 2);
  f.marked = l2 === '**' || r2 === '**' || /<(strong|b)>$/.test(text.slice(Math.max(0, a - 8), a)) ? 'bold' : /`$/.test(l2) ? 'code' : /\[$/.test(l2) || /<a [^>]*>$/.test(text.slice(Math.max(0, a - 120), a)) ? 'link' : /["“'‘]$/.test(l2) ? 'quoted' : 'no';
  const reps = rarest ? text.toLowerCase().split(rarest).length - 1 : 0;
  f.repeats = reps >= 3 ? '3+' : String(reps);
  f.channel = channel;
  // Which gate of a rare-word detector the rarest word meets first (the 1.17 prototype's order).
  const rw = rarest;
  const AFFIX = /^(un|re|de|dis|non|pre|multi|down|up|over|under|mis|in|im|out|co|auto|self)|(ity|ities|ation|ations|ion|ions|ment|ments|ness|able|ible|ful|less|al|ally|er|ers|or|ors|ize|ise|ized|ised|izing|ising|ing|ed|s|es|ly)$/;
  let gate = 'passes';
  if (!rw) gate = 'no word';
  else if (familiarWord(rw)) gate = 'dale-chall word';
  else if (freq && countOf(rw) >= 10) gate = 'subtlex >= 10';
  else if (!/^[a-z][a-z-]*$/.test(pool.find((x) => x.toLowerCase() === rw) ?? rw)) gate = 'not lower case';
  else if (/(?:ed|ing|ly|ize|ise|ous|ive|able|ible|ical|ful|less)$/.test(rw)) gate = 'verb/adjective shape';
  else if (AFFIX.test(rw)) gate = 'affix (may have a known base)';
  else if (reps > 1) gate = 'used twice or more';
  else if (f.heading === 'yes') gate = 'heading';
  else if (f.marked !== 'no') gate = 'label/quote';
  else if (f.explained !== 'none') gate = 'explained';
  f.gate = gate;
  return f;
}

const tables = {};
const add = (group, f) => {
  tables[group] ??= {};
  for (const [k, v] of Object.entries(f)) {
    tables[group][k] ??= {};
    tables[group][k][v] = (tables[group][k][v] ?? 0) + 1;
  }
  tables[group]._n = (tables[group]._n ?? 0) + 1;
};

function why(w) {
  const s = String(w ?? '').toLowerCase();
  if (/explain/.test(s)) return 'explained';
  if (/defin/.test(s)) return 'defined';
  if (/term of art|legal term|technical term/.test(s)) return 'term-of-art';
  if (/\bname\b|label|brand|button|menu|plan name|product/.test(s)) return 'product-name';
  if (/literal|sense|physical|everyday meaning/.test(s)) return 'literal';
  if (/know|familiar|everyday|common|standard|every |plain|ordinary|widely/.test(s)) return 'everyday';
  return 'other';
}

for (const folder of folders) {
  for (const file of filesOf(folder)) {
    const data = parse(readFileSync(file, 'utf8'));
    for (const item of data?.items ?? []) {
      if (typeof item?.text !== 'string') continue;
      const text = item.text;
      const { name, channel } = plainFile(item);
      const result = await lintItem(text, name, channel, 'jargon-miss-causes');
      if (result.error) continue;
      const findings = result.findings;
      const jexp = (item.expect ?? []).filter((e) => e.rule === RULE);
      const { results, matched } = matchExpected(text, findings, jexp);
      const mine = findings.filter((f) => f.ruleId === RULE);
      for (const r of results) {
        const sp = evidenceSpans(text, String(r.ex.evidence ?? ''));
        if (!sp.length) {
          add('unplaced', { channel });
          continue;
        }
        const f = features(text, sp[0][0], sp[0][1], channel);
        if (r.found) add('expected: found', f);
        else {
          f.rule = r.onLine ? 'same line, other words' : mine.length ? 'elsewhere in item' : 'nowhere in item';
          add('expected: missed', f);
        }
        if (show) console.log(`${r.found ? 'FOUND' : 'MISSED'} ${JSON.stringify(r.ex.evidence)} ${JSON.stringify(f)}`);
      }
      for (const nm of item.near_miss ?? []) {
        if (nm.rule !== RULE) continue;
        const fired = mine.some((f) => !matched.has(f));
        const bucket = why(nm.why);
        add(`near-miss reasons (${fired ? 'fired' : 'quiet'})`, { why: bucket });
        const terms = [...String(nm.why ?? '').matchAll(/'([^']{2,60})'|"([^"]{2,60})"|‘([^’]{2,60})’|“([^”]{2,60})”/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
        for (const term of terms) {
          const sp = evidenceSpans(text, term);
          if (!sp.length) continue;
          const f = features(text, sp[0][0], sp[0][1], channel);
          f.why = bucket;
          add('near-miss terms', f);
          if (show) console.log(`NEAR ${JSON.stringify(term)} ${JSON.stringify(f)}`);
        }
      }
    }
  }
}

const groups = Object.keys(tables).sort();
console.log(`folders: ${folders.length}`);
for (const g of groups) {
  const t = tables[g];
  console.log(`\n== ${g}: ${t._n}`);
  for (const [k, counts] of Object.entries(t)) {
    if (k === '_n') continue;
    const cells = Object.entries(counts).sort((x, y) => y[1] - x[1]).map(([v, n]) => `${v} ${n}`).join(', ');
    console.log(`  ${k.padEnd(10)} ${cells}`);
  }
}
