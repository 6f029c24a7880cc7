import { describe, expect, it } from 'vitest';
import { indicatorHeading, indicatorLabel, indicatorLabels } from '../../src/format/indicator-label.js';

describe('indicator labels', () => {
  const belonging = { id: 'belong', shortLabel: 'Belonging', ni: 'NI2' };
  const trust = { id: 'trust_neighbours', shortLabel: 'Trust in neighbours' };

  it('puts the NI number after the label in tables and before it in headings', () => {
    expect(indicatorLabel(belonging)).toBe('Belonging (NI2)');
    expect(indicatorHeading(belonging)).toBe('NI2: Belonging');
    expect(indicatorLabel(trust)).toBe('Trust in neighbours');
    expect(indicatorHeading(trust)).toBe('Trust in neighbours');
  });

  it('looks labels up by id and shows an unknown id as it is', () => {
    const label = indicatorLabels({ items: [belonging, trust] as never });
    expect(label('belong')).toBe('Belonging (NI2)');
    expect(label('not_an_item')).toBe('not_an_item');
  });
});
