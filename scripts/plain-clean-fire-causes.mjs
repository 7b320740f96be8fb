#!/usr/bin/env node
// Why plain rules fire on items a writer calls fine (issue 14, session 1.18), in counts only.
//
//   npm run build && node scripts/plain-clean-fire-causes.mjs <folder> [--words]
//
// Lints every item of a plain devset folder like scripts/score-plain-devset.mjs (same channel, format and
// matching). For every finding of a plain rule on a clean item (`expect: []`), and every near-miss of a plain
// rule that fired, it counts, per rule: the message id, the channel, the format, where the finding stands
// (heading, list item, table cell, quote, link text, bold, code-like, plain line), and, for near-misses, a
// keyword bucket of the writer's own `why`. With `--words` it adds, for the list rules (simpler-words,
// jargon, minimizing-language), the rule's own table entry that fired (the first phrase of the entry in
// rules/<id>.yml, never the item's words). Counts only: the items' text is never printed.
import { allRules } from '../dist/rules/registry.js';
import { table } from '../dist/lexicon/data.js';
import { itemsOf, lineStarts, lintItem, matchExpected, plainFile, scorerArgs } from './lib/devset.mjs';

const { folder } = scorerArgs('plain-clean-fire-causes.mjs');
const words = process.argv.includes('--words');
const FAMILY = new Map(allRules().map((r) => [r.id, r.family]));
const LIST_RULES = new Set(['simpler-words', 'jargon', 'minimizing-language']);

/** For a list rule: the entry (its first phrase) of a phrase quoted in a message. */
const entryOf = new Map();
for (const id of LIST_RULES) {
  const m = new Map();
  try {
    for (const e of table(id).entries) for (const p of e.match) m.set(String(p).toLowerCase(), String(e.match[0]));
  } catch {}
  entryOf.set(id, m);
}
function tableEntry(rule, message) {
  // The found phrase is the last quoted one ("Use X instead of 'found'", "'found' has a plainer way…").
  const quotes = [...message.matchAll(/'([^']+)'|‘([^’]+)’/g)].map((q) => (q[1] ?? q[2]).toLowerCase());
  const m = entryOf.get(rule);
  for (const said of quotes.reverse()) if (m.has(said)) return m.get(said) === said ? said : `${m.get(said)} / ${said}`;
  // An inflected form: an entry phrase that starts the same (5 letters at least).
  for (const said of quotes) for (const [p, e] of m) if (p.length >= 5 && said.length >= 5 && said.slice(0, 5) === p.slice(0, 5) && said.split(' ').length === p.split(' ').length) return `~${e}`;
  return 'not in table';
}

const WHY = [
  ['label/ui', /label|button|screen|menu|setting|field|tab\b|icon|ui\b|printed|shown|display/i],
  ['name/brand', /name|brand|product|proper|title/i],
  ['defined', /defin|spel(led|t) out|explain|expan|gloss/i],
  ['term of art', /term of art|legal|technical term|precise|exact|domain|trade|industry/i],
  ['well known', /well[- ]known|common|everyday|familiar|plain|understood|standard|ordinary/i],
  ['not instruction', /not (an )?instruction|describ|statement|fact|policy|not telling|not asking/i],
  ['quoted', /quot|message|error|says|reads/i],
  ['actor clear', /actor|who|agent|by |clear|obvious/i],
  ['sense/literal', /literal|meaning|sense|physical|real|actual|genuine/i],
  ['needed', /needed|necessary|required|fits|appropriate|justified|no simpler|no plainer/i],
];
const whyTags = (why) => WHY.filter(([, re]) => re.test(String(why ?? ''))).map(([k]) => k).join('+') || 'other';

function where(text, f, format) {
  const starts = lineStarts(text);
  const line = text.slice(starts[f.line - 1], starts[f.line] ?? text.length);
  const at = starts[f.line - 1] + f.column - 1;
  const before = text.slice(Math.max(0, at - 300), at);
  const tags = [];
  if (format === 'html') {
    const open = (t) => before.lastIndexOf(`<${t}`) > before.lastIndexOf(`</${t}`);
    if (/<h[1-6]/i.test(before.slice(before.lastIndexOf('<h'))) && !/<\/h[1-6]/i.test(before.slice(before.lastIndexOf('<h')))) tags.push('heading');
    if (open('li')) tags.push('list');
    if (open('td') || open('th')) tags.push('table');
    if (open('blockquote')) tags.push('quote');
    if (open('a ') || open('a>')) tags.push('link');
    if (open('strong') || open('b>')) tags.push('bold');
    if (open('code') || open('kbd')) tags.push('code');
  } else {
    if (/^#{1,6}\s/.test(line)) tags.push('heading');
    if (/^\s*([-*+]|\d+[.)])\s/.test(line)) tags.push('list');
    if (/^\s*\|/.test(line)) tags.push('table');
    if (/^\s*>/.test(line)) tags.push('quote');
    const col = f.column - 1;
    const pre = line.slice(0, col);
    if ((pre.match(/\*\*/g) ?? []).length % 2 === 1) tags.push('bold');
    if (pre.lastIndexOf('[') > pre.lastIndexOf(']')) tags.push('link');
  }
  const q = before.slice(-80);
  if ((q.match(/["“”]/g) ?? []).length % 2 === 1) tags.push('in-quotes');
  return tags.join('+') || 'plain';
}

const tally = {};
const add = (key) => (tally[key] = (tally[key] ?? 0) + 1);
let items = 0;
let cleanItems = 0;
for (const { item, text } of itemsOf(folder)) {
  items++;
  const { name, channel, format } = plainFile(item);
  const result = await lintItem(text, name, channel, 'plain-clean-fire-causes');
  if (result.error) continue;
  const findings = result.findings.filter((f) => FAMILY.get(f.ruleId) === 'plain' || f.ruleId === 'sensory-language');
  const { matched } = matchExpected(text, findings, item.expect ?? []);
  const isClean = Array.isArray(item.expect) && item.expect.length === 0;
  if (isClean) cleanItems++;
  const nmRules = new Map((item.near_miss ?? []).map((n) => [n.rule, n.why]));
  const seen = new Set();
  for (const f of findings) {
    if (matched.has(f)) {
      // To weigh a gate's cost: the table entry of each expected finding found.
      if (words && LIST_RULES.has(f.ruleId)) add(`found|${f.ruleId}|entry=${tableEntry(f.ruleId, f.message)}`);
      const m = f.ruleId === 'sentence-length' && /has (\d+) words, over the limit of (\d+)/.exec(f.message);
      if (m) add(`found|sentence-length|over=${Math.min(10, Number(m[1]) - Number(m[2]))}${Number(m[1]) - Number(m[2]) >= 10 ? '+' : ''} of ${m[2]}`);
      continue;
    }
    const nm = nmRules.has(f.ruleId);
    if (!nm && !isClean) continue;
    const kind = nm ? 'near-miss' : 'clean';
    const k1 = `${kind}|${f.ruleId}`;
    if (!seen.has(k1)) { seen.add(k1); add(`${k1}|items`); }
    add(`${k1}|findings`);
    add(`${k1}|msg=${f.messageId ?? '?'}`);
    add(`${k1}|channel=${channel}/${format}`);
    add(`${k1}|where=${where(text, f, format)}`);
    if (nm && !seen.has(`${k1}|why`)) { seen.add(`${k1}|why`); add(`${k1}|why=${whyTags(nmRules.get(f.ruleId))}`); }
    if (words && LIST_RULES.has(f.ruleId)) add(`${k1}|entry=${tableEntry(f.ruleId, f.message)}`);
    if (f.ruleId === 'sentence-length') {
      const m = /has (\d+) words, over the limit of (\d+)/.exec(f.message);
      if (m) add(`${k1}|over=${Math.min(10, Number(m[1]) - Number(m[2]))}${Number(m[1]) - Number(m[2]) >= 10 ? '+' : ''} of ${m[2]}`);
      const starts = lineStarts(text);
      const line = text.slice(starts[f.line - 1], starts[f.line] ?? text.length);
      const at = starts[f.line - 1] + f.column - 1;
      const lead = text.slice(at, at + 40);
      add(`${k1}|opens=${/^(hi|hello|hey|dear|good (morning|afternoon|evening))\b/i.test(lead) ? 'greeting' : /^(thanks|thank you)\b/i.test(lead) ? 'thanks' : 'other'} firstLine=${f.line === 1 || !text.slice(0, starts[f.line - 1]).trim()} placeholder=${line.includes('{{') || line.includes('{%')}`);
      add(`${k1}|shape=commas${Math.min(4, (line.match(/,/g) ?? []).length)} colon=${line.includes(':')} semi=${line.includes(';')} paren=${line.includes('(')} slash=${line.includes('/')} digits=${(line.match(/\d+/g) ?? []).length}`);
    }
    if (f.ruleId === 'jargon') {
      const q = [...f.message.matchAll(/'([^']+)'/g)].map((x) => x[1]);
      const caps = q.some((x) => /^[A-Z]{2,}s?$/.test(x));
      add(`${k1}|caps=${caps}${caps ? ` bracketed=${q.some((x) => new RegExp(`\\(\\s*${x.replace(/s$/, '')}s?\\s*\\)`).test(text))}` : ''}`);
    }
  }
}
console.log(`${items} items (${cleanItems} clean) in ${folder}`);
for (const k of Object.keys(tally).sort()) console.log(`${String(tally[k]).padStart(4)}  ${k}`);
