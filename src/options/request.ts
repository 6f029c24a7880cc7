import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { CiMethod } from '../types/index.js';
import { INPUT_OPTIONS, TARGET_OPTIONS } from './command-options.js';
import { optionShape, parseOptions } from './option-schema.js';

/**
 * What the pipeline is asked to do, resolved once from the command line: never the raw option bag. Output
 * settings (--format, -o, --no-color) stay with the command; the pipeline sees only the analysis design.
 */
export const inputRequestSchema = z.object({ files: z.array(z.string()).default([]), ...optionShape(INPUT_OPTIONS) });
export type InputRequest = z.infer<typeof inputRequestSchema>;

const analysisSchema = z.object({
  files: z.array(z.string()).default([]),
  ...optionShape([...TARGET_OPTIONS, 'net', 'letters'] as const),
});
type ParsedAnalysis = z.infer<typeof analysisSchema>;
/** `--baseline-wave` and `--current-wave` are folded into `from` and `to`, their twins. */
export type AnalysisRequest = Omit<ParsedAnalysis, 'ci' | 'by' | 'baselineWave' | 'currentWave'> & {
  ci: CiMethod;
  by: string[];
};

/** One wave named by an option or its alias; both with different values is a refusal, not a pick. */
function twin(a: string | undefined, aName: string, b: string | undefined, bName: string): string | undefined {
  if (a !== undefined && b !== undefined && a !== b)
    throw new UsageError(
      `${aName} ${a} and ${bName} ${b} name different waves; ${bName} is another name for ${aName}: give one`,
    );
  return a ?? b;
}

/** `--samples` asks for the bundled samples; with files as well it would have to pick one of the two. */
function checkSamples(o: { files: string[]; samples: boolean }): void {
  if (o.samples && o.files.length > 0)
    throw new UsageError(
      `--samples reads the bundled sample waves, so it cannot be given with files (${o.files.join(', ')}); drop one`,
    );
}

/**
 * The analysis request of analyse, compare, targets and report. Options a command does not take keep their
 * table defaults. `--no-ci` (false under commander's `ci` key) hides intervals and keeps the default method.
 */
export function analysisRequest(raw: Record<string, unknown>): { request: AnalysisRequest; showCi: boolean } {
  const { baselineWave, currentWave, ...o } = parseOptions(analysisSchema, raw);
  checkSamples(o);
  const from = twin(o.from, '--from', baselineWave, '--baseline-wave');
  const to = twin(o.to, '--to', currentWave, '--current-wave');
  const request: AnalysisRequest = {
    ...o,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    by: o.by ?? [],
    ci: o.ci === false ? 'wilson' : o.ci,
  };
  return { request, showCi: o.ci !== false };
}

/** The input request of validate and weight. */
export function inputRequest(raw: Record<string, unknown>): InputRequest {
  const o = parseOptions(inputRequestSchema, raw);
  checkSamples(o);
  return o;
}
