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
import { PROVABLE_PROPERTIES, PROVABLE_TAGS, PROVEN_RULES, provableTag, provenClean } from '../src/a11y/axe/proofs.js';
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
    const page = { tags: new Set(PROVABLE_TAGS), attrs: new Set(PROVABLE_PROPERTIES.values()) };
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
  });
});
