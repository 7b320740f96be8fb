/**
 * Whether words spell an acronym by their initials: shared by undefined-acronym (is it defined here?) and readability
 * (are these words the spelled-out name of an acronym next to them?).
 */
import { STARTS_UPPER } from '../util/ascii-class.js';

/** Small words an expansion may hold that give no letter ("Bureau of Labor Statistics"). */
export const SPELLING_STOP = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', 'a', 'an', 'by', 'with', 'de', 'du', 'la', 'le', 'und', '&']);
const STOP = SPELLING_STOP;
const NUMBER_INITIALS: Record<string, string> = { '1': 'o', '2': 't', '3': 't', '4': 'f', '5': 'f', '6': 's', '7': 's', '8': 'e', '9': 'n', '0': 'z' };

/** What the matcher reads of a word. */
export interface SpellingWord {
  readonly text: string;
  readonly masked?: boolean;
}

/**
 * "Personal Identity Verification" → does a run of words from `from` spell the acronym by initials? Small words may
 * give no letter, the second half of a hyphenated word may give one or none, and a digit stands for a word starting
 * with it or its number's initial ("2FA": two-factor). `titleCase` wants each letter from a capitalised word; `whole`
 * wants every word up to the end of `words` used (only small words may be left over).
 */
export function spells(words: readonly SpellingWord[], from: number, acro: string, titleCase: boolean, whole = false): boolean {
  const units: { text: string; cap: boolean; tail: boolean }[] = [];
  for (let i = from; i < words.length && units.length < acro.length * 3 + 4; i++) {
    if (words[i].masked) break;
    words[i].text.split(/[-–]/).forEach((p, k) => {
      if (p) units.push({ text: p.toLowerCase(), cap: STARTS_UPPER.test(p), tail: k > 0 });
    });
  }
  const letters = acro.toLowerCase().replace(/[^a-z0-9]/g, '');
  // "A Personal Identity…" does not spell API: an expansion starts with a word that counts.
  if (!units.length || STOP.has(units[0].text)) return false;
  const go = (u: number, l: number): boolean => {
    if (l === letters.length) return !whole || units.slice(u).every((x) => STOP.has(x.text));
    if (u >= units.length) return false;
    const unit = units[u];
    const ch = letters[l];
    if (l > 0 && STOP.has(unit.text) && go(u + 1, l)) return true;
    // "Wi-Fi Protected Access" spells WPA: the second half of a hyphenated word may give no letter.
    if (unit.tail && go(u + 1, l)) return true;
    if (/\d/.test(ch)) {
      if ((unit.text.startsWith(ch) || unit.text[0] === NUMBER_INITIALS[ch]) && go(u + 1, l + 1)) return true;
      // "I2C" = IIC: the digit repeats the letter before it.
      const prev = letters[l - 1];
      if (prev && /[a-z]/.test(prev) && unit.text[0] === prev && (!titleCase || unit.cap)) {
        const times = Number(ch) - 1;
        let uu = u;
        let ok = true;
        for (let t = 0; t < times; t++, uu++) if (!units[uu] || units[uu].text[0] !== prev) ok = false;
        if (ok && go(uu, l + 1)) return true;
      }
      return false;
    }
    if (unit.text[0] === ch && (!titleCase || unit.cap)) return go(u + 1, l + 1);
    return false;
  };
  return go(0, 0);
}
