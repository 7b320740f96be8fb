#!/usr/bin/env node
// Why acknowledge-impact, hold-permission and time-bound-commitment fire on good replies (issue 13, session 1.16).
//
//   npm run build && node scripts/care-clean-fire-causes.mjs <folder> [--json] [--ids]
//
// Lints every item of a care devset folder like scripts/score-devset.mjs, with the reply model's debug hook set
// (src/reply/trace.ts), so each rule hands over what it reported. Then, for each good reply (expect: []) and each
// near-miss of one of these rules that the rule fired on, it counts: the rule, message id, channel, and the layer
// or gate that fired, in terms of the reply model:
//   hold-permission:        hold or transfer, spoken or stage direction, who speaks the line, asked / duration,
//                           an ask or a duration anywhere else in the reply, the customer asking to hold first,
//                           and the pattern entry of rules/hold-permission.yml (by category and index)
//   acknowledge-impact:     the kind of need (apology, bad news, reported, complaint), vague, the best impact score of
//                           any agent line (band), impact words in a question, the good-reply score (band)
//   time-bound-commitment:  message id, the promise model's score (band), a time word anywhere in the reply, in the
//                           next line or two, a question after the promise, the customer speaking after it
// For near-misses it also buckets the writer's `why` by keyword. It prints ONLY counts (and, with --ids, item ids),
// never the item's words, so it may run on sets nobody reads.
import { itemsOf, lintReply, matchExpected, replyFile, scorerArgs } from './lib/devset.mjs';
import { traceCare } from '../dist/reply/trace.js';
import { hitsIn } from '../dist/reply/words.js';
import { impactLineScore, namesImpact } from '../dist/reply/impact.js';
import { hasTimeFrame, promiseScore } from '../dist/reply/promises.js';
import { goodReplyScore } from '../dist/reply/good-reply.js';
import { table } from '../dist/lexicon/data.js';
import { blameShapes } from '../dist/lexicon/blame-features.js';
import { groupTally } from './lib/tally.mjs';

const MINE = ['acknowledge-impact', 'hold-permission', 'time-bound-commitment'];
const CARE = ['blame-language', 'robotic-phrase', ...MINE, 'confirm-understanding', 'public-privacy', 'placeholder-syntax'];
const { folder, json } = scorerArgs('care-clean-fire-causes.mjs');
const showIds = process.argv.includes('--ids');

let traces = [];
traceCare((rule, doc, model, reported) => traces.push({ rule, doc, model, reported }));

const { counts: out, ids, add, print } = groupTally(showIds);
const band = (s) => (s === undefined ? 'none' : s >= 0.9 ? '>=0.9' : s >= 0.8 ? '0.8-0.9' : s >= 0.7 ? '0.7-0.8' : s >= 0.6 ? '0.6-0.7' : s >= 0.5 ? '0.5-0.6' : s >= 0.3 ? '0.3-0.5' : '<0.3');
const holdEntries = table('hold-permission').entries;
const entryOf = (h) => `${h.value.category}#${holdEntries.indexOf(h.value)}`;

/** Why-bucket of a near-miss (keywords only). */
function whyBucket(why) {
  const w = String(why ?? '').toLowerCase();
  const keys = [
    ['asks', /\bask|permission|may i|is it ok|alright/], ['duration', /minute|second|how long|duration|wait(ing)? time/],
    ['other-hold-sense', /button|card|fare|booking|reserv|hold (it|the|a|on to)|not (putting|a hold)|meaning/], ['customer', /customer|caller/],
    ['time-frame', /\bby\b|within|time frame|timeframe|date|today|tomorrow|hour|day/], ['condition', /\bonce\b|\bwhen\b|\bif\b|condition/],
    ['impact-named', /impact|named|acknowledg|says what|effect/], ['no-bad-news', /good news|no bad|not bad|routine|no problem|nothing wrong/],
    ['apology', /sorry|apolog/], ['policy', /policy|standing|always|general/],
  ];
  const hit = keys.filter(([, re]) => re.test(w)).map(([k]) => k);
  return hit.length ? hit.join('+') : 'other';
}

function holdCauses(t, h) {
  const lines = t.model.lines;
  const i = lines.indexOf(h.line);
  const before = lines.slice(Math.max(0, i - 4), i);
  const hits = [...hitsIn(h.line, 'hold-permission', 'hold'), ...hitsIn(h.line, 'hold-permission', 'transfer'), ...hitsIn(h.line, 'hold-permission', 'stage'), ...hitsIn(h.line, 'hold-permission', 'hold-alone')];
  const anyPerm = lines.some((l) => l.speaker === 'agent' && hitsIn(l, 'hold-permission', 'permission').length > 0 && l.question);
  const permBefore = before.some((l) => l.speaker === 'agent' && l.question && hitsIn(l, 'hold-permission', 'permission').length > 0);
  const custHold = before.some((l) => l.speaker !== 'agent' && !l.stage && (hitsIn(l, 'hold-permission', 'hold').length + hitsIn(l, 'hold-permission', 'transfer').length > 0));
  const durAny = lines.some((l) => hitsIn(l, 'hold-permission', 'duration').length > 0);
  return [
    `${h.kind} ${h.line.stage ? 'stage' : 'spoken'} speaker=${h.line.speaker}${h.line.question ? ' question' : ''} asked=${h.asked} duration=${h.duration}`,
    `ask elsewhere: ${anyPerm ? 'yes' : 'no'}; permission question in 4 lines before: ${permBefore ? 'yes' : 'no'}; customer hold words before: ${custHold ? 'yes' : 'no'}; duration anywhere: ${durAny ? 'yes' : 'no'}`,
    `entry ${hits.length ? [...new Set(hits.map(entryOf))].join('+') : 'none (stage words / lead-in)'}`,
    `lines: ${lines.length <= 3 ? '<=3' : 'more'} script: ${lines.some((l) => l.speaker === 'customer') ? 'yes' : 'no'}`,
    ...hits.map((x) => {
      const ws = h.line.words;
      const k = ws.indexOf(x.first);
      const prev = ws.slice(Math.max(0, k - 3), k).map((w) => w.lower);
      const modal = prev.find((w) => ['will', "'ll", 'can', 'could', 'would', "'d", 'may', 'might', 'shall', 'to', 'going', 'happy', 'gladly'].includes(w) || /'ll$|’ll$/.test(w));
      const ifBefore = ws.slice(0, k).some((w) => ['if', 'when', 'once', 'whenever', 'should'].includes(w.lower));
      return `pattern ${entryOf(x)}:${holdEntries[holdEntries.indexOf(x.value)].match.indexOf(x.phrase)} verb-from-table=${x.first.lower} before=${modal ?? 'none'} if-before=${ifBefore ? 'yes' : 'no'} time-frame-in-line=${hasTimeFrame(h.line) ? 'yes' : 'no'} promise-on-line=${t.model.promises.some((q) => q.line === h.line) ? 'yes' : 'no'}`;
    }),
  ];
}

function impactCauses(t, n) {
  const spoken = t.model.spoken;
  const scores = spoken.map((l) => impactLineScore(l)).filter((s) => s !== undefined);
  const best = scores.length ? Math.max(...scores) : undefined;
  const bestQ = Math.max(-1, ...spoken.filter((l) => l.question).map((l) => impactLineScore(l) ?? -1));
  const impactWordsInQ = spoken.some((l) => l.question && hitsIn(l, 'acknowledge-impact', 'impact').length > 0);
  const impactWordsStated = spoken.some((l) => !l.question && hitsIn(l, 'acknowledge-impact', 'impact').length > 0);
  const g = goodReplyScore(t.model.facts);
  const pos = spoken.indexOf(n.line);
  const entries = table('acknowledge-impact').entries;
  const src = ['apology', 'bad-news', 'complaint', 'change'].flatMap((c) => hitsIn(n.line, 'acknowledge-impact', c)).find((h) => h.first === n.first);
  const source = n.blame ? 'blame' : n.kind === 'reported' ? 'customer turn' : src ? `entry ${src.value.category}#${entries.indexOf(src.value)} '${src.phrase}'${src.value.event ? ' event' : ''}` : 'model or other';
  return [
    `need source ${source}`,
    `need ${n.kind}${n.vague ? ' vague' : ''}${n.blame ? ' blame' : ''} on agent line ${pos < 0 ? '?' : pos < 2 ? '0-1' : pos < 4 ? '2-3' : '4+'}`,
    `best impact score ${band(best)}; best in a question ${bestQ < 0 ? 'none' : band(bestQ)}`,
    `impact words: stated ${impactWordsStated ? 'yes' : 'no'}, in a question ${impactWordsInQ ? 'yes' : 'no'}`,
    `good-reply ${band(g)}; needs ${t.model.facts.impact.needs.length}; impact line blamed ${t.model.facts.impact.blamed ? 'yes' : 'no'}`,
    ...(t.model.facts.impact.blamed ? [`blamed impact line by ${hitsIn(t.model.facts.impact.blamed, 'blame-language').length ? 'blame list' : blameShapes(t.model.facts.impact.blamed.words, false).length ? 'blame shape' : 'cue model'}, impact score ${band(impactLineScore(t.model.facts.impact.blamed))}, pattern ${namesImpact(t.model.facts.impact.blamed) ? 'yes' : 'no'}`] : []),
    ...spoken.filter((l) => !l.question && hitsIn(l, 'acknowledge-impact', 'impact').length > 0).map((l) => `impact-word line: pattern gate ${namesImpact(l) ? 'passed' : 'failed'}, score ${band(impactLineScore(l))}, you ${l.words.some((w) => /^you/.test(w.lower)) ? 'yes' : 'no'}, ${l.index > n.line.index ? 'after' : l === n.line ? 'same line' : 'before'} the need`),
  ];
}

function promiseCauses(t, p) {
  const spoken = t.model.spoken;
  const all = t.model.lines;
  const i = spoken.indexOf(p.line);
  const ai = all.indexOf(p.line);
  const timeAny = spoken.some((l) => hasTimeFrame(l));
  const timeNext = spoken.slice(i + 1, i + 2).some((l) => hasTimeFrame(l));
  const timeNext2 = spoken.slice(i + 2, i + 4).some((l) => hasTimeFrame(l));
  const timeBefore = spoken.slice(Math.max(0, i - 2), i).some((l) => hasTimeFrame(l));
  const timeSame = hasTimeFrame(p.line);
  const qAfter = spoken.slice(i, i + 3).some((l) => l.question && l !== p.line) || p.line.question;
  const custAfter = all.slice(ai + 1).some((l) => l.speaker === 'customer');
  const s = promiseScore(p, spoken);
  return [
    `${p.condition ? 'condition' : p.vague ? 'vague' : 'noTime'} score ${band(s)}`,
    `time word: same line ${timeSame ? 'yes' : 'no'}, next ${timeNext ? 'yes' : 'no'}, 2-3 after ${timeNext2 ? 'yes' : 'no'}, before ${timeBefore ? 'yes' : 'no'}, anywhere ${timeAny ? 'yes' : 'no'}`,
    `question within 2 after ${qAfter ? 'yes' : 'no'}; customer speaks after ${custAfter ? 'yes' : 'no'}; promise on agent line ${i < 2 ? '0-1' : i >= spoken.length - 2 ? 'last two' : 'middle'}`,
  ];
}

let items = 0;
for (const { file, item } of itemsOf(folder)) {
  items++;
  const { channel } = replyFile(item);
  traces = [];
  const result = await lintReply(item, 'care-clean-fire-causes');
  if (result.error) continue;
  const care = result.findings.filter((f) => CARE.includes(f.ruleId));
  const { matched } = matchExpected(item.text, care, (item.expect ?? []).filter((ex) => CARE.includes(ex.rule)));
  const clean = Array.isArray(item.expect) && item.expect.length === 0;
  const id = `${file.split('/').pop()}#${item.id}`;
  for (const rule of MINE) {
    const fired = care.filter((f) => f.ruleId === rule && !matched.has(f));
    if (!fired.length) continue;
    const nm = (item.near_miss ?? []).find((n) => n.rule === rule);
    if (!clean && !nm) continue;
    const set = clean ? 'clean' : 'near-miss';
    add(rule, `${set} items`, id);
    add(rule, `${set} channel ${channel}`, id);
    for (const f of fired) add(rule, `${set} message ${f.messageId}`, id);
    if (nm) add(rule, `near-miss why: ${whyBucket(nm.why)}`, id);
    const t = traces.find((x) => x.rule === rule);
    if (!t) {
      add(rule, `${set} no trace`, id);
      continue;
    }
    for (const r of t.reported) {
      const causes = rule === 'hold-permission' ? holdCauses(t, r) : rule === 'acknowledge-impact' ? impactCauses(t, r) : promiseCauses(t, r);
      for (const c of causes) add(rule, `${set} ${c}`, id);
    }
  }
}

if (json) console.log(JSON.stringify({ folder, items, counts: out, ...(showIds ? { ids } : {}) }, null, 2));
else {
  console.log(`${items} items in ${folder}`);
  print(MINE);
}
