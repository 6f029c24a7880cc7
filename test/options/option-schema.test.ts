import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { z } from 'zod';
import { ESTIMATE_OPTIONS } from '../../src/options/command-options.js';
import { optionShape, parseOptions } from '../../src/options/option-schema.js';
import { inputRequestSchema as inputOptionsSchema } from '../../src/options/request.js';

const estimateOptionsSchema = z.object({ files: z.array(z.string()).default([]), ...optionShape(ESTIMATE_OPTIONS) });

describe('parseOptions', () => {
  it('fills the documented defaults', () => {
    const o = parseOptions(estimateOptionsSchema, {});
    expect(o).toMatchObject({
      files: [],
      codebook: 'leicestershire',
      maxSetAside: 0.05,
      strict: false,
      weight: 'weight',
      weights: true,
      by: ['all', 'type'],
      ci: 'wilson',
      level: 0.95,
      minBase: 30,
      indicativeBase: 100,
    });
    expect(o.indicators).toBeUndefined();
  });

  it('coerces the strings commander hands over, and splits lists', () => {
    const o = parseOptions(estimateOptionsSchema, {
      level: '0.9',
      minBase: '50',
      maxSetAside: '0.1',
      by: 'type, district,',
      indicators: 'NI1,NI2',
      wave: '2009',
    });
    expect(o).toMatchObject({
      level: 0.9,
      minBase: 50,
      maxSetAside: 0.1,
      by: ['type', 'district'],
      indicators: ['NI1', 'NI2'],
      wave: ['2009'],
    });
  });

  it.each([
    [{ level: '1.5' }, '--level'],
    [{ level: '0' }, '--level'],
    [{ level: 'x' }, '--level'],
    [{ minBase: '-1' }, '--min-base'],
    [{ minBase: '2.5' }, '--min-base'],
    [{ maxSetAside: '2' }, '--max-set-aside'],
    [{ ci: 'bootstrap' }, ''],
  ])('%o is a usage error naming the option', (raw, name) => {
    expect(() => parseOptions(estimateOptionsSchema, raw)).toThrow(UsageError);
    if (name) expect(() => parseOptions(estimateOptionsSchema, raw)).toThrow(name);
  });

  it('a blank --assign-wave is a usage error', () => {
    expect(() => parseOptions(inputOptionsSchema, { assignWave: ['  '] })).toThrow('--assign-wave');
  });
});
