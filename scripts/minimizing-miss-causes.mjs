#!/usr/bin/env node
// Why minimizing-language misses, by cause (issue 14, session 1.15).
//
//   npm run build && node scripts/minimizing-miss-causes.mjs <folder> [--json] [--ids]
//
// Lints every item of a plain devset folder like scripts/score-plain-devset.mjs (same channel, format and
// matching), with the rule's debug hook set (traceMinimizing in src/rules/plain/minimizing-language.ts), so
// the rule records, for each hit of its table, the gate or sense that left it alone. Then:
//   - for each expected minimizing finding that is missed, the gate or sense that stopped the hit inside the
//     evidence ("no entry matched" when no hit of the table is there);
//   - for each near-miss and clean item the rule fired on, the entry that fired.
// It prints ONLY counts per cause, with gate and entry names (an entry is named by its first phrase in
// rules/minimizing-language.yml), never the item's words, so it may run on sets nobody reads.
// `--ids` also lists item ids per cause (ids only; for sets you may read).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { evidenceSpans, filesOf, lintItem, matchExpected, scorerArgs, lineStarts } from './lib/devset.mjs';
import { traceMinimizing } from '../dist/rules/plain/minimizing-language.js';
import { table } from '../dist/lexicon/data.js';
import { flatTally } from './lib/tally.mjs';

const RULE = 'minimizing-language';
const { folder, json } = scorerArgs('minimizing-miss-causes.mjs');
const showIds = process.argv.includes('--ids');
// `--by-channel`: every cause is prefixed with the item's channel (counts only).
const byChannel = process.argv.includes('--by-channel');

/** The table's listed words (one-word phrases, and the first word of longer ones), with the entry (first phrase) of each. */
const entryOfWord = new Map();
for (const entry of table(RULE).entries) {
  for (const phrase of entry.match) {
    const w = phrase.toLowerCase().split(/\s+/)[0];
    if (!entryOfWord.has(w)) entryOfWord.set(w, entry.match[0]);
  }
}
const STOP = new Set(['a', 'an', 'the', 'is', 'it', "it's", 'to', 'and', 'of', 'you', 'in', 'be', 'as', 'all', 'that', 'this', 'us', 'me', 'with', 'no', 'have', 'has', 'do', 'we', 'i', 'not', 'could', 'can', 'will', 'would', 'than', 'ever', 'never', 'been', 'need', 'know', 'what', 'time']);

let traces = [];
traceMinimizing((t) => traces.push(t));

const counts = { items: 0, expected: 0, found: 0, missed: {}, nearMiss: 0, nearMissFired: {}, clean: 0, cleanFired: {} };
const { ids, add } = flatTally(showIds);

/** Why the hits inside these spans were left alone. */
function missCause(text, spans, ran) {
  if (!ran) return 'rule not run (language or channel)';
  const here = traces.filter((t) => t.span && spans.some(([x, y]) => t.span.start < y && x < t.span.end));
  if (here.length) {
    const gates = [...new Set(here.map((t) => `${t.gate ?? 'reported elsewhere'} [${t.entry}]`))].sort();
    return gates.join(' + ');
  }
  // No hit: is a word of some entry's phrase in the evidence?
  const words = new Set(spans.flatMap(([x, y]) => text.slice(x, y).toLowerCase().replace(/’/g, "'").split(/[^\p{L}'-]+/u)));
  const listed = [...words].filter((w) => entryOfWord.has(w) && !STOP.has(w)).map((w) => entryOfWord.get(w));
  if (listed.length) return `no entry matched (a word of [${[...new Set(listed)].sort().join('], [')}] is there)`;
  return 'no entry matched';
}

/** The entries of the findings that answered no expectation. */
function firedBy(text, fired) {
  const starts = lineStarts(text);
  const out = new Set();
  for (const f of fired) {
    const at = starts[f.line - 1] + f.column - 1;
    const t = traces.find((x) => x.span && x.gate === undefined && x.span.start === at);
    out.add(t ? t.entry : 'unknown');
  }
  return [...out].sort().join(' + ');
}

for (const file of filesOf(folder)) {
  const data = parse(readFileSync(file, 'utf8'));
  for (const item of data?.items ?? []) {
    if (typeof item?.text !== 'string') continue;
    counts.items++;
    const text = item.text;
    const channel = item.channel ?? 'article';
    const format = item.format ?? (/^\s*</.test(text) ? 'html' : 'md');
    traces = [];
    const result = await lintItem(text, `item.${format === 'html' ? 'html' : 'md'}`, channel, 'minimizing-miss-causes');
    if (result.error) continue;
    const ran = traces.some((t) => t.ran);
    const id = `${file.split('/').pop()}#${item.id}`;
    const ch = byChannel ? `${channel}: ` : '';
    const mine = result.findings.filter((f) => f.ruleId === RULE);
    const expect = (item.expect ?? []).filter((ex) => ex.rule === RULE);
    const { results, matched } = matchExpected(text, mine, expect);
    for (const { ex, found } of results) {
      counts.expected++;
      if (found) {
        counts.found++;
        continue;
      }
      const spans = ex.evidence ? evidenceSpans(text, String(ex.evidence)) : [];
      if (ex.evidence && !spans.length) add(counts.missed, ch + 'evidence not in text', id);
      else if (!ex.evidence) add(counts.missed, ch + (ran ? 'no finding at all (no evidence given)' : 'rule not run (language or channel)'), id);
      else add(counts.missed, ch + missCause(text, spans, ran), id);
    }
    const fired = mine.filter((f) => !matched.has(f));
    for (const nm of item.near_miss ?? []) {
      if (nm.rule !== RULE) continue;
      counts.nearMiss++;
      if (fired.length) add(counts.nearMissFired, ch + firedBy(text, fired), `nm ${id}`);
    }
    if (Array.isArray(item.expect) && item.expect.length === 0) {
      counts.clean++;
      if (mine.length) add(counts.cleanFired, ch + firedBy(text, mine), `clean ${id}`);
    }
  }
}
traceMinimizing();

if (json) {
  console.log(JSON.stringify({ folder, ...counts }, null, 2));
} else {
  const show = (title, o, kinds) => {
    const rows = Object.entries(o).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    console.log(`  ${title}: ${rows.reduce((s, [, v]) => s + v, 0)}`);
    if (kinds && rows.length) {
      // The gates first, summed over entries ("after [just]" and "after [easy]" are both "after").
      const k = {};
      for (const [name, v] of rows) for (const g of new Set(name.split(' + ').map((x) => x.replace(/ \[.*$/, '').replace(/ \(.*$/, '')))) k[g] = (k[g] ?? 0) + v;
      for (const [g, v] of Object.entries(k).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`    ${String(v).padStart(4)}  ${g}`);
      console.log('    by gate and entry:');
    }
    for (const [name, v] of rows) {
      console.log(`    ${String(v).padStart(4)}  ${name}`);
      if (showIds) console.log(`          ${ids[name].join(' ')}`);
    }
  };
  console.log(`${counts.items} items in ${folder}`);
  console.log(`\n${RULE}: found ${counts.found} of ${counts.expected}`);
  show('missed, by the gate or sense that stopped the word', counts.missed, true);
  show(`near-miss items fired (of ${counts.nearMiss}), by the entry that fired`, counts.nearMissFired);
  show(`clean items fired (of ${counts.clean}), by the entry that fired`, counts.cleanFired);
}
