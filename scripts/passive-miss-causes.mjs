#!/usr/bin/env node
// Why passive-voice misses a passive a writer expected, and why it fires on a near-miss or a clean item
// (issue 14, session 1.18).
//
//   npm run build && node scripts/passive-miss-causes.mjs <folder> [--json] [--ids]
//
// Lints every item of a plain devset folder like scripts/score-plain-devset.mjs, with the rule's debug hook set
// (tracePassive in src/rules/plain/passive-voice.ts). For each expected passive-voice evidence the rule missed,
// each near-miss it fired on and each clean item it fired on, it counts:
//   - whether a passive candidate was seen at all: a form of "to be" or "get" and a participle, and if not, why not
//     (a participle the rule does not read as one, a block it skips, a participle with no "to be" before it: a reduced
//     relative, or "to be" too far back, or no participle shape at all);
//   - the gate that left the candidate alone (the grammar rule's name, as reasonAt in the rule returns it);
//   - the verb group (present, past, perfect, will, can, must, to, being, get), the adverbs between, whether the
//     participle is irregular, which of the rule's own word lists hold it, the block (list item, table cell,
//     heading, paragraph), the channel and the format.
// It prints ONLY counts (and, with --ids, item ids), never the item's words, so it may run on sets nobody reads: a
// participle is named only when it is a word of the rule's own table (rules/passive-voice.yml).
import { createDoc, kindOfPath } from '../dist/document/document.js';
import { tracePassive } from '../dist/rules/plain/passive-voice.js';
import { table } from '../dist/lexicon/data.js';
import { evidenceSpans, itemsOf, lineStarts, lintItem, plainFile, scorerArgs } from './lib/devset.mjs';
import { groupTally, overlaps } from './lib/tally.mjs';

const RULE = 'passive-voice';
const { folder, json } = scorerArgs('passive-miss-causes.mjs');
const showIds = process.argv.includes('--ids');

/** The rule's own table: category of each word, for counts per list. */
const categories = new Map();
for (const e of table(RULE).entries) for (const m of e.match) (categories.get(m.toLowerCase()) ?? categories.set(m.toLowerCase(), new Set()).get(m.toLowerCase())).add(e.category);
const PARTICIPLE_LISTS = ['adjectival', 'state', 'decision', 'naming', 'irregular', 'place', 'machine-verb', 'to-person', 'legal-status', 'result', 'you-flow', 'source', 'opinion', 'appearance', 'classify', 'two-objects', 'detect', 'restrict', 'document-verb', 'cause', 'get-idiom', 'not-verb'];

const BE = new Set(['am', 'are', 'is', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't", "'s", "'re", "'m"]);
const GET = new Set(['get', 'gets', 'got', 'gotten', 'getting']);
const HAVE = new Set(['has', 'have', 'had', "'ve", 'having']);
const ADVERB = (w) => w.endsWith('ly') || ['not', 'also', 'then', 'still', 'never', 'already', 'now', 'always', 'often', 'usually', 'sometimes', 'just', 'only', 'even', 'all', 'both', 'yet', 'soon', 'again'].includes(w);

let traces = [];
tracePassive((c) => traces.push(c));

const { counts: out, ids, add, print } = groupTally(showIds);

/** A candidate's span in the file: from its "to be" (or the participle) to the participle. */
const spanOf = (c) => {
  const w = c.sentence.words;
  return { start: (c.be >= 0 ? w[c.be] : w[c.i]).span.start, end: w[c.i].span.end };
};

/** Facets of a candidate the rule read: its verb group, adverbs between, irregular, lists, block. */
function facets(c) {
  const w = c.sentence.words;
  const p = w[c.i].lower;
  const lists = [...(categories.get(p) ?? [])].filter((k) => PARTICIPLE_LISTS.includes(k));
  // The participle itself only when the rule's own table holds it (a list word, not the set's text).
  const out = [`word ${categories.has(p) ? p : '(not in the table)'}`, `aux ${c.aux || '-'}`, `words between ${c.be >= 0 ? Math.max(0, c.i - c.be - 1) : '-'}`, `participle ${/ed$/.test(p) ? 'regular -ed' : 'irregular'}`, `lists ${lists.sort().join('+') || 'none'}`, `block ${c.sentence.block.kind}`];
  const after = w[c.i + 1]?.lower;
  out.push(`next word ${after === undefined ? 'end' : after === 'by' ? 'by' : ['to', 'in', 'on', 'for', 'with', 'from', 'at', 'into', 'as', 'under', 'within'].includes(after) ? 'preposition' : ['up', 'out', 'off', 'down', 'back', 'away'].includes(after) ? 'particle' : 'other'}`);
  return out;
}

/** Why no candidate stands on the evidence: the shapes of the words it covers. */
function shapeWithout(doc, ev) {
  const words = [];
  for (const s of doc.sentences) for (let k = 0; k < s.words.length; k++) if (ev.some(([a, b]) => overlaps(s.words[k].span, { start: a, end: b }))) words.push({ s, k });
  if (!words.length) return ['no prose words on the evidence (code, markup or a skipped block)'];
  const kinds = [...new Set(words.map((x) => x.s.block.kind))].sort().join('+');
  const lower = words.map((x) => x.s.words[x.k].lower);
  const hasBe = lower.some((x) => BE.has(x) || GET.has(x));
  const participleLike = lower.some((x) => /^[a-z]{2,}(?:ed|en|wn)$/.test(x) || categories.has(x));
  const out = [`block ${kinds}`];
  if (!participleLike) out.push(hasBe ? 'no participle: "to be" + another word (adjective, noun, "under review")' : 'no participle and no "to be" (active verb, noun phrase, other)');
  else out.push(hasBe ? 'participle and "to be" but no event (?)' : 'participle shape, no "to be" in the evidence');
  return out;
}

/** Why a participle found no "to be": what stands before it. */
function noBeShape(c) {
  const w = c.sentence.words;
  let between = 0;
  for (let j = c.i - 1; j >= 0 && j >= c.i - 7; j--) {
    const lower = w[j].lower;
    if (BE.has(lower) || GET.has(lower)) return `"to be"/"get" ${between} words back, not all adverbs (${w.slice(j + 1, c.i).every((x) => ADVERB(x.lower) || x.lower === ',' ) ? 'adverbs' : 'other words'})`;
    between++;
  }
  const prev = w[c.i - 1]?.lower ?? '';
  if (!prev) return 'participle opens the sentence';
  if (HAVE.has(prev)) return 'after have/has (active perfect)';
  if (['you', 'we', 'they', 'i', 'he', 'she', 'it'].includes(prev)) return 'after a pronoun (active past)';
  if (['and', 'or'].includes(prev)) return 'after and/or (second verb, no shared "be")';
  if (ADVERB(prev)) return 'after an adverb, no "to be"';
  return 'after a noun or other word (reduced relative or active past)';
}

let items = 0;
for (const { file, item, text } of itemsOf(folder)) {
  items++;
  const { name, channel, format } = plainFile(item);
  traces = [];
  const result = await lintItem(text, name, channel, 'passive-miss-causes');
  if (result.error) continue;
  const id = `${file.split('/').pop()}#${item.id}`;
  const starts = lineStarts(text);
  const fspan = (f) => ({ start: starts[f.line - 1] + f.column - 1, end: starts[(f.endLine ?? f.line) - 1] + (f.endColumn ?? f.column) - 1 });
  const mine = result.findings.filter((f) => f.ruleId === RULE);
  const doc = traces[0]?.doc ?? createDoc(name, text, kindOfPath(name), channel);
  if (doc.text !== text) add('checks', 'doc text differs from item text', id);
  const matched = new Set();
  for (const ex of (item.expect ?? []).filter((x) => x.rule === RULE)) {
    const ev = ex.evidence ? evidenceSpans(text, String(ex.evidence)) : [];
    const hits = mine.filter((f) => !ex.evidence || ev.some(([a, b]) => overlaps(fspan(f), { start: a, end: b })));
    for (const f of hits) matched.add(f);
    const set = hits.length ? 'expected found' : 'expected missed';
    add(set, 'items', id);
    add(set, `channel ${channel} ${format}`, id);
    if (hits.length) continue;
    if (!ev.length) {
      add(set, ex.evidence ? 'evidence not in text' : 'no evidence given', id);
      continue;
    }
    add(set, `rule fired elsewhere in the item: ${mine.length ? 'yes' : 'no'}`, id);
    const on = traces.filter((c) => ev.some(([a, b]) => overlaps(spanOf(c), { start: a, end: b })));
    const seen = on.filter((c) => c.be >= 0 && !['masked', 'quoted', 'ignored', 'not-verb', 'not-participle'].includes(c.gate));
    if (on.length > 1) add(set, `candidates on the evidence: ${on.length > 3 ? '4+' : on.length}`, id);
    if (seen.length) {
      const c = seen[0];
      add(set, `seen; gate ${c.gate}`, id);
      for (const f of facets(c)) add(set, `  seen: ${f}`, id);
      // The same facets under the gate's name, to aim a change at one gate.
      for (const f of facets(c)) add(set, `  gate ${c.gate}: ${f}`, id);
      for (const o of seen.slice(1)) add(set, `  also seen; gate ${o.gate}`, id);
      continue;
    }
    if (on.length) {
      const c = on[0];
      if (c.gate === 'no-be') add(set, `not seen: no "to be": ${noBeShape(c)}`, id);
      else add(set, `not seen: ${c.gate}`, id);
      for (const f of facets(c)) add(set, `  not seen: ${f}`, id);
      continue;
    }
    for (const s of shapeWithout(doc, ev)) add(set, `no participle read: ${s}`, id);
  }
  const nm = (item.near_miss ?? []).find((n) => n.rule === RULE);
  const clean = Array.isArray(item.expect) && item.expect.length === 0;
  const extra = mine.filter((f) => !matched.has(f));
  const group = nm ? (extra.length ? 'near-miss fired' : 'near-miss quiet') : clean ? (extra.length ? 'clean fired' : 'clean quiet') : '';
  if (!group) continue;
  add(group, 'items', id);
  add(group, `channel ${channel} ${format}`, id);
  // What a looser gate would cost: the gates that left a candidate alone in an item that must stay quiet.
  if (group === 'near-miss quiet' || group === 'clean quiet') {
    for (const c of traces.filter((t) => t.be >= 0 && t.gate !== 'report')) {
      add(group, `held by gate ${c.gate}`, id);
      const p = c.sentence.words[c.i].lower;
      add(group, `  held by gate ${c.gate}: word ${categories.has(p) ? p : '(not in the table)'}; aux ${c.aux}`, id);
    }
  }
  for (const f of extra) {
    const c = traces.find((t) => t.gate === 'report' && overlaps(spanOf(t), fspan(f)));
    if (!c) {
      add(group, 'finding with no reported candidate (?)', id);
      continue;
    }
    add(group, 'findings', id);
    for (const x of facets(c)) add(group, `  ${x}`, id);
  }
}

const groups = ['expected missed', 'expected found', 'near-miss fired', 'near-miss quiet', 'clean fired', 'clean quiet', 'checks'];
if (json) console.log(JSON.stringify({ folder, items, counts: out, ...(showIds ? { ids } : {}) }, null, 2));
else {
  console.log(`${items} items in ${folder}`);
  print(groups);
}
