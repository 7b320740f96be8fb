#!/usr/bin/env node
// Why blame-language fires where it should not, by cause (issue 13, session 1.16, engineer bl48).
//
//   npm run build && node scripts/blame-alarm-causes.mjs <folder> [--ids]
//
// Lints every item of a care devset folder like scripts/score-devset.mjs, with the rule's trace hook
// (traceBlame), and for each near-miss of blame that fired (a finding no expected problem answers) and each
// clean reply with a blame finding, counts: the layer of each such finding (pattern entry index, shape kind,
// cue model band, sentence reader band, again, clause), the channel, whether the good-reply model scored the
// reply as good, and a keyword bucket of the writer's own `why` (near-misses). It prints ONLY counts and the
// rule's own names, never an item's words, so it may run on sets nobody reads. `--ids` adds item ids (dev only).
import { itemsOf, lineStarts, lintReply, matchExpected, replyFile, scorerArgs } from './lib/devset.mjs';
import { traceBlame } from '../dist/rules/care/blame-language.js';
import { groupTally } from './lib/tally.mjs';

const RULE = 'blame-language';
const CARE = ['blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding', 'public-privacy', 'placeholder-syntax'];
const { folder } = scorerArgs('blame-alarm-causes.mjs');
const showIds = process.argv.includes('--ids');
let traces = [];
traceBlame((t) => traces.push(t));

const band = (s) => (s === undefined ? 'none' : s >= 0.75 ? '>=0.75' : s >= 0.6 ? '0.60-0.75' : s >= 0.45 ? '0.45-0.60' : '<0.45');
// Keyword buckets of a writer's `why` (counted, never printed).
const WHY = [
  ['agrees/thanks/praises the customer', /\b(agree|agrees|thank|praise|credit|compliment|right to|correct(ly)?|you were right)\b/i],
  ['agent/company owns the fault', /\b(own (fault|error|mistake)|our (fault|error|mistake)|owns|takes? (the )?(blame|responsibility)|self|agent'?s own|company'?s own|on us)\b/i],
  ['as you said/asked/requested (customer words)', /\b(as you (said|asked|requested|mentioned)|you (said|asked|requested|mentioned)|customer'?s (own )?(words|request))\b/i],
  ['reminder of our promise/our commitment', /\b(promise|commit|we said|we told|our (own )?(reminder|message)|we'll remind|reminder)\b/i],
  ['instruction/how-to/next step', /\b(instruction|how to|next step|steps?|imperative|tells? them (what|how) to|guidance|advice for the future|future)\b/i],
  ['policy/terms stated neutrally', /\b(polic(y|ies)|terms?|rule|neutral(ly)?|states?|fact|factual|explain)/i],
  ['third party / thing as subject', /\b(third|carrier|courier|bank|system|the (app|site|form)|nobody'?s fault|no one)\b/i],
  ['question/check/clarify', /\b(question|check|clarif|confirm|ask(s|ing)? whether)\b/i],
  ['empathy/reassurance', /\b(empath|reassur|understand|sorry|apolog|not (your|their) fault|isn'?t your fault)\b/i],
  ['quote of customer / other speaker', /\b(quot|customer turn|cites?)\b/i],
];
const whyBucket = (why) => WHY.find(([, re]) => re.test(why ?? ''))?.[0] ?? 'other';

const counts = { items: 0, nearMiss: 0, nearMissFired: 0, clean: 0, cleanFired: 0 };
const { counts: tallies, ids, add } = groupTally(showIds);

function layerDetail(trace, f) {
  const line = trace.lines.find((l) => l.spoken && l.span.start <= f.span.start && f.span.start < l.span.end);
  if (!line) return `${f.layer} (no line)`;
  switch (f.layer) {
    case 'pattern':
    case 'pattern-deferred': {
      const kept = line.hits.filter((h) => !h.gate || h.gate.startsWith('namesOnly'));
      return `${f.layer} [entry ${[...new Set(kept.map((h) => `${h.entry}.${h.pattern}`))].join('+') || '?'}]`;
    }
    case 'shape':
      return `shape ${[...new Set(line.shapes.filter((s) => !s.gate).map((s) => s.kind))].join('+') || '?'}${line.question ? ' (question)' : ''}`;
    case 'cue':
    case 'naming':
      return `${f.layer} ${band(line.cue.score)} kinds=${[...new Set(line.cue.kinds)].sort().join('+')}`;
    case 'reader':
      return `reader ${band(line.reader.score)}`;
    case 'again':
      return `again cue ${band(line.cue.score)} kinds=${[...new Set(line.cue.kinds)].sort().join('+')}`;
    case 'clause':
      return `clause (shape ${line.shapes.map((s) => s.kind).join('+') || '-'}, cue ${band(line.cue.score)}, reader ${band(line.reader.score)})`;
    default:
      return f.layer;
  }
}

for (const { file, item } of itemsOf(folder)) {
  counts.items++;
  const text = item.text;
  const { name, channel } = replyFile(item);
  traces = [];
  const result = await lintReply(item, 'blame-alarm-causes');
  if (result.error) continue;
  const care = result.findings.filter((f) => CARE.includes(f.ruleId));
  const { matched } = matchExpected(text, care, (item.expect ?? []).filter((ex) => CARE.includes(ex.rule)));
  const mine = care.filter((f) => f.ruleId === RULE && !matched.has(f));
  const nm = (item.near_miss ?? []).filter((n) => n.rule === RULE);
  const clean = Array.isArray(item.expect) && item.expect.length === 0;
  if (nm.length) counts.nearMiss++;
  if (clean) counts.clean++;
  if (!mine.length || (!nm.length && !clean)) continue;
  const kind = nm.length ? 'near-miss' : 'clean';
  if (nm.length) counts.nearMissFired++;
  else counts.cleanFired++;
  const id = `${file.split('/').pop()}#${item.id}`;
  const trace = traces[traces.length - 1];
  const starts = lineStarts(text);
  const spans = mine.map((f) => ({ start: starts[f.line - 1] + f.column - 1 }));
  add('channel', `${kind}: ${channel}${name.endsWith('html') ? ' html' : ''}`, id);
  add('goodReply', `${kind}: good-reply model ${trace?.goodHigh ? 'high' : 'low'}; findings ${mine.length}`, id);
  if (nm.length) add('why', `near-miss: ${whyBucket(nm.map((n) => n.why).join(' '))}`, id);
  for (const s of spans) {
    // Our finding's span starts where the traced one did (toSentenceEnd moves only the end).
    const f = trace?.findings.find((t) => t.span.start === s.start);
    add('layer', `${kind}: ${f ? layerDetail(trace, f) : 'untraced'}`, id);
  }
}

console.log(`${counts.items} items in ${folder}`);
console.log(`blame near-miss replies fired ${counts.nearMissFired}/${counts.nearMiss}, clean replies fired ${counts.cleanFired}/${counts.clean}\n`);
for (const [title, t] of [['by the layer of each finding', 'layer'], ['by channel', 'channel'], ['by good-reply model', 'goodReply'], ['near-misses by the why bucket', 'why']]) {
  console.log(title + ':');
  for (const [k, n] of Object.entries(tallies[t] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(4)}  ${k}${showIds ? `  ${ids[t][k].join(' ')}` : ''}`);
}
