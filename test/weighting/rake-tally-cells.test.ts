import { describe, expect, it } from 'vitest';
import { parseMarginsFile } from '../../src/weighting/margins-file.js';
import { rakeTallyCells, type WeightableCell } from '../../src/weighting/rake-tally-cells.js';
import { AGES, AREAS, rows } from './fixture.js';

/*
 * The fixture's 200 rows, tallied as the aggregate would (one tally cell per wave × area × profile),
 * split over two areas, then raked from the cells alone. References (fixtures/weighting/make-reference.R):
 *   r <- rake(d, list(~age_band, ~sex), list(pop_age, pop_sex), control = list(maxit = 100, epsilon = 1e-12))
 *   svymean(~I(y == 1), r)                       # TRUE: 0.49123425378048813
 *   w <- weights(r); sum(w)^2 / sum(w^2)         # Kish n_eff 144.76577477900554
 */
const SHARE_AGE = [0.14, 0.16, 0.18, 0.17, 0.15, 0.11, 0.09];
const text = [
  'variable,category,share',
  ...AGES.map((a, i) => `age_band,${a},${SHARE_AGE[i]}`),
  'sex,Female,0.51',
  'sex,Male,0.49',
].join('\n');
const VARS = ['age_band', 'sex'];

function tallyCells(): WeightableCell[] {
  const cells = new Map<string, WeightableCell>();
  for (const r of rows) {
    const area = Number(r.id) % 2 === 1 ? 'BL-BRA' : 'BL-SHA';
    const k = `${area}|${r.sex}|${r.age_band}`;
    let c = cells.get(k);
    if (!c) {
      c = {
        wave: '2009',
        area,
        profile: [r.sex, r.age_band],
        returns: 0,
        sumW: 0,
        sumW2: 0,
        minW: Infinity,
        maxW: -Infinity,
        tallies: [{ n: 0, nPos: 0, sw: 0, sw2: 0, swPos: 0, sw2Pos: 0, nNeg: 0, swNeg: 0, reasons: {} }],
      };
      cells.set(k, c);
    }
    const t = c.tallies[0]!;
    c.returns++;
    c.sumW += r.w0;
    c.sumW2 += r.w0 ** 2;
    c.minW = Math.min(c.minW, r.w0);
    c.maxW = Math.max(c.maxW, r.w0);
    t.n++;
    t.sw += r.w0;
    t.sw2 += r.w0 ** 2;
    if (r.y === 1) {
      t.nPos++;
      t.swPos += r.w0;
      t.sw2Pos += r.w0 ** 2;
    }
  }
  return [...cells.values()];
}

describe('rakeTallyCells', () => {
  const { margins } = parseMarginsFile(text, 'margins.csv', { variables: VARS, areas: AREAS });
  const input = tallyCells();
  const out = rakeTallyCells(input, {
    profileKeys: ['sex', 'age_band'],
    variables: VARS,
    margins: margins!,
    areas: AREAS,
    tolerance: 1e-13,
    maxIter: 100,
  });

  it('gives R’s svymean and Kish n_eff from the merged, raked tallies', () => {
    expect(out.issues).toEqual([]);
    const merged = out
      .cells!.map((c) => c.tallies[0]!)
      .reduce((a, t) => ({ sw: a.sw + t.sw, sw2: a.sw2 + t.sw2, swPos: a.swPos + t.swPos }), {
        sw: 0,
        sw2: 0,
        swPos: 0,
      });
    expect(Math.abs(merged.swPos / merged.sw - 0.49123425378048813)).toBeLessThan(1e-9);
    expect(merged.sw ** 2 / merged.sw2).toBeCloseTo(144.76577477900554, 7);
    expect(merged.sw).toBeCloseTo(200, 9);
  });

  it('keeps the counts, does not touch its input, and reports one scope', () => {
    expect(out.cells!.reduce((s, c) => s + c.tallies[0]!.n, 0)).toBe(200);
    expect(input.reduce((s, c) => s + c.tallies[0]!.sw, 0)).toBeCloseTo(225.5, 9); // R: sum(x$w0) = 225.5
    expect(out.report!.groups.map((g) => [g.wave, g.scope, g.respondents])).toEqual([['2009', 'all', 200]]);
  });

  it('reports an area that no margins scope covers, and rakes nothing', () => {
    const areaOnly = parseMarginsFile(text.replace(/\n(.*)/g, '\n$1,BL-BRA').replace('share', 'share,scope'), 'm.csv', {
      variables: VARS,
      areas: AREAS,
    }).margins!;
    const r = rakeTallyCells(input, {
      profileKeys: ['sex', 'age_band'],
      variables: VARS,
      margins: areaOnly,
      areas: AREAS,
      tolerance: 1e-10,
      maxIter: 100,
    });
    expect(r.cells).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.message).toMatch(/no margins apply to BL-SHA in wave 2009/);
  });
});
