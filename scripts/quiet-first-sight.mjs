#!/usr/bin/env node
// First-sight quiet table for jargon, undefined-acronym and sensory-language, writer by writer (issue 14).
//
//   npm run build && node scripts/quiet-first-sight.mjs <folder> [--verbose] [--rule <id>]
//
// For each writer (the `wNN-` of a set file's name; files with none are w0) and each rule:
//   found/expected   expected findings of the rule that a finding overlaps
//   near-miss fired  near misses listed for the rule on which it fired anyway
//   clean fired      items with `expect: []` on which the rule fired
//   findings         all findings of the rule
//   stray            findings that overlap no expected evidence of the rule (the false alarms,
//                    on any item: clean, near miss or one that expects another rule)
// --verbose prints each stray finding with its item, so the shapes that fire wrongly can be read.
// Score a new writer's set with this BEFORE tuning on it: that is the rule's first sight.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
// Only these four helpers, so the script also runs from an older checkout (first sight of past code).
import { evidenceSpans, filesOf, lineStarts, lintItem, plainFile } from './lib/devset.mjs';

const writerOf = (file) => /^(w\d+)-/.exec(basename(file))?.[1] ?? 'w0';
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};

const args = process.argv.slice(2);
const folder = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--rule');
if (!folder) {
  console.error('usage: node scripts/quiet-first-sight.mjs <folder> [--verbose] [--rule <id>]');
  process.exit(2);
}
const verbose = args.includes('--verbose');
const RULES = option('--rule') ? [option('--rule')] : ['jargon', 'undefined-acronym', 'sensory-language'];

const rows = new Map();
const rowOf = (w, rule) => {
  const k = `${w}\0${rule}`;
  if (!rows.has(k)) rows.set(k, { w, rule, found: 0, exp: 0, nmf: 0, nm: 0, cleanf: 0, clean: 0, fired: 0, stray: 0 });
  return rows.get(k);
};
const strays = [];

for (const file of filesOf(folder)) {
  const w = writerOf(file);
  const data = parse(readFileSync(file, 'utf8'));
  for (const item of data?.items ?? []) {
    if (typeof item?.text !== 'string') continue;
    const text = item.text;
    const { name, channel } = plainFile(item);
    const res = await lintItem(text, name, channel, 'quiet-first-sight');
    if (res.error) continue;
    const starts = lineStarts(text);
    const spanOf = (x) => [starts[x.line - 1] + x.column - 1, starts[(x.endLine ?? x.line) - 1] + (x.endColumn ?? x.column) - 1];
    for (const rule of RULES) {
      const r = rowOf(w, rule);
      const mine = res.findings.filter((x) => x.ruleId === rule);
      r.fired += mine.length;
      const matched = new Set();
      for (const ex of (item.expect ?? []).filter((e) => e.rule === rule)) {
        r.exp++;
        const ev = evidenceSpans(text, String(ex.evidence ?? ''));
        const hit = ex.evidence
          ? mine.filter((x) => {
              const [a, b] = spanOf(x);
              return ev.some(([p, q]) => a < q && p < b);
            })
          : mine;
        for (const h of hit) matched.add(h);
        if (hit.length) r.found++;
      }
      const stray = mine.filter((x) => !matched.has(x));
      r.stray += stray.length;
      for (const nm of (item.near_miss ?? []).filter((e) => e.rule === rule)) {
        r.nm++;
        if (stray.length) r.nmf++;
      }
      if (Array.isArray(item.expect) && item.expect.length === 0) {
        r.clean++;
        if (mine.length) r.cleanf++;
      }
      for (const x of stray) {
        const [a, b] = spanOf(x);
        const kind = Array.isArray(item.expect) && item.expect.length === 0 ? 'clean' : (item.near_miss ?? []).some((e) => e.rule === rule) ? 'near-miss' : 'other';
        strays.push(`${rule} ${kind} ${file.split('/').pop()}#${item.id} [${channel}] '${text.slice(a, b)}': ${x.message}`);
      }
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
const num = (w) => Number(w.slice(1));
for (const rule of RULES) {
  console.log(`\n${rule}\n${pad('writer', 8)}${pad('found/exp', 12)}${pad('near-miss', 11)}${pad('clean', 9)}${pad('findings', 10)}stray`);
  const t = { found: 0, exp: 0, nmf: 0, nm: 0, cleanf: 0, clean: 0, fired: 0, stray: 0 };
  for (const r of [...rows.values()].filter((x) => x.rule === rule).sort((a, b) => num(a.w) - num(b.w))) {
    for (const k of Object.keys(t)) t[k] += r[k];
    console.log(`${pad(r.w, 8)}${pad(`${r.found}/${r.exp}`, 12)}${pad(`${r.nmf}/${r.nm}`, 11)}${pad(`${r.cleanf}/${r.clean}`, 9)}${pad(r.fired, 10)}${r.stray}`);
  }
  console.log(`${pad('total', 8)}${pad(`${t.found}/${t.exp}`, 12)}${pad(`${t.nmf}/${t.nm}`, 11)}${pad(`${t.cleanf}/${t.clean}`, 9)}${pad(t.fired, 10)}${t.stray}`);
}
if (verbose) for (const s of strays) console.log(s);
