import { z } from 'zod';

/**
 * The weighting options shared by analyse, compare, targets, report and weight, validated at the
 * boundary: `--rake`, `--margins`, `--rake-tolerance`, `--rake-max-iter`, `--bounds`, `--min-efficiency`.
 * Merge into a command's schema with `.extend(weightingOptionsShape)` and check with `checkWeightingOptions`.
 */
export const weightingOptionsShape = {
  rake: z
    .string()
    .optional()
    .transform((s) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean)))
    .refine((v) => v === undefined || v.length > 0, '--rake needs at least one profile column, e.g. age_band,sex'),
  margins: z.string().optional(),
  rakeTolerance: z.coerce
    .number({ message: '--rake-tolerance must be a number' })
    .refine((x) => x > 0 && x < 1, '--rake-tolerance must be between 0 and 1 (a share, e.g. 1e-10)')
    .default(1e-10),
  rakeMaxIter: z.coerce.number({ message: '--rake-max-iter must be a number' }).int('--rake-max-iter must be a whole number').min(1, '--rake-max-iter must be ≥ 1').default(100),
  bounds: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const parts = s.split(',').map((x) => Number(x.trim()));
      const [lo, hi] = parts;
      if (parts.length !== 2 || lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi) || lo < 0 || lo >= 1 || hi <= 1) {
        ctx.addIssue({ code: 'custom', message: '--bounds must be lo,hi with 0 ≤ lo < 1 < hi, e.g. 0.3,3' });
        return z.NEVER;
      }
      return [lo, hi] as [number, number];
    }),
  minEfficiency: z.coerce
    .number({ message: '--min-efficiency must be a number' })
    .refine((x) => x > 0 && x <= 1, '--min-efficiency must be a share between 0 and 1, e.g. 0.7')
    .optional(),
};

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
    if (!profileColumns.includes(v)) problems.push(`--rake: "${v}" is not a profile column of the codebook (${profileColumns.join(', ') || 'none'})`);
  if (o.rake && new Set(o.rake).size !== o.rake.length) problems.push('--rake names a column twice');
  return problems;
}
