/** `plainspoke explain <id>`: prints rules/<id>.md, the single source of a rule's docs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { CliIO } from '../io.js';
import { getRule, ruleIds } from '../../rules/registry.js';
import { packageRoot } from '../../util/package-root.js';
import { UsageError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { axeRuleIds, isAxeRuleId } from '../../a11y/axe/catalog.js';

/** The installed axe-core's major.minor, read from its package.json (loading axe itself is slow). */
function axeVersion(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('axe-core/package.json');
    const v = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
    return v.split('.').slice(0, 2).join('.');
  } catch {
    return '4.14';
  }
}

export function runExplain(id: string, io: CliIO): number {
  const axe = id.startsWith('axe/');
  // An axe id must be one axe-core has: a made-up one would print a dead link (issue 17).
  if (axe ? !isAxeRuleId(id) : !getRule(id)) {
    const known = axe ? axeRuleIds() : [...ruleIds(), ...axeRuleIds()];
    throw new UsageError(`'${id}' is not a ${axe ? 'known axe-core' : 'plainspoke'} rule${didYouMean(id, known)}; run 'plainspoke rules' to list them`);
  }
  if (axe) {
    io.stdout.write(`${id} is an axe-core rule, run on the rendered HTML.\nRead about it at https://dequeuniversity.com/rules/axe/${axeVersion()}/${id.slice(4)}\n`);
    return 0;
  }
  const file = join(packageRoot, 'rules', `${id}.md`);
  if (!existsSync(file)) throw new UsageError(`rules/${id}.md is missing from this install`);
  const text = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
