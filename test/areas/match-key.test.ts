import { describe, expect, it } from 'vitest';
import { matchKey } from '../../src/areas/match-key.js';

describe('matchKey', () => {
  it('folds case and drops spaces, hyphens and punctuation', () => {
    expect(matchKey('Walton on the Wolds')).toBe('waltononthewolds');
    expect(matchKey('walton-on-the-wolds')).toBe('waltononthewolds');
    expect(matchKey(' Braunstone Town ')).toBe('braunstonetown');
    expect(matchKey('Earl Shilton.')).toBe('earlshilton');
    expect(matchKey('BL-BRA')).toBe('blbra');
    expect(matchKey("St. Mary's")).toBe('stmarys');
  });

  it('drops accents, so Café = cafe', () => {
    expect(matchKey('Café')).toBe('cafe');
  });
});
