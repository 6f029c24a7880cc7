/**
 * Wilson score interval for a proportion p (0–1 scale) on n observations (n may be an effective n).
 * Source: Wilson, E. B. (1927) JASA 22:209–212; equals R `prop.test(x, n, correct = FALSE)$conf.int`.
 * Example: p = 37/80, n = 80, z = 1.96 → [0.3575, 0.5710]. Returns [0, 1] when n is 0.
 */
export function wilsonInterval(p: number, n: number, z: number): [number, number] {
  if (!(n > 0)) return [0, 1];
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
