import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, writeSurvey } from './survey-fixture.js';

// Every NI item falls from 80 to 60 positive of 100 per area: far below +5 points.
const down = writeSurvey([
  { wave: '2006', n: 100, ni2: 80, ni1: 80, ni4: 80 },
  { wave: '2009', n: 100, ni2: 60, ni1: 60, ni4: 60 },
]);
// Every NI item rises from 50 to 80.
const up = writeSurvey([
  { wave: '2006', n: 100, ni2: 50, ni1: 50, ni4: 50 },
  { wave: '2009', n: 100, ni2: 80, ni1: 80, ni4: 80 },
]);

describe('sc-survey targets', () => {
  it('gives verdicts on the survey uplift, for NI1/NI2/NI4 by all and type', async () => {
    const r = await run(['targets', down.file, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.targetDesign).toMatchObject({
      mode: 'survey-uplift',
      rule: 'points',
      uplift: 5,
      baselineWave: '2006',
      currentWave: '2009',
    });
    expect(j.targets).toHaveLength(12);
    const all = j.targets.find(
      (t: { indicator: string; group: string }) => t.indicator === 'belong_neighbourhood' && t.group === 'all',
    );
    // R: se <- 100*sqrt(0.8*0.2/300 + 0.6*0.4/300); d <- 60 - 80 - 5; c(d - qnorm(0.975)*se, d + qnorm(0.975)*se)
    //    → -32.15677657486863 -17.84322342513137
    expect(all.d).toBeCloseTo(-25, 10);
    expect(all.ciLow).toBeCloseTo(-32.15677657486863, 9);
    expect(all.ciHigh).toBeCloseTo(-17.84322342513137, 9);
    expect(all).toMatchObject({
      verdict: 'missed',
      lean: null,
      changeDirection: 'fell',
      targetPoints: 85,
      mode: 'survey-uplift',
    });
    expect(all.targetRelative).toBeCloseTo(84, 10);
    expect(j.targets.every((t: { verdict: string }) => t.verdict === 'missed')).toBe(true);
  });

  it('--fail-on-missed-target exits 3 when a verdict is missed, and only then', async () => {
    expect((await run(['targets', down.file, '--fail-on-missed-target'])).code).toBe(3);
    expect((await run(['targets', down.file])).code).toBe(0);
    const met = await run(['targets', up.file, '--fail-on-missed-target', '--format', 'json']);
    expect(met.code).toBe(0);
    expect(JSON.parse(met.stdout).targets.every((t: { verdict: string }) => t.verdict === 'met')).toBe(true);
  });

  it('--fail-unless-met exits 3 unless every verdict is met', async () => {
    expect((await run(['targets', up.file, '--fail-unless-met'])).code).toBe(0);
    expect((await run(['targets', down.file, '--fail-unless-met'])).code).toBe(3);
    // 50 → 53 of 100 per area: +3 against +5 is inconclusive; --fail-on-missed-target lets it pass,
    // --fail-unless-met does not
    const flat = writeSurvey([
      { wave: '2006', n: 100, ni2: 50, ni1: 50, ni4: 50 },
      { wave: '2009', n: 100, ni2: 53, ni1: 53, ni4: 53 },
    ]);
    const j = JSON.parse((await run(['targets', flat.file, '--format', 'json'])).stdout);
    expect(j.targets.find((t: { group: string }) => t.group === 'all').verdict).toBe('inconclusive');
    expect((await run(['targets', flat.file, '--fail-on-missed-target'])).code).toBe(0);
    expect((await run(['targets', flat.file, '--fail-unless-met'])).code).toBe(3);
  });

  it('labels the survey uplift and marks the deciding rule in tables', async () => {
    const r = await run(['targets', up.file, '--target-rule', 'relative']);
    expect(r.stdout).toContain("Uplift on the survey's own baseline (the LAA measured NI1/2/4 with the Place Survey)");
    expect(r.stdout).toMatch(/52\.5 ◀/);
  });

  it('judges published baselines from a --targets file', async () => {
    const targets = join(up.dir, 'place-survey.csv');
    writeFileSync(targets, 'indicator,group,baseline\nNI2,all,70\nNI4,rural,90\n');
    const r = await run(['targets', up.file, '--targets', targets, '--format', 'json', '--fail-on-missed-target']);
    // NI4 rural: 80 against 95 → missed
    expect(r.code).toBe(3);
    const j = JSON.parse(r.stdout);
    expect(j.targetDesign.mode).toBe('published-baseline');
    const [ni2, ni4] = j.targets;
    // R: se2 <- 100*sqrt(0.8*0.2/300); c(5 - qnorm(0.975)*se2, 5 + qnorm(0.975)*se2)
    //    → 0.47365706369531324 9.5263429363046868
    expect(ni2).toMatchObject({
      groupBy: 'all',
      group: 'all',
      baseline: 70,
      target: 75,
      verdict: 'met',
      baselineWave: null,
      currentWave: '2009',
    });
    expect(ni2.ciLow).toBeCloseTo(0.47365706369531324, 9);
    // R: se2 <- 100*sqrt(0.8*0.2/100); c(-15 - qnorm(0.975)*se2, -15 + qnorm(0.975)*se2)
    //    → -22.839855938160213 -7.1601440618397856
    expect(ni4).toMatchObject({ groupBy: 'type', group: 'rural', target: 95, verdict: 'missed' });
    expect(ni4.ciHigh).toBeCloseTo(-7.1601440618397856, 9);
  });

  it('reports bad rows of a targets file by line (exit 1)', async () => {
    const targets = join(up.dir, 'bad.csv');
    writeFileSync(targets, 'indicator,group,baseline\nNI2,all,70\nNI7,all,50\nNI4,all,x\n');
    const r = await run(['targets', up.file, '--targets', targets]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv:3: unknown indicator "NI7"');
    expect(r.stderr).toContain('bad.csv:4: baseline');
  });

  it('exits 2 with one wave and no --targets file', async () => {
    const one = writeSurvey([{ wave: '2009', n: 40, ni2: 20, ni1: 20, ni4: 20 }]);
    const r = await run(['targets', one.file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('targets needs a baseline and a current wave');
  });

  it('writes CSV with the documented columns', async () => {
    const r = await run(['targets', up.file, '--format', 'csv']);
    expect(r.stdout.split('\n')[0]).toBe(
      'indicator,ni,groupBy,group,mode,rule,baselineWave,currentWave,baseline,current,uplift,' +
        'targetPoints,targetRelative,target,d,se,ciLow,ciHigh,verdict,lean,pMet,pMissed,' +
        'detectableRise,detectsTarget,confirmableRise,change,changeP,changePAdjusted,changeFamily,' +
        'changeDirection,note,flag',
    );
  });
});
