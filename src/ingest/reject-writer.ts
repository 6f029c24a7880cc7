import Papa from 'papaparse';
import { csvCell } from '../format/csv.js';
import { openOutputFile } from '../io/files.js';

/**
 * `--rejects`: every set-aside row, with file, line and reason, as CSV `file,line,reason,row`. Every cell is escaped
 * as in every other CSV output (csvCell), so neither a row that starts `=cmd|…` nor a file named `=1+1.csv` reaches a
 * spreadsheet as a formula: such a cell gets a leading `'`, and the rest of the row's text is as it stands.
 */
export interface RejectWriter {
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
  out.write('file,line,reason,row\n');
  return {
    write(file, line, reason, fields, separator, raw) {
      const row = raw ?? Papa.unparse([fields], { delimiter: separator, newline: '\n' });
      out.write(`${Papa.unparse([[csvCell(file), String(line), csvCell(reason), csvCell(row)]], { newline: '\n' })}\n`);
    },
    async close() {
      out.close();
    },
    async abort() {
      out.abort();
    },
  };
}
