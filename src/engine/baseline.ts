/**
 * Baseline (CONTRACT "Baseline"): a file of known findings, keyed by
 * `Finding.fingerprint` (rule id + path + normalised sentence or element
 * text, never the line), with a count per fingerprint, so two identical
 * findings in one sentence need two entries. A run with a baseline hides the
 * known findings, fails only on new ones, and says how many it hid and how
 * many known ones are gone. `--update-baseline` rewrites the file from the
 * current findings, which shrinks it as old findings get fixed.
 *
 * The baseline is a post-process on the Report, so the cache, the worker
 * pool and every formatter stay unaware of it.
 */
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSafely, repositoryRoot } from '../util/read-file-safely.js';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Finding, Report } from '../types.js';
import { summarise } from '../report/summary.js';
import { UsageError } from '../util/errors.js';

export const DEFAULT_BASELINE_FILE = '.plainspoke-baseline.json';
const FORMAT = 'plainspoke-baseline';

/** One fingerprint's known findings. `ruleId`, `path` and `message` are for people reading a diff of the file. */
export interface BaselineEntry {
  count: number;
  ruleId: string;
  path: string;
  message?: string;
}

export interface Baseline {
  entries: Map<string, BaselineEntry>;
}

export function emptyBaseline(): Baseline {
  return { entries: new Map() };
}

/** Builds a baseline from a report's findings (files that failed add nothing). */
export function baselineFromReport(report: Report): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const file of report.files) {
    if (file.error) continue;
    for (const f of file.findings) {
      if (!f.fingerprint) continue;
      const e = entries.get(f.fingerprint);
      if (e) e.count++;
      else entries.set(f.fingerprint, { count: 1, ruleId: f.ruleId, path: file.path, message: f.message });
    }
  }
  return { entries };
}

/**
 * Hides the findings the baseline knows. Each entry hides at most `count`
 * findings; what is left of the counts, for the files this run linted, is
 * "fixed". Entries for files this run did not lint (a pre-commit run on two
 * files) or could not lint are neither hidden nor fixed.
 */
export function applyBaseline(report: Report, baseline: Baseline): { report: Report; hidden: number; fixed: number } {
  const left = new Map<string, number>();
  for (const [fp, e] of baseline.entries) left.set(fp, e.count);
  let hidden = 0;
  const files = report.files.map((file) => {
    if (file.error) return file;
    const findings: Finding[] = [];
    for (const f of file.findings) {
      const n = f.fingerprint ? (left.get(f.fingerprint) ?? 0) : 0;
      if (n > 0) {
        left.set(f.fingerprint!, n - 1);
        hidden++;
      } else findings.push(f);
    }
    return findings.length === file.findings.length ? file : { ...file, findings };
  });
  const linted = new Set(report.files.filter((f) => !f.error).map((f) => f.path));
  let fixed = 0;
  for (const [fp, e] of baseline.entries) if (linted.has(e.path)) fixed += left.get(fp) ?? 0;
  const out: Report = { ...report, files, summary: summarise(files), baseline: { hidden, fixed } };
  return { report: out, hidden, fixed };
}

/**
 * The baseline `--update-baseline` writes: every current finding of the files
 * this run linted, plus the old entries of files it did not lint (or could
 * not), so a run on a few files never forgets the rest.
 */
export function updatedBaseline(previous: Baseline, report: Report): Baseline {
  const current = baselineFromReport(report);
  const linted = new Set(report.files.filter((f) => !f.error).map((f) => f.path));
  for (const [fp, e] of previous.entries) {
    if (linted.has(e.path) || current.entries.has(fp)) continue;
    current.entries.set(fp, { ...e });
  }
  return current;
}

export function baselineSize(b: Baseline): number {
  let n = 0;
  for (const e of b.entries.values()) n += e.count;
  return n;
}

/** Parses a baseline file's text; a bad file is a UsageError (exit 2) naming it. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Not V8's message: it quotes the file's text.
    throw new UsageError(`${file}: is not a plainspoke baseline (not valid JSON); delete it and run again with --update-baseline`);
  }
  const d = data as { format?: unknown; version?: unknown; findings?: unknown };
  if (!d || typeof d !== 'object' || d.format !== FORMAT || d.version !== 1 || !d.findings || typeof d.findings !== 'object' || Array.isArray(d.findings)) {
    throw new UsageError(`${file}: is not a plainspoke baseline (version 1); delete it and run again with --update-baseline`);
  }
  const entries = new Map<string, BaselineEntry>();
  for (const [fp, raw] of Object.entries(d.findings as Record<string, unknown>)) {
    const e = raw as Partial<BaselineEntry> | null;
    if (!e || typeof e !== 'object' || !Number.isInteger(e.count) || (e.count as number) < 1 || typeof e.ruleId !== 'string' || typeof e.path !== 'string') {
      throw new UsageError(`${file}: entry '${fp}' needs a count of 1 or more, a ruleId and a path`);
    }
    entries.set(fp, { count: e.count as number, ruleId: e.ruleId, path: e.path, ...(typeof e.message === 'string' ? { message: e.message } : {}) });
  }
  return { entries };
}

/** Serialises a baseline: sorted by path, rule and fingerprint so diffs of it read well in review. */
export function stringifyBaseline(b: Baseline): string {
  const sorted = [...b.entries].sort(([fa, a], [fb, b2]) => cmp(a.path, b2.path) || cmp(a.ruleId, b2.ruleId) || cmp(fa, fb));
  const findings: Record<string, BaselineEntry> = {};
  for (const [fp, e] of sorted) findings[fp] = { count: e.count, ruleId: e.ruleId, path: e.path, ...(e.message ? { message: e.message } : {}) };
  return `${JSON.stringify({ format: FORMAT, version: 1, findings }, null, 2)}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A baseline file bigger than this is refused without reading it (100,000 findings take about 20 MB). */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a baseline file; a missing file is `undefined`. `shown` is the name for messages.
 * Read safely (issue 20): a FIFO, a device or a file over MAX_BASELINE_BYTES is refused without
 * reading it, and a symbolic link is followed only when it stays inside `root` (the repository).
 */
export async function readBaseline(abs: string, shown: string, root: string = repositoryRoot(dirname(abs), dirname(abs))): Promise<Baseline | undefined> {
  const read = await readFileSafely(abs, { limit: MAX_BASELINE_BYTES, links: { inside: root } });
  if (!read.ok) {
    if (read.code === 'ENOENT') return undefined;
    const advice =
      read.code === 'TOO_BIG' ? '; delete it and run again with --update-baseline'
      : read.code === 'NOT_REGULAR' || read.code.startsWith('LINK') ? '; a baseline must be a regular file (delete it and run again with --update-baseline)'
      : '';
    throw new UsageError(`${shown}: ${read.reason}${advice}`);
  }
  return parseBaseline(read.bytes.toString('utf8'), shown);
}

/** Writes a baseline atomically (temp file in the same folder, then rename). */
export async function writeBaseline(abs: string, b: Baseline): Promise<void> {
  // `--update-baseline` into a folder that does not exist yet (issue 17).
  await mkdir(dirname(abs), { recursive: true });
  const tmp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, stringifyBaseline(b), { flag: 'wx' });
    await rename(tmp, abs);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
