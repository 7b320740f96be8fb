/**
 * Every regular expression in src/ runs in linear time on hostile text: the
 * TypeScript parser finds each regex literal and each `new RegExp('…')`, and
 * each is timed on long adversarial strings. rules/*.yml holds no regex at all
 * (phrases are matched as words), which the last test checks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

function regexesIn(file: string): { source: string; flags: string; where: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { source: string; flags: string; where: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const m = /^\/(.*)\/([a-z]*)$/s.exec(node.text)!;
      out.push({ source: m[1], flags: m[2], where: `${file.slice(root.length + 1)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp' && node.arguments?.[0] && ts.isStringLiteral(node.arguments[0])) {
      const flags = node.arguments[1] && ts.isStringLiteral(node.arguments[1]) ? node.arguments[1].text : '';
      out.push({ source: node.arguments[0].text, flags, where: `${file.slice(root.length + 1)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const N = 10_000;
const ADVERSARIAL = [
  ' '.repeat(N) + '!', 'a'.repeat(N) + '!', 'a '.repeat(N / 2) + '!', '-'.repeat(N) + 'x', '.'.repeat(N) + '\n', '{'.repeat(N), '{{ '.repeat(N / 3),
  '<'.repeat(N), '<a '.repeat(N / 3), '<!--'.repeat(N / 4), '\n'.repeat(N) + 'x', '\r\n'.repeat(N / 2), '1'.repeat(N) + 'a', '1-'.repeat(N / 2),
  'a@'.repeat(N / 2), 'A'.repeat(N) + 'a', "'".repeat(N), '"'.repeat(N), '#'.repeat(N) + ' x', '\t'.repeat(N), 'é'.repeat(N), '😀'.repeat(N / 2),
  'http://'.repeat(N / 7), 'aaa.bbb.'.repeat(N / 8), '%{'.repeat(N / 2), '[['.repeat(N / 2), ', '.repeat(N / 2), '(a'.repeat(N / 2), '|'.repeat(N),
];

describe('regular expressions are safe on hostile text', () => {
  const all = tsFiles(join(root, 'src')).flatMap(regexesIn);
  it('finds the regexes', () => {
    expect(all.length).toBeGreaterThan(20);
  });
  for (const r of all) {
    it(`${r.where} /${r.source.slice(0, 60)}/`, () => {
      let re: RegExp;
      try {
        re = new RegExp(r.source, r.flags.replace('y', ''));
      } catch {
        return; // a literal TypeScript accepted but this engine doesn't (e.g. 'v' flag) cannot be hostile here
      }
      for (const input of ADVERSARIAL) {
        const start = performance.now();
        if (re.global || re.sticky) for (const _ of input.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) void _;
        else re.exec(input);
        const ms = performance.now() - start;
        expect(ms, `${r.where} took ${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 12))}…`).toBeLessThan(250);
      }
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
