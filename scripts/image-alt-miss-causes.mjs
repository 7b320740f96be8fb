#!/usr/bin/env node
// Why image-alt misses, by the shape of the image (issue 14, session 1.19), in counts only.
//
//   npm run build && node scripts/image-alt-miss-causes.mjs <folder> [--ids]
//
// Lints every item of a plain devset folder like scripts/score-plain-devset.mjs (same channel, format and
// matching). For each expected image-alt finding that is missed, it tags the evidence (or, with no evidence or
// evidence not in the text, the whole item) by the image shapes there: the item's format, Markdown or HTML
// image, alt missing / empty / whitespace / present, role=presentation or none, aria-hidden, aria-label,
// aria-labelledby, title, a linked image, <picture>/<source>, <input type=image>, <area>, <svg> with or without
// <title>, role=img, a CSS background image, <object>/<embed>/<iframe>, a Markdown reference image, an HTML
// image inside Markdown, and what the rule said elsewhere in the item. Near-misses and clean items the rule
// fired on get the same tags. It prints ONLY counts of tags (and, with --ids, item ids), never the item's words.
import { evidenceSpans, itemsOf, lintItem, matchExpected, plainFile, scorerArgs } from './lib/devset.mjs';

const RULE = 'image-alt';
const { folder } = scorerArgs('image-alt-miss-causes.mjs');
const showIds = process.argv.includes('--ids');
const tally = {};
const ids = {};
const add = (k, id) => { tally[k] = (tally[k] ?? 0) + 1; if (showIds) (ids[k] ??= []).push(id); };

/** Shape tags of a piece of text (never its words). */
function shapes(s, format) {
  const t = [];
  const imgs = [...s.matchAll(/<img\b[^>]*>/gi)].map((m) => m[0]);
  for (const tag of imgs) {
    const alt = /\balt\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const altText = alt ? (alt[2] ?? alt[3] ?? alt[4] ?? '') : undefined;
    t.push(`html img: alt ${altText === undefined ? (/\balt\b/i.test(tag) ? 'bare attribute' : 'missing') : !altText.trim() ? (altText.length ? 'whitespace' : 'empty') : 'present'}`);
    if (/\brole\s*=\s*["']?(presentation|none)/i.test(tag)) t.push('html img: role presentation/none');
    if (/\baria-hidden\s*=\s*["']?true/i.test(tag)) t.push('html img: aria-hidden');
    if (/\baria-label\s*=/i.test(tag)) t.push(`html img: aria-label${/\baria-label\s*=\s*(""|'')/i.test(tag) ? ' empty' : ''}`);
    if (/\baria-labelledby\s*=/i.test(tag)) t.push('html img: aria-labelledby');
    if (/\btitle\s*=/i.test(tag)) t.push('html img: title');
    if (/\bhidden\b|display\s*:\s*none/i.test(tag)) t.push('html img: hidden');
    if (!/\bsrc\s*=/i.test(tag)) t.push('html img: no src');
    if (/\bdata-src|srcset/i.test(tag)) t.push('html img: data-src/srcset');
    if (/\bwidth\s*=\s*["']?1\b|height\s*=\s*["']?1\b/i.test(tag)) t.push('html img: 1px');
  }
  if (/<a\b[^>]*>\s*(<[^a][^>]*>\s*)*<img/i.test(s)) t.push('linked html img');
  if (/\[!\[[^\]]*\]\([^)]*\)\]\(/.test(s)) t.push('linked md img');
  if (/<picture\b/i.test(s)) t.push('<picture>');
  if (/<source\b/i.test(s)) t.push('<source>');
  if (/<input\b[^>]*type\s*=\s*["']?image/i.test(s)) t.push(`<input type=image> alt ${/<input\b[^>]*\balt\s*=\s*["']?[^"'\s>]/i.test(s) ? 'present' : /<input\b[^>]*\balt\s*=/i.test(s) ? 'empty' : 'missing'}`);
  if (/<area\b/i.test(s)) t.push('<area>');
  if (/<svg\b/i.test(s)) t.push(`<svg> ${/<svg\b[\s\S]*?<title\b/i.test(s) ? 'with title' : 'no title'}${/<svg\b[^>]*aria-label/i.test(s) ? ' aria-label' : ''}${/<svg\b[^>]*role\s*=\s*["']?img/i.test(s) ? ' role=img' : ''}${/<svg\b[^>]*aria-hidden/i.test(s) ? ' aria-hidden' : ''}`);
  if (/role\s*=\s*["']?img/i.test(s) && !/<svg\b[^>]*role\s*=\s*["']?img/i.test(s)) t.push('role=img on a non-svg element');
  if (/background(-image)?\s*:[^;"']*url\(/i.test(s)) t.push('css background image');
  if (/<(object|embed)\b/i.test(s)) t.push('<object>/<embed>');
  if (/<canvas\b/i.test(s)) t.push('<canvas>');
  if (/<figure\b/i.test(s)) t.push(`<figure>${/<figcaption\b/i.test(s) ? ' with figcaption' : ''}`);
  for (const m of s.matchAll(/!\[([^\]]*)\](\(([^)]*)\)|\[([^\]]*)\])/g)) {
    const ref = m[2].startsWith('[');
    t.push(`md img${ref ? ' (reference)' : ''}: alt ${!m[1] ? 'empty' : !m[1].trim() ? 'whitespace' : 'present'}${!ref && /\s+["'(]/.test(m[3] ?? '') ? ' + title' : ''}`);
  }
  if (/^\s*\[[^\]]+\]:\s*\S+\.(png|jpe?g|gif|svg|webp)/im.test(s)) t.push('md reference definition of an image');
  if (format !== 'html' && imgs.length) t.push('html img inside markdown');
  if (!t.length) t.push('no image shape found');
  return [...new Set(t)];
}


// For an <img alt=""> (decoration in HTML): cues that it carries meaning. The file name's class (words of a
// screenshot, chart or step vs words of decoration), and whether the prose within 200 characters points at a
// picture ("below", "shown", "screenshot"). Only the class names are printed.
const INFORMATIVE_NAME = /screen|shot|chart|graph|diagram|map|step|example|sample|setting|menu|button|form|page|panel|dashboard|error|receipt|label|code|qr|table|plan|price|result|photo/i;
const DECORATIVE_NAME = /spacer|divider|border|decor|ornament|background|bg[-_.]|flourish|pattern|swirl|rule|line|bullet|corner|shadow|pixel|blank|transparent|logo|icon|avatar|banner|hero|header|footer/i;
const POINTS = /\b(below|above|shown|shows|screenshot|picture|image|diagram|chart|graph|figure|see how|looks like|as in)\b/i;
function emptyAltCues(text, at, tag) {
  const src = /\bsrc\s*=\s*["']?([^"'\s>]*)/i.exec(tag)?.[1] ?? '';
  const file = src.split(/[?#]/)[0].split('/').pop() ?? '';
  const name = INFORMATIVE_NAME.test(file) ? 'informative name' : DECORATIVE_NAME.test(file) ? 'decorative name' : 'other name';
  const near = text.slice(Math.max(0, at - 200), at + tag.length + 200).replace(/<[^>]*>/g, ' ');
  const before = text.slice(Math.max(0, at - 300), at);
  const linked = before.lastIndexOf('<a') > before.lastIndexOf('</a>');
  const fig = before.lastIndexOf('<figure') > before.lastIndexOf('</figure>');
  return [name, POINTS.test(near) ? 'text points at it' : 'no pointer', linked ? 'linked' : 'not linked', fig ? 'in figure' : 'no figure', /\b(width|height)\s*=\s*["']?([1-9]\d?)\b(?!\d)/i.test(tag) ? 'small (<100)' : 'size unknown/large'];
}

let items = 0;
const counts = { expected: 0, found: 0 };
for (const { item, text, file } of itemsOf(folder)) {
  items++;
  const { name, channel, format } = plainFile(item);
  const result = await lintItem(text, name, channel, 'image-alt-miss-causes');
  if (result.error) continue;
  const id = `${String(file).split('/').pop()}#${item.id}`;
  const mine = result.findings.filter((f) => f.ruleId === RULE);
  const expect = (item.expect ?? []).filter((ex) => ex.rule === RULE);
  const { results, matched } = matchExpected(text, mine, expect);
  for (const { ex, found } of results) {
    counts.expected++;
    if (found) { counts.found++; add(`found|format=${format}`, id); continue; }
    const spans = ex.evidence ? evidenceSpans(text, String(ex.evidence)) : [];
    // Widen each span to the whole tag or Markdown image around it, so the shape can be read.
    const pieces = spans.length ? spans.map(([a, b]) => {
      const lt = text.lastIndexOf('<', a); const gt = text.indexOf('>', b - 1);
      const bang = text.lastIndexOf('![', a); const close = text.indexOf(')', b - 1);
      const from = Math.min(lt >= 0 && text.lastIndexOf('>', a - 1) < lt ? lt : a, bang >= 0 && a - bang < 300 ? bang : a);
      const to = Math.max(gt >= 0 ? gt + 1 : b, close >= 0 && close - b < 300 ? close + 1 : b);
      return text.slice(Math.max(0, from - 200), to + 200);
    }) : [text];
    add(`missed|format=${format} channel=${channel}`, id);
    add(`missed|evidence ${!ex.evidence ? 'none' : spans.length ? 'in text' : 'not in text'}`, id);
    add(`missed|rule fired elsewhere in the item: ${mine.length ? mine.map((f) => f.messageId).sort().join('+') : 'no'}`, id);
    for (const tag of new Set(pieces.flatMap((p) => shapes(p, format)))) add(`missed|shape ${tag}`, id);
  }
  // Every <img alt=""> of the item: its cues, split by whether an expected image-alt evidence covers it.
  const missSpans = results.filter((r) => !r.found && r.ex.evidence).flatMap((r) => evidenceSpans(text, String(r.ex.evidence)));
  for (const m of text.matchAll(/<img\b[^>]*>/gi)) {
    if (!/\balt\s*=\s*(""|'')/i.test(m[0])) continue;
    const at = m.index;
    const inMiss = missSpans.some(([a, b]) => a < at + m[0].length && at < b);
    const kind = inMiss ? 'missed' : (Array.isArray(item.expect) && item.expect.length === 0) ? 'clean' : (item.near_miss ?? []).some((n) => n.rule === RULE) ? 'near-miss' : 'other';
    for (const c of emptyAltCues(text, at, m[0])) add(`empty-alt img|${kind}|${c}`, id);
    add(`empty-alt img|${kind}|all`, id);
  }
  const fired = mine.filter((f) => !matched.has(f));
  if ((item.near_miss ?? []).some((n) => n.rule === RULE) && fired.length) for (const tag of shapes(text, format)) add(`near-miss fired|${tag}`, id);
  if (Array.isArray(item.expect) && item.expect.length === 0 && mine.length) for (const f of mine) add(`clean fired|msg=${f.messageId}`, id);
}
console.log(`${items} items in ${folder}; ${RULE} found ${counts.found} of ${counts.expected}`);
for (const k of Object.keys(tally).sort()) {
  console.log(`${String(tally[k]).padStart(4)}  ${k}`);
  if (showIds) console.log(`        ${ids[k].join(' ')}`);
}
