import { describe, expect, it } from 'vitest';

// readability messages name what raises the grade (issue 14, seed-69 to 71 audits): never a long word most adults
// know ("identify", "recommend", "agencies", "responsible"), and the longest sentences when their length carries more
// of the grade than the words do. Short text of everyday long words, and a paragraph that is mostly one sentence of
// twice the length limit, are left alone.
async function readability(text: string, filePath = 'help.md', channel?: string) {
  const { lintText } = await import('../src/index.js');
  const report = await lintText(text, { filePath, config: channel ? { channel } : {}, axe: false });
  return report.files[0].findings.filter((f) => f.ruleId === 'readability').map((f) => [f.line, f.message]);
}

describe('readability messages', () => {
  it('names long words a writer should change, not words most adults know', async () => {
    const text = '# Visits\n\nOur booking assistant can identify open appointment slots and recommend a certified technician near you. Volunteers from partner agencies are responsible for reminders, and our dispatcher coordinates cancellations.\n';
    expect(await readability(text)).toEqual([
      [3, "This paragraph reads at grade 15.6 by the Flesch–Kincaid formula because of long words such as 'technician', 'coordinates', over the grade 8 target: use shorter, more common words"],
    ]);
  });

  it('leaves alone a short item made of everyday long words', async () => {
    const text = '# What to bring\n\n- **A recent photo:** To confirm your identity, an official identification document is necessary.\n';
    expect(await readability(text)).toEqual([]);
  });

  it('leaves a paragraph that is mostly one very long sentence to sentence-length', async () => {
    const clause = 'To the fullest extent permitted by applicable legislation, neither party shall be responsible for any losses arising from interruption of the service, corruption of stored materials, unauthorised interception of communications or unavailability of external infrastructure, regardless of whether the affected party was previously notified of the possibility of such losses or could reasonably have anticipated them.';
    expect(await readability(`# Liability\n\n${clause}\n`, 'terms.md', 'policy')).toEqual([]);
    // Sentences within the limit that hold a third of the words or more keep the paragraph in reach of the grade.
    const more = `${clause} Retention durations vary by subscription tier and jurisdiction. Deleted materials become irretrievable after the applicable retention interval expires, unless an authorised administrator requests restoration beforehand. Archived invoices remain accessible through the billing console.`;
    expect((await readability(`# Liability\n\n${more}\n`, 'terms.md', 'policy')).map(([line]) => line)).toEqual([3]);
  });
  // Issue 14, seed-73 audit (rd72): the page's own words and the words an acronym stands for are not named as hard.
  it('does not name a word of the page title, in its singular or plural', async () => {
    const text = '# Fixed vulnerabilities\n\nVersion 4.2 of the desktop app closes one vulnerability that affected every earlier release on all computers. Additional information is available in the official security notice on our website today.\n';
    expect(await readability(text)).toEqual([
      [3, 'This paragraph reads at grade 15 by the Flesch–Kincaid formula because of its long words, over the grade 8 target: cut wordy phrases and passives, and use shorter words'],
    ]);
  });

  // Issue 14, seed-74 and 75 audits (rd77): a long word the page uses twice is its own word, not one to change.
  it('does not name a long word the page uses twice', async () => {
    const text = '# Visits\n\nOur booking assistant can identify open appointment slots and recommend a certified technician near you. Volunteers from partner agencies are responsible for reminders, and our dispatcher coordinates cancellations.\n\nA technician calls you first.\n';
    expect(await readability(text)).toEqual([
      [3, "This paragraph reads at grade 15.6 by the Flesch–Kincaid formula because of long words such as 'coordinates', over the grade 8 target: use shorter, more common words"],
    ]);
  });

  it('counts the words an acronym stands for as a name', async () => {
    const text = '# Your health card\n\nPlastic HRA (health reimbursement arrangement) cards and EOB (explanation of benefits) statements are available to county employees and military veterans. The cards, with an encrypted chip, are resistant to skimming and difficult to clone if stolen.\n';
    expect(await readability(text)).toEqual([]);
  });
});
