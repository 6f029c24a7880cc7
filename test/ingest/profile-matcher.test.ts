import { describe, expect, it } from 'vitest';
import { profileKey, profileMatchers } from '../../src/ingest/profile-matcher.js';
import { bundledCodebook } from '../helpers/codebook.js';

describe('profileMatchers', () => {
  const m = profileMatchers(bundledCodebook().codebook);
  const match = (column: string, cell: string) => m.get(column)?.get(profileKey(cell));

  it('maps labels and aliases, in any case and spacing, to the canonical category', () => {
    expect(match('sex', 'Female')).toBe('Female');
    expect(match('sex', ' f ')).toBe('Female');
    expect(match('sex', 'MAN')).toBe('Male');
    expect(match('age_band', '75 and over')).toBe('75+');
    expect(match('age_band', '75 OR OVER')).toBe('75+');
    expect(match('age_band', '16-24')).toBe('16-24');
  });

  it('treats an en or em dash as a hyphen', () => {
    expect(match('age_band', '16–24')).toBe('16-24');
    expect(match('age_band', '25—34')).toBe('25-34');
  });

  it('knows nothing else', () => {
    expect(match('sex', 'X')).toBeUndefined();
    expect(match('age_band', '15-24')).toBeUndefined();
  });
});
