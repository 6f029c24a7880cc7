import { describe, expect, it } from 'vitest';
import { wavePairLine } from '../../src/format/wave-pair.js';

describe('wavePairLine', () => {
  it('names the baseline and the current wave of a comparison, else of the targets', () => {
    const c = { from: 'Summer 2006', to: 'February 2009', alpha: 0.05, adjustment: 'holm' as const, family: '' };
    expect(wavePairLine({ comparisonDesign: c })).toBe('Baseline: Summer 2006 → current: February 2009');
    const t = {
      mode: 'published-baseline',
      label: '',
      rule: 'points',
      uplift: 5,
      baselineWave: null,
      currentWave: '2009',
      note: '',
    };
    expect(wavePairLine({ targetDesign: t })).toBe(
      'Baseline: the published baselines (no wave of this survey) → current: 2009',
    );
    expect(wavePairLine({})).toBeNull();
  });
});
