import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, writeSurvey } from './survey-fixture.js';

// NI2 and NI1: 50 → 80 positive of 100 per area; NI4: 60 → 65.
const { dir, file } = writeSurvey([
  { wave: '2006', n: 100, ni2: 50, ni1: 50, ni4: 60 },
  { wave: '2009', n: 100, ni2: 80, ni1: 80, ni4: 65 },
]);

describe('sc-survey compare', () => {
  it(
    'reports each change with its CI, z, p and the BH-adjusted p of its family ' + '(one indicator × level × waves)',
    async () => {
      const r = await run(['compare', file, '--format', 'json', '--indicators', 'NI2,NI1,NI4']);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.comparisonDesign).toMatchObject({ from: '2006', to: '2009', adjustment: 'bh', alpha: 0.05 });
      const all = j.comparisons.filter((c: { groupBy: string }) => c.groupBy === 'all');
      expect(all.map((c: { indicator: string }) => c.indicator)).toEqual([
        'belong_neighbourhood',
        'backgrounds_get_on',
        'influence_decisions',
      ]);
      const ni2 = all[0];
      // R: p1 <- 0.5; p2 <- 0.8; n <- 300; z <- (p2 - p1)/sqrt(p1*(1-p1)/n + p2*(1-p2)/n); 2*pnorm(-abs(z))
      //    → z 8.1150267120068911, p 4.8567797025528930e-16;
      //    CI of the change 22.754315959403630 to 37.245684040596380
      expect(ni2.p1).toBeCloseTo(50, 12);
      expect(ni2.p2).toBeCloseTo(80, 12);
      expect(ni2.z).toBeCloseTo(8.1150267120068911, 9);
      expect(ni2.p / 4.856779702552893e-16).toBeCloseTo(1, 6);
      expect(ni2.ciLow).toBeCloseTo(22.75431595940363, 9);
      expect(ni2.ciHigh).toBeCloseTo(37.24568404059638, 9);
      // R: zt(0.6, 300, 0.65, 300) → z 1.2666009927622484, p 0.20529799730252168
      //    each indicator at the `all` level is a family of one:
      //    p.adjust(0.20529799730252168, "BH") → 0.20529799730252168
      expect(all[2].z).toBeCloseTo(1.2666009927622484, 9);
      expect(all[2].pAdjusted).toBeCloseTo(0.20529799730252168, 12);
      expect(all[0].pAdjusted / 4.856779702552893e-16).toBeCloseTo(1, 6);
      expect(all.map((c: { significant: boolean }) => c.significant)).toEqual([true, true, false]);
      expect(all[0]).toMatchObject({ family: 'NI2 × all × 2006→2009', familySize: 1, flag: 'ok' });
      const type = j.comparisons.filter((c: { groupBy: string }) => c.groupBy === 'type');
      expect(type).toHaveLength(9);
      expect(type.map((c: { familySize: number }) => c.familySize)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3]);
      expect(type[0].family).toBe('NI2 × type × 2006→2009');
      // R: zt(0.5, 100, 0.8, 100) → z 4.6852128566581825, p 2.7966913074614582e-06 in each type;
      //    p.adjust(rep(2 * pnorm(-4.6852128566581825), 3), "BH") → the same p three times
      expect(type[0].z).toBeCloseTo(4.6852128566581825, 9);
      expect(type[0].pAdjusted / 2.7966913074614582e-6).toBeCloseTo(1, 6);
      expect(type[0].pAdjusted).toBe(type[0].p);
      expect(j.findings.find((f: { indicator: string }) => f.indicator === 'belong_neighbourhood').text).toBe(
        'In the surveyed areas, the share who feel they belong to their ' +
          'neighbourhood rose from 50.0% in 2006 to 80.0% in 2009 (+30.0 points).',
      );
      expect(Object.keys(j)).toEqual([
        'schemaVersion',
        'design',
        'accounting',
        'comparisonDesign',
        'comparisons',
        'findings',
      ]);
    },
  );

  it('does not change the all results when a neighbourhood grouping is added', async () => {
    const a = JSON.parse((await run(['compare', file, '--format', 'json'])).stdout);
    const b = JSON.parse((await run(['compare', file, '--format', 'json', '--by', 'all,type,neighbourhood'])).stdout);
    const pick = (j: { comparisons: { groupBy: string }[] }) => j.comparisons.filter((c) => c.groupBy === 'all');
    expect(pick(b)).toEqual(pick(a));
  });

  it('--no-adjust shows raw p-values and says so', async () => {
    const r = await run(['compare', file, '--no-adjust', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.comparisonDesign.adjustment).toBe('none');
    for (const c of j.comparisons) expect(c.pAdjusted).toBe(c.p);
    const t = await run(['compare', file, '--no-adjust']);
    expect(t.stdout).toContain('NOT adjusted');
  });

  it('writes CSV rows with the documented columns, and -o writes a file', async () => {
    const out = join(dir, 'changes.csv');
    const r = await run(['compare', file, '--format', 'csv', '-o', out, '--indicators', 'NI2,NI1,NI4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'indicator,ni,groupBy,group,from,to,p1,p2,changePp,ciLow,ciHigh,z,p,pAdjusted,family,familySize,significant,flag',
    );
    expect(lines).toHaveLength(1 + 3 + 9);
  });

  it('prints tables with the family size and the rule in force', async () => {
    const r = await run(['compare', file, '--by', 'all,type', '--detail', 'full']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('BH within each indicator × all × 2006→2009, 1 test each');
    expect(r.stdout).toContain('BH within each indicator × type × 2006→2009, 3 tests each');
    expect(r.stdout).toContain('significant (5% false discovery rate within the family)');
    expect(r.stdout).toContain(
      'Each family controls the false discovery rate at 5%. Across the ' +
        'many families, some listed differences are expected to be chance',
    );
    expect(r.stdout).toContain('+30.0 ▲ (adj. p < 0.001)');
    const one = await run(['compare', file, '--by', 'type', '--indicators', 'NI2', '--detail', 'full']);
    expect(one.stdout).toContain('BH within NI2 × type × 2006→2009, 3 tests');
    const holm = await run(['compare', file, '--adjust', 'holm']);
    expect(holm.stdout).toContain('Holm-adjusted within each family');
  });

  it('exits 2 with one wave, or an unknown --from', async () => {
    const one = writeSurvey([{ wave: '2009', n: 40, ni2: 20, ni1: 20, ni4: 20 }]);
    const r = await run(['compare', one.file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('compare needs two waves; the data hold only 2009');
    expect((await run(['compare', file, '--from', '2001'])).code).toBe(2);
  });
});
