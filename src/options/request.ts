import { z } from 'zod';
import type { CiMethod } from '../types/index.js';
import { INPUT_OPTIONS, TARGET_OPTIONS } from './command-options.js';
import { optionShape, parseOptions } from './option-schema.js';

/**
 * What the pipeline is asked to do, resolved once from the command line: never the raw option bag. Output
 * settings (--format, -o, --no-color) stay with the command; the pipeline sees only the analysis design.
 */
export const inputRequestSchema = z.object({ files: z.array(z.string()).default([]), ...optionShape(INPUT_OPTIONS) });
export type InputRequest = z.infer<typeof inputRequestSchema>;

const analysisSchema = z.object({ files: z.array(z.string()).default([]), ...optionShape([...TARGET_OPTIONS, 'net', 'letters'] as const) });
export type AnalysisRequest = Omit<z.infer<typeof analysisSchema>, 'ci' | 'by'> & { ci: CiMethod; by: string[] };

/**
 * The analysis request of analyse, compare, targets and report. Options a command does not take keep their
 * table defaults. `--no-ci` (false under commander's `ci` key) hides intervals and keeps the default method.
 */
export function analysisRequest(raw: Record<string, unknown>): { request: AnalysisRequest; showCi: boolean } {
  const o = parseOptions(analysisSchema, raw);
  return { request: { ...o, by: o.by ?? [], ci: o.ci === false ? 'wilson' : o.ci }, showCi: o.ci !== false };
}

/** The input request of validate and weight. */
export function inputRequest(raw: Record<string, unknown>): InputRequest {
  return parseOptions(inputRequestSchema, raw);
}
