/**
 * Holm's step-down adjustment: sort the m p-values, p_(i) → max_{j ≤ i} min(1, (m − j + 1)·p_(j)).
 * Nulls (tests not run) are kept in place and do not count towards m.
 * Source: Holm (1979) Scand. J. Statist. 6:65–70; R `p.adjust(p, "holm")`.
 * Example: [0.01, 0.04, 0.03] → [0.03, 0.06, 0.06].
 */
export function holmAdjust(ps: readonly (number | null)[]): (number | null)[] {
  const idx = ps.map((p, i) => [p, i] as const).filter((e): e is readonly [number, number] => e[0] !== null);
  idx.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const m = idx.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 0;
  idx.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
