// The analyst options' results as workbook sheets: net scores and their changes (--net), and the pairwise tests
// behind the significance letters of two-way tables (--letters). Numbers as numbers, as in xlsx-results.ts.
import type { Codebook } from '../codebook/schema.js';
import { indicatorLabels } from '../format/indicator-label.js';
import type { AnalyseResult, GroupLabel } from '../types/index.js';
import { changeCells, changeColumns, col, yesNo, type Cell } from './xlsx-results.js';
import type { XlsxSheet } from './xlsx-workbook.js';

/** One row per wave, group and item that has a net score (positive − negative, points); suppressed ones are empty. */
export function netSheets(r: AnalyseResult, cb: Codebook, label: GroupLabel): XlsxSheet[] {
  const name = indicatorLabels(cb);
  const withNet = r.estimates.filter((e) => e.net !== undefined && e.net !== null);
  const sheets: XlsxSheet[] = [];
  if (withNet.length)
    sheets.push({
      name: 'Net scores',
      columns: [
        col('Wave', 'text'),
        col('Grouping', 'text'),
        col('Group', 'text'),
        col('Indicator', 'text'),
        col('Net (points)', 'percent'),
        col('CI low', 'percent'),
        col('CI high', 'percent'),
        col('Base', 'integer'),
        col('Flag', 'text'),
      ],
      rows: withNet.map((e): Cell[] => {
        const shown = e.flag !== 'suppressed' && e.flag !== 'no-data';
        return [
          e.wave,
          e.groupBy,
          label(e.groupBy, e.group),
          name(e.indicator),
          shown ? (e.net ?? null) : null,
          shown ? (e.netCiLow ?? null) : null,
          shown ? (e.netCiHigh ?? null) : null,
          e.unweightedBase,
          e.flag === 'ok' ? null : e.flag,
        ];
      }),
    });
  if (r.netChanges?.length)
    sheets.push({
      name: 'Net changes',
      columns: changeColumns('Net'),
      rows: r.netChanges.map((c) => changeCells(c, c.net1, c.net2, name, label)),
    });
  return sheets;
}

/** Every pairwise test of a two-way table's row, with the columns' letters: what --letters marks, in full. */
export function letterSheets(r: AnalyseResult, cb: Codebook, label: GroupLabel): XlsxSheet[] {
  const tests = r.letters;
  const design = r.lettersDesign;
  if (!tests?.length || !design) return [];
  const name = indicatorLabels(cb);
  const second = (groupBy: string) => groupBy.split('*')[1] ?? groupBy;
  const first = (groupBy: string) => groupBy.split('*')[0] ?? groupBy;
  return [
    {
      name: 'Letters',
      columns: [
        col('Wave', 'text'),
        col('Indicator', 'text'),
        col('Two-way grouping', 'text'),
        col('Row', 'text'),
        col('Column A', 'text'),
        col('Letter A', 'text'),
        col('Column B', 'text'),
        col('Letter B', 'text'),
        col('A − B (points)', 'percent'),
        col('z', 'number'),
        col('p', 'number'),
        col('p adjusted', 'number'),
        col('Family size', 'integer'),
        col('Significant', 'text'),
      ],
      rows: tests.map((t): Cell[] => [
        t.wave,
        name(t.indicator),
        t.groupBy,
        label(first(t.groupBy), t.row),
        label(second(t.groupBy), t.a),
        design.columns[t.groupBy]?.[t.a] ?? null,
        label(second(t.groupBy), t.b),
        design.columns[t.groupBy]?.[t.b] ?? null,
        t.diffPp,
        t.z,
        t.p,
        t.pAdjusted,
        t.familySize,
        yesNo(t.significant),
      ]),
    },
  ];
}
