import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLUMN_SYNONYMS,
  matchKnownColumn,
  mergeColumnSynonyms,
  normaliseHeader,
  synonymConflicts,
} from '../../src/codebook/column-synonyms.js';
import { columnSynonymsSchema } from '../../src/codebook/schema.js';

/** The spellings the design lists for each column. */
const LISTED: Record<string, string[]> = {
  respondent_id: ['Respondent ID', 'ID', 'Serial', 'Respondent', 'Resp ID', 'Case ID'],
  wave: ['Wave', 'Year', 'Survey wave'],
  neighbourhood: ['Neighbourhood', 'Neighborhood', 'Area', 'Area name'],
  weight: ['Weight', 'Wt', 'Final weight'],
  age_band: ['Age band', 'Age group', 'Age', 'Ageband'],
  sex: ['Sex', 'Gender'],
};

describe('normaliseHeader', () => {
  it('strips a BOM, trims, lower-cases and reads _ and - as spaces', () => {
    expect(normaliseHeader('\uFEFFRespondent_ID ')).toBe('respondent id');
    expect(normaliseHeader('  AREA-NAME')).toBe('area name');
    expect(normaliseHeader('Survey   wave')).toBe('survey wave');
    expect(normaliseHeader('_wave_')).toBe('wave');
  });

  it('folds nothing else', () => {
    expect(normaliseHeader('Resp. ID')).toBe('resp. id');
    expect(normaliseHeader('AgeBand')).toBe('ageband');
  });
});

describe('matchKnownColumn', () => {
  it('matches every listed spelling, and each canonical name, to its column', () => {
    for (const [column, spellings] of Object.entries(LISTED)) {
      expect(matchKnownColumn(column), column).toBe(column);
      for (const s of spellings) expect(matchKnownColumn(s), s).toBe(column);
    }
  });

  it('matches across case, spaces, _ and - and a BOM', () => {
    expect(matchKnownColumn('resp-id')).toBe('respondent_id');
    expect(matchKnownColumn('\uFEFFCASE_ID')).toBe('respondent_id');
    expect(matchKnownColumn(' final  WEIGHT ')).toBe('weight');
    expect(matchKnownColumn('age-group')).toBe('age_band');
  });

  it('matches nothing else', () => {
    for (const h of ['Ward', 'Q1', '', '   ', 'Weights', 'belong_neighbourhood'])
      expect(matchKnownColumn(h), h).toBeNull();
  });

  it('refuses to choose when a list gives one spelling to two columns', () => {
    const clashing = { neighbourhood: { aliases: ['Area'] }, ward: { aliases: ['area'] } };
    expect(matchKnownColumn('Area', clashing)).toBeNull();
    expect(synonymConflicts(clashing)).toEqual(['"area" is listed under both "neighbourhood" and "ward"']);
  });

  it('the default list has no conflicts', () => {
    expect(synonymConflicts(DEFAULT_COLUMN_SYNONYMS)).toEqual([]);
  });
});

describe('the codebook shape', () => {
  it('accepts the proposed "columns" JSON and the defaults', () => {
    const json = JSON.parse('{ "wave": { "aliases": ["Wave", "Year", "Survey wave"] }, "ward": {} }');
    expect(columnSynonymsSchema.parse(json)).toEqual({
      wave: { aliases: ['Wave', 'Year', 'Survey wave'] },
      ward: { aliases: [] },
    });
    expect(columnSynonymsSchema.safeParse(DEFAULT_COLUMN_SYNONYMS).success).toBe(true);
  });

  it('refuses names that are not lower_snake_case, empty aliases and unknown keys', () => {
    expect(columnSynonymsSchema.safeParse({ Wave: { aliases: [] } }).success).toBe(false);
    expect(columnSynonymsSchema.safeParse({ wave: { aliases: [''] } }).success).toBe(false);
    expect(columnSynonymsSchema.safeParse({ wave: { aliases: [], required: true } }).success).toBe(false);
  });

  it("lets a codebook replace one column's list and keep the other defaults", () => {
    const merged = mergeColumnSynonyms(DEFAULT_COLUMN_SYNONYMS, { age_band: { aliases: ['Age band'] } });
    expect(matchKnownColumn('Age', merged)).toBeNull();
    expect(matchKnownColumn('Age band', merged)).toBe('age_band');
    expect(matchKnownColumn('Gender', merged)).toBe('sex');
    expect(mergeColumnSynonyms(DEFAULT_COLUMN_SYNONYMS, undefined)).toEqual(DEFAULT_COLUMN_SYNONYMS);
  });
});
