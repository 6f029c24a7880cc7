import { describe, expect, it } from 'vitest';
import { ALL_LABEL, groupLabeller } from '../../src/pipeline/group-label.js';
import { bundledAreas } from '../helpers/codebook.js';

describe('groupLabeller', () => {
  const label = groupLabeller(bundledAreas());
  it('"All surveyed areas", never "the county"', () => {
    expect(label('all', 'all')).toBe('All surveyed areas');
    expect(ALL_LABEL.toLowerCase()).not.toContain('county');
  });
  it('area names for codes; other groups as they are', () => {
    expect(label('neighbourhood', 'CH-WOL')).toBe('Walton on the Wolds');
    expect(label('type', 'rural')).toBe('rural');
    expect(label('district', 'Blaby')).toBe('Blaby');
  });
});
