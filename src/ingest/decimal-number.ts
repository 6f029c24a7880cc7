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

const COMMA_DECIMAL = /^\s*\+?(\d+),(\d+)\s*$/;
const THOUSANDS_LIKE = /^\s*\+?[1-9]\d{0,2},\d{3}\s*$/;

/**
 * A number written with a decimal comma (`0,99`, `1,5`), or NaN. With `refuseThousands`, a value that reads as
 * well with a thousands separator (`1,234`: 1.234 or 1234?) is NaN: a text cell of a workbook has no separator
 * convention to settle it, whereas in a `;`-separated file the comma is the decimal mark.
 */
export function decimalCommaNumber(s: string, refuseThousands = false): number {
  const m = COMMA_DECIMAL.exec(s);
  if (!m) return NaN;
  if (refuseThousands && THOUSANDS_LIKE.test(s)) return NaN;
  return decimalNumber(`${m[1]}.${m[2]}`);
}
