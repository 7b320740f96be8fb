#!/usr/bin/env node
// acknowledge-impact models (issue 13), two logistic regressions over src/lexicon/impact-features.ts:
//   sentence  does this agent sentence name what the problem meant for the customer?
//   reply     does this reply give bad news or owe an apology at all?
// Trained on the care dev set and the rule's fixtures, measured leave-one-writer-out (LOWO) at the
// level the rule works at: a reply fires when it has bad news (patterns, or reply p >= BAD) and no
// sentence names the impact (a pattern line with sentence p >= LOW, or any statement with p >= HIGH).
//
//   npm run build && node scripts/train-impact-model.mjs [--out rules/acknowledge-impact.model.json]
//       [--patterns-from <another build's dist/>] [--features-from <dir with impact-features.js>]
//       [--writers w12,w14] [--low 0.3 --high 0.7 --bad 0.95] [--min-count 5] [--verbose] [--alarms]
//
// --alarms lists the clean and near-miss replies the chosen setting fires on, with the need that fired.
//
// Result (2026-12-06, session 1.6), LOWO over 14 dev writers, precision first: low 0.3 / high 0.7 /
// bad 0.95 / no floor fired on 372/410 missing-impact replies, 0/200 near-misses, 7/490 clean replies;
// low 0.05 / high 0.7 / bad 0.98 / floor 0.05 fires on 369/410, 0/200, 2/490 (w28+w30+w34, the writers
// the patterns saw last: 44 -> 43 of 56 found, clean 4 -> 1 of 91). Session 1.7 went back to the first
// setting: on replies nobody tuned on (the 350 final replies and the new writer w37) the second lost
// 9 of 124 missing-impact replies to spare 5 clean ones, three times the loss LOWO predicted. The
// floor (a reply-model veto over the patterns' bad news) was then taken out of the rule and of this script.
//
// --patterns-from measures the patterns of an older build, to see a writer at first sight (the
// patterns of this build were tuned on every dev writer, so only the models are held out here).
// After retraining, run `npx vitest run test/rules.test.ts -t acknowledge-impact`: fixtures near a
// threshold can move.
//
// Session 1.11: fixtures/devsets/care/dev/ now also holds the 83 files that were final/ (the lead fills final/ with new
// blind writers). rules/acknowledge-impact.model.json was trained on the older dev (before the move), at commit 7c194f1:
//   node scripts/train-impact-model.mjs --writers none --out rules/acknowledge-impact.model.json
// A retrain on the new dev is /tmp/data23/out (data23, 1.11); the blind sets did not keep it.
// Session 1.13 (w81–w85 in dev): `--writers w81,w82,w83,w84,w85` gave CHOSEN 114/132 found, near-misses 0/20, clean
// 7/147 for the five writers; the shipped model, scored by scripts/score-devset.mjs, finds 118/132 with 0/20 and 6/147.
// No gain, so the model was left as it is.
//
// Labels, from the dev set only (never heldout/ or reserve/; dev/ includes the old final/ since 1.11):
//   sentence negative  every agent sentence of a reply that expects acknowledge-impact;
//   sentence positive  in a near-miss reply, the sentence whose words the `why` names ("names the
//                      day off work already lost" → the sentence with "day", "off", "work", "lost"),
//                      and in a near-miss or clean reply, the sentences the patterns read as impact;
//   reply              1 when the reply expects acknowledge-impact or the patterns find bad news.
// Writers: the file-name prefix wNN; files with no prefix are one writer, w0; fixtures are never tested.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { itemsOf, option, writerOf } from './lib/devset.mjs';
import { fitLogistic } from './lib/logistic.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = option;
const RULE = 'acknowledge-impact';
const dist = resolve(root, 'dist');
const cur = { doc: await import(join(dist, 'document/document.js')), model: await import(join(dist, 'reply/model.js')), impact: await import(join(dist, 'reply/impact.js')) };
const oldDir = opt('--patterns-from');
const old = oldDir ? { doc: await import(resolve(oldDir, 'document/document.js')), model: await import(resolve(oldDir, 'reply/model.js')), impact: await import(resolve(oldDir, 'reply/impact.js')) } : cur;
// The patterns alone: the models of the build under test never label or decide anything here.
for (const m of new Set([cur, old])) m.impact.useImpactModels?.(null);
const feat = await import(resolve(opt('--features-from') ?? join(dist, 'lexicon'), 'impact-features.js'));

const STOP = new Set('the a an and or of to in on for at with by from as is are was were be been it its this that these those her his their our your you she he they we i not no names named impact impacts naming name without stock words plain about over into after before while than then which who what when where customer customers customer\'s reply line s'.split(' '));
const stem = (w) => w.toLowerCase().replace(/’/g, "'").replace(/'s$/, '').replace(/(ing|ed|es|s)$/, '').slice(0, 6);
const NOT_NEWS = /\b(not|no|isn't|nothing)\b[^.]*\b(bad news|news|a refusal|an apology|problem|failure|complaint)\b|\bnot bad\b|\bis routine\b|\bprice\b|\bgood news\b/i;

function analyse(m, text, channel) {
  const kind = /^\s*</.test(text) ? 'html' : 'markdown';
  const doc = m.doc.createDoc(kind === 'html' ? 'reply.html' : 'reply.md', text, kind, channel);
  const model = m.model.replyModel(doc);
  const { needs } = model.impact;
  const customer = model.lines.filter((l) => l.speaker === 'customer' && !l.stage).map((l) => feat.impactFeatures(l.words, l.block.text, l.question));
  return { model, needs: needs.length, need0: needs[0] ? `${needs[0].kind}${needs[0].vague ? '/vague' : ''} '${needs[0].trigger}'` : '', customer, lines: model.spoken.map((l) => ({ span: l.span, pattern: m.impact.namesImpact(l), l })) };
}

const DROP = opt('--drop')?.split(',') ?? [];
const items = [];
for (const { file, item, text, channel } of itemsOf(join(root, 'fixtures/devsets/care/dev'))) {
  const a = analyse(cur, text, channel);
  const b = old === cur ? a : analyse(old, text, channel);
  const expect = (item.expect ?? []).some((e) => e.rule === RULE);
  const nm = (item.near_miss ?? []).find((n) => n.rule === RULE);
  const clean = Array.isArray(item.expect) && item.expect.length === 0;
  // Sentence labels.
  const whyStems = nm && !NOT_NEWS.test(nm.why ?? '') ? new Set(String(nm.why).split(/[^\p{L}'’£$0-9]+/u).filter((w) => w && !STOP.has(w.toLowerCase())).map(stem)) : null;
  const lines = a.lines.map((x) => {
    const words = x.l.words.filter((w) => !w.masked && !w.quoted);
    const overlap = whyStems ? new Set(words.map((w) => stem(w.lower)).filter((s) => whyStems.has(s))).size : 0;
    return { span: x.span, text: text.slice(x.span.start, x.span.end).replace(/\s+/g, ' '), features: feat.impactFeatures(x.l.words, x.l.block.text, x.l.question).filter((k) => !DROP.some((d) => k.startsWith(d))), overlap, curPattern: x.pattern, question: x.l.question };
  });
  const best = Math.max(0, ...lines.map((x) => x.overlap));
  for (const x of lines) {
    if (expect) x.label = 0;
    else if ((nm && !NOT_NEWS.test(nm.why ?? '')) || clean) x.label = x.curPattern || (best >= 2 && x.overlap === best) ? 1 : undefined;
  }
  // Pattern flags of the baseline build, matched to our lines by overlapping spans.
  for (const x of lines) x.pattern = b.lines.some((y) => y.pattern && y.span.start < x.span.end && x.span.start < y.span.end);
  const bad = feat.replyFeatures(lines.map((x) => x.features), a.customer);
  items.push({ writer: writerOf(file), where: `${basename(file)}#${item.id}`, expect, nearMiss: !!nm, clean, other: !expect && !clean, needs: b.needs, need0: b.need0, lines, bad: { features: bad, label: expect || a.needs > 0 ? 1 : 0 } });
}

// The rule's own fixtures train the model too (never tested on here): an invalid file names no
// impact anywhere; in a valid file the lines the patterns read as impact are positive.
const fxDir = join(root, 'fixtures/rules', RULE);
for (const name of readdirSync(fxDir).filter((n) => /^(in)?valid.*\.(md|html)$/.test(n))) {
  const text = readFileSync(join(fxDir, name), 'utf8');
  const channel = /"channel"\s*:\s*"(\w+)"/.exec(text)?.[1] ?? 'email';
  const kind = name.endsWith('.html') ? 'html' : 'markdown';
  const doc = cur.doc.createDoc(name, text, kind, channel);
  const model = cur.model.replyModel(doc);
  const invalid = name.startsWith('invalid');
  const customer = model.lines.filter((l) => l.speaker === 'customer' && !l.stage).map((l) => feat.impactFeatures(l.words, l.block.text, l.question));
  const lines = model.spoken.map((l) => {
    const pattern = cur.impact.namesImpact(l);
    return { span: l.span, text: '', features: feat.impactFeatures(l.words, l.block.text, l.question).filter((k) => !DROP.some((d) => k.startsWith(d))), question: l.question, pattern, label: invalid ? 0 : pattern ? 1 : undefined };
  });
  items.push({ writer: 'fx', where: name, expect: false, nearMiss: false, clean: false, needs: 0, lines, bad: { features: feat.replyFeatures(lines.map((x) => x.features), customer), label: invalid || model.impact.needs.length > 0 ? 1 : 0 } });
}

// --- logistic regression (full-batch AdaGrad, L2) -------------------------------------------
const L2 = Number(opt('--l2') ?? 0.02);
const MIN = Number(opt('--min-count') ?? 5);
function train(lines, { epochs = 150, rate = 0.3, l2 = L2, minCount = MIN } = {}) {
  const counts = new Map();
  for (const l of lines) for (const k of l.features) counts.set(k, (counts.get(k) ?? 0) + 1);
  const keep = (k) => (counts.get(k) ?? 0) >= minCount;
  const pos = lines.filter((l) => l.label === 1).length;
  const wPos = (lines.length - pos) / Math.max(1, pos);
  const rows = lines.map((l) => ({ x: l.features.filter(keep), y: l.label, c: l.label === 1 ? wPos : 1 }));
  return fitLogistic(rows, [...counts.keys()].filter(keep), { epochs, rate, l2 });
}

// --- reply level, leave-one-writer-out -------------------------------------------------------
let BAD = 1.01;
const fires = (it, impactLine) => (it.needs > 0 || (it.pBad ?? 0) >= BAD) && !it.lines.some(impactLine);
function measure(test, impactLine) {
  const r = { expected: 0, found: 0, nm: 0, nmFired: 0, clean: 0, cleanFired: 0, other: 0, otherFired: 0 };
  for (const it of test) {
    const f = fires(it, impactLine);
    if (it.expect) { r.expected++; if (f) r.found++; }
    if (it.nearMiss) { r.nm++; if (f) r.nmFired++; }
    if (it.clean) { r.clean++; if (f) r.cleanFired++; }
    if (!it.expect && !it.nearMiss && !it.clean) { r.other++; if (f) r.otherFired++; }
  }
  return r;
}
const cell = (r) => `${r.found}/${r.expected} nm ${r.nmFired}/${r.nm} cl ${r.cleanFired}/${r.clean} oth ${r.otherFired}/${r.other}`;
const LOWS = [0, 0.02, 0.05, 0.1, 0.2];
const HIGHS = [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01];
const only = opt('--writers')?.split(',');
const writers = [...new Set(items.map((i) => i.writer))].filter((w) => w !== 'fx' && (!only || only.includes(w))).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
const labelled = (its) => its.flatMap((i) => i.lines.filter((l) => l.label !== undefined));
const all = labelled(items);
console.log(`${items.length} replies, ${items.reduce((s, i) => s + i.lines.length, 0)} agent sentences; labelled ${all.length}: ${all.filter((l) => l.label === 1).length} impact, ${all.filter((l) => l.label === 0).length} none`);
const totals = {};
const add = (key, r) => {
  const t = (totals[key] ??= { expected: 0, found: 0, nm: 0, nmFired: 0, clean: 0, cleanFired: 0, other: 0, otherFired: 0 });
  for (const k of Object.keys(t)) t[k] += r[k];
};
const perWriter = [];
const verbose = [];
// Session 1.14 (care28): high 0.7 -> 0.8 (see impactModels in src/reply/impact.ts).
const CHOSEN = { low: Number(opt('--low') ?? 0.3), high: Number(opt('--high') ?? 0.8), bad: Number(opt('--bad') ?? 0.95) };
for (const held of writers) {
  const m = train(labelled(items.filter((i) => i.writer !== held)));
  const mb = train(items.filter((i) => i.writer !== held).map((i) => i.bad));
  const test = items.filter((i) => i.writer === held);
  for (const it of test) for (const l of it.lines) l.p = feat.impactScore(m, l.features);
  for (const it of test) it.pBad = feat.impactScore(mb, it.bad.features);
  for (const b of [0.5, 0.7, 0.8, 0.9, 0.95, 0.98]) {
    BAD = b;
    for (const [lo, hi] of [[0.2, 0.7], [0.3, 0.7], [0.2, 0.9], [0.2, 0.6], [0.3, 0.6], [0.2, 0.5]]) add(`bad ${b} low ${lo} high ${hi}`, measure(test, (l) => (l.pattern ? l.p >= lo : !l.question && l.p >= hi)));
    add(`bad ${b} patterns`, measure(test, (l) => l.pattern));
  }
  BAD = 1.01;
  const base = measure(test, (l) => l.pattern);
  add('patterns', base);
  for (const lo of LOWS) for (const hi of HIGHS) add(`low ${lo} high ${hi}`, measure(test, (l) => (l.pattern ? l.p >= lo : !l.question && l.p >= hi)));
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) add(`model alone ${t}`, measure(test, (l) => l.p >= t));
  for (const lo of [0.1, 0.2, 0.3]) for (const hi of [0.5, 0.6, 0.7]) add(`veto ${lo} / ${hi}`, measure(test, (l) => (l.pattern ? l.p >= lo : !l.question && l.p >= hi)));
  add('misses: no needs', { ...measure([], () => false), expected: test.filter((i) => i.expect).length, found: test.filter((i) => i.expect && i.needs === 0).length });
  const isNew = (l) => (l.pattern ? l.p >= CHOSEN.low : !l.question && l.p >= CHOSEN.high);
  BAD = CHOSEN.bad;
  const chosen = measure(test, isNew);
  add('CHOSEN', chosen);
  perWriter.push(`${held.padEnd(4)} ${String(test.length).padStart(3)}  patterns ${cell(base).padEnd(36)} new ${cell(chosen)}`);
  if (args.includes('--alarms')) for (const it of test) if ((it.clean || it.nearMiss) && fires(it, isNew)) verbose.push(`ALARM ${it.clean ? 'CLEAN' : 'NEAR'} ${it.where} need ${it.need0 || 'model'} bad ${it.pBad.toFixed(2)}\n${it.lines.map((l) => `     ${l.pattern ? 'P' : ' '} ${l.p.toFixed(2)} ${l.text.slice(0, 130)}`).join('\n')}`);
  for (const it of test) {
    BAD = 1.01;
    const was = fires(it, (l) => l.pattern);
    BAD = CHOSEN.bad;
    const now = fires(it, isNew);
    if (was !== now) verbose.push(`${now ? '+fire' : '-fire'} ${it.expect ? 'EXPECT' : it.nearMiss ? 'NEAR' : it.clean ? 'CLEAN' : 'other'} ${it.where} needs ${it.needs} bad ${it.pBad.toFixed(2)}\n${it.lines.map((l) => `     ${l.pattern ? 'P' : ' '} ${l.p.toFixed(2)} ${l.text.slice(0, 130)}`).join('\n')}`);
  }
}
console.log(`\nper writer (chosen: low ${CHOSEN.low}, high ${CHOSEN.high}, bad news ${CHOSEN.bad}); found = missing-impact replies the rule fires on`);
console.log(perWriter.join('\n'));
console.log('\nTOTAL over held-out writers');
for (const [k, r] of Object.entries(totals)) console.log(`  ${k.padEnd(22)} ${cell(r)}`);
if (args.includes('--verbose') || args.includes('--alarms')) console.log(`\nchanged replies:\n${verbose.join('\n')}`);

const out = opt('--out');
if (out) {
  const prune = (m) => ({ bias: Math.round(m.bias * 1000) / 1000, weights: Object.fromEntries(Object.entries(m.weights).filter(([, v]) => Math.abs(v) >= 0.1).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([k, v]) => [k, Math.round(v * 100) / 100])) });
  const sentence = prune(train(all));
  const reply = prune(train(items.map((i) => i.bad)));
  const doc = {
    $comment: 'acknowledge-impact models, made by scripts/train-impact-model.mjs from the care dev set and the rule fixtures; features from src/lexicon/impact-features.ts. p = 1 / (1 + exp(-(bias + sum of the weights of the features present))). sentence: does this agent sentence name the impact? A line the patterns read as impact counts when p >= low; any other statement counts when p >= high. reply: does the reply give bad news? When the patterns find none, p >= badNews counts as bad news.',
    low: CHOSEN.low,
    high: CHOSEN.high,
    badNews: CHOSEN.bad,
    sentence,
    reply,
  };
  writeFileSync(resolve(out), `${JSON.stringify(doc)}\n`);
  console.log(`\nwrote ${out} (${Object.keys(sentence.weights).length} + ${Object.keys(reply.weights).length} weights)`);
}
