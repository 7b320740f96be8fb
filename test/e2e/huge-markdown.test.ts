/**
 * Big Markdown is parsed in chunks (issue 7; src/document/markdown-chunks.ts).
 * With a tiny chunk size forced, the chunked parse must give the same mdast,
 * positions included, and the same findings as parsing the text whole.
 * Speed is measured by `npm run bench`, never asserted here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { findCut, parseMaybeChunked, scanDefinitionLabels } from '../../src/document/markdown-chunks.js';
import { markdownChunking, parseMdast } from '../../src/document/parse-markdown.js';
import { ConfigResolver } from '../../src/config/resolve.js';
import { lintSource } from '../../src/engine/lint-source.js';
import axeRule, { axeSections, sectionsOf } from '../../src/rules/a11y/axe.js';
import { createDoc } from '../../src/document/document.js';
import { generatedMarkdown } from '../helpers/generated-markdown.js';

const whole = (text: string): Root => parseMdast(text, { threshold: Infinity });

/** The chunked tree and how many chunks it took (parse calls, re-parses included). */
function chunked(text: string, target: number): { tree: Root; parses: number } {
  let parses = 0;
  const tree = parseMaybeChunked(
    text,
    (t) => {
      parses++;
      return whole(t);
    },
    { threshold: 0, target },
  );
  return { tree, parses };
}

function expectSameTree(text: string, targets: number[]): void {
  const want = whole(text);
  for (const target of targets) {
    const { tree, parses } = chunked(text, target);
    expect(parses, `target ${target}: parsed in chunks`).toBeGreaterThan(1);
    expect(tree, `target ${target}`).toEqual(want);
  }
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** Every Markdown fixture of ours, one after another. */
const FIXTURES = markdownFiles('fixtures')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n\n');

/**
 * The accessibility fixtures, each under a heading of its own so axe can check
 * them a section at a time. Those with template tags are left out: with one,
 * `  <div role="img">` after an HTML comment crashes the axe renderer, whole
 * page or not (src/a11y/axe/render.ts, onlySilent on a text node with no start).
 */
const A11Y_FIXTURES = markdownFiles('fixtures/rules')
  .filter((f) => /\/(axe|image-alt|link-text|heading-order|table-headers|media-alternatives)\//.test(f))
  .map((f) => readFileSync(f, 'utf8'))
  .filter((t) => !t.includes('{%'))
  .map((t, i) => `## Fixture ${i}\n\n${t}`)
  .join('\n\n');

const TRICKY = `---
title: Refunds and billing
tags: [billing, refunds]
---

# Refunds

Intro with a [reference link][billing], a [multi
line label] and a footnote.[^note]

\`\`\`js
const a = 1;

const b = 2;
\`\`\`

~~~~
tilde fence

\`\`\`
still inside the tilde fence
~~~~

    indented code

    more indented code

<pre>
preformatted

text
</pre>

<!-- a comment

that spans blank lines -->

<div>
html block
</div>

Setext heading
==============

Another setext
---

- item one

- item two

  continued paragraph

- item three
lazy continuation

1. first
2. second

   nested paragraph

3. third

> quote line
lazy quote line

> second quote
>
> > [quoted]: https://example.com/quoted

| Plan | Price |
| --- | --- |
| Basic | 5 |

Text after the table, see [quoted].

[billing]: https://example.com/billing "Billing"
[^note]: The footnote text.

    indented footnote continuation

Later paragraph using [billing], [Billing][] and ![image][pic].

[pic]: ./pic.png

<script>
var x = 1;

var y = 2;
</script>

<?php

echo 1;

?>

<!DOCTYPE html>

<![CDATA[
data

more
]]>

  \`\`\`
  indented fence opener

  content
  \`\`\`

- list with a fence
  \`\`\`
  code in list

  more code
  \`\`\`

- item
  \`\`\`
  code

para after the list

\`\`\`
a real fence the line scanner can miss

still fence
\`\`\`

<div>
\`\`\`
</div>

text

\`\`\`
fence

more fence
\`\`\`

\`\`\`
[fake]: https://example.com/not-a-definition
\`\`\`

Not a link: [fake]. A link: [multi line label].

[multi
line label]: https://example.com/multi

***

+ plus list

Final paragraph with an autolink https://example.com and a footnote call.[^note]
`;

/** A fence left open runs to the end of the file. */
const OPEN_FENCE = `# Title

Para one.

Para two.

\`\`\`
open fence

never closed

Para three.
`;

/** A definition-like line in a fence is no definition: the chunk that used its label is parsed again. */
const FAKE = `# Fake

\`\`\`
[fake]: https://example.com/x
[^fakenote]: text
\`\`\`

Para one [fake] and a call.[^fakenote]

Para two [fake][] and [text][fake].

[real]: https://example.com/real

Para three [real].
`;

const TOML = `+++
title = "Plus"
+++

# Heading

Text with [ref].

More text.

[ref]: https://example.com/ref
`;

describe('markdown chunks: the same tree', () => {
  it('our fixtures concatenated', () => {
    expectSameTree(FIXTURES, [1500]);
  });

  it('fences, HTML blocks, lists, quotes, tables, setext headings, definitions and footnotes across chunks', () => {
    // Target 1 cuts at every safe place; larger targets put the cuts elsewhere.
    expectSameTree(TRICKY, [1, 40, 100, 300, 700]);
  });

  it('CRLF and CR line endings', () => {
    expectSameTree(TRICKY.replace(/\n/g, '\r\n'), [1, 100, 500]);
    expectSameTree(TRICKY.replace(/\n/g, '\r'), [1, 200]);
  });

  it('a fence left open to the end, and TOML front matter', () => {
    expectSameTree(OPEN_FENCE, [1, 15]);
    expectSameTree(TOML, [1, 30]);
    expectSameTree(FAKE, [1, 40]);
  });

  it('generated help articles', () => {
    expectSameTree(generatedMarkdown(60, 3), [2000, 8000]);
  });

  it('cuts only after a blank line, before a line at column 0 that continues nothing', () => {
    const text = '# A\n\n- one\n\n  two\n\nthree\n\n> four\n\n```\nfive\n\nsix\n```\n\nseven\n';
    const cuts: number[] = [];
    for (let at = findCut(text, 0, 0); at !== -1; at = findCut(text, at, at + 1)) cuts.push(at);
    expect(cuts.map((c) => text.slice(c, text.indexOf('\n', c)))).toEqual(['three', '```', 'seven']);
  });

  it('finds definition labels in a line scan, also in containers', () => {
    const labels = scanDefinitionLabels('[One]: /a\n> [two  words]: /b\n- [^Note]: text\n[no] colon\n');
    expect([...labels.keys()]).toEqual(['one', 'two words', '^note']);
  });

  it('keeps front matter first and many definitions resolved', () => {
    const defs = Array.from({ length: 40 }, (_, i) => `[ref ${i}]: https://example.com/${i}\n[^n${i}]: Note ${i}.`).join('\n');
    const uses = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} links to [ref ${39 - i}] and [Ref ${i}][], a note.[^n${i}]`).join('\n\n');
    // Labels over two lines (one in a blockquote), case folding beyond ASCII, an escaped bracket.
    const odd = '> Quoted [two\n> words] link.\n\nA [STRASSE] and [a\\]b] link.\n\n[Two  Words]: /two\n[Straße]: /street\n[a\\]b]: /escaped\n';
    expectSameTree(`---\na: 1\n---\n\n${uses}\n\n${odd}\n${defs}\n`, [1, 300]);
  });
});

describe('markdown chunks: the same findings', () => {
  const axeDefaults = { ...axeSections };
  afterEach(() => {
    delete markdownChunking.threshold;
    delete markdownChunking.target;
    Object.assign(axeSections, axeDefaults);
  });

  const resolver = ConfigResolver.fromData({ root: true }, 'test config', process.cwd());
  const lint = async (text: string, noAxe: boolean) => {
    const r = await lintSource({ path: 'big.md', absPath: join(process.cwd(), 'big.md'), bytes: Buffer.from(text) }, resolver, { noAxe });
    expect(r.error).toBeUndefined();
    return { findings: r.findings.map(({ ruleId, line, column, endLine, endColumn, message, severity }) => ({ ruleId, line, column, endLine, endColumn, message, severity })), metrics: r.metrics };
  };

  const same = async (text: string, target: number, noAxe: boolean) => {
    const want = await lint(text, noAxe);
    markdownChunking.threshold = 0;
    markdownChunking.target = target;
    const got = await lint(text, noAxe);
    expect(got).toEqual(want);
    expect(want.findings.length).toBeGreaterThan(0);
  };

  it('on our fixtures concatenated (--no-axe)', async () => {
    await same(FIXTURES, 1500, true);
  });

  it('on the tricky document (axe on), and with CRLF', async () => {
    await same(TRICKY, 1, false);
    await same(TRICKY.replace(/\n/g, '\r\n'), 150, true);
  });

  it('axe a section at a time finds what it finds on the whole page', async () => {
    const text = A11Y_FIXTURES;
    const want = await lint(text, false);
    axeSections.threshold = 0;
    axeSections.target = 1;
    expect(sectionsOf(createDoc('a.md', text, 'markdown', 'article').hast, 1).length).toBeGreaterThan(5);
    const got = await lint(text, false);
    expect(got).toEqual(want);
    expect(want.findings.filter((f) => f.ruleId.startsWith('axe/')).length).toBeGreaterThan(3);
  });
});

describe('axe on a big file', () => {
  it('does not start when the file has used most of its time', async () => {
    const doc = createDoc('a.md', '# Title\n\n<img src="a.png">\n', 'markdown', 'article');
    const settings = { ...ConfigResolver.fromData({ root: true }, 'test config', process.cwd()).resolve(join(process.cwd(), 'a.md')), timeout: 1 };
    const reported: { messageId: string; data?: Record<string, unknown> }[] = [];
    await axeRule.check(doc, { options: {}, severity: 'error', channel: 'article', settings, report: (r) => void reported.push(r) });
    expect(reported).toEqual([expect.objectContaining({ messageId: 'noTime', data: { seconds: 1 } })]);
  });

  it('splits a page before h1 and h2 only, past the target size', () => {
    const doc = createDoc('a.md', '# One\n\nText.\n\n### Three\n\nMore text.\n\n## Two\n\nLast.\n', 'markdown', 'article');
    const sections = sectionsOf(doc.hast, 1);
    expect(sections.map((s) => doc.text.slice(s.start, s.start + 6))).toEqual(['# One\n', '## Two']);
  });
});

describe('a huge Markdown file', () => {
  // The slow one (about ten seconds): it only checks that such a file finishes; `npm run bench` measures speed.
  it('a 2 MB file lints to the end (--no-axe)', async () => {
    const text = generatedMarkdown(2048, 11);
    // A generous time limit: a busy test machine must not turn this into a timeout.
    const resolver = ConfigResolver.fromData({ root: true, timeout: 600 }, 'test config', process.cwd());
    const r = await lintSource({ path: 'huge.md', absPath: join(process.cwd(), 'huge.md'), bytes: Buffer.from(text) }, resolver, { noAxe: true });
    expect(r.error).toBeUndefined();
    const lines = text.split('\n').length;
    expect(r.findings.length).toBeGreaterThan(1000);
    // Findings reach the end of the file.
    expect(Math.max(...r.findings.map((f) => f.line))).toBeGreaterThan(lines * 0.95);
  }, 120_000);
});
