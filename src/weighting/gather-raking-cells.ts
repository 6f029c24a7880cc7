import type { AreaRegistry } from '../areas/load-areas.js';
import type { IssueLog } from '../ingest/issue-log.js';
import { readSurveyFiles, type FileSummary } from '../ingest/read-survey.js';
import { type IngestOptions } from '../ingest/ingest-options.js';
import type { Issue, SurveyRow } from '../types/index.js';
import { addToCells, createCellTable, type CellTable } from './cell-table.js';
import { scopeLabel, type MarginScope } from './margins-file.js';

/** Where each analysed row went: per input file, its lines in order, with their cell and w0. */
export interface RowPlacement {
  /** per file: the lines of the rows that will be weighted, ascending */
  lines: number[][];
  /** parallel to lines: an index into `cells` */
  cell: number[][];
  /** parallel to lines: the starting weight */
  w0: number[][];
  /** the distinct (wave, scope, categories) cells the rows fell in */
  cells: { wave: string; scope: MarginScope; key: string[] }[];
}

/**
 * The first pass of `sc-survey weight`: read every row through ingest, which validates it, keeps the
 * accounting, and (with `requiredProfiles`: the raking variables) sets aside a row with a blank or
 * unknown raking variable as `missing-weighting-variable`; gather the rest into raking cells by wave
 * and scope. Memory:
 * the cells, plus three numbers per row to place the rows again on the second pass.
 *
 * A row whose area no margins scope covers is an error (`no-margins`, one issue per wave and area):
 * the margins file is incomplete, so the run cannot weight it.
 */
export async function gatherRakingCells(
  files: { path: string; label: string }[],
  ingest: IngestOptions,
  registry: AreaRegistry,
  variables: readonly string[],
  scopeOf: (wave: string, area: NonNullable<ReturnType<AreaRegistry['byKey']['get']>>) => MarginScope | undefined,
  log: IssueLog,
): Promise<{ table: CellTable; placement: RowPlacement; summaries: FileSummary[]; unscoped: Issue[] }> {
  const table = createCellTable(variables);
  const placement: RowPlacement = { lines: [], cell: [], w0: [], cells: [] };
  const cellIds = new Map<string, number>();
  const fileIndex = new Map(files.map((f, i) => [f.label, i]));
  files.forEach(() => {
    placement.lines.push([]);
    placement.cell.push([]);
    placement.w0.push([]);
  });
  const areaByCode = new Map(registry.areas.map((a) => [a.code, a]));
  const unscoped = new Map<string, Issue>();

  const onRow = (row: SurveyRow): void => {
    const f = fileIndex.get(row.file)!;
    if (variables.some((v) => row.profile[v] === undefined))
      throw new Error('gatherRakingCells: ingest must be given requiredProfiles = the raking variables');
    const key = variables.map((v) => row.profile[v]!);
    const area = areaByCode.get(row.area)!;
    const scope = scopeOf(row.wave, area);
    if (!scope) {
      const k = `${row.wave}\u0000${row.area}`;
      const seen = unscoped.get(k);
      if (seen) seen.value = String(Number(seen.value) + 1);
      else
        unscoped.set(k, {
          file: row.file,
          line: row.line,
          column: 0,
          columnName: 'neighbourhood',
          reason: 'no-margins',
          severity: 'error',
          value: '1',
          message:
            `no margins apply to ${area.code} (${area.name}) in wave ${row.wave}: ` +
            'the margins file has no line for this area, its district, its type, or "all"',
          suggestion: 'add margins for this area, or a scope of "all"',
        });
      return;
    }
    addToCells(table, row.wave, scope, key, row.weight);
    const ck = `${row.wave}\u0000${scopeLabel(scope)}\u0000${scope.kind}\u0000${key.join('\u0000')}`;
    let id = cellIds.get(ck);
    if (id === undefined) {
      id = placement.cells.length;
      cellIds.set(ck, id);
      placement.cells.push({ wave: row.wave, scope, key });
    }
    placement.lines[f]!.push(row.line);
    placement.cell[f]!.push(id);
    placement.w0[f]!.push(row.weight);
  };

  const summaries = await readSurveyFiles(files, { ...ingest, requiredProfiles: variables }, onRow, log);
  return { table, placement, summaries, unscoped: [...unscoped.values()] };
}
