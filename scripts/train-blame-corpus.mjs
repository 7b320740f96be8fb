#!/usr/bin/env node
// Negatives for the blame-language models (issue 13, session 1.8): the sentences of the Markdown
// corpus sets (help centres and site policies in ../shared/corpus, customer-facing text that blames
// no one) read as email replies, and which of the rule's paths fire on them today: the patterns
// ("pat"), the cue model ("cue") and the sentence reader ("reader").
//
//   npm run build && node scripts/train-blame-corpus.mjs --out /tmp/blame-corpus.json [--corpus ../shared/corpus] [--fires /tmp/fires.json]
//
// Then both trainers take it with --corpus: the lines train as negatives (one "writer" per set, never
// adding words to the models' vocabulary) and are measured leave-one-set-out. We read a sample of 100:
// none blamed a reader; a few policy lines say what a user must do ("It is your responsibility to…").
//
// Result (2026-12-06, session 1.8), the rule as it was at the start of the session: 101 findings in
// 559 files (patterns 61, cue model 29, sentence reader 11).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const corpusDir = resolve(opt('--corpus', join(root, '../shared/corpus')));
const outFile = opt('--out');
const { createDoc } = await import(join(root, 'dist/document/document.js'));
const { replyModel } = await import(join(root, 'dist/reply/model.js'));
const rule = (await import(join(root, 'dist/rules/care/blame-language.js'))).default;
const SETS = opt('--sets', 'arduino-help-center,login-gov-help,github-site-policy').split(',');
const walk = (d) => readdirSync(d).sort().flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : []; });
const pathOf = (r) => (r.messageId === 'blame' ? 'pat' : /may sound like/.test(r.data?.note ?? '') ? 'reader' : 'cue');

const fires = [];
const lines = [];
let files = 0;
for (const set of SETS) for (const file of walk(join(corpusDir, set))) {
  files++;
  const text = readFileSync(file, 'utf8');
  const doc = createDoc('reply.md', text, 'markdown', 'email');
  const found = [];
  rule.check(doc, { report: (r) => found.push(r), options: {} });
  const where = file.slice(corpusDir.length + 1);
  for (const r of found) fires.push({ set, file: where, path: pathOf(r), actual: r.data?.actual, sentence: text.slice(r.context?.start ?? r.span.start, r.context?.end ?? r.span.end).replace(/\s+/g, ' ').slice(0, 240) });
  for (const line of replyModel(doc).spoken) {
    const fired = [...new Set(found.filter((r) => r.span.start >= line.span.start && r.span.start < line.span.end).map(pathOf))];
    lines.push({ set, file: where, fired, question: line.question, words: line.words.map((w) => ({ lower: w.lower, masked: w.masked, quoted: w.quoted, span: [w.span.start, w.span.end] })), text: text.slice(line.span.start, line.span.end).replace(/\s+/g, ' ').slice(0, 300) });
  }
}
const by = {};
for (const f of fires) by[f.path] = (by[f.path] ?? 0) + 1;
console.log(`${files} files, ${lines.length} sentences; findings ${fires.length} ${JSON.stringify(by)}`);
if (opt('--fires')) writeFileSync(opt('--fires'), JSON.stringify(fires, null, 1));
if (outFile) writeFileSync(outFile, JSON.stringify(lines));
