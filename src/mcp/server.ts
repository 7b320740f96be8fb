/**
 * `plainspoke mcp` (issue 15): a Model Context Protocol server, so an AI
 * assistant can check a reply or an article before a person sends it. Built
 * on @modelcontextprotocol/server 2.x (the SDK's v2 server package; it runs
 * on Node.js 20) with zod 4 schemas, over stdio. Every tool answers through
 * the Node API (src/api); errors come back as `isError` results, never as a
 * crash of the server.
 *
 * Tools: lint_text, lint_files, fix_text, explain_rule, list_rules.
 * `lint_files` reads only inside the working folder: absolute paths, `..`
 * and symbolic links that lead outside are refused.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { McpServer, type CallToolResult } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { applyFixes, type ReportFile } from '../api/lint.js';
import { lintTextWith, resolverFor, textTarget, toJsonReport } from '../api/internal.js';
import { explainRule, listRules } from '../api/rules.js';
import { buildReport } from '../engine/lint-files.js';
import { CHANNELS, type Channel } from '../types.js';
import { VERSION } from '../util/version.js';

/** Texts larger than this are refused (the CLI's default maxFileSize is 5 MB; a tool call should be far smaller). */
const MAX_TEXT = 1024 * 1024;

const channel = z.enum(CHANNELS as unknown as [Channel, ...Channel[]]);
const severity = z.enum(['error', 'warning', 'info']);

const finding = z.looseObject({
  ruleId: z.string(),
  severity,
  message: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  source: z.string(),
  suggestions: z.array(z.string()).optional(),
  fixable: z.boolean(),
  docsUrl: z.string().optional(),
});

const metrics = z.looseObject({
  words: z.number(),
  sentences: z.number(),
  gradeLevel: z.number(),
  readingTimeMinutes: z.number(),
});

const summary = z.object({ files: z.number(), errors: z.number(), warnings: z.number(), infos: z.number(), fixable: z.number() });

const fileReport = z.looseObject({
  path: z.string(),
  channel,
  findings: z.array(finding),
  metrics: metrics.optional(),
  error: z.string().optional(),
});

const textInput = z.object({
  text: z.string().max(MAX_TEXT).describe('The Markdown or HTML text to check'),
  channel: channel.optional().describe('article, policy, macro, chat, email, phone or social (default: what the config says, else article)'),
  fileName: z
    .string()
    .max(500)
    .optional()
    .describe('A file name such as reply.md or page.html: sets Markdown or HTML and which config applies (default text.md)'),
});

const ruleInfo = z.looseObject({
  id: z.string(),
  family: z.string(),
  severity,
  channels: z.array(z.string()),
  fixable: z.boolean(),
  status: z.string(),
  description: z.string(),
  docs: z.string(),
});

/** A tool's answer: the structured result, and the same as JSON text for clients that read only text. */
function ok(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data, null, 2) }], structuredContent: data };
}

function fail(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** Runs a handler, turning any error into an `isError` result. */
async function guarded(fn: () => Promise<CallToolResult> | CallToolResult): Promise<CallToolResult> {
  try {
    return await fn();
  } catch (e) {
    return fail(`plainspoke: ${(e as Error)?.message ?? String(e)}`);
  }
}

/** A file name for lint_text may not leave the working folder either (it picks the config). */
function safeFileName(cwd: string, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const abs = resolve(cwd, name);
  if (isAbsolute(name) || !isInside(cwd, abs)) throw new Error(`'${name}' is outside the working folder: give a name relative to it`);
  return name;
}

function isInside(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of a path, or of its deepest existing parent (a glob or a missing file). */
function realOrParent(abs: string): string {
  let p = abs;
  for (;;) {
    try {
      return resolve(realpathSync(p), relative(p, abs));
    } catch {
      const up = resolve(p, '..');
      if (up === p) return abs;
      p = up;
    }
  }
}

/** Builds the server with its tools. `cwd` is the working folder that lint_files may read. */
export function createMcpServer(cwd: string = process.cwd()): McpServer {
  const root = resolve(cwd);
  const server = new McpServer({ name: 'plainspoke', version: VERSION }, { capabilities: { tools: {} } });

  const lintOne = async (text: string, ch: Channel | undefined, fileName: string | undefined, fix: boolean) => {
    const options = { cwd: root, ...(ch ? { channel: ch } : {}), filePath: safeFileName(root, fileName), axe: false };
    if (fix) return applyFixes(text, options);
    const result = await lintTextWith(text, textTarget(options), resolverFor(options), { noAxe: true, fingerprints: false });
    return toJsonReport(buildReport([result]));
  };

  const fileOut = (f: ReportFile) => {
    const { fingerprint: _f, ...rest } = f as ReportFile & { fingerprint?: string };
    void _f;
    return { ...rest, findings: f.findings.map(({ fingerprint: _fp, ...x }) => x) };
  };

  server.registerTool(
    'lint_text',
    {
      title: 'Check a text with plainspoke',
      description:
        'Checks a support reply, macro or help article (Markdown or HTML) for plain language, care and accessibility. Returns each finding with its rule, line and column, the care score for replies, and word, sentence and grade-level metrics.',
      inputSchema: textInput,
      outputSchema: z.object({ file: fileReport, careScore: z.number().nullable(), summary }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ text, channel: ch, fileName }) =>
      guarded(async () => {
        const report = await lintOne(text, ch, fileName, false);
        if (!('files' in report)) throw new Error('unexpected result');
        const file = report.files[0];
        if (file.error) return fail(`plainspoke could not check the text: ${file.error}`);
        return ok({ file: fileOut(file), careScore: file.metrics?.care?.score ?? null, summary: report.summary });
      }),
  );

  server.registerTool(
    'lint_files',
    {
      title: 'Check files with plainspoke',
      description:
        'Checks Markdown and HTML files, folders or globs inside the working folder (paths relative to it; paths outside it are refused). Returns the findings per file and a summary.',
      inputSchema: z.object({ paths: z.array(z.string().min(1).max(1000)).min(1).max(200).describe('Files, folders or globs, relative to the working folder') }),
      outputSchema: z.object({ files: z.array(fileReport), summary }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ paths }) =>
      guarded(async () => {
        const realRoot = realOrParent(root);
        for (const p of paths) {
          const bare = p.replace(/^!/, '');
          if (isAbsolute(bare) || /^[a-zA-Z]:/.test(bare)) return fail(`'${p}' is an absolute path: give paths relative to the working folder`);
          if (bare.split(/[\\/]+/).includes('..')) return fail(`'${p}' leads outside the working folder ('..' is not allowed)`);
          if (!isInside(realRoot, realOrParent(resolve(root, bare)))) return fail(`'${p}' leads outside the working folder (through a symbolic link)`);
        }
        const resolver = resolverFor({ cwd: root });
        const { discover } = await import('../engine/discover.js');
        const { lintDiscovered } = await import('../engine/lint-files.js');
        const { failed } = await import('../engine/failed.js');
        const errors: string[] = [];
        const files = await discover(paths, root, (abs) => resolver.isIgnored(abs), errors);
        // A folder or glob may reach a symbolic link to somewhere else: refuse rather than read it.
        const outside = files.filter((f) => !isInside(realRoot, realOrParent(f.absPath)));
        if (outside.length) return fail(`${outside.map((f) => `'${f.path}'`).join(', ')} ${outside.length === 1 ? 'leads' : 'lead'} outside the working folder (through a symbolic link)`);
        const results = errors.map((message) => failed(message.slice(0, message.indexOf(': ')) || '.', 'article', message));
        results.push(...(await lintDiscovered(files, resolver, { cwd: root, noAxe: true, fingerprints: false })));
        const report = toJsonReport(buildReport(results));
        return ok({ files: report.files.map(fileOut), summary: report.summary });
      }),
  );

  server.registerTool(
    'fix_text',
    {
      title: 'Apply plainspoke safe fixes',
      description: 'Applies only the safe fixes (word swaps that need no review) to a text and returns the fixed text and the findings still left.',
      inputSchema: textInput,
      outputSchema: z.object({ text: z.string(), changed: z.boolean(), remaining: z.array(finding) }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ text, channel: ch, fileName }) =>
      guarded(async () => {
        const fixed = await lintOne(text, ch, fileName, true);
        if (!('output' in fixed)) throw new Error('unexpected result');
        const file = fixed.report.files[0];
        if (file.error) return fail(`plainspoke could not fix the text: ${file.error}`);
        return ok({ text: fixed.output, changed: fixed.changed, remaining: fileOut(file).findings });
      }),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a plainspoke rule',
      description: 'Why a rule matters, what it finds and how to fix what it reports, from the rule\'s own doc.',
      inputSchema: z.object({ id: z.string().min(1).max(100).describe("A rule id such as passive-voice, or axe/<id>") }),
      outputSchema: ruleInfo.extend({ why: z.string(), whatItFinds: z.string(), howToFix: z.string(), markdown: z.string() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ id }) => guarded(() => ok({ ...explainRule(id) })),
  );

  server.registerTool(
    'list_rules',
    {
      title: 'List plainspoke rules',
      description: 'Every rule with its family, default severity, channels, whether it has safe fixes, and a link to its doc.',
      inputSchema: z.object({}),
      outputSchema: z.object({ rules: z.array(ruleInfo) }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () => guarded(() => ok({ rules: listRules() })),
  );

  return server;
}

/** Serves over stdin and stdout until the client closes standard input. */
export async function serveMcpStdio(cwd: string): Promise<void> {
  // stdout is the protocol: anything printed by accident goes to stderr instead.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const { serveStdio } = await import('@modelcontextprotocol/server/stdio');
  const closed = new Promise<void>((done) => {
    process.stdin.once('end', done);
    process.stdin.once('close', done);
  });
  const handle = serveStdio(() => createMcpServer(cwd), { onerror: (e) => process.stderr.write(`plainspoke mcp: ${e.message}\n`) });
  await closed;
  await handle.close().catch(() => undefined);
}
