import { describe, expect, it } from 'vitest';
import type { VarLayout } from '../../../src/ingest/sav/build-dictionary.js';
import { BytecodeDecoder } from '../../../src/ingest/sav/bytecode.js';
import { CaseAssembler } from '../../../src/ingest/sav/case-assembler.js';
import { makeDecoder, resolveEncoding } from '../../../src/ingest/sav/encoding.js';
import { parseLongNames } from '../../../src/ingest/sav/long-names.js';
import { parseVeryLongStrings, segmentCount } from '../../../src/ingest/sav/very-long-strings.js';

const SYSMIS = -Number.MAX_VALUE;

/** Two variables: a number and an 8-byte string; one slot each. */
function assembler(): CaseAssembler {
  const layout: VarLayout[] = [
    { kind: 'numeric', offset: 0 },
    { kind: 'string', width: 8, segments: [{ offset: 8, length: 8 }] },
  ];
  return new CaseAssembler(layout, 16, true, SYSMIS, makeDecoder('windows-1252'));
}

describe('BytecodeDecoder', () => {
  // Worked from the format description: codes 105 (5 with bias 100), 254 (8 spaces), 255 (sysmis),
  // 253 (literal "abcdefgh" after the command group), 0 padding, 252 end; then bytes that must be ignored.
  const data = Buffer.concat([
    Buffer.from([105, 254, 255, 253, 0, 0, 252, 0]),
    Buffer.from('abcdefgh', 'latin1'),
    Buffer.from('ignored!', 'latin1'),
  ]);

  it.each([1, 2, 3, 5, 8, 100])('gives the same cases whatever the chunk size (%i)', (size) => {
    const asm = assembler();
    const dec = new BytecodeDecoder(100, SYSMIS, asm);
    for (let p = 0; p < data.length; p += size) dec.push(data.subarray(p, p + size));
    expect(asm.out).toEqual([
      [5, ''],
      [null, 'abcdefgh'],
    ]);
    expect(dec.ended).toBe(true);
    expect(dec.cleanEnd).toBe(true);
    expect(asm.partial).toBe(false);
  });

  it('reports a literal cut short as an unclean end', () => {
    const asm = assembler();
    const dec = new BytecodeDecoder(100, SYSMIS, asm);
    dec.push(Buffer.concat([Buffer.from([101, 253, 0, 0, 0, 0, 0, 0]), Buffer.from('abc')]));
    expect(dec.cleanEnd).toBe(false);
  });

  it('uses the header bias, and code bias+0 in a string slot gives NUL bytes (an empty string)', () => {
    const asm = assembler();
    const dec = new BytecodeDecoder(50, SYSMIS, asm);
    dec.push(Buffer.from([40, 50, 0, 0, 0, 0, 0, 0]));
    expect(asm.out).toEqual([[-10, '']]);
    expect(dec.cleanEnd).toBe(true);
  });
});

describe('record parsers', () => {
  it('long variable names (7/13)', () => {
    expect(parseLongNames('BELONG_N=belong_neighbourhood\tAREA=Area\tQ1=q1')).toEqual(
      new Map([
        ['BELONG_N', 'belong_neighbourhood'],
        ['AREA', 'Area'],
        ['Q1', 'q1'],
      ]),
    );
  });

  it('very long strings (7/14) and their segment counts', () => {
    expect(parseVeryLongStrings('NOTE=00305\0\tSTR600=00600\0\t')).toEqual(
      new Map([
        ['NOTE', 305],
        ['STR600', 600],
      ]),
    );
    expect([255, 256, 504, 505, 20000].map(segmentCount)).toEqual([2, 2, 2, 3, 80]);
  });

  it('encoding: record 7/20 first, else the 7/3 code page, else Windows-1252', () => {
    expect(resolveEncoding('UTF-8', 1252)).toBe('UTF-8');
    expect(resolveEncoding('windows-1252', null)).toBe('windows-1252');
    expect(resolveEncoding('no-such-encoding', null)).toBeNull();
    expect(resolveEncoding(null, 65001)).toBe('UTF-8');
    expect(resolveEncoding(null, 1252)).toBe('windows-1252');
    expect(resolveEncoding(null, 850)).toBe('cp850');
    expect(resolveEncoding(null, 1)).toBeNull(); // EBCDIC
    expect(resolveEncoding(null, null)).toBe('windows-1252');
    expect(makeDecoder('windows-1252')(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toBe('Café');
    expect(makeDecoder('UTF-8')(Buffer.from('Café', 'utf8'))).toBe('Café');
    expect(makeDecoder(resolveEncoding(null, 2) as string)(Buffer.from('abc'))).toBe('abc');
  });
});
