/** An LSOA code: E01 (England) or W01 (Wales) and six digits, as ONS publishes them. */
export const LSOA_CODE = /^[EW]01\d{6}$/;

export function isLsoaCode(value: string): boolean {
  return LSOA_CODE.test(value);
}

/** Why a cell is not an LSOA code (blank, or not of that form); undefined when it is one. */
export function lsoaCodeProblem(value: string): string | undefined {
  if (isLsoaCode(value)) return undefined;
  return value === '' ? 'LSOA code is blank' : `"${value}" is not an LSOA code (E01 or W01 and six digits)`;
}
