import { describe, expect, it } from 'vitest';
import { isLsoaCode, lsoaCodeProblem } from '../../src/tag/lsoa-code.js';

describe('lsoaCodeProblem', () => {
  it('an English or Welsh LSOA code (E01 or W01 and six digits) has no problem', () => {
    expect(lsoaCodeProblem('E01000001')).toBeUndefined();
    expect(lsoaCodeProblem('W01990001')).toBeUndefined();
    expect(isLsoaCode('W01990001')).toBe(true);
  });

  it('a blank cell and a code of the wrong form are told apart', () => {
    expect(lsoaCodeProblem('')).toBe('LSOA code is blank');
    expect(lsoaCodeProblem('E0100001')).toBe('"E0100001" is not an LSOA code (E01 or W01 and six digits)');
    expect(lsoaCodeProblem('e01000001')).toBe('"e01000001" is not an LSOA code (E01 or W01 and six digits)');
    expect(lsoaCodeProblem('E02000001')).toBe('"E02000001" is not an LSOA code (E01 or W01 and six digits)');
  });
});
