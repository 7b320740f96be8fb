#!/usr/bin/env node
// Why confirm-understanding misses a reply that needs a check, and why it fires or stays quiet elsewhere
// (issue 13, session 1.17).
//
//   npm run build && node scripts/confirm-miss-causes.mjs <folder> [--json] [--ids]
//
// Lints every item of a care devset folder like scripts/score-devset.mjs, with the reply model's debug hook set
// (src/reply/trace.ts). For each item with an expected confirm-understanding, each near-miss of the rule and each
// good reply (expect: []), it counts what the rule did and why:
//   - fired on the writer's evidence, fired elsewhere, or quiet;
//   - when quiet, the "needs no check" branch that fired (praise, macro notice, we speak
//     next at a set time), or what counted as the check: the rules/confirm-understanding.yml entry (category and
//     index, with the pattern's index), a plain question, a hold or transfer question, or the model (score band);
//   - where that check stands: first line, last line, in the sign-off, how many agent lines follow it, whether
//     it is a question, whether "hesitate" stands just before the hit, whether it starts with "if";
//   - the channel.
// It prints ONLY counts (and, with --ids, item ids), never the item's words, so it may run on sets nobody reads.
import { readFileSync } from 'node:fs';
import { itemsOf, lintReply, matchExpected, replyFile, scorerArgs } from './lib/devset.mjs';
import { traceCare } from '../dist/reply/trace.js';
import { hitsIn, liveWords } from '../dist/reply/words.js';
import { confirmationOf, confirmFeatures, continuesOnOurSide, modelConfirmationOf } from '../dist/reply/confirmation.js';
import { isSignOff } from '../dist/reply/model.js';
import { logisticScore } from '../dist/lexicon/logistic.js';
import { table } from '../dist/lexicon/data.js';
import { groupTally } from './lib/tally.mjs';

const RULE = 'confirm-understanding';
const { folder, json } = scorerArgs('confirm-miss-causes.mjs');
const showIds = process.argv.includes('--ids');
const model = JSON.parse(readFileSync(new URL('../rules/confirm-understanding.model.json', import.meta.url), 'utf8'));
const entries = table(RULE).entries;

let traces = [];
traceCare((rule, doc, m, reported) => { if (rule === RULE) traces.push({ doc, model: m, reported }); });

const { counts: out, ids, add, print } = groupTally(showIds);
const band = (s) => (s === undefined ? 'none' : s >= 0.9 ? '>=0.9' : s >= 0.8 ? '0.8-0.9' : s >= 0.6 ? '0.6-0.8' : s >= 0.4 ? '0.4-0.6' : s >= 0.2 ? '0.2-0.4' : '<0.2');

/** Which "needs no check" branch of src/reply/model.ts fired (the first, in its order). */
function noNeedBranch(t) {
  const m = t.model;
  const s = m.spoken;
  const f = m.facts;
  if (s.length <= 4 && f.impact.needs.length === 0 && s.some((l) => hitsIn(l, RULE, 'praise').length > 0)) return 'praise';
  if (f.channel === 'macro') return 'macro-notice';
  if (continuesOnOurSide(s, m.promises, isSignOff)) return 'we-speak-next';
  return 'other';
}

/** What counted as the check, and where it stands. */
function checkCauses(t, channel) {
  const m = t.model;
  const s = m.spoken;
  const c = m.confirmation;
  const byPattern = confirmationOf(s, m.lines);
  const causes = [];
  let how;
  if (byPattern !== c) how = `model ${band(logisticScore(model, confirmFeatures(c, s, channel)))}`;
  else {
    const holds = [...hitsIn(c, 'hold-permission', 'hold'), ...hitsIn(c, 'hold-permission', 'transfer'), ...hitsIn(c, 'hold-permission', 'transfer-loose')];
    const hits = ['check', 'invite', 'ask'].flatMap((cat) => hitsIn(c, RULE, cat));
    if (holds.length) how = c.question ? 'hold/transfer question' : 'door before a transfer offer';
    else if (hits.length) {
      const h = hits.find((x) => x.value.category !== 'ask' || c.question) ?? hits[0];
      const e = entries.indexOf(h.value);
      how = `${h.value.category}#${e}:${e >= 0 ? entries[e].match.indexOf(h.phrase) : '?'}`;
      const k = c.words.indexOf(h.first);
      const before = c.words.slice(Math.max(0, k - 3), k).map((w) => w.lower);
      causes.push(`hesitate just before the hit: ${before.some((w) => w.startsWith('hesita')) ? 'yes' : 'no'}`);
      causes.push(`line starts with if/should: ${['if', 'should'].includes(liveWords(c)[0]?.lower) ? 'yes' : 'no'}`);
      causes.push(`robotic-phrase hit on the line: ${hitsIn(c, 'robotic-phrase').length ? 'yes' : 'no'}`);
    } else how = 'plain question';
  }
  causes.unshift(`check by ${how}`);
  const i = s.indexOf(c);
  const after = s.slice(i + 1).filter((l) => !l.stage);
  const signOffAt = s.findIndex((l, k) => k >= s.length - 3 && isSignOff(l));
  const news = after.filter((l, k) => (signOffAt === -1 || s.indexOf(l) < signOffAt) && l.words.length > 4);
  causes.push(`check at ${i === 0 ? 'first line' : i === s.length - 1 ? 'last line' : signOffAt !== -1 && i >= signOffAt ? 'sign-off' : 'middle'}; agent lines after: ${after.length > 3 ? '4+' : after.length}; lines of >4 words after before sign-off: ${news.length > 2 ? '3+' : news.length}`);
  causes.push(`check is a question: ${c.question ? 'yes' : 'no'}; speaker labelled: ${c.labelled ? 'yes' : 'no'}`);
  return causes;
}

/** Counts that say what kind of reply a branch let off. */
function branchDetail(t, b) {
  const m = t.model;
  const f = m.facts;
  const s = m.spoken;
  const n = (x) => (x > 3 ? '4+' : String(x));
  if (b === 'macro-notice') {
    return [`bad news needs ${n(f.impact.needs.length)} impact named ${f.impact.impact ? 'yes' : 'no'}`, `promises ${n(m.promises.length)} untimed ${n(m.promises.filter((p) => !p.timeFrame).length)}`, `agent lines ${s.length <= 3 ? '<=3' : s.length <= 6 ? '4-6' : '7+'}; next step ${m.nextStep ? 'yes' : 'no'}; any question ${s.some((l) => l.question) ? 'yes' : 'no'}`];
  }
  if (b === 'we-speak-next') {
    return [`promises ${n(m.promises.length)}; bad news ${f.impact.needs.length ? 'yes' : 'no'}`, `agent lines ${s.length <= 3 ? '<=3' : s.length <= 6 ? '4-6' : '7+'}`];
  }
  return [];
}

function whyBucket(why) {
  const w = String(why ?? '').toLowerCase();
  const keys = [['open-door', /door|invit|reach|contact|reply|write back|get in touch/], ['question', /question|\?|ask/], ['next-contact', /will (call|email|contact|message)|next|follow.?up|we speak|time/], ['macro', /macro|notice|routine|template/], ['thanks', /thank|praise|welcome/], ['closed', /caller|customer (said|ended|closed)|ended/], ['stock', /stock|hesitat|boilerplate|formula|generic/]];
  const hit = keys.filter(([, re]) => re.test(w)).map(([k]) => k);
  return hit.length ? hit.join('+') : 'other';
}

let items = 0;
for (const { file, item } of itemsOf(folder)) {
  items++;
  const { channel } = replyFile(item);
  traces = [];
  const result = await lintReply(item, 'confirm-miss-causes');
  if (result.error) continue;
  const mine = result.findings.filter((f) => f.ruleId === RULE);
  const expect = (item.expect ?? []).filter((ex) => ex.rule === RULE);
  const { results, matched } = matchExpected(item.text, mine, expect);
  const nm = (item.near_miss ?? []).find((n) => n.rule === RULE);
  const clean = Array.isArray(item.expect) && item.expect.length === 0;
  const id = `${file.split('/').pop()}#${item.id}`;
  let set;
  if (expect.length) set = results.every((r) => r.found) ? 'expected found' : mine.length ? 'expected fired off evidence' : 'expected missed';
  else if (nm) set = mine.some((f) => !matched.has(f)) ? 'near-miss fired' : 'near-miss quiet';
  else if (clean) set = mine.length ? 'clean fired' : 'clean quiet';
  else continue;
  add(set, 'items', id);
  add(set, `channel ${channel}`, id);
  if (nm) add(set, `why: ${whyBucket(nm.why)}`, id);
  const t = traces[0];
  if (!t) { add(set, 'no trace (rule skipped)', id); continue; }
  if (mine.length) {
    const s = t.model.spoken;
    const i = s.indexOf(t.reported[0]);
    add(set, `reported at agent line ${i === s.length - 1 ? 'last' : i >= 0 ? `last-${s.length - 1 - i}` : '?'}`, id);
    continue;
  }
  if (!t.model.spoken.length) { add(set, 'no agent lines', id); continue; }
  if (t.model.confirmation) for (const c of checkCauses(t, channel)) add(set, c, id);
  else {
    const b = noNeedBranch(t);
    add(set, `needs no check: ${b}`, id);
    for (const d of branchDetail(t, b)) add(set, `  ${b}: ${d}`, id);
  }
}

if (json) console.log(JSON.stringify({ folder, items, counts: out, ...(showIds ? { ids } : {}) }, null, 2));
else {
  console.log(`${items} items in ${folder}`);
  print(Object.keys(out).sort());
}
