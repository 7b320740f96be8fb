/** A file's language: declared, configured or detected, and English-only rules skipped on others (issue 14). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { allRules } from '../src/rules/registry.js';
import { normaliseLanguage } from '../src/document/language.js';
import { isPolicyPath } from '../src/config/policy-path.js';
import { ConfigResolver } from '../src/config/resolve.js';

const root = join(import.meta.dirname, '..');
const ENGLISH_ONLY = new Set(allRules().filter((r) => r.languages && !r.languages.includes('fr')).map((r) => r.id));

async function lint(path: string, text = readFileSync(join(root, path), 'utf8'), config: Record<string, unknown> = {}) {
  const report = await lintText(text, { cwd: root, filePath: path, config, axe: false });
  return report.files[0];
}

describe('language of a file', () => {
  it('cuts language tags to their ISO 639-1 part', () => {
    expect(normaliseLanguage('fr-CA')).toBe('fr');
    expect(normaliseLanguage('de_CH')).toBe('de');
    expect(normaliseLanguage('EN')).toBe('en');
    expect(normaliseLanguage('français')).toBeUndefined();
    expect(normaliseLanguage(42)).toBeUndefined();
  });

  it('marks the word-list, passive, acronym and care rules as English only', () => {
    for (const id of ['passive-voice', 'undefined-acronym', 'simpler-words', 'jargon', 'inclusive-language', 'minimizing-language', 'blame-language', 'robotic-phrase']) {
      expect(ENGLISH_ONLY.has(id), id).toBe(true);
    }
    for (const id of ['readability', 'sentence-length', 'image-alt', 'heading-order']) expect(ENGLISH_ONLY.has(id), id).toBe(false);
  });

  it('reads a French article (front matter lang) with Kandel–Moles and no English-only rule', async () => {
    const file = await lint('fixtures/languages/fr-article.md');
    expect(file.metrics?.language).toBe('fr');
    expect(file.findings.filter((f) => ENGLISH_ONLY.has(f.ruleId))).toEqual([]);
    expect(file.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['readability', 12, 1],
      ['sentence-length', 12, 1],
    ]);
    expect(file.findings[0].message).toContain('on the Kandel–Moles scale');
  });

  it('reads a German article (<html lang="de-DE">) with Amstad and no English-only rule', async () => {
    const file = await lint('fixtures/languages/de-article.html');
    expect(file.metrics?.language).toBe('de');
    expect(file.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['readability', 8, 4]]);
    expect(file.findings[0].message).toContain('on the Amstad scale');
  });

  it('detects a Spanish article that declares nothing and scores it with Fernández-Huerta', async () => {
    const file = await lint('fixtures/languages/es-article.md');
    expect(file.metrics?.language).toBe('es');
    expect(file.findings.filter((f) => ENGLISH_ONLY.has(f.ruleId))).toEqual([]);
    expect(file.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['readability', 7, 1],
      ['sentence-length', 7, 1],
    ]);
    expect(file.findings[0].message).toContain('on the Fernández-Huerta scale');
  });

  it('takes the config’s language when the file declares none, and the file’s over the config’s', async () => {
    const text = 'Votre commande a été expédiée hier. Vous recevrez un e-mail avec le numéro de suivi. Merci de votre patience.\n';
    expect((await lint('a.md', text, { language: 'fr' })).metrics?.language).toBe('fr');
    expect((await lint('a.md', `---\nlang: it\n---\n\n${text}`, { language: 'fr' })).metrics?.language).toBe('it');
  });

  it('assumes English for short text and for text that reads as English', async () => {
    expect((await lint('a.md', 'Hola, gracias por escribir.\n')).metrics?.language).toBe('en');
    const english = await lint('a.md', 'Your card was charged twice. We are sorry for the mix-up, and we have sent the money back to your card. It takes five days to show.\n');
    expect(english.metrics?.language).toBe('en');
    expect(english.findings.map((f) => f.ruleId)).toContain('passive-voice');
  });

  it('keeps English for a list of English labels the detector would call something else', async () => {
    const labels = 'GND VIN 5V 3V3 RX TX SDA SCL A0 A1 A2 A3 pins header ICSP connector USB-C port reset button LED power jack barrel battery JST cable';
    expect((await lint('pins.md', `${labels}\n`)).metrics?.language).toBe('en');
    const menus = 'Settings Security Two-step verification Backup codes Passkeys Devices Sessions Export data Webhooks Billing Invoices Plan Usage Members Roles Permissions Audit log Integrations Notifications';
    expect((await lint('menus.md', `${menus}\n`)).metrics?.language).toBe('en');
  });

  it('refuses a config language that is not a language code, naming the key', async () => {
    await expect(lint('a.md', 'Hi.\n', { language: 'French!' })).rejects.toThrow(/language/);
  });
});

describe('policies linted as policies', () => {
  it('knows policy folders and policy file names', () => {
    expect(isPolicyPath('help/Policies/acceptable-use.md')).toBe(true);
    expect(isPolicyPath('content/_policy/privacy._en.md')).toBe(true);
    expect(isPolicyPath('legal/cookies.html')).toBe(true);
    expect(isPolicyPath('site/terms-of-service.md')).toBe(true);
    expect(isPolicyPath('privacy.md')).toBe(true);
    expect(isPolicyPath('help/review-your-privacy-settings.md')).toBe(false);
    expect(isPolicyPath('help/refund-policy.md')).toBe(false);
    expect(isPolicyPath('help/billing/refunds.md')).toBe(false);
  });

  it('puts them in the policy channel unless an override says otherwise', () => {
    const r = ConfigResolver.fromData({ overrides: [{ files: ['legal/faq/**'], channel: 'article' }] }, 'test', root);
    expect(r.resolve(join(root, 'legal/terms.md')).channel).toBe('policy');
    expect(r.resolve(join(root, 'help/privacy.md')).channel).toBe('policy');
    expect(r.resolve(join(root, 'help/refunds.md')).channel).toBe('article');
    expect(r.resolve(join(root, 'legal/faq/refunds.md')).channel).toBe('article');
    const macro = ConfigResolver.fromData({ channel: 'macro' }, 'test', root);
    expect(macro.resolve(join(root, 'legal/terms.md')).channel).toBe('macro');
  });
});
