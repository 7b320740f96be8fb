/** The insights page: one self-contained HTML document, no scripts, nothing loaded from anywhere. */
import type { Insights } from '../../report/insights/compute.js';
import { resetIds } from './charts.js';
import { text } from './format.js';
import { care, files, grades, groups, headline, loop, priorities, rules } from './sections.js';
import { STYLE } from './style.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function renderPage(ins: Insights): string {
  resetIds();
  const body = [
    '<h1>Support content insights</h1>',
    `<p class="meta">Made by plainspoke ${text(ins.version)}. This page counts problems by folder and channel, never by person.</p>`,
    headline(ins),
    priorities(ins),
    groups(ins),
    rules(ins),
    grades(ins),
    care(ins),
    loop(ins),
    files(ins),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>plainspoke insights</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
