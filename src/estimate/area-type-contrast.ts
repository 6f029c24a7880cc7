import tCdf from '@stdlib/stats-base-dists-t-cdf';
import type { AreaTally, AreaTestUnavailable } from './area-type-f-test.js';

export interface AreaTypeContrast {
  typeA: string;
  typeB: string;
  /** weighted percentages of the two types */
  percentA: number;
  percentB: number;
  /** percentA − percentB, in points */
  diff: number;
  /** standard error of diff, in points */
  se: number;
  t: number;
  /** the design's degrees of freedom: areas with data − types with data */
  df: number;
  /** two-sided, 2·P(t_df < −|t|) */
  p: number;
}

/**
 * Design-based t contrast of two area types' percentages, with areas as clusters (PSUs) within area-type strata
 * (the design of areaTypeFTest). For type g with areas a (n_g of them) and W_g = Σ_{a∈g} Σw_a:
 *   m_g = Σ_{a∈g} Σw·pos_a / W_g,   z_a = (Σw·pos_a − Σw_a·m_g)/W_g,
 *   var(m_g) = n_g/(n_g − 1) Σ_{a∈g} (z_a − z̄_g)²,
 * the types are separate strata, so var(m_A − m_B) = var(m_A) + var(m_B); t = (m_A − m_B)/SE,
 * df = degf(design) = areas − types, p = 2·pt(−|t|, df). Only areas with data (n > 0) enter the design; not run
 * when fewer than two types have data, when any type has a single area (R stops on a lonely PSU), or when
 * the standard error is 0.
 * Source: Woodruff (1971) JASA 66:411–414 linearisation; Wolter (2007) §2.4. R survey 4.1:
 *   des <- svydesign(ids = ~area, strata = ~type, weights = ~w, data = d)
 *   ct <- svycontrast(svyby(~y, ~type, des, svymean, covmat = TRUE), c(A = 1, B = -1))
 *   t <- coef(ct)/SE(ct); 2 * pt(-abs(t), degf(des))
 * Example: the bundled 2009 sample, unweighted, NI2 rural − average = +10.283 points, SE 2.083, t = 4.937,
 * p = 1.250e-4 on 17 df.
 */
export function areaTypeContrast(
  areas: readonly AreaTally[],
  typeA: string,
  typeB: string,
): AreaTypeContrast | AreaTestUnavailable {
  const used = areas.filter((a) => a.tally.n > 0);
  const byType = new Map<string, Map<string, { sw: number; swPos: number }>>();
  for (const a of used) {
    let psus = byType.get(a.type);
    if (!psus) byType.set(a.type, (psus = new Map()));
    const psu = psus.get(a.area) ?? { sw: 0, swPos: 0 };
    psu.sw += a.tally.sw;
    psu.swPos += a.tally.swPos;
    psus.set(a.area, psu);
  }
  const missing = [typeA, typeB].filter((t) => !byType.has(t));
  if (missing.length > 0 || typeA === typeB)
    return { reason: 'fewer-than-two-types', detail: `no data in: ${missing.join(', ') || typeA}` };
  const lonely = [...byType].filter(([, psus]) => psus.size < 2).map(([t]) => t);
  if (lonely.length > 0)
    return { reason: 'type-with-one-area', detail: `fewer than two areas with data in: ${lonely.join(', ')}` };

  const meanAndVar = (type: string): [number, number] => {
    const psus = [...byType.get(type)!.values()];
    const W = psus.reduce((s, a) => s + a.sw, 0);
    const m = psus.reduce((s, a) => s + a.swPos, 0) / W;
    const z = psus.map((a) => (a.swPos - a.sw * m) / W);
    const zBar = z.reduce((s, v) => s + v, 0) / z.length;
    const ss = z.reduce((s, v) => s + (v - zBar) * (v - zBar), 0);
    return [m, (z.length / (z.length - 1)) * ss];
  };
  const [mA, vA] = meanAndVar(typeA);
  const [mB, vB] = meanAndVar(typeB);
  const diff = 100 * (mA - mB);
  const se = 100 * Math.sqrt(vA + vB);
  if (!(se > 0)) return { reason: 'outcome-constant', detail: `no variation between areas in ${typeA} or ${typeB}` };
  const df = [...byType.values()].reduce((s, psus) => s + psus.size, 0) - byType.size;
  const t = diff / se;
  return { typeA, typeB, percentA: 100 * mA, percentB: 100 * mB, diff, se, t, df, p: 2 * tCdf(-Math.abs(t), df) };
}
