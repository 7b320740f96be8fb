#!/usr/bin/env node
// Counts only (may run on blind folders): "of course" by channel, role (expected minimizing / near-miss of
// minimizing / clean item / other) and shape (this script's own buckets). Never prints text.
import { evidenceSpans, itemsOf } from './lib/devset.mjs';
const folder = process.argv[2];
const c = {};
const add = (k) => (c[k] = (c[k] ?? 0) + 1);
for (const { item: it } of itemsOf(folder)) {
  const text = it.text;
  const clean = Array.isArray(it.expect) && it.expect.length === 0;
  const nm = (it.near_miss ?? []).some((n) => n.rule === 'minimizing-language');
  const ev = (it.expect ?? []).filter((e) => e.rule === 'minimizing-language' && e.evidence).flatMap((e) => evidenceSpans(text, String(e.evidence)));
  const ch = it.channel ?? (folder.includes('/care/') ? 'email' : 'article');
  for (const m of text.matchAll(/\bof course\b/gi)) {
    const a = m.index, b = a + m[0].length;
    const role = ev.some(([x, y]) => a < y && x < b) ? 'expected' : nm ? 'near-miss-item' : clean ? 'clean' : 'other-item';
    const start = Math.max(text.lastIndexOf('.', a), text.lastIndexOf('\n', a), text.lastIndexOf('!', a), text.lastIndexOf('?', a), text.lastIndexOf('>', a)) + 1;
    const before = text.slice(start, a).trim().toLowerCase();
    const lead = before === '' ? 'opens' : /(^|\s)(unless|yes|and|but)[,]?$/.test(before) ? 'after-' + before.split(/\s+/).pop().replace(',', '') : /,$/.test(before) ? 'after-comma' : 'mid';
    const rest = text.slice(b, b + 30);
    const punct = /^\s*,/.test(rest) ? ',' : /^\s*[!.?]/.test(rest) ? 'END' : /^\s*</.test(rest) ? 'TAG' : '_';
    const w = (rest.replace(/^[\s,!.?]+/, '').match(/^[\p{L}']+/u)?.[0] ?? '').toLowerCase();
    const nw = /^(we|we'll|we've|we're|i|i'll|i've|i'm|our|us)$/.test(w) ? 'we' : /^(you|you'll|you're|you've|you'd|your)$/.test(w) ? 'you' : /^(there|there's)$/.test(w) ? 'there' : /^(it|it's|this|that|that's|these|those)$/.test(w) ? 'it/this' : /^(the|a|an|any|each|every|all|some)$/.test(w) ? 'det' : /^(if|when|unless|as)$/.test(w) ? 'if' : /^(not|no)$/.test(w) ? 'not' : /^(can|will|should|must|may|need|needs)$/.test(w) ? 'modal' : w ? 'other' : 'none';
    add(`${role} ${ch} lead=${lead} ${punct} next=${nw}`);
  }
}
console.log(folder);
for (const [k, v] of Object.entries(c).sort()) console.log(String(v).padStart(5), k);
