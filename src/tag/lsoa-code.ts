/** An LSOA code: E01 (England) or W01 (Wales) and six digits, as ONS publishes them. */
export const LSOA_CODE = /^[EW]01\d{6}$/;

export function isLsoaCode(value: string): boolean {
  return LSOA_CODE.test(value);
}
