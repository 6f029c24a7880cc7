import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/areas/edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions (hand-checked)', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(editDistance('flaw', 'lawn')).toBe(2); // −f, +n
    expect(editDistance('waltononthewold', 'waltononthewolds')).toBe(1);
  });

  it('is symmetric', () => {
    expect(editDistance('sunday', 'saturday')).toBe(3);
    expect(editDistance('saturday', 'sunday')).toBe(3);
  });
});

describe('closest', () => {
  it('suggests within a quarter of the length, at least 1', () => {
    expect(closest('neighborhood', ['respondent_id', 'wave', 'neighbourhood'])).toBe('neighbourhood');
    expect(closest('wav', ['wave', 'neighbourhood'])).toBe('wave');
    expect(closest('atlantis', ['wave', 'neighbourhood'])).toBeUndefined();
  });

  it('uses the given key and returns the candidate as written', () => {
    const key = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
    expect(closest('walton on the wold', ['Walton on the Wolds', 'Syston'], key)).toBe('Walton on the Wolds');
  });

  it('no suggestion for an empty value', () => {
    expect(closest('', ['a'])).toBeUndefined();
  });
});
