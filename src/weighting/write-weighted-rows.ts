import Papa from 'papaparse';
import { detectEncoding } from '../ingest/detect-encoding.js';
import { readHead } from '../ingest/open-text-stream.js';
import { readCsvRecords } from '../ingest/byte-scanner-fallback.js';
import { sniffSeparator } from '../ingest/sniff-separator.js';
import { csvCell } from '../format/csv.js';
import type { RowPlacement } from './gather-raking-cells.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A text cell is escaped against spreadsheet formulas (csvCell), a number is not (`-1` stays `-1`). */
function outCell(s: string): string {
  return NUMBER.test(s.trim()) ? s : csvCell(s);
}

export interface WeightedOutput {
  /** the output header: every input column (union over files, first spelling kept), then any added */
  columns: string[];
  write(chunk: string): boolean | void;
}

/**
 * The output columns: the input columns (matched case-insensitively across files), with `weight`
 * holding the final weight (added at the end when absent), and, when the starting weight came from
 * a column, `start_weight` with that starting weight.
 */
export async function weightedColumns(
  files: { path: string }[],
  startWeightColumn: string | null,
): Promise<{ columns: string[]; hadStartWeight: boolean }> {
  const columns: string[] = [];
  const seen = new Set<string>();
  let hadStartWeight = false;
  for (const f of files) {
    const info = await detectEncoding(f.path);
    const head = await readHead(f.path, info);
    const end = head.search(/\r?\n/);
    const headerLine = end < 0 ? head : head.slice(0, end);
    const names = (Papa.parse<string[]>(headerLine, { delimiter: sniffSeparator(headerLine) }).data[0] ?? []).map((h) =>
      h.trim(),
    );
    for (const n of names) {
      const k = n.toLowerCase();
      if (startWeightColumn !== null && k === startWeightColumn.toLowerCase()) hadStartWeight = true;
      if (n === '' || seen.has(k)) continue;
      seen.add(k);
      columns.push(n);
    }
  }
  if (!seen.has('weight')) columns.push('weight');
  if (hadStartWeight && !seen.has('start_weight')) columns.push('start_weight');
  return { columns, hadStartWeight };
}

/**
 * The second pass of `sc-survey weight`: read each file again, raw, and write every row that the first
 * pass placed in a raking cell, with its final weight = factor(cell) × w0; rows set aside on the first
 * pass are skipped (ingest wrote them to --rejects). Physical lines are counted as ingest counts them, so
 * the two passes agree on which row is which. Returns the rows written.
 */
export async function writeWeightedRows(
  files: { path: string; label: string }[],
  placement: RowPlacement,
  factorOfCell: readonly number[],
  out: WeightedOutput,
): Promise<number> {
  const lowerColumns = out.columns.map((c) => c.toLowerCase());
  const weightAt = lowerColumns.indexOf('weight');
  const startAt = lowerColumns.indexOf('start_weight');
  out.write(`${Papa.unparse([out.columns.map(outCell)], { newline: '\n' })}\n`);
  let written = 0;
  for (let f = 0; f < files.length; f++) {
    const file = files[f]!;
    const lines = placement.lines[f]!;
    let next = 0;
    const info = await detectEncoding(file.path);
    const head = await readHead(file.path, info);
    const end = head.search(/\r?\n/);
    const separator = sniffSeparator(end < 0 ? head : head.slice(0, end));
    let map: number[] = [];
    let isHeader = true;
    // The same reader as ingest, so both passes number the physical lines alike.
    await readCsvRecords(file.path, { separator, encoding: info.encoding, bomLength: info.bomLength }, (rec) => {
      if (isHeader) {
        isHeader = false;
        // output column j ← input field map[j] (−1: blank)
        const names = rec.fields().map((h) => h.trim().toLowerCase());
        map = lowerColumns.map((c) => names.indexOf(c));
        return;
      }
      const here = rec.line;
      while (next < lines.length && lines[next]! < here) next++;
      if (lines[next] !== here) return; // set aside on the first pass (and already in --rejects)
      const w0 = placement.w0[f]![next]!;
      const weight = factorOfCell[placement.cell[f]![next]!]! * w0;
      const row = map.map((i) => (i >= 0 ? outCell(rec.fieldString(i)) : ''));
      if (weightAt >= 0) row[weightAt] = String(weight);
      if (startAt >= 0) row[startAt] = String(w0);
      out.write(`${Papa.unparse([row], { newline: '\n' })}\n`);
      written++;
    });
  }
  return written;
}
