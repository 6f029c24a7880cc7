import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSavFile, openSav, SavError, type SavCase } from '../../../src/ingest/sav/read-sav.js';
import { fixture, tempDir } from '../../helpers/fixtures.js';
import { expectSameAsR, loadExpected, readAll, savFixture } from './sav-helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const writeTemp = (name: string, bytes: Buffer): string => {
  const p = join(tmp.dir, name);
  writeFileSync(p, bytes);
  return p;
};

/*
 * Expected values: R 4 with haven 2.5.1, reading the fixtures independently of this reader.
 *
 * > d <- read_sav("fixtures/sav/survey-byte.sav", user_na = TRUE)
 * > dim(d)
 * [1] 400   9
 * > str(lapply(d, function(x) attributes(x)[c("label","labels","na_values","na_range")]))   (abridged)
 *  $ area                : label "Neighbourhood"; labels Broughton Astley 1, Hinckley 2, Sharnford 3, Market Bosworth 4
 *  $ belong_neighbourhood: label "How strongly do you belong to your neighbourhood?";
 *                          labels Very strongly 1, Fairly strongly 2, Not very strongly 3,
 *                                 Not at all strongly 4, Don't know 5;
 *                          na_values 98 99
 * $ help_neighbour      : label "Help a neighbour"; labels Very likely 1, Not at all likely 4, Refused 95; na_range 90
 * 99
 *  (id, score, weight, town, note, seq_no: no label, labels or missing values)
 * > as.data.frame(d[c(1,3,4,7,8,11),
 * c("id","area","belong_neighbourhood","score","help_neighbour","weight","town","seq_no")])
 *      id area belong_neighbourhood score help_neighbour weight                          town seq_no
 * 1 R0001    4                    1 -1.00              3 2.5762                  Loughborough      1
 * 2 R0003    4                   NA  6.46              1 1.2423                  Loughborough      3
 * 3 R0004    2                    1 18.95              3 2.5358                  Loughborough      4
 * 4 R0007    3                   98 43.21              4 1.7015                      Hinckley      7
 * 5 R0008    2                   99 29.07             95 1.9090 Market Harborough Town Centre      8
 * 6 R0011    3                    4 27.63              1 1.0874                  Loughborough     11
 * > nchar(d$note[c(4,100,257,400,11)])
 * [1] 304 302 305 301  10
 * > unique(d$town)
 * [1] "Loughborough" "Café Quarter" "Hinckley" "Market Harborough Town Centre" ""
 * > cat(sum(d$weight), sum(is.na(d$score)), sum(d$seq_no), "\n")
 * 612.9172 2 80200
 *
 * Every cell of every case is also compared with survey.expected.json, which make-fixtures.R wrote
 * from that same read_sav() call (jsonlite, digits = NA); haven reads the three compressions identically.
 */
const survey = loadExpected('survey.expected.json');

const SURVEY_FILES = [
  { file: 'survey-byte.sav', compression: 'bytecode' },
  { file: 'survey-none.sav', compression: 'none' },
  { file: 'survey.zsav', compression: 'zlib' },
] as const;

describe('isSavFile', () => {
  it('recognises $FL2 and $FL3 and nothing else', () => {
    expect(isSavFile(Buffer.from('$FL2@(#) SPSS DATA FILE'))).toBe(true);
    expect(isSavFile(Buffer.from('$FL3@(#) SPSS DATA FILE'))).toBe(true);
    expect(isSavFile(readFileSync(savFixture('survey-byte.sav')).subarray(0, 4))).toBe(true);
    expect(isSavFile(Buffer.from('respondent_id,wave'))).toBe(false);
    expect(isSavFile(Buffer.from('$FL'))).toBe(false);
    expect(isSavFile(new Uint8Array(0))).toBe(false);
  });
});

describe.each(SURVEY_FILES)('openSav on $file', ({ file, compression }) => {
  it('reads the dictionary as R does', async () => {
    const sav = await openSav(savFixture(file));
    expect(sav.compression).toBe(compression);
    expect(sav.caseCount).toBe(400);
    expect(sav.weightVariable).toBe('weight'); // set in the header by make-fixtures.R (haven cannot)
    expect(sav.encoding).toBe('UTF-8');
    expect(sav.variables.map((v) => [v.name, v.type, v.width])).toEqual([
      ['id', 'string', 5],
      ['area', 'numeric', 0],
      ['belong_neighbourhood', 'numeric', 0],
      ['score', 'numeric', 0],
      ['help_neighbour', 'numeric', 0],
      ['weight', 'numeric', 0],
      ['town', 'string', 29],
      ['note', 'string', 305],
      ['seq_no', 'numeric', 0],
    ]);
    const byName = new Map(sav.variables.map((v) => [v.name, v]));
    const area = byName.get('area');
    expect(area?.label).toBe('Neighbourhood');
    expect([...(area?.valueLabels ?? [])]).toEqual([
      [1, 'Broughton Astley'],
      [2, 'Hinckley'],
      [3, 'Sharnford'],
      [4, 'Market Bosworth'],
    ]);
    expect(area?.missing).toEqual({ values: [] });
    const belong = byName.get('belong_neighbourhood');
    expect(belong?.label).toBe('How strongly do you belong to your neighbourhood?');
    expect(belong?.valueLabels.get(5)).toBe("Don't know");
    expect(belong?.missing).toEqual({ values: [98, 99] });
    const help = byName.get('help_neighbour');
    expect(help?.missing).toEqual({ values: [], range: [90, 99] });
    expect([...(help?.valueLabels ?? [])]).toEqual([
      [1, 'Very likely'],
      [4, 'Not at all likely'],
      [95, 'Refused'],
    ]);
    expect(byName.get('id')?.label).toBeNull();
  });

  it('reads every case as R does', async () => {
    const { sav, rows } = await readAll(savFixture(file));
    expectSameAsR(sav, rows, survey);
    // the rows printed by R above
    expect(rows[0]).toEqual(['R0001', 4, 1, -1, 3, 2.5762, 'Loughborough', '', 1]);
    expect(rows[2]?.slice(0, 6)).toEqual(['R0003', 4, null, 6.46, 1, 1.2423]);
    expect(rows[6]?.slice(0, 3)).toEqual(['R0007', 3, 98]);
    expect(rows[7]?.slice(0, 7)).toEqual(['R0008', 2, 99, 29.07, 95, 1.909, 'Market Harborough Town Centre']);
    expect([4, 100, 257, 400, 11].map((i) => (rows[i - 1]?.[7] as string).length)).toEqual([304, 302, 305, 301, 10]);
    expect(new Set(rows.map((r) => r[6]))).toEqual(
      new Set(['Loughborough', 'Café Quarter', 'Hinckley', 'Market Harborough Town Centre', '']),
    );
    const sum = (j: number) => rows.reduce((s, r) => s + (r[j] as number), 0);
    expect(sum(5)).toBeCloseTo(612.9172, 6);
    expect(sum(8)).toBe(80200);
    expect(rows.filter((r) => r[3] === null)).toHaveLength(2);
  });
});

describe('streaming', () => {
  it.each([1, 3, 7, 8, 9, 4096])('decompresses bytecode split into %i-byte chunks', async (chunkSize) => {
    const { sav, rows } = await readAll(savFixture('survey-byte.sav'), { chunkSize });
    expectSameAsR(sav, rows, survey);
  });

  it.each([1, 13])('reads uncompressed data in %i-byte chunks', async (chunkSize) => {
    const { sav, rows } = await readAll(savFixture('survey-none.sav'), { chunkSize });
    expectSameAsR(sav, rows, survey);
  });

  it('feeds inflated zsav data on in small chunks', async () => {
    const { sav, rows } = await readAll(savFixture('survey.zsav'), { chunkSize: 5 });
    expectSameAsR(sav, rows, survey);
  });

  it('reads afresh on each cases() call, also after a break', async () => {
    const sav = await openSav(savFixture('survey-byte.sav'), { chunkSize: 100 });
    const first: SavCase[] = [];
    for await (const row of sav.cases()) {
      first.push(row);
      if (first.length === 5) break;
    }
    let n = 0;
    for await (const row of sav.cases()) {
      if (n < 5) expect(row).toEqual(first[n]);
      n++;
    }
    expect(n).toBe(400);
  });
});

/** int32 little-endian at a header offset: 76 weight_index, 80 ncases. */
function patchInt32(bytes: Buffer, offset: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeInt32LE(value, offset);
  return copy;
}

describe('case count and truncation', () => {
  it('throws, naming both counts, when the header declares more cases than the data hold', async () => {
    const p = writeTemp('more.sav', patchInt32(readFileSync(savFixture('survey-byte.sav')), 80, 401));
    const sav = await openSav(p);
    expect(sav.caseCount).toBe(401);
    await expect(readAll(p)).rejects.toThrow(/401 cases.*400/);
    await expect(readAll(p)).rejects.toBeInstanceOf(SavError);
  });

  it('throws when the header declares fewer cases than the data hold', async () => {
    const p = writeTemp('fewer.sav', patchInt32(readFileSync(savFixture('survey-none.sav')), 80, 399));
    await expect(readAll(p)).rejects.toThrow(/399 cases.*400/);
  });

  it('reads all cases when the header says the count is unknown (-1)', async () => {
    const p = writeTemp('unknown.sav', patchInt32(readFileSync(savFixture('survey-byte.sav')), 80, -1));
    const { sav, rows } = await readAll(p);
    expect(sav.caseCount).toBeNull();
    expectSameAsR(sav, rows, survey);
  });

  it('rejects uncompressed data cut in the middle of a case', async () => {
    const bytes = readFileSync(savFixture('survey-none.sav'));
    const p = writeTemp('cut-none.sav', bytes.subarray(0, bytes.length - 100)); // a case is 400 bytes
    await expect(readAll(p)).rejects.toThrow(/middle of case 400: the file is truncated/);
  });

  it('rejects uncompressed data cut at a case boundary when the header knows the count', async () => {
    const bytes = readFileSync(savFixture('survey-none.sav'));
    const p = writeTemp('cut-none-400.sav', bytes.subarray(0, bytes.length - 400));
    await expect(readAll(p)).rejects.toThrow(/declares 400 cases but the data hold 399/);
  });

  it.each([1, 5, 8, 333, 5000])('rejects bytecode data with its last %i bytes cut off', async (cut) => {
    const bytes = readFileSync(savFixture('survey-byte.sav'));
    const p = writeTemp(`cut-byte-${cut}.sav`, bytes.subarray(0, bytes.length - cut));
    await expect(readAll(p, { chunkSize: 64 })).rejects.toThrow(/truncated|declares 400 cases but the data hold 3\d\d/);
  });

  it('rejects bytecode data cut off even when the count is unknown, if it stops mid-value', async () => {
    const bytes = patchInt32(readFileSync(savFixture('survey-byte.sav')), 80, -1);
    const p = writeTemp('cut-byte-unknown.sav', bytes.subarray(0, bytes.length - 3));
    await expect(readAll(p)).rejects.toThrow(/truncated/);
  });

  it('rejects a file cut inside its dictionary at open', async () => {
    const p = writeTemp('cut-dict.sav', readFileSync(savFixture('survey-byte.sav')).subarray(0, 700));
    await expect(openSav(p)).rejects.toThrow(/truncated/);
  });

  it('rejects a zsav file whose trailer is cut off', async () => {
    const bytes = readFileSync(savFixture('survey.zsav'));
    const p = writeTemp('cut.zsav', bytes.subarray(0, bytes.length - 30));
    await expect(openSav(p)).rejects.toThrow(/truncated/);
  });

  it('says what is wrong with a file that is not a system file', async () => {
    await expect(openSav(fixture('bom-crlf.csv'))).rejects.toThrow(/not an SPSS system file/);
    await expect(openSav(fixture('empty.csv'))).rejects.toBeInstanceOf(SavError);
  });
});

describe('zsav with several zlib blocks', () => {
  it('carries bytecode across block boundaries', async () => {
    const { deflateSync, inflateSync } = await import('node:zlib');
    const bytes = readFileSync(savFixture('survey.zsav'));
    // One block (haven's blocks hold ~4 MB): the trailer is the last 48 bytes. Its block entry is at +24:
    // int64 uncompressed_ofs, int64 compressed_ofs, int32 uncompressed_size, int32 compressed_size.
    const trailer = bytes.subarray(bytes.length - 48);
    expect(trailer.readInt32LE(20)).toBe(1); // n_blocks
    const compressedOfs = Number(trailer.readBigInt64LE(32));
    const compressedSize = trailer.readInt32LE(44);
    const zheaderOfs = compressedOfs - 24;
    expect(Number(bytes.readBigInt64LE(zheaderOfs))).toBe(zheaderOfs);
    const data = inflateSync(bytes.subarray(compressedOfs, compressedOfs + compressedSize));
    expect(data.length).toBe(trailer.readInt32LE(40));

    const cuts = [0, 1001, 2503, data.length]; // not multiples of 8: commands and literals straddle blocks
    const pieces = cuts.slice(1).map((end, i) => data.subarray(cuts[i], end));
    const zblocks = pieces.map((p) => deflateSync(p));
    const parts: Buffer[] = [bytes.subarray(0, zheaderOfs)];
    const zheader = Buffer.alloc(24);
    const blocksStart = zheaderOfs + 24;
    const trailerOfs = blocksStart + zblocks.reduce((s, b) => s + b.length, 0);
    const trailerLen = 24 + 24 * zblocks.length;
    zheader.writeBigInt64LE(BigInt(zheaderOfs), 0);
    zheader.writeBigInt64LE(BigInt(trailerOfs), 8);
    zheader.writeBigInt64LE(BigInt(trailerLen), 16);
    parts.push(zheader, ...zblocks);
    const t = Buffer.alloc(trailerLen);
    trailer.copy(t, 0, 0, 20); // bias, zero, block size
    t.writeInt32LE(zblocks.length, 20);
    let uOfs = zheaderOfs;
    let cOfs = blocksStart;
    zblocks.forEach((b, i) => {
      const e = 24 + 24 * i;
      t.writeBigInt64LE(BigInt(uOfs), e);
      t.writeBigInt64LE(BigInt(cOfs), e + 8);
      t.writeInt32LE((pieces[i] as Buffer).length, e + 16);
      t.writeInt32LE(b.length, e + 20);
      uOfs += (pieces[i] as Buffer).length;
      cOfs += b.length;
    });
    parts.push(t);
    const p = writeTemp('three-blocks.zsav', Buffer.concat(parts));
    const { sav, rows } = await readAll(p, { chunkSize: 3 });
    expect(sav.compression).toBe('zlib');
    expectSameAsR(sav, rows, survey);
  });
});
