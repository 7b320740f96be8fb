/**
 * --fix and --fix-dry-run: only safe fixes, atomic writes that keep line
 * endings, BOM and mode, only changed files, nothing through links out of
 * the tree or read-only files, and a second run that changes nothing.
 *
 * The tests add a tiny fixable rule to the registry ("in order to" → "to",
 * as simpler-words marks it safe), so they do not depend on any word list.
 */
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { project, runCli } from './helpers/cli.js';

/** `real: true` switches the registry back to the real rules (for the word-list test). */
const registry = vi.hoisted(() => ({ real: false }));

vi.mock('../src/rules/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/rules/registry.js')>();
  const { defineRule } = await import('../src/rules/define-rule.js');
  const testRule = defineRule({
    id: 'test-in-order-to',
    family: 'plain',
    description: 'Test rule: "in order to" is "to"',
    defaultSeverity: 'warning',
    channels: 'all',
    fixable: true,
    status: 'experimental',
    options: { type: 'object', additionalProperties: false },
    defaults: {},
    messages: { wordy: "Use 'to' instead of '{{actual}}'" },
    check(doc, ctx) {
      for (const block of doc.prose) {
        const lower = block.text.toLowerCase();
        for (let i = lower.indexOf('in order to'); i !== -1; i = lower.indexOf('in order to', i + 1)) {
          const before = i === 0 ? ' ' : lower[i - 1];
          const after = lower[i + 11] ?? ' ';
          if (/[a-z]/.test(before) || /[a-z]/.test(after)) continue;
          const span = block.spanOf(i, i + 11);
          const actual = block.text.slice(i, i + 11);
          ctx.report({ messageId: 'wordy', span, data: { actual }, suggestions: ['to'], fix: { span, text: actual[0] === 'I' ? 'To' : 'to' } });
        }
      }
    },
  });
  // Only the test rule and unused-disable: other rules' findings and fixes stay out of these tests.
  const mine = [testRule, real.getRule('unused-disable')!];
  const rules = () => (registry.real ? real.allRules() : mine);
  return { ...real, allRules: rules, getRule: (id: string) => rules().find((r) => r.id === id), ruleIds: () => rules().map((r) => r.id) };
});

const FLAGS = ['--no-axe'];
const DOC = '# Refunds\n\nIn order to get a refund, open the form.\nWe need it in order to pay you back.\n';
const FIXED = '# Refunds\n\nTo get a refund, open the form.\nWe need it to pay you back.\n';

function read(dir: string, name: string): Buffer {
  return readFileSync(join(dir, name));
}

describe('--fix', () => {
  it('applies safe fixes, reports what is left, and a second run changes nothing', async () => {
    const dir = project({ 'a.md': DOC, 'clean.md': '# Hi\n\nWe reply in a day.\n' });
    const cleanBefore = statSync(join(dir, 'clean.md'));
    const first = await runCli([...FLAGS, '--fix', '--format', 'json', '.'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    expect(read(dir, 'a.md').toString()).toBe(FIXED);
    expect(JSON.parse(first.out).summary).toMatchObject({ warnings: 0, fixable: 0 });
    // Untouched files keep their inode and time.
    const cleanAfter = statSync(join(dir, 'clean.md'));
    expect([cleanAfter.ino, cleanAfter.mtimeMs]).toEqual([cleanBefore.ino, cleanBefore.mtimeMs]);

    const a = statSync(join(dir, 'a.md'));
    const second = await runCli([...FLAGS, '--fix', '.'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(read(dir, 'a.md').toString()).toBe(FIXED);
    const b = statSync(join(dir, 'a.md'));
    expect([b.ino, b.mtimeMs]).toEqual([a.ino, a.mtimeMs]);
  });

  it('fixes until the text is stable, in one run', async () => {
    // The first fix makes a new "in order to" out of the words around it; the second pass fixes that too.
    const dir = project({ 'a.md': '# Hi\n\nWe do this in order in order to to help.\n' });
    await runCli([...FLAGS, '--fix', '.'], { cwd: dir });
    expect(read(dir, 'a.md').toString()).toBe('# Hi\n\nWe do this to to help.\n');
    const again = await runCli([...FLAGS, '--fix-dry-run', '.'], { cwd: dir });
    // No diff: --fix-dry-run then prints only the report (issue 17).
    expect(again.out).toBe('✔ 1 file checked, no problems\n');
  });

  it('keeps CRLF line endings and the BOM: bytes identical except for the fix', async () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]);
    const html = '<!doctype html>\r\n<html lang="en"><head><title>Refunds</title></head>\r\n<body><h1>Refunds</h1>\r\n<p>In order to get a refund, open the form.</p>\r\n</body></html>\r\n';
    const dir = project({ 'crlf.md': crlf, 'bom.md': bom, 'page.html': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)]) });
    const r = await runCli([...FLAGS, '--fix', '.'], { cwd: dir });
    expect(r.err).toBe('');
    expect(read(dir, 'crlf.md')).toEqual(Buffer.from(FIXED.replace(/\n/g, '\r\n')));
    expect(read(dir, 'bom.md')).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXED.replace(/\n/g, '\r\n'))]));
    expect(read(dir, 'page.html')).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html.replace('In order to get', 'To get'))]));
  });

  it('writes atomically (a new file renamed over the old one), keeps the mode, leaves no temp files', async () => {
    const dir = project({ 'docs/a.md': DOC });
    chmodSync(join(dir, 'docs/a.md'), 0o640);
    const before = statSync(join(dir, 'docs/a.md'));
    await runCli([...FLAGS, '--fix', '.'], { cwd: dir });
    const after = statSync(join(dir, 'docs/a.md'));
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o7777).toBe(0o640);
    expect(readdirSync(join(dir, 'docs'))).toEqual(['a.md']);
  });

  it('leaves alone what a disable comment covers', async () => {
    const dir = project({ 'a.md': '# Hi\n\n<!-- plainspoke-disable-next-line test-in-order-to -->\nIn order to win, we try.\n\nIn order to help, we write.\n' });
    await runCli([...FLAGS, '--fix', '.'], { cwd: dir });
    expect(read(dir, 'a.md').toString()).toBe('# Hi\n\n<!-- plainspoke-disable-next-line test-in-order-to -->\nIn order to win, we try.\n\nTo help, we write.\n');
  });

  it('never writes a file that failed, a read-only file, or through a link out of the tree', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'plainspoke-outside-'));
    writeFileSync(join(outside, 'target.md'), DOC);
    const bad = Buffer.concat([Buffer.from(DOC), Buffer.from([0xff, 0xfe])]);
    const dir = project({ 'bad.md': bad, 'ro.md': DOC, 'inside.md': DOC, 'ok.md': DOC });
    chmodSync(join(dir, 'ro.md'), 0o444);
    symlinkSync(join(outside, 'target.md'), join(dir, 'link-out.md'));
    symlinkSync(join(dir, 'inside.md'), join(dir, 'link-in.md'));
    const r = await runCli([...FLAGS, '--fix', 'bad.md', 'ro.md', 'link-out.md', 'link-in.md', 'ok.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.md: is not valid UTF-8');
    expect(r.err).toContain('ro.md: cannot be fixed: it is read-only');
    expect(r.err).toContain('link-out.md: cannot be fixed: it is a symbolic link to a file outside the working folder');
    expect(read(dir, 'bad.md')).toEqual(bad);
    expect(read(dir, 'ro.md').toString()).toBe(DOC);
    expect(readFileSync(join(outside, 'target.md'), 'utf8')).toBe(DOC);
    // A link inside the tree is written through: the link stays a link, its target is fixed.
    expect(lstatSync(join(dir, 'link-in.md')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'inside.md').toString()).toBe(FIXED);
    expect(read(dir, 'ok.md').toString()).toBe(FIXED);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff and changes nothing', async () => {
    const dir = project({ 'a.md': DOC, 'b.md': '# Hi\n\nNothing to fix.\n' });
    const before = statSync(join(dir, 'a.md'));
    const r = await runCli([...FLAGS, '--fix-dry-run', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toContain('--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,4 @@\n # Refunds\n \n-In order to get a refund, open the form.\n-We need it in order to pay you back.\n+To get a refund, open the form.\n+We need it to pay you back.\n');
    expect(r.out).not.toContain('b.md');
    expect(read(dir, 'a.md').toString()).toBe(DOC);
    expect(statSync(join(dir, 'a.md')).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'a.md', 'b.md']);
  });

  it('keeps stdout for the report with a machine format (the diff goes to stderr)', async () => {
    const dir = project({ 'a.md': DOC });
    const r = await runCli([...FLAGS, '--fix-dry-run', '--format', 'json', '.'], { cwd: dir });
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toContain('+To get a refund');
    expect(existsSync(join(dir, 'a.md'))).toBe(true);
    expect(read(dir, 'a.md').toString()).toBe(DOC);
  });
});

describe('with the real word lists', () => {
  it('fixes a safe simpler-words entry when one exists ("in order to" → "to")', async () => {
    registry.real = true;
    try {
      const { getRule } = await import('../src/rules/registry.js');
      if (!getRule('simpler-words')) return; // added by another change; nothing to check yet
      const dir = project({ 'a.md': '# Hi\n\nWe ask for it in order to pay you.\n' });
      await runCli(['--no-axe', '--fix', '.'], { cwd: dir });
      expect(read(dir, 'a.md').toString()).toBe('# Hi\n\nWe ask for it to pay you.\n');
    } finally {
      registry.real = false;
    }
  });
});
