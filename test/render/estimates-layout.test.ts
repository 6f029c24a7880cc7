import { describe, expect, it } from 'vitest';
import { layoutEstimates } from '../../src/render/estimates-layout.js';
import type { Estimate } from '../../src/types/index.js';
import { bundledCodebook } from '../helpers/codebook.js';

const { codebook } = bundledCodebook();
const est = (wave: string, groupBy: string, group: string, indicator: string, percent: number): Estimate => ({
  wave,
  groupBy,
  group,
  indicator,
  ni: null,
  domain: codebook.items.find((i) => i.id === indicator)!.domain,
  positive: percent,
  base: 100,
  unweightedPositive: percent,
  unweightedBase: 100,
  percent,
  ciLow: percent - 1,
  ciHigh: percent + 1,
  nEff: 100,
  deff: 1,
  flag: 'ok',
});
const label = (groupBy: string, group: string) => (groupBy === 'all' ? 'All' : group);
const cell = { showCi: false, showBase: false };

describe('layoutEstimates', () => {
  it('one table per wave; rows by domain in codebook order with headings; a returns row', () => {
    const es = [
      est('2006', 'all', 'all', 'trust_general', 30),
      est('2006', 'all', 'all', 'belong_neighbourhood', 78),
      est('2009', 'all', 'all', 'belong_neighbourhood', 80),
    ];
    const t = layoutEstimates(es, codebook, ['2006', '2009'], ['all'], label, () => '1000', cell);
    expect(t.map((x) => x.title)).toEqual(['Wave 2006 — all surveyed areas', 'Wave 2009 — all surveyed areas']);
    expect(t[0]!.header).toEqual(['Indicator', 'All']);
    expect(t[0]!.rows).toEqual([
      ['Belonging'],
      ['Belong to neighbourhood (NI2)', '78.0'],
      ['Trust'],
      ['Most people trusted', '30.0'],
      ['Returns', '1000'],
    ]);
    expect(t[0]!.headingRows).toEqual([0, 2]);
    // an indicator with no estimate in a wave shows –
    expect(t[1]!.rows[3]).toEqual(['Most people trusted', '–']);
  });

  it('the all column leads each table of the next level; wide levels split at 5 columns', () => {
    const groups = Array.from({ length: 20 }, (_, i) => `A${String(i).padStart(2, '0')}`);
    const es = [
      est('2009', 'all', 'all', 'keep_eye', 50),
      ...groups.map((g, i) => est('2009', 'neighbourhood', g, 'keep_eye', i)),
    ];
    const t = layoutEstimates(es, codebook, ['2009'], ['all', 'neighbourhood'], label, () => '', cell);
    // 20 areas, 4 beside the leading All column: 4 + 4 + 4 + 4 + 4
    expect(t.map((x) => x.header.length - 2)).toEqual([4, 4, 4, 4, 4]);
    for (const x of t) expect(x.header.slice(0, 2)).toEqual(['Indicator', 'All']);
    expect(t.flatMap((x) => x.header.slice(2))).toEqual(groups);
    expect(t[0]!.title).toBe('Wave 2009 — by neighbourhood');
  });
});
