import type { Inference } from '../types/index.js';

/**
 * The line that opens every comparison output, naming which wave is the baseline and which the current one, so a
 * reader sees the direction of every change before any number: `Baseline: Summer 2006 → current: February 2009`.
 * Null when the result compares nothing.
 */
export function wavePairLine(inf: Pick<Inference, 'comparisonDesign' | 'targetDesign'>): string | null {
  const c = inf.comparisonDesign;
  if (c) return `Baseline: ${c.from} → current: ${c.to}`;
  const t = inf.targetDesign;
  if (!t) return null;
  const baseline = t.baselineWave ?? 'the published baselines (no wave of this survey)';
  return `Baseline: ${baseline} → current: ${t.currentWave}`;
}
