/**
 * media-alternatives: video and audio with no captions or transcript (WCAG
 * 1.2.1, 1.2.2). A `<video>` needs a captions (or subtitles) `<track>` or a
 * transcript link next to it; an `<audio>` needs a transcript. A video
 * embedded from YouTube, Vimeo, Wistia or Loom may have captions on the host,
 * which we cannot see (we never fetch it), so it gets an info-level "check".
 */
import type { Element } from 'hast';
import { defineRule } from '../define-rule.js';
import { ariaLabel, attr, childElements, closest, descendants, hasAttr, headSpan, isHidden, type ParentMap, sourceSpan, parents, shown, textOf } from '../../a11y/content/hast.js';

/** Hosts of embedded video players, matched on the end of the iframe's host name. */
const VIDEO_HOSTS: [string, string][] = [
  ['youtube.com', 'YouTube'],
  ['youtube-nocookie.com', 'YouTube'],
  ['youtu.be', 'YouTube'],
  ['vimeo.com', 'Vimeo'],
  ['wistia.com', 'Wistia'],
  ['wistia.net', 'Wistia'],
  ['loom.com', 'Loom'],
  ['dailymotion.com', 'Dailymotion'],
  ['vidyard.com', 'Vidyard'],
  ['brightcove.net', 'Brightcove'],
];

/** Blocks that may hold a transcript written out in full. */
const TEXT_BLOCKS = new Set(['p', 'div', 'section', 'details', 'blockquote', 'figcaption', 'pre']);

/** Blocks that hold a video and its transcript link together. */
const BLOCKS = new Set(['p', 'figure', 'div', 'li', 'td', 'dd', 'details', 'section', 'article', 'aside', 'blockquote']);

export default defineRule({
  id: 'media-alternatives',
  family: 'a11y',
  description: 'Video or audio with no captions or transcript',
  defaultSeverity: 'warning',
  channels: 'all',
  fixable: false,
  status: 'stable',
  wcag: ['1.2.1', '1.2.2', '1.2.3'],
  options: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
  messages: {
    video: 'This video has no captions and no transcript link next to it: add <track kind="captions" src="…"> or link to a transcript',
    audio: 'This audio has no transcript link next to it: add a link to a written transcript',
    embed: 'This embedded {{host}} video may have no captions: check that they are on, or link to a transcript next to it',
  },
  check(doc, ctx) {
    let map: ParentMap | undefined;
    const near = (el: Element) => transcriptNearby(el, (map ??= parents(doc)));
    for (const tag of ['video', 'audio'] as const) {
      for (const el of shown(doc, tag)) {
        if (isHidden(el)) continue;
        // A muted video has no sound to caption (a silent screen recording).
        if (tag === 'video' && hasAttr(el, 'muted')) continue;
        if (descendants(el).some(isCaptionTrack) || near(el)) continue;
        // A video before the same steps written out in full is a media alternative for text (WCAG 1.2.1, 1.2.2):
        // the written steps are its text equivalent.
        if (tag === 'video' && writtenSteps(el, (map ??= parents(doc)))) continue;
        const head = headSpan(doc, el);
        // The finding covers the whole player, its <source> and <track> children included.
        const whole = sourceSpan(doc, el);
        if (head) ctx.report({ messageId: tag, span: whole && whole.end > head.end ? { start: head.start, end: whole.end } : head, context: head });
      }
    }
    for (const frame of shown(doc, 'iframe')) {
      if (isHidden(frame)) continue;
      const host = videoHost(attr(frame, 'src') ?? attr(frame, 'dataSrc') ?? '');
      if (!host || near(frame)) continue;
      const span = headSpan(doc, frame);
      if (span) ctx.report({ messageId: 'embed', span, data: { host }, context: span, severity: 'info' });
    }
  },
});

/** Written steps: this many items of numbered lists, each with words of its own (not only a link)… */
const STEP_ITEMS = 4;
/** …with this many words in all. */
const STEP_WORDS = 40;
/** A list item with fewer words of its own than this is a link or a label ("Attach the feet"), not a step. */
const STEP_ITEM_WORDS = 4;
const HEADING = /^h([1-6])$/;

/**
 * Whether the video is followed, in its own section, by the steps it shows written out in full: numbered list items
 * (STEP_ITEMS or more, STEP_WORDS words or more) up to the next heading of the same or a higher level. A table of
 * contents of links does not count: an item needs words of its own outside its links.
 */
function writtenSteps(el: Element, map: ParentMap): boolean {
  const node = closest(map, el, (e) => e.tagName === 'p' || e.tagName === 'figure') ?? el;
  const parent = map.get(node);
  if (!parent) return false;
  const { list, index } = siblingsOf(parent);
  const at = index.get(node) ?? -1;
  if (at < 0) return false;
  // The section's level: that of the heading before the video (a page with none ends its section at an h1 or h2).
  let level = 2;
  for (let i = at - 1; i >= 0; i--) {
    const m = HEADING.exec(list[i].tagName);
    if (m) {
      level = Number(m[1]);
      break;
    }
  }
  let steps = 0;
  let words = 0;
  for (let i = at + 1; i < list.length; i++) {
    const e = list[i];
    const m = HEADING.exec(e.tagName);
    if (m && Number(m[1]) <= level) break;
    const items = e.tagName === 'ol' ? childElements(e) : descendants(e).filter((d) => d.tagName === 'ol').flatMap((o) => childElements(o));
    for (const li of items) {
      if (li.tagName !== 'li') continue;
      const linked = descendants(li).filter((d) => d.tagName === 'a').reduce((n, a) => n + wordCount(textOf(a)), 0);
      const own = wordCount(textOf(li)) - linked;
      if (own < STEP_ITEM_WORDS) continue;
      steps++;
      words += own;
    }
    if (steps >= STEP_ITEMS && words >= STEP_WORDS) return true;
  }
  return false;
}

function wordCount(text: string): number {
  let n = 0;
  for (const part of text.split(/\s+/)) if (/[A-Za-z]/.test(part)) n++;
  return n;
}

/** `<track kind="captions">` or `kind="subtitles"`; a track with no kind is subtitles (HTML's default). */
function isCaptionTrack(e: Element): boolean {
  if (e.tagName !== 'track') return false;
  const kind = (attr(e, 'kind') ?? 'subtitles').trim().toLowerCase();
  return kind === 'captions' || kind === 'subtitles' || kind === '';
}

/** The player's name when the URL is a known video host (parsed only, never fetched). */
export function videoHost(src: string): string | undefined {
  let host: string;
  try {
    host = new URL(src.trim(), 'https://invalid.invalid/').hostname.toLowerCase();
  } catch {
    return undefined;
  }
  for (const [h, name] of VIDEO_HOSTS) if (host === h || host.endsWith(`.${h}`)) return name;
  return undefined;
}

/** A link, summary or heading that mentions a transcript, in the media's own block or the block before or after it. */
function transcriptNearby(el: Element, map: ParentMap): boolean {
  const block = closest(map, el, (e) => BLOCKS.has(e.tagName)) ?? el;
  if (mentionsTranscript(block)) return true;
  const parent = map.get(block);
  if (!parent) return false;
  const kids = siblingsOf(parent);
  const i = kids.index.get(block) ?? -1;
  return [kids.list[i - 1], kids.list[i + 1]].some((k) => k !== undefined && mentionsTranscript(k));
}

/** A parent's element children and their places, once per parent: many videos in one big page stay linear. */
const siblings = new WeakMap<object, { list: Element[]; index: Map<Element, number> }>();

function siblingsOf(parent: Parameters<typeof childElements>[0]): { list: Element[]; index: Map<Element, number> } {
  let s = siblings.get(parent);
  if (!s) {
    const list = childElements(parent);
    s = { list, index: new Map(list.map((e, i) => [e, i])) };
    siblings.set(parent, s);
  }
  return s;
}

function mentionsTranscript(root: Element): boolean {
  // The transcript itself, right there: "<p>Transcript: three short tones mean…</p>".
  if (TEXT_BLOCKS.has(root.tagName) && /^\W*transcript\b/i.test(textOf(root).trimStart().slice(0, 40))) return true;
  const candidates = [root, ...descendants(root)];
  for (const e of candidates) {
    if (!['a', 'summary', 'h2', 'h3', 'h4', 'h5', 'h6', 'button'].includes(e.tagName)) continue;
    const text = `${ariaLabel(e) ?? ''} ${textOf(e)} ${attr(e, 'title') ?? ''}`.toLowerCase();
    if (text.includes('transcript')) return true;
  }
  return false;
}
