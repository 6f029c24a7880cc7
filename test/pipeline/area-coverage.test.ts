import { describe, expect, it } from 'vitest';
import { areaCoverageWarnings } from '../../src/pipeline/area-coverage.js';

const registry = {
  areas: [
    { code: 'BL-SHA', name: 'Sharnford' },
    { code: 'BL-BRA', name: 'Broughton Astley' },
  ],
};

describe('areaCoverageWarnings', () => {
  it('names an area with rows in one wave and none in another', () => {
    const cells = [
      { wave: '2006', area: 'BL-SHA' },
      { wave: '2006', area: 'BL-BRA' },
      { wave: '2009', area: 'BL-BRA' },
      { wave: '2009', area: 'BL-BRA' },
    ];
    expect(areaCoverageWarnings(cells, ['2006', '2009'], registry as never)).toEqual([
      'area BL-SHA (Sharnford) has rows in 2006 but none in 2009: the pooled figures of that wave (all surveyed ' +
        'areas, its type and district) leave it out, so changes compare different sets of areas',
    ]);
  });

  it('says nothing with one wave, or when every area has rows in every wave', () => {
    const cells = [
      { wave: '2006', area: 'BL-BRA' },
      { wave: '2009', area: 'BL-BRA' },
    ];
    expect(areaCoverageWarnings(cells, ['2006', '2009'], registry as never)).toEqual([]);
    expect(areaCoverageWarnings([{ wave: '2009', area: 'BL-SHA' }], ['2009'], registry as never)).toEqual([]);
  });
});
