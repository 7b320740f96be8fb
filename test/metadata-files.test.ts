/**
 * The rules that read prose skip files that say where content came from and under which licence ("NOTICE.md",
 * "LICENSE", "THIRD-PARTY-NOTICES"), listed once in rules/metadata-files.yml (issue 14: the 1.14 and 1.15 audits
 * judged findings there false). The same text in any other file is still checked.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';

const root = join(import.meta.dirname, '..');
const TEXT = [
  '# Sources',
  '',
  'Every documentation page was transformed into standalone hypertext by the configurable unified processor, whose serialization preserves embedded presentational annotations.',
  '',
  'The files came from our partner under the terms of the DPSA they signed with us.',
  '',
  'The originals are kept at <https://example.com/help/archive/2024/originals>.',
  '',
].join('\n');
const RULES = ['readability', 'undefined-acronym', 'link-text'];

async function findings(name: string): Promise<string[]> {
  const resolver = ConfigResolver.fromData({}, 'metadata-files.test', root);
  const result = await lintSource({ path: name, absPath: join(root, name), bytes: new TextEncoder().encode(TEXT) }, resolver, { noAxe: true, only: RULES });
  expect(result.error).toBeUndefined();
  return result.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`).sort();
}

describe('metadata files', () => {
  it('are checked under any other name: an article, a notices page, a licensing guide', async () => {
    const all = ['link-text@7:27', 'readability@3:1', 'undefined-acronym@5:56'];
    expect(await findings('sources.md')).toEqual(all);
    expect(await findings('notices.md')).toEqual(all);
    expect(await findings('docs/licensing-guide.md')).toEqual(all);
  });
  it('skips NOTICE.md, LICENSE, a nested THIRD-PARTY-NOTICES file and NOTICE.html', async () => {
    expect(await findings('NOTICE.md')).toEqual([]);
    expect(await findings('LICENSE')).toEqual([]);
    expect(await findings('docs/THIRD-PARTY-NOTICES.md')).toEqual([]);
    expect(await findings('docs/NOTICE.html')).toEqual([]);
  });
});
