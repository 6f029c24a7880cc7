import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { optionShape } from '../../src/options/option-schema.js';
import { checkWeightingOptions } from '../../src/options/weighting-options.js';

const schema = z.object(optionShape(['rake', 'margins', 'rakeTolerance', 'rakeMaxIter', 'bounds', 'minEfficiency']));

describe('weighting options', () => {
  it('parses --rake, --bounds and the defaults', () => {
    const o = schema.parse({ rake: 'age_band, sex', margins: 'm.csv', bounds: '0.3,3' });
    expect(o).toEqual({
      rake: ['age_band', 'sex'],
      margins: 'm.csv',
      bounds: [0.3, 3],
      rakeTolerance: 1e-10,
      rakeMaxIter: 100,
    });
  });

  it('rejects malformed bounds, tolerance and efficiency', () => {
    for (const bounds of ['3,0.3', '0.5', '1,2', '0.5,1', 'a,b', '-0.1,2'])
      expect(schema.safeParse({ bounds }).success).toBe(false);
    expect(schema.safeParse({ rakeTolerance: '0' }).success).toBe(false);
    expect(schema.safeParse({ rakeMaxIter: '2.5' }).success).toBe(false);
    expect(schema.safeParse({ minEfficiency: '70' }).success).toBe(false);
    expect(schema.parse({ minEfficiency: '0.7' }).minEfficiency).toBe(0.7);
  });

  it('needs --rake and --margins together, on profile columns', () => {
    const base = { rakeTolerance: 1e-10, rakeMaxIter: 100 };
    expect(checkWeightingOptions({ ...base, rake: ['age_band'] }, ['age_band', 'sex'])).toEqual([
      '--rake needs --margins <file> (variable,category,share[,scope,wave])',
    ]);
    expect(checkWeightingOptions({ ...base, margins: 'm.csv' }, ['age_band', 'sex'])[0]).toMatch(
      /--margins needs --rake/,
    );
    expect(checkWeightingOptions({ ...base, rake: ['tenure'], margins: 'm.csv' }, ['age_band', 'sex'])[0]).toMatch(
      /"tenure" is not a profile column/,
    );
    expect(
      checkWeightingOptions({ ...base, rake: ['sex', 'age_band'], margins: 'm.csv' }, ['age_band', 'sex']),
    ).toEqual([]);
  });
});
