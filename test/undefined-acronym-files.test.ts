/**
 * undefined-acronym skips files that say where content came from and under
 * which licence ("NOTICE.md", "LICENSE"), listed in rules/undefined-acronym.yml
 * (category metadata-file). The same text in an article is still checked.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';

const root = join(import.meta.dirname, '..');
const TEXT = '# Sources\n\nThe files came from our partner under the terms of the DPSA they signed with us.\n';

async function acronymLines(name: string): Promise<string[]> {
  const resolver = ConfigResolver.fromData({}, 'undefined-acronym-files.test', root);
  const result = await lintSource({ path: name, absPath: join(root, name), bytes: new TextEncoder().encode(TEXT) }, resolver, { noAxe: true, only: ['undefined-acronym'] });
  expect(result.error).toBeUndefined();
  return result.findings.filter((f) => f.ruleId === 'undefined-acronym').map((f) => `${f.line}:${f.column}`);
}

describe('undefined-acronym and metadata files', () => {
  it('reports the acronym in an article', async () => {
    expect(await acronymLines('sources.md')).toEqual(['3:56']);
  });
  it('skips NOTICE.md, LICENSE and a nested NOTICE file', async () => {
    expect(await acronymLines('NOTICE.md')).toEqual([]);
    expect(await acronymLines('LICENSE')).toEqual([]);
    expect(await acronymLines('docs/NOTICE.html')).toEqual([]);
  });
});
