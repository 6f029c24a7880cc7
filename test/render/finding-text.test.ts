import { describe, expect, it } from 'vitest';
import { codebookSchema } from '../../src/codebook/schema.js';
import { findingText, withFindingText } from '../../src/render/finding-text.js';
import type { Finding } from '../../src/types/index.js';
import { bundledCodebook } from '../helpers/codebook.js';

const { codebook } = bundledCodebook();
const names: Record<string, string> = { 'BL-BRA': 'Braunstone Town', 'CH-WOL': 'Walton on the Wolds' };
const label = (groupBy: string, group: string) =>
  groupBy === 'all' ? 'All surveyed areas' : groupBy === 'neighbourhood' ? (names[group] ?? group) : group;
const base = { indicator: 'belong_neighbourhood', p: 0.001, pAdjusted: 0.01 };
const change = (groupBy: string, group: string, p1: number, p2: number): Finding => ({
  ...base,
  kind: 'change',
  groupBy,
  groups: [group],
  waves: ['2006', '2009'],
  percents: [p1, p2],
  diffPp: p2 - p1,
});

describe('findingText', () => {
  it('words a change with the codebook phrase, the two waves and the signed points', () => {
    expect(findingText(change('all', 'all', 73.9, 77.6), codebook, label)).toBe(
      'In the surveyed areas, the share who feel they belong to their neighbourhood rose from 73.9% in 2006 to ' +
        '77.6% in 2009 (+3.7 points).',
    );
    expect(findingText(change('type', 'rural', 75, 50), codebook, label)).toBe(
      'In the surveyed rural areas, the share who feel they belong to their neighbourhood fell from 75.0% in 2006 ' +
        'to 50.0% in 2009 (−25.0 points).',
    );
  });

  it('names districts, neighbourhoods and profile groups as parts of the surveyed areas', () => {
    expect(findingText(change('district', 'Blaby', 50, 75), codebook, label)).toMatch(
      /^In the surveyed areas of Blaby, the share who/,
    );
    expect(findingText(change('neighbourhood', 'BL-BRA', 50, 75), codebook, label)).toMatch(
      /^In Braunstone Town \(a surveyed area\), the share who/,
    );
    expect(findingText(change('age_band', '16-24', 50, 75), codebook, label)).toMatch(
      /^Among respondents in the surveyed areas with age band 16-24, the share who/,
    );
  });

  it('words type and area differences higher group first, and the absent type differences', () => {
    // the surveyed-areas test speaks of the surveyed areas; the area-type test (areas as clusters) of the types
    const surveyed: Finding = {
      ...base,
      kind: 'surveyed-type-difference',
      groupBy: 'type',
      groups: ['deprived', 'rural'],
      waves: ['2009'],
      percents: [68.9, 88.3],
      diffPp: 68.9 - 88.3,
    };
    expect(findingText(surveyed, codebook, label)).toBe(
      'In 2009, the share who feel they belong to their neighbourhood was higher in the surveyed rural areas than ' +
        'in the surveyed deprived areas (88.3% vs 68.9%, +19.4 points).',
    );
    expect(findingText({ ...surveyed, kind: 'type-difference' }, codebook, label)).toBe(
      'In 2009, the share who feel they belong to their neighbourhood was higher in rural areas than in deprived ' +
        'areas (88.3% vs 68.9%, +19.4 points).',
    );
    const area: Finding = {
      ...base,
      kind: 'area-difference',
      groupBy: 'neighbourhood',
      groups: ['CH-WOL'],
      waves: ['2006'],
      percents: [47.9, 29.4],
      diffPp: 18.5,
      indicator: 'trust_general',
    };
    expect(findingText(area, codebook, label)).toBe(
      'In 2006, the share who say most people can be trusted was higher in Walton on the Wolds than in the rest of ' +
        'the surveyed areas (47.9% vs 29.4%, +18.5 points).',
    );
    const none: Finding = {
      ...base,
      kind: 'no-type-difference',
      groupBy: 'type',
      groups: ['rural', 'deprived', 'average'],
      waves: ['2009'],
      percents: [],
      diffPp: null,
    };
    expect(findingText(none, codebook, label)).toBe(
      'In 2009, the share who feel they belong to their neighbourhood did not differ significantly between the area ' +
        'types (rural, deprived, average).',
    );
  });

  it('falls back to the short label when the codebook has no phrase, and adds the text for JSON', () => {
    const plain = codebookSchema.parse({
      name: 'x',
      domains: ['d'],
      scales: {
        yn: [
          { code: 1, label: 'Yes' },
          { code: 2, label: 'No' },
        ],
      },
      items: [
        {
          id: 'belong_neighbourhood',
          question: 'q',
          shortLabel: 'Belong here',
          domain: 'd',
          scale: 'yn',
          positive: [1],
        },
      ],
    });
    const [f] = withFindingText([change('all', 'all', 50, 60)], plain, label)!;
    expect(f!.text).toBe(
      'In the surveyed areas, the share positive on “Belong here” rose from 50.0% in 2006 to 60.0% in 2009 (+10.0 ' +
        'points).',
    );
    expect(f!.diffPp).toBe(10);
  });

  it('every item of the bundled codebook has a phrase', () => {
    expect(codebook.items.filter((it) => !it.phrase).map((it) => it.id)).toEqual([]);
  });
});
