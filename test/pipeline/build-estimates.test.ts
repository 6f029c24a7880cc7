import { describe, expect, it } from 'vitest';
import { addRow, createTallyStore } from '../../src/aggregate/tally-store.js';
import { UsageError } from '../../src/errors.js';
import {
  buildEstimates,
  groupSurvey,
  selectIndicators,
  validateGroupings,
} from '../../src/pipeline/build-estimates.js';
import type { LoadedSurvey } from '../../src/pipeline/load-survey.js';
import { fixture } from '../helpers/fixtures.js';
import { bundledAreas, bundledCodebook } from '../helpers/codebook.js';
import { runJson } from '../helpers/run-main.js';
import { surveyRow } from '../helpers/survey-row.js';

const { codebook, compiled } = bundledCodebook();

describe('selectIndicators', () => {
  it('all items by default, in codebook order', () => {
    expect(selectIndicators(codebook, undefined)).toEqual([...Array(17).keys()]);
  });

  it('ids and NI names, any case, in the order asked, without repeats', () => {
    expect(selectIndicators(codebook, ['ni4', 'belong_county', 'NI2', 'belong_neighbourhood'])).toEqual([12, 1, 0]);
  });

  it('an unknown name is a usage error listing the valid ids with their NI names', () => {
    expect(() => selectIndicators(codebook, ['NI3'])).toThrow(UsageError);
    expect(() => selectIndicators(codebook, ['NI3'])).toThrow('backgrounds_get_on (NI1)');
  });
});

describe('validateGroupings', () => {
  it('accepts area groupings and profile columns; removes repeats', () => {
    expect(validateGroupings(codebook, ['type', 'age_band', 'type'])).toEqual(['type', 'age_band']);
  });

  it('matches case-insensitively, giving the registry spelling, as --indicators does', () => {
    expect(validateGroupings(codebook, ['Type', 'AGE_BAND', 'type'])).toEqual(['type', 'age_band']);
  });

  it('refuses an empty list instead of reading it as all', () => {
    expect(() => validateGroupings(codebook, [])).toThrow('--by needs at least one grouping');
  });

  it('rejects anything else', () => {
    expect(() => validateGroupings(codebook, ['county'])).toThrow(
      /unknown grouping "county".*all, type, district, neighbourhood, age_band, sex/,
    );
  });
});

describe('buildEstimates', () => {
  it('one estimate per level × wave × group × indicator, in the contract field order, from the tallies', () => {
    const store = createTallyStore(17);
    // belong_neighbourhood: 3 positive of 4 in BL-BRA (deprived), 1 of 2 in CH-WOL (rural); weights 1
    for (const c of [1, 2, 1, 3]) addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { 0: c }));
    for (const c of [2, 4]) addRow(store, compiled, surveyRow('2009', 'CH-WOL', 1, { 0: c }));
    const survey = { store, registry: bundledAreas(), codebook } as unknown as LoadedSurvey;
    const es = buildEstimates(codebook, groupSurvey(survey, ['all', 'type']), [0], {
      ci: 'wilson',
      level: 0.95,
      minBase: 1,
      indicativeBase: 3,
    });
    expect(es[0]!.percent).toBeCloseTo(200 / 3, 12);
    expect(
      es.map((e) => [
        e.groupBy,
        e.group,
        e.unweightedPositive,
        e.unweightedBase,
        e.percent === null ? null : Math.round(e.percent * 1e6) / 1e6,
        e.flag,
      ]),
    ).toEqual([
      ['all', 'all', 4, 6, 66.666667, 'ok'],
      ['type', 'rural', 1, 2, 50, 'indicative'],
      ['type', 'deprived', 3, 4, 75, 'ok'],
    ]);
    expect(es[0]).toMatchObject({ wave: '2009', indicator: 'belong_neighbourhood', ni: 'NI2', domain: 'belonging' });
  });
});

describe('returns and response rates (analyse JSON)', () => {
  it('returns ÷ mailed for area groupings; none for profile groupings', async () => {
    // paper-2009.csv has 50 returns in each of the 20 areas; mailed from data/areas.csv
    // Python: rural 300/2480, deprived 350/4030, average 350/3410, all 1000/9920, BL-BRA 50/580
    const r = await runJson([
      'analyse',
      fixture('paper-2009.csv'),
      '--areas',
      'data/areas.csv',
      '--format',
      'json',
      '--by',
      'all,type,neighbourhood,sex',
    ]);
    const rr = (groupBy: string, group: string) =>
      r.json.returns.find((x: { groupBy: string; group: string }) => x.groupBy === groupBy && x.group === group);
    expect(rr('all', 'all')).toMatchObject({ returns: 1000, mailed: 9920 });
    expect(rr('all', 'all').responseRate).toBeCloseTo(10.080645161290322, 12);
    expect(rr('type', 'rural')).toMatchObject({ returns: 300, mailed: 2480 });
    expect(rr('type', 'rural').responseRate).toBeCloseTo(12.096774193548388, 12);
    expect(rr('type', 'deprived').responseRate).toBeCloseTo(8.6848635235732, 12);
    expect(rr('neighbourhood', 'BL-BRA').responseRate).toBeCloseTo(8.620689655172415, 12);
    expect(rr('sex', 'Male')).toMatchObject({ mailed: null, responseRate: null });
  });

  it("no response rate from the bundled registry's synthetic mailed counts for a user's own file", async () => {
    const r = await runJson(['analyse', fixture('paper-2009.csv'), '--format', 'json']);
    expect(r.json.returns.find((x: { groupBy: string }) => x.groupBy === 'all')).toMatchObject({
      returns: 1000,
      mailed: null,
      responseRate: null,
    });
  });
});
