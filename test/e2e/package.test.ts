/**
 * The published package as a user gets it (issue 15): `npm pack`, the
 * tarball unpacked into an empty folder's node_modules/plainspoke, then
 * `import { lintText } from 'plainspoke'` in an ES module and `tsc` on a
 * TypeScript file that uses the types. Needs `npm run build`.
 *
 * No registry is used: the tarball's own files are what is tested (its
 * `files` list, `exports`, `types`), and its dependencies are linked from
 * this checkout's node_modules, as `npm install` would have put them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plainspoke-pack-'));
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const [{ filename }] = JSON.parse(out) as { filename: string }[];
  execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir]);
  mkdirSync(join(dir, 'node_modules'));
  renameSync(join(dir, 'package'), join(dir, 'node_modules', 'plainspoke'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of [...Object.keys(pkg.dependencies), '@types/node']) {
    const link = join(dir, 'node_modules', dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), link, 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true, type: 'module' }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('ships the API, its types, the servers and the rule docs', () => {
    const pkgDir = join(dir, 'node_modules', 'plainspoke');
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/lsp/server.js', 'dist/mcp/server.js', 'dist/rule-data.json', 'rules/passive-voice.md', 'bin/plainspoke.js']) {
      expect(existsSync(join(pkgDir, f)), f).toBe(true);
    }
  });

  it("imports { lintText } from 'plainspoke' in an ES module", () => {
    writeFileSync(
      join(dir, 'main.mjs'),
      `import { lintText, listRules, explainRule, applyFixes, version } from 'plainspoke';
const report = await lintText('You can utilize the form.\\n', { filePath: 'help/a.md', axe: false });
const fixed = await applyFixes('You can utilize the form.\\n', { axe: false });
console.log(JSON.stringify({
  version,
  path: report.files[0].path,
  findings: report.files[0].findings.map((f) => [f.ruleId, f.line, f.column]),
  summary: report.summary,
  rules: listRules().length > 20,
  why: explainRule('passive-voice').why.slice(0, 22),
  fixed: fixed.output,
}));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({
      version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      path: 'help/a.md',
      findings: [['simpler-words', 1, 9]],
      summary: { files: 1, errors: 0, warnings: 0, infos: 1, fixable: 1 },
      rules: true,
      why: '"Your card was charged',
      fixed: 'You can use the form.\n',
    });
  });

  it('type-checks a TypeScript file that uses the types (strict, no skipLibCheck)', () => {
    writeFileSync(
      join(dir, 'check.ts'),
      `import { lintText, lintFiles, loadConfig, type JsonReport, type Finding, type Channel, type RuleInfo, listRules } from 'plainspoke';
const channel: Channel = 'email';
const report: JsonReport = await lintText('Hello', { filePath: 'reply.md', channel, rules: { 'passive-voice': 'error' } });
const first: Finding | undefined = report.files[0]?.findings[0];
const line: number | undefined = first?.line;
const rules: RuleInfo[] = listRules();
const all = await lintFiles(['docs'], { cwd: '.', axe: false });
const config = loadConfig('docs/a.md');
export const used = [line, rules.length, all.summary.errors, config.channel];
// @ts-expect-error a channel must be one of the channels
await lintText('Hello', { channel: 'fax' });
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['check.ts'] }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });
});
