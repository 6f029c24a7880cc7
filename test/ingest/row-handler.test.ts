import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellToCode } from '../../src/codebook/compile-codebook.js';
import { bundledCodebook } from '../helpers/codebook.js';
import { tempDir } from '../helpers/fixtures.js';
import { ingest } from '../helpers/ingest.js';
import { csvText, HEADER, ITEM_IDS, rowFields } from '../helpers/survey-text.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
let n = 0;
const write = (text: string): string => {
  const p = join(tmp.dir, `cells-${n++}.csv`);
  writeFileSync(p, text);
  return p;
};

// Cells that look like codes but may not be, next to the plain ones the row handler reads from a table: each must
// get the code the cell rule (cellToCode on the trimmed text) gives, whichever path reads it.
const CELLS = [
  '1',
  '2',
  '4',
  '5',
  '0',
  '9',
  '01',
  '001',
  '10',
  '11',
  '12',
  '21',
  '32',
  '89',
  '98',
  '098',
  '99',
  '',
  ' 1',
  '1 ',
  '  ',
  '1.0',
  '+1',
  '-1',
  '1e0',
  '0x1',
  'x',
  'NA',
  '"1"',
  '""',
  '" 2"',
  '"9""8"',
];
const ITEMS = ['belong_neighbourhood', 'trust_general', 'volunteer_formal'] as const;

/** The text of a cell as the file holds it, quotes undone. */
const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);

describe('row handler: item cells read from the bytes', () => {
  const rows = CELLS.map((cell, i) =>
    rowFields({ id: `R${i}`, items: Object.fromEntries(ITEMS.map((it) => [it, cell])) }),
  );
  const { compiled } = bundledCodebook();
  const expected = (item: string, cell: string) => {
    const ci = compiled.items.find((c) => c.item.id === item)!;
    return cellToCode(ci, unquote(cell).trim(), compiled.missingValues);
  };

  it('gives each cell the code of the cell rule, and the codes, issues and counts of the library path', async () => {
    const fast = await ingest([write(csvText([HEADER, ...rows]))]);
    // a stray quote in the first record (the scanner's quote-in-unquoted-field) hands the file to papaparse:
    // every record is then strings, with no bytes
    const slowRows = [HEADER, rowFields({ id: 'Q', comments: 'a"b' }), ...rows];
    const slow = await ingest([write(csvText(slowRows))]);
    for (const item of ITEMS) {
      const k = ITEM_IDS.indexOf(item);
      expect(fast.rows.map((r) => r.codes[k])).toEqual(CELLS.map((c) => expected(item, c)));
      expect(slow.rows.slice(1).map((r) => r.codes[k])).toEqual(fast.rows.map((r) => r.codes[k]));
    }
    const issues = (l: typeof fast.log, skip: number) =>
      l.issues.map((i) => `${i.line - skip}:${i.column}:${i.reason}:${i.value}`);
    expect(issues(fast.log, 0)).toEqual(issues(slow.log, 1));
    expect(fast.log.accounting.answers).toEqual(slow.log.accounting.answers);
    expect(fast.log.accounting.cellIssues).toEqual(slow.log.accounting.cellIssues);
    expect([...fast.log.nonBlankCells]).toEqual([...slow.log.nonBlankCells].map((x, k) => x - (k < 17 ? 1 : 0)));
    expect(fast.rows.map((r) => r.respondentId)).toEqual(CELLS.map((_, i) => `R${i}`));
  });
});
