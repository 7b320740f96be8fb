#!/usr/bin/env node
// Counts only (may run on blind folders): for "just|simply" + an invitation verb (reply, ask, say, shout,
// comment, tell us, let us know…), the shape around it, bucketed by categories of this script's own:
// what follows the verb (with / to this / and / here / end of sentence / other) and whether the sentence
// opens with a condition (if / when / any questions). Per channel; for plain items that expect
// minimizing-language (evidence touching the phrase) and for clean items (expect: []). Never prints text.
import { evidenceSpans, itemsOf } from './lib/devset.mjs';
const folder = process.argv[2];
const re = /\b(just|simply) (reply|ask|say|shout|comment|hit reply|let us know|let me know|tell us|tell me|get in touch|contact us|send us|send me|give us|email us|call us|message us|drop us|write to us)\b/gi;
const c = {};
const add = (k) => (c[k] = (c[k] ?? 0) + 1);
for (const { item: it } of itemsOf(folder)) {
  const text = it.text;
  const clean = Array.isArray(it.expect) && it.expect.length === 0;
  const ev = (it.expect ?? []).filter((e) => e.rule === 'minimizing-language' && e.evidence).flatMap((e) => evidenceSpans(text, String(e.evidence)));
  const ch = it.channel ?? (folder.includes('/care/') ? 'email' : 'article');
  for (const m of text.matchAll(re)) {
    const a = m.index, b = a + m[0].length;
    const kind = clean ? 'clean' : ev.some(([x, y]) => a < y && x < b) ? 'expected' : null;
    if (!kind) continue;
    const rest = text.slice(b, b + 40).toLowerCase();
    const nxt = /^\s*[.!?\n]|^\s*$/.test(rest) ? 'END' : /^\s*,/.test(rest) ? 'COMMA' : /^\s+with\b/.test(rest) ? 'with' : /^\s+to (this|the|our|that|my)\b/.test(rest) ? 'to-this' : /^\s+and\b/.test(rest) ? 'and' : /^\s+(here|below|above)\b/.test(rest) ? 'here' : /^\s+(if|when)\b/.test(rest) ? 'if' : /^\s+(at|in|on)\b/.test(rest) ? 'at/in/on' : /^\s+(us|me)\b/.test(rest) ? 'us' : 'other';
    const start = Math.max(text.lastIndexOf('.', a), text.lastIndexOf('\n', a), text.lastIndexOf('!', a), text.lastIndexOf('?', a)) + 1;
    const before = text.slice(start, a).toLowerCase();
    const cond = /\b(if|when|whenever|should you|any questions|anything)\b/.test(before) ? 'cond' : before.trim() === '' ? 'opens' : 'other-lead';
    add(`${kind} ${ch} ${m[1].toLowerCase()} ${m[2].toLowerCase().split(' ')[0]} next=${nxt} lead=${cond}`);
  }
}
console.log(folder);
for (const [k, v] of Object.entries(c).sort()) console.log(String(v).padStart(5), k);
