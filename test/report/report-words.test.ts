import { describe, expect, it } from 'vitest';
import {
  changeSentence,
  estimateSentence,
  groupFindings,
  marginText,
  percentText,
  verdictSentence,
  reportedWaves,
  waveSummaries,
} from '../../src/report/report-words.js';
import type { ComparisonRow } from '../../src/types/index.js';
import { est } from './report-fixture.js';

describe('report words', () => {
  it('never shows a suppressed or empty cell as 0', () => {
    expect(percentText(est('2009', 'all', 'all', 'trust_general', 12, 'suppressed', 20))).toBe('suppressed');
    expect(percentText(est('2009', 'all', 'all', 'trust_general', null, 'no-data', 0))).toBe('no data');
    expect(percentText(undefined)).toBe('no data');
    expect(percentText(est('2009', 'all', 'all', 'trust_general', 41.25, 'indicative', 80))).toBe('41.3†');
  });

  it('gives the margin of error as half the interval width', () => {
    // est() puts the CI at percent ± 3, so half the width is 3.0
    expect(marginText(est('2009', 'all', 'all', 'trust_general', 50))).toBe('±3.0 points');
    const e = { ...est('2009', 'all', 'all', 'trust_general', 77.6), ciLow: 76.1, ciHigh: 79.1 };
    expect(estimateSentence(e, 0.95)).toBe('77.6% (95% CI 76.1–79.1%, about ±1.5 points; n = 200)');
    expect(estimateSentence(est('2009', 'all', 'all', 'trust_general', 12, 'suppressed', 20), 0.95)).toBe(
      'suppressed (base 20)',
    );
  });

  it('words a change with its adjusted p, or why there is none', () => {
    const c: ComparisonRow = {
      indicator: 'x',
      ni: null,
      groupBy: 'all',
      group: 'all',
      from: '2006',
      to: '2009',
      p1: 73.9,
      p2: 77.6,
      changePp: 3.74,
      ciLow: 1.6,
      ciHigh: 5.9,
      z: 3,
      p: 0.0002,
      pAdjusted: 0.0123,
      family: 'f',
      familySize: 17,
      significant: true,
      flag: 'ok',
    };
    expect(changeSentence(c, 'bh')).toBe('+3.7 points (CI +1.6 to +5.9), a significant rise ▲ (adj. p 0.012)');
    expect(changeSentence({ ...c, changePp: -4.4, pAdjusted: 0.0004 }, 'none')).toBe(
      '−4.4 points (CI +1.6 to +5.9), a significant fall ▼ (p < 0.001)',
    );
    expect(changeSentence({ ...c, changePp: 1.1, significant: false, pAdjusted: 0.41 }, 'bh')).toBe(
      '+1.1 points (CI +1.6 to +5.9), not significant (adj. p 0.41)',
    );
    expect(changeSentence({ ...c, changePp: null, flag: 'suppressed' }, 'bh')).toBe(
      'change not assessed: a base is below the minimum',
    );
  });

  it('words each verdict', () => {
    expect(verdictSentence('inconclusive', 'below')).toBe(
      'Verdict: inconclusive, leaning below the target (the margin of error reaches ' +
        'both sides of the target; the lean says which side the estimate is on)',
    );
    expect(verdictSentence('met')).toBe('Verdict: met (the whole margin of error is at or above the target)');
  });

  it('groups findings by kind in order of first appearance, keeping the order within each', () => {
    const f = [
      { kind: 'change', n: 1 },
      { kind: 'area-difference', n: 2 },
      { kind: 'change', n: 3 },
    ];
    expect(groupFindings(f).map((g) => [g.kind, g.items.map((i) => i.n)])).toEqual([
      ['change', [1, 3]],
      ['area-difference', [2]],
    ]);
  });
});

describe('the waves of a report', () => {
  const r = {
    waves: ['06', '2006', '2009'],
    suspectWaves: [{ wave: '06', rows: 1, lines: [{ file: 'a.csv', line: 152 }], nearest: '2006', message: '' }],
    returns: [
      { wave: '06', groupBy: 'all', group: 'all', returns: 1, mailed: null, responseRate: null },
      { wave: '2006', groupBy: 'all', group: 'all', returns: 3181, mailed: 9940, responseRate: 32.0020120724 },
      { wave: '2009', groupBy: 'all', group: 'all', returns: 3162, mailed: null, responseRate: null },
    ],
  };

  it('lists each wave with its returns, marking a suspect wave, and leaves suspect waves out of the title', () => {
    expect(waveSummaries(r)).toEqual([
      '06 (1 return; suspect wave: did you mean 2006?)',
      '2006 (3,181 returns, 32.0% of 9,940 mailed)',
      '2009 (3,162 returns)',
    ]);
    expect(reportedWaves(r)).toEqual(['2006', '2009']);
  });
});
