/** The GitHub Action's report step (scripts/action-report.mjs, action.yml): changed lines first, a job summary. Needs `npm run build`. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { project, runCli } from '../helpers/cli.js';

const root = join(import.meta.dirname, '..', '..');
const PASSIVE = 'Your card was charged twice.';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: dir } });
}

describe('action report step', () => {
  it('annotates findings on changed lines first and writes a job summary by family', async () => {
    const dir = project({ 'a.md': `# A\n\n${PASSIVE}\n`, 'b.md': '# B\n\nFine words.\n' });
    rmSync(join(dir, '.git'), { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'start');
    git(dir, 'checkout', '-q', '-b', 'topic');
    writeFileSync(join(dir, 'b.md'), `# B\n\nFine words.\n\n${PASSIVE}\n\nClick [here](https://example.com).\n`);
    git(dir, 'commit', '-q', '-am', 'edit b');
    const r = await runCli(['--no-axe', '--format', 'json', '--rule', 'passive-voice:warn', '.'], { cwd: dir });
    const json = join(dir, 'report.json');
    writeFileSync(json, r.out);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const out = spawnSync(process.execPath, [join(root, 'scripts', 'action-report.mjs'), json, root], { cwd: dir, encoding: 'utf8', env: { ...process.env, PLAINSPOKE_BASE: 'main', GITHUB_BASE_REF: '', GITHUB_STEP_SUMMARY: summary } });
    expect(out.stderr).toBe('');
    const lines = out.stdout.trimEnd().split('\n');
    // b.md's findings (changed lines) come before a.md's older one.
    expect(lines.map((l) => /^::\w+ file=([^,]+),line=(\d+)[^:]*title=([^:]+)::/.exec(l)?.slice(1).join(':') ?? l)).toEqual([
      'b.md:5:passive-voice',
      'b.md:7:link-text',
      'a.md:3:passive-voice',
      'plainspoke: 0 errors, 3 warnings, 0 info in 2 files; 2 on changed lines',
    ]);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('### plainspoke: 0 errors, 3 warnings, 0 info in 2 files');
    expect(md).toContain('| Accessibility | 0 | 1 | 0 |');
    expect(md).toContain('| Plain language | 0 | 2 | 0 |');
    expect(md).toContain('| b.md:5:11 (changed) | passive-voice |');
  });

  it('action.yml never sets up Node.js, installs runtime dependencies only, and passes inputs through the environment', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { runs: { steps: { uses?: string; run?: string; env?: Record<string, string> }[] } };
    const steps = action.runs.steps;
    expect(steps.some((s) => s.uses?.startsWith('actions/setup-node'))).toBe(false);
    expect(steps.some((s) => s.uses?.startsWith('actions/cache'))).toBe(true);
    const install = steps.map((s) => s.run ?? '').join('\n');
    expect(install).toContain('npm install --prefix "$prefix" --omit=dev');
    // No `${{ inputs.* }}` pasted into a script: only through env.
    for (const s of steps) expect(s.run ?? '').not.toMatch(/\$\{\{/);
  });
});
