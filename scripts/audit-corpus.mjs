#!/usr/bin/env node
// A precision audit anyone can rerun (issue 14).
//
//   npm run build && npm run audit:corpus [-- options]
//
// Lints ../shared/corpus (the Markdown sets arduino-help-center, login-gov-help and
// github-site-policy, plus rendered-html) with the built CLI, then draws a sample of
// findings with a fixed seed, stratified by rule (up to --per-rule findings of each
// rule, 15 by default), and prints each with the sentence or line around it, to be
// judged by a help-centre editor: ok, false-alarm or debatable.
//
//   --json            print the sample as JSON
//   --tsv             print the sample as rows for test/corpus/audit-sample.tsv (verdicts kept from --judged)
//   --table           print the precision table per rule from the judged verdicts
//   --seed <n>        another sample (default 14)
//   --per-rule <n>    findings per rule (default 15)
//   --axe             also run axe-core (slow); off by default
//   --corpus <dir>    the corpus folder (default ../shared/corpus)
//   --judged <tsv>    read verdicts from a judged sample (default test/corpus/audit-sample.tsv when
//                     it exists) and print the precision table per rule; findings of the new
//                     sample with no verdict yet are listed as "to judge"
//   --snapshot        instead of sampling, write test/corpus/snapshot.json: finding
//                     counts per rule per file, --no-axe, the three Markdown sets
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, dflt) => {
  const i = args.indexOf(name);
  return i !== -1 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const corpus = resolve(root, value('--corpus', '../shared/corpus'));
export const MARKDOWN_SETS = ['arduino-help-center', 'login-gov-help', 'github-site-policy'];

if (!existsSync(corpus)) {
  console.error(`audit-corpus: no corpus at ${corpus}`);
  process.exit(2);
}

/** Runs the built CLI over some folders of the corpus and returns the JSON report. */
function lint(sets, axe) {
  // Relative to the corpus (the child's working folder): a symlinked corpus folder keeps its paths.
  const paths = sets.filter((s) => existsSync(join(corpus, s)));
  const cli = join(root, 'bin/plainspoke.js');
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '--jobs', '2', ...(axe ? [] : ['--no-axe']), ...paths], { cwd: corpus, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status === 2 || !r.stdout) {
    console.error(r.stderr);
    process.exit(2);
  }
  return JSON.parse(r.stdout);
}

/** Finding counts per file and rule, keys sorted, paths relative to the corpus. */
export function countsOf(report) {
  const out = {};
  for (const f of [...report.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const counts = {};
    for (const x of f.findings) counts[x.ruleId] = (counts[x.ruleId] ?? 0) + 1;
    if (!Object.keys(counts).length) continue;
    out[f.path] = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  }
  return out;
}

if (flag('--snapshot')) {
  const report = lint(MARKDOWN_SETS, false);
  const files = countsOf(report);
  const totals = {};
  for (const c of Object.values(files)) for (const [k, v] of Object.entries(c)) totals[k] = (totals[k] ?? 0) + v;
  const out = { note: 'Finding counts per rule per file on ../shared/corpus (Markdown sets, --no-axe). Rewrite with: npm run audit:corpus -- --snapshot', sets: MARKDOWN_SETS, totals: Object.fromEntries(Object.entries(totals).sort(([a], [b]) => a.localeCompare(b))), files };
  writeFileSync(join(root, 'test/corpus/snapshot.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`test/corpus/snapshot.json: ${Object.keys(files).length} files, ${Object.values(totals).reduce((a, b) => a + b, 0)} findings`);
  for (const [k, v] of Object.entries(out.totals)) console.log(`  ${k.padEnd(24)} ${v}`);
  process.exit(0);
}

// mulberry32: a small seeded generator, the same sample on every machine.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sentence (or the line, cut to 240 characters) around a finding. */
function contextOf(text, line, column) {
  const lines = text.split('\n');
  const l = lines[line - 1] ?? '';
  const at = Math.max(0, column - 1);
  // "U.S. " and "e.g. " end no sentence: a full stop after one letter is not an end.
  const endsAt = (i) => /[.!?]/.test(l[i] ?? '') && !(l[i] === '.' && /(^|[^A-Za-z])[A-Za-z]$/.test(l.slice(Math.max(0, i - 2), i)));
  let a = at;
  while (a > 0 && !(endsAt(a - 2) && /\s/.test(l[a - 1]))) a--;
  let b = at;
  while (b < l.length && !(endsAt(b) && (b + 1 >= l.length || /\s/.test(l[b + 1])))) b++;
  let s = l.slice(a, Math.min(l.length, b + 1)).trim();
  if (s.length > 240) s = `${l.slice(Math.max(0, at - 120), at + 120).trim()}`;
  return s.replace(/\s+/g, ' ');
}

const report = lint([...MARKDOWN_SETS, 'rendered-html'], flag('--axe'));
const seed = Number(value('--seed', '14'));
const perRule = Number(value('--per-rule', '15'));
const byRule = new Map();
for (const f of [...report.files].sort((a, b) => a.path.localeCompare(b.path))) {
  for (const x of f.findings) {
    if (!byRule.has(x.ruleId)) byRule.set(x.ruleId, []);
    byRule.get(x.ruleId).push({ file: f.path, channel: f.channel, ...x });
  }
}
const rnd = random(seed);
const sample = [];
for (const rule of [...byRule.keys()].sort()) {
  const all = byRule.get(rule);
  const pool = all.slice();
  // A Markdown article and its rendered HTML twin say the same thing: a finding drawn from one
  // stands for both, so the sample holds independent findings.
  const drawn = new Set();
  for (let i = 0; i < perRule && pool.length; i++) {
    const x = pool.splice(Math.floor(rnd() * pool.length), 1)[0];
    const twin = `${x.file.replace(/^rendered-html\//, '').replace(/\.(md|html)$/, '')}\u0000${x.message}`;
    if (drawn.has(twin)) {
      i--;
      continue;
    }
    drawn.add(twin);
    let text = '';
    try {
      text = readFileSync(resolve(corpus, x.file), 'utf8');
    } catch {
      // listed but unreadable: no context
    }
    sample.push({ rule, total: all.length, file: relative(corpus, resolve(corpus, x.file)), channel: x.channel, line: x.line, column: x.column, severity: x.severity, message: x.message, context: contextOf(text, x.line, x.column) });
  }
}
sample.sort((a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);

/**
 * Key of the nth row with the same rule, file and line: two findings of one rule on one line (two
 * sensory words in a sentence) keep their own verdicts, matched in row order (rows are sorted by column).
 */
function keyer() {
  const seen = new Map();
  return (rule, file, line) => {
    const base = `${rule}\t${file}\t${line}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\t${n}`;
  };
}

/** Verdicts keyed by rule, file, line and the row's place among rows with those three. */
function readJudged(file) {
  const out = new Map();
  if (!existsSync(file)) return out;
  const key = keyer();
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [rule, f, l, verdict, reason] = line.split('\t');
    if (rule && verdict) out.set(key(rule, f, l), { verdict, reason });
  }
  return out;
}

const judgedFile = resolve(root, value('--judged', 'test/corpus/audit-sample.tsv'));
const judged = readJudged(judgedFile);
const sampleKey = keyer();
for (const s of sample) {
  const j = judged.get(sampleKey(s.rule, s.file, s.line));
  if (j) Object.assign(s, j);
}

if (flag('--table')) {
  const rows = new Map();
  for (const s of sample) {
    const r = rows.get(s.rule) ?? { ok: 0, 'false-alarm': 0, debatable: 0, unjudged: 0 };
    r[s.verdict ?? 'unjudged'] = (r[s.verdict ?? 'unjudged'] ?? 0) + 1;
    rows.set(s.rule, r);
  }
  const all = { ok: 0, 'false-alarm': 0, debatable: 0, unjudged: 0 };
  console.log(`rule                      n   ok  debatable  false-alarm  precision (ok / ok+false-alarm)  unjudged`);
  for (const [rule, r] of [...rows].sort()) {
    for (const k of Object.keys(all)) all[k] += r[k] ?? 0;
    const n = r.ok + r.debatable + r['false-alarm'];
    const p = r.ok + r['false-alarm'] ? (r.ok / (r.ok + r['false-alarm'])).toFixed(2) : '-';
    console.log(`${rule.padEnd(24)}${String(n).padStart(3)}${String(r.ok).padStart(5)}${String(r.debatable).padStart(11)}${String(r['false-alarm']).padStart(13)}  ${p.padStart(9)}${String(r.unjudged).padStart(30)}`);
  }
  const n = all.ok + all.debatable + all['false-alarm'];
  console.log(`${'all'.padEnd(24)}${String(n).padStart(3)}${String(all.ok).padStart(5)}${String(all.debatable).padStart(11)}${String(all['false-alarm']).padStart(13)}  ${(all.ok / Math.max(1, all.ok + all['false-alarm'])).toFixed(2).padStart(9)}${String(all.unjudged).padStart(30)}`);
  console.log(`false alarms: ${((100 * all['false-alarm']) / Math.max(1, n)).toFixed(1)}% of ${n} judged`);
  process.exit(0);
}

if (flag('--json')) console.log(JSON.stringify({ seed, perRule, totals: Object.fromEntries([...byRule].map(([k, v]) => [k, v.length]).sort()), sample }, null, 2));
else if (flag('--tsv')) {
  console.log('rule\tfile\tline\tverdict\treason');
  for (const s of sample) console.log(`${s.rule}\t${s.file}\t${s.line}\t${s.verdict ?? ''}\t${s.reason ?? ''}`);
} else {
  console.log(`seed ${seed}, up to ${perRule} per rule, from ${report.files.length} files\n`);
  for (const s of sample) console.log(`${s.rule} [${s.severity}] ${s.file}:${s.line}:${s.column} (${s.channel})${s.verdict ? ` — judged ${s.verdict}` : ' — to judge'}\n  ${s.message}\n  > ${s.context}\n`);
}
