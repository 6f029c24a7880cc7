import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { CiMethod } from '../types.js';
import { weightingOptionsShape } from '../weighting/weighting-options.js';

/** A share from 0 to 1; "10%" is read as 0.1, as people write it. */
const share = (name: string) =>
  z
    .preprocess((v) => (typeof v === 'string' && /%\s*$/.test(v) ? Number(v.replace(/%\s*$/, '')) / 100 : v), z.coerce.number({ message: `${name} must be a number (e.g. 0.05 or 5%)` }))
    .refine((x) => x >= 0 && x <= 1, `${name} must be between 0 and 1 (or 0% and 100%)`);
const count = (name: string) => z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(0, `${name} must be ≥ 0`);
const list = z
  .string()
  .optional()
  .transform((s) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean)));

/** `-o file`: its folder must exist, checked before any work is done rather than after the whole analysis. */
export const writableOutput = z
  .string()
  .optional()
  .superRefine((p, ctx) => {
    if (p !== undefined && p !== '-' && !existsSync(dirname(resolve(p))))
      ctx.addIssue({ code: 'custom', message: `cannot write -o ${p}: there is no folder ${dirname(resolve(p))}` });
  });

/** Options shared by every command that reads survey files; validated here, at the boundary. */
export const inputOptionsSchema = z.object({
  files: z.array(z.string()).default([]),
  codebook: z.string().default('leicestershire'),
  areas: z.string().optional(),
  assignWave: z.string().trim().min(1, '--assign-wave must not be blank').optional(),
  rejects: z.string().optional(),
  maxSetAside: share('--max-set-aside').default(0.05),
  strict: z.boolean().default(false),
  weight: z.string().default('weight'),
  weights: z.boolean().default(true),
  format: z.string().default('table'),
  output: writableOutput,
  color: z.boolean().optional(),
  debug: z.boolean().optional(),
  ...weightingOptionsShape,
});

export const estimateOptionsSchema = inputOptionsSchema.extend({
  by: list.default(['all', 'type']),
  indicators: list,
  wave: list,
  ci: z.enum(['wilson', 'wald', 'beta']).default('wilson'),
  level: z.coerce
    .number({ message: '--level must be a number' })
    .refine((x) => x > 0 && x < 1, '--level must be strictly between 0 and 1 (e.g. 0.95)')
    .default(0.95),
  minBase: count('--min-base').default(30),
  indicativeBase: count('--indicative-base').default(100),
});

export type InputOptions = z.infer<typeof inputOptionsSchema>;
export type EstimateCliOptions = z.infer<typeof estimateOptionsSchema> & { ci: CiMethod };

/** Parse with a zod schema; a failure is a usage error (exit 2) naming the option. */
export function parseOptions<T extends z.ZodTypeAny>(schema: T, raw: Record<string, unknown>): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}

/** --from/--to/--alpha/--no-adjust, for commands that test differences. */
export const compareOptionsSchema = estimateOptionsSchema.extend({
  from: z.string().trim().min(1).optional(),
  to: z.string().trim().min(1).optional(),
  alpha: z.coerce.number({ message: '--alpha must be a number' }).refine((x) => x > 0 && x < 1, '--alpha must be strictly between 0 and 1').default(0.05),
  adjust: z.boolean().default(true),
});

/** Target options on top of the comparison ones. */
export const targetOptionsSchema = compareOptionsSchema.extend({
  targetRule: z.enum(['points', 'relative']).default('points'),
  uplift: z.coerce.number({ message: '--uplift must be a number' }).refine((x) => Number.isFinite(x) && x >= 0, '--uplift must be ≥ 0').default(5),
  baselineWave: z.string().trim().min(1).optional(),
  currentWave: z.string().trim().min(1).optional(),
  targets: z.string().optional(),
  failOnMissedTarget: z.boolean().default(false),
});

export type CompareCliOptions = z.infer<typeof compareOptionsSchema>;
export type TargetCliOptions = z.infer<typeof targetOptionsSchema>;
