import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A synthetic national IMD 2019 File 7 (first seven columns): `rows` LSOAs E01000001… ranked 1…rows,
 * deciles by rank. `rankOf` may reorder the ranks.
 */
export function writeNationalImd(rows: number, rankOf: (i: number) => number = (i) => i): string {
  const lines = [
    'LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),' +
      'Index of Multiple Deprivation (IMD) Score,' +
      'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),' +
      'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)',
  ];
  for (let i = 1; i <= rows; i++) {
    const rank = rankOf(i);
    const score = (50 - (40 * rank) / rows).toFixed(3);
    const decile = Math.min(10, Math.floor(((rank - 1) * 10) / rows) + 1);
    lines.push(`E01${String(i).padStart(6, '0')},Somewhere ${i},E07000129,Blaby,${score},${rank},${decile}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sc-tag-'));
  const path = join(dir, 'imd-national.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
