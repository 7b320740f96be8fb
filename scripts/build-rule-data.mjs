// Compiles rules/*.yml into dist/rule-data.json (validated by the same code the
// linter uses), so a run never parses YAML, with the word lists of the retext
// plugins that do not export them. Runs after tsc.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PHRASE_INDEX_FILE, readTablesFromYaml, serialisePhraseIndex, serialiseTable } from '../dist/lexicon/data.js';

/** retext-equality and retext-passive keep their word lists in files they do not export: read them where they are installed. */
async function readVendorLists() {
  const require = createRequire(import.meta.url);
  const fileIn = (pkg, ...parts) => pathToFileURL(join(dirname(require.resolve(pkg)), ...parts)).href;
  const { patterns } = await import(fileIn('retext-equality', 'patterns-en.js'));
  const { list } = await import(fileIn('retext-passive', 'lib', 'list.js'));
  if (!Array.isArray(patterns) || !Array.isArray(list)) throw new Error('the retext-equality or retext-passive word list moved: update readVendorLists');
  return { equality: patterns, passive: list };
}

/**
 * JSON text with every character beyond ASCII written as a `\u` escape (issue 19), which JSON.parse reads back as the
 * same character. An ASCII line decodes to a one-byte string, which V8 parses faster: the tables a one-file run
 * parses took about 40% less CPU. Outside strings a JSON text has only ASCII, so only strings change.
 */
const ascii = (json) => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

try {
  const tables = readTablesFromYaml();
  const vendor = await readVendorLists();
  // One JSON document with every table and list on a line of its own, so a run parses only the tables it uses, and a
  // table's entries with a tab before each, so a run parses only the entries it uses (src/lexicon/data.ts, serialiseTable).
  const lines = (o, json = JSON.stringify) => Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}:${json(v)}`).join(',\n');
  writeFileSync(new URL('../dist/rule-data.json', import.meta.url), ascii(`{"tables":{\n${lines(tables, (t) => serialiseTable(t, ascii))}\n},"vendor":{\n${lines(vendor)}\n}}\n`));
  // Each table's phrases by first word: a rule's matcher reads only the phrases of its documents' words (issue 19).
  writeFileSync(new URL(`../dist/${PHRASE_INDEX_FILE}`, import.meta.url), ascii(serialisePhraseIndex(tables)));
  // inclusive-language's matcher phrases, grouped by first word: a run adds only the groups of its documents' words (issue 19).
  // Made by the rule's own code from the data just written (a built module reads dist/rule-data.json).
  const { phrasesByFirstWord, serialisePhrases, PHRASES_FILE } = await import('../dist/rules/plain/inclusive-language.js');
  writeFileSync(new URL(`../dist/${PHRASES_FILE}`, import.meta.url), ascii(serialisePhrases(phrasesByFirstWord())));
  // The first words of every care pattern, by the pattern compiler itself: a run compiles a pattern only when a line holds one (issue 19).
  const { serialiseFirstWords, FIRST_WORDS_FILE } = await import('../dist/lexicon/care-tables.js');
  writeFileSync(new URL(`../dist/${FIRST_WORDS_FILE}`, import.meta.url), ascii(serialiseFirstWords(tables)));
  // simpler-words' inflected forms of its entries ("terminates", "utilising"), by the rule's own code: a run looks a word up instead of making them (issue 19).
  const { serialiseForms, FORMS_FILE } = await import('../dist/rules/plain/simpler-words.js');
  writeFileSync(new URL(`../dist/${FORMS_FILE}`, import.meta.url), ascii(serialiseForms()));
  console.log(`rule data: ${Object.keys(tables).length} tables compiled to dist/rule-data.json, and dist/${PHRASES_FILE}, dist/${FIRST_WORDS_FILE}, dist/${FORMS_FILE}, dist/${PHRASE_INDEX_FILE}`);
} catch (e) {
  console.error(`rule data: ${e.message}`);
  process.exit(1);
}
