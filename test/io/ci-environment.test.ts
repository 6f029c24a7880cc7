import { describe, expect, it } from 'vitest';
import { isCi } from '../../src/io/ci-environment.js';

describe('isCi', () => {
  it('is true for any value but empty, 0 or false', () => {
    for (const v of ['true', '1', 'yes', 'TRUE', ' true ', 'github']) expect(isCi({ CI: v }), v).toBe(true);
  });

  it('is false when CI is unset, empty, 0 or false (trimmed, any case)', () => {
    expect(isCi({})).toBe(false);
    expect(isCi({ CI: undefined })).toBe(false);
    for (const v of ['', '  ', '0', ' 0 ', 'false', 'FALSE', 'False '])
      expect(isCi({ CI: v }), JSON.stringify(v)).toBe(false);
  });

  it('reads only CI', () => {
    expect(isCi({ GITHUB_ACTIONS: 'true' })).toBe(false);
  });
});
