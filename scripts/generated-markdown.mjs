// Generated support Markdown for the linear-growth benchmark (scripts/bench.mjs)
// and the huge-file tests (test/huge-markdown.test.ts): our own words, never the shared corpus.

/** About `kb` KB of varied support prose, lists, links, a table and headings (our own words). */
export function generated(kb, seed) {
  const words = 'account billing refund card charged twice team help page settings password reset email phone order shipping address invoice plan device cloud board upload sketch library update error message support request ticket reply'.split(' ');
  let x = seed;
  const rnd = (n) => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % n);
  const sentence = () => {
    const n = 6 + rnd(20);
    const w = Array.from({ length: n }, () => words[rnd(words.length)]);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    if (rnd(4) === 0) w.splice(2, 0, 'was', 'charged');
    if (rnd(5) === 0) w.splice(1, 0, `[${words[rnd(words.length)]}](https://example.com/${rnd(999)})`);
    return `${w.join(' ')}.`;
  };
  let out = '';
  let section = 0;
  while (out.length < kb * 1024) {
    out += `\n## Section ${seed}-${section++}\n\n${Array.from({ length: 3 + rnd(4) }, sentence).join(' ')}\n\n`;
    out += `1. ${sentence()}\n2. ${sentence()}\n3. ${sentence()}\n\n`;
    if (rnd(3) === 0) out += `| Plan | Price |\n| --- | --- |\n| Basic | ${rnd(50)} |\n| Pro | ${rnd(90)} |\n\n`;
  }
  return `# Generated ${seed}\n${out}`;
}
