/**
 * Wald (normal-approximation) interval p ± z·√(p(1−p)/n) on the 0–1 scale, clipped to [0, 1].
 * Source: e.g. Agresti & Coull (1998) Am. Stat. 52:119. Example: p = 37/80, n = 80 → [0.3532, 0.5718].
 * Returns [0, 1] when n is 0.
 */
export function waldInterval(p: number, n: number, z: number): [number, number] {
  if (!(n > 0)) return [0, 1];
  const half = z * Math.sqrt((p * (1 - p)) / n);
  return [Math.max(0, p - half), Math.min(1, p + half)];
}
