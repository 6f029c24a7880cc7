import { describe, expect, it } from 'vitest';
import { nearestWave, suspectWaves, type WaveCount } from '../../src/aggregate/suspect-waves.js';

const at = (file: string, ...lines: number[]) => lines.map((line) => ({ file, line }));
const wave = (label: string, rows: number, lines = at('a.csv', 2)): WaveCount => ({ label, rows, lines });

describe('suspectWaves', () => {
  it('flags a one-row wave beside a big one, in the documented message form', () => {
    const s = suspectWaves([wave('2006', 1500), wave('06', 1, at('a.csv', 1234)), wave('2009', 1400)]);
    expect(s).toHaveLength(1);
    expect(s[0]?.nearest).toBe('2006');
    expect(s[0]?.message).toBe('wave `06` has 1 row (line 1,234); did you mean `2006`?');
    expect(s[0]?.rows).toBe(1);
  });

  it('flags a wave under 30 rows when another holds 100 or more', () => {
    // 29 of 129 rows is 22%, over 1%, but under 30 rows
    expect(suspectWaves([wave('2006', 100), wave('2009', 29)]).map((w) => w.label)).toEqual(['2009']);
  });

  it('does not flag 30 rows, nor a small wave when no wave reaches 100', () => {
    expect(suspectWaves([wave('2006', 100), wave('2009', 30)])).toEqual([]);
    expect(suspectWaves([wave('2006', 99), wave('2009', 5)])).toEqual([]);
  });

  it('flags a wave under 1% of all rows even with hundreds of its own', () => {
    // 150 of 20,150 rows is 0.74%
    const s = suspectWaves([wave('2006', 10_000), wave('2009', 10_000), wave('2006.0', 150)]);
    expect(s.map((w) => [w.label, w.nearest])).toEqual([['2006.0', '2006']]);
    expect(s[0]?.message).toMatch(/^wave `2006\.0` has 150 rows \(lines 2; …\); did you mean `2006`\?$/);
  });

  it('does not flag exactly 1% with 30 rows or more', () => {
    // 100 of 10,000 rows is exactly 1%
    expect(suspectWaves([wave('2006', 4950), wave('2009', 4950), wave('2012', 100)])).toEqual([]);
  });

  it('lists several lines with semicolons, since en-GB numbers contain commas, and an ellipsis for more rows', () => {
    const s = suspectWaves([wave('2006', 500), wave('06', 3, at('a.csv', 1234, 5678, 10001))]);
    expect(s[0]?.message).toBe('wave `06` has 3 rows (lines 1,234; 5,678; 10,001); did you mean `2006`?');
    const more = suspectWaves([wave('2006', 500), wave('06', 4, at('a.csv', 7, 9))]);
    expect(more[0]?.message).toBe('wave `06` has 4 rows (lines 7; 9; …); did you mean `2006`?');
  });

  it('names the files when the rows come from more than one', () => {
    const s = suspectWaves([wave('2006', 500, at('a.csv', 2)), wave('06', 2, [...at('b.csv', 40), ...at('c.csv', 3)])]);
    expect(s[0]?.message).toBe('wave `06` has 2 rows (b.csv line 40; c.csv line 3); did you mean `2006`?');
  });

  it('says so when no wave is a plausible target', () => {
    const s = suspectWaves([wave('2006', 500), wave('Pilot', 12, at('a.csv', 3))]);
    expect(s[0]?.nearest).toBeNull();
    expect(s[0]?.message).toBe(
      'wave `Pilot` has 12 rows (lines 3; …), far fewer than the other waves; is the label a typo?',
    );
  });

  it('does not suggest another suspect wave', () => {
    const s = suspectWaves([wave('2006', 500), wave('06', 1), wave('006', 1)]);
    expect(s.map((w) => w.nearest)).toEqual(['2006', '2006']);
  });
});

describe('nearestWave', () => {
  it('takes a case or spacing difference first', () => {
    expect(nearestWave('wave 1', ['Wave 1', 'Wave 2'])).toBe('Wave 1');
    expect(nearestWave('Wave1', ['Wave 1', 'Wave 2'])).toBe('Wave 1');
  });

  it('reads an integral decimal', () => {
    expect(nearestWave('2009.00', ['2006', '2009'])).toBe('2009');
  });

  it('takes the wave whose digits end with the label', () => {
    expect(nearestWave('09', ['2006', '2009'])).toBe('2009');
    expect(nearestWave('6', ['2006', '2009'])).toBe('2006');
  });

  it('gives none when two waves fit equally', () => {
    expect(nearestWave('6', ['2006', '1996'])).toBeNull();
    expect(nearestWave('Wave 3', ['Wave 1', 'Wave 2'])).toBeNull(); // both one edit away
  });

  it('falls back to the smallest edit distance within half the longer label', () => {
    expect(nearestWave('2O06', ['2006', '2009'])).toBe('2006'); // letter O: one substitution
    expect(nearestWave('Pilot', ['2006', '2009'])).toBeNull();
  });
});
