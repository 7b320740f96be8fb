/**
 * Issue 19: a Markdown text without `@`, without `|`, `:-` and `-:`, or without `[^` is parsed by a
 * processor that lacks the GFM e-mail literal, table or footnote constructs
 * (src/document/parse-markdown.ts). The tree must be the one the full processor gives.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { markdownFeatures, parseMdast } from '../src/document/parse-markdown.js';

const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Pieces of Markdown, most without the telltale characters, a few with them; joined at random into texts. */
const PIECES = [
  '# Heading one',
  'Setext heading\n---',
  'Another setext\n===',
  'A paragraph with *emphasis*, __strong__, `code` and a [link](https://example.com/a_b).',
  'Visit www.example.com or https://example.com/path?q=1 today.',
  'user at example dot com, name.surname+tag and under_score words.',
  '- item one\n- item two\n  continued lazily\n- [ ] a task\n- [x] done',
  '1. first\n2. second\n\n   indented paragraph',
  '> a quote\n> with *two* lines\nlazy line',
  '```js\nconst a = b - c;\n```',
  '    indented code\n    more',
  'Term\n:\ndefinition-like line',
  'Header a  Header b\n--- ---',
  'Left\n:\n-',
  'Right -:\n---:',
  'Centre\n:---:',
  'Not a table\n- : -',
  '<div class="x">\n<p>raw html</p>\n</div>',
  'Line with trailing spaces  \nand a hard break\\\nand more',
  '[ref]: https://example.com/ref "Title"',
  'A [ref] and a [full][ref] reference, an image ![alt](x.png) and ![ref].',
  '~~struck~~ and ~single~ tildes',
  '***',
  '[^not a footnote] but [ ^spaced] and ^caret[',
  '---\ntitle: front\n---',
  'Text with & entities &amp; &#35; and \\* escapes.',
  'word-word -- dash - hyphen -:- odd :: colons :) smiley',
  'Write to help@example.com, or to @team on chat.',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  'A note[^1].\n\n[^1]: The footnote.',
];

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(count: number): string[] {
  const next = rng(19);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(next() * 8);
    const parts: string[] = [];
    for (let k = 0; k < n; k++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
    // Blank lines between most pieces, a single newline (lazy continuation, setext) between some.
    out.push(parts.reduce((text, p) => text + (next() < 0.75 ? '\n\n' : '\n') + p));
  }
  return out;
}

describe('Markdown parsed without the GFM constructs it cannot use', () => {
  it('names the features from their telltale characters', () => {
    expect(markdownFeatures('plain words only')).toBe(0);
    expect(markdownFeatures('mail a@b.co')).toBe(1);
    expect(markdownFeatures('a | b')).toBe(2);
    expect(markdownFeatures('a\n:-')).toBe(2);
    expect(markdownFeatures('a\n-:')).toBe(2);
    expect(markdownFeatures('a[^1]')).toBe(4);
    expect(markdownFeatures('a@b | c [^1]')).toBe(7);
  });

  it('needs `:-` and `-:` as well as `|` for a table: a delimiter row may have no pipe', () => {
    for (const text of ['a\n:-\n', 'a\n-:\n', 'a\n:-:\n']) {
      const tree = full.parse(text) as { children: { type: string }[] };
      expect(tree.children.map((c) => c.type)).toEqual(['table']);
      expect(parseMdast(text)).toEqual(full.parse(text));
    }
  });

  // test/start-up.test.ts compares every Markdown fixture the same way.
  it('gives the full processor’s tree for generated texts', () => {
    const texts = generated(300);
    const byFeatures = new Map<number, number>();
    for (const text of texts) {
      const f = markdownFeatures(text);
      byFeatures.set(f, (byFeatures.get(f) ?? 0) + 1);
      // As JSON (key order included): toEqual on some hundred trees takes seconds.
      expect(JSON.stringify(parseMdast(text)), text).toBe(JSON.stringify(full.parse(text)));
    }
    // Texts without any of the three features, and texts with some of them, were both compared.
    expect(byFeatures.get(0)).toBeGreaterThan(50);
    expect([...byFeatures.keys()].filter((k) => k !== 0).length).toBeGreaterThan(2);
  });
});
