/**
 * Colour parsing and WCAG 2.2 contrast. Parsing is colord's (every CSS colour
 * syntax: names, hex 3/4/6/8, rgb/rgba, hsl/hsla, hwb, lab, lch, oklab,
 * oklch), so we write no colour parser of our own.
 */
import { colord, extend } from 'colord';
import namesPlugin from 'colord/plugins/names';
import hwbPlugin from 'colord/plugins/hwb';
import labPlugin from 'colord/plugins/lab';
import lchPlugin from 'colord/plugins/lch';
import oklabPlugin from 'colord/plugins/oklab';
import oklchPlugin from 'colord/plugins/oklch';

extend([namesPlugin, hwbPlugin, labPlugin, lchPlugin, oklabPlugin, oklchPlugin]);

/** Channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A CSS colour value, or undefined when it is not one colord can read (var(), a system colour, a typo). */
export function parseColour(value: string): Rgba | undefined {
  const v = value.trim();
  if (!v || v.length > 200 || /var\(|env\(|attr\(|calc\(/i.test(v)) return undefined;
  const c = colord(v);
  if (!c.isValid()) return undefined;
  const { r, g, b, a } = c.rgba;
  return { r, g, b, a };
}

/** `top` painted with its alpha over an opaque `bottom`. */
export function blend(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  if (a >= 1) return { ...top, a: 1 };
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
    a: 1,
  };
}

function channel(c: number): number {
  const s = c / 255;
  // WCAG 2.2 uses 0.04045 (the sRGB standard), not WCAG 2.0's 0.03928; no 8-bit value falls between them.
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an opaque colour. */
export function luminance(c: Rgba): number {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG contrast ratio (1–21) between two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `#rrggbb` (or `#rrggbbaa` when see-through), for messages. */
export function hex(c: Rgba): string {
  const h = (n: number) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, '0');
  const base = `#${h(c.r)}${h(c.g)}${h(c.b)}`;
  return c.a < 1 ? `${base}${h(c.a * 255)}` : base;
}

/** Rounded down to two decimals, so 4.499 never shows as a passing 4.5. */
export function formatRatio(r: number): string {
  return String(Number((Math.floor(r * 100) / 100).toFixed(2)));
}
