import type { Codebook } from '../codebook/schema.js';
import type { Estimate } from '../types/index.js';
import { formatCount, formatPercent } from '../format/format-number.js';
import type { AreaProfile, ProfileTable } from '../render/render-profile.js';
import { el, esc, p, table, td, th } from './html-parts.js';
import { REPORT_CSS } from './report-css.js';
import { ciText } from './report-words.js';
import type { GroupStyle } from './svg-markers.js';
import { rowChartSvg, type ChartRow, type ChartSpec } from './svg-row-chart.js';
import { indicatorLabel } from '../format/indicator-label.js';
import { PERCENT_AXIS } from './domain-charts.js';

const AREA_STYLE: GroupStyle = { shape: 'triangle', colour: '#0b4f8a' };
const ALL_STYLE: GroupStyle = { shape: 'diamond', colour: '#000000' };

/** The area against all surveyed areas, per indicator and wave, in the report's dot-and-whisker style. */
export function profileChartSpec(pr: AreaProfile, cb: Codebook, level: number, id: string): ChartSpec {
  const last = pr.waves.at(-1);
  const row = (label: string, style: GroupStyle, wave: string, e: Estimate | undefined, block: number): ChartRow => {
    const shown = e !== undefined && e.flag !== 'suppressed' && e.flag !== 'no-data' && e.percent !== null;
    return {
      label,
      sublabel: wave,
      style,
      block,
      filled: wave === last,
      value: shown ? e.percent : null,
      lo: shown ? e.ciLow : null,
      hi: shown ? e.ciHigh : null,
      valueText:
        !e || e.flag === 'no-data'
          ? 'no data'
          : shown
            ? `${formatPercent(e.percent)}${e.flag === 'indicative' ? '†' : ''} (${ciText(e.ciLow, e.ciHigh)})  ` +
              `n=${formatCount(e.unweightedBase)}`
            : `suppressed  n=${formatCount(e.unweightedBase)}`,
      note: !e || e.flag === 'no-data' ? 'no data' : 'suppressed: base too small',
    };
  };
  const find = (rows: Estimate[], wave: string, indicator: string) =>
    rows.find((e) => e.wave === wave && e.indicator === indicator);
  const items = cb.items.filter((it) => pr.estimates.some((e) => e.indicator === it.id));
  return {
    id,
    title:
      `${pr.area.name}: percent positive with ${Math.round(level * 100)}% confidence intervals, ` +
      'against all surveyed areas',
    description:
      `Dot-and-whisker chart. For each indicator, rows for ${pr.area.name} and for all surveyed areas in each wave: ` +
      'the dot is the percent positive, the whisker its confidence interval. ' +
      'Hollow markers are earlier waves, filled the latest. The axis runs from 0 to 100 percent. ' +
      'The same figures are in the table below.',
    legend: [
      { label: pr.area.name, style: AREA_STYLE, filled: true },
      { label: 'All surveyed areas', style: ALL_STYLE, filled: true },
      ...pr.waves.map((w) => ({
        label: `wave ${w}`,
        style: { shape: 'circle' as const, colour: '#555555' },
        filled: w === last,
      })),
    ],
    panels: items.map((it) => ({
      title: indicatorLabel(it),
      rows: [
        ...pr.waves.map((w) => row(pr.area.name, AREA_STYLE, w, find(pr.estimates, w, it.id), 0)),
        ...pr.waves.map((w) => row('All surveyed areas', ALL_STYLE, w, find(pr.allAreas, w, it.id), 1)),
      ],
    })),
    axis: PERCENT_AXIS,
  };
}

/** The section id of an area's profile. */
export const profileId = (code: string): string => `profile-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** One area's profile as a report section: heading, chart, table, notes. */
export function htmlProfileSection(pr: AreaProfile, t: ProfileTable, cb: Codebook, level: number): string {
  const id = profileId(pr.area.code);
  const body = table({
    caption: t.title,
    head: t.header.map((h, i) => th(h, i === 0 ? undefined : { class: 'num' })),
    rows: t.rows.map((r) => ({ cells: r.map((c, i) => (i === 0 ? th(c) : td(c, { class: 'num' }))) })),
  });
  return el(
    'section',
    { id, class: 'page' },
    [
      `<h2>Area profile: ${esc(pr.area.name)}</h2>`,
      `<figure>${rowChartSvg(profileChartSpec(pr, cb, level, `chart-${id}`))}</figure>`,
      body,
      ...t.notes.map((n) => p(n, { class: 'note' })),
    ].join('\n'),
  );
}

/** `profile --format html`: a one-page area report. */
export function renderProfileHtml(
  pr: AreaProfile,
  t: ProfileTable,
  cb: Codebook,
  level: number,
  notice?: string,
): string {
  const title = `Area profile: ${pr.area.name}`;
  const subtitle = `${pr.area.type}, ${pr.area.district}; one of the surveyed areas (chosen on purpose, not sampled)`;
  return (
    '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${esc(title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n<header>\n<h1>${esc(title)}</h1>\n` +
    `<p class="subtitle">${esc(subtitle)}</p>\n` +
    `${notice ? `<p class="notice">${esc(notice)}</p>\n` : ''}</header>\n` +
    `<main>\n${htmlProfileSection(pr, t, cb, level)}\n</main>\n</body>\n</html>\n`
  );
}
