/**
 * The language server's section cache for Markdown documents (issue 15).
 *
 * A full lint of the largest corpus policy (46 KB) takes about 70 ms on a
 * quiet machine, two thirds of it parsing and sentence splitting, so caching
 * rule results alone would not help: a keystroke must not parse the whole
 * file. A document is cut into sections at headings (outside code
 * fences), and the rules that look only inside a sentence or an element run
 * on each section on its own, cached by the section's text and the config
 * generation: a keystroke re-lints one section. The rules that need the whole
 * document (readability, heading order, acronyms defined earlier, the
 * counts of uses in jargon and simpler-words, the care rules, unused disable
 * comments, axe…) keep the
 * result of the last full lint, moved along with the edits, and a full lint
 * runs once the writer pauses.
 *
 * Documents that this could get wrong are always linted whole: replies
 * (their care rules read the whole reply), HTML, files with front matter
 * settings or disable comments other than `disable-next-line`, and very
 * short ones (nothing to gain).
 */

/** Rules whose findings depend only on the sentence or element they are in. */
export const LOCAL_RULES: readonly string[] = [
  'passive-voice',
  'sentence-length',
  'inclusive-language',
  'minimizing-language',
  'image-alt',
  'alt-text-quality',
  'link-text',
  'sensory-language',
  'table-headers',
];

const LOCAL = new Set(LOCAL_RULES);

export function isLocalRule(id: string): boolean {
  return LOCAL.has(id);
}

/**
 * Documents shorter than this (UTF-16 units) are always linted whole. Above it sections pay: a keystroke in
 * the median corpus article (2 KB, three sections) costs the server about 6 ms of CPU by sections, 12 ms whole.
 */
export const BLOCK_MODE_MIN = 1024;

/** Whether a Markdown text may be linted by sections. */
export function blockModeFits(text: string): boolean {
  if (text.length < BLOCK_MODE_MIN) return false;
  // Front matter that sets plainspoke options applies to every section; a disable/enable range may span sections.
  if (/^\uFEFF?---\r?\n[\s\S]*?plainspoke/.test(text.slice(0, 4096))) return false;
  let at = text.indexOf('plainspoke-disable');
  while (at !== -1) {
    if (!text.startsWith('plainspoke-disable-next-line', at)) return false;
    at = text.indexOf('plainspoke-disable', at + 18);
  }
  return !text.includes('plainspoke-enable');
}

/** [start, end) offsets of the sections: cut before an ATX heading at column 0 that follows a blank line, outside fences and front matter. */
export function sections(text: string): [number, number][] {
  const cuts: number[] = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  let fence: string | undefined;
  let prevBlank = true;
  let pos = cuts[0];
  let lineNo = 0;
  let inFront = text.startsWith('---', pos);
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, '');
    if (inFront) {
      if (lineNo > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFront = false;
    } else if (fence !== undefined) {
      if (line.trimStart().startsWith(fence) && /^\s{0,3}(`{3,}|~{3,})\s*$/.test(line)) fence = undefined;
    } else {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (open) fence = open[1];
      else if (prevBlank && /^#{1,6}(\s|$)/.test(line) && pos > cuts[cuts.length - 1]) cuts.push(pos);
    }
    prevBlank = line.trim() === '';
    pos = end + 1;
    lineNo++;
  }
  const out: [number, number][] = [];
  for (let i = 0; i < cuts.length; i++) out.push([cuts[i], i + 1 < cuts.length ? cuts[i + 1] : text.length]);
  return out;
}

/**
 * Link reference definitions (`[label]: url`) anywhere in the text, by lower-case label, outside fences.
 * A section gets the ones it uses appended (after its own text, so no offset moves): without them
 * `[text][label]` would read as words, not as a link.
 */
export function referenceDefinitions(text: string): Map<string, string> {
  const defs = new Map<string, string>();
  if (!text.includes(']:')) return defs;
  let fence: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (fence !== undefined) {
      if (/^\s{0,3}(`{3,}|~{3,})\s*$/.test(line) && line.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = open[1];
      continue;
    }
    const m = /^ {0,3}\[([^\]\n]{1,200})\]:[ \t]*\S/.exec(line);
    if (m && !defs.has(m[1].toLowerCase())) defs.set(m[1].toLowerCase(), line.trim());
  }
  return defs;
}

/** A section's text with the definitions it uses appended. */
export function withDefinitions(part: string, defs: Map<string, string>): string {
  if (!defs.size || !part.includes('[')) return part;
  const lower = part.toLowerCase();
  const used: string[] = [];
  for (const [label, line] of defs) if (lower.includes(`[${label}]`) && !part.includes(line)) used.push(line);
  return used.length ? `${part}${part.endsWith('\n') ? '' : '\n'}\n${used.join('\n')}\n` : part;
}
