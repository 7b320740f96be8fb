/**
 * `plainspoke lsp --stdio` (issue 15): a Language Server Protocol server on
 * the same engine as the CLI (src/api). Findings come as diagnostics while
 * the writer types; fixes, suggestions, "disable for this line" and "allow
 * this word" are code actions computed here, so they work in every editor
 * (VS Code, Neovim, Helix, Zed), not only in one with an extension.
 *
 * Timing: every rule but axe runs on open and on each change (debounced,
 * `initializationOptions.debounceMs`, default 200 ms); axe, which renders the
 * page in jsdom, runs on open and save, and its findings follow later edits
 * (shifted, or dropped when an edit touches them) until the next save.
 *
 * Cache: a full re-lint of the median corpus article takes about 9 ms on a
 * quiet machine, and of the largest corpus policy (46 KB) about 70 ms, of
 * which parsing and sentence splitting take 43 ms and all rules 13 ms
 * (PLAINSPOKE_TIMING). A per-sentence rule cache would save little, since
 * parsing dominates: Markdown documents are linted by sections instead
 * (blocks.ts), cached by section text, so a keystroke parses one section
 * (scripts/bench-lsp.mjs: about 6 ms of server CPU per keystroke on the
 * median article, 5 ms on the policy). Each document also keeps its last few
 * full results, keyed by the text and the config generation (undo, redo and a
 * save with no change cost nothing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lspNode from 'vscode-languageserver/node';
import type {
  CodeAction,
  Connection,
  Diagnostic,
  DocumentDiagnosticReport,
  Hover,
  InitializeParams,
  InitializeResult,
  Position,
  Range,
  TextDocumentContentChangeEvent,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigResolver } from '../config/resolve.js';
import { REPLY_CHANNELS, type FileResult, type Finding, type RawFinding } from '../types.js';
import { displayPath } from '../engine/discover.js';
import { kindOfPath } from '../document/kind.js';
import { loadPipeline, lintTextWith, resolverFor, type TextTarget } from '../api/internal.js';
import { clearRuleDocs, explainRule } from '../api/rules.js';
import { activeRules } from '../engine/run-rules.js';
import { AXE_TWINS } from '../a11y/axe/catalog.js';
import { VERSION } from '../util/version.js';
import { errorDiagnostic, toEntry, type Entry } from './convert.js';
import { blockModeFits, isLocalRule, LOCAL_RULES, referenceDefinitions, sections, withDefinitions } from './blocks.js';
import { acceptWordEdit, nearestConfig } from './config-edit.js';

const { createConnection, TextDocumentSyncKind, CodeActionKind, DidChangeWatchedFilesNotification } = lspNode;

/** Rules whose findings `vocabulary.accept` can silence (as in engine/lint-source.ts). */
const WORD_RULES = new Set(['jargon', 'undefined-acronym', 'simpler-words', 'inclusive-language', 'minimizing-language', 'passive-voice']);
const CONFIG_FILE = /^(\.plainspoke\.(ya?ml|json)|package\.json)$/;
const WRITE_CONFIG = 'plainspoke.writeConfig';
const FIX_ALL = 'source.fixAll.plainspoke';

export interface ServerOptions {
  /** Streams (tests, other transports); default stdin and stdout. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** What an editor may pass in `initializationOptions`. */
export interface InitOptions {
  /** Milliseconds between the last keystroke and a lint (default 200; the bench uses 0). */
  debounceMs?: number;
  /** Run the axe-core checks on open and save (default true). */
  axe?: boolean;
  /** `push` (publishDiagnostics), `pull` (textDocument/diagnostic) or `auto`: pull when the client says it can (default). */
  diagnostics?: 'push' | 'pull' | 'auto';
}

interface DocState {
  doc: TextDocument;
  target: TextTarget;
  /** Markdown or HTML: other documents get no diagnostics. */
  lintable: boolean;
  /** Findings of every rule but axe, for the text at `lintedVersion`. */
  entries: Entry[];
  /** Axe findings from the last open or save, shifted through later edits. */
  axe: Entry[];
  lintedVersion: number;
  lintedGen: number;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  /** The last few results by text (config generation in the key). */
  cache: Map<string, Entry[]>;
  /** The channel and language of the last full lint. */
  channel?: string;
  language?: string;
  /** Findings of the whole-document rules from the last full lint, moved with the edits; undefined when the document is always linted whole. */
  docLevel?: Entry[];
  /** Section results by section text (blocks.ts). */
  blocks: Map<string, BlockResult>;
  fullTimer?: NodeJS.Timeout;
}

type BlockResult = { finding: Finding; raw: RawFinding | undefined }[];

const CACHE_PER_DOC = 4;
/** After a keystroke in a long document, the full lint waits this long for the writer to pause. */
const FULL_LINT_PAUSE_MS = 500;

export function startServer(options: ServerOptions = {}): Connection {
  // stdout is the protocol: anything printed by accident goes to stderr instead.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const connection = createConnection(options.input ?? process.stdin, options.output ?? process.stdout);
  const docs = new Map<string, DocState>();
  let root = process.cwd();
  let resolver: ConfigResolver = resolverFor({ cwd: root });
  let gen = 0;
  let debounceMs = 200;
  let axeOn = true;
  let push = true;
  let refreshSupport = false;
  let canCreateFiles = false;
  let watchDynamically = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    else if (params.rootPath) root = params.rootPath;
    resolver = newResolver();
    const init = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    if (init.axe === false) axeOn = false;
    const canPull = Boolean(params.capabilities.textDocument?.diagnostic);
    push = init.diagnostics === 'push' || (init.diagnostics !== 'pull' && !canPull);
    refreshSupport = Boolean(params.capabilities.workspace?.diagnostics?.refreshSupport);
    const we = params.capabilities.workspace?.workspaceEdit;
    canCreateFiles = Boolean(we?.documentChanges && we.resourceOperations?.includes('create'));
    watchDynamically = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        hoverProvider: true,
        diagnosticProvider: { identifier: 'plainspoke', interFileDependencies: false, workspaceDiagnostics: false },
        executeCommandProvider: { commands: [WRITE_CONFIG] },
      },
      serverInfo: { name: 'plainspoke', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.plainspoke.{yml,yaml,json}' }, { globPattern: '**/package.json' }],
      });
    }
    // Load the parsers and rules now, so the first keystroke does not pay for it.
    void loadPipeline();
  });

  function newResolver(): ConfigResolver {
    try {
      return resolverFor({ cwd: root });
    } catch {
      return resolverFor({ cwd: root, config: {} });
    }
  }

  function stateFor(uri: string, doc: TextDocument): DocState {
    let abs: string;
    if (uri.startsWith('file:')) abs = fileURLToPath(uri);
    else abs = join(root, `untitled${doc.languageId === 'html' ? '.html' : '.md'}`);
    // A file with another extension still lints when the editor says it is Markdown or HTML.
    if (!kindOfPath(abs) && (doc.languageId === 'markdown' || doc.languageId === 'html')) abs = `${abs}${doc.languageId === 'html' ? '.html' : '.md'}`;
    const lintable = Boolean(kindOfPath(abs)) && extname(abs) !== '';
    return { doc, target: { path: displayPath(abs, root), absPath: abs }, lintable, entries: [], axe: [], lintedVersion: -1, lintedGen: -1, cache: new Map(), blocks: new Map() };
  }

  /**
   * Lints one document (every rule but axe; axe too when asked), then publishes unless told not to.
   * A long Markdown document is linted by sections between full lints (blocks.ts) unless `full`.
   */
  async function lint(st: DocState, withAxe: boolean, publishAfter = true, full = false): Promise<void> {
    const version = st.doc.version;
    const text = st.doc.getText();
    if (!full && st.docLevel && st.lintable && !ignored(st) && blockModeFits(text)) return lintBlocks(st, text, version, publishAfter);
    const key = `${gen}\0${text}`;
    let entries = st.cache.get(key);
    if (!st.lintable || ignored(st)) entries = [];
    let channel: string | undefined = st.channel;
    if (!entries) {
      const result = await lintTextWith(text, st.target, resolver, { noAxe: true, fingerprints: false });
      if (st.doc.version !== version || docs.get(st.doc.uri) !== st) return; // a newer lint follows
      entries = toEntries(st, text, result, (await loadPipeline()).rawFindingOf);
      channel = result.error ? undefined : result.channel;
      st.language = result.metrics?.language;
      st.cache.delete(key);
      st.cache.set(key, entries);
      while (st.cache.size > CACHE_PER_DOC) st.cache.delete(st.cache.keys().next().value!);
    }
    st.entries = entries;
    st.channel = channel;
    // What the sections cannot see, kept (and moved with the edits) until the next full lint.
    const blockable = st.lintable && kindOfPath(st.target.absPath) === 'markdown' && channel !== undefined && !(REPLY_CHANNELS as readonly string[]).includes(channel);
    // Copies: edits move them, and the cached entries must keep the spans of their own text.
    st.docLevel = blockable ? entries.filter((e) => !isLocalRule(e.finding.ruleId)).map((e) => ({ ...e, diagnostic: { ...e.diagnostic } })) : undefined;
    st.lintedVersion = version;
    st.lintedGen = gen;
    if (publishAfter) publish(st);
    if (withAxe && axeOn && st.lintable && !ignored(st) && axeActive(st)) {
      const result = await lintTextWith(text, st.target, resolver, { only: ['axe'], fingerprints: false });
      if (st.doc.version !== version || docs.get(st.doc.uri) !== st) return;
      const twins = new Set(st.entries.map((e) => `${e.finding.ruleId}\0${e.span.start}`));
      st.axe = toEntries(st, text, result, (await loadPipeline()).rawFindingOf).filter((e) => e.finding.ruleId.startsWith('axe/') && !AXE_TWINS[e.finding.ruleId]?.some((t) => twins.has(`${t}\0${e.span.start}`)));
      if (push) publish(st);
      else if (refreshSupport) void connection.languages.diagnostics.refresh();
    }
  }

  /** The rules that see only their sentence or element, on the sections that changed; the rest from the last full lint. */
  async function lintBlocks(st: DocState, text: string, version: number, publishAfter: boolean): Promise<void> {
    const { rawFindingOf } = await loadPipeline();
    const next = new Map<string, BlockResult>();
    const entries: Entry[] = [];
    // A section is too short to tell its language: it is the document's.
    const sectionResolver = withLanguage(resolver, st.language);
    const defs = referenceDefinitions(text);
    for (const [start, end] of sections(text)) {
      const part = withDefinitions(text.slice(start, end), defs);
      const key = `${gen}\0${st.language}\0${part}`;
      let found = next.get(key) ?? st.blocks.get(key);
      if (!found) {
        const result = await lintTextWith(part, st.target, sectionResolver, { noAxe: true, fingerprints: false, only: LOCAL_RULES });
        if (st.doc.version !== version || docs.get(st.doc.uri) !== st) return;
        if (result.error) return lint(st, false, publishAfter, true);
        found = result.findings.map((f) => ({ finding: f, raw: rawFindingOf.get(f) }));
      }
      next.set(key, found);
      for (const { finding, raw } of found) if (raw && raw.span.end <= end - start) entries.push(toEntry(st.doc, text, finding, raw, start));
    }
    for (const e of st.docLevel ?? []) {
      e.diagnostic.range = { start: st.doc.positionAt(e.span.start), end: st.doc.positionAt(e.span.end) };
      entries.push(e);
    }
    entries.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    st.blocks = next;
    st.entries = entries;
    st.lintedVersion = version;
    st.lintedGen = gen;
    if (publishAfter) publish(st);
    // Once the writer pauses, a full lint brings the whole-document rules up to date.
    if (st.fullTimer) clearTimeout(st.fullTimer);
    st.fullTimer = setTimeout(() => {
      st.fullTimer = undefined;
      if (docs.get(st.doc.uri) === st) void run(st, false, push, true);
    }, debounceMs + FULL_LINT_PAUSE_MS);
  }

  function toEntries(st: DocState, text: string, result: FileResult, rawOf: WeakMap<Finding, RawFinding>): Entry[] {
    if (result.error) return [{ diagnostic: errorDiagnostic(`plainspoke could not lint this file: ${result.error}`), finding: { ruleId: '', severity: 'error', message: result.error, line: 1, column: 1, endLine: 1, endColumn: 1, source: 'plainspoke', fixable: false }, span: { start: 0, end: 0 }, word: '' }];
    const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return result.findings.map((f) => toEntry(st.doc, text, f, rawOf.get(f), shift));
  }

  function ignored(st: DocState): boolean {
    try {
      return resolver.isIgnored(st.target.absPath);
    } catch {
      return false;
    }
  }

  function axeActive(st: DocState): boolean {
    try {
      return activeRules(resolver.resolve(st.target.absPath), { only: ['axe'] }).length > 0;
    } catch {
      return false;
    }
  }

  function diagnosticsOf(st: DocState): Diagnostic[] {
    for (const e of st.axe) e.diagnostic.range = { start: st.doc.positionAt(e.span.start), end: st.doc.positionAt(e.span.end) };
    return [...st.entries, ...st.axe].map((e) => e.diagnostic);
  }

  function publish(st: DocState): void {
    if (!push) return;
    void connection.sendDiagnostics({ uri: st.doc.uri, version: st.doc.version, diagnostics: diagnosticsOf(st) });
  }

  /** Lints now unless the entries already match the text and config. */
  async function ensureLinted(st: DocState): Promise<void> {
    while ((st.lintedVersion !== st.doc.version || st.lintedGen !== gen) && docs.get(st.doc.uri) === st) {
      if (st.running) await st.running;
      else await run(st, false, false);
    }
  }

  function run(st: DocState, withAxe: boolean, publishAfter = true, full = false): Promise<void> {
    const p = lint(st, withAxe, publishAfter, full || withAxe).catch((e: unknown) => {
      connection.console.error(`plainspoke: ${(e as Error)?.stack ?? String(e)}`);
      st.lintedVersion = st.doc.version;
      st.lintedGen = gen;
    });
    st.running = p;
    void p.finally(() => {
      if (st.running === p) st.running = undefined;
    });
    return p;
  }

  function schedule(st: DocState): void {
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void run(st, false, push);
    }, debounceMs);
  }

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    const doc = TextDocument.create(t.uri, t.languageId, t.version, t.text);
    const st = stateFor(t.uri, doc);
    docs.set(t.uri, st);
    void run(st, true, push);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const st = docs.get(textDocument.uri);
    if (!st) return;
    for (const change of contentChanges) applyChange(st, change, textDocument.version);
    schedule(st);
  });

  function applyChange(st: DocState, change: TextDocumentContentChangeEvent, version: number): void {
    if (!('range' in change)) {
      // The whole text replaced: nothing can be carried over, so the next lint is a full one.
      st.axe = [];
      st.docLevel = undefined;
      st.doc = TextDocument.update(st.doc, [change], version);
      return;
    }
    const start = st.doc.offsetAt(change.range.start);
    const end = st.doc.offsetAt(change.range.end);
    const delta = change.text.length - (end - start);
    st.doc = TextDocument.update(st.doc, [change], version);
    // Axe findings follow the text until the next save, whole-document ones until the next full lint:
    // after the edit they move, inside it they go.
    st.axe = carry(st.axe, start, end, delta);
    if (st.docLevel) st.docLevel = carry(st.docLevel, start, end, delta);
  }

  /** Moves findings through one edit: after it they shift, around it they stretch, across one of their ends they go. */
  function carry(entries: Entry[], start: number, end: number, delta: number): Entry[] {
    const kept: Entry[] = [];
    for (const e of entries) {
      if (e.span.end <= start) kept.push(e);
      else if (e.span.start >= end) {
        e.span = { start: e.span.start + delta, end: e.span.end + delta };
        if (e.fix) e.fix = { ...e.fix, span: { start: e.fix.span.start + delta, end: e.fix.span.end + delta } };
        kept.push(e);
      } else if (e.span.start < start && end < e.span.end && e.span.end + delta > e.span.start) {
        // An edit inside a paragraph-long finding (readability): it stays, one edit longer or shorter; its fix no longer fits.
        e.span = { start: e.span.start, end: e.span.end + delta };
        e.fix = undefined;
        kept.push(e);
      }
    }
    return kept;
  }

  connection.onDidSaveTextDocument(({ textDocument }) => {
    const st = docs.get(textDocument.uri);
    if (!st) return;
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    void run(st, true, push);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const st = docs.get(textDocument.uri);
    if (st?.timer) clearTimeout(st.timer);
    if (st?.fullTimer) clearTimeout(st.fullTimer);
    docs.delete(textDocument.uri);
    if (push) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async ({ textDocument }): Promise<DocumentDiagnosticReport> => {
    const st = docs.get(textDocument.uri);
    if (!st) return { kind: 'full', items: [] };
    await ensureLinted(st);
    return { kind: 'full', items: diagnosticsOf(st) };
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!changes.some((c) => CONFIG_FILE.test(basename(c.uri.startsWith('file:') ? fileURLToPath(c.uri) : c.uri)))) return;
    reload();
  });

  /** A config file changed: read the configs and rule docs again and lint every open document. */
  function reload(): void {
    gen++;
    resolver = newResolver();
    clearRuleDocs();
    for (const st of docs.values()) {
      st.cache.clear();
      void run(st, false, push, true);
    }
    if (!push && refreshSupport) void connection.languages.diagnostics.refresh();
  }

  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command !== WRITE_CONFIG || !args || typeof args[0] !== 'string' || typeof args[1] !== 'string') return;
    const file = resolve(args[0]);
    if (!CONFIG_FILE.test(basename(file)) || basename(file) === 'package.json') return;
    writeFileSync(file, args[1]);
    reload();
  });

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    const st = docs.get(textDocument.uri);
    if (!st) return null;
    await ensureLinted(st);
    const hits = [...st.entries, ...st.axe].filter((e) => e.finding.ruleId && contains(e.diagnostic.range, position));
    if (!hits.length) return null;
    const parts: string[] = [];
    const seen = new Set<string>();
    for (const e of hits) {
      const id = e.finding.ruleId;
      parts.push(`**${id}**: ${e.finding.message}`);
      if (seen.has(id)) continue;
      seen.add(id);
      try {
        const doc = explainRule(id);
        if (doc.why) parts.push(`**Why**\n\n${doc.why}`);
        if (doc.howToFix) parts.push(`**How to fix**\n\n${doc.howToFix}`);
        parts.push(`[Read more about ${id}](${e.diagnostic.codeDescription?.href ?? doc.docs})`);
      } catch {
        /* an id with no doc: the message says enough */
      }
    }
    return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: hits[0].diagnostic.range };
  });

  connection.onCodeAction(async ({ textDocument, range, context }): Promise<CodeAction[]> => {
    const st = docs.get(textDocument.uri);
    if (!st) return [];
    await ensureLinted(st);
    const uri = st.doc.uri;
    const all = [...st.entries, ...st.axe].filter((e) => e.finding.ruleId);
    const wantsFixAll = context.only?.some((k) => k !== '' && FIX_ALL.startsWith(k)) ?? false;
    const wantsQuick = !context.only || context.only.some((k) => CodeActionKind.QuickFix.startsWith(k));
    const actions: CodeAction[] = [];
    if (wantsQuick) {
      const picked = all.filter((e) => overlaps(e.diagnostic.range, range) || context.diagnostics.some((d) => sameDiagnostic(d, e.diagnostic)));
      for (const e of picked) {
        const id = e.finding.ruleId;
        const diagnostics = [e.diagnostic];
        if (e.fix) {
          const fixRange = { start: st.doc.positionAt(e.fix.span.start), end: st.doc.positionAt(e.fix.span.end) };
          actions.push({ title: e.fix.text ? `Fix: change '${e.word}' to '${e.fix.text}'` : `Fix: remove '${e.word}'`, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, edit: { changes: { [uri]: [{ range: fixRange, newText: e.fix.text }] } } });
        }
        for (const s of (e.finding.suggestions ?? []).slice(0, 3)) {
          if (e.fix && s === e.fix.text) continue;
          actions.push({ title: `Change to '${s}'`, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: [{ range: e.diagnostic.range, newText: s }] } } });
        }
        actions.push(disableAction(st, e));
        const allow = WORD_RULES.has(id) ? allowAction(st, e) : undefined;
        if (allow) actions.push(allow);
      }
    }
    if ((wantsFixAll || (!context.only && all.some((e) => e.fix))) && all.some((e) => e.fix)) {
      const text = st.doc.getText();
      const version = st.doc.version;
      const result = await lintTextWith(text, st.target, resolver, { noAxe: true, fix: true, fingerprints: false });
      if (result.fixedText !== undefined && result.fixedText !== text && st.doc.version === version) {
        const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
        const whole = { start: st.doc.positionAt(shift), end: st.doc.positionAt(text.length) };
        actions.push({ title: 'Fix all safe plainspoke problems', kind: FIX_ALL, edit: { changes: { [uri]: [{ range: whole, newText: result.fixedText }] } } });
      }
    }
    return actions;
  });

  function disableAction(st: DocState, e: Entry): CodeAction {
    const line = e.diagnostic.range.start.line;
    const text = st.doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    // Keep the line's indentation and blockquote markers so the comment stays in the same block.
    const prefix = /^[ \t>]*/.exec(text)?.[0] ?? '';
    const eol = st.doc.getText().includes('\r\n') ? '\r\n' : '\n';
    const newText = `${prefix}<!-- plainspoke-disable-next-line ${e.finding.ruleId} -- reason -->${eol}`;
    return {
      title: `Disable ${e.finding.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [e.diagnostic],
      edit: { changes: { [st.doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText }] } },
    };
  }

  function allowAction(st: DocState, e: Entry): CodeAction | undefined {
    const word = e.word.trim();
    if (!word || word.length > 60 || /[\r\n]/.test(word)) return undefined;
    const file = nearestConfig(st.target.absPath, root);
    let existing: { file: string; text: string } | undefined;
    if (file) {
      const open = docs.get(pathToFileURL(file).href);
      try {
        existing = { file, text: open ? open.doc.getText() : readFileSync(file, 'utf8') };
      } catch {
        return undefined;
      }
    }
    const inRoot = !st.target.absPath.startsWith(`${root}/`) && st.target.absPath !== root ? dirname(st.target.absPath) : root;
    const change = acceptWordEdit(word, existing, inRoot);
    if (!change) return undefined;
    const uri = pathToFileURL(change.file).href;
    const title = `Allow '${word}' in this repository (${displayPath(change.file, root)})`;
    const base = { title, kind: CodeActionKind.QuickFix, diagnostics: [e.diagnostic] };
    if (!change.create) {
      const before = TextDocument.create(uri, 'yaml', 0, change.before);
      const edit: WorkspaceEdit = { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: before.positionAt(change.before.length) }, newText: change.after }] } };
      return { ...base, edit };
    }
    if (canCreateFiles) {
      return {
        ...base,
        edit: {
          documentChanges: [
            { kind: 'create', uri, options: { ignoreIfExists: true } },
            { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.after }] },
          ],
        },
      };
    }
    // A client that cannot create files: the server writes the new config itself.
    return { ...base, command: { title, command: WRITE_CONFIG, arguments: [change.file, change.after] } };
  }

  connection.listen();
  return connection;
}

/** The resolver with the given language as the configured one (a section has no declaration of its own). */
function withLanguage(resolver: ConfigResolver, language: string | undefined): ConfigResolver {
  if (!language) return resolver;
  return new Proxy(resolver, {
    get(target, key) {
      if (key === 'resolve') return (...args: Parameters<ConfigResolver['resolve']>) => ({ ...target.resolve(...args), language });
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function contains(range: Range, p: Position): boolean {
  return before(range.start, p, true) && before(p, range.end, true);
}

function before(a: Position, b: Position, orEqual: boolean): boolean {
  return a.line < b.line || (a.line === b.line && (orEqual ? a.character <= b.character : a.character < b.character));
}

function overlaps(a: Range, b: Range): boolean {
  return before(a.start, b.end, true) && before(b.start, a.end, true);
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}
