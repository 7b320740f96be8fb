/**
 * What a one-file run loads (issue 19): front matter that needs no YAML parser
 * (src/engine/plain-front-matter.ts) and phrase tables read one at a time
 * (src/lexicon/data.ts), so an article never reads the care tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { plainFrontMatter } from '../src/engine/plain-front-matter.js';
import { loadedTables } from '../src/lexicon/data.js';
import { lintText } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');

/** What src/config/front-matter.ts asks of the yaml package, reduced to: does it parse, and is there a `plainspoke` key? */
function yamlSays(text: string): { errors: number; map: boolean; plainspoke: boolean } {
  const doc = parseDocument(text, { customTags: [], merge: false, uniqueKeys: false, prettyErrors: true, stringKeys: true });
  if (doc.errors.length) return { errors: doc.errors.length, map: false, plainspoke: false };
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const map = Boolean(data) && typeof data === 'object' && !Array.isArray(data);
  return { errors: 0, map, plainspoke: map && Object.prototype.hasOwnProperty.call(data, 'plainspoke') };
}

const PLAIN = [
  'title: "Reset your password"\nid: 4408893476498',
  "title: What's new in UNO R4?\nid: 12",
  'title: Error "bad CPU type" on macOS',
  'layout: help\npermalink: /help/create-account/\nchild: true\norder: 5',
  "title: 'It''s here'\nempty:\ndescription: \"A \\\"quoted\\\" word and a \\\\ backslash\"",
  'redirect_to: https://developers.login.gov',
  'title: C# and F# notes # a comment\n# a whole-line comment\n\n   \nid: 3',
  'redirect_from:\n  - /articles/a\n  - "/articles/b"\ntitle: Lists',
  'redirect_from:\n- /a\n- /b',
  'title: Windows line ends\r\nid: 4\r\n',
  'title: café, naïve — “curly” quotes',
  'title: dup\ntitle: dup again',
  'title: ~\nflag: true\nn: .5',
];

const NOT_PLAIN = [
  'plainspoke:\n  channel: chat',
  'plainspoke: { channel: chat }',
  'title: a: b',
  'title: ends with a colon:',
  'title: "unclosed',
  "title: 'a'b'",
  'title: "bad \\x escape"',
  'title: "a" "b"',
  'versions:\n  fpt: "*"',
  'title: |\n  block',
  'title: >-\n  folded',
  'title: [a, b]',
  'title: {a: 1}',
  'title: &anchor x',
  'title: *alias',
  'title: !tag x',
  'title: @at',
  'title: `tick`',
  'title: %percent',
  'title: - dash',
  '- a list at the top',
  'title:\tx',
  'title: x\n  continued on the next line',
  'list:\n  - a\n   - b',
  'list:\n  -',
  'list:\n  - a: b',
  'key: x\n  - item after a value',
  '"quoted key": x',
  'key.with.dot: x',
  'key:value',
  'title: x\n---\nsecond: document',
  'title: \u00a0',
  '\u00a0',
  'title: line\u2028separator',
  'title: control \u0007 character',
  'title: emoji 🎉',
  `${'k'.repeat(1100)}: long key`,
];

describe('front matter without the YAML parser', () => {
  it('takes simple key: value front matter as plain, and YAML agrees it parses to a map without a plainspoke key', () => {
    for (const text of PLAIN) {
      expect(plainFrontMatter(text), JSON.stringify(text)).toBe(true);
      expect(yamlSays(text), JSON.stringify(text)).toEqual({ errors: 0, map: true, plainspoke: false });
    }
  });

  it('leaves everything else to the YAML parser: settings, nesting, block scalars, flow collections, odd characters', () => {
    for (const text of NOT_PLAIN) expect(plainFrontMatter(text), JSON.stringify(text)).toBe(false);
    // Some of those are broken YAML: the parser must see them to report the line.
    for (const text of ['title: a: b', 'title: "unclosed', "title: 'a'b'", 'list:\n  - a\n - b', 'title: \u00a0x: y']) {
      expect(plainFrontMatter(text)).toBe(false);
      expect(yamlSays(text).errors, JSON.stringify(text)).toBeGreaterThan(0);
    }
  });

  it('agrees with YAML on the front matter of every Markdown file in fixtures/ and rules/', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.md')) files.push(p);
      }
    };
    walk(join(ROOT, 'fixtures'));
    walk(join(ROOT, 'rules'));
    let plain = 0;
    let checked = 0;
    for (const f of files) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(readFileSync(f, 'utf8'));
      if (!m) continue;
      checked++;
      if (!plainFrontMatter(m[1])) continue;
      plain++;
      expect(yamlSays(m[1]), f).toEqual({ errors: 0, map: true, plainspoke: false });
    }
    expect(checked).toBeGreaterThan(20);
    expect(plain).toBeGreaterThan(0);
  });
});

describe('phrase tables load one at a time', () => {
  it('an article never loads the care tables; a reply does', async () => {
    const CARE = ['blame-language', 'robotic-phrase', 'acknowledge-impact', 'time-bound-commitment', 'hold-permission', 'confirm-understanding', 'care-reply', 'public-privacy', 'blame-sentence'];
    const article = '---\ntitle: Reset your password\n---\n\n# Reset your password\n\nYou can utilize the form to reset it. The link was sent by us.\n';
    const report = await lintText(article, { cwd: ROOT, filePath: 'help/reset.md', axe: false });
    expect(report.files[0].findings.map((f) => f.ruleId)).toContain('simpler-words');
    const afterArticle = loadedTables();
    expect(afterArticle).toContain('simpler-words');
    expect(afterArticle.filter((t) => CARE.includes(t))).toEqual([]);
    await lintText('Hi Sam,\n\nYou should have read the manual. We will fix it.\n', { cwd: ROOT, filePath: 'reply.md', config: { channel: 'email' }, axe: false });
    expect(loadedTables().some((t) => CARE.includes(t))).toBe(true);
  });
});

describe('inclusive-language phrases grouped by first word (issue 19)', () => {
  it('files every phrase under the first word the matcher files it under, and survives the build file layout', async () => {
    const { phrasesByFirstWord, serialisePhrases, parsePhrases } = await import('../src/rules/plain/inclusive-language.js');
    const { phraseWords } = await import('../src/lexicon/phrase-matcher.js');
    const groups = phrasesByFirstWord();
    expect(groups.size).toBeGreaterThan(500);
    for (const [first, phrases] of groups) for (const [key] of phrases) expect(phraseWords(key)[0]).toBe(first);
    // Our own entries come first within a group, so they win where both lists have a phrase.
    for (const phrases of groups.values()) {
      const from = phrases.map(([, , e]) => e.from);
      expect(from.lastIndexOf('plainspoke') < from.indexOf('retext-equality') || !from.includes('plainspoke') || !from.includes('retext-equality')).toBe(true);
    }
    const parsed = parsePhrases(serialisePhrases(groups))!;
    expect([...parsed.keys()]).toEqual([...groups.keys()]);
    for (const [first, text] of parsed) expect(JSON.parse(text as string)).toEqual(JSON.parse(JSON.stringify(groups.get(first))));
    // The file's bytes (as a built run reads them, ASCII with \u escapes) give the same groups, decoded on use.
    const ascii = serialisePhrases(groups).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const fromBytes = parsePhrases(Buffer.from(ascii, 'latin1'))!;
    expect([...fromBytes.keys()]).toEqual([...groups.keys()]);
    for (const [first, group] of fromBytes) expect(JSON.parse((group as unknown as { text(): string }).text())).toEqual(JSON.parse(JSON.stringify(groups.get(first))));
    expect(parsePhrases(Buffer.from('[\n"a":[]\n'))).toBeUndefined();
  });

  it('finds the same words whatever was linted before', async () => {
    const text = 'Each user can change his password. The chairman or chairwoman signs. Our crazy pricing is for guys and the mentally ill. Dear Sir, your husband called.\n';
    const first = await lintText(text, { cwd: ROOT, filePath: 'a.md', axe: false, config: { rules: { 'inclusive-language': 'warning' } } });
    await lintText('Nothing to see here at all, just words about cables and boards.\n', { cwd: ROOT, filePath: 'b.md', axe: false });
    const again = await lintText(text, { cwd: ROOT, filePath: 'a.md', axe: false, config: { rules: { 'inclusive-language': 'warning' } } });
    const ids = (r: typeof first) => r.files[0].findings.filter((f) => f.ruleId === 'inclusive-language').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(ids(first).length).toBeGreaterThan(3);
    expect(ids(again)).toEqual(ids(first));
  });
});

describe('GFM autolink literals only looked for where they can be (issue 19)', () => {
  /** Text nodes (outside links) with and without what a literal autolink needs; each must parse as GFM alone parses it. */
  const CASES = [
    'Plain words and a [link](https://example.com/a) with no bare address.\n',
    'Write to help@example.com or visit www.example.com today.\n',
    'See https://example.com/path?q=1 and HTTP://EXAMPLE.COM/UP and WWW.Example.org.\n',
    'Chat at xmpp:team@example.com/desk or mailto:desk@example.com please.\n',
    'An encoded at sign: help&#64;example.com, and &commat; too: desk&commat;example.org.\n',
    'Escaped: help\\@example.com, code `x@example.com`, and <https://example.com> as an autolink.\n',
    '[https://example.com](https://example.com) is link text; [ref][r] too.\n\n[r]: https://example.com\n',
    '| a | b |\n| - | - |\n| mail a@b.co | www.example.com |\n\n> quoted www.example.com/x\n\n- item help@example.com\n',
    'wwwexample.com, http:/example.com, user @ example.com, and e-mail: none.\n',
  ];

  it('wraps the transform once, and skips it only for trees it could not change', async () => {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkGfm = (await import('remark-gfm')).default;
    const remarkFrontmatter = (await import('remark-frontmatter')).default;
    const { autolinkTransformsGuarded, parseMdast, mayHaveAutolinkLiteral } = await import('../src/document/parse-markdown.js');
    expect(autolinkTransformsGuarded).toBe(1);
    const plain = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.md')) files.push(join(dir, e.name));
      }
    };
    walk(join(ROOT, 'fixtures', 'rules'));
    walk(join(ROOT, 'fixtures', 'examples'));
    const texts = [...CASES, ...files.map((f) => readFileSync(f, 'utf8'))];
    let skipped = 0;
    for (const text of texts) {
      expect(parseMdast(text)).toEqual(plain.parse(text));
      if (!mayHaveAutolinkLiteral(plain.parse(text))) skipped++;
    }
    // Most files have no bare address outside links: the transform is skipped for them.
    expect(skipped).toBeGreaterThan(texts.length / 2);
    const tree = (...children: object[]) => ({ type: 'root', children: [{ type: 'paragraph', children }] }) as never;
    const text = (value: string) => ({ type: 'text', value });
    const link = (value: string) => ({ type: 'link', url: value, children: [text(value)] });
    const looks = ['mail a@b.co', 'WWW.example.org', 'see HTTPS://x.y', 'xmpp:a@b.c'].map((v) => mayHaveAutolinkLiteral(tree(text(v))));
    const never = ['http:/x.y', 'wwwexample.com', 'plain words'].map((v) => mayHaveAutolinkLiteral(tree(text(v))));
    expect(looks).toEqual([true, true, true, true]);
    expect(never).toEqual([false, false, false]);
    expect(mayHaveAutolinkLiteral(tree(link('www.example.com'), { type: 'linkReference', children: [text('a@b.co')] }))).toBe(false);
    expect(mayHaveAutolinkLiteral(tree({ type: 'emphasis', children: [text('a@b.co')] }))).toBe(true);
  });
});

describe('fingerprints only when something reads them (issue 19)', () => {
  it('skips them for a stylish, github or junit report without a cache, baseline or history', async () => {
    const { fingerprintsUnread } = await import('../src/cli/commands/lint.js');
    for (const format of ['stylish', 'github', 'junit']) expect(fingerprintsUnread({ format }), format).toBe(true);
    for (const format of ['json', 'sarif', 'html', './my-formatter.js']) expect(fingerprintsUnread({ format }), format).toBe(false);
    expect(fingerprintsUnread({ format: 'stylish', cache: true })).toBe(false);
    expect(fingerprintsUnread({ format: 'stylish', baseline: true })).toBe(false);
    expect(fingerprintsUnread({ format: 'stylish', baseline: 'known.json' })).toBe(false);
    expect(fingerprintsUnread({ format: 'stylish', baseline: false })).toBe(true);
    expect(fingerprintsUnread({ format: 'stylish', updateBaseline: true })).toBe(false);
    expect(fingerprintsUnread({ format: 'stylish', history: 'reports/' })).toBe(false);
  });

  it('still writes them in the JSON report', async () => {
    const report = await lintText('You can utilize the form. The link was sent by us.\n', { cwd: ROOT, filePath: 'help/a.md', axe: false });
    expect(report.files[0].findings.length).toBeGreaterThan(0);
    for (const f of report.files[0].findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{8,}$/);
  });
});

describe('phrase tables go into the matcher word by word (issue 19)', () => {
  it('finds the same hits, in the same order, as a matcher built whole', async () => {
    const { PhraseMatcher } = await import('../src/lexicon/phrase-matcher.js');
    const { table } = await import('../src/lexicon/data.js');
    const { createDoc } = await import('../src/document/document.js');
    const sentences = [];
    for (const id of ['simpler-words', 'jargon', 'passive-voice', 'sensory-language', 'inclusive-language']) {
      const dir = join(ROOT, 'fixtures', 'rules', id);
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) sentences.push(...createDoc(name, readFileSync(join(dir, name), 'utf8'), 'markdown', 'article').sentences);
    }
    // Phrases whose first word also starts an add() made after them, a leading mark, and exact case.
    const extra: [string, boolean][] = [['utilize the form', false], ['- utilize', false], ['UTILIZE', true], ['utilize', false]];
    let hits = 0;
    for (const name of ['simpler-words', 'jargon']) {
      const whole = new PhraseMatcher<string>();
      const lazy = new PhraseMatcher<string>();
      table(name).entries.forEach((entry, i) => {
        for (const phrase of entry.match) {
          whole.add(phrase, `${i}`, entry.case === true);
          lazy.addLazily(phrase, `${i}`, entry.case === true);
        }
      });
      extra.forEach(([phrase, exact], i) => {
        whole.add(phrase, `extra ${i}`, exact);
        if (i % 2) lazy.add(phrase, `extra ${i}`, exact);
        else lazy.addLazily(phrase, `extra ${i}`, exact);
      });
      for (const sentence of sentences) {
        const see = (m: InstanceType<typeof PhraseMatcher<string>>) => m.find(sentence).map((h) => `${h.first.start}-${h.last.end} ${h.phrase} ${h.value}`);
        const expected = see(whole);
        expect(see(lazy), sentence.text).toEqual(expected);
        hits += expected.length;
      }
    }
    expect(hits).toBeGreaterThan(50);
  });

  it('finds the same hits from the build index of first words as from the table', async () => {
    const { PhraseMatcher } = await import('../src/lexicon/phrase-matcher.js');
    const { table, readTablesFromYaml, serialisePhraseIndex } = await import('../src/lexicon/data.js');
    const { createDoc } = await import('../src/document/document.js');
    const sentences = [];
    for (const id of ['simpler-words', 'jargon', 'minimizing-language']) {
      const dir = join(ROOT, 'fixtures', 'rules', id);
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) sentences.push(...createDoc(name, readFileSync(join(dir, name), 'utf8'), 'markdown', 'article').sentences);
    }
    // The layout the build writes: one table a line.
    const lines = new Map<string, { n: number; w: Record<string, number[]>; l: number[] }>();
    for (const line of serialisePhraseIndex(readTablesFromYaml()).split('\n')) {
      if (!line.startsWith('"')) continue;
      const colon = line.indexOf('":');
      lines.set(JSON.parse(line.slice(0, colon + 1)) as string, JSON.parse(line.slice(colon + 2).replace(/,$/, '')));
    }
    expect(lines.has('passive-voice')).toBe(false);
    let hits = 0;
    for (const name of ['simpler-words', 'jargon', 'minimizing-language']) {
      const entries = table(name).entries;
      const { n, w, l } = lines.get(name)!;
      expect(n).toBe(entries.length);
      const literals = entries.flatMap((entry, i) => entry.match.filter((m) => /[^\p{L}\p{N}\s'’-]/u.test(m)).map((m) => `${i} ${m}`));
      const listed = [];
      for (let k = 0; k < l.length; k += 2) listed.push(`${l[k]} ${entries[l[k]].match[l[k + 1]]}`);
      expect(listed).toEqual(literals);
      const lazy = new PhraseMatcher<string>();
      const indexed = new PhraseMatcher<string>();
      entries.forEach((entry, i) => {
        for (const phrase of entry.match) lazy.addLazily(phrase, `${i}`, entry.case === true);
      });
      indexed.addIndexed((first) => {
        if (!Object.hasOwn(w, first)) return undefined;
        const pairs = w[first];
        const group = [];
        for (let k = 0; k < pairs.length; k += 2) group.push({ phrase: entries[pairs[k]].match[pairs[k + 1]], value: `${pairs[k]}`, exactCase: entries[pairs[k]].case === true });
        return group;
      });
      for (const sentence of sentences) {
        const see = (m: InstanceType<typeof PhraseMatcher<string>>) => m.find(sentence).map((h) => `${h.first.start}-${h.last.end} ${h.phrase} ${h.value}`);
        const expected = see(lazy);
        expect(see(indexed), sentence.text).toEqual(expected);
        hits += expected.length;
      }
    }
    expect(hits).toBeGreaterThan(50);
  });

  it('simpler-words reads the same inflected forms from the build file as it makes', async () => {
    const { computeDerived, serialiseForms, parseForms } = await import('../src/rules/plain/simpler-words.js');
    const { table } = await import('../src/lexicon/data.js');
    const entries = table('simpler-words').entries;
    const made = computeDerived();
    const read = parseForms(serialiseForms(), entries)!;
    expect(made.size).toBeGreaterThan(500);
    for (const [form, d] of made) expect(read.get(form), form).toEqual(d);
    for (const word of ['', 'a', 'utilize', 'zzz', 'constructor', '__proto__', 'terminat', 'terminatingg']) expect(read.get(word), word).toEqual(made.get(word));
    // Made from another table: not used.
    expect(parseForms(serialiseForms(), entries.slice(1))).toBeUndefined();
  });
});

describe('standard output and error without Node.js streams (issue 19)', () => {
  it('writes straight to the file descriptor, and leaves the rest to the stream when it cannot', async () => {
    const { StdStream } = await import('../src/cli/io.js');
    const { mkdtempSync, openSync, closeSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'plainspoke-io-')), 'out.txt');
    const fd = openSync(file, 'w');
    let opened = 0;
    const fake = (log: string[]) => () => {
      opened++;
      const stream = { write: (s: string | Uint8Array) => log.push(String(Buffer.from(s))) > 0, isTTY: true, on: () => stream };
      return stream as unknown as NodeJS.WriteStream;
    };
    const direct: string[] = [];
    const out = new StdStream(fd, fake(direct));
    expect(out.write('plain ')).toBe(true);
    expect(out.write('café ✓\n')).toBe(true);
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('plain café ✓\n');
    expect(opened).toBe(0);
    // A descriptor that cannot be written (none is open under that number): the stream gets the whole text, and every later write.
    const later: string[] = [];
    const broken = new StdStream(1_000_000, fake(later));
    broken.write('first\n');
    broken.write('second\n');
    expect(later).toEqual(['first\n', 'second\n']);
    expect(opened).toBe(1);
    // isTTY of a file or a pipe is Node.js's answer for them (undefined), without making the stream.
    const fileFd = openSync(file, 'a');
    const notTerminal = new StdStream(fileFd, fake([]));
    expect(notTerminal.isTTY).toBeUndefined();
    closeSync(fileFd);
    expect(opened).toBe(1);
    // A character device may be a terminal: isTTY is the stream's.
    const devNull = openSync('/dev/null', 'w');
    const asked = new StdStream(devNull, fake([]));
    expect(asked.isTTY).toBe(true);
    closeSync(devNull);
    expect(opened).toBe(2);
  });
});

describe('empty anchors in Markdown without the HTML parser (issue 19)', () => {
  /** The hast of `text` as document.ts renders it: the light path's tree, or undefined when it declines, and hast-util-raw's. */
  async function bothTrees(text: string) {
    const { createDoc } = await import('../src/document/document.js');
    const { lightRaw } = await import('../src/document/load-html-support.js');
    const { toHast } = await import('mdast-util-to-hast');
    const { raw } = await import('hast-util-raw');
    const { VFile } = await import('vfile');
    const mdast = createDoc('a.md', text, 'markdown', 'article').mdast!;
    const light = lightRaw(toHast(mdast, { allowDangerousHtml: true }));
    const full = raw(toHast(mdast, { allowDangerousHtml: true }), { file: new VFile('') });
    return { light, full };
  }

  const SAME = [
    '# Pins\n\n<a id="header-pins"></a>\n\n## Using the pins\n\nConnect the battery.\n',
    'Read [the guide](#pins). <a name="old-name" id="new_id-2"></a> Then go on.\n\n* one <a id="in-list"></a> item\n* `code` and **bold**\n\n> <a name="quoted"></a> said\n',
    '| a | b |\n| --- | :-: |\n| <a id="cell"></a> x | ![alt](i.png "title") |\n\n```js\nlet a = 1;\n```\n\n1. first\n2. <a id="two"></a>second\n',
    // HTML comments too (the light path makes the comment node hast-util-raw makes).
    '<!-- A note for editors -->\n\n# Title <!-- x -->\n\nText <!-- inline --> more <a id="c"></a>.\n\n<!--\nTwo\nlines\n-->\n\n* item <!---->\n',
    '> <!-- in a\n> quote -->\n>\n> quoted <!-- c --> text\n\n| a |\n| - |\n| <!-- cell --> b |\n',
    // And key names: one text node (or none) between `<kbd>` and `</kbd>`.
    'Press <kbd>Ctrl</kbd> now.\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>, or <kbd></kbd>.\n\n* <kbd>Tab</kbd> <!-- c -->\n\n# <kbd>Esc</kbd> <a id="esc"></a>\n',
  ];
  it('gives the tree hast-util-raw gives, key order and all', async () => {
    const { isDeepStrictEqual } = await import('node:util');
    for (const text of SAME) {
      const { light, full } = await bothTrees(text);
      expect(light, text).toBeDefined();
      expect(JSON.stringify(light), text).toBe(JSON.stringify(full));
      expect(isDeepStrictEqual(light, full), text).toBe(true);
    }
  });

  const DECLINED = [
    'Press <kbd>**Ctrl**</kbd> now.\n',
    'Press <kbd>Ctrl now.\n',
    'Press <kbd class="k">Ctrl</kbd> now.\n',
    'Line one  \nline two <a id="x"></a>\n',
    'Text[^1] <a id="x"></a>\n\n[^1]: A note.\n',
    '* [ ] task <a id="x"></a>\n',
    '[a link <a id="x"></a> inside](#y)\n',
    'An <a>anchor</a> with text.\n',
    'An <a></a> with no attribute.\n',
    'An <a id=\'x\'></a> in single quotes.\n',
    'An <a id="x y"></a> with a space.\n',
    'An <a id="x" id="y"></a> twice.\n',
    'An <A ID="x"></A> in capitals.\n',
    'Windows\r\nline ends <a id="x"></a>\r\n',
    '<div>\n\nA block.\n\n</div>\n',
    '<!-- a comment --> <a id="x"></a>\n',
    '<!-- a -- b -->\n',
    '<!--> x -->\n',
    '<!-- a --!> b -->\n',
    'Text <!-- a ---> b\n',
    '[a link <!-- c --> inside](#y)\n',
    'Windows\r\n<!-- a\r\ncomment -->\r\n',
  ];
  it('leaves every other tree to hast-util-raw, unchanged', async () => {
    const { toHast } = await import('mdast-util-to-hast');
    const { createDoc } = await import('../src/document/document.js');
    const { lightRaw } = await import('../src/document/load-html-support.js');
    for (const text of DECLINED) {
      const tree = toHast(createDoc('a.md', text, 'markdown', 'article').mdast!, { allowDangerousHtml: true });
      const before = JSON.stringify(tree);
      expect(lightRaw(tree), text).toBeUndefined();
      expect(JSON.stringify(tree), text).toBe(before);
    }
  });
});
