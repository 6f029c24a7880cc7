import { describe, expect, it } from 'vitest';
import { expectSameAsR, loadExpected, readAll, savFixture } from './sav-helpers.js';

/*
 * wave-2009.sav is data/samples/wave-2009.csv converted by make-fixtures.R (see fixtures/sav/README.md).
 *
 * > d <- read_sav("fixtures/sav/wave-2009.sav", user_na = TRUE)
 * > dim(d)
 * [1] 3162   23
 * > attributes(d$belong_neighbourhood)[c("label","labels","na_values")]
 * $label
 * [1] "How strongly do you feel you belong to your immediate neighbourhood?"
 * $labels
 *       Very strongly     Fairly strongly   Not very strongly Not at all strongly          Don't know
 *                   1                   2                   3                   4                   5
 * $na_values
 * [1] 98 99
 * > table(as.numeric(d$belong_neighbourhood), useNA="always")
 *    1    2    3    4    5   98   99 <NA>
 *  974 1368  410  266   53    9   15   67
 * > as.data.frame(d[c(1,3), 1:8])
 *   respondent_id wave neighbourhood age_band    sex belong_neighbourhood belong_county belong_england
 * 1  09-HABRO-159 2009        HA-BRO    65-74 Female                    2             5              1
 * 2  09-HAFLE-079 2009        HA-FLE    55-64   Male                    2             3              1
 * > sapply(d, function(x) class(x)[1])
 *   respondent_id, neighbourhood, age_band, sex, comments: "character"; wave: "numeric";
 *   the 17 items: "haven_labelled_spss"
 *
 * All cells are compared with wave-2009.expected.json, written by make-fixtures.R from that read_sav() call.
 */
describe('wave-2009.sav (the 2009 sample as an SPSS file)', () => {
  it('reads the dictionary and every case as R does', async () => {
    const { sav, rows } = await readAll(savFixture('wave-2009.sav'), { chunkSize: 1000 });
    expect(sav.compression).toBe('bytecode');
    expect(sav.caseCount).toBe(3162);
    expect(sav.weightVariable).toBeNull();
    expect(sav.variables).toHaveLength(23);
    const strings = sav.variables.filter((v) => v.type === 'string').map((v) => v.name);
    expect(strings).toEqual(['respondent_id', 'neighbourhood', 'age_band', 'sex', 'comments']);
    const belong = sav.variables[5];
    expect(belong?.name).toBe('belong_neighbourhood');
    expect(belong?.label).toBe('How strongly do you feel you belong to your immediate neighbourhood?');
    expect([...(belong?.valueLabels ?? [])]).toEqual([
      [1, 'Very strongly'],
      [2, 'Fairly strongly'],
      [3, 'Not very strongly'],
      [4, 'Not at all strongly'],
      [5, "Don't know"],
    ]);
    expect(belong?.missing).toEqual({ values: [98, 99] });

    expectSameAsR(sav, rows, loadExpected('wave-2009.expected.json'));
    expect(rows[0]?.slice(0, 8)).toEqual(['09-HABRO-159', 2009, 'HA-BRO', '65-74', 'Female', 2, 5, 1]);
    const tally = new Map<number | string | null, number>();
    for (const r of rows) tally.set(r[5] ?? null, (tally.get(r[5] ?? null) ?? 0) + 1);
    expect(Object.fromEntries(tally)).toEqual({ 1: 974, 2: 1368, 3: 410, 4: 266, 5: 53, 98: 9, 99: 15, null: 67 });
  });
});
