import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseSmallCsv, readSmallCsv } from '../../src/io/small-csv.js';
import { table } from '../tag/fixture.js';

describe('parseSmallCsv / readSmallCsv', () => {
  it('drops a UTF-8 BOM and trims the header', () => {
    expect(parseSmallCsv('x', '\uFEFF code , name\nA,B\n').header).toEqual(['code', 'name']);
    expect(table('neighbourhoods-2021.csv').header[0]).toBe('code');
  });

  it('keeps file line numbers across CRLF, blank lines and quoted newlines', () => {
    const t = parseSmallCsv('x', 'a,b\r\n1,2\r\n\r\n"x\r\ny",3\r\n4,5\r\n');
    expect(t.rows.map((r) => [r.line, r.cells[1]])).toEqual([
      [2, '2'],
      [4, '3'],
      [6, '5'],
    ]);
  });

  it('a file that cannot be read is a usage error naming its role', () => {
    expect(() => readSmallCsv('/nonexistent/imd.csv', 'IMD')).toThrow(UsageError);
    expect(() => readSmallCsv('/nonexistent/imd.csv', 'IMD')).toThrow(
      /cannot read the IMD file \/nonexistent\/imd\.csv/,
    );
  });
});

describe('side files are read with a size limit', () => {
  // /dev/zero never ends: an unbounded read would run until the allocator aborts (issue 16, item 6)
  it('an endless file is a usage error naming the limit, for the registry and the codebook alike', async () => {
    const { readSideText } = await import('../../src/io/small-csv.js');
    const { loadCodebook } = await import('../../src/codebook/load-codebook.js');
    expect(() => readSideText('/dev/zero', 'area registry')).toThrow(
      /area registry file \/dev\/zero is larger than 16 MiB/,
    );
    expect(() => loadCodebook('/dev/zero')).toThrow(UsageError);
  });
});
