/**
 * Word and phrase tables from rules/*.yml. The build compiles them to
 * dist/rule-data.json so a run never parses YAML; running from source (tests)
 * reads the YAML directly so an edit shows at once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, runningFromSource } from '../util/package-root.js';
import { RuleDataError } from '../util/errors.js';
import { parseCheckedTable } from './table-schema.js';
import { firstWord, isLiteralPhrase } from './phrase-matcher.js';
import { readFileBytes } from '../util/scratch-read.js';

export interface PhraseEntry {
  /** Phrases to find, as words; case-insensitive unless `case: true`. */
  match: string[];
  /** Plainer wording to suggest. */
  replace?: string[];
  /** Why this matters, shown by `explain` and in messages. */
  note?: string;
  source?: string;
  /** `safe`: --fix may apply the first replacement without review. */
  fix?: 'safe';
  /** Phrases in which a match is fine (e.g. "just" in "just-in-time"). */
  exceptions?: string[];
  /** Match case exactly (acronyms, proper nouns). */
  case?: boolean;
  /** Extra fields some rules use (category, channels, severity…). */
  [key: string]: unknown;
}

export interface PhraseTable {
  kind: 'existence' | 'substitution' | 'list';
  message?: string;
  entries: PhraseEntry[];
  [key: string]: unknown;
}

export { packageRoot };
const fromSource = runningFromSource;

/** Validates one table; errors name the file and the entry. */
export function validateTable(file: string, data: unknown): PhraseTable {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new RuleDataError(file, 'must be a map with kind and entries');
  const t = data as Record<string, unknown>;
  if (!['existence', 'substitution', 'list'].includes(String(t.kind))) throw new RuleDataError(file, "'kind' must be existence, substitution or list");
  if (!Array.isArray(t.entries)) throw new RuleDataError(file, "'entries' must be a list");
  t.entries.forEach((e: unknown, i: number) => {
    const where = `entries[${i}]`;
    if (!e || typeof e !== 'object') throw new RuleDataError(file, `${where} must be a map`);
    const entry = e as Record<string, unknown>;
    if (typeof entry.match === 'string') entry.match = [entry.match];
    if (!Array.isArray(entry.match) || entry.match.length === 0 || entry.match.some((m) => typeof m !== 'string' || !m.trim())) {
      throw new RuleDataError(file, `${where}: 'match' must be a phrase or a list of phrases`);
    }
    if (typeof entry.replace === 'string') entry.replace = [entry.replace];
    if (entry.replace !== undefined && (!Array.isArray(entry.replace) || entry.replace.some((m) => typeof m !== 'string'))) {
      throw new RuleDataError(file, `${where}: 'replace' must be a list of phrases`);
    }
    if (t.kind === 'substitution' && !entry.replace) throw new RuleDataError(file, `${where}: 'replace' is required in a substitution table`);
    if (entry.fix !== undefined && entry.fix !== 'safe') throw new RuleDataError(file, `${where}: 'fix' can only be 'safe'`);
    if (entry.fix === 'safe' && !(entry.replace as string[] | undefined)?.length) throw new RuleDataError(file, `${where}: a safe fix needs 'replace'`);
    if (entry.exceptions !== undefined && (!Array.isArray(entry.exceptions) || entry.exceptions.some((m) => typeof m !== 'string'))) {
      throw new RuleDataError(file, `${where}: 'exceptions' must be a list of phrases`);
    }
  });
  return t as unknown as PhraseTable;
}

/**
 * Reads every rules/*.yml, checks it against its strict schema in rules/_schema/ (a misspelt
 * key fails with file and line), then validates what a schema cannot say (used by the build
 * and when running from source).
 */
export function readTablesFromYaml(dir = join(packageRoot, 'rules')): Record<string, PhraseTable> {
  const out: Record<string, PhraseTable> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yml')) continue;
    const table = name.slice(0, -4);
    out[table] = validateTable(`rules/${name}`, parseCheckedTable(dir, table));
  }
  return out;
}

/**
 * dist/rule-data.json, read once per process and parsed one table at a time (issue 19). The build
 * writes every table and vendor list on a line of its own (scripts/build-rule-data.mjs), still one
 * JSON document: a run parses only the tables its rules ask for, so an article never parses the
 * care tables (a third of the file). The file is read as bytes and only the lines a run asks for are
 * decoded (issue 19: decoding the whole 680 KB file, read in 8 KB pieces, then splitting it, was
 * about 2 ms of a one-file run). A file in another layout is parsed whole.
 */
interface CompiledData {
  /** A Line is a line not parsed yet. */
  tables: Map<string, unknown>;
  vendor: Map<string, unknown>;
}
let compiledData: CompiledData | null | undefined;

/** The value part of a `"name":{…}` line of the file (its comma dropped): bytes start to end, not decoded yet. */
class Line {
  constructor(
    readonly bytes: Buffer,
    readonly start: number,
    readonly end: number,
  ) {}
}

/** A Line's value, parsed. */
function parseEntry(line: Line): unknown {
  return JSON.parse(line.bytes.toString('utf8', line.start, line.end));
}

const HEAD = Buffer.from('{"tables":{\n');
const VENDOR = Buffer.from('},"vendor":{');
const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

function compiled(): CompiledData | null {
  if (compiledData !== undefined) return compiledData;
  let bytes: Buffer;
  try {
    bytes = readFileBytes(join(packageRoot, 'dist', 'rule-data.json'));
  } catch {
    return (compiledData = null);
  }
  const out: CompiledData = { tables: new Map(), vendor: new Map() };
  if (bytes.subarray(0, HEAD.length).equals(HEAD)) {
    let section = out.tables;
    for (let start = HEAD.length; start < bytes.length; ) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end < 0) end = bytes.length;
      if (end - start === VENDOR.length && bytes.subarray(start, end).equals(VENDOR)) section = out.vendor;
      else if (bytes[start] === QUOTE) {
        // `"name":value` and a comma unless it is the last of its section. A name holds no `":` (JSON escapes its quotes).
        const colon = bytes.indexOf('":', start);
        const last = bytes[end - 1] === COMMA ? end - 1 : end;
        section.set(JSON.parse(bytes.toString('utf8', start, colon + 1)) as string, new Line(bytes, colon + 2, last));
      }
      start = end + 1;
    }
  } else {
    try {
      const whole = JSON.parse(bytes.toString('utf8')) as { tables?: Record<string, PhraseTable>; vendor?: Record<string, unknown> };
      for (const [k, v] of Object.entries(whole.tables ?? {})) out.tables.set(k, v);
      for (const [k, v] of Object.entries(whole.vendor ?? {})) out.vendor.set(k, v);
    } catch {
      return (compiledData = null);
    }
  }
  return (compiledData = out);
}

/** A value of the compiled data, parsed on first use (a Line is a line not parsed yet). */
function entryOf<T>(map: Map<string, unknown>, name: string): T | undefined {
  const v = map.get(name);
  if (!(v instanceof Line)) return v as T | undefined;
  const parsed = (map === compiledData?.tables ? (lazyTable(v) ?? parseEntry(v)) : parseEntry(v)) as T;
  map.set(name, parsed);
  return parsed;
}

/**
 * A table's entries, one at a time (issue 19). The build writes each table line with its entries last and a tab
 * before each entry and before the closing bracket: `{"kind":…,"entries":[<TAB>{…},<TAB>{…}<TAB>]}`. JSON allows the
 * tab there, and JSON.stringify never writes one (it escapes a tab in a string), so a tab marks where an entry
 * starts. A one-file run reads a few dozen of the jargon table's 857 entries, so it parses only those: the phrase
 * index (phraseIndex) says which entries a document's words can hit.
 */
export interface TableEntries {
  readonly length: number;
  /** Entry i, parsed on first use; the same object every time. */
  at(i: number): PhraseEntry | undefined;
}

const ENTRIES_OPEN = Buffer.from('"entries":[\t');
const TAB = 0x09;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** The tables whose entries are parsed one at a time: their entry list, by table object. */
const lazyEntries = new WeakMap<PhraseTable, LazyEntries>();

class LazyEntries implements TableEntries {
  private readonly parsed: (PhraseEntry | undefined)[];
  constructor(
    /** The table's line, decoded (the file is ASCII). */
    private readonly text: string,
    /** Offset of each tab in `text`: entry i is between tabs[i] + 1 and tabs[i + 1] (a comma dropped). */
    private readonly tabs: number[],
  ) {
    this.parsed = new Array<PhraseEntry | undefined>(tabs.length - 1);
  }
  get length(): number {
    return this.tabs.length - 1;
  }
  at(i: number): PhraseEntry | undefined {
    if (!(i >= 0 && i < this.tabs.length - 1)) return undefined;
    let e = this.parsed[i];
    if (e === undefined) {
      let end = this.tabs[i + 1];
      if (this.text.charCodeAt(end - 1) === COMMA) end--;
      e = JSON.parse(this.text.slice(this.tabs[i] + 1, end)) as PhraseEntry;
      this.parsed[i] = e;
    }
    return e;
  }
  /** Whether `entry` is one of these (a rule's hit holds the entry it was made from). */
  owns(entry: PhraseEntry): boolean {
    return this.parsed.includes(entry);
  }
  all(): PhraseEntry[] {
    if (!this.parsed.some((e) => e !== undefined)) {
      // None read yet: the whole list in one parse, from its `[` to its `]` (the tabs are JSON white space).
      const all = JSON.parse(this.text.slice(this.tabs[0] - 1, this.tabs[this.tabs.length - 1] + 2)) as PhraseEntry[];
      if (all.length === this.length) {
        all.forEach((e, i) => (this.parsed[i] = e));
        return all;
      }
    }
    const out: PhraseEntry[] = [];
    for (let i = 0; i < this.tabs.length - 1; i++) out.push(this.at(i)!);
    return out;
  }
}

/**
 * A table's JSON in the layout above (the build, scripts/build-rule-data.mjs): its entries last, a tab before each
 * entry and before the closing bracket. `ascii` is the build's escaping of characters beyond ASCII, done here entry
 * by entry (the build escapes the whole file again, which changes nothing then).
 */
export function serialiseTable(t: PhraseTable, ascii: (json: string) => string = (j) => j): string {
  const { entries, ...rest } = t;
  if (!entries.length) return ascii(JSON.stringify(t));
  const head = ascii(JSON.stringify({ ...rest, entries: [] }));
  return `${head.slice(0, -2)}\t${entries.map((e) => ascii(JSON.stringify(e))).join(',\t')}\t]}`;
}

/** A serialiseTable() text as a table whose entries are parsed one at a time (tests; a run reads them from the file). */
export function tableFromLine(bytes: Buffer): PhraseTable | undefined {
  return lazyTable(new Line(bytes, 0, bytes.length));
}

/** A table line in the layout above as a table whose `entries` are parsed when first read; undefined for another layout. */
function lazyTable(line: Line): PhraseTable | undefined {
  const { bytes, start, end } = line;
  const open = bytes.indexOf(ENTRIES_OPEN, start);
  // The entries come last: the line ends `<TAB>]}`.
  if (open < 0 || open >= end || bytes[end - 3] !== TAB || bytes[end - 2] !== CLOSE_BRACKET || bytes[end - 1] !== CLOSE_BRACE) return undefined;
  // Decoded once, and searched as a string: Buffer#indexOf costs far more a call than String#indexOf.
  const text = bytes.toString('latin1', start, end);
  const tabs: number[] = [];
  for (let at = open - start + ENTRIES_OPEN.length - 1; at >= 0; at = text.indexOf('\t', at + 1)) tabs.push(at);
  const t = JSON.parse(`${text.slice(0, open - start + ENTRIES_OPEN.length - 1)}]}`) as PhraseTable;
  const list = new LazyEntries(text, tabs);
  lazyEntries.set(t, list);
  // Every entry, parsed when first read (a rule that walks the whole table).
  Object.defineProperty(t, 'entries', {
    configurable: true,
    enumerable: true,
    get() {
      const all = list.all();
      Object.defineProperty(t, 'entries', { value: all, writable: true, configurable: true, enumerable: true });
      return all;
    },
  });
  return t;
}

/** Table `name`'s entries by index, parsed one at a time when the compiled data allows it (see TableEntries). */
export function tableEntries(name: string): TableEntries {
  return entriesOf(table(name));
}

/** A table's entries by index: one at a time when the table was read from the compiled data. */
export function entriesOf(t: PhraseTable): TableEntries {
  return lazyEntries.get(t) ?? t.entries;
}

const ownSets = new Map<string, Set<PhraseEntry>>();

/** Whether `entry` is one of table `name`'s own entries (not a rule's made-up one), without reading every entry. */
export function isTableEntry(name: string, entry: PhraseEntry): boolean {
  const t = table(name);
  const lazy = lazyEntries.get(t);
  if (lazy) return lazy.owns(entry);
  let own = ownSets.get(name);
  if (!own) ownSets.set(name, (own = new Set(t.entries)));
  return own.has(entry);
}

const tables = new Map<string, PhraseTable>();

/** Names of the tables this process has loaded so far, in order (tests check what a run reads). */
export function loadedTables(): string[] {
  return [...tables.keys()];
}

function load(name: string): PhraseTable | undefined {
  let t = tables.get(name);
  if (t) return t;
  if (fromSource) {
    // Running from source (tests): the YAML, so an edit shows at once; one table at a time.
    const dir = join(packageRoot, 'rules');
    if (!existsSync(join(dir, `${name}.yml`))) return undefined;
    t = validateTable(`rules/${name}.yml`, parseCheckedTable(dir, name));
  } else {
    const data = compiled();
    t = data ? entryOf<PhraseTable>(data.tables, name) : validateOne(name);
  }
  if (t) tables.set(name, t);
  return t;
}

/** Without dist/rule-data.json: the one YAML table. */
function validateOne(name: string): PhraseTable | undefined {
  const dir = join(packageRoot, 'rules');
  if (!existsSync(join(dir, `${name}.yml`))) return undefined;
  return validateTable(`rules/${name}.yml`, parseCheckedTable(dir, name));
}

/**
 * Word lists we take from retext plugins that do not export them.
 * scripts/build-rule-data.mjs reads them from the installed packages (same
 * version, same words) into dist/rule-data.json, so a run loads no package internals and the rules
 * need no top-level await (which the start-up bundle cannot hold).
 */
export interface VendorLists {
  /** retext-equality's patterns-en.js `patterns`. */
  equality: unknown[];
  /** retext-passive's lib/list.js `list` of irregular participles. */
  passive: string[];
}

let vendor: VendorLists | undefined;

/** The vendor lists compiled into dist/rule-data.json (also when running from source: `npm test` builds first). */
export function vendorLists(): VendorLists {
  if (vendor) return vendor;
  const data = compiled();
  if (!data || !data.vendor.has('equality') || !data.vendor.has('passive')) throw new RuleDataError('dist/rule-data.json', 'is missing or out of date: run `npm run build`');
  // Each list is parsed when first read: passive-voice needs only `passive`.
  const lists = {} as VendorLists;
  for (const key of ['equality', 'passive'] as const) {
    Object.defineProperty(lists, key, { enumerable: true, get: () => entryOf(data.vendor, key) });
  }
  vendor = lists;
  return vendor;
}

/** The phrase table `rules/<name>.yml`. */
export function table(name: string): PhraseTable {
  const t = load(name);
  if (!t) throw new RuleDataError(`rules/${name}.yml`, 'is missing');
  return t;
}

/**
 * Each table's phrases by first word, written by the build (scripts/build-rule-data.mjs) so a rule's matcher
 * need not read every phrase of its table before the first sentence (issue 19). One table a line, parsed when a
 * run first asks for it: `"name":{"n":entry count,"w":{"first word":[entry, phrase, …]},"l":[entry, phrase, …]}`,
 * the pairs in table order; `l` lists the phrases that hold punctuation (isLiteralPhrase).
 */
export const PHRASE_INDEX_FILE = 'phrase-index.json';

/** The PHRASE_INDEX_FILE text for these tables (the build). A `list` table is read as a list, not by a matcher: it has no line. */
export function serialisePhraseIndex(all: Record<string, PhraseTable>): string {
  const lines = Object.entries(all)
    .filter(([, t]) => t.kind !== 'list')
    .map(([name, t]) => {
      const w = new Map<string, number[]>();
      const l: number[] = [];
      t.entries.forEach((entry, e) =>
        entry.match.forEach((phrase, p) => {
          if (isLiteralPhrase(phrase)) l.push(e, p);
          const first = firstWord(phrase);
          if (first === undefined) return;
          let pairs = w.get(first);
          if (!pairs) w.set(first, (pairs = []));
          pairs.push(e, p);
        }),
      );
      return `${JSON.stringify(name)}:${JSON.stringify({ n: t.entries.length, w: Object.fromEntries(w), l })}`;
    });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** A table's line of PHRASE_INDEX_FILE: its phrases by first word, and its literal phrases, as [entry, phrase] pairs. */
export interface PhraseIndex {
  first(word: string): number[] | undefined;
  literals: number[];
}

let phraseIndexLines: Map<string, Line> | null | undefined;
const phraseIndexes = new Map<string, PhraseIndex | undefined>();

/** Table `name`'s line of PHRASE_INDEX_FILE; undefined when running from source or the file is missing or made from another table. */
export function phraseIndex(name: string): PhraseIndex | undefined {
  if (fromSource) return undefined;
  if (phraseIndexes.has(name)) return phraseIndexes.get(name);
  if (phraseIndexLines === undefined) {
    phraseIndexLines = null;
    try {
      // Read as bytes into the scratch memory (issue 19), and a line decoded only when its table is used.
      const bytes = readFileBytes(join(packageRoot, 'dist', PHRASE_INDEX_FILE));
      const lines = new Map<string, Line>();
      for (let start = 0; start < bytes.length; ) {
        let end = bytes.indexOf(NEWLINE, start);
        if (end < 0) end = bytes.length;
        if (bytes[start] === QUOTE) {
          const colon = bytes.indexOf('":', start);
          lines.set(JSON.parse(bytes.toString('utf8', start, colon + 1)) as string, new Line(bytes, colon + 2, bytes[end - 1] === COMMA ? end - 1 : end));
        }
        start = end + 1;
      }
      phraseIndexLines = lines;
    } catch {
      phraseIndexLines = null;
    }
  }
  let index: PhraseIndex | undefined;
  const line = phraseIndexLines?.get(name);
  if (line !== undefined) {
    try {
      const { n, w, l } = parseEntry(line) as { n: number; w: Record<string, number[]>; l: number[] };
      if (n === tableEntries(name).length && Array.isArray(l)) index = { first: (word) => (Object.hasOwn(w, word) ? w[word] : undefined), literals: l };
    } catch {
      index = undefined;
    }
  }
  phraseIndexes.set(name, index);
  return index;
}
