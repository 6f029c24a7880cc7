import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { weightOutOfRange, WEIGHT_MAX, WEIGHT_MIN } from '../../src/ingest/weight-range.js';
import { tempDir } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';
import { csvText, HEADER, rowFields } from '../helpers/survey-text.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** 40 rows in BL-BRA, 2009; belong_neighbourhood 1 (positive) in the first 30, 4 (negative) in the rest: 75%. */
function survey(name: string, weight: string | undefined): string {
  const rows = Array.from({ length: 40 }, (_, i) => {
    const f = rowFields({ id: `r${i}`, items: { belong_neighbourhood: i < 30 ? '1' : '4' } });
    return weight === undefined ? f : [...f, weight];
  });
  const p = join(tmp.dir, name);
  writeFileSync(p, csvText([weight === undefined ? HEADER : [...HEADER, 'weight'], ...rows]));
  return p;
}

describe('the weight range', () => {
  it('accepts 1e-6 to 1e6 and nothing outside', () => {
    expect(weightOutOfRange(WEIGHT_MIN)).toBeUndefined();
    expect(weightOutOfRange(WEIGHT_MAX)).toBeUndefined();
    expect(weightOutOfRange(1)).toBeUndefined();
    expect(weightOutOfRange(1e160)).toMatch(/outside the range/);
    expect(weightOutOfRange(5e-324)).toMatch(/outside the range/);
    expect(weightOutOfRange(1.000001e6)).toMatch(/outside the range/);
  });

  it.each(['1e160', '5e-324'])(
    'equal weights of %s are refused row by row as bad-weight, not a 0–100 interval flagged ok',
    async (w) => {
      const p = survey(`w-${w}.csv`, w);
      const v = await runJson(['validate', p, '--format', 'json']);
      expect(v.json.accounting.setAside).toEqual({ 'bad-weight': 40 });
      expect(v.json.issues[0].message).toContain('outside the range 0.000001 to 1000000');
      const a = await runMain(['analyse', p, '--format', 'json']);
      expect(a.code).toBe(1); // no usable rows
      expect(a.stderr).toContain('bad-weight 40');
    },
  );

  it('equal weights at the edge (1e6) give the unweighted result: 75% and an effective n of 40', async () => {
    const pick = (j: any) =>
      j.estimates.find((e: any) => e.indicator === 'belong_neighbourhood' && e.groupBy === 'all');
    const weighted = pick((await runJson(['analyse', survey('w-1e6.csv', '1e6'), '--format', 'json'])).json);
    const plain = pick((await runJson(['analyse', survey('w-none.csv', undefined), '--format', 'json'])).json);
    expect(weighted.percent).toBeCloseTo(75, 10);
    expect(weighted.nEff).toBeCloseTo(40, 8);
    expect(weighted.ciLow).toBeCloseTo(plain.ciLow, 8);
    expect(weighted.ciHigh).toBeCloseTo(plain.ciHigh, 8);
  });
});
