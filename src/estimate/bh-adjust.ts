/**
 * Benjamini–Hochberg step-up adjustment (false discovery rate): sort the m p-values, then
 *   p̃_(i) = min_{j ≥ i} min(1, m·p_(j)/j).
 * Nulls (tests not run) are kept in place and do not count towards m.
 * Source: Benjamini & Hochberg (1995) J. R. Statist. Soc. B 57:289–300; R `p.adjust(p, "BH")`.
 * Example: [0.01, 0.04, 0.03] → [0.03, 0.04, 0.04].
 */
export function bhAdjust(ps: readonly (number | null)[]): (number | null)[] {
  const idx = ps.map((p, i) => [p, i] as const).filter((e): e is readonly [number, number] => e[0] !== null);
  idx.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const m = idx.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 1;
  idx.forEach(([p, i], k) => {
    const rank = m - k; // rank of p among the m, 1 = smallest
    running = Math.min(running, (m * p) / rank);
    out[i] = running;
  });
  return out;
}
