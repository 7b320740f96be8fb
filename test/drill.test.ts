/** `plainspoke drill` (issue 18): the selection is fixed per seed, the mix of families, the note, the JSON exercise. */
import { describe, expect, it } from 'vitest';
import { DRILL_MIX, DRILL_RULES, improvementNote, pickExercises, ruleWhy, seededRandom, shuffle, todaySeed, type DrillCandidate } from '../src/cli/commands/drill.js';
import type { Finding } from '../src/types.js';
import { project, runCli } from './helpers/cli.js';

function finding(ruleId: string, line: number, column = 1): Finding {
  return { ruleId, severity: 'warning', message: `${ruleId} message`, line, column, endLine: line, endColumn: column + 3, source: 'plainspoke', fixable: false };
}

/** 40 candidates over three families and a rule the drill never uses (readability). */
const CANDIDATES: DrillCandidate[] = [];
for (let i = 1; i <= 10; i++) {
  CANDIDATES.push({ path: `help/a${i}.md`, channel: 'article', finding: finding('passive-voice', i) });
  CANDIDATES.push({ path: `help/b${i}.md`, channel: 'article', finding: finding('sentence-length', i) });
  CANDIDATES.push({ path: `macros/m${i}.md`, channel: 'macro', finding: finding(i % 2 ? 'blame-language' : 'robotic-phrase', i) });
  CANDIDATES.push({ path: `help/c${i}.md`, channel: 'article', finding: finding('readability', i) });
}
CANDIDATES.push({ path: 'help/colour.md', channel: 'article', finding: finding('sensory-language', 3) });

const key = (c: DrillCandidate) => `${c.path}:${c.finding.line} ${c.finding.ruleId}`;

describe('drill selection', () => {
  it('is the same for the same seed, whatever order the findings come in', () => {
    const a = pickExercises(CANDIDATES, '2026-12-06').map(key);
    const b = pickExercises([...CANDIDATES].reverse(), '2026-12-06').map(key);
    expect(a).toEqual(b);
    expect(a).toHaveLength(5);
  });

  it('changes with the seed (another day, another set)', () => {
    const days = ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09'].map((d) => pickExercises(CANDIDATES, d).map(key).join('|'));
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it('follows the fixed mix of families and never picks a rule that needs the whole document', () => {
    const picked = pickExercises(CANDIDATES, 'any seed');
    expect(picked.map((c) => DRILL_RULES[c.finding.ruleId])).toEqual([...DRILL_MIX]);
    expect(picked.some((c) => c.finding.ruleId === 'readability')).toBe(false);
    // A family with nothing left gives its slot to another family.
    const noA11y = CANDIDATES.filter((c) => c.finding.ruleId !== 'sensory-language');
    expect(pickExercises(noA11y, 'any seed').map((c) => DRILL_RULES[c.finding.ruleId])).toEqual(['plain', 'care', 'plain', 'plain', 'care']);
  });

  it('takes 3 to 5, fewer when the content has fewer, and skips findings with no sentence', () => {
    expect(pickExercises(CANDIDATES, 's', 3)).toHaveLength(3);
    expect(pickExercises(CANDIDATES.slice(0, 2), 's')).toHaveLength(2);
    const noSentence = (c: DrillCandidate) => c.finding.ruleId !== 'passive-voice';
    expect(pickExercises(CANDIDATES, 's', 5, noSentence).some((c) => c.finding.ruleId === 'passive-voice')).toBe(false);
  });

  it('shuffles with a seeded generator that is the same on every machine', () => {
    const r = seededRandom('2026-12-06');
    const first = [r(), r(), r()];
    const again = seededRandom('2026-12-06');
    expect([again(), again(), again()]).toEqual(first);
    expect(shuffle([1, 2, 3, 4, 5, 6], 'x', String)).toEqual(shuffle([6, 5, 4, 3, 2, 1], 'x', String));
    expect(todaySeed(new Date('2026-12-06T23:59:00Z'))).toBe('2026-12-06');
  });
});

describe('drill notes and docs', () => {
  it('gives exactly one note: fixed, still flagged, or a new problem', () => {
    expect(improvementNote('passive-voice', [])).toEqual({ kind: 'fixed', text: 'Fixed: passive-voice finds nothing in your rewrite.' });
    expect(improvementNote('passive-voice', [{ ruleId: 'passive-voice', message: "'was sent' is passive" }]).kind).toBe('still');
    expect(improvementNote('passive-voice', [{ ruleId: 'jargon', message: "'herein' is legalese" }])).toEqual({ kind: 'new', text: "Fixed, but there is a new problem: 'herein' is legalese (jargon)." });
  });

  it("reads the rule's why from its doc", () => {
    for (const id of Object.keys(DRILL_RULES)) expect(ruleWhy(id).length, id).toBeGreaterThan(40);
  });

  it('--format json prints the exercise with sentence and why, and records nothing', async () => {
    const dir = project({
      'help/reset.md': '# Reset\n\nYour password was changed by the system last night.\n\nSimply open the app again.\n',
      'macros/late.md': '<!-- plainspoke-config {"channel":"macro"} -->\nHi,\n\nAs I already said, the parcel is late.\n',
      '.plainspoke.yml': 'overrides:\n  - files: ["macros/**"]\n    channel: macro\n',
    });
    const r = await runCli(['drill', '--format', 'json', '--seed', 'test', '--count', '3', '.'], { cwd: dir });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ex = JSON.parse(r.out) as { seed: string; exercises: { ruleId: string; sentence: string; why: string; channel: string; path: string }[] };
    expect(ex.seed).toBe('test');
    expect(ex.exercises.length).toBeGreaterThanOrEqual(2);
    const byRule = Object.fromEntries(ex.exercises.map((e) => [e.ruleId, e]));
    expect(byRule['blame-language']).toMatchObject({ path: 'macros/late.md', channel: 'macro', sentence: 'As I already said, the parcel is late.' });
    for (const e of ex.exercises) expect(e.why.length).toBeGreaterThan(20);
    const again = await runCli(['drill', '--format', 'json', '--seed', 'test', '--count', '3', '.'], { cwd: dir });
    expect(again.out).toBe(r.out);
  });

  it('refuses a count outside 3 to 5 and an unknown format (exit 2)', async () => {
    const dir = project({ 'a.md': 'Hello.\n' });
    expect((await runCli(['drill', '--count', '9', '.'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['drill', '--format', 'xml', '.'], { cwd: dir })).code).toBe(2);
  });
});
