import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/errors.js';
import { tagAreas } from '../../src/tag/tag-areas.js';
import type { Precedence } from '../../src/tag/tag-rule.js';
import { inline, table } from './fixture.js';

/*
 * The fixtures' LSOAs (see fixtures/tag/README.md). pop = residents in the neighbourhoods file,
 * rank/decile from imd2019-file7.csv, class from ruc2011-lsoa.csv (D1, D2, E1, E2 rural).
 *
 *   area    LSOA       pop   rank  decile RUC
 *   BL-BRA  E01990101  1500  1200  1      C1
 *           E01990102  1500  4100  2      C1
 *           E01990103  1500  6000  2      C1
 *   BL-WHE  E01990201  3000  7000  3      C1
 *           E01990202   800  4000  2      C1
 *           E01990203   900  2000  1      C1
 *   BL-SHA  E01990301  1300 27000  9      E1 rural
 *           E01990302   900 15000  5      C1
 *   CH-HAS  E01990401  1800   800  1      C1
 *           E01990402  1600  8000  3      C1
 *           E01990403  1700  4500  2      C1
 *   CH-SYS  E01990501  2600 14000  5      C1
 *           E01990502   700 12000  4      D1 rural
 *           E01990503   800 17000  6      E1 rural
 *   CH-WOL  E01990601  1200  5000  2      E1 rural
 *           E01990602  1100  6200  2      E2 rural
 *   OW-WIG  E01990701  1500 25000  8      C1
 *           E01990702  1500  5500  2      C1
 *           E01990703  1600  2500  1      C1
 *   OW-OAD  E01990801  1800 28000  9      C1
 *           E01990802  1700 31000 10      C1
 */
const files = (n = 'neighbourhoods.csv', imd = 'imd2019-file7.csv', ruc = 'ruc2011-lsoa.csv') => ({
  neighbourhoods: table(n),
  imd: table(imd),
  ruc: table(ruc),
});
const opts = (
  o: { share?: number; method?: 'majority' | 'mean-rank'; lsoaCount?: number; precedence?: Precedence } = {},
) => ({
  share: o.share ?? 0.2,
  method: o.method ?? 'majority',
  lsoaCount: o.lsoaCount,
  precedence: o.precedence ?? (['rural', 'deprived'] as const),
});
const types = (r: ReturnType<typeof tagAreas>) => Object.fromEntries(r.areas.map((a) => [a.code, a.type]));

describe('tagAreas on the IMD 2019 + RUC 2011 fixtures', () => {
  it('default rule: population majority, deciles 1–2, rural before deprived', () => {
    const r = tagAreas(files(), opts());
    // by hand, deprived = residents in deciles 1–2 > half; rural = residents in D/E LSOAs > half:
    // BL-BRA 4500/4500 dep → deprived; BL-WHE dep 800+900=1700/4700 → average;
    // BL-SHA rural 1300/2200 → rural; CH-HAS dep 1800+1700=3500/5100 → deprived;
    // CH-SYS rural 700+800=1500/4100 → average; CH-WOL rural 2300/2300 and dep 2300/2300 → both → rural;
    // OW-WIG dep 1500+1600=3100/4600 → deprived; OW-OAD → average
    expect(types(r)).toEqual({
      'BL-BRA': 'deprived',
      'BL-WHE': 'average',
      'BL-SHA': 'rural',
      'CH-HAS': 'deprived',
      'CH-SYS': 'average',
      'CH-WOL': 'rural',
      'OW-WIG': 'deprived',
      'OW-OAD': 'average',
    });
    expect(r.rule.criterion).toEqual({ kind: 'decile', maxDecile: 2 });
    expect(r.rule.weighting).toBe('population');
    const wol = r.areas.find((a) => a.code === 'CH-WOL');
    expect(wol?.rural && wol.deprived).toBe(true);
    // Blaby and Charnwood have one of each; Oadby and Wigston has no rural area
    expect(r.warnings).toEqual([
      'district Oadby and Wigston has 0 rural, 1 deprived and 1 average area(s), not one of each as in the LAA design',
    ]);
    expect(r.areas[0]?.typeSource).toBe(
      'deprived: 4,500 of 4,500 residents (3 of 3 LSOAs) in IMD 2019 deciles 1–2; ' +
        '0 of 4,500 residents (0 of 3 LSOAs) rural (RUC 2011)',
    );
  });

  it('--precedence deprived,rural makes the area that is both deprived, and Charnwood then lacks a rural area', () => {
    const r = tagAreas(files(), opts({ precedence: ['deprived', 'rural'] }));
    expect(types(r)['CH-WOL']).toBe('deprived');
    expect(r.areas.find((a) => a.code === 'CH-WOL')?.typeSource).toBe(
      'deprived (also rural; --precedence deprived,rural): ' +
        '2,300 of 2,300 residents (2 of 2 LSOAs) in IMD 2019 deciles 1–2; ' +
        '2,300 of 2,300 residents (2 of 2 LSOAs) rural (RUC 2011)',
    );
    expect(r.warnings).toContain(
      'district Charnwood has 0 rural, 2 deprived and 1 average area(s), not one of each as in the LAA design',
    );
  });

  it('without a population column each LSOA counts once, and a tie is not a majority', () => {
    const r = tagAreas(files('neighbourhoods-no-population.csv'), opts());
    // BL-WHE 2 of 3 LSOAs in deciles 1–2 → deprived (by residents it was average: 1700/4700)
    // BL-SHA 1 of 2 LSOAs rural: exactly half, not a majority → average (by residents rural: 1300/2200)
    // CH-SYS 2 of 3 LSOAs rural → rural (by residents average: 1500/4100)
    expect(types(r)).toEqual({
      'BL-BRA': 'deprived',
      'BL-WHE': 'deprived',
      'BL-SHA': 'average',
      'CH-HAS': 'deprived',
      'CH-SYS': 'rural',
      'CH-WOL': 'rural',
      'OW-WIG': 'deprived',
      'OW-OAD': 'average',
    });
    expect(r.rule.weighting).toBe('lsoas');
    expect(r.areas.find((a) => a.code === 'BL-WHE')?.typeSource).toBe(
      'deprived: 2 of 3 LSOAs in IMD 2019 deciles 1–2; 0 of 3 LSOAs rural (RUC 2011)',
    );
    expect(r.warnings).toEqual([
      'district Blaby has 0 rural, 2 deprived and 1 average area(s), not one of each as in the LAA design',
      'district Charnwood has 2 rural, 1 deprived and 0 average area(s), not one of each as in the LAA design',
      'district Oadby and Wigston has 0 rural, 1 deprived and 1 average area(s), not one of each as in the LAA design',
    ]);
  });

  it('a share that is not whole tenths uses ranks: 0.15 × 32,844 = 4,926.6 → rank ≤ 4,926', () => {
    const r = tagAreas(files(), opts({ share: 0.15, lsoaCount: 32844 }));
    expect(r.rule.criterion).toEqual({ kind: 'rank', maxRank: 4926, nationalCount: 32844, countSource: 'option' });
    // BL-BRA ranks 1200, 4100 ≤ 4926, 6000 not → 3000/4500 → deprived
    // BL-WHE 4000, 2000 → 1700/4700 → average; CH-HAS 800, 4500 → 3500/5100 → deprived
    // CH-WOL 5000, 6200 both > 4926 → not deprived, rural 2300/2300 → rural (no longer both)
    // OW-WIG only 2500 → 1600/4600 → average (deciles 1–2 made it deprived)
    expect(types(r)).toEqual({
      'BL-BRA': 'deprived',
      'BL-WHE': 'average',
      'BL-SHA': 'rural',
      'CH-HAS': 'deprived',
      'CH-SYS': 'average',
      'CH-WOL': 'rural',
      'OW-WIG': 'average',
      'OW-OAD': 'average',
    });
    expect(r.areas[0]?.typeSource).toBe(
      'deprived: 3,000 of 4,500 residents (2 of 3 LSOAs) in the most deprived 15% of IMD 2019 ranks ' +
        '(rank ≤ 4,926 of 32,844); 0 of 4,500 residents (0 of 3 LSOAs) rural (RUC 2011)',
    );
    expect(r.areas.find((a) => a.code === 'CH-WOL')?.deprived).toBe(false);
  });

  it('a share that is not whole tenths needs --lsoa-count when the IMD file is an extract (exit 2)', () => {
    expect(() => tagAreas(files(), opts({ share: 0.15 }))).toThrow(UsageError);
    expect(() => tagAreas(files(), opts({ share: 0.15 }))).toThrow(
      new RegExp(
        /--deprived-share 0.15 is not a whole number of tenths.*/.source +
          /not the national file \(23 LSOAs; England has 32,844 LSOAs of 2011\)\. Give --lsoa-count 32844/.source,
      ),
    );
  });

  it('--imd-method mean-rank: population-weighted mean rank ≤ 0.2 × 32,844 = 6,568.8', () => {
    const r = tagAreas(files(), opts({ method: 'mean-rank', lsoaCount: 32844 }));
    // python3 -c "print((1200+4100+6000)/3)"                    → 3766.67  BL-BRA deprived
    // python3 -c "print((3000*7000+800*4000+900*2000)/4700)"    → 5531.91  BL-WHE deprived (majority said average)
    // python3 -c "print((1300*27000+900*15000)/2200)"           → 22090.9  BL-SHA rural
    // python3 -c "print((1800*800+1600*8000+1700*4500)/5100)"   → 4292.16  CH-HAS deprived
    // python3 -c "print((2600*14000+700*12000+800*17000)/4100)" → 14243.9  CH-SYS average
    // python3 -c "print((1200*5000+1100*6200)/2300)"            → 5573.91  CH-WOL deprived and rural → rural
    // python3 -c "print((1500*25000+1500*5500+1600*2500)/4600)" → 10815.2  OW-WIG average (majority said deprived)
    // python3 -c "print((1800*28000+1700*31000)/3500)"          → 29457.1  OW-OAD average
    expect(types(r)).toEqual({
      'BL-BRA': 'deprived',
      'BL-WHE': 'deprived',
      'BL-SHA': 'rural',
      'CH-HAS': 'deprived',
      'CH-SYS': 'average',
      'CH-WOL': 'rural',
      'OW-WIG': 'average',
      'OW-OAD': 'average',
    });
    const whe = r.areas.find((a) => a.code === 'BL-WHE');
    expect(whe?.evidence.meanRank).toBeCloseTo(26_000_000 / 4700, 9);
    expect(whe?.typeSource).toBe(
      'deprived: population-weighted mean IMD 2019 rank 5,531.9 ≤ 6,568.8 (the most deprived 20% of 32,844); ' +
        '0 of 4,700 residents (0 of 3 LSOAs) rural (RUC 2011)',
    );
    expect(r.areas.find((a) => a.code === 'OW-WIG')?.typeSource).toBe(
      'average (neither rural nor deprived): ' +
        'population-weighted mean IMD 2019 rank 10,815.2 > 6,568.8 (the most deprived 20% of 32,844); ' +
        '0 of 4,600 residents (0 of 3 LSOAs) rural (RUC 2011)',
    );
  });

  it('the 2007/2010 layout (no deciles, 2001 LSOAs) uses ranks and warns about the vintage', () => {
    const r = tagAreas(files('neighbourhoods.csv', 'imd2010-legacy.csv'), opts({ lsoaCount: 32482 }));
    // 0.2 × 32,482 = 6,496.4 → rank ≤ 6,496. Same ranks as 2019 except E01990103 = 6500 (just outside):
    // BL-BRA 1200, 4100 → 3000/4500 deprived; CH-WOL 5000, 6200 → deprived and rural → rural;
    // OW-WIG 5500, 2500 → 3100/4600 deprived; BL-WHE 1700/4700 average; CH-HAS 3500/5100 deprived
    expect(r.rule.criterion).toEqual({ kind: 'rank', maxRank: 6496, nationalCount: 32482, countSource: 'option' });
    expect(r.rule.imdEdition).toBe('IMD 2007/2010');
    expect(types(r)).toEqual({
      'BL-BRA': 'deprived',
      'BL-WHE': 'average',
      'BL-SHA': 'rural',
      'CH-HAS': 'deprived',
      'CH-SYS': 'average',
      'CH-WOL': 'rural',
      'OW-WIG': 'deprived',
      'OW-OAD': 'average',
    });
    expect(r.areas[0]?.evidence.deprivedWeight).toBe(3000);
    expect(r.warnings[0]).toMatch(
      new RegExp(
        /is IMD 2007\/2010, on 2001 LSOA codes, but the rural-urban file .* is RUC 2011, on 2011 LSOA codes\. /.source +
          /Every one of your 21 LSOAs is in both files/.source,
      ),
    );
  });

  it('the 2007/2010 layout without --lsoa-count is a usage error naming the 2001 count', () => {
    expect(() => tagAreas(files('neighbourhoods.csv', 'imd2010-legacy.csv'), opts())).toThrow(
      /has no decile column.*Give --lsoa-count 32482/,
    );
  });

  it('IMD 2025 with RUC 2021: 2021 codes, "Smaller rural"/"Larger rural" classes are rural', () => {
    const r = tagAreas(files('neighbourhoods-2021.csv', 'imd2025-file7.csv', 'ruc2021-lsoa.csv'), opts());
    // BL-BRA: deciles 1,1,3,4 → 1500+1500=3000/4500 deprived; all Urban → deprived
    // BL-SHA: RSF1 "Smaller rural: Further…" 1300 of 2200 rural → rural; deciles 9, 5
    // CH-WOL: RLN1 "Larger rural: Nearer…" + RSN1 → 2300/2300 rural, deciles 2, 2 → both → rural
    expect(types(r)).toEqual({ 'BL-BRA': 'deprived', 'BL-SHA': 'rural', 'CH-WOL': 'rural' });
    expect(r.rule.imdEdition).toBe('IMD 2025');
    expect(r.rule.rucEdition).toBe('RUC 2021');
    expect(r.areas[0]?.typeSource).toBe(
      'deprived: 3,000 of 4,500 residents (2 of 4 LSOAs) in IMD 2025 deciles 1–2; ' +
        '0 of 4,500 residents (0 of 4 LSOAs) rural (RUC 2021)',
    );
  });

  it('IMD 2019 with RUC 2021 is one clear vintage message, not a list of missing codes (exit 1)', () => {
    let err: unknown;
    try {
      tagAreas(files('neighbourhoods.csv', 'imd2019-file7.csv', 'ruc2021-lsoa.csv'), opts());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const msg = (err as Error).message;
    // 21 LSOAs in neighbourhoods.csv; ruc2021-lsoa.csv holds 6 of them (E01990101, 102, 301, 302, 601, 602)
    // → 15 unmatched
    expect(msg).toMatch(/^tag: 1 problem in the input:/);
    expect(msg).toMatch(
      new RegExp(
        /is IMD 2019, on 2011 LSOA codes, but the rural-urban file .*ruc2021-lsoa\.csv /.source +
          /is RUC 2021, on 2021 LSOA codes\. 15 of your 21 LSOAs are not in both files/.source,
      ),
    );
    expect(msg).toMatch(/2011→2021 LSOA lookup/);
    expect(msg).not.toMatch(/is not in the/);
  });

  it('IMD 2019 with RUC 2021 goes on, with a warning, when every LSOA is in both files', () => {
    const n = inline(
      'n.csv',
      'code,name,district,lsoa',
      'BL-SHA,Sharnford,Blaby,E01990301',
      'BL-SHA,Sharnford,Blaby,E01990302',
      'CH-WOL,Walton on the Wolds,Charnwood,E01990601',
    );
    const r = tagAreas({ neighbourhoods: n, imd: table('imd2019-file7.csv'), ruc: table('ruc2021-lsoa.csv') }, opts());
    // BL-SHA: RSF1 rural + UF1 urban → 1 of 2, a tie → not rural; deciles 9, 5 → average. CH-WOL: RLN1 → rural
    expect(types(r)).toEqual({ 'BL-SHA': 'average', 'CH-WOL': 'rural' });
    expect(r.warnings[0]).toMatch(
      /on 2011 LSOA codes, but .* on 2021 LSOA codes\. Every one of your 3 LSOAs is in both files/,
    );
  });

  it('lists every bad row of the neighbourhoods file by line, with the missing codes (exit 1)', () => {
    expect(() => tagAreas(files('neighbourhoods-bad.csv'), opts())).toThrow(DataError);
    let msg = '';
    try {
      tagAreas(files('neighbourhoods-bad.csv'), opts());
    } catch (e) {
      msg = (e as Error).message;
    }
    const lines = msg
      .split('\n')
      .slice(1)
      .map((l) => l.trim().replace(/^.*neighbourhoods-bad\.csv:/, ''));
    expect(lines).toEqual([
      '3: "E0199010" is not an LSOA code (E01 or W01 and six digits), area BL-BRA',
      '4: "e01990103" is not an LSOA code (E01 or W01 and six digits), area BL-BRA',
      '6: conflicting duplicate row: area BL-WHE, LSOA E01990201 has population 3100 here but 3000 on line 5',
      expect.stringMatching(
        new RegExp(
          /^9: LSOA E01990999 \(area BL-SHA\) is in neither the IMD file .*imd2019-file7\.csv /.source +
            /nor the rural-urban file .*ruc2011-lsoa\.csv$/.source,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          /^10: LSOA W01990001 \(area BL-SHA\) is not in the IMD file .*imd2019-file7\.csv /.source +
            /\(a Welsh LSOA: the English IMD does not cover Wales\)$/.source,
        ),
      ),
      '11: population is blank (area CH-HAS, LSOA E01990401)',
      '12: area CH-NEW (Newtown Linford) has no LSOAs',
      '14: area CH-SYS is named "Syston Town" here but "Syston" on line 13',
      expect.stringMatching(/^\(both files are on 2011 LSOA codes/),
      'and a warning:',
      '8: duplicate row (area BL-WHE, LSOA E01990202, same as line 7) counted once',
    ]);
  });

  it('reports bad IMD rows by line, and warns about an identical duplicate', () => {
    let msg = '';
    try {
      const n = inline(
        'n.csv',
        'code,name,district,lsoa',
        'BL-BRA,Braunstone Town,Blaby,E01990102',
        'BL-BRA,Braunstone Town,Blaby,E01990103',
      );
      tagAreas({ neighbourhoods: n, imd: table('imd2019-bad-rows.csv'), ruc: table('ruc2011-lsoa.csv') }, opts());
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(
      new RegExp(
        /imd2019-bad-rows\.csv:5: conflicting duplicate row for E01990101: rank 1300, decile 1 here /.source +
          /but rank 1200, decile 1 on line 2/.source,
      ),
    );
    expect(msg).toMatch(/imd2019-bad-rows\.csv:7: "E1990104" is not an LSOA code/);
    expect(msg).toMatch(/imd2019-bad-rows\.csv:8: IMD rank "n\/a" for E01990105 is not a whole number ≥ 1/);
    expect(msg).toMatch(/imd2019-bad-rows\.csv:9: IMD decile "11" for E01990106 is not a whole number 1–10/);
    expect(msg).toMatch(/^tag: 4 problems in the input:/); // the identical duplicate on line 6 is only a warning
  });

  it('an unrecognised IMD or RUC header lists what was expected', () => {
    expect(() => tagAreas(files('neighbourhoods.csv', 'imd-unrecognised-header.csv'), opts())).toThrow(
      new RegExp(
        /imd-unrecognised-header\.csv:1: the IMD file's header is not recognised\. /.source +
          /Expected the English Indices of Deprivation .*"LSOA code \(2011\)".*RANK OF IMD SCORE.*/.source +
          /Found: lsoa11cd, imd_rank, imd_decile/.source,
      ),
    );
    expect(() =>
      tagAreas(files('neighbourhoods.csv', 'imd2019-file7.csv', 'ruc-unrecognised-header.csv'), opts()),
    ).toThrow(/the rural-urban file's header is not recognised\. Expected .*LSOA11CD.*LSOA21CD/);
  });
});
