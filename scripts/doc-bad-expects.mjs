#!/usr/bin/env node
/**
 * Writes `expect="messageId@line:column …"` on the `<!-- bad -->` examples of rules/*.md from what
 * the rule finds in them now (issue 12, point 4; test/docs.test.ts checks it). Read the result: a
 * bad example should show the findings a reader expects, no more.
 *
 *   npm run build && node scripts/doc-bad-expects.mjs [rules/<id>.md …]   (default: every rules/*.md)
 *   … --force   rewrite an `expect` already there too
 *   … --dry-run  print what it would write, change nothing
 *
 * Lines are counted inside the code block (1 = its first line). Findings of the page's rule are
 * written as messageId@line:column; for rules/axe.md as axe/<id>/messageId@line:column.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { commandLine, lintFixture, repo } from './lib/lint-fixture.mjs';

const { flag, paths } = commandLine();
const force = flag('--force');
const dryRun = flag('--dry-run');
let files = paths.map((a) => resolve(a));
const rulesDir = join(repo, 'rules');
if (!files.length) files = readdirSync(rulesDir).filter((n) => n.endsWith('.md')).sort().map((n) => join(rulesDir, n));

const BLOCK = /<!--\s*(bad|good)((?:\s+\w+=(?:"[^"\n]*"|[\w-]+))*)\s*-->(\s*\n```(markdown|md|html)\n)([\s\S]*?)\n```/g;

for (const file of files) {
  const id = basename(file, '.md');
  const text = readFileSync(file, 'utf8');
  let out = '';
  let last = 0;
  let changed = 0;
  for (const m of text.matchAll(BLOCK)) {
    const [whole, kind, attrs, gap, lang, code] = m;
    if (kind !== 'bad' || (/\bexpect="/.test(attrs) && !force)) continue;
    const channel = /channel=([\w-]+)/.exec(attrs)?.[1];
    const path = `example.${lang === 'html' ? 'html' : 'md'}`;
    const result = await lintFixture({
      path,
      absPath: join(dirname(file), path),
      bytes: new TextEncoder().encode(`${code}\n`),
      config: channel ? { channel } : {},
      origin: `rules/${basename(file)}`,
      failure: `${basename(file)}: a bad example cannot be linted`,
    });
    if (!result) continue;
    const hits = result.findings.filter((f) => f.ruleId === id || (id === 'axe' && f.ruleId.startsWith('axe/')));
    if (!hits.length) {
      console.log(`${basename(file)}: a bad example gives no ${id} finding: left alone`);
      continue;
    }
    const items = hits.map((f) => `${f.ruleId === id ? '' : `${f.ruleId}/`}${f.messageId}@${f.line}:${f.column}`);
    const kept = attrs.replace(/\s+expect="[^"]*"/, '');
    if (dryRun) console.log(`${basename(file)}: <!-- bad${attrs.replace(/\s+expect="[^"]*"/, '')} expect="${items.join(' ')}" -->`);
    out += text.slice(last, m.index) + `<!-- bad${kept} expect="${items.join(' ')}" -->${gap}${code}\n\`\`\``;
    last = m.index + whole.length;
    changed++;
  }
  if (!changed) continue;
  if (!dryRun) writeFileSync(file, out + text.slice(last));
  console.log(`${basename(file)}: ${changed} bad example(s) ${dryRun ? 'would list' : 'now list'} their findings`);
}
