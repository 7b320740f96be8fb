#!/usr/bin/env node
// The blame-language sentence reader (issue 13, session 1.7): a model over general features of
// every reply sentence (src/lexicon/blame-sentence.ts), not only those a grammar cue proposes.
// Measures it leave-one-writer-out beside the rule as it is (patterns + cue model), and with
// --out writes rules/blame-language.sentence.json.
//
//   npm run build && node scripts/train-blame-model.mjs --cache /tmp/blame-lines.json   (once: the reply lines)
//   node scripts/train-blame-sentence.mjs --cache /tmp/blame-lines.json [--threshold 0.9] [--out rules/blame-language.sentence.json]
//       [--thresholds 0.8,0.85,0.9] [--gate you] [--nm-weight 3] [--verbose] [--explain w28]
//
// Honest LOWO: for each dev writer, both models are trained on every other writer (synthetic
// sets S and fixtures F only ever train); the sentence model's vocabulary is the lemmas and
// pairs seen in at least --min-writers TRAINING writers, so nothing of the left-out writer
// enters it. Its word classes were written without reading the dev replies. The patterns and
// the cue model were written after reading the dev writers: their LOWO numbers are contaminated
// (they find all on writers they were tuned on).
//
// Result (2026-12-06, session 1.7), threshold 0.85, trained on sentences that speak to the
// customer in any tense, read only when they also point at the past (addressesCustomer): LOWO on
// 14 writers, the sentence model alone 65/281 with 0/180 near-miss and 0/490 clean replies fired
// (an honest first-sight number: nothing in it came from the left-out writer); the rule as it was
// 254/281, with the reader 256/281, near-miss and clean fires 0 -> 0. On the three writers the
// patterns were not tuned on (w28, w30, w34): 41 -> 43 of 68. Lower thresholds find more alone
// (0.5: 192/281) but fire on 17 near-miss and 29 clean replies. Corpus articles linted as email:
// 11 more findings (all false alarms; articles never run care rules).
//
// Result (2026-12-06, session 1.8): trained also on the Markdown corpus sets run as email (help centres
// and site policies, scripts/train-blame-corpus.mjs: negatives that never add words to the vocabulary or
// weigh on the positives' balance) and on every reply sentence (--train-gate all), threshold 0.8; the rule
// also leaves alone a sentence that owns the fault or the words after an apology (ownsFault). LOWO on the
// 14 writers: the reader alone 59/281 with 0/180 near-miss and 0/490 clean replies fired; the rule 255/281
// (w28+w30+w34: 42/68), 0 and 0 fired (before: 256/281, 43/68, 0 and 0). On w40 and w41, kept out of
// training (--blind w40,w41; ownsFault was written after reading their false fires): the reader alone 10/19
// with 0 fired; the rule 18/19, near-miss 1/13, clean 5/72 (the rule as it was: 18/19, 3/13, 7/72).
// Corpus as email, leave-one-set-out: the reader fires on 0 sentences (it fired on 11 before). Lower
// thresholds found no more with the patterns (0.75: 255/281, 1 near-miss and 1 clean reply fired).
// A veto of pattern and cue hits by a low reader score cost more than it saved (p < 0.05: 255 -> 249 of
// 281 on LOWO for 2 fewer clean fires on w40/w41), so the rule has none (--vetoes, --veto-mode both).
//
// Result (2026-12-07, session 1.9): the reader also knows whether the reply says no or puts something
// right (replyRefuses, class "refuse" in rules/blame-sentence.yml; features r:refuses and its crosses), and
// then reads every sentence that names the customer; threshold 0.75. The rule leaves alone more kind
// shapes (ownsFault: "that's on us", "it's your call", "I understand how…"), and the cue model is
// tried with corpus negatives at 0.1 and 0.65 (measured here; the blind counts kept the 1.8 cue model). LOWO on 16 writers (cache with the new
// fixtures): the reader alone 74 -> 86 of 300 with 0/193 near-miss and 0/562 clean replies fired; the rule
// 272 -> 275 of 300, near-miss 1 -> 1, clean 5 -> 3; w28+w30+w34 41 -> 44 of 68. Corpus as email,
// leave-one-set-out: the reader fires on 3 sentences (0 before), the cue model ~31 (28 before).
// 0.7 fired on 4 near-miss and 5 clean replies; 0.8 found 73.
//
//   node scripts/train-blame-sentence.mjs --cache /tmp/blame-lines.json --corpus /tmp/blame-corpus.json --train-gate all \
//       --threshold 0.75 --thresholds 0.75 [--no-reply] [--only none --out rules/blame-language.sentence.json]
//
// Result (2026-12-07, session 1.10): two blind writers on blame (w53, w54) joined the training data. Their
// first sight on the start code: 13/25 and 13/25 (the rule), near-miss 1/25 and 0/21. First, nothing else
// changed, both models retrained with them (cue model no corpus at 0.75, reader as in 1.9): LOWO on 18 writers
// 297/350, near-miss 2/233, clean 4/631; on w28+w30+w34+w40+w41 58 -> 59 of 87 beside the same run without
// w53/w54 in training. Then blame shapes without a model (blameShapes), cue grammar (pluperfect "I'd sent",
// emphatic "we did recommend", "it's been on the page", "could've just asked"), and two kind shapes for the
// models (the next sentence owns the fault; a charge let go: waivesCharge): LOWO 310/350, near-miss 1/233,
// clean 3/631; the 16 older writers 272 -> 272 (w28 12 -> 13, w34 15 -> 14); w53+w54 25 -> 38 of 50 (read
// while writing the shapes: not a first-sight number). The reader alone on w53+w54, first sight: 11/50 with
// 0 fired (1 near-miss and 1 clean reply before the kind shapes). The shipped cue model stays the 1.8 one:
// retrained, it lost a fixture of the rule ("Ideally those readings get sent in every month"), as in 1.9.
//   node scripts/train-blame-model.mjs --cache /tmp/blame-lines.json      (after npm run build: shapes count as patterns)
//   node scripts/train-blame-corpus.mjs --out /tmp/blame-corpus.json
//   node scripts/train-blame-sentence.mjs --cache /tmp/blame-lines.json --corpus /tmp/blame-corpus.json --train-gate all \
//       --cue-corpus-weight 0 --cue-threshold 0.75 --threshold 0.75 --thresholds 0.75 [--only none --out rules/blame-language.sentence.json]
//
//   node scripts/train-blame-corpus.mjs --out /tmp/blame-corpus.json
//   node scripts/train-blame-sentence.mjs --cache /tmp/blame-lines.json --corpus /tmp/blame-corpus.json --train-gate all \
//       --cue-corpus-weight 0 --cue-threshold 0.75 --threshold 0.8 --thresholds 0.75,0.8,0.85 [--blind w40,w41] [--out rules/blame-language.sentence.json]
// Session 1.11: fixtures/devsets/care/dev/ now also holds the 83 files that were final/ (never heldout/ or reserve/).
// rules/blame-language.sentence.json was trained on that dev (data23, checked again by gate23b), threshold 0.75:
//   npm run build && node scripts/train-blame-model.mjs --cache /tmp/blame-lines.json --threshold 0.75 --thresholds 0.75 \
//       --out /tmp/blame-cue.json          (the reply lines of the new dev; the cue model it writes is not shipped)
//   node scripts/train-blame-corpus.mjs --out /tmp/blame-corpus.json
//   node scripts/train-blame-sentence.mjs --cache /tmp/blame-lines.json --corpus /tmp/blame-corpus.json --train-gate all \
//       --cue-corpus-weight 0 --cue-threshold 0.75 --threshold 0.75 --thresholds 0.75 --only none --no-corpus-eval \
//       --out rules/blame-language.sentence.json
// That gives the shipped file byte for byte without fixtures/rules/blame-language/*-good-reply.md (added in 1.11 with the
// good-reply model, after the file was made and scored blind). With them the fixtures train two more replies: one weight
// fewer and 268 weights move by at most 0.05; the file was not remade.
// The cue model (rules/blame-language.model.json) was trained on the older dev at commit 5efba2e, acknowledge-impact
// at 7c194f1, confirm-understanding at 9d3d3a2.
//
// Session 1.12 (engineer blame24): eight writers wrote blame-heavy replies for training (w70-w77, 480 replies, 260 blame
// items); with them dev is 40 writers and 747 blame items. First sight on the start code (the rule as shipped): 142/260,
// near-miss replies fired 2/116, clean 2/238. The reader retrained on the new dev with the 1.11 command above (and the cue
// model at --fixture-weight 4, scripts/train-blame-model.mjs): each new writer scored by the rule with both models trained
// without it, 150/260, near-miss 2, clean 2 (the new reader alone 144, the new cue model alone 148). Here, LOWO on the eight
// (no good-reply veto in this script): patterns + cue + reader 150/260 at 0.75, nm 9/115, clean 10/238; 0.7: 152, 11, 12;
// 0.8: 147, 8, 9. On all 40 writers at 0.75: 569/747, nm 17/431, clean 27/1290 (the 32 older writers 419/487, 8, 17). --gates-too also measures the reader on every sentence, not only those that speak to the customer
// (addressesCustomer): 151, 10, 11 at 0.75; 148, 8, 9 at 0.8 — the reader gives sentences that do not name the customer low
// scores, so the gate was kept. Most misses left on the new writers have no "you" (others as the measure, "it's printed in
// bold on the ticket", the fault on their bank or device "rather than ours"): 34 of the 131 blame sentences the patterns
// miss have neither a cue nor a gate the models read.
// Usage: --cache from `node scripts/train-blame-model.mjs --cache <file>` (the reply lines), then
//   node scripts/train-blame-sentence.mjs --cache <file> --threshold 0.85 --thresholds 0.8,0.85,0.9 --out rules/blame-language.sentence.json
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tallyItem } from './lib/devset.mjs';
import { fitLogistic, writeBlameModel } from './lib/logistic.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const cacheFile = opt('--cache');
if (!cacheFile || !existsSync(cacheFile)) {
  console.error('usage: node scripts/train-blame-sentence.mjs --cache <file written by train-blame-model.mjs --cache>');
  process.exit(2);
}
const { blameCues, blameFeatures, blameScore } = await import(join(root, 'dist/lexicon/blame-features.js'));
const { addressesCustomer, blameSentenceFeatures, blameSentenceQuote, blameSentenceScore, replyRefuses } = await import(join(root, 'dist/lexicon/blame-sentence.js'));
const items = JSON.parse(readFileSync(cacheFile, 'utf8'));
// Customer-facing help-centre and policy sentences (../shared/corpus, Markdown sets) run as email,
// from `node scripts/train-blame-sentence.mjs --corpus-lines <file>`'s companion (see --corpus below):
// negatives only, one "writer" per set (C:<set>); they train, and are measured leave-one-set-out.
const corpusFile = opt('--corpus');
const corpus = corpusFile ? JSON.parse(readFileSync(corpusFile, 'utf8')) : [];
const corpusSets = [...new Set(corpus.map((l) => l.set))].sort();
if (corpus.length) items.push(...corpusSets.map((s) => ({ writer: `C:${s}`, where: s, evidence: [], patternSpans: [], nearMiss: false, clean: false, corpus: true,
  lines: corpus.filter((l) => l.set === s).map((l) => ({ ...l, positive: false, pattern: l.fired.includes('pat'), corpusCue: l.fired.includes('cue') })) })));
const gate = opt('--gate', 'addressed');
// --blind w40,w41: writers kept out of all training, measured once at the end with models trained on every other writer.
const blind = new Set(opt('--blind', '').split(',').filter(Boolean));
const trainGate = opt('--train-gate', 'talks');
const TALKS_TO = ['p:you', 'p:imperative', 'x:k:tell&k:earlier', 'x:k:doc&k:earlier'];
// --no-reply: the sentence alone, without what the reply says elsewhere (whether it says no: replyRefuses).
// A corpus "item" is a whole set: the reply there is each file.
const useReply = !args.includes('--no-reply');
const refusesOf = new Map();
for (const it of items) {
  const byFile = new Map();
  for (const l of it.lines) (byFile.get(l.file ?? '') ?? byFile.set(l.file ?? '', []).get(l.file ?? '')).push(l.words);
  for (const [file, ws] of byFile) refusesOf.set(`${it.where}\u0000${file}`, useReply && replyRefuses(ws));
}
for (const it of items) for (const l of it.lines) {
  l.writer = it.writer;
  l.reply = { refuses: refusesOf.get(`${it.where}\u0000${l.file ?? ''}`) };
  l.nm = it.nearMiss;
  l.cues = l.question ? [] : blameCues(l.words);
  if (l.cues.length && l.ownedFrom >= 0 && l.cues[0].first >= l.ownedFrom) l.cues = [];
  l.cueFeatures = blameFeatures(l.words, l.cues);
  l.cueSpans = l.cues.map((c) => [l.words[c.first].span[0], l.words[c.last].span[1]]);
  l.sf = !l.question && l.words.length > 2 ? blameSentenceFeatures(l.words, l.reply) : [];
  l.candidate = !(l.ownedFrom >= 0 && l.sf.length && blameSentenceQuote(l.words)[0] >= l.ownedFrom) && l.sf.length > 0 && (gate === 'all' || (gate === 'you' ? l.sf.includes('p:you') : addressesCustomer(l.sf)));
  // --gates-too (session 1.12): also measure the reader reading every sentence (no addressesCustomer gate).
  l.candidateAll = !(l.ownedFrom >= 0 && l.sf.length && blameSentenceQuote(l.words)[0] >= l.ownedFrom) && l.sf.length > 0;
  // Trained on every sentence that speaks to the customer, in any tense (more to learn from);
  // the rule reads only those that also point at the past (addressesCustomer).
  l.trainable = l.sf.length > 0 && (trainGate === 'all' || gate === 'all' || TALKS_TO.some((k) => l.sf.includes(k)));
  if (args.includes('--with-cues')) for (const c of l.cues) l.sf.push(`c:${c.kind}`);
}

const HYPER = { minWriters: Number(opt('--min-writers', '3')), l2: Number(opt('--l2', '0.2')), epochs: Number(opt('--epochs', '150')), balance: Number(opt('--balance', '2')), nmWeight: Number(opt('--nm-weight', '3')), corpusWeight: Number(opt('--corpus-weight', '1')) };

/** Weighted logistic regression; features kept when seen in lines of at least minWriters training writers. */
function train(lines, key, { minWriters, l2, epochs, balance, nmWeight, corpusWeight = 1 }) {
  const seen = new Map();
  for (const l of lines) for (const k of l[key]) (seen.get(k) ?? seen.set(k, new Set()).get(k)).add(l.writer);
  const keep = (k) => [...(seen.get(k) ?? [])].filter((w) => !w.startsWith('C:')).length >= minWriters;
  const pos = lines.filter((l) => l.positive).length;
  // The positives' weight balances the reply lines only: corpus negatives add no weight to them.
  const wPos = (lines.filter((l) => !l.writer.startsWith('C:')).length - pos) / Math.max(1, pos) / balance;
  const rows = lines.map((l) => ({ x: l[key].filter(keep), y: l.positive ? 1 : 0, c: l.positive ? wPos : l.nm ? nmWeight : l.writer.startsWith('C:') ? corpusWeight : 1 }));
  return { ...fitLogistic(rows, [...seen.keys()].filter(keep), { epochs, rate: 0.3, l2 }), threshold: 1 };
}
// The cue model these runs train beside the reader (for the rule's LOWO): the settings the 1.9 reader was trained with,
// corpus negatives at 0.1 (--cue-corpus-weight) and threshold 0.65 (--cue-threshold). The shipped cue model
// (rules/blame-language.model.json) is still the 1.8 one at 0.75: the blind counts did not keep the retrained one.
const trainCue = (lines) => train(lines.filter((l) => l.cues.length), 'cueFeatures', { minWriters: 3, l2: 0.2, epochs: 150, balance: 2, nmWeight: 1, corpusWeight: Number(opt('--cue-corpus-weight', '0.1')) });
const trainSentence = (lines) => train(lines.filter((l) => l.trainable), 'sf', HYPER);

/** One writer's items under a rule made of: patterns?, the cue model at cueT?, the sentence model at sT? */
/** Whether the sentence model vetoes a pattern or cue hit on this line (it reads the sentence as far from blame). */
// --veto-mode both: the cue model must also read the sentence as far from blame (no cue, or p < 0.5).
const vetoMode = opt('--veto-mode', 'reader');
const vetoed = (l, veto) => veto && l.sf.length > 0 && blameSentenceScore(veto.m, l.sf) < veto.v && (vetoMode !== 'both' || !l.cues.length || blameScore(veto.cue.m, l.cueFeatures) < 0.5);
function measure(test, { patterns, cue, sentence, veto }) {
  const r = { expected: 0, found: 0, nm: 0, nmFired: 0, clean: 0, cleanFired: 0, fps: [], tps: [], vetoedTrue: [], vetoedFalse: [] };
  for (const it of test) {
    const spans = patterns ? it.patternSpans.filter(([a]) => { const l = it.lines.find((x) => x.span[0] <= a && a < x.span[1]); const v = l && vetoed(l, veto); if (v) (l.positive ? r.vetoedTrue : r.vetoedFalse).push({ where: it.where, l }); return !v; }) : [];
    for (const l of it.lines) {
      if (cue && !l.pattern && l.cues.length && blameScore(cue.m, l.cueFeatures) >= cue.t) { if (vetoed(l, veto)) (l.positive ? r.vetoedTrue : r.vetoedFalse).push({ where: it.where, l }); else spans.push(...l.cueSpans); }
      else if (sentence && (sentence.all ? l.candidateAll : l.candidate) && (!patterns || !l.pattern) && blameSentenceScore(sentence.m, l.sf) >= sentence.t) {
        // What the rule quotes and reports.
        const [a, b] = blameSentenceQuote(l.words);
        spans.push([l.words[a].span[0], l.words[b].span[1]]);
        (l.positive ? r.tps : r.fps).push({ where: it.where, l, nm: it.nearMiss, clean: it.clean });
      }
    }
    tallyItem(r, it, spans);
  }
  return r;
}

const devWriters = [...new Set(items.map((i) => i.writer))].filter((w) => w !== 'S' && w !== 'F' && !w.startsWith('C:') && !blind.has(w)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const THRESHOLDS = opt('--thresholds', '0.8,0.85,0.9,0.95').split(',').map(Number);
const T = Number(opt('--threshold', '0.9'));
const CUE_T = Number(opt('--cue-threshold', '0.65'));
const VETOES = opt('--vetoes', '').split(',').filter(Boolean).map(Number);
const configs = {
  'current (patterns+cue)': () => ({ patterns: true }),
  ...Object.fromEntries(THRESHOLDS.flatMap((t) => [
    [`sentence@${t}`, () => ({ sentence: t })],
    [`patterns+sentence@${t}`, () => ({ patterns: true, sentence: t })],
    [`patterns+cue+sentence@${t}`, () => ({ patterns: true, cueOn: true, sentence: t })],
    ...(args.includes('--gates-too') ? [[`p+c+s(ungated)@${t}`, () => ({ patterns: true, cueOn: true, sentence: t, all: true })]] : []),
  ])),
  ...Object.fromEntries(VETOES.map((v) => [`p+c+s@T veto<${v}`, () => ({ patterns: true, cueOn: true, sentence: T, veto: v })])),
};
const totals = {};
const rows = [];
const lines = items.flatMap((it) => it.lines).filter((l) => !blind.has(l.writer));
const only = opt('--only', '').split(',').filter(Boolean);
for (const held of [...devWriters, ...(blind.size ? ['BLIND'] : [])].filter((w) => !only.length || only.includes(w))) {
  const trainLines = lines.filter((l) => l.writer !== held);
  const cue = { m: trainCue(trainLines), t: CUE_T };
  const sm = trainSentence(trainLines);
  const test = items.filter((i) => (held === 'BLIND' ? blind.has(i.writer) : i.writer === held));
  const row = { held };
  for (const [name, make] of Object.entries(configs)) {
    const c = make();
    const r = measure(test, {
      patterns: c.patterns,
      cue: c.patterns && (name.startsWith('current') || c.cueOn) ? cue : undefined,
      sentence: c.sentence ? { m: sm, t: c.sentence, all: c.all } : undefined,
      veto: c.veto ? { m: sm, v: c.veto, cue } : undefined,
    });
    row[name] = r;
    if (held === 'BLIND') continue;
    const tot = (totals[name] ??= { expected: 0, found: 0, nm: 0, nmFired: 0, clean: 0, cleanFired: 0, fps: [], tps: [], vetoedTrue: [], vetoedFalse: [] });
    for (const k of Object.keys(tot)) tot[k] = Array.isArray(tot[k]) ? tot[k].concat(r[k]) : tot[k] + r[k];
  }
  rows.push(row);
  if (opt('--explain') === held)
    for (const it of test) for (const l of it.lines) if (l.candidate && (l.positive || blameSentenceScore(sm, l.sf) >= 0.5)) {
      const top = l.sf.map((k) => [k, sm.weights[k] ?? 0]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(2)}`);
      console.log(`  ${l.positive ? 'POS' : 'neg'} ${l.pattern ? 'pat' : '   '} ${blameSentenceScore(sm, l.sf).toFixed(2)} ${l.text.slice(0, 110)}\n        ${top.join(', ')}`);
    }
}
const cell = (r) => `${`${r.found}/${r.expected}`.padStart(6)} ${String(r.nmFired).padStart(2)} ${String(r.cleanFired).padStart(2)}`;
const show = ['current (patterns+cue)', `sentence@${T}`, `patterns+cue+sentence@${T}`, ...VETOES.map((v) => `p+c+s@T veto<${v}`)];
console.log(`LOWO per left-out writer (found/expected, near-miss replies fired, clean replies fired); threshold ${T}\n`);
console.log(`writer ${show.map((s) => s.padEnd(27)).join('')}`);
for (const row of rows) console.log(`${row.held.padEnd(6)} ${show.map((s) => cell(row[s]).padEnd(27)).join('')}`);
console.log('\nTOTAL');
const fmt = (r) => `${`${r.found}/${r.expected}`.padStart(8)} ${(r.found / r.expected || 0).toFixed(3)}  nm ${`${r.nmFired}/${r.nm}`.padStart(6)}  clean ${`${r.cleanFired}/${r.clean}`.padStart(7)}`;
const unread = new Set(opt('--unread', 'w28,w30,w34').split(','));
for (const [k, r] of Object.entries(totals)) {
  const u = rows.filter((row) => unread.has(row.held)).map((row) => row[k]).reduce((a, b) => ({ found: a.found + b.found, expected: a.expected + b.expected, nmFired: a.nmFired + b.nmFired, cleanFired: a.cleanFired + b.cleanFired }), { found: 0, expected: 0, nmFired: 0, cleanFired: 0 });
  console.log(`  ${k.padEnd(30)}${fmt(r)}   | ${[...unread].join('+')}: ${u.found}/${u.expected} nm ${u.nmFired} clean ${u.cleanFired}`);
}
if (args.includes('--verbose')) {
  const r = totals[`patterns+sentence@${T}`] ?? { fps: [], tps: [] };
  for (const a of r.fps) console.log(`  FP${a.nm ? ' NM' : ''}${a.clean ? ' CLEAN' : ''} ${a.where} ${a.l.text.slice(0, 150)}`);
  for (const a of r.tps) console.log(`  TP ${a.where} ${a.l.text.slice(0, 150)}`);
}

if (args.includes('--verbose')) for (const v of VETOES) for (const a of totals[`p+c+s@T veto<${v}`]?.vetoedTrue ?? []) console.log(`  VETOED-TRUE<${v} ${a.where} ${a.l.text.slice(0, 150)}`);
// Corpus sentences run as email, leave-one-set-out: lines fired by the patterns, the cue model (as it
// fired in the corpus run) and the sentence reader at T, with and without the veto.
if (corpus.length && !args.includes('--no-corpus-eval')) {
  console.log('\ncorpus as email, leave-one-set-out (sentences fired: patterns, cue, reader; then with each veto)');
  const ctot = {};
  for (const s of corpusSets) {
    const sm = trainSentence(lines.filter((l) => l.writer !== `C:${s}`));
    const test = lines.filter((l) => l.writer === `C:${s}`);
    const reader = test.filter((l) => l.candidate && !l.pattern && !l.corpusCue && blameSentenceScore(sm, l.sf) >= T);
    const row = { pat: test.filter((l) => l.pattern).length, cue: test.filter((l) => l.corpusCue && !l.pattern).length, reader: reader.length };
    for (const v of VETOES) row[`veto<${v}`] = test.filter((l) => (l.pattern || l.corpusCue) && !(l.sf.length && blameSentenceScore(sm, l.sf) < v)).length + reader.length;
    console.log(`  ${s.padEnd(22)} ${JSON.stringify(row)}`);
    for (const [k, n] of Object.entries(row)) ctot[k] = (ctot[k] ?? 0) + n;
    if (args.includes('--verbose')) {
      for (const l of reader) console.log(`    READER ${blameSentenceScore(sm, l.sf).toFixed(2)} ${l.text.slice(0, 140)}`);
      const v = VETOES[VETOES.length - 1];
      if (v) for (const l of test) if ((l.pattern || l.corpusCue) && !(l.sf.length && blameSentenceScore(sm, l.sf) < v)) console.log(`    KEPT<${v} ${l.pattern ? 'pat' : 'cue'} ${(l.sf.length ? blameSentenceScore(sm, l.sf) : NaN).toFixed(2)} ${l.text.slice(0, 140)}`);
    }
  }
  console.log(`  ${'TOTAL'.padEnd(22)} ${JSON.stringify(ctot)}`);
}

const outFile = opt('--out');
if (outFile) writeBlameModel(outFile, trainSentence(lines), T,
  'blame-language sentence reader (scripts/train-blame-sentence.mjs; features in src/lexicon/blame-sentence.ts). Logistic regression over every reply sentence that is not a question: p = 1 / (1 + exp(-(bias + sum of the weights of the features present))); the rule reports the sentence when p >= threshold. Features: u:<lemma>, b:<lemma pair>, k:<word class>, p:<person>, m:<modal>, v:<subject+tense>, x:<cross>, f:<first word>, n:<length>.');
