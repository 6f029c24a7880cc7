import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';

type Row = {
  wave: string;
  groupBy: string;
  group: string;
  indicator: string;
  percent: number;
  net?: number | null;
  netSe?: number | null;
  netCiLow?: number | null;
  netCiHigh?: number | null;
};
const find = (rows: Row[], wave: string, group: string, indicator: string) =>
  rows.find((e) => e.wave === wave && e.group === group && e.indicator === indicator)!;

describe('--net', () => {
  it('analyse: net fields on estimate rows, only with --net', async () => {
    const plain = await runJson(['analyse', '--indicators', 'NI2', '--by', 'all', '--format', 'json']);
    expect(plain.json.estimates[0]).not.toHaveProperty('net');
    expect(plain.json).not.toHaveProperty('netChanges');
    const r = await runJson([
      'analyse',
      '--net',
      '--indicators',
      'NI2,trust_general,volunteer_formal',
      '--by',
      'all',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const rows: Row[] = r.json.estimates;
    // belonging has no neutral answer in its base (3 and 4 are negative, 5 excluded): net = 2 × percent − 100
    const ni2 = find(rows, '2006', 'all', 'belong_neighbourhood');
    expect(ni2.net).toBeCloseTo(2 * ni2.percent - 100, 9);
    /*
     trust_general, wave 2006 of data/samples (R 4.2.2, survey 4.1.1): codes 1 positive, 2 negative, 3 "It depends"
       b <- rows with y in 1:3 (n 2963); des <- svydesign(ids = ~1, weights = ~one, data = b)
       100 * coef(svycontrast(svymean(~I(y == 1) + I(y == 2), des), c(1, -1)))  → -14.039824502193721
       100 * sqrt((pp + pn - (pp - pn)^2)/n)                                     → 1.5647559169681358
       CI ∓ qnorm(0.975) × se  → -17.106689744047213 -10.972959260340229
    */
    const trust = find(rows, '2006', 'all', 'trust_general');
    expect(trust.net).toBeCloseTo(-14.039824502193721, 9);
    expect(trust.netSe).toBeCloseTo(1.5647559169681358, 9);
    expect(trust.netCiLow).toBeCloseTo(-17.106689744047213, 8);
    expect(trust.netCiHigh).toBeCloseTo(-10.972959260340229, 8);
    expect(trust.net).not.toBeCloseTo(2 * trust.percent - 100, 0);
    // no negative codes: the fields are there, null
    expect(find(rows, '2006', 'all', 'volunteer_formal')).toMatchObject({
      net: null,
      netSe: null,
      netCiLow: null,
      netCiHigh: null,
    });
    expect(r.json.netChangeDesign).toMatchObject({ from: '2006', to: '2009', adjustment: 'bh' });
    expect(r.json.netChanges.map((c: { indicator: string }) => c.indicator)).toEqual([
      'belong_neighbourhood',
      'trust_general',
    ]);
  });

  it('analyse --net: a net-score table and the net changes; csv gains the net columns', async () => {
    const t = await runMain(['analyse', '--net', '--indicators', 'trust_general', '--by', 'all']);
    expect(t.stdout).toContain('Net scores, wave 2006');
    expect(t.stdout).toContain('−14.0 (−17.1 to −11.0)');
    expect(t.stdout).toContain('Change in net score 2006 → 2009');
    expect(t.stdout).toContain('net = 2 × percent − 100');
    const csv = await runMain(['analyse', '--net', '--indicators', 'trust_general', '--by', 'all', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/,flag,net,netSe,netCiLow,netCiHigh$/);
  });

  it('compare --net: json and text carry the net changes; csv is refused', async () => {
    const j = await runJson(['compare', '--net', '--indicators', 'NI2', '--by', 'type', '--format', 'json']);
    expect(Object.keys(j.json)).toEqual([
      'schemaVersion',
      'design',
      'accounting',
      'comparisonDesign',
      'comparisons',
      'findings',
      'netChangeDesign',
      'netChanges',
    ]);
    expect(j.json.netChanges).toHaveLength(3);
    expect(new Set(j.json.netChanges.map((c: { family: string }) => c.family))).toEqual(
      new Set(['2006-2009:type:belong_neighbourhood:net']),
    );
    const csv = await runMain(['compare', '--net', '--format', 'csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('compare --net has no CSV form');
  });

  it('report --net adds a net-score section, and only with --net', async () => {
    const md = await runMain(['report', '--net', '--format', 'md']);
    expect(md.stdout).toContain('## 7. Net scores');
    const html = await runMain(['report', '--net']);
    expect(html.stdout).toContain('<section id="net">');
    expect((await runMain(['report', '--format', 'md'])).stdout).not.toContain('Net scores');
  });
});
