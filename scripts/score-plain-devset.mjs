#!/usr/bin/env node
// Scores the plain-language and accessibility rules on a development set (issue 14).
//
//   npm run build && node scripts/score-plain-devset.mjs fixtures/devsets/plain/dev [--json] [--verbose]
//
// Each YAML file holds {topic, items: [{id, channel, format: md|html, text,
// expect: [{rule, evidence}], near_miss: [{rule, why}]}]}. Every item is linted
// with the built linter (axe-core off) in its channel and format. Per rule:
//   recall      expected findings found: a finding of that rule must overlap the
//               evidence text; for readability, a finding in the paragraph that
//               starts with the evidence also counts
//   near-miss   near misses listed for the rule on which it fired anyway (a finding
//               of that rule that matches none of the item's expected evidence)
//   clean       items with `expect: []` that got any finding of the family
// Then totals for the plain and a11y families.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { allRules } from '../dist/rules/registry.js';
import { evidenceSpans, filesOf, lineStarts, lintItem, scorerArgs } from './lib/devset.mjs';

const { folder, json, verbose } = scorerArgs('score-plain-devset.mjs');
const FAMILY = new Map(allRules().map((r) => [r.id, r.family]));
const familyOf = (id) => (id.startsWith('axe/') ? 'a11y' : FAMILY.get(id));
const FAMILIES = ['plain', 'a11y'];

/** The paragraph (up to the next blank line or block tag) that starts at an offset. */
function paragraphFrom(text, start) {
  const rest = text.slice(start);
  const m = /\n\s*\n|<\/(p|li|td|div|blockquote)>/i.exec(rest);
  return [start, m ? start + m.index : text.length];
}

const stats = new Map();
const statOf = (rule) => {
  if (!stats.has(rule)) stats.set(rule, { expected: 0, found: 0, nearMiss: 0, nearMissFired: 0, fired: 0 });
  return stats.get(rule);
};
const clean = { plain: 0, a11y: 0 };
const cleanViolations = { plain: 0, a11y: 0 };
/** Clean items each rule fired on (a count only, so an unread set stays unread). */
const cleanByRule = {};
let items = 0;
const misses = [];
const alarms = [];
const dirty = [];
const unplaced = [];

for (const file of filesOf(folder)) {
  const data = parse(readFileSync(file, 'utf8'));
  for (const item of data?.items ?? []) {
    if (typeof item?.text !== 'string') continue;
    items++;
    const text = item.text;
    const channel = item.channel ?? 'article';
    const format = item.format ?? (/^\s*</.test(text) ? 'html' : 'md');
    const name = `item.${format === 'html' ? 'html' : 'md'}`;
    const result = await lintItem(text, name, channel, 'score-plain-devset');
    if (result.error) {
      console.error(`${file} ${item.id}: ${result.error.message ?? result.error}`);
      continue;
    }
    const starts = lineStarts(text);
    const findings = result.findings.filter((f) => FAMILIES.includes(familyOf(f.ruleId)));
    for (const f of findings) statOf(f.ruleId).fired++;
    const spanOf = (f) => [starts[f.line - 1] + f.column - 1, starts[(f.endLine ?? f.line) - 1] + (f.endColumn ?? f.column) - 1];
    const where = `${file.split('/').pop()}#${item.id}`;
    const matched = new Set();
    for (const ex of item.expect ?? []) {
      const s = statOf(ex.rule);
      s.expected++;
      const mine = findings.filter((f) => f.ruleId === ex.rule);
      let hit = [];
      if (ex.evidence) {
        const ev = evidenceSpans(text, String(ex.evidence));
        if (!ev.length) unplaced.push(`${where} ${ex.rule}: evidence not in text: ${ex.evidence}`);
        const areas = ex.rule === 'readability' ? ev.map(([x]) => paragraphFrom(text, x)) : ev;
        hit = mine.filter((f) => {
          const [a, b] = spanOf(f);
          return areas.some(([x, y]) => a < y && x < b) || ev.some(([x, y]) => a < y && x < b);
        });
      } else hit = mine;
      for (const f of hit) matched.add(f);
      if (hit.length) s.found++;
      else misses.push({ where, rule: ex.rule, evidence: ex.evidence, channel, text, got: mine.map((f) => `${f.line}:${f.column} ${f.message}`) });
    }
    for (const nm of item.near_miss ?? []) {
      const s = statOf(nm.rule);
      s.nearMiss++;
      const fired = findings.filter((f) => f.ruleId === nm.rule && !matched.has(f));
      if (fired.length) {
        s.nearMissFired++;
        alarms.push({ where, rule: nm.rule, why: nm.why, channel, text, got: fired.map((f) => `${f.line}:${f.column} ${f.message}`) });
      }
    }
    if (Array.isArray(item.expect) && item.expect.length === 0) {
      for (const fam of FAMILIES) {
        clean[fam]++;
        const got = findings.filter((f) => familyOf(f.ruleId) === fam);
        if (got.length) {
          cleanViolations[fam]++;
          for (const rule of new Set(got.map((f) => f.ruleId))) cleanByRule[rule] = (cleanByRule[rule] ?? 0) + 1;
          dirty.push({ where, family: fam, channel, text, got: got.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`) });
        }
      }
    }
  }
}

const round = (x) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
const rows = [...stats.entries()]
  .filter(([rule]) => FAMILIES.includes(familyOf(rule)))
  .sort(([a], [b]) => (familyOf(a) + a).localeCompare(familyOf(b) + b))
  .map(([rule, s]) => ({ rule, family: familyOf(rule), expected: s.expected, found: s.found, recall: round(s.found / s.expected), nearMiss: s.nearMiss, nearMissFired: s.nearMissFired, nearMissRate: round(s.nearMissFired / s.nearMiss), findings: s.fired }));
const families = Object.fromEntries(
  FAMILIES.map((fam) => {
    const t = rows.filter((r) => r.family === fam).reduce((a, r) => ({ expected: a.expected + r.expected, found: a.found + r.found, nearMiss: a.nearMiss + r.nearMiss, nearMissFired: a.nearMissFired + r.nearMissFired }), { expected: 0, found: 0, nearMiss: 0, nearMissFired: 0 });
    return [fam, { ...t, recall: round(t.found / t.expected), nearMissRate: round(t.nearMissFired / t.nearMiss), cleanItems: clean[fam], cleanViolations: cleanViolations[fam] }];
  }),
);

if (json) {
  console.log(JSON.stringify({ folder, items, rules: rows, families, ...(verbose ? { misses, alarms, dirty, unplaced } : {}) }, null, 2));
} else {
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`${items} items in ${folder}\n`);
  console.log(`${pad('rule', 24)}${pad('recall', 16)}${pad('near-miss fired', 18)}findings`);
  for (const r of rows) console.log(`${pad(r.rule, 24)}${pad(`${r.found}/${r.expected} ${r.recall ?? '-'}`, 16)}${pad(`${r.nearMissFired}/${r.nearMiss} ${r.nearMissRate ?? '-'}`, 18)}${r.findings}`);
  for (const fam of FAMILIES) {
    const t = families[fam];
    console.log(`${pad(`${fam} family`, 24)}${pad(`${t.found}/${t.expected} ${t.recall ?? '-'}`, 16)}${pad(`${t.nearMissFired}/${t.nearMiss} ${t.nearMissRate ?? '-'}`, 18)}clean items with a finding: ${t.cleanViolations}/${t.cleanItems}`);
  }
  const byRule = Object.entries(cleanByRule).map(([rule, n]) => `${rule} ${n}`).join(', ');
  if (byRule) console.log(`clean items fired on, by rule: ${byRule}`);
  if (verbose) {
    const show = (t) => t.replace(/\n/g, ' ⏎ ').slice(0, 500);
    for (const m of misses) console.log(`\nMISS ${m.rule} ${m.where} [${m.channel}] evidence=${JSON.stringify(m.evidence ?? '')}\n  ${show(m.text)}\n  got: ${m.got.join(' | ') || '-'}`);
    for (const a of alarms) console.log(`\nNEAR-MISS FIRED ${a.rule} ${a.where} [${a.channel}] why=${a.why}\n  ${show(a.text)}\n  got: ${a.got.join(' | ')}`);
    for (const d of dirty) console.log(`\nCLEAN FIRED (${d.family}) ${d.where} [${d.channel}]\n  ${show(d.text)}\n  got: ${d.got.join(' | ')}`);
    for (const u of unplaced) console.log(`\n${u}`);
  }
}
