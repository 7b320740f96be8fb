/** README.md stays true: its rule table is the one rules/*.md produce, and its two quick-start commands are the ones .ci/run and CI use. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { ruleTable } from '../scripts/rule-table.mjs';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README.md', () => {
  it('has the rule table generated from rules/*.md (run: node scripts/rule-table.mjs --write)', () => {
    const current = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(current).toBe((ruleTable as () => string)());
  });
  it('.ci/run runs the README test command after npm ci', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(readme).toContain('```sh\nnpm test\n```');
    expect(ci).toMatch(/npm ci\nnpm test\n/);
  });
});
