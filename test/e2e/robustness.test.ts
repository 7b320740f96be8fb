/**
 * Issue 20 (items 8–11) through the built CLI: the pathological generators of
 * test/helpers/pathological.ts at full size, each in its own process with a
 * kill timer (a hang fails the test, not the suite). Each must finish with a
 * report (exit 0 or 1), no file error (no crash, no rule crash, no time-out,
 * no out-of-memory) and every finding inside the file. A run with a healthy
 * file next to a pathological one still lints the healthy one.
 * Times and memory are measured by scripts/pathological.mjs, never asserted.
 * Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PATHOLOGICAL, pathologicalDoc, type Pathological } from '../helpers/pathological.js';
import { expectInside } from '../helpers/expect-inside.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/plainspoke.js');
const dir = mkdtempSync(join(tmpdir(), 'plainspoke-robustness-'));
// No time limit is under test here (the machine may be busy): a generous per-file budget, so a slow
// minute cannot turn into a file error. scripts/pathological.mjs measures the times.
mkdirSync(join(dir, '.git'));
writeFileSync(join(dir, '.plainspoke.yml'), 'timeout: 600\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  files: { path: string; error?: string; findings: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
}

/** Runs the CLI; a run still going after `killAfter` ms is killed (code null). */
function cli(args: string[], killAfter = 170_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err });
    });
  });
}

/** The cases of items 8, 9 and 11 and the heaviest of item 10; the fuzz tier runs them all in-process. */
const CASES = [
  'nested-blockquotes',
  'emphasis-mixed',
  'nested-list-markers',
  'nested-lists-indent',
  'repeated-word-line',
  'table-2000-columns',
  'table-2000-columns-html',
  'abbreviations',
  'backtick-runs',
  'brackets-close',
  'brackets-pairs',
  'reference-definitions',
  'identical-links',
  'urls',
  'liquid-if-blocks',
  'liquid-name-brackets',
  'digits-dotted',
  'email-like-at',
  'nested-css',
  'nested-css-braces',
];

function gen(name: string): Pathological {
  const p = PATHOLOGICAL.find((g) => g.name === name);
  if (!p) throw new Error(`no generator ${name}`);
  return p;
}

describe('pathological inputs through the CLI (issue 20)', () => {
  it.each(CASES)('%s: a report, no file error, findings inside the file', async (name) => {
    const p = gen(name);
    const text = pathologicalDoc(p, 'full');
    const file = `${p.name}.${p.ext}`;
    writeFileSync(join(dir, file), text);
    const axe = p.name.startsWith('nested-css') ? [] : ['--no-axe'];
    const r = await cli(['--format', 'json', '--no-progress', ...axe, ...(p.channel ? ['--channel', p.channel] : []), file]);
    expect(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.err.slice(0, 300)}`).toBe(true);
    const report = JSON.parse(r.out) as Report;
    expect(report.files).toHaveLength(1);
    expect(report.files[0].error).toBeUndefined();
    expectInside(text, report.files[0].findings);
  });

  it('a pathological file does not stop the run: the healthy file next to it is linted', async () => {
    const sub = join(dir, 'mixed');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a-table.md'), pathologicalDoc(gen('table-2000-columns'), 'full'));
    writeFileSync(join(sub, 'b-quotes.md'), pathologicalDoc(gen('nested-blockquotes'), 'full'));
    writeFileSync(join(sub, 'c-ok.md'), '# Refunds\n\nYou can utilize the form to ask for a refund.\n');
    const r = await cli(['--format', 'json', '--no-progress', '--no-axe', 'mixed']);
    expect(r.code === 0 || r.code === 1, r.err.slice(0, 300)).toBe(true);
    const report = JSON.parse(r.out) as Report;
    expect(report.files.map((f) => f.path)).toEqual(['mixed/a-table.md', 'mixed/b-quotes.md', 'mixed/c-ok.md']);
    expect(report.files.map((f) => f.error)).toEqual([undefined, undefined, undefined]);
    expect(report.files[2].findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)).toContain('simpler-words@3:9');
  });
});
