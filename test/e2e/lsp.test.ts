/**
 * `plainspoke lsp --stdio` driven over the real protocol (issue 15): the built
 * CLI spawned as a child process, a vscode-languageserver-protocol client on
 * its stdin and stdout. Needs `npm run build` (npm run test:e2e builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
  type CodeAction,
  type TextEdit,
  type WorkspaceEdit,
  type Hover,
  type InitializeResult,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { modulesLoaded } from '../helpers/modules-loaded.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'plainspoke.js');

interface Session {
  child: ChildProcess;
  conn: ProtocolConnection;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  init: InitializeResult;
  /** Resolves with the first publish for `uri` at `version` (and matching `when`) from now or already received. */
  diagnosticsFor(uri: string, version: number, when?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
}

let dir: string;
let session: Session | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plainspoke-lsp-'));
  mkdirSync(join(dir, '.git')); // the config search stops here
});

afterEach(async () => {
  if (session) {
    const s = session;
    session = undefined;
    try {
      await Promise.race([s.conn.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await s.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    s.conn.dispose();
    if (s.child.exitCode === null) s.child.kill();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function start(capabilities: Record<string, unknown> = {}, initializationOptions: Record<string, unknown> = { debounceMs: 0, axe: false }): Promise<Session> {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) w();
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  let timer: NodeJS.Timeout | undefined;
  const init = (await Promise.race([
    conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'test' }],
      capabilities,
      initializationOptions,
    }),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to initialize; stderr: ${stderr}`)), 60_000))),
  ]).finally(() => clearTimeout(timer))) as InitializeResult;
  await conn.sendNotification('initialized', {});
  const s: Session = {
    child,
    conn,
    published,
    init,
    diagnosticsFor(uri, version, when = () => true) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; got ${JSON.stringify(published.map((p) => [p.version, p.diagnostics.length]))}; stderr: ${stderr}`)), 60_000);
        const check = () => {
          const hit = published.find((p) => p.uri === uri && p.version === version && when(p.diagnostics));
          if (!hit) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(hit.diagnostics);
        };
        waiters.push(check);
        check();
      });
    },
  };
  session = s;
  return s;
}

/** Applies the edits of a WorkspaceEdit for one document to its text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits);
}

const TEXT = 'You can utilize the form to reach the ZQX team.\n\nThe refund was processed by the bank.\n';

describe('loading', () => {
  it('keeps the servers out of the start-up bundle and out of other commands', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'bundle', 'plainspoke.cjs'), 'utf8');
    expect(bundle).not.toMatch(/vscode-languageserver|@modelcontextprotocol|McpServer\(/);
    // The module tree (no bundle): an ESM loader hook in the child lists every module it loads.
    writeFileSync(join(dir, 'a.md'), 'You can utilize the form.\n');
    for (const args of [['--version'], ['--no-axe', 'a.md']]) {
      const urls = modulesLoaded(args, dir, { PLAINSPOKE_NO_BUNDLE: '1' });
      expect(urls.some((u) => u.includes('/dist/cli/main.js')), args.join(' ')).toBe(true);
      expect(urls.filter((u) => /vscode-languageserver|@modelcontextprotocol|\/dist\/(lsp|mcp)\//.test(u)), args.join(' ')).toEqual([]);
    }
  });
});

describe('plainspoke lsp --stdio', () => {
  it('publishes diagnostics on open with exact ranges, code, docs link and severity', async () => {
    const s = await start();
    expect(s.init.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(s.init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false });
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    const diags = await s.diagnosticsFor(uri, 1);
    expect(diags.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity])).toEqual([
      ['simpler-words', 0, 8, 0, 15, 3],
      ['undefined-acronym', 0, 38, 0, 41, 2],
    ]);
    expect(diags[0].codeDescription?.href).toBe('https://github.com/plainspoke/plainspoke/blob/main/rules/simpler-words.md');
    expect(diags[0].message).toBe("Use 'use' instead of 'utilize'");
    expect(diags[0].source).toBe('plainspoke');
    expect(diags[0].relatedInformation?.map((r) => r.message)).toContain("Try: 'use'");
  });

  it('follows incremental changes, answers pull requests, and applies code actions', async () => {
    const s = await start();
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    await s.diagnosticsFor(uri, 1);
    // Type "Today " at the start of the first line: every range on that line moves 6 characters.
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Today ' }],
    });
    const text2 = `Today ${TEXT}`;
    const diags = await s.diagnosticsFor(uri, 2);
    expect(diags.map((d) => [d.code, d.range.start.character, d.range.end.character])).toEqual([
      ['simpler-words', 14, 21],
      ['undefined-acronym', 44, 47],
    ]);

    // Pull diagnostics give the same.
    const pulled = (await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
    expect(pulled.kind).toBe('full');
    expect((pulled as { items: Diagnostic[] }).items.map((d) => d.code)).toEqual(['simpler-words', 'undefined-acronym']);

    const actions = (await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: [diags[0]] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    expect(titles).toContain("Fix: change 'utilize' to 'use'");
    expect(titles).toContain('Disable simpler-words for this line');
    expect(titles).toContain('Fix all safe plainspoke problems');
    const fix = actions.find((a) => a.title === "Fix: change 'utilize' to 'use'")!;
    expect(fix.isPreferred).toBe(true);
    expect(applyEdits(text2, fix.edit!.changes![uri])).toBe('Today You can use the form to reach the ZQX team.\n\nThe refund was processed by the bank.\n');
    const disable = actions.find((a) => a.title === 'Disable simpler-words for this line')!;
    expect(applyEdits(text2, disable.edit!.changes![uri])).toBe(`<!-- plainspoke-disable-next-line simpler-words -- reason -->\n${text2}`);

    // The edited text, sent back as a full change: the finding is gone.
    const fixed = applyEdits(text2, disable.edit!.changes![uri]);
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
    const after = await s.diagnosticsFor(uri, 3);
    expect(after.map((d) => [d.code, d.range.start.line])).toEqual([['undefined-acronym', 1]]);
  });

  it('shows the rule\'s why and how to fix on hover', async () => {
    const s = await start();
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    await s.diagnosticsFor(uri, 1);
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 10 } })) as Hover;
    const value = (hover.contents as { kind: string; value: string }).value;
    expect((hover.contents as { kind: string }).kind).toBe('markdown');
    expect(value).toContain("**simpler-words**: Use 'use' instead of 'utilize'");
    const doc = readFileSync(join(ROOT, 'rules', 'simpler-words.md'), 'utf8');
    const why = /## Why\n\n([\s\S]*?)\n\n## /.exec(doc)![1];
    expect(value).toContain(`**Why**\n\n${why.split('\n\n')[0]}`);
    expect(value).toContain('**How to fix**');
    expect(hover.range).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 15 } });
    const none = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    expect(none).toBeNull();
  });

  it('allows a word by creating .plainspoke.yml, and re-lints when the config changes', async () => {
    const s = await start({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    const diags = await s.diagnosticsFor(uri, 1);
    const acronym = diags.find((d) => d.code === 'undefined-acronym')!;
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: acronym.range, context: { diagnostics: [acronym] } })) as CodeAction[];
    const allow = actions.find((a) => a.title === "Allow 'ZQX' in this repository (.plainspoke.yml)")!;
    expect(allow).toBeDefined();
    const changes = (allow.edit as WorkspaceEdit).documentChanges!;
    const configUri = pathToFileURL(join(dir, '.plainspoke.yml')).href;
    expect(changes[0]).toEqual({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    const edit = changes[1] as { textDocument: { uri: string }; edits: TextEdit[] };
    expect(edit.textDocument.uri).toBe(configUri);
    const yml = applyEdits('', edit.edits);
    expect(yml).toBe('# plainspoke settings (see the README: "Configuration")\nvocabulary:\n  accept:\n    - ZQX\n');
    // The client applies the edit and saves; its file watcher tells the server.
    writeFileSync(join(dir, '.plainspoke.yml'), yml);
    const before = s.published.length;
    await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const after = await s.diagnosticsFor(uri, 1, (d) => s.published.length > before && !d.some((x) => x.code === 'undefined-acronym'));
    expect(after.map((d) => d.code)).toEqual(['simpler-words']);
  });

  it('adds the word to an existing YAML config and keeps its comments', async () => {
    const config = '# Our house style\nchannel: article # help centre\nvocabulary:\n  # product names\n  accept: [Zendesk]\n';
    writeFileSync(join(dir, '.plainspoke.yml'), config);
    mkdirSync(join(dir, 'help'));
    const s = await start();
    const uri = pathToFileURL(join(dir, 'help', 'doc.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    const diags = await s.diagnosticsFor(uri, 1);
    const acronym = diags.find((d) => d.code === 'undefined-acronym')!;
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: acronym.range, context: { diagnostics: [acronym] } })) as CodeAction[];
    const allow = actions.find((a) => a.title.startsWith("Allow 'ZQX'"))!;
    const configUri = pathToFileURL(join(dir, '.plainspoke.yml')).href;
    const next = applyEdits(config, allow.edit!.changes![configUri]);
    expect(next).toBe('# Our house style\nchannel: article # help centre\nvocabulary:\n  # product names\n  accept: [ Zendesk, ZQX ]\n');
    // The server never wrote the file itself: the client applies the edit.
    expect(readFileSync(join(dir, '.plainspoke.yml'), 'utf8')).toBe(config);
    // No actions for the passive sentence that names who acted; a disable action for each finding.
    expect(actions.filter((a) => a.title.startsWith('Disable')).map((a) => a.title)).toEqual(['Disable undefined-acronym for this line']);
  });

  it('writes a new config itself when the client cannot create files', async () => {
    const s = await start();
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    const diags = await s.diagnosticsFor(uri, 1);
    const acronym = diags.find((d) => d.code === 'undefined-acronym')!;
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: acronym.range, context: { diagnostics: [acronym] } })) as CodeAction[];
    const allow = actions.find((a) => a.title.startsWith("Allow 'ZQX'"))!;
    expect(allow.edit).toBeUndefined();
    expect(allow.command?.command).toBe('plainspoke.writeConfig');
    const before = s.published.length;
    await s.conn.sendRequest('workspace/executeCommand', { command: allow.command!.command, arguments: allow.command!.arguments });
    expect(existsSync(join(dir, '.plainspoke.yml'))).toBe(true);
    const after = await s.diagnosticsFor(uri, 1, (d) => s.published.length > before && !d.some((x) => x.code === 'undefined-acronym'));
    expect(after.map((d) => d.code)).toEqual(['simpler-words']);
  });

  it('lints a long document by sections on a keystroke, with the same diagnostics as a full lint', async () => {
    const s = await start();
    const section = (i: number) =>
      `## Part ${i}\n\nYou can utilize the form in part ${i}. The refund was processed. Please fill in the form, send it to us and we will reply within two working days.\n\n- Check the ZQX settings before you start step ${i}.\n- Then click here to go on.\n\n`;
    let text = '# Long guide\n\n';
    for (let i = 1; i <= 60; i++) text += section(i);
    text += '#### Skipped level\n\nThe end.\n';
    expect(text.length).toBeGreaterThan(12 * 1024);
    const uri = pathToFileURL(join(dir, 'long.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const first = await s.diagnosticsFor(uri, 1);
    expect(new Set(first.map((d) => d.code))).toEqual(new Set(['simpler-words', 'passive-voice', 'undefined-acronym', 'heading-order']));
    // Type in part 30: its line grows, everything below stays put in lines; the whole-document findings come along.
    const line = text.split('\n').indexOf('You can utilize the form in part 30. The refund was processed. Please fill in the form, send it to us and we will reply within two working days.');
    let version = 1;
    let current = text;
    for (const [i, ch] of [...' Your card was charged.'].entries()) {
      version++;
      const character = 'You can utilize the form in part 30.'.length + i;
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
      });
      const lines = current.split('\n');
      lines[line] = lines[line].slice(0, character) + ch + lines[line].slice(character);
      current = lines.join('\n');
    }
    const typed = await s.diagnosticsFor(uri, version);
    // A fresh document with the same text, linted whole on open.
    const other = pathToFileURL(join(dir, 'copy.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: current } });
    const whole = await s.diagnosticsFor(other, 1);
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
    expect(typed.map(key).sort()).toEqual(whole.map(key).sort());
    // The new passive sentence is found at once (its section was linted again); 'utilize' was carried along.
    expect(typed.filter((d) => d.range.start.line === line).map((d) => `${d.code}@${d.range.start.character}-${d.range.end.character}`)).toEqual(
      whole.filter((d) => d.range.start.line === line).map((d) => `${d.code}@${d.range.start.character}-${d.range.end.character}`),
    );
    expect(typed.some((d) => d.range.start.line === line && d.code === 'passive-voice' && d.range.start.character === 47)).toBe(true);
  });

  it('shows a broken config as one error at the top of the file', async () => {
    writeFileSync(join(dir, '.plainspoke.yml'), 'rules:\n  passive-vioce: warn\n');
    const s = await start();
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    const diags = await s.diagnosticsFor(uri, 1);
    expect(diags).toHaveLength(1);
    expect(diags[0].severity).toBe(1);
    expect(diags[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(diags[0].message).toMatch(/^plainspoke could not lint this file: \.plainspoke\.yml: 'rules\.passive-vioce' is not a plainspoke rule/);
  });

  it('runs axe on open and keeps its findings in place while the writer types', async () => {
    const s = await start({}, { debounceMs: 0 });
    const uri = pathToFileURL(join(dir, 'page.html')).href;
    const html = '<!doctype html>\n<html lang="en"><head><title>Help</title></head><body><main>\n<h1>Refunds</h1>\n<p>Read this.</p>\n<input type="text">\n</main></body></html>\n';
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'html', version: 1, text: html } });
    const diags = await s.diagnosticsFor(uri, 1, (d) => d.some((x) => String(x.code).startsWith('axe/')));
    const label = diags.find((d) => d.code === 'axe/label')!;
    expect(label.range.start).toEqual({ line: 4, character: 0 });
    expect(label.source).toBe('plainspoke (axe-core)');
    // A new line above: the axe finding moves down one line without axe running again.
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '<p>More.</p>\n' }],
    });
    const moved = await s.diagnosticsFor(uri, 2);
    expect(moved.find((d) => d.code === 'axe/label')!.range.start).toEqual({ line: 5, character: 0 });
  });
});
