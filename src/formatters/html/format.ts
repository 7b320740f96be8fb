/** Number and word helpers for the report's text. */
import { xmlAttr, xmlText } from '../xml.js';

export const text = xmlText;
export const attr = xmlAttr;

export function num(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${num(n)} ${n === 1 ? word : many}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Only http(s) links are ever written. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** "down 1.2 since X" — in words, so colour never carries the meaning. */
export function change(now: number, before: number | undefined, label: string, unit = '', digits = 1): string {
  if (before === undefined || Number.isNaN(before)) return '';
  const d = Math.round((now - before) * 10 ** digits) / 10 ** digits;
  if (d === 0) return `same as ${label}`;
  return `${d > 0 ? 'up' : 'down'} ${num(Math.abs(d))}${unit} since ${label}`;
}
