import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { fixture } from '../helpers/fixtures.js';
import { ingest } from '../helpers/ingest.js';
import { CODE_NOT_STATED } from '../../src/types/index.js';

// fixtures/sav/labelled-survey.sav is made by fixtures/sav/make-ingest-fixtures.R; its 12 cases, as R's
// haven::read_sav(path, user_na = TRUE) prints them (wave 1 = "2006", 2 = "2009"; neighbourhood 1 = "Broughton
// Astley", 2 = "Whetstone", 3 = "Sharnford"; belong_neighbourhood user-missing 97, 98, 99; help_neighbour user-missing
// range 90–99; age_band 1 = "16-24" … 7 = "75+"; WEIGHT BY wt):
//   case id  wave nbhd belong trust help age wt
//    1   A01  2    3    1      1     1    1   1.5
//    2   A02  2    3    2      2     2    2   0.5
//    3   A03  2    1    NA     3     3    3   1
//    4   A04  2    1    98     4     95   4   1
//    5   A05  2    2    99     1     1    5   2
//    6   A06  2    2    97     2     NA   6   1
//    7   A07  1    3    3      1     4    7   1
//    8   A08  1    9    1      1     1    1   1      area 9 has no label and is no area: unknown-area
//    9   A09  2    3    4      1     1    NA  1
//   10   A10  2    3    5      5     1    1   1      trust 5: not on the codebook's 1–4 scale
//   11   A11  2    1    1      1     1    1   0      weight 0: bad-weight
//   12   A12  2    3    2      1     1    2   1
const LABELLED = fixture('sav/labelled-survey.sav');

describe('a .sav file as a survey file', () => {
  it('reads the id, wave, area and profile columns by their value labels, and the weight from WEIGHT BY', async () => {
    const { rows, log, summaries } = await ingest([LABELLED]);
    expect(log.accounting.read).toBe(12);
    expect(log.accounting.analysed).toBe(10);
    expect(log.accounting.setAside).toEqual({ 'unknown-area': 1, 'bad-weight': 1 });
    expect(rows.map((r) => r.respondentId)).toEqual([
      'A01',
      'A02',
      'A03',
      'A04',
      'A05',
      'A06',
      'A07',
      'A09',
      'A10',
      'A12',
    ]);
    expect(rows.map((r) => r.wave)).toEqual([
      '2009',
      '2009',
      '2009',
      '2009',
      '2009',
      '2009',
      '2006',
      '2009',
      '2009',
      '2009',
    ]);
    expect(rows.map((r) => r.area)).toEqual([
      'BL-SHA',
      'BL-SHA',
      'HA-BRO',
      'HA-BRO',
      'BL-WHE',
      'BL-WHE',
      'BL-SHA',
      'BL-SHA',
      'BL-SHA',
      'BL-SHA',
    ]);
    expect(rows.map((r) => r.weight)).toEqual([1.5, 0.5, 1, 1, 2, 1, 1, 1, 1, 1]);
    expect(rows.map((r) => r.profile.age_band)).toEqual([
      '16-24',
      '25-34',
      '35-44',
      '45-54',
      '55-64',
      '65-74',
      '75+',
      undefined,
      '16-24',
      '25-34',
    ]);
    expect(summaries[0]).toMatchObject({
      format: 'sav',
      encoding: 'UTF-8',
      separator: null,
      weightColumn: 'wt',
      read: 12,
    });
    const note = log.issues.find((i) => i.reason === 'sav-weight');
    expect(note?.message).toContain('"wt", the file\'s WEIGHT BY variable');
  });

  it("counts system-missing as no reply and user-missing by the codebook's reason, else not-stated", async () => {
    const { log, rows } = await ingest([LABELLED]);
    // belong among the 10 analysed: NA (case 3) no-reply; 98 (4) multiple-ticks; 99 (5) and 97 (6) not-stated;
    // 5 (10) don't know
    expect(log.accounting.read).toBe(12);
    const belong = rows.map((r) => r.codes[0]);
    expect(belong).toEqual([1, 2, -1, -98, -99, -99, 3, 4, 5, 2]);
    // help_neighbour (item 11): 95 in the user-missing range 90–99 (case 4) is not-stated; NA (case 6) no reply
    expect(rows.map((r) => r.codes[10])).toEqual([1, 2, 3, CODE_NOT_STATED, 1, -1, 4, 1, 1, 1]);
  });

  it('says "case" for locations and warns when an item\'s value labels differ from the codebook scale', async () => {
    const { log } = await ingest([LABELLED]);
    const area = log.issues.find((i) => i.reason === 'unknown-area');
    expect(area).toMatchObject({ line: 8, unit: 'case', columnName: 'neighbourhood', value: '9' });
    expect(log.issues.find((i) => i.reason === 'bad-weight')).toMatchObject({
      line: 11,
      unit: 'case',
      columnName: 'wt',
    });
    expect(log.issues.find((i) => i.reason === 'invalid-code')).toMatchObject({
      line: 10,
      unit: 'case',
      columnName: 'trust_general',
      value: '5',
    });
    const labels = log.issues.filter((i) => i.reason === 'value-labels');
    expect(labels.map((i) => i.columnName)).toEqual(['trust_general']); // belong and help agree with their scales
    expect(labels[0]!.message).toContain('4 "Never", 5 "Don\'t know"');
    expect(labels[0]!.message).toContain(
      'scale "trust_gen" (1 "Most people can be trusted", 2 "Can\'t be too careful", 3 "It depends", 4 "Don\'t know")',
    );
  });

  it("refuses an item whose value labels put the codebook's answers on other codes (a reversed scale)", async () => {
    // fixtures/sav/make-ingest-fixtures.R: belong_neighbourhood labelled 1 "Not at all strongly" … 4 "Very strongly";
    // the codebook's scale is 1 "Very strongly" … 4 "Not at all strongly", so code 1 would read as belonging
    const err = await ingest([fixture('sav/reversed-scale.sav')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toContain(
      'the value labels of belong_neighbourhood put the codebook\'s answers on other codes (code 1 is "Not at all ' +
        'strongly", the codebook\'s code 4; code 2 is "Not very strongly", the codebook\'s code 3;',
    );
    expect((err as Error).message).toContain('recode belong_neighbourhood to the codebook\'s scale "belong"');
  });

  it('--no-weights turns the WEIGHT BY variable off; --weight names another column', async () => {
    const off = await ingest([LABELLED], { weightColumn: null });
    expect(off.rows.map((r) => r.weight)).toEqual(Array(11).fill(1)); // case 11 (weight 0) is kept: weights are off
    expect(off.log.issues.some((i) => i.reason === 'sav-weight')).toBe(false);
    await expect(ingest([LABELLED], { weightColumn: 'final_wt', weightRequired: true })).rejects.toThrow(
      /weight column "final_wt" is missing/,
    );
  });

  it('a case count that disagrees with the header is a data error naming both counts', async () => {
    const err = await ingest([fixture('sav/case-count-mismatch.sav')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toBe(
      `${fixture('sav/case-count-mismatch.sav')}: the header declares 13 cases but the data hold 12`,
    );
  });
});
