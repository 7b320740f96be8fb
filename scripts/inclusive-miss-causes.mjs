#!/usr/bin/env node
// Why inclusive-language missed or fired (issue 14). COUNTS ONLY, so it may run on a blind folder:
//   npm run build && node scripts/inclusive-miss-causes.mjs <folder> [--words]
// For each expected inclusive-language finding that was missed, the stage that lost it:
//   (a) fired-elsewhere   a finding of the rule on the evidence's line(s), on other words
//   (b) term-gated        a phrase of the rule's lists is in the evidence, and a gate of the rule dropped it
//                         (the gate is named from the rule's trace)
//   (c) term-no-report    a phrase of the lists is in the evidence, no gate traced (a shape helper made no candidate)
//   (d) no-term           no phrase of the lists in the evidence
// and, for every miss, counts by kind of the evidence's words (gendered pronoun, family role, ability or
// condition, age, gendered noun, holiday, an inflection of a listed word), plus the item's channel.
// For near-misses and clean items that fired: counts by the finding's message id. It never prints an item's
// text. --words also counts the rule's OWN list words found in missed evidence (words of the table, not of the set).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tracedItems } from './lib/devset.mjs';
import { phrasesByFirstWord, traceInclusive } from '../dist/rules/plain/inclusive-language.js';

const folder = process.argv[2];
const showWords = process.argv.includes('--words');
const RULE = 'inclusive-language';
const table = parse(readFileSync(new URL('../rules/inclusive-language.yml', import.meta.url), 'utf8'));
const lower = (k) => (Array.isArray(table[k]) ? table[k] : []).map((x) => String(x).toLowerCase());
const norm = (s) => s.toLowerCase().replace(/[’']/g, '').replace(/-/g, '');

// Every phrase of the matcher (our table and retext-equality), as normalised word lists.
const phrases = [];
for (const group of phrasesByFirstWord().values()) for (const [key] of group) phrases.push(key.toLowerCase().split(/\s+/).map(norm));
const singles = new Set(phrases.filter((p) => p.length === 1).map((p) => p[0]));

const KINDS = {
  pronoun: new Set(['he', 'she', 'his', 'her', 'him', 'hers', 'himself', 'herself']),
  family: new Set([...Object.keys(table.genericRoles ?? {}), ...lower('parentPairMothers'), ...lower('parentPairFathers'), ...lower('helperRoles'), 'husband', 'husbands', 'wife', 'wives', 'spouse', 'household', 'maiden', 'boyfriend', 'girlfriend', 'bride', 'groom', 'family', 'families', 'married', 'marriage'].map(norm)),
  ability: new Set([...lower('conditionPhrases').flatMap((p) => p.split(/\s+/)).filter((w) => !['from', 'with', 'by'].includes(w)), ...lower('disabilityCues'), ...lower('conditionAdjectives'), 'bound', 'confined', 'victim', 'victims', 'suffer', 'suffers', 'suffering', 'afflicted', 'crippled', 'cripple', 'lame', 'crazy', 'insane', 'dumb', 'mute', 'retarded', 'invalid', 'handicap', 'sane', 'mental', 'special', 'needs', 'normal', 'wheelchairbound'].map(norm)),
  age: new Set([...lower('ageWords'), 'elderly', 'old', 'older', 'oldies', 'young', 'younger', 'youngsters', 'senior', 'seniors', 'aged', 'age', 'millennial', 'millennials', 'boomer', 'boomers', 'techsavvy', 'granny', 'pensioner', 'retiree', 'retirees', 'kids', 'teenager', 'teenagers'].map(norm)),
  gendered: new Set(['man', 'men', 'woman', 'women', 'guy', 'guys', 'lady', 'ladies', 'sir', 'madam', 'mr', 'mrs', 'miss', 'ms', 'gentlemen', 'girls', 'boys', 'manned', 'manning', 'mankind', 'manpower', 'chairman', 'salesman', 'businessman', 'female', 'male', 'gender']),
  holiday: new Set(lower('holidayNames')),
};
const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly', 'ness'];
/** An evidence word whose stem (or stem + a suffix) is a one-word phrase of the list, while the word itself is not. */
function inflected(w) {
  if (singles.has(w)) return false;
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && singles.has(w.slice(0, -s.length))) return true;
    if (singles.has(w + s)) return true;
  }
  return false;
}
const hasPhrase = (words) => {
  const hit = [];
  for (let i = 0; i < words.length; i++) for (const p of phrases) if (p.every((x, k) => words[i + k] === x)) hit.push(p.join(' '));
  return hit;
};

const count = new Map();
const add = (k, n = 1) => count.set(k, (count.get(k) ?? 0) + n);

let items = 0;
for await (const { item, text, channel, format, trace, result, lineOf, mine, hitsOf } of tracedItems(folder, RULE, traceInclusive, 'inclusive-miss-causes')) {
  items++;
  if (result.error) continue;
  const matched = new Set();
  for (const ex of item.expect ?? []) {
    if (ex.rule !== RULE) continue;
    const { ev, hit } = hitsOf(ex.evidence);
    hit.forEach((f) => matched.add(f));
    add('expected');
    if (hit.length) { add('found'); continue; }
    add('missed');
    add(`missed: channel ${channel}`);
    add(`missed: format ${format}`);
    if (!ev.length) { add('missed: evidence not placed'); continue; }
    const lines = new Set(ev.flatMap(([x, y]) => [lineOf(x), lineOf(Math.max(x, y - 1))]));
    if (mine.some((f) => lines.has(f.line))) add('(a) fired on the line, other words');
    const words = ev.flatMap(([x, y]) => text.slice(x, y).match(/[\p{L}][\p{L}'’-]*/gu) ?? []).map(norm);
    add(`missed: evidence words ${words.length <= 3 ? '1-3' : words.length <= 8 ? '4-8' : '9+'}`);
    const terms = hasPhrase(words);
    const gates = [...new Set(trace.filter((t) => ev.some(([x, y]) => t.start < y && x < t.end)).map((t) => t.gate))];
    if (terms.length && gates.length) {
      add('(b) list term in evidence, gated');
      for (const g of gates) add(`(b)   gate: ${g}`);
    } else if (terms.length) add('(c) list term in evidence, no gate traced');
    else {
      add('(d) no list term in evidence');
      for (const g of gates) add(`(d)   gate traced anyway: ${g}`);
    }
    if (showWords) for (const t of new Set(terms)) add(`      list phrase: ${t}`);
    const kinds = Object.entries(KINDS).filter(([, set]) => words.some((w) => set.has(w))).map(([k]) => k);
    if (words.some(inflected)) kinds.push('inflection-of-listed-word');
    if (words.some((w) => w === 'you' || w === 'your' || w === 'youre')) kinds.push('addresses-reader');
    if (/\b(your|their|the)\s+(husband|wife|mum|mom|dad|mother|father|son|daughter|kids|children)\b/i.test(ev.map(([x, y]) => text.slice(x, y)).join(' '))) kinds.push('possessive-family');
    for (const k of kinds.length ? kinds : ['none of the kinds']) add(`kind: ${k}`);
    // Shape facts around each kind's word (counts of the word's neighbours by class; never the words of the set).
    const persons = new Set([...lower('genericPersons'), ...lower('genericStaff')].map(norm));
    const personish = (w) => w !== undefined && (persons.has(w) || persons.has(w.replace(/s$/, '')) || /(er|or|ee|ist|ian|ent|ant)s?$/.test(w) || ['people', 'folk', 'folks', 'citizens', 'relatives', 'parents', 'kids', 'children', 'adults'].includes(w));
    const cls = (w) => (w === undefined ? 'none' : ['a', 'an', 'the', 'your', 'their', 'our', 'my', 'each', 'every', 'any', 'his', 'her'].includes(w) ? w : personish(w) ? 'person-word' : KINDS.pronoun.has(w) ? 'pronoun' : /^(is|are|was|were|be|can|may|might|will|should|must|could|need|needs|often|usually|find|struggle|struggles)$/.test(w) ? 'verb-or-modal' : 'other');
    for (const [kind, set] of Object.entries(KINDS)) {
      if (kind === 'gendered' || kind === 'holiday') continue;
      words.forEach((w, i) => {
        if (!set.has(w)) return;
        add(`shape ${kind}: before ${cls(words[i - 1])}`);
        add(`shape ${kind}: after ${cls(words[i + 1])}`);
        if (kind === 'pronoun') {
          const p = words.slice(0, i).findLastIndex(personish);
          add(`shape pronoun: person word earlier in evidence ${p >= 0 ? `yes (${persons.has(words[p]) || persons.has(words[p].replace(/s$/, '')) ? 'listed' : 'by ending'}), det ${cls(words[p - 1])}` : 'no'}`);
        }
      });
    }
    const evText = ev.map(([x, y]) => text.slice(x, y)).join(' ');
    add(`shape: evidence sentences ${evText.split(/[.!?]\s/).length}`);
    if (showWords) for (const w of new Set(words)) if (singles.has(w) || Object.values(KINDS).some((s) => s.has(w))) add(`      table word: ${w}`);
  }
  const extra = mine.filter((f) => !matched.has(f));
  // Findings that answer no expectation, by what the item says of the rule (counts only).
  const expects = (item.expect ?? []).some((e) => e.rule === RULE);
  const nm = (item.near_miss ?? []).some((n) => n.rule === RULE);
  for (const f of extra) add(`unmatched finding: item ${expects ? 'expects the rule elsewhere' : nm ? 'has a near-miss of the rule' : Array.isArray(item.expect) && item.expect.length === 0 ? 'is clean' : 'expects other rules only'}; ${/^'(.*?)'/.exec(f.message)?.[1].split(/\s+/).length ?? 0} words quoted`);
  const msg = (f) => /'.*?'\s*(.*)$/.exec(f.message)?.[1]?.split(':')[0] ?? 'other';
  for (const nm of item.near_miss ?? []) {
    if (nm.rule !== RULE) continue;
    add('near-miss');
    if (!extra.length) continue;
    add('near-miss fired');
    for (const m of new Set(extra.map(msg))) add(`near-miss fired: message '${m}'`);
  }
  if (Array.isArray(item.expect) && item.expect.length === 0) {
    add('clean');
    if (mine.length) {
      add('clean fired');
      for (const m of new Set(mine.map(msg))) add(`clean fired: message '${m}'`);
    }
  }
}
console.log(`${items} items in ${folder}`);
for (const [k, n] of [...count].sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(`${String(n).padStart(4)}  ${k}`);
