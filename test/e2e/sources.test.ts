/**
 * Help-desk exports through the built CLI (issue 16): a big Zendesk macros
 * export (over 512 KB, so it is linted in a worker thread) gives every
 * finding an item and a line and column that point at the offending text in
 * the export file, the same as when its replies are separate Markdown files.
 * Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'plainspoke.js');
const dir = mkdtempSync(join(tmpdir(), 'plainspoke-e2e-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPLIES = [
  'Hi {{ticket.requester.first_name | default: "there"}},\n\nIn order to get a refund, utilize the form on the Billing page.\n\nDoes that fix it for you?',
  'Hello,\n\nYou failed to confirm your order, so it was cancelled. We will look into it.\n\nReply here if anything is unclear.',
  'Hi there,\n\nCaf\u00e9 orders \ud83d\ude00 ship on "Fridays" \\ weekends. Pursuant to our terms, returns take 14 days.\n\nDoes that help?',
];
const COUNT = 1500;

function cli(args: string[]): { code: number | null; out: string; err: string } {
  const p = spawnSync(process.execPath, [bin, '--no-axe', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: p.status, out: p.stdout, err: p.stderr };
}

function at(text: string, line: number, column: number): string {
  return Array.from(text.split(/\r\n|\r|\n/)[line - 1]).slice(column - 1).join('');
}

describe('a big export through the CLI', () => {
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'md'));
  writeFileSync(join(dir, 'md', '.plainspoke.yml'), 'channel: macro\n');
  const macros = Array.from({ length: COUNT }, (_, i) => {
    const text = `${REPLIES[i % REPLIES.length]}\n\nReference ${i + 1}.`;
    writeFileSync(join(dir, 'md', `${i + 1}.md`), `${text}\n`);
    return { id: i + 1, title: `Generated::Reply ${i + 1}`, active: true, actions: [{ field: 'comment_value', value: `${text}\n` }] };
  });
  const exportText = JSON.stringify({ macros, count: COUNT }, null, 2);
  writeFileSync(join(dir, 'macros.json'), exportText);

  it('is big enough to go to a worker thread', () => {
    expect(statSync(join(dir, 'macros.json')).size).toBeGreaterThan(512 * 1024);
  });

  it('gives the same findings as the same replies in Markdown, each pointing into the export', () => {
    const ex = cli(['--format', 'json', 'macros.json']);
    expect(ex.code).toBe(0);
    const report = JSON.parse(ex.out) as Report;
    const findings = report.files[0].findings.filter((f) => f.messageId !== 'repeatedAcrossItems');
    const md = JSON.parse(cli(['--format', 'json', 'md']).out) as Report;
    const count = (list: { ruleId: string }[]) => list.map((f) => f.ruleId).sort().join(',');
    for (const id of [1, 2, 3, 1500]) {
      const mine = findings.filter((f) => f.item?.id === id);
      const theirs = md.files.find((f) => f.path === `md/${id}.md`)!.findings;
      expect(count(mine)).toBe(count(theirs));
    }
    // Each finding's line and column hold the text it quotes.
    const text = readFileSync(join(dir, 'macros.json'), 'utf8');
    const pursuant = findings.find((f) => f.ruleId === 'jargon' && f.item?.id === 3)!;
    expect(at(text, pursuant.line, pursuant.column).startsWith('Pursuant to')).toBe(true);
    const blame = findings.find((f) => f.ruleId === 'blame-language' && f.item?.id === 1499)!;
    expect(at(text, blame.line, blame.column).startsWith('You failed to')).toBe(true);
    // Three stock replies repeated 500 times each: their shared sentences are reported once each.
    const repeats = report.files[0].findings.filter((f) => f.messageId === 'repeatedAcrossItems');
    expect(repeats.length).toBeGreaterThan(0);
    expect(repeats.every((f) => f.message.startsWith('500 macros repeat this sentence'))).toBe(true);
  });

  it('gives the same report linted in item shards on two threads as in one thread', () => {
    const one = JSON.parse(cli(['--format', 'json', '--jobs', '1', 'macros.json']).out) as Report;
    const two = JSON.parse(cli(['--format', 'json', '--jobs', '2', 'macros.json']).out) as Report;
    expect(two.files).toEqual(one.files);
    expect(two.files[0].findings.length).toBeGreaterThan(COUNT);
  });
});
