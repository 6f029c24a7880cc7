import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';
import { writeSurvey } from './survey-fixture.js';

// One wave, 1,000 rows in each of three areas, 800 positive on every NI item: p1 = 80% everywhere.
const survey = writeSurvey([{ wave: '2006', n: 1000, ni2: 800, ni1: 800, ni4: 800 }]);

describe('sc-survey plan', () => {
  it("--baseline 73.9: 1,129 returns to detect +5 points (the issue's check value), no mailing line", async () => {
    const r = await runJson(['plan', '--baseline', '73.9', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.plan).toMatchObject({ baselineSource: 'option', fromWave: null, uplift: 5, alpha: 0.05, power: 0.8 });
    expect(r.json.plans).toHaveLength(1);
    expect(r.json.plans[0].returnsToDetect).toMatchObject({ returns: 1129, delta: 5 });
    expect(r.json.plans[0].questionnairesToMail.reason).toBe('no-response-rate');
    const t = await runMain(['plan', '--baseline', '73.9']);
    expect(t.stdout).toContain('1,129');
    expect(t.stdout).toContain('no response rate: give --response-rate');
  });

  it("from a wave of survey files: each group's baseline, its n_eff, and the next wave given it", async () => {
    // R: see test/compare/plan-returns.test.ts: f(.8, .85, .05) → 902.62, g(.8, .85, .05, 3000) → 480.80,
    //    g(.8, .85, .05, 1000) → 804.33118632918593; ⌈903 ÷ 0.25⌉ = 3,612
    const r = await runJson(['plan', survey.file, '--by', 'all,type', '--response-rate', '25%', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.plan).toMatchObject({ baselineSource: 'wave', fromWave: '2006', groupings: ['all', 'type'] });
    expect(r.json.plans).toHaveLength(12); // NI1, NI2, NI4 × (all + 3 types)
    const all = r.json.plans.find(
      (p: { indicator: string; group: string }) => p.indicator === 'belong_neighbourhood' && p.group === 'all',
    );
    expect(all).toMatchObject({ baseline: 80, baselineNEff: 3000, unweightedBase: 3000, deff: 1 });
    expect(all.returnsToDetect.returns).toBe(903);
    expect(all.questionnairesToMail.detect.questionnaires).toBe(3612);
    expect(all.givenBaseline.returnsToDetect.returns).toBe(481);
    const rural = r.json.plans.find(
      (p: { indicator: string; group: string }) => p.indicator === 'belong_neighbourhood' && p.group === 'rural',
    );
    expect(rural.givenBaseline.returnsToDetect.exact).toBeCloseTo(804.33118632918593, 7);
    expect(r.json.accounting).toMatchObject({ read: 3000, analysed: 3000 });
  });

  it("without a response rate for the user's own files, the mailing line is left out with a reason", async () => {
    const r = await runJson(['plan', survey.file, '--indicators', 'NI2', '--format', 'json']);
    expect(r.json.plans).toHaveLength(1);
    expect(r.json.plans[0].questionnairesToMail).toMatchObject({ responseRate: null, reason: 'no-response-rate' });
    expect(r.json.plan.responseRate).toMatch(/unknown/);
  });

  it("on the bundled samples: NI2 per neighbourhood, with each area's response rate from the registry", async () => {
    const r = await runJson(['plan', '--indicators', 'NI2', '--by', 'neighbourhood', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.plans).toHaveLength(20);
    expect(
      r.json.plans.every(
        (p: { questionnairesToMail: { responseRate: number | null } }) => p.questionnairesToMail.responseRate !== null,
      ),
    ).toBe(true);
    // about 150 returns per area in 2006: far too few for a baseline that leaves room for +5 points
    expect(
      r.json.plans.every(
        (p: { givenBaseline: { returnsToDetect: { reason: string } } }) =>
          p.givenBaseline.returnsToDetect.reason === 'not-reachable',
      ),
    ).toBe(true);
  });

  it('samples, whole survey: NI2 2006 is 73.86% of 3,034 (R from data/samples/wave-2006.csv)', async () => {
    // R: y <- belong_neighbourhood as codes; b <- y %in% 1:4; p1 <- mean(y[b] %in% 1:2) → 0.73862887277521423, n 3034
    //    f(p1, p1 + .05, .05) → 1129.4526474550612; g(p1, p1 + .05, .05, 3034) → 653.99224644478568
    //    f(p1, p1 + .10, .05) → 1030.9872353097762; g(p1, p1 + .10, .05, 3034) → 530.94545317412155
    const r = await runJson(['plan', '--indicators', 'NI2', '--format', 'json']);
    const [p] = r.json.plans;
    expect(p.baseline).toBeCloseTo(73.862887277521423, 10);
    expect(p.returnsToDetect.exact).toBeCloseTo(1129.4526474550612, 7);
    expect(p.givenBaseline.returnsToDetect.exact).toBeCloseTo(653.99224644478568, 7);
    expect(p.returnsToConfirm.exact).toBeCloseTo(1030.9872353097762, 7);
    expect(p.givenBaseline.returnsToConfirm.exact).toBeCloseTo(530.94545317412155, 7);
  });

  it(
    'usage errors: a rise no larger than the target, ' + '--baseline with files, a profile grouping, an unknown wave',
    async () => {
      const rise = await runMain(['plan', '--baseline', '60', '--assumed-rise', '5']);
      expect(rise.code).toBe(2);
      expect(rise.stderr).toContain('a rise no larger than the target can never be confirmed');
      const both = await runMain(['plan', survey.file, '--baseline', '60']);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('--baseline gives one figure');
      expect((await runMain(['plan', survey.file, '--by', 'age_band'])).code).toBe(2);
      const wave = await runMain(['plan', survey.file, '--from', '2012']);
      expect(wave.code).toBe(2);
      expect(wave.stderr).toContain('no such wave');
      expect((await runMain(['plan', '--baseline', '100'])).code).toBe(2);
    },
  );

  it('target above 100% is said in words; csv and md formats', async () => {
    const t = await runMain(['plan', '--baseline', '97']);
    expect(t.stdout).toContain('target above 100%: cannot be reached');
    const csv = await runMain(['plan', '--baseline', '73.9', '--response-rate', '0.3', '--format', 'csv']);
    const [head, row] = csv.stdout.trim().split('\n');
    const cells = Object.fromEntries(head!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect(cells).toMatchObject({ returnsToDetect: '1129', mailToDetect: '3764', detectDelta: '5' });
    const md = await runMain(['plan', '--baseline', '73.9', '--format', 'md']);
    expect(md.stdout).toMatch(/^## Plan/);
    expect(md.stdout).toContain('| Baseline 73.9% |');
  });

  it('--help shows an example', async () => {
    const h = await runMain(['plan', '--help']);
    expect(h.stdout).toContain('sc-survey plan --baseline 73.9');
    expect(h.stdout).toContain('--assumed-rise');
  });
});
