import type { TallyCell } from '../aggregate/tally-store.js';
import type { Area, Issue } from '../types/index.js';
import { addSumsToCells, cellGroups, createCellTable, factorLookup } from './cell-table.js';
import type { MarginsFile } from './margins-file.js';
import { rakeGroups } from './rake-groups.js';
import { scaleTally } from './scale-tally.js';
import { createScopeResolver } from './scope-margins.js';
import { weightingReport } from './weighting-report.js';
import { type WeightingReport } from '../types/index.js';

/**
 * A tally cell that can be raked: the aggregate's (wave, area, profile…) cell, with the starting-weight
 * sums over all its returns (not only an item's base), which raking needs.
 */
export type WeightableCell = Pick<
  TallyCell,
  'wave' | 'area' | 'profile' | 'returns' | 'sumW' | 'sumW2' | 'minW' | 'maxW' | 'tallies' | 'perCode'
>;

export interface RakeTallyOptions {
  /** the profile columns the cells are keyed by; must include every raking variable */
  profileKeys: readonly string[];
  variables: readonly string[];
  margins: MarginsFile;
  areas: readonly Area[];
  tolerance: number;
  maxIter: number;
  bounds?: [number, number] | undefined;
  minEfficiency?: number | undefined;
}

/**
 * Rake the aggregate's tally cells without a second pass over the rows: gather them into raking cells
 * by wave and scope, rake each, and return copies of the cells whose every tally is scaled by its
 * cell's factor (Σw = f·Σw0, Σw² = f²·Σw0², Σw·pos = f·Σw0·pos), with sumW/sumW2/minW/maxW updated.
 * Merge the returned cells into groups as before; every estimate then uses the raked weights.
 *
 * Cells with '' in a raking variable must not reach here: those rows are set aside upstream as
 * `missing-weighting-variable`. When `issues` is not empty (margins that do not fit the data, or an
 * area no margins scope covers) nothing is raked and `cells` is undefined; non-convergence and low
 * efficiency are in `report.failures`.
 */
export function rakeTallyCells(
  cells: readonly WeightableCell[],
  o: RakeTallyOptions,
): { cells: WeightableCell[] | undefined; report: WeightingReport | undefined; issues: Issue[] } {
  const positions = o.variables.map((v) => {
    const i = o.profileKeys.indexOf(v);
    if (i < 0) throw new Error(`rakeTallyCells: the cells are not keyed by raking variable ${v}`);
    return i;
  });
  const scopeOf = createScopeResolver(o.margins);
  const areaByCode = new Map(o.areas.map((a) => [a.code, a]));
  const table = createCellTable(o.variables);
  const issues: Issue[] = [];
  const placed = cells.map((cell) => {
    const key = positions.map((i) => cell.profile[i] ?? '');
    if (key.some((k) => k === ''))
      throw new Error('rakeTallyCells: a cell has a blank raking variable; set such rows aside upstream');
    const area = areaByCode.get(cell.area);
    const scope = area ? scopeOf(cell.wave, area) : undefined;
    if (!scope) {
      issues.push({
        file: o.margins.file,
        line: 0,
        column: 0,
        columnName: 'scope',
        reason: 'no-margins',
        severity: 'error',
        value: cell.area,
        message:
          `no margins apply to ${cell.area} in wave ${cell.wave}: ` +
          'the margins file has no line for this area, its district, its type, or "all"',
        suggestion: 'add margins for this area, or a scope of "all"',
      });
      return undefined;
    }
    if (cell.returns > 0)
      addSumsToCells(table, cell.wave, scope, key, {
        count: cell.returns,
        sumW0: cell.sumW,
        sumW02: cell.sumW2,
        minW0: cell.minW,
        maxW0: cell.maxW,
      });
    return { scope, key };
  });
  if (issues.length) return { cells: undefined, report: undefined, issues: dedupe(issues) };
  const raked = rakeGroups(cellGroups(table), o.margins, o.variables, {
    tolerance: o.tolerance,
    maxIter: o.maxIter,
    bounds: o.bounds,
  });
  if (raked.issues.length) return { cells: undefined, report: undefined, issues: raked.issues };
  const report = weightingReport(raked.groups, {
    variables: o.variables,
    marginsFile: o.margins.file,
    measure: o.margins.measure,
    tolerance: o.tolerance,
    maxIter: o.maxIter,
    bounds: o.bounds,
    minEfficiency: o.minEfficiency,
  });
  const factor = factorLookup(raked.groups);
  const out = cells.map((cell, i) => {
    const p = placed[i]!;
    const f = factor(cell.wave, p.scope, p.key) ?? 0;
    return {
      ...cell,
      sumW: f * cell.sumW,
      sumW2: f * f * cell.sumW2,
      minW: f * cell.minW,
      maxW: f * cell.maxW,
      tallies: cell.tallies.map((t) => scaleTally(t, f)),
      ...(cell.perCode ? { perCode: cell.perCode.map((x, j) => (j % 2 === 1 ? f * x : x)) } : {}),
    };
  });
  return { cells: out, report, issues: [] };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = i.message;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
