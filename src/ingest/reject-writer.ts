import Papa from 'papaparse';
import { csvCell } from '../format/csv.js';
import { openOutputFile } from '../io/files.js';

/**
 * `--rejects`: every set-aside row, with file, line and reason, as CSV `file,line,reason,row`. Every cell is escaped
 * as in every other CSV output (csvCell), so neither a row that starts `=cmd|…` nor a file named `=1+1.csv` reaches a
 * spreadsheet as a formula: such a cell gets a leading `'`, and the rest of the row's text is as it stands.
 * When an input is an SPSS file or a workbook (useColumns), the rows are written cell by cell under the column names.
 */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface RejectWriter {
  /**
   * Before the first row: when any input is an SPSS file or a workbook, the rows are written cell by cell under
   * the inputs' column names (`file,case,reason,<names…>`) instead of as the raw text of a CSV row. `files` maps each
   * file's label to its column names; `unit` names the position column (`case`, `row`, or `line` for a mix).
   */
  useColumns(files: ReadonlyMap<string, readonly string[]>, unit: string): void;
  /** `raw`: the row's text as it stands in the file, when the reader has it; else the fields re-joined */
  write(file: string, line: number, reason: string, fields: string[], separator: string, raw?: string): void;
  /** put the file in place (renamed when it is a regular file); call abort() instead on failure */
  close(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Opens the file now, so that a path that cannot be written fails before any input is read, as a message (exit 2),
 * not a crash. A device or FIFO is written directly, never replaced. A write that fails later (disk full) is exit 1.
 */
export function createRejectWriter(path: string): RejectWriter {
  const out = openOutputFile(path, `the --rejects file ${path}`);
  let headerWritten = false;
  let columns: { union: string[]; place: Map<string, number[]> } | null = null;
  const writeRow = (cells: string[]) => out.write(`${Papa.unparse([cells.map(csvCell)], { newline: '\n' })}\n`);
  const writeHeader = (cells: string[]) => {
    headerWritten = true;
    writeRow(cells);
  };
  return {
    useColumns(files, unit) {
      const union: string[] = [];
      const index = new Map<string, number>();
      const place = new Map<string, number[]>();
      for (const [file, names] of files)
        place.set(
          file,
          names.map((n) => {
            const key = n.trim().toLowerCase();
            let at = index.get(key);
            if (at === undefined) {
              at = union.length;
              index.set(key, at);
              union.push(n.trim());
            }
            return at;
          }),
        );
      columns = { union, place };
      writeHeader(['file', unit, 'reason', ...union]);
    },
    write(file, line, reason, fields, separator, raw) {
      if (!headerWritten) writeHeader(['file', 'line', 'reason', 'row']);
      if (columns !== null) {
        const cells = new Array<string>(columns.union.length).fill('');
        const at = columns.place.get(file) ?? [];
        // cells beyond the file's header (a row too long) follow the named columns, so nothing is dropped
        const extra: string[] = [];
        fields.forEach((f, i) => {
          const j = at[i];
          if (j === undefined) extra.push(f);
          else cells[j] = f;
        });
        // a number is written as it is (`-1` stays `-1`); text is escaped as everywhere
        const safe = [...cells, ...extra].map((c) => (NUMBER.test(c.trim()) ? c : csvCell(c)));
        out.write(`${Papa.unparse([[csvCell(file), String(line), csvCell(reason), ...safe]], { newline: '\n' })}\n`);
        return;
      }
      const row = raw ?? Papa.unparse([fields], { delimiter: separator, newline: '\n' });
      writeRow([file, String(line), reason, row]);
    },
    async close() {
      if (!headerWritten) writeHeader(['file', 'line', 'reason', 'row']);
      out.close();
    },
    async abort() {
      out.abort();
    },
  };
}
