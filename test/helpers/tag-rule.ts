import type { TagRule } from '../../src/tag/tag-rule.js';

/** The default tag rule (IMD 2019 deciles 1–2 by residents, RUC 2011, rural before deprived), with overrides. */
export const tagRule = (r: Partial<TagRule> = {}): TagRule => ({
  share: 0.2,
  method: 'majority',
  precedence: ['rural', 'deprived'],
  weighting: 'population',
  criterion: { kind: 'decile', maxDecile: 2 },
  imdEdition: 'IMD 2019',
  rucEdition: 'RUC 2011',
  ...r,
});
