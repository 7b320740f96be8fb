/** Runs the CLI in-process with a fake terminal, and makes throwaway project folders. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], opts: { cwd: string; stdin?: string; env?: Record<string, string>; tty?: boolean }): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    cwd: opts.cwd,
    env: { NO_COLOR: '1', ...opts.env },
    stdout: { write: (s: string) => (out += s), isTTY: opts.tty },
    stderr: { write: (s: string) => (err += s), isTTY: opts.tty },
    readStdin: async () => opts.stdin ?? '',
  });
  return { code, out, err };
}

/** A temp folder with the given files (paths relative to it; Buffers written as bytes). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plainspoke-test-'));
  // A .git folder stops the config search here, as in a real repository.
  mkdirSync(join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export function findings(out: string): { path: string; ruleId: string; line: number; column: number; severity: string; message: string }[] {
  const rep = JSON.parse(out) as { files: { path: string; findings: { ruleId: string; line: number; column: number; severity: string; message: string }[] }[] };
  return rep.files.flatMap((f) => f.findings.map((x) => ({ path: f.path, ruleId: x.ruleId, line: x.line, column: x.column, severity: x.severity, message: x.message })));
}
