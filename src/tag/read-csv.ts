import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { UsageError } from '../errors.js';

export interface CsvRow {
  /** 1-based line of the row's first character in the file */
  line: number;
  cells: string[];
}

export interface CsvTable {
  path: string;
  header: string[];
  rows: CsvRow[];
}

/** Read a small CSV whole. A file that cannot be read is a usage problem (the path is wrong). */
export function readCsv(path: string, role: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the ${role} file ${path}: ${(err as Error).message}`);
  }
  return parseCsv(path, text);
}

/**
 * Parse CSV text, keeping each row's line number. Blank lines are skipped but counted;
 * quoted cells may hold newlines, which the line count follows.
 */
export function parseCsv(path: string, text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false });
  let line = 1;
  const located: CsvRow[] = [];
  for (const cells of parsed.data) {
    if (cells.some((c) => c.trim() !== '')) located.push({ line, cells });
    line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
  }
  const [first, ...rows] = located;
  return { path, header: (first?.cells ?? []).map((h) => h.trim()), rows };
}
