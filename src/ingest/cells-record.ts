import type { CsvRecord } from './byte-scanner.js';
import { decimalNumber } from './decimal-number.js';

/** A record whose cells are already text (a workbook row, an SPSS case), for the row handler. */
export interface CellsRecord extends CsvRecord {
  line: number;
  /**
   * Set the cells; a row shorter than `width` is padded with empty cells (a workbook has no ragged rows). `raw`:
   * the values as the file holds them, for fields() (what --rejects writes), when the cells were translated.
   */
  set(line: number, cells: readonly string[], width: number, raw?: readonly string[]): void;
}

/** One reusable record over string cells, as the row handler reads the byte scanner's records. */
export function cellsRecord(): CellsRecord {
  let cells: readonly string[] = [];
  let rawCells: readonly string[] | undefined;
  let count = 0;
  const at = (i: number) => (i < cells.length ? (cells[i] ?? '') : '');
  const r: CellsRecord = {
    line: 0,
    parseError: undefined,
    get fieldCount() {
      return count;
    },
    fieldString: at,
    fieldCached: at,
    fieldInt: (i) => {
      const s = at(i);
      return /^[0-9]{1,9}$/.test(s) ? Number(s) : -1;
    },
    fieldNumber: (i) => decimalNumber(at(i)),
    fields: () => (rawCells ? rawCells.slice() : Array.from({ length: count }, (_, i) => at(i))),
    set(line, next, width, raw) {
      r.line = line;
      cells = next;
      rawCells = raw;
      count = Math.max(next.length, width);
    },
  };
  return r;
}
