import type { Design } from '../types/index.js';
import type { EstimateOptions } from '../estimate/estimate-tally.js';
import type { LoadedSurvey } from './load-survey.js';

export const POPULATION = 'the surveyed areas';

export const CI_WORDS: Record<string, string> = {
  wilson: "Wilson score interval on Kish's effective n",
  wald: "Wald interval on Kish's effective n, clipped to [0, 100]",
  beta: 'Korn–Graubard (beta) interval on the design effective n',
};

/** The small-base rule in words, printed under every table and stored in the JSON. */
export function suppressionRule(o: Pick<EstimateOptions, 'minBase' | 'indicativeBase'>): string {
  return `* suppressed: unweighted base under ${o.minBase}; † indicative: base under ${o.indicativeBase}`;
}

export function describeDesign(
  s: LoadedSurvey,
  o: EstimateOptions,
  groupings: string[],
  areasOption: string | undefined,
): Design {
  const columns = columnsInForce(s);
  return {
    codebook: s.codebook.name,
    areas: areasOption ?? 'data/areas.csv (bundled)',
    weights: s.weights,
    ci: o.ci,
    ciMethod: CI_WORDS[o.ci] ?? o.ci,
    level: o.level,
    minBase: o.minBase,
    indicativeBase: o.indicativeBase,
    suppression: suppressionRule(o),
    groupings,
    population: POPULATION,
    ...(columns.length ? { columns } : {}),
  };
}

/** Every header read under another name, file by file (for design.columns and validate). */
export function columnsInForce(s: Pick<LoadedSurvey, 'files'>): { file: string; header: string; column: string }[] {
  return s.files.flatMap((f) => f.renamed.map((r) => ({ file: f.label, header: r.name, column: r.target })));
}
