import { defineRule } from '../define-rule.js';

/**
 * A disable comment that hid nothing, or that names no rule. It has no `check`: the engine calls
 * `checkDirectives` once the findings were matched against the comments (engine/lint-source.ts).
 */
export default defineRule({
  id: 'unused-disable',
  family: 'meta',
  description: 'A plainspoke-disable comment that hides no finding',
  defaultSeverity: 'info',
  // A leftover comment is never an error, even in plainspoke:strict.
  strictSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    unused: 'This disable comment hides no {{ids}} finding: remove it',
    unusedAll: 'This disable comment hides no finding: remove it',
    unknownRule: "This disable comment names '{{id}}', which is not a rule{{hint}}: fix the name",
  },
  check() {
    /* Reported from checkDirectives, after the disable comments were applied. */
  },
  checkDirectives(directives, ctx) {
    for (const d of directives) {
      // A name that is no rule (a typo) is reported with a suggestion, at least as a warning (ESLint reports it too).
      for (const u of d.unknown ?? []) {
        ctx.report({ messageId: 'unknownRule', span: d.comment, data: { id: u.id, hint: u.hint }, severity: ctx.severity === 'error' ? 'error' : 'warning' });
      }
      if (d.used) continue;
      if (d.unknown && d.unknown.length === d.ids.length) continue;
      // A disable for a rule that is off or not run in this channel is not "unused": it may matter elsewhere.
      const known = d.unknown ? d.ids.filter((id) => !d.unknown!.some((u) => u.id === id)) : d.ids;
      if (known.length && known.every((id) => !ctx.runs(id))) continue;
      if (known.length) ctx.report({ messageId: 'unused', span: d.comment, data: { ids: known.join(', ') } });
      else ctx.report({ messageId: 'unusedAll', span: d.comment });
    }
  },
});
