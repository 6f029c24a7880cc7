import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

/**
 * Korn–Graubard ("beta") interval: the Clopper–Pearson interval with x = p·nEff successes out of nEff.
 *   lower = qbeta(α/2, x, nEff − x + 1), upper = qbeta(1 − α/2, x + 1, nEff − x), α = 1 − level.
 * Source: Korn & Graubard (1998) Survey Methodology 24:193–201; R survey `svyciprop(method = "beta")`.
 * svyciprop takes nEff = p(1−p)/var̂(p) from the design (n − 1 when the weights are equal; see
 * designEffectiveN) and multiplies it by (qt(α/2, n − 1) / qt(α/2, degf))²; that df factor is left out
 * here (it is exactly 1 for an unstratified, unclustered design, where degf = n − 1).
 * Example: p = 13/40, nEff = 39, level 0.95 → [0.18411, 0.49362] (svyciprop on 40 equal weights).
 */
export function kornGraubardInterval(p: number, nEff: number, level: number): [number, number] {
  if (!(nEff > 0)) return [0, 1];
  const alpha = 1 - level;
  const x = p * nEff;
  const lower = p <= 0 ? 0 : betaQuantile(alpha / 2, x, nEff - x + 1);
  const upper = p >= 1 ? 1 : betaQuantile(1 - alpha / 2, x + 1, nEff - x);
  return [lower, upper];
}
