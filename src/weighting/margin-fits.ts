import type { MarginFit, RakingCell } from './types.js';

/**
 * The categories of each raking variable, and each cell's category index per variable.
 * Throws when a cell holds a category that has no margin: callers validate with checkMargins first.
 */
export interface CellIndex {
  variables: string[];
  /** per variable: its categories, in margin order */
  categories: string[][];
  /** per variable: its targets (proportions, 0–1), parallel to categories */
  targets: number[][];
  /** per cell: its category index on each variable */
  cellCategory: number[][];
}

export function indexCells(
  variables: readonly string[],
  cells: readonly RakingCell[],
  margins: readonly { variable: string; category: string; share: number }[],
): CellIndex {
  const categories = variables.map((v) => margins.filter((m) => m.variable === v).map((m) => m.category));
  const targets = variables.map((v) => margins.filter((m) => m.variable === v).map((m) => m.share));
  const lookup = categories.map((cats) => new Map(cats.map((c, i) => [c, i])));
  const cellCategory = cells.map((cell) =>
    variables.map((v, j) => {
      const k = lookup[j]!.get(cell.key[j] ?? '');
      if (k === undefined) throw new Error(`raking: category "${cell.key[j]}" of ${v} has no margin`);
      return k;
    }),
  );
  return { variables: [...variables], categories, targets, cellCategory };
}

/** Weighted totals per variable and category: Σ g·w0 over the cells in that category. */
export function categoryTotals(index: CellIndex, cells: readonly RakingCell[], g: readonly number[]): number[][] {
  const totals = index.categories.map((cats) => cats.map(() => 0));
  cells.forEach((cell, c) => {
    const w = g[c]! * cell.sumW0;
    index.cellCategory[c]!.forEach((k, j) => {
      totals[j]![k]! += w;
    });
  });
  return totals;
}

/**
 * The largest absolute margin error, as a share (0–1): max |Σ g·w0 in the category − target × Σw0| / Σw0.
 * Measured against the starting total Σw0 (not the current one), so that it also holds the total fixed,
 * which the bounds on g depend on.
 */
export function largestMarginError(index: CellIndex, cells: readonly RakingCell[], g: readonly number[]): number {
  const totals = categoryTotals(index, cells, g);
  const total0 = cells.reduce((s, c) => s + c.sumW0, 0);
  let worst = 0;
  totals.forEach((row, j) => {
    row.forEach((t, k) => {
      worst = Math.max(worst, Math.abs(t / total0 - index.targets[j]![k]!));
    });
  });
  return worst;
}

/** Target vs achieved shares (0–1), before (g = 1) and after raking. */
export function marginFits(index: CellIndex, cells: readonly RakingCell[], g: readonly number[]): MarginFit[] {
  const before = categoryTotals(
    index,
    cells,
    cells.map(() => 1),
  );
  const after = categoryTotals(index, cells, g);
  const share = (row: number[], k: number): number => {
    const sum = row.reduce((s, x) => s + x, 0);
    return sum > 0 ? row[k]! / sum : 0;
  };
  return index.variables.flatMap((variable, j) =>
    index.categories[j]!.map((category, k) => ({
      variable,
      category,
      target: index.targets[j]![k]!,
      before: share(before[j]!, k),
      after: share(after[j]!, k),
    })),
  );
}
