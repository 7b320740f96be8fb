#!/usr/bin/env node
// Joins passive-voice findings from corpus JSON reports with judged verdicts (issue 14).
//   node scripts/audit-passive-verdicts.mjs <verdicts.tsv> <report.json>...
// Each verdict row names a file and a line; a row counts as "still reported" when the
// build has a passive-voice finding on that line. Prints per verdict kept/dropped and
// precision ok/(ok+false) over kept rows.
import { readFileSync } from 'node:fs';

const [tsv, ...reports] = process.argv.slice(2);
const found = new Map();
for (const r of reports) {
  const j = JSON.parse(readFileSync(r, 'utf8'));
  for (const f of j.files) {
    const rel = f.path.replace(/^.*\/corpus\//, '');
    for (const m of f.findings) {
      if (m.ruleId !== 'passive-voice') continue;
      const key = `${rel}:${m.line}`;
      if (!found.has(key)) found.set(key, []);
      found.get(key).push(m.message);
    }
  }
}
// Lines with more than one passive, where the verdict's reason names one: the participle judged.
// A row with an entry counts as kept only when that passive is still reported.
const JUDGED = new Map([
  ['rendered-html/arduino-help-center/content/Hardware Support/Generic/Burn-the-bootloader-on-UNO-Mega-and-classic-Nano-using-another-Arduino.html:10', 'removed'],
  ['arduino-help-center/content/Hardware Support/UNO/Whats-the-difference-between-UNO-R3-and-UNO-R4-boards.md:76', 'developed'],
  ['rendered-html/arduino-help-center/content/Hardware Support/UNO/Whats-the-difference-between-UNO-R3-and-UNO-R4-boards.html:212', 'developed'],
  ['arduino-help-center/content/Hardware Support/Nano Family/Nano-family-overview.md:140', 'bridged'],
  ['github-site-policy/Policies/github-terms/github-sponsors-additional-terms.md:180', 'applied'],
  ['github-site-policy/Policies/other-site-policies/guidelines-for-legal-requests-of-user-data.md:67', 'created'],
]);
const rows = readFileSync(tsv, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
const tally = {};
for (const row of rows) {
  // audit-sample: rule file line verdict reason; history: commit rule file line verdict reason
  const off = row[0] === 'passive-voice' ? 0 : row[1] === 'passive-voice' ? 1 : -1;
  if (off < 0) continue;
  const [file, line, verdict] = [row[off + 1], row[off + 2], row[off + 3]];
  const judged = JUDGED.get(`${file}:${line}`);
  const all = found.get(`${file}:${line}`);
  const hits = judged ? (all?.some((m) => m.includes(` ${judged}'`)) ? all : undefined) : all;
  const t = (tally[verdict] ??= { kept: 0, dropped: 0 });
  hits ? t.kept++ : t.dropped++;
  if (process.env.VERBOSE) console.log(`${hits ? 'KEPT' : 'drop'} ${verdict.padEnd(11)} ${file}:${line} ${hits ? hits.join(' | ') : ''}`);
}
console.log(JSON.stringify(tally));
const ok = tally.ok?.kept ?? 0;
const fa = tally['false-alarm']?.kept ?? 0;
console.log(`kept: ok ${ok}, debatable ${tally.debatable?.kept ?? 0}, false ${fa}; precision ok/(ok+false) = ${(ok / Math.max(1, ok + fa)).toFixed(2)}`);
