import type { Finding } from '../types/index.js';

/**
 * Strongest first: the smallest adjusted p, then the largest difference; then a fixed order (waves, indicator,
 * groups) so output is deterministic. Findings without a difference (no-type-difference) rank by p alone.
 */
export function strongestFirst(x: Finding, y: Finding): number {
  return (
    (x.pAdjusted ?? 1) - (y.pAdjusted ?? 1) ||
    Math.abs(y.diffPp ?? 0) - Math.abs(x.diffPp ?? 0) ||
    `${x.waves.join()}|${x.indicator}|${x.groups.join()}`.localeCompare(
      `${y.waves.join()}|${y.indicator}|${y.groups.join()}`,
    )
  );
}
