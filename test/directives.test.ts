/** Inline comments (CONTRACT "Inline comments"), in Markdown and HTML. */
import { describe, expect, it } from 'vitest';
import { project, runCli } from './helpers/cli.js';

async function lint(name: string, text: string) {
  const dir = project({ [name]: text });
  const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', name], { cwd: dir });
  const file = (JSON.parse(r.out) as { files: { findings: { ruleId: string; line: number; column: number; message: string }[]; suppressed?: { ruleId: string; line: number; reason?: string }[] }[] }).files[0];
  return { found: file.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`), suppressed: file.suppressed ?? [], messages: file.findings.map((f) => f.message) };
}

const P = 'Your card was charged twice.';

describe('inline directives', () => {
  it('disable-next-line hides only the next line, and keeps the reason', async () => {
    const r = await lint('a.md', `# Billing\n\n<!-- plainspoke-disable-next-line passive-voice -- quoting the bank -->\n${P}\n\n${P}\n`);
    expect(r.found).toEqual(['6:11 passive-voice']);
    expect(r.suppressed).toEqual([{ ruleId: 'passive-voice', line: 4, column: 11, reason: 'quoting the bank' }]);
  });
  it('disable … enable covers a region; other rules stay on', async () => {
    const r = await lint('a.md', `${P}\n\n<!-- plainspoke-disable passive-voice, jargon -->\n\n${P}\n\n${P}\n\n<!-- plainspoke-enable -->\n\n${P}\n`);
    expect(r.found).toEqual(['1:11 passive-voice', '11:11 passive-voice']);
  });
  it('a disable for an English-only rule in a file of another language is not unused', async () => {
    const fr = `---\nlang: fr\n---\n# Mot de passe\n\n<!-- plainspoke-disable-next-line passive-voice -- phrase citée -->\nVotre mot de passe a été changé par notre équipe hier soir.\n`;
    const r = await lint('a.md', fr);
    expect(r.found).toEqual([]);
    const en = await lint('b.md', `# Password\n\n<!-- plainspoke-disable-next-line passive-voice -->\nWe changed your password last night.\n`);
    expect(en.found).toEqual(['3:1 unused-disable']);
  });
  it('disable without ids covers every rule', async () => {
    const r = await lint('a.md', `<!-- plainspoke-disable -->\n\n${P}\n`);
    expect(r.found).toEqual([]);
  });
  it('disable-file anywhere in the file', async () => {
    const r = await lint('a.md', `${P}\n\n${P}\n\n<!-- plainspoke-disable-file passive-voice -->\n`);
    expect(r.found).toEqual([]);
  });
  it('works in HTML', async () => {
    const r = await lint('a.html', `<p>${P}</p>\n<!-- plainspoke-disable-next-line passive-voice -->\n<p>${P}</p>\n`);
    expect(r.found).toEqual(['1:14 passive-voice']);
  });
  it('a disable that hides nothing is unused-disable (info)', async () => {
    const r = await lint('a.md', `# Fine\n\n<!-- plainspoke-disable-next-line passive-voice -->\nWe charged your card.\n`);
    expect(r.found).toEqual(['3:1 unused-disable']);
    expect(r.messages).toEqual(['This disable comment hides no passive-voice finding: remove it']);
  });
  it('a comment inside a code block is not a directive', async () => {
    const r = await lint('a.md', `\`\`\`html\n<!-- plainspoke-disable -->\n\`\`\`\n\n${P}\n`);
    expect(r.found).toEqual(['5:11 passive-voice']);
  });
});

describe('misspelt rule ids in disable comments (issue 17, defect 3)', () => {
  it('are reported with a suggestion, and hide nothing', async () => {
    const r = await lint('a.md', `# Billing\n\n<!-- plainspoke-disable-next-line pasive-voice -->\n${P}\n`);
    expect(r.found).toEqual(['3:1 unused-disable', '4:11 passive-voice']);
    expect(r.messages[0]).toBe("This disable comment names 'pasive-voice', which is not a rule (did you mean 'passive-voice'?): fix the name");
  });
  it('a known id next to a misspelt one still works, and the typo is still reported', async () => {
    const r = await lint('a.html', `<!-- plainspoke-disable-next-line passive-voice, jargn -->\n<p>${P}</p>\n`);
    expect(r.found).toEqual(['1:1 unused-disable']);
    expect(r.messages).toEqual(["This disable comment names 'jargn', which is not a rule (did you mean 'jargon'?): fix the name"]);
    expect(r.suppressed.map((s) => s.ruleId)).toEqual(['passive-voice']);
  });
  it('axe-core ids are known', async () => {
    const r = await lint('a.md', `<!-- plainspoke-disable-file axe/image-alt -->\n\n${P}\n`);
    expect(r.found).toEqual(['1:1 unused-disable', '3:11 passive-voice']);
    expect(r.messages[0]).toBe('This disable comment hides no axe/image-alt finding: remove it');
  });
});

describe('--no-inline-config (issue 17)', () => {
  it('ignores disable comments, and reports none of them as unused', async () => {
    const dir = project({ 'a.md': `<!-- plainspoke-disable passive-voice -->\n\n${P}\n\n<!-- plainspoke-disable-next-line jargon -->\nHi.\n` });
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', '--no-inline-config', 'a.md'], { cwd: dir });
    const file = (JSON.parse(r.out) as { files: { findings: { ruleId: string; line: number }[]; suppressed?: unknown[] }[] }).files[0];
    expect(file.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['3 passive-voice']);
    expect(file.suppressed).toBeUndefined();
  });
});
