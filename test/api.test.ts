/** The Node API (src/index.ts, issue 15) in this process: the same report as `--format json`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixes, explainRule, lintFiles, lintText, listRules, loadConfig } from '../src/index.js';
import { acceptWordEdit } from '../src/lsp/config-edit.js';
import { allRules, getRule } from '../src/rules/registry.js';
import { blockModeFits, referenceDefinitions, sections, withDefinitions } from '../src/lsp/blocks.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plainspoke-api-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'help'));
  writeFileSync(join(dir, '.plainspoke.yml'), 'rules:\n  passive-voice: error\n');
  writeFileSync(join(dir, 'help', 'a.md'), 'The refund was processed.\n');
  writeFileSync(join(dir, 'help', 'b.md'), 'You can utilize the form.\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lintText', () => {
  it('returns the JSON report for one text, with the config found from filePath', async () => {
    const report = await lintText('The refund was processed.\n', { cwd: dir, filePath: 'help/new.md', axe: false });
    expect(report.tool.name).toBe('plainspoke');
    expect(report.files).toHaveLength(1);
    const [file] = report.files;
    expect(file.path).toBe('help/new.md');
    expect(file.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endColumn])).toEqual([['passive-voice', 'error', 1, 12, 25]]);
    expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0, fixable: 0 });
    expect('fixedText' in file).toBe(false);
  });

  it('takes config data, a channel and rule settings', async () => {
    const report = await lintText('The refund was processed.\n', { cwd: dir, config: { rules: { 'passive-voice': 'off' } }, axe: false });
    expect(report.files[0].findings).toEqual([]);
    const ruled = await lintText('The refund was processed.\n', { cwd: dir, config: {}, rules: { 'passive-voice': 'info' }, channel: 'policy', axe: false });
    expect(ruled.files[0].channel).toBe('policy');
    expect(ruled.files[0].findings.map((f) => [f.ruleId, f.severity])).toEqual([['passive-voice', 'info']]);
  });

  it('throws for a bad channel, a bad rule id and bad config data', async () => {
    await expect(lintText('x', { channel: 'fax' as never })).rejects.toThrow("channel 'fax' is not a channel");
    await expect(lintText('x', { rules: { 'passive-vioce': 'warn' } })).rejects.toThrow(/passive-vioce/);
    await expect(lintText('x', { config: { chanel: 'email' } })).rejects.toThrow(/'chanel' is not a known key/);
  });
});

describe('lintFiles, applyFixes, loadConfig', () => {
  it('lints files and folders as the command line does', async () => {
    const report = await lintFiles(['help'], { cwd: dir, axe: false, jobs: 1 });
    expect(report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column}`)])).toEqual([
      ['help/a.md', ['passive-voice@1:12']],
      ['help/b.md', ['simpler-words@1:9']],
    ]);
    const missing = await lintFiles('nothing-here.md', { cwd: dir, axe: false });
    expect(missing.files[0].error).toMatch(/nothing-here\.md/);
  });

  it('lints files with config data', async () => {
    const report = await lintFiles('help/a.md', { cwd: dir, axe: false, config: { rules: { 'passive-voice': 'warn' } } });
    expect(report.files[0].findings.map((f) => [f.ruleId, f.severity])).toEqual([['passive-voice', 'warning']]);
  });

  it('applies the safe fixes and reports what is left', async () => {
    const fixed = await applyFixes('You can utilize the form. The refund was processed.\n', { cwd: dir, filePath: 'help/c.md', axe: false });
    expect(fixed.output).toBe('You can use the form. The refund was processed.\n');
    expect(fixed.changed).toBe(true);
    expect(fixed.report.files[0].findings.map((f) => f.ruleId)).toEqual(['passive-voice']);
    const same = await applyFixes('Send us the form.\n', { cwd: dir, axe: false });
    expect(same).toMatchObject({ output: 'Send us the form.\n', changed: false });
  });

  it('loads the settings that apply to a file', () => {
    const config = loadConfig('help/a.md', { cwd: dir });
    expect(config.rules['passive-voice'].severity).toBe('error');
    expect(config.channel).toBe('article');
    expect(loadConfig('help/a.md', { cwd: dir, channel: 'chat' }).channel).toBe('chat');
  });
});

describe('listRules and explainRule', () => {
  it('lists every rule as `plainspoke rules --json` does', () => {
    const rules = listRules();
    const passive = rules.find((r) => r.id === 'passive-voice')!;
    expect(passive).toMatchObject({ family: 'plain', severity: getRule('passive-voice')!.defaultSeverity, fixable: false, docs: 'https://github.com/plainspoke/plainspoke/blob/main/rules/passive-voice.md' });
    expect(rules.map((r) => r.id)).toEqual(allRules().map((r) => r.id));
  });

  it("gives a rule's why and how to fix from its doc", () => {
    const doc = explainRule('passive-voice');
    expect(doc.why).toMatch(/^"Your card was charged" does not say who charged it\./);
    expect(doc.howToFix).toMatch(/^Put the one who acts first/);
    expect(doc.markdown.startsWith('# passive-voice')).toBe(true);
    expect(() => explainRule('passive')).toThrow("'passive' is not a plainspoke rule (did you mean 'passive-voice'?)");
  });
});

describe('allow a word (language server config edit)', () => {
  it('adds to a YAML block list and keeps comments', () => {
    const text = '# house style\nvocabulary:\n  accept:\n    - Zendesk # our help desk\n';
    const edit = acceptWordEdit('2FA', { file: '/x/.plainspoke.yml', text }, '/x')!;
    expect(edit.after).toBe('# house style\nvocabulary:\n  accept:\n    - Zendesk # our help desk\n    - 2FA\n');
    expect(acceptWordEdit('Zendesk', { file: '/x/.plainspoke.yml', text }, '/x')).toBeUndefined();
  });

  it('adds vocabulary to a YAML file without it, and to JSON and package.json', () => {
    expect(acceptWordEdit('ZQX', { file: '/x/.plainspoke.yml', text: 'channel: macro # replies\n' }, '/x')!.after).toBe('channel: macro # replies\nvocabulary:\n  accept:\n    - ZQX\n');
    expect(acceptWordEdit('ZQX', { file: '/x/.plainspoke.json', text: '{\n  "channel": "macro"\n}\n' }, '/x')!.after).toBe('{\n  "channel": "macro",\n  "vocabulary": {\n    "accept": [\n      "ZQX"\n    ]\n  }\n}\n');
    expect(acceptWordEdit('ZQX', { file: '/x/package.json', text: '{"name":"x","plainspoke":{}}' }, '/x')!.after).toBe('{\n  "name": "x",\n  "plainspoke": {\n    "vocabulary": {\n      "accept": [\n        "ZQX"\n      ]\n    }\n  }\n}\n');
  });
});

describe('language server sections (blocks.ts)', () => {
  it('cuts before headings that follow a blank line, never inside a fence or front matter', () => {
    const text = '---\ntitle: x\n# not a cut\n---\n# One\n\ntext\n\n## Two\n```\n\n# in code\n```\n\n### Three\nend\n';
    const cuts = sections(text).map(([s, e]) => text.slice(s, e));
    expect(cuts).toEqual(['---\ntitle: x\n# not a cut\n---\n# One\n\ntext\n\n', '## Two\n```\n\n# in code\n```\n\n', '### Three\nend\n']);
    expect(sections('\uFEFF# A\n\n# B\n')).toEqual([[1, 6], [6, 10]]);
  });

  it('gives a section the link reference definitions it uses, after its own text', () => {
    const text = '# A\n\nSee [the guide][g].\n\n```\n[x]: not-a-definition\n```\n\n# B\n\n[g]: https://example.com/guide\n[h]: https://example.com/h\n';
    const defs = referenceDefinitions(text);
    expect([...defs.keys()]).toEqual(['g', 'h']);
    const [first, second] = sections(text).map(([s, e]) => text.slice(s, e));
    expect(withDefinitions(first, defs)).toBe(`${first}\n[g]: https://example.com/guide\n`);
    expect(withDefinitions(second, defs)).toBe(second);
  });

  it('lints only long files without range comments or front matter settings by sections', () => {
    const long = 'Some words here.\n\n'.repeat(800);
    expect(blockModeFits(long)).toBe(true);
    expect(blockModeFits('Short.\n')).toBe(false);
    expect(blockModeFits(`<!-- plainspoke-disable-next-line jargon -->\n${long}`)).toBe(true);
    expect(blockModeFits(`<!-- plainspoke-disable jargon -->\n${long}`)).toBe(false);
    expect(blockModeFits(`---\nplainspoke:\n  channel: policy\n---\n${long}`)).toBe(false);
  });
});
