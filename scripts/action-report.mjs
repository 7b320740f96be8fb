#!/usr/bin/env node
// The GitHub Action's report step (action.yml), run on the JSON report of one lint:
//   node scripts/action-report.mjs <report.json> <plainspoke package folder>
// 1. Prints the findings as workflow-command annotations, findings on lines the pull request
//    changed first: GitHub shows only the first few annotations of each kind per step.
// 2. Appends a job summary to $GITHUB_STEP_SUMMARY: counts by rule family and the first findings.
// No dependencies beyond Node.js and the installed plainspoke (for its escaping and rule list).
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [reportFile, pkgDir] = process.argv.slice(2);
if (!reportFile || !pkgDir) {
  console.error('usage: action-report.mjs <report.json> <plainspoke package folder>');
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const { escapeData, escapeProperty } = await import(pathToFileURL(join(pkgDir, 'dist', 'formatters', 'github.js')).href);

/** Changed line numbers by path (relative to the working folder), from `git diff -U0` against the merge base; empty when unknown. */
export function changedLines(base, cwd = process.cwd()) {
  const out = new Map();
  if (!base) return out;
  const git = (args) => spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const mb = git(['merge-base', base, 'HEAD']);
  if (mb.status !== 0) return out;
  const diff = git(['-c', 'core.quotepath=off', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--relative', mb.stdout.trim(), '--']);
  if (diff.status !== 0) return out;
  let file;
  for (const line of diff.stdout.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      file = name === '/dev/null' ? undefined : name.replace(/^b\//, '');
      if (file && !out.has(file)) out.set(file, new Set());
      continue;
    }
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (m && file) {
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) out.get(file).add(start + i);
    }
  }
  return out;
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' };
const base = process.env.GITHUB_BASE_REF ? `origin/${process.env.GITHUB_BASE_REF}` : process.env.PLAINSPOKE_BASE || '';
const changed = changedLines(base);
const onChanged = (path, f) => {
  const lines = changed.get(path);
  if (!lines) return false;
  for (let l = f.line; l <= Math.max(f.line, f.endLine); l++) if (lines.has(l)) return true;
  return false;
};

const all = [];
for (const file of report.files) {
  if (file.error) console.log(`::error file=${escapeProperty(file.path)},title=plainspoke::${escapeData(file.error)}`);
  for (const f of file.findings) all.push({ path: file.path, f, changed: onChanged(file.path, f) });
}
// Stable: changed lines first, then file order.
const ordered = [...all.filter((x) => x.changed), ...all.filter((x) => !x.changed)];
for (const { path, f } of ordered) {
  const oneLine = f.endLine <= f.line;
  const props = oneLine
    ? [`file=${escapeProperty(path)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.line}`, `endColumn=${Math.max(f.endColumn, f.column)}`, `title=${escapeProperty(f.ruleId)}`]
    : [`file=${escapeProperty(path)}`, `line=${f.line}`, `endLine=${f.endLine}`, `title=${escapeProperty(f.ruleId)}`];
  console.log(`::${COMMAND[f.severity] ?? 'warning'} ${props.join(',')}::${escapeData(f.message)}`);
}
const s = report.summary;
const n = (count, word) => `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`;
const counted = `${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}, ${n(s.infos, 'info')} in ${n(s.files, 'file')}`;
console.log(`plainspoke: ${counted}${changed.size ? `; ${all.filter((x) => x.changed).length} on changed lines` : ''}`);

// The job summary.
const summaryFile = process.env.GITHUB_STEP_SUMMARY;
if (summaryFile) {
  const rules = spawnSync(process.execPath, [join(pkgDir, 'bin', 'plainspoke.js'), 'rules', '--json'], { encoding: 'utf8' });
  const family = new Map();
  try {
    for (const r of JSON.parse(rules.stdout)) family.set(r.id, r.family);
  } catch {
    /* counts fall back to "other" */
  }
  const NAMES = { plain: 'Plain language', care: 'Care in replies', a11y: 'Accessibility', meta: 'Disable comments' };
  const counts = new Map();
  for (const { f } of all) {
    const fam = f.ruleId.startsWith('axe/') ? 'a11y' : (family.get(f.ruleId) ?? 'other');
    const c = counts.get(fam) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity] = (c[f.severity] ?? 0) + 1;
    counts.set(fam, c);
  }
  // Table cells: no pipes, no line breaks, no HTML.
  const cell = (t) => String(t).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/[|<>]/g, (c) => ({ '|': '\\|', '<': '&lt;', '>': '&gt;' })[c]);
  const failed = report.files.filter((f) => f.error).length;
  const md = [`### plainspoke: ${counted}`, ''];
  if (failed) md.push(`${failed} file${failed === 1 ? '' : 's'} could not be linted; see the log.`, '');
  if (counts.size) {
    md.push('| family | errors | warnings | info |', '| --- | ---: | ---: | ---: |');
    for (const [fam, c] of [...counts].sort()) md.push(`| ${NAMES[fam] ?? fam} | ${c.error} | ${c.warning} | ${c.info} |`);
    md.push('');
    const first = ordered.slice(0, 20);
    md.push(`First ${first.length} of ${all.length} findings${changed.size ? ' (changed lines first)' : ''}:`, '', '| where | rule | message |', '| --- | --- | --- |');
    for (const { path, f, changed: c } of first) md.push(`| ${cell(`${path}:${f.line}:${f.column}`)}${c ? ' (changed)' : ''} | ${cell(f.ruleId)} | ${cell(f.message)} |`);
    md.push('');
  } else if (!failed) md.push('No findings.', '');
  appendFileSync(summaryFile, `${md.join('\n')}\n`);
}
