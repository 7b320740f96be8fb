#!/usr/bin/env node
/**
 * Adds the messageId to every inline expectation marker in rule fixtures (issue 12, point 4):
 *   <!-- expect passive-voice@12 -->  →  <!-- expect passive-voice/passive@12 -->
 *
 *   npm run build && node scripts/fixture-message-ids.mjs [folder or file …]   (default: fixtures/rules)
 *   … --check   only list the markers that still name no messageId (exit 1 if any)
 *   … --dry-run  say what it would do, write nothing
 *
 * Runs the built linter (dist/) the way test/helpers/fixtures.ts does: the fixture's inline config,
 * only the rule under test and the rules its markers name. A marker is matched to a finding by rule,
 * line and (when pinned) column. A marker that matches no finding, or findings with different
 * messageIds, is left alone and printed, so a person can look at it. Markers that already name a
 * messageId are kept as they are.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { commandLine, lintFixture, repo } from './lib/lint-fixture.mjs';

const { flag, paths: targets } = commandLine();
const check = flag('--check');
const dryRun = flag('--dry-run');
if (!targets.length) targets.push(join(repo, 'fixtures', 'rules'));

const MARKER = /<!--\s*expect(-next-line)?\s+([^>]*?)\s*-->/g;
const ITEM = /^((?:axe\/)?[a-z0-9]+(?:-[a-z0-9]+)*)(?:\/([A-Za-z][A-Za-z0-9_]*))?(?:@(\d+))?(?::([+-]\d+))?$/;

function files(target) {
  const abs = resolve(target);
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs).sort().flatMap((n) => {
    const p = join(abs, n);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(md|html)$/.test(n) ? [p] : [];
  });
}

/** The rule under test: the fixture folder right under fixtures/rules (`axe-x` → `axe/x`). */
function ruleOf(file) {
  const rel = relative(join(repo, 'fixtures', 'rules'), file).split(/[\\/]/);
  return rel.length > 1 ? rel[0].replace(/^axe-/, 'axe/') : undefined;
}

const reporting = (id) => (id.startsWith('axe/') ? 'axe' : id);

function fixtureConfig(text) {
  const m = /<!--\s*plainspoke-config\s+(\{[^]*?\})\s*-->/.exec(text);
  return m ? JSON.parse(m[1]) : {};
}

let changedFiles = 0;
let added = 0;
let missing = 0;
const unmatched = [];

for (const file of targets.flatMap(files)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/(\r\n|\r|\n)/); // keeps the line endings at odd indexes
  const items = [];
  for (let li = 0; li < lines.length; li += 2) {
    for (const m of lines[li].matchAll(MARKER)) {
      for (const raw of m[2].split(/[\s,]+/).filter(Boolean)) {
        const im = ITEM.exec(raw);
        if (!im) continue;
        const line = li / 2 + 1 + (m[1] ? 1 : 0) + (im[4] ? Number(im[4]) : 0);
        items.push({ li, raw, ruleId: im[1], messageId: im[2], column: im[3] ? Number(im[3]) : undefined, shift: im[4], line });
      }
    }
  }
  if (!items.length) continue;
  const rel = relative(repo, file);
  const todo = items.filter((it) => !it.messageId);
  if (check) {
    for (const it of todo) console.log(`${rel}:${it.li / 2 + 1}: '${it.raw}' names no messageId`);
    missing += todo.length;
    continue;
  }
  if (!todo.length) continue;
  const ruleId = ruleOf(file);
  const all = ruleId === 'unused-disable' || items.some((it) => it.ruleId === 'unused-disable');
  const only = all ? undefined : [...new Set([...(ruleId ? [reporting(ruleId)] : []), ...items.map((it) => reporting(it.ruleId))])];
  const result = await lintFixture({
    path: basename(file),
    absPath: file,
    bytes: readFileSync(file),
    config: fixtureConfig(text),
    origin: `${basename(file)} (plainspoke-config)`,
    options: { ...(only ? { only } : {}) },
    failure: `${rel}: cannot lint it`,
  });
  if (!result) continue;
  // Pinned markers first, so an unpinned one on the same line takes a finding they leave.
  const used = new Set();
  const replace = new Map(); // item → new text
  for (const it of [...todo].sort((a, b) => (a.column === undefined) - (b.column === undefined))) {
    const cands = result.findings.filter((f, i) => !used.has(i) && f.ruleId === it.ruleId && f.line === it.line && (it.column === undefined || f.column === it.column));
    let ids = new Set(cands.map((f) => f.messageId).filter(Boolean));
    // Twin markers (`color-contrast@1 color-contrast@1`) take one finding each, in messageId order.
    const twins = todo.filter((o) => o.ruleId === it.ruleId && o.line === it.line && o.column === it.column);
    if (ids.size > 1 && twins.length === cands.length && cands.every((f) => f.messageId)) {
      cands.sort((a, b) => (a.messageId < b.messageId ? -1 : 1));
      ids = new Set([cands[twins.indexOf(it)].messageId]);
      cands.splice(0, cands.length, cands[twins.indexOf(it)]);
    }
    if (cands.length === 0 || ids.size !== 1) {
      unmatched.push(`${rel}:${it.li / 2 + 1}: '${it.raw}' ${cands.length === 0 ? 'matches no finding' : `matches findings with messageIds ${[...ids].join(', ') || '(none)'}`}`);
      continue;
    }
    used.add(result.findings.indexOf(cands[0]));
    const [messageId] = ids;
    replace.set(it, `${it.ruleId}/${messageId}${it.column !== undefined ? `@${it.column}` : ''}${it.shift ? `:${it.shift}` : ''}`);
  }
  if (!replace.size) continue;
  // Rewrite marker by marker, line by line, leaving everything else byte for byte.
  for (let li = 0; li < lines.length; li += 2) {
    const mine = [...replace].filter(([it]) => it.li === li);
    if (!mine.length) continue;
    lines[li] = lines[li].replace(MARKER, (whole, next, body) => {
      const newBody = body.replace(/[^\s,]+/g, (raw) => {
        const hit = mine.find(([it]) => it.raw === raw);
        if (!hit) return raw;
        mine.splice(mine.indexOf(hit), 1);
        return hit[1];
      });
      return whole.replace(body, newBody);
    });
  }
  if (!dryRun) writeFileSync(file, lines.join(''));
  changedFiles++;
  added += replace.size;
}

if (check) {
  console.log(missing ? `${missing} marker(s) name no messageId` : 'every marker names its messageId');
  if (missing) process.exitCode = 1;
} else {
  for (const u of unmatched) console.log(`left alone: ${u}`);
  console.log(`${dryRun ? '(dry run) ' : ''}${added} marker(s) got a messageId in ${changedFiles} file(s); ${unmatched.length} left alone`);
}
