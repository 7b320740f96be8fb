/**
 * Conventions every rule keeps (remark-lint's root test, ESLint's checkRuleFiles):
 * a doc, fixtures, a docs URL, options that accept their defaults, and every
 * CONTRACT id registered.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { allRules } from '../src/rules/registry.js';
import { optionsValidator } from '../src/config/options.js';
import { docsUrlFor } from '../src/rules/docs-url.js';
import { createDoc } from '../src/document/document.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintDoc } from '../src/engine/lint-source.js';
import { readTablesFromYaml } from '../src/lexicon/data.js';
import { CHANNELS } from '../src/types.js';

const root = join(import.meta.dirname, '..');
/** Rule ids the contract lists (CONTRACT.md "Rule ids"); kept here so the test runs without ../shared. */
const CONTRACT_IDS = [
  'readability', 'sentence-length', 'passive-voice', 'simpler-words', 'jargon', 'undefined-acronym', 'inclusive-language', 'minimizing-language',
  'blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding', 'public-privacy', 'placeholder-syntax',
  'image-alt', 'alt-text-quality', 'link-text', 'heading-order', 'sensory-language', 'media-alternatives', 'table-headers', 'color-contrast',
];

describe('rule conventions', () => {
  it('every contract rule id is registered', () => {
    const ids = allRules().map((r) => r.id);
    expect(CONTRACT_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });
  it('the contract list here matches ../shared/CONTRACT.md when it is there', () => {
    const contract = join(root, '..', 'shared', 'CONTRACT.md');
    if (!existsSync(contract)) return;
    const listed = [...readFileSync(contract, 'utf8').matchAll(/^\| `([a-z][a-z0-9-]*)` \|/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(CONTRACT_IDS));
  });
  it('every rules/*.md belongs to a registered rule', () => {
    const ids = new Set(allRules().map((r) => r.id));
    const docs = readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3));
    expect(docs.filter((d) => !ids.has(d))).toEqual([]);
  });
  it('every rule table validates', () => {
    expect(() => readTablesFromYaml()).not.toThrow();
  });

  for (const rule of allRules()) {
    describe(rule.id, () => {
      it('has a doc whose front matter matches its metadata', () => {
        const file = join(root, 'rules', `${rule.id}.md`);
        expect(existsSync(file), `rules/${rule.id}.md`).toBe(true);
        const fm = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '') as Record<string, unknown>;
        expect(fm.id).toBe(rule.id);
        expect(fm.family).toBe(rule.family);
        expect(fm.severity).toBe(rule.defaultSeverity);
        expect(fm.fixable).toBe(rule.fixable);
        for (const section of ['## Why', '## What it finds', '## How to fix', '## Options', '## Examples']) {
          expect(readFileSync(file, 'utf8'), `${rule.id}.md lacks ${section}`).toContain(section);
        }
      });
      it('has valid and invalid fixtures', () => {
        const dir = join(root, 'fixtures', 'rules', rule.id);
        expect(existsSync(dir), `fixtures/rules/${rule.id}/`).toBe(true);
        const names = readdirSync(dir);
        expect(names.some((n) => n.startsWith('valid'))).toBe(true);
        expect(names.some((n) => n.startsWith('invalid'))).toBe(true);
      });
      it('has a docs URL ending in its id and options that accept the defaults', () => {
        expect(docsUrlFor(rule.id)).toMatch(new RegExp(`/${rule.id}\\.md$`));
        const validate = optionsValidator(rule);
        expect(validate(rule.defaults), JSON.stringify(validate.errors)).toBe(true);
        for (const [channel, over] of Object.entries(rule.channelDefaults ?? {})) {
          expect(validate({ ...rule.defaults, ...over }), `${channel} defaults`).toBe(true);
        }
      });
      it('messages have no trailing period and only fixable rules fix', () => {
        for (const m of Object.values(rule.messages)) expect(m).not.toMatch(/\.\s*$/);
      });
    });
  }
});

describe('every rule survives odd input', () => {
  const inputs: Record<string, [string, 'markdown' | 'html']> = {
    empty: ['', 'markdown'],
    crlf: ['# Title\r\n\r\nText with **bold** and a [link](x).\r\n\r\n- item\r\n', 'markdown'],
    'unclosed HTML': ['<div><p>Open <b>bold <table><tr><td>cell', 'html'],
    'only placeholders': ['{{a}} {% if x %} {{#if y}}', 'markdown'],
    // 80 KB: over the size a run keeps off the main thread; huge inputs are in test/e2e and the fuzz tier.
    'big file': [`${'A long paragraph of words that goes on. '.repeat(20)}\n\n`.repeat(100), 'markdown'],
  };
  for (const [name, [text, kind]] of Object.entries(inputs)) {
    for (const channel of CHANNELS) {
      it(`${name} (${channel})`, async () => {
        const doc = createDoc(`x.${kind === 'html' ? 'html' : 'md'}`, text, kind, channel);
        const settings = ConfigResolver.fromData({ channel }, 'test', root).resolve(join(root, 'x.md'));
        const result = await lintDoc(doc, settings, { noAxe: true });
        for (const f of result.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(doc.loc.lineCount);
        }
      });
    }
  }
});
