/**
 * hast-util-raw can leave a node whose position has an end and no start
 * (white space or text next to raw HTML in a list or after a template tag).
 * Every reader of positions must take that in its stride: this file crashed
 * the axe rule ("Cannot read properties of undefined (reading 'offset')").
 */
import { describe, expect, it } from 'vitest';
import { findings, project, runCli } from './helpers/cli.js';

describe('positions with an end and no start', () => {
  it('a template tag, a comment and an indented role=img div lint without an internal error', async () => {
    const dir = project({ 'macro.md': '{% if a %}x{% endif %}\n\n<!-- c -->\n  <div role="img"></div>\n' });
    const r = await runCli(['--format', 'json', 'macro.md'], { cwd: dir });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { files: { path: string; error?: string }[] };
    expect(report.files[0].error).toBeUndefined();
    // The unnamed image role is still found, on its own line.
    expect(findings(r.out).filter((f) => f.ruleId.startsWith('axe/')).map((f) => [f.ruleId, f.line, f.column])).toEqual([['axe/role-img-alt', 4, 3]]);
  });
});
