/**
 * `--format html`: one self-contained page to attach to a CI run or mail to a
 * writer. No scripts, no fonts, no images, no external style sheets; a
 * Content-Security-Policy forbids loading anything, and every string from
 * the report is escaped.
 */
import type { Formatter } from './types.js';
import type { FileResult, Severity } from '../types.js';
import { xmlAttr as attr, xmlText as text } from './xml.js';

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#5c5c5c;--line:#d6d6d6;--err:#b00020;--warn:#8a5300;--info:#1f5fa8;--ok:#1d6b35}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#161616;--muted:#aaa;--line:#3a3a3a;--err:#ff8a80;--warn:#ffcc66;--info:#8ab4f8;--ok:#81c995}}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:72rem;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
.meta,.muted{color:var(--muted)}
.summary{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0;padding:0;list-style:none}
.summary li{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .8rem}
details{border:1px solid var(--line);border-radius:.4rem;margin:.75rem 0;padding:.25rem .75rem}
summary{cursor:pointer;font-weight:600;padding:.25rem 0}
summary .counts{font-weight:400;color:var(--muted);margin-left:.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-top:1px solid var(--line)}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.pos{font-family:ui-monospace,monospace;white-space:nowrap}
.sev{font-weight:600}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
.failed{color:var(--err)}.clean{color:var(--ok)}
code{font-family:ui-monospace,monospace}
`;

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function fileSection(file: FileResult): string {
  const count = (s: Severity) => file.findings.filter((f) => f.severity === s).length;
  const counts = file.error ? 'could not be linted' : [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info')].join(', ');
  const parts: string[] = [`<details open>`, `<summary><code>${text(file.path)}</code><span class="counts">${text(counts)} · ${text(file.channel)}</span></summary>`];
  if (file.error) parts.push(`<p class="failed">Could not be linted: ${text(file.error)}</p>`);
  const m = file.metrics;
  if (m) {
    let line = `${plural(m.words, 'word')}, ${plural(m.sentences, 'sentence')}, grade level ${m.gradeLevel}, about ${plural(m.readingTimeMinutes, 'minute')} to read`;
    if (m.care) line += `, care score ${m.care.score}/4`;
    parts.push(`<p class="muted">${text(line)}</p>`);
  }
  if (file.findings.length) {
    parts.push('<table>', '<thead><tr><th scope="col">Line</th><th scope="col">Severity</th><th scope="col">Problem</th><th scope="col">Rule</th></tr></thead>', '<tbody>');
    for (const f of file.findings) {
      const url = safeUrl(f.docsUrl);
      const rule = url ? `<a href="${attr(url)}" rel="noopener noreferrer">${text(f.ruleId)}</a>` : text(f.ruleId);
      const tips = f.suggestions?.length ? `<br><span class="muted">Try: ${f.suggestions.map((s) => `‘${text(s)}’`).join(', ')}</span>` : '';
      parts.push(
        `<tr><td class="pos">${f.line}:${f.column}</td><td class="sev sev-${f.severity}">${text(f.severity)}</td><td>${text(f.message)}${tips}</td><td>${rule}</td></tr>`,
      );
    }
    parts.push('</tbody>', '</table>');
  }
  parts.push('</details>');
  return parts.join('\n');
}

export const html: Formatter = (report) => {
  const s = report.summary;
  const failed = report.files.filter((f) => f.error);
  const shown = report.files.filter((f) => f.findings.length || f.error);
  const clean = report.files.length - shown.length;
  const items = [plural(s.files, 'file'), plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info')];
  if (s.fixable) items.push(`${s.fixable} fixable with --fix`);
  if (failed.length) items.push(`${plural(failed.length, 'file')} could not be linted`);
  if (report.baseline) items.push(`baseline: ${report.baseline.hidden} hidden, ${report.baseline.fixed} fixed`);
  const body = [
    `<h1>plainspoke report</h1>`,
    `<p class="meta">plainspoke ${text(report.tool.version)}</p>`,
    `<ul class="summary">${items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>`,
    ...shown.map(fileSection),
    clean ? `<p class="clean">${text(`${plural(clean, 'file')} with no problems`)}</p>` : '',
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>plainspoke report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.filter(Boolean).join('\n')}
</main>
</body>
</html>
`;
};
