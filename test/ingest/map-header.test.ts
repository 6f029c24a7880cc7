import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../src/ingest/map-header.js';
import { bundledCodebook } from '../helpers/codebook.js';
import { HEADER, ITEM_IDS } from '../helpers/survey-text.js';

const { compiled } = bundledCodebook();
const defaults = { weightColumn: 'weight', needWave: true, weightRequired: false };

describe('mapHeader', () => {
  it('maps the standard header: required columns, profiles and all 17 items by position', () => {
    const { map, problems } = mapHeader(HEADER, compiled, defaults);
    expect(problems).toEqual([]);
    expect(map.respondentId).toBe(0);
    expect(map.wave).toBe(1);
    expect(map.neighbourhood).toBe(2);
    expect(map.weight).toBe(-1);
    expect([...map.profiles]).toEqual([
      ['age_band', 3],
      ['sex', 4],
    ]);
    expect([...map.items]).toEqual(ITEM_IDS.map((_, k) => 5 + k));
    expect(map.itemsAbsent).toEqual([]);
  });

  it('reads a column headed with the question text as its item (case and spaces aside)', () => {
    const question = compiled.items[0]!.item.question;
    const raw = HEADER.map((h) => (h === 'belong_neighbourhood' ? `  ${question.toUpperCase()} ` : h));
    const { map, problems } = mapHeader(raw, compiled, defaults);
    expect(problems).toEqual([]);
    expect(map.items[0]).toBe(HEADER.indexOf('belong_neighbourhood'));
  });

  it('makes a file with none of the items a data problem, naming its headers and --columns', () => {
    const raw = [...HEADER.slice(0, 5), ...ITEM_IDS.map((_, k) => `Question ${k}`)];
    const { problems } = mapHeader(raw, compiled, defaults);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      'none of the codebook\'s 17 questions is a column of this file (its headers: "respondent_id", "wave", ' +
        '"neighbourhood", "age_band", "sex", "Question 0", …); name them with --columns "<header>=<item id>" ' +
        '(sc-survey indicators lists the ids), or use a codebook whose item ids or aliases are these headers',
    );
  });

  it('refuses a header that says weight but is no name of the weight column, rather than weighting by 1', () => {
    for (const name of ['Weight (final)', 'final_wt', 'WGT 2009', 'weighting factor']) {
      const { map, usageProblems } = mapHeader([...HEADER, name], compiled, defaults);
      expect(map.weight).toBe(-1);
      expect(usageProblems).toEqual([
        {
          column: HEADER.length + 1,
          columnName: name,
          message:
            `column "${name}" looks like a weight, but it is not one of the weight column's names, so every ` +
            `weight would be 1: give --weight "${name}" to weight by it, or --no-weights to analyse unweighted`,
        },
      ]);
    }
    // its own names are read as the weight; words that merely contain the letters are not weights
    expect(mapHeader([...HEADER, 'Final weight'], compiled, defaults).map.weight).toBe(HEADER.length);
    for (const name of ['Weighbridge', 'newton', 'Twt'])
      expect(mapHeader([...HEADER, name], compiled, defaults).usageProblems).toEqual([]);
    // --no-weights (no weight column sought) asks for nothing
    expect(
      mapHeader([...HEADER, 'Weight (final)'], compiled, { ...defaults, weightColumn: null }).usageProblems,
    ).toEqual([]);
  });

  it('matches names case-insensitively and trimmed, and items through their aliases (Q1…Q17)', () => {
    const raw = [
      ' Respondent_ID ',
      'WAVE',
      'Neighbourhood',
      'Age_Band',
      'SEX',
      ...ITEM_IDS.map((_, k) => `q${k + 1}`),
      'interviewer',
    ];
    const { map, problems } = mapHeader(raw, compiled, defaults);
    expect(problems).toEqual([]);
    expect(map.respondentId).toBe(0);
    expect(map.wave).toBe(1);
    expect(map.profiles.get('sex')).toBe(4);
    expect(map.items[0]).toBe(5); // Q1 = belong_neighbourhood
    expect(map.items[16]).toBe(21); // Q17 = volunteer_informal
    expect(map.names[0]).toBe('Respondent_ID');
  });

  it('finds the weight column, and a renamed one', () => {
    expect(mapHeader(['neighbourhood', 'wave', 'Weight'], compiled, defaults).map.weight).toBe(2);
    expect(
      mapHeader(['neighbourhood', 'wave', 'w_final'], compiled, {
        ...defaults,
        weightColumn: 'w_final',
        weightRequired: true,
      }).map.weight,
    ).toBe(2);
  });

  it('a named weight column that is missing is a problem; the default one is optional', () => {
    const { problems } = mapHeader(['neighbourhood', 'wave', ...ITEM_IDS], compiled, {
      ...defaults,
      weightColumn: 'w_final',
      weightRequired: true,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('w_final');
    expect(mapHeader(['neighbourhood', 'wave', ...ITEM_IDS], compiled, defaults).problems).toEqual([]);
  });

  it('a missing required column names it and the closest header present', () => {
    const raw = HEADER.map((h) => (h === 'neighbourhood' ? 'neighbourhod' : h));
    const { problems } = mapHeader(raw, compiled, defaults);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.columnName).toBe('neighbourhood');
    expect(problems[0]!.message).toMatch(/required column "neighbourhood" is missing/);
    expect(problems[0]!.message).toContain('"neighbourhod"');
  });

  it('wave is required unless a wave is assigned', () => {
    const raw = HEADER.filter((h) => h !== 'wave');
    expect(mapHeader(raw, compiled, defaults).problems.map((p) => p.columnName)).toEqual(['wave']);
    const assigned = mapHeader(raw, compiled, { ...defaults, needWave: false });
    expect(assigned.problems).toEqual([]);
    expect(assigned.map.wave).toBe(-1);
  });

  it('a duplicate header name is a problem at the second column', () => {
    const raw = HEADER.map((h) => (h === 'call_police' ? 'keep_eye' : h));
    const { problems } = mapHeader(raw, compiled, defaults);
    const dup = problems.find((p) => p.message.includes('duplicate'));
    expect(dup).toBeDefined();
    expect(dup!.column).toBe(HEADER.indexOf('call_police') + 1);
    expect(dup!.message).toContain('keep_eye');
  });

  it('an item named twice, once by id and once by alias, is a duplicate too', () => {
    const { problems } = mapHeader([...HEADER, 'Q1'], compiled, defaults);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.column).toBe(HEADER.length + 1);
  });

  it('absent items are listed, not a problem; unknown columns are carried', () => {
    const raw = ['neighbourhood', 'wave', 'belong_neighbourhood', 'interviewer', 'influence_decisions'];
    const { map, problems } = mapHeader(raw, compiled, defaults);
    expect(problems).toEqual([]);
    expect(map.itemsAbsent).toHaveLength(15);
    expect(map.itemsAbsent).not.toContain('belong_neighbourhood');
    expect(map.items[0]).toBe(2);
    expect(map.items[12]).toBe(4); // influence_decisions
    expect(map.names).toContain('interviewer');
  });
});
