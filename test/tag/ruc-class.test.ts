import { describe, expect, it } from 'vitest';
import { isRural2021, RUC11_CLASSES } from '../../src/tag/ruc-class.js';

describe('RUC classes', () => {
  it('2011: D1, D2, E1, E2 rural; A1, B1, C1, C2 urban (ONS 2011 RUC user guide)', () => {
    const rural = Object.entries(RUC11_CLASSES)
      .filter(([, c]) => c.rural)
      .map(([k]) => k);
    const urban = Object.entries(RUC11_CLASSES)
      .filter(([, c]) => !c.rural)
      .map(([k]) => k);
    expect(rural).toEqual(['D1', 'D2', 'E1', 'E2']);
    expect(urban).toEqual(['A1', 'B1', 'C1', 'C2']);
  });

  it('2021: names beginning Rural, Smaller rural, Larger rural are rural; Urban is urban', () => {
    expect(isRural2021('Smaller rural: Further from a major town or city')).toBe(true);
    expect(isRural2021('Larger rural: Nearer to a major town or city')).toBe(true);
    expect(isRural2021('Larger Rural: Nearer to a major town or city')).toBe(true);
    expect(isRural2021('Rural')).toBe(true);
    expect(isRural2021('Urban: Nearer to a major town or city')).toBe(false);
    expect(isRural2021('Urban')).toBe(false);
    expect(isRural2021('Ruralish')).toBeUndefined();
    expect(isRural2021('Suburban')).toBeUndefined();
    expect(isRural2021('')).toBeUndefined();
  });
});
