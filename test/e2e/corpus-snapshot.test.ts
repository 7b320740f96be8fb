/**
 * The corpus snapshot (issue 14), as markdownlint does with real repositories:
 * the built linter runs over the Markdown sets of ../shared/corpus (--no-axe)
 * and the finding counts per rule and file must match test/corpus/snapshot.json.
 * A change in noise then shows up in review. After a deliberate change, rewrite
 * the snapshot with `npm run audit:corpus -- --snapshot` and commit it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const SNAPSHOT = join(ROOT, 'test', 'corpus', 'snapshot.json');

interface Snapshot {
  sets: string[];
  totals: Record<string, number>;
  files: Record<string, Record<string, number>>;
}

const present = existsSync(CORPUS);

describe('corpus snapshot', () => {
  // Skipped, not failed, where the shared corpus is not checked out (it is not part of this repository).
  it.skipIf(!present)('finding counts per rule and file match test/corpus/snapshot.json (../shared/corpus present)', () => {
    const snap = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'plainspoke.js'), '--format', 'json', '--jobs', '2', '--no-axe', ...snap.sets], {
      cwd: CORPUS,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    const report = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    const files: Record<string, Record<string, number>> = {};
    const totals: Record<string, number> = {};
    for (const f of report.files) {
      for (const x of f.findings) {
        (files[f.path] ??= {})[x.ruleId] = (files[f.path]?.[x.ruleId] ?? 0) + 1;
        totals[x.ruleId] = (totals[x.ruleId] ?? 0) + 1;
      }
    }
    // Totals first: the short diff a reviewer reads; then file by file.
    expect(totals, 'findings per rule changed: rewrite with `npm run audit:corpus -- --snapshot` if this is meant').toEqual(snap.totals);
    expect(files).toEqual(snap.files);
  });

  it.skipIf(present)('is skipped: ../shared/corpus is not here, so there is nothing to compare', () => {
    expect(existsSync(CORPUS)).toBe(false);
  });
});
