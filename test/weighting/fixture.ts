import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Area } from '../../src/types/index.js';
import type { RakingCell } from '../../src/weighting/types.js';

/** Reads fixtures/weighting/*.csv (plain comma-separated, no quotes) and builds raking cells from raking-200.csv. */

const dir = fileURLToPath(new URL('../../fixtures/weighting/', import.meta.url));

export function readSmallCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(dir + name, 'utf8')
    .trim()
    .split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

export interface FixtureRow {
  id: string;
  age_band: string;
  sex: string;
  w0: number;
  y: number;
}

export const rows: FixtureRow[] = readSmallCsv('raking-200.csv').map((r) => ({
  id: r.id!,
  age_band: r.age_band!,
  sex: r.sex!,
  w0: Number(r.w0),
  y: Number(r.y),
}));

export const AGES = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];

/** Cells keyed by age_band × sex, with Σw0·y per cell alongside (what an aggregate tally would hold). */
export function fixtureCells(): { cells: RakingCell[]; sumW0Y: number[]; cellOf: (r: FixtureRow) => number } {
  const keys = new Map<string, number>();
  const cells: RakingCell[] = [];
  const sumW0Y: number[] = [];
  for (const r of rows) {
    const k = `${r.age_band}|${r.sex}`;
    let i = keys.get(k);
    if (i === undefined) {
      i = cells.length;
      keys.set(k, i);
      cells.push({ key: [r.age_band, r.sex], count: 0, sumW0: 0, sumW02: 0, minW0: Infinity, maxW0: -Infinity });
      sumW0Y.push(0);
    }
    const c = cells[i]!;
    c.count++;
    c.sumW0 += r.w0;
    c.sumW02 += r.w0 * r.w0;
    c.minW0 = Math.min(c.minW0, r.w0);
    c.maxW0 = Math.max(c.maxW0, r.w0);
    sumW0Y[i]! += r.w0 * r.y;
  }
  return { cells, sumW0Y, cellOf: (r) => keys.get(`${r.age_band}|${r.sex}`)! };
}

/** A small registry for scope tests. */
export const AREAS: Area[] = [
  { code: 'BL-BRA', name: 'Braunstone Town', aliases: [], district: 'Blaby', type: 'deprived', typeSource: '' },
  { code: 'BL-SHA', name: 'Sharnford', aliases: [], district: 'Blaby', type: 'rural', typeSource: '' },
  { code: 'CH-WOL', name: 'Walton on the Wolds', aliases: [], district: 'Charnwood', type: 'rural', typeSource: '' },
];
