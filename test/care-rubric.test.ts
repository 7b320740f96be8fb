/**
 * The care rubric (metrics.care): exact booleans, lines and scores on a few
 * replies, and the agreement between rubric gaps and the care rules.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { lintSource } from '../src/engine/lint-source.js';
import { stylish } from '../src/formatters/stylish.js';
import type { FileResult, Report } from '../src/types.js';

const root = join(import.meta.dirname, '..');

async function lint(text: string, channel: string, name = 'reply.md'): Promise<FileResult> {
  const resolver = ConfigResolver.fromData({ channel }, 'care-rubric.test', root);
  const result = await lintSource({ path: name, absPath: join(root, name), bytes: new TextEncoder().encode(text) }, resolver, { noAxe: true });
  expect(result.error).toBeUndefined();
  return result;
}

describe('care rubric', () => {
  it('scores a caring macro 4/4 with the line of each criterion', async () => {
    const r = await lint(
      [
        'Hi {{ticket.requester.first_name | default: "there"}},', // 1
        '',
        "I'm sorry the outage left you without internet for two days.", // 3
        '',
        "We've added a week of credit to your account.", // 5
        '',
        "We'll look into the cause and send you a full report by Friday.", // 7
        '',
        'Does that help?', // 9
        '',
      ].join('\n'),
      'macro',
    );
    expect(r.metrics?.care).toEqual({
      namesImpact: { met: true, line: 3 },
      offersNextStep: { met: true, line: 5 },
      timeFrame: { met: true, line: 7 },
      confirmsUnderstanding: { met: true, line: 9 },
      score: 4,
    });
  });

  it('scores a scripted reply 1/4, and the care rules report the same gaps', async () => {
    const r = await lint('We apologize for any inconvenience.\n\nOur team will look into it.\n', 'email');
    expect(r.metrics?.care).toEqual({
      namesImpact: { met: false },
      // A promise of action is a next step, even without a time frame.
      offersNextStep: { met: true, line: 3 },
      timeFrame: { met: false },
      confirmsUnderstanding: { met: false },
      score: 1,
    });
    const ids = r.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`).filter((s) => /acknowledge|time-bound|confirm|robotic/.test(s)).sort();
    expect(ids).toEqual(['1:1 acknowledge-impact', '1:1 robotic-phrase', '3:1 confirm-understanding', '3:1 time-bound-commitment']);
  });

  it('meets namesImpact and timeFrame without a line when there is no bad news and no promise', async () => {
    const r = await lint('<p>Good news: your plan now has five seats.</p>\n<p>Could you tell me who should get the new seats?</p>\n', 'chat', 'reply.html');
    expect(r.metrics?.care).toEqual({
      namesImpact: { met: true },
      offersNextStep: { met: false },
      timeFrame: { met: true },
      confirmsUnderstanding: { met: true, line: 2 },
      score: 3,
    });
  });

  it('takes a time frame from the next sentence, but not from the next promise', async () => {
    const ok = await lint("We'll look into the failed payment. This usually takes two days.\n", 'email');
    expect(ok.metrics?.care?.timeFrame).toEqual({ met: true, line: 1 });
    const weak = await lint("Someone will get back to you.\n\nOur billing team will call you by Friday.\n", 'email');
    expect(weak.metrics?.care?.timeFrame).toEqual({ met: false });
  });

  it('ignores quoted and blockquoted words', async () => {
    const r = await lint('> Does that help? Let me know.\n\nShe wrote "let me know" twice. The update is live now.\n', 'chat');
    expect(r.metrics?.care?.confirmsUnderstanding).toEqual({ met: false });
  });

  it('is left out for articles and policies', async () => {
    for (const channel of ['article', 'policy']) {
      const r = await lint('We apologize for any inconvenience.\n', channel);
      expect(r.metrics?.care).toBeUndefined();
    }
  });

  it('prints the score and what to improve in the stylish report', async () => {
    const r = await lint('We apologize for any inconvenience.\n\nOur team will look into it.\n', 'email');
    const report: Report = { tool: { name: 'plainspoke', version: '0.0.0' }, files: [r], summary: { files: 1, errors: 0, warnings: 0, infos: 0, fixable: 0 } };
    expect(stylish(report, { cwd: root, color: false })).toContain('care score 1/4 (to improve: name the impact, give a time frame, invite a reply)');
  });
});
