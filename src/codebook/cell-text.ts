/** How a survey cell's text is read when it is not a plain code: integral decimals and "not available" spellings. */

const INTEGRAL_DECIMAL = /^\s*(\d+)(?:\.0+)?\s*$/;
const NA_SPELLINGS = new Set(['na', 'n/a', '#n/a', '.', '-']);

/**
 * A whole number written in plain decimal digits, optionally with a point followed only by zeros (`2`, `2.0`,
 * `2.00`, ` 3.000 ` → 2, 2, 2, 3), else null. Refused: a fraction (`2.5`), a bare point (`2.`, `.5`), exponents
 * (`1e2`), hex (`0x10`), signs and thousands separators: a response code is never written that way, so reading one
 * would be a guess. Spreadsheet exports (SPSS, Excel) often write codes as `2.0`, which is why the zeros are read.
 */
export function readIntegralDecimal(text: string): number | null {
  const m = INTEGRAL_DECIMAL.exec(text);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * True for the usual spellings of "not available" (`NA`, `N/A`, `#N/A`, `.`, `-`; trimmed, any case). Ingest reads
 * them as missing and counts them under their own reason (`missing:na-text`), so they are never lost silently; a
 * codebook label or missing value spelt the same wins.
 */
export function isNaSpelling(text: string): boolean {
  return NA_SPELLINGS.has(text.trim().toLowerCase());
}
