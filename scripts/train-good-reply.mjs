#!/usr/bin/env node
// good-reply model (issue 13): one reply-level logistic model, trained on many writers, that tells a fine reply
// from one with a problem over reply-wide facts of the reply model (src/reply/good-reply.ts, goodReplyFeatures),
// never the reply's words. When it is sure a reply is fine, the reply model drops the weakest care findings
// (acknowledge-impact, and a lone blame-language finding). time-bound-commitment keeps its plain status: on the
// blind sets a veto of it lost 2 finds for 1 good reply left alone (session 1.11); the tables still show it.
//
//   npm run build && node scripts/train-good-reply.mjs [--sets dev] [--label clean|three] [--fired-only]
//       [--threshold 0.5] [--rule-thresholds rule=p,…] [--lone rule,…] [--thresholds 0.8,0.9,0.95]
//       [--out rules/good-reply.model.json] [--l2 0.02] [--min-count 5] [--cache /tmp/x.json]
//
// The shipped model (session 1.11, gate23b): care dev/ (which since 1.11 also holds the 83 files that were final/;
// 2,250 replies, 32 writers), with the promise model and the blame sentence reader retrained on that dev in rules/:
//   npm run build && node scripts/train-good-reply.mjs --sets dev --threshold 0.5 \
//     --rule-thresholds acknowledge-impact=0.5,blame-language=0.75 --lone blame-language --out rules/good-reply.model.json
// Pooled LOWO (only this model is held out; the rules' own models saw every writer): good replies fired 48 -> 25
// of 1,052; found lost acknowledge-impact 4 of 655, blame-language 4 of 427; near-misses fired acknowledge-impact
// 2 -> 2, blame-language 8 -> 5; time-bound-commitment is not vetoed (357/382, as before).
// (gate23, first version: the same over dev+final with time-bound-commitment vetoed at 0.5: good fired 57 -> 28.)
//
// Labels: 1 (fine) for a reply with `expect: []` (--label clean, the default), or with no expected finding of the
// three rules (--label three); 0 otherwise. Items come from fixtures/devsets/care/<set>/*.yml (texts are read
// as data, never printed). Each reply is linted once with the model off to get the care findings.
//
// Measured leave-one-writer-out (LOWO, the file-name prefix wNN; files with none are one writer, w0): for each
// left-out writer, train on the others and score its replies; then, per rule, found/expected, near-misses
// fired and good replies fired, with the veto at each threshold, pooled and per writer.
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { itemsOf, lintItem, matchExpected, option, writerOf } from './lib/devset.mjs';
import { fitLogistic } from './lib/logistic.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const dist = resolve(root, 'dist');
const { createDoc } = await import(join(dist, 'document/document.js'));
const { goodReplyFeaturesOf } = await import(join(dist, 'reply/model.js'));
const { useGoodReplyModel, VETOED_RULES } = await import(join(dist, 'reply/good-reply.js'));
const { logisticScore } = await import(join(dist, 'lexicon/logistic.js'));
// The rules alone: no veto while the findings are collected.
useGoodReplyModel(null);

const CARE = ['blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding', 'public-privacy', 'placeholder-syntax'];
// The rules a fine reply drops; SHOW adds time-bound-commitment, kept as is, to the tables.
const VETO = [...VETOED_RULES];
const SHOW = ['acknowledge-impact', 'time-bound-commitment', 'blame-language'];
const SETS = (option('--sets') ?? 'dev').split(',');
const LABEL = option('--label') ?? 'clean';
const L2 = Number(option('--l2') ?? 0.02);
const MIN = Number(option('--min-count') ?? 5);
const THRESHOLDS = (option('--thresholds') ?? '0.8,0.9,0.95').split(',').map(Number);
// --fired-only: train only on replies where one of the three rules fires (the only ones the veto can change).
const FIRED_ONLY = flag('--fired-only');
const LONE = (option('--lone') ?? '').split(',');
const cache = option('--cache');

/** One record per reply: its writer, features, and what the rules found with no veto. */
async function collect() {
  const out = [];
  for (const set of SETS) {
    for (const { file, item, text, channel } of itemsOf(join(root, 'fixtures/devsets/care', set))) {
      const html = /^\s*</.test(text);
      const name = html ? 'reply.html' : 'reply.md';
      const result = await lintItem(text, name, channel, 'train-good-reply');
      if (result.error) continue;
      const care = result.findings.filter((f) => CARE.includes(f.ruleId));
      const { results, matched } = matchExpected(text, care, (item.expect ?? []).filter((ex) => CARE.includes(ex.rule)));
      const exp = results.map(({ ex, found }) => ({ rule: ex.rule, found }));
      const nm = (item.near_miss ?? []).filter((n) => CARE.includes(n.rule)).map((n) => ({ rule: n.rule, fired: care.some((f) => f.ruleId === n.rule && !matched.has(f)) }));
      const clean = Array.isArray(item.expect) && item.expect.length === 0;
      const doc = createDoc(name, text, html ? 'html' : 'markdown', channel);
      out.push({ writer: writerOf(file), set, where: `${basename(file)}#${item.id}`, features: goodReplyFeaturesOf(doc), exp, nm, clean, fired: [...new Set(care.map((f) => f.ruleId))], counts: Object.fromEntries(SHOW.map((k) => [k, care.filter((f) => f.ruleId === k).length])) });
    }
  }
  return out;
}

const items = cache && existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : await collect();
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(items));
const labelOf = (it) => (LABEL === 'three' ? (it.exp.some((e) => VETO.includes(e.rule)) ? 0 : 1) : it.clean ? 1 : 0);

function train(all) {
  const rows = FIRED_ONLY ? all.filter((r) => r.fired.some((k) => VETO.includes(k))) : all;
  const counts = new Map();
  for (const r of rows) for (const k of r.features) counts.set(k, (counts.get(k) ?? 0) + 1);
  const keys = [...counts.keys()].filter((k) => counts.get(k) >= MIN);
  const keep = new Set(keys);
  const data = rows.map((r) => ({ x: r.features.filter((k) => keep.has(k)), y: labelOf(r), c: 1 }));
  return fitLogistic(data, keys, { epochs: 300, rate: 0.3, l2: L2 });
}

/** Per rule: found/expected, near-misses fired; good replies fired (any care finding), with the veto where `veto(it)`. */
function tally(list, veto) {
  const r = Object.fromEntries(CARE.map((k) => [k, { expected: 0, found: 0, nm: 0, nmFired: 0, good: 0 }]));
  let good = 0;
  let goodFired = 0;
  for (const it of list) {
    const v = veto(it);
    // --lone blame-language: the veto drops that rule's findings only when there is one.
    const kept = (rule) => !(VETO.includes(rule) && (typeof v === 'boolean' ? v : v(rule)) && !(LONE.includes(rule) && it.counts[rule] > 1));
    for (const e of it.exp) { r[e.rule].expected++; if (e.found && kept(e.rule)) r[e.rule].found++; }
    for (const n of it.nm) { r[n.rule].nm++; if (n.fired && kept(n.rule)) r[n.rule].nmFired++; }
    if (it.clean) {
      good++;
      const f = it.fired.filter(kept);
      if (f.length) goodFired++;
      for (const k of f) r[k].good++;
    }
  }
  return { rules: r, good, goodFired };
}

// LOWO.
const writers = [...new Set(items.map((i) => i.writer))].sort();
const p = new Map();
for (const w of writers) {
  const m = train(items.filter((i) => i.writer !== w));
  for (const it of items.filter((i) => i.writer === w)) p.set(it, logisticScore(m, it.features));
}
// AUC of the LOWO scores (fine vs not).
{
  const pos = items.filter((i) => labelOf(i) === 1).map((i) => p.get(i));
  const neg = items.filter((i) => labelOf(i) === 0).map((i) => p.get(i));
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
  console.log(`${items.length} replies, ${writers.length} writers, label ${LABEL}: ${pos.length} fine, ${neg.length} not; LOWO AUC ${(wins / pos.length / neg.length).toFixed(3)}`);
}

const fmt = (t) => SHOW.map((k) => `${k.split('-')[0]} ${t.rules[k].found}/${t.rules[k].expected} nm ${t.rules[k].nmFired}/${t.rules[k].nm} good ${t.rules[k].good}`).join(' | ') + ` || good fired ${t.goodFired}/${t.good}`;
for (const set of SETS.length > 1 ? [...SETS, SETS.join('+')] : SETS) {
  const list = set.includes('+') ? items : items.filter((i) => i.set === set);
  console.log(`\n== pooled LOWO, ${set} (${list.length} replies)`);
  console.log(`  no veto: ${fmt(tally(list, () => false))}`);
  for (const t of THRESHOLDS) console.log(`  @${t}:    ${fmt(tally(list, (it) => p.get(it) >= t))}`);
}

// --rule-thresholds acknowledge-impact=0.5,time-bound-commitment=0.5,blame-language=0.8: a threshold per rule.
const RT = option('--rule-thresholds');
const th = RT ? Object.fromEntries(RT.split(',').map((x) => x.split('=')).map(([k, v]) => [k, Number(v)])) : {};
if (RT) {
  for (const set of SETS.length > 1 ? [...SETS, SETS.join('+')] : SETS) {
    const list = set.includes('+') ? items : items.filter((i) => i.set === set);
    console.log(`\n== pooled LOWO, ${set}, per-rule thresholds ${RT}\n  ${fmt(tally(list, (it) => (rule) => p.get(it) >= (th[rule] ?? 2)))}`);
  }
}

// Per writer at the chosen threshold.
const T = Number(option('--threshold') ?? 0.9);
console.log(`\n== per left-out writer at ${RT ?? T}: good fired before→after; found lost per rule (ai/tb/bl); near-misses fired before→after`);
for (const w of writers) {
  const list = items.filter((i) => i.writer === w);
  const a = tally(list, () => false);
  const b = tally(list, (it) => (rule) => p.get(it) >= (th[rule] ?? T));
  const lost = SHOW.map((k) => a.rules[k].found - b.rules[k].found).join('/');
  const nmA = SHOW.reduce((n, k) => n + a.rules[k].nmFired, 0);
  const nmB = SHOW.reduce((n, k) => n + b.rules[k].nmFired, 0);
  console.log(`  ${w.padEnd(4)} ${String(list.length).padStart(3)} replies  good fired ${a.goodFired}/${a.good} → ${b.goodFired}  lost ${lost}  nm ${nmA} → ${nmB}`);
}

if (flag('--verbose')) {
  // Only dev items are named (a blind set stays unread).
  for (const it of items.filter((i) => i.set === 'dev' && p.get(i) >= T && i.exp.some((e) => VETO.includes(e.rule) && e.found))) console.log(`LOST ${it.where} p=${p.get(it).toFixed(3)} ${it.exp.map((e) => e.rule).join(',')}`);
}

const out = option('--out');
if (out) {
  const m = train(items);
  const weights = Object.fromEntries(Object.entries(m.weights).filter(([, v]) => Math.abs(v) >= 0.01).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
  const model = {
    $comment: `good-reply model (scripts/train-good-reply.mjs, sets ${SETS.join('+')}, label ${LABEL}): p(the reply is fine) over reply-wide facts (src/reply/good-reply.ts). At or above its threshold the reply model drops acknowledge-impact and a lone blame-language finding (src/rules/care/blame-language.ts); promises keep their plain status.`,
    bias: Math.round(m.bias * 1000) / 1000,
    threshold: T,
    // A threshold per rule (--rule-thresholds); a rule not named uses `threshold`.
    ...(RT ? { thresholds: th } : {}),
    weights,
  };
  writeFileSync(resolve(out), `${JSON.stringify(model, null, 1)}\n`);
  console.log(`\nwrote ${out} (${Object.keys(weights).length} weights)`);
}
