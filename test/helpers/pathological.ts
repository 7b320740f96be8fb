/**
 * Pathological inputs (issue 20, items 8–11): one generator per case that once
 * hung, crashed or ran out of memory. Each makes a document of `n` repeats;
 * `full` is the size the issue measured (every one under 1 MB), `small` a size
 * the normal test tier can lint in a few milliseconds.
 *
 * Used by test/property.test.ts (small sizes always; full sizes under
 * `npm run fuzz`), test/e2e/robustness.test.ts (full sizes through the CLI)
 * and scripts/pathological.mjs (wall time and peak memory per case).
 * Plain data and functions only, so the .mjs script can load it through the
 * TypeScript-stripping loader of Node or a copy (see the script).
 */
import type { Channel } from '../../src/types.js';

export interface Pathological {
  /** Short name, also the file name stem in the CLI runs. */
  name: string;
  /** File kind: decides the file extension. */
  ext: 'md' | 'html';
  /** Channel to lint in (defaults to article). */
  channel?: Channel;
  /** The document for a given scale. */
  make: (n: number) => string;
  /** The size (under 1 MB). */
  full: number;
  /** A size for fast unit tests. */
  small: number;
  /** What the case is, for the table. */
  about: string;
}

const rep = (s: string, n: number) => s.repeat(Math.max(0, Math.floor(n)));
const lines = (n: number, f: (i: number) => string) => Array.from({ length: Math.max(0, Math.floor(n)) }, (_, i) => f(i)).join('\n');

/** A 2,000-column Markdown table of `rows` body rows. */
function mdTable(cols: number, rows: number): string {
  const head = '|' + Array.from({ length: cols }, (_, i) => ` h${i} `).join('|') + '|';
  const sep = '|' + rep('---|', cols);
  const body = lines(rows, (r) => '|' + Array.from({ length: cols }, (_, i) => ` ${(r + i) % 10} `).join('|') + '|');
  return `${head}\n${sep}\n${body}\n`;
}

function htmlTable(cols: number, rows: number): string {
  const head = '<tr>' + Array.from({ length: cols }, (_, i) => `<th>h${i}</th>`).join('') + '</tr>';
  const body = lines(rows, (r) => '<tr>' + Array.from({ length: cols }, (_, i) => `<td>${(r + i) % 10}</td>`).join('') + '</tr>');
  return `<!doctype html><html lang="en"><head><title>Table</title></head><body><table>${head}\n${body}</table></body></html>\n`;
}

const page = (body: string) => `<!doctype html><html lang="en"><head><title>Page</title></head><body>${body}</body></html>\n`;

export const PATHOLOGICAL: readonly Pathological[] = [
  // Item 8: small files that ran past the time limit in the main thread.
  { name: 'nested-blockquotes', ext: 'md', full: 25_000, small: 200, about: '50 KB of nested > markers on one line', make: (n) => rep('> ', n) + 'Deep quote.\n' },
  { name: 'nested-blockquote-lines', ext: 'md', full: 300, small: 30, about: 'blockquotes one level deeper on every line', make: (n) => lines(n, (i) => rep('>', i + 1) + ' line ' + i) + '\n' },
  { name: 'emphasis-stars', ext: 'md', full: 100_000, small: 500, about: '100k * emphasis markers', make: (n) => rep('*', n) + '\n' },
  { name: 'emphasis-words', ext: 'md', full: 100_000, small: 500, about: '*a repeated (100k openers)', make: (n) => rep('*a ', n) + '\n' },
  { name: 'emphasis-mixed', ext: 'md', full: 50_000, small: 300, about: 'alternating ** and _ runs', make: (n) => rep('**a_', n) + '\n' },
  { name: 'underscores', ext: 'md', full: 100_000, small: 500, about: '100k _ markers between words', make: (n) => rep('a_', n) + '\n' },
  { name: 'nested-list-markers', ext: 'md', full: 50_000, small: 200, about: '100 KB of "- " list markers on one line', make: (n) => rep('- ', n) + 'item\n' },
  { name: 'nested-ordered-markers', ext: 'md', full: 30_000, small: 200, about: '"1. " list markers on one line', make: (n) => rep('1. ', n) + 'item\n' },
  { name: 'nested-list-mixed', ext: 'md', full: 25_000, small: 200, about: '"> - " markers on one line', make: (n) => rep('> - ', n) + 'item\n' },
  { name: 'repeated-word-line', ext: 'md', full: 60_000, small: 400, about: 'one 300 KB line of a repeated word', make: (n) => rep('word ', n) + '\n' },
  { name: 'repeated-word-html', ext: 'html', full: 60_000, small: 400, about: 'one 300 KB line of a repeated word in HTML', make: (n) => page('<p>' + rep('word ', n) + '</p>') },
  // Item 9: wide tables.
  { name: 'table-2000-columns', ext: 'md', full: 47, small: 2, about: 'Markdown table, 2,000 columns', make: (n) => mdTable(n >= 10 ? 2000 : 40, n) },
  { name: 'table-2000-columns-html', ext: 'html', full: 30, small: 2, about: 'HTML table, 2,000 columns', make: (n) => htmlTable(n >= 10 ? 2000 : 40, n) },
  { name: 'table-many-delimiters', ext: 'md', full: 100_000, small: 300, about: 'one row of 100k | cells', make: (n) => '| a ' + rep('| b ', n) + '|\n|' + rep('-|', Math.min(n, 2)) + '\n' },
  // Item 10: steps that were not linear.
  { name: 'abbreviations', ext: 'md', full: 40_000, small: 300, about: '"e.g. i.e. Mr." repeated', make: (n) => rep('e.g. i.e. Mr. ', n) + '\n' },
  { name: 'abbreviations-lines', ext: 'md', full: 18_000, small: 200, about: 'abbreviations in many sentences', make: (n) => rep('Ask Mr. Lee, e.g. at 9 a.m. or p.m. etc. and so on. ', n) + '\n' },
  { name: 'www-autolinks', ext: 'md', full: 50_000, small: 300, about: 'www. autolinks', make: (n) => rep('www.example.com ', n) + '\n' },
  { name: 'www-bare', ext: 'md', full: 100_000, small: 500, about: '"www." repeated with no space', make: (n) => rep('www.', n) + '\n' },
  { name: 'backtick-runs', ext: 'md', full: 1_200, small: 40, about: 'backtick runs of every length', make: (n) => Array.from({ length: n }, (_, i) => rep('`', i + 1) + 'a').join(' ') + '\n' },
  { name: 'backticks-single', ext: 'md', full: 200_000, small: 500, about: 'unmatched `a runs', make: (n) => rep('`a', n) + '\n' },
  { name: 'brackets-open', ext: 'md', full: 50_000, small: 500, about: '50k [ brackets', make: (n) => rep('[', n) + '\n' },
  { name: 'brackets-close', ext: 'md', full: 50_000, small: 500, about: '50k ] brackets', make: (n) => rep(']', n) + '\n' },
  { name: 'brackets-pairs', ext: 'md', full: 50_000, small: 500, about: '50k [a] pairs', make: (n) => rep('[a]', n) + '\n' },
  { name: 'brackets-links', ext: 'md', full: 50_000, small: 300, about: '50k [a]( openers', make: (n) => rep('[a](', n) + '\n' },
  { name: 'images-open', ext: 'md', full: 50_000, small: 300, about: '50k ![ openers', make: (n) => rep('![', n) + '\n' },
  { name: 'care-reply-long', ext: 'md', channel: 'macro', full: 6_000, small: 20, about: 'long care reply (macro channel)', make: (n) => 'Hi {{ticket.requester.first_name}},\n\n' + rep('Sorry for the trouble. We apologize for any inconvenience, you should have read the [policy] [here] first. Unfortunately we cannot help. ', n) + '\n\nThanks,\n{{current_user.name}}\n' },
  { name: 'care-placeholders', ext: 'md', channel: 'macro', full: 30_000, small: 100, about: 'macro with 30k placeholders and brackets', make: (n) => rep('{{a}} [b] %{c} ', n) + '\n' },
  { name: 'duplicate-ids', ext: 'html', full: 20_000, small: 100, about: '20k elements with the same id', make: (n) => page(rep('<p id="same">x</p>', n)) },
  { name: 'duplicate-ids-md', ext: 'md', full: 20_000, small: 100, about: '20k raw-HTML anchors with the same id', make: (n) => rep('<a id="same"></a>\n', n) },
  { name: 'images-md', ext: 'md', full: 20_000, small: 100, about: '20k images', make: (n) => rep('![chart](a.png)\n', n) },
  { name: 'images-html', ext: 'html', full: 20_000, small: 100, about: '20k images in HTML', make: (n) => page(rep('<img src="a.png" alt="chart">', n)) },
  { name: 'headings-md', ext: 'md', full: 20_000, small: 100, about: '20k headings', make: (n) => lines(n, (i) => `${rep('#', (i % 6) + 1)} Heading ${i}\n`) },
  { name: 'headings-html', ext: 'html', full: 20_000, small: 100, about: '20k headings in HTML', make: (n) => page(Array.from({ length: n }, (_, i) => `<h${(i % 6) + 1}>Heading ${i}</h${(i % 6) + 1}>`).join('')) },
  { name: 'reference-definitions', ext: 'md', full: 20_000, small: 100, about: '20k reference definitions and uses', make: (n) => lines(n, (i) => `See [d${i}][].`) + '\n\n' + lines(n, (i) => `[d${i}]: /${i}`) + '\n' },
  { name: 'reference-same-label', ext: 'md', full: 20_000, small: 100, about: '20k definitions of one label', make: (n) => '[a][x]\n\n' + rep('[x]: https://example.com\n', n) },
  { name: 'identical-links', ext: 'md', full: 20_000, small: 100, about: '20k identical links', make: (n) => rep('[click here](https://example.com) ', n) + '\n' },
  { name: 'identical-links-html', ext: 'html', full: 20_000, small: 100, about: '20k identical links in HTML', make: (n) => page(rep('<a href="https://example.com">click here</a> ', n)) },
  { name: 'urls', ext: 'md', full: 90_000, small: 300, about: '100k URLs (under 1 MB)', make: (n) => rep('http://a.b ', n) + '\n' },
  { name: 'urls-lines', ext: 'md', full: 60_000, small: 300, about: 'one URL per line', make: (n) => rep('https://x.co/a\n', n) },
  { name: 'emails', ext: 'md', full: 60_000, small: 300, about: 'e-mail addresses', make: (n) => rep('a@b.co ', n) + '\n' },
  { name: 'nested-lists', ext: 'md', full: 10_000, small: 100, about: '10k nested lists (indented)', make: (n) => lines(n, (i) => rep(' ', Math.min(i, 40) * 2) + '- item') + '\n' },
  { name: 'nested-lists-html', ext: 'html', full: 10_000, small: 100, about: '10k nested <ul> in HTML', make: (n) => page(rep('<ul><li>item', n) + rep('</li></ul>', n)) },
  { name: 'liquid-if-blocks', ext: 'md', channel: 'macro', full: 10_000, small: 100, about: '10k Liquid {% if %} blocks', make: (n) => rep('{% if ticket.status == "open" %}Your ticket is open.{% else %}Closed.{% endif %}\n', n) },
  { name: 'liquid-if-nested', ext: 'md', channel: 'macro', full: 10_000, small: 100, about: '10k nested Liquid {% if %}', make: (n) => rep('{% if a %}', n) + 'x' + rep('{% endif %}', n) + '\n' },
  { name: 'liquid-if-unclosed', ext: 'md', channel: 'macro', full: 20_000, small: 100, about: '20k unclosed {% if %}', make: (n) => rep('{% if a %} text ', n) + '\n' },
  { name: 'liquid-name-brackets', ext: 'md', channel: 'macro', full: 100_000, small: 200, about: 'a placeholder name with 100k [', make: (n) => 'Hi {{ ticket' + rep('[', n) + ' }}, thanks.\n' },
  { name: 'liquid-if-name-brackets', ext: 'md', channel: 'macro', full: 100_000, small: 200, about: 'a condition name with 100k [', make: (n) => '{% if a' + rep('[', n) + ' %}x{% endif %}\n' },
  { name: 'nested-lists-indent', ext: 'md', full: 900, small: 40, about: 'lists nested one level deeper on every line', make: (n) => lines(n, (i) => rep(' ', i * 2) + '- item') + '\n' },
  { name: 'html-comment-openers', ext: 'md', full: 100_000, small: 300, about: 'unclosed <!-- in a paragraph', make: (n) => 'Text ' + rep('a <!-- ', n) + '\n' },
  { name: 'autolink-openers', ext: 'md', full: 100_000, small: 300, about: 'unclosed <http: openers', make: (n) => 'Text ' + rep('<http:a ', n) + '\n' },
  { name: 'list-10k-items', ext: 'md', full: 10_000, small: 100, about: '10k-item list', make: (n) => lines(n, (i) => `- Item ${i} was reviewed by the team.`) + '\n' },
  { name: 'ordered-10k-items', ext: 'md', full: 10_000, small: 100, about: '10k-item ordered list', make: (n) => lines(n, (i) => `${i + 1}. Step ${i}`) + '\n' },
  { name: 'list-10k-items-html', ext: 'html', full: 10_000, small: 100, about: '10k-item list in HTML', make: (n) => page('<ul>' + rep('<li>Item was reviewed.</li>', n) + '</ul>') },
  // Item 11: stack overflows.
  { name: 'digits', ext: 'md', full: 200_000, small: 1_000, about: 'a long run of digits', make: (n) => 'The code was sent: ' + rep('1', n) + '\n' },
  { name: 'digits-dotted', ext: 'md', full: 100_000, small: 500, about: 'digits with dots', make: (n) => 'It was ' + rep('1.', n) + '\n' },
  { name: 'email-like', ext: 'md', full: 100_000, small: 500, about: 'an e-mail-like run', make: (n) => 'It was sent to ' + rep('a.', n) + '@' + rep('b.', n) + 'com\n' },
  { name: 'email-like-at', ext: 'md', full: 150_000, small: 500, about: 'a@a@a… runs', make: (n) => 'It was sent to ' + rep('a@', n) + '\n' },
  { name: 'nested-css', ext: 'html', full: 10_000, small: 50, about: 'deeply nested CSS in <style>', make: (n) => `<!doctype html><html lang="en"><head><title>CSS</title><style>${rep('@media screen{', n)}p{color:#777}${rep('}', n)}</style></head><body><p>Text was hidden.</p></body></html>\n` },
  { name: 'nested-css-braces', ext: 'html', full: 50_000, small: 100, about: 'nested CSS blocks', make: (n) => `<!doctype html><html lang="en"><head><title>CSS</title><style>${rep('a{', n)}${rep('}', n)}</style></head><body><p>Text.</p></body></html>\n` },
  { name: 'nested-css-style-attr', ext: 'html', full: 50_000, small: 100, about: 'deep parentheses in a style attribute', make: (n) => page(`<p style="color:${rep('calc(', n)}1${rep(')', n)}">Text was hidden.</p>`) },
  { name: 'nested-html', ext: 'html', full: 10_000, small: 100, about: '10k nested <div>', make: (n) => page(rep('<div>', n) + 'Deep text was written.' + rep('</div>', n)) },
  { name: 'nested-html-md', ext: 'md', full: 10_000, small: 100, about: '10k nested <div> in Markdown', make: (n) => rep('<div>', n) + '\n\nText.\n\n' + rep('</div>', n) + '\n' },
];

/** Every generator's document at a scale. */
export function pathologicalDoc(p: Pathological, size: 'small' | 'full'): string {
  return p.make(size === 'small' ? p.small : p.full);
}
