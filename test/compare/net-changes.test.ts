import { describe, expect, it } from 'vitest';
import { codebookSchema } from '../../src/codebook/schema.js';
import { netChanges } from '../../src/compare/net-changes.js';
import type { GroupTallies, Tally } from '../../src/types/index.js';

const codebook = codebookSchema.parse({
  name: 'test',
  domains: ['belonging', 'participation'],
  scales: {
    agree: [
      { code: 1, label: 'Agree' },
      { code: 2, label: 'Disagree' },
      { code: 3, label: 'Neither' },
    ],
    yn: [
      { code: 1, label: 'Yes' },
      { code: 2, label: 'No' },
    ],
  },
  items: [
    {
      id: 'belong',
      question: 'q',
      shortLabel: 'Belong',
      domain: 'belonging',
      scale: 'agree',
      positive: [1],
      negative: [2],
    },
    { id: 'volunteer', question: 'q', shortLabel: 'Volunteer', domain: 'participation', scale: 'yn', positive: [1] },
  ],
});

/** Unweighted: pos positive, neg negative, neutral neither. */
const tally = (pos: number, neg: number, neutral: number): Tally => {
  const n = pos + neg + neutral;
  return { n, nPos: pos, sw: n, sw2: n, swPos: pos, sw2Pos: pos, nNeg: neg, swNeg: neg, reasons: {} };
};
const group = (wave: string, g: string, t: Tally): GroupTallies => ({
  wave,
  groupBy: 'type',
  group: g,
  returns: t.n,
  tallies: [t, tally(1, 0, 0)],
});

/*
 R 4.2.2 (net score and SE as in net-score.test.ts, unweighted so n_eff = n):
   nc <- function(a, b) {
     f <- function(x) { n <- sum(x); pp <- x[1]/n; pn <- x[2]/n; c(100*(pp-pn), 100*sqrt((pp+pn-(pp-pn)^2)/n)) }
     u <- f(a); v <- f(b); d <- v[1]-u[1]; s <- sqrt(u[2]^2+v[2]^2); z <- d/s
     c(net1=u[1], net2=v[1], d=d, z=z, p=2*pnorm(-abs(z)), lo=d-qnorm(.975)*s, hi=d+qnorm(.975)*s) }
   nc(c(22,9,6), c(30,5,5))   → net1 35.135135135135137, net2 62.5, d 27.364864864864863, z 1.5438655216434516,
                                p 0.12262091422178388, lo -7.3753044212831114, hi 62.105034151012838
   nc(c(40,10,10), c(45,5,10)) → d 16.666666666666657, z 1.3093073414159535, p 0.19043026382552433
   p.adjust(c(0.12262091422178388, 0.19043026382552433), "BH")   → 0.19043026382552433 0.19043026382552433
   p.adjust(c(0.12262091422178388, 0.19043026382552433), "holm") → 0.24524182844356776 0.24524182844356776
*/
const groups = [
  group('2006', 'rural', tally(22, 9, 6)),
  group('2006', 'average', tally(40, 10, 10)),
  group('2009', 'rural', tally(30, 5, 5)),
  group('2009', 'average', tally(45, 5, 10)),
];
const o = {
  ci: 'wilson' as const,
  level: 0.95,
  minBase: 30,
  indicativeBase: 100,
  from: '2006',
  to: '2009',
  alpha: 0.05,
};

describe('netChanges', () => {
  it('the change of the net score with its z, p and CI; one family per item × level × wave pair', () => {
    const rows = netChanges(groups, codebook, { ...o, adjust: 'bh' });
    expect(rows).toHaveLength(2); // volunteer has no negative codes, so no net
    const [rural, average] = rows;
    expect(rural).toMatchObject({
      indicator: 'belong',
      group: 'rural',
      family: '2006-2009:type:belong:net',
      familySize: 2,
      flag: 'indicative',
    });
    expect(rural!.net1).toBeCloseTo(35.135135135135137, 10);
    expect(rural!.net2).toBeCloseTo(62.5, 10);
    expect(rural!.changePp).toBeCloseTo(27.364864864864863, 10);
    expect(rural!.z).toBeCloseTo(1.5438655216434516, 10);
    expect(rural!.p).toBeCloseTo(0.12262091422178388, 12);
    expect(rural!.ciLow).toBeCloseTo(-7.3753044212831114, 9);
    expect(rural!.ciHigh).toBeCloseTo(62.105034151012838, 9);
    expect(average!.z).toBeCloseTo(1.3093073414159535, 10);
    expect(rural!.pAdjusted).toBeCloseTo(0.19043026382552433, 12);
    expect(average!.pAdjusted).toBeCloseTo(0.19043026382552433, 12);
    expect(rows.every((r) => !r.significant)).toBe(true);
    const holm = netChanges(groups, codebook, { ...o, adjust: 'holm' });
    expect(holm[0]!.pAdjusted).toBeCloseTo(0.24524182844356776, 12);
  });
  it('suppressed when a base is under --min-base; no p, and out of the family', () => {
    const small = [...groups.slice(0, 3), group('2009', 'average', tally(10, 5, 5))];
    const rows = netChanges(small, codebook, { ...o, adjust: 'bh' });
    expect(rows[1]).toMatchObject({ flag: 'suppressed', net1: null, changePp: null, p: null, pAdjusted: null });
    expect(rows[0]).toMatchObject({ familySize: 1 });
    expect(rows[0]!.pAdjusted).toBeCloseTo(0.12262091422178388, 12);
  });
});
