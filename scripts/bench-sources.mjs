#!/usr/bin/env node
/**
 * Bench for help-desk exports (issue 16): the same N replies (default 5,000)
 * as one Zendesk macros export and as N Markdown files with a config that
 * gives them the macro channel, linted by the built CLI (`npm run build`
 * first), with --no-axe and in full. Checks that both give the same findings
 * (rule ids and counts per reply; the export's cross-macro repeat findings
 * are counted apart) and prints the times. Target: export ≤ 1.5 × Markdown.
 *
 *   node scripts/bench-sources.mjs [--count 5000] [--full-count 5000] [--runs 2] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'plainspoke.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const COUNT = arg('count', 5000);
const FULL_COUNT = arg('full-count', COUNT);
const RUNS = arg('runs', 2);
const KEEP = process.argv.includes('--keep');

// A small seeded generator, so every run lints the same replies.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];

const GREETINGS = ['Hi {{ticket.requester.first_name | default: "there"}},', 'Hello {{ticket.requester.first_name}},', 'Hi there,', 'Good morning,'];
const OPENERS = [
  'Thanks for writing in about your {thing}.',
  'Sorry to hear that your {thing} is not working.',
  'Your call is important to us.',
  'I can see what happened with your {thing}.',
  'We got your message about the {thing} from {day}.',
];
const MIDDLES = [
  'In order to fix this, utilize the settings page and pick a new {thing}.',
  'You failed to confirm the {thing}, so it was cancelled by the system.',
  'We will look into it.',
  'I have refunded the {thing} and you should see it within {n} working days.',
  'Just open the app and tap Restart.',
  'The {thing} was shipped on {day} and should arrive by {day2}.',
  'Pursuant to our terms, the {thing} can be returned within {n} days.',
  'As I already said, the {thing} cannot be changed after {n} days.',
  'I moved your {thing} to the new plan, which costs the same.',
  'Your {thing} will be ready on {day}, and I will email you when it is.',
];
const CLOSERS = ['Does that fix it for you?', 'Reply here if anything is unclear.', 'Let me know if you have any other questions.', 'Have a great day!'];
const SIGNOFFS = ['Best,\nSam', 'Thanks,\nAlex from Support', 'Kind regards,\nThe Acme team'];
const THINGS = ['order', 'invoice', 'parcel', 'card', 'account', 'booking', 'subscription', 'refund', 'password', 'delivery'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

function fill(s) {
  return s.replaceAll('{thing}', pick(THINGS)).replaceAll('{day2}', pick(DAYS)).replaceAll('{day}', pick(DAYS)).replaceAll('{n}', String(2 + Math.floor(rand() * 12)));
}

function reply() {
  const parts = [pick(GREETINGS), fill(pick(OPENERS))];
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) parts.push(fill(pick(MIDDLES)));
  parts.push(pick(CLOSERS), pick(SIGNOFFS));
  return parts.join('\n\n');
}

function setup(count) {
  const dir = mkdtempSync(join(tmpdir(), 'plainspoke-bench-sources-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'md'));
  mkdirSync(join(dir, 'exports'));
  writeFileSync(join(dir, 'md', '.plainspoke.yml'), 'channel: macro\n');
  const macros = [];
  for (let i = 1; i <= count; i++) {
    const text = reply();
    const id = 1000000 + i;
    writeFileSync(join(dir, 'md', `${id}.md`), `${text}\n`);
    macros.push({ url: `https://example.zendesk.com/api/v2/macros/${id}.json`, id, title: `Generated::Reply ${i}`, active: true, actions: [{ field: 'status', value: 'solved' }, { field: 'comment_value', value: `${text}\n` }] });
  }
  writeFileSync(join(dir, 'exports', 'macros.json'), JSON.stringify({ macros, next_page: null, count }, null, 2));
  return dir;
}

// CPU seconds (user + system, worker threads included) from GNU time when there is one: on a
// shared machine the wall time says more about the other users than about plainspoke.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function run(dir, args) {
  let best = Infinity;
  let cpu = Infinity;
  let out = '';
  for (let r = 0; r < RUNS; r++) {
    const t = process.hrtime.bigint();
    const cmd = [bin, '--format', 'json', ...args];
    const timeFile = join(dir, '.time');
    const p = TIME
      ? spawnSync(TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...cmd], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 })
      : spawnSync(process.execPath, cmd, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (p.status === 2) throw new Error(`plainspoke ${args.join(' ')} failed: ${p.stderr}`);
    best = Math.min(best, ms);
    if (TIME) {
      const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      cpu = Math.min(cpu, (user + sys) * 1000);
    }
    out = p.stdout;
  }
  return { ms: best, cpu, report: JSON.parse(out) };
}

function compare(mdReport, exportReport) {
  const perReply = new Map();
  const key = (id, rule) => `${id}\0${rule}`;
  for (const f of mdReport.files) {
    const id = Number(f.path.replace(/^md\//, '').replace(/\.md$/, ''));
    for (const x of f.findings) perReply.set(key(id, x.ruleId), (perReply.get(key(id, x.ruleId)) ?? 0) + 1);
  }
  const fromExport = new Map();
  let repeats = 0;
  let mdCount = 0;
  let exportCount = 0;
  for (const x of exportReport.files[0].findings) {
    if (x.messageId === 'repeatedAcrossItems') {
      repeats++;
      continue;
    }
    fromExport.set(key(x.item.id, x.ruleId), (fromExport.get(key(x.item.id, x.ruleId)) ?? 0) + 1);
  }
  const diffs = [];
  for (const k of new Set([...perReply.keys(), ...fromExport.keys()])) {
    const a = perReply.get(k) ?? 0;
    const b = fromExport.get(k) ?? 0;
    mdCount += a;
    exportCount += b;
    if (a !== b) diffs.push(`${k.replace('\0', ' ')}: markdown ${a}, export ${b}`);
  }
  return { diffs, repeats, mdCount, exportCount };
}

function bench(count, mode, extra) {
  const dir = setup(count);
  try {
    const md = run(dir, [...extra, 'md']);
    const ex = run(dir, [...extra, 'exports/macros.json']);
    const { diffs, repeats, mdCount, exportCount } = compare(md.report, ex.report);
    const ratio = ex.ms / md.ms;
    console.log(`${mode} (${count} replies): markdown ${(md.ms / 1000).toFixed(1)} s, export ${(ex.ms / 1000).toFixed(1)} s, ratio ${ratio.toFixed(2)} (target ≤ 1.5); load average ${loadavg()[0].toFixed(1)}`);
    if (TIME) console.log(`  CPU time: markdown ${(md.cpu / 1000).toFixed(1)} s, export ${(ex.cpu / 1000).toFixed(1)} s, ratio ${(ex.cpu / md.cpu).toFixed(2)}`);
    console.log(`  findings: markdown ${mdCount}, export ${exportCount} (+${repeats} cross-macro repeats), ${diffs.length ? `${diffs.length} differ:\n    ${diffs.slice(0, 10).join('\n    ')}` : 'same rule ids and counts per reply'}`);
    return { ratio, same: diffs.length === 0 };
  } finally {
    if (KEEP) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
if (COUNT > 0) results.push(bench(COUNT, '--no-axe', ['--no-axe']));
if (FULL_COUNT > 0) results.push(bench(FULL_COUNT, 'full', []));
process.exitCode = results.every((r) => r.same) ? 0 : 1;
