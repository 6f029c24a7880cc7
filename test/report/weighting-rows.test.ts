import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';

const RAKE = ['--rake', 'age_band,sex', '--margins', 'data/margins/leicestershire-areas.csv'];

describe('the weighting report in `report` (issue 9)', () => {
  it('has one row per wave and scope, with the efficiency of the JSON weighting report', async () => {
    const json = (await runJson(['analyse', ...RAKE, '--format', 'json'])).json as {
      weighting: { groups: { wave: string; scope: string; respondents: number; efficiency: number }[] };
    };
    const md = (await runMain(['report', ...RAKE, '--format', 'md'])).stdout;
    expect(md).toContain('**Weighting report**');
    expect(json.weighting.groups.length).toBe(40); // 2 waves × 20 areas, each raked to its own margins
    for (const g of json.weighting.groups) {
      const eff = `${(Math.round(1000 * g.efficiency) / 10).toFixed(1)}%`;
      expect(md).toContain(`| ${g.wave} | ${g.scope} | ${g.respondents} |`);
      expect(md.split('\n').find((l) => l.startsWith(`| ${g.wave} | ${g.scope} |`))).toContain(eff);
    }
  });

  it('is absent without --rake', async () => {
    expect((await runMain(['report', '--format', 'md'])).stdout).not.toContain('Weighting report');
  });
});
