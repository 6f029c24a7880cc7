import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { openSav, type OpenSavOptions, type SavCase, type SavFile } from '../../../src/ingest/sav/read-sav.js';
import { fixture } from '../../helpers/fixtures.js';

export const savFixture = (name: string): string => fixture(`sav/${name}`);

/** The cases as R's haven::read_sav(path, user_na = TRUE) read them (written by make-fixtures.R). */
export interface Expected {
  names: string[];
  columns: Record<string, (number | string | null)[]>;
}

export const loadExpected = (name: string): Expected => JSON.parse(readFileSync(savFixture(name), 'utf8')) as Expected;

export async function readAll(path: string, options?: OpenSavOptions): Promise<{ sav: SavFile; rows: SavCase[] }> {
  const sav = await openSav(path, options);
  const rows: SavCase[] = [];
  for await (const row of sav.cases()) rows.push(row);
  return { sav, rows };
}

/** Every cell equal to R's reading; numbers to 12 significant digits (R printed them with 15). */
export function expectSameAsR(sav: SavFile, rows: SavCase[], exp: Expected): void {
  expect(sav.variables.map((v) => v.name)).toEqual(exp.names);
  const n = (exp.columns[exp.names[0] as string] ?? []).length;
  expect(rows.length).toBe(n);
  exp.names.forEach((name, j) => {
    const col = exp.columns[name] as (number | string | null)[];
    for (let i = 0; i < n; i++) {
      const want = col[i];
      const got = (rows[i] as SavCase)[j];
      if (typeof want === 'number' && typeof got === 'number') {
        if (Math.abs(got - want) > 1e-12 * Math.max(1, Math.abs(want))) {
          expect.fail(`${name} row ${i + 1}: got ${got}, R read ${want}`);
        }
      } else if (got !== want) {
        expect.fail(`${name} row ${i + 1}: got ${JSON.stringify(got)}, R read ${JSON.stringify(want)}`);
      }
    }
  });
}
