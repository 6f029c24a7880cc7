import type { Io } from '../io/console.js';
import { emit, useColour } from '../io/console.js';
import { describeRule } from '../render/describe-tag-rule.js';
import { readSmallCsv } from '../io/small-csv.js';
import { renderTagCsv } from '../render/render-tag-csv.js';
import { renderTagJson } from '../render/render-tag-json.js';
import { renderTagMd } from '../render/render-tag-md.js';
import { renderTagTable } from '../render/render-tag-table.js';
import { tagAreas } from '../tag/tag-areas.js';
import { parseTagOptions } from '../options/tag-options.js';

/**
 * `sc-survey tag`: derive rural / deprived / average for each neighbourhood from the official IMD
 * and rural-urban LSOA files, with the reason for each. Warnings and (for csv) the rule go to stderr.
 */
export async function runTag(opts: Record<string, unknown>, io: Io): Promise<number> {
  const o = parseTagOptions(opts);
  const result = tagAreas(
    {
      neighbourhoods: readSmallCsv(o.neighbourhoods, 'neighbourhoods'),
      imd: readSmallCsv(o.imd, 'IMD'),
      ruc: readSmallCsv(o.ruc, 'rural-urban'),
    },
    o,
  );
  const text =
    o.format === 'csv'
      ? renderTagCsv(result)
      : o.format === 'json'
        ? renderTagJson(result)
        : o.format === 'md'
          ? renderTagMd(result)
          : renderTagTable(result, useColour(io, o.color));
  await emit(io, text, o.output);
  if (o.format === 'csv')
    io.stderr.write(
      `sc-survey tag: rule:\n${describeRule(result.rule)
        .map((l) => `  ${l}\n`)
        .join('')}`,
    );
  for (const w of result.warnings) io.stderr.write(`sc-survey tag: warning: ${w}\n`);
  return 0;
}
