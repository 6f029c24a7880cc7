import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { UsageError } from '../errors.js';
import { describeFsError } from './files.js';

/**
 * The one reader of small side files (area registry, targets, margins, tag's LSOA files, column maps): the
 * header, then every non-blank row with its physical line number, so messages point at the line a person
 * sees in an editor. Handles a byte-order mark, Windows-1252 text, and comma, semicolon or tab separators.
 */

/** Side files are small; anything larger is not one (and /dev/zero must not be read for ever). */
export const SIDE_FILE_LIMIT = 16 * 1024 * 1024;

export interface SmallCsvRow {
  /** 1-based physical line of the row's first character */
  line: number;
  cells: string[];
}

export interface SmallCsv {
  path: string;
  /** header cells, trimmed */
  header: string[];
  /** 1-based physical line of the header */
  headerLine: number;
  /** non-blank rows after the header */
  rows: SmallCsvRow[];
}

/** One problem in a side file, located to its line (0: the whole file). */
export interface SideFileProblem {
  file: string;
  line: number;
  column?: string;
  message: string;
}

export function formatProblem(p: SideFileProblem): string {
  return `${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.column ? `${p.column}: ` : ''}${p.message}`;
}

/** Read a side file's text; a path that cannot be read is a usage problem (the path is wrong). */
export function readSideText(path: string, role: string): string {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, SIDE_FILE_LIMIT);
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(tooLarge(path, role));
    throw new UsageError(`cannot read the ${role} file ${path}: ${describeFsError(err)}`);
  }
  return decode(bytes);
}

/**
 * Read at most `limit` bytes; a longer file (or a device such as /dev/zero, or a FIFO that never ends) is a
 * RangeError after `limit + 1` bytes, never an unbounded read.
 */
function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new RangeError('side file over the limit');
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(path: string, role: string): string {
  return (
    `the ${role} file ${path} is larger than ${SIDE_FILE_LIMIT / 2 ** 20} MiB, ` +
    `which no ${role} file approaches; check the path`
  );
}

/** UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on Windows). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function readSmallCsv(path: string, role: string): SmallCsv {
  return parseSmallCsv(path, readSideText(path, role));
}

/** The separator is whichever of comma, semicolon or tab occurs most often outside quotes in the first line. */
function sniff(firstLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  return [';', '\t'].reduce((best, s) => (counts[s]! > counts[best]! ? s : best), ',');
}

/** Parse side-file text. Blank lines (and lines of bare separators) are skipped but counted in line numbers. */
export function parseSmallCsv(path: string, text: string): SmallCsv {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: sniff(firstLine) });
  let line = 1;
  const located: SmallCsvRow[] = [];
  for (const cells of parsed.data) {
    if (cells.some((c) => c.trim() !== '')) located.push({ line, cells });
    line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
  }
  const [first, ...rows] = located;
  return { path, header: (first?.cells ?? []).map((h) => h.trim()), headerLine: first?.line ?? 1, rows };
}

/** A row as a record keyed by the lower-cased header, for zod validation. */
export function rowRecord(csv: SmallCsv, row: SmallCsvRow): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  csv.header.forEach((h, i) => (out[h.toLowerCase()] = row.cells[i] ?? ''));
  return out;
}
