/**
 * src/a11y/axe/proofs.ts: a page is left out of axe only when axe would pass it. Each rule without a
 * proof cannot match a page of the provable tags (checked against axe-core's own selectors), and on
 * every page a proof passes, axe itself finds nothing; on the pages built to break one proof each,
 * the proof fails and axe does report that rule. test/e2e/axe-proofs.test.ts does the same over every
 * Markdown fixture and the shared corpus.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../src/document/document.js';
import { loadEngine, proofStats, runAxe } from '../src/a11y/axe/engine.js';
import { AXE_RULES } from '../src/a11y/axe/catalog.js';
import { mayMatch } from '../src/a11y/axe/candidates.js';
import { PROVABLE_PROPERTIES, PROVABLE_TAGS, PROVEN_RULES, provableTag, provenClean, rulesLeft } from '../src/a11y/axe/proofs.js';
import { likelyNeedsAxe } from '../src/a11y/axe/likely.js';
import { prepareForAxe } from '../src/a11y/axe/render.js';

const CONTENT = Object.entries(AXE_RULES)
  .filter(([, e]) => e.mode === 'content')
  .map(([id]) => id);

/** axe on the page twice: as a run would (proofs on), and always running axe. */
async function both(text: string, rules: readonly string[] = CONTENT) {
  const doc = createDoc('x.md', text, 'markdown', 'article');
  const input = { hast: doc.hast, fragment: doc.fragment, text, markdown: true, placeholders: doc.placeholders, rules, budgetMs: 60_000 };
  const before = proofStats.proven;
  const withProofs = await runAxe(input);
  const proven = proofStats.proven > before;
  const axe = await runAxe({ ...input, noProofs: true });
  if (withProofs.kind !== 'done' || axe.kind !== 'done') throw new Error('axe did not run');
  return { proven, withProofs: withProofs.findings.map((f) => f.id), axe: [...new Set(axe.findings.map((f) => f.id))].sort() };
}

describe('axe proofs', () => {
  it('every content rule without a proof cannot match a page of the provable tags and attributes', async () => {
    const eng = await loadEngine();
    // `style` too: a provable page may have one when it only sets inert properties (or hides a block of text).
    const page = { tags: new Set(PROVABLE_TAGS), attrs: new Set([...PROVABLE_PROPERTIES.values(), 'style']) };
    const applicable = CONTENT.filter((id) => mayMatch(eng.subjects.get(id), page)).sort();
    expect(applicable).toEqual([...PROVEN_RULES].sort());
  });

  it('no axe rule names a tag HTML does not define, so such a tag is reached only through its attributes', async () => {
    const eng = await loadEngine();
    const named = [...eng.subjects.values()].flatMap((subjects) => subjects ?? []).flatMap((s) => (s.tag ? [s.tag] : []));
    expect(named.length).toBeGreaterThan(20);
    // A named tag that provableTag() accepts but PROVABLE_TAGS does not list would be one HTML does not define.
    expect(named.filter((tag) => provableTag(tag) && !PROVABLE_TAGS.has(tag))).toEqual([]);
    expect(provableTag('device')).toBe(true);
    expect(provableTag('button')).toBe(false);
  });

  it('runs axe when a config turns on a rule that is off by default, or a page rule', async () => {
    const text = 'Plain text with a [link](/x).\n';
    expect((await both(text)).proven).toBe(true);
    expect((await both(text, [...CONTENT, 'color-contrast'])).proven).toBe(false);
    expect((await both(text, [...CONTENT, 'region'])).proven).toBe(false);
  });

  it('leaves a plain article out of axe, and axe agrees it passes', async () => {
    const text = '# Reset your router\n\nHold the **Reset** button for 10 seconds.\n\n## If it does not restart\n\n1. Unplug it.\n2. See [the power guide](/power).\n\n![Router with the reset button circled](router.png)\n';
    expect(await both(text)).toEqual({ proven: true, withProofs: [], axe: [] });
  });

  // One page per proof, each built to fail it: the proof must not pass, and axe must report the rule.
  const broken: [string, string, string][] = [
    ['link-name', 'Read [](/guide) first.\n', 'link-name'],
    ['link-name (white space only)', 'Read <a href="/guide">  </a> first.\n', 'link-name'],
    ['empty-heading', '## Steps\n\n###\n\nText.\n', 'empty-heading'],
    ['heading-order', '## Steps\n\n#### Detail\n', 'heading-order'],
    ['image-alt (Markdown empty alt)', '![](shot.png)\n', 'image-alt'],
    ['image-alt (white space alt)', 'See <img src="a.png" alt=" ">.\n', 'image-alt'],
    ['image-redundant-alt', '<p><img src="logo.png" alt="Acme logo"> Acme   Logo</p>\n', 'image-redundant-alt'],
    ['list', '<ul><li>One</li>Two</ul>\n', 'list'],
    ['listitem', '<div><li>Loose item</li></div>\n', 'listitem'],
    ['link-name (inside a tag HTML does not define)', 'Open the <Device name> panel, then [](/settings).\n', 'link-name'],
    ['empty-table-header', '|   | Price |\n| - | - |\n| Tea | 2 |\n', 'empty-table-header'],
    ['link-name (text hidden by a style)', 'Read <a href="/guide"><span style="display:none">the guide</span></a> first.\n', 'link-name'],
    ['link-name (image with an empty alt)', '<a href="/get"><img src="d.png" alt=""></a>\n', 'link-name'],
    ['empty-heading (text hidden by a style)', '<h2><span style="display: none">Steps</span></h2>\n\nText.\n', 'empty-heading'],
    ['heading-order (a hidden heading between)', '## Steps\n\n<h3 style="display:none">Hidden</h3>\n\n#### Detail\n', 'heading-order'],
  ];
  for (const [name, text, rule] of broken) {
    it(`does not leave out a page that breaks ${name}`, async () => {
      const r = await both(text);
      expect(r.proven).toBe(false);
      expect(r.axe).toContain(rule);
    });
  }

  it('near the edges, a page it leaves out still passes axe', async () => {
    const pages = [
      'Read [the *guide*](/guide) and [2](/p2).\n',
      '# A\n\n## B\n\n### C\n\n## D\n\n# E\n\n## F\n',
      '<p><img src="logo.png" alt="Acme logo"> Acme logo shop</p>\n',
      '[![Download](d.png) Download now](/get)\n',
      'Press <kbd>Ctrl</kbd> + <kbd>C</kbd>, then <b>paste</b>.<br>Done.\n',
      '<div><span>Text in a span</span></div>\n\n---\n',
      '- one\n  - two\n    - three\n',
      '| Plan | Price | Seats |\n| :- | -: | :-: |\n| Basic | 5 | 1 |\n| Team | 20 | 10 |\n| Firm | 90 | 50 |\n',
      '<a id="top"></a>\n\n## Start <a id="start"></a>\n\nBack to [the top](#top).\n',
      'See the note[^1] and [the guide][g].[^n]\n\n[g]: /guide\n[^1]: The first note, with [a link](/x).\n[^n]: Second.\n',
      '<a name="public-data"></a>\n\n1. Find the \u201c<Device name> Settings\u201d panel.\n2. Open [the guide](/guide).\n\n## Next\n\n![A board](board.png)\n',
      // Styles that hide nothing, and a block of text hidden from everyone at the top of the page.
      '<table><thead><tr><th style="width:auto;text-align:center">Plan</th><th style="font-weight: bold">Price</th></tr></thead><tbody><tr><td style="vertical-align: top;">Basic</td><td>5</td></tr></tbody></table>\n',
      '<p style="color: #333; background-color: #fff; margin: 0 0 1em; padding: 2px">See <span style="font-style: italic">the guide</span>.</p>\n\n<hr style="height:2px">\n',
      '# Upload a sketch\n\nPress the button.\n\n<p style="display:none;">\n  Tags: upload, subir, t\u00e9l\u00e9verser\n</p>\n',
      // A link named by its image's alt text.
      '[![Get it on the store](badge.png)](https://example.com/app)\n',
    ];
    for (const text of pages) {
      const r = await both(text);
      expect(r, text).toEqual({ proven: true, withProofs: [], axe: [] });
    }
  });

  it('does not try a page with a tag, attribute or rule it has no proof for', () => {
    const tree = (text: string) => {
      const doc = createDoc('x.md', text, 'markdown', 'article');
      const p = prepareForAxe({ hast: doc.hast, fragment: doc.fragment, text, markdown: true });
      if ('skip' in p) throw new Error('not rendered');
      return p.tree;
    };
    const ok = () => true;
    expect(provenClean(tree('Plain text.\n'), CONTENT, ok)).toBe(true);
    expect(provenClean(tree('| a |\n| - |\n| 1 |\n'), CONTENT, ok)).toBe(true);
    expect(provenClean(tree('Text[^1].\n\n[^1]: A note.\n'), CONTENT, ok)).toBe(true);
    expect(provenClean(tree('<span aria-label="Greeting">Hi</span>\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('<a href="/x" aria-label="Close">Close this</a>\n'), CONTENT, ok)).toBe(false);
    // aria-describedby naming an id two elements have, or none.
    expect(provenClean(tree('See <a href="/x" aria-describedby="d">the form</a>.\n\n<span id="d">A</span> <span id="d">B</span>\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('See <a href="/x" aria-describedby="gone">the form</a>.\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('<table><tr><td>a</td></tr></table>\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('| Plan | Price |\n| - | - |\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('<span lang="fr">Bonjour</span>\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('<span role="note">Hi</span>\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('Plain text.\n'), ['document-title'], (id) => AXE_RULES[id].mode !== 'page')).toBe(false);
    // Styles that can hide or reveal something, or that these proofs do not read.
    for (const style of ['opacity: 0', 'visibility: hidden', 'overflow: hidden', 'position: absolute', 'clip-path: inset(50%)', 'display: flex', 'width: 0', 'height: 0px', 'color: var(--x)', 'font-size: 0', 'text-indent: -999px', 'display:none; color: red']) {
      expect(provenClean(tree(`<span style="${style}">Hi</span>\n`), CONTENT, ok), style).toBe(false);
    }
    // display: none only on a top-level block of text: not inside another element, not around an element.
    expect(provenClean(tree('<p style="display:none">Tags: a, b</p>\n'), CONTENT, ok)).toBe(true);
    expect(provenClean(tree('<div><p style="display:none">Tags: a, b</p></div>\n'), CONTENT, ok)).toBe(false);
    expect(provenClean(tree('<p style="display:none">See <a href="/x">x</a></p>\n'), CONTENT, ok)).toBe(false);
  });

  it('leaves out the rules whose proofs hold, and axe on the others finds what axe on all of them finds', async () => {
    const doc = createDoc('x.md', '<div><li>Loose item</li></div>\n\n| a |\n| - |\n| 1 |\n', 'markdown', 'article');
    const p = prepareForAxe({ hast: doc.hast, fragment: doc.fragment, text: doc.text, markdown: true });
    if ('skip' in p) throw new Error('not rendered');
    expect(rulesLeft(p.tree, CONTENT, () => true)).toEqual(['listitem']);
    expect(rulesLeft(p.tree, [...CONTENT, 'region'], (id) => id !== 'region')).toEqual(['listitem', 'region']);
    const pages = [
      '<div><li>Loose item</li></div>\n\nRead [](/guide) and [the guide](/guide).\n',
      '<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>\n\n## Steps\n\n#### Detail\n',
      '![](a.png)\n\n<ul><li>One</li>Two</ul>\n',
    ];
    for (const text of pages) {
      const d = createDoc('x.md', text, 'markdown', 'article');
      const input = { hast: d.hast, fragment: d.fragment, text, markdown: true, placeholders: d.placeholders, rules: CONTENT, budgetMs: 60_000 };
      const before = proofStats.narrowed;
      const narrowed = await runAxe(input);
      expect(proofStats.narrowed, text).toBe(before + 1);
      const all = await runAxe({ ...input, noProofs: true });
      const found = (r: typeof all) => (r.kind === 'done' ? r.findings.map((f) => `${f.id}@${f.start}`) : [r.kind]);
      expect(found(all).length, text).toBeGreaterThan(0);
      expect(found(narrowed), text).toEqual(found(all));
    }
  });

  it('guesses from the bytes which Markdown pages will load axe (for the scheduler)', () => {
    const likely = (text: string) => likelyNeedsAxe(new TextEncoder().encode(text));
    expect(likely('# Title\n\nPlain [link](/x) and ![A cat](cat.png).\n\n<a id="top"></a> <Device name> <https://example.com>\n')).toBe(false);
    expect(likely('Text[^1] and more[^2].\n\n[^1]: One.\n[^2]: Two.\n')).toBe(false);
    for (const text of ['<form action="/s"><input></form>\n', '<BUTTON>Go</BUTTON>\n', '<table><tr><td>a</td></tr></table>\n', '<p style="color:red">x</p>\n', '<span role="note">x</span>\n', 'Read [](/x).\n', 'Click ![ ](arrow.png).\n', 'One[^1], again[^1].\n\n[^1]: Note.\n', '<iframe src="/v"></iframe>\n']) {
      expect(likely(text), text).toBe(true);
    }
  });
});
