#!/usr/bin/env node
// Counts only (issue 14, 1.18): how many items of a plain devset folder hold each acronym of the 1.18 audience
// entries of rules/undefined-acronym.yml, split by what the item says of undefined-acronym: expected, near-miss,
// clean, or other. Never prints an item's text.
//   node scripts/acronym-audience-counts.mjs <folder>
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { itemsOf } from './lib/devset.mjs';

const RULE = 'undefined-acronym';
const table = parse(readFileSync(new URL('../rules/undefined-acronym.yml', import.meta.url), 'utf8'));
const acronyms = table.entries.filter((e) => String(e.source ?? '').startsWith('Issue 14, 1.18') && e.category !== 'group-noun').flatMap((e) => e.match);
const counts = new Map(acronyms.map((a) => [a, { expected: 0, nearMiss: 0, clean: 0, other: 0 }]));
let items = 0;
for (const { item, text } of itemsOf(process.argv[2])) {
  items++;
  for (const a of acronyms) {
    if (!new RegExp(`(^|[^A-Za-z0-9])${a}([^A-Za-z0-9]|s\\b|$)`).test(text)) continue;
    const c = counts.get(a);
    if ((item.expect ?? []).some((x) => x.rule === RULE)) c.expected++;
    else if ((item.near_miss ?? []).some((x) => x.rule === RULE)) c.nearMiss++;
    else if (Array.isArray(item.expect) && item.expect.length === 0) c.clean++;
    else c.other++;
  }
}
console.log(`${items} items`);
for (const [a, c] of counts) if (c.expected + c.nearMiss + c.clean + c.other) console.log(`${a}\texpected ${c.expected}\tnear-miss ${c.nearMiss}\tclean ${c.clean}\tother ${c.other}`);
