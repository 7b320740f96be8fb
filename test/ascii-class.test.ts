import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiClass, isAscii, isAsciiWordCode } from '../src/util/ascii-class.js';
import { trimToWord } from '../src/util/text.js';

/** Every `asciiClass(/…/, () => /…/u)` pair in src/, as written. */
function pairs(): { file: string; ascii: string; unicode: string }[] {
  const out: { file: string; ascii: string; unicode: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/asciiClass\((\/.+?\/[a-z]*), \(\) => (\/.+?\/[a-z]*)\)/g)) out.push({ file: p, ascii: m[1], unicode: m[2] });
      }
    }
  };
  walk(join(import.meta.dirname, '..', 'src'));
  return out;
}

const literal = (s: string): RegExp => new Function(`return ${s}`)() as RegExp;

/** All ASCII characters alone, a few words, and pseudo-random ASCII strings (fixed seed). */
function subjects(): string[] {
  const out = ['', 'Learn', 'mDNS', 'WiFiNINA', 'ABC.', 'A.', 'hello world', "don't", '  --x', 'abc123', 'e.g. Foo', 'walked', 'ACME', 'the firmware. Then'];
  for (let c = 0; c < 128; c++) out.push(String.fromCharCode(c));
  const pool = "aAzZmM09 .-'_\t\nxyQ,!?";
  let seed = 19;
  for (let n = 0; n < 1500; n++) {
    let s = '';
    const len = n % 13;
    for (let i = 0; i < len; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      s += pool[seed % pool.length];
    }
    out.push(s);
  }
  return out;
}

describe('asciiClass (issue 19)', () => {
  const found = pairs();

  it('is used, and never for a case-insensitive expression', () => {
    expect(found.length).toBeGreaterThan(20);
    for (const p of found) expect(literal(p.unicode).flags.includes('i'), `${p.file}: ${p.unicode}`).toBe(false);
  });

  it('gives the ASCII twin of each Unicode expression the same results on ASCII text', () => {
    const texts = subjects();
    for (const p of found) {
      const a = literal(p.ascii);
      const u = literal(p.unicode);
      expect(a.flags, `${p.file}: ${p.ascii}`).toBe(u.flags.replace('u', ''));
      const results = (re: RegExp) => texts.map((s) => `${s.replace(re, '<$&>')}|${s.split(re).join('|')}`);
      expect(results(a), `${p.file}: ${p.ascii}`).toEqual(results(u));
    }
  });

  it('picks the Unicode expression for text that is not ASCII, and makes it once', () => {
    let made = 0;
    const upper = asciiClass(/^[A-Z]/, () => (made++, /^\p{Lu}/u));
    expect(upper.test('Bonjour')).toBe(true);
    expect(made).toBe(0);
    expect(upper.test('Émile')).toBe(true);
    expect(upper.test('éte')).toBe(false);
    expect(made).toBe(1);
    const tail = asciiClass(/[a-z]([A-Z]{2,6})$/, () => /\p{Ll}(\p{Lu}{2,6})$/u);
    expect(tail.exec('WiFiNINA')?.[1]).toBe('NINA');
    expect(tail.exec('ÉcoleÀBC')?.[1]).toBe('ÀBC');
    expect(asciiClass(/[^A-Za-z0-9']+/, () => /[^\p{L}\p{N}']+/u).split('ça va, très bien')).toEqual(['ça', 'va', 'très', 'bien']);
    expect(asciiClass(/[^A-Za-z0-9]/g, () => /[^\p{L}\p{N}]/gu).replace('a-b ü', '')).toBe('abü');
  });

  it('reads ASCII and word characters by code', () => {
    expect(isAscii('plain text ~')).toBe(true);
    expect(isAscii('naïve')).toBe(false);
    expect(isAscii('\u{1F600}')).toBe(false);
    for (let c = 0; c < 128; c++) expect(isAsciiWordCode(c)).toBe(/^[\p{L}\p{N}]$/u.test(String.fromCharCode(c)));
  });

  it('trims to a word as the \\p expression does, by code up to U+024F', () => {
    for (let c = 0; c < 0x300; c++) {
      const ch = String.fromCharCode(c);
      const word = /^[\p{L}\p{N}]$/u.test(ch);
      expect(trimToWord(ch), `U+${c.toString(16)}`).toBe(word ? ch : '');
      expect(trimToWord(`(${ch}x${ch}).`), `U+${c.toString(16)}`).toBe(word ? `${ch}x${ch}` : 'x');
    }
    expect(trimToWord('“résumé”')).toBe('résumé');
    expect(trimToWord('—naïve…')).toBe('naïve');
    expect(trimToWord('\u{1F600}ok\u{1F600}')).toBe('ok');
  });
});
