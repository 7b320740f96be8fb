// Shared by the development-set scorers (scripts/score-devset.mjs for care replies,
// scripts/score-plain-devset.mjs for articles): the YAML files of a folder, line starts,
// and where an item's `evidence` stands in its text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigResolver } from '../../dist/config/resolve.js';
import { lintSource } from '../../dist/engine/lint-source.js';

const root = resolve(import.meta.dirname, '..', '..');

/** The writer of a set file: the `wNN-` of its name; files with none count as one writer, w0. */
export const writerOf = (file) => /^(w\d+)-/.exec(basename(file))?.[1] ?? 'w0';

/** The value after `--name` on the command line, or undefined. */
export function option(name) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

/** The .yml files of a folder (or the one file given), sorted. */
export function filesOf(dir) {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yml') || n.endsWith('.yaml'))
    .sort()
    .map((n) => join(dir, n));
}

/** Every item with a text in the YAML files of a folder: its file, the item, its text and its channel (email when none). */
export function* itemsOf(dir) {
  for (const file of filesOf(dir)) {
    const data = parse(readFileSync(file, 'utf8'));
    for (const item of data?.items ?? []) {
      if (typeof item?.text === 'string') yield { file, item, text: item.text, channel: item.channel ?? 'email' };
    }
  }
}

/** Offsets of every line start, to turn line/column into an offset. */
export function lineStarts(text) {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

/** Where the evidence stands in the text (case, quotes and spacing relaxed): [start, end) pairs. */
export function evidenceSpans(text, evidence) {
  const norm = (s) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  const t = norm(text);
  const e = norm(evidence).trim();
  const spans = [];
  if (!e) return spans;
  for (let i = t.indexOf(e); i !== -1; i = t.indexOf(e, i + 1)) spans.push([i, i + e.length]);
  if (!spans.length) {
    // Spacing may differ (line breaks): match on collapsed whitespace.
    const map = [];
    let c = '';
    for (let i = 0; i < t.length; i++) {
      if (/\s/.test(t[i])) {
        if (c.endsWith(' ')) continue;
        c += ' ';
      } else c += t[i];
      map.push(i);
    }
    const ee = e.replace(/\s+/g, ' ');
    for (let i = c.indexOf(ee); i !== -1; i = c.indexOf(ee, i + 1)) spans.push([map[i], map[i + ee.length - 1] + 1]);
  }
  return spans;
}

/**
 * Matches an item's expected problems with the findings of their rules: a finding answers an expectation when
 * it overlaps the evidence (or, with no evidence, when the rule fired at all). Returns, per expectation, whether
 * it was found and whether its evidence was in the text, and the set of findings that answered one, so a near-miss
 * of the same rule is not "fired" by them.
 */
export function matchExpected(text, findings, expect) {
  const starts = lineStarts(text);
  const spanOf = (f) => [starts[f.line - 1] + f.column - 1, starts[(f.endLine ?? f.line) - 1] + (f.endColumn ?? f.column) - 1];
  const matched = new Set();
  const results = expect.map((ex) => {
    const mine = findings.filter((f) => f.ruleId === ex.rule);
    let found = mine.length > 0;
    // The looser measure: a finding of the rule on a line the evidence touches, whatever it quotes.
    let onLine = found;
    let placed = true;
    if (found && ex.evidence) {
      const ev = evidenceSpans(text, String(ex.evidence));
      if (ev.length) {
        const hits = mine.filter((f) => { const [a, b] = spanOf(f); return ev.some(([x, y]) => a < y && x < b); });
        for (const f of hits) matched.add(f);
        found = hits.length > 0;
        const lineOf = (offset) => starts.findLastIndex((s) => s <= offset) + 1;
        onLine = found || mine.some((f) => ev.some(([x, y]) => f.line >= lineOf(x) && f.line <= lineOf(Math.max(x, y - 1))));
      } else placed = false;
    } else for (const f of mine) matched.add(f);
    return { ex, found, onLine, placed, mine };
  });
  return { results, matched };
}

/** The folder and flags of a scorer's command line; exits 2 with a usage line when no folder is given. */
export function scorerArgs(script) {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('-'));
  if (!folder) {
    console.error(`usage: node scripts/${script} <folder> [--json] [--verbose]`);
    process.exit(2);
  }
  return { folder, json: args.includes('--json'), verbose: args.includes('--verbose') || args.includes('-v') };
}

/** Lints one item's text as a file of that name in that channel (no axe), with the built engine. */
export function lintItem(text, name, channel, configName) {
  const resolver = ConfigResolver.fromData({ channel }, configName, root);
  return lintSource({ path: name, absPath: join(root, name), bytes: new TextEncoder().encode(text) }, resolver, { noAxe: true });
}

/** A care item's file name and channel: HTML when its text starts with a tag, else Markdown; email when no channel is given. */
export function replyFile(item) {
  return { name: /^\s*</.test(item.text) ? 'reply.html' : 'reply.md', channel: item.channel ?? 'email' };
}

/** A help-centre item's file name, channel and format: its own format, else HTML when its text starts with a tag; article when no channel is given. */
export function plainFile(item) {
  const format = item.format ?? (/^\s*</.test(item.text) ? 'html' : 'md');
  return { name: `item.${format === 'html' ? 'html' : 'md'}`, channel: item.channel ?? 'article', format };
}

/** Lints one care item as scripts/score-devset.mjs does (see replyFile). */
export function lintReply(item, configName) {
  const { name, channel } = replyFile(item);
  return lintItem(item.text, name, channel, configName);
}

/**
 * Adds one dev-set item to a blame trainer's tally: each evidence span found when a reported span
 * overlaps it, and whether a near-miss or a clean item fired at all.
 */
export function tallyItem(r, it, spans) {
  const overlaps = (ev) => spans.some(([s, e]) => ev.some(([a, b]) => s < b && a < e));
  for (const ev of it.evidence) {
    if (!ev.length) continue;
    r.expected++;
    if (overlaps(ev)) r.found++;
  }
  if (it.nearMiss) { r.nm++; if (spans.length) r.nmFired++; }
  if (it.clean) { r.clean++; if (spans.length) r.cleanFired++; }
}

/**
 * Lints each plain item of a folder with a rule's trace hook on, for the *-miss-causes scripts (counts only).
 * Yields the item, its lint result, the trace the rule filled, the rule's findings and helpers that place
 * findings and evidence: lineOf(offset), spanOf(finding) as [start, end) offsets in the item's text, and
 * hitsOf(evidence), the evidence's spans with the findings that overlap them.
 */
export async function* tracedItems(folder, rule, setTrace, configName) {
  for (const { item } of itemsOf(folder)) {
    const text = item.text;
    const channel = item.channel ?? 'article';
    const format = item.format ?? (/^\s*</.test(text) ? 'html' : 'md');
    const trace = [];
    setTrace(trace);
    const result = await lintItem(text, `item.${format === 'html' ? 'html' : 'md'}`, channel, configName);
    setTrace();
    const starts = lineStarts(text);
    const lineOf = (off) => {
      let l = 0;
      while (l + 1 < starts.length && starts[l + 1] <= off) l++;
      return l + 1;
    };
    const spanOf = (f) => [starts[f.line - 1] + f.column - 1, starts[(f.endLine ?? f.line) - 1] + (f.endColumn ?? f.column) - 1];
    const mine = result.error ? [] : result.findings.filter((f) => f.ruleId === rule);
    /** The writer's evidence as spans, and the rule's findings that overlap it. */
    const hitsOf = (evidence) => {
      const ev = evidence ? evidenceSpans(text, String(evidence)) : [];
      const hit = mine.filter((f) => {
        const [a, b] = spanOf(f);
        return ev.some(([x, y]) => a < y && x < b);
      });
      return { ev, hit };
    };
    yield { item, text, channel, format, trace, result, lineOf, spanOf, mine, hitsOf };
  }
}
