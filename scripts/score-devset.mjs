#!/usr/bin/env node
// Scores the care rules on a development set of support replies (issue 13).
//
//   node scripts/score-devset.mjs fixtures/devsets/care/dev [--json] [--verbose]
//
// Each YAML file holds {industry, items: [{id, channel, text, expect: [{rule, evidence?}],
// near_miss: [{rule, why}]}]}. Every item is linted with the built linter (run
// `npm run build` first) in its channel, then per care rule we print:
//   recall      expected findings found (with `evidence`, a finding of that rule must
//               overlap the evidence text in the item)
//   on its line the looser measure: a finding of that rule on a line the evidence is on,
//               whatever words it quotes
//   near-miss   items listing the rule as a near miss on which it fired anyway (a finding
//               of that rule that answers none of the item's expected problems)
//   clean       items with `expect: []` that got any care finding
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { filesOf, lintItem, matchExpected, scorerArgs } from './lib/devset.mjs';

const CARE = ['blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding', 'public-privacy', 'placeholder-syntax'];
const { folder, json, verbose } = scorerArgs('score-devset.mjs');

const stats = Object.fromEntries(CARE.map((r) => [r, { expected: 0, found: 0, foundOnLine: 0, foundAnywhere: 0, nearMiss: 0, nearMissFired: 0 }]));
let clean = 0;
let cleanViolations = 0;
/** Clean items each rule fired on (a count only, so an unread set stays unread). */
const cleanByRule = {};
let items = 0;
const misses = [];
const alarms = [];
const dirty = [];
const unplaced = [];

for (const file of filesOf(folder)) {
  let data;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: ${e.message.split('\n')[0]}`);
    continue;
  }
  for (const item of data?.items ?? []) {
    if (typeof item?.text !== 'string') continue;
    items++;
    const text = item.text;
    const channel = item.channel ?? 'email';
    const name = /^\s*</.test(text) ? 'reply.html' : 'reply.md';
    const result = await lintItem(text, name, channel, 'score-devset');
    if (result.error) {
      console.error(`${file} ${item.id}: ${result.error.message ?? result.error}`);
      continue;
    }
    const care = result.findings.filter((f) => CARE.includes(f.ruleId));
    const where = `${file.split('/').pop()}#${item.id}`;
    // Findings that answer one of the item's expected problems: a near-miss of the same rule
    // is not "fired" by them (the plain scorer does the same).
    const { results, matched } = matchExpected(text, care, (item.expect ?? []).filter((ex) => stats[ex.rule]));
    for (const { ex, found, onLine, placed, mine } of results) {
      const s = stats[ex.rule];
      s.expected++;
      if (onLine) s.foundOnLine++;
      if (mine.length) s.foundAnywhere++;
      if (!placed) unplaced.push(`${where} ${ex.rule}: evidence not in text: ${ex.evidence}`);
      if (found) s.found++;
      else misses.push({ where, rule: ex.rule, evidence: ex.evidence, channel, text, got: mine.map((f) => f.message) });
    }
    for (const nm of item.near_miss ?? []) {
      const s = stats[nm.rule];
      if (!s) continue;
      s.nearMiss++;
      const fired = care.filter((f) => f.ruleId === nm.rule && !matched.has(f));
      if (fired.length) {
        s.nearMissFired++;
        alarms.push({ where, rule: nm.rule, why: nm.why, channel, text, got: fired.map((f) => `${f.line}:${f.column} ${f.message}`) });
      }
    }
    if (Array.isArray(item.expect) && item.expect.length === 0) {
      clean++;
      if (care.length) {
        cleanViolations++;
        for (const rule of new Set(care.map((f) => f.ruleId))) cleanByRule[rule] = (cleanByRule[rule] ?? 0) + 1;
        dirty.push({ where, channel, text, got: care.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`) });
      }
    }
  }
}

const round = (x) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
const rows = CARE.map((rule) => {
  const s = stats[rule];
  return { rule, expected: s.expected, found: s.found, recall: round(s.found / s.expected), foundOnLine: s.foundOnLine, foundAnywhere: s.foundAnywhere, nearMiss: s.nearMiss, nearMissFired: s.nearMissFired, nearMissRate: round(s.nearMissFired / s.nearMiss) };
});
const tot = rows.reduce((a, r) => ({ expected: a.expected + r.expected, found: a.found + r.found, foundOnLine: a.foundOnLine + r.foundOnLine, nearMiss: a.nearMiss + r.nearMiss, nearMissFired: a.nearMissFired + r.nearMissFired }), { expected: 0, found: 0, foundOnLine: 0, nearMiss: 0, nearMissFired: 0 });
const family = { ...tot, recall: round(tot.found / tot.expected), nearMissRate: round(tot.nearMissFired / tot.nearMiss), cleanItems: clean, cleanViolations, items };

if (json) {
  console.log(JSON.stringify({ folder, rules: rows, family, ...(verbose ? { misses, alarms, dirty, unplaced } : {}) }, null, 2));
} else {
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`${items} items in ${folder}\n`);
  console.log(`${pad('rule', 24)}${pad('recall', 16)}${pad('near-miss fired', 18)}on its line`);
  for (const r of rows) console.log(`${pad(r.rule, 24)}${pad(`${r.found}/${r.expected} ${r.recall ?? '-'}`, 16)}${pad(`${r.nearMissFired}/${r.nearMiss} ${r.nearMissRate ?? '-'}`, 18)}${r.foundOnLine}/${r.expected}`);
  console.log(`${pad('care family', 24)}${pad(`${tot.found}/${tot.expected} ${family.recall ?? '-'}`, 16)}${pad(`${tot.nearMissFired}/${tot.nearMiss} ${family.nearMissRate ?? '-'}`, 18)}${tot.foundOnLine}/${tot.expected}`);
  console.log(`clean items with a care finding: ${cleanViolations}/${clean}`);
  const byRule = Object.entries(cleanByRule).map(([rule, n]) => `${rule} ${n}`).join(', ');
  if (byRule) console.log(`  by rule: ${byRule}`);
  if (verbose) {
    const show = (t) => t.replace(/\n/g, ' ⏎ ').slice(0, 400);
    for (const m of misses) console.log(`\nMISS ${m.rule} ${m.where} [${m.channel}] evidence=${JSON.stringify(m.evidence ?? '')}\n  ${show(m.text)}\n  got: ${m.got.join(' | ') || '-'}`);
    for (const a of alarms) console.log(`\nNEAR-MISS FIRED ${a.rule} ${a.where} [${a.channel}] why=${a.why}\n  ${show(a.text)}\n  got: ${a.got.join(' | ')}`);
    for (const d of dirty) console.log(`\nCLEAN FIRED ${d.where} [${d.channel}]\n  ${show(d.text)}\n  got: ${d.got.join(' | ')}`);
    for (const u of unplaced) console.log(`\n${u}`);
  }
}
