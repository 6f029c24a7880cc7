import { capitalise } from '../render/estimates-layout.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { orderTypes } from '../format/order-types.js';
import { formatCount } from '../format/format-number.js';
import { el, esc, table, td, th } from './html-parts.js';
import type { ReportModel } from './report-model.js';
import { WEIGHTING_HEADER, weightingRows, weightingSummary } from './weighting-rows.js';
import { waveSummaries } from './report-words.js';

const SEPARATOR_WORDS: Record<string, string> = { ',': 'comma', ';': 'semicolon', tab: 'tab', '|': 'pipe' };

/** Section 1: files, waves and rows; the row accounting; the codebook and registry used. */
export function htmlSummary(m: ReportModel): string {
  const r = m.input.result;
  const d = r.design;
  const types = orderTypes(m.input.areas.map((a) => a.type));
  const typeCounts = types.map((t) => `${m.input.areas.filter((a) => a.type === t).length} ${t}`).join(', ');
  const waveText = waveSummaries(r).join('; ');
  const dl = [
    ['Waves', waveText || 'none'],
    ['Codebook', `${d.codebook}${m.input.codebook.description ? ` — ${m.input.codebook.description}` : ''}`],
    ['Area registry', `${d.areas}: ${m.input.areas.length} areas (${typeCounts})`],
    ['Weights', d.weights],
    [
      'Population',
      `${capitalise(d.population)}: "All surveyed areas" means the neighbourhoods surveyed, chosen on purpose, ` +
        'taken together; it is not the county.',
    ],
  ]
    .map(([k, v]) => `<dt>${esc(k!)}</dt><dd>${esc(v!)}</dd>`)
    .join('\n');

  const files = table({
    caption: 'Files read',
    head: [th('File'), th('Encoding'), th('Separator'), th('Rows', { class: 'num' }), th('Items absent')],
    rows: r.files.map((f) => ({
      cells: [
        td(f.file),
        td(f.encoding),
        td(
          f.separator === null
            ? f.format === 'xlsx'
              ? `sheet ${f.sheet ?? ''}`
              : 'SPSS file'
            : (SEPARATOR_WORDS[f.separator] ?? f.separator),
        ),
        td(formatCount(f.rows), { class: 'num', 'data-field': 'fileRows' }),
        td(f.itemsAbsent.join(', ') || 'none'),
      ],
    })),
  });

  const a = r.accounting;
  const setAside = Object.entries(a.setAside).filter(([, n]) => n > 0);
  const cells = Object.entries(a.cellIssues).filter(([, n]) => n > 0);
  const accounting = table({
    caption: 'Row accounting',
    head: [th('Rows'), th('Count', { class: 'num' })],
    rows: [
      { cells: [th('Read'), td(formatCount(a.read), { class: 'num', 'data-field': 'read' })] },
      { cells: [th('Analysed'), td(formatCount(a.analysed), { class: 'num', 'data-field': 'analysed' })] },
      ...(setAside.length
        ? setAside.map(([reason, n]) => ({
            cells: [
              th(`Set aside: ${reason}`),
              td(formatCount(n), { class: 'num', 'data-field': 'setAside', 'data-reason': reason }),
            ],
          }))
        : [{ cells: [th('Set aside'), td('0', { class: 'num', 'data-field': 'setAside' })] }]),
      ...cells.map(([key, n]) => ({
        cells: [
          th(`Invalid cells treated as missing: ${key}`),
          td(formatCount(n), { class: 'num', 'data-field': 'cellIssues' }),
        ],
      })),
    ],
  });
  const weighting = r.weighting
    ? table({
        caption: 'Weighting report',
        head: WEIGHTING_HEADER.map((h, i) =>
          th(h, i < 2 || i === WEIGHTING_HEADER.length - 1 ? undefined : { class: 'num' }),
        ),
        rows: weightingRows(r.weighting).map((row) => ({
          cells: row.map((c, i) =>
            td(c, i === 1 ? { class: 'group' } : i < 2 || i === row.length - 1 ? undefined : { class: 'num' }),
          ),
        })),
      }) + `<p class="note">${esc(weightingSummary(r.weighting))}</p>\n`
    : '';
  return el(
    'section',
    { id: 'summary' },
    `<h2>1. Data summary</h2>\n<dl class="summary">\n${dl}\n</dl>\n${files}${accounting}` +
      `<p class="note">${esc(formatAccountingLine(a))}.</p>\n${weighting}`,
  );
}
