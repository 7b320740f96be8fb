#!/usr/bin/env node
// Measures the language detectors plainspoke could use (issue 14) on short support
// sentences (fixtures/languages/short-sentences.json, 63 sentences in 7 languages):
// accuracy per detector on single sentences and on pairs (about 20+ words, the
// length at which plainspoke detects), and the time to load each one.
//
//   node scripts/measure-language-detection.mjs
// Each detector loads in a fresh process so load times do not share a warm cache.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const data = JSON.parse(readFileSync(resolve(root, 'fixtures/languages/short-sentences.json'), 'utf8'));
const LANGS = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'];
const ISO3 = { eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', nld: 'nl', por: 'pt' };

const child = process.argv[2];
if (child) {
  const t0 = performance.now();
  let detect;
  if (child === 'eld') {
    const { eld } = await import('eld/small');
    detect = (t) => eld.detect(t).language;
  } else if (child === 'tinyld') {
    const { detect: d } = await import('tinyld/light');
    detect = (t) => d(t, { only: LANGS });
  } else if (child === 'tinyld-light-all') {
    const { detect: d } = await import('tinyld/light');
    detect = (t) => d(t);
  } else if (child === 'eld-extrasmall') {
    const { eld } = await import('eld/extrasmall');
    detect = (t) => eld.detect(t).language;
  } else if (child === 'tinyld-full') {
    const { detect: d } = await import('tinyld');
    detect = (t) => d(t);
  } else if (child === 'franc-min') {
    const { franc } = await import('franc-min');
    detect = (t) => ISO3[franc(t, { minLength: 3 })] ?? franc(t, { minLength: 3 });
  } else if (child === 'franc-min-only') {
    const { franc } = await import('franc-min');
    detect = (t) => ISO3[franc(t, { minLength: 3, only: Object.keys(ISO3) })] ?? 'und';
  }
  detect('warm up the detector with a sentence');
  const loadMs = performance.now() - t0;
  let one = 0;
  let n1 = 0;
  let two = 0;
  let n2 = 0;
  const wrong = [];
  const t1 = performance.now();
  for (const lang of LANGS) {
    const list = data[lang];
    list.forEach((s, i) => {
      n1++;
      const got = detect(s);
      if (got === lang) one++;
      else wrong.push(`${lang}→${got}: ${s.slice(0, 40)}`);
      if (i + 1 < list.length) {
        n2++;
        if (detect(`${s} ${list[i + 1]}`) === lang) two++;
      }
    });
  }
  const perCallMs = (performance.now() - t1) / (n1 + n2);
  console.log(JSON.stringify({ detector: child, loadMs: Math.round(loadMs), perCallMs: Math.round(perCallMs * 1000) / 1000, single: `${one}/${n1}`, pairs: `${two}/${n2}`, wrong }));
} else {
  for (const d of ['eld', 'eld-extrasmall', 'tinyld', 'tinyld-light-all', 'tinyld-full', 'franc-min', 'franc-min-only']) {
    const out = execFileSync(process.execPath, [import.meta.filename, d], { encoding: 'utf8' });
    const r = JSON.parse(out);
    console.log(`${d.padEnd(16)} load ${String(r.loadMs).padStart(5)} ms  ${String(r.perCallMs).padStart(6)} ms/call  single ${r.single}  pairs ${r.pairs}`);
    for (const w of r.wrong) console.log(`    ${w}`);
  }
}
