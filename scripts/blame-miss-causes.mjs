#!/usr/bin/env node
// Why blame-language misses, by cause (issue 13, session 1.16).
//
//   npm run build && node scripts/blame-miss-causes.mjs <folder> [--json] [--ids]
//
// Lints every item of a care devset folder like scripts/score-devset.mjs (same channel, file name and
// matching), with the rule's debug hook set (traceBlame in src/rules/care/blame-language.ts), so the rule
// records what each layer made of each line. Then, for each expected blame finding missed by overlap:
//   (a) the rule fired on the evidence's sentence, but its span does not cover the evidence;
//   (b) it fired on another sentence of the same text line or paragraph;
//   (c) it fired elsewhere in the reply only;
//   (d) it was silent in the reply. For (d): the gate or layer that came closest on the evidence's lines:
//       the good-reply veto, a pattern of rules/blame-language.yml that matched but a gate left alone (named),
//       a shape a gate left alone, or the cue model's and the sentence reader's score bands (with their gates).
// Session 1.18 (bl73) adds, for every miss, the stage that lost it: the furthest any evidence line got in the
// rule's order (a candidate kept but quoted elsewhere; dropped by a gate: good-reply veto, skipQuestions, ownsFault,
// notForModels, namesOnly, question, short; dropped by a model's score band), or no candidate at all, and then for
// each evidence line which sign the layers wait for was absent ("you" or an order to them; a past sign) and what
// the line has instead (a passive, a negation, a document word, a verb of reading or telling, a question). It also
// counts each lone finding the good-reply veto dropped by its layer and its line's two model bands.
// It prints ONLY counts per cause, with the rule's own gate, layer and pattern entry names (an entry by its
// index in rules/blame-language.yml), never the item's words, so it may run on sets nobody reads.
// `--ids` also lists item ids per cause (ids only; for sets you may read).
import { evidenceSpans, itemsOf, lineStarts, lintReply, matchExpected, replyFile, scorerArgs } from './lib/devset.mjs';
import { flatTally, overlaps } from './lib/tally.mjs';
import { traceBlame } from '../dist/rules/care/blame-language.js';

const RULE = 'blame-language';
const CARE = ['blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding', 'public-privacy', 'placeholder-syntax'];
const { folder, json } = scorerArgs('blame-miss-causes.mjs');
const showIds = process.argv.includes('--ids');

let traces = [];
traceBlame((t) => traces.push(t));

const counts = { vetoBand: {}, stage: {}, noCandidate: {}, items: 0, expected: 0, found: 0, onLine: 0, bucket: {}, closest: {}, cueBand: {}, readerBand: {}, joint: {}, firedLayer: {}, vetoLayer: {}, quietJoint: {} };
const { ids, add, show } = flatTally(showIds);
const BAR = 0.75;
const band = (s) => (s === undefined ? 'none' : s >= BAR ? '>=0.75' : s >= 0.6 ? '0.60-0.75' : s >= 0.45 ? '0.45-0.60' : s >= 0.25 ? '0.25-0.45' : '<0.25');

/** The closest layer on the evidence's lines, for a reply where the rule was silent. */
function closest(trace, evLines) {
  if (!evLines.length) return 'evidence in no reply line (quote, heading, caption)';
  const spoken = evLines.filter((l) => l.spoken);
  if (!spoken.length) return `evidence only in ${evLines.some((l) => l.stage) ? 'a stage direction' : 'a customer turn'}`;
  if (trace.vetoed) return 'good-reply veto (lone finding dropped)';
  const hits = spoken.flatMap((l) => l.hits);
  if (hits.some((h) => !h.gate)) return 'pattern hit kept (reported elsewhere?)';
  if (hits.length) return `pattern gated: ${[...new Set(hits.map((h) => `${h.gate} [entry ${h.entry}]`))].sort().join(' + ')}`;
  const shapes = spoken.flatMap((l) => l.shapes);
  if (shapes.length) return `shape ${shapes.some((s) => !s.gate) ? 'kept' : 'gated'}: ${[...new Set(shapes.map((s) => `${s.kind}${s.gate ? `/${s.gate}` : ''}`))].sort().join(' + ')}`;
  // The model that came nearest its bar.
  let best = { score: -1, name: 'no layer saw it (no cue, reader not reading)' };
  for (const l of spoken) {
    if (l.cue.score !== undefined && l.cue.score > best.score) best = { score: l.cue.score, name: `cue ${band(l.cue.score)}${l.cue.gate ? ` gate=${l.cue.gate}` : ''}` };
    if (l.reader.score !== undefined && l.reader.score > best.score) best = { score: l.reader.score, name: `reader ${band(l.reader.score)}${l.reader.gate ? ` gate=${l.reader.gate}` : ''}` };
  }
  if (best.score < 0) {
    const gates = [...new Set(spoken.map((l) => `cue:${l.cue.gate ?? 'no model'}/reader:${l.reader.gate ?? 'no model'}`))].sort();
    return `no score: ${gates.join(' + ')}`;
  }
  return best.name;
}

/**
 * The stage that lost a missed item (session 1.18): the furthest any evidence line got, in the rule's order.
 * A candidate is a pattern hit, a shape, a cue (for the cue model) or a line the sentence reader reads
 * (addressesCustomer). For a line with no candidate, which sign the layers wait for was absent: "you" (or an
 * order to the customer), a past sign (past tense, hindsight, an earlier time), and what the line has instead
 * (a passive, a negation, a document word, a question). Only the rule's own names are printed.
 */
const RANK = ['evidence not spoken', 'no candidate', 'reader band', 'cue band', 'gate', 'veto'];
function stageOf(trace, evLines, ev) {
  if (!evLines.length) return { rank: 0, name: 'evidence in no reply line' };
  const spoken = evLines.filter((l) => l.spoken);
  if (!spoken.length) return { rank: 0, name: `evidence not spoken: ${evLines.some((l) => l.stage) ? 'stage direction' : 'customer turn'}` };
  if (trace.vetoed && trace.findings.some((f) => ev.some((e) => overlaps(f.span, e)) || spoken.some((l) => overlaps(f.span, l.span)))) return { rank: 5, name: 'candidate dropped: good-reply veto (finding on the evidence line)' };
  let best = { rank: -1, name: '' };
  const take = (rank, name) => {
    if (rank > best.rank) best = { rank, name };
  };
  for (const l of spoken) {
    const gatedHits = l.hits.filter((h) => h.gate && !h.gate.startsWith('namesOnly'));
    if (l.hits.some((h) => !h.gate || h.gate.startsWith('namesOnly'))) take(4, 'candidate kept: pattern hit (span/evidence mismatch)');
    if (gatedHits.length) take(4, `candidate dropped: pattern gate ${[...new Set(gatedHits.map((h) => h.gate))].sort().join('+')}`);
    if (l.shapes.length) take(4, l.shapes.some((x) => !x.gate) ? 'candidate kept: shape (span/evidence mismatch)' : 'candidate dropped: shape gate ownsFault');
    if (l.cue.kinds.length) {
      if (l.cue.gate) take(4, `candidate dropped: cue gate ${l.cue.gate}`);
      else take(3, `candidate dropped: cue score ${band(l.cue.score)}${l.reader.addresses ? ` (reader ${band(l.reader.score)})` : ''}`);
    }
    if (l.reader.addresses || (l.reader.gate && l.reader.gate !== 'addressesCustomer')) {
      if (l.reader.gate === 'question' || l.reader.gate === 'short') {
        if (l.reader.addresses) take(2, `candidate dropped: reader gate ${l.reader.gate}`);
      } else if (l.reader.gate) take(4, `candidate dropped: reader gate ${l.reader.gate}`);
      else take(2, `candidate dropped: reader score ${band(l.reader.score)}`);
    }
  }
  if (best.rank >= 0) return best;
  // No layer had a candidate: what the line lacks and what it has.
  const sign = (l, re) => l.signs.some((k) => re.test(k));
  const lack = (l) => {
    const you = sign(l, /^p:(you|imperative)$/);
    const past = sign(l, /^(m:(hindsight|had-to|needed-to|supposed-to|expected-to|required-to|meant-to|need-to-have)|k:(earlier|later)|v:[a-z]+-(past|perfect|pluperfect|passive))/);
    const has = [
      sign(l, /^v:[a-z]+-passive$/) && 'passive',
      sign(l, /^(k:neg|v:[a-z]+-past-neg|m:modal-neg)$/) && 'negation',
      sign(l, /^k:doc$/) && 'document word',
      sign(l, /^k:(read|tell|know|agree)$/) && 'read/tell/know/agree verb',
      sign(l, /^k:(stress|others)$/) && 'stress/others word',
      l.question && 'question',
      l.quotedWords > 0 && 'quoted words',
    ].filter(Boolean);
    return `${you ? (past ? 'has you and past' : 'no past sign') : past ? 'no you' : 'no you, no past sign'}${has.length ? ` | ${has.join(', ')}` : ''}`;
  };
  for (const l of spoken) add(counts.noCandidate, lack(l));
  return { rank: 1, name: 'no candidate on any evidence line' };
}

/** The bands of the line a vetoed lone finding sat on, so the veto's bar can be judged by counts. */
function vetoedBand(trace) {
  const f = trace.findings[0];
  const l = trace.lines.find((x) => x.spoken && x.span.start <= f.span.start && f.span.start < x.span.end);
  return l ? `${f.layer}: cue ${band(l.cue.score)} reader ${band(l.reader.score)}` : `${f.layer}: no line`;
}
for (const { file, item } of itemsOf(folder)) {
  counts.items++;
  const text = item.text;
  const { name, channel } = replyFile(item);
  traces = [];
  const result = await lintReply(item, 'blame-miss-causes');
  if (result.error) continue;
  const care = result.findings.filter((f) => CARE.includes(f.ruleId));
  const expect = (item.expect ?? []).filter((ex) => ex.rule === RULE);
  const kindOf = Array.isArray(item.expect) && item.expect.length === 0 ? 'clean' : (item.near_miss ?? []).some((n) => n.rule === RULE) ? 'near-miss' : '';
  const tr = traces[traces.length - 1];
  if (kindOf && !expect.length && tr) {
    if (tr.vetoed && tr.findings.length) add(counts.vetoLayer, `${kindOf}: dropped ${tr.findings[0].layer} finding`);
    if (tr.vetoed && tr.findings.length) add(counts.vetoBand, `${kindOf}: ${vetoedBand(tr)}`);
    // Lines of a reply the rule left quiet, by the two models' bands: what a lower bar would add there.
    if (!tr.findings.length || tr.vetoed) for (const l of tr.lines.filter((x) => x.spoken)) if ((l.cue.score ?? 0) >= 0.45 || (l.reader.score ?? 0) >= 0.45) add(counts.quietJoint, `${kindOf}: cue ${band(l.cue.score)}${l.cue.gate ? `(${l.cue.gate})` : ''} x reader ${band(l.reader.score)}${l.reader.gate ? `(${l.reader.gate})` : ''}`);
  }
  if (!expect.length) continue;
  const { results } = matchExpected(text, care, expect);
  const trace = traces[traces.length - 1];
  const starts = lineStarts(text);
  const lineOf = (offset) => starts.findLastIndex((s) => s <= offset) + 1;
  const mine = care.filter((f) => f.ruleId === RULE).map((f) => ({ start: starts[f.line - 1] + f.column - 1, end: starts[(f.endLine ?? f.line) - 1] + (f.endColumn ?? f.column) - 1 }));
  const id = `${file.split('/').pop()}#${item.id}`;
  for (const { ex, found, onLine } of results) {
    counts.expected++;
    if (onLine) counts.onLine++;
    if (found) {
      counts.found++;
      continue;
    }
    if (!trace) {
      add(counts.bucket, 'rule not run (language or channel)', id);
      continue;
    }
    const ev = evidenceSpans(text, String(ex.evidence ?? '')).map(([start, end]) => ({ start, end }));
    if (!ev.length) {
      add(counts.bucket, ex.evidence ? 'evidence not in text' : 'no evidence given', id);
      continue;
    }
    const evLines = trace.lines.filter((l) => ev.some((e) => overlaps(l.span, e) || overlaps(l.sentence, e)));
    const evSentences = evLines.map((l) => l.sentence);
    const evBlocks = new Set(evLines.map((l) => l.block));
    const evTextLines = new Set(ev.flatMap((e) => { const out = []; for (let n = lineOf(e.start); n <= lineOf(Math.max(e.start, e.end - 1)); n++) out.push(n); return out; }));
    // Layers that fired, by where they fired.
    const traced = trace.findings;
    // The traced finding (its words found) starts inside the reported span, which marks its whole line (session 1.18).
    const layerAt = (f) => traced.find((t) => t.span.start >= f.start && t.span.start < Math.max(f.end, f.start + 1))?.layer ?? 'unknown';
    let bucket;
    const inSentence = mine.filter((f) => evSentences.some((s) => overlaps(f, s)));
    const blockOf = (f) => trace.lines.find((l) => overlaps(l.span, f))?.block;
    const nearby = mine.filter((f) => evBlocks.has(blockOf(f)) || evTextLines.has(lineOf(f.start)));
    if (inSentence.length) {
      bucket = '(a) fired on the same sentence, span misses the evidence';
      for (const f of inSentence) add(counts.firedLayer, `(a) ${layerAt(f)}`);
    } else if (nearby.length) {
      bucket = '(b) fired on another sentence of the same line or paragraph';
      for (const f of nearby) add(counts.firedLayer, `(b) ${layerAt(f)}`);
    } else if (mine.length) {
      bucket = '(c) fired elsewhere in the reply only';
    } else bucket = '(d) silent in the reply';
    add(counts.bucket, bucket, id);
    const where = bucket.slice(0, 3);
    add(counts.stage, `${where} ${stageOf(trace, evLines, ev).name}`, id);
    add(counts.closest, `${where} ${closest(trace, evLines)}`, id);
    const spoken = evLines.filter((l) => l.spoken);
    const maxOf = (k) => spoken.reduce((m, l) => (l[k].score !== undefined && (m === undefined || l[k].score > m) ? l[k].score : m), undefined);
    add(counts.cueBand, `${where} ${band(maxOf('cue'))}`);
    add(counts.readerBand, `${where} ${band(maxOf('reader'))}`);
    if (where === '(d)') for (const l of spoken) add(counts.joint, `cue ${band(l.cue.score)}${l.cue.gate ? `(${l.cue.gate})` : ''} x reader ${band(l.reader.score)}${l.reader.gate ? `(${l.reader.gate})` : ''}`);
    if (trace.vetoed && trace.findings.length) add(counts.vetoBand, `missed ${trace.findings.some((f) => ev.some((e) => overlaps(f.span, e))) ? 'on' : 'off'} evidence: ${vetoedBand(trace)}`);
    if (trace.vetoed && trace.findings.length) add(counts.vetoLayer, `missed: dropped ${trace.findings[0].layer} finding ${trace.findings.some((f) => ev.some((e) => overlaps(f.span, e))) ? 'on' : 'off'} the evidence`);
  }
}

if (json) console.log(JSON.stringify({ folder, ...counts, ...(showIds ? { ids } : {}) }, null, 2));
else {
  console.log(`${counts.items} items in ${folder}`);
  console.log(`blame expected ${counts.expected}, found by overlap ${counts.found}, on its line ${counts.onLine}, missed ${counts.expected - counts.found}\n`);
  show('missed, by where the rule spoke:', counts.bucket);
  show('missed, by the stage that lost it (furthest any evidence line got):', counts.stage);
  show('evidence lines with no candidate, by the sign absent | what they have:', counts.noCandidate);
  show('missed, by the closest layer on the evidence lines:', counts.closest);
  show('missed (a)/(b), the layer that fired:', counts.firedLayer);
  show('missed, best cue-model score on the evidence lines:', counts.cueBand);
  show('missed, best sentence-reader score on the evidence lines:', counts.readerBand);
  show('missed (d), each evidence line by cue band x reader band (gates in brackets):', counts.joint);
  show('good-reply veto: the layer of the lone finding it dropped:', counts.vetoLayer);
  show('good-reply veto: the dropped finding by its layer and its line\'s bands:', counts.vetoBand);
  show('near-miss and clean replies the rule left quiet: their lines by cue band x reader band (either >= 0.45):', counts.quietJoint);
}
