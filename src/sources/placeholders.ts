/**
 * Platform placeholder syntax, rewritten in place (same length, so every
 * offset still maps to the export file) into the Liquid form the shared
 * model reads as one opaque word, with `| default:` standing for a fallback:
 *
 *   Intercom  `<attribute key="user.name" default="there"/>` → `{{user.name | default: "there"   }}`
 *             `{{first_name | fallback: "there"}}`            → `{{first_name |  default: "there"}}`
 *   Help Scout `{%customer.firstName,fallback=there%}`       → `{{customer.firstName| default:there}}`
 *
 * Zendesk and Freshdesk already write Liquid. A fix never reaches a
 * placeholder (they are masked), so `restore` can put each original back.
 */
import type { Platform } from './model.js';

export interface Rewrite {
  start: number;
  original: string;
  replaced: string;
}

export function rewritePlaceholders(text: string, platform: Platform): { text: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  if (platform === 'intercom') {
    intercomAttributes(text, rewrites);
    intercomFallbacks(text, rewrites);
  } else if (platform === 'helpscout') helpscoutTags(text, rewrites);
  if (!rewrites.length) return { text, rewrites };
  rewrites.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of rewrites) {
    out += text.slice(at, r.start) + r.replaced;
    at = r.start + r.original.length;
  }
  return { text: out + text.slice(at), rewrites };
}

/** Puts the platform's own placeholders back into a fixed text (fixes never touch them, so each is found in order). */
export function restorePlaceholders(fixed: string, rewrites: readonly Rewrite[]): string {
  if (!rewrites.length) return fixed;
  let out = '';
  let at = 0;
  for (const r of rewrites) {
    const i = fixed.indexOf(r.replaced, at);
    if (i === -1) continue;
    out += fixed.slice(at, i) + r.original;
    at = i + r.replaced.length;
  }
  return out + fixed.slice(at);
}

/**
 * A message that quotes a rewritten placeholder, with the placeholder as the
 * export has it and, when it asks for a fallback, the platform's own syntax.
 */
export function restoreMessage(message: string, rewrites: readonly Rewrite[], platform: Platform): string {
  let out = message;
  let hit: Rewrite | undefined;
  for (const r of rewrites) {
    // Messages quote placeholders with their spaces collapsed.
    for (const shown of [r.replaced, r.replaced.replace(/\s+/g, ' '), r.replaced.endsWith('}}') ? `${r.replaced.slice(0, -2).trimEnd()}}}` : r.replaced]) {
      if (!out.includes(shown)) continue;
      out = out.split(shown).join(r.original);
      hit ??= r;
      break;
    }
  }
  const advice = out.lastIndexOf(' — ');
  if (hit && advice !== -1 && out.slice(advice).includes('default')) {
    const name = /^\{\{\s*([^\s|}]+)/.exec(hit.replaced)?.[1] ?? 'name';
    const example =
      platform === 'helpscout' ? `{%${name},fallback=there%}` : hit.original.startsWith('<') ? `<attribute key="${name}" default="there"/>` : `{{${name} | fallback: "there"}}`;
    out = `${out.slice(0, advice)} — write it with a fallback: '${example}'`;
  }
  return out;
}

const MAX = 400;

function intercomAttributes(text: string, out: Rewrite[]): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf('<attribute', from);
    if (at === -1) return;
    from = at + 10;
    const close = text.indexOf('>', from);
    if (close === -1 || close - at > MAX) continue;
    let end = close + 1;
    const tag = text.slice(at, end);
    // `<attribute …></attribute>` counts as one placeholder too.
    if (!tag.endsWith('/>') && text.startsWith('</attribute>', end)) end += 12;
    const key = attr(tag, 'key');
    if (!key) continue;
    const fallback = attr(tag, 'default');
    const original = text.slice(at, end);
    const core = fallback ? `{{${key} | default: "${fallback}"` : `{{${key}`;
    if (core.length + 2 > original.length) continue;
    out.push({ start: at, original, replaced: core + ' '.repeat(original.length - core.length - 2) + '}}' });
    from = end;
  }
}

/** `key="value"` in a tag (HTML entities in the value left as they are: they only reach a message). */
function attr(tag: string, name: string): string | undefined {
  const needle = ` ${name}=`;
  const i = tag.indexOf(needle);
  if (i === -1) return undefined;
  const q = tag[i + needle.length];
  if (q !== '"' && q !== "'") return undefined;
  const end = tag.indexOf(q, i + needle.length + 1);
  if (end === -1) return undefined;
  return tag.slice(i + needle.length + 1, end);
}

function intercomFallbacks(text: string, out: Rewrite[]): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf('{{', from);
    if (at === -1) return;
    const close = text.indexOf('}}', at + 2);
    if (close === -1 || close - at > MAX) {
      from = at + 2;
      continue;
    }
    const inner = text.slice(at, close + 2);
    const f = inner.indexOf('fallback');
    if (f !== -1 && inner.lastIndexOf('|', f) !== -1) {
      out.push({ start: at, original: inner, replaced: `${inner.slice(0, f)} default${inner.slice(f + 8)}` });
    }
    from = close + 2;
  }
}

function helpscoutTags(text: string, out: Rewrite[]): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf('{%', from);
    if (at === -1) return;
    const close = text.indexOf('%}', at + 2);
    if (close === -1 || close - at > MAX) {
      from = at + 2;
      continue;
    }
    from = close + 2;
    const inner = text.slice(at + 2, close);
    const comma = inner.indexOf(',');
    const name = comma === -1 ? inner : inner.slice(0, comma);
    // Help Scout variables are `object.property`: never a Liquid tag such as `{% if x %}`.
    if (!/^[A-Za-z]+\.[A-Za-z]+$/.test(name)) continue;
    let body = name;
    if (comma !== -1) {
      const rest = inner.slice(comma + 1);
      if (!rest.startsWith('fallback=')) continue;
      body = `${name}| default:${rest.slice(9)}`;
    }
    out.push({ start: at, original: text.slice(at, close + 2), replaced: `{{${body}}}` });
  }
}
