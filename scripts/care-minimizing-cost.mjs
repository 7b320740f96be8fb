#!/usr/bin/env node
// What minimizing-language does on care replies (issue 14, session 1.19), in counts only.
//
//   npm run build && node scripts/care-minimizing-cost.mjs <folder> [--ids]
//
// Lints every item of a care devset folder like scripts/score-devset.mjs (same channel and format), with the
// rule's debug hook set (traceMinimizing). Counts minimizing-language findings on good replies (expect: []) and
// on all replies, by the entry that fired (its first phrase in rules/minimizing-language.yml), and the hits
// that a gate left alone, by gate and entry. Gates name only words of the rule's own table. Never prints text.
import { itemsOf, lintReply, replyFile, scorerArgs } from './lib/devset.mjs';
import { traceMinimizing } from '../dist/rules/plain/minimizing-language.js';

const RULE = 'minimizing-language';
const { folder } = scorerArgs('care-minimizing-cost.mjs');
const showIds = process.argv.includes('--ids');
let traces = [];
traceMinimizing((t) => traces.push(t));
const tally = {};
const ids = {};
const add = (k, id) => { tally[k] = (tally[k] ?? 0) + 1; if (showIds) (ids[k] ??= []).push(id); };
let items = 0, good = 0;
for (const { item, file } of itemsOf(folder)) {
  items++;
  traces = [];
  const result = await lintReply(item, 'care-minimizing-cost');
  if (result.error) continue;
  const isGood = Array.isArray(item.expect) && item.expect.length === 0;
  if (isGood) good++;
  const kind = isGood ? 'good' : 'other';
  const channel = replyFile(item).channel;
  const id = `${String(file ?? '').split('/').pop()}#${item.id}`;
  const mine = result.findings.filter((f) => f.ruleId === RULE);
  if (mine.length) add(`${kind}|replies fired`, id);
  for (const t of traces) {
    if (!('entry' in t)) continue;
    if (t.gate === undefined) add(`${kind}|fired|${channel}|[${t.entry}]`, id);
    else add(`${kind}|gate|${t.gate.startsWith('invitation') || t.gate.startsWith('sense contact') ? t.gate : t.gate.replace(/ \(.*$/, '')} [${t.entry}]`, id);
  }
}
traceMinimizing();
console.log(`${items} items (${good} good replies) in ${folder}`);
for (const k of Object.keys(tally).sort()) {
  console.log(`${String(tally[k]).padStart(5)}  ${k}`);
  if (showIds) console.log(`        ${ids[k].join(' ')}`);
}
