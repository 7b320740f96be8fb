/**
 * `plainspoke rules [--json]`: every rule with its family, severity, channels
 * and docs. The text form groups rules by family and shows each rule's
 * channel profile: where it runs, and the option values that change per
 * channel (sentence-length limits, readability targets).
 */
import type { CliIO } from '../io.js';
import { listRules, type RuleInfo } from '../../api/rules.js';
import { CHANNELS, REPLY_CHANNELS, type Channel } from '../../types.js';
import type { Family } from '../../rules/define-rule.js';

const FAMILIES: readonly [Family, string][] = [
  ['plain', 'Plain language'],
  ['care', 'Care in replies'],
  ['a11y', 'Accessibility'],
  ['meta', 'About the comments'],
];

export function runRulesCommand(opts: { json?: boolean }, io: CliIO): number {
  // The Node API's listing (src/api/rules.ts) is the one source of these rows.
  const rules = listRules();
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const w = Math.max(...rules.map((r) => r.id.length));
  const out: string[] = [];
  const known = new Set<string>(FAMILIES.map(([f]) => f));
  const groups: [string, RuleInfo[]][] = FAMILIES.map(([f, title]) => [title, rules.filter((r) => r.family === f)]);
  const other = rules.filter((r) => !known.has(r.family));
  if (other.length) groups.push(['Other', other]);
  for (const [title, list] of groups) {
    if (!list.length) continue;
    out.push(title);
    for (const r of list) {
      const flags = [r.fixable ? 'fixable' : '', r.status === 'experimental' ? 'experimental' : ''].filter(Boolean).join(', ');
      out.push(`  ${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${channelsText(r.channels)}${flags ? `  (${flags})` : ''}`);
      out.push(`  ${' '.repeat(w)}  ${r.description}`);
      const per = perChannelText(r);
      if (per) out.push(`  ${' '.repeat(w)}  per channel: ${per}`);
    }
    out.push('');
  }
  out.push(`${rules.length} rules. Run 'plainspoke explain <rule-id>' for why, how to fix and examples.`);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

/** "all channels", "replies (macro, chat, email, phone, social)" or the list. */
function channelsText(list: readonly Channel[]): string {
  if (list.length === CHANNELS.length) return 'all channels';
  if (list.length === REPLY_CHANNELS.length && REPLY_CHANNELS.every((c) => list.includes(c))) return `replies (${list.join(', ')})`;
  return list.join(', ');
}

/** Option values that differ by channel: "article max 25, email max 22, chat max 20". */
function perChannelText(r: RuleInfo): string {
  const per = r.channelDefaults;
  if (!per) return '';
  const parts: string[] = [];
  for (const c of CHANNELS) {
    const o = per[c];
    if (!o || !r.channels.includes(c)) continue;
    const vals = Object.entries(o).map(([k, v]) => (typeof v === 'boolean' ? (v ? k : `no ${k}`) : `${k} ${String(v)}`));
    if (vals.length) parts.push(`${c} ${vals.join(', ')}`);
  }
  return parts.join('; ');
}
