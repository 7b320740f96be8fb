/** The sections of the insights page, each a function of the numbers in src/report/insights. */
import type { FileView, Insights, SliceRow } from '../../report/insights/compute.js';
import { familyLabel, type FamilyName } from '../../report/insights/families.js';
import { barChart, columnChart, lineChart } from './charts.js';
import { attr, change, num, percent, plural, safeUrl, text } from './format.js';
import { itemLabel } from '../item-label.js';

const SEV_CLASS = { error: 'e', warning: 'w', info: 'i' } as const;

function pair(chart: string, table: string): string {
  return `<div class="pair"><figure>${chart}</figure>${table}</div>`;
}

function th(label: string, numeric = false): string {
  return `<th scope="col"${numeric ? ' class="n"' : ''}>${text(label)}</th>`;
}

function td(value: string, numeric = false): string {
  return `<td${numeric ? ' class="n"' : ''}>${value}</td>`;
}

export function headline(ins: Insights): string {
  const t = ins.totals;
  const b = ins.before;
  const label = b?.label ?? '';
  const now = { ...t, ...(b?.now ?? {}) };
  const cards: [string, string, string][] = [
    ['Files', num(t.files), b ? change(t.files, b.totals.files, label, '', 0) : ''],
    ['Words', num(t.words), b ? change(t.words, b.totals.words, label, '', 0) : ''],
    [b?.now ? 'Problems per 1,000 words, known ones too' : 'Problems per 1,000 words', num(now.per1000), b ? change(now.per1000, b.totals.per1000, label) : ''],
    ['Files with no errors', percent(t.cleanShare), b && b.totals.cleanShare !== undefined ? change(Math.round(t.cleanShare * 100), Math.round(b.totals.cleanShare * 100), label, ' points', 0) : ''],
    ['Average care score of replies', t.care === undefined ? 'no replies' : `${num(t.care)} of 4`, b && t.care !== undefined ? change(t.care, b.totals.care, label) : ''],
  ];
  const items = cards.map(([k, v, d]) => `<div><dt>${text(k)}</dt><dd>${text(v)}${d ? `<span class="delta">${text(d)}</span>` : ''}</dd></div>`);
  const counts = [plural(t.errors, 'error'), plural(t.warnings, 'warning'), plural(t.infos, 'info note')];
  let line = `${counts.join(', ')}.`;
  if (ins.fixable) line += ` You can fix ${num(ins.fixable)} of them with --fix.`;
  if (t.failed) line += ` We could not read ${plural(t.failed, 'file')}.`;
  return `<h2 id="headline">Where things stand</h2>
<dl class="cards">${items.join('')}</dl>
<p>${text(line)}</p>`;
}

function sliceTable(rows: readonly SliceRow[], first: string, caption: string): string {
  const head = `<tr>${th(first)}${th('Files', true)}${th('Per 1,000 words', true)}${th('Care score', true)}${th('Grade (target)', true)}</tr>`;
  const body = rows.map(
    (r) =>
      `<tr><th scope="row">${text(r.name)}</th>${td(num(r.files), true)}${td(num(r.per1000), true)}${td(r.care === undefined ? '–' : `${num(r.care)} of 4`, true)}${td(
        r.medianGrade === undefined ? '–' : `${num(r.medianGrade)} (${num(r.target)})`,
        true,
      )}</tr>`,
  );
  return `<table><caption>${text(caption)}</caption><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

export function groups(ins: Insights): string {
  const rows = ins.groups;
  const chart = barChart(
    rows.slice(0, 15).map((r) => ({ label: r.name, value: r.per1000 })),
    'Problems per 1,000 words, by content group',
    rows.length ? `The group with the most is ${rows[0].name}, at ${num(rows[0].per1000)} per 1,000 words.` : 'No groups.',
  );
  const channelChart = barChart(
    ins.channels.map((r) => ({ label: r.name, value: r.per1000 })),
    'Problems per 1,000 words, by channel',
    ins.channels.map((r) => `${r.name}: ${num(r.per1000)}`).join('; ') || 'No channels.',
  );
  return `<h2 id="groups">By content group and channel</h2>
<p>A group is a top folder, or a group from the <code>groups</code> setting in your config. The tables show problems per 1,000 words and the average care score of replies. They also show the median reading grade of files with 30 words or more, next to the target for the channel.</p>
${pair(chart, sliceTable(rows, 'Group', 'Content groups, the most problems per 1,000 words first'))}
${pair(channelChart, sliceTable(ins.channels, 'Channel', 'Channels'))}`;
}

const FAMILY_CLASS: Record<FamilyName, string> = { plain: 'f-plain', care: 'f-care', a11y: 'f-a11y', meta: 'f-meta', other: 'f-other' };

export function rules(ins: Insights): string {
  const fam = barChart(
    ins.families.map((f) => ({ label: familyLabel(f.family), value: f.findings, cls: FAMILY_CLASS[f.family] })),
    'Problems by family',
    ins.families.map((f) => `${familyLabel(f.family)}: ${num(f.findings)}`).join('; '),
  );
  const famTable = `<table><caption>Problems by family</caption><thead><tr>${th('Family')}${th('Problems', true)}</tr></thead><tbody>${ins.families
    .map((f) => `<tr><th scope="row">${text(familyLabel(f.family))}</th>${td(num(f.findings), true)}</tr>`)
    .join('')}</tbody></table>`;
  const top = ins.rules.slice(0, 12);
  const ruleChart = barChart(
    top.map((r) => ({ label: r.ruleId, value: r.findings, cls: FAMILY_CLASS[r.family] })),
    'Problems by rule',
    top.length ? `The ${plural(top.length, 'rule')} with the most problems. The top one is ${top[0].ruleId}, with ${num(top[0].findings)}.` : 'No problems.',
  );
  const ruleTable = `<table><caption>Problems by rule</caption><thead><tr>${th('Rule')}${th('Family')}${th('Problems', true)}${th('Files', true)}</tr></thead><tbody>${ins.rules
    .map((r) => {
      // The one place a rule links to its docs: the page stays small with thousands of problems.
      const url = safeUrl(r.docsUrl);
      const id = `<code>${text(r.ruleId)}</code>`;
      return `<tr><th scope="row">${url ? `<a href="${attr(url)}">${id}</a>` : id}</th>${td(text(familyLabel(r.family)))}${td(num(r.findings), true)}${td(num(r.files), true)}</tr>`;
    })
    .join('')}</tbody></table>`;
  return `<h2 id="rules">Problems by rule</h2>
${pair(fam, famTable)}
${ins.rules.length ? pair(ruleChart, ruleTable) : '<p class="clean">No problems at all.</p>'}`;
}

export function grades(ins: Insights): string {
  const total = ins.grades.reduce((n, g) => n + g.files, 0);
  // One mark per target; channels that share a target share the mark.
  const byTarget = new Map<number, string[]>();
  for (const t of ins.targets) byTarget.set(t.target, [...(byTarget.get(t.target) ?? []), t.channel]);
  const marks = [...byTarget].sort((a, b) => a[0] - b[0]).map(([at, chans]) => ({ at, label: `target ${at}: ${chans.join(', ')}` }));
  const chart = columnChart(
    ins.grades.map((g) => ({ label: g.from === -Infinity ? `<${g.to}` : g.to === Infinity ? `${g.from}+` : String(g.from), value: g.files, from: g.from })),
    marks,
    'Files by reading grade',
    `${plural(total, 'file')} with 30 words or more. Dashed lines mark the channel targets: ${marks.map((m) => m.label).join('; ') || 'none'}.`,
  );
  const table = `<table><caption>Files by reading grade</caption><thead><tr>${th('Grade')}${th('Files', true)}</tr></thead><tbody>${ins.grades
    .map((g) => `<tr><th scope="row">${text(g.label)}</th>${td(num(g.files), true)}</tr>`)
    .join('')}</tbody></table>`;
  const targets = ins.targets.length ? `<p>Targets: ${text(ins.targets.map((t) => `${t.channel} grade ${t.target}`).join(', '))}.</p>` : '';
  return `<h2 id="grades">Reading grade</h2>
<p>A lower grade reads more easily. Each channel has a target grade.</p>
${targets}
${pair(chart, table)}`;
}

export function care(ins: Insights): string {
  if (!ins.care.length) {
    return `<h2 id="care">Care in replies</h2>
<p>This report has no replies. The care score counts four things in macros and in chat, email, phone and social replies.</p>`;
  }
  const n = ins.care[0].replies;
  const chart = barChart(
    ins.care.map((c) => ({ label: c.label, value: Math.round((c.met / c.replies) * 100) })),
    'Replies that meet each care point, in percent',
    ins.care.map((c) => `${c.label}: ${c.met} of ${c.replies}`).join('; '),
  );
  const table = `<table><caption>Care points met, out of ${plural(n, 'reply', 'replies')}</caption><thead><tr>${th('Care point')}${th('Replies', true)}${th('Share', true)}</tr></thead><tbody>${ins.care
    .map((c) => `<tr><th scope="row">${text(c.label)}</th>${td(num(c.met), true)}${td(percent(c.met / c.replies), true)}</tr>`)
    .join('')}</tbody></table>`;
  return `<h2 id="care">Care in replies</h2>
<p>A reply scores one point for each of these four things. The score says how the words read, not how a person works.</p>
${pair(chart, table)}`;
}

export function priorities(ins: Insights): string {
  if (!ins.priorities.length) return `<h2 id="first">Fix these first</h2>\n<p class="clean">Nothing to fix.</p>`;
  const items = ins.priorities.map((p) => {
    const ex = p.examples
      .map(
        (e) =>
          `<li><code>${text(e.path)}</code> <span class=p>line ${e.line}</span>: ${text(e.message)}${e.sentence ? `<blockquote>${text(e.sentence)}</blockquote>` : ''}</li>`,
      )
      .join('');
    return `<li><h3><code>${text(p.ruleId)}</code></h3><p><span class="${SEV_CLASS[p.severity]}">${text(p.severity)}</span>, in ${plural(p.files, 'file')} (${plural(p.findings, 'problem')}).</p><ul>${ex}</ul></li>`;
  });
  const files = ins.topFiles.length
    ? `<table><caption>Files to start with</caption><thead><tr>${th('File')}${th('Errors', true)}${th('Warnings', true)}${th('Info', true)}</tr></thead><tbody>${ins.topFiles
        .map((f) => `<tr><th scope="row"><code>${text(f.path)}</code></th>${td(num(f.errors), true)}${td(num(f.warnings), true)}${td(num(f.infos), true)}</tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<h2 id="first">Fix these first</h2>
<p>These rules reach the most readers: we rank them by how serious they are times the number of files they touch.</p>
<ol class="fix">${items.join('')}</ol>
<p>These files have the most to fix. An error counts three times, a warning twice.</p>
${files}`;
}

export function loop(ins: Insights): string {
  const l = ins.loop;
  if (!l) {
    return `<h2 id="loop">Closing the loop</h2>
<p class="note">Run with <code>--baseline</code>, or with <code>--history</code> and a folder of earlier reports (saved with <code>--format json</code>). You then see new, fixed and remaining problems, and a trend for each family.</p>`;
  }
  const table = `<table><caption>Since ${text(l.against)}</caption><thead><tr>${th('Problems')}${th('Count', true)}</tr></thead><tbody><tr><th scope="row">New</th>${td(num(l.newFindings), true)}</tr><tr><th scope="row">Fixed</th>${td(
    num(l.fixed),
    true,
  )}</tr><tr><th scope="row">Still there</th>${td(num(l.remaining), true)}</tr></tbody></table>`;
  let trend = '';
  const t = ins.trend;
  if (t) {
    const chart = lineChart(
      t.labels,
      t.series.map((s) => ({ label: familyLabel(s.family), cls: FAMILY_CLASS[s.family], dash: `dash-${s.family}`, values: s.values })),
      'Problems by family over time',
      t.series.map((s) => `${familyLabel(s.family)}: ${s.values.map(num).join(', ')}`).join('; '),
    );
    const head = `<tr>${th('Report')}${t.series.map((s) => th(familyLabel(s.family), true)).join('')}</tr>`;
    const body = t.labels.map((label, i) => `<tr><th scope="row">${text(label)}</th>${t.series.map((s) => td(num(s.values[i]), true)).join('')}</tr>`).join('');
    trend = pair(chart, `<table><caption>Problems by family in each report</caption><thead>${head}</thead><tbody>${body}</tbody></table>`);
  }
  return `<h2 id="loop">Closing the loop</h2>
${table}
${trend}`;
}

function fileSection(file: FileView): string {
  const count = (s: 'error' | 'warning' | 'info') => file.findings.filter((f) => f.severity === s).length;
  const counts = file.error ? 'could not be linted' : [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info')].join(', ');
  const parts = [`<details><summary><code>${text(file.path)}</code> <span class="counts">${text(counts)} · ${text(file.channel)} · ${text(file.group)}</span></summary>`];
  if (file.error) parts.push(`<p class="failed">Could not be linted: ${text(file.error)}</p>`);
  const m = file.metrics;
  if (m) {
    let line = `${plural(m.words, 'word')}, grade ${num(m.gradeLevel)}, about ${plural(m.readingTimeMinutes, 'minute')} to read`;
    if (m.care) line += `, care score ${m.care.score} of 4`;
    parts.push(`<p class="muted">${text(line)}.</p>`);
  }
  if (file.findings.length) {
    parts.push('<ul class="finds">');
    let open = false;
    let last: string | undefined;
    for (const f of file.findings) {
      // Problems in the same sentence share one quote.
      if (!open || f.sentenceKey !== last || f.sentenceKey === undefined) {
        if (open) parts.push('</ul>');
        parts.push(`<li>${f.sentence ? `<blockquote>${text(f.sentence)}</blockquote>` : ''}<ul>`);
        open = true;
        last = f.sentenceKey;
      }
      const tips = f.suggestions?.length ? ` Try: ${f.suggestions.map((s) => `‘${text(s)}’`).join(', ')}` : '';
      // Short markup on purpose: a corpus of 500 files has thousands of these lines
      // (an li needs no end tag: the next li or the end of the list closes it).
      parts.push(`<li><i>${f.line}:${f.column}</i> <b class=${SEV_CLASS[f.severity]}>${f.severity}</b> ${f.item ? `<em>${text(itemLabel(f.item))}</em>: ` : ''}${text(f.message)}${tips} (${text(f.ruleId)})${f.note ? ` <span class=muted>Why: ${text(f.note)}</span>` : ''}`);
    }
    if (open) parts.push('</ul>');
    parts.push('</ul>');
  }
  parts.push('</details>');
  return parts.join('');
}

export function files(ins: Insights): string {
  const clean = ins.clean ? `<p class="clean">${text(`${plural(ins.clean, 'file')} with no problems`)}</p>` : '';
  return `<h2 id="files">Every file</h2>
<p>Open a file to see its problems. Each one starts with its line and column, under the sentence it is in.</p>
${ins.files.map(fileSection).join('\n')}
${clean}`;
}
