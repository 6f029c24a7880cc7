import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/types/index.js';
import { changeChartSpec, changeRange, levelChartSpec } from '../../src/report/domain-charts.js';
import { buildReportModel } from '../../src/report/report-model.js';
import { est, input, result } from './report-fixture.js';

const cmp = (
  groupBy: string,
  group: string,
  changePp: number | null,
  ciLow: number | null,
  ciHigh: number | null,
  significant = false,
): ComparisonRow => ({
  indicator: 'trust_general',
  ni: null,
  groupBy,
  group,
  from: '2006',
  to: '2009',
  p1: 30,
  p2: 30,
  changePp,
  ciLow,
  ciHigh,
  z: 1,
  p: 0.3,
  pAdjusted: 0.6,
  family: `2006-2009:${groupBy}`,
  familySize: 1,
  significant,
  flag: changePp === null ? 'suppressed' : 'ok',
});

const estimates = ['2006', '2009'].flatMap((w) => [
  est(w, 'all', 'all', 'trust_general', 30),
  est(w, 'type', 'rural', 'trust_general', 40),
]);

describe('changeRange', () => {
  it('is the widest |CI end| of the all and type changes, rounded up to 5 points, at least 10', () => {
    const m = (rows: ComparisonRow[]) => buildReportModel(input(result(estimates, { comparisons: rows })));
    expect(changeRange(m([cmp('all', 'all', 1, -2, 4)]))).toBe(10);
    expect(changeRange(m([cmp('all', 'all', 1, -2, 4), cmp('type', 'rural', -6, -12.3, 0.3)]))).toBe(15);
    // neighbourhood changes are not drawn, so they do not stretch the axis
    expect(changeRange(m([cmp('all', 'all', 1, -2, 4), cmp('neighbourhood', 'A1', 20, 5, 35)]))).toBe(10);
  });
});

describe('chart specs', () => {
  const m = buildReportModel(
    input(
      result(estimates, { comparisons: [cmp('all', 'all', 2, -1, 5, true), cmp('type', 'rural', null, null, null)] }),
    ),
  );
  const items = m.domains.find((d) => d.domain === 'trust')!.items;

  it('level chart: 0–100 axis, one row per group and wave, the latest wave filled', () => {
    const s = levelChartSpec(m, 'trust', items);
    expect([s.axis.min, s.axis.max]).toEqual([0, 100]);
    expect(s.panels[0]!.rows.map((r) => [r.label, r.sublabel, r.filled])).toEqual([
      ['All surveyed areas', '2006', false],
      ['All surveyed areas', '2009', true],
      ['Rural areas', '2006', false],
      ['Rural areas', '2009', true],
    ]);
    expect(s.legend.map((l) => l.style.shape)).toEqual(['diamond', 'triangle', 'circle', 'circle']);
  });

  it('change chart: symmetric axis with a zero line, filled when significant, suppressed changes as notes', () => {
    const s = changeChartSpec(m, 'trust', items)!;
    expect([s.axis.min, s.axis.max, s.axis.zeroLine]).toEqual([-10, 10, true]);
    expect(s.axis.ticks).toEqual([-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
    const [all, rural] = s.panels[0]!.rows;
    expect([all!.value, all!.filled]).toEqual([2, true]);
    expect([rural!.value, rural!.note, rural!.valueText]).toEqual([
      null,
      'suppressed: a base is under the minimum',
      'suppressed',
    ]);
  });

  it('no change chart without comparisons', () => {
    expect(changeChartSpec(buildReportModel(input(result(estimates))), 'trust', items)).toBeUndefined();
  });
});
