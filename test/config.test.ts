/** The config cascade and every config error: exit 2, one line naming the file and the key. */
import { describe, expect, it } from 'vitest';
import { findings, project, runCli } from './helpers/cli.js';

const PASSIVE = '# Billing\n\nYour card was charged twice.\n';

async function configError(config: string, name = '.plainspoke.yml') {
  const dir = project({ [name]: config, 'a.md': PASSIVE });
  const r = await runCli(['--no-axe', 'a.md'], { cwd: dir });
  return { ...r, lines: r.err.trim().split('\n') };
}

describe('config errors', () => {
  it('an unknown rule id names the file and the key', async () => {
    const r = await configError('rules:\n  no-such-rule-xyz: error\n');
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.err).toContain('.plainspoke.yml');
    expect(r.err).toContain("'rules.no-such-rule-xyz' is not a plainspoke rule");
  });
  it('an unknown top-level key', async () => {
    const r = await configError('rulez:\n  passive-voice: error\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.plainspoke\.yml: 'rulez' is not a known key/);
  });
  it('a bad severity', async () => {
    const r = await configError('rules:\n  passive-voice: loud\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain("'rules.passive-voice' has severity \"loud\": use off, info, warn or error");
  });
  it('an unknown option names the option', async () => {
    const r = await configError('rules:\n  passive-voice: [warn, { colour: red }]\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain("'rules.passive-voice[1].colour' is not an option of 'passive-voice'");
  });
  it('an option of the wrong type', async () => {
    const r = await configError('rules:\n  passive-voice: [warn, { ignore: 5 }]\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain("'rules.passive-voice[1].ignore' must be array");
  });
  it('malformed YAML gives the line', async () => {
    const r = await configError('rules:\n  passive-voice: [warn\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.plainspoke\.yml:\d+: is not valid YAML/);
    expect(r.lines).toHaveLength(1);
  });
  it('malformed JSON', async () => {
    const r = await configError('{"rules": ', '.plainspoke.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.plainspoke\.json: is not valid JSON/);
  });
  it('custom YAML tags never run code', async () => {
    const r = await configError('rules: !!js/function "function () { return 1 }"\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain('.plainspoke.yml');
  });
  it('a YAML bomb fails fast', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const start = Date.now();
    const r = await configError(`${bomb.join('\n')}\n`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('.plainspoke.yml');
    expect(Date.now() - start).toBeLessThan(20_000);
  });
  it('__proto__ keys are refused', async () => {
    const r = await configError('{"rules": {}, "vocabulary": {"__proto__": {"polluted": true}}}', '.plainspoke.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain("'vocabulary.__proto__' is not allowed as a key");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('an extends loop', async () => {
    const dir = project({ '.plainspoke.yml': 'extends: ./b.yml\n', 'b.yml': 'extends: ./.plainspoke.yml\n', 'a.md': PASSIVE });
    const r = await runCli(['--no-axe', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("'extends' makes a loop");
  });
  it('extends may not load code', async () => {
    const r = await configError('extends: ./evil.js\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain('configs never load code');
  });
  it('a bad channel', async () => {
    const r = await configError('channel: telegram\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain("'channel' must be one of article, policy, macro, chat, email, phone, social");
  });
  it('a bad channel in front matter names the file and key; other files are still linted', async () => {
    const dir = project({ 'a.md': '---\nplainspoke:\n  channel: fax\n---\n\nHello.\n', 'b.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("a.md: 'plainspoke.channel' in the front matter must be one of");
    expect(findings(r.out).map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['b.md:3 passive-voice']);
  });
});

describe('config cascade', () => {
  it('a nearer config overrides a farther one', async () => {
    const dir = project({
      '.plainspoke.yml': 'rules:\n  passive-voice: error\n',
      'docs/.plainspoke.yml': 'rules:\n  passive-voice: off\n',
      'a.md': PASSIVE,
      'docs/b.md': PASSIVE,
    });
    const r = await runCli(['--format', 'json', '--no-axe', '.'], { cwd: dir });
    expect(findings(r.out).filter((f) => f.ruleId === 'passive-voice').map((f) => `${f.path} ${f.severity}`)).toEqual(['a.md error']);
    expect(r.code).toBe(1);
  });
  it('overrides by glob set the channel; front matter beats config; --channel beats both', async () => {
    const dir = project({
      '.plainspoke.yml': 'overrides:\n  - files: ["macros/**"]\n    channel: macro\n',
      'macros/a.md': 'Hello.\n',
      'b.md': '---\nplainspoke: { channel: chat }\n---\n\nHello.\n',
      'c.md': 'Hello.\n',
    });
    const r = await runCli(['--format', 'json', '--no-axe', '.'], { cwd: dir });
    const channels = Object.fromEntries((JSON.parse(r.out) as { files: { path: string; channel: string }[] }).files.map((f) => [f.path, f.channel]));
    expect(channels).toEqual({ 'b.md': 'chat', 'c.md': 'article', 'macros/a.md': 'macro' });
    const forced = await runCli(['--format', 'json', '--no-axe', '--channel', 'email', '.'], { cwd: dir });
    expect(new Set((JSON.parse(forced.out) as { files: { channel: string }[] }).files.map((f) => f.channel))).toEqual(new Set(['email']));
  });
  it('reads the plainspoke key of package.json', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'x', plainspoke: { rules: { 'passive-voice': 'error' } } }), 'a.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', 'a.md'], { cwd: dir });
    expect(findings(r.out).find((f) => f.ruleId === 'passive-voice')?.severity).toBe('error');
  });
  it('ignores package.json without the key and errors name package.json#plainspoke', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'x', plainspoke: { rulez: {} } }), 'a.md': PASSIVE });
    const r = await runCli(['--no-axe', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("package.json#plainspoke: 'rulez' is not a known key");
  });
  it('-c uses only the given file', async () => {
    const dir = project({ '.plainspoke.yml': 'rules:\n  passive-voice: error\n', 'other.yml': 'rules:\n  passive-voice: off\n', 'a.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', '-c', 'other.yml', 'a.md'], { cwd: dir });
    expect(findings(r.out).filter((f) => f.ruleId === 'passive-voice')).toEqual([]);
  });
  it('ignore globs (with Windows-style separators) and .gitignore are honoured', async () => {
    const dir = project({
      '.plainspoke.yml': 'ignore: ["vendor\\\\**", "CHANGELOG.md"]\n',
      '.gitignore': 'build/\n',
      'vendor/x.md': PASSIVE,
      'build/y.md': PASSIVE,
      'CHANGELOG.md': PASSIVE,
      'docs/CHANGELOG.md': PASSIVE,
      'a.md': PASSIVE,
    });
    const r = await runCli(['--format', 'json', '--no-axe', '.'], { cwd: dir });
    expect((JSON.parse(r.out) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['a.md']);
  });
  it('vocabulary.accept silences word rules', async () => {
    const dir = project({ '.plainspoke.yml': 'vocabulary:\n  accept: ["was charged"]\n', 'a.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', 'a.md'], { cwd: dir });
    expect(findings(r.out).filter((f) => f.ruleId === 'passive-voice')).toEqual([]);
  });
  it('plainspoke:strict raises severities', async () => {
    // One step up from each rule's default: passive-voice is info by default (rules/passive-voice.md), so warning.
    const dir = project({ '.plainspoke.yml': 'extends: plainspoke:strict\n', 'a.md': PASSIVE });
    const r = await runCli(['--format', 'json', '--no-axe', 'a.md'], { cwd: dir });
    expect(findings(r.out).find((f) => f.ruleId === 'passive-voice')?.severity).toBe('warning');
    const plain = project({ 'a.md': PASSIVE });
    const base = await runCli(['--format', 'json', '--no-axe', 'a.md'], { cwd: plain });
    expect(findings(base.out).find((f) => f.ruleId === 'passive-voice')?.severity).toBe('info');
  });
  it('an unknown preset', async () => {
    const r = await configError('extends: plainspoke:lenient\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown preset 'plainspoke:lenient'");
  });
});
