#!/usr/bin/env node
// Why sensory-language missed or fired (issue 14). COUNTS ONLY, so it may run on a blind folder:
//   npm run build && node scripts/sensory-miss-causes.mjs <folder> [--words]
// For each expected sensory item that was missed:
//   (a) fired-elsewhere   a finding on the evidence's line(s), on other words
//   (b) cue-gated         a word of the rule's own table is in the evidence; the gate that stopped it is named
//                         (a rule gate from the trace, a grammar refusal, or "pattern (no candidate)")
//   (c) no-cue            no word of any table: then only coarse facts are counted
// For each near-miss or clean item that fired: the gate path of the finding (pattern or grammar, kind) and a
// keyword bucket of the writer's `why`. It never prints an item's text. --words also counts the table words
// (words of the rule's own list, not of the set) found in missed evidence.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tracedItems } from './lib/devset.mjs';
import { traceSensory } from '../dist/lexicon/sensory-grammar.js';

const folder = process.argv[2];
const showWords = process.argv.includes('--words');
const RULE = 'sensory-language';
const table = parse(readFileSync(new URL('../rules/sensory-language.yml', import.meta.url), 'utf8'));
const catsOf = new Map();
for (const e of table.entries ?? table) {
  for (const m of e.match ?? []) {
    const key = String(m).toLowerCase();
    if (!catsOf.has(key)) catsOf.set(key, new Set());
    catsOf.get(key).add(e.category);
  }
}
const COLOUR = (c) => c.has('colour');
const POSITION = new Set(['left', 'right', 'top', 'bottom', 'corner', 'above', 'below', 'upper', 'lower', 'middle', 'centre', 'center', 'side', 'top-left', 'top-right', 'bottom-left', 'bottom-right', 'upper-left', 'upper-right', 'lower-left', 'lower-right', 'left-hand', 'right-hand', 'beside', 'under', 'underneath', 'next']);
const IMPERATIVE = (w) => catsOf.get(w)?.has('grammar-verb') || catsOf.get(w)?.has('action');

const count = new Map();
const add = (k, n = 1) => count.set(k, (count.get(k) ?? 0) + n);
const WHY = [
  ['named', /\b(nam(e|ed|es)|label|labelled|labeled|bold|quoted|called|text of)\b/i],
  ['also-says', /\b(also|as well|second cue|another cue|words|message|says|spelled)\b/i],
  ['not-instruction', /\b(not an? (instruction|step)|describ|decorat|brand|product|physical|real[- ]world|not on (a |the )?screen)\b/i],
  ['text-place', /\b(reading order|in the text|article|section|page order|below this|above this|list)\b/i],
  ['idiom', /\b(idiom|figur|right away|meaning|sense|not (a |about )?(colour|color|place|position))\b/i],
  ['device-touch', /\b(touch|feel|hand|device|hardware|back of|underside)\b/i],
  ['other-cue-seen', /\b(light|led|screen|display|shows|flash|blink|message|app)\b/i],
  ['alarm-test', /\b(alarm|smoke|detector|test|siren)\b/i],
  ['alt-image', /\b(alt|caption|image|described)\b/i],
];
const bucket = (why) => WHY.filter(([, re]) => re.test(why ?? '')).map(([k]) => k).join('+') || 'other';

let items = 0;
for await (const { item, text, channel, format, trace, result, lineOf, spanOf, mine, hitsOf } of tracedItems(folder, RULE, traceSensory, 'sensory-miss-causes')) {
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
    if (!ev.length) { add('missed: evidence not placed'); continue; }
    const lines = new Set(ev.flatMap(([x, y]) => [lineOf(x), lineOf(Math.max(x, y - 1))]));
    if (mine.some((f) => lines.has(f.line))) add('(a) fired on the line, other words');
    const words = ev.flatMap(([x, y]) => text.slice(x, y).toLowerCase().match(/[\p{L}][\p{L}'-]*/gu) ?? []);
    const cats = new Set();
    for (const w of words) for (const c of catsOf.get(w) ?? []) cats.add(c);
    const cue = ['colour', 'shape', 'size', 'picture', 'icon-picture', 'counted-picture', 'position', 'compound', 'relative-place', 'ordinal', 'sound', 'heard', 'visual', 'style', 'direction', 'extreme', 'grammar-state', 'grammar-sound', 'hear'].filter((c) => cats.has(c));
    const over = trace.filter((t) => ev.some(([x, y]) => t.start < y && x < t.end));
    const gates = [...new Set(over.filter((t) => t.gate !== 'reported').map((t) => `${t.gate}${t.gate.startsWith('g:') ? '' : ` [${t.grammar ? 'grammar' : 'pattern'} ${t.kind}]`}`))];
    if (cue.length) {
      add('(b) cue word in evidence');
      for (const c of cue) add(`(b)   cue group: ${c}`);
      if (gates.length) for (const g of gates) add(`(b)   gate: ${g}`);
      else add('(b)   gate: pattern or grammar made no candidate, no verb refusal traced');
      const line = text.split('\n')[lineOf(ev[0][0]) - 1].toLowerCase();
      const lw = line.match(/[\p{L}][\p{L}'-]*/gu) ?? [];
      if (lw.some((w) => catsOf.get(w)?.has('grammar-verb'))) add('(b)   line has a grammar verb');
      else if (lw.some((w) => IMPERATIVE(w))) add('(b)   line has only an action verb (not grammar-verb)');
      else add('(b)   line has no verb of the table');
      if (/\byou (can|need to|should|must|will|may)\b/.test(line)) add('(b)   line has "you can/need to"');
      if (!/^(the|a|an|your|this|that|any|each|its|one)$/.test(words[0] ?? '')) add('(b)   evidence starts with no determiner');
      if (showWords) for (const w of new Set(words)) if (catsOf.has(w) && [...catsOf.get(w)].some((c) => cue.includes(c))) add(`(b)     table word: ${w}`);
    } else {
      add('(c) no cue word of any table');
      if (words.some((w) => catsOf.get(w) && COLOUR(catsOf.get(w)))) add('(c)   has a colour word');
      if (words.some((w) => POSITION.has(w))) add('(c)   has a position word');
      if (words.some((w) => IMPERATIVE(w))) add('(c)   has an imperative verb of the table');
      if (words.some((w) => catsOf.get(w)?.has('shape'))) add('(c)   has a shape word');
      if (words.some((w) => catsOf.get(w)?.has('thing') || catsOf.get(w)?.has('generic') || catsOf.get(w)?.has('grammar-head'))) add('(c)   has a thing word');
      for (const g of gates) add(`(c)   gate: ${g}`);
    }
  }
  const extra = mine.filter((f) => !matched.has(f));
  const path = (f) => {
    const [a, b] = spanOf(f);
    const t = trace.find((x) => x.gate === 'reported' && x.start < b && a < x.end);
    return t ? `${t.grammar ? 'grammar' : 'pattern'} ${t.kind}` : 'state-colour pass';
  };
  // Groups of the rule's own table on each fired line that matched nothing expected (counts only).
  const groupsOnLine = (tag) => {
    for (const f of extra) {
      const lw = text.split('\n')[f.line - 1].toLowerCase().match(/[\p{L}][\p{L}'-]*/gu) ?? [];
      const g = new Set();
      for (const w of lw) for (const c of catsOf.get(w) ?? []) if (!c.startsWith('grammar-')) g.add(c);
      for (const c of g) add(`${tag} ${path(f)}: line has group ${c}`);
    }
  };
  if ((item.near_miss ?? []).some((nm) => nm.rule === RULE) || (Array.isArray(item.expect) && item.expect.length === 0)) groupsOnLine(item.expect?.length === 0 ? 'clean-line' : 'nm-line');
  for (const nm of item.near_miss ?? []) {
    if (nm.rule !== RULE) continue;
    add('near-miss');
    if (!extra.length) continue;
    add('near-miss fired');
    for (const p of new Set(extra.map(path))) add(`near-miss fired: path ${p}`);
    add(`near-miss fired: why bucket ${bucket(nm.why)}`);
  }
  if (Array.isArray(item.expect) && item.expect.length === 0) {
    add('clean');
    if (mine.length) {
      add('clean fired');
      for (const p of new Set(mine.map(path))) add(`clean fired: path ${p}`);
    }
  }
}
console.log(`${items} items in ${folder}`);
for (const [k, n] of count) console.log(`${String(n).padStart(4)}  ${k}`);
