/**
 * Every regular expression in src/ runs in linear time on hostile text. The
 * TypeScript parser finds each regex literal and each `new RegExp('…')`, and
 * scslre (the analysis behind eslint-plugin-regexp's no-super-linear-backtracking)
 * proves it has no super-linear backtracking: a static check, so the test cannot
 * pass or fail by machine load as a timing test would. rules/*.yml holds no regex
 * at all (phrases are matched as words), which the last test checks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Found {
  source: string;
  flags: string;
  where: string;
}

function regexesIn(file: string): Found[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const where = (node: ts.Node) => `${file.slice(root.length + 1)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const m = /^\/(.*)\/([a-z]*)$/s.exec(node.text)!;
      out.push({ source: m[1], flags: m[2], where: where(node) });
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0] && ts.isStringLiteral(node.arguments[0])) {
      const flags = node.arguments[1] && ts.isStringLiteral(node.arguments[1]) ? node.arguments[1].text : '';
      out.push({ source: node.arguments[0].text, flags, where: where(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The kinds of super-linear backtracking scslre finds in one regex ('' when none). */
function superLinear(r: Found): string {
  const literal = new RegExpParser({ ecmaVersion: 2025 }).parseLiteral(`/${r.source}/${r.flags}`);
  return analyse(literal)
    .reports.map((x) => `${x.type}${x.exponential ? ' (exponential)' : ''}`)
    .join(', ');
}

describe('regular expressions are safe on hostile text', () => {
  const all = tsFiles(join(root, 'src')).flatMap(regexesIn);
  it('finds the regexes', () => {
    expect(all.length).toBeGreaterThan(20);
  });
  it('flags a known super-linear regex (the check works)', () => {
    // The quadratic bracket search issue 12 found: each failed start scans to the end again.
    expect(superLinear({ source: '\\[[^\\]]*\\]', flags: 'g', where: 'x' })).toBe('Move');
    expect(superLinear({ source: '(a+)+$', flags: '', where: 'x' })).toMatch(/exponential/);
    expect(superLinear({ source: '\\[[^\\][]*\\]', flags: 'g', where: 'x' })).toBe('');
  });
  for (const r of all) {
    it(`${r.where} /${r.source.slice(0, 60)}/`, () => {
      expect(superLinear(r), `${r.where} backtracks super-linearly`).toBe('');
    });
  }
  it('rules/*.yml holds words and phrases, not regular expressions', () => {
    for (const name of readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.yml'))) {
      const data = parse(readFileSync(join(root, 'rules', name), 'utf8')) as Record<string, unknown>;
      const text = JSON.stringify(data);
      expect(text.includes('"regex"') || text.includes('"pattern"'), `rules/${name} holds a regex`).toBe(false);
    }
  });
});
