import type { SurveyRow } from '../../src/types/index.js';

/** A SurveyRow with every item absent (code 0) except those given by codebook index. */
export function surveyRow(
  wave: string,
  area: string,
  weight: number,
  codes: Record<number, number>,
  profile: Record<string, string | undefined> = {},
): SurveyRow {
  const c = new Int16Array(17);
  for (const [k, v] of Object.entries(codes)) c[Number(k)] = v;
  return { file: 't.csv', line: 2, respondentId: undefined, wave, area, weight, profile, codes: c };
}
