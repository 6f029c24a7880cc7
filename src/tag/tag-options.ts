import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { ImdMethod } from './deprivation-criterion.js';
import type { Precedence } from './tag-rule.js';

export interface TagOptions {
  neighbourhoods: string;
  imd: string;
  ruc: string;
  share: number;
  method: ImdMethod;
  lsoaCount: number | undefined;
  precedence: Precedence;
  format: 'csv' | 'table' | 'json' | 'md';
  output: string | undefined;
  color: boolean | undefined;
}

const file = (flag: string) => z.string({ error: `${flag} <file> is required` }).trim().min(1, `${flag} needs a file name`);

const schema = z.object({
  neighbourhoods: file('--neighbourhoods'),
  imd: file('--imd'),
  ruc: file('--ruc'),
  deprivedShare: z
    .string()
    .trim()
    .default('0.2')
    .refine((s) => /^(0?\.\d+|1(\.0*)?)$/.test(s) && Number(s) > 0, '--deprived-share must be a number above 0 and at most 1, e.g. 0.2')
    .transform(Number),
  imdMethod: z.enum(['majority', 'mean-rank'], { error: '--imd-method must be majority or mean-rank' }).default('majority'),
  lsoaCount: z
    .string()
    .trim()
    .refine((s) => /^[1-9]\d*$/.test(s), '--lsoa-count must be a whole number ≥ 1, e.g. 32844')
    .transform(Number)
    .optional(),
  precedence: z
    .string()
    .default('rural,deprived')
    .transform((s) => s.split(',').map((x) => x.trim().toLowerCase()).join(','))
    .refine((s) => s === 'rural,deprived' || s === 'deprived,rural', '--precedence must be rural,deprived or deprived,rural')
    .transform((s): Precedence => (s === 'rural,deprived' ? ['rural', 'deprived'] : ['deprived', 'rural'])),
  format: z.enum(['csv', 'table', 'json', 'md'], { error: '--format must be csv, table, json or md' }).default('csv'),
  output: z.string().optional(),
  color: z.boolean().optional(),
});

/** Validate the commander options of `tag`; any problem is a UsageError listing them all. */
export function parseTagOptions(opts: Record<string, unknown>): TagOptions {
  const r = schema.safeParse(opts);
  if (!r.success) throw new UsageError(`tag: ${r.error.issues.map((i) => i.message).join('; ')}`);
  const o = r.data;
  return {
    neighbourhoods: o.neighbourhoods,
    imd: o.imd,
    ruc: o.ruc,
    share: o.deprivedShare,
    method: o.imdMethod,
    lsoaCount: o.lsoaCount,
    precedence: o.precedence,
    format: o.format,
    output: o.output,
    color: o.color,
  };
}
