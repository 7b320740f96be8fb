/** Generated test files for the pool and shard tests (our own text, never the shared corpus). */

export const SENTENCES = [
  'Your card was charged twice and the refund will be processed in five days.',
  'In order to utilize the new plan, simply open the billing page.',
  'We fixed the problem, and you do not need to do anything.',
  'The account was locked by our system after three failed attempts.',
  'Click here to read more about it.',
  'Reply to this email if anything is still unclear.',
];

/** About thirty files: Markdown and HTML, nested folders, names with spaces and accents, front matter, a disable comment. */
export function corpus(n = 30): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 3 + (i % 5) }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]);
    const folder = ['help', 'help/billing', 'policies', 'Macros Été', 'z'][i % 5];
    if (i % 4 === 3) {
      const paras = body.map((s) => `<p>${s}</p>`).join('\n');
      files[`${folder}/page ${i}.html`] = `<!doctype html>\n<html lang="en"><head><title>Page ${i}</title></head><body><main><h1>Page ${i}</h1>\n${paras}\n<img src="a.png"></main></body></html>\n`;
    } else {
      const front = i % 6 === 0 ? '---\ntitle: Article\nplainspoke:\n  channel: macro\n---\n' : '';
      const disable = i % 7 === 0 ? '<!-- plainspoke-disable-next-line passive-voice -- quoting the bank -->\n' : '';
      files[`${folder}/article-${String(i).padStart(2, '0')}.md`] = `${front}# Article ${i}\n\n${disable}${body.join(' ')}\n\n- ${body[0]}\n- ${body[1]}\n\n![screenshot](shot.png)\n`;
    }
  }
  return files;
}

