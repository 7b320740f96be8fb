/**
 * readability skips files that say where content came from and under which
 * licence ("NOTICE.md", "LICENSE"), listed in rules/readability.yml (category
 * metadata-file; issue 14, 1.14 audit). The same text in any other file is
 * still checked.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';

const root = join(import.meta.dirname, '..');
const TEXT = '# Sources\n\nEvery documentation page was transformed into standalone hypertext by the configurable unified processor, whose serialization preserves embedded presentational annotations.\n';

async function readabilityLines(name: string): Promise<string[]> {
  const resolver = ConfigResolver.fromData({}, 'readability-files.test', root);
  const result = await lintSource({ path: name, absPath: join(root, name), bytes: new TextEncoder().encode(TEXT) }, resolver, { noAxe: true, only: ['readability'] });
  expect(result.error).toBeUndefined();
  return result.findings.filter((f) => f.ruleId === 'readability').map((f) => `${f.line}:${f.column}`);
}

describe('readability and metadata files', () => {
  it('reports the paragraph in an article, a notices page and a licensing guide', async () => {
    expect(await readabilityLines('sources.md')).toEqual(['3:1']);
    expect(await readabilityLines('notices.md')).toEqual(['3:1']);
    expect(await readabilityLines('docs/licensing-guide.md')).toEqual(['3:1']);
  });
  it('skips NOTICE.md, LICENSE and a nested THIRD-PARTY-NOTICES file', async () => {
    expect(await readabilityLines('NOTICE.md')).toEqual([]);
    expect(await readabilityLines('LICENSE')).toEqual([]);
    expect(await readabilityLines('docs/THIRD-PARTY-NOTICES.md')).toEqual([]);
  });
});
