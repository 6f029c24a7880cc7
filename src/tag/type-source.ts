import { formatNumber } from '../format/format-number.js';
import type { AreaDecision, AreaEvidence } from './tag-settings.js';
import type { TagRule } from './tag-rule.js';

type Decided = Omit<AreaDecision, 'typeSource'>;

/**
 * The reason sentence for the type_source column, e.g.
 * "deprived: 4,500 of 4,500 residents (3 of 3 LSOAs) in IMD 2019 deciles 1–2;
 * 0 of 4,500 residents (0 of 3 LSOAs) rural (RUC 2011)" (one line).
 * The part that decided comes first.
 */
export function typeSource(d: Decided, rule: TagRule): string {
  const dep = deprivedPart(d.evidence, rule);
  const rur = `${share(d.evidence.ruralWeight, d.evidence.ruralLsoas, d.evidence, rule)} rural (${rule.rucEdition})`;
  if (d.rural && d.deprived) {
    const [first, second] = rule.precedence;
    const parts = first === 'rural' ? [rur, dep] : [dep, rur];
    return `${first} (also ${second}; --precedence ${rule.precedence.join(',')}): ${parts.join('; ')}`;
  }
  if (d.rural) return `rural: ${rur}; ${dep}`;
  if (d.deprived) return `deprived: ${dep}; ${rur}`;
  return `average (neither rural nor deprived): ${dep}; ${rur}`;
}

function share(weight: number, lsoas: number, e: AreaEvidence, rule: TagRule): string {
  const ofLsoas = `${lsoas} of ${e.lsoas} LSOAs`;
  return rule.weighting === 'population'
    ? `${formatNumber(weight)} of ${formatNumber(e.weight)} residents (${ofLsoas})`
    : ofLsoas;
}

function deprivedPart(e: AreaEvidence, rule: TagRule): string {
  const c = rule.criterion;
  const pct = `${formatNumber(rule.share * 100, 2)}%`;
  if (c.kind === 'decile') {
    const deciles = c.maxDecile === 1 ? 'decile 1' : `deciles 1–${c.maxDecile}`;
    return `${share(e.deprivedWeight, e.deprivedLsoas, e, rule)} in ${rule.imdEdition} ${deciles}`;
  }
  if (c.kind === 'rank') {
    const deprived = share(e.deprivedWeight, e.deprivedLsoas, e, rule);
    const ranks = `rank ≤ ${formatNumber(c.maxRank)} of ${formatNumber(c.nationalCount)}`;
    return `${deprived} in the most deprived ${pct} of ${rule.imdEdition} ranks (${ranks})`;
  }
  const mean = e.meanRank ?? Number.NaN;
  const of = rule.weighting === 'population' ? 'population-weighted mean' : `mean (over ${e.lsoas} LSOAs)`;
  const cmp = mean <= c.threshold ? '≤' : '>';
  const mostDeprived = `the most deprived ${pct} of ${formatNumber(c.nationalCount)}`;
  return `${of} ${rule.imdEdition} rank ${formatNumber(mean)} ${cmp} ${formatNumber(c.threshold)} (${mostDeprived})`;
}
