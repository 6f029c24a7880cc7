/**
 * Round half away from zero to `digits` decimals, the one rounding rule for every human-readable output.
 * Works on the decimal string, so 78.05 rounds to 78.1 despite its binary representation (78.04999…).
 */
export function roundHalfAway(x: number, digits = 1): number {
  const a = Math.abs(x);
  // The decimal-string shift below needs plain notation: below 1e-7 JavaScript prints an exponent (and the
  // value rounds to 0 at any digits shown here); from 1e21 on there are no decimals left to round.
  if (a < 1e-7) return 0;
  if (a >= 1e21 || !Number.isFinite(a)) return x;
  const sign = x < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${a}e${digits}`) + 1e-9);
  return sign * Number(`${shifted}e-${digits}`);
}

/**
 * A share (0–1) as a percentage with one decimal and its sign, for messages and the weighting report: 0.7238 →
 * "72.4%". It keeps JavaScript's toFixed, as those texts always have; figures in tables use formatPercent.
 */
export function formatShare(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

export function formatPercent(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return roundHalfAway(x, digits).toFixed(digits);
}

/**
 * A signed change in points: +4.2, −1.0, 0.0. A change that rounds to zero keeps its sign (−0.0, +0.0):
 * a bare "0.0" beside "missed" would hide which side of the line it fell. Only zero is unsigned, and a
 * floating-point residue (|x| ≤ 1e-9 points, e.g. 0.1 + 0.2 − 0.3 from two equal percentages) counts as zero.
 */
export function formatChange(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const r = roundHalfAway(x, digits);
  const tiny = Math.abs(x) <= 1e-9;
  const sign = r > 0 || (r === 0 && !tiny && x > 0) ? '+' : r < 0 || (r === 0 && !tiny && x < 0) ? '−' : '';
  return `${sign}${Math.abs(r).toFixed(digits)}`;
}

/**
 * A p-value for people: three decimals below 0.1, so a significant 0.046 never reads as "0.05";
 * two above; "< 0.001" for the smallest.
 */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '';
  if (p < 0.001) return '< 0.001';
  return p < 0.1 ? p.toFixed(3) : p.toFixed(2);
}

/** One formatter per decimals rule: toLocaleString builds a new one on every call, the report's costliest step. */
const FORMATS = new Map<string, Intl.NumberFormat>();

function grouped(x: number, minDigits: number, maxDigits: number): string {
  const key = `${minDigits}-${maxDigits}`;
  let f = FORMATS.get(key);
  if (!f)
    FORMATS.set(
      key,
      (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits })),
    );
  // `|| 0` turns a negative that rounds to zero into 0, which Intl would print as "-0"
  return f.format(roundHalfAway(x, maxDigits) || 0);
}

/** A count or sum with thousands separators and exactly `digits` decimals: 6343 → "6,343", (3.5, 1) → "3.5". */
export function formatCount(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return grouped(x, digits, digits);
}

/** A quantity with thousands separators and at most `maxDecimals` decimals: 4500 → "4,500", 6568.8 → "6,568.8". */
export function formatNumber(x: number, maxDecimals = 1): string {
  if (!Number.isFinite(x)) return '';
  return grouped(x, 0, maxDecimals);
}
