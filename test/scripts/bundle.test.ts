import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built-cli.js';
import { ROOT } from '../helpers/fixtures.js';

const DIR = join(ROOT, 'dist/bundle');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

/** Every chunk a bundle file loads before it runs: its static imports, transitively (not `import()`). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of read(f).matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  visit(entry);
  return seen;
}

/** The packages and source files bundled into a set of chunks (esbuild marks each with a `// path` comment). */
function contents(files: Set<string>): string {
  return [...files].map(read).join('\n');
}

/** true when a chunk's text has esbuild's `// path` comment for a file whose path contains `marker`. */
const bundles = (text: string, marker: string) =>
  text.split('\n').some((line) => line.startsWith('// ') && line.includes(marker));

// Heavy readers load lazily (issue 18): --help and a CSV analysis must not parse exceljs, iconv-lite or the SPSS
// reader.
describe('the bundle loads heavy dependencies lazily', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('--help (cli.js and its static imports) holds neither exceljs, iconv-lite nor the .sav/.xlsx readers', () => {
    const text = contents(staticClosure('cli.js'));
    for (const marker of [
      'node_modules/exceljs',
      'node_modules/iconv-lite',
      'src/ingest/sav/read-sav.ts',
      'src/ingest/xlsx/',
    ])
      expect(bundles(text, marker), marker).toBe(false);
  });

  it('analyse of a CSV (the analyse chunk and its static imports) holds none of them either', () => {
    const analyse = readdirSync(DIR).find((f) => /^analyse-[A-Z0-9]+\.js$/.test(f));
    expect(analyse).toBeDefined();
    const text = contents(staticClosure(analyse!));
    expect(text).toContain('// src/ingest/byte-scanner.ts'); // the closure is real: the CSV reader is in it
    for (const marker of [
      'node_modules/exceljs',
      'node_modules/iconv-lite',
      'src/ingest/sav/read-sav.ts',
      'src/ingest/xlsx/',
    ])
      expect(bundles(text, marker), marker).toBe(false);
  });
});
