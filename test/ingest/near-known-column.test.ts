import { describe, expect, it } from 'vitest';
import { nearKnownColumn } from '../../src/ingest/near-known-column.js';

describe('nearKnownColumn', () => {
  it('suggests the column within edit distance 2 of a spelling', () => {
    expect(nearKnownColumn('Neighbourhod')).toBe('neighbourhood'); // one deletion
    expect(nearKnownColumn('Respondant ID')).toBe('respondent_id'); // one substitution
    expect(nearKnownColumn('Gendre')).toBe('sex'); // two substitutions from "gender"
    expect(nearKnownColumn('Weigth')).toBe('weight');
    expect(nearKnownColumn('Ages')).toBe('age_band'); // one insertion into "age"
  });

  it('is null for an exact match', () => {
    expect(nearKnownColumn('Wave')).toBeNull();
    expect(nearKnownColumn('area_name')).toBeNull();
  });

  it('is null beyond distance 2, or beyond a third of a short spelling', () => {
    expect(nearKnownColumn('Neighbrhd')).toBeNull(); // four deletions
    expect(nearKnownColumn('Q1')).toBeNull(); // two from "id", but "id" has room for none
    expect(nearKnownColumn('Wt.')).toBeNull(); // one from "wt", which has room for none
    expect(nearKnownColumn('Wav')).toBe('wave'); // one from "wave" (4 letters: room for one)
    expect(nearKnownColumn('Wa')).toBeNull(); // two from "wave"
  });

  it('is null when the nearest spellings belong to different columns', () => {
    const twoWards = { ward_a: { aliases: ['Ward name'] }, ward_b: { aliases: ['Ward game'] } };
    expect(nearKnownColumn('Ward fame', twoWards)).toBeNull();
    expect(nearKnownColumn('Ward namx', twoWards)).toBe('ward_a');
  });
});
