import { describe, expect, it } from 'vitest';
import { districtWarnings } from '../../src/tag/district-warnings.js';
import type { AreaDecision } from '../../src/tag/tag-settings.js';
import type { AreaType } from '../../src/tag/tag-rule.js';

const d = (district: string, type: AreaType) => ({ district, type }) as AreaDecision;

describe('districtWarnings', () => {
  it('silent for one of each; a warning per district otherwise, in order of appearance', () => {
    const w = districtWarnings([
      d('Blaby', 'rural'),
      d('Blaby', 'deprived'),
      d('Blaby', 'average'),
      d('Oadby and Wigston', 'deprived'),
      d('Oadby and Wigston', 'average'),
      d('Melton', 'rural'),
      d('Melton', 'rural'),
      d('Melton', 'deprived'),
      d('Melton', 'average'),
    ]);
    expect(w).toEqual([
      'district Oadby and Wigston has 0 rural, 1 deprived and 1 average area(s), not one of each as in the LAA design',
      'district Melton has 2 rural, 1 deprived and 1 average area(s), not one of each as in the LAA design',
    ]);
  });
});
