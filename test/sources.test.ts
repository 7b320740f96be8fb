/**
 * Help-desk exports (issue 16): each of the eight formats is read from its
 * fixture (item count, channel, locale), findings carry their item and point
 * at the offending word in the export file, `--fix` changes only the fixed
 * strings, and bad exports fail alone with one line naming the file.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './helpers/cli.js';
import { readExport } from '../src/sources/lint-export.js';
import { parseJson, stringOffsets, type JsonString } from '../src/sources/json-map.js';
import { spliceStrings } from '../src/sources/fix.js';
import { restorePlaceholders, rewritePlaceholders } from '../src/sources/placeholders.js';
import type { Report } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'sources');

interface Case {
  format: string;
  items: number;
  fields: number;
  channel: string;
  /** A locale one of its items has. */
  locale?: string;
  ruleId: string;
  id: string | number;
  field: string;
  /** The offending text, as the export file has it at the finding's line and column. */
  word: string;
}

const CASES: Case[] = [
  { format: 'zendesk-articles', items: 3, fields: 3, channel: 'article', locale: 'fr', ruleId: 'jargon', id: 360041234503, field: 'body', word: 'pursuant to' },
  { format: 'zendesk-macros', items: 4, fields: 4, channel: 'macro', ruleId: 'blame-language', id: 900002, field: 'actions[0].comment_value', word: 'You failed to' },
  { format: 'intercom-articles', items: 2, fields: 3, channel: 'article', locale: 'de', ruleId: 'simpler-words', id: '8812001', field: 'translated_content.en.body', word: 'It is imperative that you' },
  { format: 'intercom-macros', items: 2, fields: 2, channel: 'macro', ruleId: 'jargon', id: '4402', field: 'body', word: 'Kindly revert' },
  { format: 'freshdesk-articles', items: 2, fields: 2, channel: 'article', ruleId: 'minimizing-language', id: 43000512001, field: 'description', word: 'Obviously' },
  { format: 'freshdesk-canned', items: 2, fields: 2, channel: 'macro', ruleId: 'robotic-phrase', id: 43000090001, field: 'content_html', word: 'Your call is important to us' },
  { format: 'helpscout-articles', items: 1, fields: 1, channel: 'article', ruleId: 'minimizing-language', id: '5215163545667acd25394b5c', field: 'text', word: 'simply' },
  { format: 'helpscout-saved-replies', items: 2, fields: 4, channel: 'macro', ruleId: 'blame-language', id: 234568, field: 'text', word: 'As I already said' },
];

/** The file's text from a 1-based line and column (columns count code points, as reports do). */
function at(text: string, line: number, column: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  return Array.from(lines[line - 1]).slice(column - 1).join('');
}

async function lintJson(args: string[], cwd: string): Promise<{ code: number; report: Report; err: string }> {
  const r = await runCli(['--no-axe', '--jobs', '1', '--format', 'json', ...args], { cwd });
  return { code: r.code, report: JSON.parse(r.out) as Report, err: r.err };
}

describe('help-desk exports: the eight formats', () => {
  for (const c of CASES) {
    it(`${c.format}: items, channel, locale, and a finding in place`, async () => {
      const file = join(FIXTURES, `${c.format}.json`);
      const text = readFileSync(file, 'utf8');
      const read = readExport(text);
      expect(read.format).toBe(c.format);
      expect(read.items).toHaveLength(c.items);
      expect(read.items.reduce((n, i) => n + i.fields.length, 0)).toBe(c.fields);
      if (c.locale) expect(read.items.some((i) => i.ref.locale === c.locale || i.fields.some((f) => f.locale === c.locale))).toBe(true);

      const { code, report } = await lintJson([`${c.format}.json`], FIXTURES);
      expect(code).not.toBe(2);
      const [result] = report.files;
      expect(result.path).toBe(`${c.format}.json`);
      expect(result.error).toBeUndefined();
      expect(result.channel).toBe(c.channel);
      const f = result.findings.find((x) => x.ruleId === c.ruleId && x.item?.id === c.id && x.item.field === c.field);
      expect(f, `${c.ruleId} on ${c.id}`).toBeDefined();
      expect(f!.item!.platform).toBe(c.format.split('-')[0]);
      expect(at(text, f!.line, f!.column).startsWith(c.word)).toBe(true);
      // Every finding points into a JSON string of its item.
      for (const x of result.findings) expect(x.item).toBeDefined();
    });
  }

  it('detects the same format when it is named, and --source-format overrides the shape', async () => {
    const { report } = await lintJson(['--source-format', 'freshdesk-canned', 'freshdesk-canned.json'], FIXTURES);
    expect(report.files[0].findings.every((f) => f.item?.platform === 'freshdesk' && f.item.kind === 'canned-response')).toBe(true);
  });

  it('reports a sentence repeated in three macros once, on the first, with the count and ids', async () => {
    const { report } = await lintJson(['zendesk-macros.json'], FIXTURES);
    const text = readFileSync(join(FIXTURES, 'zendesk-macros.json'), 'utf8');
    const repeats = report.files[0].findings.filter((f) => f.messageId === 'repeatedAcrossItems');
    expect(repeats).toHaveLength(1);
    expect(repeats[0]).toMatchObject({ ruleId: 'robotic-phrase', severity: 'info', item: { id: 900001 } });
    expect(repeats[0].message).toContain('3 macros repeat this sentence');
    expect(repeats[0].message).toContain('900001, 900002, 900003');
    expect(at(text, repeats[0].line, repeats[0].column).startsWith('Let us know if anything else comes up.')).toBe(true);
  });

  it('keeps each platform\'s placeholders opaque and quotes them as written', async () => {
    const intercom = (await lintJson(['intercom-macros.json'], FIXTURES)).report.files[0].findings.filter((f) => f.ruleId === 'placeholder-syntax');
    expect(intercom.map((f) => [f.item!.id, f.message.slice(0, 36)])).toEqual([['4402', `'<attribute key="user.first_name"/>'`]]);
    const helpscout = (await lintJson(['helpscout-saved-replies.json'], FIXTURES)).report.files[0].findings.filter((f) => f.ruleId === 'placeholder-syntax');
    expect(helpscout).toHaveLength(1);
    expect(helpscout[0].item).toMatchObject({ id: 234567, field: 'chatText' });
    expect(helpscout[0].message).toContain("'{%customer.firstName%}'");
    expect(helpscout[0].message).toContain(',fallback=there');
  });

  it('reports a Liquid fallback without quotes in a Zendesk macro, not Intercom\'s own unquoted fallback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainspoke-unquoted-'));
    const zendesk = readFileSync(join(FIXTURES, 'zendesk-macros.json'), 'utf8').replace('first_name | default: \\"there\\"', 'first_name | default: there');
    writeFileSync(join(dir, 'zendesk-macros.json'), zendesk);
    const intercom = readFileSync(join(FIXTURES, 'intercom-macros.json'), 'utf8').replace('{{user.name|fallback:\\"there\\"}}', '{{user.name|fallback:there}}');
    writeFileSync(join(dir, 'intercom-macros.json'), intercom);
    const z = (await lintJson(['zendesk-macros.json'], dir)).report.files[0].findings.filter((f) => f.messageId === 'unquotedDefault');
    expect(z.map((f) => [f.item!.id, f.line, f.column])).toEqual([[900001, 12, 58]]);
    expect(z[0].message).toContain(`'{{ ticket.requester.first_name | default: "there" }}'`);
    const i = (await lintJson(['intercom-macros.json'], dir)).report.files[0].findings.filter((f) => f.ruleId === 'placeholder-syntax');
    expect(intercom).toContain('{{user.name|fallback:there}}');
    expect(i.map((f) => f.messageId)).toEqual(['noFallback']);
  });
});

describe('reports name the item', () => {
  it('stylish groups findings by item; SARIF, GitHub and JUnit name it', async () => {
    const stylish = (await runCli(['--no-axe', '--jobs', '1', 'zendesk-macros.json'], { cwd: FIXTURES })).out.split('\n');
    const header = stylish.indexOf('  macro 900002 "Billing::Card declined"');
    expect(header).toBeGreaterThan(0);
    expect(stylish[header + 1]).toMatch(/^ {4}21:66 +warning +'\{\{ticket\.requester\.first_name\}\}' has no fallback/);
    expect(stylish.filter((l) => l.startsWith('  macro ')).length).toBe(4);
    const sarif = JSON.parse((await runCli(['--no-axe', '--jobs', '1', '-f', 'sarif', 'zendesk-macros.json'], { cwd: FIXTURES })).out) as {
      runs: { results: { message: { text: string }; locations: { logicalLocations?: { name: string; fullyQualifiedName: string }[] }[] }[] }[];
    };
    const blame = sarif.runs[0].results.find((r) => r.message.text.includes('You failed to'))!;
    expect(blame.message.text).toMatch(/^macro 900002 "Billing::Card declined": /);
    expect(blame.locations[0].logicalLocations?.[0]).toMatchObject({ name: '900002', fullyQualifiedName: 'zendesk/macro/900002' });
    expect((await runCli(['--no-axe', '--jobs', '1', '-f', 'github', 'zendesk-macros.json'], { cwd: FIXTURES })).out).toContain(
      'title=blame-language::macro 900002 "Billing::Card declined": \'You failed to update your card, so the payment was declined.\'',
    );
    expect((await runCli(['--no-axe', '--jobs', '1', '-f', 'junit', 'zendesk-macros.json'], { cwd: FIXTURES })).out).toContain('name="21:102 blame-language in macro 900002 &quot;Billing::Card declined&quot;"');
  });
});

describe('platform placeholders', () => {
  it('are rewritten in place as Liquid with the same length, and put back after a fix', () => {
    const cases: [string, 'intercom' | 'helpscout'][] = [
      ['<p>Hi <attribute key="user.name" default="there"/>, in order to pay…</p>', 'intercom'],
      ['Hi {{first_name | fallback: "there"}}, in order to pay…', 'intercom'],
      ['Hi {%customer.firstName,fallback=there%} and {%customer.lastName%}, in order to pay… {% if x %}', 'helpscout'],
    ];
    for (const [text, platform] of cases) {
      const { text: liquid, rewrites } = rewritePlaceholders(text, platform);
      expect(liquid).toHaveLength(text.length);
      expect(rewrites.length).toBeGreaterThan(0);
      for (const r of rewrites) expect(r.replaced).toMatch(/^\{\{[^]*\}\}$/);
      expect(restorePlaceholders(liquid.replace('in order to', 'to'), rewrites)).toBe(text.replace('in order to', 'to'));
    }
    expect(rewritePlaceholders('{%customer.firstName,fallback=there%}', 'helpscout').text).toBe('{{customer.firstName| default:there}}');
    expect(rewritePlaceholders('{% if x %}', 'helpscout').rewrites).toEqual([]);
  });
});

describe('JSON position map', () => {
  it('maps every decoded character of a string with escapes back to its source', () => {
    const text = '{ "a": "x\\n\\"q\\" \\\\ caf\\u00e9 \\ud83d\\ude00 \u00e9t\u00e9 \ud83d\ude00 end" }';
    const root = parseJson(text);
    expect(root.type).toBe('object');
    const node = (root as { members: { value: JsonString }[] }).members[0].value;
    expect(node.value).toBe(JSON.parse(text).a);
    const map = stringOffsets(text, node);
    for (let i = 0; i < node.value.length; i++) {
      const src = text[map[i]];
      // An escape maps to its backslash; a plain character to itself.
      if (src === '\\') continue;
      expect(src).toBe(node.value[i]);
    }
    expect(text.slice(map[node.value.indexOf('end')], map[node.value.indexOf('end')] + 3)).toBe('end');
    expect(text.slice(map[node.value.indexOf('é')], map[node.value.indexOf('é')] + 6)).toBe('\\u00e9');
  });

  it('splices a fixed value back, keeping the rest of the string and file byte-identical', () => {
    const text = '{"b": "Caf\\u00e9: in order to pay, \\"click\\" here.\\n"}';
    const root = parseJson(text) as { members: { value: JsonString }[] };
    const node = root.members[0].value;
    const out = spliceStrings(text, [{ node, value: node.value.replace('in order to', 'to') }]);
    expect(out).toBe('{"b": "Caf\\u00e9: to pay, \\"click\\" here.\\n"}');
    expect(JSON.parse(out).b).toBe(JSON.parse(text).b.replace('in order to', 'to'));
  });

  it('rejects broken JSON with its position', () => {
    expect(() => readExport('{\n  "articles": [ { "id": 1, "body": "x } ]\n}')).toThrow(/is not valid JSON: at line 2, column \d+ it has a control character/);
    expect(() => readExport('[1, 2')).toThrow(/not valid JSON/);
  });
});

describe('help-desk exports in a run', () => {
  it('--fix rewrites only the fixed strings; the file still parses', async () => {
    const original = readFileSync(join(FIXTURES, 'zendesk-articles.json'), 'utf8');
    const dir = project({ 'kb.json': original });
    const r = await runCli(['--no-axe', '--jobs', '1', '--fix', 'kb.json'], { cwd: dir });
    expect(r.code).not.toBe(2);
    const fixed = readFileSync(join(dir, 'kb.json'), 'utf8');
    expect(fixed).not.toBe(original);
    const before = JSON.parse(original) as { articles: { body: string }[] };
    const after = JSON.parse(fixed) as { articles: { body: string }[] };
    // Only article bodies changed, and the first one lost its wordy phrase.
    expect({ ...after, articles: after.articles.map((a) => ({ ...a, body: '' })) }).toEqual({ ...before, articles: before.articles.map((a) => ({ ...a, body: '' })) });
    expect(after.articles[0].body).toContain('To change it');
    // Outside the changed strings the bytes are the same: same lines, one line changed.
    const a = original.split('\n');
    const b = fixed.split('\n');
    expect(b).toHaveLength(a.length);
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(1);
    // A second run has nothing left to fix.
    await runCli(['--no-axe', '--jobs', '1', '--fix', 'kb.json'], { cwd: dir });
    expect(readFileSync(join(dir, 'kb.json'), 'utf8')).toBe(fixed);
  });

  it('bad exports get one line each naming the file, exit 2, and other files are still linted', async () => {
    const dir = project({
      'good.md': 'In order to pay, utilize the form.\n',
      'broken.json': '{ "articles": [ { "id": 1, ',
      'unknown.json': '{ "widgets": [ { "colour": "blue" } ] }',
      'number-body.json': '{ "articles": [ { "id": 7, "title": "T", "html_url": "https://x.test/a", "body": 42 } ] }',
      'huge.json': '',
    });
    // 50 MB without writing 50 MB: the size is checked before anything is read.
    const fd = openSync(join(dir, 'huge.json'), 'w');
    closeSync(fd);
    truncateSync(join(dir, 'huge.json'), 50 * 1024 * 1024);
    const { code, report, err } = await lintJson(['good.md', 'broken.json', 'unknown.json', 'number-body.json', 'huge.json'], dir);
    expect(code).toBe(2);
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byPath['good.md'].findings.length).toBeGreaterThan(0);
    expect(byPath['broken.json'].error).toMatch(/^broken\.json: is not valid JSON: at line 1, column \d+ it ends in the middle of a value$/);
    expect(byPath['unknown.json'].error).toMatch(/^unknown\.json: is JSON of a shape plainspoke does not know \(keys: widgets\): name its format with --source-format \(zendesk-articles, /);
    expect(byPath['number-body.json'].error).toBe('number-body.json: item 7 has a body that is a number, not text');
    expect(byPath['huge.json'].error).toMatch(/^huge\.json: .*50 MB/);
    const lines = err.trim().split('\n');
    for (const name of ['broken.json', 'unknown.json', 'number-body.json', 'huge.json']) expect(lines.filter((l) => l.includes(name))).toHaveLength(1);
  });

  it('a folder search never picks up .json files, unless the config lists them as sources', async () => {
    const dir = project({
      'docs/a.md': 'In order to pay, utilize the form.\n',
      'docs/package.json': '{ "name": "x" }',
      'exports/macros.json': readFileSync(join(FIXTURES, 'zendesk-macros.json'), 'utf8'),
    });
    const plain = await lintJson(['.'], dir);
    expect(plain.report.files.map((f) => f.path)).toEqual(['docs/a.md']);
    writeFileSync(join(dir, '.plainspoke.yml'), 'sources:\n  - files: "exports/*.json"\n    format: zendesk-macros\n    channel: chat\n');
    const listed = await lintJson(['.'], dir);
    expect(listed.report.files.map((f) => [f.path, f.channel])).toEqual([
      ['docs/a.md', 'article'],
      ['exports/macros.json', 'chat'],
    ]);
  });

  it('disable comments work per item, and fingerprints differ between items with the same text', async () => {
    const body = '<p>In order to pay, utilize the form.</p>';
    const dir = project({
      'kb.json': JSON.stringify({
        articles: [
          { id: 1, title: 'One', locale: 'en-us', html_url: 'https://x.test/1', body },
          { id: 2, title: 'Two', locale: 'en-us', html_url: 'https://x.test/2', body },
          { id: 3, title: 'Three', locale: 'en-us', html_url: 'https://x.test/3', body: `<!-- plainspoke-disable simpler-words -- quoted from the form -->\n${body}` },
        ],
      }, null, 2),
    });
    const { report } = await lintJson(['kb.json'], dir);
    const simpler = report.files[0].findings.filter((f) => f.ruleId === 'simpler-words');
    expect([...new Set(simpler.map((f) => f.item!.id))]).toEqual([1, 2]);
    const one = simpler.filter((f) => f.item!.id === 1).map((f) => f.fingerprint);
    const two = simpler.filter((f) => f.item!.id === 2).map((f) => f.fingerprint);
    expect(one.length).toBeGreaterThan(0);
    for (const fp of one) expect(two).not.toContain(fp);
    expect(report.files[0].suppressed?.map((s) => s.reason)).toContain('quoted from the form');
  });

  it('--cache reuses an export\'s result, and a new --source-format or a changed item lints it again', async () => {
    const dir = project({ 'replies.json': readFileSync(join(FIXTURES, 'freshdesk-canned.json'), 'utf8') });
    const first = await lintJson(['--cache', 'replies.json'], dir);
    const again = await lintJson(['--cache', 'replies.json'], dir);
    expect(again.report.files).toEqual(first.report.files);
    const named = await lintJson(['--cache', '--source-format', 'freshdesk-articles', 'replies.json'], dir);
    // Read as articles, the items have no `description`: nothing to lint.
    expect(named.report.files[0].findings).toEqual([]);
    writeFileSync(join(dir, 'replies.json'), readFileSync(join(dir, 'replies.json'), 'utf8').replaceAll('Your call is important to us.', 'Thanks for waiting.'));
    const changed = await lintJson(['--cache', 'replies.json'], dir);
    expect(changed.report.files[0].findings.filter((f) => f.ruleId === 'robotic-phrase')).toEqual([]);
  });

  it('a baseline hides known findings per item and reports a new one in another item', async () => {
    const macro = (id: number, text: string) => ({ id, title: `M${id}`, actions: [{ field: 'comment_value', value: text }] });
    const dir = project({ 'm.json': JSON.stringify({ macros: [macro(1, 'You failed to pay.'), macro(2, 'Thanks, it is fixed.')] }) });
    await runCli(['--no-axe', '--jobs', '1', '--update-baseline', 'm.json'], { cwd: dir });
    expect((await lintJson(['--baseline', '.plainspoke-baseline.json', 'm.json'], dir)).report.files[0].findings).toEqual([]);
    // The same sentence in the other macro is a new finding: fingerprints hold the item id.
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ macros: [macro(1, 'You failed to pay.'), macro(2, 'You failed to pay.')] }));
    const { report } = await lintJson(['--baseline', '.plainspoke-baseline.json', 'm.json'], dir);
    expect(report.files[0].findings.length).toBeGreaterThan(0);
    expect(report.files[0].findings.every((f) => f.item?.id === 2)).toBe(true);
  });
});
