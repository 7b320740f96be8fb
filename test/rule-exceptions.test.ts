/**
 * Every exception a rule's header claims has a fixture line (issue 12, point 4; notes/CONVENTIONS.md
 * "Exceptions in a rule's header"). A rule's first comment may hold a list:
 *
 *   * Not flagged:
 *   * - going back up more than one level (`## Back up two levels`)
 *
 * The first `code` of each item must appear word for word in one of the rule's valid* fixtures
 * (test/rules.test.ts checks that those give no finding). Rules without the list are not checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const rulesSrc = join(repo, 'src', 'rules');

interface Exception {
  text: string;
  example?: string;
}

/** The `Not flagged:` items of a rule's first comment; undefined when it has none. */
function exceptionsOf(source: string): Exception[] | undefined {
  const header = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source.replace(/^(?:import[^\n]*\n|\s*\n)*/, ''))?.[1];
  if (!header) return undefined;
  const lines = header.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const start = lines.findIndex((l) => /^Not flagged:\s*$/.test(l.trim()));
  if (start === -1) return undefined;
  const items: Exception[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^- /.test(line)) items.push({ text: line.slice(2).trim() });
    else if (/^\s+\S/.test(line) && items.length) items[items.length - 1].text += ` ${line.trim()}`;
    else break;
  }
  // The first backtick span: `a`, or ``a `b` c`` when the example holds a backtick.
  for (const item of items) item.example = /``(.+?)``|`([^`]+)`/.exec(item.text)?.slice(1).find((g) => g !== undefined);
  return items;
}

const ruleFiles = readdirSync(rulesSrc, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(rulesSrc, d.name)).filter((n) => n.endsWith('.ts')).map((n) => ({ id: n.slice(0, -3), path: join(rulesSrc, d.name, n) })))
  .sort((a, b) => a.id.localeCompare(b.id));

describe('exceptions in rule headers', () => {
  it('reads the convention', () => {
    const got = exceptionsOf('/**\n * rule: what.\n *\n * Not flagged:\n * - a state (`was tired`)\n * - a long one that goes\n *   on (`by mistake`)\n *\n * After.\n */\nexport default 1;\n');
    expect(got).toEqual([
      { text: 'a state (`was tired`)', example: 'was tired' },
      { text: 'a long one that goes on (`by mistake`)', example: 'by mistake' },
    ]);
    expect(exceptionsOf('/** No list here. */\n')).toBeUndefined();
  });

  const listed = ruleFiles.map((r) => ({ ...r, exceptions: exceptionsOf(readFileSync(r.path, 'utf8')) })).filter((r) => r.exceptions);
  it('is used by some rules', () => {
    expect(listed.length).toBeGreaterThan(0);
  });

  for (const rule of listed) {
    it(`${rule.id}: every exception has a valid fixture line`, () => {
      const dir = join(repo, 'fixtures', 'rules', rule.id);
      const valid = existsSync(dir) ? readdirSync(dir).filter((n) => /^valid.*\.(md|html)$/.test(n)).map((n) => readFileSync(join(dir, n), 'utf8')) : [];
      const missing = rule.exceptions!.filter((e) => !e.example || !valid.some((t) => t.includes(e.example!))).map((e) => (e.example ? `'${e.example}' is in no fixtures/rules/${rule.id}/valid* file` : `'${e.text}' gives no \`example\``));
      expect(missing).toEqual([]);
    });
  }
});
