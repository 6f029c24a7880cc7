import { formatChange, formatP } from '../format/format-number.js';
import { NET_NOTE, netCell } from '../render/render-net.js';
import type { ReportInput } from './report-input.js';
import { indicatorLabels } from '../format/indicator-label.js';

export const NET_HEADING = '7. Net scores';

export interface NetReportTable {
  caption: string;
  header: string[];
  rows: string[][];
}

/**
 * With --net: the net score (% positive − % negative) of each item with negative answers, for all surveyed
 * areas by wave with the change and its adjusted significance, and by area type in the latest wave.
 * Empty without --net, so the report is unchanged.
 */
export function netReportTables(input: ReportInput): { tables: NetReportTable[]; notes: string[] } {
  const r = input.result;
  const withNet = r.estimates.filter((e) => e.net !== undefined);
  const items = input.codebook.items.filter(
    (it) => (it.negative ?? []).length > 0 && withNet.some((e) => e.indicator === it.id),
  );
  if (!items.length) return { tables: [], notes: [] };
  const name = indicatorLabels(input.codebook);
  const find = (wave: string, groupBy: string, group: string, id: string) =>
    withNet.find((e) => e.wave === wave && e.groupBy === groupBy && e.group === group && e.indicator === id);
  const d = r.netChangeDesign;
  const adj = d ? (d.adjustment === 'bh' ? 'BH' : d.adjustment === 'holm' ? 'Holm' : 'raw') : '';
  const all: NetReportTable = {
    caption: 'Net scores, all surveyed areas',
    header: [
      'Indicator',
      ...r.waves.map((w) => `Net ${w}`),
      ...(d ? [`Change ${d.from} → ${d.to}`, `p (${adj})`] : []),
    ],
    rows: items.map((it) => {
      const c = r.netChanges?.find((x) => x.groupBy === 'all' && x.indicator === it.id);
      return [
        name(it.id),
        ...r.waves.map((w) => netCell(find(w, 'all', 'all', it.id), true)),
        ...(d
          ? [
              c?.changePp == null ? '*' : `${formatChange(c.changePp)}${c.significant ? ' (significant)' : ''}`,
              formatP(c?.pAdjusted),
            ]
          : []),
      ];
    }),
  };
  const latest = r.waves.at(-1);
  const types = [...new Set(withNet.filter((e) => e.groupBy === 'type' && e.wave === latest).map((e) => e.group))];
  const byType: NetReportTable[] =
    latest && types.length
      ? [
          {
            caption: `Net scores by area type, ${latest}`,
            header: ['Indicator', ...types.map((g) => input.label('type', g))],
            rows: items.map((it) => [name(it.id), ...types.map((g) => netCell(find(latest, 'type', g, it.id), true))]),
          },
        ]
      : [];
  return { tables: [all, ...byType], notes: [NET_NOTE, ...(d ? [`Changes: ${d.family}.`] : [])] };
}
