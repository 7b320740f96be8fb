#!/usr/bin/env node
// The blame-language sentence model (issue 13): trains it, measures it leave-one-writer-out
// against the patterns as they are, and with --out writes rules/blame-language.model.json.
//
//   npm run build && node scripts/train-blame-model.mjs [--out rules/blame-language.model.json]
//       [--verbose] [--threshold 0.9] [--cache /tmp/blame-lines.json] [--features <blame-features.js>]
//       [--fixture-weight 1] [--fixture-vocab none|cue|all] [--fixtures [--compare <old model.json>]] [--no-lowo]
//
// The model only speaks about a sentence whose grammar points at the customer's past action or
// knowledge (a "cue", src/lexicon/blame-features.ts); it is trained on those sentences only, and
// the rule quotes the cue. Features come from the same module the rule runs, so they never drift.
//
// Result (2026-12-06, session 1.5), threshold 0.85 (the lowest of 0.7/0.75/0.8/0.85/0.9 that fired
// on no near-miss or clean reply the patterns leave alone, on every writer): leave-one-writer-out,
// patterns 230/261 blame sentences, patterns + model 235/261, near-miss replies fired 1/160 and
// clean replies 2/460 both times. The two writers the patterns never saw: w28 9 -> 12 of 24,
// w30 8 -> 10 of 24. On writers the patterns were tuned on, the patterns already find all.
//
// Result (2026-12-06, session 1.6), threshold 0.75, with new cues (counting "for the third time",
// going over it before "I went through this with you on Monday", stress "you can't miss it", other
// customers as the measure, "please do read", "ideally"), cue-by-person features, every synthetic
// blame file in training, and pattern hits that run into a new clause of ours dropped: LOWO on 14
// writers, patterns + model 246 -> 254 of 281 blame sentences, near-miss replies fired 2 -> 0 of 180,
// clean replies 3 -> 0 of 490 (0.7 gives 257/0/0, 0.8 gives 251/0/0). w28 12 -> 12, w30 10 -> 15, w34 11 -> 14.
//
// Session 1.8: --corpus <file> (scripts/train-blame-corpus.mjs) adds help-centre and policy sentences run as
// email as negatives (--corpus-weight, 0.5 by default) and measures them leave-one-set-out; --blind w40,w41
// keeps writers out of training. With them (threshold 0.7) the cue model fired on 10 corpus sentences, not
// 29, but found 253/281 on LOWO, not 254, and the same on w40/w41, so the model file was not retrained.
//
// Session 1.9: with the new kind shapes of ownsFault, corpus negatives at 0.1 and threshold 0.65 gave LOWO
// 270 -> 274 of 300 (patterns + model), near-miss 1 -> 1, clean 5 -> 3. The blind counts did not keep it: at
// 0.65 the held-out set gained one found but one near-miss and one clean reply fired; retrained at 0.75 it
// lost two of the rule's own fixtures. The model file is the 1.8 one. To try it again:
//   node scripts/train-blame-model.mjs --cache /tmp/blame-lines.json --corpus /tmp/blame-corpus.json --corpus-weight 0.1 \
//       --thresholds 0.65,0.75 --threshold 0.65 --out /tmp/blame-model.json
//
// Session 1.10: the blame shapes the rule reports without a model (blameShapes) count with the pattern hits, and a
// line the next one owns as our fault, or that lets a charge go, is left to neither model. Retrained with w53/w54
// at 0.75, this model lost one of the rule's fixtures again, so rules/blame-language.model.json is still the 1.8 one.
//
// Writers: the care dev set, one writer per file-name prefix wNN (files without a prefix are one
// writer, "A"); the synthetic blame sets (S) and the rule's own fixtures (F) only ever train.
// For each dev writer: train on every other writer, score that writer's blame sentences, its
// near-miss replies and its clean replies. Never reads heldout/ or reserve/.
//
// Session 1.11: fixtures/devsets/care/dev/ now also holds the 83 files that were final/, so --cache lines come from
// the new dev. rules/blame-language.model.json (the cue model) is still the one trained on the older dev at commit
// 5efba2e (session 1.8); a retrain on the new dev (data23, 1.11) was not kept by the blind sets.
//
// Why the retrains lost fixture lines (engineer cue23, 1.11): the rule's fixtures give about 250 of the 2,200 cue lines it trains on and count
// as ONE writer (F), so a word only they hold ("fourth" in "For the fourth time…") is cut by --min-writers, and the line
// rests on general words (for, the, in, time) whose weights move with every new writer. The 1.8 model already held
// invalid-r8.md 4:5 and 18:1 at 0.77 and 0.75; on the new dev the bias fell (-0.05 -> -0.20) and w:in, l:for, q:time fell,
// giving 0.73 and 0.70 in the trainer, and 0.72 and 0.70 in the file (writeBlameModel drops weights under 0.05, which the
// trainer's own check did not see). Keeping fixture-only features (--fixture-vocab all|cue) moved them by 0.01 or less
// (one row barely moves a weight). The fix: --fixture-weight N multiplies the weight of fixture rows (positives and traps
// alike), and the fixture check (always run with --out, or --fixtures to list every line) now scores the model as written.
// LOWO on the new dev at 0.75, patterns + model: weight 1 403/487, nm 6/316, clean 12/1052; weight 2 405, 6, 12 (but 18:1
// 0.743 as written); weight 2.5 406, 6, 12 (w28 11 -> 12, w30 13 -> 14, w34 14 -> 15, the model alone fires on no near-miss
// or clean reply); weight 3 406, 7, 12; weight 2 + --fixture-vocab all 404, 6, 12. Fixture lines as written at 2.5: 0.78, 0.76.
//   node scripts/train-blame-model.mjs --cache /tmp/cue23-lines.json --threshold 0.75 --thresholds 0.7,0.75,0.8 \
//       --fixture-weight 2.5 --out rules/blame-language.model.json
// That model was scored blind and not kept: 1 more found on the held-out set, 1 more good reply fired on the fresh
// writers of 1.11. rules/blame-language.model.json is still the 1.8 one.
//
// Session 1.12 (engineer blame24): eight writers wrote blame-heavy replies for training (w70-w77, 480 replies, 260 blame
// items); they joined fixtures/devsets/care/dev/ (40 writers, 747 blame items). Retrained at 0.75 with --fixture-weight 1,
// the model lost the two fixture lines again, for the same cause: the fixtures train as ONE writer (F), so "fourth" is cut
// by --min-writers and "For the fourth time, the locker code only works…" rests on general words (for, the, only, work)
// that move with every writer: with 40 writers the bias fell to -0.30 and w:for to -0.43 (0.63; "Ideally those readings…"
// 0.72). Weight 2.5, enough at 32 writers, gave 0.71; 3.5 gave 0.75 (on the line as written); 4 keeps every fixture line
// (0.76 and 0.81; the 1.8 model 0.77 and 0.75). Ordinals read as one word (#ord) moved the line by 0.01: not kept. The fixture
// weight that holds the fixtures grows with dev. LOWO on the 40 writers at 0.75, patterns + model: weight 4 548/747, near-miss
// replies 13/431, clean 20/1290 (weight 2.5: 547, 13, 20; 0.7: 557, 14, 20; 0.8: 539, 11, 18); the 32 older writers 407/487,
// 6, 12 (406, 6, 12 trained without w70-w77); the eight new writers 121 -> 141 of 260 (patterns alone -> with the model).
// Blind (held-out, final, reserve w64, fresh w66+w68; 590 replies, counts only): blame found 89 -> 92 of 116 (held-out
// 9 -> 10 of 16), near-misses unchanged, good replies with a care finding 26 -> 27 of 327. It replaced the 1.8 model:
//   node scripts/train-blame-model.mjs --cache /tmp/blame-lines.json --threshold 0.75 --thresholds 0.7,0.75,0.8 \
//       --fixture-weight 4 --out rules/blame-language.model.json
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { evidenceSpans, filesOf, tallyItem } from './lib/devset.mjs';
import { fitLogistic, writeBlameModel } from './lib/logistic.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const outFile = opt('--out');
const cacheFile = opt('--cache');
const featuresPath = resolve(opt('--features', join(root, 'dist/lexicon/blame-features.js')));
const { blameCues, blameFeatures, blameScore, blameShapes, crossesClause, notForModels, ownsFault } = await import(featuresPath);
// The pattern hits the rule reports (it drops a hit whose gap runs into a new clause of ours, and
// any hit in a sentence that takes the fault on us or apologises for what they went through).
const keptHit = (line, first) => { const from = ownsFault(line.words); return from < 0 || line.words.indexOf(first) < from; };
// Session 1.10: the blame shapes the rule reports without a model (blameShapes) count with the patterns.
const ruleHits = (model) => {
  const hits = model.blame.filter(({ line, hit }) => keptHit(line, hit.first) && !crossesClause(line.block.text.slice(hit.first.start, hit.last.end).replace(/\s+/g, ' ')));
  for (const line of model.spoken) {
    if (hits.some((h) => h.line.sentence === line.sentence)) continue;
    const s = (blameShapes?.(line.words, line.question) ?? []).find((c) => keptHit(line, line.words[c.first]));
    if (s) hits.push({ line, hit: { first: line.words[s.first], last: line.words[s.last] } });
  }
  return hits;
};
// The next sentence owns the fault as ours ("That's our error, not yours"), or this one lets a charge go: the models leave it alone.
const ownedByNext = (model, line) => {
  const next = model.spoken[model.spoken.indexOf(line) + 1];
  return notForModels?.(line.words, next?.block === line.block ? next.words : undefined) ?? false;
};
const RULE = 'blame-language';

const writerOf = (file) => {
  const n = basename(file);
  if (/^blame-language(-r\d+)?\.yml$/.test(n)) return 'S';
  const m = /^w(\d+)-/.exec(n);
  return m ? `w${m[1]}` : 'A';
};

// --- the lines of every reply (cached: building reply models is the slow part) -----------------
async function readItems() {
  const { createDoc } = await import('../dist/document/document.js');
  const { replyModel } = await import('../dist/reply/model.js');
  // Every synthetic blame file trains (their near-misses teach the model what is not blame); none is ever left out.
  const synthetic = join(root, 'fixtures/devsets/care/synthetic');
  const files = [...filesOf(join(root, 'fixtures/devsets/care/dev')), ...readdirSync(synthetic).filter((n) => /^blame-language(-r\d+)?\.yml$/.test(n)).sort().map((n) => join(synthetic, n))];
  const items = [];
  const lineOf = (doc, model, text, evidence) =>
    model.spoken.map((line) => ({
      span: [line.span.start, line.span.end],
      words: line.words.map((w) => ({ lower: w.lower, masked: w.masked, quoted: w.quoted, span: [w.span.start, w.span.end] })),
      positive: evidence.some((ev) => ev.some(([a, b]) => line.span.start < b && a < line.span.end)),
      pattern: ruleHits(model).some(({ line: l }) => l.sentence === line.sentence),
      question: line.question,
      ownedFrom: ownedByNext(model, line) ? 0 : ownsFault(line.words),
      text: text.slice(line.span.start, line.span.end).replace(/\s+/g, ' '),
    }));
  for (const file of files) {
    const data = parse(readFileSync(file, 'utf8'));
    for (const item of data?.items ?? []) {
      if (typeof item?.text !== 'string') continue;
      const text = item.text;
      const kind = /^\s*</.test(text) ? 'html' : 'markdown';
      const doc = createDoc(kind === 'html' ? 'reply.html' : 'reply.md', text, kind, item.channel ?? 'email');
      const model = replyModel(doc);
      const evidence = (item.expect ?? []).filter((e) => e.rule === RULE).map((e) => (e.evidence ? evidenceSpans(text, String(e.evidence)) : []));
      const patternSpans = ruleHits(model).map(({ line, hit }) => { const s = line.block.spanOf(hit.first.start, hit.last.end); return [s.start, s.end]; });
      items.push({
        writer: writerOf(file),
        where: `${basename(file)}#${item.id}`,
        evidence,
        patternSpans,
        lines: lineOf(doc, model, text, evidence),
        nearMiss: (item.near_miss ?? []).some((n) => n.rule === RULE),
        clean: Array.isArray(item.expect) && item.expect.length === 0,
      });
    }
  }
  // The rule's own fixtures (training only): a line is positive when a marker points into it.
  const fx = join(root, 'fixtures/rules', RULE);
  for (const name of readdirSync(fx).filter((n) => n.endsWith('.md') || n.endsWith('.html')).sort()) {
    const text = readFileSync(join(fx, name), 'utf8');
    const kind = name.endsWith('.html') ? 'html' : 'markdown';
    const cfg = /plainspoke-config (\{.*?\}) -->/.exec(text);
    const channel = cfg ? JSON.parse(cfg[1]).channel ?? 'email' : 'email';
    const doc = createDoc(`fx.${kind === 'html' ? 'html' : 'md'}`, text, kind, channel);
    const model = replyModel(doc);
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const lines = text.split('\n');
    const ev = [];
    lines.forEach((l, n) => {
      for (const m of l.matchAll(/<!--\s*expect(-next-line)?\s+([^>]*?)\s*-->/g)) {
        for (const one of m[2].split(/[\s,]+/)) {
          const im = /^blame-language(?:\/\w+)?(?:@(\d+))?(?::([+-]\d+))?$/.exec(one);
          if (!im) continue;
          const at = n + (m[1] ? 1 : 0) + (im[2] ? Number(im[2]) : 0);
          const from = starts[at] ?? 0;
          ev.push(im[1] ? [[from + Number(im[1]) - 1, from + Number(im[1])]] : [[from, from + (lines[at] ?? '').length]]);
        }
      }
    });
    items.push({ writer: 'F', where: name, evidence: ev, patternSpans: [], lines: lineOf(doc, model, text, ev), nearMiss: false, clean: name.startsWith('valid') });
  }
  return items;
}

const DROP = opt('--drop', '').split(',').filter(Boolean);
const HYPER = { minWriters: Number(opt('--min-writers', '3')), l2: Number(opt('--l2', '0.2')), epochs: Number(opt('--epochs', '150')), balance: Number(opt('--balance', '2')), residual: Number(opt('--residual', '1')), corpusWeight: Number(opt('--corpus-weight', '0.5')), fixtureWeight: Number(opt('--fixture-weight', '1')) };
const FIXTURE_VOCAB = opt('--fixture-vocab', 'none');
let items;
if (cacheFile && existsSync(cacheFile)) items = JSON.parse(readFileSync(cacheFile, 'utf8'));
else {
  items = await readItems();
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify(items));
}
// Customer-facing help-centre and policy sentences (../shared/corpus, Markdown sets) run as email:
// negatives only, one "writer" per set (C:<set>), that train and are measured leave-one-set-out.
// The file holds the lines of every corpus reply (words, question, set, and which paths fired).
const corpusFile = opt('--corpus');
const corpus = corpusFile ? JSON.parse(readFileSync(corpusFile, 'utf8')) : [];
const corpusSets = [...new Set(corpus.map((l) => l.set))].sort();
items.push(...corpusSets.map((s) => ({ writer: `C:${s}`, where: s, evidence: [], patternSpans: [], nearMiss: false, clean: false,
  lines: corpus.filter((l) => l.set === s).map((l) => ({ ...l, positive: false, pattern: l.fired.includes('pat') })) })));
const isCorpus = (w) => w.startsWith('C:');
// --blind w40,w41: writers kept out of all training, measured at the end with a model trained on every other writer.
const blind = new Set(opt('--blind', '').split(',').filter(Boolean));
for (const it of items) for (const l of it.lines) {
  // The rule never asks the model about a question ("Is this the card you added?").
  l.cues = l.question ? [] : blameCues(l.words);
  // The rule leaves a cue after an apology or in a sentence that owns the fault alone (ownsFault).
  if (l.cues.length && l.ownedFrom >= 0 && l.cues[0].first >= l.ownedFrom) l.cues = [];
  l.features = blameFeatures(l.words, l.cues).filter((k) => !DROP.includes(k.slice(0, k.indexOf(':'))));
  // Where the rule would report: the cue's words.
  l.cueSpans = l.cues.map((c) => [l.words[c.first].span[0], l.words[c.last].span[1]]);
}

// --- logistic regression (full-batch AdaGrad, L2, positives weighted) ---------------------------
// A feature is kept only when it is seen in sentences of at least `minWriters` writers: a word one
// writer likes does not become a cue.
function train(lines, { epochs, rate = 0.3, l2, minWriters } = HYPER) {
  const seen = new Map();
  for (const l of lines) for (const k of l.features) (seen.get(k) ?? seen.set(k, new Set()).get(k)).add(l.writer);
  // Vocabulary from reply writers only; corpus negatives neither add features nor weigh on the positives' balance.
  // --fixture-vocab: all the rule's fixtures count as one writer (F), so a cue word only the fixtures hold ("for the
  // fourth time") was cut and the fixture line rested on general words alone; with it, a feature of a fixture line
  // (all: any; cue: the cue's own words q: and cue kinds c:) is kept however few writers share it.
  const fixtureKept = (k) => FIXTURE_VOCAB !== 'none' && seen.get(k)?.has('F') && (FIXTURE_VOCAB === 'all' || /^[qc]:/.test(k));
  const keep = (k) => fixtureKept(k) || [...(seen.get(k) ?? [])].filter((w) => !isCorpus(w)).length >= minWriters;
  const pos = lines.filter((l) => l.positive).length;
  const wPos = (lines.filter((l) => !isCorpus(l.writer)).length - pos) / Math.max(1, pos) / HYPER.balance;
  const rows = lines.map((l) => ({ x: l.features.filter(keep), y: l.positive ? 1 : 0, c: (l.writer === 'F' ? HYPER.fixtureWeight : 1) * (l.positive ? wPos * (l.pattern ? 1 : HYPER.residual) : isCorpus(l.writer) ? HYPER.corpusWeight : 1) }));
  const { bias, weights } = fitLogistic(rows, [...seen.keys()].filter(keep), { epochs, rate, l2 });
  return { bias, threshold: 1, weights };
}

const gated = (it) => it.lines.filter((l) => l.cues.length > 0).map((l) => Object.assign(l, { writer: it.writer }));

function measure(test, modelFires, withPatterns = true) {
  const r = { expected: 0, found: 0, nm: 0, nmFired: 0, clean: 0, cleanFired: 0, added: [] };
  for (const it of test) {
    const extra = it.lines.filter((l) => (!withPatterns || !l.pattern) && l.cues.length && modelFires(l)).flatMap((l) => l.cueSpans);
    const spans = [...(withPatterns ? it.patternSpans : []), ...extra];
    tallyItem(r, it, spans);
    for (const l of it.lines) if (!l.pattern && l.cues.length && modelFires(l)) r.added.push({ where: it.where, l, ok: l.positive });
  }
  return r;
}
const fmt = (r) => `${`${r.found}/${r.expected}`.padStart(8)} ${(r.found / r.expected || 0).toFixed(2)}  nm ${`${r.nmFired}/${r.nm}`.padStart(6)}  clean ${`${r.cleanFired}/${r.clean}`.padStart(7)}`;

const devWriters = [...new Set(items.map((i) => i.writer))].filter((w) => w !== 'S' && w !== 'F' && !isCorpus(w) && !blind.has(w)).sort();
const trainable = items.filter((i) => !blind.has(i.writer));
const gatedPositives = items.filter((i) => i.writer !== 'S' && i.writer !== 'F' && !isCorpus(i.writer)).reduce((s, i) => s + i.lines.filter((l) => l.positive && l.cues.length).length, 0);
const allPositives = items.filter((i) => i.writer !== 'S' && i.writer !== 'F' && !isCorpus(i.writer)).reduce((s, i) => s + i.lines.filter((l) => l.positive).length, 0);
console.log(`${items.length} replies; dev blame sentences ${allPositives}, with a cue ${gatedPositives}; writers ${devWriters.join(' ')}\n`);

const THRESHOLDS = (opt('--thresholds', '0.7,0.75,0.8,0.85,0.9')).split(',').map(Number);
const totals = {};
const add = (key, r) => {
  const t = (totals[key] ??= { expected: 0, found: 0, nm: 0, nmFired: 0, clean: 0, cleanFired: 0, added: [] });
  for (const k of Object.keys(t)) t[k] = k === 'added' ? t[k].concat(r[k]) : t[k] + r[k];
};
const table = [];
for (const held of args.includes('--no-lowo') ? [] : [...devWriters, ...(blind.size ? ['BLIND'] : [])]) {
  const m = train(trainable.filter((i) => i.writer !== held).flatMap(gated));
  const test = items.filter((i) => (held === 'BLIND' ? blind.has(i.writer) : i.writer === held));
  if (held === 'BLIND') {
    const pat = measure(test, () => false);
    const row = { held, pat, by: {} };
    for (const t of THRESHOLDS) row.by[t] = measure(test, (l) => blameScore(m, l.features) >= t);
    table.push(row);
    continue;
  }
  const pat = measure(test, () => false);
  add('patterns', pat);
  const row = { held, pat, by: {} };
  for (const t of THRESHOLDS) {
    const r = measure(test, (l) => blameScore(m, l.features) >= t);
    add(`patterns+model@${t}`, r);
    add(`model alone@${t}`, measure(test, (l) => blameScore(m, l.features) >= t, false));
    if (held === 'w28' || held === 'w30') add(`${held} p+m@${t}`, r);
    row.by[t] = r;
  }
  table.push(row);
  if (opt('--explain') === held) for (const it of test) for (const l of it.lines) if (l.cues.length && (l.positive || blameScore(m, l.features) >= 0.5)) {
    const top = l.features.map((k) => [k, m.weights[k] ?? 0]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(2)}`);
    console.log(`  ${l.positive ? 'POS' : 'neg'} ${l.pattern ? 'pat' : '   '} ${blameScore(m, l.features).toFixed(2)} [${l.cues.map((c) => c.kind)}] ${l.text.slice(0, 110)}\n        ${top.join(', ')}`);
  }
}
const T = Number(opt('--threshold', '0.85'));
console.log(`writer   patterns: found   nm  clean  |  patterns+model@${T}: found   nm  clean`);
for (const { held, pat, by } of table) {
  const r = by[T] ?? by[THRESHOLDS[THRESHOLDS.length - 1]];
  console.log(`${held.padEnd(6)} ${`${pat.found}/${pat.expected}`.padStart(8)} ${String(pat.nmFired).padStart(4)} ${String(pat.cleanFired).padStart(5)}  |  ${`${r.found}/${r.expected}`.padStart(8)} ${String(r.nmFired).padStart(4)} ${String(r.cleanFired).padStart(5)}`);
}
console.log('\nTOTAL');
for (const [k, r] of Object.entries(totals)) console.log(`  ${k.padEnd(22)}${fmt(r)}   model added ${r.added.length} (${r.added.filter((a) => a.ok).length} on blame sentences)`);
if (args.includes('--verbose')) {
  const r = totals[`patterns+model@${T}`];
  for (const a of (r?.added ?? []).filter((x) => !opt('--hide', '').split(',').some((h) => h && x.where.startsWith(h)))) console.log(`  ${a.ok ? 'TP' : 'FP'} ${a.where} [${a.l.cues.map((c) => c.kind).join(',')}] ${a.l.text.slice(0, 140)}`);
  console.log('\nmissed blame sentences without a cue (sample):');
  let n = 0;
  for (const it of items) for (const l of it.lines) if (it.writer !== 'F' && it.writer !== 'S' && !opt('--hide', '').split(',').includes(it.writer) && l.positive && !l.cues.length && n++ < Number(opt('--show-missed', '0'))) console.log(`  ${l.pattern ? 'pat' : '   '} ${it.where} ${l.text.slice(0, 140)}`);
}

// --- corpus sentences run as email, leave-one-set-out: lines the cue model fires on (patterns aside) ---
if (corpus.length) {
  console.log('\ncorpus as email, leave-one-set-out: sentences the cue model fires on, by threshold');
  for (const s of corpusSets) {
    const m = train(trainable.filter((i) => i.writer !== `C:${s}`).flatMap(gated));
    const test = items.find((i) => i.writer === `C:${s}`).lines.filter((l) => !l.pattern && l.cues.length);
    console.log(`  ${s.padEnd(22)} ${THRESHOLDS.map((t) => `@${t}: ${test.filter((l) => blameScore(m, l.features) >= t).length}`).join('  ')}   (fired in the corpus run: ${test.filter((l) => l.fired.includes('cue')).length})`);
    if (args.includes('--verbose')) for (const l of test) if (blameScore(m, l.features) >= T) console.log(`    ${blameScore(m, l.features).toFixed(2)} ${l.text.slice(0, 140)}`);
  }
}

// --- the model on everything ----------------------------------------------------------------------
// --fixtures: the model on everything, scored on the rule's own fixture lines (writer F) that hold a cue: the score,
// and the features of the positives that miss the threshold, with their weights and how many writers they were seen for.
// The check reads the model as the file holds it (weights under 0.05 dropped, the rest rounded: writeBlameModel), since
// that is what the rule runs; with --out it always runs, and says so when a fixture line lands on the wrong side.
const asWritten = (m) => ({ bias: Math.round(m.bias * 1000) / 1000, weights: Object.fromEntries(Object.entries(m.weights).filter(([, v]) => Math.abs(v) >= 0.05).map(([k, v]) => [k, Math.round(v * 1000) / 1000])) });
const full = args.includes('--fixtures') || outFile ? train(trainable.flatMap(gated)) : undefined;
if (full) {
  const all = trainable.flatMap(gated);
  const m = asWritten(full);
  const writersOf = new Map();
  for (const l of all) for (const k of l.features) (writersOf.get(k) ?? writersOf.set(k, new Set()).get(k)).add(l.writer);
  const old = opt('--compare') ? JSON.parse(readFileSync(opt('--compare'), 'utf8')) : undefined;
  console.log(`\nfixture lines with a cue${args.includes('--fixtures') ? '' : ' the model gets wrong'} (bias ${m.bias.toFixed(2)}${old ? `, old ${old.bias}` : ''}):`);
  for (const it of items.filter((i) => i.writer === 'F')) for (const l of it.lines) if (l.cues.length && !l.pattern) {
    const p = blameScore(m, l.features);
    const miss = l.positive ? p < T : p >= T;
    if (!miss && !args.includes('--fixtures')) continue;
    console.log(`  ${miss ? 'MISS' : 'ok  '} ${l.positive ? 'POS' : 'neg'} ${p.toFixed(2)}${old ? ` (old ${blameScore(old, l.features).toFixed(2)})` : ''} ${it.where} [${l.cues.map((c) => c.kind)}] ${l.text.slice(0, 90)}`);
    if (miss || args.includes('--verbose')) for (const k of l.features) console.log(`        ${k.padEnd(28)} ${(m.weights[k] ?? 0).toFixed(3).padStart(7)}${old ? ` old ${(old.weights[k] ?? 0).toFixed(3).padStart(7)}` : ''}  writers ${[...(writersOf.get(k) ?? [])].filter((w) => !isCorpus(w)).join(',')}`);
  }
}
if (outFile) writeBlameModel(outFile, full, T,
  'blame-language sentence model (scripts/train-blame-model.mjs; features in src/lexicon/blame-features.ts). Logistic regression over sentences with a blame cue: p = 1 / (1 + exp(-(bias + sum of the weights of the features present))); the rule reports the cue when p >= threshold. Features: w:<lemma>, s:<word-class trigram near a cue>, c:<cue kind>, q:<lemma in the cue>, g:<sentence trait>.');
