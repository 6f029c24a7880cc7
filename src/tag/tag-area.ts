import type { AreaEvidence, AreaDecision } from './tag-settings.js';
import type { ImdEntry } from './read-imd.js';
import type { Neighbourhood } from './read-neighbourhoods.js';
import type { RucEntry } from './read-ruc.js';
import type { AreaType, TagRule } from './tag-rule.js';
import { typeSource } from './type-source.js';

/**
 * Tag one area (issue 6): rural when rural LSOAs hold more than half its weight; deprived when
 * more than half its weight lies in the most deprived LSOAs (or, with mean-rank, when its weighted
 * mean rank ≤ share × N); both → the first of `precedence`; neither → average.
 * Every LSOA must be in both lookups (checked before).
 */
export function tagArea(
  area: Neighbourhood,
  imd: ReadonlyMap<string, ImdEntry>,
  ruc: ReadonlyMap<string, RucEntry>,
  rule: TagRule,
): AreaDecision {
  const e: AreaEvidence = {
    lsoas: 0,
    weight: 0,
    ruralLsoas: 0,
    ruralWeight: 0,
    deprivedLsoas: 0,
    deprivedWeight: 0,
    meanRank: undefined,
  };
  let rankSum = 0;
  for (const l of area.lsoas) {
    const w = rule.weighting === 'population' ? (l.population ?? 0) : 1;
    const d = imd.get(l.lsoa);
    const r = ruc.get(l.lsoa);
    if (!d || !r) throw new Error(`internal: LSOA ${l.lsoa} was not checked against the IMD and RUC files`);
    e.lsoas += 1;
    e.weight += w;
    if (r.rural) {
      e.ruralLsoas += 1;
      e.ruralWeight += w;
    }
    rankSum += w * d.rank;
    if (inMostDeprived(d, rule)) {
      e.deprivedLsoas += 1;
      e.deprivedWeight += w;
    }
  }
  const rural = 2 * e.ruralWeight > e.weight;
  let deprived: boolean;
  if (rule.criterion.kind === 'mean-rank') {
    e.meanRank = rankSum / e.weight;
    deprived = e.meanRank <= rule.criterion.threshold;
  } else {
    deprived = 2 * e.deprivedWeight > e.weight;
  }
  const type: AreaType = rural && deprived ? rule.precedence[0] : rural ? 'rural' : deprived ? 'deprived' : 'average';
  const decision = { code: area.code, name: area.name, district: area.district, type, rural, deprived, evidence: e };
  return { ...decision, typeSource: typeSource(decision, rule) };
}

function inMostDeprived(d: ImdEntry, rule: TagRule): boolean {
  const c = rule.criterion;
  if (c.kind === 'decile') return d.decile !== undefined && d.decile <= c.maxDecile;
  if (c.kind === 'rank') return d.rank <= c.maxRank;
  return false;
}
