/**
 * Macros of one export checked together ("consistency without robotic
 * repetition"): a sentence written word for word the same in three or more
 * replies is reported once, as `robotic-phrase` info on its first use, with
 * how many replies repeat it and their ids. Built in two steps (a table of
 * sentences, then findings) so item shards linted apart can merge their tables.
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../document/document.js';
import type { ExportItem, Finding, SourceFormat } from '../types.js';
import { docsUrlFor } from '../rules/docs-url.js';

export interface RepeatInput {
  doc: Doc;
  ref: ExportItem;
  /** The item's place in the export. */
  order: number;
  toFile: (offset: number) => { line: number; column: number };
}

/** Where a sentence was first used, and which items use it (in export order). */
export interface RepeatEntry {
  order: number;
  ref: ExportItem;
  start: { line: number; column: number };
  end: { line: number; column: number };
  ids: { order: number; id: string | number }[];
}

/** Replies that share a sentence before it counts as stock text. */
export const MIN_REPEATS = 3;
/** Shorter sentences ("Thanks for your patience.") are fine to share. */
const MIN_WORDS = 6;
const SHOWN_IDS = 10;

const NOUN: Partial<Record<SourceFormat, string>> = {
  'freshdesk-canned': 'canned responses',
  'helpscout-saved-replies': 'saved replies',
};

/** Adds each long enough sentence of one reply to the table, by its normalised words (the Doc is not kept). */
export function addToRepeatTable(seen: Map<string, RepeatEntry>, input: RepeatInput): void {
  const mine = new Set<string>();
  for (const s of input.doc.sentences) {
    if (s.block.quote || s.block.kind === 'alt') continue;
    let plain = 0;
    const key = s.words
      .map((w) => {
        if (w.masked) return '{}';
        plain++;
        return w.lower;
      })
      .join(' ');
    if (plain < MIN_WORDS || mine.has(key)) continue;
    mine.add(key);
    const use = { order: input.order, id: input.ref.id };
    const entry = seen.get(key);
    if (!entry) seen.set(key, { order: input.order, ref: input.ref, start: input.toFile(s.span.start), end: input.toFile(s.span.end), ids: [use] });
    else if (!entry.ids.some((x) => x.id === use.id)) entry.ids.push(use);
  }
}

/** Merges tables of item shards: the earliest item's use comes first. */
export function mergeRepeatTables(tables: Iterable<[string, RepeatEntry][]>): Map<string, RepeatEntry> {
  const out = new Map<string, RepeatEntry>();
  for (const table of tables) {
    for (const [key, e] of table) {
      const had = out.get(key);
      if (!had) out.set(key, { ...e, ids: [...e.ids] });
      else {
        const ids = [...had.ids, ...e.ids.filter((x) => !had.ids.some((y) => y.id === x.id))];
        out.set(key, { ...(e.order < had.order ? e : had), ids });
      }
    }
  }
  return out;
}

/** Each repeated sentence's finding, with the normalised sentence (for its baseline fingerprint). */
export function repeatFindings(table: Map<string, RepeatEntry>, format: SourceFormat): { finding: Finding; sentence: string }[] {
  const many = NOUN[format] ?? 'macros';
  const out: { finding: Finding; sentence: string }[] = [];
  for (const [sentence, entry] of table) {
    if (entry.ids.length < MIN_REPEATS) continue;
    const ids = [...entry.ids].sort((a, b) => a.order - b.order).map((x) => x.id);
    const shown = ids.slice(0, SHOWN_IDS).join(', ') + (ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : '');
    const finding: Finding = {
      ruleId: 'robotic-phrase',
      severity: 'info',
      message: `${ids.length} ${many} repeat this sentence word for word (ids ${shown}): reword it in some of them so replies sound less scripted`,
      line: entry.start.line,
      column: entry.start.column,
      endLine: entry.end.line,
      endColumn: entry.end.column,
      source: 'plainspoke',
      fixable: false,
      docsUrl: docsUrlFor('robotic-phrase'),
      messageId: 'repeatedAcrossItems',
      item: entry.ref,
    };
    out.push({ finding, sentence });
  }
  return out;
}

/** The robotic-phrase findings of a sentence table, fingerprinted by the sentence (not the count or the ids: a new copy elsewhere does not make it a new finding). */
export function repeatedSentences(table: Map<string, RepeatEntry>, format: SourceFormat, path: string, withFingerprints: boolean): Finding[] {
  return repeatFindings(table, format).map(({ finding, sentence }) => {
    if (withFingerprints) finding.fingerprint = createHash('sha256').update(`robotic-phrase\0${path}\0repeat\0${sentence}`).digest('hex').slice(0, 32);
    return finding;
  });
}
