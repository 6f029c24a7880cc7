import type { Codebook } from '../codebook/schema.js';
import type { AnalyseResult, Area, AreaTestRow, ComparisonRow, Estimate, GroupReturns } from '../types/index.js';
import { formatChange, formatP, formatPercent } from '../format/format-number.js';
import { estimateCell } from './estimate-cell.js';
import { mdTable } from './markdown.js';
import { noteLines, textTable } from './text-table.js';
import { indicatorLabel } from '../format/indicator-label.js';

/**
 * One area's rows of an analyse result: its estimates, its changes and its tests against the rest of the
 * surveyed areas, taken from the same inference as analyse --by neighbourhood (so the p-values are adjusted in
 * the same families and a profile never disagrees with analyse), plus the whole-survey estimates for context.
 */
export interface AreaProfile {
  area: Pick<Area, 'code' | 'name' | 'district' | 'type'>;
  waves: string[];
  estimates: Estimate[];
  /** the same indicators for all surveyed areas */
  allAreas: Estimate[];
  comparisons: ComparisonRow[];
  areaTests: AreaTestRow[];
  returns: GroupReturns[];
}

export function areaProfile(r: AnalyseResult, area: Area): AreaProfile {
  const mine = <T extends { groupBy: string; group: string }>(rows: readonly T[] | undefined) =>
    (rows ?? []).filter((x) => x.groupBy === 'neighbourhood' && x.group === area.code);
  return {
    area: { code: area.code, name: area.name, district: area.district, type: area.type },
    waves: r.waves,
    estimates: mine(r.estimates),
    allAreas: r.estimates.filter((e) => e.groupBy === 'all'),
    comparisons: mine(r.comparisons),
    areaTests: (r.areaTests ?? []).filter((t) => t.area === area.code),
    returns: mine(r.returns),
  };
}

/** "+3.7 ▲": a difference in points, ▲ / ▼ when significant after the correction in force. */
export function markedDiff(diff: number | null, significant: boolean): string {
  if (diff === null) return '';
  return `${formatChange(diff)}${significant ? (diff > 0 ? ' ▲' : ' ▼') : ''}`;
}

export interface ProfileTable {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
}

/** The profile as one table: each indicator's waves, change and difference from the rest; then the returns. */
export function profileTable(p: AreaProfile, cb: Codebook, level: number): ProfileTable {
  const waves = p.waves;
  const [from, to] = [waves[0], waves.at(-1)];
  const two = waves.length >= 2 && from !== to;
  const est = new Map(p.estimates.map((e) => [`${e.wave}|${e.indicator}`, e]));
  const cmp = new Map(p.comparisons.map((c) => [c.indicator, c]));
  const rest = new Map(p.areaTests.map((t) => [`${t.wave}|${t.indicator}`, t]));
  const items = cb.items.filter((it) => p.estimates.some((e) => e.indicator === it.id));
  const pct = Math.round(level * 100);
  const rows = items.map((it) => {
    const c = cmp.get(it.id);
    return [
      indicatorLabel(it),
      ...waves.map((w) => estimateCell(est.get(`${w}|${it.id}`), { showCi: true, showBase: false })),
      ...(two
        ? [
            c && c.changePp !== null
              ? `${markedDiff(c.changePp, c.significant)} (${formatChange(c.ciLow)} to ${formatChange(c.ciHigh)})`
              : c?.flag === 'suppressed'
                ? '*'
                : '',
            formatP(c?.pAdjusted),
          ]
        : []),
      ...waves.map((w) => {
        const t = rest.get(`${w}|${it.id}`);
        return t ? (t.diffPp === null ? '*' : markedDiff(t.diffPp, t.significant)) : '';
      }),
    ];
  });
  const returns = waves.map((w) => {
    const r = p.returns.find((x) => x.wave === w);
    return r ? `${r.returns}${r.responseRate === null ? '' : ` (${formatPercent(r.responseRate, 0)}%)`}` : '';
  });
  rows.push(['Returns (response rate)', ...returns, ...(two ? ['', ''] : []), ...waves.map(() => '')]);
  return {
    title: `${p.area.name} (${p.area.code}): ${p.area.type}, ${p.area.district}`,
    header: [
      'Indicator',
      ...waves.map((w) => `${w} % (${pct}% CI)`),
      ...(two ? [`Change ${from}→${to} (CI)`, 'adj. p'] : []),
      ...waves.map((w) => `vs rest ${w}`),
    ],
    rows,
    notes: [
      `Change: ${to} minus ${from} in points; vs rest: this area minus the other surveyed areas together, in ` +
        `points. ▲ / ▼: significant after the correction in force, adjusted in the same families as analyse --by ` +
        `neighbourhood (all the areas' changes; the areas of one indicator and wave), so the profile agrees with ` +
        `analyse.`,
      '* suppressed: base under the minimum; † indicative: small base.',
    ],
  };
}

export function renderProfileText(t: ProfileTable, colour: boolean, width?: number): string {
  const table = textTable(t.header, t.rows, { colour, title: t.title, ...(width ? { width } : {}) });
  return `${table}${noteLines(t.notes, colour, width)}\n`;
}

export function renderProfileMd(t: ProfileTable): string {
  const notes = t.notes.map((n) => `- ${n.replace(/^\*/, '\\*')}`).join('\n');
  return `### ${t.title}\n\n${mdTable(t.header, t.rows)}\n${notes}\n`;
}
