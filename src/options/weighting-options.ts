/** The weighting part of a resolved request (the options themselves are declared in src/options/option-table.ts). */
export interface WeightingOptions {
  rake?: string[] | undefined;
  margins?: string | undefined;
  rakeTolerance: number;
  rakeMaxIter: number;
  bounds?: [number, number] | undefined;
  minEfficiency?: number | undefined;
}

/** Usage problems that involve more than one option; [] when fine. */
export function checkWeightingOptions(o: WeightingOptions, profileColumns: readonly string[]): string[] {
  const problems: string[] = [];
  if (o.rake && !o.margins) problems.push('--rake needs --margins <file> (variable,category,share[,scope,wave])');
  if (o.margins && !o.rake) problems.push('--margins needs --rake <columns>, e.g. --rake age_band,sex');
  for (const v of o.rake ?? [])
    if (!profileColumns.includes(v))
      problems.push(`--rake: "${v}" is not a profile column of the codebook (${profileColumns.join(', ') || 'none'})`);
  if (o.rake && new Set(o.rake).size !== o.rake.length) problems.push('--rake names a column twice');
  return problems;
}
