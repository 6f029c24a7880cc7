import { describeRule } from './describe-tag-rule.js';
import type { TagResult } from '../tag/tag-areas.js';

export const TAG_JSON_SCHEMA_VERSION = 2;

/** JSON: schemaVersion, the resolved rule, the files read, each area with its counts and reason. */
export function renderTagJson(result: TagResult): string {
  const { rule, imd, ruc } = result;
  const doc = {
    schemaVersion: TAG_JSON_SCHEMA_VERSION,
    command: 'tag',
    rule: {
      deprivedShare: rule.share,
      imdMethod: rule.method,
      precedence: rule.precedence.join(','),
      weighting: rule.weighting,
      criterion: rule.criterion,
      text: describeRule(rule),
    },
    files: {
      neighbourhoods: { path: result.neighbourhoods.path, areas: result.areas.length },
      imd: {
        path: imd.path,
        edition: imd.layout.edition,
        layout: imd.layout.layout,
        lsoaYear: imd.layout.lsoaYear,
        lsoas: imd.entries.size,
        hasDeciles: imd.layout.decile !== undefined,
      },
      ruc: { path: ruc.path, edition: ruc.layout.edition, lsoaYear: ruc.layout.lsoaYear, lsoas: ruc.entries.size },
    },
    areas: result.areas.map((a) => ({
      code: a.code,
      name: a.name,
      district: a.district,
      type: a.type,
      rural: a.rural,
      deprived: a.deprived,
      lsoas: a.evidence.lsoas,
      weight: a.evidence.weight,
      ruralLsoas: a.evidence.ruralLsoas,
      ruralWeight: a.evidence.ruralWeight,
      deprivedLsoas: rule.criterion.kind === 'mean-rank' ? null : a.evidence.deprivedLsoas,
      deprivedWeight: rule.criterion.kind === 'mean-rank' ? null : a.evidence.deprivedWeight,
      meanRank: a.evidence.meanRank ?? null,
      typeSource: a.typeSource,
    })),
    warnings: result.warnings,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
