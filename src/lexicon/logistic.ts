/**
 * The sentence models of the care rules (blame-language, acknowledge-impact) are logistic models over
 * named features, trained by scripts/train-*-model.mjs and stored as JSON in rules/.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

/** A trained model: p = 1 / (1 + e^-(bias + the weights of the features present)). */
export interface LogisticModel {
  bias: number;
  weights: Record<string, number>;
}

/** The model's probability for a set of features (features it has no weight for count 0). */
export function logisticScore(model: LogisticModel, features: readonly string[]): number {
  let z = model.bias;
  for (const k of features) z += model.weights[k] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** A model file of rules/ (`name`, e.g. "blame-language.model.json"), parsed; null when it is missing or not JSON. */
export function readModelFile<T>(name: string): T | null {
  try {
    return JSON.parse(readFileSync(join(packageRoot, 'rules', name), 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * A model file read on first use (null when missing or when `valid` rejects it), with a seam for tests and
 * trainers: `use(m)` puts `m` in its place (`null`: no model, the patterns alone; `undefined`: read the file again).
 */
export function modelSlot<T>(name: string, valid: (m: T) => boolean = () => true): { get(): T | null; use(m: T | null | undefined): void } {
  let model: T | null | undefined;
  const read = () => {
    const m = readModelFile<T>(name);
    return m && valid(m) ? m : null;
  };
  return {
    get: () => (model === undefined ? (model = read()) : model),
    use: (m) => {
      model = m;
    },
  };
}
