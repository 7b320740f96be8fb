/**
 * Runs the examples in rules/*.md (html-validate's docs specs): every
 * `<!-- bad -->` block must give at least one finding of the rule, every
 * `<!-- good -->` block none. A block may set its channel: `<!-- bad channel=macro -->`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';

const dir = join(import.meta.dirname, '..', 'rules');
const BLOCK = /<!--\s*(bad|good)((?:\s+\w+=[\w-]+)*)\s*-->\s*\n```(markdown|md|html)\n([\s\S]*?)\n```/g;

for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
  const id = name.slice(0, -3);
  const text = readFileSync(join(dir, name), 'utf8');
  const examples = [...text.matchAll(BLOCK)];
  describe(`rules/${name}`, () => {
    it('has at least one bad and one good example', () => {
      expect(examples.some((m) => m[1] === 'bad')).toBe(true);
      expect(examples.some((m) => m[1] === 'good')).toBe(true);
    });
    examples.forEach((m, i) => {
      const [, kind, attrs, lang, code] = m;
      it(`${kind} example ${i + 1}`, async () => {
        const channel = /channel=([\w-]+)/.exec(attrs)?.[1];
        const file = `example.${lang === 'html' ? 'html' : 'md'}`;
        const resolver = ConfigResolver.fromData(channel ? { channel } : {}, `rules/${name}`, dir);
        const result = await lintSource({ path: file, absPath: join(dir, file), bytes: new TextEncoder().encode(`${code}\n`) }, resolver, {});
        expect(result.error).toBeUndefined();
        // rules/axe.md speaks for every axe-core rule: its findings are `axe/<axe-id>`.
        const hits = result.findings.filter((f) => f.ruleId === id || (id === 'axe' && f.ruleId.startsWith('axe/')));
        if (kind === 'bad') expect(hits.length, `bad example gives no ${id} finding`).toBeGreaterThan(0);
        else expect(hits.map((h) => `${h.line}:${h.column} ${h.message}`)).toEqual([]);
      });
    });
  });
}
