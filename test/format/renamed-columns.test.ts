import { describe, expect, it } from 'vitest';
import { headerRead, renamedColumnsNote } from '../../src/format/renamed-columns.js';

describe('renamed columns', () => {
  const items = new Set(['belong_neighbourhood', 'trust_general']);

  it('names the header a column was read from', () => {
    expect(headerRead([{ name: 'wt', target: 'weight' }], 'weight')).toBe('wt');
    expect(headerRead([], 'weight')).toBe('weight');
  });

  it('lists structural columns read under another name and only counts item aliases', () => {
    const note = renamedColumnsNote(
      [
        {
          label: 'a.csv',
          renamed: [
            { name: 'wt', target: 'weight' },
            { name: 'Q1', target: 'belong_neighbourhood' },
          ],
        },
        { label: 'b.csv', renamed: [{ name: 'Area', target: 'neighbourhood' }] },
      ],
      items,
    );
    expect(note).toBe(
      'note: columns read under another name: a.csv: "wt" as weight; b.csv: "Area" as neighbourhood ' +
        "(and 1 item column by the codebook's aliases). " +
        'If one is wrong, name the right column with --columns "<header>=<column>".',
    );
  });

  it('says nothing when only items were read by their aliases, and caps a long list at eight', () => {
    expect(
      renamedColumnsNote([{ label: 'a.csv', renamed: [{ name: 'Q1', target: 'belong_neighbourhood' }] }], items),
    ).toBe(null);
    const many = Array.from({ length: 10 }, (_, i) => ({
      label: `f${i}.csv`,
      renamed: [{ name: 'Wt', target: 'weight' }],
    }));
    expect(renamedColumnsNote(many, items)).toContain('; and 2 more (validate lists them all)');
  });
});
