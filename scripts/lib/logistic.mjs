// Training for the care rules' sentence models (src/lexicon/logistic.ts scores them): a weighted
// logistic regression, full batch, AdaGrad steps, L2. scripts/train-blame-model.mjs and
// scripts/train-impact-model.mjs choose the rows, their labels and weights, and the features kept.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * rows: { x: kept feature names, y: 0 or 1, c: the row's weight }; keys: the features to learn, in order.
 * Returns { bias, weights } with a weight for every key.
 */
export function fitLogistic(rows, keys, { epochs, rate = 0.3, l2 }) {
  const w = new Map();
  const acc = new Map();
  let bias = 0;
  let accB = 0;
  for (let e = 0; e < epochs; e++) {
    const grad = new Map();
    let gb = 0;
    let norm = 0;
    for (const { x, y, c } of rows) {
      let z = bias;
      for (const k of x) z += w.get(k) ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const g = c * (p - y);
      norm += c;
      gb += g;
      for (const k of x) grad.set(k, (grad.get(k) ?? 0) + g);
    }
    gb /= norm;
    accB += gb * gb;
    bias -= (rate * gb) / Math.sqrt(accB + 1e-12);
    for (const k of keys) {
      const g = (grad.get(k) ?? 0) / norm + (l2 * (w.get(k) ?? 0)) / 100;
      const a = (acc.get(k) ?? 0) + g * g;
      acc.set(k, a);
      w.set(k, (w.get(k) ?? 0) - (rate * g) / Math.sqrt(a + 1e-12));
    }
  }
  return { bias, weights: Object.fromEntries(w) };
}

/**
 * Writes a blame model file: weights under 0.05 dropped, the rest rounded to 3 places and sorted by size,
 * with the threshold the rule reports at. Both blame trainers write this shape.
 */
export function writeBlameModel(outFile, m, threshold, comment) {
  const weights = Object.fromEntries(Object.entries(m.weights).filter(([, v]) => Math.abs(v) >= 0.05).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
  const out = { $comment: comment, bias: Math.round(m.bias * 1000) / 1000, threshold, weights };
  writeFileSync(resolve(outFile), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`\nwrote ${outFile} (${Object.keys(weights).length} weights)`);
}
