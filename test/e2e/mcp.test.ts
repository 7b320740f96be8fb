/**
 * `plainspoke mcp` driven by the MCP SDK's own client (issue 15): over stdio
 * (the built CLI as a child process) and in memory (the server module).
 * Every tool, a bad argument, and paths outside the working folder.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { createMcpServer } from '../../src/mcp/server.js';
import { listRules } from '../../src/api/rules.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'plainspoke.js');

let base: string;
let work: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'plainspoke-mcp-'));
  work = join(base, 'work');
  mkdirSync(join(work, '.git'), { recursive: true });
  mkdirSync(join(work, 'docs'));
  writeFileSync(join(work, 'docs', 'a.md'), 'You can utilize the form.\n');
  writeFileSync(join(work, 'docs', 'b.md'), 'Send us the form.\n');
  mkdirSync(join(base, 'secret'));
  writeFileSync(join(base, 'secret', 'notes.md'), 'Private notes.\n');
  symlinkSync(join(base, 'secret'), join(work, 'link'));
  symlinkSync(join(base, 'secret', 'notes.md'), join(work, 'docs', 'notes.md'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

type Result = Awaited<ReturnType<Client['callTool']>>;
const text = (r: Result) => (r.content as { type: string; text: string }[]).map((c) => c.text).join('\n');

function suite(name: string, connect: () => Promise<Client>) {
  describe(name, () => {
    let client: Client;
    beforeAll(async () => {
      client = await connect();
    });
    afterAll(async () => {
      await client?.close();
    });

    it('lists five tools, each with an input and an output schema', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['explain_rule', 'fix_text', 'lint_files', 'lint_text', 'list_rules']);
      for (const t of tools) {
        expect(t.inputSchema.type).toBe('object');
        expect(t.outputSchema?.type).toBe('object');
      }
    });

    it('lint_text: findings, care score and metrics of a reply', async () => {
      const r = await client.callTool({ name: 'lint_text', arguments: { text: 'Hi,\n\nWe will look into it.\n\nThanks\n', channel: 'email', fileName: 'reply.md' } });
      expect(r.isError).toBeFalsy();
      const out = r.structuredContent as { file: { path: string; channel: string; findings: { ruleId: string; line: number; column: number }[]; metrics: { words: number } }; careScore: number; summary: { warnings: number } };
      expect(out.file.path).toBe('reply.md');
      expect(out.file.channel).toBe('email');
      expect(out.file.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
        ['confirm-understanding', 3, 1],
        ['time-bound-commitment', 3, 1],
      ]);
      expect(out.careScore).toBe(2);
      expect(out.file.metrics.words).toBe(7);
      expect(JSON.parse(text(r))).toEqual(out);
    });

    it('lint_files: files inside the working folder', async () => {
      const r = await client.callTool({ name: 'lint_files', arguments: { paths: ['docs/a.md', 'docs/b.md'] } });
      expect(r.isError).toBeFalsy();
      const out = r.structuredContent as { files: { path: string; findings: { ruleId: string; line: number; column: number }[] }[]; summary: { files: number } };
      expect(out.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column}`)])).toEqual([
        ['docs/a.md', ['simpler-words@1:9']],
        ['docs/b.md', []],
      ]);
      expect(out.summary.files).toBe(2);
    });

    it('lint_files: refuses paths outside the working folder', async () => {
      for (const [paths, words] of [
        [['../secret/notes.md'], "'..' is not allowed"],
        [['docs/../../secret/notes.md'], "'..' is not allowed"],
        [[join(base, 'secret', 'notes.md')], 'is an absolute path'],
        [['link/notes.md'], 'through a symbolic link'],
        [['link'], 'through a symbolic link'],
        [['link/*.md'], 'through a symbolic link'],
      ] as const) {
        const r = await client.callTool({ name: 'lint_files', arguments: { paths: [...paths] } });
        expect(r.isError, String(paths)).toBe(true);
        expect(text(r)).toContain(words);
        expect(text(r)).not.toContain('Private notes');
      }
      // A folder search never follows a symbolic link out (docs/notes.md links to ../secret).
      const r = await client.callTool({ name: 'lint_files', arguments: { paths: ['docs'] } });
      expect((r.structuredContent as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['docs/a.md', 'docs/b.md']);
    });

    it('fix_text: applies the safe fixes only', async () => {
      const r = await client.callTool({ name: 'fix_text', arguments: { text: 'You can utilize the form. The refund was processed.\n' } });
      expect(r.isError).toBeFalsy();
      const out = r.structuredContent as { text: string; changed: boolean; remaining: { ruleId: string }[] };
      expect(out.text).toBe('You can use the form. The refund was processed.\n');
      expect(out.changed).toBe(true);
      expect(out.remaining.map((f) => f.ruleId)).toEqual(['passive-voice']);
    });

    it('explain_rule and list_rules', async () => {
      const r = await client.callTool({ name: 'explain_rule', arguments: { id: 'passive-voice' } });
      const out = r.structuredContent as { id: string; why: string; howToFix: string };
      expect(out.id).toBe('passive-voice');
      expect(out.why).toMatch(/^"Your card was charged" does not say who charged it/);
      expect(out.howToFix).toMatch(/^Put the one who acts first/);
      const unknown = await client.callTool({ name: 'explain_rule', arguments: { id: 'passive' } });
      expect(unknown.isError).toBe(true);
      expect(text(unknown)).toContain("'passive' is not a plainspoke rule (did you mean 'passive-voice'?)");
      const list = await client.callTool({ name: 'list_rules', arguments: {} });
      const rules = (list.structuredContent as { rules: { id: string }[] }).rules;
      expect(rules.map((x) => x.id)).toEqual(listRules().map((x) => x.id));
    });

    it('a bad argument is an error result, and the server keeps serving', async () => {
      const bad = await client.callTool({ name: 'lint_text', arguments: { text: 42, channel: 'fax' } }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }) as Result);
      expect(bad.isError).toBe(true);
      expect(text(bad)).toMatch(/text|channel/);
      const fine = await client.callTool({ name: 'lint_text', arguments: { text: 'Send us the form.\n' } });
      expect(fine.isError).toBeFalsy();
      expect((fine.structuredContent as { summary: { files: number } }).summary.files).toBe(1);
    });
  });
}

suite('plainspoke mcp over stdio', async () => {
  const client = new Client({ name: 'plainspoke-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: work, stderr: 'pipe' }));
  return client;
});

suite('plainspoke mcp in memory', async () => {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(work).connect(serverSide);
  const client = new Client({ name: 'plainspoke-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
});
