import { isLsoaCode } from './lsoa-code.js';
import type { TagProblem } from './problem.js';
import type { SmallCsv } from '../io/small-csv.js';

export interface NeighbourhoodLsoa {
  lsoa: string;
  /** residents of the area in this LSOA; undefined when the file has no population column */
  population: number | undefined;
  line: number;
}

export interface Neighbourhood {
  code: string;
  name: string;
  district: string;
  /** line of the area's first row */
  line: number;
  lsoas: NeighbourhoodLsoa[];
}

export interface Neighbourhoods {
  path: string;
  hasPopulation: boolean;
  areas: Neighbourhood[];
}

export const NEIGHBOURHOOD_COLUMNS = ['code', 'name', 'district', 'lsoa'] as const;

export interface ReadResult<T> {
  value: T;
  problems: TagProblem[];
  warnings: string[];
}

const POPULATION = /^\d+(\.\d+)?$/;

/**
 * The neighbourhoods file: one row per (area, LSOA), columns code,name,district,lsoa[,population]
 * (header matched case-insensitively). Every bad row is reported; nothing is repaired.
 */
export function readNeighbourhoods(table: SmallCsv): ReadResult<Neighbourhoods> {
  const file = table.path;
  const problems: TagProblem[] = [];
  const warnings: string[] = [];
  const header = table.header.map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const missing = NEIGHBOURHOOD_COLUMNS.filter((c) => col(c) < 0);
  const hasPopulation = col('population') >= 0;
  const empty: Neighbourhoods = { path: file, hasPopulation, areas: [] };
  if (missing.length > 0) {
    problems.push({
      file,
      line: 1,
      message:
        `the neighbourhoods file lacks column(s) ${missing.join(', ')}; ` +
        `expected code,name,district,lsoa[,population], found ${table.header.join(',') || '(nothing)'}`,
    });
    return { value: empty, problems, warnings };
  }
  const known = new Set<string>([...NEIGHBOURHOOD_COLUMNS, 'population']);
  const ignored = table.header.filter((h) => !known.has(h.toLowerCase()));
  if (ignored.length > 0) warnings.push(`${file}: ignoring column(s) ${ignored.join(', ')}`);

  const byCode = new Map<string, Neighbourhood>();
  const blankLsoaLines = new Map<string, number[]>();
  const namesAnLsoa = new Set<string>();
  const cell = (cells: string[], name: string) => (cells[col(name)] ?? '').trim();

  for (const { line, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      problems.push({ file, line, message: `${cells.length} fields where the header has ${table.header.length}` });
      continue;
    }
    const code = cell(cells, 'code');
    const name = cell(cells, 'name');
    const district = cell(cells, 'district');
    const lsoa = cell(cells, 'lsoa');
    if (code === '') {
      problems.push({ file, line, message: 'code is blank' });
      continue;
    }
    let area = byCode.get(code);
    if (!area) {
      if (name === '') problems.push({ file, line, message: `name is blank for area ${code}` });
      if (district === '') problems.push({ file, line, message: `district is blank for area ${code}` });
      area = { code, name, district, line, lsoas: [] };
      byCode.set(code, area);
    } else {
      if (name !== '' && name !== area.name)
        problems.push({
          file,
          line,
          message: `area ${code} is named "${name}" here but "${area.name}" on line ${area.line}`,
        });
      if (district !== '' && district !== area.district)
        problems.push({
          file,
          line,
          message: `area ${code} is in district "${district}" here but "${area.district}" on line ${area.line}`,
        });
    }

    if (lsoa === '') {
      blankLsoaLines.set(code, [...(blankLsoaLines.get(code) ?? []), line]);
      continue;
    }
    namesAnLsoa.add(code);
    let population: number | undefined;
    let bad = false;
    if (!isLsoaCode(lsoa)) {
      problems.push({ file, line, message: `"${lsoa}" is not an LSOA code (E01 or W01 and six digits), area ${code}` });
      bad = true;
    }
    if (hasPopulation) {
      const raw = cell(cells, 'population');
      if (POPULATION.test(raw)) population = Number(raw);
      else {
        problems.push({
          file,
          line,
          message:
            raw === ''
              ? `population is blank (area ${code}, LSOA ${lsoa})`
              : `population "${raw}" is not a number ≥ 0 (digits only, no thousands separators)`,
        });
        bad = true;
      }
    }
    if (bad) continue;
    const earlier = area.lsoas.find((l) => l.lsoa === lsoa);
    if (earlier) {
      if (earlier.population !== population) {
        problems.push({
          file,
          line,
          message:
            `conflicting duplicate row: area ${code}, LSOA ${lsoa} has population ${population} here ` +
            `but ${earlier.population} on line ${earlier.line}`,
        });
      } else {
        warnings.push(
          `${file}:${line}: duplicate row (area ${code}, LSOA ${lsoa}, same as line ${earlier.line}) counted once`,
        );
      }
      continue;
    }
    area.lsoas.push({ lsoa, population, line });
  }

  for (const area of byCode.values()) {
    const blanks = blankLsoaLines.get(area.code) ?? [];
    if (!namesAnLsoa.has(area.code)) {
      problems.push({ file, line: area.line, message: `area ${area.code} (${area.name}) has no LSOAs` });
    } else {
      for (const line of blanks) problems.push({ file, line, message: `lsoa is blank (area ${area.code})` });
    }
    if (hasPopulation && area.lsoas.length > 0 && area.lsoas.every((l) => (l.population ?? 0) === 0)) {
      problems.push({
        file,
        line: area.line,
        message: `area ${area.code} (${area.name}) has a population of 0 in all its LSOAs`,
      });
    }
  }
  if (byCode.size === 0 && problems.length === 0)
    problems.push({ file, line: 0, message: 'the neighbourhoods file has no areas' });
  problems.sort((a, b) => a.line - b.line);
  return { value: { path: file, hasPopulation, areas: [...byCode.values()] }, problems, warnings };
}
