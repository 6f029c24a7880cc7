import { fileURLToPath } from 'node:url';
import { parseSmallCsv, readSmallCsv, type SmallCsv } from '../../src/io/small-csv.js';

/** Absolute path of a file in fixtures/tag. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/tag/${name}`, import.meta.url));
}

export function table(name: string): SmallCsv {
  return readSmallCsv(fixture(name), 'test');
}

/** A CSV table from inline lines, named `path` in messages. */
export function inline(path: string, ...lines: string[]): SmallCsv {
  return parseSmallCsv(path, lines.join('\n') + '\n');
}
