/**
 * Lints one help-desk export: each item's text is an ordinary Doc (its own
 * channel, language and placeholder syntax) linted by the usual pipeline;
 * findings come back with positions in the export file and an `item`. The
 * engine calls this for every `.json` file (engine/lint-source.ts).
 */
import { createHash } from 'node:crypto';
import { createDoc, type Doc } from '../document/document.js';
import { Locator } from '../document/location.js';
import { lintDoc, type LintOptions } from '../engine/lint-source.js';
import { rawFindingOf } from '../engine/lint-source.js';
import { failed } from '../engine/failed.js';
import type { ConfigResolver } from '../config/resolve.js';
import type { ResolvedSettings } from '../config/settings.js';
import { REPLY_CHANNELS, type Channel, type ExportItem, type FileMetrics, type FileResult, type Finding, type ItemShard, type SourceFormat, type Suppressed } from '../types.js';
import { JsonSyntaxError, parseJson, stringOffsets, type JsonNode } from './json-map.js';
import { ExportError, type SourceField, type SourceItem } from './model.js';
import { detectFormat, formatInfo, readerOf, unknownShape, unwrap } from './detect.js';
import { sourceSettings } from './settings.js';
import { restoreMessage, restorePlaceholders, rewritePlaceholders } from './placeholders.js';
import { spliceStrings, type StringEdit } from './fix.js';
import { addToRepeatTable, repeatedSentences, type RepeatEntry } from './repeats.js';
import { sumMetrics } from './shard.js';

/** Formats whose items are replies (macros, canned responses, saved replies): checked together for repeated sentences. */
const REPLY_FORMATS: readonly SourceFormat[] = ['zendesk-macros', 'intercom-macros', 'freshdesk-canned', 'helpscout-saved-replies'];

export interface ExportRead {
  format: SourceFormat;
  items: SourceItem[];
}

/** Parses an export and reads its items; throws ExportError (a reason, without the path) when it cannot. */
export function readExport(text: string, format?: SourceFormat): ExportRead {
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const p = new Locator(text).point(e.offset);
    throw new ExportError(`is not valid JSON: at line ${p.line}, column ${p.column} it ${e.message}`);
  }
  const { list, wrapper } = unwrap(root);
  const found = format ?? detectFormat(list, wrapper);
  if (!found) {
    if (list.length === 0) return { format: 'zendesk-articles', items: [] };
    throw unknownShape(root, list);
  }
  return { format: found, items: readerOf(found).read(found, list) };
}

/** The channel an item of this format gets: --channel, then the file's `sources` entry, then the format's, then an override, then the format's default. */
function channelFor(format: SourceFormat, settings: ResolvedSettings, src: ReturnType<typeof sourceSettings>): Channel {
  if (settings.channelSource === 'cli') return settings.channel;
  return src.channel ?? src.channels[format] ?? (settings.channelSource === 'override' ? settings.channel : formatInfo(format).channel);
}

/** What an item shard hands over for merging (src/sources/shard.ts). */
export interface ShardData {
  format: SourceFormat;
  /** The shard's sentence table, when repeats are checked. */
  repeats?: [string, RepeatEntry][];
  metrics: FileMetrics[];
  /** Whether findings get fingerprints (the repeats found at the merge too). */
  fingerprints: boolean;
}

/**
 * `shard`: lint only the items whose place in the export falls in this shard (a big export
 * linted side by side in worker threads); the result then carries `sourceShard` for merging.
 */
export async function lintExport(path: string, absPath: string, text: string, resolver: ConfigResolver, settings: ResolvedSettings, opts: LintOptions, shard?: ItemShard): Promise<FileResult> {
  const src = sourceSettings(resolver, absPath);
  let read: ExportRead;
  try {
    read = readExport(text, src.format);
  } catch (e) {
    if (e instanceof ExportError) return failed(path, settings.channel, `${path}: ${e.message}`);
    throw e;
  }
  const { format, items } = read;
  const channel = channelFor(format, settings, src);
  const itemSettings: ResolvedSettings = channel === settings.channel ? settings : { ...settings, channel };
  const platform = readerOf(format).platform;
  const fileLoc = new Locator(text);
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const edits: StringEdit[] = [];
  const metrics: FileMetrics[] = [];
  const wantFingerprints = opts.fingerprints !== false;
  const timeoutMs = settings.timeout * 1000;
  // Replies of one export are also checked together for sentences they all repeat (repeats.ts).
  const robotic = itemSettings.rules['robotic-phrase'];
  const repeatsOn = REPLY_FORMATS.includes(format) && robotic !== undefined && robotic.severity !== 'off' && REPLY_CHANNELS.includes(channel) && !(opts.only && !opts.only.includes('robotic-phrase'));
  const table = repeatsOn ? new Map<string, RepeatEntry>() : undefined;

  for (const [order, item] of items.entries()) {
    if (shard && order % shard.count !== shard.index) continue;
    for (const field of item.fields) {
      const ref: ExportItem = {
        ...item.ref,
        ...(field.title !== undefined ? { title: field.title } : {}),
        ...(field.locale !== undefined ? { locale: field.locale } : {}),
        field: field.name,
      };
      const { text: body, rewrites } = rewritePlaceholders(field.node.value, platform);
      let doc: Doc = createDoc(path, body, field.html ? 'html' : 'markdown', channel);
      if (ref.locale) doc = Object.create(doc, { language: { value: ref.locale, enumerable: true } }) as Doc;
      // Each item has the file's time budget (config `timeout`) of its own.
      const result = await lintDoc(doc, itemSettings, { ...opts, fingerprints: false, deadline: performance.now() + timeoutMs });
      if (result.fixedText !== undefined) {
        edits.push({ node: field.node, value: restorePlaceholders(result.fixedText, rewrites) });
        continue;
      }
      const toFile = positionsOf(text, field, fileLoc);
      for (const f of result.findings) {
        const raw = rawFindingOf.get(f);
        const startOff = raw ? raw.span.start : doc.loc.offset(f.line, f.column);
        // A Help Scout or Intercom fallback is rewritten into Liquid braces with its value as the platform wrote
        // it ("fallback=there"): unquoted is that platform's own syntax, not Liquid's field lookup.
        if (f.messageId === 'unquotedDefault' && rewrites.some((r) => startOff >= r.start && startOff < r.start + r.replaced.length)) continue;
        const endOff = raw ? Math.max(raw.span.end, raw.span.start) : doc.loc.offset(f.endLine, f.endColumn);
        const s = toFile(startOff);
        const e = toFile(endOff);
        const out: Finding = { ...f, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, item: ref };
        if (rewrites.length) out.message = restoreMessage(f.message, rewrites, platform);
        if (wantFingerprints) out.fingerprint = fingerprint(doc, f, raw?.context, raw?.span, path, ref);
        findings.push(out);
      }
      for (const s of result.suppressed ?? []) {
        const p = toFile(doc.loc.offset(s.line, s.column));
        suppressed.push({ ...s, line: p.line, column: p.column });
      }
      if (result.metrics) metrics.push(result.metrics);
      if (table) addToRepeatTable(table, { doc, ref, order, toFile });
    }
  }

  if (edits.length) {
    // Fixed strings go back into the file; the report then describes the fixed file (positions included).
    const fixedText = spliceStrings(text, edits);
    const next = await lintExport(path, absPath, fixedText, resolver, settings, { ...opts, fix: false });
    return next.error ? next : { ...next, fixedText };
  }

  if (shard) {
    const data: ShardData = { format, metrics, fingerprints: wantFingerprints, ...(table ? { repeats: [...table] } : {}) };
    const result: FileResult = { path, channel, findings, sourceShard: data };
    if (suppressed.length) result.suppressed = suppressed;
    return result;
  }
  if (table) findings.push(...repeatedSentences(table, format, path, wantFingerprints));

  findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const result: FileResult = { path, channel, findings, metrics: sumMetrics(metrics) };
  if (suppressed.length) result.suppressed = suppressed.sort((a, b) => a.line - b.line || a.column - b.column);
  return result;
}

/** Maps an offset in a field's decoded text to its line and column in the export file. */
export function positionsOf(text: string, field: SourceField, fileLoc: Locator): (offset: number) => { line: number; column: number } {
  const node = field.node;
  let map: Int32Array | undefined;
  return (offset) => {
    const o = Math.max(0, Math.min(offset, node.value.length));
    if (!node.escaped) return fileLoc.point(node.start + 1 + o);
    map ??= stringOffsets(text, node);
    return fileLoc.point(map[o]);
  };
}

/** Rule id, path, item id and field, the normalised sentence or element text and the quoted words — never a line (CONTRACT "Baseline"). */
function fingerprint(doc: Doc, f: Finding, context: { start: number; end: number } | undefined, span: { start: number; end: number } | undefined, path: string, ref: ExportItem): string {
  let ctx: string;
  if (context) ctx = doc.slice(context);
  else {
    const lines: string[] = [];
    for (let l = f.line; l <= Math.min(f.endLine, f.line + 20); l++) lines.push(doc.loc.lineText(l));
    ctx = lines.join('\n');
  }
  const normalised = ctx.replace(/\s+/g, ' ').trim().toLowerCase();
  const quoted = span ? doc.slice(span).replace(/\s+/g, ' ').trim().toLowerCase() : '';
  return createHash('sha256').update(`${f.ruleId}\0${path}\0${String(ref.id)}\0${ref.field ?? ''}\0${normalised}\0${quoted}`).digest('hex').slice(0, 32);
}
