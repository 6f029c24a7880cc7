import { scopeKey, type MarginScope } from './margins-file.js';
import type { RakingCell } from './types.js';

/** The raking cells of one wave and scope, as gathered from the rows (or from tallies keyed by cell). */
export interface WeightingGroup {
  wave: string;
  scope: MarginScope;
  cells: RakingCell[];
}

/** Gathers respondents into raking cells, grouped by wave and scope, in one pass. */
export interface CellTable {
  variables: string[];
  groups: Map<string, WeightingGroup & { index: Map<string, number> }>;
}

export function createCellTable(variables: readonly string[]): CellTable {
  return { variables: [...variables], groups: new Map() };
}

const groupKey = (wave: string, scope: MarginScope): string => `${wave}\u0000${scopeKey(scope)}`;
const cellKey = (key: readonly string[]): string => key.join('\u0000');

/** Add one respondent with starting weight w0 and raking categories `key` (in variable order). */
export function addToCells(
  table: CellTable,
  wave: string,
  scope: MarginScope,
  key: readonly string[],
  w0: number,
): void {
  addSumsToCells(table, wave, scope, key, { count: 1, sumW0: w0, sumW02: w0 * w0, minW0: w0, maxW0: w0 });
}

/** Add the sums of several respondents at once (e.g. one aggregate tally cell) to their raking cell. */
export function addSumsToCells(
  table: CellTable,
  wave: string,
  scope: MarginScope,
  key: readonly string[],
  sums: Pick<RakingCell, 'count' | 'sumW0' | 'sumW02' | 'minW0' | 'maxW0'>,
): void {
  const gk = groupKey(wave, scope);
  let group = table.groups.get(gk);
  if (!group) {
    group = { wave, scope, cells: [], index: new Map() };
    table.groups.set(gk, group);
  }
  const ck = cellKey(key);
  let i = group.index.get(ck);
  if (i === undefined) {
    i = group.cells.length;
    group.index.set(ck, i);
    group.cells.push({ key: [...key], count: 0, sumW0: 0, sumW02: 0, minW0: Infinity, maxW0: -Infinity });
  }
  const cell = group.cells[i]!;
  cell.count += sums.count;
  cell.sumW0 += sums.sumW0;
  cell.sumW02 += sums.sumW02;
  cell.minW0 = Math.min(cell.minW0, sums.minW0);
  cell.maxW0 = Math.max(cell.maxW0, sums.maxW0);
}

/** The groups, ordered by wave then scope key, so that reports are deterministic. */
export function cellGroups(table: CellTable): WeightingGroup[] {
  return [...table.groups.values()]
    .map(({ wave, scope, cells }) => ({ wave, scope, cells }))
    .sort(
      (a, b) =>
        a.wave.localeCompare(b.wave) ||
        scopeOrder(a.scope) - scopeOrder(b.scope) ||
        a.scope.value.localeCompare(b.scope.value),
    );
}

function scopeOrder(s: MarginScope): number {
  return ['all', 'type', 'district', 'area'].indexOf(s.kind);
}

/**
 * A lookup from (wave, scope, raking categories) to the final factor: the weight is factor × w0.
 * Undefined when the cell was not raked (its group failed validation).
 */
export function factorLookup(
  groups: readonly { wave: string; scope: MarginScope; cells: RakingCell[]; factors?: number[] | undefined }[],
) {
  const map = new Map<string, number>();
  for (const g of groups) {
    if (!g.factors) continue;
    g.cells.forEach((c, i) => map.set(`${groupKey(g.wave, g.scope)}\u0001${cellKey(c.key)}`, g.factors![i]!));
  }
  return (wave: string, scope: MarginScope, key: readonly string[]): number | undefined =>
    map.get(`${groupKey(wave, scope)}\u0001${cellKey(key)}`);
}
