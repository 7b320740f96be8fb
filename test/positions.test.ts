/** Positions stay exact with CRLF, CR, a BOM, tabs, non-ASCII and astral characters. */
import { describe, expect, it } from 'vitest';
import { Locator } from '../src/document/location.js';
import { findings, project, runCli } from './helpers/cli.js';

const passive = (text: string | Buffer, name = 'a.md') => {
  const dir = project({ [name]: text });
  return runCli(['--format', 'json', '--no-axe', '--rule', 'passive-voice:warn', name], { cwd: dir }).then((r) => findings(r.out).filter((f) => f.ruleId === 'passive-voice'));
};

describe('Locator', () => {
  it('maps offsets to lines and columns for LF, CRLF and CR', () => {
    const loc = new Locator('ab\r\ncd\ref\ngh');
    expect(loc.point(0)).toEqual({ line: 1, column: 1 });
    expect(loc.point(4)).toEqual({ line: 2, column: 1 });
    expect(loc.point(7)).toEqual({ line: 3, column: 1 });
    expect(loc.point(10)).toEqual({ line: 4, column: 1 });
    expect(loc.lineText(1)).toBe('ab');
    expect(loc.lineText(2)).toBe('cd');
  });
  it('counts an astral character as one column', () => {
    const loc = new Locator('😀 ab');
    expect(loc.point(3)).toEqual({ line: 1, column: 3 });
    expect(loc.offset(1, 3)).toBe(3);
  });
  it('clamps offsets past the end', () => {
    expect(new Locator('ab').point(99)).toEqual({ line: 1, column: 3 });
  });
});

describe('finding positions in files', () => {
  it('LF baseline', async () => {
    expect(await passive('# T\n\nYour card was charged twice.\n')).toMatchObject([{ line: 3, column: 11 }]);
  });
  it('CRLF line endings', async () => {
    expect(await passive('# T\r\n\r\nIntro line.\r\nYour card was charged twice.\r\n')).toMatchObject([{ line: 4, column: 11 }]);
  });
  it('a UTF-8 BOM does not shift columns', async () => {
    expect(await passive(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Your card was charged twice.\n')]))).toMatchObject([{ line: 1, column: 11 }]);
  });
  it('non-ASCII and emoji count as one column each', async () => {
    expect(await passive('Café 😀 note: your card was charged twice.\n')).toMatchObject([{ line: 1, column: 24 }]);
  });
  it('tabs count as one column', async () => {
    expect(await passive('- item\n\n\tYour card was charged.\n')).toMatchObject([{ line: 3, column: 12 }]);
  });
  it('HTML with CRLF and entities', async () => {
    expect(await passive('<p>Fish &amp; chips.</p>\r\n<p>Your card &mdash; sadly &mdash; was charged twice.</p>\r\n', 'a.html')).toMatchObject([{ line: 2, column: 36 }]);
  });
  it('a list continuation line keeps its column', async () => {
    expect(await passive('Intro.\n\n- Step one.\n  Your card was charged twice.\n')).toMatchObject([{ line: 4, column: 13 }]);
  });
});
