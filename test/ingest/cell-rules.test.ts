import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../helpers/ingest.js';
import { tempDir } from '../helpers/fixtures.js';
import { csvText, HEADER, rowFields } from '../helpers/survey-text.js';
import { answerReasons, addRow, createTallyStore } from '../../src/aggregate/tally-store.js';
import { bundledCodebook } from '../helpers/codebook.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
let n = 0;
const write = (text: string): string => {
  const p = join(tmp.dir, `cells-${n++}.csv`);
  writeFileSync(p, text);
  return p;
};

describe('integral decimals and NA spellings (issue 12 case 7)', () => {
  it('reads 2.0 / 2.00 as codes and NA spellings as missing, counted by column', async () => {
    const rows = [
      HEADER,
      rowFields({ id: 'a', items: { belong_neighbourhood: '2.0', keep_eye: 'NA' } }),
      rowFields({ id: 'b', items: { belong_neighbourhood: '2.00', keep_eye: '#N/A' } }),
      rowFields({ id: 'c', items: { belong_neighbourhood: '3', keep_eye: ' n/a ' } }),
      rowFields({ id: 'd', items: { belong_neighbourhood: '1.0', keep_eye: '-' } }),
      rowFields({ id: 'e', items: { belong_neighbourhood: '2.5', keep_eye: '.' } }),
    ];
    const { compiled } = bundledCodebook();
    const { log, rows: got } = await ingest([write(csvText(rows))]);
    const store = createTallyStore(compiled.items.length);
    for (const r of got) addRow(store, compiled, r);
    const a = log.accounting;
    // three cells of belong_neighbourhood written as decimals (2.0, 2.00, 1.0); 2.5 is invalid
    expect(a.answers.belong_neighbourhood).toEqual({ 'read-as-code:decimal': 3 });
    expect(a.cellIssues).toEqual({ 'belong_neighbourhood:invalid-code': 1 });
    expect(got.map((r) => r.codes[0])).toEqual([2, 2, 3, 1, -2]);
    // five keep_eye cells, each a spelling of "not available"
    const fromTallies = answerReasons(
      store,
      compiled.items.map((ci) => ci.item.id),
    );
    expect(fromTallies.keep_eye).toEqual({ 'missing:na-text': 5 });
    expect(fromTallies.belong_neighbourhood).toEqual({ 'missing:invalid-code': 1 });
  });

  it('reads a wave written 2006.0 as 2006 and counts it', async () => {
    const rows = [
      HEADER,
      rowFields({ id: 'a', wave: '2006.0' }),
      rowFields({ id: 'b', wave: '2006' }),
      rowFields({ id: 'c', wave: '2009.00' }),
    ];
    const { log, rows: got } = await ingest([write(csvText(rows))]);
    expect(got.map((r) => r.wave)).toEqual(['2006', '2006', '2009']);
    expect(log.accounting.answers.wave).toEqual({ 'read-as-code:decimal': 2 });
  });

  it('the byte scanner and the library parser agree (a quote in an unquoted field hands over at line 3)', async () => {
    const rows = [
      HEADER,
      rowFields({ id: 'a', items: { belong_neighbourhood: '2.0', keep_eye: 'NA' } }),
      rowFields({ id: 'b"', items: { belong_neighbourhood: '2.0', keep_eye: 'NA' } }),
      rowFields({ id: 'c', items: { belong_neighbourhood: '2.00', keep_eye: 'N/A' } }),
    ];
    const { log, rows: got } = await ingest([write(csvText(rows))]);
    expect(got.map((r) => r.codes[0])).toEqual([2, 2, 2]);
    expect(got.map((r) => r.codes[5])).toEqual([-3, -3, -3]);
    expect(log.accounting.answers.belong_neighbourhood).toEqual({ 'read-as-code:decimal': 3 });
  });
});

describe('blank and separator-only lines (issue 12 case 9)', () => {
  it('counts every blank or separator-only line, so every line is accounted for', async () => {
    const sepOnly = ','.repeat(HEADER.length - 1);
    const lines = [
      HEADER.join(','), // 1 header
      rowFields({ id: 'a' }).join(','), // 2 row
      '', // 3 blank
      sepOnly, // 4 separators only
      rowFields({ id: 'b' }).join(','), // 5 row
      '   ', // 6 spaces only: one field of blanks
      sepOnly, // 7 separators only
      rowFields({ id: 'c', area: 'Nowhere' }).join(','), // 8 row, set aside
      '', // 9 blank
    ];
    const { log } = await ingest([write(`${lines.join('\n')}\n`)]);
    const a = log.accounting;
    expect(a.read).toBe(3);
    expect(a.analysed).toBe(2);
    expect(a.blankLinesSkipped).toBe(5);
    // 9 lines = 1 header + 3 rows + 5 blank
    expect(1 + a.read + a.blankLinesSkipped).toBe(lines.length);
  });

  it('counts them on the library path too (after a hand-over)', async () => {
    const lines = [HEADER.join(','), rowFields({ id: 'a"' }).join(','), '', rowFields({ id: 'b' }).join(','), '', ''];
    const { log } = await ingest([write(`${lines.join('\n')}\n`)]);
    expect(log.accounting.read).toBe(2);
    expect(log.accounting.blankLinesSkipped).toBe(3);
  });
});

describe('a file without an id column', () => {
  it('is named in the accounting: its duplicates could not be checked', async () => {
    const noId = HEADER.slice(1);
    const p = write(csvText([noId, rowFields({}).slice(1), rowFields({}).slice(1)]));
    const q = write(csvText([HEADER, rowFields({ id: 'a' })]));
    const { log } = await ingest([p, q]);
    expect(log.accounting.duplicatesUnchecked).toEqual([p]);
    expect(log.accounting.analysed).toBe(3);
  });

  it('says so when over 5% of its rows (and 10 or more) equal an earlier row of the wave in every cell', async () => {
    const noId = HEADER.slice(1);
    // 40 different rows (the comment differs), then the first 12 again: 12 of 52 identical (23%)
    const rows = Array.from({ length: 40 }, (_, i) => rowFields({ comments: `r${i}` }).slice(1));
    const { log } = await ingest([write(csvText([noId, ...rows, ...rows.slice(0, 12)]))]);
    expect(log.accounting.analysed).toBe(52); // still analysed: they may be respondents who answered alike
    const warning = log.issues.find((i) => i.reason === 'identical-rows');
    expect(warning).toMatchObject({ severity: 'warning', value: '12' });
    expect(warning?.message).toContain('12 of 52 rows equal an earlier row of the same wave in every cell');
    // 9 repeats are under the minimum of 10; the same rows in another wave are not repeats
    const few = await ingest([write(csvText([noId, ...rows, ...rows.slice(0, 9)]))]);
    expect(few.log.issues.some((i) => i.reason === 'identical-rows')).toBe(false);
    const other = rows.slice(0, 12).map((r) => ['2006', ...r.slice(1)]);
    const waves = await ingest([write(csvText([noId, ...rows, ...other]))]);
    expect(waves.log.issues.some((i) => i.reason === 'identical-rows')).toBe(false);
  });
});

describe('labels that become keys are at most 200 characters (issue 16)', () => {
  it('sets a row with a 201-character wave or area aside as label-too-long', async () => {
    const rows = [
      HEADER,
      rowFields({ id: 'a', wave: 'w'.repeat(200) }),
      rowFields({ id: 'b', wave: 'w'.repeat(201) }),
      rowFields({ id: 'c', area: 'x'.repeat(201) }),
    ];
    const { log } = await ingest([write(csvText(rows))]);
    expect(log.accounting.analysed).toBe(1);
    expect(log.accounting.setAside).toEqual({ 'label-too-long': 2 });
    expect(log.issues.filter((i) => i.reason === 'label-too-long').map((i) => [i.line, i.columnName])).toEqual([
      [3, 'wave'],
      [4, 'neighbourhood'],
    ]);
  });
});
