/** Reading scores in each language's own formula, and the syllable counters behind them (issue 14). */
import { describe, expect, it } from 'vitest';
import { easeToGrade, lixToGrade, readabilityOf, syllablesOf, type TextStats } from '../src/util/readability.js';

const stats = (words: number, sentences: number, syllables: number, longWords = 0): TextStats => ({ words, sentences, syllables, polysyllables: 0, longWords });

describe('reading formulas', () => {
  // Worked by hand from each formula's constants: 100 words in 10 sentences (ASL 10).
  it('scores German with Amstad: 180 − ASL − 58.5 × ASW', () => {
    expect(readabilityOf(stats(100, 10, 150), 'de')).toMatchObject({ formula: 'Amstad', scale: 'ease', score: 82.3 }); // 180 − 10 − 87.75
  });
  it('scores Dutch with Flesch–Douma: 206.835 − 0.93 × ASL − 77 × ASW', () => {
    expect(readabilityOf(stats(100, 10, 150), 'nl')).toMatchObject({ formula: 'Flesch–Douma', score: 82 }); // 206.835 − 9.3 − 115.5
  });
  it('scores French with Kandel–Moles: 207 − 1.015 × ASL − 73.6 × ASW', () => {
    expect(readabilityOf(stats(100, 10, 200), 'fr')).toMatchObject({ formula: 'Kandel–Moles', score: 49.7 }); // 207 − 10.15 − 147.2
  });
  it('scores Spanish with Fernández-Huerta: 206.84 − 0.60 × syllables per 100 words − 1.02 × ASL', () => {
    expect(readabilityOf(stats(100, 10, 200), 'es')).toMatchObject({ formula: 'Fernández-Huerta', score: 76.6 }); // 206.84 − 120 − 10.2
  });
  it('scores Italian with Flesch–Vacca: 206 − 0.65 × syllables per 100 words − ASL', () => {
    expect(readabilityOf(stats(100, 10, 200), 'it')).toMatchObject({ formula: 'Flesch–Vacca', score: 66 }); // 206 − 130 − 10
  });
  it('falls back to LIX (ASL + share of words over six letters) for other languages', () => {
    expect(readabilityOf(stats(100, 10, 0, 30), 'sv')).toMatchObject({ formula: 'LIX', scale: 'lix', score: 40, grade: 9 });
  });
  it('keeps the Flesch–Kincaid grade for English', () => {
    expect(readabilityOf(stats(100, 10, 150), 'en')).toMatchObject({ formula: 'Flesch–Kincaid', scale: 'grade', score: 6 }); // 3.9 + 17.7 − 15.59
  });
  it('turns a reading ease into a school grade with Flesch’s table', () => {
    expect(easeToGrade(90)).toBe(5);
    expect(easeToGrade(65)).toBe(8);
    expect(easeToGrade(50)).toBe(12);
    expect(easeToGrade(-20)).toBe(19);
    expect(lixToGrade(50)).toBe(12);
  });
  it('clamps a reading ease to 0–100', () => {
    expect(readabilityOf(stats(20, 1, 80), 'de').score).toBe(0);
    expect(readabilityOf(stats(100, 50, 100), 'es').score).toBe(100);
  });
});

describe('syllables by language', () => {
  it.each([
    ['de', 'Haus', 1],
    ['de', 'Bestellung', 3],
    ['de', 'Einstellungen', 4],
    ['fr', 'porte', 1],
    ['fr', 'commandes', 2],
    ['fr', 'téléphone', 3],
    ['fr', 'le', 1],
    ['es', 'día', 2],
    ['es', 'leer', 2],
    ['es', 'cuenta', 2],
    ['es', 'facturación', 4],
    ['it', 'paese', 3],
    ['it', 'piano', 2],
    ['it', 'città', 2],
    ['nl', 'bestelling', 3],
    ['nl', 'geëmigreerd', 4],
    ['nl', 'vrijdag', 2],
  ])('%s %s has %i', (lang, word, n) => {
    expect(syllablesOf(word, lang)).toBe(n);
  });
});

describe('readability and sentence-length together', () => {
  it('reports one finding per section, caps grades at 18, and leaves a plain long sentence to sentence-length', async () => {
    const { lintText } = await import('../src/index.js');
    // Two different hard paragraphs: a long word used three times or more in a file is the page's subject, not
    // a word to blame (readability, session 1.14); since 1.18 a long word used twice is page vocabulary, never
    // named, so the message blames the long words without naming any.
    const hard = 'Subsequent to the verification of organizational eligibility, administrative representatives may authorize supplementary functionality.';
    const harder = 'Subsequent to the validation of institutional accreditation, departmental administrators may authorize complementary capabilities.';
    const text = [
      '# Plans',
      '',
      `${hard} ${hard}`,
      '',
      `${harder} ${harder}`,
      '',
      '## Returns',
      '',
      'If you ordered a few things in one box but want to send back only some of them, pick those items on the returns page and we will pay you back once they reach us.',
      '',
    ].join('\n');
    const report = await lintText(text, { filePath: 'plans.md', config: {}, axe: false });
    const found = report.files[0].findings.filter((f) => f.ruleId === 'readability' || f.ruleId === 'sentence-length');
    expect(found.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['readability', 3, 1],
      ['sentence-length', 9, 1],
    ]);
    expect(found[0].message).toBe("This paragraph reads above grade 18 by the Flesch–Kincaid formula because of its long words, over the grade 8 target (one more paragraph in this section is hard too): cut wordy phrases and passives, and use shorter words");
    expect(found[1].message).toBe("The sentence 'If you ordered a few…' has 35 words, over the limit of 25: split it or cut words");
  });
});
