import { describe, expect, it } from 'vitest';
import { codebookSchema } from '../../src/codebook/schema.js';
import { codebookJson } from '../helpers/codebook.js';

const issues = (cb: unknown) => {
  const r = codebookSchema.safeParse(cb);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
};
const idx = (cb: any, id: string): number => cb.items.findIndex((i: any) => i.id === id);

describe('codebookSchema', () => {
  it('accepts the bundled codebook', () => {
    expect(issues(codebookJson())).toEqual([]);
  });

  it('a positive code not on the scale is an error at items[i].positive[j]', () => {
    const cb = codebookJson();
    const i = idx(cb, 'trust_general');
    cb.items[i].positive = [1, 9];
    expect(issues(cb)).toEqual([
      { path: ['items', i, 'positive', 1], message: 'positive code 9 is not on scale "trust_gen"' },
    ]);
  });

  it('a code both positive and excluded is an error at the excluded entry', () => {
    const cb = codebookJson();
    const i = idx(cb, 'belong_neighbourhood');
    cb.items[i].positive = [1, 2, 5]; // 5 is also excluded (don't know)
    expect(issues(cb)).toEqual([
      { path: ['items', i, 'excluded', 0, 'code'], message: 'code 5 is both positive and excluded' },
    ]);
  });

  it('negative codes are optional, must be on the scale, and neither positive nor excluded', () => {
    const cb = codebookJson();
    const i = idx(cb, 'belong_neighbourhood');
    delete cb.items[i].negative;
    expect(issues(cb)).toEqual([]);
    cb.items[i].negative = [2, 5, 9];
    expect(issues(cb)).toEqual([
      { path: ['items', i, 'negative', 0], message: 'code 2 is both positive and negative' },
      { path: ['items', i, 'negative', 1], message: 'code 5 is both negative and excluded' },
      { path: ['items', i, 'negative', 2], message: 'negative code 9 is not on scale "belong"' },
    ]);
  });

  it(
    'the bundled codebook: trust_general\'s "It depends" is ' +
      'neither positive nor negative; volunteering has no net',
    () => {
      const cb = codebookJson();
      expect(cb.items[idx(cb, 'trust_general')]).toMatchObject({ positive: [1], negative: [2] });
      expect(cb.items[idx(cb, 'belong_neighbourhood')]).toMatchObject({ positive: [1, 2], negative: [3, 4] });
      expect(cb.items[idx(cb, 'volunteer_formal')].negative).toBeUndefined();
    },
  );

  it('an excluded code not on the scale is an error', () => {
    const cb = codebookJson();
    const i = idx(cb, 'volunteer_formal');
    cb.items[i].excluded = [{ code: 3, reason: 'dont-know' }];
    expect(issues(cb)).toEqual([
      { path: ['items', i, 'excluded', 0, 'code'], message: 'excluded code 3 is not on scale "yesno"' },
    ]);
  });

  it('an undefined scale, an unlisted domain and a duplicate id are errors with their paths', () => {
    const cb = codebookJson();
    cb.items[0].scale = 'nope';
    cb.items[1].domain = 'happiness';
    cb.items[2].id = cb.items[3].id;
    const got = issues(cb);
    expect(got).toContainEqual({ path: ['items', 0, 'scale'], message: 'scale "nope" is not defined in "scales"' });
    expect(got).toContainEqual({
      path: ['items', 1, 'domain'],
      message: 'domain "happiness" is not listed in "domains"',
    });
    expect(got).toContainEqual({ path: ['items', 3, 'id'], message: `duplicate item id "${cb.items[3].id}"` });
  });

  it('rejects unknown keys and non-integer codes', () => {
    const cb = codebookJson();
    cb.items[0].colour = 'red';
    cb.scales.belong[0].code = 1.5;
    const paths = issues(cb).map((i) => i.path.join('.'));
    expect(paths).toContain('items.0');
    expect(paths).toContain('scales.belong.0.code');
  });

  it('a scale code that is also a missing value (98) is an error at the code', () => {
    const cb = codebookJson();
    cb.scales.yesno[0].code = 98;
    cb.items.filter((it: any) => it.scale === 'yesno').forEach((it: any) => (it.positive = [98]));
    expect(issues(cb)).toEqual([
      {
        path: ['scales', 'yesno', 0, 'code'],
        message: 'code 98 is also a missing value; a cell "98" could not be read',
      },
    ]);
  });

  it('fills the default missing values (blank, 98, 99)', () => {
    const cb = codebookJson();
    delete cb.missing;
    const parsed = codebookSchema.parse(cb);
    expect(parsed.missing).toEqual([
      { value: '', reason: 'no-reply' },
      { value: '98', reason: 'multiple-ticks' },
      { value: '99', reason: 'not-stated' },
    ]);
  });
});
