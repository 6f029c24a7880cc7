import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';

// Method v2 (issue 19) end to end on the bundled sample waves, with the built CLI.
beforeAll(() => ensureBuilt(), 180_000);

interface Row {
  indicator: string;
  groupBy: string;
  group: string;
  p: number | null;
  pAdjusted: number | null;
  familySize: number;
  family: string;
}

describe('method v2 on the samples (built)', () => {
  it('--indicators never changes an adjusted p: NI2 alone and every indicator give the same BH p for NI2', () => {
    const args = ['analyse', '--by', 'all,type,neighbourhood', '--format', 'json'];
    const one = JSON.parse(runBuilt([...args, '--indicators', 'NI2']).stdout) as { comparisons: Row[] };
    const all = JSON.parse(runBuilt(args).stdout) as { comparisons: Row[] };
    const ni2 = (rows: Row[]) => rows.filter((r) => r.indicator === 'belong_neighbourhood');
    expect(ni2(one.comparisons).length).toBe(1 + 3 + 20);
    expect(ni2(one.comparisons)).toEqual(ni2(all.comparisons));
    const nb = ni2(one.comparisons).filter((r) => r.groupBy === 'neighbourhood');
    expect(nb.every((r) => r.familySize === 20 && r.family === 'NI2 × neighbourhood × 2006→2009')).toBe(true);
    // the family's BH adjustment is R's: p.adjust(p, "BH") on its 20 raw p-values (the definition, checked in
    // test/estimate/bh-adjust.test.ts), so recompute it here from the raw p only
    const ps = nb.map((r) => r.p!);
    const order = ps.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
    const bh: number[] = [];
    let run = 1;
    order.forEach(([p, i], k) => {
      run = Math.min(run, (20 * p) / (20 - k));
      bh[i] = run;
    });
    nb.forEach((r, i) => expect(r.pAdjusted!).toBeCloseTo(bh[i]!, 14));
  });

  it('NI2, all areas, points rule: the check values of issue 19', () => {
    const r = runBuilt(['targets', '--indicators', 'NI2', '--by', 'all', '--format', 'json']);
    expect(r.code).toBe(0);
    const t = (JSON.parse(r.stdout) as { targets: Record<string, unknown>[] }).targets.find((x) => x.group === 'all')!;
    // d = −1.26, σ = 1.10, CI −3.42 to +0.90, inconclusive lean below; pMet 0.874; Δ₈₀ 8.08; MDC₀ 3.05
    // (R, from the estimates p1 = 73.86 se 0.80 and p2 = 77.60 se 0.76 of the samples:
    // see target-distance-verdict.test.ts)
    expect(t.d as number).toBeCloseTo(-1.26, 2);
    expect(t.se as number).toBeCloseTo(1.1, 2);
    expect(t.ciLow as number).toBeCloseTo(-3.42, 2);
    expect(t.ciHigh as number).toBeCloseTo(0.9, 2);
    expect(t).toMatchObject({ verdict: 'inconclusive', lean: 'below', detectsTarget: true, changeDirection: 'rose' });
    expect(t.pMet as number).toBeCloseTo(0.874, 3);
    expect(t.confirmableRise as number).toBeCloseTo(8.08, 2);
    expect(t.detectableRise as number).toBeCloseTo(3.05, 2);
    const table = runBuilt(['targets', '--indicators', 'NI2', '--by', 'all']).stdout;
    expect(table).toContain(
      'could detect a rise of 5 points (smallest detectable 3.1); would ' +
        'confirm the target only if the true rise were at least 8.1 points',
    );
    expect(table).toContain('inconclusive (lean below)');
  });
});
