/** Levenshtein distance (insert, delete, substitute each cost 1), two-row dynamic programme. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate when it is close enough to be a plausible typo (≤ 1/4 of the length, at least 1). */
export function closest(
  value: string,
  candidates: readonly string[],
  key: (s: string) => string = (s) => s.toLowerCase(),
): string | undefined {
  const k = key(value);
  if (!k) return undefined;
  const limit = Math.max(1, Math.floor(k.length / 4));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const ck = key(c);
    if (Math.abs(ck.length - k.length) > limit) continue; // the distance is at least the difference in length
    const d = editDistance(k, ck);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}
