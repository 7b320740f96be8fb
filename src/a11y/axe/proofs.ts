/**
 * Pages axe can be shown to pass without running it (issue 19).
 *
 * Most Markdown articles render to a handful of plain elements: paragraphs,
 * headings, lists, links, images, emphasis, code, tables and footnotes. On such a page only a
 * few axe rules have anything to look at (test/axe-proofs.test.ts checks,
 * against axe-core itself, that every other rule's selector matches none of
 * those tags and attributes), and each of those few has a simple pass
 * condition that can be read off the tree. When the page is a fragment made
 * only of those tags and attributes and every condition holds, axe would
 * report nothing, so neither jsdom nor axe needs to run: on the Markdown
 * corpus that is most pages, and a one-file run with axe never loads them.
 *
 * Each proof is stricter than axe: when in doubt it fails, and axe runs as
 * before. test/axe-proofs.test.ts runs axe on every page a proof passes and
 * expects no violation.
 */
import type { Element, Root, RootContent } from 'hast';
import { htmlTagNames } from 'html-tag-names';
import { OFFSET_PROPERTY } from './render.js';

/** Tags of a fragment page these proofs cover (`html`, `head` and `body` are the fragment's own wrapper). */
export const PROVABLE_TAGS: ReadonlySet<string> = new Set([
  'html', 'head', 'body',
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'img', 'hr', 'br', 'blockquote', 'pre', 'code',
  'em', 'strong', 'del', 's', 'b', 'i', 'u', 'sub', 'sup', 'small', 'mark', 'kbd', 'samp', 'var', 'cite', 'q', 'dfn', 'span', 'div',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'section',
]);
/**
 * Tags HTML does not define. Text such as "<Device name>" in Markdown reads as such an element (with an
 * attribute `name`): it has no role and no meaning, so an axe rule can reach it only through its
 * attributes, as it would a `<span>` (no axe rule's selector names a tag outside HTML: test/axe-proofs.test.ts).
 */
const KNOWN_TAGS: ReadonlySet<string> = new Set(htmlTagNames);
/** A tag these proofs cover: one of PROVABLE_TAGS, or a tag HTML does not define. */
export function provableTag(tag: string): boolean {
  return PROVABLE_TAGS.has(tag) || !KNOWN_TAGS.has(tag);
}

/** hast property names (and the attributes they write) these proofs cover; the renderer's offset is not an attribute. */
export const PROVABLE_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['href', 'href'], ['src', 'src'], ['alt', 'alt'], ['title', 'title'], ['className', 'class'], ['start', 'start'], ['width', 'width'], ['height', 'height'],
  ['id', 'id'], ['align', 'align'], ['name', 'name'],
  // Footnotes as Markdown writes them: a reference link described by the "Footnotes" heading, and a link
  // back labelled "Back to reference 1". ARIA only on links, checked in factsOf.
  ['dataFootnotes', 'data-footnotes'], ['dataFootnoteRef', 'data-footnote-ref'], ['dataFootnoteBackref', 'data-footnote-backref'],
  ['ariaLabel', 'aria-label'], ['ariaDescribedBy', 'aria-describedby'], ['dataPsAria', 'data-ps-aria'],
]);
/** The ARIA properties allowed above: global ones, which a link may have. */
const ARIA_PROPERTIES = new Set(['ariaLabel', 'ariaDescribedBy']);

/**
 * CSS properties a `style` attribute may set on a provable page: none of them hides an element or its
 * text from axe in jsdom, or gives it a role or a name. axe-core 4.14 reads visibility from `display`,
 * `visibility`, `content-visibility`, `opacity`, `overflow`, `clip`, `clip-path` and `position`
 * (isHiddenForEveryone, isVisibleOnScreen) and a table's row colours only for a table without a header
 * (isDataTable, where the table proofs fail anyway). None of those is here; `width` and `height` must not be 0.
 * Sizes and colours matter to color-contrast and target-size, which never run in jsdom unless a config
 * turns them on, and then they have no proof and axe runs.
 */
const INERT_CSS: ReadonlySet<string> = new Set([
  'text-align', 'vertical-align', 'font-weight', 'font-style', 'font-family', 'word-break',
  'color', 'background-color', 'border-collapse', 'border-spacing',
  'border', 'border-color', 'border-style', 'border-width',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'width', 'height',
]);

/** Tags no proof reads as such, so one may be hidden whole (see factsOf). */
const HIDEABLE: ReadonlySet<string> = new Set(['p', 'div', 'span']);

/** A declaration value made of plain CSS tokens: no comment, escape, string, url(), var() or `!important` to look into. */
const PLAIN_CSS_VALUE = /^[\w\s#.,%()-]*$/;

/**
 * How a `style` attribute leaves the element: 'inert' when every declaration is in INERT_CSS,
 * 'hidden' when it is exactly `display: none`, undefined for anything else.
 */
function styleOf(style: unknown): 'inert' | 'hidden' | undefined {
  if (typeof style !== 'string' || style.length > 2000) return undefined;
  let declarations = 0;
  let hidden = false;
  for (const part of style.split(';')) {
    if (part.trim() === '') continue;
    const colon = part.indexOf(':');
    if (colon < 0) return undefined;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).trim().toLowerCase();
    if (!value || !PLAIN_CSS_VALUE.test(value) || value.includes('var(') || value.includes('url(')) return undefined;
    declarations++;
    if (name === 'display' && value === 'none') hidden = true;
    else if (!INERT_CSS.has(name)) return undefined;
    else if ((name === 'width' || name === 'height') && !/[1-9]/.test(value) && value !== 'auto') return undefined;
  }
  if (hidden) return declarations === 1 ? 'hidden' : undefined;
  return declarations ? 'inert' : undefined;
}

/** What the proofs read, gathered in one walk of the tree. */
interface Facts {
  links: Element[];
  headings: Element[];
  images: Element[];
  lists: Element[];
  /** The parent of each list item. */
  itemParents: (Element | undefined)[];
  voids: Element[];
  tables: Element[];
  /** Whether every table is shaped as Markdown writes it (isPlainTable), read by five rules: worked out once. */
  plainTables?: boolean;
  headerCells: Element[];
  /** Links with an aria-label. */
  labelled: Set<Element>;
  /** How many elements have each id, and the ids that aria-describedby points at. */
  ids: Map<string, number>;
  describedBy: string[];
  /** Each image with the nearest `a[href]`, `p`, `li`, `td` or `th` holding it (axe's parentSelector for image-redundant-alt). */
  imageParents: Map<Element, Element | undefined>;
}

/**
 * The pass condition of each axe rule that can apply to a page of PROVABLE_TAGS and PROVABLE_PROPERTIES.
 * Rule by rule, from axe-core 4.14's checks.
 */
const PROOFS: Readonly<Record<string, (f: Facts) => boolean>> = {
  // has-visible-text: a link whose own text has a letter or digit has a name; so has one holding an image
  // whose alt text has one (axe's subtree text takes an image's alt: `[![Get the app](badge.png)](/app)`).
  'link-name': (f) => f.links.every((a) => !('href' in a.properties) || hasWords(a) || f.labelled.has(a) || hasNamedImage(a)),
  // has-visible-text again, for headings.
  'empty-heading': (f) => f.headings.every(hasWords),
  // Heading levels rise by at most one from the heading before (the first may be any level).
  'heading-order': (f) => f.headings.every((h, i) => i === 0 || level(h) - level(f.headings[i - 1]) <= 1),
  // has-alt, and not alt-space-value: an alt attribute that is empty (decoration) or has some text.
  'image-alt': (f) => f.images.every((img) => typeof img.properties.alt === 'string' && (img.properties.alt === '' || /\S/.test(img.properties.alt))),
  // duplicate-img-label: the image's text is not the whole visible text of its link, paragraph, item or cell.
  'image-redundant-alt': (f) =>
    f.images.every((img) => {
      const alt = img.properties.alt;
      const parent = f.imageParents.get(img);
      if (alt === '' || !parent) return true;
      if (typeof alt !== 'string') return false;
      // axe compares lower-cased text with runs of white space collapsed; with all white space gone, a difference is certain.
      return squeeze(textOf(parent)) !== squeeze(alt);
    }),
  // No role or tab index is possible here, and ARIA only on links, so an image with alt="" has nothing that conflicts.
  'presentation-role-conflict': () => true,
  // Only `img` and `hr` can match here, and they hold nothing focusable.
  'nested-interactive': (f) => f.voids.every((el) => el.children.every((c) => c.type !== 'element')),
  // only-listitems: a list holds list items, comments and white space only.
  list: (f) => f.lists.every((l) => l.children.every((c) => (c.type === 'element' ? c.tagName === 'li' : c.type === 'comment' || (c.type === 'text' && c.value.trim() === '')))),
  // A list item sits in a list.
  listitem: (f) => f.itemParents.every((parent) => parent !== undefined && (parent.tagName === 'ul' || parent.tagName === 'ol')),
  // No `lang` attribute is possible here (it is not in PROVABLE_PROPERTIES).
  'valid-lang': () => true,
  // An id is checked only when an ARIA attribute refers to it (a label element is not possible here):
  // each id aria-describedby names is on exactly one element.
  'duplicate-id-aria': describedByResolves,
  // aria-describedby names ids on the page; aria-label is any text.
  'aria-valid-attr-value': describedByResolves,
  // Only aria-label and aria-describedby are possible, and only on links (factsOf): valid names, allowed and not prohibited there.
  'aria-valid-attr': () => true,
  'aria-allowed-attr': () => true,
  'aria-prohibited-attr': () => true,
  // Only for checkboxes and table rows, neither possible here.
  'aria-conditional-attr': () => true,
  // A labelled link whose text is a symbol ("↩"): no words to find in the label.
  'label-content-name-mismatch': (f) => [...f.labelled].every((a) => !hasWords(a)),
  // has-visible-text, for header cells.
  'empty-table-header': (f) => f.headerCells.every(hasWords),
  // The table rules pass on a table shaped as Markdown writes it: one header row of named header cells,
  // then body rows of as many data cells. Every data cell has its column's header (td-has-header), every
  // header has data cells below it (th-has-data-cells), the first row has distinct cells (table-fake-caption),
  // and no caption, summary or headers attribute is possible here (table-duplicate-name, td-headers-attr).
  'td-has-header': plainTables,
  'th-has-data-cells': plainTables,
  'table-fake-caption': plainTables,
  'table-duplicate-name': plainTables,
  'td-headers-attr': plainTables,
};

/** Each id aria-describedby names is on exactly one element. */
function describedByResolves(f: Facts): boolean {
  return f.describedBy.every((id) => f.ids.get(id) === 1);
}

function plainTables(f: Facts): boolean {
  return (f.plainTables ??= f.tables.every(isPlainTable));
}

/** Rule ids with a proof (for the test that checks every other rule cannot apply). */
export const PROVEN_RULES: readonly string[] = Object.keys(PROOFS);

/**
 * Whether axe is sure to report nothing for these rules on this fragment (see the header). `rules` are
 * axe rule ids; `covered` says which rules without a proof cannot apply to a page of provable tags
 * (test/axe-proofs.test.ts keeps that set honest against axe-core).
 */
export function provenClean(tree: Root, rules: readonly string[], covered: (id: string) => boolean): boolean {
  for (const id of rules) if (!PROOFS[id] && !covered(id)) return false;
  return rulesLeft(tree, rules, covered)?.length === 0;
}

/**
 * The rules axe still has to run on this fragment: each proof holds for its own rule alone, so on a
 * page of provable tags only the rules whose proof fails (and the rules with no proof that `covered`
 * does not rule out) can report anything; axe run with just those reports what it reports with all of
 * them. Undefined when the page has a tag or attribute the proofs do not cover (then every rule runs).
 */
export function rulesLeft(tree: Root, rules: readonly string[], covered: (id: string) => boolean): string[] | undefined {
  const facts = factsOf(tree);
  if (!facts) return undefined;
  return rules.filter((id) => {
    const proof = PROOFS[id];
    return proof ? !proof(facts) : !covered(id);
  });
}

/** The facts of a tree made only of provable tags and properties, or undefined when it has anything else. */
function factsOf(tree: Root): Facts | undefined {
  const facts: Facts = { links: [], headings: [], images: [], lists: [], itemParents: [], voids: [], tables: [], headerCells: [], labelled: new Set(), ids: new Map(), describedBy: [], imageParents: new Map() };
  // Iterative walk: [node, parent element, nearest image parent].
  const stack: [RootContent, Element | undefined, Element | undefined][] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push([tree.children[i], undefined, undefined]);
  while (stack.length) {
    const [node, parent, holder] = stack.pop()!;
    if (node.type !== 'element') {
      // `raw` is shown as text by the renderer too; anything else (doctype at the top of a fragment) is not provable.
      if (node.type === 'text' || node.type === 'comment' || node.type === 'raw') continue;
      return undefined;
    }
    const tag = node.tagName;
    if (!provableTag(tag)) return undefined;
    const props = node.properties;
    for (const key of Object.keys(props)) {
      if (key === 'style') {
        const style = styleOf(props.style);
        if (style === 'inert') continue;
        // A block of text hidden from everyone at the top of the page (a "Tags: …" paragraph for search):
        // axe skips it; no proof reads a `p`, `div` or `span` itself, and it holds no element and sits in
        // none whose text a proof reads.
        if (style === 'hidden' && parent === undefined && HIDEABLE.has(tag) && node.children.every((c) => c.type === 'text' || c.type === 'comment')) continue;
        return undefined;
      }
      if (key !== OFFSET_PROPERTY && !PROVABLE_PROPERTIES.has(key)) return undefined;
      // ARIA on a link only: a global attribute there is allowed, valid and not prohibited.
      if (ARIA_PROPERTIES.has(key) && (tag !== 'a' || !('href' in props))) return undefined;
    }
    if (props.ariaLabel !== undefined) {
      if (typeof props.ariaLabel !== 'string' || !/[\p{L}\p{N}]/u.test(props.ariaLabel)) return undefined;
      facts.labelled.add(node);
    }
    if (props.ariaDescribedBy !== undefined) {
      if (!Array.isArray(props.ariaDescribedBy)) return undefined;
      for (const ref of props.ariaDescribedBy) facts.describedBy.push(String(ref));
    }
    if (typeof props.id === 'string') facts.ids.set(props.id, (facts.ids.get(props.id) ?? 0) + 1);
    else if (props.id !== undefined) return undefined;
    let here = holder;
    if (tag === 'a') {
      facts.links.push(node);
      if ('href' in node.properties) here = node;
    } else if (tag.length === 2 && tag[0] === 'h' && tag[1] >= '1' && tag[1] <= '6') facts.headings.push(node);
    else if (tag === 'img') {
      facts.images.push(node);
      facts.voids.push(node);
      facts.imageParents.set(node, holder);
    } else if (tag === 'hr') facts.voids.push(node);
    else if (tag === 'ul' || tag === 'ol') facts.lists.push(node);
    else if (tag === 'li') facts.itemParents.push(parent);
    else if (tag === 'table') facts.tables.push(node);
    else if (tag === 'th') facts.headerCells.push(node);
    if (tag === 'p' || tag === 'li') here = node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], node, here]);
  }
  return facts;
}

/** `<table>` holding `<thead>` with one row of header cells with words, then `<tbody>` with rows of as many data cells. */
function isPlainTable(table: Element): boolean {
  const parts = elementsOf(table);
  if (parts.length !== 2 || parts[0].tagName !== 'thead' || parts[1].tagName !== 'tbody') return false;
  const head = elementsOf(parts[0]);
  if (head.length !== 1 || head[0].tagName !== 'tr') return false;
  const headers = elementsOf(head[0]);
  if (!headers.length || !headers.every((c) => c.tagName === 'th' && hasWords(c))) return false;
  const rows = elementsOf(parts[1]);
  if (!rows.length) return false;
  return rows.every((row) => {
    if (row.tagName !== 'tr') return false;
    const cells = elementsOf(row);
    return cells.length === headers.length && cells.every((c) => c.tagName === 'td');
  });
}

/** The element children of an element, or nothing at all when it also holds text other than white space. */
function elementsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (c.type === 'element') out.push(c);
    else if (c.type === 'text' && c.value.trim() !== '') return [];
  }
  return out;
}

/** The text under an element, as the page shows it (no alt text). */
function textOf(el: Element): string {
  let out = '';
  const stack: RootContent[] = [...el.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'raw') out += node.value;
    else if (node.type === 'element') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

/** A letter or digit in the element's text: axe's visible text is then not empty. */
function hasWords(el: Element): boolean {
  return /[\p{L}\p{N}]/u.test(textOf(el));
}

/** An image under the element whose alt text has a letter or digit. */
function hasNamedImage(el: Element): boolean {
  const stack: RootContent[] = [...el.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'img' && typeof node.properties.alt === 'string' && /[\p{L}\p{N}]/u.test(node.properties.alt)) return true;
    stack.push(...node.children);
  }
  return false;
}

/** Lower case with every white space character removed. */
function squeeze(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

function level(h: Element): number {
  return Number(h.tagName[1]);
}
