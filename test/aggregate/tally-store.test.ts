import { describe, expect, it } from 'vitest';
import { addRow, answerReasons, CODES, createTallyStore, syncTallies } from '../../src/aggregate/tally-store.js';
import { CODE_OFFSET } from '../../src/codebook/compile-codebook.js';
import { CODE_BLANK, CODE_INVALID, CODE_MULTIPLE, CODE_NOT_STATED } from '../../src/types/index.js';
import { bundledCodebook } from '../helpers/codebook.js';
import { surveyRow } from '../helpers/survey-row.js';

const { compiled } = bundledCodebook();
const BELONG = 0; // belong_neighbourhood: positive 1, 2; negative 3, 4; excluded 5 (don't know)
const TRUST = 8; // trust_general: positive 1; negative (for net scores) 2; 3 (it depends) neither; excluded 4

describe('addRow', () => {
  it('adds weighted and unweighted sums over the base; missing and excluded answers only by reason', () => {
    const store = createTallyStore(17);
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 2, { [BELONG]: 1, [TRUST]: 2 }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 3, [TRUST]: 1 }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 0.5, { [BELONG]: 2, [TRUST]: 4 }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 3, { [BELONG]: 5, [TRUST]: CODE_BLANK }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: CODE_MULTIPLE, [TRUST]: CODE_NOT_STATED }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: CODE_INVALID }));
    expect(store.cells.size).toBe(1);
    syncTallies(store);
    const cell = [...store.cells.values()][0]!;
    expect(cell.returns).toBe(6);
    // belong: base = rows 1-3 (codes 1, 3, 2), weights 2, 1, 0.5; positive = rows 1 and 3; negative = row 2 (code 3)
    expect(cell.tallies[BELONG]).toEqual({
      n: 3,
      nPos: 2,
      sw: 3.5,
      sw2: 4 + 1 + 0.25,
      swPos: 2.5,
      sw2Pos: 4 + 0.25,
      nNeg: 1,
      swNeg: 1,
      reasons: { 'excluded:dont-know': 1, 'missing:multiple-ticks': 1, 'missing:invalid-code': 1 },
    });
    // trust: base = rows 1-2 (codes 2, 1), weights 2, 1; positive = row 2; negative = row 1 (code 2, weight 2);
    // row 6 has the item absent
    expect(cell.tallies[TRUST]).toEqual({
      n: 2,
      nPos: 1,
      sw: 3,
      sw2: 5,
      swPos: 1,
      sw2Pos: 1,
      nNeg: 1,
      swNeg: 2,
      reasons: { 'excluded:dont-know': 1, 'missing:no-reply': 1, 'missing:not-stated': 1 },
    });
    // an absent item (code 0) leaves its tally empty
    expect(cell.tallies[1]).toEqual({
      n: 0,
      nPos: 0,
      sw: 0,
      sw2: 0,
      swPos: 0,
      sw2Pos: 0,
      nNeg: 0,
      swNeg: 0,
      reasons: {},
    });
  });

  it('counts "It depends" (trust_general code 3) as neither positive nor negative: in the base, out of Σw·neg', () => {
    const store = createTallyStore(17);
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1.5, { [TRUST]: 3 }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 2, { [TRUST]: 2 }));
    syncTallies(store);
    const t = [...store.cells.values()][0]!.tallies[TRUST]!;
    expect(t).toMatchObject({ n: 2, nPos: 0, sw: 3.5, nNeg: 1, swNeg: 2 });
  });

  it('keys cells by wave, area and the profile key columns; an unstated profile is ""', () => {
    const store = createTallyStore(17, ['sex']);
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 1 }, { sex: 'Female' }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 1 }, { sex: 'Male' }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 1 }, { sex: undefined }));
    addRow(store, compiled, surveyRow('2006', 'BL-BRA', 1, { [BELONG]: 1 }, { sex: 'Male' }));
    addRow(store, compiled, surveyRow('2009', 'CH-WOL', 1, { [BELONG]: 1 }, { sex: 'Male' }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 3 }, { sex: 'Male' }));
    expect(store.cells.size).toBe(5);
    syncTallies(store);
    const male = [...store.cells.values()].find(
      (c) => c.wave === '2009' && c.area === 'BL-BRA' && c.profile[0] === 'Male',
    )!;
    expect(male.returns).toBe(2);
    expect(male.tallies[BELONG]!.n).toBe(2);
    expect(male.tallies[BELONG]!.nPos).toBe(1);
    expect([...store.cells.values()].some((c) => c.profile[0] === '')).toBe(true);
  });
});

describe('answerReasons', () => {
  it('sums the reasons of every cell by item id', () => {
    const store = createTallyStore(17);
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 5 }));
    addRow(store, compiled, surveyRow('2006', 'CH-WOL', 1, { [BELONG]: 5, [TRUST]: CODE_BLANK }));
    const ids = compiled.items.map((c) => c.item.id);
    const out = answerReasons(store, ids);
    expect(out.belong_neighbourhood).toEqual({ 'excluded:dont-know': 2 });
    expect(out.trust_general).toEqual({ 'missing:no-reply': 1 });
    expect(out.keep_eye).toEqual({});
  });
});

describe('per-code counts (freq)', () => {
  it('a store made with perCode keeps every answer by code, in base or not: (count, Σw)', () => {
    const store = createTallyStore(17, [], { perCode: true });
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 2, { [BELONG]: 1 }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 0.5, { [BELONG]: 1 }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 3, { [BELONG]: 5 }));
    addRow(store, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: CODE_BLANK }));
    const cell = [...store.cells.values()][0]!;
    const at = (code: number) => {
      const j = (BELONG * CODES + code + CODE_OFFSET) * 2;
      return [cell.perCode![j], cell.perCode![j + 1]];
    };
    expect(at(1)).toEqual([2, 2.5]);
    expect(at(5)).toEqual([1, 3]);
    expect(at(CODE_BLANK)).toEqual([1, 1]);
    expect(at(2)).toEqual([0, 0]);
    // the ordinary store keeps no per-code array
    const plain = createTallyStore(17);
    addRow(plain, compiled, surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 1 }));
    expect([...plain.cells.values()][0]!.perCode).toBeUndefined();
  });
});
