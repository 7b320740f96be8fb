/**
 * A big help-desk export is one file but thousands of documents. Linted in
 * one thread it would take as long as all of them in a row, while the same
 * replies as separate files share the worker threads. So a big export is
 * split into item shards (every n-th item), linted side by side like files,
 * and the shards' results are merged into the file's one result, with the
 * cross-macro repeats computed from their merged sentence tables.
 */
import { statSync } from 'node:fs';
import type { FileResult, ItemShard } from '../types.js';
import { isJsonPath } from './settings.js';
import { mergeRepeatTables, repeatedSentences, type RepeatEntry } from './repeats.js';
// Types only: the pipeline (lint-export and the parsers) never loads in the main thread of a pooled run.
import type { ShardData } from './lint-export.js';
import type { FileMetrics } from '../types.js';

/** Exports at least this big are split (about 500 macros). */
export const SHARD_MIN_BYTES = 256 * 1024;
const MAX_SHARDS = 16;

/** The shape of lint-files' pending tasks (a file index, its bytes, and where its result goes). */
export interface PendingLike {
  index: number;
  bytes?: Uint8Array;
  size?: number;
  done: (r: FileResult) => void;
  settled?: boolean;
}

/**
 * Splits each big export among `pending` into item shards: new file entries
 * (the same file with an `itemShard`) and tasks whose results, once all are
 * in, are merged and handed to the export's own task.
 */
export function shardExports<F extends { absPath: string; path: string; itemShard?: ItemShard }, P extends PendingLike>(
  files: readonly F[],
  pending: P[],
  threads: number,
  make: (index: number, bytes: Uint8Array | undefined, done: (r: FileResult) => void) => P,
): { files: readonly F[]; pending: P[] } {
  if (threads < 2) return { files, pending };
  let all: F[] | undefined;
  const out: P[] = [];
  for (const p of pending) {
    const file = files[p.index];
    const size = isJsonPath(file.path) && !file.itemShard ? (p.size ?? p.bytes?.byteLength ?? sizeOf(file.absPath)) : 0;
    if (size < SHARD_MIN_BYTES) {
      out.push(p);
      continue;
    }
    all ??= [...files];
    const count = Math.min(MAX_SHARDS, threads * 2);
    const results: FileResult[] = new Array(count);
    let left = count;
    for (let index = 0; index < count; index++) {
      all.push({ ...file, itemShard: { index, count } });
      out.push(
        make(all.length - 1, p.bytes, (r) => {
          results[index] = r;
          if (--left === 0) p.done(mergeShards(results));
        }),
      );
    }
  }
  return { files: all ?? files, pending: out };
}

function sizeOf(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0;
  }
}

/** One result from the shards' results: findings, suppressions and metrics together, and the repeats of all items. */
export function mergeShards(results: readonly FileResult[]): FileResult {
  const failed = results.find((r) => r.error);
  if (failed) {
    const { sourceShard: _shard, ...rest } = failed;
    return rest;
  }
  return mergeWith(results);
}

function mergeWith(results: readonly FileResult[]): FileResult {
  const data = results.map((r) => r.sourceShard as ShardData);
  const first = results[0];
  const findings = results.flatMap((r) => r.findings);
  const withFingerprints = data[0].fingerprints;
  if (data.some((d) => d.repeats)) {
    const table = mergeRepeatTables(data.map((d) => d.repeats ?? ([] as [string, RepeatEntry][])));
    findings.push(...repeatedSentences(table, data[0].format, first.path, withFingerprints));
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const suppressed = results.flatMap((r) => r.suppressed ?? []).sort((a, b) => a.line - b.line || a.column - b.column);
  const out: FileResult = { path: first.path, channel: first.channel, findings, metrics: sumMetrics(data.flatMap((d) => d.metrics)) };
  if (suppressed.length) out.suppressed = suppressed;
  return out;
}

/** Metrics of many documents as one: sums, and the grade weighted by words. */
export function sumMetrics(all: readonly FileMetrics[]): FileMetrics {
  let words = 0;
  let sentences = 0;
  let graded = 0;
  let gradeWords = 0;
  for (const m of all) {
    words += m.words;
    sentences += m.sentences;
    if (m.words) {
      graded += m.gradeLevel * m.words;
      gradeWords += m.words;
    }
  }
  return {
    words,
    sentences,
    gradeLevel: gradeWords ? Math.round((graded / gradeWords) * 10) / 10 : 0,
    readingTimeMinutes: words ? Math.max(1, Math.ceil(words / 238)) : 0,
  };
}
