#!/usr/bin/env node
// Where chosen patterns of rules/blame-language.yml hit, by item kind (session 1.19, engineer bl88).
//
//   npm run build && node scripts/blame-pattern-hits.mjs <folder> ENTRY.PATTERN [ENTRY.PATTERN …]
//
// For each named pattern (entry index . pattern index in rules/blame-language.yml), counts the replies where it hit
// (kept by the entry's own gates) on a spoken line, split by the kind of reply: one that expects blame (and whether the
// hit is on an evidence line), one with a blame near-miss, a clean reply (expect: []), or other. It prints ONLY counts
// and the pattern ids, never an item's words, so it may run on sets nobody reads.
import { evidenceSpans, itemsOf, lintReply } from './lib/devset.mjs';
import { traceBlame } from '../dist/rules/care/blame-language.js';

const folder = process.argv[2];
const wanted = process.argv.slice(3);
let traces = [];
traceBlame((t) => traces.push(t));
const out = {};
const add = (k) => (out[k] = (out[k] ?? 0) + 1);
for (const { item } of itemsOf(folder)) {
  traces = [];
  const result = await lintReply(item, 'blame-pattern-hits');
  if (result.error) continue;
  const exp = (item.expect ?? []).filter((e) => e.rule === 'blame-language');
  const nm = (item.near_miss ?? []).some((n) => n.rule === 'blame-language');
  const clean = Array.isArray(item.expect) && item.expect.length === 0;
  const ev = exp.flatMap((e) => evidenceSpans(item.text, String(e.evidence ?? '')));
  for (const id of wanted) {
    const hitLines = traces.flatMap((t) => t.lines.filter((l) => l.spoken && l.hits.some((h) => `${h.entry}.${h.pattern}` === id && (!h.gate || h.gate.startsWith('namesOnly')))));
    if (!hitLines.length) continue;
    const onEv = hitLines.some((l) => ev.some(([a, b]) => (a < l.span.end && l.span.start < b) || (a < l.sentence.end && l.sentence.start < b)));
    add(`${id} ${exp.length ? (onEv ? 'blame reply, on evidence line' : 'blame reply, other line') : nm ? 'near-miss reply' : clean ? 'clean reply' : 'other reply'}`);
  }
}
for (const k of Object.keys(out).sort()) console.log(String(out[k]).padStart(5), '', k);
