/**
 * Runs the examples in rules/*.md (html-validate's docs specs): every `<!-- good -->` block gives
 * no finding of the rule, and every `<!-- bad -->` block gives exactly the findings it lists:
 *
 *   <!-- bad expect="passive@2:12 passive@3" -->        messageId@line[:column], lines counted in the block
 *   <!-- bad channel=macro expect="unfilled@1:7" -->    a block may also set its channel
 *   <!-- bad expect="axe/image-alt/violation@1:24" -->  another id than the page's rule: id/messageId@…
 *
 * A bad block without `expect` only has to give at least one finding while the docs are converted
 * (`npm run build && node scripts/doc-bad-expects.mjs rules/<id>.md` writes the attribute from what
 * the rule finds now: read it before you keep it). REQUIRE_BAD_EXPECT makes the attribute required.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';
import type { Finding } from '../src/types.js';

/** The lead switches this on once every rules/*.md bad example lists its findings. */
const REQUIRE_BAD_EXPECT = true;

const dir = join(import.meta.dirname, '..', 'rules');
const BLOCK = /<!--\s*(bad|good)((?:\s+\w+=(?:"[^"\n]*"|[\w-]+))*)\s*-->\s*\n```(markdown|md|html)\n([\s\S]*?)\n```/g;
const WANT = /^(?:((?:axe\/)?[a-z0-9]+(?:-[a-z0-9]+)*)\/)?([A-Za-z][A-Za-z0-9_]*)@(\d+)(?::(\d+))?$/;

interface Want {
  ruleId: string;
  messageId: string;
  line: number;
  column?: number;
}

/** `expect="passive@2:12 axe/image-alt/violation@1"` → what the block must give; undefined when there is no attribute. */
function parseWants(attrs: string, pageRule: string): Want[] | undefined {
  const raw = /\bexpect="([^"]*)"/.exec(attrs)?.[1];
  if (raw === undefined) return undefined;
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const m = WANT.exec(item);
      if (!m) throw new Error(`bad expect item '${item}': write messageId@line or messageId@line:column (another rule: id/messageId@line)`);
      return { ruleId: m[1] ?? pageRule, messageId: m[2], line: Number(m[3]), ...(m[4] ? { column: Number(m[4]) } : {}) };
    });
}

/** Findings and wants as sorted `line[:col] id/messageId` strings; columns only where a want pins one on that line. */
function compareWants(findings: readonly Finding[], wants: readonly Want[]): { actual: string[]; wanted: string[] } {
  const pinned = new Set(wants.filter((w) => w.column !== undefined).map((w) => `${w.line}:${w.ruleId}`));
  const actual = findings.map((f) => `${pinned.has(`${f.line}:${f.ruleId}`) ? `${f.line}:${f.column}` : f.line} ${f.ruleId}/${f.messageId ?? '?'}`).sort();
  const wanted = wants.map((w) => `${w.column !== undefined ? `${w.line}:${w.column}` : w.line} ${w.ruleId}/${w.messageId}`).sort();
  return { actual, wanted };
}

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
        const wants = parseWants(attrs, id);
        if (kind === 'good') expect(wants, 'a good example lists no findings').toBeUndefined();
        if (kind === 'bad' && REQUIRE_BAD_EXPECT) expect(wants, `list the findings: <!-- bad expect="messageId@line:column" --> (node scripts/doc-bad-expects.mjs rules/${name})`).toBeDefined();
        const file = `example.${lang === 'html' ? 'html' : 'md'}`;
        const resolver = ConfigResolver.fromData(channel ? { channel } : {}, `rules/${name}`, dir);
        const result = await lintSource({ path: file, absPath: join(dir, file), bytes: new TextEncoder().encode(`${code}\n`) }, resolver, {});
        expect(result.error).toBeUndefined();
        // rules/axe.md speaks for every axe-core rule: its findings are `axe/<axe-id>`.
        const ids = new Set([id, ...(wants ?? []).map((w) => w.ruleId)]);
        const hits = result.findings.filter((f) => ids.has(f.ruleId) || (id === 'axe' && f.ruleId.startsWith('axe/')));
        if (kind === 'good') expect(hits.map((h) => `${h.line}:${h.column} ${h.message}`)).toEqual([]);
        else if (wants) {
          const { actual, wanted } = compareWants(hits, wants);
          expect(actual).toEqual(wanted);
        } else expect(hits.length, `bad example gives no ${id} finding`).toBeGreaterThan(0);
      });
    });
  });
}
