/**
 * The report's only stylesheet: inline, system fonts only, and an A4 print layout. The literal is split once, after
 * the font list, only to keep source lines within 120 characters.
 */
export const REPORT_CSS =
  `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; ` +
  `color: #1a1a1a; background: #fff;
  max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p { margin: .4rem 0 .7rem; }
.subtitle { color: #444; margin: 0 0 1rem; }
.notice { border: 2px solid #1a1a1a; padding: .4rem .7rem; font-weight: 600; }
.note, figcaption, .caption { color: #444; font-size: .85rem; }
nav ol { columns: 3; margin: .3rem 0 1rem; padding-left: 0; list-style: none; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .82rem; width: 100%; }
thead th.num { white-space: normal; }
.table-wrap { overflow-x: auto; }
table.compact { font-size: .76rem; }
table.compact td.verdict { min-width: 7.5em; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .3rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #d0d0d0; padding: .22rem .45rem; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #1a1a1a; background: #f4f4f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody th { font-weight: 600; }
tr.block-start td, tr.block-start th { border-top: 1px solid #8a8a8a; }
.group { white-space: nowrap; }
.suppressed { font-style: italic; color: #555; }
.no-data { color: #777; }
.indicative { }
.sig { font-weight: 700; }
.verdict { font-weight: 600; }
.verdict-met { color: #0b5d1e; }
.verdict-inconclusive { color: #7a4a00; }
.verdict-missed { color: #9b1c1c; }
.deciding { text-decoration: underline; text-decoration-thickness: 2px; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; display: block; }
.findings li { margin: .3rem 0; }
.headline-card { border: 1px solid #bdbdbd; border-left: 5px solid #1a1a1a; padding: .5rem .8rem; margin: .6rem 0; }
.headline-card h3 { margin: 0 0 .3rem; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  section.page, .print-new-page { break-before: page; page-break-before: always; }
  figure, .headline-card, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  nav { display: none; }
  .table-wrap { overflow: visible; }
  .table-wrap.keep { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .verdict-met, .verdict-inconclusive, .verdict-missed { color: #000; }
}
`;
