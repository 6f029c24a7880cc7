import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';

interface Row {
  wave?: string;
  groupBy?: string;
  group?: string;
  indicator: string;
  area?: string;
  pAdjusted: number | null;
  significant: boolean;
  diffPp?: number | null;
  changePp?: number | null;
}

describe('profile', () => {
  it(
    'gives the area rows of analyse --by neighbourhood: ' + 'the same p-values, adjusted in the same families',
    async () => {
      const p = await runJson(['profile', 'Walton on the Wolds', '--format', 'json']);
      expect(p.code, p.stderr).toBe(0);
      const a = await runJson(['analyse', '--by', 'all,neighbourhood', '--format', 'json']);
      expect(p.json.area).toEqual({
        code: 'CH-WOL',
        name: 'Walton on the Wolds',
        district: 'Charnwood',
        type: 'rural',
      });
      const mineCmp = (a.json.comparisons as Row[]).filter(
        (c) => c.groupBy === 'neighbourhood' && c.group === 'CH-WOL',
      );
      expect(p.json.comparisons).toEqual(mineCmp);
      expect(mineCmp).toHaveLength(17);
      const mineTests = (a.json.areaTests as Row[]).filter((t) => t.area === 'CH-WOL');
      expect(p.json.areaTests).toEqual(mineTests);
      expect(mineTests).toHaveLength(34);
      const mineEst = (a.json.estimates as Row[]).filter((e) => e.groupBy === 'neighbourhood' && e.group === 'CH-WOL');
      expect(p.json.estimates).toEqual(mineEst);
    },
    30_000,
  );

  it('finds the area by code or name; an unknown one is a usage error', async () => {
    const t = await runMain(['profile', 'ch-wol']);
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n')[0]).toBe('Walton on the Wolds (CH-WOL): rural, Charnwood');
    expect(t.stdout).toMatch(/│ Many neighbours trusted\s+│ 53\.3 \(45\.0–61\.4\) │/);
    const bad = await runMain(['profile', 'Atlantis']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown area "Atlantis"');
  }, 30_000);

  it('html is one page with the chart and no script; report --profile adds the section', async () => {
    const h = await runMain(['profile', 'BL-BRA', '--format', 'html']);
    expect(h.stdout).toContain('<h1>Area profile: Braunstone Town</h1>');
    expect(h.stdout).toContain('<svg');
    expect(h.stdout).not.toContain('<script');
    const r = await runMain(['report', '--profile', 'BL-BRA', '--profile', 'Walton on the Wolds']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('id="profile-bl-bra"');
    expect(r.stdout).toContain('id="profile-ch-wol"');
    const md = await runMain(['report', '--format', 'md', '--profile-all']);
    expect(md.stdout.match(/^## Area profile: /gm)).toHaveLength(20);
  }, 60_000);
});
