/**
 * blame-language: wording that blames the customer: reminders that they were
 * told ("as I already said", "like I mentioned before"), hindsight ("you
 * should have…", "if you had…"), pointing at their error, at terms they
 * agreed to, or at their not reading. Patterns in rules/blame-language.yml
 * cover tense, person, contractions and inserted words; the reply model
 * (src/reply/) keeps quotes, the customer's turns and stage directions out.
 *
 * Behind the patterns, a small sentence model (rules/blame-language.model.json,
 * scripts/train-blame-model.mjs) reads sentences the patterns left alone, but
 * only those whose grammar points at the customer's past action or knowledge
 * (src/lexicon/blame-features.ts). It quotes those words, not the word it weighed.
 *
 * Last, a sentence reader (rules/blame-language.sentence.json, scripts/train-blame-sentence.mjs,
 * src/lexicon/blame-sentence.ts) reads every other sentence that speaks to the customer, over
 * general features none of which came from reading the development replies, so it can find
 * wordings neither the patterns nor the cues list. It speaks only at a high threshold. It also
 * knows whether the reply says no or puts something right (replyRefuses): then it reads every
 * sentence that names the customer, not only those that point at the past.
 *
 * Before the models, a few shapes of grammar are reported without one (blameShapes in src/lexicon/blame-features.ts,
 * session 1.10): sarcasm at what they missed ("not sure how much clearer we could make the page", "we can't be
 * expected to guess"), the customer as the one who let it fail ("as nobody had thought to let us know", "most people
 * don't bother reading it"), a question of hindsight ("Did you measure it before ordering?") and counting our answers.
 * The models leave alone a sentence the next one owns as our fault ("That's our error, not yours") and one that lets
 * a charge go ("…, the late fee has been removed"): waivesCharge.
 *
 * Session 1.12 (issue 13) added five more shapes to blameShapes, each a kind seen across many writers and each
 * with what makes it not blame: others as the measure ("most customers find…", "works fine for everyone else"),
 * the fault on their side against ours ("on your bank's side, not ours", "down to your handset"), how visible it
 * was ("in big letters on the ticket", "pretty hard to miss"), saying it again or counting ("just to clarify
 * again", "despite three requests from us", "as you'll recall") and emphatic telling ("I did flag on our call",
 * "our confirmation told you").
 *
 * Session 1.13 (issue 13, engineer blame26) added five kinds of blame with no "you" in it, which the models cannot see
 * (noYouShapes and noYouQuestion in src/lexicon/blame-features.ts): a rhetorical question about what they were sent
 * ("Did nobody read the checklist?", "Was the renewal pack not looked at?"), a duty ("members are expected to…",
 * "standard across the trade"), the choice they made ("was the one picked at sign-up"), kind words that turn ("I get
 * that the booklet is long, but the exclusion is right there") and a short scold ("common sense", "not a lot to ask",
 * "there for a reason", "to be fair to us"). Each leaves alone its neutral twin (our own message, a duty of ours or of
 * a thing, a choice we made, a turn to our help, comfort). On the 40 older dev writers (first sight for the shapes):
 * found 615 -> 616 of 747, near-miss and clean replies fired 7 -> 7 and 10 -> 10; corpus as email and the synthetic set:
 * no new finding.
 *
 * Session 1.14 (issue 13, engineer span29): one sentence often blames twice, and the layers quoted only one place
 * in it, often the neutral or weaker part ("the police report you uploaded", "We sent three reminders") while the
 * writer's evidence was the other clause ("none of which you responded to", "so you've picked the wrong strength").
 * So each other clause of a sentence already reported (cut at a comma or dash before a clause opener, or at "and
 * you…") is read again on its own by the shapes, the cue model and the sentence reader (otherClauses); a clause
 * that blames is quoted too. It adds findings only in sentences that already had one, so no clean reply can fire.
 *
 * Session 1.14 (issue 13, engineer bq30): a hit or cue that is only a noun's relative clause names a thing and tells the
 * writer nothing ("the police report you uploaded", "the details you entered": namesOnly in src/lexicon/blame-features.ts).
 * Such a pattern hit, or a sentence whose only cues are such clauses, is passed on to the layers below; the sentence
 * reader's quote skips such a "you". The naming words are quoted only when no layer reports the sentence, so no sentence
 * fires that did not before and none is lost. Care dev: found 729 -> 731 of 872, on its line 768 -> 768, near-miss and clean
 * replies fired unchanged.
 *
 * Session 1.15 (issue 13, engineer blame31): a negative question about what they did ("Did you not get the text we
 * sent?", "Were you not told at the desk?", "Why didn't you ring us?") expects "yes, I should have", so it is a telling-off
 * (negativeQuestion in src/lexicon/blame-features.ts, read by blameShapes for question lines, which the models skip). Not
 * a wish ("Didn't you want the upgrade?"), a tag ("…, weren't you?"), "been able" or "yet" (where a thing has got to).
 * Care dev: found 731 -> 734 of 872, on its line 768 -> 772, near-miss 11 -> 11 of 499, clean 14 -> 14 of 1,437;
 * synthetic and corpus as email unchanged. Quoting the cue the cue model weighs most, instead of the first, was tried
 * and lost 3 on dev (writers quote the first part: "If the damp had been reported…", not "…could have treated it").
 *
 * Session 1.15 (issue 13, engineer blame34): a reply that blames once often blames twice, and writers marked the other
 * sentence of the same paragraph ("As I said, the deadline was the 3rd. The photos hadn't been uploaded by then."). So
 * once a reply has a finding, each other sentence of a paragraph that has one is read again by the cue model with its
 * bar lowered from 0.75 to 0.45 (blameAgain). It runs after the good-reply veto, so it only adds findings to replies
 * that already fire. Care dev: found 734 -> 739 of 872, on its line 772 -> 773, replies fired 707 -> 707, findings
 * 908 -> 923, near-miss 11 -> 11, clean 14 -> 14 of 1,437 (bar 0.55: found 738, 917 findings; bar 0.35: found 739, on
 * its line 774, 929 findings). Reading the whole reply, not only the paragraph: 739 found too, but 7 new findings in
 * help-centre pages read as email (all wrong); with the paragraph: none. Lowering the sentence reader's bar as well
 * (0.75 -> 0.55) found 2 more but added 14 findings, quoting greetings and plain news. Synthetic and corpus as email
 * unchanged.
 *
 * Session 1.16 (issue 13, engineer bl43): counted by cause (scripts/blame-miss-causes.mjs), a sixth of the blind misses
 * were findings on the writer's sentence that quoted another part of it. The rule judges the sentence, so a finding now
 * marks and quotes from its words to the end of the line (toSentenceEnd). Blind, found: held-out 10 -> 11 of 16,
 * final 198 -> 203 of 239, reserve 34 -> 34 of 44; near-miss and clean replies fired unchanged. A second part (report
 * a sentence the cue model scores 0.6 to 0.75 when the sentence reader scores it 0.6 too) gained 4 on the final set
 * where its bars were chosen, and nothing on the held-out set, the reserve or two fresh writers: not kept.
 *
 * Both models also learned from help-centre and policy sentences read as email (scripts/train-blame-corpus.mjs),
 * which blame no one. No path speaks in a sentence that owns the fault ("…which was our error",
 * "that's on us", "I should have checked"), that leaves a choice to them ("it's your call"), or after
 * an apology or empathy for what the customer went through ("I'm sorry you spent the week worrying
 * that…", "I understand how…", "the last thing you deserved"): ownsFault in src/lexicon/blame-features.ts.
 */
import { defineRule, replyChannels, type ReportInput, type RuleContext } from '../define-rule.js';
import { replyModel, type ReplyModel } from '../../reply/model.js';
import { hitsIn, hitText } from '../../reply/words.js';
import { patternHits } from '../../lexicon/care-tables.js';
import { table } from '../../lexicon/data.js';
import type { ReplyLine } from '../../reply/lines.js';
import { reportPhrases } from '../kinds/reply-phrases.js';
import { blameCueModel, blameCues, blameFeatures, blameScore, blameShapes, crossesClause, namesOnly, notForModels, ownsFault, type BlameCue } from '../../lexicon/blame-features.js';
import { modelSlot } from '../../lexicon/logistic.js';
import { addressesCustomer, blameSentenceFeatures, blameSentenceQuote, blameSentenceScore, replyRefuses, type BlameSentenceModel } from '../../lexicon/blame-sentence.js';

/** A model file with the fields the rule reads, so a damaged file means no model rather than a crash. */
const thresholded = (m: { bias?: unknown; threshold?: unknown; weights?: unknown }) => typeof m.bias === 'number' && typeof m.threshold === 'number' && Boolean(m.weights) && typeof m.weights === 'object';

/** The sentence reader over general features (rules/blame-language.sentence.json), read on first use. */
const sentenceReader = modelSlot<BlameSentenceModel>('blame-language.sentence.json', thresholded).get;


/** What the sentence reader's findings say. */
const READER_NOTE = 'it may sound like the problem is their fault. Say what happened and what to do next';

/** What to write instead, by the kind of words found. */
const NOTES: Record<BlameCue['kind'], string> = {
  hindsight: 'it tells them what should have happened. Say what happens now',
  'you-did': 'it points at what they did. Say what happened, not who did it',
  'your-details': 'it puts the cause on their details. Say what needs changing',
  reminder: 'it reminds them they were told. Give the answer again',
  agreed: 'it holds them to what they agreed. Explain the rule and what you can do',
  'step-missed': 'it points at a step they missed. Say what is needed now',
  advice: 'hindsight advice reads as a telling-off. Say what to do now',
  documented: 'it says they should have read it. Give the answer here',
  cause: 'it puts the cause on their handling. Say what happened and what to do next',
  'your-side': 'it puts the fault on their side. Say what happened and what to do next',
  repeat: 'counting how often they asked reads as a telling-off. Give the answer again',
  emphasis: 'it stresses that they should have seen it. Give the answer here',
  others: 'it measures them against other customers. Say what happens now',
  sarcasm: 'sarcasm about what they missed reads as a telling-off. Give the answer plainly',
  'their-failure': 'it puts the failure on them. Say what happened and what you can do now',
  question: 'a question about what they should have read reads as a telling-off. Say what happens now',
  duty: 'it holds them to a duty. Explain the rule and what you can do',
  choice: 'it points at the choice they made. Explain the rule and what you can do',
  backhanded: 'the kind words turn into a telling-off. Give the answer here',
  scold: 'it scolds them. Say what happened and what to do next',
};

export default defineRule({
  id: 'blame-language',
  family: 'care',
  description: 'Wording that blames the customer ("you failed to", "as I already said")',
  defaultSeverity: 'warning',
  channels: replyChannels,
  // Its word lists and patterns are English (issue 14): the engine skips it on other languages.
  languages: ['en'],
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    blame: "'{{actual}}' blames the customer: {{note}}",
    blameShape: "'{{actual}}' may read as blame: {{note}}",
  },
  check(doc, ctx) {
    const reply = replyModel(doc);
    const found = findBlame(reply);
    // The good-reply model (src/reply/good-reply.ts) is sure the reply as a whole is fine: a lone finding is dropped.
    const vetoed = reply.vetoed.has('blame-language') && found.length < 2;
    const again: ReportInput[] = [];
    if (!vetoed) {
      const out = { report: (r: ReportInput) => ctx.report(toSentenceEnd(reply, r)) };
      for (const r of found) out.report(r);
      // A reply that blames once often blames twice: its other sentences are read again with a lower bar.
      if (found.length) blameAgain(reply, found, trace ? { report: (r) => void (again.push(r), out.report(r)) } : out);
    }
    if (trace) trace(traceOf(reply, found, again, vetoed));
  },
});

/** Every blame finding of a reply, in the order found. */
function findBlame(reply: ReplyModel): ReportInput[] {
  const found: ReportInput[] = [];
  const ctx = { report: (r: ReportInput) => void found.push(trace ? tagged(r) : r) };
  layerNow = 'pattern';
  blameLayers(reply, ctx);
  // The findings so far, so a second blaming clause of the same sentence can be reported too (session 1.14).
  layerNow = 'clause';
  otherClauses(reply, found, ctx);
  return found;
}

/** The layers, each reading the sentences the one before left alone. */
function blameLayers(reply: ReplyModel, ctx: Pick<RuleContext<object>, 'report'>): void {
  // A hit whose gap runs into a new clause of ours ("it's in, I'll send you the agreement") is two clauses, not blame.
  // A sentence that takes the fault on us or apologises for what they went through ("…which was
  // our error", "I'm sorry you've spent the week worrying that you'd missed it") is left alone.
  // Blame words before the apology still count ("You should have checked, and I'm sorry you didn't").
  const ownedFrom = new Map<ReplyLine, number>();
  const owned = (line: ReplyLine): number => ownedFrom.get(line) ?? ownedFrom.set(line, ownsFault(line.words)).get(line)!;
  const kept = (line: ReplyLine, first: number) => {
    const from = owned(line);
    return from < 0 || first < from;
  };
  const all = reply.blame.filter(({ line, hit }) => kept(line, line.words.indexOf(hit.first)) && !crossesClause(hitText(line, hit.first, hit.last)));
  // A hit that is only a noun's relative clause ("the police report you uploaded") tells the writer nothing: the
  // sentence goes on to the layers below, which quote a stronger cue in it if there is one (namesOnly). The hit is
  // reported only if none does, since its entry found the blame elsewhere in the sentence.
  const hits = all.filter(({ line, hit }) => !namesOnlyHit(line, hit.first, hit.last));
  const deferred = all.filter((f) => !hits.includes(f));
  reportPhrases(ctx, hits, 'blame', 'say what happened and what to do next');
  // The layers below add every sentence they report to `found`.
  const found = new Set(hits.map((f) => f.line.sentence));
  blameModels(reply, ctx, found, kept);
  layerNow = 'pattern-deferred';
  reportPhrases(ctx, deferred.filter((f) => !found.has(f.line.sentence)), 'blame', 'say what happened and what to do next');
}

/** The shapes and models, each reading the sentences the one before left alone (`found`, which they add to). */
function blameModels(reply: ReplyModel, ctx: Pick<RuleContext<object>, 'report'>, found: Set<ReplyLine['sentence']>, kept: (line: ReplyLine, first: number) => boolean): void {
  const m = blameCueModel();
  const namingOnly: Array<[ReplyLine, BlameCue]> = [];
  // Blame shapes of grammar that need no model: sarcasm at their reading, the customer as the agent of a
  // past failure, a rhetorical question of hindsight, counting our answers (blameShapes).
  layerNow = 'shape';
  for (const line of reply.spoken) {
    if (found.has(line.sentence)) continue;
    const shape = blameShapes(line.words, line.question).find((c) => kept(line, c.first));
    if (!shape) continue;
    found.add(line.sentence);
    reportCue(ctx, line, shape, 'blame');
  }
  // A sentence the next one owns as our fault ("We told you the wrong time. That's our error, not yours"),
  // or one that lets a charge go ("…, the late fee has been removed"), is not read by the models.
  const spoken = reply.spoken;
  const at = new Map(spoken.map((l, i) => [l, i]));
  const leftAlone = (line: ReplyLine): boolean => {
    const next = spoken[(at.get(line) ?? -2) + 1];
    return notForModels(line.words, next?.block === line.block ? next.words : undefined);
  };
  layerNow = 'cue';
  for (const line of reply.spoken) {
    if (!m) break;
    if (found.has(line.sentence) || line.question || leftAlone(line)) continue;
    const cues = blameCues(line.words);
    const cue = strongestOf(line.words, cues);
    if (!cues.length || !kept(line, (cue ?? cues[0]).first) || blameScore(m, blameFeatures(line.words, cues)) < m.threshold) continue;
    // Only cues that name a thing ("the details you entered"): the sentence reader may quote a stronger part of it.
    if (!cue) {
      namingOnly.push([line, cues[0]]);
      continue;
    }
    found.add(line.sentence);
    reportCue(ctx, line, cue, 'blameShape');
  }
  // Those the reader does not report keep the cue's own quote.
  const reportNaming = () => {
    layerNow = 'naming';
    for (const [line, cue] of namingOnly) {
      if (found.has(line.sentence)) continue;
      found.add(line.sentence);
      reportCue(ctx, line, cue, 'blameShape');
    }
  };
  // Then any sentence that speaks to the customer, read by a model of general features:
  // wordings neither the patterns nor the cues list.
  const r = sentenceReader();
  if (!r) return reportNaming();
  // Whether the reply says no or puts something right: then the reader also reads any sentence that names them.
  const context = { refuses: replyRefuses(reply.spoken.map((l) => l.words)) };
  layerNow = 'reader';
  for (const line of reply.spoken) {
    if (found.has(line.sentence) || line.question || line.words.length < 3 || leftAlone(line)) continue;
    const features = blameSentenceFeatures(line.words, context);
    if (!addressesCustomer(features) || blameSentenceScore(r, features) < r.threshold) continue;
    const [a, b] = blameSentenceQuote(line.words);
    if (!kept(line, a)) continue;
    found.add(line.sentence);
    const first = line.words[a];
    const last = line.words[b];
    ctx.report({
      messageId: 'blameShape',
      span: line.block.spanOf(first.start, last.end),
      data: { actual: hitText(line, first, last), note: READER_NOTE },
      context: line.sentence.span,
    });
  }
  reportNaming();
}

/** A pattern hit that is only a noun's relative clause: "the police report you uploaded". */
function namesOnlyHit(line: ReplyLine, first: ReplyLine['words'][number], last: ReplyLine['words'][number]): boolean {
  return namesOnly(line.words, line.words.indexOf(first), line.words.indexOf(last));
}

/** The cue to quote: the first that does more than name a thing ("the details you entered"); none if that is all there is. */
function strongestOf(words: ReplyLine['words'], cues: readonly BlameCue[]): BlameCue | undefined {
  return cues.find((c) => c.kind !== 'you-did' || !namesOnly(words, c.first, c.last));
}

/** Reports a cue or shape found in a line: its words quoted, with the note for its kind. */
function reportCue(ctx: Pick<RuleContext, 'report'>, line: ReplyLine, cue: BlameCue, messageId: 'blame' | 'blameShape', note = NOTES[cue.kind]): void {
  const first = line.words[cue.first];
  const last = line.words[cue.last];
  ctx.report({
    messageId,
    span: line.block.spanOf(first.start, last.end),
    data: { actual: hitText(line, first, last), note },
    context: line.sentence.span,
  });
}

/** Words that open a new clause after a comma or dash: "…, which…", "…, so you'd…", "…, none of which…". */
const OPENERS = new Set(['which', 'so', 'and', 'but', 'none', 'as', 'because', 'that', "that's", 'it', "it's", 'you', "you'd", "you've", "you'll", 'we', 'i', 'this', 'there']);
/** Words that may open a new clause with no comma when a subject follows: "…page and you ticked the box". */
const JOINS = new Set(['and', 'so', 'but', 'which']);
const SUBJECTS = new Set(['you', "you'd", "you've", "you'll", "you're", 'we', "we'd", "we've", 'i', "i'd", "i've", 'it', "it's", 'that', "that's", 'this', 'none']);

/** Words that open a part which leads into the main clause: "If you'd read it, you would have…". */
const LEADS = new Set(['if', 'had', 'unless', 'when', 'once', 'since', 'because', 'as', 'although', 'though', 'while', 'after', 'before', 'until']);

/** The clauses of a line: [first, last] word indexes, cut at a comma or dash before an opener, or at "and you…". */
function clausesOf(line: ReplyLine): Array<[number, number]> {
  const w = line.words;
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i < w.length; i++) {
    const gap = line.block.text.slice(w[i - 1].end, w[i].start);
    const lower = w[i].lower.replace(/[‘’]/g, "'");
    const next = (w[i + 1]?.lower ?? '').replace(/[‘’]/g, "'");
    const punct = /[,;:\u2013\u2014\u2026-]|\.\.\./.test(gap);
    // A leading "if…" or "when…" part and the main clause after its comma are one thought: not cut there.
    const leads = punct && LEADS.has(w[from].lower);
    if ((punct && !leads && OPENERS.has(lower)) || (JOINS.has(lower) && SUBJECTS.has(next))) {
      out.push([from, i - 1]);
      from = i;
    }
  }
  out.push([from, w.length - 1]);
  return out;
}

/**
 * A sentence may blame twice ("That's stated on the booking page and you ticked the box to say you'd read it",
 * "We sent three reminders, none of which you responded to"). The layers report one place per sentence, often
 * the neutral or weaker one ("the report you uploaded"), so each other clause of a sentence already reported
 * is read again, on its own, by the shapes, the cue model and the sentence reader: a clause that blames is
 * reported too. A sentence the models leave alone (notForModels) or one that owns the fault is not read again.
 */
function otherClauses(reply: ReplyModel, reported: readonly ReportInput[], ctx: Pick<RuleContext<object>, 'report'>): void {
  const m = blameCueModel();
  const r = sentenceReader();
  const context = { refuses: replyRefuses(reply.spoken.map((l) => l.words)) };
  for (const [i, line] of reply.spoken.entries()) {
    const mine = reported.filter((f) => f.span.start >= line.span.start && f.span.end <= line.span.end);
    const next = reply.spoken[i + 1];
    if (!mine.length || line.stage || notForModels(line.words, next?.block === line.block ? next.words : undefined)) continue;
    const own = ownsFault(line.words);
    const clauses = clausesOf(line);
    if (clauses.length < 2) continue;
    for (const [a, b] of clauses) {
      if (b - a < 2) continue;
      const span = line.block.spanOf(line.words[a].start, line.words[b].end);
      if (mine.some((f) => f.span.start < span.end && span.start < f.span.end)) continue;
      if (own >= 0 && own <= b) continue;
      const sub = line.words.slice(a, b + 1);
      const question = line.question && b === line.words.length - 1;
      let cue = blameShapes(sub, question)[0];
      let messageId: 'blame' | 'blameShape' = 'blame';
      let note: string | undefined;
      if (!cue && m && !question) {
        const cues = blameCues(sub);
        const named = strongestOf(sub, cues);
        if (named && blameScore(m, blameFeatures(sub, cues)) >= m.threshold) {
          cue = named;
          messageId = 'blameShape';
        }
      }
      if (!cue && r && !question) {
        const features = blameSentenceFeatures(sub, context);
        if (addressesCustomer(features) && blameSentenceScore(r, features) >= r.threshold) {
          const [qa, qb] = blameSentenceQuote(sub);
          cue = { kind: 'cause', first: qa, last: qb };
          messageId = 'blameShape';
          note = READER_NOTE;
        }
      }
      if (!cue) continue;
      reportCue(ctx, line, { ...cue, first: cue.first + a, last: cue.last + a }, messageId, note);
    }
  }
}


/**
 * The rule judges a sentence, not only the words it quotes: one sentence often blames twice ("We sent three
 * reminders, none of which you responded to"), and writers mark either part. So a finding's span runs from the
 * words it quotes to the end of their line (the sentence, or one turn of a script), and the message quotes all of
 * that. It moves no finding's start and adds none (session 1.16).
 */
function toSentenceEnd(reply: ReplyModel, r: ReportInput): ReportInput {
  const line = reply.spoken.find((l) => l.span.start <= r.span.start && r.span.start < l.span.end);
  if (!line || line.span.end <= r.span.end) return r;
  const first = line.words.find((w) => line.block.spanOf(w.start, w.end).start === r.span.start);
  if (!first) return r;
  // The message quotes what the span marks.
  const actual = line.block.text.slice(first.start, line.end).replace(/\s+/g, ' ');
  return { ...r, span: { ...r.span, end: line.span.end }, data: { ...r.data, actual } };
}

/** How far below the cue model's threshold (0.75) a sentence of a reply that already blames may score and be reported. */
const AGAIN_MARGIN = 0.3;

/**
 * A reply that blames once often blames twice ("As I said, the deadline was the 3rd. The photos hadn't been
 * uploaded by then."). Once a reply has a finding, each other sentence of a paragraph that has one is read again
 * by the cue model with a lower bar (session 1.15, blameAgain). It adds findings only to replies that already
 * have one, so no clean reply can fire.
 */
function blameAgain(reply: ReplyModel, reported: readonly ReportInput[], ctx: Pick<RuleContext<object>, 'report'>): void {
  const m = blameCueModel();
  if (!m) return;
  const spoken = reply.spoken;
  const blamed = (line: ReplyLine) => reported.some((f) => f.span.start < line.span.end && line.span.start < f.span.end);
  const blocks = new Set(spoken.filter(blamed).map((l) => l.block));
  for (const [i, line] of spoken.entries()) {
    if (line.question || line.words.length < 3 || !blocks.has(line.block) || blamed(line)) continue;
    const next = spoken[i + 1];
    if (notForModels(line.words, next?.block === line.block ? next.words : undefined)) continue;
    const cues = blameCues(line.words);
    const cue = strongestOf(line.words, cues);
    const own = ownsFault(line.words);
    if (!cue || (own >= 0 && cue.first >= own)) continue;
    if (blameScore(m, blameFeatures(line.words, cues)) >= m.threshold - AGAIN_MARGIN) reportCue(ctx, line, cue, 'blameShape');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Debug hook (session 1.16, scripts/blame-miss-causes.mjs): what each layer made of each line of a reply, so a
// script can count why an expected finding was missed without printing any of the reply's words.

/** One line of a reply as the layers saw it: offsets only, and the names of the rule's own gates and patterns. */
export interface BlameTraceLine {
  span: { start: number; end: number };
  sentence: { start: number; end: number };
  /** The paragraph (block) the line is in, as an index into the reply's blocks. */
  block: number;
  spoken: boolean;
  speaker: string;
  stage: boolean;
  question: boolean;
  words: number;
  /** Pattern hits of rules/blame-language.yml in the line (entry index), with the gate that left each alone. */
  hits: Array<{ entry: number; pattern?: number; gate?: string }>;
  /** Blame shapes (kind) with the gate that left each alone. */
  shapes: Array<{ kind: string; gate?: string }>;
  /** The cue model: the kinds of cue, the score, and the gate that stops it (undefined when none). */
  cue: { kinds: string[]; score?: number; gate?: string };
  /** The sentence reader: whether the line speaks to the customer, its score, and its gate. */
  reader: { addresses: boolean; score?: number; gate?: string };
  /** The sentence reader's own feature names for the line (person, tense, word class, modal; never a word). */
  signs: string[];
  /** Words of the line inside quotation marks, and words masked (placeholders, code). */
  quotedWords: number;
}

export interface BlameTrace {
  lines: BlameTraceLine[];
  /** Each finding: its span and the layer that made it. */
  findings: Array<{ span: { start: number; end: number }; layer: string }>;
  /** The good-reply model dropped the reply's lone finding. */
  vetoed: boolean;
  /** The good-reply model scored the reply as good (above its veto bar), whether or not it dropped anything. */
  goodHigh: boolean;
}

let trace: ((t: BlameTrace) => void) | undefined;
let layerNow = 'pattern';
const layerOf = new WeakMap<ReportInput, string>();
function tagged(r: ReportInput): ReportInput {
  layerOf.set(r, layerNow);
  return r;
}

/** Sets (or clears) the debug hook: called once per reply the rule reads. */
export function traceBlame(fn?: (t: BlameTrace) => void): void {
  trace = fn;
}

function traceOf(reply: ReplyModel, found: readonly ReportInput[], again: readonly ReportInput[], vetoed: boolean): BlameTrace {
  const m = blameCueModel();
  const r = sentenceReader();
  const blocks = new Map<unknown, number>();
  const spoken = reply.spoken;
  const context = { refuses: replyRefuses(spoken.map((l) => l.words)) };
  const entries = table('blame-language').entries;
  const lines = reply.lines.map((line): BlameTraceLine => {
    if (!blocks.has(line.block)) blocks.set(line.block, blocks.size);
    const isSpoken = spoken.includes(line);
    const si = spoken.indexOf(line);
    const next = si >= 0 ? spoken[si + 1] : undefined;
    const leftAlone = notForModels(line.words, next?.block === line.block ? next.words : undefined);
    const own = ownsFault(line.words);
    // Pattern hits, raw, then each gate in the order the rule applies them.
    const raw = patternHits('blame-language', { words: line.words, text: line.block.text });
    const kept = hitsIn(line, 'blame-language');
    const hits = raw.map((h) => {
      const entry = entries.indexOf(h.value);
      const k = kept.find((x) => x.first === h.first && x.last === h.last && x.value === h.value);
      let gate: string | undefined;
      if (!k) gate = line.question && h.value.skipQuestions === true ? 'skipQuestions' : 'exception (unless)';
      else if (own >= 0 && line.words.indexOf(h.first) >= own) gate = 'ownsFault';
      else if (crossesClause(hitText(line, h.first, h.last))) gate = 'crossesClause';
      else if (namesOnly(line.words, line.words.indexOf(h.first), line.words.indexOf(h.last))) gate = 'namesOnly (deferred)';
      return { entry, pattern: h.value.match.indexOf(h.phrase), ...(gate ? { gate } : {}) };
    });
    const shapes = blameShapes(line.words, line.question).map((c) => ({ kind: c.kind, ...(own >= 0 && c.first >= own ? { gate: 'ownsFault' } : {}) }));
    const cues = blameCues(line.words);
    const strong = strongestOf(line.words, cues);
    const cue: BlameTraceLine['cue'] = { kinds: cues.map((c) => c.kind) };
    if (m) cue.score = blameScore(m, blameFeatures(line.words, cues));
    if (!cues.length) cue.gate = 'no cue';
    else if (line.question) cue.gate = 'question';
    else if (leftAlone) cue.gate = 'notForModels';
    else if (own >= 0 && (strong ?? cues[0]).first >= own) cue.gate = 'ownsFault';
    else if (!strong) cue.gate = 'namesOnly';
    const features = blameSentenceFeatures(line.words, context);
    const addresses = addressesCustomer(features);
    const reader: BlameTraceLine['reader'] = { addresses };
    if (r) reader.score = blameSentenceScore(r, features);
    if (line.question) reader.gate = 'question';
    else if (line.words.length < 3) reader.gate = 'short';
    else if (leftAlone) reader.gate = 'notForModels';
    else if (!addresses) reader.gate = 'addressesCustomer';
    else if (own >= 0 && blameSentenceQuote(line.words)[0] >= own) reader.gate = 'ownsFault';
    return {
      span: { start: line.span.start, end: line.span.end },
      sentence: { start: line.sentence.span.start, end: line.sentence.span.end },
      block: blocks.get(line.block)!,
      spoken: isSpoken,
      speaker: line.speaker,
      stage: line.stage,
      question: line.question,
      words: line.words.length,
      hits,
      shapes,
      cue,
      reader,
      signs: features.filter((k) => /^[pkmvr]:/.test(k)),
      quotedWords: line.words.filter((w) => w.quoted || w.masked).length,
    };
  });
  const findings = [...found.map((f) => ({ span: { start: f.span.start, end: f.span.end }, layer: layerOf.get(f) ?? 'unknown' })), ...again.map((f) => ({ span: { start: f.span.start, end: f.span.end }, layer: 'again' }))];
  return { lines, findings, vetoed, goodHigh: reply.vetoed.has('blame-language') };
}
