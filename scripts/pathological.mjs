#!/usr/bin/env node
/**
 * Times every pathological generator (test/helpers/pathological.ts, issue 20
 * items 8–11) at full size through the built CLI, one child process per case,
 * and prints wall time, CPU time (user + system), peak memory (RSS high-water mark from /usr/bin/time -v,
 * or the child's resourceUsage without it), exit code and what the run said.
 * Targets: under 10 s and 500 MiB per case. A script, not a test.
 *
 *   npm run build && node scripts/pathological.mjs [name-substring ...] [--kill s] [--axe] [--json out.json]
 *
 * Each case runs with --no-axe unless --axe is given (axe cases say so: the
 * CSS ones always run axe). A case still running after --kill seconds (default
 * 60) is stopped and shown as "killed".
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'plainspoke.js');
const TIME = '/usr/bin/time';
const TARGET_S = 10;
const TARGET_MIB = 500;

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const killAfter = Number(opt('--kill', 60));
const jsonOut = opt('--json', undefined);
const withAxe = args.includes('--axe');
const filters = args.filter((a, i) => !a.startsWith('--') && !['--kill', '--json'].includes(args[i - 1]));

/** Node 20 cannot import TypeScript: transpile the generator module (it imports types only). */
async function loadGenerators(dir) {
  const src = readFileSync(join(ROOT, 'test', 'helpers', 'pathological.ts'), 'utf8');
  const { outputText } = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const file = join(dir, 'pathological.mjs');
  writeFileSync(file, outputText);
  return (await import(pathToFileURL(file).href)).PATHOLOGICAL;
}

function run(file, channel, axe) {
  const cliArgs = [BIN, '--format', 'json', '--no-progress', '--no-color', ...(axe ? [] : ['--no-axe']), ...(channel ? ['--channel', channel] : []), file];
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...cliArgs] : cliArgs;
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, killAfter * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wall = (performance.now() - started) / 1000;
      const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? NaN);
      const exit = Number(/Exit status: (\d+)/.exec(err)?.[1] ?? code);
      // CPU seconds (user + system) move less than wall time on a busy machine.
      const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(err)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(err)?.[1] ?? NaN);
      let said = '';
      try {
        const report = JSON.parse(out);
        const f = report.files[0];
        said = f.error ? `error: ${f.error.replace(/^[^:]*: /, '')}` : `${f.findings.length} findings`;
      } catch {
        said = (err.split('\n').find((l) => /error|fatal|heap|Maximum/i.test(l)) ?? 'no report').trim().slice(0, 80);
      }
      resolvePromise({ wall, cpu, mib: rssKb / 1024, exit: killed ? 'killed' : signal ?? exit, said });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'plainspoke-pathological-'));
try {
  const gens = (await loadGenerators(dir)).filter((g) => !filters.length || filters.some((f) => g.name.includes(f)));
  const rows = [];
  const header = `${'case'.padEnd(28)} ${'KB'.padStart(6)} ${'wall s'.padStart(7)} ${'cpu s'.padStart(7)} ${'peak MiB'.padStart(9)} ${'exit'.padStart(6)}  result`;
  console.log(header);
  console.log('-'.repeat(header.length + 20));
  for (const g of gens) {
    const text = g.make(g.full);
    const file = join(dir, `${g.name}.${g.ext}`);
    writeFileSync(file, text);
    const axe = withAxe || g.name.startsWith('nested-css');
    const r = await run(file, g.channel, axe);
    rmSync(file, { force: true });
    const ok = r.exit !== 'killed' && r.wall < TARGET_S && !(r.mib >= TARGET_MIB) && (r.exit === 0 || r.exit === 1 || r.exit === 2);
    rows.push({ name: g.name, kb: Math.round(Buffer.byteLength(text) / 1024), ...r, ok });
    console.log(`${g.name.padEnd(28)} ${String(Math.round(Buffer.byteLength(text) / 1024)).padStart(6)} ${r.wall.toFixed(2).padStart(7)} ${(Number.isNaN(r.cpu) ? '?' : r.cpu.toFixed(2)).padStart(7)} ${(Number.isNaN(r.mib) ? '?' : r.mib.toFixed(0)).padStart(9)} ${String(r.exit).padStart(6)}  ${ok ? '' : 'OVER '}${r.said}`);
  }
  const over = rows.filter((r) => !r.ok);
  console.log(`\n${rows.length - over.length}/${rows.length} within ${TARGET_S} s and ${TARGET_MIB} MiB${over.length ? `; over: ${over.map((r) => r.name).join(', ')}` : ''}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2) + '\n');
  process.exitCode = over.length ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
