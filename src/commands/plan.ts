import { planReturns } from '../compare/plan-returns.js';
import { EXIT } from '../errors.js';
import { formatAccountingLine } from '../format/format-accounting.js';
import { emit, useColour, type Io } from '../io/console.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { planRequest } from '../options/plan-request.js';
import { SCHEMA_VERSION } from '../pipeline/analyse-result.js';
import { planBaselines } from '../pipeline/plan-baselines.js';
import { preflight } from '../pipeline/preflight.js';
import { renderPlan } from '../render/render-plan.js';
import type { PlanResult } from '../types/index.js';

/**
 * `plan`: how many returns (and questionnaires to mail) a "+uplift" target needs, to detect a change of its
 * size and to confirm it, from a --baseline figure or from each group's estimate in a wave of survey files.
 */
export async function runPlan(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('plan', raw);
  const o = planRequest(raw);
  // with --baseline no survey file is read; otherwise the same refusals as every reading command
  if (o.baseline === undefined) preflight(o, io, out.output);
  const b = await planBaselines(o, io);
  const plans = planReturns(b.baselines, {
    uplift: o.uplift,
    rule: o.targetRule,
    alpha: o.alpha,
    power: o.power,
    ...(o.assumedRise !== undefined ? { assumedRise: o.assumedRise } : {}),
  });
  const result: PlanResult = {
    schemaVersion: SCHEMA_VERSION,
    plan: {
      baselineSource: o.baseline === undefined ? 'wave' : 'option',
      fromWave: b.fromWave,
      rule: o.targetRule,
      uplift: o.uplift,
      alpha: o.alpha,
      power: o.power,
      assumedRise: o.assumedRise ?? null,
      deff: b.deffWords,
      responseRate: b.rateWords,
      groupings: b.groupings,
      minBase: o.minBase,
    },
    ...(b.accounting ? { accounting: b.accounting } : {}),
    plans,
  };
  const text = renderPlan(result, {
    format: out.format,
    colour: useColour(io, out.color),
    label: b.label,
    itemLabel: b.itemLabel,
    ...(b.accounting ? { accountingLine: formatAccountingLine(b.accounting) } : {}),
  });
  await emit(io, text, out.output);
  return EXIT.ok;
}
