#!/usr/bin/env node
// Leave-one-writer-out table for the jargon rule on the plain development set (issue 14).
//
//   npm run build && node scripts/train-jargon-lowo.mjs [--verbose] [--writer wN]
//
// The rule's signals that need no list (grammar, shapes, the Dale–Chall list) carry over to a
// writer nobody read; its word lists may not. So, for each blind writer wN in
// fixtures/devsets/plain/dev/wN-*.yml, the writer's items are scored with the built rule after
// taking out of rules/jargon.yml every list string that (a) was not at the same place in the table
// before the writer's set entered the repository (git history) and (b) occurs in one of that
// writer's expected jargon evidences. What is left is what the rule knew at first sight of that
// writer, plus what later writers taught it. Closed-class words (under four letters, no digit) and
// `notAfter` lists (which only quiet the rule) are kept.
//
// Per writer: jargon findings that overlap the expected evidence, near misses it fired on, clean
// items (`expect: []`) it fired on. Each writer runs in its own process (the table is read once).
//
// --quiet-lists also takes out the strings that only quiet the rule (`exceptions`, `notAfter`,
// `compoundPlain`) when they were added after the writer's set entered and occur in that writer's
// texts: they were most likely written to silence that writer's near misses, so keeping them hides
// the false alarms a new writer would get (issue 14, r10).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEV = join(root, 'fixtures', 'devsets', 'plain', 'dev');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const quietLists = args.includes('--quiet-lists');
const only = args.includes('--writer') ? args[args.indexOf('--writer') + 1] : undefined;
// The history comes from this checkout's git (or the one named by JARGON_LOWO_GIT, for a built copy outside git).
const git = (...a) => execFileSync('git', ['-C', process.env.JARGON_LOWO_GIT ?? root, ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

const writers = [...new Set(readdirSync(DEV).map((n) => /^(w\d+)-.*\.ya?ml$/.exec(n)?.[1]).filter(Boolean))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

if (!only) {
  console.log('writer  found/expected  near-miss fired  clean fired  findings  list strings taken out');
  const tot = { found: 0, exp: 0, nmf: 0, nm: 0, cleanf: 0, clean: 0 };
  for (const w of writers) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--writer', w, ...(verbose ? ['--verbose'] : []), ...(quietLists ? ['--quiet-lists'] : [])], { encoding: 'utf8' });
    const row = JSON.parse(out.trim().split('\n').pop());
    for (const k of Object.keys(tot)) tot[k] += row[k];
    if (verbose) process.stdout.write(out.split('\n').slice(0, -2).join('\n') + '\n');
    console.log(`${w.padEnd(8)}${`${row.found}/${row.exp}`.padEnd(16)}${`${row.nmf}/${row.nm}`.padEnd(17)}${`${row.cleanf}/${row.clean}`.padEnd(13)}${String(row.fired).padEnd(10)}${row.removed}`);
  }
  console.log(`${'total'.padEnd(8)}${`${tot.found}/${tot.exp}`.padEnd(16)}${`${tot.nmf}/${tot.nm}`.padEnd(17)}${tot.cleanf}/${tot.clean}`);
  process.exit(0);
}

// One writer.
const files = readdirSync(DEV).filter((n) => n.startsWith(`${only}-`) && /\.ya?ml$/.test(n)).sort();
const items = files.flatMap((f) => (parse(readFileSync(join(DEV, f), 'utf8'))?.items ?? []).map((item) => ({ f, item })));
const evid = items.flatMap(({ item }) => (item.expect ?? []).filter((e) => e.rule === 'jargon').map((e) => String(e.evidence ?? '').toLowerCase()));
const evWords = evid.flatMap((e) => e.split(/[^a-z0-9+'-]+/).filter(Boolean));
/** All of the writer's item texts, for --quiet-lists. */
const texts = items.map(({ item }) => String(item?.text ?? '').toLowerCase().replace(/’/g, "'"));
const QUIET_KEYS = ['exceptions', 'notAfter', 'compoundPlain'];

// The table as it was before the writer's set entered the repository.
const added = git('log', '--diff-filter=A', '--format=%H', '--', `fixtures/devsets/plain/*/${only}-*`).trim().split('\n').filter(Boolean).pop();
let before = '';
try {
  before = added ? git('show', `${added}^:rules/jargon.yml`) : '';
} catch {
  before = '';
}
const known = new Set();
const collect = (node, path) => {
  if (Array.isArray(node)) for (const v of node) typeof v === 'string' ? known.add(`${path}:${v.toLowerCase()}`) : collect(v, path);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) collect(v, path ? `${path}.${k}` : k);
};
collect(before ? parse(before) : {}, '');
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const inEvidence = (s) => {
  const re = new RegExp(`(^|[^a-z])${esc(s)}([^a-z]|$)`);
  if (evid.some((e) => re.test(e))) return true;
  // A form of the word ("optimise" for "optimising").
  if (!s.includes(' ') && s.length >= 6) {
    const stem = s.slice(0, Math.max(5, s.length - 3));
    return evWords.some((x) => x.startsWith(stem));
  }
  return false;
};

const inText = (s) => {
  const re = new RegExp(`(^|[^a-z])${esc(s)}([^a-z]|$)`);
  return texts.some((t) => re.test(t));
};

const { table } = await import(join(root, 'dist', 'lexicon', 'data.js'));
const t = table('jargon');
const removed = [];
const prune = (node, path) => {
  if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) {
      const v = node[i];
      if (typeof v !== 'string') {
        prune(v, path);
        continue;
      }
      const s = v.toLowerCase();
      if (quietLists && QUIET_KEYS.some((k) => path.endsWith(k))) {
        if (!known.has(`${path}:${s}`) && inText(s)) {
          removed.push(`${path}:${v}`);
          node.splice(i, 1);
        }
        continue;
      }
      if (path.endsWith('notAfter') || (s.length < 4 && !/\d/.test(s))) continue;
      if (!known.has(`${path}:${s}`) && inEvidence(s)) {
        removed.push(`${path}:${v}`);
        node.splice(i, 1);
      }
    }
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (!['note', 'source', 'category', 'replace'].includes(k)) prune(v, path ? `${path}.${k}` : k);
  }
};
prune(t, '');
if (Array.isArray(t.entries)) t.entries = t.entries.filter((e) => !Array.isArray(e.match) || e.match.length > 0);

const { evidenceSpans, lineStarts, lintItem } = await import('./lib/devset.mjs');
const r = { found: 0, exp: 0, nmf: 0, nm: 0, cleanf: 0, clean: 0, fired: 0, removed: removed.length };
for (const { f, item } of items) {
  if (typeof item?.text !== 'string') continue;
  const text = item.text;
  const channel = item.channel ?? 'article';
  const format = item.format ?? (/^\s*</.test(text) ? 'html' : 'md');
  const res = await lintItem(text, `item.${format === 'html' ? 'html' : 'md'}`, channel, 'train-jargon-lowo');
  if (res.error) continue;
  const starts = lineStarts(text);
  const mine = res.findings.filter((x) => x.ruleId === 'jargon');
  r.fired += mine.length;
  const spanOf = (x) => [starts[x.line - 1] + x.column - 1, starts[(x.endLine ?? x.line) - 1] + (x.endColumn ?? x.column) - 1];
  const matched = new Set();
  for (const ex of (item.expect ?? []).filter((e) => e.rule === 'jargon')) {
    r.exp++;
    const ev = evidenceSpans(text, String(ex.evidence ?? ''));
    const hit = mine.filter((x) => {
      const [a, b] = spanOf(x);
      return ev.some(([p, q]) => a < q && p < b);
    });
    for (const h of hit) matched.add(h);
    if (hit.length) r.found++;
    else if (verbose) console.log(`  miss ${f}#${item.id} [${channel}] ${JSON.stringify(ex.evidence)}`);
  }
  for (const nm of (item.near_miss ?? []).filter((e) => e.rule === 'jargon')) {
    r.nm++;
    const fired = mine.filter((x) => !matched.has(x));
    if (fired.length) {
      r.nmf++;
      if (verbose) console.log(`  near miss fired ${f}#${item.id}: ${fired.map((x) => x.message).join(' | ')}`);
    }
  }
  if (Array.isArray(item.expect) && item.expect.length === 0) {
    r.clean++;
    if (mine.length) {
      r.cleanf++;
      if (verbose) console.log(`  clean fired ${f}#${item.id}: ${mine.map((x) => x.message).join(' | ')}`);
    }
  }
}
console.log(JSON.stringify(r));
