import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseTagOptions } from '../../src/options/tag-options.js';

const files = { neighbourhoods: 'n.csv', imd: 'i.csv', ruc: 'r.csv' };

describe('parseTagOptions', () => {
  it('defaults as commander passes them', () => {
    expect(
      parseTagOptions({
        ...files,
        deprivedShare: '0.2',
        imdMethod: 'majority',
        precedence: 'rural,deprived',
        format: 'csv',
        color: true,
      }),
    ).toEqual({
      ...files,
      share: 0.2,
      method: 'majority',
      lsoaCount: undefined,
      precedence: ['rural', 'deprived'],
      format: 'csv',
      output: undefined,
      color: true,
    });
  });

  it('reads --deprived-share, --lsoa-count and the other precedence', () => {
    const o = parseTagOptions({
      ...files,
      deprivedShare: '.15',
      lsoaCount: '32844',
      precedence: ' Deprived , rural',
      imdMethod: 'mean-rank',
      format: 'json',
      output: 'x.json',
    });
    expect(o).toMatchObject({
      share: 0.15,
      lsoaCount: 32844,
      precedence: ['deprived', 'rural'],
      method: 'mean-rank',
      format: 'json',
      output: 'x.json',
    });
  });

  it('bad values are usage errors, all listed', () => {
    expect(() => parseTagOptions({ ...files, deprivedShare: '20%' })).toThrow(UsageError);
    expect(() => parseTagOptions({ ...files, deprivedShare: '0' })).toThrow(
      /--deprived-share must be a number above 0 and at most 1/,
    );
    expect(() => parseTagOptions({ ...files, deprivedShare: '1.5' })).toThrow(/--deprived-share/);
    expect(() => parseTagOptions({ ...files, lsoaCount: '32,844', precedence: 'rural' })).toThrow(
      /--lsoa-count must be a whole number ≥ 1, e\.g\. 32844; --precedence must be rural,deprived or deprived,rural/,
    );
    expect(() => parseTagOptions({ neighbourhoods: 'n.csv', ruc: 'r.csv' })).toThrow(/--imd <file> is required/);
    expect(() => parseTagOptions({ ...files, format: 'html' })).toThrow(/--format must be csv, table, json or md/);
  });
});
