import { lsoaCodeProblem } from './lsoa-code.js';
import { unrecognisedHeader, type TagProblem } from './problem.js';
import type { SmallCsv } from '../io/small-csv.js';
import type { ReadResult } from './read-neighbourhoods.js';
import { isRural2021, RUC11_CLASSES } from './ruc-class.js';
import { RUC_EXPECTED, recogniseRucHeader, type RucLayout } from './ruc-header.js';

export interface RucEntry {
  rural: boolean;
  /** RUC11CD / RUC21CD, or the class name when the file has no code column */
  classCode: string;
  line: number;
}

export interface RucFile {
  path: string;
  layout: RucLayout;
  entries: Map<string, RucEntry>;
}

/** An ONS Rural Urban Classification LSOA file, as published. Every bad row is reported by line. */
export function readRuc(table: SmallCsv): ReadResult<RucFile | undefined> {
  const file = table.path;
  const problems: TagProblem[] = [];
  const warnings: string[] = [];
  const layout = recogniseRucHeader(table.header);
  if (!layout) {
    problems.push(unrecognisedHeader(file, 'rural-urban file', RUC_EXPECTED, table.header));
    return { value: undefined, problems, warnings };
  }
  const get = (cells: string[], i: number | undefined) => (i === undefined ? undefined : (cells[i] ?? '').trim());
  const entries = new Map<string, RucEntry>();
  for (const { line, cells } of table.rows) {
    const code = get(cells, layout.code) ?? '';
    const notCode = lsoaCodeProblem(code);
    if (notCode !== undefined) {
      problems.push({ file, line, message: notCode });
      continue;
    }
    const classified = layout.lsoaYear === 2011 ? classify2011(cells) : classify2021(cells);
    if (typeof classified === 'string') {
      problems.push({ file, line, message: `${code}: ${classified}` });
      continue;
    }
    const entry: RucEntry = { ...classified, line };
    const earlier = entries.get(code);
    if (earlier) {
      if (earlier.classCode !== entry.classCode) {
        problems.push({
          file,
          line,
          message:
            `conflicting duplicate row for ${code}: class ${entry.classCode} here ` +
            `but ${earlier.classCode} on line ${earlier.line}`,
        });
      } else {
        warnings.push(`${file}:${line}: duplicate row for ${code} (same as line ${earlier.line}) counted once`);
      }
      continue;
    }
    entries.set(code, entry);
  }
  return { value: { path: file, layout, entries }, problems, warnings };

  function classify2011(cells: string[]): { rural: boolean; classCode: string } | string {
    const classCode = get(cells, layout!.classCode) ?? '';
    const known = RUC11_CLASSES[classCode];
    if (!known) return `RUC11CD "${classCode}" is not one of ${Object.keys(RUC11_CLASSES).join(', ')}`;
    const name = get(cells, layout!.className);
    if (name !== undefined && name !== '' && /^rural/i.test(name) !== known.rural) {
      return `RUC11CD ${classCode} (${known.rural ? 'rural' : 'urban'}) disagrees with RUC11 "${name}"`;
    }
    return { rural: known.rural, classCode };
  }

  function classify2021(cells: string[]): { rural: boolean; classCode: string } | string {
    const name = get(cells, layout!.className);
    const flag = get(cells, layout!.flag);
    const byName = name === undefined ? undefined : isRural2021(name);
    const byFlag = flag === undefined ? undefined : isRural2021(flag);
    if (name !== undefined && byName === undefined)
      return `RUC21NM "${name}" is not an Urban, Larger rural or Smaller rural class`;
    if (flag !== undefined && byFlag === undefined) return `Urban_rural_flag "${flag}" is neither Urban nor Rural`;
    if (byName !== undefined && byFlag !== undefined && byName !== byFlag)
      return `RUC21NM "${name}" disagrees with Urban_rural_flag "${flag}"`;
    const rural = (byName ?? byFlag) as boolean;
    const classCode = get(cells, layout!.classCode) || name || flag || '';
    return { rural, classCode };
  }
}
