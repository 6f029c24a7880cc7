import { DataError } from '../errors.js';
import { checkRegistryKeys } from './check-registry-keys.js';
import { checkVintages } from './check-vintages.js';
import { deprivationCriterion } from './deprivation-criterion.js';
import { districtWarnings } from './district-warnings.js';
import { findMissingLsoas } from './find-missing-lsoas.js';
import { formatProblem, type TagProblem } from './problem.js';
import type { SmallCsv } from '../io/small-csv.js';
import { readImd, type ImdFile } from './read-imd.js';
import { readNeighbourhoods, type Neighbourhoods } from './read-neighbourhoods.js';
import { readRuc, type RucFile } from './read-ruc.js';
import { tagArea } from './tag-area.js';
import { type AreaDecision } from './tag-settings.js';
import type { TagOptions } from './tag-settings.js';
import type { TagRule } from './tag-rule.js';

export interface TagResult {
  rule: TagRule;
  neighbourhoods: Neighbourhoods;
  imd: ImdFile;
  ruc: RucFile;
  areas: AreaDecision[];
  warnings: string[];
}

export interface TagTables {
  neighbourhoods: SmallCsv;
  imd: SmallCsv;
  ruc: SmallCsv;
}

/**
 * Read the three files and tag every area. Data problems from all three files are gathered and
 * thrown together as one DataError (exit 1); option problems as UsageError (exit 2).
 */
export function tagAreas(
  tables: TagTables,
  opts: Pick<TagOptions, 'share' | 'method' | 'lsoaCount' | 'precedence'>,
): TagResult {
  const n = readNeighbourhoods(tables.neighbourhoods);
  const i = readImd(tables.imd);
  const r = readRuc(tables.ruc);
  const problems: TagProblem[] = [...n.problems, ...checkRegistryKeys(n.value), ...i.problems, ...r.problems];
  const warnings = [...n.warnings, ...i.warnings, ...r.warnings];
  const imd = i.value;
  const ruc = r.value;
  let missing = 0;
  if (imd && ruc) {
    const vintage = checkVintages(n.value, imd, ruc);
    if (vintage.problem) problems.push(vintage.problem);
    else {
      if (vintage.warning) warnings.push(vintage.warning);
      const notFound = findMissingLsoas(n.value, imd, ruc);
      missing = notFound.length;
      problems.push(...notFound);
    }
  }
  if (problems.length > 0 || !imd || !ruc)
    throw dataError(
      problems,
      warnings,
      missing > 0 && imd && ruc && imd.layout.lsoaYear === ruc.layout.lsoaYear ? imd.layout.lsoaYear : undefined,
    );

  const { criterion, warnings: criterionWarnings } = deprivationCriterion(imd, opts.share, opts.method, opts.lsoaCount);
  warnings.push(...criterionWarnings);
  const rule: TagRule = {
    share: opts.share,
    method: opts.method,
    precedence: opts.precedence,
    weighting: n.value.hasPopulation ? 'population' : 'lsoas',
    criterion,
    imdEdition: imd.layout.edition,
    rucEdition: ruc.layout.edition,
  };
  const areas = n.value.areas.map((a) => tagArea(a, imd.entries, ruc.entries, rule));
  warnings.push(...districtWarnings(areas));
  return { rule, neighbourhoods: n.value, imd, ruc, areas, warnings };
}

/** `missingYear`: some LSOAs were not found in files that are both on this year's codes. */
function dataError(problems: TagProblem[], warnings: string[], missingYear: number | undefined): DataError {
  const files = [...new Set(problems.map((p) => p.file))];
  const sorted = [...problems].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line);
  const lines = sorted.map(formatProblem);
  if (missingYear !== undefined) {
    lines.push(
      `(both files are on ${missingYear} LSOA codes; ` +
        `a neighbourhoods file on other LSOA boundaries needs a lookup to ${missingYear} codes first)`,
    );
  }
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const also =
    warnings.length > 0 ? `\nand ${warnings.length === 1 ? 'a warning' : 'warnings'}:\n  ${warnings.join('\n  ')}` : '';
  return new DataError(`tag: ${count} in the input:\n  ${lines.join('\n  ')}${also}`);
}
