import { describe, expect, it } from 'vitest';
import { formatProblem, unrecognisedHeader } from '../../src/tag/problem.js';

describe('unrecognisedHeader', () => {
  it('is a problem on line 1 naming the file, what was expected and what was found', () => {
    expect(unrecognisedHeader('imd.csv', 'IMD file', 'a rank column', ['lsoa', 'rank'])).toEqual({
      file: 'imd.csv',
      line: 1,
      message: "the IMD file's header is not recognised. Expected a rank column. Found: lsoa, rank",
    });
  });

  it('an empty header is found as "(nothing)"', () => {
    expect(unrecognisedHeader('ruc.csv', 'rural-urban file', 'X', []).message).toBe(
      "the rural-urban file's header is not recognised. Expected X. Found: (nothing)",
    );
  });
});

describe('formatProblem', () => {
  it('file:line: message, or file: message for the whole file (line 0)', () => {
    expect(formatProblem({ file: 'a.csv', line: 3, message: 'bad' })).toBe('a.csv:3: bad');
    expect(formatProblem({ file: 'a.csv', line: 0, message: 'bad' })).toBe('a.csv: bad');
  });
});
