/**
 * passive-voice: "Your card was charged" hides who charged it. Built on
 * retext-passive's participle list, run on the shared nlcst tree, with three
 * changes found on real help-centre text: retext-passive lists only irregular
 * participles, so it misses "was charged"; we also take regular "-ed" forms.
 * Adverbs between the verb and the participle still count ("was automatically
 * renewed"), and a passive that names who acts ("was approved by your bank")
 * is not reported.
 */
import { defineRule } from '../define-rule.js';
import { vendorLists } from '../../lexicon/data.js';
import type { Word } from '../../document/prose.js';

const BE = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be', "isn't", "aren't", "wasn't", "weren't", "'s", "'re"]);

/** retext-passive's participle list, read from the installed package at build time (same version, same words); built on first use. */
let participles: Set<string> | undefined;

/** Participles that are nearly always adjectives in support text ("is located", "are interested"). */
const ADJECTIVAL = ['located', 'interested', 'based', 'supposed', 'used', 'logged', 'signed', 'done', 'finished', 'gone', 'concerned', 'involved', 'married', 'known', 'lost', 'closed', 'opened', 'tired', 'worried', 'excited', 'pleased', 'satisfied', 'dedicated', 'allowed', 'required', 'needed', 'connected', 'disconnected', 'enabled', 'disabled', 'installed', 'selected', 'checked', 'unchecked', 'expired', 'verified', 'compatible', 'limited', 'attached', 'encrypted', 'subject', 'broken', 'registered', 'listed', 'shown', 'displayed', 'included', 'committed', 'focused', 'stuck', 'confused', 'frustrated', 'disappointed', 'surprised', 'prepared', 'equipped', 'stressed'];

export default defineRule({
  id: 'passive-voice',
  family: 'plain',
  description: 'Passive constructions that hide who acts',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: {
    type: 'object',
    properties: { ignore: { type: 'array', items: { type: 'string' } } },
    additionalProperties: false,
  },
  defaults: { ignore: ADJECTIVAL as string[] },
  messages: { passive: "'{{actual}}' is passive: say who does it" },
  check(doc, ctx) {
    const ignore = new Set(ctx.options.ignore.map((w) => w.toLowerCase()));
    for (const sentence of doc.sentences) {
      // Quoted mail or customer words are not the writer's to change.
      if (sentence.block.quote) continue;
      const words = sentence.words;
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        if (w.masked || w.quoted || !isParticiple(w.lower) || ignore.has(w.lower)) continue;
        const be = beVerbBefore(words, i);
        if (be === -1) continue;
        if (namesTheActor(words, i)) continue;
        const text = sentence.block.text;
        ctx.report({
          messageId: 'passive',
          span: sentence.block.spanOf(words[be].start, w.end),
          data: { actual: text.slice(words[be].start, w.end).replace(/\s+/g, ' ') },
          context: sentence.span,
          source: 'retext-passive',
        });
      }
    }
  },
});

/** Words ending in -ed that are not verbs. */
const NOT_VERBS = new Set(['hundred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'beloved', 'aged', 'learned', 'crooked', 'wretched', 'dogged', 'jagged', 'kindred', 'shred', 'embed', 'unsaved', 'unsupported', 'unexpected', 'unrelated', 'unauthorized', 'unlimited', 'unverified', 'unused', 'unrecognized', 'unwanted', 'unexpected', 'detailed', 'advanced', 'experienced', 'skilled', 'talented', 'complicated', 'sophisticated', 'dedicated', 'automated', 'outdated', 'updated', 'red', 'bed', 'wed', 'fled']);

/** Irregular participles retext-passive's list lacks. */
const EXTRA_IRREGULAR = new Set(['reset', 'upset', 'overpaid', 'underpaid', 'rebuilt', 'resent', 'withheld', 'overridden', 'rewritten', 'mislaid', 'misread']);

function isParticiple(lower: string): boolean {
  participles ??= new Set(vendorLists().passive);
  if (participles.has(lower) || EXTRA_IRREGULAR.has(lower)) return true;
  return lower.length >= 5 && lower.endsWith('ed') && !lower.endsWith('eed') && /^[a-z]+$/.test(lower) && !NOT_VERBS.has(lower);
}

/** Index of the form of "to be" before word i, allowing up to two adverbs in between ("is not always shown"). */
function beVerbBefore(words: Word[], i: number): number {
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= 2; j--, skipped++) {
    const lower = words[j].lower;
    if (BE.has(lower)) return j;
    if (!(lower.endsWith('ly') || lower === 'not' || lower === 'also' || lower === 'then' || lower === 'still' || lower === 'never' || lower === 'already')) return -1;
  }
  return -1;
}

/** "was approved by your bank": the actor is named, so nothing is hidden. */
function namesTheActor(words: Word[], i: number): boolean {
  const next = words[i + 1];
  if (!next || next.lower !== 'by') return false;
  const after = words[i + 2]?.lower;
  return after !== undefined && !['mistake', 'accident', 'default', 'error', 'email', 'e-mail', 'phone', 'mail', 'hand'].includes(after);
}
