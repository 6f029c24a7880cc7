import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import { baseDefinition } from '../../src/render/base-definition.js';

describe('baseDefinition', () => {
  it('names the Leicestershire codebook’s missing values and excluded answers, NI1’s extras apart', () => {
    // data/codebooks/leicestershire.json: missing "", 98, 99; every item with exclusions excludes 5 "Don't know"
    // (trust_general: 4 "Don't know"); backgrounds_get_on (NI1) also 6 and 7
    const { codebook } = loadCodebook('leicestershire');
    expect(baseDefinition(codebook)).toBe(
      'Percent = weighted positive ÷ weighted base; the base leaves out missing answers (blank, 98, 99) and excluded ' +
        'answers ("Don\'t know"; for NI1 also "Too few people in local area" and "All same background").',
    );
  });

  it('follows another codebook: its own missing values, and no excluded part when nothing is excluded', () => {
    // data/codebooks/wellbeing-example.json: missing "", -9 (refused), -8 (not asked); no item excludes an answer
    const { codebook } = loadCodebook('data/codebooks/wellbeing-example.json');
    expect(baseDefinition(codebook)).toBe(
      'Percent = weighted positive ÷ weighted base; the base leaves out missing answers (blank, -9, -8).',
    );
  });
});
