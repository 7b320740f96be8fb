/**
 * `plainspoke drill [paths...]`: the five-minute daily drill (issue 18). It
 * picks 3–5 real findings from the repository's own content, a fixed mix of
 * rule families, in an order set by a seed (today's date by default, so a team
 * practises the same set on the same day). For each, it shows the sentence and
 * the rule's "why", asks for a rewrite, lints the rewrite on the spot in the
 * same channel and gives one note: fixed, still flagged, or a new problem.
 *
 * It never records who answered: nothing is written anywhere, and nothing
 * about the writer is read.
 */
import { createInterface } from 'node:readline';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from '../io.js';
import { UsageError } from '../../util/errors.js';
import { safeLine } from '../../util/terminal.js';
import { packageRoot } from '../../util/package-root.js';
import { sentenceFinder } from '../../report/insights/sentences.js';
import type { Channel, Finding } from '../../types.js';

/** Rules whose findings sit in one sentence, so a one-sentence rewrite can fix them; by family. */
export const DRILL_RULES: Readonly<Record<string, 'plain' | 'care' | 'a11y'>> = {
  'sentence-length': 'plain',
  'passive-voice': 'plain',
  'simpler-words': 'plain',
  jargon: 'plain',
  'minimizing-language': 'plain',
  'inclusive-language': 'plain',
  'undefined-acronym': 'plain',
  'blame-language': 'care',
  'robotic-phrase': 'care',
  'time-bound-commitment': 'care',
  'sensory-language': 'a11y',
};

/** The family of each exercise in turn: the mix is fixed, the findings change with the seed. */
export const DRILL_MIX = ['plain', 'care', 'a11y', 'plain', 'care'] as const;

export interface DrillCandidate {
  path: string;
  channel: Channel;
  finding: Finding;
}

export interface Exercise {
  ruleId: string;
  family: 'plain' | 'care' | 'a11y';
  path: string;
  channel: Channel;
  line: number;
  column: number;
  message: string;
  sentence: string;
  why: string;
}

export interface DrillOptions {
  seed?: string;
  count?: number;
  format?: string;
  config?: string;
}

/** Today as YYYY-MM-DD (UTC): the default seed, the same for a whole team on the same day. */
export function todaySeed(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** FNV-1a of the seed, then mulberry32: the same seed gives the same numbers on every machine. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle driven by the seed; the input order is first made canonical. */
export function shuffle<T>(items: readonly T[], seed: string, key: (t: T) => string): T[] {
  const out = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const rand = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Picks up to `count` findings: one per slot of DRILL_MIX, from the slot's family when it has
 * one left (else any family), a rule not picked yet when there is one, each from a new sentence.
 * `hasSentence` filters out findings whose sentence cannot be shown.
 */
export function pickExercises(candidates: readonly DrillCandidate[], seed: string, count = 5, hasSentence: (c: DrillCandidate) => boolean = () => true): DrillCandidate[] {
  const pool = shuffle(
    candidates.filter((c) => DRILL_RULES[c.finding.ruleId]),
    seed,
    (c) => `${c.path}\0${String(c.finding.line).padStart(8, '0')}\0${String(c.finding.column).padStart(8, '0')}\0${c.finding.ruleId}`,
  );
  const picked: DrillCandidate[] = [];
  const usedLines = new Set<string>();
  const rejected = new Set<DrillCandidate>();
  const ok = (c: DrillCandidate) => {
    if (rejected.has(c) || picked.includes(c) || usedLines.has(`${c.path}:${c.finding.line}`)) return false;
    if (!hasSentence(c)) {
      rejected.add(c);
      return false;
    }
    return true;
  };
  for (let slot = 0; slot < Math.min(count, DRILL_MIX.length); slot++) {
    const family = DRILL_MIX[slot];
    const rules = new Set(picked.map((p) => p.finding.ruleId));
    const tries: ((c: DrillCandidate) => boolean)[] = [
      (c) => DRILL_RULES[c.finding.ruleId] === family && !rules.has(c.finding.ruleId),
      (c) => DRILL_RULES[c.finding.ruleId] === family,
      (c) => !rules.has(c.finding.ruleId),
      () => true,
    ];
    let chosen: DrillCandidate | undefined;
    for (const t of tries) {
      chosen = pool.find((c) => t(c) && ok(c));
      if (chosen) break;
    }
    if (!chosen) break;
    picked.push(chosen);
    usedLines.add(`${chosen.path}:${chosen.finding.line}`);
  }
  return picked;
}

/** The first paragraph of the "Why" section of rules/<id>.md, on one line. */
export function ruleWhy(ruleId: string): string {
  const file = join(packageRoot, 'rules', `${ruleId}.md`);
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\n## Why');
  if (start < 0) return '';
  const body = text.slice(text.indexOf('\n', start + 1) + 1);
  const end = body.indexOf('\n## ');
  const para = (end < 0 ? body : body.slice(0, end)).trim().split(/\n\s*\n/)[0] ?? '';
  return para.replace(/\s+/g, ' ').trim();
}

/** The one note on a rewrite: the rule's findings in it, and any other sentence-level findings. */
export function improvementNote(ruleId: string, findings: readonly Pick<Finding, 'ruleId' | 'message'>[]): { kind: 'fixed' | 'still' | 'new'; text: string } {
  const same = findings.find((f) => f.ruleId === ruleId);
  if (same) return { kind: 'still', text: `Still flagged: ${same.message} (${ruleId}).` };
  const other = findings.find((f) => DRILL_RULES[f.ruleId]);
  if (other) return { kind: 'new', text: `Fixed, but there is a new problem: ${other.message} (${other.ruleId}).` };
  return { kind: 'fixed', text: `Fixed: ${ruleId} finds nothing in your rewrite.` };
}

/** Lines of standard input, one at a time (node:readline); undefined at the end of input. */
function lineReader(input: NodeJS.ReadableStream, output: { write(s: string): unknown }): { ask(prompt: string): Promise<string | undefined>; close(): void } {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiting: ((s: string | undefined) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else lines.push(l);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(undefined);
  });
  return {
    ask(prompt) {
      output.write(prompt);
      if (lines.length) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((res) => waiting.push(res));
    },
    close: () => rl.close(),
  };
}

export async function runDrill(paths: string[], opts: DrillOptions, io: CliIO, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: the drill prints text or json`);
  const count = opts.count ?? 5;
  if (!Number.isInteger(count) || count < 3 || count > 5) throw new UsageError(`--count ${count}: a drill has 3 to 5 exercises`);
  const seed = opts.seed ?? todaySeed();
  const { lintFiles, lintText } = await import('../../api/lint.js');
  const report = await lintFiles(paths.length ? paths : ['.'], { cwd: io.cwd, axe: false, ...(opts.config ? { config: opts.config } : {}) });
  for (const f of report.files) if (f.error) io.stderr.write(`plainspoke: ${safeLine(f.error)}\n`);
  const candidates: DrillCandidate[] = report.files.flatMap((file) => (file.error ? [] : file.findings.map((finding) => ({ path: file.path, channel: file.channel, finding }))));
  const sentenceOf = sentenceFinder({ cwd: io.cwd }, { whole: true, maxLength: 600 });
  const sentences = new Map<DrillCandidate, string>();
  const hasSentence = (c: DrillCandidate) => {
    const s = sentenceOf(c.path, c.channel, c.finding)?.text;
    if (s) sentences.set(c, s);
    return Boolean(s);
  };
  const exercises: Exercise[] = pickExercises(candidates, seed, count, hasSentence).map((c) => ({
    ruleId: c.finding.ruleId,
    family: DRILL_RULES[c.finding.ruleId],
    path: c.path,
    channel: c.channel,
    line: c.finding.line,
    column: c.finding.column,
    message: c.finding.message,
    sentence: sentences.get(c) ?? '',
    why: ruleWhy(c.finding.ruleId),
  }));

  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ seed, count: exercises.length, exercises }, null, 2)}\n`);
    return 0;
  }
  const out = io.stdout;
  if (!exercises.length) {
    out.write('Nothing to practise on: plainspoke found no sentence to rewrite here.\n');
    return 0;
  }
  out.write(`The plainspoke drill for ${safeLine(seed)}: ${exercises.length} sentences from your own content.\n`);
  out.write('Rewrite each one, then press Enter. Press Enter on an empty line to skip. Nothing you type is saved.\n');
  const reader = lineReader(input, out);
  let fixed = 0;
  try {
    for (const [i, ex] of exercises.entries()) {
      out.write(`\n${i + 1} of ${exercises.length} · ${ex.ruleId} · ${safeLine(ex.path)}:${ex.line}\n`);
      out.write(`  “${safeLine(ex.sentence)}”\n`);
      out.write(`  Problem: ${safeLine(ex.message)}\n`);
      if (ex.why) out.write(`  Why: ${safeLine(ex.why)}\n`);
      const answer = await reader.ask('Your rewrite: ');
      if (answer === undefined) {
        out.write('\nNo more input: the drill stops here.\n');
        break;
      }
      const rewrite = answer.trim();
      if (!rewrite) {
        out.write('Skipped.\n');
        continue;
      }
      // The same channel and the same file name, so the same config applies; only rules that look at one sentence count.
      const result = await lintText(rewrite, { cwd: io.cwd, filePath: `${ex.path.replace(/\.[^./]+$/, '')}.md`, channel: ex.channel, axe: false, ...(opts.config ? { config: opts.config } : {}) });
      const found = (result.files[0]?.findings ?? []).filter((f) => DRILL_RULES[f.ruleId]);
      const note = improvementNote(ex.ruleId, found);
      if (note.kind !== 'still') fixed++;
      out.write(`${safeLine(note.text)}\n`);
    }
  } finally {
    reader.close();
  }
  out.write(`\nDone: ${fixed} of ${exercises.length} fixed. See you tomorrow.\n`);
  return 0;
}
