const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * A cell as a decimal number, or NaN. Unlike Number(), it refuses what a survey weight never is: hex
 * ("0x10" would be 16), binary and octal literals, "Infinity" and the empty cell (Number("") is 0).
 */
export function decimalNumber(s: string): number {
  return DECIMAL.test(s) ? Number(s) : NaN;
}
