/**
 * `plainspoke drill` end to end through a real pseudo-terminal (issue 18):
 * python3's `pty` module runs the built CLI on a pty, answers each prompt as
 * a writer would, and hands back what the terminal showed and the exit code.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plainspoke.js');

/** Runs argv on a pty; writes the next answer each time "Your rewrite: " appears, then Ctrl-D. Prints JSON {out, code}. */
const DRIVER = String.raw`
import json, os, pty, select, sys, time
answers = json.loads(sys.argv[1])
argv = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.environ['NO_COLOR'] = '1'
    os.execvp(argv[0], argv)
out = b''
asked = 0
deadline = time.time() + 150
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if fd in r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        while out.count(b'Your rewrite: ') > asked and asked < len(answers):
            os.write(fd, (answers[asked] + '\n').encode('utf8'))
            asked += 1
        if out.count(b'Your rewrite: ') > asked and asked == len(answers):
            os.write(fd, b'\x04')  # Ctrl-D: the end of input
            asked += 1
_, status = os.waitpid(pid, 0)
print(json.dumps({'out': out.decode('utf8', 'replace').replace('\r\n', '\n'), 'code': os.waitstatus_to_exitcode(status)}))
`;

function drillOnPty(cwd: string, answers: string[], args: string[]): { out: string; code: number } {
  const stdout = execFileSync('python3', ['-c', DRIVER, JSON.stringify(answers), process.execPath, BIN, 'drill', ...args], { cwd, encoding: 'utf8', timeout: 170_000 });
  return JSON.parse(stdout) as { out: string; code: number };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plainspoke-drill-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('plainspoke drill in a pseudo-terminal', () => {
  it('shows each finding, takes a rewrite, lints it on the spot, prints one note, exits 0', () => {
    const dir = project({
      '.plainspoke.yml': 'overrides:\n  - files: ["macros/**"]\n    channel: macro\n',
      'help/reset.md': '# Reset\n\nSimply open the app again.\n',
      'macros/late.md': 'Hi,\n\nAs I already said, the parcel is late.\n',
      'help/pay.md': '# Pay\n\nClick the green button to pay.\n',
    });
    const { out, code } = drillOnPty(dir, ['Simply open it once more.', 'The parcel is late, and I am sorry.', 'Select Pay.'], ['--seed', 'e2e', '--count', '3', '.']);
    expect(code).toBe(0);
    // The fixed mix: plain language, then care, then accessibility.
    expect(out).toContain('1 of 3 · minimizing-language · help/reset.md:3\n  “Simply open the app again.”\n');
    expect(out).toMatch(/Why: People read help when something did not work\./);
    expect(out).toContain("Your rewrite: Simply open it once more.\nStill flagged: 'Simply' suggests");
    expect(out).toContain('2 of 3 · blame-language · macros/late.md:3\n  “As I already said, the parcel is late.”\n');
    expect(out).toContain('Your rewrite: The parcel is late, and I am sorry.\nFixed: blame-language finds nothing in your rewrite.\n');
    expect(out).toContain('3 of 3 · sensory-language · help/pay.md:3\n  “Click the green button to pay.”\n');
    expect(out).toContain('Your rewrite: Select Pay.\nFixed: sensory-language finds nothing in your rewrite.\n');
    expect(out).toContain('Done: 2 of 3 fixed.');
    // It never records who answered: the project holds exactly what it held before.
    expect(readdirSync(dir).sort()).toEqual(['.git', '.plainspoke.yml', 'help', 'macros']);
    expect(readdirSync(join(dir, '.git'))).toEqual([]);
  });

  it('an empty line skips, a new problem in the rewrite is named, and the end of input stops cleanly', () => {
    const dir = project({ 'help/reset.md': '# Reset\n\nSimply open the app again.\n\nYour card was charged twice.\n\nWe utilize a new form.\n' });
    const { out, code } = drillOnPty(dir, ['', 'We charged your card twice, so we utilize a refund.'], ['--seed', 'another', '--count', '3', '.']);
    expect(code).toBe(0);
    expect(out).toContain('Your rewrite: \nSkipped.\n');
    expect(out).toMatch(/Your rewrite: We charged your card twice, so we utilize a refund\.\n(Fixed, but there is a new problem: .*\(simpler-words\)\.|Still flagged: .*)\n/);
    expect(out).toContain('No more input: the drill stops here.');
  });
});
