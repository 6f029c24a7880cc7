import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupTallies } from '../../src/aggregate/group-tallies.js';
import { addRow, createTallyStore, syncTallies } from '../../src/aggregate/tally-store.js';
import { CODE_BLANK } from '../../src/types/index.js';
import type { SurveyRow, Tally } from '../../src/types/index.js';
import { bundledAreas, bundledCodebook } from '../helpers/codebook.js';
import { surveyRow } from '../helpers/survey-row.js';

const { codebook, compiled } = bundledCodebook();
const registry = bundledAreas();
const BELONG = 0;

// BL-BRA deprived/Blaby, BL-WHE average/Blaby, CH-WOL rural/Charnwood
const rows: SurveyRow[] = [
  surveyRow('2009', 'BL-BRA', 2, { [BELONG]: 1 }, { sex: 'Female' }),
  surveyRow('2009', 'BL-BRA', 1, { [BELONG]: 3 }, { sex: 'Male' }),
  surveyRow('2009', 'CH-WOL', 0.5, { [BELONG]: 2 }, { sex: 'Female' }),
  surveyRow('2009', 'CH-WOL', 1.5, { [BELONG]: 5 }, { sex: 'Female' }),
  surveyRow('2009', 'BL-WHE', 3, { [BELONG]: CODE_BLANK }, { sex: undefined }),
  surveyRow('2009', 'BL-WHE', 1, { [BELONG]: 4 }, { sex: 'Male' }),
  surveyRow('2006', 'BL-BRA', 1, { [BELONG]: 1 }, { sex: 'Male' }),
];

function storeOf(list: SurveyRow[], profileKeys: string[] = []) {
  const store = createTallyStore(17, profileKeys);
  for (const r of list) addRow(store, compiled, r);
  syncTallies(store); // addRow accumulates in typed arrays; the Tally objects are brought up to date here
  return store;
}
const pick = (t: Tally) => [t.n, t.nPos, t.sw, t.sw2, t.swPos, t.sw2Pos];

describe('groupTallies (hand-computed)', () => {
  const store = storeOf(rows, ['sex']);

  it('all: one group per wave, the sum of every neighbourhood', () => {
    const g = groupTallies(store, registry, codebook, 'all', ['2006', '2009']);
    expect(g.map((x) => [x.wave, x.group, x.returns])).toEqual([
      ['2006', 'all', 1],
      ['2009', 'all', 6],
    ]);
    // 2009 base: weights 2 (pos), 1, 0.5 (pos), 1 → n 4, nPos 2, Σw 4.5, Σw² 4+1+0.25+1, Σw·pos 2.5, Σw²·pos 4.25
    expect(pick(g[1]!.tallies[BELONG]!)).toEqual([4, 2, 4.5, 6.25, 2.5, 4.25]);
    expect(g[1]!.tallies[BELONG]!.reasons).toEqual({ 'excluded:dont-know': 1, 'missing:no-reply': 1 });
    expect(pick(g[0]!.tallies[BELONG]!)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('type: rural, deprived, average in that order', () => {
    const g = groupTallies(store, registry, codebook, 'type').filter((x) => x.wave === '2009');
    expect(g.map((x) => [x.group, x.returns])).toEqual([
      ['rural', 2],
      ['deprived', 2],
      ['average', 2],
    ]);
    expect(pick(g[0]!.tallies[BELONG]!)).toEqual([1, 1, 0.5, 0.25, 0.5, 0.25]);
    expect(pick(g[1]!.tallies[BELONG]!)).toEqual([2, 1, 3, 5, 2, 4]);
    expect(pick(g[2]!.tallies[BELONG]!)).toEqual([1, 0, 1, 1, 0, 0]);
  });

  it('district: Blaby, Charnwood', () => {
    const g = groupTallies(store, registry, codebook, 'district').filter((x) => x.wave === '2009');
    expect(g.map((x) => [x.group, x.returns])).toEqual([
      ['Blaby', 4],
      ['Charnwood', 2],
    ]);
    expect(pick(g[0]!.tallies[BELONG]!)).toEqual([3, 1, 4, 6, 2, 4]);
  });

  it('neighbourhood: registry codes in registry order', () => {
    const g = groupTallies(store, registry, codebook, 'neighbourhood').filter((x) => x.wave === '2009');
    expect(g.map((x) => x.group)).toEqual(['BL-BRA', 'BL-WHE', 'CH-WOL']);
  });

  it('a profile column: codebook order, unstated as "not stated"', () => {
    const g = groupTallies(store, registry, codebook, 'sex').filter((x) => x.wave === '2009');
    expect(g.map((x) => [x.group, x.returns])).toEqual([
      ['Male', 2],
      ['Female', 3],
      ['not stated', 1],
    ]);
    // Female 2009: weights 2 (pos), 0.5 (pos) in the base, 1.5 excluded
    expect(pick(g[1]!.tallies[BELONG]!)).toEqual([2, 2, 2.5, 4.25, 2.5, 4.25]);
  });
});

describe('groupTallies: a merge equals one tally built from all the rows', () => {
  const areaCodes = registry.areas.map((a) => a.code);
  // weights on a 1/4 grid are exact in binary floating point, so sums do not depend on order
  const rowArb = fc.record({
    wave: fc.constantFrom('2006', '2009'),
    area: fc.constantFrom(...areaCodes),
    weight: fc.integer({ min: 1, max: 16 }).map((q) => q / 4),
    code: fc.constantFrom(1, 2, 3, 4, 5, CODE_BLANK, 0),
    sex: fc.constantFrom('Male', 'Female', undefined),
  });

  it.each(['all', 'type', 'district', 'neighbourhood', 'sex'])('by %s', (groupBy) => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), (specs) => {
        const list = specs.map((s) => surveyRow(s.wave, s.area, s.weight, { [BELONG]: s.code }, { sex: s.sex }));
        const groups = groupTallies(storeOf(list, groupBy === 'sex' ? ['sex'] : []), registry, codebook, groupBy);
        const byArea = new Map(registry.areas.map((a) => [a.code, a]));
        const groupOf = (r: SurveyRow) =>
          groupBy === 'all'
            ? 'all'
            : groupBy === 'type'
              ? byArea.get(r.area)!.type
              : groupBy === 'district'
                ? byArea.get(r.area)!.district
                : groupBy === 'neighbourhood'
                  ? r.area
                  : (r.profile.sex ?? 'not stated');
        let returns = 0;
        for (const g of groups) {
          const members = list.filter((r) => r.wave === g.wave && groupOf(r) === g.group);
          const single = storeOf(members.map((r) => ({ ...r, area: 'BL-BRA', profile: {} })));
          expect(single.cells.size).toBe(1);
          const direct = [...single.cells.values()][0]!;
          expect(g.returns).toBe(members.length);
          expect(g.tallies[BELONG]).toEqual(direct.tallies[BELONG]);
          returns += g.returns;
        }
        expect(returns).toBe(list.length);
      }),
      { numRuns: 50 },
    );
  });
});

describe('groupTallies wave order', () => {
  // the rows' first wave is 2009, then 2006
  const store = storeOf(rows);
  const wavesOf = (order?: string[]) => groupTallies(store, registry, codebook, 'all', order).map((g) => g.wave);

  it('follows the resolved order it is given', () => {
    expect(wavesOf(['2006', '2009'])).toEqual(['2006', '2009']);
    expect(wavesOf(['2009', '2006'])).toEqual(['2009', '2006']);
  });

  it('without an order, keeps the order the waves first appeared in: never alphabetical or numeric', () => {
    expect(wavesOf()).toEqual(['2009', '2006']);
    const text = storeOf([
      surveyRow('Summer 2006', 'BL-BRA', 1, { [BELONG]: 1 }),
      surveyRow('February 2009', 'BL-BRA', 1, { [BELONG]: 1 }),
    ]);
    expect(groupTallies(text, registry, codebook, 'all').map((g) => g.wave)).toEqual(['Summer 2006', 'February 2009']);
  });
});
