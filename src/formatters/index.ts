/** Formatter registry; every formatter is a pure function of the report. */
import type { Formatter } from './types.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => stylish,
  json: async () => json,
};

export function formatNames(): string[] {
  return Object.keys(FORMATTERS);
}

export async function getFormatter(name: string): Promise<Formatter | undefined> {
  return FORMATTERS[name]?.();
}

export function registerFormatter(name: string, load: () => Promise<Formatter>): void {
  FORMATTERS[name] = load;
}
