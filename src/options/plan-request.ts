import { z } from 'zod';
import { COMMANDS } from './command-options.js';
import { optionShape, parseOptions } from './option-schema.js';

const OUTPUT_KEYS: readonly string[] = ['output', 'color', 'debug'];
const PLAN_KEYS = COMMANDS.plan.options.filter(
  (k): k is Exclude<(typeof COMMANDS.plan.options)[number], 'output' | 'color' | 'debug'> => !OUTPUT_KEYS.includes(k),
);

const planSchema = z.object({ files: z.array(z.string()).default([]), ...optionShape(PLAN_KEYS) });

/** What `plan` asks the pipeline for: the input options (as analyse's) and the planning design; never output. */
export type PlanRequest = Omit<z.infer<typeof planSchema>, 'planBy'> & { by: string[] };

/** `planBy` is plan's `--by` (its own default, `all`): commander files it under `by`. */
export function planRequest(raw: Record<string, unknown>): PlanRequest {
  const { planBy, ...o } = parseOptions(planSchema, { ...raw, planBy: raw.by });
  return { ...o, by: planBy ?? ['all'] };
}
