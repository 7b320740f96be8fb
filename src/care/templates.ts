/**
 * Checks a macro's template code: Liquid/Zendesk `{% … %}` blocks, Handlebars
 * `{{#if}}…{{/if}}`, unclosed, half-opened ("{first_name}}"), wrongly closed
 * ("{{x%}") and empty placeholders, one brace too many ("{{x}}}"), names missing
 * from the config's `placeholders.known`, a first-name greeting with no
 * fallback, and (in replies) a customer's name or organisation that may be blank
 * printed anywhere with no fallback. Fallbacks of every help desk count:
 * Liquid `| default:`, Intercom `| fallback:`, Help Scout `,fallback=`, `||`,
 * Jinja `|default("…")`.
 * Placeholders inside code, comments and front matter are examples, not
 * template code, and are left alone.
 */
import type { Doc } from '../document/document.js';
import type { Placeholder } from '../document/placeholders.js';
import type { Severity, Span } from '../types.js';

export type TemplateProblemKind = 'mixedSyntax' | 'unclosed' | 'missingOpen' | 'empty' | 'unclosedBlock' | 'strayClose' | 'mismatch' | 'strayMiddle' | 'unknown' | 'unknownNear' | 'noFallback' | 'mayBeBlank' | 'extraBrace' | 'wrongClose' | 'unquotedDefault';

export interface TemplateProblem {
  kind: TemplateProblemKind;
  span: Span;
  data: Record<string, string>;
  suggestions?: string[];
  severity?: Severity;
}

/** Liquid tags that always open a block. Any tag `x` is also a block when the file has an `endx`. */
const LIQUID_BLOCKS = new Set(['if', 'unless', 'for', 'case', 'capture', 'comment', 'raw', 'tablerow', 'ifversion', 'paginate', 'form', 'style', 'javascript', 'schema', 'stylesheet']);
/** Tags that only make sense inside a block, and the blocks they belong to. */
const LIQUID_MIDDLE: Record<string, readonly string[]> = {
  else: ['if', 'unless', 'case', 'for', 'ifversion'],
  elsif: ['if', 'unless', 'ifversion'],
  // Jinja's spelling.
  elif: ['if'],
  when: ['case'],
};
/** Blocks whose content is not parsed (everything up to the closing tag is text). */
const OPAQUE = new Set(['raw', 'comment']);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'dear', 'hiya', 'greetings', 'howdy', 'morning', 'afternoon', 'evening', 'bonjour', 'hola']);
/** The last part of a name that stands for a person's name ("first_name", "requester.name", "customerName"; not "product_name"). */
const PERSON_NAME = /^(?:name|first|(?:customer_?|user_?|requester_?|contact_?|client_?)?(?:first_?name|given_?name|full_?name|display_?name|nick_?name|name))$/i;
/** Words before "name" that make it a person's name ("first_name", "fullName", "surname"). */
const NAME_PARTS = new Set(['first', 'last', 'full', 'given', 'nick', 'display', 'preferred', 'middle', 'sur', 'legal', 'maiden', 'family', 'second', 'christian']);
/** Whose name it is, when the customer's or someone close to them ("ticket.requester.name", "child_first_name", "contact.firstname"). */
const PERSON_OWNERS = new Set(['requester', 'customer', 'contact', 'client', 'member', 'recipient', 'child', 'kid', 'baby', 'partner', 'spouse', 'student', 'pupil', 'learner', 'parent', 'guardian', 'guest', 'patient', 'tenant', 'passenger', 'attendee', 'buyer', 'applicant', 'person', 'lead', 'subscriber', 'visitor', 'caller', 'end_user', 'enduser', 'traveller', 'traveler', 'resident', 'donor', 'cardholder', 'holder', 'policyholder', 'owner', 'sender', 'beneficiary', 'employee', 'driver', 'emergency_contact']);
/** Objects that always have a value when the macro runs: the agent, the brand, the help desk itself. */
const ALWAYS_SET = new Set(['current_user', 'user', 'sender', 'agent', 'assignee', 'author', 'staff', 'teammate', 'admin', 'brand', 'mailbox', 'company', 'account', 'satisfaction', 'helpdesk', 'portal', 'app']);
/** The agent, whose details are always there. */
const AGENTS = new Set(['current_user', 'agent', 'assignee', 'author', 'staff', 'teammate', 'admin']);
/** The customer's organisation: not every customer belongs to one. */
const ORGANISATION = new Set(['organization', 'organisation', 'org']);
/** Liquid and Jinja tags that may hold a `| default:` filter ("{% assign name = x | default: "there" %}"). */
const VALUE_TAGS = new Set(['assign', 'echo', 'liquid', 'set', 'include', 'render', 'include_relative', 'section', 'cycle', 'with', 'capture', 'if', 'unless', 'elsif', 'when', 'case', 'for', 'tablerow', 'macro', 'call', 'filter']);
/** Help Scout's objects: "{%customer.firstName%}", "{%user.firstName%}", "{%mailbox.name%}", "{%conversation.number%}". */
const HELP_SCOUT = new Set(['customer', 'user', 'mailbox', 'conversation']);
const KEYWORDS = new Set(['and', 'or', 'not', 'contains', 'nil', 'null', 'true', 'false', 'empty', 'blank', 'in', 'reversed', 'limit', 'offset', 'cols', 'else', 'with', 'as', 'this', 'by']);

function closerOf(open: string): string {
  return open === 'ifversion' ? 'endif' : `end${open}`;
}

/** Offsets that hold examples rather than template code: code, comments, front matter. */
function exampleRanges(doc: Doc): Span[] {
  const out: Span[] = doc.comments.map((c) => c.span);
  if (doc.mdast) {
    const stack: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }[] = [doc.mdast];
    while (stack.length) {
      const n = stack.pop()!;
      if ((n.type === 'code' || n.type === 'inlineCode' || n.type === 'yaml' || n.type === 'toml') && n.position?.start?.offset !== undefined && n.position.end.offset !== undefined) {
        out.push({ start: n.position.start.offset, end: n.position.end.offset });
      } else if (n.children) for (const c of n.children) stack.push(c as never);
    }
  }
  if (doc.kind === 'html' || doc.mdast === undefined) {
    for (const tag of ['pre', 'code', 'script', 'style', 'template', 'textarea']) {
      for (const el of doc.elements(tag)) {
        const s = el.position?.start?.offset;
        const e = el.position?.end?.offset;
        if (s !== undefined && e !== undefined) out.push({ start: s, end: e });
      }
    }
  }
  return out;
}

/**
 * Whether a placeholder is in one of the ranges, by its start (an unclosed
 * placeholder in a code span runs on past the code). Ranges may overlap: sorted
 * by start with the furthest end so far, each test is a binary search, so a
 * big file with many placeholders and code spans stays fast.
 */
function exampleTest(ranges: Span[]): (p: { span: Span }) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  let far = -1;
  for (const r of sorted) reach.push((far = Math.max(far, r.end)));
  return (p) => {
    const at = p.span.start;
    // The last range starting at or before `at`.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] > at;
  };
}

interface Open {
  p: Placeholder;
  name: string;
  /** Liquid (`{% %}`) or Handlebars (`{{# }}`). */
  liquid: boolean;
  /** The conditions of its `{% elsif %}` branches so far: they guard what follows them too. */
  conds?: string[];
}

/** Runs every template check. `known` is the config's placeholders.known, when given. */
export function checkTemplates(doc: Doc, known?: readonly string[]): TemplateProblem[] {
  const inExample = exampleTest(exampleRanges(doc));
  const list = doc.placeholders.filter((p) => !inExample(p));
  const problems: TemplateProblem[] = [];
  const report = (kind: TemplateProblemKind, p: Placeholder, data: Record<string, string>, extra: Partial<TemplateProblem> = {}) =>
    problems.push({ kind, span: p.span, data: { raw: short(p.raw), ...data }, ...extra });

  const endTags = new Set(list.filter((p) => p.kind === 'tag' && p.name.startsWith('end')).map((p) => p.name.slice(3)));
  // Jinja's "{% set x = … %}" is one line; only "{% set x %}…{% endset %}" is a block.
  const isLiquidBlock = (name: string, p: Placeholder) => (LIQUID_BLOCKS.has(name) || endTags.has(name)) && !(name === 'set' && p.inner.includes('='));

  const liquid: Open[] = [];
  const bars: Open[] = [];
  /** Names defined by the template itself (`{% assign %}`, `{% capture %}`, loop variables). */
  const local = new Set<string>(['forloop', 'tablerowloop', 'this']);
  /** Open blocks around each output placeholder, for the greeting fallback check. */
  const guards = new Map<Placeholder, string[]>();
  let opaque: Open | undefined;

  /** Placeholders inside `{% raw %}` or `{% comment %}`: text, not template code. */
  const inOpaque = new Set<Placeholder>();
  for (const p of list) {
    if (opaque) {
      // "{% comment %}{{ draft {% endcomment %}": an unclosed "{{" runs to the line end and swallows the closing tag.
      if ((p.kind === 'tag' && p.name === closerOf(opaque.name)) || (p.unclosed && swallowsTag(p.raw, closerOf(opaque.name)))) {
        liquid.pop();
        opaque = undefined;
      }
      inOpaque.add(p);
      continue;
    }
    // A Help Scout value ("{%customer.firstName,fallback=there}") never spans lines: one that does is missing its "%}".
    if (p.unclosed || (p.kind === 'output' && p.raw.startsWith('{%') && p.raw.includes('\n'))) {
      // The unclosed placeholder runs to the line end: quote only its start ("{{ ticket.id }.").
      const start = upToMarkupOrGap(p.raw);
      const line = p.raw.indexOf('\n');
      report('unclosed', p.unclosed || line === -1 ? p : { ...p, span: { start: p.span.start, end: p.span.start + line } }, { close: p.raw.startsWith('{%') ? '%}' : '}}', raw: short(start.length > 30 ? `${start.slice(0, 30)}…` : start) });
      continue;
    }
    if (p.inner.trim() === '' || (p.kind !== 'output' && p.kind !== 'control' && p.name === '')) {
      report('empty', p, {});
      continue;
    }
    const mixed = mixedSyntax(p);
    if (mixed) {
      report('mixedSyntax', p, { fix: mixed }, { suggestions: [mixed] });
      continue;
    }
    const bare = p.kind === 'output' ? unquotedDefault(p, known, local) : undefined;
    if (bare) {
      report('unquotedDefault', p, bare, { suggestions: [bare.fix] });
      continue;
    }
    // "{{first_name%} and {%x}}": closed with the wrong brace, so the next real close ends it.
    const wrong = p.kind === 'output' ? strayClose(p) : -1;
    if (wrong !== -1) {
      problems.push({ kind: 'wrongClose', span: { start: p.span.start, end: wrong }, data: { raw: short(doc.text.slice(p.span.start, wrong)), close: p.raw.startsWith('{%') ? '%}' : '}}' } });
      continue;
    }
    if (p.kind === 'tag') {
      const name = p.name;
      if (name === 'assign' || name === 'capture' || name === 'set') {
        const v = /^\w+\s+([A-Za-z_][\w-]*)/.exec(p.inner)?.[1];
        if (v) local.add(v);
      }
      if (name === 'for' || name === 'tablerow') {
        const v = /^\w+\s+([A-Za-z_][\w-]*)\s+in\b/.exec(p.inner)?.[1];
        if (v) local.add(v);
      }
      if (isLiquidBlock(name, p)) {
        const open: Open = { p, name, liquid: true };
        liquid.push(open);
        if (OPAQUE.has(name)) opaque = open;
        if (known) checkConditionNames(p, known, local, bars, report);
      } else if (name.startsWith('end') && name.length > 3) {
        closeBlock(liquid, p, name, (n) => closerOf(n), report, true);
      } else if (LIQUID_MIDDLE[name]) {
        const parents = LIQUID_MIDDLE[name];
        const parent = liquid.findLast((o) => parents.includes(o.name));
        if (!parent) report('strayMiddle', p, { parent: `{% ${parents[0]} %}` });
        else if (name === 'elsif' || name === 'elif') {
          (parent.conds ??= []).push(p.inner);
          if (known) checkConditionNames(p, known, local, bars, report);
        }
      }
      continue;
    }
    if (p.kind === 'block-open') {
      bars.push({ p, name: p.name, liquid: false });
      if (known) checkConditionNames(p, known, local, bars, report);
      continue;
    }
    if (p.kind === 'block-close') {
      closeBlock(bars, p, p.name, (n) => n, report, false);
      continue;
    }
    if (p.kind === 'output') {
      // `{% case first_name %}{% when blank %}…{% else %}…{% endcase %}` tests the value as much as an `if` does.
      guards.set(p, [...liquid, ...bars].filter((o) => ['if', 'unless', 'ifversion', 'with', 'case'].includes(o.name) || !o.liquid).flatMap((o) => [o.p.inner, ...(o.conds ?? [])]));
      if (known) checkName(p, p.name, known, local, bars, report);
    }
  }
  for (const o of [...liquid, ...bars]) {
    report('unclosedBlock', o.p, { close: o.liquid ? `{% ${closerOf(o.name)} %}` : `{{/${o.name}}}` });
  }
  const code = inOpaque.size ? list.filter((p) => !inOpaque.has(p)) : list;
  const greetings = greetingsWithoutFallback(doc, code, guards, local);
  problems.push(...greetings);
  if (doc.channel !== 'article' && doc.channel !== 'policy') problems.push(...blankValues(code, guards, local, new Set(greetings.map((g) => g.span.start))));
  problems.push(...missingOpeners(doc, list, inExample));
  // "{{ticket.requester.first_name}}}": one brace too many shows as "Sam}". Braze's "{{custom_attribute.${tier}}}" ends its "${" first.
  for (const p of code) {
    if (p.kind !== 'output' || p.unclosed || p.raw.startsWith('{{{') || !(p.raw.startsWith('{{') || p.raw.startsWith('{%')) || doc.text[p.span.end] !== '}' || p.inner.includes('${')) continue;
    problems.push({ kind: 'extraBrace', span: { start: p.span.start, end: p.span.end + 1 }, data: { raw: short(`${p.raw}}`), fix: p.raw }, suggestions: [p.raw] });
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}

/**
 * One help desk's fallback inside another's braces, which neither reads: Help Scout's ",fallback=" in
 * Liquid braces ("{{customer.firstName,fallback=there}}"), a Liquid or Intercom filter in Help Scout's
 * "{% %}" ("{%customer.firstName | default: "there"%}", "{%first_name | fallback: "there"%}"), or a
 * Help Scout name with something after it but no comma ("{%customer.firstName fallback=there%}").
 * Returns the placeholder written the way its name's help desk reads it, or undefined.
 */
function mixedSyntax(p: Placeholder): string | undefined {
  if (p.unclosed) return undefined;
  const inner = p.inner;
  if (p.kind === 'output' && p.raw.startsWith('{{') && !p.raw.startsWith('{{{')) {
    const scout = /,\s*fallback\s*=/.exec(inner);
    if (!scout) return undefined;
    return fallbackIn(inner.slice(0, scout.index).trim(), unquote(inner.slice(scout.index + scout[0].length)));
  }
  if (p.kind !== 'tag' || !p.raw.startsWith('{%')) return undefined;
  const filter = /\|\s*(?:default|fallback)\s*:\s*/.exec(inner);
  const dotted = /^[A-Za-z_]\w*\.[A-Za-z_][\w.]*$/.test(p.name);
  if (!dotted && (!filter || VALUE_TAGS.has(p.name) || p.name.startsWith('end'))) return undefined;
  if (!filter && !/fallback\s*=/.test(inner)) return undefined;
  const value = filter ? unquote(inner.slice(filter.index + filter[0].length).split('|')[0]) : unquote(inner.slice(inner.indexOf('=') + 1));
  return fallbackIn(p.name, value);
}

/** Liquid's own words that are values, not names: `| default: blank` is a value the filter reads. */
const LIQUID_LITERALS = new Set(['true', 'false', 'nil', 'null', 'empty', 'blank']);

/**
 * A Liquid `| default:` whose value is a bare word ("{{ticket.requester.first_name | default: there}}").
 * Liquid reads a bare word as the name of a field, so "there" is an empty field and the greeting still
 * reads "Hi ,". A dotted name, a field name the config or template knows, a name field ("name") and
 * Liquid's own literals are real fallbacks to another value. Intercom's `| fallback:` is its own syntax
 * and is left alone.
 */
function unquotedDefault(p: Placeholder, known: readonly string[] | undefined, local: Set<string>): Record<string, string> | undefined {
  if (p.unclosed || !p.raw.startsWith('{{') || p.raw.startsWith('{{{')) return undefined;
  const filter = /\|\s*default\s*:\s*/.exec(p.inner);
  if (!filter) return undefined;
  const value = p.inner.slice(filter.index + filter[0].length).split('|')[0].trim();
  if (!/^[A-Za-z][A-Za-z' -]*$/.test(value)) return undefined;
  const words = value.split(/\s+/);
  if (words.length === 1) {
    const w = words[0];
    if (w.includes('_') || LIQUID_LITERALS.has(w.toLowerCase()) || local.has(w) || known?.includes(w) || isNameField(w.toLowerCase())) return undefined;
  }
  const name = p.inner.slice(0, filter.index).trim();
  return { value, fix: `{{ ${name} | default: "${value}" }}` };
}

/** "{%customer.firstName,fallback=there%}" for a Help Scout name, Intercom's "{{first_name | fallback: "there"}}" for a bare one, Liquid's "| default:" otherwise. */
function fallbackIn(name: string, value: string): string {
  const word = value || 'there';
  if (HELP_SCOUT.has(name.split('.')[0]) && name.includes('.') && !name.includes('_')) return `{%${name},fallback=${word}%}`;
  if (!name.includes('.')) return `{{${name} | fallback: "${word}"}}`;
  return `{{ ${name} | default: "${word}" }}`;
}

/** A fallback value without its quotes and spaces. */
function unquote(v: string): string {
  let t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) t = t.slice(1, -1).trim();
  return t;
}

/**
 * The end of a wrong closing brace inside an output placeholder ("{{first_name%}", "{{x} … }}"),
 * outside quoted strings, or -1. Triple-brace placeholders ("{{{x}}}") are left alone.
 */
function strayClose(p: Placeholder): number {
  if (!p.raw.startsWith('{{') || p.raw.startsWith('{{{')) return -1;
  const body = p.raw.slice(2, -2);
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    // Braze's attribute syntax "{{${first_name} | default: 'there'}}": "${" opens a brace of its own.
    else if (c === '$' && body[i + 1] === '{') {
      const close = body.indexOf('}', i + 2);
      if (close === -1) return -1;
      i = close;
    } else if (c === '}') return p.span.start + 2 + i + 1;
  }
  return -1;
}

/** A field name without Braze's attribute braces: "${first_name}" → "first_name". */
function fieldOf(name: string): string {
  return name.includes('${') ? name.split('${').join('').split('}').join('') : name;
}

/** Whether an unclosed placeholder's text holds the tag `{% name %}` (with or without Liquid's "-" trims). */
function swallowsTag(raw: string, name: string): boolean {
  for (let at = raw.indexOf('{%'); at !== -1; at = raw.indexOf('{%', at + 2)) {
    const end = raw.indexOf('%}', at + 2);
    if (end === -1) return false;
    if (trimTag(raw.slice(at + 2, end)) === name) return true;
  }
  return false;
}

function trimTag(inner: string): string {
  let s = inner.trim();
  if (s.startsWith('-')) s = s.slice(1).trimStart();
  if (s.endsWith('-')) s = s.slice(0, -1).trimEnd();
  return s;
}

/** Splits a field name into lower-case words: "child_first_name", "firstName", "first-name" → child, first, name. */
function nameWords(field: string): string[] {
  return field
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

/**
 * What a value that may be blank stands for: 'person' for a customer's name ("first_name",
 * "ticket.requester.name", "child_first_name"), 'organisation' for the customer's organisation
 * ("ticket.organization.name"), or undefined for values that are always set ("ticket.id",
 * "current_user.first_name", "ticket.brand.name") and for things that are not people
 * ("event_name", "plan_name").
 */
function blankKind(name: string): { kind: 'person' | 'organisation'; who?: string } | undefined {
  const parts = name.split('.');
  const owners = parts.slice(0, -1).map((o) => o.toLowerCase());
  const words = nameWords(parts[parts.length - 1]);
  const last = words[words.length - 1];
  const owner = owners[owners.length - 1];
  // The customer's organisation ("ticket.organization.name", "user.organization.name"), not the agent's.
  if (last === 'name' && owner && ORGANISATION.has(owner) && !owners.some((o) => AGENTS.has(o))) return { kind: 'organisation' };
  if (owners.some((o) => ALWAYS_SET.has(o))) return undefined;
  // HubSpot's top-level `owner` is the contact's owner, a staff member; "patient.owner.first_name" is the customer.
  if (owners[0] === 'owner') return undefined;
  if (owners.some((o) => ORGANISATION.has(o))) return undefined;
  if (!last || !['name', 'firstname', 'lastname', 'surname', 'fullname', 'nickname'].includes(last)) return undefined;
  const before = words.slice(0, -1).filter((w) => !NAME_PARTS.has(w));
  // Whose name is told by the word just before it: "event_name", "product_name" are things; "pet_owner_name", "guest_name" people.
  if (before.length && !PERSON_OWNERS.has(before[before.length - 1])) return undefined;
  // A bare "name" under an object that is not a person ("ticket.group.name", "ticket_form.name").
  if (last === 'name' && words.length === 1 && owner && !PERSON_OWNERS.has(owner.replace(/s$/, ''))) return undefined;
  // "{{owner_name}}" and "{{sender_name}}" are the account owner and the agent sending the reply, as "{{owner.firstname}}"
  // and "{{sender.name}}" are; "{{pet_owner_name}}" is a customer.
  if (owners.length === 0 && before.length === 1 && (before[0] === 'owner' || before[0] === 'sender')) return undefined;
  const who = before[before.length - 1];
  return who && !['customer', 'requester', 'contact', 'client', 'person'].includes(who) ? { kind: 'person', who } : { kind: 'person' };
}

/**
 * A customer's name or organisation printed with no fallback anywhere in a reply ("Thanks,
 * {{first_name}}!", "Dear {{child_first_name}}'s grown-ups", "the {{ticket.organization.name}}
 * workspace"): when the field is blank the customer reads a gap. Greetings are reported by
 * greetingsWithoutFallback (with the greeting in the message); an `{% if %}` that tests the
 * name, and names the template sets itself (`{% assign %}`), count as handled.
 */
function blankValues(list: readonly Placeholder[], guards: Map<Placeholder, string[]>, local: Set<string>, reported: Set<number>): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const p of list) {
    if (p.kind !== 'output' || p.unclosed || reported.has(p.span.start) || !(p.raw.startsWith('{{') || p.raw.startsWith('{%'))) continue;
    if (local.has(p.name.split('.')[0]) || hasFallback(p.inner)) continue;
    const what = blankKind(fieldOf(p.name));
    if (!what) continue;
    if (isGuarded(p, guards)) continue;
    const word = what.kind === 'organisation' ? 'your' : what.who ? `your ${what.who}` : 'there';
    const fix = fallbackFor(p, word);
    out.push({
      kind: 'mayBeBlank',
      span: p.span,
      data: { raw: short(p.raw), why: what.kind === 'organisation' ? 'not every customer belongs to an organisation' : 'the name may be missing', fix },
      suggestions: [fix],
      severity: 'warning',
    });
  }
  return out;
}

/**
 * A placeholder missing its opening brace: "{first_name}}", "{customer.firstName%}" or
 * "first_name}}". Found from each "}}" or "%}" outside every placeholder, looking back on the
 * same line (a bounded scan, no regex backtracking).
 */
function missingOpeners(doc: Doc, list: readonly Placeholder[], inExample: (p: { span: Span }) => boolean): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const text = doc.text;
  let k = 0;
  for (let at = text.indexOf('}', 0); at !== -1; at = text.indexOf('}', at + 1)) {
    const closer = text[at - 1] === '%' ? '%}' : text[at + 1] === '}' ? '}}' : '';
    if (!closer) continue;
    const end = closer === '}}' ? at + 2 : at + 1;
    const close = closer === '}}' ? at : at - 1;
    while (k < list.length && list[k].span.end <= close) k++;
    if (k < list.length && list[k].span.start <= close) {
      at = Math.max(at, list[k].span.end - 1);
      continue;
    }
    // Look back on the line for "{" (at most 80 characters), or for a name written right before the closer.
    let s = close;
    while (s > 0 && close - s < 80 && !'{}\n<>'.includes(text[s - 1])) s--;
    const braced = text[s - 1] === '{';
    let start = s - 1;
    let name = text.slice(s, close).trim();
    if (!braced) {
      let b = close;
      while (b > 0 && close - b < 80 && /[\w.]/.test(text[b - 1])) b--;
      name = text.slice(b, close);
      start = b;
      if (!/[._]/.test(name) || !/^[A-Za-z_]/.test(name)) continue;
    } else if (!/^[A-Za-z_][\w.]*(?:\s*[|,][^{}%]*)?$/.test(name)) continue;
    // Outside a reply (an article, a policy), only a name that looks like template code: "{ticket.id}}", not "{b}}".
    if ((doc.channel === 'article' || doc.channel === 'policy') && closer === '}}' && !/[._]/.test(name.split(/[\s|,]/)[0])) continue;
    const span = { start, end };
    if (inExample({ span })) continue;
    const fix = closer === '%}' ? `{%${name}%}` : `{{${name}}}`;
    out.push({ kind: 'missingOpen', span, data: { raw: short(text.slice(start, end)), open: closer === '%}' ? '{%' : '{{', fix }, suggestions: [fix] });
    at = end - 1;
  }
  return out;
}

type Reporter = (kind: TemplateProblemKind, p: Placeholder, data: Record<string, string>, extra?: Partial<TemplateProblem>) => void;

/** Pops the block a closing tag ends; a closer for a block further down reports the inner blocks left open. */
function closeBlock(stack: Open[], p: Placeholder, closeName: string, closerFor: (open: string) => string, report: Reporter, liquid: boolean): void {
  const top = stack[stack.length - 1];
  if (top && closerFor(top.name) === closeName) {
    stack.pop();
    return;
  }
  let k = stack.length - 1;
  while (k >= 0 && closerFor(stack[k].name) !== closeName) k--;
  if (k === -1) {
    report('strayClose', p, {});
    return;
  }
  // `{% for %}{% if %}{% endfor %}`: the inner `if` was never closed.
  const inner = stack[stack.length - 1];
  report('mismatch', p, { open: short(stack[k].p.raw), inner: short(inner.p.raw), close: liquid ? `{% ${closerFor(inner.name)} %}` : `{{/${inner.name}}}` });
  stack.length = k;
}

/** Variables in a condition (`{% if ticket.status == "open" %}`, `{{#if user.name}}`). */
function checkConditionNames(p: Placeholder, known: readonly string[], local: Set<string>, bars: Open[], report: Reporter): void {
  const rest = p.inner.replace(/^[#^]?\s*[\w-]+/, '');
  // Drop quoted strings so their words are never taken for names.
  const bare = rest.replace(/"[^"]*"|'[^']*'/g, ' ');
  const loopIn = p.name === 'for' || p.name === 'tablerow' ? /\bin\s+([A-Za-z_][\w.\-[\]]*)/.exec(bare)?.[1] : undefined;
  const names = loopIn ? [loopIn] : bare.split(/[\s=!<>|:,()]+/).filter((t) => /^[A-Za-z_][\w.\-[\]]*$/.test(t) && !KEYWORDS.has(t));
  for (const n of names) checkName(p, n, known, local, bars, report);
}

function checkName(p: Placeholder, name: string, known: readonly string[], local: Set<string>, bars: Open[], report: Reporter): void {
  if (!/^[A-Za-z_]/.test(name)) return;
  // Inside {{#each}} or {{#with}} names are relative to the item: nothing to compare with.
  if (bars.some((o) => o.name === 'each' || o.name === 'with')) return;
  const base = dropIndexes(name);
  const head = base.split('.')[0];
  if (local.has(head) || KEYWORDS.has(base)) return;
  if (isKnown(base, known)) return;
  const near = closest(base, known);
  if (near) report('unknownNear', p, { name: base, near }, { suggestions: [near] });
  else report('unknown', p, { name: base });
}

/**
 * `items[0].name` → `items.name`: what `/\[[^\]]*\]/g` removes, in one pass. The regex
 * looked for a `]` from every `[`, quadratic on a name of many `[` (issue 20).
 */
function dropIndexes(name: string): string {
  let out = '';
  let i = 0;
  while (i < name.length) {
    const open = name.indexOf('[', i);
    if (open === -1) break;
    const close = name.indexOf(']', open + 1);
    // No `]` after this `[`: none after any later `[` either.
    if (close === -1) break;
    out += name.slice(i, open);
    i = close + 1;
  }
  return out + name.slice(i);
}

/** Exact, or under a listed object ("ticket" allows "ticket.id"; "ticket.*" works too). */
export function isKnown(name: string, known: readonly string[]): boolean {
  const n = name.toLowerCase();
  return known.some((k) => {
    const kk = k.toLowerCase().replace(/\.\*$/, '');
    return n === kk || n.startsWith(`${kk}.`);
  });
}

/** The listed name nearest in spelling, when it is close (a typo). */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase(), 4);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 6)) ? best : undefined;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length > 200 || b.length > 200) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** "Hi {{ticket.requester.first_name}}," with no `| default:` and no `{% if %}`/`{{#if}}` around it. */
function greetingsWithoutFallback(doc: Doc, list: readonly Placeholder[], guards: Map<Placeholder, string[]>, local: Set<string>): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const s of doc.sentences) {
    if (s.block.quote) continue;
    const words = s.words;
    const first = words[0];
    if (!first || first.masked || first.quoted) continue;
    let k = 0;
    if (GREETINGS.has(first.lower)) k = 1;
    else if (first.lower === 'good' && ['morning', 'afternoon', 'evening', 'day'].includes(words[1]?.lower ?? '')) k = 2;
    else continue;
    const w = words[k];
    if (!w?.masked) continue;
    const p = list.find((x) => x.kind === 'output' && x.span.start <= w.span.start && w.span.start < x.span.end);
    const field = fieldOf(p?.name ?? '');
    const person = blankKind(field);
    if (!p || !(p.raw.startsWith('{{') || p.raw.startsWith('{%'))) continue;
    // A bare name ("first_name", "customerName") is the customer's. A dotted one is the customer's only when its
    // owner says so: "Hi {%user.firstName%}" (Help Scout) and "Hey {{current_user.first_name}}" name the agent,
    // whose name is always set, and "Hello {{ticket.group.name}} team" names a group. Intercom's `{{user.name}}`
    // is the customer.
    const dotted = field.includes('.');
    if (!person && (!PERSON_NAME.test(field.split('.').pop() ?? '') || (dotted && !(field.split('.')[0] === 'user' && p.raw.startsWith('{{'))))) continue;
    // "Hi, {{user.first_name}} here": the agent says who they are.
    if (words[k + 1]?.lower === 'here' && p.span.end <= words[k + 1].span.start) continue;
    // A name the template sets itself ("{% assign name = … | default: "there" %}").
    if (local.has(p.name.split('.')[0])) continue;
    // Zendesk/Liquid `| default:`, Intercom `| fallback:`, Help Scout `,fallback=`, Handlebars `||`.
    if (hasFallback(p.inner)) continue;
    if (isGuarded(p, guards)) continue;
    out.push({
      kind: 'noFallback',
      span: p.span,
      data: { raw: short(p.raw), greeting: doc.slice({ start: first.span.start, end: words[k - 1].span.end }), fix: fallbackFor(p, person?.who ? `your ${person.who}` : 'there') },
      suggestions: [fallbackFor(p, person?.who ? `your ${person.who}` : 'there')],
      severity: 'warning',
    });
  }
  return out;
}

/**
 * Whether an `{% if %}`, `{% unless %}`, `{% case %}` or `{{#if}}` around a placeholder tests it:
 * it names the value itself, or, for an object's own name ("{{ticket.organization.name}}"), the
 * object ("{% if ticket.organization %}"): an organisation that exists has a name.
 */
function isGuarded(p: Placeholder, guards: Map<Placeholder, string[]>): boolean {
  const around = guards.get(p) ?? [];
  if (around.some((g) => g.includes(p.name) || testsSameName(g, p.name))) return true;
  const parts = p.name.split('.');
  if (parts.length < 3 || parts[parts.length - 1] !== 'name') return false;
  const owner = parts.slice(0, -1).join('.');
  return around.some((g) => testsName(g, owner));
}

/**
 * Whether a condition tests another name field of the same person: "{% if ticket.requester.name %}"
 * around "{{ticket.requester.first_name}}" (Zendesk fills the first name from the name), or
 * "{{#if name}}" around "{{first_name}}".
 */
function testsSameName(condition: string, name: string): boolean {
  const cut = name.lastIndexOf('.');
  const owner = name.slice(0, cut + 1);
  if (!isNameField(name.slice(cut + 1))) return false;
  for (const token of condition.split(/[^\w.$]+/)) {
    const at = token.lastIndexOf('.');
    if (token.slice(0, at + 1) === owner && isNameField(token.slice(at + 1))) return true;
  }
  return false;
}

/** A field holding a person's name: "name", "first_name", "firstName", "full_name", "lastname". */
function isNameField(field: string): boolean {
  const words = nameWords(field);
  const last = words[words.length - 1];
  return last !== undefined && ['name', 'firstname', 'lastname', 'fullname', 'surname'].includes(last) && words.slice(0, -1).every((w) => NAME_PARTS.has(w));
}

/** Whether a condition names `name` as a whole word: "ticket.organization" in "if ticket.organization != blank", not in "if ticket.organization_id". */
function testsName(condition: string, name: string): boolean {
  for (let at = condition.indexOf(name); at !== -1; at = condition.indexOf(name, at + 1)) {
    const before = condition[at - 1] ?? ' ';
    const after = condition[at + name.length] ?? ' ';
    if (!/[\w.]/.test(before) && !/[\w]/.test(after)) return true;
  }
  return false;
}

/** The platform's own way to write a fallback: Help Scout `{%x,fallback=there%}`, Intercom `| fallback:`, Liquid `| default:`. */
function fallbackFor(p: Placeholder, word = 'there'): string {
  if (p.raw.startsWith('{%')) return `{%${p.name},fallback=${word}%}`;
  // Braze: "{{${first_name} | default: 'there'}}".
  if (p.name.includes('${')) return `{{\${${fieldOf(p.name)}} | default: '${word}'}}`;
  // A bare name ("first_name", "child_first_name") is Intercom's style; a dotted one Zendesk's or Freshdesk's (Liquid).
  if (!p.name.includes('.')) return `{{${p.name} | fallback: "${word}"}}`;
  return `{{ ${p.name} | default: "${word}" }}`;
}

/** A fallback for a blank name: `| default: "there"`, `| fallback: "there"`, `,fallback=there`, `|| "there"`. */
function hasFallback(inner: string): boolean {
  // An empty fallback (`| default: }}`, `| fallback: ""`, `,fallback=`) still greets "Hi ,".
  // Django's `|default_if_none:"there"` too.
  const filter = /\|\s*(?:default|fallback|default_if_none)\s*:\s*(\S[^|]*)?/.exec(inner);
  if (filter) return nonEmpty(filter[1]);
  // Jinja, HubL and Gorgias: `|default("there")`, `| default('there', true)`.
  const call = /\|\s*(?:default|d)\s*\(\s*([^),]*)/.exec(inner);
  if (call) return nonEmpty(call[1]);
  // Adobe-style `?: "there"`, Twig `?? "there"` and Jinja `or "there"`.
  const elvis = /(?:\?:|\?\?|\sor\s)\s*(\S[^|]*)/.exec(inner);
  if (elvis) return nonEmpty(elvis[1]);
  const scout = /,\s*fallback\s*=\s*([^,%]*)/.exec(inner);
  if (scout) return nonEmpty(scout[1]);
  const bars = inner.indexOf('||');
  return bars !== -1 && nonEmpty(inner.slice(bars + 2));
}

/** A fallback value with something in it: not blank, not an empty string literal. */
function nonEmpty(v: string | undefined): boolean {
  const t = (v ?? '').trim();
  return t !== '' && t !== '""' && t !== "''";
}

/** The start of an unclosed placeholder: up to a tag ("<") or a run of spaces, without trailing spaces. */
function upToMarkupOrGap(raw: string): string {
  let i = 0;
  while (i < raw.length && raw[i] !== '<' && !(/\s/.test(raw[i]) && /\s/.test(raw[i + 1] ?? ''))) i++;
  return raw.slice(0, i).trimEnd();
}

function short(raw: string): string {
  const one = raw.replace(/\s+/g, ' ');
  return one.length > 48 ? `${one.slice(0, 45)}…` : one;
}
