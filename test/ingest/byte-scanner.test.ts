import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createByteScanner, type ScanFallback, type ByteScannerOptions } from '../../src/ingest/byte-scanner.js';

interface Scanned {
  rows: string[][];
  lines: number[];
  offsets: number[];
  raws: string[];
  ints: number[][];
  fallback: ScanFallback | undefined;
}

/** Scans `input` cut into chunks at `cuts` (byte positions). */
function scan(
  input: string | Uint8Array,
  sep = ',',
  cuts: number[] = [],
  opts: Partial<ByteScannerOptions> = {},
): Scanned {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out: Scanned = { rows: [], lines: [], offsets: [], raws: [], ints: [], fallback: undefined };
  const scanner = createByteScanner({
    separator: sep.charCodeAt(0),
    ...opts,
    onRecord: (r) => {
      const row: string[] = [];
      const ints: number[] = [];
      for (let i = 0; i < r.fieldCount; i++) {
        row.push(r.fieldString(i));
        ints.push(r.fieldInt(i));
        // the offsets themselves are API: every field has them, in order, inside the record
        const [s, e] = [r.starts[i], r.ends[i]];
        if (!(Number.isInteger(s) && Number.isInteger(e) && r.start <= s! && s! <= e! && e! <= r.end))
          throw new Error(`field ${i}: offsets ${s}..${e}`);
      }
      out.rows.push(row);
      out.ints.push(ints);
      out.lines.push(r.line);
      out.offsets.push(r.offset);
      out.raws.push(r.rawString());
    },
  });
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of [...points, bytes.length]) {
    // a fresh copy, so that nothing can lean on the chunks being views of one buffer
    out.fallback ??= scanner.push(Uint8Array.from(bytes.subarray(from, p)));
    from = p;
  }
  out.fallback ??= scanner.end();
  return out;
}

/** Every CRLF outside quotes made LF (quote parity), so that LF and CRLF line ends may be mixed. */
function lfOutsideQuotes(t: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '"') quoted = !quoted;
    if (!(t[i] === '\r' && t[i + 1] === '\n' && !quoted)) out += t[i];
  }
  return out;
}

/** The reference: papaparse on the text with its line ends made one. */
const papa = (text: string, sep = ','): string[][] =>
  Papa.parse<string[]>(lfOutsideQuotes(text), { delimiter: sep, skipEmptyLines: true, newline: '\n' }).data;

/** Physical line of each byte offset, counted independently: 1 + the LFs before it. */
const lineAt = (text: string, offset: number): number => 1 + (text.slice(0, offset).match(/\n/g)?.length ?? 0);

/** Every way of cutting `text` in two, and one byte at a time, must give the same result as one chunk. */
function expectChunkingInvariant(text: string, sep = ','): void {
  const whole = scan(text, sep);
  const n = Buffer.byteLength(text);
  for (let c = 0; c <= n; c++) expect(scan(text, sep, [c])).toEqual(whole);
  expect(
    scan(
      text,
      sep,
      Array.from({ length: n }, (_, i) => i),
    ),
  ).toEqual(whole);
}

describe('createByteScanner: hand cases against papaparse', () => {
  const cases: Array<[string, string, string, string[][], number[]]> = [
    [
      'plain LF',
      'a,b\nc,d\n',
      ',',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [1, 2],
    ],
    [
      'no final line end',
      'a,b\nc,d',
      ',',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [1, 2],
    ],
    ['doubled quotes and a separator inside quotes', 'x,"a,""b""",c\n', ',', [['x', 'a,"b"', 'c']], [1]],
    [
      'quoted newline advances the physical line',
      'h1,h2\n"x\ny",z\nq,r\n',
      ',',
      [
        ['h1', 'h2'],
        ['x\ny', 'z'],
        ['q', 'r'],
      ],
      [1, 2, 4],
    ],
    [
      'CRLF line ends with a CRLF inside quotes',
      'a,b\r\n"c\r\nd",e\r\nf,g',
      ',',
      [
        ['a', 'b'],
        ['c\r\nd', 'e'],
        ['f', 'g'],
      ],
      [1, 2, 4],
    ],
    [
      'empty fields',
      ',,\n,\n"",x\n',
      ',',
      [
        ['', '', ''],
        ['', ''],
        ['', 'x'],
      ],
      [1, 2, 3],
    ],
    ['blank lines are skipped', 'a\n\n\nb\n\n', ',', [['a'], ['b']], [1, 4]],
    ['a lone "" record is skipped, as papaparse does', 'a\n""\nb\n', ',', [['a'], ['b']], [1, 3]],
    [
      'separator at the very end',
      'a,b\nc,',
      ',',
      [
        ['a', 'b'],
        ['c', ''],
      ],
      [1, 2],
    ],
    ['quoted field at the very end', 'a,"b ""c"""', ',', [['a', 'b "c"']], [1]],
    ['semicolon separator keeps commas', 'a;b,c;"d;e"\n', ';', [['a', 'b,c', 'd;e']], [1]],
    [
      'tab separator',
      'a\tb\t\n"\t"\tc\n',
      '\t',
      [
        ['a', 'b', ''],
        ['\t', 'c'],
      ],
      [1, 2],
    ],
    [
      'UTF-8 text',
      'naïve,"café, bar"\n€,x\n',
      ',',
      [
        ['naïve', 'café, bar'],
        ['€', 'x'],
      ],
      [1, 2],
    ],
    [
      'quoted CR and LF in an LF file',
      '"a\rb\nc",d\ne,f\n',
      ',',
      [
        ['a\rb\nc', 'd'],
        ['e', 'f'],
      ],
      [1, 3],
    ],
    ['spaces are kept', ' a , b \n', ',', [[' a ', ' b ']], [1]],
    ['empty input', '', ',', [], []],
    ['only blank lines', '\n\r\n', ',', [], []],
    [
      'LF and CRLF line ends mixed',
      'a\nb\r\n"c\r\n",d\n\ne\r\n',
      ',',
      [['a'], ['b'], ['c\r\n', 'd'], ['e']],
      [1, 2, 3, 6],
    ],
  ];
  for (const [name, text, sep, rows, lines] of cases) {
    it(name, () => {
      const r = scan(text, sep);
      expect(r.fallback).toBeUndefined();
      expect(r.rows).toEqual(rows);
      expect(r.rows).toEqual(papa(text, sep));
      expect(r.lines).toEqual(lines);
      expect(r.lines).toEqual(r.offsets.map((o) => lineAt(text, o)));
      expectChunkingInvariant(text, sep);
    });
  }

  it('raw text, offsets and fieldInt', () => {
    const r = scan('h,"q ""x"""\n12,,x1,"7",0123456789,007\n');
    expect(r.raws).toEqual(['h,"q ""x"""', '12,,x1,"7",0123456789,007']);
    expect(r.offsets).toEqual([0, 12]);
    expect(r.ints[1]).toEqual([12, -1, -1, 7, -1, 7]);
  });

  it('records wider and lines longer than its field arrays', () => {
    const wide = Array.from({ length: 700 }, (_, i) => String(i % 10)).join(',');
    const long = `${'x'.repeat(600)},y,"q,${'z'.repeat(300)}"`;
    // 255 and 256 separators: the lines either side of the field arrays' first size (256)
    const text = `${','.repeat(255)}\n${','.repeat(256)}\n${wide}\n${long}\n${wide}\n`;
    const r = scan(text, ',', [5, 1000, 2500]);
    expect(r.fallback).toBeUndefined();
    expect(r.rows).toEqual(papa(text));
    expect(r.rows.map((row) => row.length)).toEqual([256, 257, 700, 3, 700]);
  });

  it('skips a UTF-8 BOM but counts its bytes in offsets', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\nc,d\n')]);
    for (let c = 0; c <= bytes.length; c++) {
      const r = scan(bytes, ',', [c]);
      expect(r.rows).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      expect(r.offsets).toEqual([3, 7]);
    }
    expect(scan(bytes, ',', [], { stripBom: false }).rows[0]?.[0]).toBe('\ufeffa');
  });

  it('decodes single-byte text with the decoder it is given', () => {
    const bytes = iconv.encode('caf\u00e9,"\u20ac 5, \u00bd"\n', 'win1252');
    const r = scan(bytes, ',', [4], { decode: (b, s, e) => iconv.decode(Buffer.from(b.subarray(s, e)), 'win1252') });
    expect(r.rows).toEqual([['café', '€ 5, ½']]);
  });

  it('starts its line and offset counts where a byte range of a file starts', () => {
    const r = scan('a,b\n"c\nd",e\n', ',', [], { startLine: 41, startOffset: 1000, stripBom: false });
    expect(r.lines).toEqual([41, 42]);
    expect(r.offsets).toEqual([1000, 1004]);
  });

  it('reports the first line end it sees, or the one it is given', () => {
    const seen = (text: string, newline?: 'lf' | 'crlf') => {
      const s = createByteScanner({ separator: 0x2c, onRecord: () => {}, ...(newline ? { newline } : {}) });
      expect(s.push(Buffer.from(text)) ?? s.end()).toBeUndefined();
      return s.newline();
    };
    expect(seen('"a\r\nb"\nc\r\n')).toBe('lf');
    expect(seen('a\r\nb\n')).toBe('crlf');
    expect(seen('a')).toBeUndefined();
    expect(seen('a\nb\n', 'crlf')).toBe('crlf');
  });

  it('refuses a separator it cannot scan for', () => {
    for (const s of [0x22, 0x0a, 0x0d, 0x80, -1])
      expect(() => createByteScanner({ separator: s, onRecord: () => {} })).toThrow(RangeError);
  });
});

describe('createByteScanner: decoding accessors', () => {
  /** Calls fn on every field of every record of `text`. */
  function eachField(
    text: string,
    fn: (r: import('../../src/ingest/byte-scanner.js').ByteRecord, i: number) => void,
  ): void {
    const s = createByteScanner({
      separator: 0x2c,
      onRecord: (r) => {
        for (let i = 0; i < r.fieldCount; i++) fn(r, i);
      },
    });
    expect(s.push(Buffer.from(text)) ?? s.end()).toBeUndefined();
  }
  const quote = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t);

  it('fieldNumber is Number(fieldString) for decimals, NaN for an empty field, hex or Infinity', () => {
    const decimal = fc.tuple(fc.nat({ max: 10 ** 9 }), fc.nat({ max: 9 }), fc.nat({ max: 18 })).map(([m, z, k]) => {
      const d = '0'.repeat(z) + String(m);
      return k === 0 ? d : `${d.slice(0, Math.max(0, d.length - k)) || '0'}.${d.slice(-k).padStart(k, '0')}`;
    });
    const junk = fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ' ', 'x', '\t'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(decimal, junk, fc.double().map(String)), { minLength: 1, maxLength: 6 }),
        (values) => {
          const got: number[] = [];
          eachField(values.map(quote).join(',') + '\n', (r, i) => got.push(r.fieldNumber(i)));
          // the model: Number() where the cell is a finite decimal; no hex ("0x10") and no empty cell
          const model = (v: string) =>
            v.trim() === '' || /[xX]/.test(v) || !Number.isFinite(Number(v)) ? NaN : Number(v);
          got.forEach((g, i) => expect(g).toBe(model(values[i]!)));
        },
      ),
      { numRuns: 3000 },
    );
    eachField('0.1,1.,.5,.,0012.50,123456789012345,1234567890123456,1.25e2\n', (r, i) =>
      expect(r.fieldNumber(i)).toBe([0.1, 1, 0.5, NaN, 12.5, 123456789012345, 1234567890123456, 125][i]),
    );
  });

  it('fieldCached gives the same strings as fieldString, past the cache limit too', () => {
    const values = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '"', ',', ' '), maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 20 }), (rows) => {
        eachField(rows.map((r) => r.map(quote).join(',')).join('\n') + '\n', (r, i) => {
          const first = r.fieldCached(i);
          expect(first).toBe(r.fieldString(i));
          expect(r.fieldCached(i)).toBe(first);
        });
      }),
      { numRuns: 500 },
    );
    const many = Array.from({ length: 6000 }, (_, k) => `v${k % 5000},${'x'.repeat(k % 70)}`).join('\n');
    eachField(many, (r, i) => expect(r.fieldCached(i)).toBe(r.fieldString(i)));
  });
});

describe('createByteScanner: falls back when unsure', () => {
  const cases: Array<[string, string, Partial<ScanFallback>]> = [
    [
      'quote inside an unquoted field',
      'h\nab"c,d\n',
      { reason: 'quote-in-unquoted-field', line: 2, recordOffset: 2, offset: 4, records: 1 },
    ],
    [
      'space before an opening quote',
      'a, "b"\n',
      { reason: 'quote-in-unquoted-field', line: 1, offset: 3, records: 0 },
    ],
    [
      'text after a closing quote',
      'x\n"\n"y,z\n',
      { reason: 'text-after-closing-quote', line: 2, offset: 5, records: 1 },
    ],
    ['a space after a closing quote', '"a" ,b\n', { reason: 'text-after-closing-quote', line: 1, offset: 3 }],
    ['unterminated quote', 'a\n"b,c\nd\n', { reason: 'unterminated-quote', line: 2, records: 1 }],
    ['bare CR line ends', 'a\rb\r', { reason: 'bare-cr', line: 1, offset: 1, records: 0 }],
    ['bare CR at the very end', 'a\nb\r', { reason: 'bare-cr', line: 2, offset: 3, records: 1 }],
    ['bare CR after a quoted field', '"a"\rb\n', { reason: 'bare-cr', offset: 3 }],
    ['bare CR after CRLF line ends', 'a\r\nb\rc\r\n', { reason: 'bare-cr', line: 2, offset: 4, records: 1 }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const n = Buffer.byteLength(text);
      for (let c = 0; c <= n; c++) expect(scan(text, ',', [c]).fallback).toMatchObject(expected);
    });
  }

  it('ignores input after falling back', () => {
    let seen = 0;
    const s = createByteScanner({ separator: 0x2c, onRecord: () => seen++ });
    expect(s.push(Buffer.from('a\nb"\n'))?.reason).toBe('quote-in-unquoted-field');
    expect(s.push(Buffer.from('c\nd\n'))?.records).toBe(1);
    expect(s.end()?.reason).toBe('quote-in-unquoted-field');
    expect(seen).toBe(1);
  });
});

// ---- differential properties against papaparse -------------------------------------------------

const fieldText = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '1', 'é', '€', '"', ',', ';', '\t', '\r', '\n'),
  maxLength: 6,
});
const field = fc.record({ text: fieldText, quote: fc.boolean() });
const file = fc.record({
  sep: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  rows: fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
  trailing: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
});

describe('createByteScanner: differential properties', () => {
  it('agrees with papaparse and with the generating model on well-formed files, however they are chunked', () => {
    fc.assert(
      fc.property(file, ({ sep, newline, rows, trailing, cuts }) => {
        let text = '';
        const expected: string[][] = [];
        const expectedLines: number[] = [];
        rows.forEach((row, k) => {
          const cells = row.map(({ text: t, quote }) =>
            quote || t.includes(sep) || /["\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t,
          );
          if (!(row.length === 1 && row[0]?.text === '')) {
            expected.push(row.map((f) => f.text));
            expectedLines.push(lineAt(text, text.length));
          }
          text += cells.join(sep) + (k < rows.length - 1 || trailing ? newline : '');
        });
        const r = scan(text, sep, cuts);
        expect(r.fallback).toBeUndefined();
        expect(r.rows).toEqual(expected);
        expect(r.rows).toEqual(papa(text, sep));
        expect(r.lines).toEqual(expectedLines);
      }),
      { numRuns: 3000 },
    );
  });

  it(
    'on arbitrary text, either falls back or agrees with papaparse; what it emits before falling back ' + 'is exact',
    () => {
      const junk = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '"', '\r', '\n', '\n'), maxLength: 30 });
      let accepted = 0;
      fc.assert(
        fc.property(junk, fc.array(fc.nat(), { maxLength: 4 }), (text, cuts) => {
          const r = scan(text, ',', cuts);
          const upTo = r.fallback ? text.slice(0, r.fallback.recordOffset) : text;
          if (!r.fallback) accepted++;
          expect(r.rows).toEqual(papa(upTo));
          expect(r.lines).toEqual(r.offsets.map((o) => lineAt(text, o)));
          r.raws.forEach((raw, i) => expect(text.slice(r.offsets[i], (r.offsets[i] ?? 0) + raw.length)).toBe(raw));
          if (r.fallback) expect(r.fallback.line).toBe(lineAt(text, r.fallback.recordOffset));
        }),
        { numRuns: 5000 },
      );
      // the property must also exercise the accepting side
      expect(accepted).toBeGreaterThan(500);
    },
  );
});
