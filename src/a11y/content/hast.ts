/**
 * Small helpers the source-level accessibility rules share: attribute values,
 * accessible text, source spans and a parent map over `doc.hast`. Everything
 * here reads the tree only: nothing is fetched, loaded or run.
 */
import type { Element, Nodes as HastNode, Parents, Root as HastRoot } from 'hast';
import type { Doc } from '../../document/document.js';
import type { Span } from '../../types.js';
import { asciiClass, isAsciiWordCode } from '../../util/ascii-class.js';

/** An attribute as a string (token lists are joined by spaces); undefined when absent. */
export function attr(el: Element, name: string): string | undefined {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return undefined;
  if (v === true) return '';
  if (Array.isArray(v)) return v.join(' ');
  return String(v);
}

/** Whether the attribute is present at all (even empty). */
export function hasAttr(el: Element, name: string): boolean {
  return attr(el, name) !== undefined;
}

/** The first role token, lower case. */
export function role(el: Element): string | undefined {
  const r = attr(el, 'role');
  return r ? r.trim().split(/\s+/)[0].toLowerCase() : undefined;
}

/** `role="presentation"` or `role="none"`: the element is decoration for assistive technology. */
export function isPresentational(el: Element): boolean {
  const r = role(el);
  return r === 'presentation' || r === 'none';
}

/** Hidden from everybody (`hidden`) or from assistive technology (`aria-hidden="true"`). */
export function isHidden(el: Element): boolean {
  if (hasAttr(el, 'hidden')) return true;
  return String(attr(el, 'ariaHidden') ?? '').toLowerCase() === 'true';
}

/** A non-empty `aria-label`, trimmed. */
export function ariaLabel(el: Element): string | undefined {
  const v = attr(el, 'ariaLabel')?.trim();
  return v ? v : undefined;
}

/** Elements whose text is never shown as prose. */
const NO_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/**
 * The text a screen reader would read for an element's content: text nodes,
 * plus the alt (or aria-label) of images inside it. Parts hidden with
 * `aria-hidden`/`hidden` are left out. Iterative, so deep trees are safe.
 */
export function textOf(el: Element | HastRoot): string {
  let out = '';
  const stack: HastNode[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as HastNode);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element') {
      if (NO_TEXT.has(n.tagName) || isHidden(n)) continue;
      if (n.tagName === 'img' || (n.tagName === 'input' && attr(n, 'type')?.toLowerCase() === 'image')) {
        const name = ariaLabel(n) ?? attr(n, 'alt') ?? '';
        if (name) out += ` ${name} `;
        continue;
      }
      if (n.tagName === 'br') out += ' ';
      const label = ariaLabel(n);
      if (label) {
        out += ` ${label} `;
        continue;
      }
      // Block-level children separate words.
      out += ' ';
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HastNode);
    }
  }
  return out;
}

/** Text of an element without the alt of images in it (nor hidden parts). */
export function textWithoutImages(el: Element): string {
  let out = '';
  const stack: HastNode[] = [...(el.children as HastNode[])].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element' && !['img', 'svg', 'input'].includes(n.tagName) && !NO_TEXT.has(n.tagName) && !isHidden(n)) {
      out += ' ';
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HastNode);
    }
  }
  return out;
}

/** Lower case, single spaces, no surrounding punctuation or arrows: for comparing short texts. */
export function normalise(s: string): string {
  const t = LEADING_NON_WORD.replace(
    s
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/\s+/g, ' ')
      .trim(),
    '',
  );
  return t.slice(0, lastWordChar(t));
}

// The \p expressions are made only for non-ASCII text (src/util/ascii-class.ts).
const LEADING_NON_WORD = asciiClass(/^[^A-Za-z0-9]+/, () => /^[^\p{L}\p{N}]+/u);

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Length up to the last letter or digit: a loop, since `/[^\p{L}\p{N}]+$/` is quadratic on long runs. */
function lastWordChar(s: string): number {
  let i = s.length;
  while (i > 0) {
    const low = s.charCodeAt(i - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && i > 1 ? 2 : 1;
    if (low < 128 ? isAsciiWordCode(low) : WORD_CHAR.test(s.slice(i - width, i))) break;
    i -= width;
  }
  return i;
}

/** Whether the text holds a macro placeholder (`{{…}}`, `{%…%}`, `%{…}`, `[[…]]`): its final value is unknown. */
export function hasPlaceholder(s: string): boolean {
  return s.includes('{{') || s.includes('{%') || s.includes('%{') || s.includes('[[');
}

/** Source span of a node, or undefined when it has no position (generated nodes). */
export function spanOf(node: HastNode): Span | undefined {
  const s = node.position?.start?.offset;
  const e = node.position?.end?.offset;
  if (s === undefined) return undefined;
  return { start: s, end: e ?? s };
}

/**
 * The span to report for an element: its start, up to the end of its opening
 * tag (HTML) or of its first line (Markdown), so code frames stay short.
 */
export function headSpan(doc: Doc, el: Element): Span | undefined {
  const span = sourceSpan(doc, el);
  if (!span) return undefined;
  const text = doc.text;
  let end = span.end;
  if (text[span.start] === '<') {
    const close = tagEnd(text, span.start, span.end);
    if (close !== -1) end = Math.min(end, close);
  }
  for (let i = span.start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      end = i;
      break;
    }
  }
  return { start: span.start, end: Math.max(end, span.start) };
}

/**
 * The whole element when it sits on one line (`<a href="…">click here</a>`), so a
 * finding underlines the words at fault; else its opening tag (headSpan).
 */
export function lineSpan(doc: Doc, el: Element): Span | undefined {
  const span = sourceSpan(doc, el);
  if (!span) return undefined;
  const text = doc.text;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return headSpan(doc, el);
  }
  return span;
}

/** Offset just past the `>` that closes the opening tag starting at `start` (quotes respected), or -1. */
export function tagEnd(text: string, start: number, limit: number): number {
  let quote = '';
  const stop = Math.min(limit, text.length);
  for (let i = start + 1; i < stop; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/**
 * The element's span in the file. Raw HTML inside a Markdown list item or
 * blockquote is parsed without the container's indent or `> `: its line is
 * right, but its column is early by that prefix and its offset drifts by the
 * prefixes of the lines before it. So for Markdown we rebuild the offset from
 * the line and column, and for raw HTML move it onto the element's `<tag`.
 */
export function sourceSpan(doc: Doc, el: Element): Span | undefined {
  const span = spanOf(el);
  const pos = el.position;
  if (!span || doc.kind !== 'markdown' || !pos?.start.line || !pos.start.column) return span;
  const text = doc.text;
  const start = doc.loc.offset(pos.start.line, pos.start.column);
  let at = start;
  const want = `<${el.tagName}`;
  if (text.slice(start, start + want.length).toLowerCase() !== want && inRawHtml(doc, start)) {
    const stop = Math.min(text.length, start + 40);
    for (let i = start; i < stop; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || ch === 13) break;
      if (ch === 60 && text.slice(i, i + want.length).toLowerCase() === want) {
        at = i;
        break;
      }
    }
  }
  if (at === span.start && start === span.start) return span;
  const endLine = pos.end?.line;
  const endCol = pos.end?.column;
  let end = endLine && endCol ? doc.loc.offset(endLine, endCol) + (endLine === pos.start.line ? at - start : 0) : span.end + (at - span.start);
  end = Math.max(at, Math.min(text.length, end));
  return { start: at, end };
}

const rawSpans = new WeakMap<object, Span[]>();

/** Whether a file offset lies inside raw HTML written in the Markdown (an mdast `html` node). */
function inRawHtml(doc: Doc, offset: number): boolean {
  const root = doc.mdast;
  if (!root) return false;
  let spans = rawSpans.get(root);
  if (!spans) {
    spans = [];
    const stack: { type: string; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } }[] = [root as never];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'html' && n.position?.start?.offset !== undefined && n.position.end.offset !== undefined) spans.push({ start: n.position.start.offset, end: n.position.end.offset });
      if (n.children) for (const c of n.children) stack.push(c as never);
    }
    spans.sort((a, b) => a.start - b.start);
    rawSpans.set(root, spans);
  }
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Whether the element comes from Markdown syntax (`![…](…)`, `[…](…)`, a table) rather than raw HTML. */
export function fromMarkdownSyntax(doc: Doc, el: Element): boolean {
  if (doc.kind !== 'markdown') return false;
  const s = sourceSpan(doc, el)?.start;
  if (s === undefined) return true;
  return !inRawHtml(doc, s);
}

/**
 * Span of an attribute's value inside the element's opening tag (`alt="…"` →
 * the text between the quotes), found by scanning the tag, never by a
 * backtracking pattern. Undefined when the tag is not in the source.
 */
export function attrValueSpan(doc: Doc, el: Element, name: string): Span | undefined {
  const span = sourceSpan(doc, el);
  if (!span || doc.text[span.start] !== '<') return undefined;
  const text = doc.text;
  const end = tagEnd(text, span.start, span.end);
  const stop = end === -1 ? span.end : end;
  const want = name.toLowerCase();
  let i = span.start + 1;
  // Skip the tag name.
  while (i < stop && !/[\s/>]/.test(text[i])) i++;
  while (i < stop) {
    while (i < stop && /[\s/]/.test(text[i])) i++;
    const nameStart = i;
    while (i < stop && !/[\s=/>]/.test(text[i])) i++;
    const attrName = text.slice(nameStart, i).toLowerCase();
    if (!attrName) break;
    while (i < stop && /\s/.test(text[i])) i++;
    if (text[i] !== '=') {
      if (attrName === want) return { start: nameStart, end: i };
      continue;
    }
    i++;
    while (i < stop && /\s/.test(text[i])) i++;
    let vs = i;
    let ve: number;
    const q = text[i];
    if (q === '"' || q === "'") {
      vs = i + 1;
      const close = text.indexOf(q, vs);
      ve = close === -1 || close > stop ? stop : close;
      i = ve + 1;
    } else {
      while (i < stop && !/[\s>]/.test(text[i])) i++;
      ve = i;
    }
    if (attrName === want) return { start: vs, end: ve };
  }
  return undefined;
}

export type ParentMap = Map<Element, Parents>;
const parentMaps = new WeakMap<HastRoot, ParentMap>();

/** Parent of every element, built once per document (iteratively, so deep trees are safe). */
export function parents(doc: Doc): ParentMap {
  const root = doc.hast;
  let map = parentMaps.get(root);
  if (map) return map;
  map = new Map();
  const stack: Parents[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    for (const k of n.children) {
      if (k.type !== 'element') continue;
      map.set(k, n);
      stack.push(k);
    }
  }
  parentMaps.set(root, map);
  return map;
}

/** Nearest ancestor matching `test`, or undefined. */
export function closest(map: ParentMap, el: Element, test: (a: Element) => boolean): Element | undefined {
  let p = map.get(el);
  while (p && p.type === 'element') {
    if (test(p)) return p;
    p = map.get(p);
  }
  return undefined;
}

/** Element children of a parent. */
export function childElements(p: Parents): Element[] {
  return (p.children as HastNode[]).filter((c): c is Element => c.type === 'element');
}

/** The next element sibling, skipping white space and comments; undefined if text comes first or nothing follows. */
export function nextElementSibling(map: ParentMap, el: Element): Element | undefined {
  const p = map.get(el);
  if (!p) return undefined;
  const kids = p.children;
  let i = kids.indexOf(el as never) + 1;
  for (; i < kids.length; i++) {
    const k = kids[i];
    if (k.type === 'element') return k;
    if (k.type === 'text' && k.value.trim()) return undefined;
  }
  return undefined;
}

/** Descendant elements (not the element itself), in document order, optionally not entering some. */
export function descendants(el: Element, skip?: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) {
    const k = el.children[i];
    if (k.type === 'element') stack.push(k);
  }
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    if (skip?.(n)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const k = n.children[i];
      if (k.type === 'element') stack.push(k);
    }
  }
  return out;
}

/** Sorts elements by source position (elements without one go last). */
export function bySource(a: Element, b: Element): number {
  return (a.position?.start?.offset ?? Infinity) - (b.position?.start?.offset ?? Infinity);
}

const inertSets = new WeakMap<HastRoot, Set<Element>>();

/**
 * `doc.elements(tag)` without the elements inside `<template>` content, which
 * the browser never shows. Cheap when the document has no template.
 */
export function shown(doc: Doc, tag: string): readonly Element[] {
  const templates = doc.elements('template');
  const list = doc.elements(tag);
  if (templates.length === 0 || list.length === 0) return list;
  let inert = inertSets.get(doc.hast);
  if (!inert) {
    inert = new Set();
    for (const t of templates) {
      const content = t.content as unknown as { children?: Element['children'] } | undefined;
      const stack = [...(content?.children ?? []), ...t.children];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type !== 'element') continue;
        inert.add(n);
        stack.push(...n.children);
        if (n.content) stack.push(...((n.content as unknown as { children: Element['children'] }).children ?? []));
      }
    }
    inertSets.set(doc.hast, inert);
  }
  const set = inert;
  return list.filter((e) => !set.has(e));
}
