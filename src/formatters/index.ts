/** Formatter registry; every formatter is a pure function of the report. */
import type { Formatter } from './types.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => stylish,
  json: async () => json,
  // Loaded on demand: a stylish run never reads the others.
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  html: async () => (await import('./html.js')).html,
};

export function formatNames(): string[] {
  return Object.keys(FORMATTERS);
}

export async function getFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name]() : undefined;
}

