/**
 * The layers run one way (issue 12): the import graph of src/, read with the TypeScript compiler API
 * (static imports, re-exports, `import()` calls and `import('…')` types alike).
 *   - document, lexicon, care, a11y and reply are the layers below: they never import from rules,
 *     engine, cli or formatters.
 *   - the engine knows no rule by name: from src/rules it imports only the registry, define-rule
 *     and docs-url, never a rule file; what it needs of a rule is in the rule's metadata.
 *   - the engine prints nothing: warnings travel in the report (lintFiles' `warnings`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/registry.js';

const src = join(import.meta.dirname, '..', 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return tsFiles(p);
      return n.endsWith('.ts') && !n.endsWith('.d.ts') ? [p] : [];
    });
}

/** Relative module specifiers of a file, resolved to paths under src/ (`x.js` → `x.ts`). */
function importsOf(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) specs.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) specs.push(node.argument.literal.text);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) specs.push(node.moduleReference.expression.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(src, resolve(dirname(file), s.replace(/\.js$/, '.ts'))).split('\\').join('/'));
}

const graph = new Map(tsFiles(src).map((f) => [relative(src, f).split('\\').join('/'), importsOf(f)]));
const layerOf = (path: string): string => path.split('/')[0];

describe('import graph', () => {
  it('reads the imports of every module', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('engine/lint-source.ts')).toContain('rules/registry.ts');
  });

  it('the layers below never import from rules, engine, cli or formatters', () => {
    const below = new Set(['care', 'a11y', 'document', 'lexicon', 'reply']);
    const above = new Set(['rules', 'engine', 'cli', 'formatters']);
    const wrong = [...graph].flatMap(([from, to]) => (below.has(layerOf(from)) ? to.filter((t) => above.has(layerOf(t))).map((t) => `${from} → ${t}`) : []));
    expect(wrong).toEqual([]);
  });

  it('the engine imports no rule file: only the registry, define-rule and docs-url', () => {
    const allowed = new Set(['rules/registry.ts', 'rules/define-rule.ts', 'rules/docs-url.ts']);
    const wrong = [...graph].flatMap(([from, to]) => (layerOf(from) === 'engine' ? to.filter((t) => layerOf(t) === 'rules' && !allowed.has(t)).map((t) => `${from} → ${t}`) : []));
    expect(wrong).toEqual([]);
  });

  it('the engine and the config code name no rule id', () => {
    // 'axe' is also a heavy engine a rule `needs` (`needs: ['axe']`): that word may stay.
    const ids = allRules().map((r) => r.id).filter((id) => id !== 'axe');
    const wrong: string[] = [];
    for (const [path] of graph) {
      if (layerOf(path) !== 'engine' && layerOf(path) !== 'config') continue;
      const sf = ts.createSourceFile(path, readFileSync(join(src, path), 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node) && (ids.includes(node.text) || node.text.startsWith('axe/'))) wrong.push(`${path}: '${node.text}'`);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(wrong).toEqual([]);
  });

  it('the engine prints nothing (no console, no process.stdout or process.stderr)', () => {
    const wrong: string[] = [];
    for (const [path] of graph) {
      if (layerOf(path) !== 'engine') continue;
      const sf = ts.createSourceFile(path, readFileSync(join(src, path), 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node)) {
          const text = node.getText(sf);
          if (/^console\.\w+$/.test(text) || /^process\.(stdout|stderr)$/.test(text)) wrong.push(`${path}: ${text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(wrong).toEqual([]);
  });
});

describe('rule metadata the engine reads', () => {
  // These ids used to be hard-coded in the engine; the test keeps a rewrite of a rule file from dropping the flag.
  it('the word rules accept the vocabulary', () => {
    expect(allRules().filter((r) => r.acceptsVocabulary).map((r) => r.id).sort()).toEqual(['inclusive-language', 'jargon', 'minimizing-language', 'passive-voice', 'simpler-words', 'undefined-acronym']);
  });

  it('axe findings yield to their content-rule twins', () => {
    const axe = allRules().find((r) => r.id === 'axe');
    expect(axe?.yieldsTo?.['axe/image-alt']).toEqual(['image-alt']);
    // Every rule an axe finding yields to is registered.
    const ids = new Set(allRules().map((r) => r.id));
    expect(Object.values(axe?.yieldsTo ?? {}).flat().filter((id) => !ids.has(id))).toEqual([]);
  });

  it('unused-disable reports from the disable comments', () => {
    expect(allRules().filter((r) => r.checkDirectives).map((r) => r.id)).toEqual(['unused-disable']);
  });
});
