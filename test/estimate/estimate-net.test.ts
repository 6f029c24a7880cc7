import { describe, expect, it } from 'vitest';
import { estimateNet, NO_NET } from '../../src/estimate/estimate-net.js';
import type { Tally } from '../../src/types/index.js';

// The weighted example of net-score.test.ts (R, survey 4.1.1): Σw 40, Σw² 48.36, Σw·pos 24.4, Σw·neg 9.6
//   → net 37, SE on Kish n_eff = 100*sqrt((pw + nw - (pw - nw)^2)/(40^2/48.36)) = 14.681092432104636
const t: Tally = { n: 37, nPos: 22, sw: 40, sw2: 48.36, swPos: 24.4, sw2Pos: 0, nNeg: 9, swNeg: 9.6, reasons: {} };

describe('estimateNet', () => {
  it('the net score of a tally on Kish n_eff, with its Wald CI', () => {
    const r = estimateNet(t, 'indicative', true, 0.95);
    expect(r.net).toBeCloseTo(37, 12);
    expect(r.netSe).toBeCloseTo(14.681092432104636, 12);
    // 37 ∓ qnorm(0.975) × 14.681092432104636
    expect(r.netCiLow).toBeCloseTo(37 - 1.959963984540054 * 14.681092432104636, 10);
    expect(r.netCiHigh).toBeCloseTo(37 + 1.959963984540054 * 14.681092432104636, 10);
  });
  it('null fields for an item without negative codes, a suppressed or an empty base', () => {
    expect(estimateNet(t, 'ok', false, 0.95)).toEqual(NO_NET);
    expect(estimateNet(t, 'suppressed', true, 0.95)).toEqual(NO_NET);
    expect(estimateNet(t, 'no-data', true, 0.95)).toEqual(NO_NET);
  });
});
