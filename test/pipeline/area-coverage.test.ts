import { describe, expect, it } from 'vitest';
import { areaCoverageWarnings, singleAreaGroupWarnings, surveyedByWave } from '../../src/pipeline/area-coverage.js';

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
    expect(areaCoverageWarnings(surveyedByWave(cells), ['2006', '2009'], registry as never)).toEqual([
      'area BL-SHA (Sharnford) has rows in 2006 but none in 2009: the pooled figures of that wave (all surveyed ' +
        'areas, its type and district) leave it out, so changes compare different sets of areas',
    ]);
  });

  it('says nothing with one wave, or when every area has rows in every wave', () => {
    const cells = [
      { wave: '2006', area: 'BL-BRA' },
      { wave: '2009', area: 'BL-BRA' },
    ];
    expect(areaCoverageWarnings(surveyedByWave(cells), ['2006', '2009'], registry as never)).toEqual([]);
    expect(
      areaCoverageWarnings(surveyedByWave([{ wave: '2009', area: 'BL-SHA' }]), ['2009'], registry as never),
    ).toEqual([]);
  });
});

describe('singleAreaGroupWarnings', () => {
  const areas = {
    areas: [
      { code: 'BL-SHA', name: 'Sharnford', district: 'Blaby', type: 'rural' },
      { code: 'BL-BRA', name: 'Braunstone Town', district: 'Blaby', type: 'deprived' },
      { code: 'ME-EGE', name: 'Melton Egerton', district: 'Melton', type: 'deprived' },
    ],
  };
  const cells = [
    { wave: '2009', area: 'BL-SHA' },
    { wave: '2009', area: 'ME-EGE' },
    { wave: '2006', area: 'BL-SHA' },
    { wave: '2006', area: 'BL-BRA' },
  ];

  it('names a district or type that holds one surveyed area in a wave, when the run groups by it', () => {
    expect(singleAreaGroupWarnings(surveyedByWave(cells), ['all', 'district'], areas as never)).toEqual([
      'district Blaby has one surveyed area in wave 2009, BL-SHA (Sharnford): its district figures are that ' +
        'area’s alone',
      'district Melton has one surveyed area in wave 2009, ME-EGE (Melton Egerton): its district figures are that ' +
        'area’s alone',
    ]);
    expect(singleAreaGroupWarnings(surveyedByWave(cells), ['all', 'type'], areas as never)).toHaveLength(4);
    expect(singleAreaGroupWarnings(surveyedByWave(cells), ['all', 'neighbourhood'], areas as never)).toEqual([]);
  });
});
