/**
 * placeholder-syntax: a broken macro template. Unbalanced Liquid blocks
 * (`{% if %}` without `{% endif %}`, `{% for %}`, `{% unless %}`, `{% case %}`,
 * `{% capture %}`) and Handlebars blocks (`{{#if}}` without `{{/if}}`), a
 * closing tag that matches no block, unclosed, half-opened, wrongly closed or
 * empty placeholders, a brace too many, one help desk's fallback inside another's
 * braces (`{{customer.firstName,fallback=there}}`), names missing from the config's
 * `placeholders.known` list (when it has one), a name placeholder in a
 * greeting with no fallback, and a customer's name or organisation that may be
 * blank, printed with no fallback (see src/care/templates.ts).
 *
 * Family care, but it runs in every channel: a broken template shows raw
 * code to readers of an article just as much as to a customer.
 */
import { defineRule } from '../define-rule.js';
import { checkTemplates } from '../../care/templates.js';

export default defineRule({
  id: 'placeholder-syntax',
  family: 'care',
  description: 'A broken template: unbalanced blocks, unclosed, half-opened or empty placeholders, mixed help desk syntax, unknown names, a name that may be blank with no fallback',
  defaultSeverity: 'error',
  channels: 'all',
  fixable: false,
  status: 'stable',
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    mixedSyntax: "'{{raw}}' mixes two help desks' template styles, so neither reads the fallback: the customer would see the raw code or a gap — write '{{fix}}'",
    unclosed: "'{{raw}}' has no closing '{{close}}': the customer would see the raw code",
    missingOpen: "'{{raw}}' has no opening '{{open}}': the customer would see the raw code — write '{{fix}}'",
    wrongClose: "'{{raw}}' does not close with '{{close}}': the customer would see the raw code — end it with '{{close}}'",
    extraBrace: "'{{raw}}' has one '}' too many: the customer would see it — write '{{fix}}'",
    empty: "'{{raw}}' is an empty placeholder: put a name in it or remove it",
    unclosedBlock: "'{{raw}}' is never closed: add '{{close}}' where the block ends",
    strayClose: "'{{raw}}' closes a block that was never opened: remove it or add the opening tag",
    mismatch: "'{{raw}}' closes '{{open}}' while '{{inner}}' is still open: add '{{close}}' before it",
    strayMiddle: "'{{raw}}' is outside any '{{parent}}' block: move it inside the block or remove it",
    unknown: "'{{name}}' is not in the config's placeholders.known list: check the spelling or add it to the list",
    unknownNear: "'{{name}}' is not in the config's placeholders.known list: did you mean '{{near}}'?",
    mayBeBlank: "'{{raw}}' has no fallback and {{why}}: the customer would read a gap — write it with a fallback, such as '{{fix}}', or put it inside '{% if %}'",
    unquotedDefault: "'{{raw}}' has a fallback with no quotes: Liquid reads '{{value}}' as a field name, which is empty, so the customer would read a gap — write '{{fix}}'",
    noFallback: "'{{raw}}' has no fallback: if the name is blank the customer reads '{{greeting}} ,' — write it with a fallback: '{{fix}}'",
  },
  check(doc, ctx) {
    for (const p of checkTemplates(doc, ctx.settings.placeholders.known)) {
      ctx.report({
        messageId: p.kind,
        span: p.span,
        data: p.data,
        ...(p.suggestions ? { suggestions: p.suggestions } : {}),
        ...(p.severity ? { severity: p.severity } : {}),
      });
    }
  },
});
