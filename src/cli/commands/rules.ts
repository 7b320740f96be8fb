/** `plainspoke rules [--json]`: every rule with its family, severity, channels and docs. */
import type { CliIO } from '../io.js';
import { allRules } from '../../rules/registry.js';
import { docsUrlFor } from '../../rules/docs-url.js';
import { CHANNELS } from '../../types.js';

export function runRulesCommand(opts: { json?: boolean }, io: CliIO): number {
  const rows = allRules().map((r) => ({
    id: r.id,
    family: r.family,
    severity: r.defaultSeverity,
    channels: [...r.channelList],
    fixable: r.fixable,
    status: r.status,
    description: r.description,
    docs: docsUrlFor(r.id),
  }));
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const w = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    const channels = r.channels.length === CHANNELS.length ? 'all channels' : r.channels.join(', ');
    io.stdout.write(`${r.id.padEnd(w)}  ${r.family.padEnd(5)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fixable' : '       '}  ${channels}\n    ${r.description}\n`);
  }
  return 0;
}
