import { fileURLToPath } from 'node:url';
import { parseCsv, readCsv, type CsvTable } from '../../src/tag/read-csv.js';

/** Absolute path of a file in fixtures/tag. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/tag/${name}`, import.meta.url));
}

export function table(name: string): CsvTable {
  return readCsv(fixture(name), 'test');
}

/** A CSV table from inline lines, named `path` in messages. */
export function inline(path: string, ...lines: string[]): CsvTable {
  return parseCsv(path, lines.join('\n') + '\n');
}
