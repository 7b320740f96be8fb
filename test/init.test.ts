/** `plainspoke init`: a commented starter config with channel overrides, never over an existing config. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { project, runCli } from './helpers/cli.js';
import { ConfigResolver } from '../src/config/resolve.js';

const MD = '# Hello\n\nWe reply in a day.\n';

describe('plainspoke init', () => {
  it('writes a valid, commented .plainspoke.yml with overrides for folders named like channels', async () => {
    const dir = project({
      'docs/getting-started.md': MD,
      'docs/site/index.html': '<h1>Hi</h1>',
      'support/macros/refunds/late.md': MD,
      'support/macros/hello.md': MD,
      'legal/policies/privacy.md': MD,
      'social/replies.md': MD,
      'chat/greeting.md': MD,
      'email/welcome.html': '<p>Hi</p>',
      'phone/call-scripts/hold.md': MD,
      'node_modules/pkg/README.md': MD,
      '.github/PULL_REQUEST_TEMPLATE.md': MD,
      'CHANGELOG.md': '# Changes\n',
    });
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Wrote .plainspoke.yml with 6 channel overrides');
    const text = readFileSync(join(dir, '.plainspoke.yml'), 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThan(5);
    expect(text).toContain('found 8 Markdown and 2 HTML files');
    const data = parse(text);
    expect(data.extends).toBe('plainspoke:recommended');
    expect(data.ignore).toEqual(['CHANGELOG.md']);
    expect(data.overrides).toEqual([
      { files: ['chat/**'], channel: 'chat' },
      { files: ['email/**'], channel: 'email' },
      { files: ['legal/policies/**'], channel: 'policy' },
      { files: ['phone/call-scripts/**'], channel: 'phone' },
      { files: ['social/**'], channel: 'social' },
      { files: ['support/macros/**'], channel: 'macro' },
    ]);
    // The config loads, and the overrides apply.
    const resolver = new ConfigResolver(dir);
    expect(resolver.resolve(join(dir, 'support/macros/refunds/late.md')).channel).toBe('macro');
    expect(resolver.resolve(join(dir, 'docs/getting-started.md')).channel).toBe('article');
    expect(resolver.isIgnored(join(dir, 'CHANGELOG.md'))).toBe(true);
    // A real run accepts the config (whatever the rules find).
    const lint = await runCli(['--no-axe', '--format', 'json', '.'], { cwd: dir });
    expect(lint.err).not.toContain('.plainspoke.yml');
    expect(JSON.parse(lint.out).files.map((f: { path: string }) => f.path)).not.toContain('CHANGELOG.md');
  });

  it('writes commented examples when no folder says what it holds', async () => {
    const dir = project({ 'README.md': MD });
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, '.plainspoke.yml'), 'utf8');
    expect(text).toContain('#  - files: ["macros/**"]');
    expect(parse(text).overrides).toEqual([]);
    expect(() => new ConfigResolver(dir).resolve(join(dir, 'README.md'))).not.toThrow();
  });

  it('refuses to overwrite an existing config (exit 2) unless --force', async () => {
    const dir = project({ '.plainspoke.yml': 'channel: macro\n', 'macros/a.md': MD });
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain(".plainspoke.yml already exists here; plainspoke init leaves it alone (run 'plainspoke init --force'");
    expect(readFileSync(join(dir, '.plainspoke.yml'), 'utf8')).toBe('channel: macro\n');
    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(parse(readFileSync(join(dir, '.plainspoke.yml'), 'utf8')).overrides).toEqual([{ files: ['macros/**'], channel: 'macro' }]);
  });

  it('counts a .plainspoke.json or a "plainspoke" key in package.json as a config', async () => {
    const a = project({ '.plainspoke.json': '{}' });
    expect((await runCli(['init'], { cwd: a })).code).toBe(2);
    const b = project({ 'package.json': JSON.stringify({ name: 'x', plainspoke: { channel: 'macro' } }) });
    const r = await runCli(['init'], { cwd: b });
    expect(r.code).toBe(2);
    expect(r.err).toContain('package.json ("plainspoke" key) already exists');
    const c = project({ 'package.json': JSON.stringify({ name: 'x' }) });
    expect((await runCli(['init'], { cwd: c })).code).toBe(0);
  });
});
