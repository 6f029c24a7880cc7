/**
 * Target verdicts and test names in words for people; JSON keeps the codes. Keyed by the verdict codes
 * met / missed / inconclusive (with a lean: which side of the target the estimate is on); the older codes
 * met-within-margin and missed-within-margin read as the inconclusive verdicts they are.
 */
export const VERDICT_WORDS: Readonly<Record<string, string>> = {
  met: 'met',
  missed: 'missed',
  inconclusive: 'inconclusive',
  'inconclusive:above': 'inconclusive, leaning above the target',
  'inconclusive:below': 'inconclusive, leaning below the target',
  'met-within-margin': 'inconclusive, leaning above the target',
  'missed-within-margin': 'inconclusive, leaning below the target',
};

/** Lean codes that say "on or above the target" and "below it", whichever spelling the verdict carries. */
const LEAN_SIDE: Readonly<Record<string, 'above' | 'below'>> = {
  above: 'above',
  met: 'above',
  up: 'above',
  'towards-met': 'above',
  below: 'below',
  missed: 'below',
  down: 'below',
  'towards-missed': 'below',
};

/** "inconclusive, leaning below the target"; the suppression reason when there is no verdict. */
export function verdictWords(verdict: string | null | undefined, lean?: string | null, flag?: string): string {
  if (!verdict) return flag === 'suppressed' ? 'not judged: base too small' : 'not judged: no data';
  const side = lean ? LEAN_SIDE[lean] : undefined;
  return VERDICT_WORDS[side ? `${verdict}:${side}` : verdict] ?? VERDICT_WORDS[verdict] ?? verdict;
}

/** Test result flags in words. */
export const FLAG_WORDS: Readonly<Record<string, string>> = {
  ok: '',
  indicative: 'indicative (small base)',
  suppressed: 'not tested: base too small',
  'no-data': 'not tested: no data',
  'no-variance': 'not tested: no variation in the answers',
  'not-run': 'not run',
};

export const flagWords = (flag: string): string => FLAG_WORDS[flag] ?? flag;

/** The statistical tests by name, for notes and headings. */
export const TEST_WORDS: Readonly<Record<string, string>> = {
  change: 'two-proportion z-test on Kish effective n (the waves are independent samples)',
  'type-difference': 'Rao–Scott F across the area types with areas as clusters, then design-based t contrasts',
  'surveyed-type-difference': 'Rao–Scott χ² across the surveyed areas of the types, then pairwise z-tests',
  'area-difference': 'z-test of the neighbourhood against the rest of the surveyed areas',
};
