const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * A cell as a finite decimal number, or NaN. Unlike Number(), it refuses what a survey weight never is: hex
 * ("0x10" would be 16), binary and octal literals, "Infinity" or an overflow like 1e900, and the empty cell
 * (Number("") is 0).
 */
export function decimalNumber(s: string): number {
  if (!DECIMAL.test(s)) return NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}
