/**
 * Reports the reply model's phrase findings (blame-language, robotic-phrase): the words the
 * pattern matched, the entry's note (or a fallback) and its replacements, and the entry's own
 * severity when it is marked info. One place, so both rules word and place findings alike.
 */
import type { RuleContext } from '../define-rule.js';
import type { PhraseFinding } from '../../reply/model.js';
import { hitText } from '../../reply/words.js';

export function reportPhrases(ctx: Pick<RuleContext<object>, 'report'>, findings: readonly PhraseFinding[], messageId: string, fallbackNote: string): void {
  for (const { line, hit } of findings) {
    ctx.report({
      messageId,
      span: line.block.spanOf(hit.first.start, hit.last.end),
      data: { actual: hitText(line, hit.first, hit.last), note: typeof hit.value.note === 'string' ? hit.value.note : fallbackNote },
      ...(hit.value.replace?.length ? { suggestions: hit.value.replace } : {}),
      ...(hit.value.severity === 'info' ? { severity: 'info' as const } : {}),
      context: line.sentence.span,
    });
  }
}
