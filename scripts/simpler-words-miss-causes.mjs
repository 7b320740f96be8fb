#!/usr/bin/env node
// Why simpler-words misses what a writer expected (issue 14), counted by cause.
//
//   npm run build && node scripts/simpler-words-miss-causes.mjs <folder> [--show]
//
// For every expected simpler-words item the rule did not find (no finding overlaps the evidence):
//   (a) gate:<name>   the evidence holds a word or phrase of the rule's own table, and the rule finds it
//                     when that gate is off (simplerGatesOff): channel, onlyAfter, subject, quoted,
//                     case, onePerFile, exception, pastForm, notAfterName, needsClause, notBefore, nominalShape
//   (a) form:<kind>   a word of the evidence is a table word in another form the rule does not make:
//                     hyphen, spelling (British/US), inflection, derivation (a noun or adverb made from it)
//   (a) unseen        a table word stands in the evidence as written, but the rule never sees it (markup, code)
//   (b) other-words   the rule fired on the evidence's line, on other words
//   (c) no-entry      no table entry matches any word of the evidence
// Without --show it prints counts only: per cause, per gate, per table entry (for (a)), and for (c) the
// evidence's word count and part-of-speech mix, never the evidence. So it may run on a blind folder.
// --show (dev and synthetic folders only) prints each miss with its evidence.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evidenceSpans, filesOf, lineStarts, lintItem, matchExpected } from './lib/devset.mjs';
import { computeDerived, simplerGatesOff, spellingTwin } from '../dist/rules/plain/simpler-words.js';
import { table } from '../dist/lexicon/data.js';

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('-'));
const show = args.includes('--show');
if (!folder) {
  console.error('usage: node scripts/simpler-words-miss-causes.mjs <folder> [--show]');
  process.exit(2);
}
if (show && /\/(heldout|final|reserve|fresh)(\/|$)/.test(folder)) {
  console.error('--show is for dev and synthetic folders only: a blind folder gets counts');
  process.exit(2);
}

const RULE = 'simpler-words';
const GATES = ['channel', 'onlyAfter', 'subject', 'quoted', 'case', 'onePerFile', 'exception', 'pastForm', 'notAfterName', 'needsClause', 'notBefore', 'nominalShape'];

// Every word the table holds as a one-word match, with its derived forms, and every phrase as word lists.
const entries = table(RULE).entries;
const label = (e) => (Array.isArray(e.match) ? e.match[0] : e.match);
const known = new Map();
const phrases = [];
for (const e of entries) {
  for (const m of [].concat(e.match)) {
    const w = m.toLowerCase().replace(/’/g, "'");
    if (/^[a-z'-]+$/.test(w)) known.set(w, e);
    else phrases.push({ words: w.split(/\s+/), entry: e });
  }
}
for (const [form, d] of computeDerived()) if (!known.has(form)) known.set(form, d.entry);
const nominal = new Map();
for (const n of table(RULE).nominalisations ?? []) for (const m of [].concat(n.match)) nominal.set(m.toLowerCase(), n);

/** Base forms a word may come from: "commencing" → commence, "prioritises" → prioritise. */
function stems(w) {
  const out = new Set();
  const add = (x) => x && x.length > 2 && out.add(x);
  for (const [suf, tails] of [['ies', ['y']], ['ied', ['y']], ['ing', ['', 'e']], ['ed', ['', 'e']], ['es', ['', 'e']], ['s', ['']], ['ly', ['', 'le']], ['ily', ['y']]]) {
    if (!w.endsWith(suf)) continue;
    const b = w.slice(0, -suf.length);
    for (const t of tails) add(b + t);
    if (/([bcdfgklmnprstvz])\1$/.test(b)) add(b.slice(0, -1));
  }
  return [...out];
}
/** Bases of a noun or adjective made from a word: "facilitation" → facilitate, "terminable" → terminate. */
function derivations(w) {
  const out = new Set();
  for (const [suf, tails] of [['ation', ['ate', 'e', '']], ['ition', ['ite']], ['ment', ['']], ['ments', ['']], ['ations', ['ate', 'e', '']], ['ion', ['e', '']], ['ions', ['e', '']], ['al', ['']], ['ance', ['']], ['ence', ['']], ['able', ['ate', 'e', '']], ['ness', ['']], ['ity', ['e', '']]]) {
    if (!w.endsWith(suf)) continue;
    const b = w.slice(0, -suf.length);
    for (const t of tails) if ((b + t).length > 3) out.add(b + t);
  }
  return [...out];
}
const spellVariants = (w) => [spellingTwin(w), w.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'), w.replace(/iz(e|ed|es|ing|ation|ations|er|ers)$/, 'is$1'), w.replace(/our(s|ed|ing|able)?$/, 'or$1'), w.replace(/or(s|ed|ing)?$/, 'our$1'), w.replace(/ll(ed|ing|er)$/, 'l$1'), w.replace(/([^l])l(ed|ing|er)$/, '$1ll$2'), w.replace(/ence$/, 'ense'), w.replace(/ense$/, 'ence')].filter((x) => x && x !== w);

/** The table entry a word of the evidence is a form of, and which kind of form. */
function formOf(w) {
  if (known.has(w) || nominal.has(w)) return { kind: 'unseen', entry: known.get(w) ?? { match: nominal.get(w).match } };
  if (w.includes('-')) {
    const joined = w.replace(/-/g, '');
    for (const x of [joined, ...stems(joined), ...w.split('-')]) if (known.has(x)) return { kind: 'hyphen', entry: known.get(x) };
  }
  for (const v of spellVariants(w)) {
    for (const x of [v, ...stems(v)]) if (known.has(x)) return { kind: 'spelling', entry: known.get(x) };
  }
  for (const x of stems(w)) if (known.has(x)) return { kind: 'inflection', entry: known.get(x) };
  for (const x of derivations(w)) {
    for (const y of [x, spellingTwin(x)]) if (y && known.has(y)) return { kind: 'derivation', entry: known.get(y) };
  }
  return undefined;
}
/** A table phrase whose words, each maybe inflected, stand in a row in the evidence ("adhering to" for "adhere to"). */
function phraseForm(words) {
  const base = words.map((w) => new Set([w, ...stems(w), ...spellVariants(w)]));
  for (const p of phrases) {
    for (let i = 0; i + p.words.length <= words.length; i++) {
      if (p.words.every((pw, k) => words[i + k] === pw)) return { kind: 'unseen', entry: p.entry };
      if (p.words.every((pw, k) => base[i + k].has(pw) || stems(pw).some((s) => base[i + k].has(s)))) return { kind: 'inflection', entry: p.entry };
    }
  }
  return undefined;
}

/** A rough word class from the word's shape (no tagger is installed): enough to tell formal words from phrases. */
const FUNCTION = new Set('a an the your our their its this that these those to of in on at by for with from as into upon about over under within without before after if when and or but so than then we you i it they he she is are was were be been being have has had do does did will would can could may might must shall should not no any all each some'.split(' '));
function wordClass(w) {
  if (FUNCTION.has(w)) return 'function word';
  if (/ly$/.test(w)) return 'adverb-like';
  if (/(tion|sion|ment|ance|ence|ity|ness|ure|ism|ship|ist)s?$/.test(w)) return 'noun-like';
  if (/(able|ible|ous|ive|ary|ory|ent|ant|ic|ical|al)$/.test(w)) return 'adjective-like';
  if (/(ate|ise|ize|ify|en)(s|d)?$|(ed|ing)$/.test(w)) return 'verb-like';
  return w.length > 7 ? 'other long' : 'other short';
}

const setEnv = (v) => simplerGatesOff(v ? v.split(',') : []);
async function foundWith(off, text, name, channel, ex) {
  setEnv(off);
  const r = await lintItem(text, name, channel, 'sw-miss-causes');
  setEnv('');
  const { results } = matchExpected(text, r.findings ?? [], [ex]);
  return results[0].found;
}

const counts = {};
const byEntry = {};
const bump = (o, k) => (o[k] = (o[k] ?? 0) + 1);
const cSizes = {};
const cPos = {};
const cChannel = {};
let expected = 0;
let found = 0;
const shown = [];

for (const file of filesOf(folder)) {
  const data = parse(readFileSync(file, 'utf8'));
  for (const item of data?.items ?? []) {
    if (typeof item?.text !== 'string') continue;
    const exps = (item.expect ?? []).filter((x) => x.rule === RULE);
    if (!exps.length) continue;
    const text = item.text;
    const channel = item.channel ?? 'article';
    const format = item.format ?? (/^\s*</.test(text) ? 'html' : 'md');
    const name = `item.${format === 'html' ? 'html' : 'md'}`;
    const r = await lintItem(text, name, channel, 'sw-miss-causes');
    const findings = r.findings ?? [];
    for (const ex of exps) {
      expected++;
      const { results } = matchExpected(text, findings, [ex]);
      const res = results[0];
      if (res.found) {
        found++;
        continue;
      }
      let cause;
      let entry;
      if (ex.evidence && (await foundWith(GATES.join(','), text, name, channel, ex))) {
        const single = [];
        for (const g of GATES) if (await foundWith(g, text, name, channel, ex)) single.push(g);
        cause = `(a) gate:${single.length ? single.join('+') : 'several'}`;
        // Which entry fires with the gates off, for the per-entry count.
        setEnv(GATES.join(','));
        const all = await lintItem(text, name, channel, 'sw-miss-causes');
        setEnv('');
        const starts = lineStarts(text);
        const ev = evidenceSpans(text, String(ex.evidence));
        const m = (all.findings ?? []).find((f) => {
          if (f.ruleId !== RULE) return false;
          const a = starts[f.line - 1] + f.column - 1;
          const b = starts[(f.endLine ?? f.line) - 1] + (f.endColumn ?? f.column) - 1;
          return ev.some(([x, y]) => a < y && x < b);
        });
        // Named by the table's own entry, never by the writer's words.
        const actual = m ? m.message.replace(/^.*instead of '([^']*)'.*$/, '$1').toLowerCase().replace(/’/g, "'") : '';
        const e = known.get(actual) ?? phrases.find((p) => p.words.join(' ') === actual.replace(/\s+/g, ' '))?.entry;
        entry = e ? label(e) : m ? 'a light verb and noun, or a phrase form' : undefined;
      } else {
        const words = String(ex.evidence ?? '').toLowerCase().replace(/[’‘]/g, "'").match(/[a-z][a-z'-]*/g) ?? [];
        let form;
        for (const w of words) if ((form = formOf(w.replace(/^'+|'+$/g, '')))) break;
        form ??= phraseForm(words);
        // A table phrase as written that jargon took: simpler-words gives way at the same start (jargon's `yieldsTo`).
        const starts = lineStarts(text);
        const evs = evidenceSpans(text, String(ex.evidence ?? ''));
        const jargonHere = (r.findings ?? []).some((f) => f.ruleId === 'jargon' && evs.some(([x, y]) => starts[f.line - 1] + f.column - 1 >= x && starts[f.line - 1] + f.column - 1 < y));
        if (form && form.kind === 'unseen' && jargonHere) {
          cause = '(a) yielded to jargon';
          entry = label(form.entry);
        } else if (form) {
          cause = `(a) form:${form.kind}`;
          entry = label(form.entry);
        } else if (res.onLine) cause = '(b) other-words';
        else {
          cause = '(c) no-entry';
          const n = words.length;
          bump(cSizes, n <= 1 ? '1 word' : n <= 3 ? '2-3 words' : n <= 6 ? '4-6 words' : '7+ words');
          bump(cChannel, channel);
          for (const w of words) bump(cPos, wordClass(w));
        }
      }
      bump(counts, cause);
      if (entry) bump(byEntry, `${cause} '${entry}'`);
      if (show) shown.push(`${cause}  ${file.split('/').pop()}#${item.id} [${channel}] evidence=${JSON.stringify(ex.evidence)}${entry ? ` entry='${entry}'` : ''}\n    got: ${res.mine.map((f) => f.message).join(' | ') || '-'}`);
    }
  }
}

console.log(`${RULE} in ${folder}: ${found}/${expected} found, ${expected - found} missed`);
for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k.padEnd(36)}${v}`);
if (Object.keys(byEntry).length) {
  console.log('by table entry:');
  for (const [k, v] of Object.entries(byEntry).sort()) console.log(`  ${k.padEnd(56)}${v}`);
}
if (counts['(c) no-entry']) {
  console.log('(c) evidence size:', JSON.stringify(cSizes));
  console.log('(c) word classes:', JSON.stringify(cPos));
  console.log('(c) channels:', JSON.stringify(cChannel));
}
if (show) for (const s of shown) console.log(s);
