/**
 * `plainspoke init`: writes a commented `.plainspoke.yml` for the repository
 * in the working folder. It looks for the folders that hold Markdown and HTML
 * and suggests an `overrides` entry with the right channel for folders named
 * like macros, policies, social replies, chat, email or phone scripts. It
 * never overwrites an existing config unless asked to with --force.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from '../io.js';
import type { Channel } from '../../types.js';
import { EXTENSIONS } from '../../engine/discover.js';

const CONFIG_FILE = '.plainspoke.yml';
const OTHER_CONFIGS = ['.plainspoke.yml', '.plainspoke.yaml', '.plainspoke.json'];
/** Folders never worth a look: tools, builds and dependencies. */
const SKIP = new Set(['node_modules', 'vendor', 'dist', 'build', 'out', 'target', 'coverage', '__pycache__', 'venv', '.venv']);
const MAX_DEPTH = 6;
const MAX_ENTRIES = 20_000;
/** At most this many skipped folders go into the starter config's ignore list. */
const MAX_SKIPPED = 20;

/** Folder names → the channel their files are written for. */
const CHANNEL_NAMES: [RegExp, Channel, string][] = [
  [/^(macros?|canned[-_ ]?(responses|replies)?|saved[-_ ]?replies|snippets|responses)$/i, 'macro', 'reply templates'],
  [/^_?(polic(y|ies)|legal|terms|tos|privacy|compliance)$/i, 'policy', 'policies and legal pages'],
  [/^(social|twitter|facebook|instagram|mastodon|linkedin)$/i, 'social', 'public social replies'],
  [/^(chat|live[-_ ]?chat|messaging|whatsapp)$/i, 'chat', 'chat replies'],
  [/^(e-?mails?|mail)$/i, 'email', 'email replies'],
  [/^(phone|calls?|call[-_ ]?scripts?|voice|ivr)$/i, 'phone', 'phone scripts'],
];

export interface DetectedFolder {
  /** Relative, `/` separators, no trailing slash; '.' for the top folder. */
  path: string;
  markdown: number;
  html: number;
  channel?: Channel;
  why?: string;
}

/**
 * Counts Markdown and HTML files per folder (dot folders, dependencies and builds skipped).
 * `skipped`, when given, receives the build and vendor folders passed over (relative paths),
 * so the config can ignore them too: a later run must not lint what init left out (issue 17).
 */
export function detectFolders(root: string, skipped?: string[]): DetectedFolder[] {
  const found = new Map<string, DetectedFolder>();
  let seen = 0;
  const walk = (dir: string, rel: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return;
      if (e.name.startsWith('.')) continue;
      const childRel = rel === '.' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) {
          if (depth < MAX_DEPTH) walk(join(dir, e.name), childRel, depth + 1);
        } else if (e.name !== 'node_modules' && skipped && skipped.length < MAX_SKIPPED) skipped.push(childRel);
        continue;
      }
      if (!e.isFile()) continue;
      const ext = /\.([a-z]+)$/i.exec(e.name)?.[1]?.toLowerCase();
      if (!ext || !EXTENSIONS.includes(ext)) continue;
      let f = found.get(rel);
      if (!f) {
        f = { path: rel, markdown: 0, html: 0 };
        found.set(rel, f);
      }
      if (ext.startsWith('htm')) f.html++;
      else f.markdown++;
    }
  };
  walk(root, '.', 0);
  const folders = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of folders) {
    // The nearest folder name that says what it holds wins: help/macros/billing → macro.
    const parts = f.path === '.' ? [] : f.path.split('/');
    for (let i = parts.length - 1; i >= 0 && !f.channel; i--) {
      for (const [re, channel, why] of CHANNEL_NAMES) {
        if (re.test(parts[i])) {
          f.channel = channel;
          f.why = why;
          f.path = parts.slice(0, i + 1).join('/');
          break;
        }
      }
    }
  }
  return folders;
}

/** One override per channel folder (sub-folders of a matched folder merge into it). */
function overridesOf(folders: DetectedFolder[]): { glob: string; channel: Channel; why: string; files: number }[] {
  const byPath = new Map<string, { glob: string; channel: Channel; why: string; files: number }>();
  for (const f of folders) {
    if (!f.channel) continue;
    const o = byPath.get(f.path) ?? { glob: `${f.path}/**`, channel: f.channel, why: f.why ?? '', files: 0 };
    o.files += f.markdown + f.html;
    byPath.set(f.path, o);
  }
  return [...byPath.values()];
}

function q(s: string): string {
  return JSON.stringify(s);
}

/** The commented YAML `init` writes. */
export function starterConfig(folders: DetectedFolder[], root: string, skipped: readonly string[] = []): string {
  const md = folders.reduce((n, f) => n + f.markdown, 0);
  const htm = folders.reduce((n, f) => n + f.html, 0);
  const top = new Map<string, number>();
  for (const f of folders) {
    const head = f.path === '.' ? '.' : f.path.split('/')[0];
    top.set(head, (top.get(head) ?? 0) + f.markdown + f.html);
  }
  const where = [...top].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([p, n]) => `${p === '.' ? './' : `${p}/`} (${n})`);
  const overrides = overridesOf(folders);
  const ignore: string[] = [];
  for (const name of ['CHANGELOG.md', 'CHANGES.md', 'HISTORY.md']) if (existsSync(join(root, name))) ignore.push(name);
  // Folders init skipped (vendor, builds) are skipped by later runs too; node_modules always is.
  for (const dir of [...skipped].sort()) ignore.push(`${dir}/**`);

  const lines: string[] = [
    '# plainspoke config: https://github.com/plainspoke/plainspoke#configuration',
    md + htm
      ? `# plainspoke found ${md} Markdown and ${htm} HTML file${md + htm === 1 ? '' : 's'}${where.length ? ` in ${where.join(', ')}` : ''}.`
      : '# plainspoke found no Markdown or HTML files yet.',
    '# Run `plainspoke` to lint them, `plainspoke rules` to list the rules.',
    '',
    '# The rule set to start from: recommended, or strict (every rule one step stricter).',
    'extends: plainspoke:recommended',
    '',
    '# Who the files are written for, when no override below says otherwise:',
    '# article, policy, macro, chat, email, phone or social. Files in policies/, policy/,',
    '# legal/ or terms/ folders and files named terms, privacy or policy are policies.',
    'channel: article',
    '',
    '# Files to skip (globs, relative to this file). node_modules and .gitignore are always skipped.',
  ];
  if (ignore.length) {
    lines.push('ignore:');
    for (const g of ignore) lines.push(`  - ${q(g)}`);
  } else lines.push('ignore: []', '#  - "CHANGELOG.md"');
  lines.push(
    '',
    '# Turn rules off or change how much they matter: off, info, warn or error.',
    'rules: {}',
    '#  passive-voice: warn',
    '#  sentence-length: [error, { max: 20 }]',
    '',
    '# Words that are right for your product, and words you never want to see.',
    'vocabulary:',
    '  accept: []   # e.g. ["Zendesk", "2FA"]',
    '  reject: []   # e.g. ["kindly revert"]',
    '',
  );
  if (overrides.length) {
    lines.push('# Folders whose names say who reads them get their own channel (change them if they are wrong).', 'overrides:');
    for (const o of overrides) {
      lines.push(`  - files: [${q(o.glob)}]   # ${o.why}, ${o.files} file${o.files === 1 ? '' : 's'}`, `    channel: ${o.channel}`);
    }
  } else {
    lines.push(
      '# Give folders of reply templates, policies or social replies their own channel:',
      'overrides: []',
      '#  - files: ["macros/**"]',
      '#    channel: macro',
      '#  - files: ["social/**"]',
      '#    channel: social',
      '#    rules: { sentence-length: [warn, { max: 15 }] }',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** An existing config in the folder, if any (package.json counts only with a `plainspoke` key). */
function existingConfig(root: string): string | undefined {
  for (const name of OTHER_CONFIGS) if (existsSync(join(root, name))) return name;
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (pkg && typeof pkg === 'object' && 'plainspoke' in pkg) return 'package.json ("plainspoke" key)';
  } catch {
    /* no package.json, or not ours to judge */
  }
  return undefined;
}

export function runInit(opts: { force?: boolean }, io: CliIO): number {
  const existing = existingConfig(io.cwd);
  if (existing && !opts.force) {
    io.stderr.write(`plainspoke: ${existing} already exists here; plainspoke init leaves it alone (run 'plainspoke init --force' to replace ${CONFIG_FILE})\n`);
    return 2;
  }
  const skipped: string[] = [];
  const folders = detectFolders(io.cwd, skipped);
  const text = starterConfig(folders, io.cwd, skipped);
  try {
    writeFileSync(join(io.cwd, CONFIG_FILE), text);
  } catch (e) {
    io.stderr.write(`plainspoke: cannot write ${CONFIG_FILE} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 2;
  }
  const overrides = overridesOf(folders);
  io.stdout.write(`Wrote ${CONFIG_FILE}${overrides.length ? ` with ${overrides.length} channel override${overrides.length === 1 ? '' : 's'} (${overrides.map((o) => `${o.glob} → ${o.channel}`).join(', ')})` : ''}.\n`);
  if (existing && existing !== CONFIG_FILE) io.stdout.write(`Note: ${existing} is still there; remove it so ${CONFIG_FILE} is the one in use.\n`);
  io.stdout.write("Next: run 'plainspoke' to lint, or 'plainspoke --update-baseline' to accept today's findings and fail only on new ones.\n");
  return 0;
}
