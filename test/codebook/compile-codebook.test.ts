import { describe, expect, it } from 'vitest';
import { cellToCode, normaliseLabel } from '../../src/codebook/compile-codebook.js';
import { classify } from '../helpers/classify.js';
import {
  CODE_ABSENT,
  CODE_BLANK,
  CODE_INVALID,
  CODE_MULTIPLE,
  CODE_NA_TEXT,
  CODE_NOT_STATED,
} from '../../src/types/index.js';
import { bundledCodebook } from '../helpers/codebook.js';

const { compiled } = bundledCodebook();
const item = (id: string) => {
  const ci = compiled.items.find((c) => c.item.id === id);
  if (!ci) throw new Error(id);
  return ci;
};
const code = (id: string, cell: string) => cellToCode(item(id), cell, compiled.missingValues);

describe('cellToCode', () => {
  it('takes codes on the item scale', () => {
    expect(code('belong_neighbourhood', '1')).toBe(1);
    expect(code('belong_neighbourhood', '5')).toBe(5);
    expect(code('backgrounds_get_on', '7')).toBe(7);
    expect(code('trust_general', '4')).toBe(4);
  });

  it('rejects codes off the scale as invalid (7 on a 1–5 scale, 5 on trust_general 1–4, 0, 3 on yes/no)', () => {
    expect(code('belong_neighbourhood', '7')).toBe(CODE_INVALID);
    expect(code('trust_general', '5')).toBe(CODE_INVALID);
    expect(code('belong_neighbourhood', '0')).toBe(CODE_INVALID);
    expect(code('volunteer_formal', '3')).toBe(CODE_INVALID);
    expect(code('belong_neighbourhood', '100')).toBe(CODE_INVALID);
    expect(code('belong_neighbourhood', '1.5')).toBe(CODE_INVALID);
    expect(code('belong_neighbourhood', '7.0')).toBe(CODE_INVALID);
    expect(code('belong_neighbourhood', '-1')).toBe(CODE_INVALID);
    expect(code('belong_neighbourhood', 'banana')).toBe(CODE_INVALID);
  });

  it('reads blank, 98 and 99 as the three missing codes', () => {
    expect(code('belong_neighbourhood', '')).toBe(CODE_BLANK);
    expect(code('belong_neighbourhood', '98')).toBe(CODE_MULTIPLE);
    expect(code('belong_neighbourhood', '99')).toBe(CODE_NOT_STATED);
  });

  it('matches labels case-insensitively, with inner spaces collapsed and curly apostrophes', () => {
    expect(code('belong_neighbourhood', 'Very strongly')).toBe(1);
    expect(code('belong_neighbourhood', 'FAIRLY STRONGLY')).toBe(2);
    expect(code('belong_neighbourhood', 'not  very   strongly')).toBe(3);
    expect(code('belong_neighbourhood', 'Don’t know')).toBe(5);
    expect(code('backgrounds_get_on', 'too few people in local area')).toBe(6);
    expect(code('backgrounds_get_on', 'ALL SAME BACKGROUND')).toBe(7);
    expect(code('volunteer_formal', 'NO')).toBe(2);
    expect(code('trust_general', "can't be too careful")).toBe(2);
  });

  it('a label of another scale is invalid for this item', () => {
    expect(code('belong_neighbourhood', 'Tend to agree')).toBe(CODE_INVALID);
    expect(code('friendly_place', 'Too few people in local area')).toBe(CODE_INVALID);
  });
});

describe('normaliseLabel', () => {
  it('trims, lower-cases, collapses spaces and straightens apostrophes', () => {
    expect(normaliseLabel('  Don’t   Know ')).toBe("don't know");
  });
});

describe('classify', () => {
  it('positive, negative and excluded by the codebook', () => {
    expect(classify(item('belong_neighbourhood'), 1)).toEqual({ cls: 'positive' });
    expect(classify(item('belong_neighbourhood'), 2)).toEqual({ cls: 'positive' });
    expect(classify(item('belong_neighbourhood'), 3)).toEqual({ cls: 'negative' });
    expect(classify(item('belong_neighbourhood'), 4)).toEqual({ cls: 'negative' });
    expect(classify(item('belong_neighbourhood'), 5)).toEqual({ cls: 'excluded', reason: 'excluded:dont-know' });
    expect(classify(item('trust_general'), 1)).toEqual({ cls: 'positive' });
    expect(classify(item('trust_general'), 2)).toEqual({ cls: 'negative' });
    expect(classify(item('trust_general'), 4)).toEqual({ cls: 'excluded', reason: 'excluded:dont-know' });
    expect(classify(item('backgrounds_get_on'), 6)).toEqual({ cls: 'excluded', reason: 'excluded:too-few-people' });
    expect(classify(item('backgrounds_get_on'), 7)).toEqual({
      cls: 'excluded',
      reason: 'excluded:all-same-background',
    });
    expect(classify(item('volunteer_formal'), 2)).toEqual({ cls: 'negative' });
  });

  it('missing codes carry their reason; an absent column is absent', () => {
    expect(classify(item('keep_eye'), CODE_BLANK)).toEqual({ cls: 'missing', reason: 'missing:no-reply' });
    expect(classify(item('keep_eye'), CODE_MULTIPLE)).toEqual({ cls: 'missing', reason: 'missing:multiple-ticks' });
    expect(classify(item('keep_eye'), CODE_NOT_STATED)).toEqual({ cls: 'missing', reason: 'missing:not-stated' });
    expect(classify(item('keep_eye'), CODE_INVALID)).toEqual({ cls: 'missing', reason: 'missing:invalid-code' });
    expect(classify(item('keep_eye'), CODE_ABSENT).cls).toBe('absent');
  });
});

describe('compileCodebook', () => {
  it('maps every id and alias (normalised: lower case, _ and - as spaces) to its item', () => {
    expect(compiled.columns.get('belong neighbourhood')).toBe(0);
    expect(compiled.columns.get('q1')).toBe(0);
    expect(compiled.columns.get('q17')).toBe(16);
    expect(compiled.items).toHaveLength(17);
  });

  it('lists the allowed values for messages', () => {
    expect(item('trust_general').allowed).toBe(
      "1 Most people can be trusted, 2 Can't be too careful, 3 It depends, 4 Don't know; blank, 98 or 99 for missing",
    );
  });
});

describe('cellToCode: integral decimals and "not available" spellings (issue 12 case 7)', () => {
  const read = (id: string, cell: string) => {
    const reading = { decimal: false };
    return { code: cellToCode(item(id), cell, compiled.missingValues, reading), decimal: reading.decimal };
  };

  it('reads 2.0 and 2.00 as the code 2, and says so', () => {
    expect(read('belong_neighbourhood', '2.0')).toEqual({ code: 2, decimal: true });
    expect(read('belong_neighbourhood', '2.00')).toEqual({ code: 2, decimal: true });
    expect(read('backgrounds_get_on', '7.000')).toEqual({ code: 7, decimal: true });
    expect(read('belong_neighbourhood', '99.0')).toEqual({ code: CODE_NOT_STATED, decimal: true });
    expect(read('belong_neighbourhood', '2')).toEqual({ code: 2, decimal: false });
  });

  it('an integral decimal off the scale, or a fraction, is still invalid', () => {
    expect(read('belong_neighbourhood', '6.0')).toEqual({ code: CODE_INVALID, decimal: false });
    expect(read('belong_neighbourhood', '2.5')).toEqual({ code: CODE_INVALID, decimal: false });
    expect(read('belong_neighbourhood', '2.')).toEqual({ code: CODE_INVALID, decimal: false });
  });

  it('reads NA, N/A, #N/A, . and - (any case) as missing: na-text', () => {
    for (const cell of ['NA', 'na', 'N/A', 'n/a', '#N/A', '#n/a', '.', '-'])
      expect(read('keep_eye', cell), cell).toEqual({ code: CODE_NA_TEXT, decimal: false });
    expect(classify(item('keep_eye'), CODE_NA_TEXT)).toEqual({ cls: 'missing', reason: 'missing:na-text' });
    expect(read('keep_eye', 'N.A.').code).toBe(CODE_INVALID);
  });
});
