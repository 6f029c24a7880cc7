import type { CodebookItem } from '../codebook/schema.js';
import { significanceLegend } from '../format/significance.js';
import { capitalise } from '../render/estimates-layout.js';
import { formatChange, formatCount, formatP, formatPercent } from '../format/format-number.js';
import type { ReportModel } from './report-model.js';
import { ciText, changeCiText } from './report-words.js';
import { groupStyles, type GroupStyle } from './svg-markers.js';
import type { ChartRow, ChartSpec, LegendEntry } from './svg-row-chart.js';
import { indicatorLabel } from '../format/indicator-label.js';

/** The axis of every chart of percentages: 0 to 100, whatever the data, so charts compare at a glance. */
export const PERCENT_AXIS: ChartSpec['axis'] = {
  min: 0,
  max: 100,
  ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
  tickText: (t) => String(t),
  label: 'Percent positive (axis from 0 to 100)',
  zeroLine: false,
};

const HOLLOW: GroupStyle = { shape: 'circle', colour: '#000000' };

export function groupLabel(m: ReportModel, groupBy: string, group: string): string {
  const l = m.input.label(groupBy, group);
  return groupBy === 'type' ? `${capitalise(l)} areas` : l;
}

function groupLegend(m: ReportModel): LegendEntry[] {
  const styles = groupStyles(m.groups);
  return m.groups.map((g) => ({
    label: groupLabel(m, g.groupBy, g.group),
    style: styles.get(`${g.groupBy}|${g.group}`)!,
    filled: true,
  }));
}

/**
 * Percent with its CI for each indicator of a domain, per group (all surveyed areas, then each area type)
 * and wave; the latest wave filled, earlier ones hollow. The axis is the full 0–100.
 */
export function levelChartSpec(
  m: ReportModel,
  domain: string,
  items: readonly CodebookItem[],
  slug = domain,
): ChartSpec {
  const styles = groupStyles(m.groups);
  const last = m.waves[m.waves.length - 1];
  const level = m.input.result.design.level;
  const minBase = m.input.result.design.minBase;
  const panels = items.map((it) => {
    const rows: ChartRow[] = [];
    m.groups.forEach((g, block) => {
      for (const wave of m.waves) {
        const e = m.estimate(wave, g.groupBy, g.group, it.id);
        const style = styles.get(`${g.groupBy}|${g.group}`)!;
        const shown = e && e.flag !== 'suppressed' && e.flag !== 'no-data' && e.percent !== null;
        rows.push({
          label: groupLabel(m, g.groupBy, g.group),
          sublabel: wave,
          style,
          value: shown ? e.percent : null,
          lo: shown ? e.ciLow : null,
          hi: shown ? e.ciHigh : null,
          filled: wave === last,
          valueText:
            !e || e.flag === 'no-data'
              ? 'no data'
              : shown
                ? `${formatPercent(e.percent)}${e.flag === 'indicative' ? '†' : ''} ` +
                  `(${ciText(e.ciLow, e.ciHigh)})  ` +
                  `n=${formatCount(e.unweightedBase)}`
                : `suppressed  n=${formatCount(e.unweightedBase)}`,
          note: !e || e.flag === 'no-data' ? 'no data' : `suppressed: base under ${minBase}`,
          block,
        });
      }
    });
    return { title: indicatorLabel(it), rows };
  });
  const waveLegend: LegendEntry[] = m.waves.map((w) => ({ label: `wave ${w}`, style: HOLLOW, filled: w === last }));
  return {
    id: `chart-level-${slug}`,
    title:
      `${capitalise(domain)}: percent positive with ${Math.round(level * 100)}% confidence intervals, ` +
      'by area type and wave',
    description:
      `Dot-and-whisker chart. For each ${domain} indicator, one row per group and wave: ` +
      'the dot is the percent positive, the whisker its confidence interval. ' +
      'Shape and colour show the group; hollow markers are earlier waves, filled the latest. ' +
      'The horizontal axis runs from 0 to 100 percent. The same figures are in the table below the chart.',
    legend: [...groupLegend(m), ...waveLegend],
    panels,
    axis: PERCENT_AXIS,
  };
}

/** The half-width of the change axis, shared by every domain (computed once, in the model). */
export function changeRange(m: ReportModel): number {
  return m.changeRange;
}

/**
 * The change between the compared waves, with its CI, per indicator and group. Filled markers are
 * significant after the correction in force, hollow ones are not. The axis is centred on 0 and shared by
 * every domain, so the charts compare.
 */
export function changeChartSpec(
  m: ReportModel,
  domain: string,
  items: readonly CodebookItem[],
  slug = domain,
): ChartSpec | undefined {
  if (!m.comparisons || m.from === undefined || m.to === undefined) return undefined;
  const styles = groupStyles(m.groups);
  const range = m.changeRange;
  const step = range <= 10 ? 2 : range <= 30 ? 5 : 10;
  const ticks: number[] = [];
  for (let t = -range; t <= range + 1e-9; t += step) ticks.push(t);
  const adj = m.input.adjust !== 'none' ? 'adj. p' : 'p';
  const panels = items.map((it) => ({
    title: indicatorLabel(it),
    rows: m.groups.map((g, block): ChartRow => {
      const c = m.comparison(g.groupBy, g.group, it.id);
      const has = c !== undefined && c.changePp !== null;
      return {
        label: groupLabel(m, g.groupBy, g.group),
        sublabel: '',
        style: styles.get(`${g.groupBy}|${g.group}`)!,
        value: has ? c.changePp : null,
        lo: has ? c.ciLow : null,
        hi: has ? c.ciHigh : null,
        filled: c?.significant === true,
        valueText: has
          ? `${formatChange(c.changePp)} (${changeCiText(c.ciLow, c.ciHigh)})  ${adj} ${formatP(c.pAdjusted)}`
          : c?.flag === 'suppressed'
            ? 'suppressed'
            : 'no data',
        note: c?.flag === 'suppressed' ? 'suppressed: a base is under the minimum' : 'no data',
        block,
      };
    }),
  }));
  const legend: LegendEntry[] = [
    ...groupLegend(m),
    { label: significanceLegend(m.input.adjust, m.input.alpha), style: HOLLOW, filled: true },
    { label: 'not significant', style: HOLLOW, filled: false },
  ];
  return {
    id: `chart-change-${slug}`,
    title: `${capitalise(domain)}: change from ${m.from} to ${m.to} in percentage points, with confidence intervals`,
    description:
      `Dot-and-whisker chart of the change in percentage points from ${m.from} to ${m.to}, ` +
      'one row per indicator and group. ' +
      `The vertical line marks no change; filled markers are ${significanceLegend(m.input.adjust, m.input.alpha)}, ` +
      'hollow are not. ' +
      `The axis runs from −${range} to +${range} points in every domain. The same figures are in the table below.`,
    legend,
    panels,
    axis: {
      min: -range,
      max: range,
      ticks,
      tickText: (t) => (t === 0 ? '0' : formatChange(t, 0)),
      label: `Change ${m.from}→${m.to}, percentage points (centred on 0 = no change)`,
      zeroLine: true,
    },
  };
}
