import { zForLevel } from './z-for-level.js';

export interface NetScore {
  /** p₊ − p₋, in points (−100 to 100) */
  net: number;
  /** standard error of the net score, in points */
  se: number;
  /** Wald interval net ∓ z·se, clipped to [−100, 100] */
  ciLow: number;
  ciHigh: number;
}

/**
 * Net score of an item: the positive share minus the negative share of the item's base (positive, negative and
 * neutral answers; excluded and missing answers out), in points, with a Wald interval on an effective n:
 *   p₊ = Σw·pos/Σw,  p₋ = Σw·neg/Σw,  net = p₊ − p₋,
 *   var(net) = (p₊ + p₋ − (p₊ − p₋)²)/n_eff   (the variance of a +1/0/−1 score),
 *   CI = net ± z·√var, clipped to [−100, 100] points.
 * Pass n_eff = Kish's effective n (or the unweighted base when unweighted). Returns null with no base.
 * Source: the multinomial variance of a difference of two cell shares, var(p₊) + var(p₋) − 2cov(p₊, p₋), e.g.
 * Agresti (2013) §1.2; Kish (1965) §11.7 for n_eff. R (unweighted, exact up to R's n/(n − 1)):
 *   b <- d[d$y %in% c(pos, neg, other), ]; des <- svydesign(ids = ~1, weights = ~w, data = b)
 *   ct <- svycontrast(svymean(~I(as.numeric(y %in% pos)) + I(as.numeric(y %in% neg)), des), c(1, -1))
 *   coef(ct) = net; SE(ct) = the formula's SE × √(n/(n − 1)).
 * Example: 22 positive, 9 negative, 6 neutral (n = 37) → net = +35.1 points, SE 13.90, 95% CI +7.9 to +62.4.
 */
export function netScore(swPos: number, swNeg: number, sw: number, nEff: number, level = 0.95): NetScore | null {
  if (!(sw > 0 && nEff > 0)) return null;
  const pPos = swPos / sw;
  const pNeg = swNeg / sw;
  const diff = pPos - pNeg;
  const net = 100 * diff;
  const se = 100 * Math.sqrt(Math.max(0, pPos + pNeg - diff * diff) / nEff);
  const z = zForLevel(level);
  return { net, se, ciLow: Math.max(-100, net - z * se), ciHigh: Math.min(100, net + z * se) };
}
