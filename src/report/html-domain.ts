import type { CodebookItem } from '../codebook/schema.js';
import { significanceLegend } from '../format/significance.js';
import { capitalise } from '../render/estimates-layout.js';
import { formatChange, formatP, formatPercent } from '../format/format-number.js';
import { changeChartSpec, groupLabel, levelChartSpec } from './domain-charts.js';
import { changeCells, estimateCells } from './html-estimate-cells.js';
import { dataKey, el, esc, p, table, td, th } from './html-parts.js';
import type { ReportModel } from './report-model.js';
import { levelText } from './report-words.js';
import { rowChartSvg } from './svg-row-chart.js';
import { indicatorLabel } from '../format/indicator-label.js';

/** Section 3: one per domain — the level chart, the change chart, and the table behind both. */
export function htmlDomain(
  m: ReportModel,
  domain: string,
  slug: string,
  items: readonly CodebookItem[],
  n: number,
): string {
  const d = m.input.result.design;
  const parts: string[] = [`<h2>3.${n} ${esc(capitalise(domain))}</h2>`];
  parts.push(
    el(
      'ul',
      { class: 'note' },
      items
        .map((it) => el('li', undefined, `<strong>${esc(indicatorLabel(it))}</strong>: ${esc(it.question)}`))
        .join(''),
    ),
  );
  const level = levelChartSpec(m, domain, items, slug);
  parts.push(
    el(
      'figure',
      undefined,
      rowChartSvg(level) +
        el(
          'figcaption',
          undefined,
          esc(
            `Figure: ${level.title}. Axis from 0 to 100. ` +
              `Hollow markers: earlier waves; filled: ${m.waves[m.waves.length - 1] ?? ''}. ` +
              `† indicative (base under ${d.indicativeBase}). Figures in the table below.`,
          ),
        ),
    ),
  );
  const change = changeChartSpec(m, domain, items, slug);
  if (change)
    parts.push(
      el(
        'figure',
        undefined,
        rowChartSvg(change) +
          el(
            'figcaption',
            undefined,
            esc(
              `Figure: ${change.title}. The axis is centred on 0 (no change) and is the same in every domain. ` +
                `Filled: ${significanceLegend(m.input.adjust, m.input.alpha)}.` +
                (m.input.adjust !== 'none'
                  ? ' The intervals are not adjusted for multiple testing, ' +
                    'so an interval that misses 0 can still be not significant after correction.'
                  : ''),
            ),
          ),
      ),
    );
  parts.push(dataTable(m, domain, items));
  const tt = typeTestTable(m, items);
  if (tt) parts.push(tt);
  return el('section', { id: `domain-${slug}`, class: 'page' }, parts.join('\n'));
}

/** Level and change columns side by side fit A4 up to two waves (and no weights); beyond that, two tables. */
function dataTable(m: ReportModel, domain: string, items: readonly CodebookItem[]): string {
  const lv = levelText(m.input.result.design.level);
  const together = m.waves.length <= 2 && !m.weighted;
  const changeHead = [
    th(`Change ${m.from}→${m.to}`, { class: 'num' }),
    th('CI', { class: 'num' }),
    th(m.input.adjust !== 'none' ? 'Adj. p' : 'p', { class: 'num' }),
  ];
  const rowsOf = (cells: (key: { groupBy: string; group: string; indicator: string }) => string[]) =>
    items.flatMap((it) =>
      m.groups.map((g, i) => ({
        cls: i === 0 ? 'block-start' : undefined,
        cells: [
          i === 0 ? th(indicatorLabel(it), { rowspan: m.groups.length }) : '',
          td(groupLabel(m, g.groupBy, g.group), { class: 'group' }),
          ...cells({ groupBy: g.groupBy, group: g.group, indicator: it.id }),
        ].filter(Boolean),
      })),
    );
  const levelCells = (key: { groupBy: string; group: string; indicator: string }) =>
    m.waves.flatMap((w) =>
      estimateCells(m.estimate(w, key.groupBy, key.group, key.indicator), { ...key, wave: w }, '', m.weighted),
    );
  const changeOf = (key: { groupBy: string; group: string; indicator: string }) =>
    changeCells(m.comparison(key.groupBy, key.group, key.indicator), key);
  const head = [
    th('Indicator'),
    th('Group'),
    ...m.waves.flatMap((w) => [
      th(`${w} %`, { class: 'num' }),
      th(`${lv} CI`, { class: 'num' }),
      th('n', { class: 'num' }),
      ...(m.weighted ? [th('n eff', { class: 'num' })] : []),
    ]),
    ...(m.comparisons && together ? changeHead : []),
  ];
  const tables = [
    table({
      caption: `${capitalise(domain)}: the figures in the charts, with bases`,
      head,
      rows: rowsOf((k) => [...levelCells(k), ...(m.comparisons && together ? changeOf(k) : [])]),
    }),
    ...(m.comparisons && !together
      ? [
          table({
            caption: `${capitalise(domain)}: change from ${m.from} to ${m.to}`,
            head: [th('Indicator'), th('Group'), ...changeHead],
            rows: rowsOf(changeOf),
          }),
        ]
      : []),
  ];
  const d = m.input.result.design;
  return (
    tables.join('') +
    p(
      'n: unweighted base.' +
        (m.weighted ? " n eff: Kish's effective n, (Σw)²/Σw², on which the CIs and tests rest." : '') +
        ` † indicative (base under ${d.indicativeBase}); "suppressed": base under ${d.minBase}, no figure shown.` +
        (m.comparisons
          ? ` ▲ / ▼ ${significanceLegend(m.input.adjust, m.input.alpha)}: ` +
            'one indicator × one grouping level × one pair of waves.'
          : ''),
      { class: 'note' },
    )
  );
}

function typeTestTable(m: ReportModel, items: readonly CodebookItem[]): string | undefined {
  // wave by wave, then in codebook order, as the result lists them
  const tests = items
    .flatMap((it) => m.typeTestsOf(it.id).map((t) => ({ t, it })))
    .sort((a, b) => m.waves.indexOf(a.t.wave) - m.waves.indexOf(b.t.wave));
  if (!tests.length) return undefined;
  const adj = m.input.adjust !== 'none' ? 'adj. ' : '';
  const rows = tests.map(({ t, it }) => {
    const key = { wave: t.wave, indicator: t.indicator, test: t.test };
    const pairs = t.pairs
      .map(
        (pr) =>
          `${pr.a} − ${pr.b}: ` +
          (pr.diffPp === null
            ? 'not computed'
            : `${formatChange(pr.diffPp)}${pr.significant ? (pr.diffPp > 0 ? ' ▲' : ' ▼') : ''} points, ` +
              `${adj}p ${formatP(pr.pAdjusted)}`),
      )
      .join('; ');
    const stat =
      t.test === 'area-type'
        ? t.F === null
          ? null
          : `F ${formatPercent(t.F, 2)} (${formatPercent(t.ndf, 2)}, ${formatPercent(t.ddf, 1)})`
        : t.statistic === null
          ? null
          : `χ² ${formatPercent(t.statistic, 2)} (${t.df})`;
    return {
      cells: [
        td(t.wave),
        th(it.shortLabel),
        td(t.test === 'area-type' ? 'area types (areas as clusters)' : 'the surveyed areas of each type'),
        td(stat ?? `not run: ${t.reason ?? t.flag}`, {
          class: `num${stat === null ? ' suppressed' : ''}`,
          ...dataKey('statistic', key),
        }),
        td(`${formatP(t.p)}${t.significant ? ' ✱' : ''}`, {
          class: `num${t.significant ? ' sig' : ''}`,
          ...dataKey('typeP', key),
        }),
        td(pairs || (t.significant ? '' : 'no significant difference')),
      ],
    };
  });
  const pairsAdjustment =
    m.input.adjust === 'none'
      ? 'not adjusted'
      : `${m.input.adjust === 'bh' ? 'Benjamini–Hochberg' : 'Holm'} within the pairs of one indicator and wave`;
  return (
    table({
      caption:
        'Do the area types differ? Two tests: the area types themselves (areas as clusters, Rao–Scott F) ' +
        'and the surveyed areas of each type (their respondents, Rao–Scott χ²)',
      head: [
        th('Wave'),
        th('Indicator'),
        th('Test'),
        th('Statistic (df)', { class: 'num' }),
        th('p', { class: 'num' }),
        th('Pairs (▲ / ▼ named only when the overall test is significant)'),
      ],
      rows,
    }) +
    p(
      `✱ the overall test, a family of one, has p < ${String(m.input.alpha)}. Pairs: ${pairsAdjustment}; ` +
        `▲ / ▼ ${significanceLegend(m.input.adjust, m.input.alpha)}.`,
      { class: 'note' },
    )
  );
}
