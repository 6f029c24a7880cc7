import { fdrCaveat } from '../format/significance.js';
import type { AdjustMethod } from '../types/index.js';

/** The report's methodology in plain words, shared by the HTML and the Markdown report. */
export function multipleTestingText(adjust: AdjustMethod, alpha: number): string {
  const method =
    adjust === 'bh'
      ? 'adjusted by Benjamini–Hochberg (the default, --adjust bh)'
      : adjust === 'holm'
        ? "adjusted by Holm's method (--adjust holm)"
        : 'not adjusted (--adjust none)';
  return (
    'Families of tests are fixed by the design, never by what is selected for display: a change between two waves is ' +
    'one family per indicator × grouping level × pair of waves (1 test for all areas, 3 for the types, 7 for the ' +
    'districts, 20 for the neighbourhoods of the bundled registry); ' +
    'each neighbourhood against the rest, one family per ' +
    'indicator × wave; each overall area-type test is a family of one and its pairwise contrasts one family of 3; a ' +
    `change against a published baseline is a family of one. Within each family the p-values are ${method}; a test ` +
    `that could not be run keeps its place and does not count. Significant: adjusted p < ${String(alpha)}. ` +
    fdrCaveat(adjust, alpha)
  );
}

export const TYPE_TESTS_TEXT =
  'Two area-type tests, each worded for what it tests. "Area types differ" treats the surveyed areas as clusters ' +
  'within area-type strata (second-order Rao–Scott F; ' +
  'pairs by a design-based t contrast on areas − types degrees of ' +
  'freedom); it is not run when a type has fewer than two areas with data, and only this test supports sentences ' +
  'about "rural areas". "The surveyed areas of the types differ" compares the respondents of the surveyed areas ' +
  '(first-order Rao–Scott χ², neighbourhoods as strata; pairs by z on effective n); ' +
  'its sentences say "the surveyed ' +
  'rural areas". A pair is named only when the overall test has p below the significance level and the pair is ' +
  'significant after adjustment. Wave changes, neighbourhood-against-the-rest tests and targets are about the fixed ' +
  'surveyed areas.';

export const VARIANCE_TEXT =
  'Standard errors use the unstratified Kish variance (effective n = (Σw)²/Σw²) ' +
  'and treat raked or area weights as ' +
  'fixed, which is slightly conservative.';

export function targetMethodText(alpha: number): string {
  const pct = `${Math.round((1 - alpha) * 1000) / 10}%`;
  return (
    'd is the distance from the target in points (current minus target; for a survey baseline, the change minus the ' +
    'uplift) and σ its standard error (both waves’ errors for a survey baseline). Met when the whole ' +
    `${pct} interval d ± zσ is at or above 0; missed when it is all below 0; ` +
    'otherwise inconclusive, leaning above or ' +
    'below the target. p (met) and p (missed) are the one-sided p-values against each. Two power statements go ' +
    'together: the smallest detectable change MDC₀ = (z₁₋α/₂ + z₀.₈₀)·√(p₁q₁/n₁ + p*q*/n₂) ' +
    'on effective n (can the design detect a rise of the target’s size?), ' +
    'and Δ₈₀ = u + (z₁₋α/₂ + z₀.₈₀)·σ, the true rise that gives an 80% ' +
    'chance of a "met" verdict. A published baseline is treated as exact unless the targets file gives baseline_se ' +
    'or baseline_n (and baseline_deff); unless its baseline_population is "surveyed areas", the comparison carries ' +
    'a caveat.'
  );
}
