import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkWaveFilter, planWaves } from '../../src/pipeline/wave-plan.js';

const wave = (label: string, rows: number, line = 2) => ({ label, rows, lines: [{ file: 'a.csv', line }] });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('planWaves', () => {
  it('orders by the labels and pairs the first with the last', () => {
    const p = planWaves([wave('February 2009', 50), wave('Summer 2006', 50), wave('2007/08', 50)], {});
    expect(p.order).toEqual(['Summer 2006', '2007/08', 'February 2009']);
    expect(p.pair).toEqual(['Summer 2006', 'February 2009']);
  });

  it('one wave: an order of one and no pair, whatever the labels', () => {
    expect(planWaves([wave('Spring', 50)], {})).toMatchObject({ order: ['Spring'], pair: null });
  });

  it('labels with no order are refused, unless --wave-order gives it, or --from/--to pins one of two', () => {
    const seasons = [wave('Spring', 50), wave('Autumn', 50)];
    expect(refusal(() => planWaves(seasons, {}))).toContain('--wave-order "Spring,Autumn"');
    expect(planWaves(seasons, { waveOrder: 'Autumn,Spring' }).pair).toEqual(['Autumn', 'Spring']);
    expect(planWaves(seasons, { to: 'Spring' }).order).toEqual(['Autumn', 'Spring']);
    expect(planWaves(seasons, { from: 'Spring', to: 'Autumn' }).pair).toEqual(['Spring', 'Autumn']);
    // three waves: one pinned end does not order the other two
    expect(refusal(() => planWaves([...seasons, wave('Winter', 50)], { from: 'Spring' }))).toContain('--wave-order');
  });

  it('--from after --to in the order, and the same wave twice, are refused', () => {
    const waves = [wave('2006', 50), wave('2009', 50)];
    expect(refusal(() => planWaves(waves, { from: '2009', to: '2006' }))).toContain(
      '--from 2009 comes after --to 2006',
    );
    expect(refusal(() => planWaves(waves, { waveOrder: '2009,2006', from: '2006', to: '2009' }))).toContain(
      'comes after',
    );
    expect(refusal(() => planWaves(waves, { from: '2009', to: '2009' }))).toContain('both name wave 2009');
    expect(refusal(() => planWaves(waves, { to: '2010' }))).toContain('--to 2010: no such wave in the data');
  });

  it(
    'a suspect wave is never a default end of the pair; --from/--to or --wave-order naming the pair ' + 'lifts that',
    () => {
      const waves = [wave('06', 1, 152), wave('2006', 150), wave('2009', 150)];
      const m = refusal(() => planWaves(waves, {}));
      expect(m).toBe(
        'wave `06` has 1 row (line 152); did you mean `2006`? It would be the baseline wave by default. ' +
          'Fix the cell, or choose the waves with --from/--to',
      );
      expect(refusal(() => planWaves(waves, { to: '2009' }))).toContain('Fix the cell');
      expect(planWaves(waves, { from: '2006' }).pair).toEqual(['2006', '2009']);
      expect(planWaves(waves, { waveOrder: '06,2006,2009' }).pair).toEqual(['06', '2009']);
      // the suspect wave in the middle is not a default end: no refusal, but it is still reported
      const middle = planWaves([wave('2006', 150), wave('2007', 1), wave('2009', 150)], {});
      expect(middle.pair).toEqual(['2006', '2009']);
      expect(middle.suspects.map((s) => s.label)).toEqual(['2007']);
    },
  );

  it('refuses a whole wave labelled 09 beside 2006: a year (2009, after) or a number (9, before)?', () => {
    // a trial export labelled its 2009 wave "09": numerically 9 < 2006 made 09 the baseline, with exit 0
    const waves = [wave('2006', 3034), wave('09', 3018)];
    expect(refusal(() => planWaves(waves, {}))).toBe(
      'cannot tell whether wave `09` means a year (2009) or a number that comes before `2006`: the labels mix ' +
        'two-digit and four-digit years. Relabel the wave, or give the order with --wave-order "2006,09" listing ' +
        'the waves first to last',
    );
    expect(refusal(() => planWaves(waves, { from: '2006', to: '09' }))).toContain('cannot tell whether wave');
    expect(planWaves(waves, { waveOrder: '2006,09' }).pair).toEqual(['2006', '09']);
    // two-digit labels alone are plain numbers, ordered as such
    expect(planWaves([wave('06', 100), wave('09', 100)], {}).pair).toEqual(['06', '09']);
  });
});

describe('checkWaveFilter', () => {
  it('refuses a --wave naming no wave in the data, listing the waves present in order', () => {
    expect(() => checkWaveFilter(['2009'], new Set(['2009', '2006']))).not.toThrow();
    expect(() => checkWaveFilter(undefined, new Set(['2009']))).not.toThrow();
    expect(() => checkWaveFilter(['2010'], new Set(['2009', '2006']))).toThrow(
      '--wave 2010: no such wave in the data (waves present: `2006`, `2009`)',
    );
  });
});
