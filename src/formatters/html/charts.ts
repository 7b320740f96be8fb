/**
 * Inline SVG charts: no script, no fonts, no images. Each has role="img", a
 * <title> and a <desc> that says what it shows in words; the data table beside
 * each chart holds the same numbers for screen readers and for reading.
 */
import { xmlText as text } from '../xml.js';

let counter = 0;
/** Ids unique within one page (reset per page). */
export function resetIds(): void {
  counter = 0;
}
function nextId(): string {
  return `c${++counter}`;
}

function open(width: number, height: number, title: string, desc: string): string {
  const id = nextId();
  return `<svg role="img" aria-labelledby="${id}t ${id}d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${id}t">${text(title)}</title><desc id="${id}d">${text(desc)}</desc>`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1);
}

function clipLabel(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export interface Bar {
  label: string;
  value: number;
  /** CSS class for the bar (a family colour); defaults to `bar`. */
  cls?: string;
}

/** Horizontal bars, one row each, the value at the end of the bar. */
export function barChart(bars: readonly Bar[], title: string, desc: string): string {
  const W = 480;
  const LABEL = 170;
  const ROW = 22;
  const top = 6;
  const H = top * 2 + Math.max(1, bars.length) * ROW;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = W - LABEL - 60;
  const parts = [open(W, H, title, desc)];
  bars.forEach((b, i) => {
    const y = top + i * ROW;
    const w = b.value > 0 ? Math.max(2, Math.round((b.value / max) * span)) : 0;
    parts.push(
      `<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end">${text(clipLabel(b.label, 26))}</text>`,
      `<rect class="${b.cls ?? 'bar'}" x="${LABEL}" y="${y + 3}" width="${w}" height="${ROW - 7}"/>`,
      `<text x="${LABEL + w + 5}" y="${y + 15}">${fmt(b.value)}</text>`,
    );
  });
  parts.push(`<line class="axis" x1="${LABEL}" y1="${top}" x2="${LABEL}" y2="${H - top}"/>`, '</svg>');
  return parts.join('');
}

export interface Column {
  label: string;
  value: number;
  /** Lowest value in the column, for placing marks. */
  from: number;
}

/** Vertical bars with dashed marks at given positions on the column scale (the channel targets). */
export function columnChart(cols: readonly Column[], marks: readonly { at: number; label: string }[], title: string, desc: string): string {
  const W = 480;
  const H = 230;
  const left = 34;
  const bottom = 44;
  const top = 16 + marks.length * 14;
  const n = Math.max(1, cols.length);
  const slot = (W - left - 8) / n;
  const max = Math.max(1, ...cols.map((c) => c.value));
  const plot = H - bottom - top;
  const parts = [open(W, H, title, desc)];
  parts.push(`<line class="axis" x1="${left}" y1="${H - bottom}" x2="${W - 4}" y2="${H - bottom}"/>`);
  cols.forEach((c, i) => {
    const x = left + i * slot;
    const h = c.value > 0 ? Math.max(2, Math.round((c.value / max) * plot)) : 0;
    parts.push(
      `<rect class="bar" x="${(x + 3).toFixed(1)}" y="${H - bottom - h}" width="${(slot - 6).toFixed(1)}" height="${h}"/>`,
      `<text x="${(x + slot / 2).toFixed(1)}" y="${H - bottom - h - 3}" text-anchor="middle">${fmt(c.value)}</text>`,
      `<text x="${(x + slot / 2).toFixed(1)}" y="${H - bottom + 15}" text-anchor="middle">${text(c.label)}</text>`,
    );
  });
  parts.push(`<text x="${left + (W - left) / 2}" y="${H - 8}" text-anchor="middle">reading grade</text>`);
  marks.forEach((m, j) => {
    // A mark at grade g sits where the column starting at g begins.
    const i = cols.findIndex((c) => c.from >= m.at);
    if (i < 0) return;
    const x = (left + i * slot).toFixed(1);
    const y = 12 + j * 14;
    parts.push(`<line class="mark" x1="${x}" y1="${y + 2}" x2="${x}" y2="${H - bottom}"/>`, `<text class="marklabel" x="${Number(x) + 4}" y="${y + 4}">${text(m.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface Series {
  label: string;
  cls: string;
  dash: string;
  values: number[];
}

/** One line per series over the reports given, labelled at its end (not by colour alone). */
export function lineChart(labels: readonly string[], series: readonly Series[], title: string, desc: string): string {
  const W = 480;
  const H = 220;
  const left = 44;
  const right = 110;
  const top = 12;
  const bottom = 40;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const n = labels.length;
  const xOf = (i: number) => (n <= 1 ? left : left + (i * (W - left - right)) / (n - 1));
  const yOf = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const parts = [open(W, H, title, desc)];
  parts.push(`<line class="axis" x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}"/>`, `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}"/>`);
  parts.push(`<text x="${left - 4}" y="${top + 4}" text-anchor="end">${fmt(max)}</text>`, `<text x="${left - 4}" y="${H - bottom + 4}" text-anchor="end">0</text>`);
  labels.forEach((l, i) => {
    if (n > 6 && i !== 0 && i !== n - 1) return;
    parts.push(`<text x="${xOf(i).toFixed(1)}" y="${H - bottom + 16}" text-anchor="${i === 0 && n > 1 ? 'start' : i === n - 1 && n > 1 ? 'end' : 'middle'}">${text(clipLabel(l, 16))}</text>`);
  });
  for (const s of series) {
    const pts = s.values.map((v, i) => `${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`).join(' ');
    parts.push(`<polyline class="${s.cls} ${s.dash}" points="${pts}"/>`);
    s.values.forEach((v, i) => parts.push(`<circle class="${s.cls}" cx="${xOf(i).toFixed(1)}" cy="${yOf(v).toFixed(1)}" r="3"/>`));
    const last = s.values[s.values.length - 1] ?? 0;
    parts.push(`<text x="${(xOf(n - 1) + 8).toFixed(1)}" y="${(yOf(last) + 4).toFixed(1)}">${text(clipLabel(s.label, 16))}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
