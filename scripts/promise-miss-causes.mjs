#!/usr/bin/env node
// Why time-bound-commitment misses a promise, or fires where it should not, by cause (issue 13, session 1.17).
//
//   npm run build && node scripts/promise-miss-causes.mjs <folder> [--json] [--ids]
//
// Lints every item of a care devset folder like scripts/score-devset.mjs (same channel, file name and
// matching), with the reply model's debug hook set (src/reply/trace.ts). Then:
//   missed expected promises (by overlap): where the rule spoke (same sentence, same paragraph, elsewhere,
//     silent), and for the evidence's lines the closest the grammar came:
//       - no candidate: the future marker and the person in the evidence, and whether a listed pattern
//         matched there (its yml category and entry index) but no subject or marker was found for it;
//       - a candidate a gate ruled out (the gate's name: policy, conditional-ask, customer-step, question, …);
//       - a candidate given a time frame (which branch: same line, next line, same matter, …; and which
//         time-frame entry of rules/time-bound-commitment.yml, or a number, clock time or date found by code);
//       - a candidate with no time that the promise model dropped (its score band);
//       - a vague stand-in or a condition, when the candidate had one;
//   fired near-misses and fired clean replies: each finding's layer (yml entry or grammar), person, message
//     id, the model's score band, and the channel.
// It prints ONLY counts per cause, with the rule's own gate, branch and entry names, never an item's words, so
// it may run on sets nobody reads. `--ids` also lists item ids per cause (ids only; for sets you may read).
import { evidenceSpans, itemsOf, lineStarts, lintReply, matchExpected, replyFile, scorerArgs } from './lib/devset.mjs';
import { traceCare } from '../dist/reply/trace.js';
import { hitsIn } from '../dist/reply/words.js';
import { promisesOf, promiseScore, usePromiseModel } from '../dist/reply/promises.js';
import { table } from '../dist/lexicon/data.js';
import { flatTally, overlaps } from './lib/tally.mjs';

const RULE = 'time-bound-commitment';
const CARE = ['blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding', 'public-privacy', 'placeholder-syntax'];
const { folder, json } = scorerArgs('promise-miss-causes.mjs');
const showIds = process.argv.includes('--ids');

let traces = [];
traceCare((rule, doc, model, reported) => {
  if (rule === RULE) traces.push({ doc, model, reported });
});

const counts = { items: 0, expected: 0, found: 0, onLine: 0, missed: {}, closest: {}, person: {}, channel: {}, fired: {} };
const { ids, add, show } = flatTally(showIds);
const band = (s) => (s === undefined ? 'none' : s >= 0.6 ? '>=0.6' : s >= 0.5 ? '0.5-0.6' : s >= 0.4 ? '0.4-0.5' : s >= 0.3 ? '0.3-0.4' : s >= 0.15 ? '0.15-0.3' : '<0.15');
const entries = table(RULE).entries;
const entryName = (h) => `${h.value.category}#${entries.indexOf(h.value)}`;
/** The layer that found a promise: its table entry ("promise#3"), the grammar ("grammar:promise") or "aim". */
const sourceOf = (p) => (p.entry ? `${p.source}#${entries.indexOf(p.entry)}` : p.source);
const norm = (w) => w.lower.replace(/’/g, "'");

/** Who promises: we, I, the customer waits (you), someone, a team or name, a passive "will be …", no subject. */
function personOf(p) {
  const words = p.line.words;
  const from = words.indexOf(p.first);
  const to = words.indexOf(p.end ?? p.last);
  const span = words.slice(from, to + 1).map(norm);
  const passive = span.some((w, k) => w === 'be' && /(?:ed|en|sent|done|made|set|put|paid|sorted)$/.test(span[k + 1] ?? '')) || (span.includes('being') && sourceOf(p)?.includes('now'));
  const f = norm(p.first);
  if (passive && !/^(?:we|i)\b|^(?:we|i)'/.test(f)) return 'passive';
  if (/^we(?:'|$)/.test(f)) return 'we';
  if (/^i(?:'|$)/.test(f)) return 'I';
  if (/^you(?:'|$)/.test(f)) return 'you (waits for us)';
  if (['someone', 'somebody', 'one'].includes(f)) return 'someone';
  if (['will', 'shall', 'gonna', 'going'].includes(f)) return 'no subject';
  if (['our', 'the', 'my', 'a', 'an', 'your'].includes(f) || /^\p{Lu}/u.test(p.first.text)) return 'team or name';
  if (passive) return 'passive';
  return 'other';
}

/** The marker and person in the evidence's words, for a miss with no candidate. */
function evidenceShape(lines, ev) {
  const words = lines.flatMap((l) => l.words.filter((w) => { const s = l.block.spanOf(w.start, w.end); return ev.some((e) => overlaps(s, e)); }));
  const ws = words.map(norm);
  let marker = 'none';
  if (ws.some((w) => w.endsWith("'ll"))) marker = "'ll";
  else if (ws.includes('will')) marker = 'will';
  else if (ws.some((w, k) => w === 'to' && ws[k - 1] === 'going')) marker = 'going to';
  else if (ws.includes('shall') || ws.includes('gonna')) marker = 'shall/gonna';
  else if (ws.includes('should')) marker = 'should';
  else if (ws.some((w) => ['can', 'could', 'would', "'d", 'may', 'might'].includes(w) || w.endsWith("'d"))) marker = 'can/could/would/may';
  else if (ws.some((w) => w.endsWith('ing')) && ws.some((w) => /'(?:re|m|s)$/.test(w) || ['am', 'are', 'is'].includes(w))) marker = 'be + -ing';
  else if (ws.some((w) => ['aim', 'aims', 'plan', 'plans', 'intend', 'expect', 'hope', 'try'].includes(w))) marker = 'aim/plan/expect/try';
  const personWord = ws.find((w) => /^(?:we|i|you|someone|somebody|they|he|she|team|our|the)(?:'|$)/.test(w)) ?? '';
  const person = personWord.startsWith('we') ? 'we' : /^i(?:'|$)/.test(personWord) ? 'I' : personWord.startsWith('you') ? 'you' : ['someone', 'somebody'].includes(personWord) ? 'someone' : personWord ? 'team or they' : 'none';
  const passive = ws.some((w, k) => ['be', 'being', 'been'].includes(w) && /(?:ed|en)$/.test(ws[k + 1] ?? ''));
  return `marker ${marker}; person ${person}${passive ? '; passive' : ''}; ${words.length <= 6 ? '<=6 words' : words.length <= 15 ? '7-15 words' : '16+ words'}`;
}

/** The time-frame entry that gave a line its time, or code (a number with a unit, a clock time, a date). */
function timeEntry(line) {
  if (!line) return 'none';
  const hits = hitsIn(line, RULE, 'time-frame');
  if (!hits.length) return 'code (number, clock time or date)';
  return [...new Set(hits.map((h) => `${entryName(h)}:${h.value.match.indexOf(h.phrase)}`))].join('+');
}

const LEADS = new Set(['by', 'on', 'before', 'until', 'till', 'at', 'in', 'from', 'since', 'for', 'of', 'during', 'after', 'last', 'this', 'next', 'the', 'your', 'our', 'my', 'their', 'within', 'over', 'every', 'each', 'early', 'late', 'mid', 'end', 'between', 'around', 'about', 'and', 'or', 'than', 'was', 'were', 'is', 'are', 'be']);
const JOIN = new Set(['and', 'but', 'so', 'because', 'since', 'which', 'who', 'as', 'when', 'after', 'while', 'though', 'although', 'that', 'if', 'once', 'until']);
const PAST = /(?:ed|was|were|had|did|went|came|got|sent|said|told|made|took|gave|paid)$/;

/** Where the time that dated a promise stands in its line: before the marker, inside the promise, after it; the word before it (closed list); a joiner or a comma between it and the marker; a past verb in between. */
function timeDetail(line, p) {
  const words = line.words;
  const hits = hitsIn(line, RULE, 'time-frame');
  const timeWords = hits.length ? hits.map((h) => h.first) : words.filter((w) => /\d/.test(w.lower));
  if (!timeWords.length) return ['no time word found'];
  const at = words.indexOf(p.first);
  const end = words.indexOf(p.end ?? p.last);
  return timeWords.slice(0, 2).map((tw) => {
    const k = words.indexOf(tw);
    const pos = k < at ? 'before' : k <= end ? 'inside' : 'after';
    const lead = norm(words[k - 1] ?? tw);
    const a = Math.min(k, at);
    const b = Math.max(k, at);
    const between = words.slice(a + 1, b).map(norm);
    const text = line.block.text;
    const comma = words.slice(a, b).some((w, n) => /[,;:—–]/.test(text.slice(w.end, words[a + n + 1].start)));
    const joiner = between.find((w) => JOIN.has(w));
    const past = between.some((w) => PAST.test(w)) || (pos === 'before' && words.slice(Math.max(0, k - 4), k).some((w) => PAST.test(norm(w))));
    return `time ${pos}; lead ${words[k - 1] ? (LEADS.has(lead) || lead.endsWith("'s") ? lead.replace(/^.*'s$/, "'s") : 'other') : 'none'}; ${comma ? 'comma' : 'no comma'}; joiner ${joiner ?? 'none'}; past verb ${past ? 'yes' : 'no'}; gap ${b - a <= 3 ? '<=3' : b - a <= 8 ? '4-8' : '9+'}`;
  });
}

const key = (p) => `${p.line.index}:${p.first.start}`;

for (const { file, item } of itemsOf(folder)) {
  counts.items++;
  const text = item.text;
  const { channel } = replyFile(item);
  traces = [];
  const result = await lintReply(item, 'promise-miss-causes');
  if (result.error) continue;
  const care = result.findings.filter((f) => CARE.includes(f.ruleId));
  const expect = (item.expect ?? []).filter((ex) => ex.rule === RULE);
  const { results, matched } = matchExpected(text, care, (item.expect ?? []).filter((ex) => CARE.includes(ex.rule)));
  const id = `${file.split('/').pop()}#${item.id}`;
  const t = traces[traces.length - 1];
  const starts = lineStarts(text);
  const spanOf = (f) => ({ start: starts[f.line - 1] + f.column - 1, end: starts[(f.endLine ?? f.line) - 1] + (f.endColumn ?? f.column) - 1 });
  const mine = care.filter((f) => f.ruleId === RULE);

  // Fired near-misses and clean replies: what each stray finding is.
  const clean = Array.isArray(item.expect) && item.expect.length === 0;
  const nm = (item.near_miss ?? []).some((n) => n.rule === RULE);
  const stray = mine.filter((f) => !matched.has(f));
  if ((clean || nm) && stray.length && t) {
    const set = clean ? 'clean' : 'near-miss';
    add(counts.fired, `${set}: items fired`, id);
    add(counts.fired, `${set}: channel ${channel}`, id);
    for (const f of stray) {
      const s = spanOf(f);
      const p = t.reported.find((q) => q.line.block.spanOf(q.first.start, q.first.end).start === s.start);
      add(counts.fired, `${set}: message ${f.messageId}`, id);
      if (!p) {
        add(counts.fired, `${set}: finding with no traced promise`, id);
        continue;
      }
      add(counts.fired, `${set}: layer ${sourceOf(p) ?? '?'}`, id);
      add(counts.fired, `${set}: person ${personOf(p)}`, id);
      add(counts.fired, `${set}: model ${band(promiseScore(p, t.model.spoken))}`, id);
      add(counts.fired, `${set}: ${p.line.question ? 'in a question' : 'statement'}; ${t.model.spoken.indexOf(p.line) === t.model.spoken.length - 1 ? 'last line' : 'not last line'}`, id);
    }
  }

  if (!expect.length) continue;
  for (const { ex, found, onLine } of results.filter((r) => r.ex.rule === RULE)) {
    counts.expected++;
    if (onLine) counts.onLine++;
    if (found) {
      counts.found++;
      continue;
    }
    add(counts.channel, `channel ${channel}`, id);
    if (!t) {
      add(counts.missed, 'rule not run (language or channel)', id);
      continue;
    }
    const ev = evidenceSpans(text, String(ex.evidence ?? '')).map(([start, end]) => ({ start, end }));
    if (!ev.length) {
      add(counts.missed, ex.evidence ? 'evidence not in text' : 'no evidence given', id);
      continue;
    }
    const lines = t.model.lines;
    const evLines = lines.filter((l) => ev.some((e) => overlaps(l.span, e)));
    const evSentences = [...new Set(evLines.map((l) => l.sentence.span))];
    const evBlocks = new Set(evLines.map((l) => l.block));
    const spans = mine.map(spanOf);
    let where;
    if (spans.some((f) => evSentences.some((s) => overlaps(f, s)))) where = '(a) fired on the sentence, span misses the evidence';
    else if (spans.some((f) => lines.some((l) => evBlocks.has(l.block) && overlaps(l.span, f)))) where = '(b) fired in the same paragraph';
    else if (spans.length) where = '(c) fired elsewhere in the reply only';
    else where = '(d) silent in the reply';
    add(counts.missed, where, id);
    const w = where.slice(0, 3);
    const spokenEv = evLines.filter((l) => l.speaker === 'agent' && !l.stage);
    if (!spokenEv.length) {
      add(counts.closest, `${w} evidence in no agent line (${evLines.length ? 'customer turn or stage direction' : 'no reply line: quote, heading'})`, id);
      continue;
    }
    const spoken = t.model.spoken;
    const raw = promisesOf(spoken, lines, true).filter((p) => spokenEv.includes(p.line));
    usePromiseModel(null);
    const gated = promisesOf(spoken, lines);
    usePromiseModel(undefined);
    const byKey = new Map(gated.map((p) => [key(p), p]));
    // Candidates on the evidence: overlapping it first, else any on its lines.
    const pspan = (p) => p.line.block.spanOf(p.first.start, (p.end ?? p.last).end);
    const onEv = raw.filter((p) => ev.some((e) => overlaps(pspan(p), e)));
    const cands = onEv.length ? onEv : raw;
    const near = onEv.length ? 'on evidence' : 'same line only';
    if (!cands.length) {
      const listed = spokenEv.flatMap((l) => ['promise', 'promise-you', 'promise-now'].flatMap((c) => hitsIn(l, RULE, c)).filter((h) => ev.some((e) => overlaps(l.block.spanOf(h.first.start, h.last.end), e))));
      add(counts.closest, `${w} no candidate; ${listed.length ? `list hit ${[...new Set(listed.map(entryName))].join('+')} but no subject/marker` : 'no list hit'}`, id);
      add(counts.person, `no candidate: ${evidenceShape(spokenEv, ev)}`, id);
      if (spokenEv.some((l) => l.question)) add(counts.closest, `${w} no candidate, evidence in a question`, id);
      continue;
    }
    // The most telling candidate: one the rule kept, then one with a time, then one the model dropped, then a gated one.
    const status = (p) => {
      if (p.gate) return { rank: 4, what: `gated: ${p.gate}` };
      const g = byKey.get(key(p));
      if (!g) return { rank: 5, what: 'raw only (joined to another promise)' };
      if (g.timeFrame) return { rank: 2, what: `timed: ${g.timeBy ?? '?'} by ${timeEntry(g.timeFrame)}` };
      if (t.reported.some((q) => key(q) === key(p))) return { rank: 1, what: `reported ${g.condition ? 'condition' : g.vague ? 'vague' : 'noTime'}` };
      return { rank: 3, what: `model dropped ${band(promiseScore(g, spoken))}${g.condition ? ' (condition)' : g.vague ? ' (vague)' : ''}` };
    };
    const best = cands.map((p) => ({ p, ...status(p) })).sort((a, b) => a.rank - b.rank)[0];
    add(counts.closest, `${w} ${near}: ${best.what}`, id);
    if (best.rank === 2) {
      const g = byKey.get(key(best.p));
      if (g.timeBy === 'same-line') for (const d of timeDetail(g.line, g)) add(counts.timed ??= {}, d, id);
      else add(counts.timed ??= {}, `other line (${g.timeBy}): ${g.timeFrame.question ? 'question' : 'statement'}`, id);
    }
    add(counts.person, `candidate ${sourceOf(best.p) ?? '?'}; person ${personOf(best.p)}${best.p.line.question ? '; question' : ''}`, id);
  }
}

if (json) console.log(JSON.stringify({ folder, ...counts, ...(showIds ? { ids } : {}) }, null, 2));
else {
  console.log(`${counts.items} items in ${folder}`);
  console.log(`time-bound expected ${counts.expected}, found by overlap ${counts.found}, on its line ${counts.onLine}, missed ${counts.expected - counts.found}\n`);
  show('missed, by where the rule spoke:', counts.missed);
  show('missed, the closest the grammar came on the evidence:', counts.closest);
  show('missed, the layer and person:', counts.person);
  show('missed, by channel:', counts.channel);
  show('missed as timed: where the time stands', counts.timed ?? {});
  show('fired near-misses and clean replies:', counts.fired);
}
