/**
 * The report's only style sheet, inline (the page's CSP allows inline styles
 * and nothing else). Colours meet 4.5:1 in light and dark mode; the layout
 * reflows down to 320 px with no sideways scrolling; print shows everything.
 */
export const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--card:#f6f6f6;--muted:#555;--line:#c9c9c9;--err:#a0001c;--warn:#7a4900;--info:#1a55a0;--ok:#17612f;--bar:#2f5f9e;--bar2:#7b3f98;--bar3:#1d6b4f;--bar4:#666;--mark:#a0001c}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#141414;--card:#1f1f1f;--muted:#b4b4b4;--line:#444;--err:#ff9b91;--warn:#ffcf70;--info:#9cc0ff;--ok:#8fd6a5;--bar:#7fb0ff;--bar2:#d8a6f0;--bar3:#7fd8b0;--bar4:#bbb;--mark:#ff9b91}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:72rem;padding:1rem;overflow-wrap:break-word}
p,li,blockquote,summary,dd,dt,code{overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:0 0 .25rem;line-height:1.2}
h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-top:.5rem;border-top:2px solid var(--line)}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
p{margin:.4rem 0}
.muted,.meta{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,13rem),1fr));gap:.75rem;margin:1rem 0;padding:0}
.cards div{background:var(--card);border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem}
.cards dt{font-size:.9rem;color:var(--muted)}
.cards dd{margin:0;font-size:1.5rem;font-weight:700}
.cards .delta{display:block;font-size:.85rem;font-weight:400;color:var(--muted)}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:1rem;align-items:start;margin:.5rem 0 1.25rem}
figure{margin:0}
svg{display:block;width:100%;height:auto;max-width:40rem}
svg text{fill:var(--fg);font:13px system-ui,sans-serif}
svg .bar{fill:var(--bar)}
svg .axis{stroke:var(--line);stroke-width:1}
svg .mark{stroke:var(--mark);stroke-width:2;stroke-dasharray:4 3}
svg text.marklabel{fill:var(--mark)}
svg .f-plain{stroke:var(--bar);fill:var(--bar)}
svg .f-care{stroke:var(--bar2);fill:var(--bar2)}
svg .f-a11y{stroke:var(--bar3);fill:var(--bar3)}
svg .f-meta,svg .f-other{stroke:var(--bar4);fill:var(--bar4)}
svg polyline{fill:none;stroke-width:2.5}
svg .dash-care{stroke-dasharray:7 4}
svg .dash-a11y{stroke-dasharray:2 3}
svg .dash-meta,svg .dash-other{stroke-dasharray:10 3 2 3}
table{border-collapse:collapse;width:100%;margin:.25rem 0;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-top:1px solid var(--line);overflow-wrap:normal}
td code,th code{overflow-wrap:anywhere}
th{font-weight:600}
thead th{font-size:.85rem;color:var(--muted);vertical-align:bottom}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
details{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.2rem .6rem}
summary{cursor:pointer;font-weight:600;padding:.3rem 0}
summary:focus-visible,a:focus-visible{outline:3px solid var(--info);outline-offset:2px}
summary .counts{font-weight:400;color:var(--muted)}
a{color:var(--info)}
ol,ul{padding-left:1.25rem}
.finds{list-style:none;padding:0;margin:.25rem 0}
.finds>li{border-top:1px solid var(--line);padding:.35rem 0}
.finds blockquote,.fix blockquote{margin:.2rem 0 .3rem;padding:.1rem .6rem;border-left:3px solid var(--line);font-style:italic}
.finds ul{list-style:none;padding:0;margin:0}
.p{font-family:ui-monospace,monospace;color:var(--muted)}
.e{color:var(--err);font-weight:600}.w{color:var(--warn);font-weight:600}.i{color:var(--info);font-weight:600}
.failed{color:var(--err)}.clean{color:var(--ok)}
.fix>li{margin:.75rem 0}
.fix ul{padding-left:1rem}
.note{background:var(--card);border-left:4px solid var(--info);padding:.5rem .75rem;margin:1rem 0}
@media (max-width:30rem){body{padding:.6rem}h1{font-size:1.35rem}table{font-size:.85rem}th,td{padding:.25rem .2rem}.cards dd{font-size:1.3rem}}
@media print{:root{--fg:#000;--bg:#fff;--card:#fff;--muted:#333;--line:#999}body{max-width:none;padding:0;font-size:11pt}
h2{break-after:avoid}figure,.pair,.cards div,.fix>li{break-inside:avoid}details{border:0;padding:0}
details::details-content{content-visibility:visible;display:block}summary{list-style:none}a{color:inherit;text-decoration:none}}
`;
