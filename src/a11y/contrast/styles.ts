/**
 * Walks the document once, resolving for every element that shows text its
 * text colour, the colour behind it, its size and weight: from inline
 * `style`, `<font>`/`bgcolor`, simple `<style>` rules and the browser's own
 * defaults (heading sizes, bold, `<mark>`), inheriting and blending alpha over
 * the parent's background as a browser does. Nothing is loaded or run.
 */
import type { Element, Root as HastRoot, Nodes as HastNode } from 'hast';
import { blend, parseColour, type Rgba } from './colour.js';
import { matchRule, parseDeclarations, parseStylesheet, RuleIndex, splitTop, splitValue, type CssRule, type Declaration, type ElementInfo } from './css.js';

/** A resolved colour, or 'unknown' when it cannot be worked out statically. */
export interface Paint {
  colour: Rgba;
  /** The element that set it; undefined for the assumed defaults. */
  origin?: Element;
}

export interface TextStyle {
  el: Element;
  /** Text colour as painted (alpha not yet blended). */
  fg: Paint | 'unknown';
  /** Opaque background behind the text. */
  bg: Paint | 'unknown';
  /** Font size in px, or undefined when it cannot be worked out. */
  sizePx?: number;
  bold: boolean;
  /** Opacity of the element and its ancestors, and what shows through. */
  fade?: { opacity: number; backdrop: Rgba };
}

interface State {
  fg: Paint | 'unknown';
  bg: Paint | 'unknown';
  sizePx?: number;
  weight: number;
  hidden: boolean;
  fade?: { opacity: number; backdrop: Rgba };
}

const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
/** Containers whose text is not shown, or not painted with `color`. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'video', 'audio', 'canvas', 'select', 'textarea', 'input', 'option']);
/** Controls the browser paints its own way (system colours) unless the document says otherwise. */
const CONTROLS = new Set(['button']);
const HEADING_EM: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h4: 1, h5: 0.83, h6: 0.67 };
const BOLD_TAGS = new Set(['b', 'strong', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const KEYWORD_PX: Record<string, number> = { 'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32, 'xxx-large': 48 };
const FONT_SIZE_ATTR = [0, 10, 13, 16, 18, 24, 32, 48];

export interface StyleScan {
  texts: TextStyle[];
}

/** Whether the document has anything that could set a colour: otherwise there is nothing to check. */
export function mayHaveColours(text: string): boolean {
  return /style|<font|bgcolor|<mark/i.test(text);
}

/** Resolves styles for every element with its own visible text. */
export function scanStyles(root: HastRoot, theme: Rgba): StyleScan {
  const rules = new RuleIndex(collectRules(root));
  const texts: TextStyle[] = [];
  const rootState: State = { fg: { colour: BLACK }, bg: { colour: theme }, sizePx: 16, weight: 400, hidden: false };
  type Frame = { node: Element; parent: State; info: ElementInfo };
  const stack: Frame[] = [];
  const pushKids = (n: HastRoot | Element, parent: State, parentInfo: ElementInfo | undefined) => {
    const frames: Frame[] = [];
    let prev: ElementInfo | undefined;
    for (const k of n.children as HastNode[]) {
      if (k.type !== 'element') continue;
      const info = infoOf(k, parentInfo, prev);
      frames.push({ node: k, parent, info });
      prev = info;
    }
    for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i]);
  };
  pushKids(root, rootState, undefined);
  while (stack.length) {
    const { node, parent, info } = stack.pop()!;
    if (SKIP.has(node.tagName)) continue;
    const state = resolve(node, info, parent, rules);
    if (state.hidden) continue;
    if (hasOwnText(node)) texts.push({ el: node, fg: state.fg, bg: state.bg, sizePx: state.sizePx, bold: state.weight >= 700, ...(state.fade ? { fade: state.fade } : {}) });
    pushKids(node, state, info);
  }
  return { texts };
}

function infoOf(el: Element, parent: ElementInfo | undefined, prev: ElementInfo | undefined): ElementInfo {
  const props = el.properties ?? {};
  const id = props.id === undefined ? undefined : String(props.id);
  const classes = Array.isArray(props.className) ? props.className.map(String) : props.className ? String(props.className).split(/\s+/) : [];
  return { tag: el.tagName, ...(id !== undefined ? { id } : {}), classes, attr: (name) => htmlAttr(props, name), ...(parent ? { parent } : {}), ...(prev ? { prev } : {}) };
}

/** An attribute by its HTML name from hast's camel-cased properties (`data-foo-bar` → `dataFooBar`). */
function htmlAttr(props: Record<string, unknown>, name: string): string | undefined {
  const want = name === 'class' ? 'classname' : name === 'for' ? 'htmlfor' : name.replace(/-/g, '').toLowerCase();
  for (const key of Object.keys(props)) {
    if (key.toLowerCase() !== want) continue;
    const v = props[key];
    if (v === undefined || v === null || v === false) return undefined;
    if (v === true) return '';
    return Array.isArray(v) ? v.join(' ') : String(v);
  }
  return undefined;
}

function hasOwnText(el: Element): boolean {
  for (const c of el.children) if (c.type === 'text' && /[\p{L}\p{N}]/u.test(c.value)) return true;
  return false;
}

function collectRules(root: HastRoot): CssRule[] {
  const rules: CssRule[] = [];
  const stack: (HastRoot | Element)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    for (const k of n.children) {
      if (k.type !== 'element') continue;
      if (k.tagName === 'style') {
        const media = String(k.properties?.media ?? '').trim().toLowerCase();
        if (media && media !== 'all' && media !== 'screen') continue;
        const css = k.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
        rules.push(...parseStylesheet(css, rules.length));
      } else stack.push(k);
    }
  }
  return rules;
}

interface Own {
  color?: string;
  background?: { kind: 'colour'; value: string } | { kind: 'image' };
  fontSize?: string;
  fontWeight?: string;
  hidden?: boolean;
  opacity?: string;
  /** A rule we could not evaluate sets the colour or background: give up on this element. */
  unsureColour?: boolean;
  unsureBackground?: boolean;
}

/** The element's own declared values, in cascade order: presentational hints, sheet rules, inline style, then !important. */
function ownValues(el: Element, info: ElementInfo, rules: RuleIndex): Own {
  const own: Own = {};
  const tag = el.tagName;
  const props = el.properties ?? {};
  const decls: { d: Declaration; rank: number }[] = [];
  // Presentational hints (<font color>, bgcolor) lose to any CSS.
  if (tag === 'font' && props.color !== undefined) decls.push({ d: { prop: 'color', value: String(props.color), important: false }, rank: 0 });
  if (tag === 'font' && props.size !== undefined) {
    const px = fontSizeAttr(String(props.size));
    if (px) decls.push({ d: { prop: 'font-size', value: `${px}px`, important: false }, rank: 0 });
  }
  if (props.bgColor !== undefined) decls.push({ d: { prop: 'background-color', value: String(props.bgColor), important: false }, rank: 0 });
  const sheet: CssRule[] = [];
  for (const r of rules.candidates(info.tag, info.id, info.classes)) {
    const m = matchRule(r, info);
    if (m === 'no') continue;
    if (m === 'maybe') {
      for (const d of r.decls) {
        if (d.prop === 'color') own.unsureColour = true;
        if (d.prop.startsWith('background')) own.unsureBackground = true;
      }
      continue;
    }
    sheet.push(r);
  }
  sheet.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  for (const r of sheet) for (const d of r.decls) decls.push({ d, rank: d.important ? 3 : 1 });
  if (props.style !== undefined) for (const d of parseDeclarations(String(props.style))) decls.push({ d, rank: d.important ? 4 : 2 });
  decls.sort((a, b) => a.rank - b.rank); // stable: source order kept within a rank
  for (const { d } of decls) apply(own, d);
  return own;
}

function apply(own: Own, d: Declaration): void {
  const v = d.value.trim();
  const lower = v.toLowerCase();
  switch (d.prop) {
    case 'color':
      own.color = v;
      break;
    case 'background-color':
      own.background = { kind: 'colour', value: v };
      break;
    case 'background-image':
      if (lower !== 'none' && lower !== 'initial' && lower !== 'unset') own.background = { kind: 'image' };
      break;
    case 'background': {
      if (/url\(|gradient\(|image-set\(|image\(|element\(|cross-fade\(/i.test(v)) {
        own.background = { kind: 'image' };
        break;
      }
      // The shorthand's colour is whichever token is a colour; none means transparent.
      const layers = splitTop(v, ',');
      const last = layers[layers.length - 1];
      let colour = 'transparent';
      for (const tok of splitValue(last)) {
        if (/^var\(/i.test(tok) || ['inherit', 'currentcolor'].includes(tok.toLowerCase())) {
          colour = tok;
          break;
        }
        if (parseColour(tok)) {
          colour = tok;
          break;
        }
      }
      own.background = { kind: 'colour', value: colour };
      break;
    }
    case 'font-size':
      own.fontSize = v;
      break;
    case 'font-weight':
      own.fontWeight = v;
      break;
    case 'font': {
      // `font: bold 24px/1.2 Arial`: weight and size are the tokens before the family.
      for (const tok of splitValue(v)) {
        const t = tok.toLowerCase();
        if (t === 'bold' || t === 'bolder' || /^[1-9]00$/.test(t)) own.fontWeight = t;
        else if (/^[\d.]/.test(t) || t in KEYWORD_PX || t === 'smaller' || t === 'larger') {
          own.fontSize = t.split('/')[0];
          break;
        }
      }
      break;
    }
    case 'display':
      own.hidden = lower === 'none' ? true : own.hidden;
      break;
    case 'visibility':
      own.hidden = lower === 'hidden' || lower === 'collapse' ? true : lower === 'visible' ? false : own.hidden;
      break;
    case 'opacity':
      own.opacity = v;
      break;
  }
}

function resolve(el: Element, info: ElementInfo, parent: State, rules: RuleIndex): State {
  const tag = el.tagName;
  const own = ownValues(el, info, rules);
  const hiddenAttr = el.properties?.hidden !== undefined && el.properties?.hidden !== false;
  const state: State = { ...parent, hidden: parent.hidden || hiddenAttr || own.hidden === true };
  if (state.hidden) return state;

  // Font size and weight (browser defaults first).
  let size = own.fontSize;
  if (!size && tag in HEADING_EM) size = `${HEADING_EM[tag]}em`;
  if (!size && (tag === 'small' || tag === 'sub' || tag === 'sup')) size = 'smaller';
  if (!size && tag === 'big') size = 'larger';
  if (size) state.sizePx = fontSize(size, parent.sizePx);
  if (state.sizePx !== undefined && state.sizePx <= 0) state.hidden = true;
  let weight = own.fontWeight?.toLowerCase();
  if (!weight && BOLD_TAGS.has(tag)) weight = 'bold';
  if (weight) state.weight = fontWeight(weight, parent.weight);

  // Background: painted over the parent's, so blend alpha.
  const parentBg = parent.bg;
  if (own.unsureBackground || own.background?.kind === 'image') state.bg = 'unknown';
  else if (own.background || tag === 'mark' || CONTROLS.has(tag)) {
    const value = own.background?.kind === 'colour' ? own.background.value : tag === 'mark' ? 'yellow' : undefined;
    const lower = value?.toLowerCase();
    if (value === undefined) state.bg = 'unknown';
    else if (lower === 'inherit' || lower === 'initial' || lower === 'unset' || lower === 'revert' || lower === 'transparent' || lower === 'none') state.bg = parentBg;
    else {
      const c = lower === 'currentcolor' ? (parent.fg === 'unknown' ? undefined : parent.fg.colour) : parseColour(value);
      if (!c) state.bg = 'unknown';
      else if (c.a <= 0) state.bg = parentBg;
      else if (c.a >= 1) state.bg = { colour: { ...c, a: 1 }, origin: el };
      else state.bg = parentBg === 'unknown' ? 'unknown' : { colour: blend(c, parentBg.colour), origin: el };
    }
  }

  // Text colour: inherited, except links and controls, which the browser or the site colours itself.
  const colour = own.color ?? (tag === 'mark' ? 'black' : undefined);
  if (own.unsureColour) state.fg = 'unknown';
  else if (colour !== undefined) {
    const lower = colour.toLowerCase();
    if (lower === 'inherit' || lower === 'unset' || lower === 'currentcolor' || lower === 'revert') state.fg = parent.fg;
    else if (lower === 'initial') state.fg = { colour: BLACK, origin: el };
    else {
      const c = parseColour(colour);
      state.fg = c ? { colour: c, origin: el } : 'unknown';
    }
  } else if ((tag === 'a' && el.properties?.href !== undefined) || CONTROLS.has(tag)) state.fg = 'unknown';

  // Opacity fades the element and everything in it over what is behind.
  if (own.opacity !== undefined) {
    const o = opacity(own.opacity);
    if (o === undefined) state.fg = 'unknown';
    else if (o <= 0) state.hidden = true;
    else if (o < 1) {
      if (parentBg === 'unknown') state.fg = 'unknown';
      else state.fade = { opacity: (parent.fade?.opacity ?? 1) * o, backdrop: parent.fade?.backdrop ?? parentBg.colour };
    }
  }
  return state;
}

function fontSize(v: string, parentPx: number | undefined): number | undefined {
  const t = v.trim().toLowerCase();
  if (t in KEYWORD_PX) return KEYWORD_PX[t];
  if (t === 'smaller') return parentPx === undefined ? undefined : parentPx / 1.2;
  if (t === 'larger') return parentPx === undefined ? undefined : parentPx * 1.2;
  if (t === 'inherit' || t === 'unset') return parentPx;
  if (t === 'initial') return 16;
  const m = /^(\d+(?:\.\d+)?|\.\d+)(px|pt|em|rem|%|pc|in|cm|mm|q)?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'px':
      return n;
    case 'pt':
      return (n * 4) / 3;
    case 'pc':
      return n * 16;
    case 'in':
      return n * 96;
    case 'cm':
      return (n * 96) / 2.54;
    case 'mm':
      return (n * 96) / 25.4;
    case 'q':
      return (n * 96) / 101.6;
    case 'rem':
      return n * 16;
    case 'em':
      return parentPx === undefined ? undefined : n * parentPx;
    case '%':
      return parentPx === undefined ? undefined : (n / 100) * parentPx;
    default:
      return n === 0 ? 0 : undefined;
  }
}

function fontWeight(v: string, parent: number): number {
  if (v === 'bold') return 700;
  if (v === 'normal') return 400;
  if (v === 'bolder') return parent >= 700 ? 900 : parent >= 400 ? 700 : 400;
  if (v === 'lighter') return parent >= 700 ? 400 : 100;
  if (v === 'inherit' || v === 'unset') return parent;
  const n = Number(v);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : parent;
}

function fontSizeAttr(v: string): number | undefined {
  const t = v.trim();
  let n = Number(t);
  if (/^[+-]/.test(t)) n = 3 + Number(t);
  if (!Number.isFinite(n)) return undefined;
  return FONT_SIZE_ATTR[Math.max(1, Math.min(7, Math.round(n)))];
}

function opacity(v: string): number | undefined {
  const t = v.trim();
  const m = /^(\d+(?:\.\d+)?|\.\d+)(%)?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]) / (m[2] ? 100 : 1);
  return Math.max(0, Math.min(1, n));
}
