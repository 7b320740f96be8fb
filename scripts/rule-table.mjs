// Prints the README rule table from rules/*.md front matter (the single source of rule docs).
//   node scripts/rule-table.mjs            print the table
//   node scripts/rule-table.mjs --write    replace the table between the markers in README.md
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const dir = new URL('../rules/', import.meta.url);
const order = { plain: 0, care: 1, a11y: 2, meta: 3 };
const familyName = { plain: 'plain language', care: 'care in replies', a11y: 'accessibility', meta: 'comments' };

/** First sentence of the doc's "What it finds" section, for the table. */
function summary(text) {
  const section = /^## What it finds\s*\n([\s\S]*?)(?=\n## |(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const first = section.trim().split(/\n\s*\n/)[0].split(/\n(?=- )/)[0];
  const flat = first.replace(/^- /, '').replace(/\s+/g, ' ').trim();
  const cut = /^(.*?[.;])(\s|$)/.exec(flat)?.[1] ?? flat.replace(/,?\s*such as:?$/, '.').replace(/:$/, '.');
  const sentence = cut.replace(/[:;]$/, '.');
  // An odd number of backticks would break the table cell.
  return (sentence.split('`').length % 2 === 0 ? sentence.replace(/`/g, '') : sentence).replace(/\|/g, '\\|');
}

export function ruleTable() {
  const rows = readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => {
      const text = readFileSync(new URL(n, dir), 'utf8');
      const fm = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') ?? {};
      const title = summary(text);
      const channels = fm.channels === 'all' || !fm.channels ? 'all' : [].concat(fm.channels).join(', ');
      return { id: fm.id, family: fm.family, severity: fm.severity, fixable: fm.fixable ? 'yes' : '', channels, title };
    })
    .sort((a, b) => (order[a.family] ?? 9) - (order[b.family] ?? 9) || a.id.localeCompare(b.id));
  const lines = ['| rule | family | default | channels | fixable | finds |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| [\`${r.id}\`](rules/${r.id}.md) | ${familyName[r.family] ?? r.family} | ${r.severity} | ${r.channels} | ${r.fixable} | ${r.title} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const table = ruleTable();
  if (process.argv.includes('--write')) {
    const readme = new URL('../README.md', import.meta.url);
    const text = readFileSync(readme, 'utf8');
    const next = text.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, (_, open, close) => `${open}\n${table}\n${close}`);
    writeFileSync(readme, next);
  } else console.log(table);
}
