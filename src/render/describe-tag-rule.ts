import { formatNumber } from '../format/format-number.js';
import type { TagRule } from '../tag/tag-rule.js';

/** The rule as printed with every result: one line per part. */
export function describeRule(rule: TagRule): string[] {
  const byPopulation = rule.weighting === 'population';
  const of = byPopulation
    ? "the area's residents (population column)"
    : "the area's LSOAs (no population column: each LSOA counts once)";
  const inDeciles = byPopulation ? `more than half of ${of} live in LSOAs in` : `more than half of ${of} are in`;
  const ranked = byPopulation ? `more than half of ${of} live in LSOAs with` : `more than half of ${of} have`;
  const ruralClasses =
    rule.rucEdition === 'RUC 2011' ? 'classes D1, D2, E1, E2' : 'classes "Larger rural: …" and "Smaller rural: …"';
  const pct = `${formatNumber(rule.share * 100, 2)}%`;
  const c = rule.criterion;
  const count = (n: number, source: 'file' | 'option') =>
    `${formatNumber(n)} LSOAs nationally, from ${source === 'file' ? 'the national IMD file' : '--lsoa-count'}`;
  const deprived =
    c.kind === 'decile'
      ? `${inDeciles} ${rule.imdEdition} ${c.maxDecile === 1 ? 'decile 1' : `deciles 1–${c.maxDecile}`} (the most ` +
        `deprived ${pct})`
      : c.kind === 'rank'
        ? `${ranked} ${rule.imdEdition} rank ≤ ${formatNumber(c.maxRank)} (the most deprived ${pct} of ` +
          `${count(c.nationalCount, c.countSource)})`
        : `the ${byPopulation ? 'population-weighted' : 'unweighted'} mean ${rule.imdEdition} rank of the area's ` +
          `LSOAs is ≤ ${formatNumber(c.threshold)} (the most deprived ${pct} of ` +
          `${count(c.nationalCount, c.countSource)}; --imd-method mean-rank)`;
  const [first, second] = rule.precedence;
  return [
    `rural: rural LSOAs (${rule.rucEdition} ${ruralClasses}) hold more than half of ${of}`,
    `deprived: ${deprived}`,
    'average: neither',
    `both: ${first} wins over ${second} (--precedence ${rule.precedence.join(',')})`,
  ];
}
