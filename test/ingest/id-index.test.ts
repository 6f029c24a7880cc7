import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdChecker } from '../../src/ingest/id-checker.js';
import { createIdIndex, hash64, hashIdBytes, hashIdString, keySeed } from '../../src/ingest/id-index.js';

/** find, then add when absent: true when (key, id) was already there. */
function seen(ids: ReturnType<typeof createIdIndex>, key: string, id: string, tag = 0): boolean {
  const [h1, h2] = hash64(key, id);
  if (ids.find(h1, h2) >= 0) return true;
  ids.add(h1, h2, tag);
  return false;
}

describe('createIdIndex', () => {
  it('reports an id as seen only the second time in the same wave', () => {
    const ids = createIdIndex();
    expect(seen(ids, '2009', 'F001')).toBe(false);
    expect(seen(ids, '2009', 'F001')).toBe(true);
    expect(seen(ids, '2009', 'F001')).toBe(true);
  });

  it('keeps waves apart: the same id in another wave is not a duplicate', () => {
    const ids = createIdIndex();
    expect(seen(ids, '2009', 'F001')).toBe(false);
    expect(seen(ids, '2006', 'F001')).toBe(false);
  });

  it('does not confuse (wave, id) pairs that concatenate alike', () => {
    const ids = createIdIndex();
    expect(seen(ids, '200', '9F001')).toBe(false);
    expect(seen(ids, '2009', 'F001')).toBe(false);
  });

  it('keeps 100,000 distinct ids apart (no false duplicates)', () => {
    const ids = createIdIndex();
    let dup = 0;
    for (let i = 0; i < 100_000; i++) if (seen(ids, '2009', `R${i}`)) dup++;
    expect(dup).toBe(0);
  });

  it('keeps each id’s tag through growth, small and large tags alike', () => {
    const ids = createIdIndex(4, true);
    for (let i = 0; i < 1000; i++) expect(seen(ids, 'w', `id${i}`, i % 7)).toBe(false);
    expect(seen(ids, 'w', 'big', 70_000)).toBe(false);
    for (let i = 0; i < 1000; i++) expect(ids.find(...hash64('w', `id${i}`))).toBe(i % 7);
    expect(ids.find(...hash64('w', 'big'))).toBe(70_000);
    expect(ids.find(...hash64('w', 'absent'))).toBe(-1);
  });
});

describe('createIdIndex growth', () => {
  it('grows past its initial table without losing or inventing ids', () => {
    const ids = createIdIndex(4);
    for (let i = 0; i < 1000; i++) expect(seen(ids, 'w', `id${i}`)).toBe(false);
    expect(ids.size()).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(seen(ids, 'w', `id${i}`)).toBe(true);
    expect(ids.size()).toBe(1000);
  });
});

describe('hash64', () => {
  it('gives two unsigned 32-bit halves, deterministic, never (0, 0)', () => {
    const [a, b] = hash64('2009', 'F001');
    for (const h of [a, b]) {
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
    expect(hash64('2009', 'F001')).toEqual([a, b]);
    expect(hash64('2009', 'F002')).not.toEqual([a, b]);
    expect(hash64('200', '9F001')).not.toEqual([a, b]);
  });
});

describe('hashIdBytes', () => {
  const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) });

  it('hashes printable ASCII bytes exactly as the same text (so byte and text reads of a file agree)', () => {
    fc.assert(
      fc.property(fc.string(), printable, (key, id) => {
        const seed = keySeed(key);
        const fromText = new Uint32Array(2);
        const fromBytes = new Uint32Array(2);
        hashIdString(seed, id, fromText);
        const bytes = Buffer.from(`xx${id}yy`, 'latin1');
        expect(hashIdBytes(seed, bytes, 2, 2 + id.length, fromBytes)).toBe(true);
        expect([...fromBytes]).toEqual([...fromText]);
      }),
    );
  });

  it('declines an id with a space, a control byte or a non-ASCII byte (its text must be decoded and trimmed)', () => {
    const out = new Uint32Array(2);
    for (const id of [' 1', '1 ', 'a\tb', 'é1', '\u00a01']) {
      const bytes = Buffer.from(id, 'utf8');
      expect(hashIdBytes(keySeed('2009'), bytes, 0, bytes.length, out)).toBe(false);
    }
  });
});

describe('createIdChecker', () => {
  const bytesOf = (s: string) => Buffer.from(s, 'latin1');
  const check = (c: ReturnType<typeof createIdChecker>, wave: string, area: string, id: string, asBytes: boolean) => {
    const dup = asBytes
      ? c.isDuplicateBytes('f.csv', wave, area, bytesOf(id), 0, id.length)
      : c.isDuplicate('f.csv', wave, area, id);
    if (dup === false) c.take();
    return dup;
  };

  it('finds a duplicate whether the first and second sightings were read as bytes or as text', () => {
    for (const [first, second] of [
      [true, false],
      [false, true],
      [true, true],
      [false, false],
    ] as const) {
      const c = createIdChecker('wave');
      expect(check(c, '2009', 'A', 'R17', first)).toBe(false);
      expect(check(c, '2009', 'B', 'R17', second)).toBe(true);
      expect(check(c, '2006', 'B', 'R17', second)).toBe(false);
    }
  });

  it('records an id only on take(): a row set aside after the check leaves its id free', () => {
    const c = createIdChecker('wave');
    expect(c.isDuplicate('f.csv', '2009', 'A', 'R1')).toBe(false); // no take: the row was set aside
    expect(check(c, '2009', 'A', 'R1', true)).toBe(false);
    expect(check(c, '2009', 'A', 'R1', true)).toBe(true);
  });

  it('hints at --id-scope area when most ids repeat in a wave but each is unique within its area', () => {
    const c = createIdChecker('wave');
    for (const area of ['A', 'B', 'C']) for (let i = 1; i <= 4; i++) check(c, '2009', area, `${i}`, true);
    // 12 checks, 8 duplicates (areas B and C), each unique within its area
    expect(c.hint()).toBe(
      '8 of 12 respondent ids repeat within a wave, but each is unique within its area: the ids look numbered per ' +
        'area; if so, use --id-scope area',
    );
  });

  it('gives no hint when a duplicate repeats within its own area too', () => {
    const c = createIdChecker('wave');
    for (const area of ['A', 'B', 'C']) for (let i = 1; i <= 4; i++) check(c, '2009', area, `${i}`, false);
    check(c, '2009', 'A', '4', false); // the row that took 4 is in A: not unique within its area
    expect(c.hint()).toBeNull();
  });

  it('keeps scopes: per file, and per wave and area', () => {
    const byFile = createIdChecker('file');
    expect(byFile.isDuplicate('a.csv', '2009', 'A', 'R1')).toBe(false);
    byFile.take();
    expect(byFile.isDuplicate('b.csv', '2009', 'A', 'R1')).toBe(false);
    expect(byFile.isDuplicate('a.csv', '2009', 'B', 'R1')).toBe(true);
    const byArea = createIdChecker('area');
    expect(byArea.isDuplicateBytes('a.csv', '2009', 'A', bytesOf('R1'), 0, 2)).toBe(false);
    byArea.take();
    expect(byArea.isDuplicate('b.csv', '2009', 'B', 'R1')).toBe(false);
    expect(byArea.isDuplicate('b.csv', '2009', 'A', 'R1')).toBe(true);
    expect(byArea.hint()).toBeNull();
  });
});
