import { capitalise } from '../render/estimates-layout.js';
import { wavePairLine } from '../format/wave-pair.js';
import { htmlDomain } from './html-domain.js';
import { htmlHeadline } from './html-headline.js';
import { htmlMethodology } from './html-methodology.js';
import { htmlProfileSection, profileId } from './html-profile.js';
import { htmlFindings, htmlNeighbourhoods } from './html-neighbourhoods.js';
import { el, esc, p, table, td, th } from './html-parts.js';
import { NET_HEADING, netReportTables } from './net-report.js';
import { htmlSummary } from './html-summary.js';
import { REPORT_CSS } from './report-css.js';
import type { ReportInput } from './report-input.js';
import { buildReportModel } from './report-model.js';
import { reportedWaves } from './report-words.js';

export const SAMPLES_NOTICE =
  'Synthetic data: this report was made from the bundled synthetic sample waves (data/samples/), ' +
  'not from real returns. Run it on your own files for real figures.';

export function reportTitle(input: ReportInput): string {
  return (
    `Social capital survey report: ${capitalise(input.result.design.codebook)}, ` +
    `${reportedWaves(input.result).join(' and ') || 'no waves'}`
  );
}

/**
 * Pure: the whole report as one self-contained HTML document — inline CSS, inline SVG charts, no scripts,
 * no external resources, and no timestamp unless `input.date` is given.
 */
export function renderReportHtml(input: ReportInput): string {
  const m = buildReportModel(input);
  const title = reportTitle(input);
  const domains = m.domains.map((d, i) => htmlDomain(m, d.domain, d.slug, d.items, i + 1));
  const net = htmlNet(input);
  const nav = el(
    'nav',
    { 'aria-label': 'Contents' },
    el(
      'ol',
      undefined,
      [
        ['summary', '1. Data summary'],
        ['headline', '2. Headline: NI1, NI2 and NI4'],
        ...m.domains.map((d, i) => [`domain-${d.slug}`, `3.${i + 1} ${capitalise(d.domain)}`]),
        ['findings', '4. Findings'],
        ['neighbourhoods', '5. Neighbourhoods'],
        ['methodology', '6. Methodology'],
        ...(net ? [['net', NET_HEADING]] : []),
        ...(input.profiles ?? []).map((x, i) => [
          profileId(x.profile.area.code),
          `${net ? 8 : 7}.${i + 1} ${x.profile.area.name}`,
        ]),
      ]
        .map(([id, text]) => el('li', undefined, `<a href="#${esc(id!)}">${esc(text!)}</a>`))
        .join(''),
    ),
  );
  const pair = wavePairLine(input.result);
  const population =
    input.result.design.population === 'the surveyed areas'
      ? 'For the surveyed areas (chosen on purpose), not the county'
      : input.result.design.population;
  const subtitle = `${population}. ${input.date ? `Date: ${input.date}.` : ''}`;
  const pairLine = pair ? `<p class="wave-pair"><strong>${esc(pair)}</strong></p>\n` : '';
  const notice = input.samples ? `<p class="notice">${esc(SAMPLES_NOTICE)}</p>\n` : '';
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${esc(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n` +
    `<header>\n<h1>${esc(title)}</h1>\n${pairLine}<p class="subtitle">${esc(subtitle.trim())}</p>\n${notice}` +
    `</header>\n${nav}\n<main>\n` +
    [
      htmlSummary(m),
      htmlHeadline(m),
      ...domains,
      htmlFindings(m),
      htmlNeighbourhoods(m),
      htmlMethodology(m),
      ...(net ? [net] : []),
      ...(input.profiles ?? []).map((x) =>
        htmlProfileSection(x.profile, x.table, input.codebook, input.result.design.level),
      ),
    ].join('\n') +
    '\n</main>\n</body>\n</html>\n'
  );
}

/** With --net: the net-score section; '' without it, so the report is unchanged. */
function htmlNet(input: ReportInput): string {
  const { tables, notes } = netReportTables(input);
  if (!tables.length) return '';
  const body = tables
    .map((x) =>
      table({
        caption: x.caption,
        head: x.header.map((h) => th(h)),
        rows: x.rows.map((r) => ({ cells: r.map((c, i) => (i === 0 ? th(c) : td(c))) })),
      }),
    )
    .join('');
  return el('section', { id: 'net' }, `<h2>${esc(NET_HEADING)}</h2>\n${body}${notes.map((n) => p(n)).join('\n')}`);
}
