import { defineRule } from '../define-rule.js';

/**
 * Reported by the engine (engine/directives.ts), not by a check: a disable
 * comment that hid nothing. Registered so it can be configured like any rule.
 */
export default defineRule({
  id: 'unused-disable',
  family: 'meta',
  description: 'A plainspoke-disable comment that hides no finding',
  defaultSeverity: 'info',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    unused: 'This disable comment hides no {{ids}} finding: remove it',
    unknownRule: "This disable comment names '{{id}}', which is not a rule{{hint}}: fix the name",
  },
  check() {
    /* The engine reports this rule after applying directives. */
  },
});
